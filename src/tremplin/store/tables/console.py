"""Tables of the console: user accounts, sessions, submissions (idempotency) and the work inbox.

The governance journal stays the authoritative, tamper-evident record of proposals and
decisions; ``console_items`` only keeps what the console needs to list the day's work
(what is still open, what was decided, by whom) and to show it again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tremplin.store.base import Base, JSONType


class ConsoleUserRow(Base):
    """A person who signs in to the console. Passwords are stored as scrypt hashes only."""

    __tablename__ = "console_users"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    login: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # a jobseeker's own file
    password_hash: Mapped[str | None] = mapped_column(String(300), nullable=True)
    provider: Mapped[str] = mapped_column(String(40), default="password")  # "password", later "oidc"...
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ConsoleSessionRow(Base):
    """A signed-in session. The cookie carries a signed random token; only its SHA-256 is stored."""

    __tablename__ = "console_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64))
    csrf_secret: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_console_sessions_user_id", "user_id"),)


class ConsoleSubmissionRow(Base):
    """One processed form, by its idempotency key: a second submit of the same form does nothing twice."""

    __tablename__ = "console_submissions"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(80))
    result_url: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ConsoleItemRow(Base):
    """A proposal shown in the console, waiting for (or having received) a person's decision.

    ``kind``: ``offer_review`` (legality), ``cv_profile`` (CV analysis), ``offer_suggestion``
    (matching), ``occupation`` (occupation coding). ``subject_id`` is the offer id or the
    jobseeker id the item is about.
    """

    __tablename__ = "console_items"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the proposal id
    kind: Mapped[str] = mapped_column(String(30))
    service: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text, default="")
    proposal: Mapped[dict] = mapped_column(JSONType)  # the Proposal as JSON (output, reasons, rules fired)
    data: Mapped[dict] = mapped_column(JSONType)  # what the page needs beside it (document text, offer snapshot)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, accept, modify, reject
    decision_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decision: Mapped[dict | None] = mapped_column(JSONType, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revision: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (
        Index("ix_console_items_subject", "subject_id"),
        Index("ix_console_items_kind_status", "kind", "status"),
    )
