"""Pair features: what the ranker may look at for a (jobseeker, offer) pair.

Only job-related facts enter: occupation proximity, experience, competences, commuting
distance, contract, hours, pay, diploma and licence requirements, and a few facts about the
offer. **No protected attribute** (sex, age, disability, nationality, neighbourhood) and no
stand-in for one (name, birth date, address, total years of experience, unemployment
duration, languages other than a required English) is computed here; rule M01 of
:mod:`.rules` checks the list at load time.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .candidates import Pairs
from .market import Market

FEATURES = (
    "level_desired",     # from the occupations sought: 4 same code, 3 same fiche, 2 mobility link, 1 shared competences, 0 none
    "level_experience",  # closer level reached only through the occupations exercised (0 otherwise)
    "months_in_code",    # months of experience in the offer's code
    "months_in_fiche",   # months of experience in the offer's parent fiche
    "skill_share",       # share of the offer's competences the person holds
    "skills_in_common",  # number of the offer's competences the person holds
    "competence_fit",    # cosine between the person's competences and the competence profile of the offer's code
    "code_similarity",   # competence-profile similarity between the person's occupations and the offer's
    "distance_km",
    "distance_ratio",    # distance / the person's mobility radius
    "contract_ok",       # the offer's contract is one the person seeks (NaN: no preference declared)
    "hours_ok",          # not a part-time offer for someone seeking full time only
    "salary_gap",        # (offer pay − desired pay) / desired pay, within ±0.5 (NaN: not shown or not declared)
    "education_gap",     # person's level − level required (NaN: none required)
    "experience_met",    # months in the fiche ≥ experience required
    "licence_missing",   # licence required and not held
    "english_missing",   # English required and not declared
    "offer_posts",
    "offer_cdi",
    "offer_full_time",
    "offer_salary",      # monthly minimum shown (NaN when not shown)
)
PROTECTED_NAMES = ("sex", "sexe", "gender", "age", "birth", "naissance", "rqth", "handicap", "disability", "qpv",
                   "nationality", "nationalite", "origin", "origine", "unemployment", "chomage", "name", "nom")


def _lookup(keys_sorted: np.ndarray, values: np.ndarray, query: np.ndarray) -> np.ndarray:
    if not len(keys_sorted):
        return np.zeros(len(query))
    pos = np.clip(np.searchsorted(keys_sorted, query), 0, len(keys_sorted) - 1)
    return np.where(keys_sorted[pos] == query, values[pos], 0.0)


def _code_similarity(market: Market, pairs: Pairs) -> np.ndarray:
    """Best competence-profile similarity between the person's occupations and the offer's code, per pair."""
    js, occ = market.js, market.occ
    code_o = market.offers.code[pairs.o]
    best = np.zeros(len(pairs), dtype=np.float32)
    for csr in (js.desired, js.past):
        owner, seeds = csr.take(pairs.j)  # owner = pair position
        ok = seeds >= 0
        owner, seeds = owner[ok], seeds[ok]
        if len(owner):
            vals = occ.similarity[seeds, code_o[owner]]
            np.maximum.at(best, owner, vals)
    return best


def _competence_fit(market: Market, uj: np.ndarray, inv_j: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Cosine between the person's competences and the competence profile of the offer's code, per pair."""
    js, occ = market.js, market.occ
    sk = js.skills[uj]
    if not sk.nnz:
        return np.zeros(len(inv_j))
    counts = np.asarray(sk.sum(axis=1)).ravel()
    norm = sp.diags(1.0 / np.sqrt(np.maximum(counts, 1.0))).astype(np.float32)
    fit = (norm @ sk @ occ.code_comp.T).tocsr()
    return np.asarray(fit[inv_j, codes]).ravel()


