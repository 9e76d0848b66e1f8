"""The audit vault: special-category and protected attributes, kept apart, every access logged.

AI Act art. 10(5) allows processing special categories of personal data (health, origin…)
only as strictly necessary to detect and correct bias, with safeguards: pseudonymisation,
access control and logging, no transfer, deletion once no longer needed, records of why.
Here:

- attributes are keyed by the subject's pseudonym (never a raw id);
- only auditors and administrators may write or read, and a purpose is mandatory;
- every read, write and deletion is logged (who, when, why, how many people, which attributes);
- each row carries a ``delete_after`` date; :func:`purge_expired` deletes what is due.

The vault tables live in the main database by default; set ``TREMPLIN_VAULT_URL`` to keep them
in a separate database (its two tables are created there on first use).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from pydantic import BaseModel
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from tremplin.domain.jobseeker import ProtectedAttributes
from tremplin.errors import Forbidden, InvalidInput

ATTRIBUTES = ("sex", "age_band", "disability_recognition", "nationality_group", "priority_neighbourhood")
ALLOWED_ROLES = ("auditor", "administrator")
DEFAULT_KEEP_DAYS = 365


class VaultAccess(BaseModel):
    at: datetime
    actor_ref: str
    actor_role: str
    purpose: str
    action: str
    subjects: int
    attributes: list[str]


def age_band(birth_year: int | None, on: date | None = None) -> str | None:
    """French PES bands: moins de 26 ans, 26 à 49 ans, 50 ans et plus."""
    if birth_year is None:
        return None
    age = (on or date.today()).year - birth_year
    if age < 26:
        return "<26"
    if age < 50:
        return "26-49"
    return "50+"


@lru_cache(maxsize=4)
def _separate_engine(url: str) -> Engine:
    from tremplin.store.db import make_engine
    from tremplin.store.tables.governance import ProtectedAttributesRow, VaultAccessRow

    engine = make_engine(url)
    ProtectedAttributesRow.__table__.create(engine, checkfirst=True)
    VaultAccessRow.__table__.create(engine, checkfirst=True)
    return engine


def vault_session(session: Session) -> tuple[Session, bool]:
    """The session to use for vault tables: the caller's, or one on TREMPLIN_VAULT_URL (then owned)."""
    url = os.environ.get("TREMPLIN_VAULT_URL")
    if not url:
        return session, False
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(bind=_separate_engine(url), expire_on_commit=False)(), True


def _check(actor_id: str, actor_role: str, purpose: str) -> None:
    if actor_role not in ALLOWED_ROLES:
        raise Forbidden("le coffre des attributs protégés est réservé aux auditeurs et administrateurs")
    if not purpose or len(purpose.strip()) < 5:
        raise InvalidInput("indiquez la finalité de l'accès au coffre (au moins 5 caractères)", field="purpose")
    if not actor_id:
        raise InvalidInput("l'identité de la personne qui accède au coffre est obligatoire", field="actor")


def _log(session: Session, actor_id: str, actor_role: str, purpose: str, action: str, subjects: int,
         attributes: list[str]) -> None:
    from tremplin.governance.pseudonymise import pseudonym
    from tremplin.store.tables.governance import VaultAccessRow

    session.add(VaultAccessRow(at=datetime.now(UTC), actor_ref=pseudonym(actor_id), actor_role=actor_role,
                               purpose=purpose.strip(), action=action, subjects=subjects,
                               attributes=",".join(attributes)))


def _run(session: Session, work):
    vs, owned = vault_session(session)
    try:
        result = work(vs)
        if owned:
            vs.commit()
        else:
            vs.flush()
        return result
    except BaseException:
        if owned:
            vs.rollback()
        raise
    finally:
        if owned:
            vs.close()


