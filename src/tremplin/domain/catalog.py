from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CatalogItem(BaseModel):
    """A PES service, aid or training that can be proposed to a jobseeker."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str = Field(pattern=r"^(aide|formation|prestation|accompagnement)$")
    title: str
    description: str = ""
    eligibility: list[str] = Field(default_factory=list)  # readable rules, each naming its source
    rome_codes: list[str] = Field(default_factory=list)
    source: str | None = None
