"""The service contract: what every Tremplin AI service declares and calls.

A service is model → rules → :class:`~tremplin.domain.Proposal` → :class:`~tremplin.domain.Decision`
by a person. It declares a :class:`ServiceCard` (``services/<name>/card.py`` defines ``CARD``)
and its business rules as :class:`Rule` objects. At run time it calls:

- :func:`ensure_enabled` before anything else: ``"on"`` (model + rules), ``"rules_only"`` (model
  suspended by an administrator: answer with the rules alone, set ``Proposal.mode="rules_only"``),
  or :class:`~tremplin.errors.ServiceDisabled` when switched off;
- :func:`record_proposal` once the Proposal is built: hashes the input with a key, pseudonymises
  the person, appends it to the hash-chained journal;
- :func:`record_decision` when a person accepts, modifies or rejects it (reason required when
  departing; double submits never duplicate).

Example::

    from tremplin.governance import contract

    mode = contract.ensure_enabled("legality")
    proposal = Proposal(service="legality", service_version="1.2", ruleset_version=RULESET.version,
                        mode="model" if mode == "on" else "rules_only", output={...},
                        reasons=[Reason(label="mention « jeune »", weight=0.8, source="L1132-1")],
                        rules_fired=["R07"])
    proposal = contract.record_proposal(session, proposal, input_payload=offer.model_dump(), subject_id=offer.id)
    ...
    contract.record_decision(session, Decision(proposal_id=proposal.id, actor_ref=actor.id,
                                               actor_role=actor.role, outcome="accept"))
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from sqlalchemy.orm import Session

from tremplin.domain.decision import Decision, DecisionOutcome, Proposal, Reason
from tremplin.errors import Conflict, InvalidInput, NotFound
from tremplin.governance.oversight import ensure_enabled
from tremplin.governance.pseudonymise import canonical_json, is_pseudonym, keyed_hash, pseudonym

__all__ = [
    "AIActClassification",
    "DataSource",
    "Footprint",
    "GroupMetric",
    "ImpactAssessment",
    "Risk",
    "ModelInfo",
    "Parameter",
    "Rule",
    "RuleException",
    "RuleSet",
    "ServiceCard",
    "ensure_enabled",
    "find_decision",
    "find_proposal",
    "record_decision",
    "record_proposal",
]


# --------------------------------------------------------------------------- rules


class RuleException(BaseModel):
    """A documented exception to a rule, as data (e.g. « sauf exigence professionnelle essentielle »)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    description: str  # French: when the exception applies
    source: str | None = None  # article or policy that allows it
    condition: dict[str, Any] = Field(default_factory=dict)  # machine-readable condition, the service reads it


class Rule(BaseModel):
    """A versioned business rule, citing its source. Plain enough for a counsellor or an auditor to read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str  # stable id, e.g. "R07"
    title: str  # French
    source: str  # what the rule comes from: « Code du travail », « politique interne DG 2024-12 »…
    articles: list[str] = Field(default_factory=list)  # e.g. ["L1132-1", "L5321-2"]
    action: str  # what it does to the proposal: flag, block, require_review, filter, boost, order…
    version: str = "1"
    description: str = ""  # French, longer
    parameters: dict[str, Any] = Field(default_factory=dict)  # thresholds, weights: published with the rule
    exceptions: list[RuleException] = Field(default_factory=list)
    severity: Literal["info", "warning", "blocking"] = "warning"

    def cite(self) -> str:
        arts = ", ".join(self.articles)
        return f"{self.source}{' (' + arts + ')' if arts else ''}"


class RuleSet(BaseModel):
    """A service's rules; its version changes whenever any rule changes (content hash)."""

    model_config = ConfigDict(extra="forbid")

    service: str
    rules: list[Rule]

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[Rule]) -> list[Rule]:
        ids = [r.id for r in rules]
        if len(ids) != len(set(ids)):
            raise ValueError("deux règles portent le même identifiant")
        return rules

    @property
    def version(self) -> str:
        digest = hashlib.sha256(canonical_json([r.model_dump(mode="json") for r in self.rules]).encode()).hexdigest()
        return f"{self.service}-rules-{digest[:12]}"

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise NotFound(f"règle inconnue « {rule_id} »", field="rule_id")

    def __iter__(self):  # type: ignore[override]
        return iter(self.rules)


