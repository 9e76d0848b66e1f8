"""PES services and trainings: a catalogue built from real schemes, participation rules, and
heterogeneous effects on return to employment (the effects are hidden variables, in ``truth/``).

Catalogue. Trainings come from the training-funding schemes of the mirror
(``services/financements.yml``, the Trèfle rules of France Travail) and mobility aids from
``services/helps.json`` (Mobiville); three accompaniment modalities of France Travail's offer of
services (suivi renforcé, accompagnement global, atelier candidature) are defined here because
no table of the mirror lists them. Only schemes open to jobseekers (tag ``DE``) of the
simulated region, or national ones, are kept.

Effects (assumptions, documented in docs/simulation.md). A participation of jobseeker *i* in
service *s* has an individual effect on the log of the weekly hazard of finding a job outside
the simulated offers and on the employer's utility (half of it):

    effect_is = base_s + edu_s·[no diploma or level 3] + ltu_s·[registered ≥ 12 months]
                + senior_s·[age ≥ 50] + young_s·[age < 26] + ε_is,   ε_is ~ N(0, sd_s)

applied from the end of the participation; during it, job search is reduced (lock-in: the
number of applications is multiplied by ``search_during``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import numpy as np

from tremplin.simulate.sources import _mirror_file

REGION_NAMES = {
    "84": "Auvergne-Rhône-Alpes", "27": "Bourgogne-Franche-Comté", "53": "Bretagne", "24": "Centre-Val de Loire",
    "94": "Corse", "44": "Grand-Est", "32": "Hauts-de-France", "11": "Île-de-France", "28": "Normandie",
    "75": "Nouvelle-Aquitaine", "76": "Occitanie", "52": "Pays de la Loire", "93": "Provence-Alpes-Côte d'Azur",
    "01": "Guadeloupe", "04": "La Réunion",
}

# Simulation parameters attached to real schemes by name (assumptions). Keys: kind, weeks
# (duration), entry (weekly entry probability among the eligible), eligibility, effect terms.
SCHEME_MODELS: dict[str, dict] = {
    "Préparation opérationnelle à l'emploi collective": dict(
        kind="formation", weeks=10, entry=0.00053, min_weeks_registered=4, targeted=True,
        base=0.35, edu=0.15, ltu=0.10, senior=-0.05, young=0.05, sd=0.20, search_during=0.3),
    "Action de formation collective financée par la région": dict(
        kind="formation", weeks=20, entry=0.00047, max_edu=4, min_weeks_registered=8, targeted=True,
        base=0.20, edu=0.25, ltu=0.10, senior=-0.10, young=0.05, sd=0.25, search_during=0.25),
    "Action de formation collective financée par l'Agefiph": dict(
        kind="formation", weeks=16, entry=0.00200, rqth=True, targeted=True,
        base=0.30, edu=0.10, ltu=0.10, senior=0.0, young=0.0, sd=0.20, search_during=0.3),
    "Action de formation collective financée par Pôle emploi": dict(
        kind="formation", weeks=14, entry=0.00050, min_weeks_registered=8, targeted=True,
        base=0.25, edu=0.15, ltu=0.15, senior=-0.05, young=0.0, sd=0.25, search_during=0.3),
    "Compte Personnel de Formation (CPF)": dict(
        kind="formation", weeks=8, entry=0.00040, min_edu=4, targeted=True,
        base=0.10, edu=-0.05, ltu=0.0, senior=0.0, young=0.05, sd=0.30, search_during=0.6),
    "École de la deuxième chance": dict(
        kind="formation", weeks=26, entry=0.00267, max_age=25, max_edu=3,
        base=0.30, edu=0.20, ltu=0.10, senior=0.0, young=0.0, sd=0.25, search_during=0.3),
    "Formations avant embauche (AFPR, POEI)": dict(
        kind="formation", weeks=6, entry=0.00020, targeted=True,
        base=0.60, edu=0.05, ltu=0.05, senior=0.0, young=0.0, sd=0.15, search_during=0.5),
    "Accompagnement à la VAE": dict(
        kind="accompagnement", weeks=20, entry=0.00033, max_edu=4, min_experience_months=36,
        base=0.12, edu=0.10, ltu=0.0, senior=0.05, young=0.0, sd=0.15, search_during=0.9),
    "AIF permis B": dict(
        kind="formation", weeks=8, entry=0.00133, no_licence=True, gives_licence=True,
        base=0.25, edu=0.10, ltu=0.10, senior=0.0, young=0.10, sd=0.20, search_during=0.7),
    "Aide individuelle à la formation": dict(
        kind="formation", weeks=12, entry=0.00027, targeted=True,
        base=0.22, edu=0.10, ltu=0.05, senior=0.0, young=0.0, sd=0.25, search_during=0.4),
    "Aide pour la recherche d'emploi": dict(
        kind="aide", weeks=1, entry=0.00100, radius_factor=1.3,
        base=0.05, edu=0.0, ltu=0.05, senior=0.0, young=0.0, sd=0.05, search_during=1.0),
}
PES_MODALITIES: list[dict] = [
    dict(id="ft-accompagnement-renforce", title="Accompagnement renforcé (suivi intensif par un conseiller)",
         kind="accompagnement", weeks=24, entry=0.00133, min_weeks_registered=26,
         base=0.18, edu=0.10, ltu=0.12, senior=0.0, young=0.05, sd=0.20, search_during=1.3,
         description="Suivi rapproché par un conseiller dédié, entretiens fréquents et mise en relation avec des employeurs."),
    dict(id="ft-accompagnement-global", title="Accompagnement global (emploi et freins sociaux, avec le département)",
         kind="accompagnement", weeks=30, entry=0.00083, min_weeks_registered=40,
         base=0.15, edu=0.15, ltu=0.15, senior=0.05, young=0.0, sd=0.25, search_during=1.1,
         description="Accompagnement conjoint par un conseiller et un travailleur social pour lever les freins périphériques (logement, santé, mobilité)."),
    dict(id="ft-atelier-candidature", title="Atelier « Valoriser sa candidature » (CV, lettre, entretien)",
         kind="prestation", weeks=1, entry=0.00200,
         base=0.06, edu=0.04, ltu=0.02, senior=0.0, young=0.03, sd=0.05, search_during=1.0,
         description="Atelier collectif d'une demi-journée pour préparer CV, lettre de motivation et entretien d'embauche."),
]
EFFECT_KEYS = ("base", "edu", "ltu", "senior", "young", "sd")


def _slug(text: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:60]


def load_catalogue(notes: list[str], region: str | None = None) -> list[dict]:
    """The catalogue: real schemes from the mirror (when present) + France Travail modalities."""
    import yaml

    items: list[dict] = []
    fin_path = _mirror_file("services", "financements.yml")
    helps_path = _mirror_file("services", "helps.json")
    region_name = REGION_NAMES.get(region or "")
    if fin_path:
        data = yaml.safe_load(fin_path.read_text(encoding="utf-8")) or {}
        for title, spec in data.items():
            if title not in SCHEME_MODELS or not isinstance(spec, dict):
                continue
            tags = [str(t) for t in spec.get("tags") or []]
            if "DE" not in tags and "AIF" not in tags:
                continue
            regional = [t for t in tags if t in REGION_NAMES.values()]
            if regional and region_name not in regional:
                continue
            items.append(_item(title, SCHEME_MODELS[title], "services/financements.yml (Trèfle, France Travail)",
                               description=f"Dispositif de financement de formation ({', '.join(tags)})."))
    else:
        notes.append("catalogue des formations absent (TREMPLIN_DATA_MIRROR/services/financements.yml) : formations non simulées")
    if helps_path:
        helps = json.loads(helps_path.read_text(encoding="utf-8"))
        for h in helps:
            title = h.get("title", "")
            if title in SCHEME_MODELS:
                desc = re.sub(r"<[^>]+>", " ", str(h.get("description") or h.get("goal") or "")).strip()
                items.append(_item(title, SCHEME_MODELS[title], "services/helps.json (Mobiville)", description=desc[:500]))
    else:
        notes.append("aides à la mobilité absentes (TREMPLIN_DATA_MIRROR/services/helps.json) : aides non simulées")
    for m in PES_MODALITIES:
        items.append(_item(m["title"], m, "offre de services de France Travail (modalités d'accompagnement ; liste établie par Tremplin)",
                           description=m["description"], item_id=m["id"]))
    return items


def _item(title: str, model: dict, source: str, description: str = "", item_id: str | None = None) -> dict:
    elig = []
    if model.get("rqth"):
        elig.append("bénéficiaire de l'obligation d'emploi (RQTH)")
    if model.get("max_age"):
        elig.append(f"{model['max_age']} ans au plus")
    if model.get("max_edu"):
        elig.append(f"niveau de formation {model['max_edu']} au plus")
    if model.get("min_edu"):
        elig.append(f"niveau de formation {model['min_edu']} au moins")
    if model.get("no_licence"):
        elig.append("sans permis B")
    if model.get("min_weeks_registered"):
        elig.append(f"inscrit depuis {model['min_weeks_registered']} semaines au moins")
    if model.get("min_experience_months"):
        elig.append(f"{model['min_experience_months'] // 12} ans d'expérience au moins")
    return {
        "id": item_id or _slug(title),
        "kind": model["kind"],
        "title": title,
        "description": description,
        "eligibility": elig,
        "source": source,
        "sim": {k: v for k, v in model.items() if k not in ("id", "title", "description", "kind")},
    }


@dataclass
class ServiceArrays:
    """The catalogue as arrays, for the weekly loop."""

    ids: np.ndarray
    weeks: np.ndarray
    entry: np.ndarray
    search_during: np.ndarray
    targeted: np.ndarray
    gives_licence: np.ndarray
    radius_factor: np.ndarray
    effects: np.ndarray  # (n_services, 6): base, edu, ltu, senior, young, sd

    @classmethod
    def from_catalogue(cls, catalogue: list[dict]) -> ServiceArrays:
        sims = [c["sim"] for c in catalogue]
        return cls(
            ids=np.array([c["id"] for c in catalogue], dtype=object),
            weeks=np.array([s["weeks"] for s in sims], dtype=np.int64),
            entry=np.array([s["entry"] for s in sims]),
            search_during=np.array([s.get("search_during", 1.0) for s in sims]),
            targeted=np.array([bool(s.get("targeted")) for s in sims]),
            gives_licence=np.array([bool(s.get("gives_licence")) for s in sims]),
            radius_factor=np.array([s.get("radius_factor", 1.0) for s in sims]),
            effects=np.array([[s.get(k, 0.0) for k in EFFECT_KEYS] for s in sims], dtype=float).reshape(len(sims), 6),
        )

    def eligible(self, catalogue: list[dict], age, edu, rqth, licence, weeks_registered, experience) -> np.ndarray:
        """(n_people, n_services) eligibility matrix."""
        n = len(age)
        out = np.ones((n, len(catalogue)), dtype=bool)
        for j, c in enumerate(catalogue):
            s = c["sim"]
            m = out[:, j]
            if s.get("rqth"):
                m &= rqth
            if s.get("max_age"):
                m &= age <= s["max_age"]
            if s.get("max_edu"):
                m &= edu <= s["max_edu"]
            if s.get("min_edu"):
                m &= edu >= s["min_edu"]
            if s.get("no_licence"):
                m &= ~licence
            if s.get("min_weeks_registered"):
                m &= weeks_registered >= s["min_weeks_registered"]
            if s.get("min_experience_months"):
                m &= experience >= s["min_experience_months"]
        return out

    def individual_effect(self, rng, service, edu, long_term, age) -> tuple[np.ndarray, np.ndarray]:
        """Individual effect on the log hazard, and its systematic part (the CATE)."""
        e = self.effects[service]
        low_edu = (edu <= 3).astype(float)
        cate = e[:, 0] + e[:, 1] * low_edu + e[:, 2] * long_term + e[:, 3] * (age >= 50) + e[:, 4] * (age < 26)
        return cate + rng.normal(0, 1, len(service)) * e[:, 5], cate
