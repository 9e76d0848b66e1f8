"""Offer legality routes.

- ``POST /v1/offers/legality``: check one offer (a France Travail v2 object) or a batch
  (``{"offers": [...]}`` or a JSON array). With ``?record=true`` the REVIEW/BLOCK findings are
  journaled as proposals for a counsellor. Roles: counsellor, recruiter, administrator.
- ``POST /v1/offers/{offer_id}/legality/decision``: a counsellor confirms or overrides a finding
  (reason required to override); the decision is journaled. Roles: counsellor, administrator.
- ``GET /v1/offers/{offer_id}/legality/reviews``: the findings submitted for an offer and their decisions.
- ``GET /v1/legality/rules``: the rules R01–R25 with articles, action levels, exceptions, parameters.
- ``GET /v1/legality/overrides``: override rates per rule.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from tremplin.api.deps import get_session, require_roles
from tremplin.errors import InvalidInput, PayloadTooLarge

router = APIRouter(tags=["légalité des offres"])

CHECK_ROLES = ("counsellor", "recruiter", "administrator")
MAX_BATCH = 1000


class FindingOut(BaseModel):
    rule: str = Field(description="Identifiant de la règle, ex. R08-SEX")
    category: str = Field(description="Catégorie stable : age, sex, family, origin, fee, pay…")
    articles: list[str]
    severity: Literal["block", "review", "advise"]
    field: str = Field(description="Champ de l'offre où se trouve le passage")
    span: list[int] | None = Field(description="Début et fin (caractères) du passage dans le champ tel que reçu")
    text: str = Field(description="Le passage en cause")
    explanation: str
    suggestion: str | None = None
    detector: str = ""
    exception: str | None = None


class WarningOut(BaseModel):
    code: str
    message: str
    field: str | None = None


class ReportOut(BaseModel):
    id: str | None
    verdict: Literal["block", "review", "advise", "ok"]
    findings: list[FindingOut]
    warnings: list[WarningOut] = Field(default_factory=list)
    exceptions_applied: list[dict[str, Any]] = Field(default_factory=list)
    ruleset_version: str
    checked_on: str = Field(description="Date dont les paramètres légaux (SMIC…) ont été appliqués")
    reviews: list[dict[str, Any]] | None = Field(default=None, description="Constats soumis aux conseillers "
                                                                           "(avec record=true)")


class BatchOut(BaseModel):
    reports: list[ReportOut]
    count: int
    verdicts: dict[str, int]


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str = Field(description="Règle du constat, ex. R07-AGE")
    outcome: Literal["confirm", "override"]
    reason: str | None = Field(default=None, max_length=2000, description="Obligatoire pour écarter (override)")
    review_id: str | None = Field(default=None, description="Constat précis, si la règle a plusieurs constats")
    offer: dict[str, Any] | None = Field(default=None, description="L'offre, si elle n'a pas encore été soumise")


def _check_batch(offers: list[Any], as_of: date | None, record: bool, session) -> list[dict[str, Any]]:
    from tremplin.services.legality import check_offer
    from tremplin.services.legality.oversight import submit

    out = []
    for i, offer in enumerate(offers):
        if not isinstance(offer, dict):
            raise InvalidInput(f"l'élément {i} n'est pas une offre (objet JSON attendu)", field=f"offers[{i}]")
        try:
            report = check_offer(offer, as_of=as_of)
        except InvalidInput as exc:
            raise InvalidInput(exc.message, field=f"offers[{i}].{exc.field or ''}".rstrip("."),
                               hint=exc.hint) from None
        data = report.to_dict()
        if record:
            _, reviews = submit(session, offer, report=report)
            data["reviews"] = reviews
        out.append(data)
    return out


@router.post("/offers/legality", response_model=ReportOut | BatchOut, summary="Contrôler une offre ou un lot",
             responses={422: {"description": "Entrée invalide"}, 413: {"description": "Lot trop volumineux"}})
async def check(
    request: Request,
    record: bool = Query(False, description="Soumettre les constats « à bloquer » et « à examiner » à un conseiller "
                                            "(journal de gouvernance)"),
    on: date | None = Query(None, alias="date", description="Date dont les paramètres légaux s'appliquent"),
    actor=Depends(require_roles(*CHECK_ROLES)),
    session=Depends(get_session),
):
    from tremplin.governance import contract
    from tremplin.settings import get_settings

    body = await request.body()
    if len(body) > get_settings().max_upload_bytes:
        raise PayloadTooLarge(f"requête de {len(body)} octets, maximum {get_settings().max_upload_bytes}",
                              field="body")
    try:
        import json

        payload = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput("le corps doit être du JSON encodé en UTF-8", field="body") from None
    except ValueError as exc:
        raise InvalidInput(f"JSON invalide : {exc}", field="body") from None
    contract.ensure_enabled("legality", session)
    single = isinstance(payload, dict) and "offers" not in payload
    if single:
        offers = [payload]
    elif isinstance(payload, dict):
        offers = payload["offers"]
        if not isinstance(offers, list):
            raise InvalidInput("« offers » doit être une liste d'offres", field="offers")
    elif isinstance(payload, list):
        offers = payload
    else:
        raise InvalidInput("attendu : une offre (objet), une liste d'offres ou {\"offers\": [...]}", field="body")
    if len(offers) > MAX_BATCH:
        raise PayloadTooLarge(f"{len(offers)} offres dans le lot, maximum {MAX_BATCH}", field="offers")
    reports = await run_in_threadpool(_check_batch, offers, on, record, session)
    if single:
        return reports[0]
    verdicts: dict[str, int] = {}
    for r in reports:
        verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
    return {"reports": reports, "count": len(reports), "verdicts": verdicts}


@router.post("/offers/{offer_id}/legality/decision", summary="Confirmer ou écarter un constat (conseiller)")
def decide(
    offer_id: str,
    body: DecisionIn,
    actor=Depends(require_roles("counsellor", "administrator")),
    session=Depends(get_session),
) -> dict[str, Any]:
    from tremplin.services.legality.oversight import decide as do_decide

    offer = body.offer
    if offer is None:
        from tremplin.store.tables.core import OfferRow

        row = session.get(OfferRow, offer_id)
        offer = dict(row.payload) if row is not None else None
    return do_decide(session, offer_id, body.rule, body.outcome, actor_id=actor.id, actor_role=actor.role,
                     reason=body.reason, offer=offer, review_id=body.review_id)


@router.get("/offers/{offer_id}/legality/reviews", summary="Constats soumis pour une offre et décisions")
def reviews(
    offer_id: str,
    actor=Depends(require_roles("counsellor", "administrator", "auditor")),
    session=Depends(get_session),
) -> list[dict[str, Any]]:
    from tremplin.services.legality.oversight import reviews_for

    return reviews_for(session, offer_id)


@router.get("/legality/rules", summary="Règles R01–R25, articles, niveaux d'action, exceptions et paramètres")
def rules(
    law: bool = Query(False, description="Joindre le texte des articles"),
    actor=Depends(require_roles("counsellor", "recruiter", "auditor", "administrator", "jobseeker")),
) -> dict[str, Any]:
    from tremplin.services.legality import params
    from tremplin.services.legality.rules import RULESET_VERSION, catalogue

    return {"ruleset_version": RULESET_VERSION, "rules": catalogue(with_law=law), "parameters": params.table()}


@router.get("/legality/overrides", summary="Taux d'infirmation par règle")
def overrides(
    actor=Depends(require_roles("counsellor", "auditor", "administrator")),
    session=Depends(get_session),
) -> dict[str, Any]:
    from tremplin.services.legality.oversight import override_rates

    return override_rates(session)
