"""Stage 1: candidate (jobseeker, offer) pairs, vectorised and blocked by occupation.

For a block of jobseekers, the occupations worth looking at are expanded from the codes they
seek and have exercised:

====================  =====  ===========================================================
level                 value  how
====================  =====  ===========================================================
same occupation          4   a code sought or exercised
same fiche               3   another code of the same parent fiche
mobility link            2   a published ROME mobility link from one of those codes
shared competences       1   the few codes whose competence profile is closest (cosine)
====================  =====  ===========================================================

The (jobseeker, code) entries are joined to the open offers of those codes (sorted by code),
then filtered by commuting distance (within ``radius_factor`` × the person's mobility radius,
at least ``min_km``) and by the person's own hard filters (:class:`Preferences`). Offers without
a known place are kept, without distance, unless the person set a maximum distance. Each
jobseeker keeps at most ``max_candidates`` pairs (closest occupations and places first).
Everything works on arrays: no Python loop over people or offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .market import DEFAULT_RADIUS_KM, Market, haversine_km
from .occupations import LEVEL_COMPETENCES, LEVEL_FICHE, LEVEL_MOBILITY, LEVEL_SAME


@dataclass(frozen=True)
class Stage1Params:
    radius_factor: float = 2.0
    min_km: float = 10.0
    default_radius_km: float = DEFAULT_RADIUS_KM
    competence_codes: int = 3  # codes added per person from shared competences
    competence_min_similarity: float = 0.35
    max_candidates: int = 100


@dataclass
class PersonFilter:
    """One jobseeker's own filters and feedback (hard rules, freedom of choice)."""

    max_distance_km: float | None = None
    contract_bits: int = 0  # 0 = any contract
    full_time_only: bool | None = None
    codes: frozenset[int] = frozenset()  # allowed occupations (code indices; fiches match their codes)
    excluded_offers: frozenset[int] = frozenset()  # offer rows: not interested, removed by a counsellor
    code_penalty: dict[int, int] = field(default_factory=dict)  # code index -> number of "not interested"
    company_penalty: dict[str, int] = field(default_factory=dict)


@dataclass
class Pairs:
    j: np.ndarray  # jobseeker rows
    o: np.ndarray  # offer rows
    level: np.ndarray  # int8: closest level, from the occupations sought or exercised
    level_desired: np.ndarray  # int8: closest level from the occupations sought (0: reached from experience only)
    dist: np.ndarray  # km, NaN when a place is unknown

    def __len__(self) -> int:
        return len(self.j)

    def take(self, idx: np.ndarray) -> Pairs:
        return Pairs(self.j[idx], self.o[idx], self.level[idx], self.level_desired[idx], self.dist[idx])

    @classmethod
    def empty(cls) -> Pairs:
        z = np.zeros(0, np.int64)
        return cls(z, z, np.zeros(0, np.int8), np.zeros(0, np.int8), np.zeros(0))

    @classmethod
    def concat(cls, parts: list[Pairs]) -> Pairs:
        parts = [p for p in parts if len(p)]
        if not parts:
            return cls.empty()
        return cls(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("j", "o", "level", "level_desired", "dist")))


