"""Training the ranker on a market's history: monthly snapshots, labels, de-biased hire head.

**Snapshots.** For every month of the history, the jobseekers registered during the month and
the offers open during the month give stage-1 pairs (the offers each person could have seen).
A pair is kept once (its first month). Labels: applied (an ``application`` interaction before
the cut-off date), hired (a ``hire`` interaction).

**De-biased « can get » head.** Historical hires carry the employers' biases (the simulator
injects known ones). When the protected attributes table is given, the hire head is fitted
jointly with a small logistic term on protected indicators (sex, age under 26 / 50 and over,
priority neighbourhood, disability recognition, nationality group, and sex × occupational
domain) by backfitting: the LightGBM head is refitted with the protected term as a fixed
offset (``init_score``), the protected term is refitted with the head as offset, three times.
The deployed head is the LightGBM part alone: the estimated bias is absorbed by the offset
during training instead of by proxies, and everyone is scored as the reference group
(men, 26–49, outside priority neighbourhoods, French, no RQTH) would be. The protected
indicators are never inputs of the deployed model. The estimated terms (odds ratios) are kept
in the model's report: they are an audit of the history itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .candidates import OfferIndex, Pairs, Stage1Params, candidates
from .features import pair_features
from .market import Market
from .model import MatchRanker, RankerParams

BLOCK = 4000


def month_starts(first: np.datetime64, end: np.datetime64) -> list[np.datetime64]:
    """Month starts m with first ≤ m < end (first floored to its month)."""
    m0 = np.datetime64(first, "M")
    m1 = np.datetime64(end, "M")
    if np.datetime64(m1, "D") < end:
        m1 = m1 + 1
    return [np.datetime64(m, "D") for m in np.arange(m0, m1)]


def window_end(start: np.datetime64) -> np.datetime64:
    return np.datetime64(np.datetime64(start, "M") + 1, "D")


def snapshot_pairs(market: Market, start: np.datetime64, end: np.datetime64, stage1: Stage1Params,
                   filters=None) -> Pairs:
    rows = market.active_jobseekers(start, end)
    offers = market.open_offers(start, end)
    if not len(rows) or not len(offers):
        return Pairs.empty()
    index = OfferIndex(market, offers)
    return Pairs.concat([candidates(market, rows[i:i + BLOCK], index, stage1, filters)
                         for i in range(0, len(rows), BLOCK)])


def interaction_keys(market: Market, kind: str, before: np.datetime64 | None = None,
                     after: np.datetime64 | None = None) -> np.ndarray:
    it = market.interactions
    if it is None or not len(it):
        return np.zeros(0, np.int64)
    mask = (it["type"] == kind).to_numpy().copy()
    dates = it["date"].to_numpy(dtype="datetime64[D]")
    if before is not None:
        mask &= dates < before
    if after is not None:
        mask &= dates >= after
    keys = it["j"].to_numpy(np.int64)[mask] * market.offers.n + it["o"].to_numpy(np.int64)[mask]
    return np.unique(keys)


def history_start(market: Market) -> np.datetime64:
    it = market.interactions
    if it is None or not len(it):
        from tremplin.errors import InvalidInput

        raise InvalidInput("aucune interaction (candidature ou embauche) : impossible d'entraîner le classement",
                           field="interactions", hint="table interactions : jobseeker_id, offer_id, type, date")
    return it["date"].to_numpy(dtype="datetime64[D]").min()


@dataclass
class TrainingSet:
    pairs: Pairs
    X: np.ndarray
    applied: np.ndarray
    hired: np.ndarray
    apply_date: np.ndarray  # date of the application (NaT when none)
    months: int
    coverage: float  # share of the applications found among stage-1 pairs


def training_set(market: Market, until: np.datetime64, stage1: Stage1Params, since: np.datetime64 | None = None,
                 progress=None) -> TrainingSet:
    since = since if since is not None else history_start(market)
    months = month_starts(since, until)
    parts = []
    iterator = progress(months) if progress else months
    for start in iterator:
        end = min(window_end(start), until)
        parts.append(snapshot_pairs(market, start, end, stage1))
    pairs = Pairs.concat(parts)
    n_off = market.offers.n
    key = pairs.j * n_off + pairs.o
    _, first = np.unique(key, return_index=True)
    pairs = pairs.take(np.sort(first))
    key = pairs.j * n_off + pairs.o
    apps = interaction_keys(market, "application", before=until, after=since)
    hires = interaction_keys(market, "hire", before=until, after=since)
    applied = np.isin(key, apps)
    hired = np.isin(key, hires) & applied
    coverage = float(np.isin(apps, key).mean()) if len(apps) else 0.0
    it = market.interactions
    app_rows = it[(it["type"] == "application")]
    dates = pd.Series(app_rows["date"].to_numpy(dtype="datetime64[D]"),
                      index=app_rows["j"].to_numpy(np.int64) * n_off + app_rows["o"].to_numpy(np.int64))
    dates = dates[~dates.index.duplicated()]
    apply_date = dates.reindex(key).to_numpy(dtype="datetime64[D]")
    X = pair_features(market, pairs)
    return TrainingSet(pairs=pairs, X=X, applied=applied, hired=hired, apply_date=apply_date, months=len(months),
                       coverage=coverage)


# --------------------------------------------------------------------------- protected design (training only)


def _age_groups(prot: pd.DataFrame, dates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    years = dates.astype("datetime64[Y]").astype(int) + 1970
    birth = pd.to_numeric(prot["birth_year"], errors="coerce").to_numpy(dtype=float)
    age = years - birth
    band = prot["age_band"].fillna("").astype(str).str.lower().to_numpy(dtype=object)
    young_band = np.array(["moins" in b or "< 26" in b or "18" in b for b in band])
    senior_band = np.array(["50" in b for b in band])
    young = np.where(np.isnan(age), young_band, age < 26)
    senior = np.where(np.isnan(age), senior_band, age >= 50)
    return young.astype(float), senior.astype(float)


def protected_design(market: Market, pairs: Pairs, dates: np.ndarray, min_count: int = 30
                     ) -> tuple[np.ndarray, list[str]] | None:
    """Protected indicators of each pair's person (training-time bias correction only)."""
    prot = market.tables.protected
    if prot is None or not len(prot):
        return None
    table = prot.set_index("jobseeker_id")
    ids = market.js.ids[pairs.j]
    p = table.reindex(ids)
    if p["sex"].isna().all() and p["birth_year"].isna().all() and p["qpv"].isna().all():
        return None
    dates = np.where(np.isnat(dates), market.as_of(), dates)
    young, senior = _age_groups(p, dates)
    female = (p["sex"].astype(str).str.upper() == "F").to_numpy(dtype=float)
    nat = p["nationality_group"].fillna("").astype(str).str.lower()
    cols = {
        "sexe : femme": female,
        "âge : moins de 26 ans": young,
        "âge : 50 ans et plus": senior,
        "quartier prioritaire (QPV)": np.nan_to_num(pd.to_numeric(p["qpv"], errors="coerce").to_numpy(float)),
        "RQTH": np.nan_to_num(pd.to_numeric(p["rqth"], errors="coerce").to_numpy(float)),
        "nationalité : UE": (nat == "ue").to_numpy(dtype=float),
        "nationalité : hors UE": nat.str.contains("hors").to_numpy(dtype=float),
    }
    domains = market.occ.domain[market.offers.code[pairs.o]]
    for d in sorted(set(domains.tolist())):
        col = female * (domains == d)
        if col.sum() >= min_count:
            cols[f"sexe : femme × domaine {d}"] = col
    names = [k for k, v in cols.items() if v.sum() >= min_count]
    if not names:
        return None
    return np.column_stack([cols[k] for k in names]), names