# --------------------------------------------------------------------------- the card


class AIActClassification(BaseModel):
    """AI Act classification and its reasoning (art. 6, Annex III)."""

    model_config = ConfigDict(extra="forbid")

    annex_iii_point: str | None  # "4(a)", "5(a)"… or None when outside Annex III
    high_risk: bool
    profiling: bool  # profiling of natural persons (GDPR art. 4(4)): always high-risk under Annex III
    art_6_3_assessment: str  # why the art. 6(3) derogation applies or not (French)
    reasoning: str  # the classification reasoning (French)
    assessed_by: str = ""
    assessed_on: date | None = None

    @model_validator(mode="after")
    def _profiling_is_high_risk(self) -> AIActClassification:
        if self.annex_iii_point and self.profiling and not self.high_risk:
            raise ValueError("un système de l'annexe III qui fait du profilage est toujours à haut risque (art. 6(3))")
        return self


class DataSource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str  # French, e.g. « offres d'emploi France Travail »
    description: str = ""
    source: str  # where it comes from (producer, URL, licence)
    personal_data: bool = False
    special_category: bool = False  # health, origin… only in the audit vault
    used_for: Literal["inference", "training", "evaluation", "audit", "rules"] = "inference"


class ModelInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str  # e.g. « régression logistique », « règles seules », « LightGBM »
    version: str
    description: str = ""
    optimises_for: str = ""  # Annex IV 2(b): what the system is designed to optimise for
    training_data: str = ""
    training_data_hash: str | None = None


class Parameter(BaseModel):
    """A parameter that weighs in the result (published: CRPA R311-3-1-2 3°)."""

    model_config = ConfigDict(extra="forbid")

    name: str  # French
    description: str = ""
    weight: str = ""  # French description of its usual weight (« fort », « 30 % du score »…)


class GroupMetric(BaseModel):
    model_config = ConfigDict(extra="forbid")

    attribute: str  # sex, age_band… or an intersection "sex×age_band"
    group: str
    metric: str
    value: float | None
    ci_low: float | None = None
    ci_high: float | None = None
    n: int | None = None


class Footprint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    method: str = ""
    training_kwh: float | None = None
    training_kgco2e: float | None = None
    per_1000_predictions_kwh: float | None = None
    per_1000_predictions_kgco2e: float | None = None
    measured_on: str | None = None


