"""Fixtures for the console's route tests: a migrated SQLite home, demo accounts, a client, sign-in."""

from __future__ import annotations

import pytest

from .helpers import csrf_of


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """A migrated SQLite database, made once per session and copied for each test (migrations take ~1 s)."""
    from tremplin.store.db import make_engine, migrate, session_scope
    from tremplin.web.accounts import create_user, seed_demo_accounts

    path = tmp_path_factory.mktemp("console-template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with session_scope(engine) as db:  # accounts too: scrypt is slow on purpose
        demo = seed_demo_accounts(db, jobseeker_id="DE-0001")
        create_user(db, "autre.demandeur", "jobseeker", password="Un-autre-mot-de-passe", subject_id="DE-0002")
    engine.dispose()  # checkpoints the WAL into the main file
    demo["other_jobseeker"] = ("autre.demandeur", "Un-autre-mot-de-passe")
    return path, demo


@pytest.fixture
def console_db(home, migrated_template, monkeypatch):
    import shutil

    from tremplin.settings import reset_settings
    from tremplin.store.db import get_engine

    target = home / "console.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_template[0], target)
    monkeypatch.setenv("TREMPLIN_DATABASE_URL", f"sqlite:///{target}")
    reset_settings()
    get_engine.cache_clear()
    yield get_engine()
    get_engine().dispose()


@pytest.fixture
def accounts(console_db, migrated_template):
    """One demo account per role (jobseeker bound to DE-0001) and a second jobseeker (DE-0002)."""
    return dict(migrated_template[1])


@pytest.fixture
def client(accounts):
    from fastapi.testclient import TestClient

    from tremplin.api.app import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture
def sign_in(client, accounts):
    def _sign_in(role: str):
        client.cookies.clear()
        page = client.get("/connexion")
        login, password = accounts[role]
        response = client.post("/connexion", data={"csrf_token": csrf_of(page.text), "login": login,
                                                   "password": password}, follow_redirects=False)
        assert response.status_code == 303, response.text
        return response

    return _sign_in


OFFER_TEXT = "Brasserie recherche un serveur âgé de 20 à 30 ans pour le service en salle. Envoyez CV et photo."


@pytest.fixture
def offer_review(console_db):
    """A hand-written offer in the shared table, checked by the real legality service: its findings to
    review (an age limit, a photo) are journaled and waiting in the counsellors' inbox."""
    from tremplin.domain import Offer
    from tremplin.store.db import session_scope
    from tremplin.web import casefiles, gateway

    offer = Offer.model_validate({"id": "OF-1", "intitule": "Serveur / Serveuse (H/F)", "description": OFFER_TEXT,
                                  "dateCreation": "2026-03-02T10:00:00.000Z",
                                  "salaire": {"libelle": "Mensuel de 1900.00 Euros sur 12 mois"}})
    with session_scope() as db:
        casefiles.store_offer(db, offer)
        row = casefiles.check_offer_now(db, offer)
        item_id = row.id
        findings = row.proposal["output"]["findings"]
        reviews = gateway.legality_reviews(db, offer.id)
    assert [f["rule"] for f in findings] == ["R07-AGE", "R11-CANDIDATE-DATA"], findings
    return {"offer": offer, "item_id": item_id, "findings": findings, "reviews": reviews}
