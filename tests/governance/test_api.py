"""Governance API: roles on every route, a jobseeker sees only their own decisions, kill switch, register."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tremplin.domain import Proposal, Reason
from tremplin.governance import contract
from tremplin.governance.access import create_token
from tremplin.store.db import session_scope


@pytest.fixture
def api(engine, fake_cards):
    from tremplin.api.app import create_app

    tokens = {}
    with session_scope(engine) as s:
        for actor, role, subject in [("c1", "counsellor", None), ("js7", "jobseeker", "JS-7"),
                                     ("js8", "jobseeker", "JS-8"), ("aud", "auditor", None),
                                     ("adm", "administrator", None), ("rec", "recruiter", None)]:
            tokens[actor] = create_token(s, actor, role, subject_id=subject)
        proposals = {}
        for subject in ("JS-7", "JS-8"):
            p = contract.record_proposal(s, Proposal(service="matching", service_version="9.9-test",
                                                     output={"offre": f"offre-{subject}"},
                                                     reasons=[Reason(label="métier identique", weight=0.6)]),
                                         subject_id=subject)
            proposals[subject] = p.id
    client = TestClient(create_app(with_console=False))

    def h(actor):
        return {"Authorization": f"Bearer {tokens[actor]}"}

    return client, h, proposals


def test_routes_require_a_token_and_the_right_role(api):
    client, h, proposals = api
    assert client.get("/v1/journal").status_code == 401
    assert client.get("/v1/journal", headers={"Authorization": "Bearer faux"}).status_code == 401
    assert client.get("/v1/journal", headers=h("c1")).status_code == 403
    assert client.get("/v1/journal", headers=h("aud")).status_code == 200
    assert client.put("/v1/services/matching/mode", json={"mode": "off", "reason": "test"}, headers=h("aud")).status_code == 403
    assert client.post("/v1/tokens", json={"actor_id": "x", "role": "counsellor"}, headers=h("c1")).status_code == 403
    assert client.get("/v1/vault/log", headers=h("js7")).status_code == 403
    # every governance route declares its roles (or is deliberately public)
    from tremplin.api.routers.governance import router

    public = {"/register", "/register.html", "/register/{service}/mention", "/register/{service}/model-card"}
    for route in router.routes:
        deps = [d.call.__qualname__ for d in route.dependant.dependencies]
        has_roles = any("require_roles" in q for q in deps)
        assert has_roles or route.path in public, route.path


def test_decisions_flow_and_jobseeker_isolation(api):
    client, h, proposals = api
    mine, other = proposals["JS-7"], proposals["JS-8"]
    # a jobseeker cannot see or decide on someone else's proposal
    assert client.get(f"/v1/proposals/{other}", headers=h("js7")).status_code == 404
    assert client.post(f"/v1/proposals/{other}/decisions", json={"outcome": "accept"}, headers=h("js7")).status_code == 404
    # departing without a reason is refused
    r = client.post(f"/v1/proposals/{mine}/decisions", json={"outcome": "reject"}, headers=h("js7"))
    assert r.status_code == 422 and "motif" in r.json()["detail"]
    r = client.post(f"/v1/proposals/{mine}/decisions", json={"outcome": "reject", "reason": "trop loin",
                                                              "idempotency_key": "k-1"}, headers=h("js7"))
    assert r.status_code == 201, r.text
    decision = r.json()
    assert "traitement algorithmique" in decision["mention"]
    again = client.post(f"/v1/proposals/{mine}/decisions", json={"outcome": "reject", "reason": "trop loin",
                                                                  "idempotency_key": "k-1"}, headers=h("js7"))
    assert again.json()["id"] == decision["id"]
    r = client.post(f"/v1/proposals/{other}/decisions", json={"outcome": "accept"}, headers=h("c1"))
    other_decision = r.json()["id"]
    # lists: own only for the jobseeker
    mine_list = client.get("/v1/decisions", headers=h("js7")).json()
    assert [d["id"] for d in mine_list] == [decision["id"]]
    assert client.get("/v1/decisions?jobseeker_id=JS-8", headers=h("js7")).status_code == 403
    assert [d["id"] for d in client.get("/v1/decisions?jobseeker_id=JS-8", headers=h("c1")).json()] == [other_decision]
    # explanations: own only
    r = client.get(f"/v1/decisions/{decision['id']}/explanation", headers=h("js7"))
    assert r.status_code == 200 and "trop loin" in r.json()["letter"]
    assert client.get(f"/v1/decisions/{other_decision}/explanation", headers=h("js7")).status_code == 404
    assert client.get(f"/v1/decisions/{other_decision}/explanation", headers=h("js8")).status_code == 200
    text = client.get(f"/v1/decisions/{decision['id']}/explanation?format=text", headers=h("c1"))
    assert text.headers["content-type"].startswith("text/plain") and "R311-3-1-2" in text.text


def test_switch_applies_immediately_and_is_journaled(api):
    client, h, _ = api
    r = client.put("/v1/services/matching/mode", json={"mode": "off", "reason": "incident de données"}, headers=h("adm"))
    assert r.status_code == 200 and r.json()["mode"] == "off"
    from tremplin.errors import ServiceDisabled

    with pytest.raises(ServiceDisabled):
        contract.ensure_enabled("matching")
    states = {s["service"]: s for s in client.get("/v1/services", headers=h("js7")).json()}
    assert states["matching"]["mode"] == "off" and "actor_ref" not in states["matching"]
    switch = client.get("/v1/journal?kind=switch", headers=h("aud")).json()
    assert switch[0]["data"]["reason"] == "incident de données" and switch[0]["data"]["actor_role"] == "administrator"
    client.put("/v1/services/matching/mode", json={"mode": "on", "reason": "corrigé"}, headers=h("adm"))
    assert contract.ensure_enabled("matching") == "on"
    assert client.get("/v1/journal/verify", headers=h("aud")).json()["ok"] is True


def test_public_register_and_exports(api):
    client, h, _ = api
    reg = client.get("/v1/register")
    assert reg.status_code == 200 and reg.json()["entries"][0]["id"] == "matching"
    assert "Registre des algorithmes publics" in client.get("/v1/register.html").text
    assert "traitement algorithmique" in client.get("/v1/register/matching/mention").text
    assert client.get("/v1/register/ghost/mention").status_code == 404
    csv_text = client.get("/v1/journal/export?format=csv", headers=h("aud")).text
    assert csv_text.splitlines()[0].startswith("seq,kind,record_id")
    assert len(client.get("/v1/journal/export", headers=h("aud")).text.strip().splitlines()) == 2


def test_tokens_via_api(api):
    client, h, _ = api
    r = client.post("/v1/tokens", json={"actor_id": "new", "role": "jobseeker"}, headers=h("adm"))
    assert r.status_code == 422  # a jobseeker token must name its file
    r = client.post("/v1/tokens", json={"actor_id": "new", "role": "counsellor"}, headers=h("adm"))
    token = r.json()["token"]
    assert client.get("/v1/services", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    listed = [t for t in client.get("/v1/tokens", headers=h("adm")).json() if t["actor_id"] == "new"]
    assert len(listed) == 1 and "token" not in listed[0]
    assert client.delete(f"/v1/tokens/{listed[0]['token_id']}", headers=h("adm")).json()["revoked"] is True
    assert client.get("/v1/services", headers={"Authorization": f"Bearer {token}"}).status_code == 401
