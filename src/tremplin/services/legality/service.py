"""The legality service: ``check_offer(offer) -> LegalityReport``.

Pure and fast (no I/O): prepare the offer, run the detectors, turn their evidence into
findings with the rule's articles, a plain-French explanation and a suggested correction,
and compute the verdict. Recording proposals and counsellors' decisions in the governance
journal is in ``oversight.py``.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Literal

from tremplin.errors import InvalidInput
from tremplin.services.legality import params
from tremplin.services.legality.context import FIELD_CAP, Ctx
from tremplin.services.legality.findings import Finding, Hit, LegalityReport, Warning_
from tremplin.services.legality.messages import MESSAGES, WARNINGS
from tremplin.services.legality.model import detect
from tremplin.services.legality.rules import (
    EXCEPTIONS,
    RULES,
    RULESET_VERSION,
    SEVERITY_ORDER,
    cite,
    verdict_of,
)
from tremplin.services.legality.sentence_model import SentenceModel
from tremplin.services.legality.sentence_model import configured as configured_sentence_model
from tremplin.services.legality.text import sentence_bounds

SERVICE_NAME = "legality"
SERVICE_VERSION = "1.3.0"

_TEXT_FIELDS = ("intitule", "description", "experienceCommentaire", "complementExercice", "conditionExercice",
                "dureeTravailLibelle", "typeContrat", "typeContratLibelle", "experienceExige", "experienceLibelle",
                "dateCreation", "dateActualisation", "qualificationCode", "qualificationLibelle", "codeNAF")


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return ""


_FORMATTER = string.Formatter()


def _render(template: str, values: dict[str, Any]) -> str:
    return _FORMATTER.vformat(template, (), _Missing(values))


def _derived(hit: Hit, snippet: str) -> dict[str, Any]:
    p = dict(hit.params)
    p["text"] = snippet.strip()
    short = " ".join(snippet.split())
    p["text_short"] = short if len(short) <= 90 else short[:87] + "…"
    if hit.detector == "sex.gendered_title":
        p["gender_fr"] = "féminin" if p.get("gender") == "feminine" else "masculin"
    if hit.detector == "pay.below_smic":
        p["net_fr"] = "net " if p.get("net") else "brut " if p.get("unit") == "heure" else ""
        if p.get("unit") == "an":
            p["monthly_note"] = f", soit {p.get('monthly')} € par mois"
        if p.get("floor"):
            hours = p.get("hours", "35")
            p["floor_note"] = f", soit {p['floor']} € {'net ' if p.get('net') else ''}par mois pour {hours} heures " \
                              "par semaine"
            p["floor_suggest"] = f", soit {p['floor']} € {'net ' if p.get('net') else 'brut '}par mois pour " \
                                 f"{hours} heures par semaine"
        if p.get("territory") == "mayotte":
            p["territory_fr"] = " à Mayotte"
        if p.get("smic_from"):
            y, m, d = p["smic_from"].split("-")
            p["smic_from"] = f"{d}/{m}/{y}"
    if hit.detector == "contract.trial_too_long" and p.get("category"):
        p["category_fr"] = f" ({p['category']})" if p.get("known_category") else \
            f" (catégorie non précisée : maximum retenu, celui des {p['category']})"
    return p


def _to_finding(ctx: Ctx, hit: Hit) -> Finding:
    rule = RULES[hit.rule]
    ft = ctx.by_name.get(hit.field)
    if ft is not None and hit.start is not None and hit.end is not None:
        span = ft.raw_span(hit.start, hit.end)
        snippet = ft.raw[span[0]:span[1]]
    else:
        span = None
        value = ctx.d.get(hit.field) if hit.field in ctx.d else None
        snippet = value if isinstance(value, str) and len(value) <= 200 and hit.field not in ("text", "description") \
            else ""
    articles = list(hit.articles or rule.articles)
    messages = MESSAGES[hit.detector]
    values = _derived(hit, snippet)
    explanation = _render(messages["explain"], values)
    explanation = f"{explanation} ({'; '.join(cite(a) for a in articles)})"
    if hit.exception:
        exc = EXCEPTIONS[hit.exception]
        explanation += f" Exception prise en compte : {exc.label.lower()}."
    suggestion = _render(messages.get("suggest", ""), values) or None
    return Finding(rule=hit.rule, category=hit.category, articles=articles, severity=hit.severity, field=hit.field,
                   span=span, text=snippet, explanation=explanation, suggestion=suggestion, detector=hit.detector,
                   exception=hit.exception)


def _overlap(a: Hit, b: Hit) -> bool:
    if a.field != b.field:
        return False
    if a.start is None or b.start is None:
        return a.start is None and b.start is None and a.detector == b.detector
    return a.start < b.end and b.start < a.end


def _dedupe(ctx: Ctx, hits: list[Hit]) -> list[Hit]:
    """One finding per piece of evidence: among hits of a category in the same sentence, the most severe wins, then
    the one starting first, then the longest (more of the offending text shown). The rest of the key only makes the
    choice independent of the detectors' order (some run from sets, whose order changes with the hash seed)."""
    hits = sorted(hits, key=lambda h: (-SEVERITY_ORDER[h.severity], h.field, h.start or 0, -(h.end or 0), h.rule,
                                       h.detector, h.category))
    kept: list[Hit] = []
    sentences: dict[int, tuple[int, int]] = {}

    def sentence(h: Hit) -> tuple[int, int] | None:
        ft = ctx.by_name.get(h.field)
        if ft is None or h.start is None:
            return None
        key = id(h)
        if key not in sentences:
            sentences[key] = sentence_bounds(ft.folded, h.start, h.end)
        return sentences[key]

    for h in hits:
        duplicate = False
        for k in kept:
            if k.category != h.category or k.field != h.field:
                continue
            if _overlap(k, h):
                duplicate = True
                break
            sk, sh = sentence(k), sentence(h)
            if sk is not None and sk == sh and k.rule == h.rule:
                duplicate = True
                break
        if not duplicate:
            kept.append(h)
    return kept


