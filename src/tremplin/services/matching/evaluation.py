"""``tremplin evaluate matching``: temporal evaluation on a territory's history.

Protocol (figures are only as good as the data: on a simulated territory they measure the
method against the simulator's behaviour, not the real labour market):

1. train the ranker on the first ``train_months`` months (18 by default) — nothing later is read;
2. for each following month (19 to 24), take the jobseekers registered and the offers open
   during the month, build the stage-1 pairs, score them, solve the month's transport problem,
   and rank every person's offers three ways: **model** (ranker + stage 3), **no_congestion**
   (ranker alone), **baseline** (what a plain job board does: offers of the person's sought
   occupation — same code or same fiche — within their mobility radius, nearest first);
3. the hires of the month (application made during the month) are the relevant items:
   recall@10, recall@100, nDCG@10;
4. congestion, from every person's top-10 list of each month: Gini of offer exposure, share of
   open offers never recommended, share recommended more than 10× their capacity (capacity =
   the offer's posts × the month's recommendations per post: its fair share), expected
   applicants per post (sum of P(apply) over the lists that show the offer, divided by posts);
5. per group (sex, age band, priority neighbourhood — read from the protected table, for this
   audit only): recall@10 of each group and its ratio to the best group;
6. bias check, when the simulator's truth is present: does the hire head reproduce the known
   employer biases? Learned penalty per bias (regression of the head's log-odds on the true
   unbiased match utility and the bias indicators) for the de-biased head and for a naive head
   trained on the raw hires, and the governance fairness audit (equal opportunity on a
   shortlist of each offer's applicants, against the outcome the applicant would have had
   without the bias).
"""

from __future__ import annotations

import copy
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .candidates import Pairs, Stage1Params
from .congestion import CongestionParams, market_prices, paged_ranks, ranks_within, refine, top_edges
from .features import pair_features
from .market import Market
from .model import MatchRanker, RankerParams
from .training import fit, month_starts, snapshot_pairs, training_set, window_end

METHODS = ("model", "no_congestion", "baseline")


@dataclass
class EvalConfig:
    train_months: int = 18
    test_months: int = 6
    exposure_k: int = 10
    over_capacity: float = 10.0
    stage1: Stage1Params = field(default_factory=Stage1Params)
    ranker: RankerParams = field(default_factory=RankerParams)
    congestion: CongestionParams = field(default_factory=CongestionParams)
    debias: bool = True
    fairness_audit: bool = True
    shortlist_share: float = 0.3
    tradeoff_strengths: tuple[float, ...] = (0.0, 0.025, 0.05, 0.075, 0.1, 0.15)




def gini(values: np.ndarray) -> float:
    v = np.sort(np.asarray(values, dtype=float))
    n = len(v)
    if n == 0 or v.sum() == 0:
        return 0.0
    cum = np.cumsum(v)
    return float((n + 1 - 2 * (cum.sum() / cum[-1])) / n)


def baseline_scores(market: Market, pairs: Pairs, stage1: Stage1Params) -> tuple[np.ndarray, np.ndarray]:
    """(eligible mask, score) of the job-board baseline: sought occupation (code or fiche), within the radius, nearest first."""
    radius = market.js.radius[pairs.j]
    radius = np.where(np.isnan(radius), stage1.default_radius_km, radius)
    dist = pairs.dist
    eligible = (pairs.level_desired >= 3) & (np.isnan(dist) | (dist <= radius))
    return eligible, -np.where(np.isnan(dist), radius, dist)


@dataclass
class MonthResult:
    start: np.datetime64
    pairs: Pairs
    rank: dict[str, np.ndarray]  # method -> rank per pair (0 = not listed)
    p_apply: np.ndarray
    open_offers: np.ndarray
    hires: np.ndarray  # keys (j * n_offers + o) of the month's hires
    prices_info: dict
    score: np.ndarray | None = None  # the ranker's combined score per pair
    offer_price: np.ndarray | None = None  # stage-3 price of each pair's offer
    transport_price: np.ndarray | None = None  # the transport (Sinkhorn) price of every offer, before list corrections


