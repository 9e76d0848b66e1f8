"""Small French text helpers for the referentials (no heavy dependency, stable across versions).

The linguistic toolkit for services lives in :mod:`tremplin.text`; the referentials need only a
deterministic normalisation to build their indexes at fetch time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STOPWORDS = frozenset(
    """a au aux avec ce ces cet cette d dans de des du en et l la le les leur leurs ou par pour
    sa se ses son sur un une y qui que quoi dont ne pas plus son ainsi selon afin entre sous vers
    chez lors tout tous toute toutes autre autres etc il elle ils elles on est sont etre avoir
    peut peuvent doit doivent fait faire cas""".split()
)

_SUFFIXES = sorted(
    """issements issement ations ation ements ement atrices atrice ateurs ateur euses euse eurs eur
    ives ive ifs if ables able iques ique antes ante ants ant ements ent ees ee es er ez e s x""".split(),
    key=len,
    reverse=True,
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"[’'`´]")


_COMBINING = re.compile("[\u0300-\u036f]")


def strip_accents(text: str) -> str:
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def normalise(text: str) -> str:
    """Lower case, no accents, œ/æ expanded, every run of other characters as one space."""
    text = strip_accents(text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae")).lower()
    text = _APOSTROPHES.sub(" ", text)
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light French suffix stripper: enough to meet « réalise », « réaliser » and « réalisation »."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def tokens(text: str, *, stems: bool = True) -> list[str]:
    words = [w for w in normalise(text).split() if len(w) > 1 and w not in STOPWORDS]
    return [stem(w) for w in words] if stems else words


def slugify(text: str) -> str:
    """The Code du travail numérique slug: lower case, no accents, apostrophes dropped, other runs → '-'."""
    text = strip_accents(text.replace("œ", "oe").replace("Œ", "Oe")).lower()
    text = _APOSTROPHES.sub("", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
