"""Recording a person's decision on an inbox item: once, in the journal, with its reason."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from tremplin.domain import Decision, DecisionOutcome
from tremplin.web import casefiles


def decide(
    db: Session,
    row,
    user,
    outcome: str,
    *,
    reason: str | None = None,
    modified_output: dict[str, Any] | None = None,
    idempotency_key: str | None = None,
) -> Decision:
    """Journal the decision through the governance contract and close the item."""
    from tremplin.governance import contract

    decision = Decision(
        proposal_id=row.id,
        actor_ref=user.id,
        actor_role=user.role,
        outcome=DecisionOutcome(outcome),
        modified_output=modified_output,
        reason=(reason or "").strip() or None,
    )
    stored = contract.record_decision(db, decision, idempotency_key=idempotency_key)
    casefiles.mark_decided(db, row, stored, user.id)
    return stored
