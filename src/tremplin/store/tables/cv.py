"""CV analysis: one row per analysed CV (the document itself is not kept).

The professional profile (what the journal may see) and the personal part (identity, contact,
file name) are stored in separate columns; the text is kept with protected lines masked, so that
the spans of the profile can be shown next to it. ``profile`` is the current state (after the
corrections, each of which is a decision in the governance journal); ``proposed`` is what the
service proposed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tremplin.store.base import Base, JSONType


class CVAnalysisRow(Base):
    __tablename__ = "cv_analyses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    proposal_id: Mapped[str] = mapped_column(String(64), index=True)
    owner_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)  # the jobseeker's file
    created_by: Mapped[str] = mapped_column(String(80))  # pseudonym of the person who uploaded
    created_role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="proposed")  # proposed, corrected, accepted, rejected
    media_type: Mapped[str] = mapped_column(String(120))
    format: Mapped[str] = mapped_column(String(10))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    proposed: Mapped[dict] = mapped_column(JSONType)
    profile: Mapped[dict] = mapped_column(JSONType)
    personal: Mapped[dict] = mapped_column(JSONType)
    text: Mapped[str] = mapped_column(Text, default="")
    corrections: Mapped[int] = mapped_column(Integer, default=0)
