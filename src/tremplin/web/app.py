"""Mounts the console on the API app: static files, session middleware, HTML error pages, pages.

The console is server-rendered (Jinja2) and works without JavaScript. Its session cookie also
authenticates read-only calls to ``/v1`` from the same browser (``request.state.console_actor``,
read by :func:`tremplin.api.deps.get_actor`); API calls that change something need a bearer
token, so a cookie alone can never be used to forge a change through the API.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import HTTPException as FastAPIHTTPException
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tremplin.errors import TremplinError, Unauthorized
from tremplin.web import sessions
from tremplin.web.security import ConsoleConfig

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
PAGE_MODULES = ["public", "auth", "counsellor", "offers", "jobseekers", "governance"]
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _is_console_path(path: str) -> bool:
    return not (path.startswith("/v1") or path == "/health" or path.startswith("/static"))


def _set_cookie(response, name: str, value: str, max_age: int, config: ConsoleConfig) -> None:
    response.set_cookie(
        name, value, max_age=max_age, httponly=True, samesite="lax", secure=config.secure_cookies, path="/"
    )


def mount_console(app: FastAPI) -> None:
    from tremplin.web.render import render

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    @app.middleware("http")
    async def console_session(request: Request, call_next):
        path = request.url.path
        request.state.console_user = None
        request.state.console_actor = None
        request.state.csrf_secret = None
        request.state.session_expired = False
        if path.startswith("/static"):
            response = await call_next(request)
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
            return response
        console_page = _is_console_path(path)
        config = ConsoleConfig.from_env()
        cookie = request.cookies.get(sessions.COOKIE)
        state = sessions.SessionState()
        if cookie and (console_page or request.method in SAFE_METHODS):
            from tremplin.store.db import session_scope

            with session_scope() as db:
                state = sessions.resolve(db, cookie, config)
        new_visitor = None
        if state.user is not None:
            request.state.console_user = state.user
            request.state.console_actor = state.user.actor()
            request.state.csrf_secret = state.csrf_secret
        elif console_page:
            request.state.session_expired = state.expired
            secret = sessions.visitor_secret(request.cookies.get(sessions.PRE_COOKIE))
            if secret is None:
                secret, new_visitor = sessions.new_visitor_cookie()
            request.state.csrf_secret = secret
        response = await call_next(request)
        if console_page:
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
            response.headers.setdefault("Cache-Control", "no-store")
            if new_visitor:
                _set_cookie(response, sessions.PRE_COOKIE, new_visitor, 24 * 3600, config)
            if state.expired and cookie and not getattr(request.state, "session_replaced", False):
                response.delete_cookie(sessions.COOKIE, path="/")
        return response

    previous_handler = app.exception_handlers.get(TremplinError)

    @app.exception_handler(TremplinError)
    async def tremplin_error(request: Request, exc: TremplinError):
        if not _is_console_path(request.url.path):
            if previous_handler is not None:
                return await previous_handler(request, exc)
            return JSONResponse(exc.to_problem(), status_code=exc.http_status)
        if isinstance(exc, Unauthorized):
            target = "/connexion?suite=" + request.url.path
            if request.state.session_expired:
                target += "&message=expire"
            return RedirectResponse(target, status_code=303)
        return render(request, "erreur.html", status_code=exc.http_status, error=exc, title=exc.title)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if not _is_console_path(request.url.path):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        title = "Page introuvable" if exc.status_code == 404 else "Requête impossible"
        detail = (
            "Cette adresse ne correspond à aucune page de la console."
            if exc.status_code == 404
            else "La requête n'a pas pu être traitée."
        )
        error = TremplinError(detail)
        error.title = title
        return render(request, "erreur.html", status_code=exc.status_code, error=error, title=title)

    _ = FastAPIHTTPException  # same class as Starlette's, handled above
    for name in PAGE_MODULES:
        module = importlib.import_module(f"tremplin.web.routes.{name}")
        app.include_router(module.router, include_in_schema=False)
