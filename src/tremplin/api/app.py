"""FastAPI app factory. Errors are RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

import importlib

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from tremplin import __version__
from tremplin.errors import TremplinError

PROBLEM = "application/problem+json"

# One router module per area under tremplin.api.routers, each exposing ``router``.
ROUTER_MODULES = [
    "referentials",
    "offers",
    "governance",
    "rome",
    "legality",
    "cv",
    "search",
    "matching",
]


def _problem(status: int, title: str, detail: str, **extra) -> JSONResponse:
    body = {"type": "about:blank" if status >= 500 else extra.pop("type", "about:blank"), "title": title,
            "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def create_app(*, with_console: bool = True) -> FastAPI:
    app = FastAPI(
        title="Tremplin API",
        version=__version__,
        description="Services d'IA pour le service public de l'emploi. Chaque réponse d'un service est une "
        "proposition : une personne décide.",
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
    )

    @app.exception_handler(TremplinError)
    async def _tremplin_error(_request: Request, exc: TremplinError) -> JSONResponse:
        return JSONResponse(exc.to_problem(), status_code=exc.http_status, media_type=PROBLEM)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": ".".join(str(p) for p in err.get("loc", ()) if p != "body"), "message": err.get("msg", "")}
            for err in exc.errors()
        ]
        detail = "; ".join(f"{e['field'] or 'requête'} : {e['message']}" for e in errors)
        return _problem(422, "Entrée invalide", detail, type="https://tremplin.example/problems/entree-invalide",
                        errors=errors)

    @app.get("/health", tags=["santé"])
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    for name in ROUTER_MODULES:
        module = importlib.import_module(f"tremplin.api.routers.{name}")
        app.include_router(module.router, prefix="/v1")

    if with_console:
        from tremplin.web.app import mount_console

        mount_console(app)
    return app
