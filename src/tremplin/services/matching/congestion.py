"""Stage 3: spreading recommendations across offers (entropic unbalanced optimal transport).

A plain relevance ranker shows everyone the same few attractive offers: they drown in
applications while others are never seen. Following the optimal-transport view of
congestion-aware recommendation (Bied et al., 2021; ReCon, Mashayekhi et al., 2023), the
recommendations of a whole market are treated as a transport plan P between jobseekers (each
brings one unit of attention) and offers (each can absorb attention in proportion to its
capacity: number of posts × applicants a post needs), with the ranker's scores as utilities:

    maximise  Σ P_ij s_ij + ε H(P)   subject to  Σ_j P_ij = 1 (each person),
              Σ_i P_ij ≈ b_j (each offer, soft: KL penalty of weight τ)

Sinkhorn's algorithm solves it on the **sparse** stage-1 edges only (scipy CSR products, a
few dozen iterations). The solution is ``P_ij ∝ exp(s_ij / ε + h_j)``: ``h_j`` is the offer's
« price », negative for offers everybody wants, positive for offers nobody sees. Prices are
computed once per market and reused for single requests (they change only with the market).

The transport model gives each person one unit of attention spread softly over all their
offers, while people actually see a list of ten. So the prices are then **corrected on the
lists themselves** (:func:`refine`): a few rounds in which everyone's first page is drawn with
the current prices, each offer's position-weighted exposure is compared with its fair share
(its posts × the market's exposure per post), and its price moves by a bounded step in the
direction that brings the two together.

Lists are shown in pages of ten (:func:`paged_ranks`). Which offers make a page is decided on
the **hire-chance ratio** ``w_ij = exp(protect × (s_ij − max_k s_ik))`` (the ranker's score is
half the log-probability of a hire, so with ``protect`` = 2, ``w`` is the offer's hire
probability relative to the person's best offer) plus ``strength × ε × h_j``. Because the
price is added to a ratio and not to a log, a person's clearly best offers (w near 1, far above
the rest) keep their place, while offers of nearly equal interest (a person with many
substitutes) are the ones traded for less-seen offers: the recommendations spread where it
costs few hires. The order within the page uses ``s + page_strength × ε × h`` (the first lines
get the attention, and they go less often to the offers everybody sees).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp


@dataclass(frozen=True)
class CongestionParams:
    strength: float = 0.05  # which offers enter each page: hire-chance ratio + strength × ε × price (0 = relevance)
    page_strength: float = 1.25  # order within a page: score + page_strength × ε × price
    page_size: int = 10
    protect: float = 2.0  # w = exp(protect × (s − person's best s)): 2 = ratio of hire probabilities (score = ½ log P)
    refine_rounds: int = 6  # price corrections on the drawn lists (0 = transport prices alone)
    refine_step: float = 0.3  # each correction: ε × price moves by step × log(fair share / exposure), bounded
    refine_bound: float = 1.0  # bound on |log(fair share / exposure)| in one correction
    candidate_strength: float = 0.25  # the same for shortlists of candidates (person prices)
    epsilon: float = 0.2  # entropic temperature, in score units (log-probabilities)
    tau: float = 4.0  # weight of the capacity constraint (KL); larger = capacities enforced more strictly
    iterations: int = 300
    tolerance: float = 1e-3
    edges_per_person: int = 100  # only each person's best edges enter the transport problem


def stored_params(stored: dict | None) -> CongestionParams:
    """Stage-3 settings saved with a model; settings of the earlier method (no ``protect``) give the defaults.

    Before the hire-chance ratio, ``strength`` was a weight on the log-score (0.75 by default):
    read with today's meaning it would overturn every list, so such settings are not reused.
    """
    if not stored or "protect" not in stored:
        return CongestionParams()
    known = set(CongestionParams.__dataclass_fields__)
    return CongestionParams(**{k: v for k, v in stored.items() if k in known})


@dataclass
class Prices:
    """The solution of the transport problem, as prices on both sides."""

    offer: np.ndarray  # h_j per offer row of the market (0 for offers outside the problem)
    person: np.ndarray  # g_i per jobseeker row (0 outside)
    iterations: int = 0
    converged: bool = False
    residual: float = float("nan")
    info: dict = field(default_factory=dict)


def sinkhorn(rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, capacity: np.ndarray, params: CongestionParams,
             n_rows: int | None = None, n_cols: int | None = None) -> tuple[np.ndarray, np.ndarray, dict]:
    """Unbalanced entropic transport on sparse edges (compact indices).

    ``rows``/``cols``: edge endpoints (0..n_rows-1, 0..n_cols-1); ``scores``: utilities;
    ``capacity``: relative capacity of each column. Every row with an edge carries one unit.
    Returns (column potentials h, row potentials g, info) with ``P_e = exp(s_e/ε + g_row + h_col)``.
    """
    n_rows = int(rows.max()) + 1 if n_rows is None else n_rows
    n_cols = int(cols.max()) + 1 if n_cols is None else n_cols
    eps = params.epsilon
    if not len(rows):
        return np.zeros(n_cols), np.zeros(n_rows), {"iterations": 0, "converged": True, "residual": 0.0}
    # base kernel, stabilised per row (the row shift is absorbed in g)
    row_max = np.full(n_rows, -np.inf)
    np.maximum.at(row_max, rows, scores)
    kern = np.exp((scores - row_max[rows]) / eps)
    K = sp.csr_matrix((kern, (rows, cols)), shape=(n_rows, n_cols))
    KT = K.T.tocsr()
    a = (np.diff(K.indptr) > 0).astype(float)
    has_col = np.diff(KT.indptr) > 0
    b = np.where(has_col, np.maximum(capacity, 1e-12), 0.0)
    b = b * (a.sum() / b.sum()) if b.sum() > 0 else b
    rho = params.tau / (params.tau + eps)
    h = np.zeros(n_cols)
    log_b = np.log(np.where(has_col, b, 1.0))
    converged, residual, it = False, float("inf"), 0
    while it < params.iterations:
        it += 1
        shift = h[has_col].max() if has_col.any() else 0.0
        v = np.exp(h - shift) * has_col
        s_row = K @ v
        u = np.divide(a, s_row, out=np.zeros_like(a), where=s_row > 0)
        c = v * (KT @ u)
        ok = has_col & (c > 0)
        h_new = h.copy()
        h_new[ok] = rho * (h[ok] + log_b[ok] - np.log(c[ok]))
        residual = float(np.max(np.abs(h_new - h))) if ok.any() else 0.0
        h = h_new
        if residual < params.tolerance:
            converged = True
            break
    shift = h[has_col].max() if has_col.any() else 0.0
    v = np.exp(h - shift) * has_col
    s_row = K @ v
    with np.errstate(divide="ignore"):
        g = np.where(s_row > 0, np.log(np.maximum(a, 1e-300)) - np.log(np.maximum(s_row, 1e-300)) - shift
                     - row_max / eps, 0.0)
    g = np.where(np.isfinite(g), g, 0.0)
    mass = v * (KT @ np.divide(a, s_row, out=np.zeros_like(a), where=s_row > 0))
    return h, g, {"iterations": it, "converged": converged, "residual": residual,
                  "capacity_gap": float(np.abs(mass[has_col] - b[has_col]).sum() / max(b.sum(), 1e-12))}


def top_edges(rows: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of each row's ``k`` best edges."""
    if not len(rows):
        return np.zeros(0, np.int64)
    order = np.lexsort((-scores, rows))
    r = rows[order]
    starts = np.r_[True, r[1:] != r[:-1]]
    rank = np.arange(len(r)) - np.maximum.accumulate(np.where(starts, np.arange(len(r)), 0))
    return np.sort(order[rank < k])


