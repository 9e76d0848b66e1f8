"""Offer legality: one row per finding that a counsellor must confirm or override (REVIEW / BLOCK).

The proposal and the counsellor's decision are in the governance journal (hash-chained);
this table is the work list and the index that makes per-rule override rates cheap to compute.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tremplin.store.base import Base


class LegalityReviewRow(Base):
    __tablename__ = "legality_reviews"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # = the journal proposal id
    offer_id: Mapped[str] = mapped_column(String(64))
    rule: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))  # block / review
    field: Mapped[str] = mapped_column(String(80))
    span_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    span_end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")  # the offending words (offer text, not personal data)
    explanation: Mapped[str] = mapped_column(Text, default="")
    ruleset_version: Mapped[str] = mapped_column(String(80))
    input_hash: Mapped[str] = mapped_column(String(80), default="")
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending / confirmed / overridden
    decision_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(80), nullable=True)  # pseudonym
    decided_role: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    __table_args__ = (
        Index("ix_legality_reviews_offer_id", "offer_id"),
        Index("ix_legality_reviews_rule_status", "rule", "status"),
    )