def _expand(lo: np.ndarray, cnt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(owner, position) for ranges [lo, lo + cnt)."""
    owner = np.repeat(np.arange(len(lo)), cnt)
    within = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    return owner, lo[owner] + within


def occupation_entries(market: Market, rows: np.ndarray, params: Stage1Params) -> tuple[np.ndarray, ...]:
    """(jobseeker row, code, level, level from sought occupations) for the occupations each jobseeker may be offered."""
    js, occ = market.js, market.occ
    rows = np.asarray(rows, dtype=np.int64)
    od, cd = js.desired.take(rows)
    op, cp = js.past.take(rows)
    sj = np.concatenate([od, op])
    sc = np.concatenate([cd, cp])
    sv = np.concatenate([np.ones(len(cd), bool), np.zeros(len(cp), bool)])
    keep = sc >= 0
    sj, sc, sv = sj[keep], sc[keep], sv[keep]
    parts_j, parts_c, parts_l, parts_v = [], [], [], []

    def add(j, c, level, via):
        parts_j.append(j)
        parts_c.append(c)
        parts_l.append(np.full(len(c), level, np.int8))
        parts_v.append(via)

    add(sj, sc, LEVEL_SAME, sv)
    owner, child = occ.children_of(occ.parent[sc])
    add(sj[owner], child, LEVEL_FICHE, sv[owner])
    owner, target = occ.mobility_of(sc)
    add(sj[owner], target, LEVEL_MOBILITY, sv[owner])
    if params.competence_codes > 0 and len(sc):
        owner, nb, cos = occ.neighbours_of(sc)
        ok = cos >= params.competence_min_similarity
        nj, nc, ncos, nv = sj[owner[ok]], nb[ok], cos[ok], sv[owner[ok]]
        if len(nj):
            # the few closest codes of each person (best cosine over their seeds)
            key = nj.astype(np.int64) * (occ.n + 1) + nc
            order = np.lexsort((-ncos, key))
            key, nj, nc, ncos, nv = key[order], nj[order], nc[order], ncos[order], nv[order]
            first = np.r_[True, key[1:] != key[:-1]]
            nj, nc, ncos, nv = nj[first], nc[first], ncos[first], nv[first]
            order = np.lexsort((-ncos, nj))
            nj, nc, nv = nj[order], nc[order], nv[order]
            starts = np.r_[True, nj[1:] != nj[:-1]]
            rank = np.arange(len(nj)) - np.maximum.accumulate(np.where(starts, np.arange(len(nj)), 0))
            top = rank < params.competence_codes
            add(nj[top], nc[top], LEVEL_COMPETENCES, nv[top])
    ej = np.concatenate(parts_j)
    ec = np.concatenate(parts_c).astype(np.int64)
    el = np.concatenate(parts_l)
    ev = np.concatenate(parts_v)
    if not len(ej):
        z = np.zeros(0, np.int64)
        return z, z, np.zeros(0, np.int8), np.zeros(0, np.int8)
    key = ej.astype(np.int64) * (occ.n + 1) + ec
    order = np.lexsort((-el, key))
    key, ej, ec, el, ev = key[order], ej[order], ec[order], el[order], ev[order]
    first = np.r_[True, key[1:] != key[:-1]]
    # closest level reached from the occupations sought (entries sorted by level within each key)
    ld = np.where(ev, el, 0).astype(np.int8)
    starts = np.flatnonzero(first)
    level_desired = np.maximum.reduceat(ld, starts) if len(starts) else np.zeros(0, np.int8)
    return rows[ej[first]], ec[first], el[first], level_desired.astype(np.int8)


class OfferIndex:
    """Open offers sorted by occupation code, for the join."""

    def __init__(self, market: Market, offer_rows: np.ndarray):
        offer_rows = np.asarray(offer_rows, dtype=np.int64)
        codes = market.offers.code[offer_rows]
        order = np.argsort(codes, kind="stable")
        self.rows = offer_rows[order]
        self.codes = codes[order]
        self.open = np.zeros(market.offers.n, dtype=bool)
        self.open[offer_rows] = True

    def join(self, ej, ec, el, ev) -> tuple[np.ndarray, ...]:
        lo = np.searchsorted(self.codes, ec, "left")
        cnt = np.searchsorted(self.codes, ec, "right") - lo
        owner, pos = _expand(lo, cnt)
        return ej[owner], self.rows[pos], el[owner], ev[owner]


def distance_limits(market: Market, rows: np.ndarray, params: Stage1Params,
                    filters: dict[int, PersonFilter] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(limit km, hard) per jobseeker row: the person's own maximum if set, else the search radius."""
    radius = market.js.radius[rows]
    radius = np.where(np.isnan(radius), params.default_radius_km, radius)
    limit = np.maximum(params.radius_factor * radius, params.min_km)
    hard = np.zeros(len(rows), dtype=bool)
    if filters:
        for k, r in enumerate(rows):
            f = filters.get(int(r))
            if f is not None and f.max_distance_km is not None:
                limit[k] = f.max_distance_km
                hard[k] = True
    return limit, hard


def apply_filters(market: Market, pairs: Pairs, filters: dict[int, PersonFilter] | None) -> np.ndarray:
    """Mask of the pairs allowed by each person's own filters (distance handled elsewhere)."""
    keep = np.ones(len(pairs), dtype=bool)
    if not filters or not len(pairs):
        return keep
    of = market.offers
    concerned = np.isin(pairs.j, np.fromiter(filters.keys(), dtype=np.int64, count=len(filters)))
    for idx in np.flatnonzero(concerned):
        f = filters[int(pairs.j[idx])]
        o = int(pairs.o[idx])
        if o in f.excluded_offers:
            keep[idx] = False
        elif f.contract_bits and not (of.contract[o] & f.contract_bits):
            keep[idx] = False
        elif f.full_time_only and of.full_time[o] == 0:
            keep[idx] = False
        elif f.codes and int(of.code[o]) not in f.codes and int(of.fiche[o]) not in f.codes:
            keep[idx] = False
    return keep


def candidates(market: Market, rows: np.ndarray, index: OfferIndex, params: Stage1Params,
               filters: dict[int, PersonFilter] | None = None) -> Pairs:
    """Stage-1 pairs for a block of jobseekers."""
    rows = np.asarray(rows, dtype=np.int64)
    ej, ec, el, ev = occupation_entries(market, rows, params)
    pj, po, pl, pv = index.join(ej, ec, el, ev)
    if filters:
        # occupations a person asked for are always searched, even far from their profile
        extra = _filter_code_entries(market, rows, filters)
        if extra is not None:
            xj, xo, xl, xv = index.join(*extra)
            pj, po, pl, pv = (np.concatenate([a, b]) for a, b in ((pj, xj), (po, xo), (pl, xl), (pv, xv)))
            key = pj * market.offers.n + po
            order = np.lexsort((-pv, -pl, key))
            first = np.r_[True, key[order][1:] != key[order][:-1]] if len(key) else np.zeros(0, bool)
            sel = order[first]
            pj, po, pl, pv = pj[sel], po[sel], pl[sel], pv[sel]
    js, of = market.js, market.offers
    dist = haversine_km(js.lat[pj], js.lon[pj], of.lat[po], of.lon[po])
    limit, hard = distance_limits(market, rows, params, filters)
    pos = np.searchsorted(rows, pj) if np.all(rows[:-1] <= rows[1:]) else _positions(rows, pj)
    lim, hrd = limit[pos], hard[pos]
    unknown = np.isnan(dist)
    keep = np.where(unknown, ~hrd, dist <= lim)
    pairs = Pairs(pj[keep], po[keep], pl[keep].astype(np.int8), pv[keep].astype(np.int8), dist[keep])
    if filters:
        pairs = pairs.take(np.flatnonzero(apply_filters(market, pairs, filters)))
    return cap(pairs, params.max_candidates)


def _positions(rows: np.ndarray, values: np.ndarray) -> np.ndarray:
    order = np.argsort(rows, kind="stable")
    return order[np.searchsorted(rows[order], values)]


def _filter_code_entries(market: Market, rows: np.ndarray, filters: dict[int, PersonFilter]):
    occ = market.occ
    ej, ec = [], []
    for r in rows:
        f = filters.get(int(r))
        if f is None or not f.codes:
            continue
        for c in f.codes:
            _, children = occ.children_of(np.array([c]))
            for cc in set(children.tolist()) | {c}:
                ej.append(int(r))
                ec.append(int(cc))
    if not ej:
        return None
    ej_a, ec_a = np.array(ej, np.int64), np.array(ec, np.int64)
    return ej_a, ec_a, np.full(len(ej_a), LEVEL_SAME, np.int8), np.full(len(ej_a), LEVEL_SAME, np.int8)


def prior(pairs: Pairs) -> np.ndarray:
    """A cheap order for capping: closer occupations first, then nearer places."""
    d = np.where(np.isnan(pairs.dist), 50.0, pairs.dist)
    return pairs.level.astype(float) * 10.0 + pairs.level_desired * 5.0 - d / 10.0


def cap(pairs: Pairs, k: int) -> Pairs:
    """At most ``k`` pairs per jobseeker (best prior first)."""
    if not len(pairs) or k <= 0:
        return pairs
    counts = np.bincount(pairs.j - pairs.j.min())
    if counts.max() <= k:
        return pairs
    score = prior(pairs)
    order = np.lexsort((-score, pairs.j))
    j_sorted = pairs.j[order]
    starts = np.r_[True, j_sorted[1:] != j_sorted[:-1]]
    grp = np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))
    rank = np.arange(len(order)) - grp
    return pairs.take(np.sort(order[rank < k]))


