"""A small learned sentence detector for the legality check (trial, not wired into ``check_offer``).

A linear one-vs-rest model over folded words cut to a few letters and pairs of neighbouring words flags, at
REVIEW level only, sentences that no rule flagged, for the categories whose recall is the target (explicit
discrimination, fee, pay below the minimum wage). Scoring is plain Python over a dict of weights; an exact upper
bound (the sum of a sentence's positive weights) skips most sentences before the full score.

Training reads the repository's template wordings (positives, lawful look-alikes) and, optionally, sentences of
real offers as negatives. The feature vocabulary is taken from the template wordings only, so a weights file
written by :func:`save` holds no fragment of real-offer text. The leave-one-set-out trial that measures whether
this is worth integrating is ``benchmarks/legality_sentence_model.py`` (docs/quality.md, « Légalité des offres »).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tremplin.services.legality.context import Ctx
from tremplin.services.legality.rules import DISCRIMINATION_CATEGORIES
from tremplin.services.legality.text import _SENTENCE_END, WORD, FieldText, fold

#: Categories the model may add (those of the recall target).
TARGET_CATEGORIES: tuple[str, ...] = (*DISCRIMINATION_CATEGORIES, "fee", "pay")
NONE = "none"
#: Fields the model reads: the recruiter's free text and the pay label (lists of labels are left to the rules).
_SKIP_FIELDS = ("dureeTravailLibelle", "appellationlibelle", "deplacementLibelle")
_LIST_FIELDS = ("competences", "langues", "permis", "formations[", "qualitesProfessionnelles")
_MIN_SENTENCE = 8  # shorter pieces (« H/F », a bullet) carry no criterion the rules would miss


@dataclass(frozen=True)
class FeatureConfig:
    prefix: int = 6  # words cut to this many letters (French inflection folds together)
    pairs: bool = True  # pairs of neighbouring (cut) words
    min_count: int = 2  # a feature must occur in this many template wordings to enter the vocabulary


def tokens(folded: str, prefix: int) -> list[str]:
    """Cut words of a folded text; every number becomes « # » (amounts are judged by the rules, not here)."""
    return ["#" if w.isdigit() else w[:prefix] for w in WORD.findall(folded.replace("œ", "oe"))]


def features(folded: str, config: FeatureConfig) -> set[str]:
    toks = tokens(folded, config.prefix)
    out = set(toks)
    if config.pairs:
        out.update(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))
    return out


