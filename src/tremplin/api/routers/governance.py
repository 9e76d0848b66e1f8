"""Governance routes: decisions and explanations, journal, oversight switches, register, audits,
self-assessment, personal data, tokens. Every route declares the roles it admits; the register
and the explicit mention are public.

A jobseeker (token bound to their file with ``subject_id``) only ever sees their own proposals,
decisions and explanations; staff roles see what their role needs.
"""

from __future__ import annotations

import io
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from tremplin.api.deps import get_session, require_roles
from tremplin.errors import Forbidden, InvalidInput, NotFound

router = APIRouter(tags=["gouvernance"])

STAFF = ("counsellor", "auditor", "administrator")
CONTROL = ("auditor", "administrator")
EVERYONE = ("counsellor", "jobseeker", "recruiter", "auditor", "administrator")


# --------------------------------------------------------------------------- models


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["accept", "modify", "reject"]
    reason: str | None = Field(default=None, max_length=2000)
    modified_output: dict[str, Any] | None = None
    idempotency_key: str | None = Field(default=None, max_length=200,
                                        description="Même clé = même décision : un double envoi n'est pas dupliqué.")


class DecisionOut(BaseModel):
    id: str
    proposal_id: str
    outcome: str
    reason: str | None
    modified_output: dict[str, Any] | None
    actor_role: str
    created_at: str
    mention: str


class SwitchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal["on", "rules_only", "off"]
    reason: str = Field(min_length=3, max_length=1000)


class PurgeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    before: str = Field(description="Date ISO (AAAA-MM-JJ)")
    reason: str = Field(default="durée de conservation échue", max_length=500)


class PredictionRow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject_id: str | None = None
    subject_ref: str | None = None
    y_pred: int = Field(ge=0, le=1)
    y_true: int | None = Field(default=None, ge=0, le=1)
    score: float | None = Field(default=None, ge=0, le=1)
    rank: int | None = Field(default=None, ge=1)


class AuditIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    purpose: str = Field(min_length=5, max_length=500)
    predictions: list[PredictionRow] | None = Field(default=None, max_length=200_000,
                                                    description="Sinon : l'adaptateur de données du service.")
    tolerance: float = Field(default=0.05, ge=0, le=1)
    min_group_size: int = Field(default=20, ge=5)
    n_boot: int = Field(default=400, ge=50, le=5000)
    intersections: bool = True


class VaultIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    purpose: str = Field(min_length=5, max_length=500)
    records: list[dict[str, Any]] = Field(max_length=200_000)
    keep_days: int = Field(default=365, ge=1, le=3650)


class AssessmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answered_by: str = ""
    answers: dict[str, Any] = Field(description="{question: « oui »} ou {question: {answer, comment, evidence}}")


class TextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=200_000)
    reversible: bool = False


class TokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    actor_id: str = Field(min_length=1, max_length=64)
    role: Literal["counsellor", "jobseeker", "recruiter", "auditor", "administrator"]
    subject_id: str | None = Field(default=None, max_length=64)
    label: str = Field(default="", max_length=200)
    valid_days: int = Field(default=365, ge=1, le=3650)


# --------------------------------------------------------------------------- helpers


def _own_subject_ref(actor) -> str | None:
    from tremplin.governance.pseudonymise import pseudonym

    return pseudonym(actor.subject_id) if actor.subject_id else None


def _decision_out(decision, session: Session) -> DecisionOut:
    import warnings

    from tremplin.governance import cards, contract
    from tremplin.governance.explain import mention_explicite

    proposal = contract.find_proposal(session, decision.proposal_id)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        card = cards.load_card(proposal.service) if proposal.service in cards.service_names() else None
    return DecisionOut(id=decision.id, proposal_id=decision.proposal_id, outcome=decision.outcome.value,
                       reason=decision.reason, modified_output=decision.modified_output, actor_role=decision.actor_role,
                       created_at=decision.created_at.isoformat(), mention=mention_explicite(card))


# --------------------------------------------------------------------------- proposals and decisions


@router.get("/proposals/{proposal_id}", summary="Une proposition journalisée")
def get_proposal(proposal_id: str, actor=Depends(require_roles(*EVERYONE)), session: Session = Depends(get_session)):
    from tremplin.governance import contract
    from tremplin.governance.explain import can_read_subject

    proposal = contract.find_proposal(session, proposal_id)
    if not can_read_subject(actor, proposal.subject_ref):
        raise NotFound(f"proposition inconnue « {proposal_id} »", field="proposal_id")
    return proposal.model_dump(mode="json")


