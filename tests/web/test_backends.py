"""The console's storage on both databases: accounts, sessions, inbox, idempotent decisions, jobseeker lists."""

from __future__ import annotations

import re

import pytest

from .helpers import csrf_of, idem_of


@pytest.fixture
def any_client(engine):
    from fastapi.testclient import TestClient

    from tremplin.api.app import create_app
    from tremplin.domain import Offer
    from tremplin.store.db import session_scope
    from tremplin.web import casefiles
    from tremplin.web.accounts import seed_demo_accounts

    from .conftest import OFFER_TEXT

    with session_scope() as db:
        accounts = seed_demo_accounts(db, jobseeker_id="DE-PG-1")
        offer = Offer.model_validate({"id": "PG-1", "intitule": "Serveur / Serveuse (H/F)", "description": OFFER_TEXT,
                                      "dateCreation": "2026-03-02T10:00:00.000Z",
                                      "salaire": {"libelle": "Mensuel de 1900.00 Euros sur 12 mois"}})
        casefiles.store_offer(db, offer)
        casefiles.check_pending_offers(db)
        item = casefiles.latest_items_by_subject(db, "offer_review", ["PG-1"])["PG-1"]
    with TestClient(create_app()) as client:
        yield client, accounts, item.id


def test_console_flow_on_sqlite_and_postgresql(any_client):
    from tremplin.store.db import session_scope
    from tremplin.web import casefiles, gateway

    client, accounts, item_id = any_client
    page = client.get("/connexion").text
    login, password = accounts["counsellor"]
    client.post("/connexion", data={"csrf_token": csrf_of(page), "login": login, "password": password})
    assert "Serveur / Serveuse (H/F)" in client.get("/console").text
    assert "DE-PG-1" in client.get("/console/demandeurs").text
    html = client.get("/console/offres/PG-1").text
    assert re.search(r"<mark[^>]*>âgé de 20 à 30 ans", html)
    start = html.index('action="/console/offres/PG-1/decision"')
    form = html[start: html.index("</form>", start)]
    data = {"csrf_token": csrf_of(form), "idempotency_key": idem_of(form), "item_id": item_id,
            "constat_1": "confirm", "constat_2": "override", "motif_2": "Casting : photo justifiée par le rôle."}
    assert client.post("/console/offres/PG-1/decision", data=data, follow_redirects=False).status_code == 303
    again = client.post("/console/offres/PG-1/decision", data=data, follow_redirects=False)
    assert again.headers["location"].endswith("message=deja")
    with session_scope() as db:
        assert {r["status"] for r in gateway.legality_reviews(db, "PG-1")} == {"confirmed", "overridden"}
        assert casefiles.get_item(db, item_id).status == "modify"
        assert casefiles.unchecked_offer_ids(db) == []
