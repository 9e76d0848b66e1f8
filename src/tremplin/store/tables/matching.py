"""Matching: what people said about the suggestions, and the jobseekers' own search filters.

- ``matching_feedback``: « pas intéressé » from the jobseeker, additions and removals by a
  counsellor (kind ``pas_interesse`` | ``ajout_conseiller`` | ``retrait_conseiller``), with the
  pseudonym of the person who acted, their role and reason, and the journaled proposal or
  decision it relates to. Rows are only added: the latest counsellor action on an offer wins.
- ``matching_filters``: the jobseeker's hard filters (maximum distance, contract types, full
  time only, occupations), one row per jobseeker, replaced when changed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tremplin.store.base import Base, JSONType


class MatchingFeedbackRow(Base):
    __tablename__ = "matching_feedback"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    jobseeker_id: Mapped[str] = mapped_column(String(64))
    offer_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24))
    actor_ref: Mapped[str] = mapped_column(String(80))
    actor_role: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    proposal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decision_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_matching_feedback_jobseeker", "jobseeker_id", "created_at"),
                      Index("ix_matching_feedback_offer", "offer_id"))


class MatchingFilterRow(Base):
    __tablename__ = "matching_filters"

    jobseeker_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    max_distance_km: Mapped[float | None] = mapped_column(Float, nullable=True)
    contract_types: Mapped[list] = mapped_column(JSONType)
    full_time_only: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    rome_codes: Mapped[list] = mapped_column(JSONType)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_role: Mapped[str] = mapped_column(String(20))
