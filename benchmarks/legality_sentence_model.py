"""Leave-one-set-out trial of the learned sentence detector (sentence_model.py) on top of the legality rules.

    .venv/bin/python benchmarks/legality_sentence_model.py [--rules-commit COMMIT] [--offers PATH] [--speed-repeat 3]

For each test set T of heldout4, heldout5, heldout6: train on the template sets that are not T and not later than
T (tune, heldout, heldout2… up to the set before T) plus the sentences of the real offers of the *tune* half
(eval/build.py ``split_of``; hand-labelled offers with a problem left out); choose the threshold by grouped
cross-validation inside that training data only (groups: template, offer); then measure on T with the
repository's own evaluation (eval/build.py ``build``, eval/metrics.py ``score``): rules alone vs rules + model,
where the model adds a category (at REVIEW level) only from a sentence no rule flagged. Also: the share of real
offers of the held-out half the model adds to « review », and the speed of rules + model on all real offers
(the logic of benchmarks/legality_speed.py).

``--rules-commit`` runs everything on the rules of that commit (``git archive`` into a temporary folder, with the
current sentence_model.py copied in), so that rules edited in the checkout meanwhile do not change the figures.
Writes benchmarks/results/legality_sentence_model_trial.json.
"""

from __future__ import annotations

import argparse
import atexit
import bisect
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine, save_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SETS = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
TESTS = ("heldout4", "heldout5", "heldout6")
THRESHOLDS = tuple(round(0.5 + 0.02 * i, 2) for i in range(25))  # 0.50 … 0.98
# Threshold choice in cross-validation: the lowest threshold meeting both (the decision criteria, with margin).
CV_MIN_PRECISION = 0.93
CV_MAX_REAL_SHARE = 0.01


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} cpu {time.process_time():.0f}s] {message}", file=sys.stderr, flush=True)


def _frozen_rules(commit: str) -> None:
    """Re-run this script on the rules of ``commit`` (unless already doing so)."""
    full = subprocess.run(["git", "-C", str(ROOT), "rev-parse", commit], check=True, capture_output=True,
                          text=True).stdout.strip()
    if os.environ.get("TREMPLIN_SENTENCE_TRIAL_RULES") == full:
        return
    tmp = Path(tempfile.mkdtemp(prefix=f"legality_rules_{full[:8]}_"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", full, "src"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
    model_file = ROOT / "src/tremplin/services/legality/sentence_model.py"
    shutil.copy(model_file, tmp / "src/tremplin/services/legality/sentence_model.py")
    env = dict(os.environ, PYTHONPATH=str(tmp / "src"), TREMPLIN_SENTENCE_TRIAL_RULES=full)
    os.execve(sys.executable, [sys.executable, *sys.argv], env)


def _clean_span(ft, span: tuple[int, int]) -> tuple[int, int]:
    """A finding's raw span in the cleaned (= folded) text of its field."""
    if ft.offsets is None:
        return span
    return bisect.bisect_left(ft.offsets, span[0]), bisect.bisect_left(ft.offsets, span[1])


def rules_and_spans(offer, check_offer, Ctx):
    """(report, prepared offer, field → cleaned spans of the rules' findings)."""
    report = check_offer(offer)
    ctx = Ctx(offer)
    flagged: dict[str, list[tuple[int, int]]] = {}
    for f in report.findings:
        ft = ctx.by_name.get(f.field)
        if ft is not None and f.span is not None:
            flagged.setdefault(f.field, []).append(_clean_span(ft, tuple(f.span)))
    return report, ctx, flagged


def real_training_examples(offers, sm, check_offer, Ctx):
    out = []
    for offer in offers:
        _, ctx, flagged = rules_and_spans(offer, check_offer, Ctx)
        for ft in sm.scanned_fields(ctx):
            spans = flagged.get(ft.name, ())
            for s, e in sm.sentence_spans(ft.folded):
                ruled = any(a < e and s < b for a, b in spans)
                out.append(sm.Example(ft.folded[s:e], sm.NONE, f"o:{offer.get('id')}", "real", ruled))
    return out


def cross_validate(examples, sm, folds: int, train_kwargs: dict) -> dict:
    """Out-of-fold best (category, probability) per example, grouped folds; figures per threshold."""
    from sklearn.model_selection import GroupKFold

    groups = [ex.group for ex in examples]
    best: list[tuple[str, float]] = [("", 0.0)] * len(examples)
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(examples, groups=groups):
        model = sm.train([examples[i] for i in train_idx], **train_kwargs)
        for i in test_idx:
            proba = model.proba(examples[i].folded)
            c = max(proba, key=proba.get)
            best[i] = (c, proba[c])
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
                      "template_recall": round(tp / positives, 4),
                      "real_offers_flagged_share": round(len(flagged_offers) / len(real_offers), 4)})
    chosen = next((row for row in table if (row["template_precision"] or 0) >= CV_MIN_PRECISION
                   and row["real_offers_flagged_share"] <= CV_MAX_REAL_SHARE), table[-1])
    return {"folds": folds, "groups": len(set(groups)), "table": table, "chosen": chosen}


