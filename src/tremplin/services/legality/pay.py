"""Pay: parse hourly, monthly and annual amounts (fields and text) and compare with the SMIC of the offer's date.

Amounts are read from the structured ``salaire`` field (« Mensuel de 1617,00 Euros sur 12 mois »,
« Annuel de 35000,00 Euros à 45000,00 Euros », « Horaire de 11.88 Euros ») and from the text
(« 11,50 € brut de l'heure », « 1 500 € net/mois », « 28-32 k€ », « Salaire : 1 700 € brut »).
A text amount counts as pay only near a pay word (salaire, rémunération, taux horaire, brut…)
and not after words that announce something else (prime, ticket, panier, chiffre d'affaires…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tremplin.services.legality import params
from tremplin.services.legality.alternation import compile_skipping
from tremplin.services.legality.text import FieldText, clause_bounds, fast, sentence_bounds

_NUM = r"(\d{1,3}(?:[ .\u202f](?:\d{3}))+|\d+)(?:[.,](\d{1,2}))?(?!\d)"
_FIELD_SALARY = fast(
    r"^\s*(annuel|mensuel|horaire|hebdomadaire|journalier|autre|cachet)?\s*de\s+" + _NUM + r"\s*(?:euros?|€|eur)?"
    r"(?:\s*(?:a|-)\s*" + _NUM + r"\s*(?:euros?|€|eur)?)?(?:\s*sur\s*(\d+(?:[.,]\d+)?)\s*mois)?"
)
_MONEY = compile_skipping(_NUM + r"\s*(k\s?(?:€|euros?|eur)\b|k\b|€|euros?\b|eur\b|(?=(?:bruts?|nets?)\b)|"
                    # « 9,10e de l'heure »: a lone « e » for euros, only when a pay unit follows
                    r"(?:e|balles)\b(?=\s*(?:de l'heure|l'heure|/\s*h\b|/\s*heure|par heure|/\s*mois|par mois|bruts?\b|nets?\b)))")
# « 9€50 de l'heure », « 9 euros 50 »: the cents written after the currency
_CENTS = re.compile(r"\s?(\d{2})\b(?!\s*(?:h\b|heures?|%|€|euros?|ans?\b|mois|jours?|semaines?|k\b|[.,]\d))")
_RANGE_BEFORE = fast(r"(?:entre|de|du)?\s*" + _NUM + r"\s*(k\s?€?|€|euros?)?\s*(?:et|a|-|/)\s*$")
_UNIT_AFTER = fast(
    r"^\s*(?:(bruts|brut|nets|net|b\b)\s*)?(?:(?:/|par le|par|de l'|l'|a l'|le|la|chaque|pour chaque|pour (?:une|un|la|le))\s*)?"
    r"(heure|h\b|hr\b|mois|mensuel\w*|an\b|annee|annuel\w*|horaire|demi[- ]journee|jour|journee|semaine|hebdo\w*|nuit|vacation|"
    r"mission|prestation|piece|colis|livraison|tournee|course|forfait|soiree|soir\b)?"
    r"\s*(?:(brut|net|bruts|nets)\b)?\s*(?:(?:/|par)\s*(heure|mois|an|annee|jour|semaine))?"
)
_PAY_WORDS = fast(
    r"(?:salaire|remuner\w*|renumer\w*|remunar\w*|retribu\w*|\bpaye\w*|\bpaie\b|\bpaye\b|taux horaire|\bbrut\b|\bnet\b|\bfixe\b|"
    r"gagn\w*|\bsalarial|\bpay(?!ant)\w*\b|\bsmic\b|\bpackage\b|\bsalary\b|grille|"
    # « forfait journalier de 70 € »: a lump sum for the time worked is the pay
    r"\bforfait (?:journalier|quotidien|horaire|mensuel|hebdomadaire|de la journee|a la journee|par jour|de nuit|par soiree))"
)
_NOT_PAY = fast(
    r"(?:prime|bonus|indemnit\w*|tickets?|titres?[- ]restaurant|panier|mutuelle|participation|interessement|"
    r"variable|commission\w*|avantage|frais(?!e)|rembours\w*|cheques?|carte|budget|\bca\b|chiffre|capital|"
    r"prix(?! (?:de l'heure|horaire|de la journee|de la semaine))|"
    r"tarif(?! horaire)|"
    r"cout|loyer|valeur|montant|facture|plafond|augmentation|financement|subvention|"
    # an aid, not the job of an « aide à domicile », « aide-soignant », « aide de cuisine »
    r"\baide\b(?!-| (?:a domicile|a la personne|menager\w*|de cuisine|cuisin\w*|maternel\w*|familial\w*|educat\w*|"
    r"comptable|de vie))|caution|fonds|epargne|"
    r"\bpee\b|cotisation|\bjusqu'a\b|gains? (?:jusqu|pouvant)|\+\s*$|revenus? (?:complementaires?|potentiels?)|"
    r"dotation|allocation|forfait (?:mobilite|teletravail)|treizieme|13e|13eme|\bvente|\bpanier moyen|"
    r"prise en charge|\bhabitants|\bsalaries|collaborateurs|milliards?|millions?|\bk€ de|investi|segur|"
    r"complement de traitement|\bcti\b|anciennete|indemnite|location|\bloyer|logement|hebergement|chambre|studio|"
    r"appartement|abonnement|objectif|portefeuille|encours|facturation|factur|devis|commande|\bpanier|"
    r"forfait (?:telephon|mobile|internet|repas|kilometrique)|payant\w*|caution|depot|inscription|droit d'entree)"
)
_RANGE_GOES_ON = re.compile(r"^\s*(?:a|-|et|au)\s*\d[\d .]*(?:[.,]\d{1,2})?\s*(?:k\s?€|€|euros?\b)")
_NET = fast(r"\bnet\b|\bnets\b|net mensuel|net par|en net")
_FULL_TIME_TEXT = fast(r"\btemps (?:plein|complet)\b|\bplein temps\b|\b35\s?h(?:eures)?\b|\b(?:3[5-9]|4[0-8])\s?h(?:eures)?\s*"
                             r"(?:par|/|hebdo)")
_PART_TIME_TEXT = fast(r"\btemps partiel\b|\bmi-temps\b|\bmi temps\b")


@dataclass(slots=True)
class Amount:
    value: float  # euros
    unit: str  # "hour", "month", "year", "unknown", "other"
    net: bool
    field: str
    start: int | None  # span in the field's clean text
    end: int | None
    high: float | None = None  # upper end of a range
    inferred: bool = False  # unit guessed from the magnitude, not stated


def _num(intpart: str, dec: str | None) -> float:
    digits = re.sub(r"[ .\u202f]", "", intpart)
    return float(f"{digits}.{dec}") if dec else float(digits)


def _infer_unit(value: float) -> str:
    if 5 <= value < 100:
        return "hour"
    if 500 <= value < 10_000:
        return "month"
    if 10_000 <= value < 500_000:
        return "year"
    return "unknown"


_UNIT_WORDS = {"heure": "hour", "h": "hour", "hr": "hour", "horaire": "hour", "mois": "month", "mensuel": "month",
               "an": "year", "annee": "year", "annuel": "year", "demi": "other", "jour": "other", "journee": "other",
               "semaine": "other", "hebdo": "other", "nuit": "other", "vacation": "other", "mission": "other",
               "prestation": "other", "piece": "other", "colis": "other", "livraison": "other", "tournee": "other",
               "course": "other", "forfait": "other", "soiree": "other", "soir": "other"}


def _unit_word(word: str | None) -> str | None:
    if not word:
        return None
    for key, unit in _UNIT_WORDS.items():
        if word.startswith(key):
            return unit
    return None


_KILO_AFTER = re.compile(r"\s?k(?:\b|€)")


def parse_field_salary(ft: FieldText) -> Amount | None:
    """The structured « salaire.libelle » (or a flat salary string)."""
    m = _FIELD_SALARY.search(ft.folded)
    if not m:
        return None
    kind = m.group(1) or "autre"
    low = _num(m.group(2), m.group(3))
    high = _num(m.group(4), m.group(5)) if m.group(4) else None
    # « Annuel de 15k€ brut »: thousands written « k »
    if _KILO_AFTER.match(ft.folded, m.end(3) if m.group(3) else m.end(2)):
        low *= 1000
        if high is not None and high < 1000:
            high *= 1000
    unit = {"annuel": "year", "mensuel": "month", "horaire": "hour"}.get(kind)
    inferred = False
    if unit is None:
        unit = "other" if kind in ("hebdomadaire", "journalier", "cachet") else _infer_unit(low)
        inferred = unit != "other"
    if low <= 0:
        return None
    end = m.end(5) if m.group(5) else m.end(4) if m.group(4) else m.end(3) if m.group(3) else m.end(2)
    return Amount(low, unit, False, ft.name, m.start(2), end, high, inferred=inferred)


# An hourly rate written without a currency sign: « Taux horaire : 10,80 », « THB 11.20 ».
_BARE_HOURLY = fast(r"\b(?:taux horaire|salaire horaire|remuneration horaire|thb|taux brut horaire|taux horaire brut)"
                    r"\s*(?:brut|net)?\s*(?:de|:|=|a)?\s*(\d{1,2})[.,](\d{1,2})\b(?!\s*(?:%|€|eur|k\b))")


# « neuf euros de l'heure », « huit euros cinquante brut de l'heure »: an hourly rate written in words (left from 1.12)
_WORD_UNITS = {"cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
               "quatorze": 14, "quinze": 15}
_WORD_CENTS = {"dix": 10, "vingt": 20, "vingt-cinq": 25, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
               "soixante-dix": 70, "soixante-quinze": 75, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90}
_WORD_HOURLY = re.compile(
    r"\b(cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze) euros?(?: (?:et )?(vingt-cinq|soixante-dix|"
    r"soixante-quinze|quatre-vingt-dix|quatre-vingts?|dix|vingt|trente|quarante|cinquante|soixante)(?: centimes?)?)?"
    r"\s*(bruts?|nets?)?\s*(?:de l'heure|l'heure|par heure|/ ?h\b|de l'h\b|(?:de )?(?:taux )?horaires?\b)")


def parse_text_amounts(ft: FieldText) -> list[Amount]:
    """Pay amounts in free text (with unit and gross/net when stated)."""
    out: list[Amount] = []
    folded = ft.folded
    if "euro" in folded:
        for m in _WORD_HOURLY.finditer(folded):
            if _NOT_PAY.search(folded, max(0, m.start() - 30), m.start()) or re.search(
                    r"\b(?:majoration|supplement|bonus|surplus)\w*", folded[max(0, m.start() - 30):m.start()]) or re.match(
                    r"\s*(?:de nuit|supplementaires?|d'astreinte|de dimanche|majoree?s?)", folded[m.end():m.end() + 20]):
                continue  # « prime de dix euros par heure de nuit »: a bonus, not the rate
            value = _WORD_UNITS[m.group(1)] + (_WORD_CENTS[m.group(2)] / 100 if m.group(2) else 0)
            out.append(Amount(value, "hour", (m.group(3) or "").startswith("net"), ft.name, m.start(), m.end()))
    if "horaire" in ft.words or "thb" in ft.words:
        for m in _BARE_HOURLY.finditer(folded):
            net = bool(re.search(r"\bnet\b", m.group(0))) or bool(re.match(r"\s*nets?\b", folded[m.end():m.end() + 6]))
            out.append(Amount(_num(m.group(1), m.group(2)), "hour", net, ft.name, m.start(1), m.end(2)))
    if ("salaire" in ft.words or "remuneration" in ft.words) and ":" in folded:
        out.extend(_bare_amounts(ft))
    if "€" not in folded and "euro" not in folded and "eur" not in folded and "brut" not in folded \
            and "net" not in folded and "balles" not in folded and "e de l'heure" not in folded \
            and "e l'heure" not in folded and "e/h" not in folded:
        return out  # (« 7e de l'heure »: a lone « e » for euros before an hourly unit)
    for m in _MONEY.finditer(folded):
        start, end = m.span()
        if start > 0 and folded[start - 1] in "0123456789.,":
            continue
        c0, c1 = clause_bounds(folded, start, end, max_back=90, max_fwd=60)
        s0, _ = sentence_bounds(folded, start, end, max_back=90, max_fwd=10)
        before = folded[s0:start]
        value = _num(m.group(1), m.group(2))
        kilo = (m.group(3) or "").startswith("k")
        if m.group(2) is None and not kilo and value < 100 and (m.group(3) or "").startswith(("€", "euro")):
            cents = _CENTS.match(folded, end)
            if cents:
                value += int(cents.group(1)) / 100
                end = cents.end()
        if kilo:
            value *= 1000
        after = folded[end:c1]
        if _RANGE_GOES_ON.match(after):
            continue  # « 1 800 € à 2 000 € net/mois »: the second amount carries the range and its unit
        u = _UNIT_AFTER.match(after)
        unit = None
        net = False
        if u:
            unit = _unit_word(u.group(2)) or _unit_word(u.group(4))
            net = any(g and g.startswith("net") for g in (u.group(1), u.group(3)))
        # Range « 1 800 à 2 000 € », « 28-32 k€ »: the first number has no currency sign.
        low_value = value
        rb = _RANGE_BEFORE.search(before[-40:])
        range_start = start
        if rb:
            first = _num(rb.group(1), rb.group(2))
            if kilo and first < 1000:
                first *= 1000
            if 0 < first <= value:
                low_value = first
                range_start = start - (len(before[-40:]) - rb.start(1))
        tail = before[-60:]
        u_early = _UNIT_AFTER.match(after)
        hourly_written = bool(u_early) and _unit_word(u_early.group(2) or u_early.group(4)) == "hour" and \
            _infer_unit(value) == "hour"
        # Closest pay word vs closest word announcing something else. An hourly rate written as such is the pay of
        # the activity named before it (« Vente sur les marchés : 9,10 € de l'heure »), a sales figure it is not; an
        # allowance for a full-time post (« Indemnité mensuelle de 900 € pour un temps plein ») is its pay.
        not_pay = []
        allowance = -1
        for p in _NOT_PAY.finditer(tail):
            if hourly_written and p.group(0).startswith(("vente", "tarif")):
                continue  # « Tarif : 8 € de l'heure »: the rate of the person's own hour is their pay
            if p.group(0).startswith("indemnit") and _FULL_TIME_TEXT.search(
                    folded, start, min(len(folded), end + 80)) and not re.match(
                    r"indemnit\w* (?:de |d')?(?:stage|transport|repas|kilometr|deplacement|panier|logement|"
                    r"licenciement|rupture|conges|precarite|fin de|teletravail|habillage)", tail[p.start():]):
                allowance = p.end()
                continue
            not_pay.append(p.end())
        not_pay_pos = max(not_pay, default=-1)
        # « prime fixe de 400 € »: a pay word qualifying the bonus does not make the amount pay.
        pay_pos = max([p.end() for p in _PAY_WORDS.finditer(tail)
                       if not any(0 <= p.start() - e <= 12 for e in not_pay)] + [allowance])
        explicit_unit = unit in ("hour", "month", "year") or kilo
        has_pay_word = pay_pos >= 0 or bool(_PAY_WORDS.search(after[:25]))
        if not_pay_pos > pay_pos:
            continue
        if _NOT_PAY.match(re.sub(r"^(?:de |d'|en )", "", after.strip())[:30] or "-") and not explicit_unit:
            continue  # « 8,50 € de prime par heure de nuit »
        gross_net = bool(u and (u.group(1) or u.group(3)))
        # An amount with an explicit time unit that fits its size (« 1 500 € par mois », « 11 €/h ») is pay even
        # without a pay word, unless a word announcing something else is near (checked above).
        fits_unit = explicit_unit and not kilo and _infer_unit(low_value) == unit
        per_item = None if kilo else (_per_item_hourly(folded, after, start, end, low_value)
                                      or _per_task_hourly(folded, after, start, end, low_value))
        if per_item is not None:
            # « 2 € par course, environ 4 courses par heure »: the pay of one hour is the rate times the output
            out.append(Amount(per_item, "hour", net, ft.name, range_start, end))
            continue
        day_hours = None
        if u is not None and unit == "other":
            day_hours = _period_hours(folded, u.group(2) or u.group(4) or "", start, end, _rest_after_unit(after, u))
        elif unit is None and not kilo and 20 <= low_value < 600 and (db := _DAY_BEFORE.search(before[-90:])):
            # « La journée de 8 heures est payée 60 € », « Chaque semaine (35 h), … 300 € »: the period and its
            # hours are written before the amount
            day_hours = _period_hours(folded, db.group(1), start, end, "")
        if day_hours:
            # a day's or a week's pay with its hours stated is pay even without a pay word
            out.append(Amount(round(low_value / day_hours, 2), "hour", net, ft.name, range_start, end))
            continue
        if not (has_pay_word or kilo or gross_net or fits_unit):
            continue
        if not m.group(3) and unit is None and not (300 <= low_value <= 5000 and pay_pos >= 0):
            continue  # « salaire 1100 brut »: a figure with only « brut/net » after it is pay when a pay word leads
        inferred = False
        if unit is None and re.match(r"^\s*(?:brut|net|bruts|nets)?\s*(?:/|par)\s*[a-z]", after):
            continue  # « 987 € par garde », « 90 € / vacation »: a unit we do not compare
        if unit is None:
            if re.search(r"(?:taux horaire|horaire|de l'heure)", tail[-30:]):
                unit = "hour"
            elif re.search(r"(?:annuel|par an|/an|brut annuel|\bk€)", tail[-30:] + after[:20]):
                unit = "year"
            elif re.search(r"(?:mensuel|par mois|/mois)", tail[-30:] + after[:20]):
                unit = "month"
            else:
                unit = _infer_unit(low_value)
                inferred = True
            # The word may belong to another amount of the sentence: the magnitude decides.
            magnitude = _infer_unit(low_value)
            if not inferred and magnitude != "unknown" and magnitude != unit:
                unit, inferred = magnitude, True
        if not net and _NET.search(tail[-25:]):
            net = True
        hours_paid = _FOR_HOURS.match(after)
        if hours_paid and not kilo and low_value < 600:  # a day's or a week's pay; « 1 400 € pour 35 h » is monthly
            # « 60 € brut pour 8 heures de travail »: the amount pays the hours the text gives, an hourly rate
            h = int(hours_paid.group(1)) + (int(hours_paid.group(2)) / 60 if hours_paid.group(2) else 0)
            if 1 <= h <= 60:
                out.append(Amount(round(low_value / h, 2), "hour", net, ft.name, range_start, end))
                continue
        out.append(Amount(low_value, unit, net, ft.name, range_start, end,
                          high=value if low_value != value else None, inferred=inferred))
    return out


_FOR_HOURS = re.compile(r"^\s*(?:bruts?|nets?)?\s*(?:pour|les)\s+(\d{1,2})(?:[.,h](\d{1,2}))?\s*(?:h\b|heures?\b)"
                        r"(?!\s*(?:par|/|chaque|hebdo|de travail par|mensuel|par mois))")
_DAY_HOURS = re.compile(r"^\s*(?:bruts?|nets?)?\s*(?:de|pour|sur|d'une duree de|\(|,)\s*(?:environ |env\. |soit )?(\d{1,2})(?:[.,h](\d{1,2}))?\s*"
                        r"(?:h\b|heures?\b)")


def _rest_after_unit(after: str, u: re.Match) -> str:
    rest = after[u.end():]
    if u.end() and after[u.end() - 1].isalpha():
        rest = re.sub(r"^[a-z]+", "", rest)  # the rest of a unit word matched short (« jour|nee »)
    return rest


# Hours of a working day written anywhere in the sentence: « journées de 7 h », « (8 heures par jour) ».
_DAY_LENGTH = re.compile(r"\b(?:journees?|jours?)(?: de travail| travaillee?s?)? (?:de|d'une duree de|d'environ) "
                         r"(\d{1,2})(?:[.,h](\d{1,2}))? ?(?:h\b|heures?\b)|\b(\d{1,2})(?:[.,h](\d{1,2}))? ?(?:h\b|heures?\b)"
                         r"(?: de travail)? ?(?:par jour|/ ?jour|par journee|la journee|chaque jour)")


# « La journée … 60 € », « Journée de 9 heures payée 70 € »: without an article, the period must give its length
_DAY_BEFORE = re.compile(r"\b(?:(?:la|une|chaque|par) |(?=(?:journee|semaine|nuit|vacation|soiree)s? (?:de |d'une duree de "
                         r"|\()\d))(journee|semaine|nuit|vacation|soiree)\b[^.;:]{0,70}$")
# « 400 € par semaine pour 6 jours de 10 heures »: the week's hours as days times the day's length
_DAYS_TIMES = re.compile(r"\b([1-7]) (?:jours?|journees?|nuits?)(?: de travail| travaillee?s?)? (?:de|d'une duree de|a raison "
                         r"de) (\d{1,2})(?:[.,h](\d{2}))? ?(?:h\b|heures?\b)")
# « de 20 h à 7 h », « 9h-18h »: a working span, less the break the sentence states
_SPAN = re.compile(r"\b([01]?\d|2[0-3]) ?h ?([0-5]\d)? ?(?:-|a|jusqu'a) ?([01]?\d|2[0-3]) ?h ?([0-5]\d)?(?![\d/])")
_BREAK = re.compile(r"\b(\d) ?h(?:eures?)? ?(\d{2})? (?:de pause|de coupure)|pause (?:d'une heure|de (\d) ?h)")
# « pour des tournées de 10 heures », « (8 h) »: one length introduced as a duration, not a clock time
_DURATION = re.compile(r"(?:\bde|\bpour|\bsur|\ben|\() ?(\d{1,2}) ?(?:h\b|heures?\b)(?! ?\d)"
                       r"(?! ?(?:par|/|chaque|hebdo|de travail par) ?(?:semaine|sem\b|mois))")


def _day_hours_in(folded: str, start: int, end: int) -> float | None:
    """The length of the working day stated in the amount's sentence, when it gives one figure."""
    s0, s1 = sentence_bounds(folded, start, end)
    found = set()
    for m in _DAY_LENGTH.finditer(folded, s0, s1):
        hours, minutes = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        h = int(hours) + (int(minutes) / 60 if minutes else 0)
        if 1 <= h <= 13:
            found.add(round(h, 2))
    if not found:
        found = _span_hours(folded, s0, s1)
    if not found:
        found = {float(m.group(1)) for m in _DURATION.finditer(folded, s0, s1) if 1 <= int(m.group(1)) <= 13}
    return found.pop() if len(found) == 1 else None


