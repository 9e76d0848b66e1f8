"""Information search: ``GET /v1/search?q=…`` (public, no authentication).

Searches public documents only (fiches and the Code du travail); the question is neither
journaled nor stored.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from tremplin.services.search.rules import MAX_QUERY_CHARS, MAX_TOP
from tremplin.services.search.service import SearchResponse

router = APIRouter(tags=["recherche d'information"])


@router.get("/search", response_model=SearchResponse, response_model_exclude_none=False)
def search_documents(
    q: Annotated[str, Query(description="La question, en langage courant.", max_length=MAX_QUERY_CHARS)],
    top: Annotated[int, Query(ge=1, le=MAX_TOP, description="Nombre de résultats.")] = 10,
    audience: Annotated[str | None, Query(
        description="Public : particulier, professionnel, salarié ou employeur.")] = None,
    theme: Annotated[str | None, Query(description="Thème : texte contenu dans le fil d'Ariane.",
                                       max_length=200)] = None,
) -> SearchResponse:
    """Documents (id = chemin du Code du travail numérique), score et passage qui répond, surligné."""
    from tremplin.services.search import search

    return search(q, top=top, audience=audience, theme=theme)


@router.get("/search/themes", response_model=list[str])
def search_themes() -> list[str]:
    """Thèmes principaux des documents indexés (pour un filtre)."""
    from tremplin.services.search import themes

    return themes()
