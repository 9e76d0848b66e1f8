"""Public pages: home, help search, about AI, algorithm register and model cards, accessibility."""

from __future__ import annotations

from fastapi import APIRouter, Request

from tremplin.errors import InvalidInput
from tremplin.web import gateway
from tremplin.web.highlight import segments
from tremplin.web.render import FormErrors, render

router = APIRouter()

MAX_QUERY = 500
RISK_LABELS = {"high": "haut risque", "limited": "risque limité", "minimal": "risque minimal",
               "not_ai": "pas un système d'IA"}
DATA_USES = {"inference": "calcul des propositions", "training": "apprentissage", "evaluation": "évaluation",
             "audit": "audits d'équité", "rules": "règles métier"}


def _home_for(user) -> str:
    from tremplin.web.routes.auth import HOME_BY_ROLE

    return HOME_BY_ROLE.get(user.role, "/") if user else "/connexion"


@router.get("/")
def home(request: Request):
    return render(request, "accueil.html", title="Accueil", home_for_user=_home_for(request.state.console_user))


@router.get("/a-propos-de-l-ia")
def about_ai(request: Request):
    return render(request, "a-propos.html", title="À propos de l'IA", cards=gateway.cards(),
                  labels=gateway.SERVICE_LABELS, all_services=gateway.service_names())


@router.get("/accessibilite")
def accessibility(request: Request):
    return render(request, "accessibilite.html", title="Déclaration d'accessibilité")


@router.get("/registre")
def register(request: Request):
    from tremplin.store.db import session_scope

    with session_scope() as db:
        cards = gateway.cards(db)
    return render(request, "registre.html", title="Registre des algorithmes publics", cards=cards,
                  labels=gateway.SERVICE_LABELS, all_services=gateway.service_names(),
                  risk_labels=RISK_LABELS, register_json="/v1/register")


@router.get("/registre/{service}")
def model_card(request: Request, service: str):
    try:
        from tremplin.store.db import session_scope

        with session_scope() as db:
            card = gateway.card(service, db)
    except gateway.Unavailable as exc:
        return render(request, "fiche-modele.html", title=f"Fiche du service {exc.label}", card=None,
                      unavailable=exc, service=service)
    from tremplin.governance.explain import mention_explicite

    return render(request, "fiche-modele.html", title=f"Fiche : {card.title}", card=card, unavailable=None,
                  service=service, data_uses=DATA_USES, mention=mention_explicite(card))


@router.get("/recherche")
def search_page(request: Request, q: str | None = None, public: str | None = None):
    errors = FormErrors()
    results = None
    response = None
    unavailable = None
    query = (q or "").strip()
    audience = public if public in {value for value, _ in gateway.AUDIENCES} else ""
    if q is not None:
        if not query:
            errors.add("q", "Saisissez une question ou quelques mots, par exemple « démission et chômage ».")
        elif len(query) > MAX_QUERY:
            errors.add("q", f"Votre question est trop longue : {MAX_QUERY} caractères au plus.")
        else:
            try:
                response = gateway.search(query, audience=audience or None)
                results = [
                    {**r, "segments": segments(r.get("passage") or "",
                                               [(a, b, 1) for a, b in (r.get("highlights") or [])])}
                    for r in response["results"]
                ]
            except gateway.Unavailable as exc:
                unavailable = exc
            except InvalidInput as exc:
                errors.add("q" if exc.field in (None, "query", "q") else "public", exc.message[:1].upper() + exc.message[1:] + ".")
    return render(
        request,
        "recherche.html",
        status_code=422 if errors else 200,
        title=f"Recherche : {query}" if results is not None else "Aide et recherche",
        errors=errors,
        values={"q": q or "", "public": audience},
        results=results,
        response=response,
        unavailable=unavailable,
        audiences=gateway.AUDIENCES,
    )
