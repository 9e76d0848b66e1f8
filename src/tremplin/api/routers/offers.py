"""Read routes for job offers (stored by ``tremplin import offers``).

Readers: counsellors, recruiters, administrators, auditors. Jobseekers see offers through the
search and matching services, which apply their own rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from tremplin.api.deps import get_session, require_roles

router = APIRouter()
READERS = ("counsellor", "recruiter", "administrator", "auditor")


class OfferRecord(BaseModel):
    id: str
    revision: int = Field(description="Incrémenté à chaque import qui change le contenu")
    imported_at: datetime
    source: str | None = None
    offer: dict[str, Any] = Field(description="L'offre au format France Travail « Offres d'emploi v2 »")


class OfferSummary(BaseModel):
    id: str
    intitule: str
    rome_code: str | None
    commune_code: str | None
    type_contrat: str | None
    date_creation: str | None
    revision: int


class OfferPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[OfferSummary]


@router.get("/offers/{offer_id}", response_model=OfferRecord, tags=["offres"], summary="Une offre d'emploi")
def offer_get(offer_id: str, session: Session = Depends(get_session),
              _actor=Depends(require_roles(*READERS))) -> OfferRecord:
    from tremplin.domain import Offer
    from tremplin.store.offers import get_row

    row = get_row(session, offer_id)
    return OfferRecord(id=row.id, revision=row.revision, imported_at=row.imported_at, source=row.source,
                       offer=Offer.model_validate(row.payload).to_ft())


@router.get("/offers", response_model=OfferPage, tags=["offres"], summary="Offres, filtrées par code ROME et commune")
def offers_list(
    rome: Annotated[str | None, Query(description="Code ROME, ex. M1805")] = None,
    commune: Annotated[str | None, Query(description="Code commune INSEE, ex. 74010")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    session: Session = Depends(get_session),
    _actor=Depends(require_roles(*READERS)),
) -> OfferPage:
    from tremplin.store.offers import list_offers

    total, rows = list_offers(session, rome=rome, commune=commune, limit=limit, offset=offset)
    return OfferPage(total=total, limit=limit, offset=offset, items=[
        OfferSummary(id=r.id, intitule=r.intitule, rome_code=r.rome_code, commune_code=r.commune_code,
                     type_contrat=r.type_contrat, date_creation=r.date_creation, revision=r.revision) for r in rows])
