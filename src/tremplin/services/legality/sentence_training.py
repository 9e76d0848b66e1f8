"""Training of the learned sentence detector (``sentence_model.py``): examples, vocabulary, fit, threshold.

Positives are the repository's template wordings of the target categories, negatives their lawful look-alikes and
every sentence of real offers of the *tune* half (eval/build.py ``split_of``; hand-labelled offers with a problem
left out). The vocabulary comes from the template wordings only, so the weights file holds no real-offer text.

Thresholds (version 3): one per category, or the category off, chosen on the out-of-fold scores of a grouped
cross-validation inside the training data (:func:`choose_thresholds`) so that the *estimated precision of the
findings the model adds on a new set* stays at ``CV_MIN_ADDED_PRECISION`` or more. The estimate weighs each error as
the evaluation meets it: the model only reads sentences no rule flagged, so of the template positives only the
share the rules miss on a new author's wordings (``RULES_MISS_SHARE``) reaches it, together with the wrong category
given to them, while every lawful look-alike and every base offer does (each injected document sits in a real offer:
a real offer the model flags costs one wrong finding per document built on it, hence the share of real offers
flagged × the number of template wordings). Version 2 used one threshold: template precision ≥ 0.93 and ≤ 1 % of
real offers flagged, which let one flagged base offer bring 20 to 36 wrong findings to a measured set.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tremplin.services.legality import sentence_model as sm
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.text import fold

THRESHOLDS = tuple(round(0.5 + 0.01 * i, 2) for i in range(50))  # 0.50 … 0.99
#: Estimated precision of the added findings the chosen thresholds must keep (the precision bar of session 5).
CV_MIN_ADDED_PRECISION = 0.95
#: Share of a new author's target violations the rules miss (first passes of rules 1.3 to 1.12: recall 0.80–0.86).
RULES_MISS_SHARE = 0.17
#: Template sets in the order they were written (a set is trained on only by the measures of later sets).
SET_ORDER = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
             "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16",
             "heldout17", "heldout18", "heldout19", "heldout20")


@dataclass
class Example:
    text: str  # folded
    label: str  # a category of TARGET_CATEGORIES or NONE
    group: str  # template id or offer id (cross-validation keeps a group in one fold)
    source: str  # "template" or "real"
    ruled: bool = False  # a rule already flags this sentence (real offers): the model would not be asked


def template_examples(templates: Sequence[dict[str, Any]], *, seed: int = 1) -> list[Example]:
    """One example per template wording: positives of the target categories with their category, lawful
    look-alikes as « none » (positives of other categories, pay among them, are left out: neither target nor
    lawful)."""
    from tremplin.services.legality.eval.build import _fill

    rng = random.Random(seed)
    out = []
    for t in templates:
        text = t.get("text")
        if not text:
            continue
        negative = t.get("kind") == "negative"
        if not negative and t["category"] not in sm.TARGET_CATEGORIES:
            continue
        out.append(Example(fold(_fill(text, {}, rng)), sm.NONE if negative else t["category"], f"t:{t['id']}",
                           "template"))
    return out


def real_examples(offers: Iterable[dict[str, Any]]) -> list[Example]:
    """Every scanned sentence of the given (lawful) real offers, as « none », marked when a rule flags it."""
    from tremplin.services.legality import check_offer

    out = []
    for offer in offers:
        ctx = Ctx(offer)
        flagged = sm.rule_spans(ctx, check_offer(offer, sentence_model=False).findings)
        for ft in sm.scanned_fields(ctx):
            for index, piece in sm.sentences(ft.folded):
                s, e = sm.piece_span(ft.folded, index)
                ruled = any(a < e and s < b for a, b in flagged.get(ft.name, ()))
                out.append(Example(piece, sm.NONE, f"o:{offer.get('id')}", "real", ruled))
    return out


def repository_templates(until: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The template sets of the repository (eval/templates_*.json), in the order written, up to ``until``."""
    from tremplin.services.legality.eval import build as ev

    names = SET_ORDER[:SET_ORDER.index(until) + 1] if until else SET_ORDER
    out = {}
    for name in names:
        if name in ("tune", "heldout"):
            out[name] = ev.load_templates(name)
        else:
            path = ev.HERE / f"templates_{name}.json"
            if path.exists():
                out[name] = ev.load_template_set(path).templates
    return out