def store(session: Session, records: list[ProtectedAttributes], *, actor_id: str, actor_role: str, purpose: str,
          keep_days: int = DEFAULT_KEEP_DAYS) -> int:
    """Write (or replace) protected attributes; ids are pseudonymised before storage."""
    from tremplin.governance.pseudonymise import pseudonym
    from tremplin.store.tables.governance import ProtectedAttributesRow

    _check(actor_id, actor_role, purpose)
    now = datetime.now(UTC)

    def work(vs: Session) -> int:
        by_ref = {pseudonym(rec.jobseeker_id): rec for rec in records}
        refs = list(by_ref)
        existing: dict[str, ProtectedAttributesRow] = {}
        for start in range(0, len(refs), 900):
            chunk = refs[start : start + 900]
            for row in vs.execute(select(ProtectedAttributesRow).where(ProtectedAttributesRow.subject_ref.in_(chunk))).scalars():
                existing[row.subject_ref] = row
        for ref, rec in by_ref.items():
            row = existing.get(ref)
            if row is None:
                row = ProtectedAttributesRow(subject_ref=ref)
                vs.add(row)
            row.sex = rec.sex
            row.age_band = rec.age_band or age_band(rec.birth_year)
            row.disability_recognition = rec.disability_recognition
            row.nationality_group = rec.nationality_group
            row.priority_neighbourhood = rec.priority_neighbourhood
            row.stored_at = now
            row.delete_after = now + timedelta(days=keep_days)
        _log(vs, actor_id, actor_role, purpose, "write", len(records), list(ATTRIBUTES))
        return len(records)

    return _run(session, work)


def read(session: Session, subject_refs: list[str] | None, *, actor_id: str, actor_role: str, purpose: str,
         attributes: tuple[str, ...] = ATTRIBUTES):
    """Protected attributes as a pandas DataFrame indexed by ``subject_ref``. The read is logged."""
    import pandas as pd

    from tremplin.store.tables.governance import ProtectedAttributesRow

    _check(actor_id, actor_role, purpose)
    unknown = set(attributes) - set(ATTRIBUTES)
    if unknown:
        raise InvalidInput(f"attributs inconnus : {', '.join(sorted(unknown))}", field="attributes")

    def work(vs: Session):
        columns = [ProtectedAttributesRow.subject_ref] + [getattr(ProtectedAttributesRow, a) for a in attributes]
        rows = []
        if subject_refs is None:
            rows = vs.execute(select(*columns)).all()
        else:
            refs = list(dict.fromkeys(subject_refs))
            for start in range(0, len(refs), 900):  # stay under SQLite's bound-parameter limit
                chunk = refs[start : start + 900]
                rows += vs.execute(select(*columns).where(ProtectedAttributesRow.subject_ref.in_(chunk))).all()
        frame = pd.DataFrame(rows, columns=["subject_ref", *attributes]).set_index("subject_ref")
        _log(vs, actor_id, actor_role, purpose, "read", len(frame), list(attributes))
        return frame

    return _run(session, work)


def purge_expired(session: Session, *, actor_id: str, actor_role: str, now: datetime | None = None) -> int:
    from tremplin.store.tables.governance import ProtectedAttributesRow

    _check(actor_id, actor_role, "suppression des attributs arrivés à échéance")
    moment = now or datetime.now(UTC)

    def work(vs: Session) -> int:
        result = vs.execute(delete(ProtectedAttributesRow).where(ProtectedAttributesRow.delete_after < moment))
        count = result.rowcount or 0
        _log(vs, actor_id, actor_role, "suppression des attributs arrivés à échéance", "delete", count, list(ATTRIBUTES))
        return count

    return _run(session, work)


def access_log(session: Session, *, limit: int = 200) -> list[VaultAccess]:
    from tremplin.store.tables.governance import VaultAccessRow

    def work(vs: Session):
        rows = vs.execute(select(VaultAccessRow).order_by(VaultAccessRow.id.desc()).limit(limit)).scalars().all()
        return [VaultAccess(at=r.at, actor_ref=r.actor_ref, actor_role=r.actor_role, purpose=r.purpose,
                            action=r.action, subjects=r.subjects, attributes=[a for a in r.attributes.split(",") if a])
                for r in rows]

    return _run(session, work)
