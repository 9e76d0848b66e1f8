"""The learned sentence detector of the legality check, version 3 (wired into ``check_offer``, off by default).

A linear one-vs-rest model over words cut to a few letters and pairs of neighbouring words flags, at REVIEW level
only, sentences that no rule flagged, for the categories whose recall is the target: explicit discrimination and
fees asked of candidates. Pay is left to the rules (it is judged on amounts, not words; 63 of the 66 wrong
additions of the session-4 trial were pay).

Version 3 gives each category its own threshold, or none (the category is off): a sentence is flagged when its best
category is on and its score reaches that category's threshold (training chooses them, ``sentence_training.py``).
A version-2 file (one threshold for every category) still loads and decides as before.

Scoring (the hot path) tokenises each field with one regular expression that returns the cut words and a marker
at each sentence end, turns words into ids through a dict, and sums the rows of NumPy weight matrices per sentence
(``np.add.reduceat``); pairs are looked up as integer codes in a sorted array. It makes the same decisions as the
plain-Python reference scoring (:meth:`SentenceModel.reference_logits`): only the order of the floating-point
additions differs (tests compare both).

The weights file (:func:`save`, :func:`load`) holds only features taken from the repository's template wordings;
training (``sentence_training.py``) never takes a word from real offers into the vocabulary. Measures:
``tremplin evaluate legality --sentence-model FILE`` and docs/quality.md (« Détecteur de phrases v2 »).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np

from tremplin.errors import DataUnavailable
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.findings import Finding
from tremplin.services.legality.messages import MESSAGES
from tremplin.services.legality.rules import CATEGORIES, DISCRIMINATION_CATEGORIES, RULES, cite
from tremplin.services.legality.text import WORD, FieldText

FORMAT = "tremplin-legality-sentence-model/3"
#: The previous format (one threshold for all categories): read and written back as it was, same decisions.
FORMAT_V2 = "tremplin-legality-sentence-model/2"
_FORMATS = {FORMAT: 3, FORMAT_V2: 2}
#: Categories the model may add (those of the recall target, pay excepted).
TARGET_CATEGORIES: tuple[str, ...] = (*DISCRIMINATION_CATEGORIES, "fee")
NONE = "none"
#: Rule id and detector of the findings the model adds (kept apart from the rules R01–R25 in the override rates).
RULE_ID = "M01-SENTENCE-MODEL"
RULE_TITLE = "Phrase signalée par le détecteur appris (signal statistique)"
DETECTOR = "sentence_model"
#: The rule whose articles a counsellor checks a flagged sentence against, per category.
_LAW_RULE = {"age": "R07-AGE", "sex": "R08-SEX", "family": "R09-FAMILY", "fee": "R05-FEE"}
_DEFAULT_LAW_RULE = "R10-DISCRIM"
#: Where ``tremplin train legality-sentences`` writes the weights, under the models directory.
INSTALLED_FILE = Path("legality") / "sentence_model.json"
#: Fields the model reads: the recruiter's free text and the pay label (lists of labels are left to the rules).
_SKIP_FIELDS = ("dureeTravailLibelle", "appellationlibelle", "deplacementLibelle")
_LIST_FIELDS = ("competences", "langues", "permis", "formations[", "qualitesProfessionnelles")
_MIN_WORDS = 2  # a one-word piece (« Vendeur », a bullet) carries no criterion the rules would miss
#: Characters that end a piece of text for the model (the rules' sentence ends, each character on its own).
_WORD_CACHE = 200_000  # words remembered by a model between two resets
_ENDS = ".!?\n\r•▪►\uf0a7"
_END = re.compile(f"[{re.escape(_ENDS)}]")


@dataclass(frozen=True)
class FeatureConfig:
    prefix: int = 6  # words cut to this many letters (French inflection folds together)
    pairs: bool = True  # pairs of neighbouring (cut) words
    min_count: int = 2  # a feature must occur in this many template wordings to enter the vocabulary


# ------------------------------------------------------------------------------------------------ features
# The reference definitions; the fast path of SentenceModel computes the same with C-level string methods.


def model_text(folded: str) -> str:
    return folded.replace("œ", "oe")


def token(word: str, prefix: int) -> str:
    """A word cut to ``prefix`` letters; a word that starts with a digit is « 0 » (amounts are the rules' business)."""
    return "0" if word[0].isdigit() else word[:prefix]


def tokens(text: str, prefix: int) -> list[str]:
    """The tokens of a folded text: its runs of [a-z0-9], each through :func:`token`."""
    return [token(w, prefix) for w in WORD.findall(model_text(text))]


def features(text: str, config: FeatureConfig) -> list[str]:
    """The bag of features of a folded text: tokens, then pairs of neighbours (a repeated feature counts again)."""
    toks = tokens(text, config.prefix)
    if config.pairs:
        return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]
    return toks


