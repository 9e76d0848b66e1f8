"""Generic French text normalisation: case, accents, gendered forms, gender tags.

Small and dependency-free so that every service can reuse it:

- :func:`fold` lower-cases, removes accents, expands ligatures (œ → oe) and unifies
  apostrophes, dashes and spaces.
- :func:`strip_gender_tags` removes recruitment gender tags: "(H/F)", "f/h", "F-H", "H/F/X",
  "(m/w/d)".
- :func:`masculine_form` keeps one grammatical form of a gendered job title, the form the
  ROME referential lists first: "technicien-ne" → "technicien", "Conseiller(ère)" →
  "Conseiller", "Boulanger / Boulangère" → "Boulanger", "Chef pâtissier / Cheffe pâtissière
  de restaurant" → "Chef pâtissier de restaurant".
- :func:`normalize_title` chains them for a job title; :func:`tokens` splits folded text.

Choosing the masculine form is a matching convention only (the referential writes it
first), not a statement about who holds the job.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "strip_gender_tags", "masculine_form", "normalize_title", "tokens", "is_gender_variant"]

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_PUNCT_UNIFY = str.maketrans(
    {
        "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
        "«": '"', "»": '"', "“": '"', "”": '"',
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ",
        "·": "·", "•": "·", "⋅": "·",
    }
)


# Combining marks (accents once decomposed), removed by one str.translate.
_COMBINING = dict.fromkeys(
    cp for lo, hi in ((0x300, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100), (0xFE20, 0xFE30))
    for cp in range(lo, hi)
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, remove accents and unify punctuation; keeps characters of other scripts."""
    text = text.translate(_LIGATURES).translate(_PUNCT_UNIFY)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_COMBINING)
    return _SPACES.sub(" ", text.lower()).strip()


# "(H/F)", "H/F", "f/h", "F-H", "h / f", "(H/F/X)", "(m/w/d)", "(F/H/N)", "H.F", "(HF)".
_GENDER_TAG = re.compile(
    r"""
    \(*\s*
    (?<![\w])                                     # not inside a word
    (?:[hfmwxdn])\s*[/\\|.\-]\s*(?:[hfmwxdn])      # h/f, f-h, m/w
    (?:\s*[/\\|.\-]\s*(?:[hfmwxdn]))?              # optional third letter: h/f/x, m/w/d
    (?![\w])
    \s*\)*
    |\(\s*(?:hf|fh)\s*\)
    |\b(?:homme|femme)\s*/\s*(?:homme|femme)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def strip_gender_tags(text: str) -> str:
    """Remove gender tags such as "(H/F)", "f/h", "F-H", "(m/w/d)" (any case, with or without brackets)."""
    text = _GENDER_TAG.sub(" ", text)
    text = re.sub(r"\(\s*\)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# Inline feminine endings written after the masculine word: "technicien-ne", "technicien.ne",
# "technicien·ne", "technicien(ne)", "conseiller(ère)", "educatif(ve)", "vendeur-euse",
# "agent(e)s", "chargé.e". Only a closed list of endings is accepted, so compounds such as
# "aide-soignant" or "auto-entrepreneur" are left alone.
_FEMININE_ENDINGS = (
    "e|es|ne|nes|nne|nnes|ere|eres|ère|ères|euse|euses|se|ses|rice|rices|trice|trices|ice|ve|ves|ive|ives|"
    "le|les|lle|lles|te|tes|fe|ffe|ette|eure|eures|sse|esse"
)
_INLINE_FEMININE = re.compile(
    rf"(?<=[^\W\d_])(?:\((?:{_FEMININE_ENDINGS})\)(?:s\b|\(s\))?|[-.·](?:{_FEMININE_ENDINGS})(?![^\W\d_-]))",
    re.IGNORECASE,
)
_PLURAL_MARK = re.compile(r"(?<=[^\W\d_])\((?:s|x|es)\)", re.IGNORECASE)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=65536)
def is_gender_variant(a: str, b: str) -> bool:
    """True when two words look like the two grammatical genders of one word
    (conducteur/conductrice, chef/cheffe, boulanger/boulangère, poseur/poseuse)."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if "-" in a and a.count("-") == b.count("-"):
        return all(is_gender_variant(x, y) for x, y in zip(a.split("-"), b.split("-"), strict=True))
    shortest = min(len(a), len(b))
    if shortest < 3:
        return False
    prefix = _common_prefix(a, b)
    return prefix >= 3 and prefix >= shortest - 3 and abs(len(a) - len(b)) <= 4


_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|\S", re.UNICODE)


def _drop_feminine_repeat(left: str, right: str) -> str:
    """Join two sides of a slash, dropping the leading words of ``right`` that repeat
    ``left`` in the other gender: "Chef pâtissier" / "Cheffe pâtissière de restaurant"
    → "Chef pâtissier de restaurant"; "RH" / "Paie" → "RH Paie"."""
    left_words, right_words = left.split(), right.split()
    j = 0
    while j < len(right_words) and any(is_gender_variant(right_words[j], w) for w in left_words):
        j += 1
    return " ".join(left_words + right_words[j:])


def masculine_form(text: str) -> str:
    """Keep one grammatical form of a gendered job title (see module docstring)."""
    text = _INLINE_FEMININE.sub("", text)
    text = _PLURAL_MARK.sub("", text)
    if "/" not in text:
        return text
    parts = re.split(r"\s*/\s*", text)
    out = parts[0]
    for part in parts[1:]:
        out = _drop_feminine_repeat(out, part)
    return re.sub(r"\s+", " ", out).strip()


def normalize_title(text: str) -> str:
    """A job title made comparable: gender tags dropped, one gender kept, folded."""
    return fold(masculine_form(strip_gender_tags(text)))


def tokens(text: str) -> list[str]:
    """Words of an already folded text (apostrophes split: "d'engins" → "d", "engins")."""
    return re.findall(r"[a-z0-9]+|[^\W\d_a-z0-9]+", text.replace("'", " "))