def _month(market: Market, ranker: MatchRanker, start, cfg: EvalConfig, hire_keys_all: pd.Series) -> MonthResult:
    end = window_end(start)
    pairs = snapshot_pairs(market, start, end, cfg.stage1)
    X = pair_features(market, pairs)
    la, lh = ranker.logits(X)
    score = ranker.combine(la, lh)
    p_apply = 1.0 / (1.0 + np.exp(-la))
    capacity = market.offers.posts
    transport = market_prices(pairs.j, pairs.o, score, capacity, market.js.n, market.offers.n, cfg.congestion,
                              refined=False)
    prices = _refined(pairs, score, transport.offer, capacity, cfg.congestion)
    prices_info = dict(transport.info) | prices[1]
    rank_model, _ = paged_ranks(pairs.j, pairs.o, score, prices[0][pairs.o], cfg.congestion)
    eligible, base = baseline_scores(market, pairs, cfg.stage1)
    rank_base = np.zeros(len(pairs), np.int64)
    idx = np.flatnonzero(eligible)
    rank_base[idx] = ranks_within(pairs.j[idx], pairs.o[idx], base[idx])
    n_off = market.offers.n
    dates = hire_keys_all
    in_month = (dates.to_numpy() >= start) & (dates.to_numpy() < end)
    return MonthResult(start=start, pairs=pairs, rank={"model": rank_model,
                                                       "no_congestion": ranks_within(pairs.j, pairs.o, score),
                                                       "baseline": rank_base},
                       p_apply=p_apply, open_offers=market.open_offers(start, end),
                       hires=dates.index.to_numpy()[in_month].astype(np.int64),
                       prices_info=prices_info | {"n_offers": n_off},
                       score=score, offer_price=prices[0][pairs.o], transport_price=transport.offer)


def _refined(pairs: Pairs, score: np.ndarray, transport: np.ndarray, capacity: np.ndarray,
             params: CongestionParams) -> tuple[np.ndarray, dict]:
    """Transport prices corrected on the month's lists (the same edges as :func:`market_prices` keeps)."""
    keep = top_edges(pairs.j, score, params.edges_per_person)
    return refine(pairs.j[keep], pairs.o[keep], score[keep], transport, capacity, params)


def _hire_application_dates(market: Market) -> pd.Series:
    """Application date of every hire, indexed by pair key (hires are evaluated in their application month)."""
    it = market.interactions
    n_off = market.offers.n
    apps = it[it["type"] == "application"]
    hires = it[it["type"] == "hire"]
    app_dates = pd.Series(apps["date"].to_numpy(dtype="datetime64[D]"),
                          index=apps["j"].to_numpy(np.int64) * n_off + apps["o"].to_numpy(np.int64))
    app_dates = app_dates[~app_dates.index.duplicated()]
    hire_keys = hires["j"].to_numpy(np.int64) * n_off + hires["o"].to_numpy(np.int64)
    hire_dates = hires["date"].to_numpy(dtype="datetime64[D]")
    dates = app_dates.reindex(hire_keys).to_numpy(dtype="datetime64[D]")
    dates = np.where(np.isnat(dates), hire_dates, dates)
    out = pd.Series(dates, index=hire_keys)
    return out[~out.index.duplicated()]


def _ranking_metrics(months: list[MonthResult], market: Market) -> dict[str, dict[str, Any]]:
    n_off = market.offers.n
    out: dict[str, dict[str, Any]] = {}
    for m in METHODS:
        hits10 = hits100 = total = 0
        ndcg, queries = 0.0, 0
        for res in months:
            key = res.pairs.j * n_off + res.pairs.o
            rank_of = pd.Series(res.rank[m], index=key)
            rank_of = rank_of[~rank_of.index.duplicated()]
            r = rank_of.reindex(res.hires).fillna(0).to_numpy(dtype=np.int64)
            listed = r > 0
            total += len(r)
            hits10 += int((listed & (r <= 10)).sum())
            hits100 += int((listed & (r <= 100)).sum())
            people = res.hires // n_off
            for person in np.unique(people):
                rr = r[people == person]
                dcg = float(np.sum(1.0 / np.log2(rr[(rr > 0) & (rr <= 10)] + 1.0)))
                ideal = float(np.sum(1.0 / np.log2(np.arange(1, min(len(rr), 10) + 1) + 1.0)))
                ndcg += dcg / ideal
                queries += 1
        out[m] = {"recall_at_10": hits10 / total if total else None, "recall_at_100": hits100 / total if total else None,
                  "ndcg_at_10": ndcg / queries if queries else None, "hires": total}
    return out


