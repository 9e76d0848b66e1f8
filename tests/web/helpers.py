"""Small helpers shared by the console's route tests."""

from __future__ import annotations

import re

CSRF_RE = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
IDEM_RE = re.compile(r'name="idempotency_key" value="([0-9a-f]+)"')


def csrf_of(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def idem_of(html: str) -> str:
    match = IDEM_RE.search(html)
    assert match, "no idempotency key in the page"
    return match.group(1)


def journal_decisions(proposal_id: str) -> list:
    from tremplin.governance import journal
    from tremplin.store.db import session_scope

    with session_scope() as db:
        return [r for r in journal.iter_records(db, kind="decision") if r.data.get("ref_id") == proposal_id]


def offer_decisions(offer_id: str) -> list:
    """Journaled decisions on the legality findings of an offer."""
    from tremplin.governance import journal
    from tremplin.store.db import session_scope
    from tremplin.web import gateway

    with session_scope() as db:
        ids = {r["review_id"] for r in gateway.legality_reviews(db, offer_id)}
        return [r for r in journal.iter_records(db, kind="decision") if r.data.get("ref_id") in ids]