def pair_features(market: Market, pairs: Pairs) -> np.ndarray:
    """Feature matrix (pairs × FEATURES), float32, NaN for unknown values."""
    n = len(pairs)
    X = np.full((n, len(FEATURES)), np.nan, dtype=np.float32)
    if n == 0:
        return X
    js, of, occ = market.js, market.offers, market.occ
    col = {name: i for i, name in enumerate(FEATURES)}
    pj, po = pairs.j, pairs.o
    uj, inv_j = np.unique(pj, return_inverse=True)
    uo, inv_o = np.unique(po, return_inverse=True)
    NC = occ.n + 1

    X[:, col["level_desired"]] = pairs.level_desired
    X[:, col["level_experience"]] = np.where(pairs.level > pairs.level_desired, pairs.level, 0)

    # experience in the offer's code and fiche
    owner, where = js.past.positions(uj)
    codes, months = js.past.values[where], js.past_months[where]
    ok = codes >= 0
    owner, codes, months = owner[ok], codes[ok], months[ok]
    for name, keyc, target in (("months_in_code", codes, of.code[po]), ("months_in_fiche", occ.parent[codes], of.fiche[po])):
        keys = owner.astype(np.int64) * NC + keyc
        order = np.argsort(keys, kind="stable")
        ks, ms = keys[order], months[order]
        if len(ks):
            starts = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
            ks, ms = ks[starts], np.add.reduceat(ms, starts)
        X[:, col[name]] = np.minimum(_lookup(ks, ms, inv_j.astype(np.int64) * NC + target), 240)

    # competences held
    held = js.skills[uj] @ of.skills[uo].T
    held = held.tocsr()
    common = np.asarray(held[inv_j, inv_o]).ravel() if held.nnz else np.zeros(n)
    n_offer = np.diff(of.skills.indptr)[po].astype(float)
    X[:, col["skills_in_common"]] = common
    X[:, col["skill_share"]] = np.where(n_offer > 0, common / np.maximum(n_offer, 1), np.nan)
    fit = _competence_fit(market, uj, inv_j, of.code[po])
    X[:, col["competence_fit"]] = np.where(np.diff(js.skills.indptr)[pj] > 0, fit, np.nan)
    X[:, col["code_similarity"]] = _code_similarity(market, pairs)

    # place
    radius = js.radius[pj]
    X[:, col["distance_km"]] = pairs.dist
    X[:, col["distance_ratio"]] = pairs.dist / np.where(np.isnan(radius) | (radius <= 0), np.nan, radius)

    # contract, hours, pay
    cj, co = js.contracts[pj], of.contract[po]
    X[:, col["contract_ok"]] = np.where((cj == 0) | (co == 0), np.nan, ((cj & co) > 0).astype(float))
    fto, oft = js.full_time_only[pj], of.full_time[po]
    X[:, col["hours_ok"]] = np.where(np.isnan(fto) | np.isnan(oft), np.nan, 1.0 - (fto > 0) * (oft == 0))
    want, pay = js.salary[pj], of.salary[po]
    with np.errstate(invalid="ignore", divide="ignore"):
        X[:, col["salary_gap"]] = np.clip((pay - want) / want, -0.5, 0.5)

    # requirements
    req = of.education[po]
    X[:, col["education_gap"]] = np.where(np.isnan(req), np.nan, js.education[pj] - req)
    exp = of.experience[po]
    X[:, col["experience_met"]] = np.where(np.isnan(exp), np.nan, (X[:, col["months_in_fiche"]] >= exp).astype(float))
    lic = of.licence[po]
    X[:, col["licence_missing"]] = np.where(np.isnan(lic), np.nan, (lic > 0) & (js.licence[pj] == 0))
    eng = of.english[po]
    X[:, col["english_missing"]] = np.where(np.isnan(eng), np.nan, (eng > 0) & (js.english[pj] == 0))

    # the offer
    X[:, col["offer_posts"]] = of.posts[po]
    X[:, col["offer_cdi"]] = np.where(co == 0, np.nan, (co == 1).astype(float))
    X[:, col["offer_full_time"]] = oft
    X[:, col["offer_salary"]] = pay
    return X