class Risk(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str  # French
    mitigation: str = ""
    persons_affected: str = ""


class ImpactAssessment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["AIPD", "FRIA", "autre"]  # AIPD = DPIA (RGPD art. 35); FRIA = AI Act art. 27
    status: Literal["réalisée", "en cours", "non réalisée"] = "non réalisée"
    url: str | None = None
    summary: str = ""
    reason_if_missing: str = ""


class ServiceCard(BaseModel):
    """Everything the register, the model card, the technical documentation and the letters are made from.

    Written by the service's owner in ``services/<name>/card.py``; metrics, per-group metrics,
    footprint and self-assessment are completed at run time from stored reports.
    """

    model_config = ConfigDict(extra="forbid")

    name: str  # service name, one of tremplin.services.SERVICE_NAMES
    title: str  # French, for people
    version: str
    purpose: str  # French: what it is for (finalité)
    legal_basis: list[str]  # texts allowing the processing (e.g. « Code du travail L5312-1 »)
    intended_users: list[str]  # counsellors, jobseekers, recruiters…
    persons_concerned: list[str] = Field(default_factory=list)  # who is affected by the outputs
    decision_support: str = (
        "Le service produit une proposition ; une personne l'examine et décide (accepter, modifier ou refuser)."
    )  # degree and mode of contribution (CRPA R311-3-1-2 1°)
    ai_act: AIActClassification
    risk_class: Literal["high", "limited", "minimal", "not_ai"]
    data: list[DataSource]
    model: ModelInfo
    parameters: list[Parameter] = Field(default_factory=list)
    operations: list[str] = Field(default_factory=list)  # French: the operations performed, in order (R311-3-1-2 4°)
    metrics: dict[str, float] = Field(default_factory=dict)  # overall quality figures
    metrics_source: str = ""  # the command and data that produced them
    group_metrics: list[GroupMetric] = Field(default_factory=list)
    known_limits: list[str]
    human_oversight: list[str]  # measures
    owner: str  # team or person accountable
    contact: str = ""
    review_date: date
    footprint: Footprint | None = None
    source_code_url: str = "https://example.invalid/tremplin"  # set by the deployer
    rules: list[Rule] = Field(default_factory=list)
    # Register fields (CRPA L312-1-3, Etalab inventory, Dutch standard, AI Act Annex VIII).
    short_description: str = ""  # French, plain language (B1), < 350 characters
    status: Literal["en service", "en développement", "retiré"] = "en développement"
    start_date: date | None = None
    automation_level: Literal["aide à la décision", "décision automatisée"] = "aide à la décision"
    discrimination_safeguards: list[str] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    impact_assessments: list[ImpactAssessment] = Field(default_factory=list)
    supplier: str = "Tremplin (logiciel libre, EUPL-1.2)"
    eu_database_url: str | None = None
    out_of_scope_uses: list[str] = Field(default_factory=list)  # uses the service must not be put to

    @field_validator("name")
    @classmethod
    def _known_service(cls, value: str) -> str:
        if not value or not value.replace("_", "").isalnum():
            raise ValueError("nom de service attendu (lettres, chiffres, _)")
        return value


# --------------------------------------------------------------------------- recording


def _subject_ref(value: str | None) -> str | None:
    if value is None:
        return None
    return value if is_pseudonym(value) else pseudonym(value)


def _proposal_from(record) -> Proposal:
    data = record.data
    return Proposal(
        id=record.record_id,
        service=data["service"],
        service_version=data["service_version"],
        ruleset_version=data.get("ruleset_version"),
        mode=data.get("mode", "model"),
        subject_ref=data.get("subject_ref"),
        input_hash=data.get("input_hash"),
        output=data.get("output") or {},
        reasons=[Reason(**r) for r in data.get("reasons") or []],
        rules_fired=data.get("rules_fired") or [],
        explanation=data.get("explanation"),
        created_at=data["proposal_created_at"],
    )


def _decision_from(record) -> Decision:
    data = record.data
    return Decision(
        id=record.record_id,
        proposal_id=data["ref_id"],
        actor_ref=data["actor_ref"],
        actor_role=data["actor_role"],
        outcome=data["outcome"],
        modified_output=data.get("modified_output"),
        reason=data.get("reason"),
        created_at=data["decision_created_at"],
    )


def record_proposal(
    session: Session,
    proposal: Proposal,
    input_payload: Any = None,
    *,
    subject_id: str | None = None,
    features: dict[str, Any] | None = None,
) -> Proposal:
    """Journal a proposal; returns it with ``input_hash`` and ``subject_ref`` filled in.

    - ``input_payload``: what the service read (JSON-able); only its keyed hash is stored.
    - ``subject_id``: the raw id of the person (or offer) concerned; only its pseudonym is stored.
      A ``proposal.subject_ref`` that is not a pseudonym yet is pseudonymised too.
    - ``features``: optional pseudonymised features worth keeping for monitoring (no raw text).

    Recording the same proposal id twice returns the stored one (no duplicate).
    """
    from tremplin.governance import journal

    if not proposal.service:
        raise InvalidInput("la proposition doit nommer son service", field="service")
    updates: dict[str, Any] = {}
    if input_payload is not None:
        updates["input_hash"] = keyed_hash(input_payload)
    subject_ref = _subject_ref(subject_id) if subject_id is not None else _subject_ref(proposal.subject_ref)
    updates["subject_ref"] = subject_ref
    proposal = proposal.model_copy(update=updates)
    dumped = proposal.model_dump(mode="json")
    data = {
        "service_version": dumped["service_version"],
        "ruleset_version": dumped["ruleset_version"],
        "mode": dumped["mode"],
        "input_hash": dumped["input_hash"],
        "output": dumped["output"],
        "reasons": dumped["reasons"],
        "rules_fired": dumped["rules_fired"],
        "explanation": dumped["explanation"],
        "features": features,
        "proposal_created_at": dumped["created_at"],
    }
    record, created = journal.append(
        session,
        kind="proposal",
        record_id=proposal.id,
        service=proposal.service,
        subject_ref=subject_ref,
        idempotency_key=f"proposal:{proposal.id}",
        data=data,
    )
    return proposal if created else _proposal_from(record)


def find_proposal(session: Session, proposal_id: str) -> Proposal:
    from tremplin.governance import journal

    record = journal.find(session, "proposal", proposal_id)
    if record is None:
        raise NotFound(f"proposition inconnue « {proposal_id} »", field="proposal_id")
    return _proposal_from(record)


def find_decision(session: Session, decision_id: str) -> Decision:
    from tremplin.governance import journal

    record = journal.find(session, "decision", decision_id)
    if record is None:
        raise NotFound(f"décision inconnue « {decision_id} »", field="decision_id")
    return _decision_from(record)


def _content_hash(decision: Decision, actor_ref: str) -> str:
    content = canonical_json(
        [decision.proposal_id, actor_ref, DecisionOutcome(decision.outcome).value, decision.modified_output,
         (decision.reason or "").strip()]
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def record_decision(session: Session, decision: Decision, *, idempotency_key: str | None = None) -> Decision:
    """Journal a person's decision on a recorded proposal; returns the stored decision.

    - The proposal must exist in the journal (NotFound otherwise).
    - Modifying or rejecting requires a reason (InvalidInput otherwise).
    - A double submit is recorded once and returns the first decision: same ``idempotency_key``, or,
      without a key, the same content (person, outcome, reason, new value) as the latest decision on
      this proposal. Changing one's mind later (accept, then reject, then accept) is recorded each time.
    - The same decision id with different content is a Conflict.
    """
    from tremplin.governance import journal

    proposal_record = journal.find(session, "proposal", decision.proposal_id)
    if proposal_record is None:
        raise NotFound(f"proposition inconnue « {decision.proposal_id} » : décision refusée", field="proposal_id")
    outcome = DecisionOutcome(decision.outcome)
    if outcome != DecisionOutcome.ACCEPT and not (decision.reason and decision.reason.strip()):
        raise InvalidInput("un motif est obligatoire pour modifier ou refuser une proposition", field="reason")
    if outcome == DecisionOutcome.MODIFY and decision.modified_output is None:
        raise InvalidInput("une modification doit indiquer la nouvelle valeur", field="modified_output")
    actor_ref = _subject_ref(decision.actor_ref)
    content_hash = _content_hash(decision, actor_ref)
    key = "decision:" + hashlib.sha256(idempotency_key.encode("utf-8")).hexdigest() if idempotency_key else None
    # Serialise with other journal writers: the checks below and the append see the same journal.
    journal.lock(session)
    if key is not None:
        existing = journal.find_by_key(session, key)
        if existing is not None:
            return _decision_from(existing)
    same_id = journal.find(session, "decision", decision.id)
    if same_id is not None:
        if same_id.data.get("content_hash") == content_hash:
            return _decision_from(same_id)
        raise Conflict(f"la décision « {decision.id} » existe déjà avec un autre contenu", field="id")
    if key is None:
        latest = journal.latest_by_ref(session, "decision", decision.proposal_id)
        if latest is not None and latest.data.get("content_hash") == content_hash:
            return _decision_from(latest)
    pdata = proposal_record.data
    dumped = decision.model_dump(mode="json")
    record, _created = journal.append(
        session,
        kind="decision",
        record_id=decision.id,
        ref_id=decision.proposal_id,
        service=pdata.get("service"),
        subject_ref=pdata.get("subject_ref"),
        actor_ref=actor_ref,
        idempotency_key=key,
        data={
            "actor_role": decision.actor_role,
            "outcome": outcome.value,
            "modified_output": dumped["modified_output"],
            "reason": (decision.reason or "").strip() or None,
            "service_version": pdata.get("service_version"),
            "ruleset_version": pdata.get("ruleset_version"),
            "proposal_output": pdata.get("output"),
            "decision_created_at": dumped["created_at"],
            "content_hash": content_hash,
        },
    )
    return _decision_from(record)


def decisions_for(session: Session, proposal_id: str) -> list[Decision]:
    """Every decision taken on a proposal, oldest first (the last one is in force)."""
    from sqlalchemy import select

    from tremplin.governance import journal
    from tremplin.store.tables.governance import JournalEntryRow

    rows = session.execute(
        select(JournalEntryRow).where(JournalEntryRow.kind == "decision", JournalEntryRow.ref_id == proposal_id)
        .order_by(JournalEntryRow.seq)
    ).scalars().all()
    return [_decision_from(journal.JournalRecord.from_row(r)) for r in rows]