def pieces(folded: str) -> list[str]:
    """The pieces of a folded field between the characters that end a sentence."""
    return _END.split(model_text(folded))


def sentences(folded: str) -> Iterator[tuple[int, str]]:
    """(index, piece) of the pieces of a folded field the model reads: those of two words or more."""
    for index, piece in enumerate(pieces(folded)):
        if len(WORD.findall(piece)) >= _MIN_WORDS:
            yield index, piece


def piece_span(folded: str, index: int) -> tuple[int, int]:
    """(start, end) in the folded field of its ``index``-th piece, surrounding spaces left out (spelling « œ »
    out in :func:`model_text` moves no sentence end, so pieces correspond one to one)."""
    start, end, n = 0, len(folded), 0
    for m in _END.finditer(folded):
        if n == index:
            end = m.start()
            break
        start, n = m.end(), n + 1
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end


# Fast tokenisation: a sentence end becomes the word « \x01 », any other character than [a-z0-9] a space, then
# ``str.split``. ``str.translate`` has a fast path for ASCII text with one-character replacements, so the rare
# non-ASCII characters are replaced first by a regular expression.
_MARK = "\x01"
_ASCII_TABLE = {i: (ch if ch.isascii() and (ch.isdigit() or ch.islower()) else _MARK if ch in _ENDS else " ")
                for i, ch in ((i, chr(i)) for i in range(128))}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _non_ascii(m: re.Match) -> str:
    return "\n" if m.group() in _ENDS else " "  # the table turns « \n » into the mark


def _fast_words(folded: str) -> tuple[list[str], int]:
    """Words and sentence-end marks of a folded field, in order (same words as :func:`pieces` + ``WORD``), and the
    number of marks."""
    text = folded.replace("œ", "oe")
    if not text.isascii():
        text = _NON_ASCII.sub(_non_ascii, text)
    text = text.translate(_ASCII_TABLE)
    return text.replace(_MARK, f" {_MARK} ").split(), text.count(_MARK)


def scanned_fields(ctx: Ctx) -> list[FieldText]:
    return [f for f in ctx.fields if f.name not in _SKIP_FIELDS and not f.name.startswith(_LIST_FIELDS)]


