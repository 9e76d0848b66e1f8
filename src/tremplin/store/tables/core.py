from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tremplin.store.base import Base, JSONType


class OfferRow(Base):
    """A job offer. ``payload`` is the France Travail v2 JSON; a few fields are copied out for queries."""

    __tablename__ = "offers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    intitule: Mapped[str] = mapped_column(Text, default="")
    rome_code: Mapped[str | None] = mapped_column(String(5), nullable=True)
    commune_code: Mapped[str | None] = mapped_column(String(5), nullable=True)
    type_contrat: Mapped[str | None] = mapped_column(String(16), nullable=True)
    date_creation: Mapped[str | None] = mapped_column(String(40), nullable=True)
    source: Mapped[str | None] = mapped_column(String(80), nullable=True)
    payload: Mapped[dict] = mapped_column(JSONType)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_offers_rome_code", "rome_code"),
        Index("ix_offers_commune_code", "commune_code"),
    )
