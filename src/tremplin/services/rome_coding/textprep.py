"""Turning a raw job title (or a referential label) into matchable text.

Steps for a title (:func:`prepare_title`):

1. cut what follows a gender tag and a dash ("Cariste F/H - Intérim 44 - Nantes": the tail
   names the agency or the place), then drop the gender tags;
2. keep one grammatical gender (``tremplin.text.normalize.masculine_form``), also for
   "Technicienne ou technicien";
3. fold (lower case, no accents), "&" → "et", split into words;
4. drop words with digits (reference numbers, département numbers, "2x8") except a few
   meaningful ones ("3d", "4g"), noise words and trainee words (:mod:`.lexicon`);
5. put the meaning of known phrases, abbreviations and anglicisms in front of them
   ("software engineer" → "ingénieur logiciel", "RH" → "ressources humaines").

Bracketed places and references ("(75)", "(ORLÉANS)") are dropped at step 1.

Spelling mistakes are handled later, by character n-grams and by the vocabulary correction
of the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tremplin.text.normalize import fold, is_gender_variant, masculine_form, strip_gender_tags

from .lexicon import ABBREVIATIONS, NOISE_WORDS, PHRASES, TRAINEE_WORDS

_TAG_THEN_DASH = re.compile(
    r"(?<![\w])\(*\s*[hfmw]\s*[/\\|\-]\s*[hfmw](?:\s*[/\\|\-]\s*[hfmwxdn])?\s*\)*\s+-\s+.*$",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\(([^()]*)\)")
_OR_PAIR = re.compile(r"\b([^\W\d_]+)\s+ou\s+([^\W\d_]+)\b", re.IGNORECASE)
_KEEP_WITH_DIGITS = frozenset({"2d", "3d", "4g", "5g", "b2b", "b2c", "btob", "btoc", "r&d"})
_WORD_RE = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)?")
MAX_TITLE_CHARS = 300


@dataclass
class PreparedText:
    """A title after preparation: ``words`` for matching, ``removed`` and ``expanded`` for the evidence."""

    words: list[str]
    removed: list[str] = field(default_factory=list)
    expanded: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _drop_places(text: str) -> str:
    """Drop bracketed places and references: "(75)", "(HAUTS-DE-SEINE/PARIS)", "(ORLÉANS)"; keep "(IDE)"."""

    def repl(match: re.Match) -> str:
        inner = match.group(1).strip()
        letters = [ch for ch in inner if ch.isalpha()]
        if any(ch.isdigit() for ch in inner):
            return " "
        if letters and all(ch.isupper() for ch in letters) and (len(letters) > 5 or "-" in inner or "/" in inner):
            return " "
        return match.group(0)

    return _PAREN.sub(repl, text)


def _collapse_or_pairs(text: str) -> str:
    def repl(match: re.Match) -> str:
        a, b = match.group(1), match.group(2)
        if not is_gender_variant(a, b):
            return match.group(0)
        return a if len(a) <= len(b) else b  # the shorter form is the one the referential lists first

    return _OR_PAIR.sub(repl, text)


def split_words(folded: str) -> list[str]:
    """Words of a folded text; apostrophes and hyphens separate words."""
    return _WORD_RE.findall(folded)


def label_words(label: str) -> list[str]:
    """Words of a referential label (appellation, ROME label): one gender, folded."""
    return split_words(fold(masculine_form(strip_gender_tags(label))))


def prepare_title(text: str) -> PreparedText:
    """Prepare an offer title / job title for matching (see module docstring)."""
    text = text[: MAX_TITLE_CHARS * 4]
    tail = _TAG_THEN_DASH.search(text)
    if tail and any(ch.isalpha() for ch in text[: tail.start()]):
        text = text[: tail.start()]
    text = strip_gender_tags(text)
    text = _drop_places(text)
    text = _collapse_or_pairs(text)
    text = fold(masculine_form(text))
    expanded: dict[str, str] = {}
    for phrase, meaning in sorted(PHRASES.items(), key=lambda kv: -len(kv[0])):
        if phrase in text and not any(phrase in longer for longer in expanded):
            text = re.sub(rf"\b{re.escape(phrase)}\b", f"{meaning} {phrase}", text)
            expanded[phrase] = meaning
    words: list[str] = []
    removed: list[str] = []
    for word in split_words(text)[:60]:
        if any(ch.isdigit() for ch in word) and word not in _KEEP_WITH_DIGITS:
            removed.append(word)
            continue
        if word in NOISE_WORDS or word in TRAINEE_WORDS:
            removed.append(word)
            continue
        if word in ABBREVIATIONS:
            # The words it stands for come first (the head of "RH", "dev" is the expansion).
            expanded.setdefault(word, ABBREVIATIONS[word])
            words.extend(w for w in split_words(ABBREVIATIONS[word]) if w not in words)
        if word not in words:
            words.append(word)
    return PreparedText(words=words, removed=removed, expanded=expanded)