def market_prices(j: np.ndarray, o: np.ndarray, scores: np.ndarray, capacity_by_offer: np.ndarray,
                  n_jobseekers: int, n_offers: int, params: CongestionParams, *, refined: bool = True) -> Prices:
    """Prices for a market's stage-1 edges (market rows), keeping each person's best edges.

    Transport prices (Sinkhorn), then ``params.refine_rounds`` corrections on the drawn lists
    (``refined=False`` stops after the transport prices).
    """
    keep = top_edges(j, scores, params.edges_per_person)
    j, o, s = j[keep], o[keep], scores[keep]
    uj, rj = np.unique(j, return_inverse=True)
    uo, ro = np.unique(o, return_inverse=True)
    h, g, info = sinkhorn(rj, ro, s, capacity_by_offer[uo], params, len(uj), len(uo))
    offer = np.zeros(n_offers)
    person = np.zeros(n_jobseekers)
    offer[uo] = h
    person[uj] = g
    info.update({"edges": int(len(s)), "jobseekers": int(len(uj)), "offers": int(len(uo))})
    if refined and params.refine_rounds > 0:
        offer, rinfo = refine(j, o, s, offer, capacity_by_offer, params)
        info.update(rinfo)
    return Prices(offer=offer, person=person, iterations=info["iterations"], converged=info["converged"],
                  residual=info["residual"], info=info)