def _span_hours(folded: str, s0: int, s1: int) -> set[float]:
    """Lengths of the working spans of a sentence (« de 20 h à 7 h » is 11 h), less a stated break."""
    spans = set()
    for m in _SPAN.finditer(folded, s0, s1):
        a = int(m.group(1)) + (int(m.group(2)) / 60 if m.group(2) else 0)
        b = int(m.group(3)) + (int(m.group(4)) / 60 if m.group(4) else 0)
        spans.add((b - a) % 24)
    if len(spans) != 1:
        return set()
    h = spans.pop()
    br = _BREAK.search(folded, s0, s1)
    if br:
        h -= 1 if not (br.group(1) or br.group(3)) else int(br.group(1) or br.group(3)) + (
            int(br.group(2)) / 60 if br.group(2) else 0)
    return {round(h, 2)} if 1 <= h <= 13 else set()


# A rate per item and the number of items made in an hour (« 0,12 € l'enveloppe, 50 enveloppes par heure »).
_PER_ITEM = re.compile(r"\s*(?:bruts?|nets?)?\s*(?:/|par|l'|le|la|chaque|a l'|au|a la|pour (?:un|une|chaque))\s*([a-z]{3,})")


def _per_item_hourly(folded: str, after: str, start: int, end: int, value: float) -> float | None:
    """A rate per item and the items made in an hour. No pay word is needed: a price per item followed by the number
    of items per hour is a piece rate (« 0,03 € par boîte aux lettres, environ 200 boîtes à l'heure »)."""
    if value >= 50:
        return None
    m = _PER_ITEM.match(after)
    if m is None or m.group(1).startswith(("heure", "mois", "an", "annee", "jour", "semaine", "nuit")):
        return None
    _, s1 = sentence_bounds(folded, start, end)
    stem = "(?:kilo|kg)" if m.group(1).startswith(("kilo", "kg")) else re.escape(m.group(1)[:4])
    # « 8 chemises repassées par heure »: one participle may stand between the items and the hour
    rate = re.search(r"\b(\d{1,3}) ?(?:\w+ )?" + stem + r"[a-z]*(?: [a-z]+)?\s*(?:par|/|a l'|de l'|chaque|l')\s*"
                     r"(?:heure|h)\b",
                     folded[end:s1])
    if rate is None:
        return None
    n = int(rate.group(1))
    return round(value * n, 2) if 1 <= n <= 300 else None