def main() -> None:
    parser = argparse.ArgumentParser()
    default = Path(os.environ.get("TREMPLIN_DATA_MIRROR", ROOT.parent / "shared" / "data")) / "offers" / \
        "offers_dev.jsonl"
    parser.add_argument("--offers", type=Path, default=default)
    parser.add_argument("--rules-commit", help="measure with the rules of this commit (frozen copy)")
    parser.add_argument("--variants", type=int, default=4)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--positive-weight", type=float, default=3.0)
    parser.add_argument("--prefix", type=int, default=6)
    parser.add_argument("--speed-repeat", type=int, default=3)
    parser.add_argument("--tests", nargs="+", default=list(TESTS), choices=TESTS)
    parser.add_argument("--output", type=Path,
                        default=ROOT / "benchmarks" / "results" / "legality_sentence_model_trial.json")
    args = parser.parse_args()
    if args.rules_commit:
        _frozen_rules(args.rules_commit)
        # the frozen copy is removed when this run ends
        atexit.register(shutil.rmtree, Path(os.environ["PYTHONPATH"]).parent, True)

    import tremplin
    from tremplin.services.legality import RULESET_VERSION, check_offer
    from tremplin.services.legality import sentence_model as sm
    from tremplin.services.legality.context import Ctx
    from tremplin.services.legality.eval import build as ev
    from tremplin.services.legality.eval.metrics import score
    from tremplin.services.legality.rules import verdict_of

    config = sm.FeatureConfig(prefix=args.prefix)
    train_kwargs = {"config": config, "c": args.c, "positive_weight": args.positive_weight}
    here = Path(ev.__file__).parent
    # Only the sets up to the last test set (an older rules commit may not hold the later files).
    used = SETS[:max(SETS.index(t) for t in args.tests) + 1]
    template_sets = {name: ev.load_template_set(here / f"templates_{name}.json") for name in used[2:]}
    templates = {"tune": ev.load_templates("tune"), "heldout": ev.load_templates("heldout"),
                 **{n: s.templates for n, s in template_sets.items()}}

    offers = list(ev.read_offers(args.offers))
    labels = ev.load_labels()
    problem = {oid for oid, entry in labels.items() if entry.get("categories")}
    tune_real = [o for o in offers if ev.split_of(str(o.get("id"))) == "tune" and str(o.get("id")) not in problem]
    heldout_real = [o for o in offers if ev.split_of(str(o.get("id"))) == "heldout"]
    started = time.perf_counter()
    real_examples = real_training_examples(tune_real, sm, check_offer, Ctx)
    log(f"{len(real_examples)} real sentences from {len(tune_real)} tune-half offers")

    # The evaluation set, built once (each extra set has its own random stream: same variants as alone).
    items, _ = ev.build(args.offers, variants_per_template=args.variants,
                        extra=list(template_sets.values()))
    log(f"evaluation set built: {len(items)} documents")
    rules_cache = {}
    for item in items:
        if item.split in args.tests:
            report, ctx, flagged = rules_and_spans(item.offer, check_offer, Ctx)
            rules_cache[item.doc_id] = (set(report.categories), ctx, flagged)
    heldout_cache = [rules_and_spans(o, check_offer, Ctx) for o in heldout_real]

    log("rules run on the test sets and the held-out half")
    results = {}
    last_model = None
    for test in args.tests:
        train_sets = SETS[:SETS.index(test)]
        examples = [ex for name in train_sets for ex in sm.template_examples(templates[name])] + real_examples
        cv = cross_validate(examples, sm, args.folds, train_kwargs)
        log(f"{test}: cross-validation done, threshold {cv['chosen']}")
        model = sm.train(examples, threshold=cv["chosen"]["threshold"], **train_kwargs)
        last_model = model
        test_items = [i for i in items if i.split == test]
        rules_pred, both_pred, added = {}, {}, []
        for item in test_items:
            cats, ctx, flagged = rules_cache[item.doc_id]
            rules_pred[item.doc_id] = cats
            extra = {c for c, *_ in model.scan(ctx, flagged)}
            both_pred[item.doc_id] = cats | extra
            for c in extra - cats:
                added.append({"doc": item.doc_id, "category": c, "template": item.template,
                              "correct": c in item.expected, "allowed": c in item.allowed})
        rules_score, both_score = score(test_items, rules_pred), score(test_items, both_pred)
        new_review = 0
        for report, ctx, flagged in heldout_cache:
            if verdict_of(f.severity for f in report.findings) in ("ok", "advise") and model.scan(ctx, flagged):
                new_review += 1
        results[test] = {
            "trained_on": [*train_sets, "real sentences of the tune half"],
            "training_examples": len(examples), "model_features": len(model.weights),
            "cross_validation": cv, "threshold": model.threshold,
            "variants": len(test_items),
            "rules": {k: rules_score[k] for k in ("precision", "recall", "recall_discrimination_fee_pay")},
            "rules_plus_model": {k: both_score[k] for k in ("precision", "recall", "recall_discrimination_fee_pay")},
            "added_predictions": {"count": len(added), "correct": sum(a["correct"] for a in added),
                                  "neutral": sum(a["allowed"] and not a["correct"] for a in added),
                                  "wrong": sum(not a["allowed"] and not a["correct"] for a in added),
                                  "list": added},
            "real_offers_heldout_half": {"count": len(heldout_cache), "added_to_review": new_review,
                                         "added_share": round(new_review / len(heldout_cache), 4)},
        }
        r, b = results[test]["rules"], results[test]["rules_plus_model"]
        log(f"{test}: t={model.threshold} recall d+f+p {r['recall_discrimination_fee_pay']} -> "
            f"{b['recall_discrimination_fee_pay']}, precision {r['precision']} -> {b['precision']}, "
            f"real held-out added {new_review}/{len(heldout_cache)}")

    def mean(key, part):
        values = [results[t][part][key] for t in args.tests]
        return round(statistics.mean(values), 4)

    summary = {
        "recall_discrimination_fee_pay": {"rules": mean("recall_discrimination_fee_pay", "rules"),
                                          "rules_plus_model": mean("recall_discrimination_fee_pay",
                                                                   "rules_plus_model")},
        "precision": {"rules": mean("precision", "rules"), "rules_plus_model": mean("precision", "rules_plus_model")},
        "real_offers_added_to_review_share": round(statistics.mean(
            results[t]["real_offers_heldout_half"]["added_share"] for t in args.tests), 4),
    }
    speed = measure_speed(offers, last_model, check_offer, Ctx, args.speed_repeat) if args.speed_repeat else None
    result = {
        "benchmark": "legality_sentence_model_trial",
        "command": command(),
        "ruleset_version": RULESET_VERSION,
        "rules_commit": os.environ.get("TREMPLIN_SENTENCE_TRIAL_RULES") or "working tree (not frozen)",
        "rules_package": str(Path(tremplin.__file__).parent),
        "protocol": "leave-one-set-out; see the module docstring",
        "feature_config": dataclasses.asdict(config),
        "training": {"c": args.c, "positive_weight": args.positive_weight, "folds": args.folds,
                     "cv_rule": f"lowest threshold with template precision >= {CV_MIN_PRECISION} and real offers "
                                f"flagged <= {CV_MAX_REAL_SHARE}"},
        "per_test_set": results,
        "average_over_test_sets": summary,
        "speed": speed,
        "seconds": round(time.perf_counter() - started),
        "machine": machine(),
    }
    save_result(args.output, result)
    print(json.dumps({"average_over_test_sets": summary, "speed": speed,
                      **{t: {k: results[t][k] for k in ("threshold", "rules", "rules_plus_model",
                                                        "real_offers_heldout_half")} for t in args.tests}},
                     indent=2, ensure_ascii=False))


