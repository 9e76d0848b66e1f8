"""Service cards: loading the declared cards and completing them with what was measured.

The declared part comes from ``tremplin.services.<name>.card.CARD`` (written by each service's
owner). The measured part — fairness audit, footprint, self-assessment, quality figures — is
stored in ``card_reports`` (versioned, newest wins) and merged by :func:`effective_card`.
"""

from __future__ import annotations

import importlib
import logging
import warnings
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tremplin.errors import NotFound
from tremplin.governance.contract import Footprint, GroupMetric, ServiceCard

log = logging.getLogger(__name__)

REPORT_KINDS = ("audit", "footprint", "assessment", "metrics")


class MissingCardWarning(UserWarning):
    """A service listed in SERVICE_NAMES has no card yet."""


def service_names() -> list[str]:
    from tremplin.services import SERVICE_NAMES

    return list(SERVICE_NAMES)


def load_card(name: str) -> ServiceCard | None:
    """The declared card of a service, or None (with a warning) if the service has none yet."""
    try:
        module = importlib.import_module(f"tremplin.services.{name}.card")
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == f"tremplin.services.{name}" or exc.name.endswith(f"{name}.card")):
            warnings.warn(f"le service « {name} » n'a pas encore de fiche (card.py) : ignoré", MissingCardWarning,
                          stacklevel=2)
            return None
        raise
    card = getattr(module, "CARD", None)
    if not isinstance(card, ServiceCard):
        warnings.warn(f"le service « {name} » : card.py ne définit pas CARD = ServiceCard(...) : ignoré",
                      MissingCardWarning, stacklevel=2)
        return None
    return card


def load_cards(names: list[str] | None = None) -> dict[str, ServiceCard]:
    cards = {}
    for name in names or service_names():
        card = load_card(name)
        if card is not None:
            cards[name] = card
    return cards


def require_card(name: str) -> ServiceCard:
    if name not in service_names():
        raise NotFound(f"service inconnu « {name} »", field="service", hint=", ".join(service_names()))
    card = load_card(name)
    if card is None:
        raise NotFound(f"le service « {name} » n'a pas encore de fiche", field="service")
    return card


# --------------------------------------------------------------------------- stored reports


def save_report(session: Session, service: str, kind: str, payload: dict[str, Any], *,
                actor_ref: str | None = None) -> dict[str, Any]:
    """Store a new version of a report (audit, footprint, assessment, metrics) for a service."""
    from tremplin.store.tables.governance import CardReportRow

    if kind not in REPORT_KINDS:
        raise ValueError(f"unknown report kind {kind!r}")
    version = (
        session.execute(
            select(func.max(CardReportRow.version)).where(CardReportRow.service == service, CardReportRow.kind == kind)
        ).scalar_one()
        or 0
    ) + 1
    row = CardReportRow(id=uuid4().hex, service=service, kind=kind, version=version, created_at=datetime.now(UTC),
                        actor_ref=actor_ref, payload=payload)
    session.add(row)
    session.flush()
    return {"id": row.id, "service": service, "kind": kind, "version": version,
            "created_at": row.created_at.isoformat(), "payload": payload}


def latest_report(session: Session, service: str, kind: str, *, version: int | None = None) -> dict[str, Any] | None:
    from tremplin.store.tables.governance import CardReportRow

    query = select(CardReportRow).where(CardReportRow.service == service, CardReportRow.kind == kind)
    if version is not None:
        query = query.where(CardReportRow.version == version)
    row = session.execute(query.order_by(CardReportRow.version.desc()).limit(1)).scalars().first()
    if row is None:
        return None
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return {"id": row.id, "service": row.service, "kind": row.kind, "version": row.version,
            "created_at": created.isoformat(), "actor_ref": row.actor_ref, "payload": row.payload}


def list_reports(session: Session, service: str, kind: str) -> list[dict[str, Any]]:
    from tremplin.store.tables.governance import CardReportRow

    rows = session.execute(
        select(CardReportRow).where(CardReportRow.service == service, CardReportRow.kind == kind)
        .order_by(CardReportRow.version)
    ).scalars().all()
    return [{"version": r.version, "created_at": r.created_at.isoformat(), "actor_ref": r.actor_ref} for r in rows]


def effective_card(session: Session | None, card: ServiceCard) -> ServiceCard:
    """The declared card completed with the newest audit, footprint and quality reports."""
    if session is None:
        return card
    updates: dict[str, Any] = {}
    audit = latest_report(session, card.name, "audit")
    if audit:
        updates["group_metrics"] = [GroupMetric(**g) for g in audit["payload"].get("group_metrics", [])]
    footprint = latest_report(session, card.name, "footprint")
    if footprint:
        merged = (card.footprint.model_dump() if card.footprint else {}) | {
            k: v for k, v in footprint["payload"].items() if k in Footprint.model_fields and v is not None
        }
        updates["footprint"] = Footprint(**merged)
    metrics = latest_report(session, card.name, "metrics")
    if metrics:
        updates["metrics"] = {**card.metrics, **metrics["payload"].get("metrics", {})}
        if metrics["payload"].get("source"):
            updates["metrics_source"] = metrics["payload"]["source"]
    return card.model_copy(update=updates) if updates else card
