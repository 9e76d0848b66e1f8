"""The simulation's parameters, checked before any work starts."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tremplin.errors import InvalidInput
from tremplin.simulate import params as P
from tremplin.simulate.bias import Scenario, load_scenario

_DEPARTEMENT = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$")
MAX_JOBSEEKERS = 5_000_000
MAX_MONTHS = 60


@dataclass
class SimulationConfig:
    """What to simulate. ``validate()`` turns it into a :class:`ResolvedConfig` or raises InvalidInput."""

    departements: list[str] = field(default_factory=lambda: ["74"])
    jobseekers: int = 3000
    months: int = 24
    seed: int = 7
    start: date = date(2023, 1, 1)
    offers: int | None = None  # default: jobseekers × DEFAULT_OFFERS_PER_JOBSEEKER × months / 24
    companies: int | None = None  # default: offers × COMPANIES_PER_OFFER
    bias: str | Path | Scenario | None = None  # built-in name, YAML path, or a parsed Scenario
    out: Path | None = None  # default: TREMPLIN_HOME/territories/<territory id>
    write_db: bool = True
    cv_sample: int = 30
    emails_per_month: float = P.EMAILS_PER_MONTH

    def validate(self) -> ResolvedConfig:
        deps = self.departements
        if isinstance(deps, str):
            deps = [d for d in re.split(r"[,\s]+", deps) if d]
        if not deps:
            raise InvalidInput("indiquez au moins un département", field="--departement")
        clean = []
        for d in deps:
            d = str(d).strip().upper()
            if len(d) == 1 and d.isdigit():
                d = "0" + d
            if not _DEPARTEMENT.match(d):
                raise InvalidInput(
                    f"département inconnu : « {d} »", field="--departement",
                    hint="code INSEE du département, par exemple 74, 2A ou 971",
                )
            if d not in clean:
                clean.append(d)
        for name, value, lo, hi in (
            ("--jobseekers", self.jobseekers, 50, MAX_JOBSEEKERS),
            ("--months", self.months, 1, MAX_MONTHS),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                raise InvalidInput(f"doit être un entier entre {lo:,} et {hi:,} (reçu : {value})".replace(",", " "), field=name)
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or not 0 <= self.seed < 2**32:
            raise InvalidInput("doit être un entier entre 0 et 4 294 967 295", field="--seed")
        if not isinstance(self.start, date) or not date(2019, 1, 1) <= self.start <= date(2030, 12, 31):
            raise InvalidInput("la date de début doit être comprise entre 2019-01-01 et 2030-12-31", field="--start")
        offers = self.offers
        if offers is None:
            offers = max(20, round(self.jobseekers * P.DEFAULT_OFFERS_PER_JOBSEEKER * self.months / 24))
        if isinstance(offers, bool) or not isinstance(offers, int) or not 10 <= offers <= 20 * self.jobseekers:
            raise InvalidInput(
                f"doit être un entier entre 10 et 20 fois le nombre de demandeurs ({20 * self.jobseekers})",
                field="--offers",
            )
        companies = self.companies if self.companies is not None else max(10, round(offers * P.COMPANIES_PER_OFFER))
        if isinstance(companies, bool) or not isinstance(companies, int) or not 1 <= companies <= offers:
            raise InvalidInput("doit être un entier entre 1 et le nombre d'offres", field="--companies")
        if not isinstance(self.cv_sample, int) or not 0 <= self.cv_sample <= min(self.jobseekers, 100_000):
            raise InvalidInput("doit être un entier entre 0 et le nombre de demandeurs", field="--cv-sample")
        if not 0 <= float(self.emails_per_month) <= 5:
            raise InvalidInput("doit être compris entre 0 et 5 e-mails par mois", field="emails_per_month")
        scenario = self.bias if isinstance(self.bias, Scenario) else load_scenario(self.bias)
        return ResolvedConfig(
            departements=tuple(sorted(clean)),
            jobseekers=self.jobseekers,
            months=self.months,
            seed=self.seed,
            start=self.start,
            offers=offers,
            companies=companies,
            scenario=scenario,
            out=Path(self.out) if self.out is not None else None,
            write_db=bool(self.write_db),
            cv_sample=self.cv_sample,
            emails_per_month=float(self.emails_per_month),
        )


@dataclass(frozen=True)
class ResolvedConfig:
    departements: tuple[str, ...]
    jobseekers: int
    months: int
    seed: int
    start: date
    offers: int
    companies: int
    scenario: Scenario
    out: Path | None
    write_db: bool
    cv_sample: int
    emails_per_month: float

    @property
    def end(self) -> date:
        from datetime import timedelta

        return self.start + timedelta(days=self.weeks * P.WEEK_DAYS - 1)

    @property
    def weeks(self) -> int:
        return round(self.months * 52 / 12)

    def canonical(self) -> dict:
        """Everything that determines the output (not where it is written)."""
        return {
            "departements": list(self.departements),
            "jobseekers": self.jobseekers,
            "months": self.months,
            "seed": self.seed,
            "start": self.start.isoformat(),
            "offers": self.offers,
            "companies": self.companies,
            "scenario": self.scenario.to_dict(),
            "cv_sample": self.cv_sample,
            "emails_per_month": self.emails_per_month,
        }

    @property
    def territory_id(self) -> str:
        digest = hashlib.sha256(json.dumps(self.canonical(), sort_keys=True).encode()).hexdigest()[:8]
        return f"sim-{'-'.join(self.departements)}-{digest}"