class _FirstPages:
    """Everyone's edges as a dense (people × longest list) table, to draw first pages quickly.

    Drawing the first page of every list is the inner step of :func:`refine`; with at most
    ``edges_per_person`` edges each, a dense table lets numpy pick each row's best ``page_size``
    (``argpartition``) and order them, instead of sorting all the market's edges every round.
    Ties are broken arbitrarily here (they are broken by offer row in :func:`paged_ranks`).
    """

    def __init__(self, j: np.ndarray, o: np.ndarray, scores: np.ndarray, params: CongestionParams):
        _, rows = np.unique(j, return_inverse=True)
        order = np.argsort(rows, kind="stable")
        rows = rows[order]
        counts = np.bincount(rows)
        col = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
        shape = (len(counts), int(counts.max()))
        self.params = params
        self.offer = np.zeros(shape, np.int64)
        self.offer[rows, col] = o[order]
        self.weight = np.full(shape, -np.inf)
        self.weight[rows, col] = relative_chance(j, scores, params.protect)[order]
        self.score = np.full(shape, -np.inf)
        self.score[rows, col] = scores[order]

    def exposure(self, prices: np.ndarray, n_offers: int) -> np.ndarray:
        """Σ 1 / log2(1 + rank) of each offer over everyone's first page, at these prices."""
        p = self.params
        shift = p.epsilon * prices[self.offer]
        member = self.weight + p.strength * shift
        k = min(p.page_size, member.shape[1])
        top = np.argpartition(-member, k - 1, axis=1)[:, :k] if k < member.shape[1] else \
            np.broadcast_to(np.arange(k), member.shape)
        shown = np.isfinite(np.take_along_axis(member, top, axis=1))
        within = np.where(shown, np.take_along_axis(self.score + p.page_strength * shift, top, axis=1), -np.inf)
        place = np.argsort(-within, axis=1, kind="stable")
        rank = np.empty_like(place)
        np.put_along_axis(rank, place, np.arange(1, k + 1)[None, :].repeat(len(place), 0), axis=1)
        offers = np.take_along_axis(self.offer, top, axis=1)
        return np.bincount(offers[shown], weights=1.0 / np.log2(1.0 + rank[shown]), minlength=n_offers)


def page_exposure(j: np.ndarray, o: np.ndarray, scores: np.ndarray, prices: np.ndarray, params: CongestionParams,
                  n_offers: int) -> np.ndarray:
    """Position-weighted exposure of each offer in everyone's first page (Σ 1 / log2(1 + rank))."""
    rank, _ = paged_ranks(j, o, scores, prices[o], params)
    shown = rank <= params.page_size
    return np.bincount(o[shown], weights=1.0 / np.log2(1.0 + rank[shown]), minlength=n_offers)