def _congestion_metrics(months: list[MonthResult], market: Market, k: int, over: float) -> dict[str, dict[str, Any]]:
    """Exposure of the open offers in everyone's top-k lists, month by month.

    Exposure of an offer = Σ over the lists that show it of 1 / log2(1 + rank) (position-based
    attention, as in the governance fairness audit); the count of lists is reported too.
    """
    posts = market.offers.posts
    out = {}
    for m in METHODS:
        weighted, counts, caps, expected = [], [], [], []
        ever: dict[int, float] = {}
        for res in months:
            r = res.rank[m]
            shown = (r > 0) & (r <= k)
            weight = 1.0 / np.log2(1.0 + r[shown])
            expo = np.bincount(res.pairs.o[shown], weights=weight, minlength=market.offers.n)[res.open_offers]
            count = np.bincount(res.pairs.o[shown], minlength=market.offers.n)[res.open_offers].astype(float)
            exp_app = np.bincount(res.pairs.o[shown], weights=res.p_apply[shown],
                                  minlength=market.offers.n)[res.open_offers]
            p = posts[res.open_offers]
            fair = expo.sum() / max(p.sum(), 1.0)
            weighted.append(expo)
            counts.append(count)
            caps.append(p * fair)
            expected.append(exp_app / p)
            for o, e in zip(res.open_offers.tolist(), count.tolist(), strict=True):
                ever[o] = ever.get(o, 0.0) + e
        expo = np.concatenate(weighted) if weighted else np.zeros(0)
        count = np.concatenate(counts) if counts else np.zeros(0)
        cap = np.concatenate(caps) if caps else np.zeros(0)
        exp_app = np.concatenate(expected) if expected else np.zeros(0)
        never = sum(1 for v in ever.values() if v == 0.0)
        out[m] = {
            "gini_exposure": gini(expo),
            "gini_exposure_count": gini(count),
            "share_never_recommended": never / len(ever) if ever else None,
            "share_over_10x_capacity": float(np.mean(expo > over * cap)) if len(expo) else None,
            "expected_applicants_per_post": {"mean": float(exp_app.mean()) if len(exp_app) else None,
                                             "p90": float(np.quantile(exp_app, 0.9)) if len(exp_app) else None,
                                             "max": float(exp_app.max()) if len(exp_app) else None},
            "offers": len(ever),
            "list_length": _mean_list_length(months, m, k),
        }
    return out


def _mean_list_length(months: list[MonthResult], method: str, k: int) -> float | None:
    lengths = []
    for res in months:
        shown = (res.rank[method] > 0) & (res.rank[method] <= k)
        if shown.any():
            lengths.append(np.unique(res.pairs.j[shown], return_counts=True)[1])
    return round(float(np.concatenate(lengths).mean()), 2) if lengths else None


