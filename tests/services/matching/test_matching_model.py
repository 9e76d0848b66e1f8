"""The ranker and its training: explanations faithful to the model, storage, bias correction, evaluation."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tremplin.services.matching import congestion as G


def test_paged_ranks():
    j = np.array([0, 0, 0, 0, 1, 1])
    o = np.array([0, 1, 2, 3, 0, 1])
    s = np.array([4.0, 3.0, 2.0, 1.0, 1.0, 2.0])
    price = np.array([-10.0, 0.0, 0.0, 10.0, -10.0, 0.0])
    plain, _ = G.paged_ranks(j, o, s, price, G.CongestionParams(strength=0.0, page_strength=0.0))
    assert plain.tolist() == [1, 2, 3, 4, 2, 1]
    # pages of two: membership by relevance alone, order within the page by price
    paged, _ = G.paged_ranks(j, o, s, price, G.CongestionParams(strength=0.0, page_strength=1.0, page_size=2,
                                                                 epsilon=1.0))
    assert paged.tolist() == [2, 1, 4, 3, 2, 1]
    # a strong price also changes which offers make the first page
    moved, _ = G.paged_ranks(j, o, s, price, G.CongestionParams(strength=1.0, page_strength=1.0, page_size=2,
                                                                 epsilon=1.0))
    assert moved[3] < 3 and moved[0] > 2


def test_model_explanations_add_up_and_storage_round_trip(matching_env):
    from tremplin.services.matching import get_engine, load_model
    from tremplin.services.matching.candidates import candidates
    from tremplin.services.matching.features import pair_features
    from tremplin.services.matching.model import MatchRanker

    engine = get_engine()
    ranker, meta = load_model()
    pairs = candidates(engine.market, engine.active_rows[:200], engine.index, engine.stage1)
    X = pair_features(engine.market, pairs)
    la, lh = ranker.logits(X)
    contrib = ranker.contributions(X)
    # pred_contrib is exact: contributions + expected values give the combined log-odds
    ea = ranker.apply_model_.predict(X, pred_contrib=True)[:, -1]
    eh = ranker.hire_model_.predict(X, pred_contrib=True)[:, -1]
    mix = ranker.params.mix
    total = contrib.sum(axis=1) + mix * (ea + ranker.apply_offset_) + (1 - mix) * eh
    np.testing.assert_allclose(total, mix * la + (1 - mix) * lh, rtol=1e-5, atol=1e-5)
    again = MatchRanker.from_dict(json.loads(json.dumps(ranker.to_dict())))
    np.testing.assert_allclose(again.score(X)[0], ranker.score(X)[0])
    assert meta["training_data_hash"] and meta["features"] and meta["report"]["stage1_coverage_of_applications"] > 0.95


def test_corrupt_or_foreign_model_is_refused(matching_env):
    from tremplin.errors import DataUnavailable
    from tremplin.services.matching import load_model
    from tremplin.services.matching.service import model_dir

    path = model_dir() / "model.json"
    body = json.loads(path.read_text(encoding="utf-8"))
    body["ranker"]["features"] = [*body["ranker"]["features"][:-1], "sex"]
    path.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(DataUnavailable):
        load_model()
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataUnavailable, match="illisible"):
        load_model()


def test_bias_correction_estimates_the_known_penalties(matching_model):
    """The simulator's employer penalties (seniors 0.65, QPV 0.75) are found in the history by the
    training-time offset, and the neutral groups stay near 1."""
    meta = json.loads((matching_model / "meta.json").read_text(encoding="utf-8"))
    terms = meta["report"]["debiasing"]["terms"]
    assert meta["report"]["debiasing"]["applied"]
    assert terms["âge : 50 ans et plus"]["odds_ratio"] < 0.85
    assert meta["features"] and not any(w in " ".join(meta["features"]) for w in ("sex", "age", "qpv", "nationality"))


def test_evaluation_on_the_small_territory(matching_territory):
    from tremplin.services.matching.evaluation import EvalConfig, evaluate
    from tremplin.services.matching.market import build_market
    from tremplin.services.matching.model import RankerParams
    from tremplin.services.matching.schema import load_tables

    market = build_market(load_tables(matching_territory, need_interactions=True))
    cfg = EvalConfig(train_months=8, test_months=4, ranker=RankerParams(apply_trees=60, hire_trees=100))
    report = evaluate(market, cfg, directory=matching_territory)
    keys = {"recall_at_10", "recall_at_100", "ndcg_at_10", "gini_exposure", "share_never_recommended",
            "share_over_10x_capacity", "groups"}
    for name in ("model", "baseline", "no_congestion"):
        assert keys <= set(report[name]), name
        for k in ("recall_at_10", "recall_at_100", "gini_exposure"):
            assert 0.0 <= report[name][k] <= 1.0
        assert report[name]["recall_at_10"] <= report[name]["recall_at_100"]
    assert report["no_congestion"]["recall_at_10"] > report["baseline"]["recall_at_10"]
    assert report["model"]["gini_exposure"] < report["no_congestion"]["gini_exposure"]
    assert set(report["model"]["groups"]) >= {"sex", "age_band", "qpv", "min_ratio"}
    assert report["data"]["simulated"] is True
    bias = report["bias_check"]
    assert set(bias["learned_penalties"]) == {"femmes_batiment_transport_maintenance", "seniors", "residents_qpv"}
    assert bias["audit"]["de_biased"]["rows"] > 100
    json.dumps(report)  # JSON-able as printed by --format json