def tune_half_offers(offers_path: Path) -> list[dict[str, Any]]:
    """Real offers of the tune half, hand-labelled offers with a problem left out."""
    from tremplin.services.legality.eval import build as ev

    labels = ev.load_labels()
    problem = {oid for oid, entry in labels.items() if entry.get("categories")}
    return [o for o in ev.read_offers(offers_path)
            if ev.split_of(str(o.get("id"))) == "tune" and str(o.get("id")) not in problem]


# --------------------------------------------------------------------------------------------- fit


def vocabulary(examples: Sequence[Example], config: sm.FeatureConfig) -> dict[str, int]:
    """Features seen in at least ``min_count`` template wordings (never taken from real-offer text)."""
    counts: Counter = Counter()
    for ex in examples:
        if ex.source == "template":
            counts.update(set(sm.features(ex.text, config)))
    kept = sorted(f for f, n in counts.items() if n >= config.min_count)
    return {f: i for i, f in enumerate(kept)}


def design(examples: Sequence[Example], vocab: dict[str, int], config: sm.FeatureConfig):
    """Sparse matrix of feature counts (examples × features)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, ex in enumerate(examples):
        for f in sm.features(ex.text, config):
            j = vocab.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    data = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(examples), len(vocab)))  # repeated cells add up


def train(examples: Sequence[Example], config: sm.FeatureConfig = sm.FeatureConfig(), *, c: float = 1.0,
          positive_weight: float = 3.0, prune: float = 0.02,
          thresholds: float | dict[str, float | None] = 0.5) -> sm.SentenceModel:
    """One logistic regression per target category (that category against everything else, « none » included).

    ``positive_weight`` weighs template examples against the many real-offer sentences; weights smaller than
    ``prune`` in absolute value are dropped (smaller file, faster scoring). Weights are rounded as the file keeps
    them, so that the model in memory and the model read back decide alike. ``thresholds``: one for every category,
    or per category (a category left out or ``None`` is off).
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
    for cat in sm.TARGET_CATEGORIES:
        y = (labels == cat).astype(int)
        if y.sum() == 0:
            continue
        clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
        clf.fit(x, y, sample_weight=sample_weight)
        k = len(classes)
        classes.append(cat)
        bias.append(round(float(clf.intercept_[0]), 6))
        coef = clf.coef_[0]
        for j in np.flatnonzero(np.abs(coef) >= prune):
            per_feature.setdefault(names[j], []).append((k, round(float(coef[j]), 6)))
    if not classes:
        from tremplin.errors import InvalidInput

        raise InvalidInput("aucun exemple positif d'une catégorie de la cible : rien à apprendre", field="gabarits")
    weights = {f: tuple(ws) for f, ws in per_feature.items()}
    info = {"examples": len(examples), "template_examples": sum(ex.source == "template" for ex in examples),
            "features": len(weights), "c": c, "positive_weight": positive_weight, "prune": prune}
    cuts = tuple(thresholds.get(cat) for cat in classes) if isinstance(thresholds, dict) \
        else (thresholds,) * len(classes)
    return sm.SentenceModel(config, tuple(classes), bias, weights, cuts, info)


