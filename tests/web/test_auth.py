"""Sign-in, sessions, CSRF, roles and the jobseeker's own-file rule."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

from .helpers import csrf_of


def test_passwords_are_scrypt_hashes_and_verify():
    from tremplin.web.security import hash_password, verify_password

    stored = hash_password("Un mot de passe assez long")
    assert stored.startswith("scrypt$16384$8$1$")
    assert "Un mot de passe" not in stored
    assert verify_password("Un mot de passe assez long", stored)
    assert not verify_password("Un mot de passe assez lonG", stored)
    assert not verify_password("x", None)
    assert not verify_password("x", "md5$abc")
    assert hash_password("même") != hash_password("même")  # salted


def test_seed_demo_accounts_gives_one_login_per_role(console_db):
    from tremplin.governance.access import ROLES
    from tremplin.store.db import session_scope
    from tremplin.web.accounts import PasswordProvider, seed_demo_accounts

    with session_scope() as db:
        accounts = seed_demo_accounts(db, jobseeker_id="DE-9")
        again = seed_demo_accounts(db, jobseeker_id="DE-9")  # idempotent
        assert accounts == again
        assert set(accounts) == set(ROLES)
        for role, (login, password) in accounts.items():
            user = PasswordProvider().authenticate(db, {"login": login, "password": password})
            assert user is not None and user.role == role
        jobseeker = PasswordProvider().authenticate(db, {"login": accounts["jobseeker"][0],
                                                        "password": accounts["jobseeker"][1]})
        assert jobseeker.subject_id == "DE-9"


def test_sign_in_errors_are_tied_to_fields(client):
    page = client.get("/connexion")
    response = client.post("/connexion", data={"csrf_token": csrf_of(page.text), "login": "", "password": ""})
    assert response.status_code == 422
    html = response.text
    assert 'class="resume-erreurs"' in html and 'href="#champ-login"' in html
    assert 'aria-describedby="erreur-login"' in html and 'aria-invalid="true"' in html
    assert 'id="erreur-password"' in html


def test_wrong_password_is_refused_without_saying_which_part(client, accounts):
    page = client.get("/connexion")
    login, _ = accounts["counsellor"]
    response = client.post("/connexion", data={"csrf_token": csrf_of(page.text), "login": login,
                                               "password": "pas le bon mot de passe"})
    assert response.status_code == 422
    assert "Identifiant ou mot de passe incorrect" in response.text
    assert "tremplin_session" not in response.cookies


def test_sign_in_opens_a_session_and_redirects_by_role(client, sign_in):
    response = sign_in("counsellor")
    assert response.headers["location"].startswith("/console")
    cookie = response.cookies.get("tremplin_session") or client.cookies.get("tremplin_session")
    assert cookie
    assert "Ma journée" in client.get("/console").text
    assert sign_in("auditor").headers["location"].startswith("/gouvernance/journal")
    assert sign_in("administrator").headers["location"].startswith("/gouvernance/services")
    assert sign_in("jobseeker").headers["location"].startswith("/mon-dossier")


def test_post_without_csrf_token_is_refused(client, sign_in):
    page = client.get("/connexion")
    assert csrf_of(page.text)
    response = client.post("/connexion", data={"login": "conseillere.demo", "password": "Tremplin-conseil-2026"})
    assert response.status_code == 403
    assert "Formulaire expiré" in response.text
    sign_in("administrator")
    forged = client.post("/gouvernance/services", data={"csrf_token": "0" * 64, "service": "legality", "mode": "off",
                                                        "motif-legality": "tentative"})
    assert forged.status_code == 403


def test_csrf_token_of_one_session_is_useless_in_another(client, sign_in):
    sign_in("administrator")
    token = csrf_of(client.get("/gouvernance/services").text)
    sign_in("administrator")  # a new session
    response = client.post("/gouvernance/services", data={"csrf_token": token, "service": "legality", "mode": "off",
                                                          "motif-legality": "essai de jeton"})
    assert response.status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/console", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/connexion?suite=/console"


def test_next_page_after_sign_in_stays_on_this_site(client, accounts):
    page = client.get("/connexion?suite=//evil.example/x")
    assert 'name="suite" value=""' in page.text
    login, password = accounts["counsellor"]
    response = client.post("/connexion", data={"csrf_token": csrf_of(page.text), "login": login, "password": password,
                                               "suite": "https://evil.example/"}, follow_redirects=False)
    assert response.headers["location"].startswith("/console")


def test_roles_are_enforced(client, sign_in):
    sign_in("counsellor")
    assert client.get("/gouvernance/services").status_code == 403
    assert client.get("/gouvernance/journal").status_code == 403
    sign_in("recruiter")
    assert client.get("/console/demandeurs/DE-0001").status_code == 403
    assert client.get("/console/offres").status_code == 403
    sign_in("auditor")
    assert client.get("/gouvernance/journal").status_code == 200
    assert client.get("/gouvernance/services").status_code == 403


def test_jobseeker_cannot_open_another_jobseekers_file(client, sign_in):
    sign_in("jobseeker")  # bound to DE-0001
    own = client.get("/mon-dossier")
    assert own.status_code == 200 and "Mon dossier" in own.text
    other = client.get("/console/demandeurs/DE-0002")
    assert other.status_code == 403
    assert "votre propre dossier" in other.text
    assert client.get("/console/demandeurs/DE-0002/cv/abc").status_code == 403
    assert client.get("/console/demandeurs/DE-0002/decisions/abc").status_code == 403
    assert client.get("/console/demandeurs").status_code == 403
    sign_in("other_jobseeker")
    assert client.get("/console/demandeurs/DE-0001").status_code == 403
    assert client.get("/console/demandeurs/DE-0002").status_code == 200


def test_session_expires_after_idle_time(client, sign_in):
    from sqlalchemy import update

    from tremplin.store.db import session_scope
    from tremplin.store.tables.console import ConsoleSessionRow

    sign_in("counsellor")
    assert client.get("/console").status_code == 200
    with session_scope() as db:
        db.execute(update(ConsoleSessionRow).values(last_seen_at=datetime.now(UTC) - timedelta(minutes=31)))
    response = client.get("/console", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/connexion?suite=/console&message=expire"
    # The expired session stays dead even if it becomes "recent" again.
    with session_scope() as db:
        db.execute(update(ConsoleSessionRow).values(last_seen_at=datetime.now(UTC)))
    assert client.get("/console", follow_redirects=False).status_code == 303


def test_session_expires_after_absolute_lifetime(client, sign_in):
    from sqlalchemy import update

    from tremplin.store.db import session_scope
    from tremplin.store.tables.console import ConsoleSessionRow

    sign_in("counsellor")
    with session_scope() as db:
        db.execute(update(ConsoleSessionRow).values(created_at=datetime.now(UTC) - timedelta(hours=11)))
    assert client.get("/console", follow_redirects=False).status_code == 303


def test_sign_out_ends_the_session_on_the_server(client, sign_in):
    sign_in("counsellor")
    cookie = client.cookies.get("tremplin_session")
    page = client.get("/console")
    response = client.post("/deconnexion", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
    assert response.status_code == 303
    client.cookies.set("tremplin_session", cookie)  # replaying the old cookie does not work
    assert client.get("/console", follow_redirects=False).status_code == 303


def test_forged_session_cookie_is_ignored(client):
    client.cookies.set("tremplin_session", "bm90IGEgdG9rZW4.forged.signature")
    assert client.get("/console", follow_redirects=False).status_code == 303


def test_console_session_authenticates_read_only_api_calls_only(client, sign_in):
    from fastapi import Depends

    from tremplin.api.deps import require_roles

    app = client.app

    @app.get("/v1/_console_test")
    def _probe(actor=Depends(require_roles("counsellor"))):
        return {"role": actor.role}

    @app.post("/v1/_console_test")
    def _probe_post(actor=Depends(require_roles("counsellor"))):
        return {"role": actor.role}

    assert client.get("/v1/_console_test").status_code == 401
    sign_in("counsellor")
    assert client.get("/v1/_console_test").json() == {"role": "counsellor"}
    assert client.post("/v1/_console_test").status_code == 401


def test_repeated_failures_lock_the_login_for_a_while(client, accounts):
    from tremplin.web import throttle

    throttle.reset()
    login, password = accounts["auditor"]
    try:
        for _ in range(throttle.MAX_FAILURES):
            page = client.get("/connexion")
            bad = client.post("/connexion", data={"csrf_token": csrf_of(page.text), "login": login, "password": "non"})
            assert "Identifiant ou mot de passe incorrect" in bad.text
        page = client.get("/connexion")
        locked = client.post("/connexion", data={"csrf_token": csrf_of(page.text), "login": login,
                                                 "password": password})
        assert locked.status_code == 422 and "Trop d'essais infructueux" in html.unescape(locked.text)
        # Another account is not affected.
        other_login, other_password = accounts["counsellor"]
        ok = client.post("/connexion", data={"csrf_token": csrf_of(page.text), "login": other_login,
                                             "password": other_password}, follow_redirects=False)
        assert ok.status_code == 303
    finally:
        throttle.reset()
