"""Console sessions: opened at sign-in, carried by a signed cookie, closed at sign-out or expiry.

A session expires after ``idle_minutes`` without a request and, in any case, ``absolute_minutes``
after sign-in. The cookie is signed (itsdangerous) and its signature is time-limited to the
absolute lifetime; the server also keeps the session so that signing out really ends it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from tremplin.web.accounts import ConsoleUser, get_user
from tremplin.web.security import ConsoleConfig, sign, token_hash, unsign

COOKIE = "tremplin_session"
PRE_COOKIE = "tremplin_visiteur"  # anonymous CSRF secret, before sign-in
_PURPOSE = "console-session"
_PRE_PURPOSE = "console-visitor"
TOUCH_EVERY = timedelta(seconds=60)


@dataclass
class SessionState:
    user: ConsoleUser | None = None
    csrf_secret: str | None = None
    expired: bool = False
    token_hash: str | None = None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def open_session(db: Session, user: ConsoleUser) -> str:
    """Start a session for ``user``; returns the signed cookie value."""
    from tremplin.store.tables.console import ConsoleSessionRow

    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    db.add(
        ConsoleSessionRow(
            token_hash=token_hash(token),
            user_id=user.id,
            csrf_secret=secrets.token_hex(32),
            created_at=now,
            last_seen_at=now,
            revoked=False,
        )
    )
    # Housekeeping: forget this user's sessions that ended long ago.
    cutoff = now - timedelta(days=2)
    db.execute(
        delete(ConsoleSessionRow).where(ConsoleSessionRow.user_id == user.id, ConsoleSessionRow.last_seen_at < cutoff)
    )
    db.flush()
    return sign(token, purpose=_PURPOSE)


def resolve(db: Session, cookie: str | None, config: ConsoleConfig | None = None) -> SessionState:
    """The session behind a cookie; ``expired`` tells a timed-out session from no session."""
    from tremplin.store.tables.console import ConsoleSessionRow

    if not cookie:
        return SessionState()
    config = config or ConsoleConfig.from_env()
    token = unsign(cookie, purpose=_PURPOSE, max_age_seconds=config.absolute_minutes * 60)
    if token is None:
        return SessionState(expired=True)
    row = db.get(ConsoleSessionRow, token_hash(token))
    if row is None or row.revoked:
        return SessionState(expired=True)
    now = datetime.now(UTC)
    if now - _aware(row.last_seen_at) > timedelta(minutes=config.idle_minutes) or now - _aware(
        row.created_at
    ) > timedelta(minutes=config.absolute_minutes):
        row.revoked = True
        return SessionState(expired=True)
    user = get_user(db, row.user_id)
    if user is None:
        row.revoked = True
        return SessionState(expired=True)
    if now - _aware(row.last_seen_at) > TOUCH_EVERY:
        row.last_seen_at = now
    return SessionState(user=user, csrf_secret=row.csrf_secret, token_hash=row.token_hash)


def close_session(db: Session, cookie: str | None) -> None:
    from tremplin.store.tables.console import ConsoleSessionRow

    if not cookie:
        return
    token = unsign(cookie, purpose=_PURPOSE, max_age_seconds=10**9)
    if token is None:
        return
    row = db.get(ConsoleSessionRow, token_hash(token))
    if row is not None:
        row.revoked = True


def visitor_secret(cookie: str | None) -> str | None:
    """The anonymous visitor's CSRF secret from its signed cookie (valid one day)."""
    if not cookie:
        return None
    return unsign(cookie, purpose=_PRE_PURPOSE, max_age_seconds=24 * 3600)


def new_visitor_cookie() -> tuple[str, str]:
    secret = secrets.token_hex(32)
    return secret, sign(secret, purpose=_PRE_PURPOSE)
