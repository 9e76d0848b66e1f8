"""Proposal (what a service suggests) and Decision (what a person decides).

A prediction is not a decision: every service returns a Proposal; a person
accepts, modifies or rejects it. Departing from the proposal requires a reason.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from uuid import uuid4

from pydantic import BaseModel, ConfigDict, Field, model_validator


def _now() -> datetime:
    return datetime.now(UTC)


def _new_id() -> str:
    return uuid4().hex


class Reason(BaseModel):
    """One reason behind a proposal: a feature contribution, a rule that fired, a piece of evidence."""

    model_config = ConfigDict(extra="forbid")

    label: str  # plain French, shown to people
    weight: float | None = None  # contribution in the person's case, when the model gives one
    source: str | None = None  # article of law, internal policy, feature name


class Proposal(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=_new_id)
    service: str
    service_version: str
    ruleset_version: str | None = None
    mode: str = Field(default="model", pattern=r"^(model|rules_only)$")
    subject_ref: str | None = None  # pseudonym of the person concerned, never a raw identifier
    input_hash: str | None = None
    output: dict[str, Any] = Field(default_factory=dict)
    reasons: list[Reason] = Field(default_factory=list)
    rules_fired: list[str] = Field(default_factory=list)
    explanation: str | None = None
    created_at: datetime = Field(default_factory=_now)


class DecisionOutcome(StrEnum):
    ACCEPT = "accept"
    MODIFY = "modify"
    REJECT = "reject"


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=_new_id)
    proposal_id: str
    actor_ref: str  # pseudonym of the person who decided
    actor_role: str
    outcome: DecisionOutcome
    modified_output: dict[str, Any] | None = None
    reason: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=_now)

    @model_validator(mode="after")
    def _departures_need_a_reason(self) -> Decision:
        if self.outcome != DecisionOutcome.ACCEPT and not (self.reason and self.reason.strip()):
            raise ValueError("un motif est obligatoire pour modifier ou refuser une proposition")
        if self.outcome == DecisionOutcome.MODIFY and self.modified_output is None:
            raise ValueError("une modification doit indiquer la nouvelle valeur (modified_output)")
        return self