# How long one task takes: « 1 h 30 », « 45 minutes », « une heure et demie », « trois quarts d'heure ».
_TASK_TIME = (r"(?:(\d{1,2}) ?(?:h|heures?)(?: ?(\d{2})\b)?|(\d{1,3}) ?(?:min|minutes?|mn)\b|"
              r"(une demi-heure|un quart d'heure|trois quarts d'heure|une heure et demie|une heure et quart|une heure|"
              r"deux heures|trois heures|quatre heures))")
_TASK_WORDS = {"une demi-heure": 0.5, "un quart d'heure": 0.25, "trois quarts d'heure": 0.75, "une heure et demie": 1.5,
               "une heure et quart": 1.25, "une heure": 1.0, "deux heures": 2.0, "trois heures": 3.0,
               "quatre heures": 4.0}
# the task's length right after it (« par intervention d'une heure et demie », « la séance de 45 minutes »)
_TASK_LENGTH = re.compile(r"(?: [a-z]+)? (?:de |d'|d'une duree de |\()" + _TASK_TIME)


def _task_hours(m: re.Match) -> float:
    if m.group(4):
        return _TASK_WORDS[m.group(4)]
    if m.group(3):
        return int(m.group(3)) / 60
    return int(m.group(1)) + (int(m.group(2)) / 60 if m.group(2) else 0)