def _groups(months: list[MonthResult], market: Market) -> dict[str, Any]:
    prot = market.tables.protected
    if prot is None or not len(prot):
        return {}
    n_off = market.offers.n
    table = prot.set_index("jobseeker_id")
    rows = []
    for res in months:
        key = res.pairs.j * n_off + res.pairs.o
        for m in METHODS:
            rank_of = pd.Series(res.rank[m], index=key)
            rank_of = rank_of[~rank_of.index.duplicated()]
            r = rank_of.reindex(res.hires).fillna(0).to_numpy(dtype=np.int64)
            rows.append(pd.DataFrame({"method": m, "j": res.hires // n_off, "hit": (r > 0) & (r <= 10)}))
    if not rows:
        return {}
    frame = pd.concat(rows, ignore_index=True)
    attrs = table.reindex(market.js.ids[frame["j"].to_numpy()])
    frame["sex"] = attrs["sex"].to_numpy()
    frame["age_band"] = attrs["age_band"].to_numpy()
    frame["qpv"] = attrs["qpv"].map(lambda v: None if pd.isna(v) else ("QPV" if v else "hors QPV")).to_numpy()
    out: dict[str, Any] = {}
    for m in METHODS:
        part = frame[frame["method"] == m]
        groups: dict[str, Any] = {}
        ratios = []
        for attr in ("sex", "age_band", "qpv"):
            stats = part.dropna(subset=[attr]).groupby(attr)["hit"].agg(["mean", "size"])
            stats = stats[stats["size"] >= 20]
            if stats.empty:
                continue
            best = stats["mean"].max()
            groups[attr] = {str(g): {"recall_at_10": round(float(r["mean"]), 4), "hires": int(r["size"]),
                                     "ratio_to_best": round(float(r["mean"] / best), 4) if best else None}
                            for g, r in stats.iterrows()}
            ratios += [v["ratio_to_best"] for v in groups[attr].values() if v["ratio_to_best"] is not None]
        groups["min_ratio"] = round(min(ratios), 4) if ratios else None
        out[m] = groups
    return out


def _tradeoff(months: list[MonthResult], market: Market, cfg: EvalConfig) -> list[dict[str, Any]]:
    """What each setting of stage 3 costs and brings (membership strength; the rest as configured).

    The list corrections depend on the strength, so each setting corrects the month's transport
    prices again.
    """
    from dataclasses import replace

    rows = []
    for strength in cfg.tradeoff_strengths:
        params = replace(cfg.congestion, strength=strength)
        variant = []
        for res in months:
            prices, _ = _refined(res.pairs, res.score, res.transport_price, market.offers.posts, params)
            rank, _ = paged_ranks(res.pairs.j, res.pairs.o, res.score, prices[res.pairs.o], params)
            variant.append(MonthResult(res.start, res.pairs, {**res.rank, "model": rank}, res.p_apply, res.open_offers,
                                       res.hires, res.prices_info))
        ranking = _ranking_metrics(variant, market)
        cong = _congestion_metrics(variant, market, cfg.exposure_k, cfg.over_capacity)
        base_r, base_g = ranking["no_congestion"]["recall_at_10"], cong["no_congestion"]["gini_exposure"]
        r, g = ranking["model"]["recall_at_10"], cong["model"]["gini_exposure"]
        rows.append({"strength": strength, "page_strength": params.page_strength, "recall_at_10": r,
                     "ndcg_at_10": ranking["model"]["ndcg_at_10"], "gini_exposure": g,
                     "share_never_recommended": cong["model"]["share_never_recommended"],
                     "recall_at_10_loss": round(1 - r / base_r, 4) if base_r else None,
                     "gini_reduction": round(1 - g / base_g, 4) if base_g else None})
    return rows


# --------------------------------------------------------------------------- bias check (simulated truth)


def _truth(directory: Path | None, name: str) -> pd.DataFrame | None:
    if directory is None:
        return None
    path = Path(directory) / "truth" / f"{name}.parquet"
    return pd.read_parquet(path) if path.is_file() else None


def bias_check(market: Market, ranker: MatchRanker, naive: MatchRanker, months: list[MonthResult], directory: Path | None,
               cfg: EvalConfig) -> dict[str, Any] | None:
    truth = _truth(directory, "applications_truth")
    scen_path = Path(directory) / "truth" / "scenario.json" if directory is not None else None
    params_path = Path(directory) / "truth" / "parameters.json" if directory is not None else None
    if truth is None or scen_path is None or not scen_path.is_file():
        return None
    scenario = json.loads(scen_path.read_text(encoding="utf-8"))
    threshold = json.loads(params_path.read_text(encoding="utf-8")).get("HIRE_THRESHOLD", 0.35) \
        if params_path and params_path.is_file() else 0.35
    start = months[0].start if months else None
    truth = truth[pd.to_datetime(truth["applied_on"]).to_numpy(dtype="datetime64[D]") >= start] if start is not None else truth
    js_pos, of_pos = market.js.pos, market.offers.pos
    j = truth["jobseeker_id"].map(js_pos)
    o = truth["offer_id"].map(of_pos)
    ok = j.notna() & o.notna()
    truth = truth[ok.to_numpy()]
    j, o = j[ok].to_numpy(np.int64), o[ok].to_numpy(np.int64)
    if not len(truth):
        return None
    # features of the application pairs (levels from the stage-1 pairs of the months when present)
    n_off = market.offers.n
    key = j * n_off + o
    pool = Pairs.concat([m.pairs for m in months])
    pkey = pool.j * n_off + pool.o
    _, first = np.unique(pkey, return_index=True)
    lookup = pd.Series(first, index=pkey[first])
    found = lookup.reindex(key).to_numpy()
    have = ~np.isnan(found)
    pairs = pool.take(found[have].astype(np.int64))
    truth = truth[have]
    X = pair_features(market, pairs)
    logit_db = ranker.hire_logit(X)
    logit_nv = naive.hire_logit(X)
    biases = scenario.get("biases") or []
    ind = np.column_stack([truth["biases"].map(lambda lst, b=b: b["id"] in list(lst)).to_numpy(dtype=float)
                           for b in biases]) if biases else np.zeros((len(truth), 0))
    design = np.column_stack([np.ones(len(truth)), truth["match_utility"].to_numpy(float), ind])
    out_terms = {}
    coefs = {}
    for name, y in (("de_biased", logit_db), ("naive", logit_nv)):
        beta, *_ = np.linalg.lstsq(design, y, rcond=None)
        coefs[name] = beta
    for k, b in enumerate(biases):
        out_terms[b["id"]] = {"true_log_odds": round(float(b["log_odds"]), 3),
                              "learned_de_biased": round(float(coefs["de_biased"][2 + k]), 3),
                              "learned_naive": round(float(coefs["naive"][2 + k]), 3),
                              "applications": int(ind[:, k].sum())}
    result: dict[str, Any] = {"applications": int(len(truth)), "learned_penalties": out_terms,
                              "note": "pénalité apprise = coefficient de l'indicateur du biais dans la régression du "
                                      "log-odds d'embauche prédit sur l'utilité d'appariement vraie (sans biais ni "
                                      "bruit) ; 0 = biais non appris"}
    if cfg.fairness_audit:
        unbiased = (truth["employer_score"].to_numpy(float) - truth["bias_log_odds"].to_numpy(float)) > threshold
        result["audit"] = {name: _audit(market, pairs, logit, unbiased, cfg) for name, logit in
                           (("de_biased", logit_db), ("naive", logit_nv))}
    return result


def _audit(market: Market, pairs: Pairs, logit: np.ndarray, y_true: np.ndarray, cfg: EvalConfig) -> dict[str, Any]:
    """Governance fairness audit of a shortlist: each offer's applicants, best share by the hire head."""
    from tremplin.governance import fairness

    frame = pd.DataFrame({"o": pairs.o, "score": logit})
    frame["rank"] = frame.groupby("o")["score"].rank(ascending=False, method="first")
    size = frame.groupby("o")["score"].transform("size")
    y_pred = (frame["rank"] <= np.maximum(1, np.ceil(cfg.shortlist_share * size))).astype(int)
    ids = market.js.ids[pairs.j]
    table = pd.DataFrame({"subject_ref": ids, "y_pred": y_pred.to_numpy(), "y_true": y_true.astype(int)})
    prot = market.tables.protected.set_index("jobseeker_id")
    attrs = pd.DataFrame({
        "sex": prot["sex"],
        "age_band": prot["age_band"],
        "disability_recognition": prot["rqth"].map(lambda v: None if pd.isna(v) else bool(v)),
        "nationality_group": prot["nationality_group"],
        "priority_neighbourhood": prot["qpv"].map(lambda v: None if pd.isna(v) else bool(v)),
    })
    attrs.index.name = "subject_ref"
    prepared = fairness.prepare(table, attrs)
    report = fairness.audit_frame(prepared, fairness.AuditConfig(intersections=False, n_boot=200, seed=0),
                                  service="matching")
    tpr = {}
    for section in report["sections"]:
        tpr[section["attribute"]] = {g["group"]: round(g["metrics"]["tpr"]["value"], 4)
                                     for g in section["groups"] if not g["suppressed"] and g["metrics"].get("tpr")
                                     and g["metrics"]["tpr"]["value"] is not None}
    return {"verdict": report["verdict"], "flagged": [
        {k: c[k] for k in ("attribute", "group", "reference", "metric", "difference", "ratio")} for c in report["flagged"]
        if c["metric"] in ("tpr", "selection_rate")],
        "tpr": tpr, "rows": report["n"]}


# --------------------------------------------------------------------------- entry point


def evaluate(market: Market, cfg: EvalConfig | None = None, *, directory: Path | None = None,
             progress=None, say=None) -> dict[str, Any]:
    cfg = cfg or EvalConfig()
    t0 = time.perf_counter()
    say = say or (lambda _m: None)
    it = market.interactions
    if it is None or not len(it):
        from tremplin.errors import InvalidInput

        raise InvalidInput("la table interactions est vide : rien à évaluer", field="interactions")
    first = it["date"].to_numpy(dtype="datetime64[D]").min()
    months = month_starts(first, np.datetime64(np.datetime64(first, "M") + cfg.train_months + cfg.test_months, "D"))
    train_end = months[cfg.train_months] if len(months) > cfg.train_months else None
    if train_end is None:
        from tremplin.errors import InvalidInput

        raise InvalidInput(f"historique trop court pour {cfg.train_months} mois d'entraînement", field="train_months")
    say(f"Entraînement sur {cfg.train_months} mois (jusqu'au {train_end})…")
    ts = training_set(market, train_end, cfg.stage1, since=np.datetime64(np.datetime64(first, "M"), "D"),
                      progress=progress)
    ranker, report = fit(ts, market, cfg.ranker, debias=cfg.debias)
    naive = copy.copy(ranker)
    rows = np.flatnonzero(ts.applied)
    naive.info_ = dict(ranker.info_)
    naive.fit_hire(ts.X[rows], ts.hired[rows])
    t_train = time.perf_counter() - t0
    hire_dates = _hire_application_dates(market)
    test = [m for m in months[cfg.train_months:cfg.train_months + cfg.test_months]]
    say(f"Évaluation sur {len(test)} mois…")
    results = []
    iterator = progress(test) if progress else test
    for start in iterator:
        results.append(_month(market, ranker, start, cfg, hire_dates))
    ranking = _ranking_metrics(results, market)
    congestion = _congestion_metrics(results, market, cfg.exposure_k, cfg.over_capacity)
    groups = _groups(results, market)
    out: dict[str, Any] = {}
    for m in METHODS:
        out[m] = {**ranking[m], **congestion[m], "groups": groups.get(m, {})}
    base, nc, mo = out["baseline"], out["no_congestion"], out["model"]

    def ratio(a, b):
        return round(a / b, 4) if a is not None and b else None

    out["targets"] = {
        "ranker_recall_at_10_vs_baseline": {"value": ratio(nc["recall_at_10"], base["recall_at_10"]), "target": 1.2},
        "stage3_gini_reduction": {"value": round(1 - mo["gini_exposure"] / nc["gini_exposure"], 4)
                                  if nc["gini_exposure"] else None, "target": 0.30},
        "stage3_recall_at_10_loss": {"value": round(1 - mo["recall_at_10"] / nc["recall_at_10"], 4)
                                     if nc["recall_at_10"] else None, "target_max": 0.05},
        "min_group_recall_ratio": {"value": mo["groups"].get("min_ratio"), "target": 0.9},
    }
    out["tradeoff"] = _tradeoff(results, market, cfg)
    out["bias_check"] = bias_check(market, ranker, naive, results, directory, cfg)
    out["training"] = {"months": cfg.train_months, "until": str(train_end), "pairs": report.rows,
                       "stage1_coverage_of_applications": round(report.coverage, 4), "debiasing": report.debiasing,
                       "importance": report.importance}
    out["test"] = {"months": [str(m) for m in test],
                   "sinkhorn": [{k: r.prices_info.get(k) for k in ("iterations", "converged", "edges", "capacity_gap",
                                                                 "exposure_gap_before", "exposure_gap_after")}
                                for r in results]}
    out["parameters"] = {"stage1": cfg.stage1.__dict__, "ranker": cfg.ranker.__dict__,
                         "congestion": cfg.congestion.__dict__, "exposure_k": cfg.exposure_k}
    out["data"] = {"source": market.tables.source, "simulated": bool(directory and (Path(directory) / "truth").is_dir()),
                   "jobseekers": market.js.n, "offers": market.offers.n,
                   "interactions": int(len(market.interactions))}
    out["timings"] = {"train_s": round(t_train, 1), "total_s": round(time.perf_counter() - t0, 1)}
    return out