@router.post("/proposals/{proposal_id}/decisions", response_model=DecisionOut, status_code=201,
             summary="Décider d'une proposition : accepter, modifier ou refuser (motif obligatoire si l'on s'en écarte)")
def decide(proposal_id: str, body: DecisionIn, actor=Depends(require_roles("counsellor", "jobseeker", "recruiter",
                                                                          "administrator")),
           session: Session = Depends(get_session)):
    from tremplin.domain import Decision
    from tremplin.governance import contract
    from tremplin.governance.explain import can_read_subject

    proposal = contract.find_proposal(session, proposal_id)
    if actor.role in ("jobseeker", "recruiter") and not can_read_subject(actor, proposal.subject_ref):
        raise NotFound(f"proposition inconnue « {proposal_id} »", field="proposal_id")
    try:
        decision = Decision(proposal_id=proposal_id, actor_ref=actor.id, actor_role=actor.role, outcome=body.outcome,
                            reason=body.reason, modified_output=body.modified_output)
    except ValueError as exc:
        message = str(exc).split("\n")[1] if "\n" in str(exc) else str(exc)
        raise InvalidInput(message.replace("Value error, ", "").strip(), field="reason") from None
    stored = contract.record_decision(session, decision, idempotency_key=body.idempotency_key)
    return _decision_out(stored, session)


@router.get("/decisions", summary="Décisions : les siennes (demandeur d'emploi) ou celles d'un dossier (équipes)")
def list_decisions(jobseeker_id: str | None = Query(default=None, description="Dossier (équipes seulement)"),
                   service: str | None = None, limit: int = Query(default=100, ge=1, le=1000),
                   actor=Depends(require_roles(*EVERYONE)), session: Session = Depends(get_session)):
    from tremplin.governance import journal
    from tremplin.governance.pseudonymise import pseudonym

    if actor.role in ("jobseeker", "recruiter"):
        if jobseeker_id is not None and jobseeker_id != actor.subject_id:
            raise Forbidden("vous ne pouvez consulter que vos propres décisions")
        subject_ref = _own_subject_ref(actor)
        if subject_ref is None:
            return []
    else:
        if jobseeker_id is None:
            raise InvalidInput("indiquez le dossier (jobseeker_id)", field="jobseeker_id")
        subject_ref = pseudonym(jobseeker_id)
    records = journal.list_records(session, kind="decision", subject_ref=subject_ref, service=service, limit=limit)
    return [{"id": r.record_id, "proposal_id": r.data.get("ref_id"), "service": r.data.get("service"),
             "outcome": r.data.get("outcome"), "reason": r.data.get("reason"), "actor_role": r.data.get("actor_role"),
             "created_at": r.data.get("decision_created_at")} for r in records]


@router.get("/decisions/{decision_id}/explanation",
            summary="Explication d'une décision (CRPA R311-3-1-2, règlement IA art. 86) et mention explicite")
def explanation(decision_id: str, format: Literal["json", "text"] = "json", actor=Depends(require_roles(*EVERYONE)),
                session: Session = Depends(get_session)):
    from tremplin.governance.explain import explain_decision

    result = explain_decision(session, decision_id, actor=actor)
    if format == "text":
        return PlainTextResponse(result.letter)
    return result.model_dump(mode="json")


# --------------------------------------------------------------------------- journal


@router.get("/journal", summary="Enregistrements du journal (contrôle)")
def journal_list(kind: str | None = None, service: str | None = None, after: int = Query(default=0, ge=0),
                 limit: int = Query(default=100, ge=1, le=1000), actor=Depends(require_roles(*CONTROL)),
                 session: Session = Depends(get_session)):
    from tremplin.governance import journal

    return [r.model_dump() for r in journal.list_records(session, limit=limit, offset_seq=after, kind=kind,
                                                          service=service)]


@router.get("/journal/verify", summary="Vérifie la chaîne d'empreintes du journal")
def journal_verify(actor=Depends(require_roles(*CONTROL)), session: Session = Depends(get_session)):
    from tremplin.governance import journal

    report = journal.verify_and_witness(session)
    return {**report.model_dump(), "message": report.message()}


@router.get("/journal/export", summary="Export du journal (JSONL ou CSV)")
def journal_export(format: Literal["jsonl", "csv"] = "jsonl", kind: str | None = None, service: str | None = None,
                   actor=Depends(require_roles(*CONTROL)), session: Session = Depends(get_session)):
    from tremplin.governance import journal

    buffer = io.StringIO()
    if format == "csv":
        journal.export_csv(session, buffer, kind=kind, service=service)
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8")
    journal.export_jsonl(session, buffer, kind=kind, service=service)
    return Response(buffer.getvalue(), media_type="application/x-ndjson")


