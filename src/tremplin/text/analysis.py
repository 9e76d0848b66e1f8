"""French analysis for search: elision, accents, numbers, stop words, Snowball stemming.

The pipeline, for a document or a query:

1. lower-case, expand ligatures (œ → oe), unify apostrophes and dashes (accents are kept
   for now: the Snowball French stemmer works best on accented words);
2. join article numbers of the codes (« L. 1237-19 », « l1237-19 » → ``l1237-19``) so that
   a reference survives as one term;
3. drop elided articles and pronouns (« l'employeur » → « employeur », « qu'un » → « un »);
4. split into words, turn numbers written as words or ordinals into digits (« 13e »,
   « 13ème », « 13 eme », « treizième », « treize » → ``13``);
5. drop stop words (compared without accents);
6. stem with Snowball French (PyStemmer), then remove the accents of the stem.

Because an unaccented query word can stem differently from its accented form in the documents
(« salarie » → ``salar`` but « salarié » → ``salari``), :meth:`FrenchAnalyzer.pairs` returns
(folded word, stem) pairs so that an index can remember which stem each folded word had in
its documents and reuse it for queries typed without accents.

The stop-word list below was written for this project from the common French function words
(articles, pronouns, auxiliaries, prepositions, conjunctions), plus the politeness words of a
chatty question (« bonjour », « merci »), which carry no subject matter.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field

__all__ = ["FrenchAnalyzer", "STOP_WORDS", "fold", "number_value", "analyzer"]

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_UNIFY = str.maketrans(
    {
        "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'",
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)

_LIGATURE_MAP = {chr(k): v for k, v in _LIGATURES.items()}
_LIGATURE_RE = re.compile("[" + "".join(_LIGATURE_MAP) + "]")
_SPECIAL_MAP = {**{chr(k): v for k, v in _LIGATURES.items()}, **{chr(k): v for k, v in _UNIFY.items()}}
_SPECIAL = re.compile("[" + re.escape("".join(_SPECIAL_MAP)) + "]")

ELISIONS = frozenset(
    "l m t qu n s j d c jusqu quoiqu lorsqu puisqu presqu quelqu entr".split()
)

# Folded (no accents) forms.
STOP_WORDS = frozenset(
    """
    a ai aie aient aies ait as au aux avaient avais avait avec avez aviez avions avoir avons ayant
    ayez ayons c ca ce ceci cela celle celles celui ceux ces cet cette chez ci comme comment d dans
    de des donc dont du elle elles en es est et etaient etais etait etant ete etes etiez etions etre
    eu eue eues eurent eus eut eux fut furent fus il ils j je l la le les leur leurs lui m ma mais me
    meme memes mes moi mon n ne ni nos notre nous on ont ou par pas peu plus pour qu quand que quel
    quelle quelles quels qui quoi s sa sans se sera serai seraient serais serait seras serez seriez
    serions serons seront ses si soi soient sois soit sommes son sont soyez soyons suis sur t ta te
    tes toi ton tu un une unes uns vos votre vous y aussi alors ainsi ci la-bas ici voici voila
    avant apres afin lors selon tres trop deja encore toujours jamais puis quoique lorsque puisque
    parce car or cependant toutefois neanmoins
    bonjour bonsoir merci svp stp madame monsieur mademoiselle cordialement salut hello
    voudrais voudrait aimerais aimerait souhaiterais souhaite savoir dire peut peuvent pourrait
    pourrais faut
    """.split()
)

_UNITS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "mille": 1000,
}
_ORDINALS = {
    "premier": 1, "premiere": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5,
    "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "onzieme": 11,
    "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15, "seizieme": 16,
    "vingtieme": 20, "trentieme": 30, "quarantieme": 40, "cinquantieme": 50, "soixantieme": 60,
    "centieme": 100, "millieme": 1000,
}
_ORDINAL_SUFFIX = frozenset("e eme ieme er ere nd nde d de".split())
_ORDINAL_SUFFIX_ACCENTED = _ORDINAL_SUFFIX | frozenset("ème ième ère".split())

_ARTICLE_REF = re.compile(r"(?<![\w])([lrd])\s?\.?\s?(\d{3,4}(?:-\d+)+)(?![\w-])", re.IGNORECASE)
_ELISION = re.compile(r"(?<![\w])(\w+)'(?=\w)")
_WORD = re.compile(r"[lrd]\d{3,4}(?:-\d+)+|[^\W_]+", re.UNICODE)
_DIGITS_SUFFIX = re.compile(r"^(\d+)([a-z]+)$")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_FOLDED_CHARS: dict[str, str] = {}


def _fold_char(match: re.Match) -> str:
    char = match.group(0)
    folded = _FOLDED_CHARS.get(char)
    if folded is None:
        folded = _LIGATURE_MAP.get(char)
        if folded is None:
            decomposed = unicodedata.normalize("NFKD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        _FOLDED_CHARS[char] = folded
    return folded


def fold(text: str) -> str:
    """Lower case without accents or ligatures (characters of other scripts are kept)."""
    text = text.lower()
    if text.isascii():
        return text
    return _NON_ASCII.sub(_fold_char, text)


def number_value(word: str) -> int | None:
    """The number a folded word stands for (« treize », « treizieme », « 13e », « 13eme »), if any."""
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS[word]
    if word in _ORDINALS:
        return _ORDINALS[word]
    match = _DIGITS_SUFFIX.match(word)
    if match and match.group(2) in _ORDINAL_SUFFIX:
        return int(match.group(1))
    if "-" in word:  # vingt-deux, trente-et-un
        parts = [p for p in word.split("-") if p != "et"]
        values = [number_value(p) for p in parts]
        if values and all(v is not None for v in values):
            return sum(values)  # type: ignore[arg-type]
    return None


class _Stemmers(threading.local):
    """PyStemmer objects are not thread-safe: one per thread."""

    def __init__(self) -> None:
        import Stemmer

        self.french = Stemmer.Stemmer("french")


@dataclass
class FrenchAnalyzer:
    """Turns French text into search terms (see the module docstring)."""

    stop_words: frozenset[str] = STOP_WORDS
    stemming: bool = True
    _local: _Stemmers | None = field(default=None, init=False, repr=False, compare=False)
    _cache: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _infos: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def _stem(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if not self.stemming or word[0].isdigit() or len(word) <= 2:
            stem = fold(word)
        else:
            if self._local is None:
                self._local = _Stemmers()
            stem = fold(self._local.french.stemWord(word))
        if len(self._cache) < 500_000:
            self._cache[word] = stem
        return stem

    def stem(self, word: str) -> str:
        """Stem of one lower-cased word (accents allowed), returned without accents."""
        return self._stem(word)

    def prepare(self, text: str) -> str:
        """Lower-case, ligatures and punctuation unified, article numbers joined, elisions removed."""
        text = _SPECIAL.sub(lambda m: _SPECIAL_MAP[m.group(0)], text).lower()
        text = _ARTICLE_REF.sub(lambda m: f"{m.group(1)}{m.group(2)}", text)
        return _ELISION.sub(lambda m: "" if fold(m.group(1)) in ELISIONS else m.group(0), text)

    def _info(self, word: str) -> tuple[str, str, bool] | None:
        """(folded word, term, is_number) for a lower-cased word, or None for a stop word (cached)."""
        info = self._infos.get(word, False)
        if info is not False:
            return info  # type: ignore[return-value]
        folded = fold(word)
        value = number_value(folded) if folded not in ("un", "une") else None
        if value is not None:
            info = (folded, str(value), True)
        elif folded in self.stop_words or (len(folded) == 1 and folded.isalpha()):
            info = None
        else:
            info = (folded, self._stem(word), False)
        if len(self._infos) < 1_000_000:
            self._infos[word] = info
        return info

    def _analyse(self, text: str) -> list[tuple[str, str, str]]:
        """(word, folded word, term) for every content word of ``text``."""
        out: list[tuple[str, str, str]] = []
        after_number = False
        for word in _WORD.findall(self.prepare(text)):
            if after_number and word in _ORDINAL_SUFFIX_ACCENTED:
                after_number = False  # « 13 ème mois »: the ordinal mark is a separate word
                continue
            info = self._info(word)
            if info is None:
                after_number = False
                continue
            out.append((word, info[0], info[1]))
            after_number = info[2] and word.isdigit()
        return out

    def words(self, text: str) -> list[str]:
        """Content words, lower case with accents (numbers as digits), stop words removed."""
        return [term if term.isdigit() else word for word, _, term in self._analyse(text)]

    def pairs(self, text: str) -> list[tuple[str, str]]:
        """(folded word, term) for every content word of ``text``."""
        return [(folded, term) for _, folded, term in self._analyse(text)]

    def terms(self, text: str) -> list[str]:
        """The search terms of ``text``: stems without accents, numbers as digits."""
        return [term for _, _, term in self._analyse(text)]

    def is_stop_word(self, word: str) -> bool:
        return fold(word) in self.stop_words


_DEFAULT: FrenchAnalyzer | None = None


def analyzer() -> FrenchAnalyzer:
    """The shared default analyzer."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = FrenchAnalyzer()
    return _DEFAULT