def rule_spans(ctx: Ctx, findings: Sequence[Finding]) -> dict[str, list[tuple[int, int]]]:
    """Field → spans, in the field's cleaned text, of the findings the rules made (findings carry raw spans)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        ft = ctx.by_name.get(f.field)
        if ft is None or f.span is None or f.rule == RULE_ID:
            continue
        a, b = f.span
        if ft.offsets is not None:
            a, b = bisect.bisect_left(ft.offsets, a), bisect.bisect_left(ft.offsets, b)
        out.setdefault(f.field, []).append((a, b))
    return out


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


# ------------------------------------------------------------------------------------------------ model


class _WordIds(dict):
    """Full word → token id, seeded with the vocabulary; a word not met before is cut once, then remembered."""

    def __init__(self, token_ids: dict[str, int], prefix: int, seed: dict[str, int]):
        super().__init__(seed)
        self.token_ids, self.prefix = token_ids, prefix

    def __missing__(self, word: str) -> int:
        value = self[word] = self.token_ids.get(token(word, self.prefix), 0)
        return value



@dataclass
class Flag:
    """A sentence the model flags: best category, where it is (cleaned text of the field), its logit."""

    category: str
    field: str
    start: int
    end: int
    logit: float

    @property
    def score(self) -> float:
        return 1 / (1 + math.exp(-self.logit))


@dataclass
class SentenceModel:
    config: FeatureConfig
    classes: tuple[str, ...]
    bias: list[float]
    #: feature → ((class index, weight), …), weights different from zero only
    weights: dict[str, tuple[tuple[int, float], ...]]
    #: per class, the score (logistic of the logit) at or above which a sentence whose best class it is gets
    #: flagged, or ``None``: the class is off. Chosen by grouped cross-validation (sentence_training.py).
    thresholds: tuple[float | None, ...] = ()
    info: dict[str, Any] = field(default_factory=dict)
    #: 3, or 2 for a model read from a version-2 file (same threshold for every class, written back as version 2)
    format_version: int = 3

    def __post_init__(self) -> None:
        self.thresholds = tuple(self.thresholds)
        if len(self.thresholds) != len(self.classes):
            raise ValueError(f"{len(self.classes)} seuils attendus (un par catégorie), {len(self.thresholds)} reçus")
        if self.format_version == 2 and len(set(self.thresholds)) != 1:
            raise ValueError("un modèle au format 2 n'a qu'un seuil pour toutes les catégories")
        self._compile()

    @property
    def version(self) -> str:
        return f"{self.format_version}+{self.digest()[:10]}"

    def threshold_of(self, category: str) -> float | None:
        """The threshold of a category (``None``: off, or not a class of the model)."""
        return dict(zip(self.classes, self.thresholds, strict=True)).get(category)

    @property
    def enabled(self) -> tuple[str, ...]:
        """The categories the model may add (those with a threshold)."""
        return tuple(c for c, t in zip(self.classes, self.thresholds, strict=True) if t is not None)

    def digest(self) -> str:
        """SHA-256 of what decides (features, weights, bias, thresholds), as written in the file (computed once)."""
        if self._digest is None:
            core = {k: v for k, v in self.to_dict().items()
                    if k in ("config", "classes", "bias", "threshold", "thresholds", "weights")}
            self._digest = hashlib.sha256(json.dumps(core, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        return self._digest

    # -------------------------------------------------------------------------------------------- scoring

    def _compile(self) -> None:
        """Token ids and weight matrices for the fast path.

        Id 0 is an unknown word (it weighs nothing); the last id is the sentence-end mark, whose row holds the
        biases: each piece opens with one mark, so a sum over a piece is its logits. A pair (a, b) of ids is the
        integer a·base + b, looked up in a sorted array (the mark and unknown words start no pair)."""
        self._digest: str | None = None
        k = len(self.classes)
        words = sorted({w for f in self.weights for w in f.split(" ")})
        ids = {w: i for i, w in enumerate(words, 1)}
        self._sep = len(words) + 1
        self._base = len(words) + 2
        unigram = np.zeros((self._base, k))
        unigram[self._sep] = self.bias
        pair_rows: dict[int, np.ndarray] = {}
        for f, ws in self.weights.items():
            row = np.zeros(k)
            for c, w in ws:
                row[c] = w
            if " " in f:
                a, b = f.split(" ")
                pair_rows[ids[a] * self._base + ids[b]] = row
            else:
                unigram[ids[f]] = row
        keys = sorted(pair_rows)
        self._pair_keys = np.array([*keys, np.iinfo(np.int64).max], dtype=np.int64)  # sentinel: never matched
        self._pair_weights = np.array([pair_rows[c] for c in keys]).reshape(len(keys), k)
        self._unigram = unigram
        self._token_ids = ids
        self._seed = {**ids, _MARK: self._sep}
        self._word_ids = _WordIds(ids, self.config.prefix, self._seed)
        self._cuts = np.array([math.inf if t is None else _logit(t) for t in self.thresholds])
        self._cut = float(self._cuts.min())  # no piece under it is flagged

    def _flagged(self, z: Sequence[float]) -> int | None:
        """The class a row of logits is flagged for: its best class, when on and at or above its threshold."""
        c = max(range(len(z)), key=z.__getitem__)
        return c if z[c] >= self._cuts[c] else None

    def reference_logits(self, text: str) -> list[float]:
        """Logits of one piece of text, in plain Python (the definition the fast path is tested against)."""
        z = list(self.bias)
        get = self.weights.get
        for f in features(text, self.config):
            for c, w in get(f, ()):
                z[c] += w
        return z

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Logits (texts × classes) of pieces of text, each scored whole (training and tests; no splitting)."""
        get = self._token_ids.get
        ids: list[int] = []
        for text in texts:
            ids.append(self._sep)
            ids += map(get, tokens(text, self.config.prefix), repeat(0))
        return self._sums(ids)

    def _sums(self, ids: list[int]) -> np.ndarray:
        """Logits of each piece (a run of ids opened by the mark)."""
        a = np.fromiter(ids, dtype=np.intp, count=len(ids))
        contributions = self._unigram.take(a, axis=0)
        if self.config.pairs:
            codes = a[:-1] * self._base
            codes += a[1:]
            pos = self._pair_keys.searchsorted(codes)
            hit = (self._pair_keys.take(pos) == codes).nonzero()[0]
            if len(hit):
                contributions[hit] += self._pair_weights.take(pos.take(hit), axis=0)  # one pair per position
        return np.add.reduceat(contributions, (a == self._sep).nonzero()[0], axis=0)

    def _candidates(self, ctx: Ctx) -> Iterator[tuple[FieldText, int, int, float]]:
        """(field, piece index, class index, logit) of the pieces at or above the threshold, by the fast path."""
        if len(self._word_ids) > _WORD_CACHE:  # bounded memory: start again from the vocabulary
            self._word_ids = _WordIds(self._token_ids, self.config.prefix, self._seed)
        word_ids = self._word_ids
        ids: list[int] = []
        first: list[int] = []  # index of each field's first piece
        fields = scanned_fields(ctx)
        n = 0
        for ft in fields:
            words, marks = _fast_words(ft.folded)
            first.append(n)
            n += marks + 1
            ids.append(self._sep)
            ids += map(word_ids.__getitem__, words)
        if not ids:
            return
        z = self._sums(ids)
        if z.max() < self._cut:  # the usual case: nothing to flag
            return
        best = z.argmax(axis=1)
        top = z[np.arange(len(z)), best]
        found = (top >= self._cuts[best]).nonzero()[0]
        starts = [i for i, v in enumerate(ids) if v == self._sep] + [len(ids)]
        for p in found:
            if starts[p + 1] - starts[p] - 1 < _MIN_WORDS:
                continue
            i = bisect.bisect_right(first, p) - 1
            c = int(best[p])
            yield fields[i], int(p) - first[i], c, float(z[p, c])

    def _reference_candidates(self, ctx: Ctx) -> Iterator[tuple[FieldText, int, int, float]]:
        for ft in scanned_fields(ctx):
            for index, piece in sentences(ft.folded):
                z = self.reference_logits(piece)
                c = self._flagged(z)
                if c is not None:
                    yield ft, index, c, z[c]

    def scan(self, ctx: Ctx, flagged: dict[str, list[tuple[int, int]]] | None = None, *,
             reference: bool = False) -> list[Flag]:
        """The sentences of a prepared offer the model flags and no rule flagged.

        ``flagged`` maps a field name to the spans (cleaned text) of the rules' findings (:func:`rule_spans`):
        a sentence overlapping one of them is left to the rules. ``reference`` uses the plain-Python scoring.
        """
        flagged = flagged or {}
        out = []
        for ft, index, c, z in (self._reference_candidates if reference else self._candidates)(ctx):
            start, end = piece_span(ft.folded, index)
            if any(a < end and start < b for a, b in flagged.get(ft.name, ())):
                continue
            out.append(Flag(self.classes[c], ft.name, start, end, z))
        return out

    def findings(self, ctx: Ctx, rule_findings: Sequence[Finding]) -> list[Finding]:
        """REVIEW findings for the flagged sentences: a statistical signal for a counsellor, no suggestion."""
        out = []
        for flag in self.scan(ctx, rule_spans(ctx, rule_findings)):
            ft = ctx.by_name[flag.field]
            span = ft.raw_span(flag.start, flag.end)
            articles = list(RULES[_LAW_RULE.get(flag.category, _DEFAULT_LAW_RULE)].articles)
            explanation = MESSAGES[DETECTOR]["explain"].format(
                label=CATEGORIES[flag.category], score=f"{flag.score:.2f}".replace(".", ","),
                threshold=f"{self.threshold_of(flag.category):.2f}".replace(".", ","))
            out.append(Finding(rule=RULE_ID, category=flag.category, articles=articles, severity="review",
                               field=flag.field, span=span, text=ft.raw[span[0]:span[1]],
                               explanation=f"{explanation} ({'; '.join(cite(a) for a in articles)})",
                               suggestion=None, detector=f"{DETECTOR}:{self.version}"))
        return out

    # -------------------------------------------------------------------------------------------- file

    def to_dict(self) -> dict[str, Any]:
        cut = {"threshold": self.thresholds[0]} if self.format_version == 2 else {"thresholds": list(self.thresholds)}
        return {
            "format": FORMAT_V2 if self.format_version == 2 else FORMAT,
            "config": {"prefix": self.config.prefix, "pairs": self.config.pairs, "min_count": self.config.min_count},
            "classes": list(self.classes),
            "bias": [round(b, 6) for b in self.bias],
            **cut,
            "weights": {f: [[c, round(w, 6)] for c, w in ws] for f, ws in sorted(self.weights.items())},
            "info": self.info,
        }

    @classmethod
    def from_dict(cls, data: Any) -> SentenceModel:
        """Build a model from a file's content; a clear French message names what is wrong (``ValueError``)."""
        if not isinstance(data, dict):
            raise ValueError("un objet JSON est attendu")
        version = _FORMATS.get(data.get("format"))  # type: ignore[arg-type]
        if version is None:
            raise ValueError(f"format « {data.get('format')} » inconnu (attendu « {FORMAT} », ou l'ancien "
                             f"« {FORMAT_V2} »)")
        config = data.get("config")
        if not (isinstance(config, dict) and set(config) == {"prefix", "pairs", "min_count"}
                and isinstance(config["prefix"], int) and 1 <= config["prefix"] <= 30
                and isinstance(config["pairs"], bool) and isinstance(config["min_count"], int)):
            raise ValueError("« config » doit donner prefix (1 à 30), pairs (vrai/faux) et min_count")
        classes = data.get("classes")
        if not (isinstance(classes, list) and classes and all(c in TARGET_CATEGORIES for c in classes)
                and len(set(classes)) == len(classes)):
            raise ValueError(f"« classes » : catégories distinctes parmi {', '.join(TARGET_CATEGORIES)} attendues")
        bias = data.get("bias")
        if not (isinstance(bias, list) and len(bias) == len(classes) and all(_finite(b) for b in bias)):
            raise ValueError(f"« bias » : {len(classes)} nombres attendus (un par catégorie)")
        if version == 2:
            threshold = data.get("threshold")
            if not (_finite(threshold) and 0 < threshold < 1):
                raise ValueError("« threshold » : un nombre strictement entre 0 et 1 est attendu")
            thresholds = [float(threshold)] * len(classes)
        else:
            thresholds = data.get("thresholds")
            if not (isinstance(thresholds, list) and len(thresholds) == len(classes)
                    and all(t is None or (_finite(t) and 0 < t < 1) for t in thresholds)):
                raise ValueError(f"« thresholds » : {len(classes)} seuils attendus (un par catégorie), chacun "
                                 "strictement entre 0 et 1 ou null (catégorie désactivée)")
            if all(t is None for t in thresholds):
                raise ValueError("« thresholds » : aucune catégorie activée, le détecteur n'ajouterait rien")
            thresholds = [None if t is None else float(t) for t in thresholds]
        weights = data.get("weights")
        if not isinstance(weights, dict):
            raise ValueError("« weights » : un objet (caractéristique → poids) est attendu")
        word = rf"[a-z0-9]{{1,{config['prefix']}}}"
        feature = re.compile(rf"{word}( {word})?")
        parsed = {}
        for f, ws in weights.items():
            if not feature.fullmatch(f) or (" " in f and not config["pairs"]):
                raise ValueError(f"« weights » : caractéristique « {f[:40]} » invalide")
            if not (isinstance(ws, list) and ws and all(
                    isinstance(p, list) and len(p) == 2 and isinstance(p[0], int) and 0 <= p[0] < len(classes)
                    and _finite(p[1]) for p in ws)):
                raise ValueError(f"« weights » : poids de « {f} » invalides (paires [catégorie, poids] attendues)")
            parsed[f] = tuple((int(c), float(w)) for c, w in ws)
        info = data.get("info", {})
        model = cls(FeatureConfig(**config), tuple(classes), [float(b) for b in bias], parsed, tuple(thresholds),
                    dict(info) if isinstance(info, dict) else {}, version)
        expected = info.get("sha256") if isinstance(info, dict) else None
        if expected is not None and expected != model.digest():
            raise ValueError("les poids ne correspondent pas à leur empreinte (info.sha256) : fichier modifié ou "
                             "abîmé")
        return model


