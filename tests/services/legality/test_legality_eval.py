"""The evaluation: set construction, scoring, and quality on the tuning wordings (regression guard)."""

from __future__ import annotations

import pytest

from tremplin.services.legality.eval.build import (
    EvalItem,
    build,
    load_labels,
    load_templates,
    make_variant,
    split_of,
)
from tremplin.services.legality.eval.metrics import score
from tremplin.services.legality.rules import CATEGORIES


def test_templates_and_labels_are_well_formed():
    for split in ("tune", "heldout"):
        templates = load_templates(split)
        assert len(templates) >= 150
        ids = [t["id"] for t in templates]
        assert len(ids) == len(set(ids))
        for t in templates:
            assert t["category"] in CATEGORIES, t["id"]
            assert set(t.get("also", [])) <= set(CATEGORIES)
        positives = {t["category"] for t in templates if t.get("kind") != "negative"}
        assert positives == set(CATEGORIES), set(CATEGORIES) - positives
    tune = {t["text"] for t in load_templates("tune") if "text" in t}
    # three wordings quoted from the reference were in both sets at first; the tuning copies were reworded
    held = {t["text"] for t in load_templates("heldout") if "text" in t}
    assert not tune & held  # the held-out wordings are not the tuning wordings
    labels = load_labels()
    assert len(labels) == 200
    for offer_id, entry in labels.items():
        assert entry["split"] == split_of(offer_id)
        assert set(entry["categories"]) <= set(CATEGORIES)


def test_variants_inject_one_violation_at_varied_positions():
    import random

    base = {"id": "b", "intitule": "Agent (H/F)", "description": "Phrase une. Phrase deux. Phrase trois.",
            "dateCreation": "2026-01-10"}
    rng = random.Random(1)
    t = {"id": "x", "category": "pay", "text": "Rémunération : {hourly_below} € brut de l'heure."}
    positions = set()
    for _ in range(20):
        offer, position = make_variant(base, t, rng)
        positions.add(position)
        assert "{" not in offer["description"] and offer["description"] != base["description"]
        amount = float(offer["description"].split("Rémunération : ")[1].split(" €")[0].replace(",", "."))
        assert amount < 12.02  # below the SMIC of the offer's date
    assert positions == {"start", "middle", "end"}
    offer, position = make_variant(base, {"id": "y", "category": "sex", "position": "title", "text": "Serveuse"}, rng)
    assert offer["intitule"] == "Serveuse" and position == "title"
    offer, _ = make_variant(base, {"id": "z", "category": "formalities", "position": "none",
                                   "unset": ["dateCreation"]}, rng)
    assert "dateCreation" not in offer and "dateCreation" in base


def test_scoring_counts_expected_allowed_and_wrong_predictions():
    items = [
        EvalItem("a", "variant", "tune", {}, expected={"age"}, allowed={"pay_transparency"}),
        EvalItem("b", "variant", "tune", {}, expected=set(), allowed=set(), negative=True),
        EvalItem("c", "real", "tune", {}, expected={"fee"}),
    ]
    preds = {"a": {"age", "pay_transparency"}, "b": {"age"}, "c": set()}
    s = score(items, preds)
    assert s["per_category"]["age"] == {"precision": 0.5, "recall": 1.0, "true_positives": 1, "false_positives": 1,
                                        "neutral": 0, "positives": 1, "found": 1}
    assert s["per_category"]["pay_transparency"]["neutral"] == 1
    assert s["per_category"]["fee"]["recall"] == 0.0
    assert s["precision"] == 0.5 and s["recall"] == 0.5
    assert {e["kind"] for e in s["errors"]} == {"false_positive", "missed"}


@pytest.fixture(scope="module")
def tune_set(shared_data):
    items, offers = build(shared_data / "offers" / "offers_dev.jsonl", variants_per_template=2)
    return [i for i in items if i.split == "tune"], offers


def test_quality_on_the_tuning_wordings(tune_set):
    """Regression guard on the wordings the detectors were developed with (held-out figures: docs/quality.md)."""
    from tremplin.services.legality import check_offer

    items, offers = tune_set
    preds = {i.doc_id: set(check_offer(i.offer).categories) for i in items}
    s = score(items, preds)
    assert s["recall_discrimination_fee_pay"] >= 0.95
    assert s["precision"] >= 0.9
    blocked = sum(check_offer(o).verdict == "block" for o in offers)
    assert blocked / len(offers) <= 0.03
