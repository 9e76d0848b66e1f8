"""Occupation coding routes: ``POST /v1/rome/code`` (one title or a batch), ``GET /v1/rome/fiches/{code}``.

Roles: counsellors (jobseekers' target jobs, offers), recruiters (their offers), jobseekers (their
own target job) and administrators (checks). Auditors read the journal, they do not code.
Every answer is a proposal and is journaled (input hash only, never the raw text).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy.orm import Session

from tremplin.api.deps import get_session, require_roles
from tremplin.errors import InvalidInput

router = APIRouter(tags=["codage ROME"])

CODING_ROLES = ("counsellor", "recruiter", "jobseeker", "administrator")
MAX_BATCH = 1000


class CodeItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, max_length=200, description="Identifiant rendu tel quel (offre…)")
    text: str = Field(max_length=2000, description="Intitulé de poste ou ligne d'expérience")
    description: str | None = Field(default=None, max_length=50_000)


class CodeRequest(BaseModel):
    """Either ``text`` (one title) or ``items`` (a batch of at most 1000)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=2000)
    description: str | None = Field(default=None, max_length=50_000)
    items: list[CodeItem] | None = Field(default=None, max_length=MAX_BATCH)
    top: int = Field(default=3, ge=1, le=20)
    threshold: float | None = Field(default=None, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _one_of(self) -> CodeRequest:
        if (self.text is None) == (self.items is None):
            raise ValueError("donnez soit « text », soit « items »")
        return self


class CandidateOut(BaseModel):
    code: str
    label: str
    appellation: str
    confidence: float
    parent: dict
    parent_confidence: float
    evidence: dict


class CodeResponse(BaseModel):
    id: str | None = None
    text: str
    candidates: list[CandidateOut]
    abstained: bool
    threshold: float
    reason: str | None = None
    mode: str
    model_version: str | None = None
    proposal_id: str


class BatchResponse(BaseModel):
    results: list[CodeResponse]


def _respond(session: Session, actor, result, item_id: str | None, payload: dict) -> CodeResponse:
    from tremplin.governance import contract
    from tremplin.services.rome_coding import build_proposal

    proposal = build_proposal(result)
    proposal = contract.record_proposal(session, proposal, input_payload=payload, subject_id=item_id)
    data = result.model_dump(mode="json")
    data.pop("rules_fired", None)
    return CodeResponse(id=item_id, proposal_id=proposal.id, **data)


@router.post("/rome/code", response_model=CodeResponse | BatchResponse)
def code(
    request: CodeRequest,
    actor=Depends(require_roles(*CODING_ROLES)),
    session: Session = Depends(get_session),
):
    """Codes ROME 4.0 proposés pour un intitulé (``text``) ou un lot (``items``)."""
    from tremplin.governance import contract
    from tremplin.services.rome_coding import code_occupations

    mode = contract.ensure_enabled("rome_coding", session)
    if request.text is not None:
        items = [CodeItem(text=request.text, description=request.description)]
    else:
        items = list(request.items or [])
        if not items:
            raise InvalidInput("la liste « items » est vide", field="items")
    results = code_occupations([(i.text, i.description) for i in items], top=request.top,
                               threshold=request.threshold, mode=mode)
    out = [
        _respond(session, actor, r, i.id, {"text": i.text, "description": i.description, "top": request.top})
        for i, r in zip(items, results, strict=True)
    ]
    if request.text is not None:
        return out[0]
    return BatchResponse(results=out)


@router.get("/rome/fiches/{code}")
def get_fiche(
    code: Annotated[str, "Code ROME 4.0"],
    actor=Depends(require_roles(*CODING_ROLES, "auditor")),
) -> dict:
    """Un code ROME 4.0, son libellé et sa fiche parente."""
    from tremplin.services.rome_coding import fiche

    return fiche(code)