@router.post("/journal/purge", summary="Purge selon la durée de conservation (administrateurs)")
def journal_purge(body: PurgeIn, actor=Depends(require_roles("administrator")), session: Session = Depends(get_session)):
    from datetime import UTC, datetime

    from tremplin.governance import journal
    from tremplin.governance.pseudonymise import pseudonym

    try:
        moment = datetime.fromisoformat(body.before)
    except ValueError:
        raise InvalidInput(f"date invalide « {body.before} »", field="before", hint="AAAA-MM-JJ") from None
    report = journal.purge(session, moment if moment.tzinfo else moment.replace(tzinfo=UTC),
                           actor_ref=pseudonym(actor.id), actor_role=actor.role, reason=body.reason)
    return report.model_dump()


# --------------------------------------------------------------------------- oversight


@router.get("/services", summary="État des services (actif, règles seules, désactivé)")
def services(actor=Depends(require_roles(*EVERYONE)), session: Session = Depends(get_session)):
    from tremplin.governance import oversight

    return [s.model_dump(mode="json", exclude={"actor_ref"} if actor.role not in CONTROL else None)
            for s in oversight.list_modes(session)]


@router.put("/services/{service}/mode", summary="Active, réduit aux règles seules ou désactive un service (immédiat)")
def set_mode(service: str, body: SwitchIn, actor=Depends(require_roles("administrator")),
             session: Session = Depends(get_session)):
    from tremplin.governance import oversight

    return oversight.set_mode(session, service, body.mode, actor_id=actor.id, actor_role=actor.role,
                              reason=body.reason).model_dump(mode="json")


@router.get("/oversight/rates", summary="Taux de dérogation par service et par conseiller, avec alertes")
def rates(service: str | None = None, actor=Depends(require_roles(*CONTROL)), session: Session = Depends(get_session)):
    from tremplin.governance import oversight

    return oversight.override_rates(session, service=service)


# --------------------------------------------------------------------------- register (public)


@router.get("/register", summary="Registre public des algorithmes (JSON)")
def register_json(session: Session = Depends(get_session)):
    from tremplin.governance.register import build_register

    return build_register(session)


@router.get("/register.html", response_class=HTMLResponse, summary="Registre public des algorithmes (page HTML)")
def register_html(session: Session = Depends(get_session)):
    from tremplin.governance.register import build_register, render_html

    return HTMLResponse(render_html(build_register(session)))


@router.get("/register/{service}/mention", response_class=PlainTextResponse, summary="Mention explicite d'un service")
def register_mention(service: str):
    from tremplin.governance import cards
    from tremplin.governance.explain import mention_explicite

    return PlainTextResponse(mention_explicite(cards.require_card(service)))


@router.get("/register/{service}/model-card", response_class=PlainTextResponse, summary="Fiche modèle (Markdown)")
def model_card(service: str, session: Session = Depends(get_session)):
    from tremplin.governance import cards
    from tremplin.governance.register import register_entry, render_model_card

    card = cards.require_card(service)
    return PlainTextResponse(render_model_card(register_entry(card, session), card), media_type="text/markdown")


@router.get("/register/{service}/annex-iv", response_class=PlainTextResponse,
            summary="Squelette de documentation technique, annexe IV (Markdown)")
def annex_iv(service: str, actor=Depends(require_roles(*CONTROL)), session: Session = Depends(get_session)):
    from tremplin.governance import cards
    from tremplin.governance.register import register_entry, render_annex_iv

    return PlainTextResponse(render_annex_iv(register_entry(cards.require_card(service), session)),
                             media_type="text/markdown")


# --------------------------------------------------------------------------- audits and vault


@router.post("/audits/{service}", summary="Lance un audit d'équité (lecture tracée du coffre)")
def run_audit(service: str, body: AuditIn, actor=Depends(require_roles(*CONTROL)), session: Session = Depends(get_session)):
    import pandas as pd

    from tremplin.governance import cards, fairness

    if service not in cards.service_names():
        raise NotFound(f"service inconnu « {service} »", field="service")
    if body.predictions is not None:
        rows = [r.model_dump(exclude_none=True) for r in body.predictions]
        predictions = pd.DataFrame(rows)
    else:
        adapter = fairness.service_adapter(service)
        if adapter is None:
            raise InvalidInput(f"le service « {service} » ne fournit pas de données d'audit : envoyez les prédictions",
                               field="predictions")
        predictions = adapter(session)
    config = fairness.AuditConfig(tolerance=body.tolerance, min_group_size=body.min_group_size, n_boot=body.n_boot,
                                  intersections=body.intersections)
    return fairness.run_audit(session, service, predictions, actor_id=actor.id, actor_role=actor.role,
                              purpose=body.purpose, config=config)