def sentence_spans(folded: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the sentences of a folded field (same separators as the rules' ``sentence_bounds``)."""
    start = 0
    for m in _SENTENCE_END.finditer(folded):
        if m.start() - start >= _MIN_SENTENCE:
            yield start, m.start()
        start = m.end()
    if len(folded) - start >= _MIN_SENTENCE:
        yield start, len(folded)


def scanned_fields(ctx: Ctx) -> list[FieldText]:
    return [f for f in ctx.fields if f.name not in _SKIP_FIELDS and not f.name.startswith(_LIST_FIELDS)]


def offer_sentences(offer: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """(field, start, end, folded sentence) of every scanned sentence of an offer."""
    out = []
    for ft in scanned_fields(Ctx(offer)):
        for s, e in sentence_spans(ft.folded):
            out.append((ft.name, s, e, ft.folded[s:e]))
    return out


# ------------------------------------------------------------------------------------------------ model


@dataclass
class SentenceModel:
    config: FeatureConfig
    classes: tuple[str, ...]
    bias: list[float]
    #: feature → ((class index, weight), …), weights different from zero only
    weights: dict[str, tuple[tuple[int, float], ...]]
    #: probability at or above which a sentence is flagged (chosen by grouped cross-validation)
    threshold: float = 0.5
    info: dict[str, Any] = field(default_factory=dict)
    _gate: dict[str, float] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.set_threshold(self.threshold)

    def set_threshold(self, threshold: float) -> None:
        """Also prepares the exact bound: a feature's largest positive weight over the margin its class needs."""
        self.threshold = threshold
        logit = math.log(threshold / (1 - threshold))
        need = [max(logit - b, 1e-9) for b in self.bias]
        gate = {}
        for f, ws in self.weights.items():
            g = max((w / need[k] for k, w in ws if w > 0), default=0.0)
            if g > 0:
                gate[f] = g
        self._gate = gate

    def logits(self, feats: Iterable[str]) -> list[float]:
        z = list(self.bias)
        get = self.weights.get
        for f in feats:
            for k, w in get(f, ()):
                z[k] += w
        return z

    def proba(self, folded: str) -> dict[str, float]:
        z = self.logits(features(folded, self.config))
        return {c: 1 / (1 + math.exp(-v)) for c, v in zip(self.classes, z, strict=True)}

    def flag(self, folded: str) -> list[tuple[str, float]]:
        """(category, probability) at or above the threshold for one folded sentence, best first."""
        feats = features(folded, self.config)
        gate = self._gate
        if sum(gate.get(f, 0.0) for f in feats) < 1.0:  # no class can reach the threshold: exact skip
            return []
        z = self.logits(feats)
        out = [(c, 1 / (1 + math.exp(-v))) for c, v in zip(self.classes, z, strict=True)]
        return sorted(((c, p) for c, p in out if p >= self.threshold), key=lambda x: -x[1])

    def scan(self, ctx: Ctx, flagged: dict[str, list[tuple[int, int]]] | None = None
             ) -> list[tuple[str, str, int, int, float]]:
        """(category, field, start, end, probability) for the sentences of a prepared offer that no rule flagged.

        ``flagged`` maps a field name to the (start, end) spans, in the field's cleaned text, of the rules' hits:
        a sentence overlapping one of them is left to the rules.
        """
        flagged = flagged or {}
        out = []
        for ft in scanned_fields(ctx):
            spans = flagged.get(ft.name, ())
            for s, e in sentence_spans(ft.folded):
                if any(a < e and s < b for a, b in spans):
                    continue
                hits = self.flag(ft.folded[s:e])
                if hits:
                    out.append((hits[0][0], ft.name, s, e, hits[0][1]))
        return out

    # -------------------------------------------------------------------------------------------- file

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "tremplin-legality-sentence-model/1",
            "config": {"prefix": self.config.prefix, "pairs": self.config.pairs, "min_count": self.config.min_count},
            "classes": list(self.classes),
            "bias": [round(b, 5) for b in self.bias],
            "threshold": self.threshold,
            "weights": {f: [[k, round(w, 5)] for k, w in ws] for f, ws in sorted(self.weights.items())},
            "info": self.info,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceModel:
        if data.get("format") != "tremplin-legality-sentence-model/1":
            raise ValueError("not a legality sentence model file")
        return cls(FeatureConfig(**data["config"]), tuple(data["classes"]), list(data["bias"]),
                   {f: tuple((int(k), float(w)) for k, w in ws) for f, ws in data["weights"].items()},
                   float(data["threshold"]), dict(data.get("info", {})))


def save(model: SentenceModel, path: Path) -> None:
    path.write_text(json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def load(path: Path) -> SentenceModel:
    return SentenceModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


# --------------------------------------------------------------------------------------------- training


@dataclass
class Example:
    folded: str
    label: str  # a category of TARGET_CATEGORIES or NONE
    group: str  # template id or offer id (cross-validation keeps a group in one fold)
    source: str  # "template" or "real"
    ruled: bool = False  # a rule already flags this sentence (real offers): the model would not be asked


def template_examples(templates: Sequence[dict[str, Any]], *, seed: int = 1) -> list[Example]:
    """One example per template wording: positives of the target categories with their category, lawful
    look-alikes as « none » (positives of other categories are left out: they are neither target nor lawful)."""
    import random

    from tremplin.services.legality.eval.build import _fill

    rng = random.Random(seed)
    out = []
    for t in templates:
        text = t.get("text")
        if not text:
            continue
        negative = t.get("kind") == "negative"
        if not negative and t["category"] not in TARGET_CATEGORIES:
            continue
        filled = _fill(text, {}, rng)
        out.append(Example(fold(filled), NONE if negative else t["category"], f"t:{t['id']}", "template"))
    return out


def real_examples(offers: Iterable[dict[str, Any]]) -> list[Example]:
    """Every scanned sentence of the given (lawful) real offers, as « none »."""
    out = []
    for offer in offers:
        for _, _, _, sentence in offer_sentences(offer):
            out.append(Example(sentence, NONE, f"o:{offer.get('id')}", "real"))
    return out


def vocabulary(examples: Sequence[Example], config: FeatureConfig) -> dict[str, int]:
    """Features seen in at least ``min_count`` template wordings (never taken from real-offer text)."""
    counts: Counter = Counter()
    for ex in examples:
        if ex.source == "template":
            counts.update(features(ex.folded, config))
    kept = sorted(f for f, n in counts.items() if n >= config.min_count)
    return {f: i for i, f in enumerate(kept)}


def design(examples: Sequence[Example], vocab: dict[str, int], config: FeatureConfig):
    """Binary sparse matrix (examples × features)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, ex in enumerate(examples):
        for f in features(ex.folded, config):
            j = vocab.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    data = np.ones(len(rows), dtype=np.float32)
    return csr_matrix((data, (rows, cols)), shape=(len(examples), len(vocab)))


def train(examples: Sequence[Example], config: FeatureConfig = FeatureConfig(), *, c: float = 1.0,
          positive_weight: float = 1.0, prune: float = 0.02, threshold: float = 0.5) -> SentenceModel:
    """One logistic regression per target category (that category against everything else, « none » included).

    ``positive_weight`` weighs template examples relative to the many real-offer sentences; weights smaller than
    ``prune`` in absolute value are dropped (smaller file, faster scoring).
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(examples, config)
    x = design(examples, vocab, config)
    labels = np.array([ex.label for ex in examples])
    sample_weight = np.array([positive_weight if ex.source == "template" else 1.0 for ex in examples])
    names = sorted(vocab, key=vocab.get)
    classes, bias = [], []
    per_feature: dict[str, list[tuple[int, float]]] = {}
    for cat in TARGET_CATEGORIES:
        y = (labels == cat).astype(int)
        if y.sum() == 0:
            continue
        clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
        clf.fit(x, y, sample_weight=sample_weight)
        k = len(classes)
        classes.append(cat)
        bias.append(float(clf.intercept_[0]))
        coef = clf.coef_[0]
        for j in np.flatnonzero(np.abs(coef) >= prune):
            per_feature.setdefault(names[j], []).append((k, float(coef[j])))
    weights = {f: tuple(ws) for f, ws in per_feature.items()}
    info = {"examples": len(examples), "template_examples": sum(ex.source == "template" for ex in examples),
            "features": len(weights), "c": c, "positive_weight": positive_weight, "prune": prune}
    return SentenceModel(config, tuple(classes), bias, weights, threshold, info)