def measure_speed(offers, model, check_offer, Ctx, repeat: int) -> dict:
    """Offers per second (CPU time, one process) of the rules alone, then rules + model, alternated."""
    def rules_only(offer):
        check_offer(offer)

    def with_model(offer):
        _, ctx, flagged = rules_and_spans(offer, check_offer, Ctx)
        model.scan(ctx, flagged)

    def prepare_only(offer):
        Ctx(offer)

    for offer in offers[:100]:
        with_model(offer)
    figures: dict[str, list[float]] = {"rules": [], "rules_plus_model": [], "second_preparation": []}
    for _ in range(repeat):
        for name, fn in (("rules", rules_only), ("rules_plus_model", with_model), ("second_preparation",
                                                                                     prepare_only)):
            c = time.process_time()
            for offer in offers:
                fn(offer)
            figures[name].append(len(offers) / (time.process_time() - c))
    med = {k: round(statistics.median(v)) for k, v in figures.items()}
    # rules_plus_model prepares the offer a second time (the product hook would reuse the rules' Ctx):
    per_offer = 1 / med["rules_plus_model"] - 1 / med["second_preparation"]
    return {
        "repeat": repeat, "offers": len(offers), "offers_per_second_cpu_time_median": med,
        "rules_plus_model_without_second_preparation": round(1 / per_offer),
        "cost_share_without_second_preparation": round(med["rules"] * per_offer - 1, 4),
        "note": "CPU time of one process; the three variants alternate in each repetition",
    }


if __name__ == "__main__":
    main()
