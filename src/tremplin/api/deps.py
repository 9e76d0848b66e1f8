"""Dependencies shared by routers: database session, authenticated actor, role checks.

Every route declares the roles it admits with ``Depends(require_roles(...))``.
Tokens are verified by :mod:`tremplin.governance.access`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from tremplin.errors import Forbidden, Unauthorized

ROLES = ("counsellor", "jobseeker", "recruiter", "auditor", "administrator")


def get_session() -> Iterator[Session]:
    from tremplin.store.db import session_scope

    with session_scope() as session:
        yield session


def get_actor(request: Request):
    """The authenticated actor, from a bearer token or the console's session cookie."""
    from tremplin.governance.access import actor_from_request

    actor = actor_from_request(request)
    if actor is None:
        raise Unauthorized("jeton d'accès manquant ou invalide", hint="en-tête Authorization: Bearer <jeton>")
    return actor


def require_roles(*roles: str) -> Callable:
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {unknown}")

    def dependency(actor=Depends(get_actor)):
        if actor.role not in roles:
            raise Forbidden(f"ce service est réservé aux rôles : {', '.join(roles)}")
        return actor

    return dependency
