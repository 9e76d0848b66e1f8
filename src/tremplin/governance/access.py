"""Access control: roles and bearer tokens (hashed at rest).

Roles: counsellor, jobseeker, recruiter, auditor, administrator. A jobseeker token is
bound to one jobseeker (``subject_id``): they see only their own data and decisions.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from tremplin.errors import InvalidInput

ROLES = ("counsellor", "jobseeker", "recruiter", "auditor", "administrator")


class Actor(BaseModel):
    id: str
    role: str
    subject_id: str | None = None  # for a jobseeker: their own jobseeker id

    def can_see_jobseeker(self, jobseeker_id: str) -> bool:
        if self.role == "jobseeker":
            return self.subject_id == jobseeker_id
        return self.role in ("counsellor", "auditor", "administrator")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(
    session: Session,
    actor_id: str,
    role: str,
    *,
    label: str = "",
    subject_id: str | None = None,
    valid_days: int | None = 365,
) -> str:
    """Create a token and return it; only its hash is kept."""
    from tremplin.store.tables.access import ApiTokenRow

    if role not in ROLES:
        raise InvalidInput(f"rôle inconnu « {role} »", field="role", hint=f"rôles possibles : {', '.join(ROLES)}")
    if role == "jobseeker" and not subject_id:
        raise InvalidInput("un jeton de demandeur d'emploi doit désigner son dossier", field="subject_id")
    token = "tpl_" + secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    session.add(
        ApiTokenRow(
            token_hash=hash_token(token),
            actor_id=actor_id,
            role=role,
            label=label,
            subject_id=subject_id,
            created_at=now,
            expires_at=now + timedelta(days=valid_days) if valid_days else None,
            revoked=False,
        )
    )
    session.flush()
    return token


def authenticate(session: Session, token: str) -> Actor | None:
    from tremplin.store.tables.access import ApiTokenRow

    row = session.execute(select(ApiTokenRow).where(ApiTokenRow.token_hash == hash_token(token))).scalar_one_or_none()
    if row is None or row.revoked:
        return None
    if row.expires_at is not None:
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
        if expires < datetime.now(UTC):
            return None
    return Actor(id=row.actor_id, role=row.role, subject_id=row.subject_id)


def actor_from_request(request) -> Actor | None:
    """Bearer token first; the console stores its actor in the signed session (set by the web layer)."""
    from tremplin.store.db import session_scope

    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        with session_scope() as session:
            return authenticate(session, header[7:].strip())
    console_actor = getattr(request.state, "console_actor", None)
    return console_actor


class TokenInfo(BaseModel):
    """What can be shown about a token (never the token itself: it is not stored)."""

    token_id: str  # first 12 hex digits of its hash, enough to revoke it
    actor_id: str
    role: str
    label: str
    subject_id: str | None
    created_at: datetime
    expires_at: datetime | None
    revoked: bool


def list_tokens(session: Session, *, actor_id: str | None = None, include_revoked: bool = False) -> list[TokenInfo]:
    from tremplin.store.tables.access import ApiTokenRow

    query = select(ApiTokenRow).order_by(ApiTokenRow.created_at)
    if actor_id:
        query = query.where(ApiTokenRow.actor_id == actor_id)
    if not include_revoked:
        query = query.where(ApiTokenRow.revoked.is_(False))
    return [
        TokenInfo(token_id=row.token_hash[:12], actor_id=row.actor_id, role=row.role, label=row.label,
                  subject_id=row.subject_id, created_at=row.created_at, expires_at=row.expires_at, revoked=row.revoked)
        for row in session.execute(query).scalars()
    ]


def revoke_token(session: Session, token_or_id: str) -> TokenInfo:
    """Revoke a token given the token itself or its id (prefix of its hash, at least 8 characters)."""
    from tremplin.errors import NotFound
    from tremplin.store.tables.access import ApiTokenRow

    if token_or_id.startswith("tpl_"):
        rows = session.execute(select(ApiTokenRow).where(ApiTokenRow.token_hash == hash_token(token_or_id))).scalars().all()
    else:
        if len(token_or_id) < 8 or any(c not in "0123456789abcdef" for c in token_or_id):
            raise InvalidInput("identifiant de jeton attendu (au moins 8 chiffres hexadécimaux)", field="token_id")
        rows = session.execute(select(ApiTokenRow).where(ApiTokenRow.token_hash.startswith(token_or_id))).scalars().all()
    if not rows:
        raise NotFound("jeton introuvable", field="token_id")
    if len(rows) > 1:
        raise InvalidInput("identifiant ambigu : donnez plus de caractères", field="token_id")
    row = rows[0]
    row.revoked = True
    session.flush()
    return TokenInfo(token_id=row.token_hash[:12], actor_id=row.actor_id, role=row.role, label=row.label,
                     subject_id=row.subject_id, created_at=row.created_at, expires_at=row.expires_at, revoked=True)