def _validate(offer: Any) -> tuple[dict[str, Any], list[Warning_]]:
    warnings: list[Warning_] = []
    if hasattr(offer, "to_ft"):
        offer = offer.to_ft()
    if not isinstance(offer, dict):
        raise InvalidInput("une offre doit être un objet JSON (France Travail v2)", field="offre",
                           hint=f"reçu : {type(offer).__name__}")
    clean: dict[str, Any] = offer
    bad = [name for name in _TEXT_FIELDS if name in offer and offer[name] is not None
           and not isinstance(offer[name], str | int | float)]
    if bad:
        clean = {k: v for k, v in offer.items() if k not in bad}
        for name in bad:
            warnings.append(Warning_("invalid_field", f"champ « {name} » ignoré : texte attendu, reçu "
                                     f"{type(offer[name]).__name__}", field=name))
    identifier = offer.get("id")
    if identifier is not None and not isinstance(identifier, str | int):
        raise InvalidInput("l'identifiant de l'offre doit être une chaîne", field="id")
    return clean, warnings


def check_offer(offer: Any, *, as_of: date | None = None, text_only: bool = False,
                field_cap: int = FIELD_CAP, sentence_model: SentenceModel | Literal[False] | None = None
                ) -> LegalityReport:
    """Check one offer (France Travail v2 dict or ``Offer``); never raises on odd content, only on a non-object.

    ``sentence_model`` adds the learned detector's REVIEW findings (sentence_model.py); ``None`` takes the one
    installed under the models directory when the setting ``TREMPLIN_LEGALITY_SENTENCE_MODEL`` is on, ``False``
    none."""
    data, warnings = _validate(offer)
    ctx = Ctx(data, text_only=text_only, as_of=as_of, field_cap=field_cap)
    hits, dropped = detect(ctx)
    hits = _dedupe(ctx, hits)
    findings = [_to_finding(ctx, h) for h in hits]
    model = configured_sentence_model() if sentence_model is None else sentence_model
    if model:
        findings += model.findings(ctx, findings)
    findings.sort(key=lambda f: (-SEVERITY_ORDER[f.severity], f.rule, f.field, f.span[0] if f.span else -1))
    for name in ctx.truncated_fields:
        warnings.append(Warning_("truncated", WARNINGS["truncated"].format(cap=f"{field_cap:,}".replace(",", " ")),
                                 field=name, escalate=True))
    html_fields = [f.name for f in ctx.fields if f.offsets is not None]
    for name in html_fields:
        warnings.append(Warning_("html", WARNINGS["html"], field=name))
    if not ctx.fields:
        warnings.append(Warning_("empty", WARNINGS["empty"], escalate=not text_only))
    if params.smic_hourly(ctx.offer_date, ctx.territory) is None and (ctx.has_word("euros", "euro", "eur")
                                                                      or "€" in ctx.all):
        warnings.append(Warning_("no_smic", WARNINGS["no_smic"].format(date=ctx.offer_date.isoformat())))
    verdict = verdict_of(f.severity for f in findings)
    if any(w.escalate for w in warnings) and SEVERITY_ORDER[verdict] < SEVERITY_ORDER["review"]:
        verdict = "review"
    exceptions_applied = []
    seen = set()
    # sorted: the detectors' order (partly from sets) must not decide the order or the field reported
    applied = [(r, e, f) for r, e, f in dropped if e] + [(h.rule, h.exception, h.field) for h in hits if h.exception]
    for rule_id, exc_id, field in sorted(applied):
        if (rule_id, exc_id) not in seen:
            seen.add((rule_id, exc_id))
            exceptions_applied.append({"rule": rule_id, "exception": exc_id, "label": EXCEPTIONS[exc_id].label,
                                       "field": field})
    identifier = data.get("id")
    return LegalityReport(
        id=str(identifier) if identifier is not None else None,
        verdict=verdict,
        findings=findings,
        warnings=warnings,
        ruleset_version=RULESET_VERSION,
        checked_on=ctx.offer_date.isoformat(),
        exceptions_applied=exceptions_applied,
    )


def check_text(text: str, *, as_of: date | None = None, identifier: str | None = None) -> LegalityReport:
    """Check a bare text (``tremplin legality check --text``): wording rules only, no structured fields."""
    if not isinstance(text, str):
        raise InvalidInput("texte attendu", field="text")
    return check_offer({"id": identifier, "text": text}, as_of=as_of, text_only=True)


def check_many(offers: Iterable[Any], *, as_of: date | None = None) -> Iterator[LegalityReport]:
    for offer in offers:
        yield check_offer(offer, as_of=as_of)
