"""Job offer in the France Travail "Offres d'emploi v2" JSON shape.

Field names follow the API (camelCase) so that an offer read from the API, from a
JSONL export or from our own database writes back to the same JSON. Unknown fields
are kept (``extra="allow"``): the API grows, and we must not lose what we do not use.
Some sources flatten ``lieuTravail`` and ``salaire`` to a plain string; both shapes
are accepted and written back as they came.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _FTModel(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class LieuTravail(_FTModel):
    libelle: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    codePostal: str | None = None
    commune: str | None = None  # INSEE code of the commune


class Entreprise(_FTModel):
    nom: str | None = None
    description: str | None = None
    logo: str | None = None
    url: str | None = None
    entrepriseAdaptee: bool | None = None


class Salaire(_FTModel):
    libelle: str | None = None
    commentaire: str | None = None
    complement1: str | None = None
    complement2: str | None = None


class Competence(_FTModel):
    code: str | None = None
    libelle: str | None = None
    exigence: str | None = None  # "E" exigée, "S" souhaitée


class QualiteProfessionnelle(_FTModel):
    libelle: str | None = None
    description: str | None = None


class Formation(_FTModel):
    codeFormation: str | None = None
    domaineLibelle: str | None = None
    niveauLibelle: str | None = None
    commentaire: str | None = None
    exigence: str | None = None


class Libelle(_FTModel):
    """Items with a label and a requirement level (permis, langues)."""

    libelle: str | None = None
    exigence: str | None = None


class OrigineOffre(_FTModel):
    origine: str | None = None
    urlOrigine: str | None = None
    partenaires: list[dict[str, Any]] | None = None


class Offer(_FTModel):
    id: str = Field(min_length=1, max_length=64)
    intitule: str = ""
    description: str = ""
    dateCreation: str | None = None
    dateActualisation: str | None = None
    lieuTravail: LieuTravail | str | None = None
    romeCode: str | None = None
    romeLibelle: str | None = None
    appellationlibelle: str | None = None
    entreprise: Entreprise | None = None
    typeContrat: str | None = None
    typeContratLibelle: str | None = None
    natureContrat: str | None = None
    experienceExige: str | None = None
    experienceLibelle: str | None = None
    experienceCommentaire: str | None = None
    formations: list[Formation] | None = None
    langues: list[Libelle] | None = None
    permis: list[Libelle] | None = None
    competences: list[Competence] | None = None
    qualitesProfessionnelles: list[QualiteProfessionnelle] | None = None
    salaire: Salaire | str | None = None
    dureeTravailLibelle: str | None = None
    dureeTravailLibelleConverti: str | None = None
    complementExercice: str | None = None
    conditionExercice: str | None = None
    alternance: bool | None = None
    nombrePostes: int | None = None
    accessibleTH: bool | None = None
    deplacementCode: str | None = None
    deplacementLibelle: str | None = None
    qualificationCode: str | None = None
    qualificationLibelle: str | None = None
    codeNAF: str | None = None
    secteurActivite: str | None = None
    secteurActiviteLibelle: str | None = None
    offresManqueCandidats: bool | None = None
    origineOffre: OrigineOffre | None = None

    @field_validator("id")
    @classmethod
    def _id_is_printable(cls, value: str) -> str:
        if not value.strip() or any(ch in value for ch in "\n\r\t"):
            raise ValueError("l'identifiant de l'offre doit être une chaîne non vide sur une ligne")
        return value

    def to_ft(self) -> dict[str, Any]:
        """The offer as France Travail JSON, with exactly the fields it was given."""
        return self.model_dump(mode="json", exclude_unset=True)

    # Convenience accessors: sources differ in shape, callers should not care.
    @property
    def commune_code(self) -> str | None:
        return self.lieuTravail.commune if isinstance(self.lieuTravail, LieuTravail) else None

    @property
    def place_label(self) -> str | None:
        if isinstance(self.lieuTravail, LieuTravail):
            return self.lieuTravail.libelle
        return self.lieuTravail

    @property
    def coordinates(self) -> tuple[float, float] | None:
        lieu = self.lieuTravail
        if isinstance(lieu, LieuTravail) and lieu.latitude is not None and lieu.longitude is not None:
            return (lieu.latitude, lieu.longitude)
        return None

    @property
    def salary_text(self) -> str | None:
        if isinstance(self.salaire, Salaire):
            parts = [self.salaire.libelle, self.salaire.commentaire, self.salaire.complement1, self.salaire.complement2]
            text = " ; ".join(p for p in parts if p)
            return text or None
        return self.salaire
