"""Read-only referential routes: ROME 4.0, geography, law, fiches.

Referentials are public data: reading them needs no token. Only the installation status
(which shows local sources) is reserved to administrators and auditors.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from starlette.convertors import Convertor, register_url_convertor

from tremplin.api.deps import require_roles
from tremplin.referentials import fiches, geo, law, rome

router = APIRouter()


class _CodeLike(Convertor):
    """Path segments shaped like a code (letters then digits): anything else is left to other routes,
    so that e.g. ``/v1/rome/search`` is not read as a code."""

    regex = "[A-Za-z][0-9]{1,6}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("codelike", _CodeLike())


class AppellationList(BaseModel):
    code: str
    items: list[rome.Appellation]


class SearchResult(BaseModel):
    query: str
    items: list[rome.Appellation]


class CompetenceList(BaseModel):
    code: str
    method: str
    note: str
    items: list[rome.Competence]


class MobilityList(BaseModel):
    code: str
    items: list[rome.MobilityLink]


class Distance(BaseModel):
    a: str
    b: str
    km: float


@router.get("/rome/search", response_model=SearchResult, tags=["référentiels"],
            summary="Cherche des appellations (intitulés de métier) du ROME 4.0")
def rome_search(q: Annotated[str, Query(min_length=1, max_length=200, description="Intitulé cherché")],
                limit: Annotated[int, Query(ge=1, le=100)] = 10) -> SearchResult:
    return SearchResult(query=q, items=rome.search_appellations(q, limit=limit))


@router.get("/rome/{code:codelike}", response_model=rome.RomeCode, tags=["référentiels"],
            summary="Fiche ROME 4.0 : libellé, fiche parente, domaines, définition, accès, appellations")
def rome_get(code: str) -> rome.RomeCode:
    return rome.get(code)


@router.get("/rome/{code:codelike}/appellations", response_model=AppellationList, tags=["référentiels"])
def rome_appellations(code: str) -> AppellationList:
    items = rome.appellations(code)
    return AppellationList(code=rome.normalise_code(code), items=items)


@router.get("/rome/{code:codelike}/competences", response_model=CompetenceList, tags=["référentiels"],
            summary="Compétences d'un code, déduites des textes du ROME (voir la note)")
def rome_competences(code: str, limit: Annotated[int, Query(ge=1, le=100)] = 30) -> CompetenceList:
    items = rome.competences(code, limit=limit)
    return CompetenceList(
        code=rome.normalise_code(code), method=str(rome.info().get("links_method", "")),
        note="Lien déduit par similarité lexicale entre les libellés de compétences et les textes du code : "
             "le score indique la force de l'indice textuel, ce n'est pas la liste officielle de France Travail.",
        items=items)


@router.get("/rome/{code:codelike}/mobility", response_model=MobilityList, tags=["référentiels"])
def rome_mobility(code: str) -> MobilityList:
    return MobilityList(code=rome.normalise_code(code), items=rome.mobility(code))


@router.get("/geo/communes/{insee}", response_model=geo.Commune, tags=["référentiels"],
            summary="Commune par code INSEE (population, EPCI, bassin d'emploi, coordonnées)")
def geo_commune(insee: str) -> geo.Commune:
    return geo.commune(insee)


@router.get("/geo/distance", response_model=Distance, tags=["référentiels"],
            summary="Distance à vol d'oiseau entre deux communes (km)")
def geo_distance(a: Annotated[str, Query(description="Code INSEE")],
                 b: Annotated[str, Query(description="Code INSEE")]) -> Distance:
    return Distance(a=geo.commune(a).insee, b=geo.commune(b).insee, km=geo.distance_km(a, b))


@router.get("/law/articles/{number}", response_model=law.Article, tags=["référentiels"],
            summary="Article du Code du travail (ou du CRPA) par numéro, ex. L1132-1")
def law_article(number: str, code: Annotated[str | None, Query(description="travail ou crpa")] = None) -> law.Article:
    return law.article(number, code)


@router.get("/fiches/{source_id}", response_model=fiches.Fiche, tags=["référentiels"],
            summary="Fiche service-public (F1234) ou du ministère du Travail (articleNNN) en texte")
def fiche_get(source_id: str) -> fiches.Fiche:
    return fiches.fiche(source_id)


@router.get("/referentials", tags=["référentiels"], summary="État des référentiels installés")
def referentials_status(_actor=Depends(require_roles("administrator", "auditor"))) -> list[dict[str, Any]]:
    from tremplin.referentials.fetch import status

    return status(check=False)
