"""Why do the under-26 get a lower recall and a lower audit score? A diagnosis (not a test).

    .venv/bin/python benchmarks/matching_young_check.py TERRITORY_DIR [TERRITORY_DIR ...]

On simulated territories (with their truth/), for each territory: train on the first 18 months,
evaluate on months 19-24, and compare by age band

- recall@10 of the hires (ranker alone, no stage 3) for the product's ranker, for the same
  ranker without bias correction, and for a **diagnostic** ranker that is also given the age band
  as a variable (never done in the product: rule M01). If the diagnostic ranker closed the gap,
  the ranker would be missing something about young people that its variables could express;
- the fairness audit's quantity (share of the truly hireable applicants that a head puts in the
  top 30 % of the offer's applicants) for the product's « can get » head, the diagnostic head,
  and an **oracle** that ranks applicants by the simulator's true match utility (employer's view
  without the injected bias and without its noise: the best any model of the applicant's
  qualities can do);
- the same for the true utility **without the person's hidden « employability »** (the part of
  the employer's judgement that the tables describe);
- descriptive figures: experience, competences, hire rate per application, hires in training.

Writes benchmarks/results/matching_young_check.json. Data: SIMULATED.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

BANDS = ("moins de 26 ans", "26 à 49 ans", "50 ans et plus")


def _recall_by_band(market, months, scores, age_of_row) -> dict[str, dict[str, float]]:
    from tremplin.services.matching.congestion import ranks_within

    n = market.offers.n
    hits: dict[str, list[bool]] = {b: [] for b in BANDS}
    for (pairs, hires), score in zip(months, scores, strict=True):
        rank = pd.Series(ranks_within(pairs.j, pairs.o, score), index=pairs.j * n + pairs.o)
        rank = rank[~rank.index.duplicated()]
        r = rank.reindex(hires).fillna(0).to_numpy()
        for person, rr in zip(hires // n, r, strict=True):
            band = age_of_row[person]
            if band in hits:
                hits[band].append(bool(0 < rr <= 10))
    return {b: {"recall_at_10": round(float(np.mean(v)), 4), "hires": len(v)} for b, v in hits.items() if v}


def _shortlist_tpr(o: np.ndarray, score: np.ndarray, hireable: np.ndarray, band: np.ndarray) -> dict[str, float]:
    frame = pd.DataFrame({"o": o, "s": score, "y": hireable, "band": band})
    rank = frame.groupby("o")["s"].rank(ascending=False, method="first")
    size = frame.groupby("o")["s"].transform("size")
    frame["short"] = rank <= np.maximum(1, np.ceil(0.3 * size))
    rates = frame[frame["y"]].groupby("band")["short"].mean()
    return {str(k): round(float(v), 3) for k, v in rates.items()}


def check(directory: Path) -> dict:
    from _matching_truth import applications_with_truth, training_window

    from tremplin.services.matching import evaluation as E
    from tremplin.services.matching import training as T
    from tremplin.services.matching.candidates import Pairs
    from tremplin.services.matching.features import FEATURES, pair_features
    from tremplin.services.matching.model import MatchRanker

    market, cfg, starts, ts = training_window(directory)
    prot = market.tables.protected.set_index("jobseeker_id")
    age_of_row = prot.reindex(market.js.ids)["age_band"].to_numpy()

    def with_age(X: np.ndarray, rows: np.ndarray) -> np.ndarray:
        band = age_of_row[rows]
        return np.column_stack([X, band == BANDS[0], band == BANDS[2]]).astype(np.float32)

    product, _ = T.fit(ts, market, cfg.ranker, debias=True)
    plain, _ = T.fit(ts, market, cfg.ranker, debias=False)
    diagnostic = MatchRanker(params=cfg.ranker, features=(*FEATURES, "diagnostic_band_young", "diagnostic_band_senior"))
    Xa = with_age(ts.X, ts.pairs.j)
    diagnostic.fit_apply(Xa, ts.applied)
    rows = np.flatnonzero(ts.applied)
    diagnostic.fit_hire(Xa[rows], ts.hired[rows])

    hire_dates = E._hire_application_dates(market)
    months, scores = [], {"product": [], "without_bias_correction": [], "diagnostic_with_age_band": []}
    for start in starts[18:24]:
        end = T.window_end(start)
        pairs = T.snapshot_pairs(market, start, end, cfg.stage1)
        X = pair_features(market, pairs)
        dates = hire_dates.to_numpy()
        hires = hire_dates.index.to_numpy()[(dates >= start) & (dates < end)].astype(np.int64)
        months.append((pairs, hires))
        for name, ranker, Xm in (("product", product, X), ("without_bias_correction", plain, X),
                                 ("diagnostic_with_age_band", diagnostic, with_age(X, pairs.j))):
            scores[name].append(ranker.combine(*ranker.logits(Xm)))
    recall = {name: _recall_by_band(market, months, s, age_of_row) for name, s in scores.items()}

    # audit quantity on the applications of months 19-24, against the simulator's truth
    pairs, truth, threshold = applications_with_truth(directory, market, starts[18],
                                                      Pairs.concat([p for p, _ in months]))
    X = pair_features(market, pairs)
    hireable = (truth["employer_score"].to_numpy(float) - truth["bias_log_odds"].to_numpy(float)) > threshold
    band = age_of_row[pairs.j]
    # the part of the true utility that describes the application (the simulator's hidden
    # « employability » of the person taken out): what a perfect model of the tables could reach
    hidden = pd.read_parquet(directory / "truth" / "jobseekers_hidden.parquet").set_index("jobseeker_id")
    weight = json.loads((directory / "truth" / "parameters.json").read_text(encoding="utf-8")).get(
        "HIRE_UTILITY", {}).get("employability", 1.0)
    employability = hidden.reindex(market.js.ids[pairs.j])["employability"].to_numpy(float)
    observable = truth["match_utility"].to_numpy(float) - weight * employability
    audit = {
        "product": _shortlist_tpr(pairs.o, product.hire_logit(X), hireable, band),
        "diagnostic_with_age_band": _shortlist_tpr(pairs.o, diagnostic.hire_logit(with_age(X, pairs.j)), hireable, band),
        "oracle_true_match_utility": _shortlist_tpr(pairs.o, truth["match_utility"].to_numpy(float), hireable, band),
        "oracle_without_hidden_employability": _shortlist_tpr(pairs.o, observable, hireable, band),
    }
    # how much of the employer's (unbiased) score the head and the true utility explain, by band
    unbiased = truth["employer_score"].to_numpy(float) - truth["bias_log_odds"].to_numpy(float)
    corr = {}
    for b in BANDS:
        m = band == b
        corr[b] = {"head": round(float(np.corrcoef(product.hire_logit(X)[m], unbiased[m])[0, 1]), 3),
                   "true_match_utility": round(float(np.corrcoef(truth["match_utility"].to_numpy(float)[m],
                                                                 unbiased[m])[0, 1]), 3)}
    col = {f: k for k, f in enumerate(FEATURES)}
    train_band = age_of_row[ts.pairs.j[rows]]
    describe = {}
    for b in BANDS:
        m = band == b
        mt = train_band == b
        describe[b] = {
            "test_applications": int(m.sum()),
            "truly_hireable_share": round(float(hireable[m].mean()), 3),
            "months_in_code_mean": round(float(np.nanmean(X[m, col["months_in_code"]])), 1),
            "skill_share_mean": round(float(np.nanmean(X[m, col["skill_share"]])), 3),
            "experience_met_share": round(float(np.nanmean(X[m, col["experience_met"]])), 3),
            "train_applications": int(mt.sum()),
            "train_hires": int(ts.hired[rows][mt].sum()),
            "train_hire_rate": round(float(ts.hired[rows][mt].mean()), 3),
        }
    return {"territory": str(directory), "recall_at_10_no_stage3": recall, "audit_tpr_top30": audit,
            "correlation_with_unbiased_employer_score": corr, "describe": describe}


def main(directories: list[Path]) -> dict:
    from _machine import command, machine, save_result

    t0, c0 = time.perf_counter(), time.process_time()
    per = [check(d) for d in directories]
    pooled: dict[str, dict[str, dict[str, float]]] = {}
    for name in per[0]["recall_at_10_no_stage3"]:
        pooled[name] = {}
        for b in BANDS:
            hires = sum(p["recall_at_10_no_stage3"][name][b]["hires"] for p in per)
            hits = sum(p["recall_at_10_no_stage3"][name][b]["recall_at_10"] * p["recall_at_10_no_stage3"][name][b]["hires"]
                       for p in per)
            pooled[name][b] = {"recall_at_10": round(hits / hires, 4), "hires": hires}
    result = {
        "benchmark": "matching_young_check",
        "command": command(),
        "machine": machine(),
        "data": "SIMULÉ : " + ", ".join(str(d) for d in directories),
        "pooled_recall_at_10_no_stage3": pooled,
        "territories": per,
        "wall_s": round(time.perf_counter() - t0, 1),
        "cpu_s": round(time.process_time() - c0, 1),
    }
    save_result("matching_young_check", result)
    return result


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: matching_young_check.py TERRITORY_DIR [TERRITORY_DIR ...]")
    print(json.dumps(main([Path(a) for a in sys.argv[1:]]), ensure_ascii=False, indent=2))