@router.get("/audits/{service}", summary="Dernier rapport d'audit d'un service")
def last_audit(service: str, actor=Depends(require_roles(*CONTROL)), session: Session = Depends(get_session)):
    from tremplin.governance import cards

    stored = cards.latest_report(session, service, "audit")
    if stored is None:
        raise NotFound(f"aucun audit pour « {service} »", field="service")
    return {**stored["payload"], "version": stored["version"]}


@router.post("/vault/attributes", summary="Dépose des attributs protégés dans le coffre d'audit (écriture tracée)")
def vault_store(body: VaultIn, actor=Depends(require_roles(*CONTROL)), session: Session = Depends(get_session)):
    from tremplin.domain import ProtectedAttributes
    from tremplin.governance import vault

    try:
        records = [ProtectedAttributes(**r) for r in body.records]
    except ValueError as exc:
        raise InvalidInput(f"attributs invalides : {exc}", field="records") from None
    return {"stored": vault.store(session, records, actor_id=actor.id, actor_role=actor.role, purpose=body.purpose,
                                  keep_days=body.keep_days)}


@router.get("/vault/log", summary="Journal des accès au coffre d'audit")
def vault_log(limit: int = Query(default=200, ge=1, le=5000), actor=Depends(require_roles(*CONTROL)),
              session: Session = Depends(get_session)):
    from tremplin.governance import vault

    return [e.model_dump(mode="json") for e in vault.access_log(session, limit=limit)]


# --------------------------------------------------------------------------- self-assessment


@router.get("/assessments/questionnaire", summary="Questionnaire d'auto-évaluation (7 engagements + FRIA)")
def questionnaire(actor=Depends(require_roles(*STAFF))):
    from tremplin.governance import assessment

    return assessment.questionnaire()


@router.get("/assessments/{service}", summary="Dernière auto-évaluation d'un service")
def read_assessment(service: str, version: int | None = None, actor=Depends(require_roles(*STAFF)),
                    session: Session = Depends(get_session)):
    from tremplin.governance import assessment

    return assessment.read(session, service, version)


@router.post("/assessments/{service}", status_code=201, summary="Enregistre une nouvelle version de l'auto-évaluation")
def submit_assessment(service: str, body: AssessmentIn, actor=Depends(require_roles("administrator", "auditor")),
                      session: Session = Depends(get_session)):
    from tremplin.governance import assessment

    inp = assessment.from_answers(service, body.answers, body.answered_by)
    return assessment.submit(session, inp, actor_id=actor.id, actor_role=actor.role)


# --------------------------------------------------------------------------- personal data


@router.post("/pii/analyze", summary="Détecte les données personnelles d'un texte français")
def pii_analyze(body: TextIn, actor=Depends(require_roles(*STAFF))):
    from tremplin.governance import pii

    return [e.model_dump(exclude={"text"}) for e in pii.analyze(body.text)]


@router.post("/pii/pseudonymise", summary="Remplace les données personnelles par des pseudonymes à clé")
def pii_pseudonymise(body: TextIn, actor=Depends(require_roles(*STAFF))):
    from tremplin.governance import pii

    if body.reversible and actor.role != "administrator":
        raise Forbidden("seuls les administrateurs produisent des pseudonymes réversibles")
    return pii.pseudonymise_text(body.text, reversible=body.reversible).model_dump()


# --------------------------------------------------------------------------- tokens


@router.post("/tokens", status_code=201, summary="Crée un jeton d'accès (affiché une seule fois)")
def create_token(body: TokenIn, actor=Depends(require_roles("administrator")), session: Session = Depends(get_session)):
    from tremplin.governance.access import create_token as make

    token = make(session, body.actor_id, body.role, label=body.label, subject_id=body.subject_id,
                 valid_days=body.valid_days)
    return {"token": token, "actor_id": body.actor_id, "role": body.role, "subject_id": body.subject_id}


@router.get("/tokens", summary="Jetons existants (jamais le jeton lui-même)")
def list_tokens(actor=Depends(require_roles("administrator")), session: Session = Depends(get_session)):
    from tremplin.governance.access import list_tokens as listing

    return [t.model_dump(mode="json") for t in listing(session)]


@router.delete("/tokens/{token_id}", summary="Révoque un jeton")
def revoke(token_id: str, actor=Depends(require_roles("administrator")), session: Session = Depends(get_session)):
    from tremplin.governance.access import revoke_token

    return revoke_token(session, token_id).model_dump(mode="json")
