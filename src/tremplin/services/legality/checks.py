"""Detectors that need more than a lexicon: ages and minors, gendered titles, pay below the SMIC,
contract rules, working time, internships, contradictions between fields and text, language,
publication formalities and pay transparency.

Each function takes the prepared offer (:class:`Ctx`) and returns :class:`Hit` objects; the
French wording of each hit is in ``messages.py`` (keyed by detector id and ``params``).
"""

from __future__ import annotations

import re

from tremplin.services.legality import params
from tremplin.services.legality.alternation import compile_skipping
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.findings import Hit
from tremplin.services.legality.gender import check_title
from tremplin.services.legality.lexicon import NEG_BEFORE, apply_exceptions, is_diversity_statement
from tremplin.services.legality.pay import (
    Amount,
    hours_near,
    is_full_time_text,
    monthly_equivalent,
    smic_thresholds,
)
from tremplin.services.legality.text import (
    clause_bounds,
    fast,
    finditer_at,
    finditer_in_windows,
    finditer_near_words,
    is_latin1,
    search_around,
    search_near_words,
    sentence_bounds,
    starts_after,
    starts_holding,
)


def _fr(value: float, digits: int = 2) -> str:
    text = f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")
    return text


# =============================================================================== age and minors

_AGE_NUM = compile_skipping(r"(\d{1,2})\s*ans?\b")
_UNITS = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9}
_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
# Ages written in words: « moins de trente ans », « dix-huit ans », « quarante-cinq ans ».
_AGE_WORDS_NUM = re.compile(r"\b(?:(dix-huit|dix-neuf|dix-sept|seize)|(vingt|trente|quarante|cinquante|soixante)"
                            r"(?:[- ](?:et[- ])?(un|deux|trois|quatre|cinq|six|sept|huit|neuf))?)\s+ans\b")
