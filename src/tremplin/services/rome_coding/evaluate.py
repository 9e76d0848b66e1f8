"""Evaluation on real offers coded by France Travail, and the train / evaluation split.

The split is a stable hash of the *normalised title* (not of the offer id), so that offers with
the same title (a company posting "COMMERCIAL (H/F)" ten times) are all on the same side:
training on labelled pairs never sees the title of an offer it is evaluated on.

Reference codes of the offers are mostly ROME v3 codes, which are the parent fiches of
ROME 4.0 (``code_rome_parent``). Accuracy is therefore measured at the fiche level: a proposed
ROME 4.0 code counts as right when its parent fiche is the offer's fiche. The exact-code rate is
reported too, and so is the accuracy that also accepts the ROME 4.0 fiche of the offer's own
appellation when it is not the code's (appellations that moved to another fiche between v3 and 4.0).

Cross-validated variant (:func:`evaluate_folds`): the offers are cut into K folds by a stable hash
of the *prepared* title (so "Cariste (H/F)" and "CARISTE F/H" fall in the same fold); each fold is
coded by a model trained on the referential plus the labelled offers of the other folds. Every
offer is thus coded by a model that never saw its title, and all offers of the chosen split are
reported. It trains K models: minutes, not seconds.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tremplin.errors import InvalidInput
from tremplin.text.normalize import normalize_title

SPLITS = ("train", "eval", "all")


def split_of(title: str) -> str:
    """``train`` or ``eval``: half of the titles each, by a stable hash of the normalised title."""
    digest = hashlib.sha1(normalize_title(title or "").encode("utf-8")).hexdigest()
    return "train" if int(digest[:8], 16) % 2 == 0 else "eval"


def fold_of(title: str, folds: int) -> int:
    """Fold (0 … folds-1) of a title, by a stable hash of its prepared form (see module docstring)."""
    from .textprep import prepare_title

    key = "fold:" + prepare_title(title or "").text
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % folds


def read_offers(path: Path, split: str = "eval") -> list[dict[str, Any]]:
    """Offers of ``path`` (France Travail v2 JSON lines) that carry a ``romeCode``, in the given split."""
    if split not in SPLITS:
        raise InvalidInput(f"partition attendue : {', '.join(SPLITS)}", field="split")
    offers = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise InvalidInput(f"ligne {number} : JSON invalide ({exc.msg})", field="offers") from None
            if not row.get("romeCode") or not row.get("intitule"):
                continue
            if split != "all" and split_of(row["intitule"]) != split:
                continue
            offers.append(row)
    if not offers:
        raise InvalidInput("aucune offre portant un code ROME dans ce fichier (et cette partition)", field="offers")
    return offers


def _fiche_ranking(result, parents: dict[str, str]) -> list[tuple[str, float]]:
    seen: dict[str, float] = {}
    for c in result.candidates:
        seen.setdefault(c.parent.code, c.parent_confidence)
    return list(seen.items())


def appellation_fiches(model) -> dict[str, set[str]]:
    """Folded ROME 4.0 appellation label → parent fiches, from the model's documents."""
    from tremplin.text.normalize import fold

    out: dict[str, set[str]] = {}
    for display, kind, ci in zip(model.doc_display_, model.doc_kind_, model.doc_code_, strict=True):
        if kind in ("appellation", "principal"):
            code = model.codes_[int(ci)]
            out.setdefault(" ".join(fold(display).split()), set()).add(model.parents_.get(code, code))
    return out


def _moved_fiches(offers, parents: dict[str, str], by_label: dict[str, set[str]]) -> list[set[str]]:
    """For each offer, the ROME 4.0 fiches of its France Travail appellation when they differ from the
    offer's (v3) code: the appellation moved to another fiche between ROME v3 and ROME 4.0."""
    from tremplin.text.normalize import fold

    out = []
    for offer in offers:
        gold = parents.get(offer["romeCode"].strip().upper(), offer["romeCode"].strip().upper())
        fiches = by_label.get(" ".join(fold(offer.get("appellationlibelle") or "").split()), set())
        out.append(set() if not fiches or gold in fiches else fiches)
    return out


