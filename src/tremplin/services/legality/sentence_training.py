"""Training of the learned sentence detector (``sentence_model.py``): examples, vocabulary, fit, threshold.

Positives are the repository's template wordings of the target categories, negatives their lawful look-alikes and
every sentence of real offers of the *tune* half (eval/build.py ``split_of``; hand-labelled offers with a problem
left out). The vocabulary comes from the template wordings only, so the weights file holds no real-offer text. The
threshold is the lowest score whose grouped cross-validation, inside the training data, keeps the template
precision at 0.93 or more and flags at most 1 % of the real offers (the rule fixed for the session-4 trial).
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

THRESHOLDS = tuple(round(0.5 + 0.02 * i, 2) for i in range(25))  # 0.50 … 0.98
CV_MIN_PRECISION = 0.93
CV_MAX_REAL_SHARE = 0.01
#: Template sets in the order they were written (a set is trained on only by the measures of later sets).
SET_ORDER = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
             "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16")


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
          positive_weight: float = 3.0, prune: float = 0.02, threshold: float = 0.5) -> sm.SentenceModel:
    """One logistic regression per target category (that category against everything else, « none » included).

    ``positive_weight`` weighs template examples against the many real-offer sentences; weights smaller than
    ``prune`` in absolute value are dropped (smaller file, faster scoring). Weights are rounded as the file keeps
    them, so that the model in memory and the model read back decide alike.
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
    return sm.SentenceModel(config, tuple(classes), bias, weights, threshold, info)


def cross_validate(examples: Sequence[Example], folds: int = 5, **train_kwargs) -> dict[str, Any]:
    """Out-of-fold best (category, score) per example, grouped folds; figures per threshold, and the chosen one."""
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
    table = []
    real_offers = {ex.group for ex in examples if ex.source == "real"}
    positives = sum(1 for ex in examples if ex.source == "template" and ex.label != sm.NONE)
    for t in THRESHOLDS:
        tp = fp = 0
        flagged_offers = set()
        for ex, (c, p) in zip(examples, best, strict=True):
            if p < t:
                continue
            if ex.source == "template":
                if c == ex.label:
                    tp += 1
                else:
                    fp += 1
            elif not ex.ruled:
                flagged_offers.add(ex.group)
        table.append({"threshold": t, "template_precision": round(tp / (tp + fp), 4) if tp + fp else None,
                      "template_recall": round(tp / positives, 4) if positives else None,
                      "real_offers_flagged_share": round(len(flagged_offers) / len(real_offers), 4)
                      if real_offers else None})
    chosen = next((row for row in table if (row["template_precision"] or 0) >= CV_MIN_PRECISION
                   and (row["real_offers_flagged_share"] or 0) <= CV_MAX_REAL_SHARE), table[-1])
    return {"folds": folds, "groups": len(set(groups)), "table": table, "chosen": chosen,
            "rule": f"lowest threshold with template precision >= {CV_MIN_PRECISION} and real offers flagged <= "
                    f"{CV_MAX_REAL_SHARE}"}


def fit_with_threshold(examples: Sequence[Example], *, folds: int = 5, **train_kwargs) -> sm.SentenceModel:
    """Threshold by grouped cross-validation, then the model on all the examples with that threshold."""
    cv = cross_validate(examples, folds, **train_kwargs)
    model = train(examples, threshold=cv["chosen"]["threshold"], **train_kwargs)
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
    model = fit_with_threshold(examples, folds=folds)
    model.info.update({"template_sets": list(sets), "real_offers": len(offers), "offers_file": offers_path.name,
                       "training_data_sha256": examples_digest(examples),
                       "created_at": datetime.now(UTC).isoformat(timespec="seconds")})
    if output is None:
        from tremplin.settings import get_settings

        output = get_settings().models_dir / sm.INSTALLED_FILE
    sm.save(model, output)
    cv = model.info["cross_validation"]["chosen"]
    return {"path": str(output), "version": model.version, "classes": list(model.classes),
            "features": len(model.weights), "threshold": model.threshold, "cross_validation": cv,
            "template_sets": list(sets), "examples": len(examples), "seconds": round(time.perf_counter() - started)}
