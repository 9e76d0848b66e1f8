"""Stage 1 (candidates), pair features, stage 3 (Sinkhorn) on hand-made markets with the real ROME."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tremplin.services.matching import candidates as C
from tremplin.services.matching import congestion as G
from tremplin.services.matching import features as F
from tremplin.services.matching import rules, schema
from tremplin.services.matching.market import build_market
from tremplin.services.matching.occupations import LEVEL_FICHE, LEVEL_MOBILITY, LEVEL_SAME

ANNECY, CHAMONIX = "74010", "74056"


@pytest.fixture(scope="module")
def occ(referentials):
    from tremplin.services.matching import occupations

    return occupations.load()


def mobility_target(occ, code: str) -> str:
    """A ROME mobility neighbour of ``code`` outside its fiche."""
    i = occ.index[code]
    _, targets = occ.mobility_of(np.array([i]))
    for t in targets:
        if occ.parent[t] != occ.parent[i] and occ.codes[t] != code:
            return str(occ.codes[t])
    raise AssertionError("no mobility target")


def fiche_sibling(occ, code: str) -> str:
    i = occ.index[code]
    siblings = [str(c) for c in occ.codes[occ.parent == occ.parent[i]] if c != code]
    return siblings[0]


def make_market(occ, extra_offers=(), **person):
    cook, sibling, mobile = "G1602", fiche_sibling(occ, "G1602"), mobility_target(occ, "G1602")
    comps = occ.code_comp[occ.index[cook]].indices[:3]
    skill_codes = [k for k, v in occ.comp_vocab.items() if v in set(comps.tolist())]
    js = pd.DataFrame([{
        "jobseeker_id": "J1", "commune_code": ANNECY, "desired_rome_codes": [cook], "past_rome_codes": [cook],
        "past_months": [30], "skills": skill_codes[:1], "mobility_radius_km": 10.0, "desired_contract_types": ["CDI"],
        "desired_salary_monthly": 2000.0, **person,
    }])
    offers = pd.DataFrame([
        {"offer_id": "same", "rome_code": cook, "commune_code": ANNECY, "contract_type": "CDI", "skills": skill_codes[:2],
         "salary_min_monthly": 2100.0},
        {"offer_id": "fiche", "rome_code": sibling, "commune_code": ANNECY, "contract_type": "CDD"},
        {"offer_id": "mobility", "rome_code": mobile, "commune_code": ANNECY, "contract_type": "CDI"},
        {"offer_id": "far", "rome_code": cook, "commune_code": CHAMONIX, "contract_type": "CDI"},
        {"offer_id": "unrelated", "rome_code": "M1805", "commune_code": ANNECY, "contract_type": "CDI"},
        {"offer_id": "nowhere", "rome_code": cook, "contract_type": "CDI"},
        *extra_offers,
    ])
    tables = schema.Tables(jobseekers=schema.validate(js, schema.JOBSEEKERS), offers=schema.validate(offers, schema.OFFERS),
                           source="test", fingerprint="test")
    return build_market(tables, occ)


def stage1(market, filters=None, **params):
    index = C.OfferIndex(market, np.arange(market.offers.n))
    pairs = C.candidates(market, np.array([0]), index, C.Stage1Params(**params), filters)
    return {str(market.offers.ids[o]): (int(lv), int(ld), d) for o, lv, ld, d in
            zip(pairs.o, pairs.level, pairs.level_desired, pairs.dist, strict=True)}, pairs


def test_stage1_levels_distance_and_unknown_places(occ):
    market = make_market(occ)
    found, _ = stage1(market)
    assert found["same"][:2] == (LEVEL_SAME, LEVEL_SAME) and found["same"][2] < 1
    assert found["fiche"][0] == LEVEL_FICHE
    assert found["mobility"][0] == LEVEL_MOBILITY
    assert "far" not in found  # Chamonix is ~60 km away, beyond 2 × 10 km
    assert "unrelated" not in found
    assert np.isnan(found["nowhere"][2])  # no place: kept, without distance
    wider, _ = stage1(market, radius_factor=8.0)
    assert "far" in wider and 40 < wider["far"][2] < 80


def test_person_filters_are_hard_rules(occ):
    market = make_market(occ)
    pos = market.offers.pos
    found, _ = stage1(market, {0: C.PersonFilter(max_distance_km=5.0)})
    assert "nowhere" not in found and "same" in found  # unknown place never passes a maximum distance
    found, _ = stage1(market, {0: C.PersonFilter(contract_bits=1)})  # CDI only
    assert "fiche" not in found and "same" in found
    found, _ = stage1(market, {0: C.PersonFilter(excluded_offers=frozenset({pos["same"]}))})
    assert "same" not in found and "nowhere" in found
    code = market.occ.index["M1805"]
    found, _ = stage1(market, {0: C.PersonFilter(codes=frozenset({code}))})
    assert set(found) == {"unrelated"}  # only the occupation the person asked for, even far from the profile


def test_cap_keeps_the_closest_occupations(occ):
    market = make_market(occ)
    found, pairs = stage1(market, max_candidates=2)
    assert len(pairs) == 2 and "same" in found


def test_reverse_direction_finds_the_same_pairs(occ):
    market = make_market(occ)
    found, pairs = stage1(market)
    entries = C.EntriesByCode(market, np.array([0]), C.Stage1Params())
    for o in pairs.o:
        rev = C.candidates_for_offer(market, int(o), entries, C.Stage1Params())
        assert list(rev.j) == [0]
        assert rev.level[0] == pairs.level[pairs.o == o][0]
    far = market.offers.pos["far"]
    assert len(C.candidates_for_offer(market, far, entries, C.Stage1Params())) == 0


def test_pair_features(occ):
    market = make_market(occ)
    _, pairs = stage1(market)
    X = F.pair_features(market, pairs)
    col = {n: i for i, n in enumerate(F.FEATURES)}
    row = {str(market.offers.ids[o]): X[k] for k, o in enumerate(pairs.o)}
    same, fiche = row["same"], row["fiche"]
    assert same[col["months_in_code"]] == 30 and fiche[col["months_in_code"]] == 0
    assert fiche[col["months_in_fiche"]] == 30  # same parent fiche
    assert same[col["skill_share"]] == pytest.approx(0.5) and same[col["skills_in_common"]] == 1
    assert same[col["contract_ok"]] == 1 and fiche[col["contract_ok"]] == 0
    assert same[col["salary_gap"]] == pytest.approx(0.05)
    assert np.isnan(fiche[col["salary_gap"]])  # not shown
    assert same[col["code_similarity"]] == pytest.approx(1.0)
    assert np.isnan(row["nowhere"][col["distance_km"]])


def test_no_protected_variable():
    rules.check_features(F.FEATURES)
    for bad in ("sex", "age_years", "qpv_resident", "nationality", "unemployment_months"):
        with pytest.raises(Exception, match="M01"):
            rules.check_features((*F.FEATURES, bad))


def test_sparse_sinkhorn_matches_pot():
    import ot

    rng = np.random.default_rng(0)
    n, m, eps = 7, 4, 0.5
    s = rng.normal(size=(n, m))
    rows, cols = np.nonzero(np.ones((n, m)))
    scores = s[rows, cols]
    # unbalanced: rows exact, columns softly held to uniform capacities
    h, g, _ = G.sinkhorn(rows, cols, scores, np.ones(m), G.CongestionParams(epsilon=eps, tau=2.0, iterations=5000,
                                                                            tolerance=1e-12), n, m)
    plan = np.exp(scores / eps + g[rows] + h[cols]).reshape(n, m)
    pot = ot.unbalanced.sinkhorn_unbalanced(np.ones(n), np.ones(m) * n / m, -s, eps, (float("inf"), 2.0),
                                            numItermax=10000, stopThr=1e-12)
    np.testing.assert_allclose(plan, pot, atol=1e-8)
    # balanced (τ → ∞), unequal capacities
    cap = np.array([1.0, 2.0, 3.0, 4.0])
    h, g, info = G.sinkhorn(rows, cols, scores, cap, G.CongestionParams(epsilon=eps, tau=1e9, iterations=20000,
                                                                        tolerance=1e-12), n, m)
    plan = np.exp(scores / eps + g[rows] + h[cols]).reshape(n, m)
    np.testing.assert_allclose(plan, ot.sinkhorn(np.ones(n), cap / cap.sum() * n, -s, eps, numItermax=100000,
                                                 stopThr=1e-12), atol=1e-7)
    assert info["capacity_gap"] < 1e-6


def test_congestion_spreads_first_choices():
    """Everyone prefers offer 0 a little: alone, the ranker sends everybody there; stage 3 spreads them."""
    rng = np.random.default_rng(1)
    people, offers = 60, 6
    j = np.repeat(np.arange(people), offers)
    o = np.tile(np.arange(offers), people)
    s = np.where(o == 0, 0.0, -0.3) + rng.normal(0, 0.05, len(j))
    params = G.CongestionParams(epsilon=0.2, tau=4.0, strength=1.0)
    prices = G.market_prices(j, o, s, np.ones(offers), people, offers, params)
    assert prices.converged and np.argmin(prices.offer) == 0
    adjusted = G.adjust(s, prices.offer[o], params)

    def first_choices(score):
        best = np.full(people, -np.inf)
        np.maximum.at(best, j, score)
        return np.bincount(o[score == best[j]], minlength=offers)

    before, after = first_choices(s), first_choices(adjusted)
    assert before[0] == people
    assert after[0] < people / 2 and (after > 0).sum() >= 4
    untouched = G.adjust(s, prices.offer[o], G.CongestionParams(strength=0.0))
    assert np.array_equal(untouched, s)


def test_clear_favourites_are_protected_near_equivalents_traded():
    """The same price sends a near-equivalent offer out of the page, never a clear favourite."""
    j = np.array([0, 0, 0, 1, 1, 1])
    o = np.array([0, 1, 2, 0, 1, 2])
    # person 0 prefers offer 0 by far; person 1 finds offers 0 and 1 almost equal; both also see offer 2
    s = np.array([0.0, -2.0, -2.1, 0.0, -0.02, -2.1])
    price = np.array([-4.0, 0.0, 4.0])  # offer 0 is over-exposed, offer 2 under-exposed
    params = G.CongestionParams(strength=0.1, page_strength=0.0, page_size=1, epsilon=0.2)
    rank, _ = G.paged_ranks(j, o, s, price[o], params)
    first = {int(p): int(o[(j == p) & (rank == 1)][0]) for p in (0, 1)}
    assert first[0] == 0  # hire chance ratio 1 against 0.02: kept
    assert first[1] != 0  # ratio 0.96 for offer 1: the price decides
    unpriced, _ = G.paged_ranks(j, o, s, price[o], G.CongestionParams(strength=0.0, page_strength=0.0, page_size=1))
    assert unpriced[3] == 1  # without the price, person 1's first line is offer 0
    # a price large enough overrides even a favourite: the protection is a matter of degree
    strong, _ = G.paged_ranks(j, o, s, price[o], G.CongestionParams(strength=2.0, page_strength=0.0, page_size=1))
    assert strong[0] > 1
    weights = G.relative_chance(j, s, 2.0)
    assert weights[0] == 1.0 and weights[3] == 1.0 and weights[1] == pytest.approx(np.exp(-4.0))


def test_list_corrections_bring_exposure_closer_to_fair_shares():
    rng = np.random.default_rng(3)
    people, offers = 300, 40
    j = np.repeat(np.arange(people), 15)
    o = np.concatenate([rng.choice(offers, 15, replace=False) for _ in range(people)])
    popularity = np.linspace(1.0, -1.0, offers)  # low ids are wanted by everyone
    s = popularity[o] + rng.normal(0, 0.3, len(j))
    base = G.CongestionParams(refine_rounds=0)
    transport = G.market_prices(j, o, s, np.ones(offers), people, offers, base)
    assert transport.info.get("refine_rounds") is None
    refined = G.market_prices(j, o, s, np.ones(offers), people, offers, G.CongestionParams(refine_rounds=6))
    assert refined.info["exposure_gap_after"] < refined.info["exposure_gap_before"]
    unrefined = G.market_prices(j, o, s, np.ones(offers), people, offers, G.CongestionParams(), refined=False)
    np.testing.assert_allclose(unrefined.offer, transport.offer)

    def gini(params, prices):
        e = G.page_exposure(j, o, s, prices, params, offers)
        e = np.sort(e)
        cum = np.cumsum(e)
        return (offers + 1 - 2 * cum.sum() / cum[-1]) / offers

    plain = G.CongestionParams(strength=0.0, page_strength=0.0)
    assert gini(G.CongestionParams(), refined.offer) < gini(G.CongestionParams(), transport.offer) < \
        gini(plain, np.zeros(offers))
    # the corrections never touch an offer nobody can be shown
    lonely = G.market_prices(j, o, s, np.ones(offers + 1), people, offers + 1, G.CongestionParams())
    assert lonely.offer[offers] == 0.0


def test_refine_rejects_nothing_and_keeps_prices_without_edges():
    prices, info = G.refine(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.array([0.5, -0.5]),
                            np.ones(2), G.CongestionParams())
    assert prices.tolist() == [0.5, -0.5] and info["refine_rounds"] == 0


def test_stage3_settings_of_the_earlier_method_are_not_reused():
    old = {"strength": 0.75, "page_strength": 1.5, "page_size": 10, "candidate_strength": 0.25, "epsilon": 0.2,
           "tau": 4.0, "iterations": 300, "tolerance": 1e-3, "edges_per_person": 100}
    assert G.stored_params(old) == G.CongestionParams()
    assert G.stored_params(None) == G.CongestionParams()
    current = {**G.CongestionParams().__dict__, "strength": 0.08, "unknown_later_setting": 1}
    assert G.stored_params(current).strength == 0.08


def test_fast_first_pages_match_the_sorted_lists():
    """The dense table used by the corrections draws the same first pages as paged_ranks."""
    rng = np.random.default_rng(5)
    lengths = rng.integers(1, 25, 80)  # some lists shorter than a page
    j = np.repeat(np.arange(80) * 3, lengths)  # market rows with gaps
    o = np.concatenate([rng.choice(50, k, replace=False) for k in lengths])
    s = rng.normal(-2, 1, len(j))
    prices = rng.normal(0, 2, 50)
    for params in (G.CongestionParams(), G.CongestionParams(strength=0.3, page_strength=0.5, page_size=4)):
        fast = G._FirstPages(j, o, s, params).exposure(prices, 50)
        np.testing.assert_allclose(fast, G.page_exposure(j, o, s, prices, params, 50))
