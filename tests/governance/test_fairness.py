"""Fairness audits against toy models whose truth is known."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tremplin.domain import ProtectedAttributes
from tremplin.errors import Forbidden, InvalidInput
from tremplin.governance import cards, fairness, vault
from tremplin.store.db import session_scope


def _population(n: int = 3000, seed: int = 1) -> tuple[pd.DataFrame, list[ProtectedAttributes]]:
    rng = np.random.default_rng(seed)
    ids = [f"JS-{i}" for i in range(n)]
    sex = rng.choice(["F", "M"], n)
    age = rng.choice(["<26", "26-49", "50+"], n, p=[0.25, 0.55, 0.2])
    skill = rng.normal(size=n)  # the only legitimate signal, same distribution for every group
    y_true = (skill + rng.normal(scale=0.8, size=n) > 0).astype(int)
    frame = pd.DataFrame({"subject_id": ids, "skill": skill, "y_true": y_true, "sex": sex, "age_band": age})
    attrs = [ProtectedAttributes(jobseeker_id=i, sex=s, age_band=a, disability_recognition=bool(k % 17 == 0),
                                 nationality_group=("FR" if k % 5 else "hors UE"), priority_neighbourhood=bool(k % 7 == 0))
             for k, (i, s, a) in enumerate(zip(ids, sex, age, strict=True))]
    return frame, attrs


def _unbiased(frame: pd.DataFrame) -> pd.DataFrame:
    score = 1 / (1 + np.exp(-1.5 * frame["skill"]))
    return pd.DataFrame({"subject_id": frame["subject_id"], "y_true": frame["y_true"], "score": score,
                         "y_pred": (score > 0.5).astype(int)})


def _biased(frame: pd.DataFrame) -> pd.DataFrame:
    # same model, but women need a higher skill to be selected (the AMAS pattern)
    penalty = np.where(frame["sex"] == "F", 0.8, 0.0)
    score = 1 / (1 + np.exp(-1.5 * (frame["skill"] - penalty)))
    return pd.DataFrame({"subject_id": frame["subject_id"], "y_true": frame["y_true"], "score": score,
                         "y_pred": (score > 0.5).astype(int)})


def test_engine_gives_expected_verdicts_without_vault():
    frame, attrs = _population()
    cfg = fairness.AuditConfig(n_boot=300)  # all five attributes and their pairwise intersections
    truth = pd.DataFrame([a.model_dump() for a in attrs]).rename(columns={"jobseeker_id": "subject_id"})
    fair = fairness.audit_frame(fairness.prepare(_unbiased(frame).merge(truth, on="subject_id")), cfg)
    unfair = fairness.audit_frame(fairness.prepare(_biased(frame).merge(truth, on="subject_id")), cfg)
    assert fair["verdict"].startswith("aucune") and fair["flagged"] == []
    assert unfair["verdict"] == "disparités détectées"
    flagged = {(f["attribute"], f["metric"]) for f in unfair["flagged"]}
    assert ("sex", "selection_rate") in flagged and ("sex", "tpr") in flagged
    assert not any(f["attribute"] == "age_band" for f in unfair["flagged"])  # age was not used: no gap
    assert all("sex" in f["attribute"] for f in unfair["flagged"])
    sex = next(s for s in unfair["sections"] if s["attribute"] == "sex")
    f_vs_m = next(c for c in sex["comparisons"] if c["metric"] == "selection_rate")
    assert f_vs_m["difference"] < -0.1 and f_vs_m["difference_ci"][1] < 0 and f_vs_m["ratio"] < 0.8
    # the point estimate matches a direct computation
    direct = _biased(frame).assign(sex=frame["sex"]).groupby("sex")["y_pred"].mean()
    values = {g["group"]: g["metrics"]["selection_rate"]["value"] for g in sex["groups"]}
    assert values["F"] == pytest.approx(direct["F"]) and values["M"] == pytest.approx(direct["M"])
    lo, hi = (next(g for g in sex["groups"] if g["group"] == "F")["metrics"]["selection_rate"][k] for k in ("ci_low", "ci_high"))
    assert lo < direct["F"] < hi and hi - lo < 0.08


def test_small_groups_are_suppressed_and_intersections_computed():
    frame, _ = _population(600)
    preds = _unbiased(frame).merge(frame[["subject_id", "sex", "age_band"]], on="subject_id")
    preds.loc[preds.index[:8], "age_band"] = "70+"  # a tiny group
    report = fairness.audit_frame(fairness.prepare(preds),
                                  fairness.AuditConfig(attributes=("sex", "age_band"), n_boot=100, min_group_size=20))
    age = next(s for s in report["sections"] if s["attribute"] == "age_band")
    tiny = next(g for g in age["groups"] if g["group"] == "70+")
    assert tiny["suppressed"] and tiny["n"] is None and "metrics" not in tiny
    assert not any(g["group"] == "70+" for g in report["group_metrics"])
    inter = next(s for s in report["sections"] if s["attribute"] == "sex×age_band")
    assert {"F × <26", "M × 50+"} <= {g["group"] for g in inter["groups"]}


def test_exposure_in_rankings():
    rng = np.random.default_rng(3)
    n = 2000
    groups = rng.choice(["a", "b"], n)
    # group b is pushed down the ranking
    rank = np.where(groups == "a", rng.integers(1, 6, n), rng.integers(6, 21, n))
    frame = pd.DataFrame({"subject_ref": [f"ps_{i:024x}" for i in range(n)], "y_pred": (rank <= 10).astype(int),
                          "rank": rank, "nationality_group": groups})
    report = fairness.audit_frame(fairness.prepare(frame), fairness.AuditConfig(attributes=("nationality_group",), n_boot=100))
    flagged = {f["metric"] for f in report["flagged"]}
    assert "exposure" in flagged and "selection_rate" in flagged


def test_bad_input_is_refused():
    with pytest.raises(InvalidInput, match="y_pred"):
        fairness.prepare(pd.DataFrame({"subject_id": ["a"], "y_pred": [2]}))
    with pytest.raises(InvalidInput, match="subject_ref"):
        fairness.prepare(pd.DataFrame({"y_pred": [1]}))


def test_run_audit_reads_the_vault_logs_and_lands_in_the_card(engine):
    frame, attrs = _population(1500)
    with session_scope(engine) as s:
        with pytest.raises(Forbidden):
            vault.store(s, attrs, actor_id="c1", actor_role="counsellor", purpose="audit annuel")
        vault.store(s, attrs, actor_id="aud1", actor_role="auditor", purpose="audit annuel d'équité")
    with session_scope(engine) as s:
        with pytest.raises(InvalidInput, match="finalité"):
            fairness.run_audit(s, "matching", _biased(frame), actor_id="aud1", actor_role="auditor", purpose="")
    with session_scope(engine) as s:
        report = fairness.run_audit(s, "matching", _biased(frame), actor_id="aud1", actor_role="auditor",
                                    purpose="audit annuel d'équité",
                                    config=fairness.AuditConfig(n_boot=200, intersections=False))
    assert report["verdict"] == "disparités détectées" and report["version"] == 1
    assert {f["attribute"] for f in report["flagged"]} == {"sex"}
    with session_scope(engine) as s:
        log = vault.access_log(s)
        assert [e.action for e in log] == ["read", "write"]
        assert log[0].purpose == "audit annuel d'équité" and log[0].subjects == 1500 and log[0].actor_role == "auditor"
        stored = cards.latest_report(s, "matching", "audit")
        assert stored["payload"]["verdict"] == "disparités détectées"
        from tremplin.governance import journal

        assert journal.list_records(s, kind="audit")[0].data["verdict"] == "disparités détectées"