def refine(j: np.ndarray, o: np.ndarray, scores: np.ndarray, prices: np.ndarray, capacity_by_offer: np.ndarray,
           params: CongestionParams) -> tuple[np.ndarray, dict]:
    """Correct the offer prices on the lists they produce (market rows; returns new prices and a summary).

    Each round draws everyone's first page with the current prices, measures each offer's
    exposure ``E_j`` and its fair share ``c_j`` (posts × exposure per post over the offers that
    someone can be shown), and moves ``ε × h_j`` by ``refine_step × log((c_j + δ) / (E_j + δ))``,
    bounded by ``refine_bound`` (δ = 0.1, a tenth of a first-line view, keeps unseen offers finite).
    """
    prices = np.asarray(prices, dtype=float).copy()
    n_offers = len(prices)
    if not len(j) or params.refine_rounds <= 0:
        return prices, {"refine_rounds": 0}
    pages = _FirstPages(j, o, scores, params)
    reachable = np.bincount(o, minlength=n_offers) > 0
    capacity = np.where(reachable, np.maximum(np.asarray(capacity_by_offer, dtype=float), 1e-12), 0.0)
    delta = 0.1
    gaps = []
    for _ in range(params.refine_rounds):
        exposure = pages.exposure(prices, n_offers)
        fair = capacity * (exposure.sum() / capacity.sum())
        gap = np.log((fair + delta) / (exposure + delta))
        gaps.append(float(np.mean(np.abs(gap[reachable]))))
        step = params.refine_step * np.clip(gap, -params.refine_bound, params.refine_bound)
        prices = prices + np.where(reachable, step / params.epsilon, 0.0)
    exposure = pages.exposure(prices, n_offers)
    fair = capacity * (exposure.sum() / capacity.sum())
    gaps.append(float(np.mean(np.abs(np.log((fair + delta) / (exposure + delta)))[reachable])))
    return prices, {"refine_rounds": params.refine_rounds, "exposure_gap_before": round(gaps[0], 4),
                    "exposure_gap_after": round(gaps[-1], 4)}


def relative_chance(j: np.ndarray, scores: np.ndarray, protect: float) -> np.ndarray:
    """exp(protect × (s − the person's best s)): 1 for each person's best offer, near 0 for far worse ones."""
    if not len(j):
        return np.zeros(0)
    best = np.full(int(j.max()) + 1, -np.inf)
    np.maximum.at(best, j, scores)
    return np.exp(protect * (scores - best[j]))


def adjust(scores: np.ndarray, prices: np.ndarray, params: CongestionParams, *, candidates: bool = False,
           strength: float | None = None) -> np.ndarray:
    """Scores shifted for spread: s + strength × ε × price (``candidate_strength`` for shortlists)."""
    if strength is None:
        strength = params.candidate_strength if candidates else params.strength
    return scores + strength * params.epsilon * prices


def paged_ranks(j: np.ndarray, o: np.ndarray, scores: np.ndarray, prices: np.ndarray,
                params: CongestionParams) -> tuple[np.ndarray, np.ndarray]:
    """1-based rank of each edge in its person's list, and the score it was ordered by.

    Lists are cut in pages of ``page_size``: which offers make each page is decided by the
    hire-chance ratio to the person's best offer plus ``strength × ε × h`` (clear favourites are
    kept, near-equivalent offers compete on price), their order within the page by
    ``s + page_strength × ε × h`` (the first lines get the attention). Setting both strengths to
    0 gives the ranker's own order.
    """
    if not len(j):
        return np.zeros(0, np.int64), np.zeros(0)
    member = relative_chance(j, scores, params.protect) + params.strength * params.epsilon * prices
    within = adjust(scores, prices, params, strength=params.page_strength)
    order = np.lexsort((o, -member, j))
    js = j[order]
    starts = np.r_[True, js[1:] != js[:-1]]
    first_rank = np.arange(len(js)) - np.maximum.accumulate(np.where(starts, np.arange(len(js)), 0))
    page = np.empty(len(j), np.int64)
    page[order] = first_rank // max(params.page_size, 1)
    order = np.lexsort((o, -within, page, j))
    js = j[order]
    starts = np.r_[True, js[1:] != js[:-1]]
    rank = np.arange(len(js)) - np.maximum.accumulate(np.where(starts, np.arange(len(js)), 0)) + 1
    out = np.empty(len(j), np.int64)
    out[order] = rank
    return out, within


def ranks_within(j: np.ndarray, o: np.ndarray, score: np.ndarray) -> np.ndarray:
    """1-based rank of each pair in its person's list (best score first, ties by offer row)."""
    if not len(j):
        return np.zeros(0, np.int64)
    order = np.lexsort((o, -score, j))
    js = j[order]
    starts = np.r_[True, js[1:] != js[:-1]]
    rank = np.arange(len(js)) - np.maximum.accumulate(np.where(starts, np.arange(len(js)), 0)) + 1
    out = np.empty(len(j), np.int64)
    out[order] = rank
    return out