def candidates_for_offer(market: Market, offer_row: int, entries_by_code, params: Stage1Params,
                         filters: dict[int, PersonFilter] | None = None, js_mask: np.ndarray | None = None) -> Pairs:
    """Stage-1 pairs for one offer: the jobseekers whose occupations reach its code, within their distance."""
    code = int(market.offers.code[offer_row])
    ej, el, ev = entries_by_code.lookup(code)
    if js_mask is not None:
        keep = js_mask[ej]
        ej, el, ev = ej[keep], el[keep], ev[keep]
    js, of = market.js, market.offers
    dist = haversine_km(js.lat[ej], js.lon[ej], of.lat[offer_row], of.lon[offer_row])
    limit, hard = distance_limits(market, ej, params, filters)
    unknown = np.isnan(dist)
    keep = np.where(unknown, ~hard, dist <= limit)
    pairs = Pairs(ej[keep], np.full(int(keep.sum()), offer_row, np.int64), el[keep], ev[keep], dist[keep])
    if filters:
        pairs = pairs.take(np.flatnonzero(apply_filters(market, pairs, filters)))
    return pairs


class EntriesByCode:
    """Every jobseeker's occupation entries, sorted by code (the reverse direction: offer → people)."""

    def __init__(self, market: Market, rows: np.ndarray, params: Stage1Params, block: int = 5000):
        parts = [occupation_entries(market, rows[i:i + block], params) for i in range(0, len(rows), block)]
        ej = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int64)
        ec = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int64)
        el = np.concatenate([p[2] for p in parts]) if parts else np.zeros(0, np.int8)
        ev = np.concatenate([p[3] for p in parts]) if parts else np.zeros(0, np.int8)
        order = np.argsort(ec, kind="stable")
        self.j, self.c, self.level, self.via = ej[order], ec[order], el[order], ev[order]

    def lookup(self, code: int):
        lo, hi = np.searchsorted(self.c, code, "left"), np.searchsorted(self.c, code, "right")
        return self.j[lo:hi], self.level[lo:hi], self.via[lo:hi]
