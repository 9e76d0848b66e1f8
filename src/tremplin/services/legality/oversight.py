"""Human oversight of the legality control: proposals in the journal, counsellors' decisions, override rates.

Each REVIEW or BLOCK finding of a checked offer becomes one Proposal in the governance journal
(« rule R08 applies to offer X »), so that a counsellor confirms or overrides each finding
separately, with a reason when overriding, and so that override rates can be computed per rule.
ADVISE findings are hints to the recruiter: nobody has to decide on them.

    report, reviews = submit(session, offer)              # journal the findings to review
    decide(session, offer_id, "R08-SEX", "override", reason="rôle féminin au théâtre", actor=actor)
    override_rates(session)                               # per rule: decisions, confirmed, overridden
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tremplin.domain.decision import Decision, DecisionOutcome, Proposal, Reason
from tremplin.errors import Conflict, InvalidInput, NotFound
from tremplin.services.legality import sentence_model
from tremplin.services.legality.findings import Finding, LegalityReport
from tremplin.services.legality.rules import RULES, RULESET_VERSION
from tremplin.services.legality.service import SERVICE_NAME, SERVICE_VERSION, check_offer

#: Title of every rule a finding may carry: the rules R01–R25 and the learned sentence detector (off by default).
TITLES = {**{r.id: r.title for r in RULES.values()}, sentence_model.RULE_ID: sentence_model.RULE_TITLE}

OUTCOMES = {"confirm": DecisionOutcome.ACCEPT, "override": DecisionOutcome.REJECT}

#: Alert thresholds for per-rule override rates (same meaning as the governance thresholds).
LOW_OVERRIDE_RATE = 0.02
HIGH_OVERRIDE_RATE = 0.5
MIN_DECISIONS = 20


def _proposal_id(offer_id: str, input_hash: str, f: Finding) -> str:
    key = f"{SERVICE_NAME}|{offer_id}|{input_hash}|{RULESET_VERSION}|{f.rule}|{f.field}|{f.span}"
    return "leg" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:29]


def _input_hash(offer: dict[str, Any]) -> str:
    from tremplin.governance.pseudonymise import keyed_hash

    return keyed_hash(offer)


def _row_dict(row) -> dict[str, Any]:
    return {
        "review_id": row.id, "proposal_id": row.id, "offer_id": row.offer_id, "rule": row.rule,
        "category": row.category, "severity": row.severity, "field": row.field,
        "span": [row.span_start, row.span_end] if row.span_start is not None else None, "text": row.text,
        "explanation": row.explanation, "status": row.status, "decision_id": row.decision_id, "reason": row.reason,
        "ruleset_version": row.ruleset_version,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "decided_at": row.decided_at.isoformat() if row.decided_at else None,
    }


def submit(session: Session, offer: Any, *, report: LegalityReport | None = None) -> tuple[LegalityReport,
                                                                                              list[dict[str, Any]]]:
    """Check an offer and journal each REVIEW/BLOCK finding as a proposal awaiting a counsellor.

    Submitting the same offer again (same content, same rule set) does not duplicate anything.
    """
    from tremplin.governance import contract
    from tremplin.store.tables.legality import LegalityReviewRow

    contract.ensure_enabled(SERVICE_NAME, session)
    data = offer.to_ft() if hasattr(offer, "to_ft") else offer
    if report is None:
        report = check_offer(data)
    if not report.id:
        raise InvalidInput("l'offre doit avoir un identifiant pour être soumise à un conseiller", field="id")
    input_hash = _input_hash(data)
    reviews = []
    for f in report.findings:
        if f.severity not in ("block", "review"):
            continue
        pid = _proposal_id(report.id, input_hash, f)
        row = session.get(LegalityReviewRow, pid)
        if row is None:
            proposal = Proposal(
                id=pid, service=SERVICE_NAME, service_version=SERVICE_VERSION, ruleset_version=RULESET_VERSION,
                mode="model" if f.rule == sentence_model.RULE_ID else "rules_only",
                output={"offer_id": report.id, "verdict": report.verdict, "rule": f.rule, "category": f.category,
                        "severity": f.severity, "field": f.field, "span": list(f.span) if f.span else None,
                        "articles": f.articles, "detector": f.detector},
                reasons=[Reason(label=TITLES[f.rule], source=", ".join(f.articles))],
                rules_fired=[f.rule],
                explanation=f.explanation,
            )
            contract.record_proposal(session, proposal, input_payload=data, subject_id=f"offer:{report.id}")
            row = LegalityReviewRow(
                id=pid, offer_id=report.id, rule=f.rule, category=f.category, severity=f.severity, field=f.field,
                span_start=f.span[0] if f.span else None, span_end=f.span[1] if f.span else None,
                text=f.text[:2000], explanation=f.explanation, ruleset_version=RULESET_VERSION,
                input_hash=input_hash, status="pending", created_at=datetime.now(UTC),
            )
            session.add(row)
            session.flush()
        reviews.append(_row_dict(row))
    return report, reviews


def reviews_for(session: Session, offer_id: str, *, status: str | None = None) -> list[dict[str, Any]]:
    from tremplin.store.tables.legality import LegalityReviewRow

    query = select(LegalityReviewRow).where(LegalityReviewRow.offer_id == offer_id)
    if status:
        query = query.where(LegalityReviewRow.status == status)
    rows = session.execute(query.order_by(LegalityReviewRow.created_at, LegalityReviewRow.rule)).scalars().all()
    return [_row_dict(r) for r in rows]


def decide(session: Session, offer_id: str, rule: str, outcome: str, *, actor_id: str, actor_role: str,
           reason: str | None = None, offer: Any | None = None, review_id: str | None = None) -> dict[str, Any]:
    """A counsellor confirms (« confirm ») or overrides (« override », reason required) a finding on an offer.

    The finding is found among the offer's pending reviews (by ``review_id`` or by rule); if the offer was
    never submitted and its content is given, it is checked and submitted first.
    """
    from tremplin.governance import contract
    from tremplin.store.tables.legality import LegalityReviewRow

    if outcome not in OUTCOMES:
        raise InvalidInput(f"décision « {outcome} » inconnue", field="outcome", hint="confirm ou override")
    if rule not in TITLES:
        raise InvalidInput(f"règle « {rule} » inconnue", field="rule", hint=", ".join(TITLES))
    if outcome == "override" and not (reason and reason.strip()):
        raise InvalidInput("un motif est obligatoire pour écarter un constat", field="reason")
    if actor_role not in ("counsellor", "administrator"):
        raise InvalidInput("seul un conseiller ou un administrateur décide sur un constat", field="actor_role")
    contract.ensure_enabled(SERVICE_NAME, session)

    def candidates():
        query = select(LegalityReviewRow).where(LegalityReviewRow.offer_id == offer_id,
                                                LegalityReviewRow.rule == rule)
        if review_id:
            query = query.where(LegalityReviewRow.id == review_id)
        return session.execute(query.order_by(LegalityReviewRow.created_at.desc())).scalars().all()

    rows = candidates()
    if not rows and offer is not None:
        data = offer.to_ft() if hasattr(offer, "to_ft") else offer
        if str(data.get("id")) != str(offer_id):
            raise InvalidInput("l'identifiant de l'offre transmise ne correspond pas à l'URL", field="offer.id")
        submit(session, data)
        rows = candidates()
    if not rows:
        raise NotFound(f"aucun constat « {rule} » à examiner pour l'offre « {offer_id} »", field="rule",
                       hint="soumettez l'offre (record=true) ou joignez son contenu")
    pending = [r for r in rows if r.status == "pending"]
    row = pending[0] if pending else rows[0]
    if row.status != "pending":
        wanted = "confirmed" if outcome == "confirm" else "overridden"
        if row.status == wanted and (row.reason or "") == (reason or "").strip():
            return _row_dict(row)  # same decision submitted twice: nothing new
        raise Conflict(f"le constat « {rule} » de l'offre « {offer_id} » a déjà été tranché ({row.status})",
                       field="rule")
    decision = contract.record_decision(session, Decision(
        proposal_id=row.id, actor_ref=actor_id, actor_role=actor_role, outcome=OUTCOMES[outcome],
        reason=(reason or "").strip() or None,
    ))
    from tremplin.governance.pseudonymise import pseudonym

    row.status = "confirmed" if outcome == "confirm" else "overridden"
    row.decision_id = decision.id
    row.decided_by = pseudonym(actor_id)
    row.decided_role = actor_role
    row.reason = (reason or "").strip() or None
    row.decided_at = datetime.now(UTC)
    session.flush()
    return _row_dict(row)


def _alert(decisions: int, rate: float | None) -> str | None:
    if rate is None or decisions < MIN_DECISIONS:
        return None
    if rate <= LOW_OVERRIDE_RATE:
        return (f"taux d'infirmation très bas ({rate:.1%} sur {decisions} décisions) : les constats sont-ils "
                "vraiment examinés (biais d'automatisation) ?")
    if rate >= HIGH_OVERRIDE_RATE:
        return (f"taux d'infirmation très élevé ({rate:.1%} sur {decisions} décisions) : la règle signale trop "
                "d'offres licites, à revoir")
    return None


def override_rates(session: Session) -> dict[str, Any]:
    """Per rule: findings submitted, decided, confirmed, overridden, pending, override rate and alert."""
    from sqlalchemy import func

    from tremplin.store.tables.legality import LegalityReviewRow

    counts: dict[str, dict[str, int]] = {}
    rows = session.execute(select(LegalityReviewRow.rule, LegalityReviewRow.status, func.count())
                           .group_by(LegalityReviewRow.rule, LegalityReviewRow.status)).all()
    for rule, status, n in rows:
        counts.setdefault(rule, {"pending": 0, "confirmed": 0, "overridden": 0})[status] = int(n)
    out = []
    for rule, title in TITLES.items():
        c = counts.get(rule)
        if not c:
            continue
        decided = c["confirmed"] + c["overridden"]
        rate = c["overridden"] / decided if decided else None
        out.append({"rule": rule, "title": title, "submitted": decided + c["pending"],
                    "decided": decided, "confirmed": c["confirmed"], "overridden": c["overridden"],
                    "pending": c["pending"], "override_rate": round(rate, 4) if rate is not None else None,
                    "alert": _alert(decided, rate)})
    total_decided = sum(r["decided"] for r in out)
    total_over = sum(r["overridden"] for r in out)
    return {
        "service": SERVICE_NAME,
        "ruleset_version": RULESET_VERSION,
        "thresholds": {"low": LOW_OVERRIDE_RATE, "high": HIGH_OVERRIDE_RATE, "min_decisions": MIN_DECISIONS},
        "rules": out,
        "total": {"decided": total_decided, "overridden": total_over,
                  "override_rate": round(total_over / total_decided, 4) if total_decided else None},
        "alerts": [r for r in out if r["alert"]],
    }