def _per_task_hourly(folded: str, after: str, start: int, end: int, value: float) -> float | None:
    """« 9 € par intervention d'une heure et demie », « 8 € par chambre, compter 1 h 30 par chambre »: the pay of one
    task and the time it takes, stated in the amount's sentence, make an hourly rate."""
    if value >= 300:
        return None
    m = _PER_ITEM.match(after)
    if m is None or m.group(1).startswith(("heure", "mois", "an", "annee", "jour", "semaine", "nuit")):
        return None
    length = _TASK_LENGTH.match(after, m.end())
    if length is None:
        _, s1 = sentence_bounds(folded, start, end)
        length = re.search(r"\b" + _TASK_TIME + r" (?:\w+ )?(?:par|pour|chaque) (?:\w+ )?" + re.escape(m.group(1)[:4]),
                           folded[end:s1])
    if length is None:
        return None
    h = _task_hours(length)
    return round(value / h, 2) if 0.25 <= h <= 13 else None


# « Rémunération : 1100 », « Salaire brut mensuel : 1 250 »: a bare figure after a pay label.
_BARE_PAY = fast(r"\b(?:salaire|remuneration)(?: (?:mensuel(?:le)?|brut|net|horaire|de base|proposee?))*\s*:\s*"
                 r"(\d{1,2}[ .]\d{3}|\d{3,4}|\d{1,2}[.,]\d{1,2})(?:[.,](\d{1,2}))?(?!\d|[.,]\d)"
                 r"(?!\s*(?:%|€|e\b|eur|k\b|h\b|heures?|ans?\b|mois|jours?|semaines?|a\b|-|/|\())")


