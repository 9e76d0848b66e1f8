"""POST /v1/rome/code and GET /v1/rome/fiches/{code}: roles, single and batch, journal, errors."""

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def api(engine, rome_home):
    from tremplin.api.app import create_app
    from tremplin.governance.access import create_token
    from tremplin.store.db import session_scope

    with session_scope(engine) as session:
        tokens = {role: create_token(session, f"u-{role}", role, subject_id="js1" if role == "jobseeker" else None)
                  for role in ("counsellor", "recruiter", "administrator", "auditor", "jobseeker")}
    client = TestClient(create_app(with_console=False))
    return client, {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}, engine


def test_single_title_is_coded_and_journaled(api):
    from tremplin.governance import contract
    from tremplin.store.db import session_scope

    client, headers, engine = api
    response = client.post("/v1/rome/code", json={"text": "Boulangère Maison Dupontel (H/F)", "top": 2}, headers=headers["counsellor"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["candidates"][0]["code"] == "D1102" and len(body["candidates"]) == 2
    assert body["candidates"][0]["parent"]["code"] == "D1102" and body["abstained"] is False
    with session_scope(engine) as session:
        proposal = contract.find_proposal(session, body["proposal_id"])
    assert proposal.service == "rome_coding" and proposal.input_hash
    assert proposal.output["candidates"][0]["code"] == "D1102"
    assert "Dupontel" not in str(proposal.model_dump())  # the raw text is not stored


def test_batch_keeps_ids_and_order(api):
    client, headers, _ = api
    items = [{"id": "o1", "text": "Cariste CACES 3"}, {"id": "o2", "text": ""},
             {"id": "o3", "text": "Serveur", "description": "Service en salle dans un restaurant."}]
    response = client.post("/v1/rome/code", json={"items": items}, headers=headers["recruiter"])
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["o1", "o2", "o3"]
    assert results[1]["abstained"] and results[1]["candidates"] == []
    assert results[0]["candidates"][0]["parent"]["code"] == "N1101"
    assert len({r["proposal_id"] for r in results}) == 3


def test_roles(api):
    client, headers, _ = api
    for role in ("counsellor", "recruiter", "jobseeker", "administrator"):
        assert client.post("/v1/rome/code", json={"text": "maçon"}, headers=headers[role]).status_code == 200, role
    assert client.post("/v1/rome/code", json={"text": "maçon"}, headers=headers["auditor"]).status_code == 403
    assert client.post("/v1/rome/code", json={"text": "maçon"}).status_code == 401
    assert client.get("/v1/rome/fiches/M1855", headers=headers["auditor"]).json()["parent"] == "M1805"


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({}, 422),
        ({"text": "a", "items": []}, 422),
        ({"text": "boulanger", "top": 0}, 422),
        ({"text": "boulanger", "threshold": 2}, 422),
        ({"text": "x" * 100_000}, 422),
        ({"items": []}, 422),
        ({"text": "boulanger", "unknown": 1}, 422),
    ],
)
def test_bad_requests_are_problem_details(api, payload, status):
    client, headers, _ = api
    response = client.post("/v1/rome/code", json=payload, headers=headers["counsellor"])
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")


def test_unknown_fiche_is_404(api):
    client, headers, _ = api
    assert client.get("/v1/rome/fiches/Z9999", headers=headers["counsellor"]).status_code == 404
