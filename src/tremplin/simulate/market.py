"""Search and hiring: a weekly behavioural model, one pure function per market block.

Each week of the period, in a block (the whole territory, or one département for national runs):

1. **Search.** Every registered, available jobseeker sends ``Poisson(λ)`` applications,
   ``λ = APPLICATIONS_PER_WEEK × search intensity × discouragement × lock-in``. Candidate
   offers are the open offers whose ROME code is one of the person's desired codes, shares a
   fiche with one, or is a ROME mobility neighbour of one, within
   ``MAX_DISTANCE_OVER_RADIUS × mobility radius``. The person applies to the best offers by
   the utility ``params.SEARCH_UTILITY`` (occupation proximity, competences held, distance /
   radius, contract and hours accepted, salary vs expected, offer attractiveness) plus Gumbel
   noise (a multinomial-logit choice). An offer is never applied to twice by the same person.
2. **Selection.** For each offer, the employer scores this week's applicants: true match
   utility (``params.HIRE_UTILITY``: experience in the code and the fiche, competences,
   education, required experience, distance, licence, unemployment duration, latent
   employability, completed training in the fiche, service effects) + the scenario's known
   bias (log odds ratio) + logistic noise. Applicants above ``HIRE_THRESHOLD`` are hired, best
   first, up to the posts left (congestion: popular offers get many applicants and fill once).
   A person picked by several offers takes the one they preferred; the others stay open.
3. **Offer life.** An offer is filled when its posts are; otherwise it is withdrawn
   (weekly hazard) or expires after its lifetime.
4. **Other exits.** Jobs found outside the simulated offers (weekly hazard raised by
   employability and completed services, lowered by unemployment duration) and
   administrative exits. After a short contract the person searches again.
5. **Services.** Eligible jobseekers enter services and trainings (weekly probability);
   effects are individual and heterogeneous (see :mod:`tremplin.simulate.services`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tremplin.simulate import params as P
from tremplin.simulate.bias import Scenario
from tremplin.simulate.columns import ListCol
from tremplin.simulate.geography import haversine_km
from tremplin.simulate.rng import stream
from tremplin.simulate.services import ServiceArrays
from tremplin.simulate.universe import Universe

CONTRACT_BITS = {"CDI": 1, "CDD": 2, "MIS": 4, "SAI": 8, "LIB": 16}
EXIT_NONE, EXIT_HIRED_OFFER, EXIT_HIRED_OTHER, EXIT_ADMIN = 0, 1, 2, 3
EXIT_LABELS = np.array(["inscrit", "embauche_offre", "emploi_autre_canal", "sortie_administrative"], dtype=object)
OUT_PENDING, OUT_HIRED, OUT_REJECTED, OUT_DECLINED = 0, 1, 2, 3
OUTCOME_LABELS = np.array(["sans_suite", "embauche", "refus", "desistement"], dtype=object)
OFFER_OPEN, OFFER_FILLED, OFFER_WITHDRAWN, OFFER_EXPIRED = 0, 1, 2, 3
OFFER_STATUS_LABELS = np.array(["ouverte", "pourvue", "retiree", "expiree"], dtype=object)


def contract_bits(lists: ListCol) -> np.ndarray:
    n = len(lists.offsets) - 1
    values = np.asarray(lists.values, dtype=object)
    bits = np.zeros(len(values), dtype=np.int64)
    for name, bit in CONTRACT_BITS.items():
        bits[values == name] = bit
    out = np.zeros(n, dtype=np.int64)
    np.bitwise_or.at(out, lists.owners(), bits)
    return out


@dataclass
class BlockInput:
    block: str
    # jobseekers (local index 0..nj-1)
    j_lat: np.ndarray
    j_lon: np.ndarray
    j_radius: np.ndarray
    j_desired: ListCol  # code indices
    j_occ_code: ListCol  # code indices
    j_occ_months: np.ndarray  # values aligned with j_occ_code.values
    j_skills: ListCol  # competence ids
    j_edu: np.ndarray  # 0 = no diploma
    j_exp: np.ndarray
    j_licence: np.ndarray
    j_contracts: np.ndarray  # bitmask
    j_full_time_only: np.ndarray
    j_salary: np.ndarray
    j_registered: np.ndarray  # day number
    j_employability: np.ndarray
    j_intensity: np.ndarray
    j_sex: np.ndarray
    j_birth_year: np.ndarray
    j_qpv: np.ndarray
    j_rqth: np.ndarray
    j_nationality: np.ndarray
    # offers (local index 0..no-1)
    o_code: np.ndarray
    o_lat: np.ndarray
    o_lon: np.ndarray
    o_created: np.ndarray  # day number
    o_lifetime: np.ndarray  # weeks
    o_contract: np.ndarray  # bit
    o_contract_months: np.ndarray
    o_hours: np.ndarray
    o_salary: np.ndarray  # monthly minimum, full-time equivalent
    o_salary_shown: np.ndarray
    o_posts: np.ndarray
    o_skills: ListCol  # competence ids
    o_edu: np.ndarray  # 0 = none required
    o_exp: np.ndarray
    o_licence: np.ndarray
    o_attract: np.ndarray


def _csr_lookup(keys_sorted: np.ndarray, values: np.ndarray, query: np.ndarray, default=0):
    pos = np.searchsorted(keys_sorted, query)
    pos = np.clip(pos, 0, max(len(keys_sorted) - 1, 0))
    if len(keys_sorted) == 0:
        return np.full(len(query), default, dtype=values.dtype if len(values) else float)
    hit = keys_sorted[pos] == query
    return np.where(hit, values[pos], default)


def _targets(inp: BlockInput, uni: Universe) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(jobseeker, code, kind) rows: kind 0 = desired code, 1 = same fiche, 2 = mobility neighbour."""
    owner = inp.j_desired.owners()
    code = inp.j_desired.values.astype(np.int64)
    rows_j, rows_c, rows_k = [owner], [code], [np.zeros(len(code), np.int64)]
    ch_off, ch_codes = uni.children()
    fiche = uni.parent_idx[code]
    cnt = ch_off[fiche + 1] - ch_off[fiche]
    rep = np.repeat(np.arange(len(code)), cnt)
    within = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    rows_j.append(owner[rep])
    rows_c.append(ch_codes[ch_off[fiche[rep]] + within])
    rows_k.append(np.ones(len(rep), np.int64))
    cnt = uni.mob_offsets[code + 1] - uni.mob_offsets[code]
    rep = np.repeat(np.arange(len(code)), cnt)
    within = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    rows_j.append(owner[rep])
    rows_c.append(uni.mob_target[uni.mob_offsets[code[rep]] + within])
    rows_k.append(np.full(len(rep), 2, np.int64))
    j = np.concatenate(rows_j)
    c = np.concatenate(rows_c)
    k = np.concatenate(rows_k)
    order = np.lexsort((k, c, j))
    j, c, k = j[order], c[order], k[order]
    first = np.ones(len(j), bool)
    first[1:] = (j[1:] != j[:-1]) | (c[1:] != c[:-1])
    return j[first], c[first], k[first]


