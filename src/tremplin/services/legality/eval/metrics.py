"""Run the legality check on the evaluation set and compute the figures of docs/quality.md."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from tremplin.errors import InvalidInput
from tremplin.services.legality import check_offer
from tremplin.services.legality.eval.build import EvalItem, TemplateSet, build, split_of
from tremplin.services.legality.rules import CATEGORIES, DISCRIMINATION_CATEGORIES, RULESET_VERSION

TARGET_RECALL_CATEGORIES = (*DISCRIMINATION_CATEGORIES, "fee", "pay")


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score(items: list[EvalItem], predictions: dict[str, set[str]]) -> dict[str, Any]:
    tp: Counter = Counter()
    fp: Counter = Counter()
    neutral: Counter = Counter()
    pos: Counter = Counter()
    found: Counter = Counter()
    errors: list[dict[str, Any]] = []
    for item in items:
        predicted = predictions[item.doc_id]
        for cat in predicted:
            if cat in item.expected:
                tp[cat] += 1
            elif cat in item.allowed:
                neutral[cat] += 1
            else:
                fp[cat] += 1
                errors.append({"doc": item.doc_id, "kind": "false_positive", "category": cat,
                               "template": item.template})
        for cat in item.expected:
            pos[cat] += 1
            if cat in predicted:
                found[cat] += 1
            else:
                errors.append({"doc": item.doc_id, "kind": "missed", "category": cat, "template": item.template})
    per_category = {}
    for cat in CATEGORIES:
        per_category[cat] = {
            "precision": _ratio(tp[cat], tp[cat] + fp[cat]),
            "recall": _ratio(found[cat], pos[cat]),
            "true_positives": tp[cat], "false_positives": fp[cat], "neutral": neutral[cat],
            "positives": pos[cat], "found": found[cat],
        }
    total_tp, total_fp = sum(tp.values()), sum(fp.values())
    target_pos = sum(pos[c] for c in TARGET_RECALL_CATEGORIES)
    target_found = sum(found[c] for c in TARGET_RECALL_CATEGORIES)
    return {
        "documents": len(items),
        "precision": _ratio(total_tp, total_tp + total_fp),
        "recall": _ratio(sum(found.values()), sum(pos.values())),
        "recall_discrimination_fee_pay": _ratio(target_found, target_pos),
        "per_category": per_category,
        "errors": errors,
    }


def evaluate(offers_path: Path, *, variants_per_template: int | None = None,
             template_sets: list[TemplateSet] | None = None) -> dict[str, Any]:
    """The figures of docs/quality.md; ``template_sets`` adds extra held-out wordings, each reported as its own set."""
    kwargs: dict[str, Any] = {} if variants_per_template is None else {"variants_per_template": variants_per_template}
    extra = list(template_sets or ())
    names = [t.name for t in extra]
    if len(set(names)) != len(names):
        raise InvalidInput("deux fichiers de gabarits portent le même nom de jeu", field="--templates")
    items, all_offers = build(offers_path, extra=extra, **kwargs)
    predictions: dict[str, set[str]] = {}
    for item in items:
        report = check_offer(item.offer)
        predictions[item.doc_id] = set(report.categories)
    result: dict[str, Any] = {"ruleset_version": RULESET_VERSION, "offers_file": str(offers_path)}
    for split in ("tune", "heldout"):
        split_items = [i for i in items if i.split == split]
        result[split] = {
            "all": score(split_items, predictions),
            "variants": score([i for i in split_items if i.kind == "variant"], predictions),
            "real_labelled": score([i for i in split_items if i.kind == "real"], predictions),
            "variants_count": sum(1 for i in split_items if i.kind == "variant"),
            "negatives_count": sum(1 for i in split_items if i.negative),
            "real_labelled_count": sum(1 for i in split_items if i.kind == "real"),
        }
    for tset in extra:
        # Only the set's variants: the labelled held-out offers they were injected into are scored under "heldout".
        set_items = [i for i in items if i.split == tset.name]
        scored = score(set_items, predictions)
        result[tset.name] = {
            "templates_file": str(tset.path),
            "templates": len(tset.templates),
            "templates_used": len({i.template for i in set_items}),
            "wordings_shared_with_tune_or_heldout": tset.shared_wordings,
            "all": scored,
            "variants": scored,
            "variants_count": len(set_items),
            "negatives_count": sum(1 for i in set_items if i.negative),
            "real_labelled_count": 0,
            "bases": "offres réelles étiquetées de la moitié held-out (même protocole que « heldout »)",
        }
    result["template_sets"] = ["tune", "heldout", *names]
    # Real, unmodified offers: verdict shares, on every offer of the file.
    verdicts: Counter = Counter()
    verdicts_split: dict[str, Counter] = defaultdict(Counter)
    rules_block: Counter = Counter()
    rules_review: Counter = Counter()
    start = time.perf_counter()
    for offer in all_offers:
        report = check_offer(offer)
        verdicts[report.verdict] += 1
        verdicts_split[split_of(str(offer.get("id")))][report.verdict] += 1
        for f in report.findings:
            if f.severity == "block":
                rules_block[f.rule] += 1
            elif f.severity == "review":
                rules_review[f.rule] += 1
    elapsed = time.perf_counter() - start
    n = len(all_offers)
    result["real_offers"] = {
        "count": n,
        "verdicts": dict(verdicts),
        "share_block": _ratio(verdicts["block"], n),
        "share_review": _ratio(verdicts["review"], n),
        "share_block_or_review": _ratio(verdicts["block"] + verdicts["review"], n),
        "by_split": {s: {"count": sum(c.values()), "share_block": _ratio(c["block"], sum(c.values())),
                         "share_review": _ratio(c["review"], sum(c.values()))} for s, c in verdicts_split.items()},
        "block_findings_by_rule": dict(rules_block.most_common()),
        "review_findings_by_rule": dict(rules_review.most_common()),
        "seconds": round(elapsed, 2),
    }
    result["targets"] = targets(result)
    return result


def targets(result: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for split in result.get("template_sets", ("tune", "heldout")):
        s = result[split]["all"]
        out[split] = {
            "recall_discrimination_fee_pay>=0.95": s["recall_discrimination_fee_pay"] is not None
            and s["recall_discrimination_fee_pay"] >= 0.95,
            "precision>=0.90": s["precision"] is not None and s["precision"] >= 0.90,
        }
    share = result["real_offers"]["share_block"]
    out["real_block_share<=0.03"] = share is not None and share <= 0.03
    return out
