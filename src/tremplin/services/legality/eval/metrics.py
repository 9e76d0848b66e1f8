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
from tremplin.services.legality.sentence_model import RULE_ID as MODEL_RULE_ID
from tremplin.services.legality.sentence_model import SentenceModel, configured

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
             template_sets: list[TemplateSet] | None = None, sentence_model: SentenceModel | None = None
             ) -> dict[str, Any]:
    """The figures of docs/quality.md; ``template_sets`` adds extra held-out wordings, each reported as its own set.

    With ``sentence_model`` (or, without it, the model installed when the setting is on) the figures are those of
    rules + model, and a section « sentence_model » sets them
    against the rules alone (same reports without the model's findings, which leave the rules' findings as they
    are; real offers are checked a second time without the model for their verdicts)."""
    kwargs: dict[str, Any] = {} if variants_per_template is None else {"variants_per_template": variants_per_template}
    extra = list(template_sets or ())
    names = [t.name for t in extra]
    if len(set(names)) != len(names):
        raise InvalidInput("deux fichiers de gabarits portent le même nom de jeu", field="--templates")
    items, all_offers = build(offers_path, extra=extra, **kwargs)
    model = configured() if sentence_model is None else sentence_model
    predictions: dict[str, set[str]] = {}
    rules_only: dict[str, set[str]] = {}
    for item in items:
        report = check_offer(item.offer, sentence_model=model or False)
        predictions[item.doc_id] = set(report.categories)
        rules_only[item.doc_id] = {f.category for f in report.findings if f.rule != MODEL_RULE_ID}
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
        report = check_offer(offer, sentence_model=model or False)
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
    if model:
        result["sentence_model"] = _against_rules_alone(model, items, predictions, rules_only, all_offers,
                                                        names, result["real_offers"])
    return result


def _against_rules_alone(model: SentenceModel, items: list[EvalItem], predictions: dict[str, set[str]],
                         rules_only: dict[str, set[str]], all_offers: list[dict[str, Any]], extra_sets: list[str],
                         with_model: dict[str, Any]) -> dict[str, Any]:
    """Rules alone vs rules + model: per set, pooled over the extra sets, and on the real offers."""
    def both(split_items: list[EvalItem]) -> dict[str, Any]:
        out = {}
        for name, preds in (("rules", rules_only), ("rules_plus_model", predictions)):
            s = score(split_items, preds)
            out[name] = {k: s[k] for k in ("precision", "recall", "recall_discrimination_fee_pay")}
        r, m = out["rules"]["recall_discrimination_fee_pay"], out["rules_plus_model"]["recall_discrimination_fee_pay"]
        out["recall_discrimination_fee_pay_gain_points"] = round(100 * (m - r), 2) if r is not None and \
            m is not None else None
        out["added_categories"] = sum(len(predictions[i.doc_id] - rules_only[i.doc_id]) for i in split_items)
        return out

    verdicts: Counter = Counter()
    verdicts_split: dict[str, Counter] = defaultdict(Counter)
    for offer in all_offers:
        verdict = check_offer(offer, sentence_model=False).verdict
        verdicts[verdict] += 1
        verdicts_split[split_of(str(offer.get("id")))][verdict] += 1
    n = len(all_offers)
    rules_real = {"share_block": _ratio(verdicts["block"], n), "share_review": _ratio(verdicts["review"], n),
                  "by_split": {s: {"share_block": _ratio(c["block"], sum(c.values())),
                                   "share_review": _ratio(c["review"], sum(c.values()))}
                               for s, c in verdicts_split.items()}}
    out: dict[str, Any] = {
        "model_version": model.version,
        "thresholds": dict(zip(model.classes, model.thresholds, strict=True)), "categories": list(model.enabled),
        "template_sets_trained_on": model.info.get("template_sets"),
        "per_set": {split: both([i for i in items if i.split == split]) for split in ("tune", "heldout", *extra_sets)},
    }
    if extra_sets:
        out["pooled_extra_sets"] = both([i for i in items if i.split in extra_sets])
    out["real_offers"] = {
        "rules": rules_real,
        "rules_plus_model": {k: with_model[k] for k in ("share_block", "share_review")}
        | {"by_split": {s: {k: v[k] for k in ("share_block", "share_review")}
                        for s, v in with_model["by_split"].items()}},
        "note": "the model was trained on sentences of the tune half as negatives: the held-out half is the fair "
                "figure",
    }
    return out


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
