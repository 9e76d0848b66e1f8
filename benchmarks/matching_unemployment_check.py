"""Does leaving out unemployment duration (rule M09) explain the audit's gap for the under-26? (not a test)

    .venv/bin/python benchmarks/matching_unemployment_check.py TERRITORY_DIR

On a simulated territory (with its truth/), trains two « can get » heads on the first 18 months —
the product's (no unemployment duration) and one with the duration at the application date as an
extra variable — and compares, on the applications of months 19–24, the share of the truly
hireable applicants (the simulator's employer score without its injected bias above the hiring
threshold) that each head puts in the top 30 % of the offer's applicants, by age band.
Writes benchmarks/results/matching_unemployment_check.json. Data: SIMULATED.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(directory: Path) -> dict:
    import lightgbm as lgb
    from _machine import command, machine, save_result
    from _matching_truth import applications_with_truth, training_window

    from tremplin.services.matching import training as T
    from tremplin.services.matching.candidates import Pairs
    from tremplin.services.matching.features import pair_features
    from tremplin.services.matching.model import RankerParams

    market, cfg, months, ts = training_window(directory)
    rows = np.flatnonzero(ts.applied)

    def unemployment(pairs: Pairs, dates: np.ndarray) -> np.ndarray:
        days = (dates - market.js.registered[pairs.j]).astype("timedelta64[D]").astype(float)
        return np.clip(days / 365.25, 0, 3)

    p = RankerParams()
    params = {"objective": "binary", "learning_rate": p.learning_rate, "num_leaves": p.num_leaves,
              "min_child_samples": p.min_child_samples, "feature_fraction": p.feature_fraction, "bagging_fraction": 0.9,
              "bagging_freq": 1, "lambda_l2": 1.0, "seed": p.seed, "num_threads": 1, "verbose": -1}
    Xh, yh = ts.X[rows], ts.hired[rows]
    u_train = unemployment(ts.pairs.take(rows), ts.apply_date[rows])
    without = lgb.train(params, lgb.Dataset(Xh, label=yh), p.hire_trees)
    with_u = lgb.train(params, lgb.Dataset(np.column_stack([Xh, u_train]), label=yh), p.hire_trees)

    pool = Pairs.concat([T.snapshot_pairs(market, s, T.window_end(s), cfg.stage1) for s in months[18:24]])
    pairs, truth, threshold = applications_with_truth(directory, market, months[18], pool)
    X = pair_features(market, pairs)
    u = unemployment(pairs, pd.to_datetime(truth["applied_on"]).to_numpy(dtype="datetime64[D]"))
    hireable = (truth["employer_score"].to_numpy(float) - truth["bias_log_odds"].to_numpy(float)) > threshold
    age = market.tables.protected.set_index("jobseeker_id").reindex(market.js.ids[pairs.j])["age_band"].to_numpy()
    out: dict = {}
    for name, score in (("sans durée de chômage (produit)", without.predict(X, raw_score=True)),
                        ("avec durée de chômage", with_u.predict(np.column_stack([X, u]), raw_score=True))):
        frame = pd.DataFrame({"o": pairs.o, "s": score, "y": hireable, "age": age})
        rank = frame.groupby("o")["s"].rank(ascending=False, method="first")
        size = frame.groupby("o")["s"].transform("size")
        frame["short"] = rank <= np.maximum(1, np.ceil(0.3 * size))
        out[name] = {str(k): round(float(v), 3) for k, v in frame[frame["y"]].groupby("age")["short"].mean().items()}
    result = {
        "benchmark": "matching_unemployment_check",
        "command": command(),
        "machine": machine(),
        "data": f"SIMULÉ : {directory}",
        "true_positive_rate_of_shortlists_by_age_band": out,
        "mean_unemployment_years_by_age_band": {str(k): round(float(v), 2) for k, v in
                                                 pd.Series(u).groupby(age).mean().items()},
        "applications": int(len(truth)),
    }
    save_result("matching_unemployment_check", result)
    return result


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: matching_unemployment_check.py TERRITORY_DIR")
    print(json.dumps(main(Path(sys.argv[1])), ensure_ascii=False, indent=2))
