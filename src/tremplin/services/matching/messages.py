"""Plain French for people: reasons of a suggestion, notices. Kept in one place (translation).

A reason is a fact about the pair (« à 12 km », « compétences en commun : … ») weighted by the
model's contribution of the variables behind it (LightGBM tree contributions, in log-odds
units of the combined score). Facts that helped come first; the main point of attention
(the fact that weighed most against) follows.
"""

from __future__ import annotations

import math

import numpy as np

from tremplin.domain import Reason

from .features import FEATURES

COL = {name: i for i, name in enumerate(FEATURES)}

GROUPS = {
    "occupation": ("level_desired", "level_experience", "code_similarity"),
    "distance": ("distance_km", "distance_ratio"),
    "skills": ("skill_share", "skills_in_common", "competence_fit"),
    "experience": ("months_in_code", "months_in_fiche", "experience_met"),
    "salary": ("salary_gap",),
    "contract": ("contract_ok",),
    "hours": ("hours_ok",),
    "education": ("education_gap",),
    "licence": ("licence_missing",),
    "english": ("english_missing",),
    "offer": ("offer_posts", "offer_cdi", "offer_full_time", "offer_salary"),
}

NOTICES = {
    "empty_profile": ("profil incomplet (ni expérience ni compétence renseignées) : suggestions fondées sur le métier "
                      "recherché et la commune déclarés"),
    "from_text": "métier recherché déduit du texte « {text} » (référentiel ROME) : à confirmer avec la personne",
    "no_place": "lieu de résidence inconnu : la distance n'a pas été prise en compte",
    "no_occupation": "aucun métier recherché ni exercé n'est renseigné : aucune suggestion possible",
    "rules_only": "classement par les règles seules (proximité du métier puis distance) : modèle {why}",
    "model_suspended": "suspendu par un administrateur",
    "model_missing": "non entraîné (« tremplin match train »)",
    "filters": "vos critères sont appliqués : {what}",
    "few": "seulement {n} offre(s) correspondent aux critères et au profil",
    "none": "aucune offre ouverte ne correspond au profil et aux critères",
    "closed_offer": "cette offre n'est plus ouverte : candidats indiqués pour information",
    "no_location_offer": "offre sans lieu de travail : la distance n'a pas été prise en compte",
}


def _months(m: float) -> str:
    m = int(round(m))
    if m >= 24:
        return f"{m // 12} ans"
    if m >= 12:
        return "1 an" + (f" et {m - 12} mois" if m > 12 else "")
    return f"{m} mois"


