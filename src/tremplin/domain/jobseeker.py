"""A jobseeker: profile and search criteria, with protected attributes kept apart.

Protected attributes (sex, age band, disability recognition, nationality group,
priority-neighbourhood residence) never travel with the profile that services read:
they live in :class:`ProtectedAttributes`, stored separately and read only by
fairness audits.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class Experience(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    rome_code: str | None = None
    employer: str | None = None
    start: date | None = None
    end: date | None = None
    months: int | None = Field(default=None, ge=0)


class SearchCriteria(BaseModel):
    """What the jobseeker asks for. These are hard filters in matching (freedom of choice)."""

    model_config = ConfigDict(extra="forbid")

    rome_codes: list[str] = Field(default_factory=list)
    contract_types: list[str] = Field(default_factory=list)  # CDI, CDD, MIS, SAI...
    max_distance_km: float | None = Field(default=None, ge=0, le=1000)
    min_monthly_salary: float | None = Field(default=None, ge=0)
    full_time: bool | None = None
    commune_code: str | None = None


class Jobseeker(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    commune_code: str | None = None
    education_level: int | None = Field(default=None, ge=3, le=8)  # French nomenclature of levels
    experience_months: int | None = Field(default=None, ge=0)
    experiences: list[Experience] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)  # ROME competence codes (code_ogr)
    languages: list[str] = Field(default_factory=list)
    driving_licence: bool | None = None
    has_vehicle: bool | None = None
    registered_on: date | None = None
    criteria: SearchCriteria = Field(default_factory=SearchCriteria)


class ProtectedAttributes(BaseModel):
    """Special-category and protected data, only for fairness audits (separate, access-logged store)."""

    model_config = ConfigDict(extra="forbid")

    jobseeker_id: str
    sex: str | None = Field(default=None, pattern=r"^[FM]$")
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    age_band: str | None = None
    disability_recognition: bool | None = None  # RQTH
    nationality_group: str | None = None  # "FR", "UE", "hors UE"
    priority_neighbourhood: bool | None = None  # QPV
