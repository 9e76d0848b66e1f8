"""What the demo needs from the console: demo accounts and the day's work ready to open."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def prepare_console(session: Session, *, jobseeker_id: str | None = None, check_offers: int = 200) -> dict[str, Any]:
    """Create the demo accounts and run the legality check on up to ``check_offers`` unchecked offers.

    Returns ``{"accounts": {role: (login, password)}, "offers_checked": n, "legality": None | message}``.
    Safe to run again (accounts are reset, checked offers are not checked twice).
    """
    from tremplin.web import casefiles, gateway
    from tremplin.web.accounts import seed_demo_accounts

    accounts = seed_demo_accounts(session, jobseeker_id=jobseeker_id)
    checked, problem = 0, None
    try:
        checked = casefiles.check_pending_offers(session, limit=check_offers)
    except gateway.Unavailable as exc:
        problem = exc.message
    return {"accounts": accounts, "offers_checked": checked, "legality": problem}