def logistic_offset(D: np.ndarray, y: np.ndarray, offset: np.ndarray, l2: float = 2.0, iters: int = 30) -> np.ndarray:
    """L2-penalised logistic regression without intercept, with a fixed offset (Newton iterations)."""
    beta = np.zeros(D.shape[1])
    y = y.astype(float)
    for _ in range(iters):
        eta = offset + D @ beta
        p = 1.0 / (1.0 + np.exp(-eta))
        w = p * (1 - p)
        grad = D.T @ (y - p) - l2 * beta
        hess = (D * w[:, None]).T @ D + l2 * np.eye(D.shape[1])
        step = np.linalg.solve(hess, grad)
        beta += step
        if np.max(np.abs(step)) < 1e-6:
            break
    return beta


@dataclass
class TrainReport:
    rows: dict[str, int] = field(default_factory=dict)
    coverage: float = 0.0
    months: int = 0
    debiasing: dict[str, Any] = field(default_factory=dict)
    importance: dict[str, Any] = field(default_factory=dict)
    applicants_per_post: float = 0.0


def fit(ts: TrainingSet, market: Market, params: RankerParams | None = None, *, debias: bool = True,
        rounds: int = 3) -> tuple[MatchRanker, TrainReport]:
    ranker = MatchRanker(params=params or RankerParams())
    if ts.applied.sum() == 0:
        from tremplin.errors import InvalidInput

        raise InvalidInput("aucune candidature ne correspond aux offres et demandeurs de la période d'entraînement",
                           field="interactions")
    ranker.fit_apply(ts.X, ts.applied)
    rows = np.flatnonzero(ts.applied)
    Xh, yh = ts.X[rows], ts.hired[rows]
    report = TrainReport(coverage=ts.coverage, months=ts.months)
    design = protected_design(market, ts.pairs.take(rows), ts.apply_date[rows]) if debias else None
    offset = None
    if design is not None and yh.sum() > 0:
        D, names = design
        for _ in range(rounds):
            ranker.fit_hire(Xh, yh, offset)
            beta = logistic_offset(D, yh, ranker.hire_logit(Xh))
            offset = D @ beta
        ranker.fit_hire(Xh, yh, offset)
        beta = logistic_offset(D, yh, ranker.hire_logit(Xh))
        report.debiasing = {
            "applied": True,
            "method": "backfitting LightGBM + terme logistique des attributs protégés (décalage à l'entraînement seulement)",
            "terms": {n: {"log_odds": round(float(b), 4), "odds_ratio": round(float(np.exp(b)), 3),
                          "applications": int(D[:, k].sum())} for k, (n, b) in enumerate(zip(names, beta, strict=True))},
        }
    else:
        ranker.fit_hire(Xh, yh)
        report.debiasing = {"applied": False,
                            "reason": "désactivée" if not debias else "table des attributs protégés absente ou vide"}
    report.rows = {"pairs": int(len(ts.pairs)), "applications": int(ts.applied.sum()), "hires": int(yh.sum()),
                   "apply_rows": ranker.info_.get("apply_rows", 0)}
    report.importance = ranker.importance()
    hires_per_offer = np.bincount(ts.pairs.o[ts.hired], minlength=market.offers.n)
    apps_per_offer = np.bincount(ts.pairs.o[ts.applied], minlength=market.offers.n)
    filled = hires_per_offer > 0
    if filled.any():
        report.applicants_per_post = float(np.median(apps_per_offer[filled] / np.maximum(hires_per_offer[filled], 1)))
    ranker.info_["debiasing"] = report.debiasing
    ranker.info_["applicants_per_post"] = report.applicants_per_post
    return ranker, report
