"""The console's work inbox (``console_items``) and jobseeker files.

An item is a service's Proposal that a person must look at: an offer's legality check, a
profile read from a CV, an offer suggested to a jobseeker. The Proposal itself is journaled by
the service through the governance contract; the item keeps what the page shows and its status.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from tremplin.domain import Proposal

KIND_LABELS = {
    "offer_review": "Contrôle de légalité d'une offre",
    "cv_profile": "Profil lu dans un CV",
    "offer_suggestion": "Offre proposée",
    "occupation": "Métier proposé (ROME)",
}
STATUS_LABELS = {
    "open": "à examiner",
    "accept": "acceptée",
    "modify": "modifiée",
    "reject": "refusée",
}


def _table():
    from tremplin.store.tables.console import ConsoleItemRow

    return ConsoleItemRow


def add_item(
    db: Session,
    *,
    kind: str,
    proposal: Proposal,
    subject_id: str,
    title: str,
    data: dict[str, Any] | None = None,
    replace_open: bool = False,
):
    """Put a journaled proposal in the inbox. With ``replace_open``, older open items of the same kind and
    subject are closed as superseded (a re-run check replaces the previous one)."""
    Item = _table()
    if replace_open:
        for old in db.execute(
            select(Item).where(Item.kind == kind, Item.subject_id == subject_id, Item.status == "open")
        ).scalars():
            old.status = "superseded"
    row = db.get(Item, proposal.id)
    if row is None:
        row = Item(id=proposal.id, created_at=datetime.now(UTC))
        db.add(row)
    row.kind = kind
    row.service = proposal.service
    row.subject_id = subject_id
    row.title = title
    row.proposal = proposal.model_dump(mode="json")
    row.data = data or {}
    row.status = "open"
    db.flush()
    return row


def get_item(db: Session, item_id: str):
    return db.get(_table(), item_id)


def items(db: Session, *, kind: str | None = None, subject_id: str | None = None, status: str | None = None,
          limit: int = 200) -> list:
    Item = _table()
    query = select(Item)
    if kind:
        query = query.where(Item.kind == kind)
    if subject_id:
        query = query.where(Item.subject_id == subject_id)
    if status:
        query = query.where(Item.status == status)
    return list(db.execute(query.order_by(Item.created_at.desc()).limit(limit)).scalars())


def count_items(db: Session, kind: str, status: str = "open") -> int:
    Item = _table()
    return db.execute(select(func.count()).select_from(Item).where(Item.kind == kind, Item.status == status)).scalar_one()


def mark_decided(db: Session, row, decision, user_id: str) -> None:
    row.status = decision.outcome.value if hasattr(decision.outcome, "value") else str(decision.outcome)
    row.decision_id = decision.id
    row.decision = decision.model_dump(mode="json")
    row.decided_by = user_id
    row.decided_at = datetime.now(UTC)
    row.revision = (row.revision or 1) + 1
    db.flush()


def _has_table(db: Session, name: str) -> bool:
    try:
        return inspect(db.get_bind()).has_table(name)
    except Exception:  # noqa: BLE001 - an unreachable inspector just means "no such table"
        return False


def _sim_jobseekers():
    from tremplin.store.tables.territory import SimJobseekerRow, SimTerritoryRow

    return SimJobseekerRow, SimTerritoryRow


def _latest_territory(db: Session) -> str | None:
    if not _has_table(db, "sim_jobseekers"):
        return None
    Jobseeker, Territory = _sim_jobseekers()
    return db.execute(
        select(Territory.id).where(Territory.status == "complete").order_by(Territory.created_at.desc()).limit(1)
    ).scalar_one_or_none()


def jobseeker_ids(db: Session, limit: int = 200, contains: str | None = None) -> list[str]:
    """Jobseekers the console knows: those with a file in the inbox, accounts bound to one, then the
    registered jobseekers of the (simulated) territory."""
    from tremplin.store.tables.console import ConsoleUserRow

    Item = _table()
    seen: dict[str, None] = {}
    pattern = f"%{contains}%" if contains else None
    query = (select(Item.subject_id).where(Item.kind.in_(("cv_profile", "offer_suggestion", "occupation")))
             .group_by(Item.subject_id).order_by(func.max(Item.created_at).desc()).limit(limit))
    if pattern:
        query = query.where(Item.subject_id.like(pattern))
    for (subject,) in db.execute(query):
        seen.setdefault(subject, None)
    query = select(ConsoleUserRow.subject_id).where(ConsoleUserRow.role == "jobseeker",
                                                    ConsoleUserRow.subject_id.is_not(None))
    if pattern:
        query = query.where(ConsoleUserRow.subject_id.like(pattern))
    for (subject,) in db.execute(query):
        seen.setdefault(subject, None)
    territory = _latest_territory(db)
    if territory and len(seen) < limit:
        Jobseeker, _ = _sim_jobseekers()
        query = select(Jobseeker.id).where(Jobseeker.territory_id == territory, Jobseeker.exit_on.is_(None))
        if pattern:
            query = query.where(Jobseeker.id.like(pattern))
        for (subject,) in db.execute(query.order_by(Jobseeker.id).limit(limit - len(seen))):
            seen.setdefault(subject, None)
    return list(seen)[:limit]


def registration(db: Session, jobseeker_id: str) -> dict[str, Any] | None:
    """What the jobseeker declared at registration (simulated territory), without protected attributes."""
    territory = _latest_territory(db)
    if territory is None:
        return None
    Jobseeker, _ = _sim_jobseekers()
    row = db.get(Jobseeker, (territory, jobseeker_id))
    if row is None:
        return None
    return {"commune_code": row.commune_code, "bassin": row.bassin, "education_level": row.education_level,
            "experience_months": row.experience_months, "main_rome_code": row.main_rome_code,
            "registered_on": row.registered_on, "exit_on": row.exit_on, "profile": row.profile or {},
            "territory": territory}


def first_jobseeker_id(db: Session) -> str | None:
    ids = jobseeker_ids(db, limit=1)
    return ids[0] if ids else None


# --------------------------------------------------------------------------- offers


def offers(db: Session, *, limit: int = 50, offset: int = 0) -> list:
    from tremplin.store.tables.core import OfferRow

    return list(
        db.execute(select(OfferRow).order_by(OfferRow.imported_at.desc(), OfferRow.id).limit(limit).offset(offset)).scalars()
    )


def count_offers(db: Session) -> int:
    from tremplin.store.tables.core import OfferRow

    return db.execute(select(func.count()).select_from(OfferRow)).scalar_one()


def get_offer(db: Session, offer_id: str):
    from tremplin.domain import Offer
    from tremplin.errors import NotFound
    from tremplin.store.tables.core import OfferRow

    row = db.get(OfferRow, offer_id)
    if row is None:
        raise NotFound(f"offre inconnue « {offer_id} »", field="offer_id")
    return Offer.model_validate(row.payload)


def latest_items_by_subject(db: Session, kind: str, subject_ids: list[str]) -> dict[str, Any]:
    """The newest item of ``kind`` for each subject (superseded ones ignored)."""
    Item = _table()
    if not subject_ids:
        return {}
    rows = db.execute(
        select(Item).where(Item.kind == kind, Item.subject_id.in_(subject_ids), Item.status != "superseded")
        .order_by(Item.created_at)
    ).scalars()
    return {row.subject_id: row for row in rows}


def unchecked_offer_ids(db: Session, limit: int = 200) -> list[str]:
    from tremplin.store.tables.core import OfferRow

    Item = _table()
    checked = select(Item.subject_id).where(Item.kind == "offer_review")
    return list(db.execute(select(OfferRow.id).where(OfferRow.id.not_in(checked)).order_by(OfferRow.id).limit(limit)).scalars())


def count_unchecked_offers(db: Session) -> int:
    from tremplin.store.tables.core import OfferRow

    Item = _table()
    checked = select(Item.subject_id).where(Item.kind == "offer_review")
    return db.execute(select(func.count()).select_from(OfferRow).where(OfferRow.id.not_in(checked))).scalar_one()


def store_offer(db: Session, offer, *, source: str = "console") -> None:
    """Insert or update an offer in the shared ``offers`` table (demo seeding and tests)."""
    from tremplin.store.offers import save_offer

    save_offer(db, offer, source=source)


def check_pending_offers(db: Session, limit: int = 200) -> int:
    """Run the legality check on offers not checked yet; findings to review go to the counsellors' inbox."""
    done = 0
    for offer_id in unchecked_offer_ids(db, limit=limit):
        check_offer_now(db, get_offer(db, offer_id))
        done += 1
    return done


