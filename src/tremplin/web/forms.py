"""Form plumbing shared by console pages: CSRF check, idempotency keys, small validators."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from fastapi import Request
from sqlalchemy.orm import Session

from tremplin.errors import Forbidden, TremplinError
from tremplin.web.security import csrf_valid

IDEM_RE = re.compile(r"^[0-9a-f]{32}$")


class CsrfFailure(TremplinError):
    http_status = 403
    exit_code = 2
    kind = "jeton-csrf"
    title = "Formulaire expiré"


async def read_form(request: Request):
    """The submitted form, once its CSRF token is checked (403 otherwise)."""
    form = await request.form()
    secret = getattr(request.state, "csrf_secret", None)
    if not csrf_valid(secret, form.get("csrf_token")):
        raise CsrfFailure(
            "le formulaire a expiré ou ne vient pas de cette console",
            hint="rechargez la page puis envoyez à nouveau le formulaire",
        )
    return form


def require_user(request: Request, *roles: str):
    from tremplin.errors import Unauthorized

    user = getattr(request.state, "console_user", None)
    if user is None:
        raise Unauthorized("connectez-vous pour ouvrir cette page")
    if roles and user.role not in roles:
        raise Forbidden("cette page est réservée à d'autres rôles que le vôtre")
    return user


def idempotency_key(form) -> str | None:
    key = (form.get("idempotency_key") or "").strip()
    return key if IDEM_RE.match(key) else None


def prior_submission(db: Session, key: str | None) -> str | None:
    """Where the first submit of this form led, when it was already processed."""
    from tremplin.store.tables.console import ConsoleSubmissionRow

    if not key:
        return None
    row = db.get(ConsoleSubmissionRow, key)
    return row.result_url if row is not None else None


def record_submission(db: Session, key: str | None, user_id: str, action: str, result_url: str) -> None:
    from tremplin.store.tables.console import ConsoleSubmissionRow

    if not key:
        return
    db.add(
        ConsoleSubmissionRow(
            key=key, user_id=user_id, action=action[:80], result_url=result_url, created_at=datetime.now(UTC)
        )
    )
    db.flush()


def clean_text(value, *, max_length: int = 2000) -> str:
    text = (value or "").strip() if isinstance(value, str) else ""
    return text[:max_length]
