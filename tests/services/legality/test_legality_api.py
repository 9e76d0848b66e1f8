"""POST /v1/offers/legality, decisions, reviews, rules and override rates (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

OFFER = {"id": "api-1", "intitule": "Serveuse", "dateCreation": "2026-02-03T09:00:00Z", "typeContrat": "CDI",
         "description": "Nous recherchons une serveuse de moins de 25 ans. CV avec photo obligatoire.",
         "salaire": {"libelle": "Mensuel de 1900 Euros"}}
CLEAN = {"id": "api-2", "intitule": "Cuisinier / Cuisinière (H/F)", "dateCreation": "2026-02-03T09:00:00Z",
         "typeContrat": "CDI", "description": "Cuisine traditionnelle, service midi et soir.",
         "salaire": {"libelle": "Mensuel de 2100 Euros"}}


@pytest.fixture
def api(engine):
    from tremplin.api.app import create_app
    from tremplin.governance.access import create_token
    from tremplin.store.db import session_scope

    with session_scope(engine) as session:
        tokens = {role: create_token(session, f"u-{role}", role, subject_id="js1" if role == "jobseeker" else None)
                  for role in ("counsellor", "recruiter", "administrator", "auditor", "jobseeker")}
    client = TestClient(create_app(with_console=False))
    return client, {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}, engine


def test_check_one_offer_and_a_batch(api):
    client, h, _ = api
    r = client.post("/v1/offers/legality", json=OFFER, headers=h["recruiter"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["id"] == "api-1" and body["verdict"] == "block" and body["reviews"] is None
    cats = {f["category"] for f in body["findings"]}
    assert {"age", "sex", "candidate_data"} <= cats
    title = next(f for f in body["findings"] if f["field"] == "intitule")
    assert title["suggestion"] == "Serveur / Serveuse (H/F)" and title["span"] == [0, 8]
    r = client.post("/v1/offers/legality", json={"offers": [OFFER, CLEAN]}, headers=h["counsellor"])
    assert r.status_code == 200
    batch = r.json()
    assert batch["count"] == 2 and batch["verdicts"] == {"block": 1, "ok": 1}
    r = client.post("/v1/offers/legality", json=[CLEAN], headers=h["administrator"])
    assert r.json()["reports"][0]["verdict"] == "ok"


def test_roles_and_bad_input(api):
    client, h, _ = api
    assert client.post("/v1/offers/legality", json=OFFER).status_code == 401
    assert client.post("/v1/offers/legality", json=OFFER, headers=h["jobseeker"]).status_code == 403
    assert client.post("/v1/offers/legality", json=OFFER, headers=h["auditor"]).status_code == 403
    r = client.post("/v1/offers/legality", content=b"{not json", headers=h["recruiter"])
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    r = client.post("/v1/offers/legality", content="{}".encode("utf-16"), headers=h["recruiter"])
    assert r.status_code == 422
    assert client.post("/v1/offers/legality", json={"offers": "x"}, headers=h["recruiter"]).status_code == 422
    r = client.post("/v1/offers/legality", json={"offers": [OFFER, 3]}, headers=h["recruiter"])
    assert r.status_code == 422 and "offers[1]" in r.json()["field"]
    assert client.post("/v1/offers/legality", json="text", headers=h["recruiter"]).status_code == 422
    r = client.post("/v1/offers/legality", json={"offers": [CLEAN] * 1001}, headers=h["recruiter"])
    assert r.status_code == 413
    odd = client.post("/v1/offers/legality", json={"id": "odd", "description": ["a"]}, headers=h["recruiter"])
    assert odd.status_code == 200 and odd.json()["warnings"]


def test_record_then_decide_through_the_journal(api):
    client, h, engine = api
    r = client.post("/v1/offers/legality?record=true", json=OFFER, headers=h["counsellor"])
    assert r.status_code == 200
    reviews = r.json()["reviews"]
    assert {x["rule"] for x in reviews} >= {"R07-AGE", "R11-CANDIDATE-DATA"}
    assert all(x["status"] == "pending" for x in reviews)
    again = client.post("/v1/offers/legality?record=true", json=OFFER, headers=h["counsellor"]).json()["reviews"]
    assert [x["review_id"] for x in again] == [x["review_id"] for x in reviews]  # no duplicate

    url = "/v1/offers/api-1/legality/decision"
    assert client.post(url, json={"rule": "R07-AGE", "outcome": "confirm"}, headers=h["recruiter"]).status_code == 403
    r = client.post(url, json={"rule": "R11-CANDIDATE-DATA", "outcome": "override"}, headers=h["counsellor"])
    assert r.status_code == 422 and "motif" in r.json()["detail"]
    r = client.post(url, json={"rule": "R07-AGE", "outcome": "confirm"}, headers=h["counsellor"])
    assert r.status_code == 200 and r.json()["status"] == "confirmed"
    r = client.post(url, json={"rule": "R11-CANDIDATE-DATA", "outcome": "override",
                               "reason": "casting photo : exigence du poste"}, headers=h["counsellor"])
    assert r.json()["status"] == "overridden"
    # same decision again is harmless; the opposite is a conflict
    assert client.post(url, json={"rule": "R07-AGE", "outcome": "confirm"}, headers=h["counsellor"]).status_code == 200
    r = client.post(url, json={"rule": "R07-AGE", "outcome": "override", "reason": "non"}, headers=h["counsellor"])
    assert r.status_code == 409
    assert client.post(url, json={"rule": "R99", "outcome": "confirm"}, headers=h["counsellor"]).status_code == 422
    r = client.post("/v1/offers/unknown/legality/decision", json={"rule": "R07-AGE", "outcome": "confirm"},
                    headers=h["counsellor"])
    assert r.status_code == 404

    listed = client.get("/v1/offers/api-1/legality/reviews", headers=h["auditor"]).json()
    assert {x["rule"]: x["status"] for x in listed}["R11-CANDIDATE-DATA"] == "overridden"
    rates = client.get("/v1/legality/overrides", headers=h["auditor"]).json()
    by_rule = {x["rule"]: x for x in rates["rules"]}
    assert by_rule["R11-CANDIDATE-DATA"]["override_rate"] == 1.0 and by_rule["R07-AGE"]["confirmed"] == 1
    assert client.get("/v1/legality/overrides", headers=h["recruiter"]).status_code == 403

    from tremplin.governance import journal
    from tremplin.store.db import session_scope
    from tremplin.store.tables.governance import JournalEntryRow

    with session_scope(engine) as session:
        kinds = dict(session.execute(select(JournalEntryRow.kind, func.count())
                                     .where(JournalEntryRow.service == "legality")
                                     .group_by(JournalEntryRow.kind)).all())
        assert kinds["proposal"] == len(reviews) and kinds["decision"] == 2
        assert journal.verify(session).ok


def test_decision_on_an_offer_never_submitted_with_its_content(api):
    client, h, _ = api
    r = client.post("/v1/offers/api-1/legality/decision",
                    json={"rule": "R08-SEX", "outcome": "confirm", "offer": OFFER}, headers=h["counsellor"])
    assert r.status_code == 200 and r.json()["status"] == "confirmed"
    r = client.post("/v1/offers/api-9/legality/decision",
                    json={"rule": "R08-SEX", "outcome": "confirm", "offer": OFFER}, headers=h["counsellor"])
    assert r.status_code == 422 and "identifiant" in r.json()["detail"]


def test_rules_endpoint_and_switch_off(api):
    client, h, engine = api
    data = client.get("/v1/legality/rules", headers=h["jobseeker"]).json()
    assert len(data["rules"]) == 25 and data["parameters"]
    from tremplin.governance.oversight import set_mode
    from tremplin.store.db import session_scope

    with session_scope(engine) as session:
        set_mode(session, "legality", "off", actor_id="admin", actor_role="administrator", reason="test")
    r = client.post("/v1/offers/legality", json=OFFER, headers=h["recruiter"])
    assert r.status_code == 503
