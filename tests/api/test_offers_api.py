"""Offer read routes: roles, pagination, filters, problem details."""

import json

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def api(engine, shared_data):
    """A client over a database (SQLite and PostgreSQL) holding the real offers, and tokens per role."""
    from tremplin.api.app import create_app
    from tremplin.governance.access import create_token
    from tremplin.store.db import session_scope
    from tremplin.store.offers import import_jsonl

    import_jsonl(shared_data / "offers/offers_dev.jsonl", engine=engine)
    with session_scope(engine) as session:
        tokens = {role: create_token(session, f"u-{role}", role, subject_id="js1" if role == "jobseeker" else None)
                  for role in ("counsellor", "recruiter", "administrator", "auditor", "jobseeker")}
    client = TestClient(create_app(with_console=False))
    return client, {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}


def test_readers_get_an_offer_in_france_travail_shape(api, shared_data):
    client, headers = api
    with open(shared_data / "offers/offers_dev.jsonl", encoding="utf-8") as handle:
        original = json.loads(handle.readline())
    for role in ("counsellor", "recruiter", "administrator", "auditor"):
        response = client.get(f"/v1/offers/{original['id']}", headers=headers[role])
        assert response.status_code == 200, role
        body = response.json()
        assert body["offer"] == original and body["revision"] == 1


def test_jobseekers_and_anonymous_callers_are_refused(api):
    client, headers = api
    assert client.get("/v1/offers", headers=headers["jobseeker"]).status_code == 403
    anonymous = client.get("/v1/offers")
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"].startswith("application/problem+json")


def test_list_filters_and_pages(api):
    client, headers = api
    page = client.get("/v1/offers", params={"rome": "M1805", "limit": 3}, headers=headers["counsellor"]).json()
    assert page["total"] >= 3 and len(page["items"]) == 3
    assert all(item["rome_code"] == "M1805" for item in page["items"])
    nxt = client.get("/v1/offers", params={"rome": "M1805", "limit": 3, "offset": 3}, headers=headers["counsellor"]).json()
    assert not {i["id"] for i in page["items"]} & {i["id"] for i in nxt["items"]}
    everything = client.get("/v1/offers", params={"limit": 1}, headers=headers["auditor"]).json()
    assert everything["total"] == 2797


def test_errors_are_problem_details(api):
    client, headers = api
    missing = client.get("/v1/offers/nope", headers=headers["counsellor"])
    assert missing.status_code == 404 and missing.json()["detail"] == "offre « nope » introuvable"
    bad = client.get("/v1/offers", params={"rome": "XX"}, headers=headers["counsellor"])
    assert bad.status_code == 422 and bad.json()["field"] == "rome"
    too_many = client.get("/v1/offers", params={"limit": 10000}, headers=headers["counsellor"])
    assert too_many.status_code == 422 and too_many.headers["content-type"].startswith("application/problem+json")
