"""Occupation coding: free text and job titles → ROME 4.0 codes (like France Travail's ROMEO).

Public API for other services::

    from tremplin.services.rome_coding import code_occupation, code_occupations, fiche

    result = code_occupation("Technicien-ne définition electrique f/h (H/F)")
    result.abstained, result.candidates[0].code, result.candidates[0].confidence
    result.candidates[0].parent.code          # the parent fiche (ROME v3-compatible code)
    code_occupations(["aide soignante de nuit", ("dev fullstack JS", "description…")])
    fiche("M1805")                            # label and parent fiche of a code

A model must have been trained (``tremplin train rome`` or :func:`train`). In tests, train a
small one with ``train(use_embeddings=False, n_synthetic=3000)`` into a temporary home.
"""

from .model import Pair
from .service import (
    CodingCandidate,
    CodingResult,
    Evidence,
    Fiche,
    build_proposal,
    code_occupation,
    code_occupations,
    fiche,
    load_model,
    read_meta,
    read_pairs,
    train,
)

__all__ = [
    "CodingCandidate",
    "CodingResult",
    "Evidence",
    "Fiche",
    "Pair",
    "build_proposal",
    "code_occupation",
    "code_occupations",
    "fiche",
    "load_model",
    "read_meta",
    "read_pairs",
    "train",
]