def simulate_block(inp: BlockInput, uni: Universe, services: ServiceArrays, catalogue: list[dict], scenario: Scenario,
                   seed: int, start_day: int, weeks: int) -> dict:
    rng = stream(seed, "market", inp.block)
    nj, no = len(inp.j_lat), len(inp.o_code)
    V = len(uni.comp_vocab) + 1
    NC = uni.n

    # static lookups
    t_j, t_c, t_k = _targets(inp, uni)
    t_order = np.argsort(t_c, kind="stable")  # targets sorted by code for the join
    ts_j, ts_c, ts_k = t_j[t_order], t_c[t_order], t_k[t_order]
    skill_keys = np.sort(inp.j_skills.owners().astype(np.int64) * V + inp.j_skills.values.astype(np.int64))
    occ_owner = inp.j_occ_code.owners().astype(np.int64)
    occ_code = inp.j_occ_code.values.astype(np.int64)
    k_code = occ_owner * NC + occ_code
    o_ = np.argsort(k_code)
    code_keys, code_months = k_code[o_], inp.j_occ_months[o_].astype(float)
    k_fiche = occ_owner * NC + uni.parent_idx[occ_code]
    fiche_keys, inv = np.unique(k_fiche, return_inverse=True)
    fiche_months = np.bincount(inv, weights=inp.j_occ_months.astype(float), minlength=len(fiche_keys))
    o_fiche = uni.parent_idx[inp.o_code]
    o_skill_n = np.diff(inp.o_skills.offsets)
    bias_code_masks = [np.array([any(c.startswith(p) for p in b.occupations) for c in uni.codes]) if b.occupations else np.ones(NC, bool)
                       for b in scenario.biases]

    # state
    status = np.zeros(nj, np.int8)  # 0 not registered yet, 1 registered
    exited = np.zeros(nj, bool)
    available_from = inp.j_registered.copy()
    exit_day = np.full(nj, -1, np.int64)
    exit_type = np.zeros(nj, np.int8)
    licence = inp.j_licence.copy()
    radius = inp.j_radius.astype(float).copy()
    svc_current = np.full(nj, -1, np.int64)
    svc_end = np.full(nj, -1, np.int64)
    svc_pending_effect = np.zeros(nj)
    effect_sum = np.zeros(nj)
    n_part = np.zeros(nj, np.int64)
    train_fiche = np.full(nj, -1, np.int64)
    hired_count = np.zeros(nj, np.int64)
    o_left = inp.o_posts.astype(np.int64).copy()
    o_status = np.zeros(no, np.int8)
    o_closed = np.full(no, -1, np.int64)
    o_filled = np.full(no, -1, np.int64)
    o_expiry = inp.o_created + inp.o_lifetime * 7
    applied = np.zeros(0, np.int64)

    A = {k: [] for k in ("j", "o", "day", "u_app", "u_match", "bias", "bias_ids", "score", "outcome")}
    H = {k: [] for k in ("j", "o", "day", "app_day")}
    S = {k: [] for k in ("j", "service", "start", "end", "effect", "cate", "fiche")}

    order_offers = np.argsort(inp.o_code, kind="stable")
    for w in range(weeks):
        d0 = start_day + 7 * w
        d1 = d0 + 7
        # --- registrations, returns from short contracts, service completions
        status[(inp.j_registered < d1) & (status == 0)] = 1
        done = (svc_current >= 0) & (svc_end < d1)
        if done.any():
            idx = np.flatnonzero(done)
            effect_sum[idx] += svc_pending_effect[idx]
            svc_pending_effect[idx] = 0
            s = svc_current[idx]
            licence[idx] |= services.gives_licence[s]
            radius[idx] *= services.radius_factor[s]
            svc_current[idx] = -1
        active = (status == 1) & ~exited & (available_from < d1)
        years_unemp = np.clip((d0 - inp.j_registered) / 365.25, 0, 3)

        # --- search
        lock = np.ones(nj)
        on = svc_current >= 0
        lock[on] = services.search_during[svc_current[on]]
        lam = P.APPLICATIONS_PER_WEEK * inp.j_intensity * np.maximum(0.3, 1 - P.DISCOURAGEMENT_PER_YEAR * years_unemp) * lock
        n_apps = np.zeros(nj, np.int64)
        act_idx = np.flatnonzero(active)
        n_apps[act_idx] = rng.poisson(lam[act_idx])
        open_ = (o_status == OFFER_OPEN) & (inp.o_created < d1) & (o_expiry > d0)
        if n_apps.any() and open_.any():
            oo = order_offers[open_[order_offers]]
            oc = inp.o_code[oo]
            # join driven by the open offers: only targets whose code has an open offer are read
            uc, first_o, count_o = np.unique(oc, return_index=True, return_counts=True)
            lo_t = np.searchsorted(ts_c, uc, "left")
            n_t = np.searchsorted(ts_c, uc, "right") - lo_t
            u_of = np.repeat(np.arange(len(uc)), n_t)
            idx_t = lo_t[u_of] + (np.arange(n_t.sum()) - np.repeat(np.cumsum(n_t) - n_t, n_t))
            keep_t = n_apps[ts_j[idx_t]] > 0
            idx_t, u_of = idx_t[keep_t], u_of[keep_t]
            cnt = count_o[u_of]
            rep = np.repeat(np.arange(len(idx_t)), cnt)
            within = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
            t_rows = idx_t[rep]
            pj, po, pk = ts_j[t_rows], oo[first_o[u_of[rep]] + within], ts_k[t_rows]
            if len(pj):
                key = pj.astype(np.int64) * no + po
                pos = np.clip(np.searchsorted(applied, key), 0, max(len(applied) - 1, 0))
                keep = ~(applied[pos] == key) if len(applied) else np.ones(len(key), bool)
                pj, po, pk, key = pj[keep], po[keep], pk[keep], key[keep]
                dist = haversine_km(inp.j_lat[pj], inp.j_lon[pj], inp.o_lat[po], inp.o_lon[po])
                keep = dist <= P.MAX_DISTANCE_OVER_RADIUS * radius[pj]
                pj, po, pk, key, dist = pj[keep], po[keep], pk[keep], key[keep], dist[keep]
            if len(pj):
                # competences of the offer held by the person
                cnt = o_skill_n[po]
                rep = np.repeat(np.arange(len(po)), cnt)
                within = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
                sk = inp.o_skills.values[inp.o_skills.offsets[po[rep]] + within].astype(np.int64)
                q = pj[rep].astype(np.int64) * V + sk
                pos = np.clip(np.searchsorted(skill_keys, q), 0, max(len(skill_keys) - 1, 0))
                held = (skill_keys[pos] == q) if len(skill_keys) else np.zeros(len(q), bool)
                skill_share = np.bincount(rep, weights=held, minlength=len(po)) / np.maximum(cnt, 1)
                U = P.SEARCH_UTILITY
                occ_term = np.select([pk == 0, pk == 1], [U["same_code"], U["same_fiche"]], U["mobility"])
                c_ok = (inp.j_contracts[pj] & inp.o_contract[po]) > 0
                h_ok = ~(inp.j_full_time_only[pj] & (inp.o_hours[po] < 35))
                sal = np.where(inp.o_salary_shown[po], np.clip((inp.o_salary[po] - inp.j_salary[pj]) / inp.j_salary[pj], -0.5, 0.5), 0.0)
                u_app = (occ_term + U["skills"] * skill_share - U["distance"] * dist / np.maximum(radius[pj], 1)
                         + U["contract_ok"] * c_ok + U["hours_ok"] * h_ok + U["salary"] * sal + U["popularity"] * inp.o_attract[po])
                noisy = u_app + rng.gumbel(0, 1, len(pj))
                order = np.lexsort((-noisy, pj))
                pj, po, key, dist, skill_share, u_app = pj[order], po[order], key[order], dist[order], skill_share[order], u_app[order]
                first = np.ones(len(pj), bool)
                first[1:] = pj[1:] != pj[:-1]
                grp_start = np.maximum.accumulate(np.where(first, np.arange(len(pj)), 0))
                rank = np.arange(len(pj)) - grp_start
                keep = rank < n_apps[pj]
                pj, po, key, dist, skill_share, u_app = pj[keep], po[keep], key[keep], dist[keep], skill_share[keep], u_app[keep]
                applied = np.sort(np.concatenate([applied, key]), kind="stable")
                day = np.maximum(inp.o_created[po], d0) + np.floor(rng.random(len(pj)) * 7).astype(np.int64)
                day = np.minimum(np.maximum(day, inp.o_created[po]), d1 - 1)

                # --- selection by employers
                HU = P.HIRE_UTILITY
                m_code = _csr_lookup(code_keys, code_months, pj.astype(np.int64) * NC + inp.o_code[po], 0.0)
                m_fiche = _csr_lookup(fiche_keys, fiche_months, pj.astype(np.int64) * NC + o_fiche[po], 0.0)
                edu_j = np.where(inp.j_edu[pj] == 0, 2, inp.j_edu[pj])
                req = inp.o_edu[po]
                edu_term = np.where(req == 0, 0.0, np.where(edu_j >= req, HU["education_ok"], HU["education_short"] * (req - edu_j)))
                y_unemp = np.clip((day - inp.j_registered[pj]) / 365.25, 0, 3)
                match = (HU["intercept"] + HU["experience_in_code"] * np.minimum(1, m_code / 24)
                         + HU["experience_in_fiche"] * np.minimum(1, m_fiche / 24) + HU["skills"] * skill_share + edu_term
                         + HU["experience_requirement_met"] * (m_fiche >= inp.o_exp[po]) + HU["distance"] * dist / 30
                         + HU["licence_required_missing"] * (inp.o_licence[po] & ~licence[pj])
                         + HU["unemployment_years"] * y_unemp + HU["employability"] * inp.j_employability[pj]
                         + HU["training_in_code"] * (train_fiche[pj] == o_fiche[po]) + 0.5 * effect_sum[pj])
                bias = np.zeros(len(pj))
                bias_ids = np.zeros(len(pj), np.int64)  # bitmask of the biases applied
                if scenario.biases:
                    age = (1970 + day // 365.25).astype(int) - inp.j_birth_year[pj]
                    for b_i, (b, cmask) in enumerate(zip(scenario.biases, bias_code_masks, strict=True)):
                        if b.attribute == "sex":
                            g = inp.j_sex[pj] == b.group
                        elif b.attribute == "qpv":
                            g = inp.j_qpv[pj] == b.group
                        elif b.attribute == "rqth":
                            g = inp.j_rqth[pj] == b.group
                        elif b.attribute == "nationality_group":
                            g = inp.j_nationality[pj] == b.group
                        else:
                            lo_a, hi_a = b.group
                            g = np.ones(len(pj), bool)
                            if lo_a is not None:
                                g &= age >= lo_a
                            if hi_a is not None:
                                g &= age <= hi_a
                        hit = g & cmask[inp.o_code[po]]
                        bias[hit] += b.log_odds
                        bias_ids[hit] |= 1 << b_i
                score = match + bias + rng.logistic(0, P.HIRE_NOISE_SCALE, len(pj))
                # best applicants of each offer, up to the posts left
                order = np.lexsort((-score, po))
                ranked_o = po[order]
                first = np.ones(len(order), bool)
                first[1:] = ranked_o[1:] != ranked_o[:-1]
                grp_start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
                rank = np.arange(len(order)) - grp_start
                pick = np.zeros(len(pj), bool)
                pick[order] = (rank < o_left[ranked_o]) & (score[order] > P.HIRE_THRESHOLD)
                outcome = np.where(pick, OUT_HIRED, OUT_REJECTED).astype(np.int8)
                # a person picked by several offers takes the one they prefer
                cand = np.flatnonzero(pick)
                if len(cand):
                    oc2 = cand[np.lexsort((-u_app[cand], pj[cand]))]
                    firstp = np.ones(len(oc2), bool)
                    firstp[1:] = pj[oc2][1:] != pj[oc2][:-1]
                    outcome[oc2[~firstp]] = OUT_DECLINED
                    win = oc2[firstp]
                    hire_day = day[win] + rng.integers(P.HIRE_DELAY_DAYS[0], P.HIRE_DELAY_DAYS[1] + 1, len(win))
                    wj, wo = pj[win], po[win]
                    H["j"].append(wj)
                    H["o"].append(wo)
                    H["day"].append(hire_day)
                    H["app_day"].append(day[win])
                    np.subtract.at(o_left, wo, 1)
                    full = wo[o_left[wo] <= 0]
                    if len(full):
                        # filled on the latest hire day of the offer this week
                        last = np.zeros(no, np.int64)
                        np.maximum.at(last, wo, hire_day)
                        o_status[full] = OFFER_FILLED
                        o_filled[full] = last[full]
                        o_closed[full] = last[full]
                    hired_count[wj] += 1
                    short = inp.o_contract[wo] != CONTRACT_BITS["CDI"]
                    short &= inp.o_contract_months[wo] <= P.SHORT_CONTRACT_MONTHS
                    back = hire_day + np.round(inp.o_contract_months[wo] * 30.4).astype(np.int64)
                    available_from[wj] = np.where(short, back, available_from[wj])
                    permanent = ~short
                    exited[wj[permanent]] = True
                    exit_day[wj[permanent]] = hire_day[permanent]
                    exit_type[wj[permanent]] = EXIT_HIRED_OFFER
                    available_from[wj[permanent]] = np.iinfo(np.int64).max // 2
                    # a person hired leaves any service in progress
                    svc_current[wj] = -1
                    svc_pending_effect[wj] = 0
                for k, v in (("j", pj), ("o", po), ("day", day), ("u_app", u_app), ("u_match", match), ("bias", bias),
                             ("bias_ids", bias_ids), ("score", score), ("outcome", outcome)):
                    A[k].append(v)

        # --- offer life: withdrawals and expiries
        still = (o_status == OFFER_OPEN) & (inp.o_created < d1)
        wd = still & (rng.random(no) < P.WITHDRAWAL_WEEKLY)
        o_status[wd] = OFFER_WITHDRAWN
        o_closed[wd] = np.maximum(inp.o_created[wd], d0) + np.floor(rng.random(int(wd.sum())) * 7).astype(np.int64)
        ex = (o_status == OFFER_OPEN) & (o_expiry < d1)
        o_status[ex] = OFFER_EXPIRED
        o_closed[ex] = o_expiry[ex]

        # only pairs with offers still open can be applied to again: forget the others
        if len(applied):
            applied = applied[o_status[applied % no] == OFFER_OPEN]

        # --- other exits (jobs through other channels, administrative)
        active = (status == 1) & ~exited & (available_from < d1)
        haz = P.EXIT_OTHER_WEEKLY * np.exp(0.5 * inp.j_employability - 0.35 * years_unemp + effect_sum) * np.where(svc_current >= 0, 0.5, 1.0)
        u = rng.random(nj)
        other = active & (u < haz)
        admin = active & ~other & (u < haz + P.EXIT_ADMIN_WEEKLY)
        for m, t in ((other, EXIT_HIRED_OTHER), (admin, EXIT_ADMIN)):
            idx = np.flatnonzero(m)
            exited[idx] = True
            exit_type[idx] = t
            exit_day[idx] = np.maximum(d0, inp.j_registered[idx]) + np.floor(rng.random(len(idx)) * 7).astype(np.int64)
            svc_current[idx] = -1

        # --- service entries
        cand = np.flatnonzero(active & ~exited & (svc_current < 0) & (n_part < 2))
        if len(cand) and len(catalogue):
            # thinning: a person "tries" a service with probability Σ entry, then draws which one
            # (∝ entry); the entry happens if they are eligible. P(enter s) = entry_s when eligible.
            total = float(services.entry.sum())
            tries = cand[rng.random(len(cand)) < total]
            svc_try = np.minimum(np.searchsorted(np.cumsum(services.entry), rng.random(len(tries)) * total, side="right"),
                                 len(services.entry) - 1)
            age_all = (1970 + d0 // 365.25) - inp.j_birth_year[tries]
            weeks_reg = (d0 - inp.j_registered[tries]) / 7
            elig = services.eligible(catalogue, age_all, inp.j_edu[tries], inp.j_rqth[tries], licence[tries], weeks_reg, inp.j_exp[tries])
            ok = elig[np.arange(len(tries)), svc_try] if len(tries) else np.zeros(0, bool)
            rows = np.flatnonzero(ok)
            anyone = ok
            cand, age = tries, age_all
            if anyone.any():
                svc = svc_try[rows]
                who = cand[rows]
                startd = d0 + np.floor(rng.random(len(who)) * 7).astype(np.int64)
                end = startd + services.weeks[svc] * 7
                long_term = (years_unemp[who] >= 1).astype(float)
                eff, cate = services.individual_effect(rng, svc, inp.j_edu[who], long_term, age[rows])
                fiche = np.where(services.targeted[svc], uni.parent_idx[inp.j_desired.values[inp.j_desired.offsets[who]]], -1)
                svc_current[who] = svc
                svc_end[who] = end
                svc_pending_effect[who] = eff
                n_part[who] += 1
                train_fiche[who] = np.where(fiche >= 0, fiche, train_fiche[who])
                for k, v in (("j", who), ("service", svc), ("start", startd), ("end", end), ("effect", eff), ("cate", cate), ("fiche", fiche)):
                    S[k].append(v)

    def cat(d, k, dtype):
        return np.concatenate(d[k]).astype(dtype) if d[k] else np.zeros(0, dtype)

    apps = {k: cat(A, k, t) for k, t in (("j", np.int64), ("o", np.int64), ("day", np.int64), ("u_app", float),
                                          ("u_match", float), ("bias", float), ("bias_ids", np.int64), ("score", float), ("outcome", np.int8))}
    hires = {k: cat(H, k, np.int64) for k in ("j", "o", "day", "app_day")}
    parts = {k: cat(S, k, t) for k, t in (("j", np.int64), ("service", np.int64), ("start", np.int64), ("end", np.int64),
                                           ("effect", float), ("cate", float), ("fiche", np.int64))}
    n_applications = np.bincount(apps["o"], minlength=no)
    return {
        "applications": apps,
        "hires": hires,
        "participations": parts,
        "offers": {"status": o_status, "closed": o_closed, "filled": o_filled, "n_applications": n_applications,
                   "n_hires": np.bincount(hires["o"], minlength=no), "posts_left": o_left},
        "jobseekers": {"exit_day": exit_day, "exit_type": exit_type, "hires": hired_count, "licence_end": licence,
                       "participations": n_part},
    }
