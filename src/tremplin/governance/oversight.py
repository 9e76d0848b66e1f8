"""Human oversight: per-service switch (on / rules_only / off) and override-rate monitoring.

The switch lives in the database and is read at every call, so a change applies at once in
the API and the CLI, without a redeploy (AI Act art. 14(4)(e) « stop button »). Every change
is journaled with who made it and why.

Override rate = share of decisions that depart from the proposal (modify or reject). A rate
close to zero over many decisions suggests rubber-stamping (automation bias, art. 14(4)(b));
a very high rate suggests the model is out of touch with the counsellors' reality.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from tremplin.errors import InvalidInput, ServiceDisabled

MODES = ("on", "rules_only", "off")
MODE_LABELS = {"on": "actif", "rules_only": "règles seules (modèle suspendu)", "off": "désactivé"}

# Alert thresholds (documented in docs/governance.md). Below LOW over at least MIN_DECISIONS
# decisions: possible automation bias. Above HIGH: the model may be out of touch.
LOW_OVERRIDE_RATE = 0.02
HIGH_OVERRIDE_RATE = 0.5
MIN_DECISIONS = 30


class SwitchState(BaseModel):
    service: str
    mode: str
    label: str
    reason: str = ""
    actor_ref: str | None = None
    actor_role: str | None = None
    changed_at: datetime | None = None


def _known_services() -> list[str]:
    from tremplin.services import SERVICE_NAMES

    return list(SERVICE_NAMES)


def _check_service(service: str) -> None:
    if service not in _known_services():
        raise InvalidInput(
            f"service inconnu « {service} »", field="service", hint=f"services : {', '.join(_known_services())}"
        )


def get_mode(session: Session, service: str) -> SwitchState:
    from tremplin.store.tables.governance import ServiceSwitchRow

    row = session.get(ServiceSwitchRow, service, populate_existing=True)
    if row is None:
        return SwitchState(service=service, mode="on", label=MODE_LABELS["on"])
    return SwitchState(service=service, mode=row.mode, label=MODE_LABELS.get(row.mode, row.mode), reason=row.reason,
                       actor_ref=row.actor_ref, actor_role=row.actor_role, changed_at=row.changed_at)


def list_modes(session: Session) -> list[SwitchState]:
    return [get_mode(session, name) for name in _known_services()]


def set_mode(session: Session, service: str, mode: str, *, actor_id: str, actor_role: str, reason: str) -> SwitchState:
    """Switch a service on, to rules only, or off. A reason is required; the change is journaled."""
    from tremplin.governance import journal
    from tremplin.governance.pseudonymise import pseudonym
    from tremplin.store.tables.governance import ServiceSwitchRow

    _check_service(service)
    if mode not in MODES:
        raise InvalidInput(f"mode inconnu « {mode} »", field="mode", hint="on, rules_only ou off")
    if not reason or not reason.strip():
        raise InvalidInput("un motif est obligatoire pour changer l'état d'un service", field="reason")
    if actor_role not in ("administrator",):
        from tremplin.errors import Forbidden

        raise Forbidden("seul un administrateur peut changer l'état d'un service")
    actor_ref = pseudonym(actor_id)
    previous = get_mode(session, service).mode
    now = datetime.now(UTC)
    row = session.get(ServiceSwitchRow, service)
    if row is None:
        row = ServiceSwitchRow(service=service)
        session.add(row)
    row.mode, row.reason, row.actor_ref, row.actor_role, row.changed_at = mode, reason.strip(), actor_ref, actor_role, now
    journal.append(
        session,
        kind="switch",
        record_id=f"switch-{service}-{journal.now_iso(now)}",
        service=service,
        actor_ref=actor_ref,
        data={"actor_role": actor_role, "mode": mode, "previous_mode": previous, "reason": reason.strip()},
    )
    session.flush()
    return get_mode(session, service)


def ensure_enabled(service: str, session: Session | None = None) -> str:
    """The mode a service must run in now: ``"on"`` or ``"rules_only"``; raises ServiceDisabled when off."""
    if session is None:
        from tremplin.store.db import session_scope

        with session_scope() as own:
            state = _safe_get_mode(own, service)
    else:
        state = _safe_get_mode(session, service)
    if state.mode == "off":
        why = f" : {state.reason}" if state.reason else ""
        raise ServiceDisabled(f"le service « {service} » est désactivé par un administrateur{why}")
    return state.mode


def _safe_get_mode(session: Session, service: str) -> SwitchState:
    from sqlalchemy import inspect
    from sqlalchemy.exc import OperationalError, ProgrammingError

    try:
        return get_mode(session, service)
    except (OperationalError, ProgrammingError):
        # Only "no switch table yet" (database never migrated) means "never switched": anything else propagates.
        session.rollback()
        if not inspect(session.get_bind()).has_table("service_switches"):
            return SwitchState(service=service, mode="on", label=MODE_LABELS["on"])
        raise


# --------------------------------------------------------------------------- override rates


class OverrideStat(BaseModel):
    service: str
    actor_ref: str | None = None  # None: the whole service
    decisions: int
    accepted: int
    modified: int
    rejected: int
    override_rate: float | None
    alert: str | None = None  # French text when the rate is suspicious


def _alert(decisions: int, rate: float | None, low: float, high: float, min_decisions: int) -> str | None:
    if rate is None or decisions < min_decisions:
        return None
    if rate <= low:
        return (f"taux de dérogation très bas ({rate:.1%} sur {decisions} décisions) : risque de biais "
                "d'automatisation (les propositions sont-elles vraiment examinées ?)")
    if rate >= high:
        return (f"taux de dérogation très élevé ({rate:.1%} sur {decisions} décisions) : le modèle semble "
                "déconnecté de la réalité du terrain")
    return None


def override_rates(
    session: Session,
    *,
    service: str | None = None,
    since: str | None = None,
    low: float = LOW_OVERRIDE_RATE,
    high: float = HIGH_OVERRIDE_RATE,
    min_decisions: int = MIN_DECISIONS,
) -> dict[str, Any]:
    """Override rates per service and per counsellor (pseudonymised), with alerts."""
    from tremplin.governance import journal

    counts: dict[tuple[str, str | None], dict[str, int]] = defaultdict(lambda: {"accept": 0, "modify": 0, "reject": 0})
    for record in journal.iter_records(session, kind="decision", service=service, since=since):
        outcome = record.data.get("outcome")
        if outcome not in ("accept", "modify", "reject"):
            continue
        svc = record.data.get("service") or "?"
        counts[(svc, None)][outcome] += 1
        if record.data.get("actor_role") == "counsellor":
            counts[(svc, record.data.get("actor_ref"))][outcome] += 1

    def stat(key: tuple[str, str | None], c: dict[str, int]) -> OverrideStat:
        total = sum(c.values())
        rate = (c["modify"] + c["reject"]) / total if total else None
        return OverrideStat(service=key[0], actor_ref=key[1], decisions=total, accepted=c["accept"],
                            modified=c["modify"], rejected=c["reject"], override_rate=rate,
                            alert=_alert(total, rate, low, high, min_decisions))

    services = [stat(k, c) for k, c in sorted(counts.items(), key=lambda kv: kv[0][0]) if k[1] is None]
    counsellors = [stat(k, c) for k, c in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")) if k[1]]
    return {
        "thresholds": {"low": low, "high": high, "min_decisions": min_decisions},
        "services": [s.model_dump() for s in services],
        "counsellors": [s.model_dump() for s in counsellors],
        "alerts": [s.model_dump() for s in services + counsellors if s.alert],
    }