def _bare_amounts(ft: FieldText) -> list[Amount]:
    out = []
    for m in _BARE_PAY.finditer(ft.folded):
        raw = m.group(1)
        if "," in raw or ("." in raw and len(raw.split(".")[1]) <= 2):
            whole, _, dec = raw.replace(",", ".").partition(".")
            value = float(f"{whole}.{dec}")
        else:
            value = _num(raw, m.group(2))
        unit = _infer_unit(value)
        if unit not in ("hour", "month"):
            continue
        net = bool(re.search(r"\bnet\b", m.group(0)))
        out.append(Amount(value, unit, net, ft.name, m.start(1), m.end(1), inferred=True))
    return out


def _period_hours(folded: str, per: str, start: int, end: int, after: str) -> float | None:
    """Hours worked in the day or the week an amount pays for, when the text states them."""
    if per.startswith(("jour", "journee", "nuit", "demi", "soir", "vacation", "tournee")):
        m = _DAY_HOURS.match(after)
        if m:
            h = int(m.group(1)) + (int(m.group(2)) / 60 if m.group(2) else 0)
            return h if 1 <= h <= 13 else None
        return _day_hours_in(folded, start, end)
    if per.startswith(("semaine", "hebdo")):
        s0, s1 = sentence_bounds(folded, start, end)
        dt = _DAYS_TIMES.search(folded, s0, s1)
        if dt:
            h = int(dt.group(1)) * (int(dt.group(2)) + (int(dt.group(3)) / 60 if dt.group(3) else 0))
            return h if 1 <= h <= 84 else None
        m = _DAY_HOURS.match(after)
        h = float(m.group(1)) if m else hours_near(folded, start, end)
        if h is None:
            s0, s1 = sentence_bounds(folded, start, end)
            m = re.search(r"\b(\d{1,2})\s*(?:h|heures?)\s*(?:par|/|de travail par|chaque|hebdo\w*)\s*(?:semaine|sem\b)?",
                          folded[s0:s1])
            h = float(m.group(1)) if m else None
        if h is None:  # « Chaque semaine (35 h) »
            found = {int(d.group(1)) for d in _DURATION.finditer(folded, s0, s1)}
            h = float(found.pop()) if len(found) == 1 else None
        return h if h and 1 <= h <= 60 else None
    return None


