"""Rendering helpers: templates, page context, form errors, idempotency keys, messages."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from tremplin.web.security import csrf_token

TEMPLATES_DIR = Path(__file__).parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

# Messages shown after a redirect, by code (never free text from the query string).
MESSAGES = {
    "connecte": "Vous êtes connecté·e.",
    "deconnecte": "Vous êtes déconnecté·e.",
    "expire": "Votre session a expiré : reconnectez-vous pour continuer.",
    "decision": "Votre décision est enregistrée dans le journal.",
    "deja": "Ce formulaire avait déjà été envoyé : la décision n'a été enregistrée qu'une fois.",
    "profil": "La correction du profil est enregistrée dans le journal.",
    "cv": "Le CV a été analysé : vérifiez le profil proposé.",
    "controle": "Le contrôle de légalité a été relancé.",
    "interrupteur": "Le réglage du service est enregistré dans le journal.",
    "evaluation": "L'auto-évaluation est enregistrée.",
    "audit": "L'audit d'équité a été calculé.",
    "candidats": "Voici les candidats proposés : chaque proposition est inscrite au journal.",
}

ROLE_NAV = {
    None: [("/", "Accueil"), ("/recherche", "Aide et recherche"), ("/a-propos-de-l-ia", "À propos de l'IA"),
           ("/registre", "Registre des algorithmes")],
    "counsellor": [("/console", "Ma journée"), ("/console/offres", "Offres"), ("/console/demandeurs", "Demandeurs"),
                   ("/console/cv", "Déposer un CV"), ("/recherche", "Aide et recherche")],
    "jobseeker": [("/mon-dossier", "Mon dossier"), ("/console/cv", "Déposer mon CV"), ("/recherche", "Aide et recherche")],
    "recruiter": [("/recruteur/verifier", "Vérifier une offre"), ("/recherche", "Aide et recherche")],
    "auditor": [("/gouvernance/journal", "Journal"), ("/gouvernance/audits", "Audits d'équité"),
                ("/registre", "Registre des algorithmes")],
    "administrator": [("/gouvernance/services", "Réglage des services"),
                      ("/gouvernance/auto-evaluation", "Auto-évaluation éthique"),
                      ("/registre", "Registre des algorithmes")],
}


class FormErrors(dict):
    """Field name -> French message. ``summary`` lists them in form order for the error summary."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, message)

    @property
    def summary(self) -> list[tuple[str, str]]:
        return list(self.items())


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


def page_context(request: Request, **extra: Any) -> dict[str, Any]:
    state = request.state
    user = getattr(state, "console_user", None)
    secret = getattr(state, "csrf_secret", None)
    message_code = request.query_params.get("message")
    context = {
        "request": request,
        "user": user,
        "csrf": csrf_token(secret) if secret else "",
        "nav": ROLE_NAV.get(user.role if user else None, ROLE_NAV[None]),
        "current_path": request.url.path,
        "flash": MESSAGES.get(message_code or ""),
        "errors": FormErrors(),
        "values": {},
        "idem": new_idempotency_key,
    }
    context.update(extra)
    return context


def render(request: Request, template: str, status_code: int = 200, **extra: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, page_context(request, **extra), status_code=status_code)


def redirect(url: str, message: str | None = None) -> RedirectResponse:
    if message:
        url = f"{url}{'&' if '?' in url else '?'}message={message}"
    return RedirectResponse(url, status_code=303)
