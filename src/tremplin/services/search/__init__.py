"""Search and answers over public-service fiches and the Code du travail.

Public API::

    from tremplin.services.search import search, build_index, SearchResponse
    build_index()                                    # once (« tremplin search build »)
    response = search("rupture conventionnelle et chômage", top=5, audience="salarié")

See :mod:`.service` for the flow, :mod:`.rules` for the rules, :mod:`.model` for the model.
"""

from tremplin.services.search.index import build_index, read_manifest
from tremplin.services.search.service import (
    Definition,
    SearchResponse,
    SearchResult,
    search,
    search_many,
    themes,
)

__all__ = [
    "Definition",
    "SearchResponse",
    "SearchResult",
    "build_index",
    "read_manifest",
    "search",
    "search_many",
    "themes",
]