_TEENS = {"seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19}


def _age_numbers(folded: str):
    """(start, end, age) of every « N ans » written in digits or in words, in order."""
    found = [(m.start(), m.end(), int(m.group(1))) for m in _AGE_NUM.finditer(folded)]
    if "ans" in folded and any(w in folded for w in ("vingt", "trente", "quarante", "cinquante", "soixante", "dix-",
                                                     "seize")):
        for m in _AGE_WORDS_NUM.finditer(folded):
            n = _TEENS[m.group(1)] if m.group(1) else _TENS[m.group(2)] + _UNITS.get(m.group(3) or "", 0)
            found.append((m.start(), m.end(), n))
        found.sort()
    return found
_AGE_RANGE_START = re.compile(r"(?<![\d.,/])(\d{1,2})\s*(?:-|a|et|/|ou)\s*$")
_AFTER_NOT_AGE = fast(
    r"^\s*(?:minimum\s+|min\.?\s+|au moins\s+|environ\s+|et plus\s+)?(?:d'(?!age)|de (?!age|moins|plus|preference)|d |"
    # « 10 ans à la tête de », not « moins de 30 ans à la date d'embauche » (when the age is measured)
    r"dans |chez |sur (?:un|une|le|la|des|poste)|en tant|au sein|comme |a l'(?!embauche|entree|inscription|ouverture)|"
    r"a la (?!date|signature|prise de poste|rentree|fin de)|au poste|au service|"
    r"en (?:cuisine|restauration|magasin|entreprise|industrie|agence|cabinet|atelier|usine|poste|milieu|"
    r"qualite|gestion|management|vente|comptabilite|maintenance|production|logistique|btp|boulangerie|salle)|"
    r"apres|plus tard|d'anciennete|d'exp|de metier|de pratique|d'activite|d'existence|d'histoire|de savoir|"
    r"d'expertise|de carriere|de service|de garantie|de presence|consecutifs|renouvelable|en moyenne)"
)
_BEFORE_NOT_AGE = fast(
    r"(?:experien\w*|anciennete|pratique|justifi\w*|depuis|existe\w*|cree\w*|fonde\w*|il y a|pendant|durant|duree|"
    r"engagement|garantie|\bbail|periode|tous les|chaque|d'ici|prochaines?|projet|plan\b|"
    r"histoire|implant\w*|leader|savoir-faire|\bbac\b|diplom\w*|formation|\bbts\b|\bbut\b|niveau|cursus|etudes|"
    r"age moyen|moyenne d'age|dont|equipe de|collaborateurs|salaries|effectif|reconnu|partenaire|metier|secteur|"
    r"domaine|poste similaire|\bses\b|\bnos\b|\bleurs\b|\bson\b|\bsa\b|notre|\bfete\w*|anniversaire|celebr\w*|"
    r"\bapres\b|\bavant\b|\bsous\b|\bpour une duree|\bsur une duree|\ba hauteur|\bvalable|\bvalidite|\bcredit|"
    r"\bpret\b|\bemprunt|amortis|\bfidelite|\bmedaille|\bsuivi\b|\bgarantie|\bhorizon|\bsur\s+\d|\bvous justifiez"

    r"|\bminimum de\b\s*$|\bau moins\b(?=.*d'exp))"
)
_PUBLIC = fast(
    r"\b(?:enfants?|bebes?|nourrissons?|eleves?|adolescents?|ados|mineurs? (?:de|ages?|accueillis|suivis)|public|"
    r"patients?|residents?|usagers?|beneficiaires?|personnes (?:agees|accompagnees|accueillies)|seniors|"
    r"jeunes (?:de|ages|agees|entre|\d|en)|accueil\w*|accompagn\w*|encadr\w*|anim\w*|classe|college|lycee|creche|"
    r"ecole|scolaire|chiens?|chevaux|animaux|vehicules?|arbres?|vignes?|batiments?|maisons?|immeubles?|societe|"
    r"entreprise|groupe|marque|machines?|clients?|adherents?|familles?|sportifs|joueurs|licencies|stagiaires|"
    r"apprenants|etudiants (?:de|en)|pupilles|filles|garcons|moins de 3 ans|tout-petits|petite enfance|population\w*|"
    r"malades?|victimes?|mineurs?)\b"
)
# « Si on avait un âge : 30 ans », « nous soufflons nos 30 bougies »: the company's age, not the candidate's.
_COMPANY_AGE = fast(r"\bsi (?:on|nous|elle|l'entreprise|la societe)\b|\bon avait\b|\bnous avons\b|\bsouffl\w*|"
                    r"\bbougies?\b")
_CANDIDATE = fast(
    r"\b(?:vous|tu|candidat\w*|profil|personne|debutant\w*|recrut\w*|recherch\w*|embauch\w*|postul\w*|ouvert\w*|reserve\w*|"
    r"accessible|souhait\w*|ideal\w*|idealement|exige\w*|requis|imperati\w*|obligatoire|limite|ages?|agee?s?|"
    r"tranche|privilegi\w*|s'abstenir|accepte\w*|conviendrait|convient|job|poste|emploi|maximum|minimum|"
    r"au plus|au moins|moins de|plus de|entre|ayant|avoir|etre|majeur\w*|jeunes?|seniors?|condition|contrat)\b"
)
_AGE_SEMANTIC = fast(
    r"(?:\bage\w*|moins de|plus de|\+ de|- de|-\s*$|\bmax\w*|\bmin\w*|au plus|au moins|jusqu'a|entre|a partir de|"
    r"\bdes\b|tranche|limite|s'abstenir|exclu|non accept|\bvous avez\b|\btu as\b|\bavoir\b|\bayant\b|jeunes?\b|"
    r"seniors?|personnes?|candidat\w*|profil|accessible|ouvert\w*|reserve\w*|privilegi\w*|souhait\w*|conviendrait|"
    r"ideal\w*|pour (?:les|des) \d|"
    # « serveuse de 20 à 30 ans »: a range of ages right after the person sought
    r"\bde\s+\d{1,2}\s*(?:a|-)\s*\d{1,2}\s*ans\b)"
)
# the public served, never the candidate (« un public de 16-25 ans de préférence »): a preference after it is still
# about the public
_SERVED_ONLY = re.compile(r"(?:public|patients?|residents?|usagers?|beneficiaires?|eleves?|enfants?|bebes?|"
                          r"adolescents?|ados|personnes (?:agees|accompagnees|accueillies)|accueil|accompagn|encadr|"
                          r"classe|college|lycee|creche|ecole|scolaire|population|malades?|victimes?|clients?|"
                          r"adherents?|familles?|pupilles|tout-petits|petite enfance)")
_SERVED_LABEL = re.compile(r"\bpublic (?:\w+ )?:[^.;\n]*$|\bpublics? (?:vise|cible|accueilli|accompagne)s?\s*:[^.;\n]*$")
_AFTER_PREFERENCE = re.compile(r"[^.;\n]{0,40}?\b(?:privilegi\w*|prioritaires?|uniquement|exclusivement|de preference|"
                               r"s'abstenir|exigee?s?\b|requis|seulement|souhaitee?s?\b)")
_LOWER = fast(r"(?:plus de|\+ de|\+\s*$|a partir de|\bdes\b|minimum|au moins|\bmin\b|et plus|revolus|"
                    r"accomplis|majeur|minimal)")
_UPPER = fast(r"(?:moins de|- de|-\s*$|\bmax\w*|au plus|jusqu'a|et moins|ne pas depasser|limite|au-dessous)")
_EXCLUSION = fast(r"(?:s'abstenir|exclu\w*|non accept\w*|refuse\w*|pas de|pas les bienvenu)")
_MAJOR = fast(r"\b(?:etre|vous etes|tu es|etes|etre age\w* de)\s+majeur(?:\(e\)|e)?s?\b|\bmajeur(?:\(e\)|e)?s?"
                    r"\s+(?:exige|obligatoire|requis|imperatif|uniquement)\w*|\bmajorite (?:exigee|requise|obligatoire)\b")
# A job the law closes to minors (serving alcohol, night work, private security, gambling, dangerous work): « être
# majeur » or « 18 ans minimum » with such a reason in its sentence restates the law, it is no age criterion.
# « au moins 21 ans, conformément à la réglementation » (permis D), « 16 à 25 ans, conformément au code du service
# national », « (dérogation légale) »: the sentence names a legal text as the source of the age bound
_AGE_BY_LAW = fast(r"\bconformement (?:au code|aux codes|a la reglementation|aux dispositions (?:legales|reglementaires|du "
                   r"code)|au decret|a l'article)|\bderogation legale|\b(?:impose|fixe|prevu)e?s? par (?:la reglementation|"
                   r"le code|la loi|le decret|decret)")
_MINORS_BARRED = fast(r"\b(?:alcool\w*|boissons? alcoolis\w*|debits? de boissons?|licence (?:iv|4)|bar\b|bars\b|"
                      r"discotheque|boite de nuit|casinos?|jeux d'argent|tabac|travail de nuit|de nuit|nuits?\b|"
                      r"cnaps|carte professionnelle|securite privee|agent de (?:surete|securite)|surete|"
                      r"port d'arme|permis (?:b|c|d|ce|de conduire|poids lourd)|travaux dangereux|conduite d'engins|"
                      r"caces)")
# « interdit aux moins de 18 ans »: the young are shut out, the figure is a lower limit
_BARRED_BELOW = fast(r"\b(?:interdit\w*|ferme\w*|deconseille\w*|inaccessible\w*|pas (?:accessible|ouvert)\w*|"
                     r"non (?:accessible|ouvert)\w*)\s+(?:aux|a des|pour les)\s+moins de\s*$")
_MIN_LABEL = fast(r"\bage (?:minimum|minimal|requis)\s*:?\s*$")
_AGE_LIMIT_WORDS = fast(r"\blimite d'age\b|\bage (?:maximum|maximal|limite|minimum|minimal|requis|exige|"
                              r"souhaite|ideal)\b")


_AGE_TOKENS = frozenset("an ans age agee agees ages majeur majeure majeurs majorite limite".split())


def detect_age(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    if not ctx.has_word("ans", "an", "age", "agee", "agees", "ages", "majeur", "majeure", "majeurs", "majorite"):
        return hits
    for ft in ctx.free_fields:
        folded = ft.folded
        for start, end, b in _age_numbers(folded):
            if start > 0 and folded[start - 1] in "0123456789.,/" and not (
                    folded[start - 1] == "/" and re.search(r"(?<![\d/.,])\d{2}\s*/$", folded[max(0, start - 5):start])):
                continue  # « 30/45 ans » is a range; « 12/05 », « 2,5 ans » are not ages
            r = _AGE_RANGE_START.search(folded, max(0, start - 12), start)
            a = int(r.group(1)) if r else None
            if r:
                start = r.start()
            if b > 75 or b < 10 or (a is not None and (a < 10 or a > b)):
                continue
            c0, c1 = clause_bounds(folded, start, end)
            s0, s1 = sentence_bounds(folded, start, end)
            after = folded[end:c1]
            before = folded[max(c0, start - 70):start]
            if _AFTER_NOT_AGE.match(after) and not re.match(r"^\s*d'age", after):
                continue
            not_age = _BEFORE_NOT_AGE.search(before)
            if not_age is not None and not_age.group(0).startswith("diplom") and re.search(
                    r"jeunes?\s*$", before[:not_age.start()]):
                not_age = None  # « jeune diplômé de moins de 25 ans »: a person, not a diploma's age
            if not_age is not None or _COMPANY_AGE.search(folded, max(s0, start - 70), start):
                continue
            if re.search(r"(?:\d\s*mois|semaines?)\s*(?:a|-)\s*$", before):
                continue
            public = _PUBLIC.search(before)
            if public and re.search(r"(?:(?:ouvert|reserve|accessible|destine|propose|recrut|recherch|embauch)\w*|"
                                    r"(?:poste|offre|emploi|job|contrat|mission|annonce)\s+(?:\w+\s+)?s'adress\w*)\s+"
                                    r"(?:aux?|a des|pour(?: les| des)?)\s*$", before[:public.start()]):
                public = None
            if public and _AFTER_PREFERENCE.match(folded, end, c1) and not _SERVED_ONLY.match(public.group(0)):
                public = None  # « jeunes de moins de 25 ans privilégiés »: a preference, not the public served
            if public:
                # « vous accompagnerez des jeunes de 16 à 25 ans »: the age is the public's, not the candidate's,
                # unless a candidate marker comes after the public word.
                tail = before[public.end():]
                if not re.search(r"\b(?:vous|candidat\w*|profil|recrut\w*|recherch\w*|ouvert\w*|reserve\w*|"
                                 r"accessible|s'abstenir|limite|age (?:max|min|limite|requis)|"
                                 # « manœuvre bâtiment (pas plus de 30 ans) »: a bound put on the person
                                 r"pas (?:plus|moins) de|pas au-dela de)", tail):
                    continue
            label = _SERVED_LABEL.search(folded, max(0, start - 60), start)
            if label and not re.search(r"\b(?:vous|candidat\w*|profil|recrut\w*|recherch\w*|s'abstenir|age (?:max|min))",
                                       folded[label.end():start]):
                continue  # « Public : jeunes de 16-25 ans de préférence »: the public served, named by its label
            window = folded[max(s0, start - 45):min(s1, end + 30)]
            if not _AGE_SEMANTIC.search(window):
                continue
            if not _CANDIDATE.search(folded, s0, s1):
                continue
            not_more = re.search(r"\b(?:pas plus de|pas au-dela de|ne pas depasser|pas moins de)\s*$",
                                 folded[max(c0, start - 25):start])
            if NEG_BEFORE.search(folded[c0:start]) and not _EXCLUSION.search(window) and not not_more:
                continue
            if is_diversity_statement(folded, start, end) or _AGE_BY_LAW.search(folded, s0, s1):
                continue
            pre = folded[max(c0, start - 25):start]
            post = folded[end:min(c1, end + 25)]
            exclusion = bool(_EXCLUSION.search(folded[start:min(c1, end + 40)]))
            is_lower = bool(_LOWER.search(pre) or re.match(r"^\s*(?:et plus|minimum|min\b|au moins|revolus|"
                                                           r"accomplis)", post))
            is_upper = bool(_UPPER.search(pre) or re.match(r"^\s*(?:maximum|max\b|au plus|au maximum|et moins)",
                                                          post))
            if exclusion:  # « plus de 50 ans s'abstenir » is an upper limit
                is_lower, is_upper = is_upper, is_lower
            if _BARRED_BELOW.search(folded, max(0, start - 45), start) or \
                    _MIN_LABEL.search(folded, max(0, start - 20), start):
                is_lower, is_upper = True, False
            if not_more:  # « pas plus de 40 ans » is an upper limit, « pas moins de 25 ans » a lower one
                is_upper = "moins" not in not_more.group(0)
                is_lower = not is_upper
            if a is not None:
                low, high = a, b
            elif is_upper and not is_lower:
                low, high = None, b
            elif is_lower and not is_upper:
                low, high = b, None
            else:
                low, high = b, b
            detail = {"low": low, "high": high}
            # Minors: any admission below 16.
            if low is not None and low < 16 and (high is None or high < 18 or a is None):
                if ctx.exc("EXC-MINEURS-SCOLAIRES") or (ctx.exc("EXC-APPRENTISSAGE") and low >= 15):
                    dropped.append(("R21-MINORS", "EXC-MINEURS-SCOLAIRES" if ctx.exc("EXC-MINEURS-SCOLAIRES")
                                    else "EXC-APPRENTISSAGE", ft.name))
                    continue
                hits.append(Hit("minors.under_16", "R21-MINORS", "minors", "block", ft.name, start, end,
                                params={"age": low}))
                continue
            if high is None and low is not None and low <= 16:
                continue  # « 16 ans minimum »: the legal minimum, restated
            # Legal age conditions of apprenticeship and professionalisation contracts.
            if ctx.exc("EXC-APPRENTISSAGE"):
                in_apprentice = (low is None or low >= 15) and (high is None or high <= 30)
                pro_senior = high is None and low is not None and low >= 26 and low <= 26
                if in_apprentice or pro_senior:
                    dropped.append(("R07-AGE", "EXC-APPRENTISSAGE", ft.name))
                    continue
            if high is None and low == 18:
                if _MINORS_BARRED.search(folded, s0, s1):
                    continue
                hits.append(Hit("age.adult_only", "R07-AGE", "age", "advise", ft.name, start, end, params=detail))
                continue
            severity, exc = "block", None
            if ctx.exc("EXC-AIDES-EMPLOI") and ((high in (25, 26, 30, 31)) or (low in (26, 45, 50, 57, 60))):
                severity, exc = "review", "EXC-AIDES-EMPLOI"
            hits.append(Hit("age.explicit_limit", "R07-AGE", "age", severity, ft.name, start, end, params=detail,
                            exception=exc, articles=("L5331-2", "L1132-1", "L5321-2")))
        for m in (_MAJOR.finditer(folded) if not ft.words.isdisjoint({"majeur", "majeure", "majeurs", "majorite"})
                  else ()):
            if is_diversity_statement(folded, *m.span()) or _MINORS_BARRED.search(
                    folded, *sentence_bounds(folded, *m.span())):
                continue
            hits.append(Hit("age.adult_only", "R07-AGE", "age", "advise", ft.name, m.start(), m.end(),
                            params={"low": 18, "high": None}))
        for m in (_AGE_LIMIT_WORDS.finditer(folded) if "age" in ft.words else ()):
            c0, _ = clause_bounds(folded, *m.span())
            if NEG_BEFORE.search(folded[c0:m.start()]) or is_diversity_statement(folded, *m.span()):
                continue
            if re.search(r"(?:enfants?|accueil|scolari|legal|legale|\bdu public\b|derogation|etablissement)",
                         folded[c0:m.end() + 40]):
                continue
            # Covered by a numeric finding in the same clause? keep only one.
            if any(h.field == ft.name and h.start is not None and abs(h.start - m.end()) < 40 for h in hits):
                continue
            if re.match(r"\s*:?\s*18 ans\b", folded[m.end():m.end() + 12]) and _MINORS_BARRED.search(
                    folded, *sentence_bounds(folded, *m.span())):
                continue  # « Âge minimum : 18 ans (travail de nuit) »: the law's own minimum
            hits.append(Hit("age.limit_words", "R07-AGE", "age", "block", ft.name, m.start(), m.end(),
                            articles=("L5331-2", "L1132-1", "L5321-2")))
    return hits


# =============================================================================== gendered titles

# Feminine agent nouns built on « -ière », « -euse », « -trice » (« palefrenière », « équipière », « monitrice »), less the
# things and abstractions that share the endings (« carrière », « perceuse », « imprimante » has none)
_FEMININE_AGENT = (r"(?!(?:carriere|filiere|matiere|maniere|lumiere|premiere|derniere|frontiere|riviere|priere|"
                   r"barriere|cafetiere|theiere|chaudiere|croisiere|jardiniere|reguliere|particuliere|entiere|financiere|familiere|"
                   r"hospitaliere|journaliere|fonciere|meurtriere|routiere|ferroviaire|petroliere|laitiere|fruitiere|"
                   r"perceuse|tondeuse|chargeuse|"
                   r"balayeuse|laveuse|niveleuse|moissonneuse|agrafeuse|calculatrice|imprimatrice|structure|"
                   r"entreprise|societe|personne|equipe)s?\b)[a-z-]{3,}(?:iere|euse|trice)s?")
_RECRUIT_FEMININE = fast(
    # (« ne recrute donc que des enseignantes »: the restriction between the verb and the noun)
    r"\b(?:(?:recherch|recrut|embauch|cherch|souhait)\w*\s+(?:(?:donc |plus |desormais )?qu(?:e |'))?(?:exclusivement |"
    r"uniquement |seulement |plutot |de preference )?|besoin (?=d'une))(?:un |une |notre |nouvelle |des |sa |votre |la |d'une )?"
    r"(?:future?\s+|nouvelle\s+)?"
    r"(vendeuse|serveuse|caissiere|coiffeuse|secretaire|hotesse|femme de (?:menage|chambre)|dame de (?:compagnie|"
    r"service)|employee|assistante|aide-soignante|infirmiere|cuisiniere|esthéticienne|estheticienne|standardiste|"
    r"gouvernante|nourrice|nounou|baby-sitter|jeune fille|demoiselle|vendeuses|serveuses|caissieres|hotesses|"
    r"femmes? de menage|aide-menagere|menagere|auxiliaire de vie feminine|ouvriere|opératrice|operatrice|"
    r"preparatrice|conseillere|commerciale|livreuse|agente|enseignantes?|intervenantes?|surveillantes?|"
    r"accompagnantes?|consultantes?|gerantes?|" + _FEMININE_AGENT + r")\b"
)
# « Caissières recherchées » : the sought person named first, the participle in the feminine (run only when such a
# participle is in the field)
_FEMININE_SOUGHT = fast(
    r"(?:(?<![^\n.!?:;])|(?<=[.!?:;] )|(?<=\bdes ))\s*(" + _FEMININE_AGENT + r"|vendeuses?|serveuses?|caissieres?|"
    r"hotesses?|assistantes?|employees?)\s+(?:recherchees?|recrutees?|demandees?|souhaitees?)\b"
)
# « Hôtesses d'accueil. » on a line of its own in the text: the persons sought named in the feminine plural, without a
# verb (a label of what is offered); « Hôtesses et hôtes », « Serveuses, serveurs » and « (H/F) » stay silent
_FEMININE_LINE = fast(
    r"(?:^|(?<=\n))[^\S\n]*(?:[-•*][^\S\n]*)?(" + _FEMININE_AGENT.replace("s?\\b)[a-z-]{3,}(?:iere|euse|trice)s?",
                                                                      "s?\\b)[a-z-]{3,}(?:ieres|euses|trices)") +
    r"|hotesses|vendeuses|serveuses|caissieres|estheticiennes|assistantes|employees|secretaires)"
    r"(?=(?:[^\S\n]+(?:d'|de |du |des |en |a |au |aux |pour )[^.!?\n;:,/()]{0,40}?)?[^\S\n]*(?:[.!]|$))",
    exact=True)
# « Promotion en magasin : animatrices de dégustation uniquement »: the feminine plural and the restriction after it
_FEMININE_ONLY = fast(
    r"(?:^|(?<=\n)|(?<=: ))[^\S\n]*(" + _FEMININE_AGENT.replace("s?\\b)[a-z-]{3,}(?:iere|euse|trice)s?",
                                                         "s?\\b)[a-z-]{3,}(?:ieres|euses|trices)") +
    r"|hotesses|vendeuses|serveuses|caissieres|estheticiennes|assistantes|employees|secretaires)"
    r"(?=(?:[^\S\n]+(?:d'|de |du |des |en |a |au |aux |pour )[^.!?\n;:,/()]{0,40}?)?[^\S\n]+(?:uniquement|exclusivement|"
    r"seulement)\b)",
    exact=True)
# « H/F », « (H) » in a field: its feminine lines are not a restriction (a Fast pattern: run only when « h/f », « f/h » or
# « (h) » is in the text, the pattern's own matches)
_MALE_MARK = fast(r"\b(?:h/f|f/h)\b|\(h\)", exact=True)


def _feminine_lines(folded: str) -> list:
    """The matches of _FEMININE_LINE, then those of _FEMININE_ONLY, in ``folded`` (as their ``finditer`` gives them).

    Both can start only at the start of the text or of a line (_FEMININE_ONLY also after « : »), and read no line
    break before the end of the feminine word (group 1), which holds one of the strings every match contains
    (``needs``): they are tried only at those starts whose line holds one of these strings."""
    needs = _FEMININE_LINE.needs
    if needs is None or needs != _FEMININE_ONLY.needs:  # (not expected: the patterns share their words)
        lines = starts_after(folded, ("\n",))
        return list(finditer_at(_FEMININE_LINE, folded, lines)) + list(
            finditer_at(_FEMININE_ONLY, folded, starts_after(folded, ("\n", ": "))))
    if _FEMININE_LINE.absent_from(folded):
        return []
    lines = starts_holding(folded, starts_after(folded, ("\n",)), needs)
    found = list(finditer_at(_FEMININE_LINE, folded, lines))
    found += finditer_at(_FEMININE_ONLY, folded,
                         starts_holding(folded, starts_after(folded, ("\n", ": ")), needs) if ": " in folded else lines)
    return found


_FEMININE_PARTICIPLES = frozenset("recherchee recherchees recrutee recrutees demandee demandees souhaitee "
                                  "souhaitees".split())
_FEMININE_ENDING = re.compile(r"(?:iere|euse|trice)s?\b")
# A match of _FEMININE_ENDING ends a word: a text can hold one only if one of its words (« words_of ») ends so. The
# words seen are sorted once (those that end so are recorded before the word is marked as seen).
_FEMININE_ENDINGS = ("iere", "ieres", "euse", "euses", "trice", "trices")
_ENDING_SEEN: set[str] = set()
_ENDING_WORDS: set[str] = set()


def _may_end_feminine(words: frozenset[str]) -> bool:
    """False when no word of a text ends like a feminine noun (then _FEMININE_ENDING finds nothing in it)."""
    new = words - _ENDING_SEEN
    if new:
        _ENDING_WORDS.update(w for w in new if w.endswith(_FEMININE_ENDINGS))
        if len(_ENDING_SEEN) < 300_000:
            _ENDING_SEEN.update(new)
    return not words.isdisjoint(_ENDING_WORDS)
_FEMININE_WORDS = frozenset(
    "vendeuse serveuse caissiere coiffeuse secretaire hotesse femme femmes dame employee assistante aide infirmiere "
    "cuisiniere estheticienne standardiste gouvernante nourrice nounou baby fille demoiselle vendeuses serveuses "
    "caissieres hotesses menagere auxiliaire ouvriere operatrice preparatrice conseillere commerciale livreuse "
    "agente assistantes employees enseignante enseignantes intervenante intervenantes surveillante surveillantes "
    "accompagnante accompagnantes consultante consultantes gerante gerantes".split())


def detect_gender(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    if ctx.exc("EXC-R1142-1"):
        if ctx.title is not None:
            dropped.append(("R08-SEX", "EXC-R1142-1", "intitule"))
        return hits
    from tremplin.services.legality.gender import INCLUSIVE

    inclusive: list[bool] = []

    def inclusive_anywhere() -> bool:
        if not inclusive:
            inclusive.append(bool(INCLUSIVE.search(ctx.all)))
        return inclusive[0]

    if ctx.title is not None:
        res = check_title(ctx.title.clean, ctx.title.folded)
        if res is not None:
            hits.append(Hit("sex.gendered_title", "R08-SEX", "sex", "advise", "intitule", res["start"], res["end"],
                            params={"word": res["word"], "suggestion": res["suggestion"], "gender": res["gender"]}))
    if ctx.words.isdisjoint(_FEMININE_WORDS) and not (_may_end_feminine(ctx.words) and _FEMININE_ENDING.search(ctx.all)):
        return hits
    for ft in ctx.free_fields:
        if ft.name == "intitule" or (ft.words.isdisjoint(_FEMININE_WORDS) and not (
                _may_end_feminine(ft.words) and _FEMININE_ENDING.search(ft.folded))):
            continue
        found = list(_RECRUIT_FEMININE.finditer(ft.folded))
        if not _MALE_MARK.search(ft.folded):
            found += _feminine_lines(ft.folded)
        if not ft.words.isdisjoint(_FEMININE_PARTICIPLES):
            found += list(_FEMININE_SOUGHT.finditer(ft.folded))
        for m in found:
            if m.group(1) in ("baby-sitter", "nounou", "nourrice"):
                continue  # feminine by grammar whoever does the job (« une nounou »): the article says nothing
            if m.group(1) in ("secretaire", "standardiste") and not re.search(
                    r"\b(?:une|d'une|la|sa|nouvelle|future)\s+$", ft.folded[m.start():m.start(1)]):
                continue  # « un(e) secrétaire », « recrute secrétaire »: the noun is epicene, only « une » marks a woman
            if is_diversity_statement(ft.folded, *m.span()):
                continue
            if re.search(r"^[^.;\n]{0,12}?\(\s*(?:h/f|f/h|e|ne|ere|euse|rice)\s*\)|\b(?:h/f|f/h)\b|"
                         r"^\s*(?:ou|et|/)\s*(?!non\b|pas\b)(?:un |des )?[a-z]", ft.folded[m.end(1):m.end(1) + 40]):
                continue  # « recrute un Infirmière diplômé d'état (H/F) », « une vendeuse ou un vendeur »
            # Without « H/F » anywhere the offer seems reserved to women; with it, the wording still needs fixing.
            severity = "advise" if inclusive_anywhere() else "review"
            hits.append(Hit("sex.feminine_recruit", "R08-SEX", "sex", severity, ft.name, m.start(1), m.end(1),
                            params={"word": ft.clean[m.start(1):m.end(1)]}, articles=("L1142-1", "L5321-2")))
    return hits


# =============================================================================== pay below the SMIC

_BELOW_SMIC_WORDS = fast(r"\b(?:inferieur\w*|en dessous|en-dessous|au-dessous|sous le|moins que le|moindre que "
                               r"le)\s+(?:au |du |le )?smic\b|\b(\d{1,2})\s?%\s*du smic\b|"
                               r"\bsmic\s*(?:horaire\s*|mensuel\s*)?(?:-|moins|minore\w* de|diminue\w* de|reduit\w* de|"
                               r"abattu\w* de)\s*(\d{1,2})\s?%|\bsmic (?:minore|reduit|abattu|diminue)\b|"
                               # « SMIC jeunes (80 %) »: a share of the SMIC named after it
                               r"\bsmic (?:jeunes?|debutants?|reduit|minore|abattu)\s*\(?\s*(?:a\s+)?(\d{1,2})\s?%")
_COMMISSION_ONLY = fast(
    r"\b(?:remuner\w*|salaire|pay\w*|retribu\w*)(?:\s*\(e\)s?)?\s+(?:\w+\s+){0,2}?(?:uniquement|exclusivement|seulement|100 ?%|"
    r"entierement|totalement|a 100 ?%)\s+(?:a la |sur |aux |en |au |par )?(?:commissions?|pourcentage|variable|"
    r"pourboires?|"
    r"ventes|resultats|chiffre)|\b(?:pas de|sans|aucun|aucune)\s+(?:salaire\s+|remuneration\s+)?(?:fixe|de base)\b|\b(?:commissions?|variable)\s+"
    r"(?:uniquement|seulement|exclusivement)\b|\b100 ?% (?:commission|variable)\w*|"
    r"\bsans (?:aucun |aucune )?(?:minimum|salaire|remuneration|revenu|fixe) (?:horaire |legal |mensuel )?"
    r"(?:minimum |minimal\w* )?garanti\w*|"
    r"\b(?:uniquement|seulement|exclusivement) (?:des |les |aux |au |par les |grace aux )?pourboires\b|"
    r"\bpas (?:d'autre|de) (?:salaire|remuneration) que (?:les |des |vos )?(?:pourboires|commissions)\b|"
    r"\bsans (?:aucun |aucune )?(?:salaire|remuneration|revenu) minim\w*|\b(?:uniquement|seulement|exclusivement|rien qu')\s*(?:a la |au |aux )"
    r"(?:tache|piece|pieces|colis|rendement|livraisons?|prestations?|commissions?|pourcentage|couverts?)\b|"
    # « pas un euro de fixe », « Fixe : 0 € », « 100 % tes commissions »: no fixed pay at all
    r"\bpas (?:un|d'un) (?:euro|centime|sou|rond) de (?:fixe|salaire)\b|\b(?:salaire )?fixe\s*(?::|=|de)?\s*0\s*(?:€|euros?)|"
    r"\b100 ?% (?:de )?(?:tes|vos|ses|leurs|des) (?:commissions?|ventes)\b|"
    # a rate per piece or per item, and no hourly pay besides (« 1,10 € par caisse, pas de salaire horaire »)
    r"\b(?:au rendement|a la (?:piece|tache)|\d(?:[.,]\d+)?\s?(?:€|euros?) (?:par|le|la|l'|chaque) ?"
    r"(?!(?:heure|jour|journee|mois|semaine|an|annee|nuit|repas|personne)s?\b)[a-z]+)"
    r"[^.\n]{0,60}?(?:\b(?:pas de|sans|aucun|aucune)\s+(?:salaire|taux|remuneration|fixe)\s+horaire\b|"
    r"\brien d'autre|\bc'est tout|\b(?:pas de|sans) fixe\b)|\b(?:remuner\w*|paye\w*|pay\w*|retribu\w*)"
    r"\s+(?:\w+\s+){0,2}?(?:a la tache|a la piece|au rendement|au kilo|au poids|a la caisse|au cageot|a l'unite|"
    r"au nombre)\b[^.;\n]{0,40}?\bsans\b|"
    # a pay said not to reach the SMIC whatever the output (« sans garantie du SMIC »)
    r"\bsans (?:aucune )?garantie (?:du|de|d'un|d'atteindre le) (?:smic|salaire minimum|minimum (?:legal|horaire))|"
    # the pay named first, its restriction after (« au pourboire uniquement », « payé à la pièce uniquement »)
    r"\b(?:au |aux )?pourboires?\s+(?:uniquement|seulement|exclusivement)\b|"
    r"\b(?:remuner\w*|pay\w*|retribu\w*)(?:\s*\(e\)s?)?\s+(?:a la |au |aux )(?:tache|piece|pieces|rendement|rang|cageot|"
    r"cagette|caisse|seau|plateau|botte|colis|kilo|unite|prestation|livraison|course)s?\s+(?:uniquement|seulement|"
    r"exclusivement)\b|"
    r"\b(?:pas de|aucun|aucune)\s+(?:salaire\s+|remuneration\s+)?(?:minimum|minimal|fixe)\s+garanti\w*|"
    # « 15 % de ce qu'il vend, rien d'autre »: a share of the sales and nothing besides
    r"\b\d{1,2}(?:[.,]\d)?\s?%\s*(?:de ce qu(?:'|e )(?:il|elle|on|vous|tu)\s+vend\w*|du chiffre\w*|des ventes|sur (?:les |vos )?"
    r"ventes)[^.;\n]{0,30}?(?:rien d'autre|rien de plus|pas de fixe|sans fixe|c'est tout)|"
    r"\b(?:remuner\w*|pay\w*|retribu\w*)(?:\s*\(e\)s?)?\s+(?:uniquement|exclusivement|seulement)\s+(?:sur|aux?|a la|par|"
    r"avec|en|sous (?:forme|la forme) (?:de|d'))\s+(?:les |vos |ses |leurs |des )?(?:ventes|commissions?|resultats|contrats|"
    r"pourboires?)|"
    # « Votre rémunération : les pourboires des clients, exclusivement »: the pay named by its label, the restriction after
    r"\b(?:remuneration|salaire|paie|paye)\s*:\s*(?:les |des |vos |tes )?(?:pourboires|commissions?)\b[^.;\n]{0,60}?"
    r"\b(?:uniquement|exclusivement|seulement)\b|"
    # pay in kind instead of money (« rémunération en bons d'achat », « pas de salaire : des soins en échange »)
    r"\b(?:remuner\w*|retribu\w*|paye?(?:e|s|es)?|salaire)(?:\s*\(e\)s?)?\s+(?:\w+\s+){0,2}?(?:en|sous forme de) "
    r"(?:bons? d'achat|cartes?[- ]cadeaux?|cheques?[- ]cadeaux?|bons? cadeaux?|produits de la (?:boutique|marque|maison)|"
    r"marchandises?)\b|"
    r"\b(?:pas de|sans|aucun|aucune) (?:salaire|remuneration)\b[^.\n]{0,80}?\ben echange\b|"
    r"\ben echange (?:du |d'un |d'une |de la |de l'|des )?(?:logement|hebergement|gite|couvert|repas|nourriture|chambre)\b"
    r"[^.\n]{0,60}?\bsans (?:autre |aucune? )?(?:remuneration|salaire)\b|"
    # no hourly or fixed base at all (« aucun taux horaire garanti », « sans aucune base fixe », « Le fixe ? Il n'y en a
    # pas »), pay in company shares instead of a salary (« uniquement en BSPCE »)
    r"\b(?:pas de|sans|aucun|aucune)\s+(?:aucune?\s+)?(?:base|taux) (?:fixe|horaire)\b|"
    r"\bfixe\s*\?\s*(?:il n'y en a pas|(?:il )?n'y en a pas|aucun|zero|rien|nada|0)\b|"
    r"\b(?:remuner\w*|pay\w*|retribu\w*)(?:\s*\(e\)s?)?\s+(?:\w+\s+){0,2}?en (?:bspce|bsa|stock-?options|actions|parts sociales)"
    r"\b[^.\n]{0,60}?\bsans (?:aucun )?salaire\b|"
    # no hourly pay, a sum per evening or per piece instead (« pas de salaire horaire : une prime de 40 € par soirée »)
    r"\b(?:pas de|sans|aucun|aucune) (?:salaire|taux|remuneration|fixe) horaire\b[^.\n]{0,60}?(?:\bprime\b|\bforfait\b|"
    r"\bpar (?:soiree|piece|colis|appel|vente|livraison|course|passage|service|prestation)\b)"
)


_COMMISSION_WORDS = frozenset("commission commissions fixe variable pourcentage garanti garantie garantis tache piece "
                              "pieces rendement minimum minimal minimale pourboire pourboires rang cageot colis ventes "
                              "vend vendez vendu vendus rien contrats resultats caisse cagette seau plateau botte kilo "
                              "unite prestation livraison course vends couvert couverts euro horaire base achat "
                              "cadeau cadeaux marchandise marchandises echange taux bspce bsa".split())
# Work done for the employer and said to be unpaid: a trial, the induction, the training before or at the start of the
# job (« trois jours d'essai non payés », « les deux semaines d'intégration ne sont pas rémunérées »); an internship, a
# volunteer's work, a PMSMP immersion or a training paid by France Travail are other matters.
_UNPAID_PERIOD = fast(
    r"\b(?:essai|integration|formation|periode d'observation|journees? (?:de test|d'observation|decouverte)|"
    # « le premier mois est un mois “découverte” non rémunéré »
    r"(?:mois|semaines?) (?:«\s*|\"\s*)?(?:decouverte|de test|d'observation|d'essai)(?:\s*»|\s*\")?)s?\b"
    r"(?:\s*\([^()\n]{0,30}\))?[^.;\n]{0,120}?\b(?:non|ne sont pas|ne seront pas|n'est pas|ne sera pas|ne sont jamais|"
    r"pas) (?:remuneree?s?|payee?s?|retribuee?s?)\b")
_UNPAID_WORDS = frozenset("essai essais integration formation formations observation test decouverte".split())
_UNPAID_LAWFUL = fast(r"(?:\bstages?\b|stagiaire|convention|benevol|volontari|service civique|\bpmsmp\b|\bpoei?\b|"
                      r"france travail|pole emploi|\bcpf\b|\bopco\b|indemnis|\bregion\b|apprenti|alternan|etudiant|"
                      r"eleve|ecole|permis de conduire|hors temps de travail|en dehors (?:du|de vos) (?:temps|horaires)|"
                      r"facultati|payante?s?\b)")
_BONUS = fast(r"\b(?:primes?|segur|13e|13eme|treizieme|complement de traitement|indemnite|\+)")


def _after_amount(ctx: Ctx, a: Amount) -> str:
    ft = ctx.by_name.get(a.field)
    if ft is None or a.end is None:
        return ""
    return ft.folded[a.end:a.end + 160]


def _full_time_near(ctx: Ctx, a: Amount) -> bool:
    """Whether the sentence of a text amount says it is for a full-time job."""
    ft = ctx.by_name.get(a.field)
    if ft is None or a.start is None or a.field.startswith("salaire"):
        return False
    s0, s1 = sentence_bounds(ft.folded, a.start, a.end)
    return is_full_time_text(ft.folded[s0:s1]) is True


_INDEPENDENT = fast(r"agent commercial independant|statut (?:d')?independant|auto-?entrepreneur|micro-?entrepreneur|"
                    r"mandataire independant|\bvdi\b|vendeu\w* a domicile independant", exact=True)


def detect_pay(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    if ctx.is_internship:
        return hits
    thresholds = smic_thresholds(ctx.offer_date, ctx.territory)
    words = ctx.words
    check_smic_words = "smic" in words
    check_commission = not words.isdisjoint(_COMMISSION_WORDS)
    independent_known: list[bool] = []

    def independent() -> bool:  # read only when a commission wording is found (a scan of the whole text)
        if not independent_known:
            independent_known.append(ctx.contract_family == "independent" or bool(_INDEPENDENT.search(ctx.all)))
        return independent_known[0]

    # Textual statements: « inférieur au SMIC », « 80 % du SMIC ».
    # the salary field too: « Commission uniquement » written where the pay goes
    text_fields = [*ctx.free_fields, *(f for f in ctx.fields if f.name.startswith("salaire") and
                                       f not in ctx.free_fields)] if (check_smic_words or check_commission) else ()
    for ft in text_fields:
        for m in (_BELOW_SMIC_WORDS.finditer(ft.folded) if check_smic_words and "smic" in ft.words else ()):
            c0, _ = clause_bounds(ft.folded, *m.span())
            if NEG_BEFORE.search(ft.folded[c0:m.start()]):
                continue
            pct = int(m.group(1)) if m.group(1) else (100 - int(m.group(2)) if m.group(2) else
                                                      int(m.group(3)) if m.group(3) else None)
            if pct is not None and pct >= 100:
                continue
            if pct is not None and re.search(r"\d{1,3}\s?%\s*(?:a|-)\s*$", ft.folded[max(0, m.start() - 12):m.start()]):
                pass  # « de 55 % à 100 % du SMIC »: the low end counts
            severity, exc = apply_exceptions(ctx, "block", ("EXC-SMIC-REDUIT",))
            if severity is None:
                dropped.append(("R14-SMIC", exc, ft.name))
                continue
            hits.append(Hit("pay.below_smic_words", "R14-SMIC", "pay", severity, ft.name, m.start(), m.end(),
                            params={"pct": pct}, exception=exc))
        for m in (finditer_near_words(_COMMISSION_ONLY, ft, _COMMISSION_WORDS, 90, 60) if check_commission else ()):
            c0, _ = clause_bounds(ft.folded, *m.span())
            if NEG_BEFORE.search(ft.folded[c0:m.start()]) and "fixe" not in m.group(0):
                continue
            if independent():
                continue
            salaried = ctx.contract_family in ("cdi", "cdd")
            severity, exc = ("block", None) if salaried else ("review", None)
            severity2, exc2 = apply_exceptions(ctx, severity, ("EXC-VRP",))
            if exc2 and not re.search(r"\bcommission", m.group(0)):
                severity2, exc2 = severity, None
            detector = "pay.in_kind" if re.search(r"\b(?:echange|bons?|cartes?|cheques?|produits|marchandises?)\b",
                                                  m.group(0)) else "pay.commission_only"
            hits.append(Hit(detector, "R14-SMIC", "pay", severity2 or severity, ft.name, m.start(),
                            m.end(), exception=exc2 if severity2 else None))
    if not words.isdisjoint(_UNPAID_WORDS) and ("non" in words or "pas" in words):
        for ft in ctx.free_fields:
            if ft.words.isdisjoint(_UNPAID_WORDS):
                continue
            for m in _UNPAID_PERIOD.finditer(ft.folded):
                s0, s1 = sentence_bounds(ft.folded, *m.span())
                if _UNPAID_LAWFUL.search(ft.folded, s0, s1) or independent():
                    continue
                hits.append(Hit("pay.unpaid_work", "R14-SMIC", "pay", "review", ft.name, m.start(), m.end()))
                break
    if thresholds is None:
        return hits
    hourly_smic, monthly_smic = thresholds
    amounts: list[Amount] = [a for found in ctx.amounts.values() for a in found]
    if not amounts:
        return hits
    full_time = ctx.field_full_time
    hours = ctx.field_weekly_hours or ctx.text_weekly_hours
    if full_time is None:
        full_time = is_full_time_text(ctx.all)
    # An hourly rate at or above the SMIC explains a low monthly figure (part time of unstated length).
    hourly_ok = any(a.unit == "hour" and a.value >= hourly_smic.value - 0.005 for a in amounts)
    for a in amounts:
        if a.unit == "year" and a.field.startswith("salaire") and a.value < 12 * monthly_smic * 0.5 \
                and a.value >= monthly_smic * 0.5:
            # « Annuel de 2 800 € »: a monthly amount entered as annual. Misleading, not a pay below the SMIC.
            hits.append(Hit("misleading.salary_unit", "R06-FALSE", "misleading", "review", a.field, a.start, a.end,
                            params={"amount": _fr(a.value, 0)}))
            continue
        if a.unit in ("month", "year") and hourly_ok and not _full_time_near(ctx, a):
            continue
        if a.unit == "hour":
            floor = hourly_smic.value * (params.NET_TO_GROSS_FLOOR if a.net else 1.0)
            if a.value >= floor - 0.005 or a.value < 1:
                continue
            severity = "block"
            detail = {"amount": _fr(a.value), "unit": "heure", "smic": _fr(hourly_smic.value),
                      "smic_from": hourly_smic.start.isoformat(), "net": a.net, "territory": ctx.territory}
        elif a.unit in ("month", "year"):
            monthly = monthly_equivalent(a)
            if monthly is None or monthly < 100:
                continue
            a_hours, a_full = hours, full_time
            ft_a = ctx.by_name.get(a.field)
            if ft_a is not None and a.start is not None and not a.field.startswith("salaire"):
                # What the amount's own sentence says wins over the rest of the offer (« temps partiel de 25 heures
                # par semaine : 1 310 € brut » in an offer whose field says 35 h).
                near = hours_near(ft_a.folded, a.start, a.end)
                s0, s1 = sentence_bounds(ft_a.folded, a.start, a.end)
                near_full = is_full_time_text(ft_a.folded[s0:s1])
                if near is not None:
                    a_hours, a_full = near, near >= 35
                elif near_full is False:
                    a_hours, a_full = None, False
                elif near_full is True:
                    a_full = True
            if a_full is False and a_hours is None:
                continue  # part time of unknown length: cannot compare
            ref_hours = min(a_hours, 35.0) if a_hours is not None else 35.0
            floor = hourly_smic.value * ref_hours * 52 / 12
            if a.net:
                floor *= params.NET_TO_GROSS_FLOOR
            if monthly >= floor * 0.99:
                continue
            severity = "block" if (a_full is True or a_hours is not None) else "review"
            detail = {"amount": _fr(a.value), "unit": "mois" if a.unit == "month" else "an",
                      "monthly": _fr(monthly), "smic": _fr(hourly_smic.value), "floor": _fr(floor),
                      "hours": _fr(ref_hours, 0) if ref_hours != int(ref_hours) else str(int(ref_hours)),
                      "smic_from": hourly_smic.start.isoformat(), "net": a.net, "territory": ctx.territory}
        else:
            continue
        if a.inferred:
            severity = "review"  # the unit was guessed from the amount, not written
        elif severity == "block" and a.unit != "hour" and _BONUS.search(_after_amount(ctx, a)):
            severity = "review"  # bonuses of a salary nature count towards the SMIC (D3231-6): a counsellor checks
        severity2, exc = apply_exceptions(ctx, severity, ("EXC-SMIC-REDUIT", "EXC-VRP"))
        if severity2 is None:
            dropped.append(("R14-SMIC", exc, a.field))
            continue
        hits.append(Hit("pay.below_smic", "R14-SMIC", "pay", severity2, a.field, a.start, a.end, params=detail,
                        exception=exc))
    return hits


# =============================================================================== contract rules

_CDD_EVOLUTIF = fast(
    r"\b(?:cdd|contrat a duree determinee|mission d'interim|missions? interimaires?|interim|contrat de mission|"
    r"mission (?:de|d'une duree de) \d+ (?:jours|semaines|mois))\b[^.;\n]{0,60}?(?:\bevolutif\b|pouvant "
    r"(?:deboucher|evoluer|aboutir|etre (?:transforme|prolonge|suivi)|se transformer|se poursuivre)|avec possibilite "
    r"(?:de |d'une? )?(?:(?:prolongation|evolution|passage|transformation) en cdi|embauche|titularisation|cdi|"
    r"perennisation)|"
    r"(?:suivi|puis) d'un cdi|en vue d'(?:une )?(?:embauche|cdi|integration)|avant (?:un |une )?(?:cdi|embauche)|"
    r"debouchant sur (?:un )?cdi|(?:possibilite|perspective|opportunite)s? (?:de |d')?(?:cdi|embauche|evolution en "
    r"cdi|perennisation|titularisation)|(?:evolution|transformation|passage) (?:possible )?en cdi|pre-?embauche)"
)
_STRIKERS = fast(r"\bremplac\w*\s+(?:\w+\s+){0,4}?(?:grevistes?|en greve)\b|\b(?:grevistes?|personnel en greve)"
                       r"\s+(?:\w+\s+){0,3}?remplac\w*")
_CDD_DURATION = fast(r"\b(?:cdd|contrat a duree determinee|contrat saisonnier)\s+(?:\w+\s+){0,3}?(?:de|d'une "
                           r"duree de|sur|pour|d'une duree d'environ)\s+(\d{1,2})\s*(mois|ans?)\b")
_TEMP_DURATION = fast(r"\b(?:mission|interim|contrat de mission|contrat de travail temporaire)\s+(?:\w+\s+){0,3}?"
                            r"(?:de|d'une duree de|sur|pour)\s+(\d{1,2})\s*(mois|ans?)\b")
_DURATION_ANCHOR = compile_skipping(r"\d\s*(?:mois|ans?)\b")
_TRIAL = fast(
    r"\bperiode d'essai\s*(?:\w+\s+){0,3}?(?:de|d'une duree de|:|=|fixee a|est de)?\s*(\d{1,2}(?:[.,]\d)?)\s*"
    r"(mois|semaines?|jours?)\b|\b(\d{1,2}(?:[.,]\d)?)\s*(mois|semaines?|jours?)\s+(?:de\s+)?periode d'essai\b|"
    r"\bessai de (\d{1,2}(?:[.,]\d)?)\s*(mois|semaines?|jours?)\b"
)
_TEXT_CDD = fast(r"\bcdd\b|contrat a duree determinee|\bsaisonnier\b")
_TEXT_TEMP = fast(r"\bmission d'interim|\binterim\b|contrat de mission|travail temporaire|\binterimaire\b")


def _unit(unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("moi"):
        return "mois"
    if unit.startswith("an"):
        return "an"
    if unit.startswith("sem"):
        return "semaine"
    return "jour"


def _months(n: float, unit: str) -> float:
    unit = _unit(unit)
    if unit == "mois":
        return n
    if unit == "an":
        return n * 12
    if unit == "semaine":
        return n / 4.33
    return n / 30.0


def detect_contract(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    family = ctx.contract_family
    text = ctx.all
    on = ctx.offer_date
    for ft in ctx.free_fields:
        folded = ft.folded
        fw = ft.words
        contractish = not fw.isdisjoint(_CONTRACT_TOKENS)
        for m in (finditer_near_words(_CDD_EVOLUTIF, ft, _DECL_WORDS, 10, 110) if contractish else ()):
            c0, _ = clause_bounds(folded, *m.span())
            if NEG_BEFORE.search(folded[c0:m.start()]):
                continue
            hits.append(Hit("contract.cdd_trial", "R15-CDD-MOTIF", "contract", "review", ft.name, m.start(), m.end(),
                            articles=("L1242-1", "L1251-5")))
        for m in (_STRIKERS.finditer(folded) if not fw.isdisjoint({"greve", "greviste", "grevistes"}) else ()):
            hits.append(Hit("contract.strikers", "R15-CDD-MOTIF", "contract", "block", ft.name, m.start(), m.end(),
                            articles=("L1242-6",)))
        # the durations (« 24 mois ») are found once for both contract kinds, and only when one of them can match
        durations = [m.span() for m in _DURATION_ANCHOR.finditer(folded)] if contractish and not (
            _CDD_DURATION.absent_from(folded) and _TEMP_DURATION.absent_from(folded)) else []
        for m in finditer_in_windows(_CDD_DURATION, folded, durations, 70, 10):
            months = _months(float(m.group(1)), m.group(2))
            limit = params.value("cdd_max_months", on) or 18
            if months <= limit:
                continue
            if ctx.exc("EXC-DROIT-PUBLIC"):
                dropped.append(("R16-CDD-DURATION", "EXC-DROIT-PUBLIC", ft.name))
                continue
            if months <= (params.value("cdd_objet_defini_max_months", on) or 36) and re.search(
                    r"objet defini|a l'etranger|\bexport|suppression (?:de|du) poste|\bpec\b|parcours emploi|\bcddi\b|"
                    r"insertion|contrat aide|\bcie\b|doctor|these|contrat de recherche|activites de recherche|chercheu", text):
                dropped.append(("R16-CDD-DURATION", "EXC-ACCORD-BRANCHE", ft.name))
                continue
            hits.append(Hit("contract.cdd_too_long", "R16-CDD-DURATION", "contract", "review", ft.name, m.start(),
                            m.end(), params={"months": _fr(months, 0), "limit": _fr(limit, 0)}))
        for m in finditer_in_windows(_TEMP_DURATION, folded, durations, 70, 10):
            if family not in ("temp", None) or not (family == "temp" or _TEXT_TEMP.search(folded)):
                continue
            if family == "temp_cdi":
                continue
            months = _months(float(m.group(1)), m.group(2))
            limit = params.value("temp_max_months", on) or 18
            if months <= limit:
                continue
            hits.append(Hit("contract.temp_too_long", "R17-INTERIM", "contract", "review", ft.name, m.start(), m.end(),
                            params={"months": _fr(months, 0), "limit": _fr(limit, 0)}))
        for m in finditer_near_words(_TRIAL, ft, ("essai",), 20, 60):
            n_s, unit = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
            n = float(n_s.replace(",", "."))
            unit = _unit(unit)
            c0, c1 = clause_bounds(folded, *m.span())
            renewal = bool(re.search(r"renouvel", folded[c0:c1 + 40]))
            hit = _check_trial(ctx, ft.name, m.start(), m.end(), n, unit, renewal, folded)
            if hit is not None:
                hits.append(hit)
    # Structured duration of a CDD (« Contrat à durée déterminée - 24 Mois »).
    months = ctx.contract_duration_months
    if months is not None and not any(h.rule == "R16-CDD-DURATION" for h in hits):
        if family == "cdd" and months > (params.value("cdd_max_months", on) or 18) and ctx.exc("EXC-APPRENTISSAGE"):
            dropped.append(("R16-CDD-DURATION", "EXC-APPRENTISSAGE", "typeContratLibelle"))
        elif family == "cdd" and months > (params.value("cdd_max_months", on) or 18):
            if not re.search(r"objet defini|a l'etranger|\bexport|\bpec\b|parcours emploi|\bcddi\b|insertion|"
                             r"contrat aide|\bcie\b|doctor|these", text):
                hits.append(Hit("contract.cdd_too_long", "R16-CDD-DURATION", "contract", "review",
                                "typeContratLibelle", None, None,
                                params={"months": _fr(months, 0), "limit": "18"}))
            else:
                dropped.append(("R16-CDD-DURATION", "EXC-ACCORD-BRANCHE", "typeContratLibelle"))
        if family == "temp" and months > (params.value("temp_max_months", on) or 18):
            hits.append(Hit("contract.temp_too_long", "R17-INTERIM", "contract", "review", "typeContratLibelle", None,
                            None, params={"months": _fr(months, 0), "limit": "18"}))
    return hits


def _check_trial(ctx: Ctx, field: str, start: int, end: int, n: float, unit: str, renewal: bool,
                 folded: str) -> Hit | None:
    on = ctx.offer_date
    family = ctx.contract_family
    if family is None:
        c0, c1 = sentence_bounds(folded, start, end)
        local = folded[c0:c1]
        if _TEXT_TEMP.search(local):
            family = "temp"
        elif _TEXT_CDD.search(local):
            family = "cdd"
        else:
            family = "cdi"
    days = n * {"mois": 30.0, "semaine": 7.0, "jour": 1.0}[unit]
    months = days / 30.0
    label = f"{_fr(n, 0) if n == int(n) else _fr(n, 1)} {unit}{'s' if n > 1 and unit != 'mois' else ''}"
    if family in ("cdi", "temp_cdi"):
        q = ctx.qualification or "executive"  # unknown category: the most lenient maximum
        names = {"employee": ("trial_cdi_employee_months", "trial_cdi_employee_renewed_months"),
                 "technician": ("trial_cdi_technician_months", "trial_cdi_technician_renewed_months"),
                 "executive": ("trial_cdi_executive_months", "trial_cdi_executive_renewed_months")}[q]
        initial = params.value(names[0], on) or 4
        renewed = params.value(names[1], on) or 8
        if months <= initial + 1e-9:
            return None
        if renewal and months <= renewed + 1e-9:
            return None
        severity = "review" if renewal else "block"
        return Hit("contract.trial_too_long", "R18-TRIAL", "contract", severity, field, start, end,
                   params={"duration": label, "limit": f"{_fr(initial, 0)} mois", "contract": "CDI",
                           "category": {"employee": "ouvriers et employés", "technician": "agents de maîtrise et "
                                        "techniciens", "executive": "cadres"}[q], "known_category":
                           ctx.qualification is not None},
                   articles=("L1221-19", "L1221-21"))
    if family == "cdd":
        duration = ctx.contract_duration_months
        if duration is None:
            m = _CDD_DURATION.search(ctx.all)
            duration = _months(float(m.group(1)), m.group(2)) if m else None
        if duration is not None:
            weeks = duration * 4.33
            cap = (params.value("trial_cdd_short_max_days", on) or 14) if duration <= 6 else \
                (params.value("trial_cdd_long_max_days", on) or 31)
            limit_days = min(weeks, cap)
        else:
            limit_days = params.value("trial_cdd_long_max_days", on) or 31
        if days <= limit_days + 0.5:
            return None
        return Hit("contract.trial_too_long", "R18-TRIAL", "contract", "block", field, start, end,
                   params={"duration": label, "limit": f"{_fr(limit_days, 0)} jours", "contract": "CDD",
                           "category": "", "known_category": True}, articles=("L1242-10",))
    if family == "temp":
        duration = ctx.contract_duration_months
        if duration is not None and duration <= 1:
            limit_days = 2
        elif duration is not None and duration <= 2:
            limit_days = 3
        else:
            limit_days = params.value("trial_temp_max_days", on) or 5
        if days <= limit_days:
            return None
        return Hit("contract.trial_too_long", "R17-INTERIM", "contract", "review", field, start, end,
                   params={"duration": label, "limit": f"{_fr(limit_days, 0)} jours", "contract": "mission d'intérim",
                           "category": "", "known_category": True}, articles=("L1251-14",))
    return None


# =============================================================================== working time

_WEEKLY = fast(r"\b(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:h|heures?|hrs?)\s*(?:(\d{2})\s*)?(?:min\s*)?"
                     r"(?:par|/|a la|chaque)\s*(?:semaine|sem\b)|"
                     r"\b(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:h|heures?)\s*(?:(\d{2})\s*)?hebdo\w*|"
                     r"\b(?:semaine|semaines|contrat|temps partiel|cdi|cdd|poste) de (\d{1,2}(?:[.,]\d{1,2})?)\s*"
                     r"(?:h|heures?)\b(?!\s*(?:par|/)\s*(?:jour|mois)|\s*\d{2}|\s*-|\s*a\s*\d)|"
                     r"\b(?:temps partiel|cdi|cdd|contrat)\s+(?:de\s+)?(\d{1,2})\s*(?:h|heures?)\b"
                     r"(?!\s*(?:par|/)\s*(?:jour|mois)|\s*\d{2}|\s*-|\s*a\s*\d)")
_HOURS_ANCHOR = compile_skipping(r"\d\s*(?:h\b|h\d|heure|hrs?\b)")
_DAILY = fast(r"\b(\d{1,2}(?:[.,]\d)?)\s*(?:h|heures?)\s*(?:\d{2}\s*)?(?:de travail\s*)?(?:par|/|chaque)\s*"
                    r"(?:jour|journee)\b|\bjournees? de (\d{1,2}(?:[.,]\d)?)\s*(?:h|heures?)\b|\b(\d{1,2})\s*(?:h|"
                    r"heures?)\s+par jour\b")
_MONTHLY_HOURS = fast(r"\b(\d{2,3}(?:[.,]\d{1,2})?)\s*(?:h|heures?)\s*(?:(?:par|/)\s*mois|mensuel\w*)")
_NO_REST = fast(r"\b(?:sans|pas de|aucun|jamais de)\s+(?:jours?\s+de\s+)?repos(?:\s+hebdomadaire)?\b(?!\s+"
                 r"(?:compensateur|supplementaire))")
_SEVEN_DAYS = fast(r"\b(?:7\s*j(?:ours?)?\s*(?:/|sur)\s*7|sept jours sur sept|7 jours par semaine)\b")


def _week_hours(m: re.Match) -> float | None:
    for i, j in ((1, 2), (3, 4), (5, None), (6, None)):
        if m.group(i):
            h = float(m.group(i).replace(",", "."))
            if j and m.group(j):
                h += int(m.group(j)) / 60
            return h
    return None


_WEEK_TOKENS = frozenset("semaine semaines sem hebdo hebdomadaire hebdomadaires partiel contrat cdi cdd poste".split())
_DAY_TOKENS = frozenset("jour journee journees".split())
_MONTH_TOKENS = frozenset("mois mensuel mensuelle mensuels mensuelles".split())
_SEVEN_TOKENS = frozenset("7 7j sept".split())


def detect_working_time(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    on = ctx.offer_date
    minimum = params.value("part_time_min_weekly_hours", on) or 24
    max_week = params.value("max_weekly_hours", on) or 48
    max_day = params.value("max_daily_hours", on) or 10
    # the cheap test first: the text is read only for a contract of a week or less
    short_contract = (ctx.contract_duration_months or 99) <= 0.25 and \
        bool(re.search(r"\b(?:[1-7]) jours?\b(?! (?:par|/) semaine)", ctx.all))

    def part_time_hit(field, start, end, hours):
        if hours <= 0 or hours >= minimum:
            return
        if ctx.exc("EXC-DROIT-PUBLIC"):
            dropped.append(("R19-PART-TIME", "EXC-DROIT-PUBLIC", field))
            return
        severity, exc = apply_exceptions(ctx, "review", ("EXC-REMPLACEMENT", "EXC-ACCORD-BRANCHE"))
        if severity is None or short_contract:
            dropped.append(("R19-PART-TIME", exc or "EXC-REMPLACEMENT", field))
            return
        hits.append(Hit("time.part_time_below_min", "R19-PART-TIME", "working_time", severity, field, start, end,
                        params={"hours": _fr(hours, 2).rstrip("0").rstrip(","), "minimum": _fr(minimum, 0)},
                        exception=exc))

    # Structured weekly hours.
    ft = ctx.by_name.get("dureeTravailLibelle")
    hours = ctx.field_weekly_hours
    if ft is not None and hours is not None:
        m = re.search(r"\d{1,2}\s*h", ft.folded)
        s, e = (m.start(), m.end()) if m else (0, len(ft.clean))
        if hours < minimum and (ctx.field_full_time is False or "partiel" in ft.folded or hours < 20):
            part_time_hit(ft.name, s, e, hours)
        elif hours > max_week:
            hits.append(Hit("time.weekly_over_max", "R20-WORKING-TIME", "working_time", "review", ft.name, s, e,
                            params={"hours": _fr(hours, 0), "maximum": _fr(max_week, 0)}, articles=("L3121-20",)))
    for ft in ctx.free_fields:
        folded = ft.folded
        fw = ft.words
        weekly = not fw.isdisjoint(_WEEK_TOKENS)
        daily = not fw.isdisjoint(_DAY_TOKENS)
        monthly = not fw.isdisjoint(_MONTH_TOKENS)
        seven = not fw.isdisjoint(_SEVEN_TOKENS)
        if not (weekly or daily or monthly or seven):
            continue
        # the hours (« 35 h ») are found once for the weekly and the daily durations
        hours_at = [m.span() for m in _HOURS_ANCHOR.finditer(folded)] if weekly or daily else []
        for m in (finditer_in_windows(_WEEKLY, folded, hours_at, 45, 40) if weekly else ()):
            h = _week_hours(m)
            if h is None:
                continue
            c0, c1 = clause_bounds(folded, *m.span())
            clause = folded[c0:c1]
            if re.search(r"\b(?:formation|heures? (?:de formation|supplementaires|complementaires|sup)|cours|"
                         r"sessions?|modules?|annualis|ouverture|accueil du public|permanence)", clause):
                continue
            if re.search(r"\b(?:jusqu'a|maximum|max|au plus)\s*$", folded[max(c0, m.start() - 15):m.start()]):
                pass
            if h < minimum:
                if re.search(r"\b(?:entre|de)\s*$", folded[max(c0, m.start() - 8):m.start()]) and \
                        re.match(r"\s*(?:a|-|et)\s*\d", folded[m.end():m.end() + 6]):
                    continue  # « de 20 à 35 h »: a range
                part_time_hit(ft.name, m.start(), m.end(), h)
            elif h > max_week:
                hits.append(Hit("time.weekly_over_max", "R20-WORKING-TIME", "working_time", "review", ft.name,
                                m.start(), m.end(), params={"hours": _fr(h, 0), "maximum": _fr(max_week, 0)},
                                articles=("L3121-20",)))
        for m in (_MONTHLY_HOURS.finditer(folded) if monthly else ()):
            monthly = float(m.group(1).replace(",", "."))
            weekly = monthly * 12 / 52
            if weekly < minimum:
                part_time_hit(ft.name, m.start(), m.end(), weekly)
        for m in (finditer_in_windows(_DAILY, folded, hours_at, 40, 60) if daily else ()):
            raw = next(g for g in m.groups() if g)
            h = float(raw.replace(",", "."))
            if re.search(r"(?:[-/]|\ba)\s*$", folded[max(0, m.start() - 4):m.start()]):
                continue  # « 13h30-17h par jour »: a clock time, not a duration
            c0, c1 = clause_bounds(folded, *m.span())
            if re.search(r"\b(?:formation|cours|ouverture|accueil|amplitude|jusqu'a|maximum|max|au plus)\b",
                         folded[c0:c1]):
                continue
            if h > max_day and h <= 24:
                hits.append(Hit("time.daily_over_max", "R20-WORKING-TIME", "working_time", "review", ft.name,
                                m.start(), m.end(), params={"hours": _fr(h, 0), "maximum": _fr(max_day, 0)},
                                articles=("L3121-18",)))
        for m in (_NO_REST.finditer(folded) if "repos" in fw else ()):
            s0, s1 = sentence_bounds(folded, *m.span())
            if NEG_BEFORE.search(folded[max(s0, m.start() - 30):m.start()]) or not re.search(
                    r"\b(?:travail\w*|vous|poste|semaine|jours?|7j|horaires?|planning)\b", folded[s0:s1]):
                continue
            hits.append(Hit("time.no_rest", "R20-WORKING-TIME", "working_time", "review", ft.name, m.start(), m.end(),
                            articles=("L3132-1", "L3132-2")))
        for m in (_SEVEN_DAYS.finditer(folded) if seven else ()):
            s0, s1 = sentence_bounds(folded, *m.span())
            sentence = folded[s0:s1]
            if not re.search(r"\b(?:vous|travail\w*|poste|disponib\w*|horaires?)\W+(?:\w+\W+){0,3}$",
                             folded[max(s0, m.start() - 40):m.start()]):
                continue
            if re.search(r"\b(?:ouvert\w*|ouverture|service client|astreintes?|roulement|repos|planning|tournant|"
                         r"selon|jours? de repos|week-ends? sur|entreprise|magasin|restaurant|etablissement|structure|"
                         r"hotel|accueil|fonctionn\w*|assistance|support|h24|24h|disponibilite des|clients?|"
                         r"service (?:de|d')|continuite|permanence|dont|cycle|alternance|organis\w*|equipe)", sentence):
                continue
            if not re.search(r"\b(?:travail\w*|vous|poste|disponib\w*|horaires?|heures?|emploi)\b", sentence):
                continue
            hits.append(Hit("time.seven_days", "R20-WORKING-TIME", "working_time", "review", ft.name, m.start(),
                            m.end(), articles=("L3132-1", "L3132-2")))
    return hits


# =============================================================================== internships

_INTERN_MISUSE = fast(
    r"\b(?:remplac\w*|accroissement|surcroit|pic d'activite|saison(?:nier|niere|nalite)?|estival\w*|haute saison|"
    r"periode estivale|poste permanent|poste vacant|a l'annee|occuper (?:le|un|notre) poste|renfor\w* (?:l'|notre |"
    r"nos |les )?equipes?|renfort)\b")
_UNPAID = fast(r"\b(?:non (?:remunere|gratifie|paye|indemnise)e?s?|sans (?:gratification|remuneration|"
                     r"indemnite)|benevole\w*|pas de gratification|pas (?:de )?remuner\w*)\b")
_GRATIF = fast(r"\b(?:gratification|indemnite de stage|remuneration)\s*(?:\w+\s+){0,2}?(?:de\s+)?(\d{2,4})"
                     r"(?:[.,]\d{1,2})?\s*(?:€|euros?)\s*(?:brut|net)?\s*(?:par|/)\s*mois")
_STAGE_DURATION = fast(r"\bstage\s+(?:\w+\s+){0,2}?(?:de|d'une duree de|sur)\s+(\d{1,2})\s*(mois|semaines?)\b")


def detect_internship(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    if not ctx.has_word("stage", "stages", "stagiaire", "stagiaires"):
        return hits
    on = ctx.offer_date
    for ft in ctx.free_fields:
        folded = ft.folded
        for m in re.finditer(r"\bstag(?:e|iaire)s?\b", folded):
            s0, s1 = sentence_bounds(folded, *m.span())
            sentence = folded[s0:s1]
            if re.search(r"\b(?:tutorat|encadr\w*|accueil\w* (?:des|de) stagiaires|former des|maitre de stage|"
                         r"tuteur|suivi des stagiaires|stage (?:long|court)?\s*(?:/|,|ou)\s*(?:alternance|cdd)|"
                         r"premiere experience|(?:stage|stages),|experience (?:\w+ )?(?:en|de) stage|"
                         r"vous avez (?:effectue|realise)|lors (?:d'un|de votre) stage|stage (?:d'observation|de 3e)|"
                         r"periode de stage (?:est )?prevue|stage (?:de formation|pratique) (?:en|avant))", sentence):
                continue
            mis = _INTERN_MISUSE.search(sentence)
            if mis:
                word = mis.group(0)
                severity = "block" if re.match(r"remplac|accroissement|surcroit|pic|saison|estival|haute|periode",
                                               word) else "review"
                hits.append(Hit("intern.misuse", "R22-INTERNSHIP", "internship", severity, ft.name,
                                min(m.start(), mis.start() + s0 - s0), max(m.end(), mis.end()),
                                params={"reason": word}, articles=("C. éduc. L124-7",)))
                continue
            unpaid = _UNPAID.search(sentence)
            if unpaid:
                d = _STAGE_DURATION.search(ctx.all)
                months = _months(float(d.group(1)), d.group(2)) if d else None
                if months is not None and months <= 2:
                    continue
                hits.append(Hit("intern.unpaid", "R22-INTERNSHIP", "internship", "review", ft.name,
                                s0 + unpaid.start(), s0 + unpaid.end(), articles=("C. éduc. L124-6",)))
                continue
        for m in _GRATIF.finditer(folded):
            if not ctx.is_internship and not re.search(r"\bstag", folded[max(0, m.start() - 120):m.end() + 60]):
                continue
            amount = float(m.group(1))
            rate = params.value("internship_gratification_hourly", on)
            if rate is None:
                continue
            floor = rate * params.MONTHLY_HOURS_35
            if amount >= floor * 0.95:
                continue
            hits.append(Hit("intern.low_gratification", "R22-INTERNSHIP", "internship", "review", ft.name, m.start(),
                            m.end(), params={"amount": _fr(amount, 0), "floor": _fr(floor, 0), "rate": _fr(rate)},
                            articles=("C. éduc. L124-6",)))
    # Deduplicate: one finding per sentence.
    return hits


# =============================================================================== misleading: contradictions

_CT = r"(cdi|cdd|contrat a duree (?:in)?determinee|interim|mission d'interim|contrat de mission|contrat saisonnier)"
# Declarative forms only: « poste en CDI », « type de contrat : CDD », « CDD de 6 mois », « mission d'intérim d'une
# semaine », « recrutons en CDI ». Lists (« intérim, CDD, CDI ») and prospects (« possibilité de CDI ») are not.
_DECLARATION = fast(
    r"\b(?:poste|contrat|emploi|embauche|recrutement|position|job|propose|proposons|offre)\s+(?:\w+\s+){0,2}?"
    r"(?:en\s*|:[^\S\n]*|=[^\S\n]*)" + _CT + r"\b|"
    r"\btype de contrat\s*:?\s*" + _CT + r"\b|\bcontrat\s*:\s*" + _CT + r"\b|"
    r"\b(cdi|cdd|contrat saisonnier)\s+(?:\w+\s+)?(?:de|d'une duree de|d'environ)\s+\d+\s*(?:mois|ans?|semaines?|jours?)|"
    r"\b(cdi|cdd)\s+(?:a|en)?\s*temps (?:plein|partiel|complet)|\b(cdi|cdd)\s+(?:a pourvoir|\d{1,2}\s*h)\b|"
    r"\b(mission d'interim|mission interimaire|contrat de mission|mission temporaire)\s+(?:de|d'une|d'un|sur)\s+"
    r"(?:\w+\s+)?(?:\d+\s*)?(?:semaines?|jours?|mois|an)|"
    r"\b(?:recrut\w*|recherch\w*|embauch\w*)\s+(?:\w+\s+){0,6}?(?:en|un|une)\s+(cdi|cdd|interim)\b|"
    r"(?:h/f|f/h|h/f\)|f/h\))\s+en\s+(cdi|cdd|interim)\b|\ben (cdd|cdi)\s*\(\s*\d"
)
_DECL_ANCHOR = fast(r"\b(?:cdi|cdd|interim|mission d'interim|missions? interimaire|mission temporaire|contrat a duree|"
                    r"contrat saisonnier|contrat de mission)")
_DECL_WORDS = frozenset("cdi cdd interim interimaire temporaire mission contrat saisonnier".split())
_FAMILY_OF = {"cdi": "cdi", "cdd": "cdd", "contrat a duree indeterminee": "cdi", "contrat a duree determinee": "cdd",
              "interim": "temp", "mission d'interim": "temp", "contrat de mission": "temp", "contrat saisonnier": "cdd",
              "mission interimaire": "temp", "mission temporaire": "temp"}
_DEBUTANT = fast(
    r"\b(?:debutant\w*(?:\(e\)s?|\(es\))?\s*(?:accepte\w*|bienvenu\w*|possible|autorise\w*|admis)|ouvert\w* aux "
    r"debutants|(?:aucune|pas d'|sans) experience (?:n'est )?(?:requise|exigee|necessaire|demandee|prealable)|"
    r"(?:pas|aucune) (?:d')?experience (?:n'est )?(?:requise|exigee|necessaire|demandee|prealable)|"
    r"sans experience(?! (?:en|de|dans|d'|du|sur)\b)|"
    r"premiere experience (?:bienvenue|acceptee|possible))"
)
_BEGINNER_ANCHOR = fast(r"\b(?:debutant|experience)")
_YEARS_REQUIRED = fast(
    r"\b(\d{1,2})\s*ans?\s+(?:minimum\s+)?(?:d'|de )experience\s+(?:\w+\s+){0,4}?(?:minimum|exige\w*|requis\w*|"
    r"obligatoire|indispensable|imperati\w*|necessaire)|\bexperience\s+(?:\w+\s+){0,3}?(?:exigee|obligatoire|"
    r"indispensable|requise|imperative|necessaire|minimum|minimale|significative exigee)\s+(?:\w+\s+){0,2}?de\s+"
    r"(\d{1,2})\s*ans?|\bexperience (?:de |d'au moins )?(\d{1,2})\s*ans?\s+(?:minimum|exigee|obligatoire|requise|"
    r"indispensable|au minimum)|\b(\d{1,2})\s*ans?\s+(?:d'experience\s+)?(?:minimum|au minimum)\s+(?:d'experience|"
    r"exige\w*|requis\w*)|\bexperience (?:exigee|obligatoire|indispensable|requise) de (\d{1,2})\s*ans?|"
    r"\bexperience\s*:?\s*(?:de\s+)?(\d{1,2})\s*(?:a|-)\s*\d{1,2}\s*ans?\s*(?:minimum|au minimum|exige\w*)"
)
_EXPERIENCE_ANCHOR = fast(r"\bexperience")
_YEARS_STATED = fast(r"\b(\d{1,2})\s*(?:a|-)?\s*(?:\d{1,2}\s*)?ans? d'experiences?\b(?!\s+(?:\w+\s+){0,3}?"
                     r"(?:souhait|apprecie|serait|est un plus|un plus|idealement|de preference|si possible))")
_COMPANY_EXPERIENCE = fast(r"(?:\bforte? de|\briches? de|\bdepuis|\bcumul\w*|\bsa|\bson|\bses|\bnos|\bnotre)\s*"
                           r"(?:plus de\s*|pres de\s*)?$")
_PART_DECL = fast(r"\b(?:temps partiel|mi-temps|mi temps)\b")
_FULL_DECL = fast(r"\b(?:temps plein|temps complet)\b")
_AMBIGUOUS_TIME = fast(r"(?:plein ou|partiel ou|ou (?:a )?temps|ou mi-temps|possible|envisageable|accepte|"
                             r"pour un temps|base (?:d'un )?temps|equivalent temps|\betp\b|temps (?:plein|complet) "
                             r"[/)]|\(temps|"
                             r"egalement|aussi|peut etre|selon|au choix|modulable|evolu|passage|complement|"
                             r"souhait\w*|dispo\w*|cumul|possibilite)")
_SCAM = fast(
    r"\b(?:revenus?|gains?|salaires?|remunerations?)\s+(?:\w+\s+)?illimite\w*|\bdevenez riche\b|\bargent facile\b|"
    r"\benrichi\w* rapidement\b|\bgagnez (?:jusqu'a |plus de |entre )?(\d[\d\s.]*)\s*(?:€|euros?)\s*(?:par|/)\s*"
    r"(?:mois|semaine|jour)|\btravail facile\b[^.;\n]{0,30}\bbien paye|\bsans (?:experience|diplome)\b[^.;\n]{0,40}"
    r"\b(\d[\d\s.]{3,})\s*(?:€|euros?)\s*(?:par|/)\s*(?:mois|semaine)"
)


_CONTRACT_WORD = fast(r"\b(?:cdi|cdd|interim\w*|mutation|titulaire|vacation|alternance|apprentissage|"
                            r"stage|freelance|liberal)\b")


def _contract_mentions(ctx: Ctx) -> list[tuple[str, str, int, int]]:
    out = []
    for ft in ctx.free_fields:
        if ft.name == "entreprise.description":
            continue  # the company describing its trade (« recrutement en CDI et intérim »), not this offer
        folded = ft.folded
        for m in finditer_near_words(_DECLARATION, ft, _DECL_WORDS, 90, 70):
            word = next((g for g in m.groups() if g), None)
            if word is None:
                continue
            fam = _FAMILY_OF.get(word)
            if fam is None:
                continue
            c0, c1 = clause_bounds(folded, *m.span())
            after = folded[m.end():min(c1, m.end() + 30)]
            before = folded[max(c0, m.start() - 30):m.start()]
            if re.match(r"^\s*(?:ou|/|voire|,)\s*(?:en\s+)?(?:cdi|cdd|interim)", after):
                continue
            if re.search(r"(?:possibilite|perspective|evolution|debouch\w*|a terme|ensuite|puis|ou|a defaut|sinon|"
                         r"voie contractuelle|\()\s*\S*\s*$", before):
                continue
            if folded.startswith("recrutement", m.start()) and re.search(r"\b(?:du|de|le)\s+$",
                                                                         folded[max(0, m.start() - 5):m.start()]):
                continue  # « leader de l'intérim et du recrutement en CDI »: the company's trade
            start_w = m.start() + m.group(0).find(word)
            line0 = folded.rfind("\n", 0, start_w) + 1
            line1 = folded.find("\n", start_w)
            line1 = len(folded) if line1 < 0 else line1
            near = folded[max(line0, start_w - 30):start_w] + " " + folded[start_w + len(word):min(line1, start_w +
                                                                                                   len(word) + 14)]
            if _CONTRACT_WORD.search(near):
                continue  # a list of contracts (« CDI - CDD », « 1 poste en CDI et 1 poste en CDD », « intérim et CDI »)
            if fam == "cdi" and re.match(r"^\s*interimaire", after):
                fam = "temp_cdi"
            start = m.start() + m.group(0).find(word)
            out.append((fam, ft.name, start, start + len(word)))
    return out


_CONTRACT_TOKENS = frozenset("cdi cdd interim mission missions saisonnier contrat".split())
_BEGINNER_TOKENS = frozenset("debutant debutants debutante debutantes".split())
_SELF_TOKENS = frozenset("independance creer creez creant entrepreneur independant statut".split())
_SCAM_TOKENS = frozenset("illimite illimites illimitee illimitees riche facile gagnez enrichi enrichir".split())


def detect_misleading(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    # ---- contract type: field vs text
    family = ctx.contract_family
    words = ctx.words
    mentions = _contract_mentions(ctx) if family in ("cdi", "cdd", "temp") and not words.isdisjoint(_CONTRACT_TOKENS) \
        else []
    if mentions:
        if True:
            for fam, field, s, e in mentions:
                if fam == family:
                    continue
                if family == "cdd" and fam == "temp" or fam == "temp_cdi" and family in ("cdi", "temp"):
                    continue
                hits.append(Hit("misleading.contract", "R06-FALSE", "misleading", "review", field, s, e,
                                params={"field_value": ctx.type_contrat, "text_value": fam.upper() if fam != "temp"
                                        else "intérim"}))
                break
    # ---- experience: field vs text, and text vs text
    code, years = ctx.experience_field
    deb = None
    req = None
    check_deb = not words.isdisjoint(_BEGINNER_TOKENS) or ("experience" in words and not words.isdisjoint(
        {"sans", "aucune", "pas", "premiere"}))
    check_req = "experience" in words and not words.isdisjoint({"an", "ans"})
    for ft in ctx.free_fields if (check_deb or check_req) else ():
        if deb is None and check_deb:
            m = search_around(_DEBUTANT, _BEGINNER_ANCHOR, ft.folded, 40, 60)
            if m and not NEG_BEFORE.search(ft.folded[max(0, m.start() - 25):m.start()]):
                deb = (ft.name, m.start(), m.end())
        if req is None and check_req:
            m = search_around(_YEARS_REQUIRED, _EXPERIENCE_ANCHOR, ft.folded, 70, 80)
            if m:
                n = int(next(g for g in m.groups() if g))
                if 1 <= n <= 25:
                    req = (ft.name, m.start(), m.end(), n)
    if code == "D" and req is None and "experience" in words:
        for ft in ctx.free_fields:
            if ft.name == "entreprise.description":
                continue  # « forte de 25 ans d'expérience, la société… »: the company's experience
            m = search_around(_YEARS_STATED, _EXPERIENCE_ANCHOR, ft.folded, 40, 40)
            if m is not None and _COMPANY_EXPERIENCE.search(ft.folded[max(0, m.start() - 30):m.start()]):
                m = None
            if m is not None:
                n = int(m.group(1))
                if 1 <= n <= 25:
                    req = (ft.name, m.start(), m.end(), n)
                    break
    if code == "E" and deb is not None:
        hits.append(Hit("misleading.experience_field", "R06-FALSE", "misleading", "review", deb[0], deb[1], deb[2],
                        params={"field_value": _experience_label(ctx)}))
    elif code == "D" and req is not None:
        hits.append(Hit("misleading.experience_field_beginner", "R06-FALSE", "misleading", "review", req[0], req[1],
                        req[2], params={"years": req[3]}))
    elif deb is not None and req is not None:
        hits.append(Hit("misleading.experience_text", "R06-FALSE", "misleading", "review", req[0], req[1], req[2],
                        params={"years": req[3], "beginner": ctx.by_name[deb[0]].clean[deb[1]:deb[2]]}))
    # ---- working time: field vs text
    full = ctx.field_full_time
    if full is not None and not words.isdisjoint({"temps", "mi"}):
        for ft in ctx.free_fields:
            rx = _PART_DECL if full else _FULL_DECL
            found = None
            for m in rx.finditer(ft.folded):
                c0, c1 = clause_bounds(ft.folded, *m.span())
                around = ft.folded[c0:min(c1, m.end() + 30)]
                if _AMBIGUOUS_TIME.search(around) or NEG_BEFORE.search(ft.folded[c0:m.start()]):
                    continue
                found = m
                break
            if found is not None:
                hits.append(Hit("misleading.working_time", "R06-FALSE", "misleading", "review", ft.name,
                                found.start(), found.end(), params={"field_value": "temps plein" if full else
                                                                    "temps partiel"}))
                break
    # ---- salary: field vs text
    field_ft = ctx.by_name.get("salaire.libelle") or ctx.by_name.get("salaire")
    if field_ft is not None:
        fa = (ctx.amounts.get(field_ft.name) or [None])[0]
        if fa is not None and fa.unit in ("month", "year", "hour") and fa.field == field_ft.name:
            low = fa.value
            high = fa.high or fa.value
            for ft in ctx.free_fields:
                for ta in ctx.amounts.get(ft.name, ()):
                    if ta.unit != fa.unit or ta.net:
                        continue
                    t_low, t_high = ta.value, ta.high or ta.value
                    if t_high < low * 0.85 or t_low > high * 1.15:
                        hits.append(Hit("misleading.salary", "R06-FALSE", "misleading", "review", ft.name, ta.start,
                                        ta.end, params={"field_value": field_ft.clean.strip()}))
                        break
                else:
                    continue
                break
    # ---- work place: the structured location vs the place the text says the job is in
    place = _place_contradiction(ctx)
    if place is not None:
        hits.append(place)
    # ---- a salaried contract type for what the text describes as self-employment
    if family in ("cdi", "cdd", "temp") and not words.isdisjoint(_SELF_TOKENS):
        for ft in ctx.free_fields:
            m = _SELF_EMPLOYED_STRONG.search(ft.folded)
            if m:
                hits.append(Hit("misleading.self_employed", "R06-FALSE", "misleading", "review", ft.name, m.start(),
                                m.end(), params={"field_value": ctx.type_contrat}))
                break
    # ---- too-good-to-be-true claims
    for ft in ctx.free_fields if not words.isdisjoint(_SCAM_TOKENS) else ():
        for m in _SCAM.finditer(ft.folded):
            amount = next((g for g in m.groups() if g), None)
            if amount is not None:
                value = float(re.sub(r"[\s.]", "", amount) or 0)
                per_month = value * (4.33 if "semaine" in m.group(0) else 22 if "jour" in m.group(0) else 1)
                if per_month < 5000:
                    continue
            hits.append(Hit("misleading.scam", "R06-FALSE", "misleading", "review", ft.name, m.start(), m.end()))
            break
    # ---- empty offer
    if not ctx.text_only and not (ctx.title and ctx.title.clean.strip()) and not (ctx.body and ctx.body.clean.strip()):
        hits.append(Hit("misleading.empty", "R06-FALSE", "misleading", "review", "description", None, None))
    return hits


# « poste basé à Cannes (06) », « lieu de travail : Campbon (44) », « poste à pourvoir à Lyon 69003 ».
_PLACE_CUE = fast(
    r"\b(?:(?:base|basee|situe|situee|localise|localisee|implante|implantee)(?:\(e\))?\s+(?:a|sur|en|au|dans)\b|"
    r"lieu (?:de travail|d'exercice|de (?:la )?mission|d'affectation)\s*:?|localisation\s*:|"
    r"(?:poste|emploi|job|cdi|cdd|contrat|mission)s?\s+(?:\w+\s+){0,2}?a pourvoir\s+(?:a|sur|en|au|dans)\b|"
    r"(?:un|une|le|du|ce|notre) poste\s+(?:\w+\s+)?(?:a|sur)\s+(?=[a-z-]+(?:\s+[a-z-]+){0,3}\s*\())")
_PLACE_NOT_JOB = re.compile(r"\b(?:agence|siege|secteurs?|chantiers?|deplacements?|clients?|interventions?|tournees?|"
                            r"zones?|formation|ecole|entretien|centre de formation|depot de)\b")
_PLACE_WORDS = frozenset("base basee situe situee localise localisee implante implantee lieu localisation "
                         "pourvoir poste".split())
_LIBELLE_DEPT = re.compile(r"^\s*(\d{2,3}|2[ab])\s*(?:-|$)", re.I)


def _field_department(ctx: Ctx) -> tuple[str, str] | None:
    """(department code, label) of the offer's structured work place, when it names one."""
    lieu = ctx.d.get("lieuTravail")
    label = lieu.get("libelle") if isinstance(lieu, dict) else lieu
    if not isinstance(label, str):
        return None
    m = _LIBELLE_DEPT.match(label)
    code = m.group(1).lower() if m else None
    if code is None and isinstance(lieu, dict) and isinstance(lieu.get("codePostal"), str) and \
            len(lieu["codePostal"]) == 5:
        code = lieu["codePostal"][:3] if lieu["codePostal"].startswith("97") else lieu["codePostal"][:2]
    return (code, label.strip()) if code else None


def _dept_of_code(raw: str) -> str:
    raw = raw.lower()
    if len(raw) == 5:
        return raw[:3] if raw.startswith("97") else raw[:2]
    return raw


_PAREN_CODE = re.compile(r"\((\d{2}|2a|2b|97\d)\)")
_FIVE_DIGITS = compile_skipping(r"\d{5}")
_POSTCODE = compile_skipping(r"(?<![a-z0-9])(?<!\d[.,])(\d{5})(?![0-9]|[.,]\d)(?!\s*(?:€|euros?|eur\b|k\b|habitants))")
_POSTCODE_CUES = frozenset("lieu localisation base basee situe situee localise localisee implante implantee "
                           "pourvoir".split())


def _place_contradiction(ctx: Ctx) -> Hit | None:
    field = _field_department(ctx)
    if field is None or ctx.words.isdisjoint(_PLACE_WORDS):
        return None
    paren = _PAREN_CODE.search(ctx.all) is not None
    post = not ctx.words.isdisjoint(_POSTCODE_CUES) and _FIVE_DIGITS.search(ctx.all) is not None
    if not (paren or post):
        return None  # no « (NN) » department nor postcode after a place word in the text
    code, label = field
    same = {code, "20", "2a", "2b"} if code in ("20", "2a", "2b") else {code}
    if any(f"({c})" in ctx.all for c in same):
        return None  # the text names the field's department too (« basée à Taluyers (69), itinérance en Ardèche (07) »)
    first = None
    for ft in ctx.free_fields:
        if ft.name == "entreprise.description" or ft.words.isdisjoint(_PLACE_WORDS):
            continue
        folded = ft.folded
        # Look for department codes and postcodes first (rare), then for a statement of the job's place just before.
        codes = [(m.start(), m.end(), m.group(1)) for m in _PAREN_CODE.finditer(folded)] if paren else []
        if post:
            codes += [(m.start(), m.end(), m.group(1)) for m in _POSTCODE.finditer(folded)]
        for cs, ce, raw in codes:
            cue = None
            for c in _PLACE_CUE.finditer(folded, max(0, cs - 75), min(len(folded), cs + 1)):
                cue = c
            if cue is None or cue.end() > cs:
                continue
            between = folded[cue.start():cs]
            if len(between) - (cue.end() - cue.start()) > 50 or re.search(r"[.;\n()]", folded[cue.end():cs]):
                continue
            if _PLACE_NOT_JOB.search(between) or _PLACE_NOT_JOB.search(folded[max(0, cue.start() - 40):cue.start()]):
                continue
            stated = _dept_of_code(raw)
            if stated in same:
                return None  # one statement of the job's place agrees with the field
            if first is None:
                first = (ft.name, cue.start(), ce)
    if first is None:
        return None
    return Hit("misleading.place", "R06-FALSE", "misleading", "review", first[0], first[1], first[2],
               params={"field_value": label})


def _experience_label(ctx: Ctx) -> str:
    label = ctx.d.get("experienceLibelle")
    return str(label) if label else "expérience exigée"


# =============================================================================== language of the offer

_EN = frozenset(
    "the and of to for with you your we our is are will be this that at by from have has it its their they who what "
    "which all can about into would should must been being was were do does if than then there these those us my he "
    "she his her them how when where why also within while both each any such other only very just more most "
    "looking join working skills company responsibilities requirements ability strong "
    "knowledge including opportunity please apply "
    # words of job ads that French does not use (short English passages: « Hiring now!! … DM us »)
    "years weekends written available required needed hiring now friendly hard work good join apply asap "
    "kitchen looking seeking wanted hire hiring salary shifts shift in customer manage report attend "
    # what English ads offer and the titles they use (« What we offer: health insurance, yearly bonus »)
    "offer hours health insurance yearly bonus benefits perks paid leave happiness hero teammate "
    # seasonal job titles (« Ski Lift Operator - Winter Season »)
    "operator winter summer season seasonal".split()
)
_FR = frozenset(
    "le la les de des du et en un une pour avec vous votre vos nous notre nos est sont sera dans sur au aux par ou "
    "ce cette ces qui que son sa ses leur leurs il elle ils elles ne pas plus se etre avoir l d qu n s j poste "
    "travail equipe entreprise experience vos missions profil recherche afin".split()
)
# Function words of the other languages recruiters write in (German, Spanish, Italian, Portuguese, Dutch, Polish), without the
# ones French also uses (« se », « es », « y », « dos »…): a sentence full of them is a foreign passage.
_OTHER = frozenset(
    "wir suchen eine einen einem einer und der das fur mit ist ein unser unsere unseren ihr ihre ihren wird sind "
    "auf bei zu von dem als auch oder nicht werden haben sie erfahrung buscamos una para los las el del por nuestro "
    "nuestra nuestros nuestras somos estamos tiene usted como pero muy tambien esta este cerchiamo della dello "
    "degli delle nella nel nei sono siamo che gli alla questo questa anche lavoro nostro nostra nostri esperienza "
    "con per procuramos uma com voce nossa nosso das trabalho een het zijn wij zoeken voor met van naar ook niet bij "
    "werk goed jouw onze dla oraz jest sie przez jako oferujemy poszukujemy pracy praca zmiany zmiane na do w z po "
    "od za nie lub dwie firma godzin umowa umowe wymagamy "
    # Spanish, Italian, Portuguese, Romanian and Turkish words of job ads that French does not use
    "busca ayudante cocina limpieza mantener preparar platos trabajo empresa horario salario ofrecemos requisitos "
    "experiencia contrato tiempo completo jornada semana dias horas sueldo puesto incorporacion inmediata equipo "
    "conocimientos necesario valorable offriamo contratto indeterminato determinato possibilita crescere interno "
    "azienda requisiti ricerca orario stipendio settimana giorni ore squadra di dell all precisamos motorista carta "
    "conducao pesados entregas regiao um na oferecemos vaga cautam muncitori pentru constructii cu experienta "
    "zidarie tencuieli cazare asigurata oferim salariu locuri munca angajam deneyimli bir firinci ariyoruz tam "
    "zamanli calisma hafta sonu dahil maas ve icin eleman araniyor "
    # Polish job-ad words (seasonal and transport work)
    "szukamy zatrudnimy zatrudni pracownikow pracownika pracownik zakwaterowanie zapewnione zapewniamy "
    "wynagrodzenie doswiadczenie kierowca kierowcow mieszkanie stawka godzine zbioru owocow "
    # Portuguese, Spanish, Italian and German words of building, catering and cleaning ads
    "contratamos contrata ajudante pedreiro pedreiros servente obras moradias moradia segunda sexta sabado "
    "alojamento pagamento semanal trabalhador trabalhadores precisamos canalizador carpinteiro cofragem "
    "camarero camarera mesas bebidas atendera atender preparara cocinero cocinera limpiadora albanil "
    "peon repartidor lunes viernes cameriere cercasi cuoco lavapiatti muratore operaio turni lunedi venerdi "
    "gesucht mitarbeiter stelle arbeitszeit stunden woche montag freitag kenntnisse "
    # the recruitment process and the season as other languages write them (« Proceso de selección: entrevista… »,
    # « Bewerbungsprozess: Telefoninterview… », « stagione estiva, vitto e alloggio »), Luxembourgish function words
    "proceso seleccion entrevista entrevistas telefonica prueba pruebas practica tienda respuesta plazo enviar "
    "curriculo candidatos im bewerbung bewerbungen bewerbungsprozess vorstellungsgesprach telefoninterview "
    "probearbeitstag probetag lebenslauf unterlagen colloquio colloqui selezione inviare stagione estiva invernale "
    "vitto alloggio inclusi retribuzione mir sichen eng fir eise ass".split()
)
# Letters of scripts other than the Latin one (Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai, Georgian, kana,
# CJK, Hangul): several words of them in a row are a passage in another language whatever the language.
_NON_LATIN_WORD = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f"
                             r"\u0900-\u0dff\u0e00-\u0e7f\u10a0-\u10ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
_NON_LATIN_ANY = re.compile(_NON_LATIN_WORD.pattern[:-1])
_SEG = fast(r"[^.!?\n•▪►]+")
_TOK = re.compile(r"[a-z]+")


# « mantenimiento », « formazione », « manutencao » (ção folded): endings no French word has
_OTHER_ENDINGS = ("miento", "mientos", "ciones", "zione", "zioni", "cao", "coes", "ados", "adas", "idos", "idas",
                  # Spanish « -cción », « -ación » (French writes « -ction », « -ation »), German « -ung(en) »
                  "ccion", "acion", "ung", "ungen")


def _lang_counts(text: str) -> tuple[int, int, int]:
    toks = _TOK.findall(text)
    en = sum(1 for t in toks if t in _EN)
    fr = sum(1 for t in toks if t in _FR)
    return en, fr, len(toks)


def _other_language(body) -> list[Hit]:
    """A sentence written in German, Spanish, Italian or Portuguese inside the offer."""
    for m in _SEG.finditer(body.folded):
        toks = _TOK.findall(m.group(0))
        other = sum(1 for t in toks if t in _OTHER or len(t) > 5 and t.endswith(_OTHER_ENDINGS))
        fr = sum(1 for t in toks if t in _FR)
        if len(toks) >= 6 and (other >= 3 and other > 2 * fr or other >= 4 and other >= fr):
            s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            return [Hit("language.foreign_passage", "R02-LANG", "language", "review", body.name, s, m.end(),
                        params={"words": len(toks)})]
    return []


def _english_run(words: int, english: int) -> bool:
    """Long enough to be a passage: 15 words, or 8 of which 4 are English function or job-ad words."""
    return words >= 15 or words >= 8 and english >= 4


def _non_latin(body) -> list[Hit]:
    """Three words or more written in another script (Cyrillic, Arabic…) within one sentence."""
    clean = body.clean
    if is_latin1(clean) or _NON_LATIN_ANY.search(clean) is None:
        return []  # (the scripts looked for are all beyond Latin-1)
    for m in _SEG.finditer(clean):
        words = list(_NON_LATIN_WORD.finditer(clean, m.start(), m.end()))
        # CJK and kana are written without spaces: one run of four characters is already a phrase
        if len(words) >= 3 or any(len(w.group(0)) >= 4 and w.group(0)[0] >= "\u3040" for w in words):
            s = words[0].start()
            return [Hit("language.foreign_passage", "R02-LANG", "language", "review", body.name, s, m.end(),
                        params={"words": len(words)})]
    return []


def detect_language(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    body = ctx.body
    if body is None:
        return hits
    other_script = _non_latin(body)
    if other_script:
        return other_script
    title_hit = _english_title(ctx)
    if len(ctx.words & _EN) < 3:
        if len(body.words & _OTHER) >= 3:
            hits.extend(_other_language(body))
        return hits or title_hit
    folded = body.folded
    en, fr, n = _lang_counts(folded)
    if n >= 20 and en >= 8 and en > 1.5 * fr:
        hits.append(Hit("language.not_french", "R02-LANG", "language", "block", body.name, 0, len(body.clean),
                        params={"share": int(100 * en / max(en + fr, 1))}))
        return hits
    # A run of English sentences inside a French offer.
    run_start = run_end = None
    run_words = run_en = 0
    best = None
    for m in _SEG.finditer(folded):
        e, f, k = _lang_counts(m.group(0))
        # an English segment: mostly English words, or (a list line, a heading) English words and no French one
        if k >= 3 and e >= 2 and e > 2 * f or k and f == 0 and e >= 1 and 3 * e >= k:
            if run_start is None:
                run_start, run_words, run_en = m.start(), 0, 0
            run_end = m.end()
            run_words += k
            run_en += e
        elif k >= 3:
            if run_start is not None and _english_run(run_words, run_en) and (best is None or run_words > best[2]):
                best = (run_start, run_end, run_words)
            run_start, run_words = None, 0
    if run_start is not None and _english_run(run_words, run_en) and (best is None or run_words > best[2]):
        best = (run_start, run_end, run_words)
    if best is not None:
        s, e = best[0], best[1]
        while s < e and folded[s].isspace():
            s += 1
        hits.append(Hit("language.foreign_passage", "R02-LANG", "language", "review", body.name, s, e,
                        params={"words": best[2]}))
    if not hits and len(body.words & _OTHER) >= 3:
        hits.extend(_other_language(body))  # a German or Spanish sentence in an offer with a few English words
    # English-only title with no French description.
    if ctx.title is not None and (fr < 15):
        te, tf, tn = _lang_counts(ctx.title.folded)
        if tn >= 2 and te >= 1 and tf == 0 and not hits:
            hits.append(Hit("language.foreign_title", "R02-LANG", "language", "review", "intitule", 0,
                            len(ctx.title.clean)))
    return hits or title_hit


_MFD = re.compile(r"\(?\bm ?/ ?[fw] ?/ ?[dx]\b\)?")


def _english_title(ctx: Ctx) -> list[Hit]:
    """A title written in English from end to end (« Sales Representative - Fluent English required »), whatever
    the language of the description."""
    if ctx.title is None:
        return []
    en_words = len(ctx.title.words & _EN)
    title = ctx.title.folded
    # « (m/f/d) », « (m/w/d) »: the gender marker of English and German ads (French ones write « H/F »)
    marker = _MFD.search(title)
    german = marker is not None and "w" in marker.group(0)
    if en_words == 0 and not german:
        return []
    if en_words < 2 and marker is None:
        return []
    if marker:
        title = title[:marker.start()] + title[marker.end():]
    te, tf, tn = _lang_counts(title)
    # « Lagerarbeiter (m/w/d) - Sarreguemines »: the German marker and no French word make the title German
    if tn < (2 if german else 3 if marker else 4) or tf:
        return []
    return [Hit("language.foreign_title", "R02-LANG", "language", "review", "intitule", 0, len(ctx.title.clean))]


# =============================================================================== formalities

_AGENCY_TEXT = fast(r"\b(?:agences? d'(?:interim|emploi)|entreprise de travail temporaire|\bett\b|societe "
                          r"d'interim|travail temporaire|agence de travail temporaire|cabinet d'interim|"
                          r"groupe d'interim|reseau d'agences d'emploi|\binterim\w*|\binterimaires?\b|"
                          r"mise a disposition de (?:personnel|competences))")
_AGENCY_HINT = fast(
    r"\bpour (?:le compte de |l'un de |l'une de |un de |une de )?(?:notre|nos|son|ses) clients?\b[^.;\n]{0,80}"
    r"\b(?:(?:en|des) missions?\b|missions? (?:a pourvoir|renouvelables?|de (?:\d+|courte|longue)))|"
    r"\bmissions? (?:a pourvoir |renouvelables? )?(?:chez|aupres de) (?:notre|nos|son|ses|l'un de nos|un de nos) "
    r"clients?\b|mise a disposition (?:de personnel|aupres de (?:nos|notre) clients?)|delegation de personnel")
_SELF_EMPLOYED = fast(
    r"\b(?:statut (?:d')?(?:auto|micro)[- ]?entrepreneur|statut (?:d')?independant|(?:auto|micro)[- ]?entrepreneurs?"
    r"|agent commercial independant|en (?:tant qu')?independant|travailleur independant|freelances?|mandataire "
    r"independant|vendeu\w* a domicile independant\w*|\bvdi\b|portage salarial|devenir entrepreneur|"
    r"independance juridique|cre(?:er|ez|ant) (?:votre|sa|son|leur) (?:propre )?(?:entreprise|agence|societe|activite))"
    r"\b")
_SELF_EMPLOYED_STRONG = fast(
    r"\b(?:independance juridique|cre(?:er|ez|ant) (?:votre|sa|son|leur) (?:propre )?(?:entreprise|agence|societe)|"
    r"devenir "
    r"entrepreneur|sous le statut (?:d')?(?:auto|micro)[- ]?entrepreneur|statut (?:d')?(?:auto|micro)[- ]?entrepreneur "
    r"(?:exige|obligatoire)|en tant qu'independant)")
_ID_NUMBER = fast(r"\b(?:siren|siret|rcs)\b|\b\d{3}\s?\d{3}\s?\d{3}(?:\s?\d{5})?\b")
_INTERMEDIARY = fast(
    r"\b(?:pour (?:le compte (?:de |d')(?:l'un de |l'une de |un de |une de )?|l'un de |l'une de |un de |une de )"
    r"(?:notre|nos|son|ses|leur|leurs) client(?:e|s|es)?\b|"
    r"cabinet (?:\w+\s+){0,3}?(?:recrutement|chasse de tetes|approche directe)|"
    r"(?:recrut|recherch|cherch|embauch|selectionn|propos)\w*\s+(?:(?!pour\b)\S+\s+){0,12}?pour (?:notre|nos|son|ses) "
    r"client(?:e|s|es)?\b|(?:(?<![^\n])|(?<=[.!] ))\s*pour (?:notre|nos|son|ses) client(?:e|s|es)?\s*[,:]|"
    r"cabinet de (?:recrutement|conseil)|notre client(?:e)? (?:est|recrute|recherche|specialise|situe|base|leader|acteur|"
    r"renforce|souhaite|cherche|implante|fabricant|specialiste|reconnu|expert|une? |pme|developpe|propose|a besoin)|"
    r"(?:notre|votre) client(?:e)?\s*[,:]|agence d'emploi\b|"
    r"(?:recrut|recherch)\w*\s+(?:(?!pour\b)\S+\s+){0,8}?pour (?:le compte d'|le compte de )?"
    r"(?:une|un) (?:entreprise|societe|etablissement|structure|groupe|acteur|ehpad|client)|pour integrer (?:un|une) (?:ehpad|entreprise|etablissement|"
    r"structure|societe|clinique|cabinet)\b)")


_INTERMEDIARY_ANCHOR = fast(r"\b(?:client|cabinet|agence|integrer)")
_AGENCY_ANCHOR = fast(r"\b(?:missions?|disposition|delegation)\b")
_INTERMEDIARY_TOKENS = frozenset("client clients cliente clientes cabinet agence integrer".split())
_AGENCY_TOKENS = frozenset("mission missions disposition delegation".split())
_SELF_EMPLOYED_TOKENS = frozenset("auto micro entrepreneur entrepreneurs independant independance freelance freelances "
                                  "vdi portage creer creez creant mandataire".split())


def detect_formalities(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    if not ctx.text_only:
        if not ctx.has_date:
            hits.append(Hit("formal.no_date", "R01-DATE", "formalities", "block", "dateCreation", None, None))
        if ctx.employer_name is None and not ctx.words.isdisjoint(_INTERMEDIARY_TOKENS) and \
                search_around(_INTERMEDIARY, _INTERMEDIARY_ANCHOR, ctx.all, 130, 140):
            hits.append(Hit("formal.employer_identity", "R03-EMPLOYER-ID", "formalities", "advise", "entreprise.nom",
                            None, None))
    # Temp agency: status must be stated.
    family = ctx.contract_family
    looks_agency = family != "temp" and not ctx.words.isdisjoint(_AGENCY_TOKENS) and bool(
        search_around(_AGENCY_HINT, _AGENCY_ANCHOR, ctx.all, 150, 60))
    if looks_agency:
        status_shown = family in ("temp", "temp_cdi") or bool(_AGENCY_TEXT.search(ctx.all))
        if not status_shown:
            m = None
            ft_hit = None
            for ft in ctx.free_fields:
                m = search_around(_AGENCY_HINT, _AGENCY_ANCHOR, ft.folded, 150, 60)
                if m:
                    ft_hit = ft
                    break
            hits.append(Hit("formal.temp_agency", "R04-TEMP-AGENCY", "formalities", "block",
                            ft_hit.name if ft_hit else "description", m.start() if m else None,
                            m.end() if m else None))
    # Ads for self-employed work without an identification number.
    if not ctx.words.isdisjoint(_SELF_EMPLOYED_TOKENS):
        for ft in ctx.free_fields:
            if ft.name == "entreprise.description":
                continue
            m = search_near_words(_SELF_EMPLOYED, ft, _SELF_EMPLOYED_TOKENS, 30, 40)
            if m is None:
                continue
            if _CONTRACT_WORD.search(ft.folded[max(0, m.start() - 14):m.start()]):
                continue  # « CDI, CDD, intérim et freelance »: a list of what an agency offers
            c0, _ = clause_bounds(ft.folded, *m.span())
            if NEG_BEFORE.search(ft.folded[c0:m.start()]) or re.search(
                    r"(?:chez|aupres d'|aupres des|clients?|experience)\s*(?:un |une |des )?$",
                    ft.folded[max(0, m.start() - 20):m.start()]):
                continue
            if _ID_NUMBER.search(ctx.all):
                break
            hits.append(Hit("formal.self_employed", "R24-SELF-EMPLOYED-ADS", "formalities", "review", ft.name,
                            m.start(), m.end()))
            break
    return hits


# =============================================================================== pay transparency

_VAGUE_PAY = fast(r"\b(?:selon (?:profil|experience|competences?|diplome|qualification|grille|convention|"
                        r"niveau|le profil|votre profil|vos competences|votre experience|expériences?)|a negocier|"
                        r"a definir|a discuter|negociable|attractive?|motivante?|competitive?|en fonction (?:du profil|"
                        r"de (?:votre |l')?experience|des competences|de votre profil|du diplome))\b")
_SMIC_WORD = fast(r"\bsmic\b")


_VAGUE_TOKENS = frozenset("selon negocier definir discuter negociable attractif attractive motivant motivante "
                          "competitif competitive fonction".split())


def detect_pay_transparency(ctx: Ctx, dropped: list) -> list[Hit]:
    stated = any(a.unit in ("hour", "month", "year") or a.field in ("salaire.libelle", "salaire")
                 for found in ctx.amounts.values() for a in found)
    if stated or "smic" in ctx.words:
        return []
    for ft in ctx.fields:
        if not (ft.name.startswith("salaire") or ft in ctx.free_fields) or ft.words.isdisjoint(_VAGUE_TOKENS):
            continue
        m = _VAGUE_PAY.search(ft.folded)
        if m:
            s0, s1 = sentence_bounds(ft.folded, *m.span())
            if re.search(r"(?:salaire|remuner|paye|paie|retribution|package|\bbrut)", ft.folded[s0:s1]) or \
                    ft.name.startswith("salaire"):
                return [Hit("transparency.vague", "R25-PAY-TRANSPARENCY", "pay_transparency", "advise", ft.name,
                            m.start(), m.end())]
    return [Hit("transparency.missing", "R25-PAY-TRANSPARENCY", "pay_transparency", "advise",
                "salaire" if not ctx.text_only else "text", None, None)]


ALL_CHECKS = (detect_age, detect_gender, detect_pay, detect_contract, detect_working_time, detect_internship,
              detect_misleading, detect_language, detect_formalities, detect_pay_transparency)