def out_of_fold(examples: Sequence[Example], folds: int = 5, **train_kwargs) -> list[tuple[str, float]]:
    """Best (category, score) of each example by a model that did not learn its group (grouped folds)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    groups = [ex.group for ex in examples]
    best: list[tuple[str, float]] = [("", 0.0)] * len(examples)
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(examples, groups=groups):
        model = train([examples[i] for i in train_idx], **train_kwargs)
        z = model.logits([examples[i].text for i in test_idx])
        for i, row in zip(test_idx, z, strict=True):
            c = int(row.argmax())
            best[i] = (model.classes[c], float(1 / (1 + np.exp(-row[c]))))
    return best


@dataclass
class _Scored:
    """The out-of-fold results that can be flagged (score ≥ the lowest threshold), as arrays."""

    category: Any  # class index per example
    score: Any
    kind: Any  # 0 positive with its category, 1 positive given another category, 2 lawful template, 3 real
    offer: Any  # real offer index (-1 for templates)


def _summary(s: _Scored, cuts: Any, *, templates: int, real_offers: int, positives: int) -> dict[str, Any]:
    import numpy as np

    flagged = s.score >= cuts[s.category]
    counts = np.bincount(s.kind[flagged], minlength=4)
    tp, wrong_category, lawful = (int(x) for x in counts[:3])
    offers = len(np.unique(s.offer[flagged & (s.kind == 3)]))
    share = offers / real_offers if real_offers else 0.0
    m = RULES_MISS_SHARE
    reached = m * tp
    added = reached + m * wrong_category + lawful + share * templates
    return {"template_true": tp, "template_wrong_category": wrong_category, "template_lawful_flagged": lawful,
            "template_precision": round(tp / (tp + wrong_category + lawful), 4) if tp else None,
            "template_recall": round(tp / positives, 4) if positives else None,
            "real_offers_flagged": offers, "real_offers_flagged_share": round(share, 4),
            "estimated_added_precision": round(reached / added, 4) if tp else None,
            "_cost": added - reached}


def choose_thresholds(examples: Sequence[Example], best: Sequence[tuple[str, float]],
                      classes: Sequence[str]) -> dict[str, Any]:
    """Per-category thresholds from out-of-fold scores: every category starts off; greedily, the move (one category
    to a lower threshold of ``THRESHOLDS``) that adds the most template positives per unit of estimated wrong
    additions (then the most positives, then the highest threshold) is made, as long as the estimated added
    precision stays at ``CV_MIN_ADDED_PRECISION`` or more."""
    import math

    import numpy as np

    index = {c: k for k, c in enumerate(classes)}
    offers: dict[str, int] = {}
    rows = []
    for ex, (c, p) in zip(examples, best, strict=True):
        if p < THRESHOLDS[0] or c not in index:
            continue
        if ex.source == "template":
            kind = 0 if c == ex.label else (2 if ex.label == sm.NONE else 1)
        elif ex.ruled:
            continue  # a sentence a rule flags is never read by the model
        else:
            kind = 3
        rows.append((index[c], p, kind, offers.setdefault(ex.group, len(offers)) if kind == 3 else -1))
    s = _Scored(*(np.array(col) for col in zip(*rows, strict=True))) if rows else \
        _Scored(*(np.zeros(0, dtype=t) for t in (int, float, int, int)))
    sizes = {"templates": sum(ex.source == "template" for ex in examples),
             "real_offers": len({ex.group for ex in examples if ex.source == "real"}),
             "positives": sum(ex.source == "template" and ex.label != sm.NONE for ex in examples)}
    cuts = np.full(len(classes), math.inf)
    current = _summary(s, cuts, **sizes)
    while True:
        move = None
        for k in range(len(classes)):
            for t in THRESHOLDS:
                if t >= cuts[k]:
                    break
                trial = cuts.copy()
                trial[k] = t
                new = _summary(s, trial, **sizes)
                gain = new["template_true"] - current["template_true"]
                if gain <= 0 or new["estimated_added_precision"] < CV_MIN_ADDED_PRECISION:
                    continue
                cost = new["_cost"] - current["_cost"]
                value = (math.inf if cost <= 1e-9 else gain / cost, gain, t)  # ties: the higher threshold
                if move is None or value > move[0]:
                    move = (value, trial, new)
        if move is None:
            break
        _, cuts, current = move
    chosen = {c: (None if math.isinf(t) else float(t)) for c, t in zip(classes, cuts, strict=True)}
    per_category = {}
    for k, c in enumerate(classes):
        if chosen[c] is not None:
            only = np.full(len(classes), math.inf)
            only[k] = cuts[k]
            per_category[c] = {"threshold": chosen[c]} | {
                key: v for key, v in _summary(s, only, **sizes).items() if not key.startswith("_")}
    return {"thresholds": chosen, "figures": {k: v for k, v in current.items() if not k.startswith("_")},
            "per_category": per_category,
            "rule": f"per-category thresholds, greedy: estimated precision of the added findings >= "
                    f"{CV_MIN_ADDED_PRECISION} (rules miss {RULES_MISS_SHARE} of a new set's positives; each real "
                    "offer flagged costs one wrong finding per template wording)"}


def cross_validate(examples: Sequence[Example], folds: int = 5, **train_kwargs) -> dict[str, Any]:
    """Grouped cross-validation inside the training data, and the thresholds it chooses."""
    best = out_of_fold(examples, folds, **train_kwargs)
    classes = [c for c in sm.TARGET_CATEGORIES if any(ex.label == c for ex in examples)]
    return {"folds": folds, "groups": len({ex.group for ex in examples})} | choose_thresholds(examples, best, classes)


def fit_with_thresholds(examples: Sequence[Example], *, folds: int = 5, **train_kwargs) -> sm.SentenceModel:
    """Thresholds by grouped cross-validation, then the model on all the examples with them."""
    from tremplin.errors import InvalidInput

    cv = cross_validate(examples, folds, **train_kwargs)
    if all(t is None for t in cv["thresholds"].values()):
        raise InvalidInput(f"aucune catégorie n'atteint la précision estimée de {CV_MIN_ADDED_PRECISION} en validation "
                           "croisée : pas de détecteur à écrire", field="gabarits")
    model = train(examples, thresholds=cv["thresholds"], **train_kwargs)
    model.info["cross_validation"] = cv
    return model


def examples_digest(examples: Sequence[Example]) -> str:
    h = hashlib.sha256()
    for ex in examples:
        h.update(f"{ex.label}\x00{ex.group}\x00{ex.text}\x00".encode())
    return h.hexdigest()


def train_installed(offers_path: Path, *, output: Path | None = None, folds: int = 5, until: str | None = None,
                    log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """``tremplin train legality-sentences``: every template set of the repository (or those up to ``until``, to
    measure the detector on the sets written after it) + the tune half's real sentences; writes the weights under the
    models directory (or ``output``); returns what the command shows."""
    from tremplin.errors import InvalidInput

    started = time.perf_counter()
    if not offers_path.is_file():
        raise InvalidInput(f"fichier d'offres introuvable : {offers_path}", field="--offers")
    if until is not None and until not in SET_ORDER:
        raise InvalidInput(f"jeu de gabarits inconnu « {until} » (attendu : {', '.join(SET_ORDER)})", field="--until")
    sets = repository_templates(until)
    examples = [ex for templates in sets.values() for ex in template_examples(templates)]
    log(f"{len(examples)} formulations de gabarits ({', '.join(sets)})")
    offers = tune_half_offers(offers_path)
    if not offers:
        raise InvalidInput("aucune offre de la moitié « tune » dans ce fichier", field="--offers")
    examples += real_examples(offers)
    log(f"{len(examples) - sum(ex.source == 'template' for ex in examples)} phrases de {len(offers)} offres réelles "
        "(moitié « tune », exemples négatifs)")
    log(f"validation croisée en {folds} parties pour choisir le seuil…")
    model = fit_with_thresholds(examples, folds=folds)
    model.info.update({"template_sets": list(sets), "real_offers": len(offers), "offers_file": offers_path.name,
                       "training_data_sha256": examples_digest(examples),
                       "created_at": datetime.now(UTC).isoformat(timespec="seconds")})
    if output is None:
        from tremplin.settings import get_settings

        output = get_settings().models_dir / sm.INSTALLED_FILE
    sm.save(model, output)
    cv = model.info["cross_validation"]["figures"]
    return {"path": str(output), "version": model.version, "classes": list(model.classes),
            "enabled": list(model.enabled), "features": len(model.weights),
            "thresholds": dict(zip(model.classes, model.thresholds, strict=True)), "cross_validation": cv,
            "template_sets": list(sets), "examples": len(examples), "seconds": round(time.perf_counter() - started)}
