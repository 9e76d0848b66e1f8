"""What the matching diagnostics share: the 18-month training window of a simulated territory and the
applications of months 19–24 joined to the simulator's hidden truth (not a test, not a benchmark)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd


def training_window(directory: Path):
    """The market of ``directory``, the evaluation config, the 24 month starts and the training set of
    the first 18 months (as `tremplin evaluate matching` builds them)."""
    from tremplin.services.matching import evaluation as E
    from tremplin.services.matching import training as T
    from tremplin.services.matching.market import build_market
    from tremplin.services.matching.schema import load_tables

    market = build_market(load_tables(directory, need_interactions=True))
    cfg = E.EvalConfig()
    first = market.interactions["date"].to_numpy(dtype="datetime64[D]").min()
    starts = T.month_starts(first, np.datetime64(np.datetime64(first, "M") + 24, "D"))
    return market, cfg, starts, T.training_set(market, starts[18], cfg.stage1, since=starts[0])


def applications_with_truth(directory: Path, market, since, pool):
    """The applications made from ``since`` that appear in ``pool`` (candidate pairs), as (pairs, truth
    rows, the simulator's hire threshold)."""
    truth = pd.read_parquet(directory / "truth" / "applications_truth.parquet")
    applied_on = pd.to_datetime(truth["applied_on"]).to_numpy(dtype="datetime64[D]")
    truth = truth[applied_on >= since]
    threshold = json.loads((directory / "truth" / "parameters.json").read_text(encoding="utf-8"))["HIRE_THRESHOLD"]
    j = truth["jobseeker_id"].map(market.js.pos).to_numpy(np.int64)
    o = truth["offer_id"].map(market.offers.pos).to_numpy(np.int64)
    n = market.offers.n
    keys = pool.j * n + pool.o
    _, first_idx = np.unique(keys, return_index=True)
    found = pd.Series(first_idx, index=keys[first_idx]).reindex(j * n + o).to_numpy()
    have = ~np.isnan(found)
    return pool.take(found[have].astype(np.int64)), truth[have], threshold