def _fact(group: str, x: np.ndarray, ctx: dict) -> str | None:
    """The French fact for a group of variables, or None when there is nothing to say."""
    v = {name: float(x[COL[name]]) for name in FEATURES}
    if group == "occupation":
        ld, le = v["level_desired"], v["level_experience"]
        if ld >= 4:
            return "même métier que le métier recherché"
        if le >= 4:
            return "métier déjà exercé"
        if ld >= 3 or le >= 3:
            fiche = ctx.get("fiche_label")
            return "métier proche (même fiche ROME" + (f" : {fiche})" if fiche else ")")
        if ld >= 2 or le >= 2:
            return "métier accessible par mobilité professionnelle (ROME)"
        return "métier voisin par les compétences (compétences transférables)"
    if group == "distance":
        d = v["distance_km"]
        if math.isnan(d):
            return "lieu de travail non précisé"
        return "sur place" if d < 1 else f"à {round(d):.0f} km"
    if group == "skills":
        common = ctx.get("common_skills") or []
        if common:
            shown = ", ".join(common[:3])
            more = f" (+{len(common) - 3})" if len(common) > 3 else ""
            return f"compétences en commun : {shown}{more}"
        if not math.isnan(v["competence_fit"]) and v["competence_fit"] >= 0.2:
            return "compétences proches de celles du métier"
        return None
    if group == "experience":
        if v["months_in_code"] >= 6:
            return f"{_months(v['months_in_code'])} d'expérience dans ce métier"
        if v["months_in_fiche"] >= 6:
            return f"{_months(v['months_in_fiche'])} d'expérience dans des métiers proches"
        if v["experience_met"] == 0:
            return "expérience demandée non atteinte"
        if v["experience_met"] == 1:
            return "expérience demandée atteinte"
        return None
    if group == "salary":
        g = v["salary_gap"]
        if math.isnan(g):
            return None
        return "salaire dans les attentes" if g >= -0.02 else f"salaire inférieur aux attentes ({g * 100:.0f} %)"
    if group == "contract":
        c = v["contract_ok"]
        label = ctx.get("contract") or ""
        if math.isnan(c):
            return None
        return f"type de contrat recherché ({label})" if c >= 1 else f"type de contrat non recherché ({label})"
    if group == "hours":
        return "temps partiel alors qu'un temps plein est recherché" if v["hours_ok"] == 0 else None
    if group == "education":
        g = v["education_gap"]
        if math.isnan(g):
            return None
        return "niveau de diplôme demandé atteint" if g >= 0 else "niveau de diplôme demandé plus élevé"
    if group == "licence":
        return "permis B exigé" if v["licence_missing"] == 1 else None
    if group == "english":
        return "anglais exigé" if v["english_missing"] == 1 else None
    if group == "offer":
        if v["offer_posts"] > 1:
            return f"{int(v['offer_posts'])} postes à pourvoir"
        return None
    return None


_UNFAVOURABLE = ("inférieur", "non recherché", "non atteinte", "plus élevé", "exigé", "temps partiel",
                 "non précisé")
_NEUTRAL = ("occupation", "distance")


def _polarity(group: str, text: str) -> int:
    """+1 for a favourable fact, −1 for an unfavourable one, 0 for a neutral one (occupation, distance)."""
    if group in _NEUTRAL:
        return 0
    return -1 if any(w in text for w in _UNFAVOURABLE) else 1


def reasons(x: np.ndarray, contrib: np.ndarray | None, ctx: dict, *, positive: int = 4, negative: int = 1) -> list[Reason]:
    """Reasons of one suggestion: the facts that helped most, then the main point of attention.

    A favourable fact is only given as a reason when it helped, an unfavourable one only as a point
    of attention when it weighed against; occupation and distance are always said.
    """
    items = []
    for group, names in GROUPS.items():
        text = _fact(group, x, ctx)
        if not text:
            continue
        weight = float(sum(contrib[COL[n]] for n in names)) if contrib is not None else None
        items.append((group, text, weight, _polarity(group, text)))
    if contrib is None:
        order = ("occupation", "distance", "skills", "experience", "salary", "contract")
        chosen = [i for g in order for i in items if i[0] == g][:positive]
        return [Reason(label=t, weight=None, source=g) for g, t, _, _ in chosen]
    helped = sorted([i for i in items if i[2] > 0 and i[3] >= 0], key=lambda i: -i[2])[:positive]
    hurt = sorted([i for i in items if i[2] < 0 and i[3] <= 0], key=lambda i: i[2])[:negative]
    for must in _NEUTRAL:
        if not any(i[0] == must for i in helped + hurt):
            helped += [i for i in items if i[0] == must]
    return [Reason(label=t, weight=round(w, 3), source=g) for g, t, w, _ in helped + hurt]


def explanation(reasons_: list[Reason], added: bool = False) -> str:
    head = "Ajoutée par votre conseiller. " if added else ""
    pros = [r.label for r in reasons_ if r.weight is None or r.weight >= 0]
    cons = [r.label for r in reasons_ if r.weight is not None and r.weight < 0]
    text = head + ("Pourquoi : " + " ; ".join(pros) if pros else "")
    if cons:
        text += (". " if text else "") + "Point d'attention : " + " ; ".join(cons)
    return text.strip()
