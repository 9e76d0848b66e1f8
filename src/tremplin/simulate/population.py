"""Jobseekers: one pure function per bassin d'emploi (partition), vectorised.

Every distribution is in :mod:`tremplin.simulate.params` with its source; the mechanism is
described in docs/simulation.md (« Demandeurs d'emploi »).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from tremplin.simulate import params as P
from tremplin.simulate.columns import ListCol
from tremplin.simulate.rng import choice_index, stream
from tremplin.simulate.universe import Universe, draw_in_groups, draw_many_in_groups

LANGUAGES_EXTRA = np.array(["Espagnol", "Italien", "Allemand", "Portugais", "Arabe"], dtype=object)
CATEGORY_SHARES = [("A", 0.56), ("B", 0.15), ("C", 0.29)]  # public figure: DARES, ABC stock, rounded
SCHOOL_YEARS = {None: 0, 3: 1, 4: 2, 5: 4, 6: 5, 7: 7, 8: 10}  # years after age 16 (assumption)


def smic_hourly(days: np.ndarray) -> np.ndarray:
    """SMIC horaire brut in force on each date (datetime64[D])."""
    starts = np.array([np.datetime64(d, "D") for d, _, _ in P.SMIC_HOURLY])
    values = np.array([v for _, v, _ in P.SMIC_HOURLY])
    idx = np.searchsorted(starts, np.asarray(days, dtype="datetime64[D]"), side="right") - 1
    return values[np.clip(idx, 0, len(values) - 1)]


def smic_monthly(days: np.ndarray) -> np.ndarray:
    return smic_hourly(days) * P.MONTHLY_HOURS_FULL_TIME


def occupation_weights(uni: Universe, tension: pd.DataFrame | None, rome_naf: pd.DataFrame | None, bassin_codes) -> dict:
    """Weight of each code for the jobseekers of each bassin.

    Real jobseekers by fiche and bassin (``defm_abc`` of the tension indicators) when present,
    smoothed with the national hiring mix; otherwise national hirings by fiche; otherwise uniform.
    The weight of a fiche is spread evenly over its codes (ROME 4.0 métiers).
    """
    fiche_of = uni.parent_idx
    n_children = np.bincount(fiche_of, minlength=uni.n)
    national = np.ones(uni.n)
    if rome_naf is not None:
        h = rome_naf.groupby("rome")["hirings"].sum()
        idx = uni.index(h.index.to_numpy())
        nat_fiche = np.zeros(uni.n)
        ok = idx >= 0
        np.add.at(nat_fiche, idx[ok], h.to_numpy()[ok])
        national = nat_fiche[fiche_of] / np.maximum(n_children[fiche_of], 1) + 1e-3
    national = national / national.sum()
    out = {}
    for b in bassin_codes:
        w = national.copy()
        if tension is not None:
            sub = tension[tension["bassin"] == b]
            if len(sub) and sub["defm"].sum() > 0:
                idx = uni.index(sub["rome"].to_numpy())
                fiche_w = np.zeros(uni.n)
                ok = idx >= 0
                np.add.at(fiche_w, idx[ok], sub["defm"].fillna(0).to_numpy()[ok])
                local = fiche_w[fiche_of] / np.maximum(n_children[fiche_of], 1)
                if local.sum() > 0:
                    w = 0.85 * local / local.sum() + 0.15 * national
        out[b] = w / w.sum()
    return out


def generate_bassin(
    seed: int,
    bassin: str,
    n: int,
    communes: pd.DataFrame,
    weights: np.ndarray,
    uni: Universe,
    start: date,
    weeks: int,
) -> dict:
    """The jobseekers of one bassin d'emploi (pure function of its arguments)."""
    rng = stream(seed, "jobseekers", bassin)
    start64 = np.datetime64(start, "D")
    # residence: population-weighted commune of the bassin
    c_idx = choice_index(rng, communes["population"].to_numpy(dtype=float), n)
    commune = communes["code"].to_numpy(dtype=object)[c_idx]
    pop = communes["population"].to_numpy(dtype=float)[c_idx]

    # protected attributes first: occupational choice depends on sex, as in reality
    sex = np.where(rng.random(n) < P.SHARE_WOMEN, "F", "M").astype(object)
    band = choice_index(rng, np.array([s for _, _, s in P.AGE_BANDS]), n)
    lo = np.array([a for a, _, _ in P.AGE_BANDS])[band]
    hi = np.array([b for _, b, _ in P.AGE_BANDS])[band]
    age = lo + np.floor(rng.random(n) * (hi - lo + 1)).astype(int)
    birth_year = start.year - age - (rng.random(n) < 0.5).astype(int)
    qpv = (pop >= P.QPV_MIN_POPULATION) & (rng.random(n) < P.QPV_SHARE_IN_TOWNS)
    nat_labels = np.array([g for g, _ in P.NATIONALITY_SHARES], dtype=object)
    nat_w = np.array([s for _, s in P.NATIONALITY_SHARES])
    nationality = nat_labels[choice_index(rng, nat_w, n)]
    # QPV residents are more often non-EU nationals (assumption in line with ONPV reports)
    redraw = qpv & (rng.random(n) < 0.12)
    nationality[redraw] = "hors UE"
    rqth_p = P.SHARE_RQTH * np.where(age >= 50, 1.7, np.where(age < 26, 0.35, 0.9))
    rqth = rng.random(n) < rqth_p

    # occupation (ROME 4.0 code), gendered through the domain's share of women
    women_share = np.array([P.WOMEN_SHARE_BY_DOMAIN.get(d, 0.5) for d in uni.domain])
    main = np.empty(n, dtype=np.int64)
    for s, factor in (("F", women_share), ("M", 1 - women_share)):
        m = sex == s
        if m.any():
            main[m] = choice_index(rng, weights * factor, int(m.sum()))

    # education: national marginal; cadre occupations drawn from a higher-level law (assumption)
    levels = np.array([lv if lv is not None else 0 for lv, _ in P.EDUCATION_SHARES])
    edu = levels[choice_index(rng, np.array([s for _, s in P.EDUCATION_SHARES]), n)]
    cadre = uni.cadre[main]
    redraw = cadre & (rng.random(n) < 0.8)
    edu[redraw] = np.array([5, 6, 7, 8])[choice_index(rng, np.array([0.25, 0.32, 0.38, 0.05]), int(redraw.sum()))]
    edu = np.where((age < 21) & (edu > 4), 4, edu)

    # experience
    school_by_level = np.array([SCHOOL_YEARS.get(lv if lv >= 3 else None, 0) for lv in range(9)])
    school = school_by_level[edu]
    potential = np.maximum(0, age - 16 - school) * 12
    total_exp = np.floor(potential * rng.uniform(0.3, 0.92, n)).astype(int)
    total_exp = np.where((age < 22) & (rng.random(n) < 0.3), 0, total_exp)
    main_months = np.floor(total_exp * rng.uniform(0.35, 1.0, n)).astype(int)

    # past occupations: main + mobility neighbour or sibling code (vectorised, up to 3)
    second = draw_in_groups(rng, uni.mob_offsets, main)
    second = np.where(second >= 0, uni.mob_target[np.maximum(second, 0)], -1)
    ch_off, ch_codes = uni.children()
    sibling = draw_in_groups(rng, ch_off, uni.parent_idx[main])
    sibling = np.where(sibling >= 0, ch_codes[np.maximum(sibling, 0)], main)
    second = np.where((second < 0) | (rng.random(n) < 0.35), sibling, second)
    has2 = (total_exp > main_months + 6) & (rng.random(n) < 0.6) & (second != main)
    third = draw_in_groups(rng, uni.mob_offsets, second)
    third = np.where(third >= 0, uni.mob_target[np.maximum(third, 0)], -1)
    has3 = has2 & (third >= 0) & (third != main) & (third != second) & (rng.random(n) < 0.35)
    rest = np.maximum(total_exp - main_months, 0)
    m2 = np.where(has2, np.where(has3, rest // 2, rest), 0)
    m3 = np.where(has3, rest - m2, 0)
    occ_owner = np.concatenate([np.arange(n), np.flatnonzero(has2), np.flatnonzero(has3)])
    occ_code = np.concatenate([main, second[has2], third[has3]])
    occ_months = np.concatenate([main_months, m2[has2], m3[has3]])
    order = np.lexsort((np.concatenate([np.zeros(n), np.ones(has2.sum()), 2 * np.ones(has3.sum())]), occ_owner))
    occ_owner, occ_code, occ_months = occ_owner[order], occ_code[order], occ_months[order]
    app_pick = draw_in_groups(rng, uni.app_offsets, occ_code)
    occ_app_ogr = uni.app_ogr[np.maximum(app_pick, 0)]
    occ_app_label = uni.app_label[np.maximum(app_pick, 0)]

    # skills: competences of the past occupations, more with experience
    k = np.clip(2 + occ_months // 12 + rng.poisson(1.5, len(occ_code)), 2, 12)
    s_row, s_item = draw_many_in_groups(rng, uni.comp_offsets, occ_code, k)
    s_owner = occ_owner[s_row]
    s_comp = uni.comp_id[s_item]
    key = np.unique(s_owner.astype(np.int64) * len(uni.comp_vocab) + s_comp)
    skills_owner, skills_id = key // len(uni.comp_vocab), key % len(uni.comp_vocab)

    # languages
    fr = (nationality == "FR") | (rng.random(n) < 0.8)
    en_p = np.where(edu >= 5, 0.72, np.where(edu == 4, 0.42, 0.15))
    en = rng.random(n) < en_p
    extra = rng.random(n) < np.where(nationality == "FR", 0.08, 0.6)
    extra_lang = LANGUAGES_EXTRA[np.floor(rng.random(n) * len(LANGUAGES_EXTRA)).astype(int)]
    l_owner = np.concatenate([np.flatnonzero(fr), np.flatnonzero(en), np.flatnonzero(extra)])
    l_val = np.concatenate(
        [np.full(fr.sum(), "Français", dtype=object), np.full(en.sum(), "Anglais", dtype=object), extra_lang[extra]]
    )
    o = np.argsort(l_owner, kind="stable")
    languages = ListCol.from_owner(l_owner[o], l_val[o], n)

    # licence, vehicle, mobility radius (assumptions)
    lic_p = P.SHARE_LICENCE + np.where(age < 22, -0.3, 0.05) - 0.15 * qpv
    licence = rng.random(n) < np.clip(lic_p, 0.05, 0.97)
    vehicle = licence & (rng.random(n) < P.SHARE_VEHICLE_GIVEN_LICENCE)
    radius = np.where(
        vehicle,
        P.MOBILITY_RADIUS_MEDIAN_KM * np.exp(rng.normal(0, 0.45, n)),
        P.MOBILITY_RADIUS_NO_VEHICLE_KM * np.exp(rng.normal(0, 0.35, n)),
    )
    radius = np.round(np.clip(radius, 3, 80), 0)

    # registration: a share in the stock on day one (with a past duration), the rest enter along the period
    in_stock = rng.random(n) < P.SHARE_IN_STOCK_AT_START
    long_term = rng.random(n) < P.SHARE_LONG_TERM
    past_days = np.where(
        long_term, 365 + rng.exponential(420, n), rng.uniform(1, 364, n)
    ).astype(int)
    entry_days = np.floor(rng.random(n) * (weeks * 7 - 28)).astype(int)
    registered = np.where(in_stock, start64 - past_days, start64 + entry_days)
    category = np.array([c for c, _ in CATEGORY_SHARES], dtype=object)[
        choice_index(rng, np.array([s for _, s in CATEGORY_SHARES]), n)
    ]

    # what they look for
    want_main = np.where(rng.random(n) < 0.88, main, np.where(second >= 0, second, main))
    want2 = draw_in_groups(rng, uni.mob_offsets, main)
    want2 = np.where(want2 >= 0, uni.mob_target[np.maximum(want2, 0)], -1)
    has_w2 = (want2 >= 0) & (want2 != want_main) & (rng.random(n) < 0.45)
    has_w3 = has2 & (second != want_main) & (second != want2) & (rng.random(n) < 0.3)
    w_owner = np.concatenate([np.arange(n), np.flatnonzero(has_w2), np.flatnonzero(has_w3)])
    w_code = np.concatenate([want_main, want2[has_w2], second[has_w3]])
    o_w = np.lexsort((np.concatenate([np.zeros(n), np.ones(has_w2.sum()), 2 * np.ones(has_w3.sum())]), w_owner))
    w_owner, w_code = w_owner[o_w], w_code[o_w]
    desired = ListCol.from_owner(w_owner, uni.codes[w_code], n)

    c_ok = {
        "CDI": np.ones(n, bool),
        "CDD": rng.random(n) < 0.85,
        "MIS": rng.random(n) < 0.55,
        "SAI": rng.random(n) < np.where(age < 26, 0.5, 0.22),
    }
    c_owner = np.concatenate([np.flatnonzero(v) for v in c_ok.values()])
    c_val = np.concatenate([np.full(v.sum(), k, dtype=object) for k, v in c_ok.items()])
    o = np.argsort(c_owner, kind="stable")
    contracts = ListCol.from_owner(c_owner[o], c_val[o], n)
    full_time_only = rng.random(n) < np.where(sex == "F", 0.45, 0.62)

    level = np.where(
        cadre, "cadre", np.where(edu >= 5, "technicien", np.where(main_months >= 36, "qualifie", "ouvrier_employe"))
    )
    mult = np.array([P.SALARY_MULTIPLIER[lv][0] for lv in level])
    smic0 = smic_monthly(np.full(n, start64))
    desired_salary = np.maximum(smic0, smic0 * mult * np.exp(rng.normal(-0.04, 0.12, n)))
    desired_salary = np.round(desired_salary / 50) * 50

    employability = rng.normal(0, 1, n) + 0.12 * (np.where(edu == 0, 2, edu) - 4)
    intensity = rng.gamma(2.0, 0.5, n)

    return {
        "commune_code": commune,
        "bassin": np.full(n, bassin, dtype=object),
        "education_level": np.where(edu == 0, -1, edu),
        "experience_months": total_exp,
        "main_code": uni.codes[main],
        "occupations_code": ListCol.from_owner(occ_owner, uni.codes[occ_code], n),
        "occupations_appellation": ListCol.from_owner(occ_owner, occ_app_ogr, n),
        "occupations_title": ListCol.from_owner(occ_owner, occ_app_label, n),
        "occupations_months": ListCol.from_owner(occ_owner, occ_months, n),
        "skills": ListCol.from_owner(skills_owner, uni.comp_vocab[skills_id], n),
        "languages": languages,
        "driving_licence": licence,
        "vehicle": vehicle,
        "mobility_radius_km": radius,
        "desired_codes": desired,
        "desired_contracts": contracts,
        "full_time_only": full_time_only,
        "desired_salary_monthly": desired_salary,
        "registered_on": registered,
        "category": category,
        # protected
        "sex": sex,
        "birth_year": birth_year,
        "age_at_start": age,
        "rqth": rqth,
        "qpv": qpv,
        "nationality_group": nationality,
        # hidden
        "employability": employability,
        "search_intensity": intensity,
        # internal (not written as is)
        "_skill_ids": ListCol.from_owner(skills_owner, skills_id, n),
        "_occ_idx": ListCol.from_owner(occ_owner, occ_code, n),
        "_desired_idx": ListCol.from_owner(w_owner, w_code, n),
    }
