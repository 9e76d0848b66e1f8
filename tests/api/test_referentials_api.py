"""Referential read routes: public, pydantic contract, problem details on errors."""

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(referentials, home):
    from tremplin.api.app import create_app

    return TestClient(create_app(with_console=False))


def test_rome_code_is_public_and_complete(client):
    response = client.get("/v1/rome/M1805")
    assert response.status_code == 200
    body = response.json()
    assert body["label"] == "Développeur / Développeuse informatique"
    assert body["domaine"]["code"] == "M18" and body["appellations"]


def test_rome_appellations_search_competences_mobility(client):
    apps = client.get("/v1/rome/m1805/appellations").json()
    assert apps["code"] == "M1805" and len(apps["items"]) >= 10
    found = client.get("/v1/rome/search", params={"q": "boulangère", "limit": 3}).json()
    assert found["items"][0]["code"] == "D1102"
    comps = client.get("/v1/rome/M1805/competences", params={"limit": 5}).json()
    assert len(comps["items"]) == 5 and "similarité lexicale" in comps["note"]
    assert client.get("/v1/rome/M1805/mobility").json()["items"]


def test_rome_errors_are_problem_details(client):
    unknown = client.get("/v1/rome/M9999")
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert unknown.json()["title"] == "Introuvable" and "M9999" in unknown.json()["detail"]
    malformed = client.get("/v1/rome/Z1234")
    assert malformed.status_code == 422 and "mal formé" in malformed.json()["detail"]
    empty = client.get("/v1/rome/search", params={"q": ""})
    assert empty.status_code == 422 and empty.headers["content-type"].startswith("application/problem+json")


def test_geo_and_law_routes(client):
    annecy = client.get("/v1/geo/communes/74010").json()
    assert annecy["name"] == "Annecy" and annecy["population"] > 100000
    assert client.get("/v1/geo/communes/740").status_code == 422
    assert client.get("/v1/geo/communes/99999").status_code == 404
    distance = client.get("/v1/geo/distance", params={"a": "75056", "b": "13055"}).json()
    assert 640 < distance["km"] < 680
    article = client.get("/v1/law/articles/L1132-1").json()
    assert article["legiarti"].startswith("LEGIARTI") and "recrutement" in article["text"]
    assert client.get("/v1/law/articles/L9999-1").status_code == 404


def test_fiche_route(client):
    from tremplin.referentials import fiches

    sp = fiches.fiche("/fiche-service-public/paiement-du-salaire")
    body = client.get(f"/v1/fiches/{sp.source_id}").json()
    assert body["id"] == sp.id and body["sections"]


def test_referentials_status_needs_an_administrator_or_auditor(client):
    from tremplin.governance.access import create_token
    from tremplin.store.db import migrate, session_scope

    assert client.get("/v1/referentials").status_code == 401
    migrate()
    with session_scope() as session:
        admin = create_token(session, "adm", "administrator")
        counsellor = create_token(session, "c1", "counsellor")
    assert client.get("/v1/referentials", headers={"Authorization": f"Bearer {counsellor}"}).status_code == 403
    rows = client.get("/v1/referentials", headers={"Authorization": f"Bearer {admin}"}).json()
    assert {r["name"] for r in rows} == {"rome", "geo", "law", "fiches", "usage"}
    assert all(r["installed"] for r in rows)
