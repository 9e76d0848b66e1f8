"""Job matching routes.

- ``GET /v1/jobseekers/{id}/offers?top=20``: offers for a jobseeker (the jobseeker themself, a
  counsellor, an administrator). A jobseeker asking for someone else gets « introuvable » (404),
  without learning whether the file exists.
- ``GET /v1/offers/{id}/candidates?top=20``: a shortlist of candidates (counsellors, administrators).
- ``POST /v1/jobseekers/{id}/offers/{offer_id}/feedback``: « pas intéressé » (the jobseeker or a
  counsellor), additions and removals (a counsellor).
- ``GET|PUT /v1/jobseekers/{id}/matching-filters``: the jobseeker's own hard filters.

Every suggestion returned is a proposal journaled with its reasons.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from tremplin.api.deps import get_session, require_roles
from tremplin.errors import NotFound

router = APIRouter(tags=["appariement"])


class ReasonOut(BaseModel):
    label: str
    weight: float | None = None


class SuggestionOut(BaseModel):
    rank: int
    offer_id: str | None = None
    jobseeker_id: str | None = None
    title: str | None = None
    score: float | None = Field(default=None, description="score final (étape 3 et retours compris)")
    relevance: float | None = Field(default=None, description="score du classement avant répartition")
    distance_km: float | None = None
    reasons: list[ReasonOut]
    added_by_counsellor: bool = False
    proposal_id: str | None = None


class RecommendationsOut(BaseModel):
    direction: Literal["offers", "candidates"]
    subject_id: str
    mode: str
    model_version: str | None = None
    notices: list[str]
    results: list[SuggestionOut]


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["pas_interesse", "ajout_conseiller", "retrait_conseiller"] = "pas_interesse"
    reason: str | None = Field(default=None, max_length=2000)
    proposal_id: str | None = Field(default=None, max_length=64)


class FeedbackOut(BaseModel):
    id: str
    jobseeker_id: str
    offer_id: str
    kind: str
    reason: str | None = None
    proposal_id: str | None = None
    decision_id: str | None = None


class FiltersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_distance_km: float | None = Field(default=None, gt=0, le=1000)
    contract_types: list[str] = Field(default_factory=list, max_length=10)
    full_time_only: bool | None = None
    rome_codes: list[str] = Field(default_factory=list, max_length=50)


class FiltersOut(FiltersIn):
    model_config = ConfigDict(extra="ignore")

    jobseeker_id: str


def _own_only(actor, jobseeker_id: str) -> None:
    if actor.role == "jobseeker" and actor.subject_id != jobseeker_id:
        raise NotFound(f"demandeur inconnu « {jobseeker_id} »", field="jobseeker_id")


@router.get("/jobseekers/{jobseeker_id}/offers", response_model=RecommendationsOut,
            summary="Offres proposées à un demandeur d'emploi, avec leurs raisons")
def offers_for_jobseeker(
    jobseeker_id: str,
    top: Annotated[int, Query(ge=1, le=200)] = 20,
    actor=Depends(require_roles("jobseeker", "counsellor", "administrator")),
    session: Session = Depends(get_session),
) -> RecommendationsOut:
    from tremplin.services.matching import recommend_offers

    _own_only(actor, jobseeker_id)
    recs = recommend_offers(jobseeker_id, top=top, session=session)
    return RecommendationsOut(**recs.summary())


@router.get("/offers/{offer_id}/candidates", response_model=RecommendationsOut,
            summary="Présélection de candidats pour une offre (conseillers)")
def candidates_for_offer(
    offer_id: str,
    top: Annotated[int, Query(ge=1, le=200)] = 20,
    actor=Depends(require_roles("counsellor", "administrator")),
    session: Session = Depends(get_session),
) -> RecommendationsOut:
    from tremplin.services.matching import recommend_candidates

    recs = recommend_candidates(offer_id, top=top, session=session)
    return RecommendationsOut(**recs.summary())


@router.post("/jobseekers/{jobseeker_id}/offers/{offer_id}/feedback", response_model=FeedbackOut, status_code=201,
             summary="« Pas intéressé », ajout ou retrait d'une suggestion")
def feedback(
    jobseeker_id: str,
    offer_id: str,
    body: FeedbackIn,
    actor=Depends(require_roles("jobseeker", "counsellor", "administrator")),
    session: Session = Depends(get_session),
) -> FeedbackOut:
    from tremplin.errors import Forbidden
    from tremplin.services.matching import record_feedback

    _own_only(actor, jobseeker_id)
    if actor.role == "jobseeker" and body.kind != "pas_interesse":
        raise Forbidden("seul un conseiller peut ajouter ou retirer une suggestion")
    rec = record_feedback(session, jobseeker_id, offer_id, body.kind, actor_id=actor.id, actor_role=actor.role,
                          reason=body.reason, proposal_id=body.proposal_id)
    return FeedbackOut(**rec.model_dump())


@router.get("/jobseekers/{jobseeker_id}/matching-filters", response_model=FiltersOut,
            summary="Critères stricts d'un demandeur (distance, contrats, temps plein, métiers)")
def read_filters(
    jobseeker_id: str,
    actor=Depends(require_roles("jobseeker", "counsellor", "administrator")),
    session: Session = Depends(get_session),
) -> FiltersOut:
    from tremplin.services.matching import get_filters

    _own_only(actor, jobseeker_id)
    return FiltersOut(**get_filters(session, jobseeker_id).model_dump())


@router.put("/jobseekers/{jobseeker_id}/matching-filters", response_model=FiltersOut,
            summary="Fixer les critères stricts d'un demandeur")
def write_filters(
    jobseeker_id: str,
    body: FiltersIn,
    actor=Depends(require_roles("jobseeker", "counsellor", "administrator")),
    session: Session = Depends(get_session),
) -> FiltersOut:
    from tremplin.services.matching import set_filters

    _own_only(actor, jobseeker_id)
    f = set_filters(session, jobseeker_id, max_distance_km=body.max_distance_km, contract_types=body.contract_types,
                    full_time_only=body.full_time_only, rome_codes=body.rome_codes, actor_id=actor.id,
                    actor_role=actor.role)
    return FiltersOut(**f.model_dump())
