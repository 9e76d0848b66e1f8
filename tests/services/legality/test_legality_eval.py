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


# ------------------------------------------------------------------------------- extra template sets


def _write(path, obj) -> str:
    import json

    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def _tiny_set(name: str = "essai") -> dict:
    return {"set": name, "templates": [
        {"id": "x-age", "category": "age", "text": "Les candidats doivent avoir moins de 33 ans."},
        {"id": "x-pay", "category": "pay", "text": "Salaire : {monthly_below} € brut par mois pour un temps plein."},
        {"id": "x-neg", "category": "age", "kind": "negative", "text": "Débutants bienvenus, tous âges."},
    ]}


def _tiny_pool(tmp_path):
    """Six offers (three per half) and their labels, written to temporary files."""
    import json

    offers, labels, n = [], {}, 0
    while len(offers) < 6:
        offer_id = f"T{n:04d}"
        n += 1
        split = split_of(offer_id)
        if sum(1 for o in offers if split_of(o["id"]) == split) >= 3:
            continue
        offers.append({"id": offer_id, "intitule": "Agent de production (H/F)", "typeContrat": "CDI",
                       "description": "Vous assurez la production. Vous contrôlez la qualité. Horaires de journée.",
                       "dateCreation": "2026-02-02", "salaire": {"libelle": "Mensuel de 2100 Euros"},
                       "dureeTravailLibelle": "35H Horaires normaux", "entreprise": {"nom": "Usine Test"}})
        labels[offer_id] = {"split": split, "categories": {}}
    offers_path = tmp_path / "offers.jsonl"
    offers_path.write_text("\n".join(json.dumps(o) for o in offers) + "\n", encoding="utf-8")
    labels_path = _write(tmp_path / "labels.json", {"offers": labels})
    return offers_path, labels_path


def test_extra_template_set_goes_into_heldout_offers_without_changing_the_other_sets(tmp_path):
    from tremplin.services.legality.eval.build import load_template_set

    offers_path, labels_path = _tiny_pool(tmp_path)
    tset = load_template_set(_write(tmp_path / "extra.json", _tiny_set()))
    assert tset.name == "essai" and len(tset.templates) == 3 and tset.shared_wordings == []
    before, _ = build(offers_path, variants_per_template=2, labels_path=labels_path)
    after, _ = build(offers_path, variants_per_template=2, labels_path=labels_path, extra=[tset])
    extra = [i for i in after if i.split == "essai"]
    assert len(extra) == 6  # 3 templates x 2 variants
    heldout_ids = {i.offer["id"].split("~")[0] for i in before if i.split == "heldout" and i.kind == "real"}
    assert {i.doc_id.split("~")[0] for i in extra} <= heldout_ids
    assert all("~essai~" in i.doc_id for i in extra)
    assert {i.category for i in extra if not i.negative} == {"age", "pay"}
    assert [i.expected for i in extra if i.negative] == [set(), set()]
    # the tune and held-out variants are the same with or without the extra set
    assert [(i.doc_id, i.offer) for i in before] == [(i.doc_id, i.offer) for i in after if i.split != "essai"]


def test_extra_template_set_is_scored_as_its_own_set(tmp_path, monkeypatch):
    from tremplin.services.legality.eval import metrics
    from tremplin.services.legality.eval.build import load_template_set

    offers_path, labels_path = _tiny_pool(tmp_path)
    tset = load_template_set(_write(tmp_path / "extra.json", _tiny_set("heldout2")))
    real_build = metrics.build
    monkeypatch.setattr(metrics, "build", lambda path, **kw: real_build(path, labels_path=labels_path, **kw))
    result = metrics.evaluate(offers_path, variants_per_template=2, template_sets=[tset])
    assert result["template_sets"] == ["tune", "heldout", "heldout2"]
    s = result["heldout2"]
    assert s["variants_count"] == 6 and s["negatives_count"] == 2 and s["real_labelled_count"] == 0
    assert s["all"]["documents"] == 6
    assert s["all"]["per_category"]["age"]["positives"] == 2
    assert s["all"]["per_category"]["pay"]["positives"] == 2
    assert s["all"]["recall_discrimination_fee_pay"] is not None
    assert set(result["targets"]["heldout2"]) == {"recall_discrimination_fee_pay>=0.95", "precision>=0.90"}
    with pytest.raises(Exception, match="même nom"):
        metrics.evaluate(offers_path, variants_per_template=1, template_sets=[tset, tset])


@pytest.mark.parametrize(("content", "message"), [
    (None, "introuvable"),
    ("{not json", "JSON invalide"),
    ([1, 2], "objet JSON"),
    ({"templates": [{"id": "a", "category": "age", "text": "x"}]}, "« set »"),
    ({"set": "heldout", "templates": [{"id": "a", "category": "age", "text": "x"}]}, "réservé"),
    ({"set": "s", "templates": []}, "liste non vide"),
    ({"set": "s", "templates": [{"id": "a", "category": "ages", "text": "x"}]}, "catégorie inconnue"),
    ({"set": "s", "templates": [{"id": "a", "category": "age", "text": "x"},
                                {"id": "a", "category": "age", "text": "y"}]}, "double"),
    ({"set": "s", "templates": [{"id": "a", "category": "pay", "text": "{hourly_below} € ou {daily}"}]},
     "daily"),
    ({"set": "s", "templates": [{"id": "a", "category": "age"}]}, "« text » manquant"),
    ({"set": "s", "templates": [{"id": "a", "category": "age", "text": "x", "position": "footer"}]}, "position"),
    ({"set": "s", "templates": [{"id": "a", "category": "age", "text": "x", "kind": "maybe"}]}, "kind"),
])
def test_bad_template_files_give_a_clear_error(tmp_path, content, message):
    from tremplin.errors import InvalidInput
    from tremplin.services.legality.eval.build import load_template_set

    path = tmp_path / "t.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        _write(path, content)
    with pytest.raises(InvalidInput, match=message):
        load_template_set(path)


def test_a_reused_wording_is_flagged(tmp_path):
    from tremplin.services.legality.eval.build import load_template_set

    reused = load_templates("tune")[0]
    tset = load_template_set(_write(tmp_path / "t.json", {"set": "s", "templates": [dict(reused, id="copy")]}))
    assert tset.shared_wordings == ["copy"]
