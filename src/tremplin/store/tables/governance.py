"""Governance tables: the hash-chained journal, service switches, cards' runtime data, the audit vault.

The journal row keeps the canonical JSON that was hashed (``content``) next to a few copied
columns used for queries (service, kind, subject…); ``journal verify`` checks both.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tremplin.store.base import Base, JSONType


class JournalEntryRow(Base):
    """One record of the append-only journal: proposal, decision, switch change, purge, etc."""

    __tablename__ = "journal_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    ref_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # a decision's proposal id
    service: Mapped[str | None] = mapped_column(String(64), nullable=True)
    subject_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    actor_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))  # ISO-8601 UTC, fixed width: sortable
    idempotency_key: Mapped[str | None] = mapped_column(String(128), nullable=True, unique=True)
    content: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly what was hashed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_journal_entries_record_id", "record_id"),
        Index("ix_journal_entries_ref_id", "ref_id"),
        Index("ix_journal_entries_service_kind", "service", "kind"),
        Index("ix_journal_entries_subject_ref", "subject_ref"),
        Index("ix_journal_entries_created_at", "created_at"),
    )


class JournalHeadRow(Base):
    """The single row that serialises appends (row lock) and remembers the chain's head and anchor."""

    __tablename__ = "journal_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    anchor_seq: Mapped[int] = mapped_column(Integer)  # records up to this seq were purged
    anchor_hash: Mapped[str] = mapped_column(String(64))  # hash of the last purged record


class ServiceSwitchRow(Base):
    """Human oversight: a service is on, rules_only or off. Read at every call (no redeploy)."""

    __tablename__ = "service_switches"

    service: Mapped[str] = mapped_column(String(64), primary_key=True)
    mode: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_ref: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CardReportRow(Base):
    """Runtime additions to a service card: audit reports, footprint measures, assessments."""

    __tablename__ = "card_reports"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    service: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))  # audit, footprint, assessment, metrics
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    payload: Mapped[dict] = mapped_column(JSONType)

    __table_args__ = (Index("ix_card_reports_service_kind", "service", "kind"),)


class ProtectedAttributesRow(Base):
    """Special-category attributes, only for fairness audits. Every read goes through the vault (logged)."""

    __tablename__ = "vault_protected_attributes"

    subject_ref: Mapped[str] = mapped_column(String(64), primary_key=True)
    sex: Mapped[str | None] = mapped_column(String(1), nullable=True)
    age_band: Mapped[str | None] = mapped_column(String(16), nullable=True)
    disability_recognition: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    nationality_group: Mapped[str | None] = mapped_column(String(16), nullable=True)
    priority_neighbourhood: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    delete_after: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class VaultAccessRow(Base):
    """Who read the special-category store, when and why (AI Act art. 10(5))."""

    __tablename__ = "vault_access_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor_ref: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str] = mapped_column(String(20))
    purpose: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))  # read, write, delete
    subjects: Mapped[int] = mapped_column(Integer)
    attributes: Mapped[str] = mapped_column(Text)  # comma-separated attribute names