def _metrics(offers, results, parents: dict[str, str], threshold: float, seen: list[bool],
             moved: list[set[str]] | None = None) -> dict[str, Any]:
    n = len(offers)
    top1 = top3 = exact1 = 0
    moved = moved or [set()] * n
    top1_v4 = top3_v4 = 0
    unseen_ok: list[bool] = []
    confidences: list[tuple[float, bool]] = []
    by_title: dict[str, list[tuple[bool, bool]]] = {}
    for offer, result, was_seen, other in zip(offers, results, seen, moved, strict=True):
        gold = offer["romeCode"].strip().upper()
        gold_fiche = parents.get(gold, gold)
        fiches = _fiche_ranking(result, parents)
        names = [f for f, _ in fiches]
        ok1 = bool(names) and names[0] == gold_fiche
        top1 += ok1
        top3 += gold_fiche in names[:3]
        by_title.setdefault(normalize_title(offer["intitule"]), []).append((ok1, gold_fiche in names[:3]))
        accepted = {gold_fiche} | other
        top1_v4 += bool(names) and names[0] in accepted
        top3_v4 += bool(accepted & set(names[:3]))
        exact1 += bool(result.candidates) and result.candidates[0].code == gold
        confidences.append((fiches[0][1] if fiches else 0.0, ok1))
        if not was_seen:
            unseen_ok.append(ok1)
    # Accuracy by decile of confidence (equal-count bins, from least to most confident).
    ordered = sorted(confidences, key=lambda x: x[0])
    deciles = []
    for d in range(10):
        chunk = ordered[d * n // 10:(d + 1) * n // 10]
        if not chunk:
            continue
        deciles.append({
            "decile": d + 1,
            "n": len(chunk),
            "confidence_min": round(chunk[0][0], 3),
            "confidence_max": round(chunk[-1][0], 3),
            "mean_confidence": round(sum(c for c, _ in chunk) / len(chunk), 3),
            "accuracy": round(sum(ok for _, ok in chunk) / len(chunk), 3),
        })
    answered = [(c, ok) for c, ok in confidences if c >= threshold]
    ece = sum(abs(d["mean_confidence"] - d["accuracy"]) * d["n"] for d in deciles) / max(n, 1)
    return {
        "n": n,
        "top1": round(top1 / n, 4),
        "top3": round(top3 / n, 4),
        "top1_exact_code": round(exact1 / n, 4),
        # every distinct title weighs the same (« COMMERCIAL (H/F) » ×38 weighs one title, not 38 offers)
        "n_distinct_titles": len(by_title),
        "top1_per_distinct_title": round(sum(sum(a for a, _ in v) / len(v) for v in by_title.values())
                                         / max(len(by_title), 1), 4),
        "top3_per_distinct_title": round(sum(sum(b for _, b in v) / len(v) for v in by_title.values())
                                         / max(len(by_title), 1), 4),
        # also right: the ROME 4.0 fiche of the offer's own appellation when it differs from the code's
        # (mostly appellations moved to another fiche between ROME v3 and ROME 4.0)
        "n_appellation_in_other_rome4_fiche": sum(bool(m) for m in moved),
        "top1_with_rome4_fiche_of_appellation": round(top1_v4 / n, 4),
        "top3_with_rome4_fiche_of_appellation": round(top3_v4 / n, 4),
        "n_titles_not_in_training_pairs": len(unseen_ok),
        "top1_titles_not_in_training_pairs": round(sum(unseen_ok) / len(unseen_ok), 4) if unseen_ok else None,
        "expected_calibration_error": round(ece, 4),
        "threshold": threshold,
        "coverage": round(len(answered) / n, 4),
        "accuracy_when_answered": round(sum(ok for _, ok in answered) / len(answered), 4) if answered else None,
        "by_confidence_decile": deciles,
    }


def evaluate(
    offers_path: Path,
    *,
    fields: Sequence[str] = ("intitule", "description"),
    split: str = "eval",
    threshold: float | None = None,
    base: Path | None = None,
) -> dict[str, Any]:
    """Top-1 / top-3 accuracy (fiche level), calibration by decile and coverage at the threshold,
    on the title alone and, when ``description`` is among the fields, on title + description."""
    from . import rules
    from .service import code_occupations, load_model

    unknown = set(fields) - {"intitule", "description"}
    if unknown or "intitule" not in fields:
        raise InvalidInput("champs attendus : intitule ou intitule,description", field="fields")
    threshold = rules.DEFAULT_THRESHOLD if threshold is None else threshold
    model, meta = load_model(base)
    offers = read_offers(Path(offers_path), split)
    pair_titles = {t for t, k in zip(model.doc_text_, model.doc_kind_, strict=True) if k == "pair"}
    seen = [p[0].text in pair_titles for p in model.prepare_many([o["intitule"] for o in offers])]
    overlap = sum(seen)
    moved = _moved_fiches(offers, model.parents_, appellation_fiches(model))
    report: dict[str, Any] = {
        "offers_file": str(offers_path),
        "split": split,
        "split_method": "hachage SHA-1 stable de l'intitulé normalisé (moitié train / moitié eval)",
        "level": "fiche ROME (code parent ; les codes des offres sont des codes v3 = fiches parentes ROME 4.0)",
        "model_version": meta.get("model_version"),
        "model_training_pairs": meta.get("pairs", 0),
        "model_uses_embeddings": meta.get("use_embeddings"),
        "eval_titles_seen_in_training_pairs": overlap,  # same title after preparation, written differently
    }
    variants = _variants(fields, offers, naf=bool(meta.get("usage_priors")))
    coded = {}
    for name, with_desc, with_naf in variants:
        items = [(o["intitule"], o.get("description") if with_desc else None,
                  o.get("secteurActivite") if with_naf else None) for o in offers]
        started = time.perf_counter()
        coded[name] = code_occupations(items, top=10, threshold=threshold, mode="on", base=base)
        elapsed = time.perf_counter() - started
        report[name] = _metrics(offers, coded[name], model.parents_, threshold, seen, moved)
        report[name]["titles_per_second"] = round(len(items) / elapsed, 1)
    _naf_subset(report, offers, coded, model.parents_, threshold, seen, moved)
    _record(report, offers_path, split, variants, base)
    return report


def _variants(fields: Sequence[str], offers, naf: bool) -> list[tuple[str, bool, bool]]:
    """(name, with description, with the employer's NAF code): the title alone, title + description,
    and title + NAF when the model uses the usage priors (without them the NAF code changes nothing)
    and some offers carry ``secteurActivite`` (the others are then coded on the title)."""
    variants = [("title", False, False)]
    if "description" in fields:
        variants.append(("title_description", True, False))
    if naf and any(o.get("secteurActivite") for o in offers):
        variants.append(("title_naf", False, True))
    return variants


def _naf_subset(report, offers, coded, parents, threshold, seen, moved) -> None:
    """Title alone vs title + NAF on the offers that carry a NAF code."""
    if "title_naf" not in coded:
        return
    idx = [i for i, o in enumerate(offers) if o.get("secteurActivite")]
    report["offers_with_naf"] = {"n": len(idx)}
    for name in ("title", "title_naf"):
        m = _metrics([offers[i] for i in idx], [coded[name][i] for i in idx], parents, threshold,
                     [seen[i] for i in idx], [moved[i] for i in idx])
        report["offers_with_naf"][name] = {k: m[k] for k in ("top1", "top3", "top1_per_distinct_title",
                                                              "top3_per_distinct_title", "coverage")}


def _record(report: dict[str, Any], offers_path: Path, split: str, variants, base: Path | None) -> None:
    from datetime import UTC, datetime

    from .service import record_evaluation

    record_evaluation({
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "offers_file": Path(offers_path).name,
        "split": split,
        **{f"{name}_{key}": report[name][key] for name, *_ in variants for key in ("top1", "top3", "coverage")},
    }, base)


MAX_FOLDS = 10


def evaluate_folds(
    offers_path: Path,
    folds: int,
    *,
    fields: Sequence[str] = ("intitule", "description"),
    split: str = "all",
    threshold: float | None = None,
    n_synthetic: int = 12000,
    referential=None,
    usage_priors: bool = False,
    log=None,
) -> dict[str, Any]:
    """K-fold cross-validated evaluation: each fold coded by a model trained on the referential and
    the offers of the other folds (titles never shared across folds). Same metrics as
    :func:`evaluate`, over every offer of ``split``, plus the figures of each half of the fixed split.

    Trains ``folds`` models in a temporary directory; the installed model is neither used nor changed.
    """
    import tempfile

    from . import rules
    from .model import Pair
    from .referential import load_referential
    from .service import code_occupations, train

    if isinstance(folds, bool) or not isinstance(folds, int) or not 2 <= folds <= MAX_FOLDS:
        raise InvalidInput(f"nombre de plis attendu entre 2 et {MAX_FOLDS}", field="folds")
    unknown = set(fields) - {"intitule", "description"}
    if unknown or "intitule" not in fields:
        raise InvalidInput("champs attendus : intitule ou intitule,description", field="fields")
    threshold = rules.DEFAULT_THRESHOLD if threshold is None else threshold
    log = log or (lambda _msg: None)
    offers = read_offers(Path(offers_path), split)
    fold = [fold_of(o["intitule"], folds) for o in offers]
    if len(set(fold)) < folds:
        raise InvalidInput(f"trop peu d'intitulés distincts pour {folds} plis", field="folds")
    referential = referential or load_referential(usage_priors=usage_priors)
    variants = _variants(fields, offers, naf=referential.hires is not None)
    results: dict[str, list] = {name: [None] * len(offers) for name, *_ in variants}
    seen = [False] * len(offers)
    parents: dict[str, str] = {}
    moved: list[set[str]] | None = None
    fold_sizes = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tremplin-rome-folds-") as tmp:
        for f in range(folds):
            members = [i for i, x in enumerate(fold) if x == f]
            pairs = [Pair(title=o["intitule"], code=o["romeCode"].strip().upper(), description=o.get("description"),
                          naf=o.get("secteurActivite"))
                     for o, x in zip(offers, fold, strict=True) if x != f]
            fold_sizes.append({"fold": f, "coded": len(members), "training_pairs": len(pairs)})
            log(f"pli {f + 1}/{folds} : {len(pairs)} paires d'entraînement, {len(members)} offres à coder")
            base = Path(tmp) / f"fold{f}"
            train(pairs, n_synthetic=n_synthetic, base=base, referential=referential)
            from .service import load_model

            model, _ = load_model(base)
            parents = model.parents_
            if moved is None:
                moved = _moved_fiches(offers, parents, appellation_fiches(model))
            pair_titles = {t for t, k in zip(model.doc_text_, model.doc_kind_, strict=True) if k == "pair"}
            prepared = model.prepare_many([offers[i]["intitule"] for i in members])
            for i, p in zip(members, prepared, strict=True):
                seen[i] = p[0].text in pair_titles
            for name, with_desc, with_naf in variants:
                items = [(offers[i]["intitule"], offers[i].get("description") if with_desc else None,
                          offers[i].get("secteurActivite") if with_naf else None) for i in members]
                coded = code_occupations(items, top=10, threshold=threshold, mode="on", base=base)
                for i, r in zip(members, coded, strict=True):
                    results[name][i] = r
    report: dict[str, Any] = {
        "offers_file": str(offers_path),
        "split": split,
        "protocol": f"validation croisée à {folds} plis",
        "fold_method": "hachage SHA-1 stable de l'intitulé préparé (un même intitulé reste dans un seul pli)",
        "level": "fiche ROME (code parent ; les codes des offres sont des codes v3 = fiches parentes ROME 4.0)",
        "folds": fold_sizes,
        "n_synthetic": n_synthetic,
        "usage_priors": referential.hires is not None,
        "titles_seen_in_training_pairs": sum(seen),
        "seconds": round(time.perf_counter() - started, 1),
    }
    halves = {h: [i for i, o in enumerate(offers) if split_of(o["intitule"]) == h] for h in ("train", "eval")}
    _naf_subset(report, offers, results, parents, threshold, seen, moved)
    for name, *_ in variants:
        report[name] = _metrics(offers, results[name], parents, threshold, seen, moved)
        report[name]["by_fixed_split_half"] = {
            h: {k: v for k, v in _metrics([offers[i] for i in idx], [results[name][i] for i in idx], parents,
                                          threshold, [seen[i] for i in idx], [moved[i] for i in idx]).items()
                if k in ("n", "top1", "top3", "coverage", "accuracy_when_answered", "top1_per_distinct_title",
                         "top3_per_distinct_title",
                         "top1_with_rome4_fiche_of_appellation", "top3_with_rome4_fiche_of_appellation")}
            for h, idx in halves.items() if idx
        }
    return report
