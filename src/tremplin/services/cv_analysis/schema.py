"""The structured profile extracted from a CV.

Each extracted value keeps where it was read (``span``: character offsets in ``CVProfile.text``,
and the page) and how sure the extractor is (``confidence`` in [0, 1]). Identity and contact are
kept apart from the professional profile (``identity``, ``contact``): the governance journal and
the logs only ever see the professional part, pseudonymised.

Protected characteristics (date of birth, age, photo, nationality, family situation, health…)
are never extracted as values: when present they are only *flagged* (kind and place), and the
lines that hold them are masked in ``text``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = None


class TextField(_Model):
    value: str
    span: Span | None = None
    confidence: float = Field(default=1.0, ge=0, le=1)


class DatesField(_Model):
    start: str | None = None  # "YYYY" or "YYYY-MM", as precise as the CV
    end: str | None = None
    current: bool = False  # "depuis…", "… – aujourd'hui"
    months: int | None = None
    text: str = ""
    span: Span | None = None
    confidence: float = Field(default=1.0, ge=0, le=1)


class RomeCandidate(_Model):
    code: str
    label: str = ""
    appellation: str | None = None
    confidence: float = Field(default=0.0, ge=0, le=1)


class RomeCoding(_Model):
    status: Literal["coded", "abstained", "unavailable", "not_requested"]
    candidates: list[RomeCandidate] = Field(default_factory=list)
    message: str | None = None

    @property
    def top(self) -> str | None:
        return self.candidates[0].code if self.status == "coded" and self.candidates else None


class Experience(_Model):
    title: TextField | None = None
    employer: TextField | None = None
    place: TextField | None = None
    contract: TextField | None = None
    dates: DatesField | None = None
    missions: list[TextField] = Field(default_factory=list)
    rome: RomeCoding | None = None
    span: Span | None = None
    confidence: float = Field(default=0.5, ge=0, le=1)


class Education(_Model):
    diploma: TextField | None = None
    school: TextField | None = None
    place: TextField | None = None
    dates: DatesField | None = None
    year: int | None = None  # year obtained (end of the period), when written
    in_progress: bool = False
    level: int | None = Field(default=None, ge=3, le=8)  # French nomenclature (décret 2019-14)
    level_label: str | None = None
    details: list[TextField] = Field(default_factory=list)
    span: Span | None = None
    confidence: float = Field(default=0.5, ge=0, le=1)


class CompetenceLink(_Model):
    code_ogr: str
    label: str
    kind: Literal["competence", "savoir"]
    score: float = Field(ge=0, le=1)


class Skill(_Model):
    value: str
    category: str | None = None  # "Logiciels", "Techniques"… when the CV groups them
    span: Span | None = None
    confidence: float = Field(default=0.8, ge=0, le=1)
    rome: CompetenceLink | None = None


class Language(_Model):
    language: str  # normalised French name ("Anglais")
    written: str  # as written
    cefr: str | None = None  # A1…C2, only when the CV states it
    level_text: str | None = None  # as written ("courant", "notions", "TOEIC 850")
    span: Span | None = None
    confidence: float = Field(default=0.8, ge=0, le=1)


class Licences(_Model):
    categories: list[str] = Field(default_factory=list)  # B, C, CE…
    pending: bool = False  # "en cours"
    none_stated: bool = False  # "sans permis"
    text: str = ""
    span: Span | None = None
    confidence: float = Field(default=0.9, ge=0, le=1)


class Vehicle(_Model):
    has_vehicle: bool
    text: str = ""
    span: Span | None = None
    confidence: float = Field(default=0.85, ge=0, le=1)


class Mobility(_Model):
    text: str
    radius_km: int | None = None
    national: bool = False
    zones: list[str] = Field(default_factory=list)
    span: Span | None = None
    confidence: float = Field(default=0.7, ge=0, le=1)


class Identity(_Model):
    """Who the CV is about. Kept apart; never journaled, never logged in clear."""

    full_name: TextField | None = None
    first_name: str | None = None
    last_name: str | None = None


class Contact(_Model):
    """How to reach the person. Kept apart like ``Identity``."""

    emails: list[TextField] = Field(default_factory=list)
    phones: list[TextField] = Field(default_factory=list)
    address: TextField | None = None
    postcode: TextField | None = None
    city: TextField | None = None
    commune_code: str | None = None  # INSEE code when the postcode and city resolve
    urls: list[TextField] = Field(default_factory=list)


class ProtectedFlag(_Model):
    """A protected characteristic found in the CV: flagged and masked, its value is not kept."""

    kind: str
    message: str
    span: Span | None = None


class Section(_Model):
    kind: str
    title: str | None = None
    span: Span | None = None


class CVProfile(_Model):
    service_version: str
    ruleset_version: str | None = None
    mode: Literal["model", "rules_only"] = "model"
    format: str
    pages: int = 1
    sha256: str
    identity: Identity = Field(default_factory=Identity)
    contact: Contact = Field(default_factory=Contact)
    target_job: TextField | None = None
    target_rome: RomeCoding | None = None
    summary: TextField | None = None
    experiences: list[Experience] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    education_level: int | None = Field(default=None, ge=3, le=8)  # highest level found
    experience_months: int | None = None
    skills: list[Skill] = Field(default_factory=list)
    soft_skills: list[TextField] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    licences: Licences | None = None
    vehicle: Vehicle | None = None
    mobility: Mobility | None = None
    certifications: list[TextField] = Field(default_factory=list)
    interests: list[TextField] = Field(default_factory=list)
    flags: list[ProtectedFlag] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    text: str = ""  # the document's text as read (protected lines masked); spans point into it

    def professional(self) -> dict:
        """The profile without identity, contact and text: what the journal may keep (as a proposal output)."""
        return self.model_dump(mode="json", exclude={"identity", "contact", "text"})
