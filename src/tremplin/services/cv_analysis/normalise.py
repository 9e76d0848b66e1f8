"""Small text helpers that keep character offsets intact.

``fold`` lowercases and strips accents one character at a time, so that a match found in the
folded text has exactly the same offsets in the original text: spans stay true to the document.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = {"œ": "o", "Œ": "o", "æ": "a", "Æ": "a", "ß": "s", "’": "'", "‘": "'", "`": "'", "´": "'",
            "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-", "\u00a0": " ", "\u202f": " ",
            "\u2009": " ", "\t": " "}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    lowered = char.lower()
    if len(lowered) != 1:
        lowered = char
    decomposed = unicodedata.normalize("NFD", lowered)
    base = decomposed[0] if decomposed else lowered
    return base if len(base) == 1 else lowered


_ASCII = str.maketrans({"\t": " ", "`": "'"})


def fold(text: str) -> str:
    """Lowercase, without accents, typographic dashes/quotes/spaces made plain; same length as ``text``."""
    if text.isascii():
        return text.lower().translate(_ASCII)
    return text.translate({ord(c): _fold_char(c) for c in set(text)})


_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Folded alphanumeric words."""
    return _WORD.findall(fold(text))


def squash(text: str) -> str:
    """Folded words joined by single spaces (a key for dictionary look-ups)."""
    return " ".join(words(text))


def collapse_spaced_letters(text: str) -> str:
    """'E X P É R I E N C E S' (letter-spaced headings, common in designed CVs) → 'EXPÉRIENCES'.

    Words separated by two or more spaces stay apart: 'E M P L O I S   O C C U P É S' → 'EMPLOIS OCCUPÉS'.
    """
    stripped = text.strip()
    chunks = [c for c in re.split(r"\s{2,}", stripped) if c]
    if chunks and all(all(len(p) == 1 for p in c.split(" ")) for c in chunks):
        if sum(len(c.replace(" ", "")) for c in chunks) >= 4:
            return " ".join(c.replace(" ", "") for c in chunks)
    return text


def clean_fragment(text: str) -> str:
    """Trim spaces and the separators people put around fragments ("— ", " |", ":" ...)."""
    text = text.strip(" \t-–—|•·:;,/[]*").strip()
    if text.startswith("(") and ")" not in text:
        text = text[1:].strip()
    if text.endswith(")") and "(" not in text:
        text = text[:-1].strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text