def smic_thresholds(on, territory: str) -> tuple[params.Dated, float] | None:
    """(hourly SMIC as a dated value, monthly SMIC for 35 h) in force on ``on``."""
    hourly = params.smic_hourly(on, territory)
    if hourly is None:
        return None
    return hourly, round(hourly.value * params.MONTHLY_HOURS_35, 2)


def monthly_equivalent(amount: Amount) -> float | None:
    if amount.unit == "month":
        return amount.value
    if amount.unit == "year":
        return amount.value / 12
    return None


def is_full_time_text(folded: str) -> bool | None:
    """True (full time), False (part time) or None (not said, or both offered: « temps partiel ou temps plein »)."""
    part = _PART_TIME_TEXT.search(folded)
    full = _FULL_TIME_TEXT.search(folded)
    if part and full:
        return None
    if part:
        return False
    if full:
        return True
    return None


_WEEK_HOURS_NEAR = fast(r"\b(\d{1,2})(?:[.,](\d{1,2}))?\s*(?:h|heures?)\s*(?:\d{2}\s*)?(?:par|/|a la|chaque|hebdo\w*|"
                        r"de travail (?:par|hebdo\w*))\s*(?:semaine|sem\b)?")


def hours_near(folded: str, start: int, end: int) -> float | None:
    """Weekly hours stated in the sentence of an amount (« 1 310 € pour 25 heures par semaine »), if one figure."""
    s0, s1 = sentence_bounds(folded, start, end)
    found = set()
    for m in _WEEK_HOURS_NEAR.finditer(folded, s0, s1):
        tail = m.group(0)
        if not re.search(r"semaine|sem\b|hebdo", tail):
            continue
        h = int(m.group(1)) + (int(m.group(2)) / (10 ** len(m.group(2))) if m.group(2) else 0)
        if 0 < h <= 60:
            found.add(round(h, 2))
    return found.pop() if len(found) == 1 else None
