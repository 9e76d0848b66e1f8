"""Legal figures as dated parameters, chosen by the date of the offer.

Every figure the rules compare against (SMIC, trial-period maxima, CDD maxima,
part-time minimum, internship gratification…) lives here with the date it took
effect and its source. Nothing else in the service hard-codes a legal number:
a rule asks ``value("smic_hourly", on=offer_date, territory=...)``.

Sources (facts, not code):
- SMIC 2026 and the 2023–2024 history: labour-ministry sheet « Le SMIC » (updated
  24/12/2025), décret n° 2025-1228 du 17 décembre 2025; earlier values: the annual
  revaluation decrees (as published by service-public.fr / INSEE).
- Mayotte: same ministry sheet (2026); earlier Mayotte values from the revaluation
  decrees; before 2023 no Mayotte value is stored and the pay rule says so.
- Trial periods: Code du travail L1221-19, L1221-21, L1242-10, L1251-14.
- CDD / temporary work durations: L1242-8-1, L1242-8-2, L1251-12-1.
- Part time: L3123-27. Working time: L3121-18, L3121-20, L3121-22, L3132-1.
- Minors: L4153-1, L6222-1 (apprenticeship), L6325-1 (professionalisation contract).
- Internship gratification: Code de l'éducation L124-6 (15 % of the hourly social-security
  ceiling); 2026 figure from the ministry sheet « Les stages étudiants » (09/01/2026).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from tremplin.errors import InvalidInput

#: Hours in a month at the legal 35-hour week (35 × 52 / 12).
MONTHLY_HOURS_35 = 35 * 52 / 12


@dataclass(frozen=True, slots=True)
class Dated:
    """One value of a parameter, in force from ``start`` (inclusive) until the next one."""

    start: date
    value: float
    source: str


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    label: str  # French, shown in explanations
    unit: str
    values: tuple[Dated, ...]
    articles: tuple[str, ...] = ()
    _starts: tuple[date, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.values, key=lambda d: d.start))
        object.__setattr__(self, "values", ordered)
        object.__setattr__(self, "_starts", tuple(d.start for d in ordered))

    def at(self, on: date) -> Dated | None:
        """The value in force on ``on``, or None if the date is before the first known value."""
        i = bisect.bisect_right(self._starts, on) - 1
        return self.values[i] if i >= 0 else None


_SMIC_SHEET = "Ministère du Travail, fiche « Le SMIC » (mise à jour 24/12/2025)"
_SMIC_DECREES = "décrets annuels de revalorisation du SMIC (valeurs publiées par service-public.fr)"
_SMIC_2026 = "décret n° 2025-1228 du 17/12/2025 ; " + _SMIC_SHEET


def _d(y: int, m: int, d: int = 1) -> date:
    return date(y, m, d)


PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter(
            "smic_hourly",
            "SMIC horaire brut (métropole, DOM hors Mayotte)",
            "€/h",
            (
                Dated(_d(2019, 1), 10.03, _SMIC_DECREES),
                Dated(_d(2020, 1), 10.15, _SMIC_DECREES),
                Dated(_d(2021, 1), 10.25, _SMIC_DECREES),
                Dated(_d(2021, 10), 10.48, _SMIC_DECREES),
                Dated(_d(2022, 1), 10.57, _SMIC_DECREES),
                Dated(_d(2022, 5), 10.85, _SMIC_DECREES),
                Dated(_d(2022, 8), 11.07, _SMIC_DECREES),
                Dated(_d(2023, 1), 11.27, _SMIC_SHEET),
                Dated(_d(2023, 5), 11.52, _SMIC_SHEET),
                Dated(_d(2024, 1), 11.65, _SMIC_SHEET),
                Dated(_d(2024, 11), 11.88, _SMIC_SHEET),
                Dated(_d(2026, 1), 12.02, _SMIC_2026),
            ),
            ("L3231-2", "L3231-7", "L3232-3"),
        ),
        Parameter(
            "smic_hourly_mayotte",
            "SMIC horaire brut applicable à Mayotte",
            "€/h",
            (
                Dated(_d(2023, 1), 8.51, _SMIC_DECREES),
                Dated(_d(2023, 5), 8.70, _SMIC_DECREES),
                Dated(_d(2024, 1), 8.80, _SMIC_DECREES),
                Dated(_d(2024, 11), 8.98, _SMIC_DECREES),
                Dated(_d(2025, 1), 9.33, _SMIC_DECREES),
                Dated(_d(2026, 1), 9.33, _SMIC_2026),
            ),
            ("L3231-2", "L3231-7"),
        ),
        Parameter("legal_weekly_hours", "durée légale hebdomadaire", "h",
                  (Dated(_d(2002, 1), 35.0, "Code du travail L3121-27"),), ("L3121-27",)),
        Parameter("part_time_min_weekly_hours", "durée minimale du temps partiel", "h/semaine",
                  (Dated(_d(2014, 7), 24.0, "Code du travail L3123-27"),), ("L3123-27", "L3123-7")),
        Parameter("max_daily_hours", "durée quotidienne maximale", "h/jour",
                  (Dated(_d(2008, 5), 10.0, "Code du travail L3121-18"),), ("L3121-18",)),
        Parameter("max_weekly_hours", "durée hebdomadaire maximale", "h/semaine",
                  (Dated(_d(2008, 5), 48.0, "Code du travail L3121-20"),), ("L3121-20",)),
        Parameter("max_average_weekly_hours", "durée hebdomadaire moyenne maximale sur 12 semaines", "h/semaine",
                  (Dated(_d(2008, 5), 44.0, "Code du travail L3121-22"),), ("L3121-22",)),
        Parameter("max_days_per_week", "nombre maximal de jours travaillés par semaine", "jours",
                  (Dated(_d(2008, 5), 6.0, "Code du travail L3132-1"),), ("L3132-1",)),
        Parameter("trial_cdi_employee_months", "période d'essai maximale en CDI (ouvriers, employés)", "mois",
                  (Dated(_d(2008, 6, 27), 2.0, "Code du travail L1221-19"),), ("L1221-19",)),
        Parameter("trial_cdi_technician_months", "période d'essai maximale en CDI (agents de maîtrise, techniciens)",
                  "mois", (Dated(_d(2008, 6, 27), 3.0, "Code du travail L1221-19"),), ("L1221-19",)),
        Parameter("trial_cdi_executive_months", "période d'essai maximale en CDI (cadres)", "mois",
                  (Dated(_d(2008, 6, 27), 4.0, "Code du travail L1221-19"),), ("L1221-19",)),
        Parameter("trial_cdi_employee_renewed_months", "période d'essai renouvellement compris (ouvriers, employés)",
                  "mois", (Dated(_d(2008, 6, 27), 4.0, "Code du travail L1221-21"),), ("L1221-21",)),
        Parameter("trial_cdi_technician_renewed_months",
                  "période d'essai renouvellement compris (agents de maîtrise, techniciens)", "mois",
                  (Dated(_d(2008, 6, 27), 6.0, "Code du travail L1221-21"),), ("L1221-21",)),
        Parameter("trial_cdi_executive_renewed_months", "période d'essai renouvellement compris (cadres)", "mois",
                  (Dated(_d(2008, 6, 27), 8.0, "Code du travail L1221-21"),), ("L1221-21",)),
        Parameter("trial_cdd_short_max_days", "période d'essai maximale d'un CDD de 6 mois au plus", "jours",
                  (Dated(_d(2008, 5), 14.0, "Code du travail L1242-10"),), ("L1242-10",)),
        Parameter("trial_cdd_long_max_days", "période d'essai maximale d'un CDD de plus de 6 mois", "jours",
                  (Dated(_d(2008, 5), 31.0, "Code du travail L1242-10"),), ("L1242-10",)),
        Parameter("trial_temp_max_days", "période d'essai maximale d'une mission d'intérim (plus de 2 mois)", "jours",
                  (Dated(_d(2008, 5), 5.0, "Code du travail L1251-14"),), ("L1251-14",)),
        Parameter("cdd_max_months", "durée maximale d'un CDD, renouvellements compris", "mois",
                  (Dated(_d(2017, 9, 24), 18.0, "Code du travail L1242-8-1"),), ("L1242-8-1",)),
        Parameter("cdd_objet_defini_max_months", "durée maximale d'un CDD à objet défini", "mois",
                  (Dated(_d(2017, 9, 24), 36.0, "Code du travail L1242-8-2"),), ("L1242-8-2",)),
        Parameter("temp_max_months", "durée maximale d'une mission d'intérim, renouvellements compris", "mois",
                  (Dated(_d(2017, 9, 24), 18.0, "Code du travail L1251-12-1"),), ("L1251-12-1",)),
        Parameter("min_working_age", "âge minimal d'admission au travail", "ans",
                  (Dated(_d(2008, 5), 16.0, "Code du travail L4153-1"),), ("L4153-1",)),
        Parameter("apprentice_min_age", "âge minimal de l'apprenti (fin du collège)", "ans",
                  (Dated(_d(2019, 1), 15.0, "Code du travail L6222-1"),), ("L6222-1",)),
        Parameter("apprentice_max_age", "âge maximal de l'apprenti au début du contrat (29 ans révolus)", "ans",
                  (Dated(_d(2019, 1), 29.0, "Code du travail L6222-1"),), ("L6222-1",)),
        Parameter("professionalisation_young_max_age", "âge maximal (jeunes) du contrat de professionnalisation",
                  "ans", (Dated(_d(2016, 1), 25.0, "Code du travail L6325-1"),), ("L6325-1",)),
        Parameter(
            "internship_gratification_hourly",
            "gratification horaire minimale des stages de plus de deux mois",
            "€/h",
            (
                Dated(_d(2019, 1), 3.75, "Code de l'éducation L124-6 (15 % du plafond horaire de la sécurité sociale)"),
                Dated(_d(2020, 1), 3.90, "Code de l'éducation L124-6 (15 % du plafond horaire de la sécurité sociale)"),
                Dated(_d(2023, 1), 4.05, "Code de l'éducation L124-6 (15 % du plafond horaire de la sécurité sociale)"),
                Dated(_d(2024, 1), 4.35, "Code de l'éducation L124-6 (15 % du plafond horaire de la sécurité sociale)"),
                Dated(_d(2026, 1), 4.50, "Ministère du Travail, fiche « Les stages étudiants » (09/01/2026)"),
            ),
            ("Code de l'éducation L124-6",),
        ),
    )
}

#: Net pay is roughly 77–79 % of gross for a private-sector employee; we use the low end
#: so that a net figure is never wrongly called below the SMIC.
NET_TO_GROSS_FLOOR = 0.77


def parameter(name: str) -> Parameter:
    try:
        return PARAMETERS[name]
    except KeyError:
        raise InvalidInput(f"paramètre légal inconnu « {name} »", field="parameter") from None


@lru_cache(maxsize=4096)
def value(name: str, on: date) -> float | None:
    """The value of parameter ``name`` in force on ``on`` (None if none is known for that date)."""
    dated = parameter(name).at(on)
    return dated.value if dated else None


def dated(name: str, on: date) -> Dated | None:
    return parameter(name).at(on)


def smic_hourly(on: date, territory: str = "metropole") -> Dated | None:
    """Gross hourly SMIC in force on ``on``; ``territory`` is "metropole" or "mayotte"."""
    return dated("smic_hourly_mayotte" if territory == "mayotte" else "smic_hourly", on)


def table() -> list[dict]:
    """Every parameter and every dated value, for the card, the docs and `tremplin legality rules`."""
    return [
        {
            "name": p.name,
            "label": p.label,
            "unit": p.unit,
            "articles": list(p.articles),
            "values": [{"from": d.start.isoformat(), "value": d.value, "source": d.source} for d in p.values],
        }
        for p in PARAMETERS.values()
    ]
