"""Sign-in and sign-out."""

from __future__ import annotations

from fastapi import APIRouter, Request

from tremplin.web import sessions, throttle
from tremplin.web.forms import read_form
from tremplin.web.render import FormErrors, redirect, render
from tremplin.web.security import ConsoleConfig

router = APIRouter()

HOME_BY_ROLE = {
    "counsellor": "/console",
    "jobseeker": "/mon-dossier",
    "recruiter": "/recruteur/verifier",
    "auditor": "/gouvernance/journal",
    "administrator": "/gouvernance/services",
}


def _safe_next(value: str | None) -> str:
    """Only same-site paths (no scheme, no //host) are followed after sign-in."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return ""


def _demo_list(db):
    from tremplin.web.accounts import DEMO_ACCOUNTS, demo_accounts

    accounts = []
    for account in demo_accounts(db):
        login, password, _ = DEMO_ACCOUNTS.get(account.role, (None, None, None))
        if login == account.login:
            accounts.append((account, password))
    return accounts


def _sign_in_page(request: Request, *, errors=None, values=None, status_code=200, suite=""):
    from tremplin.store.db import session_scope

    with session_scope() as db:
        demo = _demo_list(db)
    return render(
        request,
        "connexion.html",
        status_code=status_code,
        title="Se connecter",
        errors=errors or FormErrors(),
        values=values or {},
        demo=demo,
        suite=suite,
    )


@router.get("/connexion")
def sign_in_form(request: Request, suite: str | None = None):
    return _sign_in_page(request, suite=_safe_next(suite))


@router.post("/connexion")
async def sign_in(request: Request):
    from tremplin.store.db import session_scope
    from tremplin.web.accounts import get_provider

    form = await read_form(request)
    login = (form.get("login") or "").strip()
    password = form.get("password") or ""
    suite = _safe_next(form.get("suite"))
    errors = FormErrors()
    if not login:
        errors.add("login", "Saisissez votre identifiant.")
    if not password:
        errors.add("password", "Saisissez votre mot de passe.")
    user = None
    address = request.client.host if request.client else None
    if not errors:
        wait = throttle.blocked_for(login, address)
        if wait:
            errors.add("login", f"Trop d'essais infructueux : réessayez dans {max(1, wait // 60)} minute(s), ou "
                       "demandez à votre administrateur de vérifier votre compte.")
    if not errors:
        with session_scope() as db:
            user = get_provider("password").authenticate(db, {"login": login, "password": password})
            if user is not None:
                cookie = sessions.open_session(db, user)
        if user is None:
            throttle.record_failure(login, address)
            errors.add("login", "Identifiant ou mot de passe incorrect. Vérifiez les deux puis réessayez.")
        else:
            throttle.record_success(login)
    if errors:
        return _sign_in_page(request, errors=errors, values={"login": login}, status_code=422, suite=suite)
    target = suite or HOME_BY_ROLE.get(user.role, "/")
    response = redirect(target, "connecte")
    config = ConsoleConfig.from_env()
    request.state.session_replaced = True
    response.set_cookie(
        sessions.COOKIE,
        cookie,
        max_age=config.absolute_minutes * 60,
        httponly=True,
        samesite="lax",
        secure=config.secure_cookies,
        path="/",
    )
    return response


@router.post("/deconnexion")
async def sign_out(request: Request):
    from tremplin.store.db import session_scope

    await read_form(request)
    with session_scope() as db:
        sessions.close_session(db, request.cookies.get(sessions.COOKIE))
    response = redirect("/connexion", "deconnecte")
    response.delete_cookie(sessions.COOKIE, path="/")
    return response