def check_offer_now(db: Session, offer):
    """Check one offer with the legality service and (re)place its review in the inbox."""
    import hashlib
    import json

    from tremplin.web import gateway

    report, reviews = gateway.submit_offer(db, offer)
    digest = hashlib.sha256(json.dumps([offer.id, report.get("ruleset_version"), offer.to_ft()], sort_keys=True,
                                       ensure_ascii=False, default=str).encode("utf-8")).hexdigest()
    Item = _table()
    item_id = "lg" + digest[:40]
    for old in db.execute(select(Item).where(Item.kind == "offer_review", Item.subject_id == offer.id,
                                             Item.id != item_id, Item.status.in_(("open", "none")))).scalars():
        old.status = "superseded"
    row = db.get(Item, item_id)
    if row is None:
        row = Item(id=item_id, created_at=datetime.now(UTC), kind="offer_review", service="legality",
                   subject_id=offer.id, title=offer.intitule or offer.id,
                   proposal={"service": "legality", "mode": "rules_only", "output": report},
                   data={"review_ids": [r["review_id"] for r in reviews]}, status="open" if reviews else "none")
        db.add(row)
    refresh_offer_review(db, row)
    db.flush()
    return row


def refresh_offer_review(db: Session, row) -> None:
    """Close the offer's inbox item once every finding to review has been decided."""
    from tremplin.web import gateway

    ids = set((row.data or {}).get("review_ids") or [])
    if not ids:
        row.status = "none"
        return
    reviews = [r for r in gateway.legality_reviews(db, row.subject_id) if r["review_id"] in ids]
    if any(r["status"] == "pending" for r in reviews):
        row.status = "open"
        return
    overridden = [r for r in reviews if r["status"] == "overridden"]
    row.status = "modify" if overridden else "accept"
    decided = [r for r in reviews if r.get("decided_at")]
    if decided:
        row.decided_at = max(datetime.fromisoformat(r["decided_at"]) for r in decided)
    row.decision = {"reason": "; ".join(f"{r['rule']} écarté : {r['reason']}" for r in overridden) or None}