def _finite(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def save(model: SentenceModel, path: Path) -> None:
    """Write the weights file (with the SHA-256 of what decides), atomically."""
    data = model.to_dict()
    data["info"] = {**model.info, "sha256": model.digest(), "version": model.version}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(path)


def load(path: Path) -> SentenceModel:
    """Read a weights file; a missing, unreadable or altered file raises ``DataUnavailable`` in plain French."""
    hint = "entraînez-le avec « tremplin train legality-sentences »"
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise DataUnavailable(f"fichier de poids du détecteur de phrases introuvable : {path}", hint=hint) from None
    except IsADirectoryError:
        raise DataUnavailable(f"{path} est un dossier, pas un fichier de poids du détecteur de phrases",
                              hint=hint) from None
    except UnicodeDecodeError:
        raise DataUnavailable(f"fichier de poids du détecteur de phrases illisible ({path}) : pas en UTF-8",
                              hint=hint) from None
    except json.JSONDecodeError as exc:
        raise DataUnavailable(f"fichier de poids du détecteur de phrases illisible ({path}) : JSON invalide ligne "
                              f"{exc.lineno}, colonne {exc.colno}", hint=hint) from None
    try:
        return SentenceModel.from_dict(data)
    except (ValueError, TypeError) as exc:
        raise DataUnavailable(f"fichier de poids du détecteur de phrases invalide ({path}) : {exc}", hint=hint) \
            from None


# ------------------------------------------------------------------------------------------------ switch

_INSTALLED: dict[tuple, SentenceModel] = {}


def configured() -> SentenceModel | None:
    """The installed model when the setting ``TREMPLIN_LEGALITY_SENTENCE_MODEL`` is on (off by default).

    No file under the models directory: ``None``, and the check runs on its rules alone without a word. The file is
    read again when it changes."""
    from tremplin.settings import get_settings

    settings = get_settings()
    if not settings.legality_sentence_model:
        return None
    path = settings.models_dir / INSTALLED_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    model = _INSTALLED.get(key)
    if model is None:
        model = load(path)
        _INSTALLED.clear()
        _INSTALLED[key] = model
    return model
