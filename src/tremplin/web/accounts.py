"""Console accounts and sign-in.

Sign-in goes through an :class:`IdentityProvider`. The built-in one checks a login and a
password against ``console_users`` (scrypt hashes). A real deployment plugs in its single
sign-on (OpenID Connect, SAML...) by registering another provider with
:func:`register_provider`: whatever the provider, it returns a :class:`ConsoleUser` whose role
comes from the account record, and the console then opens its own session. Roles are the
governance roles (:data:`tremplin.governance.access.ROLES`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from tremplin.errors import InvalidInput
from tremplin.governance.access import ROLES, Actor
from tremplin.web.security import hash_password, verify_password

ROLE_LABELS = {
    "counsellor": "Conseiller ou conseillère",
    "jobseeker": "Demandeur ou demandeuse d'emploi",
    "recruiter": "Recruteur ou recruteuse",
    "auditor": "Auditeur ou auditrice",
    "administrator": "Administrateur ou administratrice",
}

# Demo accounts: public on purpose (printed in docs/console.md), created only by the demo.
DEMO_ACCOUNTS: dict[str, tuple[str, str, str]] = {
    # role: (login, password, display name)
    "counsellor": ("conseillere.demo", "Tremplin-conseil-2026", "Camille Laurent, conseillère"),
    "jobseeker": ("demandeur.demo", "Tremplin-emploi-2026", "Dossier de démonstration"),
    "recruiter": ("recruteur.demo", "Tremplin-recrute-2026", "Atelier du Lac, recrutement"),
    "auditor": ("auditrice.demo", "Tremplin-audit-2026", "Nadia Benali, auditrice"),
    "administrator": ("admin.demo", "Tremplin-admin-2026", "Jules Moreau, administrateur"),
}
DEMO_JOBSEEKER_ID = "demo-de-0001"


@dataclass(frozen=True)
class ConsoleUser:
    id: str
    login: str
    display_name: str
    role: str
    subject_id: str | None = None
    is_demo: bool = False

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    def actor(self) -> Actor:
        return Actor(id=self.id, role=self.role, subject_id=self.subject_id)


def _user_from_row(row) -> ConsoleUser:
    return ConsoleUser(
        id=row.id,
        login=row.login,
        display_name=row.display_name,
        role=row.role,
        subject_id=row.subject_id,
        is_demo=row.is_demo,
    )


class IdentityProvider(Protocol):
    """Checks credentials sent by the sign-in form and returns the account, or None."""

    name: str

    def authenticate(self, session: Session, credentials: dict[str, str]) -> ConsoleUser | None: ...


class PasswordProvider:
    """Login + password against the console's own accounts (scrypt hashes)."""

    name = "password"

    def authenticate(self, session: Session, credentials: dict[str, str]) -> ConsoleUser | None:
        from tremplin.store.tables.console import ConsoleUserRow

        login = (credentials.get("login") or "").strip().lower()
        password = credentials.get("password") or ""
        row = session.execute(select(ConsoleUserRow).where(ConsoleUserRow.login == login)).scalar_one_or_none()
        if row is None or not row.active or row.provider != self.name:
            verify_password(password, None)  # same time as a real check
            return None
        if not verify_password(password, row.password_hash):
            return None
        row.last_login_at = datetime.now(UTC)
        return _user_from_row(row)


_PROVIDERS: dict[str, IdentityProvider] = {"password": PasswordProvider()}


def register_provider(provider: IdentityProvider) -> None:
    """Plug in another way to sign in (a deployment's SSO)."""
    _PROVIDERS[provider.name] = provider


def get_provider(name: str = "password") -> IdentityProvider:
    return _PROVIDERS[name]


def create_user(
    session: Session,
    login: str,
    role: str,
    *,
    password: str | None = None,
    display_name: str = "",
    subject_id: str | None = None,
    is_demo: bool = False,
    provider: str = "password",
) -> ConsoleUser:
    """Create (or, for an existing login, update) an account."""
    from tremplin.store.tables.console import ConsoleUserRow

    login = login.strip().lower()
    if not login:
        raise InvalidInput("l'identifiant ne peut pas être vide", field="login")
    if role not in ROLES:
        raise InvalidInput(f"rôle inconnu « {role} »", field="role", hint=f"rôles possibles : {', '.join(ROLES)}")
    if role == "jobseeker" and not subject_id:
        raise InvalidInput("un compte de demandeur d'emploi doit désigner son dossier", field="subject_id")
    if provider == "password" and (password is None or len(password) < 12):
        raise InvalidInput("le mot de passe doit compter au moins 12 caractères", field="password")
    row = session.execute(select(ConsoleUserRow).where(ConsoleUserRow.login == login)).scalar_one_or_none()
    if row is None:
        row = ConsoleUserRow(id=uuid.uuid4().hex, login=login, created_at=datetime.now(UTC), active=True)
        session.add(row)
    row.role = role
    row.display_name = display_name or login
    row.subject_id = subject_id
    row.password_hash = hash_password(password) if password is not None else None
    row.provider = provider
    row.is_demo = is_demo
    row.active = True
    session.flush()
    return _user_from_row(row)


def get_user(session: Session, user_id: str) -> ConsoleUser | None:
    from tremplin.store.tables.console import ConsoleUserRow

    row = session.get(ConsoleUserRow, user_id)
    if row is None or not row.active:
        return None
    return _user_from_row(row)


def demo_accounts(session: Session) -> list[ConsoleUser]:
    from tremplin.store.tables.console import ConsoleUserRow

    rows = session.execute(
        select(ConsoleUserRow).where(ConsoleUserRow.is_demo.is_(True), ConsoleUserRow.active.is_(True))
    ).scalars()
    order = {role: i for i, role in enumerate(ROLES)}
    return sorted((_user_from_row(r) for r in rows), key=lambda u: (order.get(u.role, 99), u.login))


def seed_demo_accounts(session: Session, *, jobseeker_id: str | None = None) -> dict[str, tuple[str, str]]:
    """Create one demo account per role and return ``{role: (login, password)}``.

    The jobseeker account is bound to ``jobseeker_id`` (by default the first jobseeker file the
    console knows, or a demonstration file id). Running it again resets the demo passwords.
    """
    if jobseeker_id is None:
        from tremplin.web import casefiles

        jobseeker_id = casefiles.first_jobseeker_id(session) or DEMO_JOBSEEKER_ID
    result: dict[str, tuple[str, str]] = {}
    for role, (login, password, name) in DEMO_ACCOUNTS.items():
        create_user(
            session,
            login,
            role,
            password=password,
            display_name=name,
            subject_id=jobseeker_id if role == "jobseeker" else None,
            is_demo=True,
        )
        result[role] = (login, password)
    return result
