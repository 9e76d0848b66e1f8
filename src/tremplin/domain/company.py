from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Company(BaseModel):
    """An employer. ``siret`` is public business data, not personal data."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    siret: str | None = Field(default=None, pattern=r"^\d{14}$")
    naf_code: str | None = None
    size_band: str | None = None  # INSEE tranche d'effectif, e.g. "10-19"
    commune_code: str | None = None
    is_temp_agency: bool = False
