"""``simulate_territory(config)``: referentials → population → companies and offers → weekly
market → e-mails and CVs → Parquet (+ ``truth/``) → database.

Nothing is written until everything is computed; files go to a temporary folder renamed at
the end, and database rows are written in one transaction, so an interrupted run leaves no
half-written territory.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from tremplin.simulate import params as P
from tremplin.simulate.columns import ListCol, take, to_table
from tremplin.simulate.config import ResolvedConfig, SimulationConfig
from tremplin.simulate.market import (
    CONTRACT_BITS,
    EXIT_LABELS,
    OFFER_STATUS_LABELS,
    OUTCOME_LABELS,
    BlockInput,
    contract_bits,
    simulate_block,
)
from tremplin.simulate.rng import stream

log = logging.getLogger(__name__)
SINGLE_BLOCK_MAX = 250_000  # up to this many jobseekers the whole territory is one market
TEXT_CHUNK = 50_000  # offers per description chunk (fixed: part of the determinism contract)
EMAIL_CHUNK = 100_000  # jobseekers per e-mail chunk (idem)


@dataclass
class TerritoryResult:
    territory_id: str
    out_dir: Path
    counts: dict
    notes: list[str] = field(default_factory=list)
    timings: dict = field(default_factory=dict)
    db_written: bool = False
    report: dict | None = None

    def to_dict(self) -> dict:
        return {
            "territory_id": self.territory_id,
            "out_dir": str(self.out_dir),
            "counts": self.counts,
            "notes": self.notes,
            "timings_s": self.timings,
            "db_written": self.db_written,
            "report": self.report,
        }


def _days(values) -> np.ndarray:
    return np.asarray(values, dtype="datetime64[D]").astype(np.int64)


def _dates(days: np.ndarray) -> pa.Array:
    days = np.asarray(days, dtype=np.int64)
    mask = days < 0
    return pa.array(np.where(mask, 0, days).astype("int32"), type=pa.int32(), mask=mask).cast(pa.date32())


def _nullable_int(values: np.ndarray) -> pa.Array:
    values = np.asarray(values, dtype=np.int64)
    return pa.array(np.where(values < 0, 0, values), type=pa.int16(), mask=values < 0)


def simulate_territory(config: SimulationConfig | ResolvedConfig, *, progress=None) -> TerritoryResult:
    """Generate a territory; see docs/simulation.md. ``progress(step: str)`` is called per step."""
    cfg = config.validate() if isinstance(config, SimulationConfig) else config
    say = progress or (lambda _msg: None)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t0
        now = time.perf_counter()
        timings[name] = round(now - t0, 3)
        t0 = now

    from tremplin.simulate.sources import load_sources
    from tremplin.simulate.universe import build_universe

    say("Référentiels")
    src = load_sources(cfg.departements)
    uni = build_universe(src)
    lap("referentials")
    tid = cfg.territory_id
    prefix = tid.rsplit("-", 1)[-1][:6] + "-"
    out_dir = cfg.out or _default_out(tid)
    start_day = int(np.datetime64(cfg.start, "D").astype(np.int64))
    end_day = start_day + cfg.weeks * 7

    # ---------------- population
    say("Demandeurs d'emploi")
    from tremplin.simulate.columns import concat
    from tremplin.simulate.population import generate_bassin, occupation_weights

    communes = src.communes
    by_bassin = communes.groupby("bassin", sort=True)["population"].sum()
    counts = stream(cfg.seed, "bassins").multinomial(cfg.jobseekers, (by_bassin / by_bassin.sum()).to_numpy())
    weights = occupation_weights(uni, src.tension, src.rome_naf, by_bassin.index)
    parts = []
    for b, n_b in zip(by_bassin.index, counts, strict=True):
        if n_b:
            sub = communes[communes["bassin"] == b].reset_index(drop=True)
            parts.append(generate_bassin(cfg.seed, b, int(n_b), sub, weights[b], uni, cfg.start, cfg.weeks))
    js = concat(parts)
    del parts
    nj = len(js["commune_code"])
    js["jobseeker_id"] = np.char.add(f"{prefix}J", np.char.zfill(np.arange(nj).astype(str), 7)).astype(object)
    c_pos = pd.Index(communes["code"]).get_indexer(js["commune_code"])
    js["lat"] = communes["lat"].to_numpy()[c_pos]
    js["lon"] = communes["lon"].to_numpy()[c_pos]
    js["departement"] = communes["departement"].to_numpy(dtype=object)[c_pos]
    lap("jobseekers")

    # ---------------- companies and offers
    say("Entreprises et offres")
    from tremplin.simulate.employers import (
        describe_offers,
        generate_companies,
        generate_offers,
        salary_labels,
    )

    comp = generate_companies(cfg.seed, cfg.companies, communes, src.rome_naf, src.naf_labels, prefix)
    off = generate_offers(cfg.seed, cfg.offers, comp, communes, uni, src.rome_naf, src.tension, cfg.start, cfg.weeks,
                          cfg.scenario.below_smic_share, prefix)
    # descriptions by chunks of fixed size (deterministic), kept as compact Arrow strings
    titles, bodies = [], []
    for k, lo in enumerate(range(0, cfg.offers, TEXT_CHUNK)):
        rows = np.arange(lo, min(lo + TEXT_CHUNK, cfg.offers))
        t_chunk, d_chunk = describe_offers(stream(cfg.seed, "descriptions", k), take(off, rows), comp, communes, uni)
        titles.append(pa.array(t_chunk, type=pa.string()))
        bodies.append(pa.array(d_chunk, type=pa.string()))
        del t_chunk, d_chunk
    off["intitule"], off["description"] = pa.chunked_array(titles), pa.chunked_array(bodies)
    off["salary_label"] = salary_labels(off)
    off["lat"] = communes["lat"].to_numpy()[off["_commune_idx"]]
    off["lon"] = communes["lon"].to_numpy()[off["_commune_idx"]]
    off["departement"] = communes["departement"].to_numpy(dtype=object)[off["_commune_idx"]]
    # attractiveness (hidden): permanent contract, pay relative to the SMIC, company size
    rel_pay = off["salary_min_monthly"] * 35 / off["weekly_hours"] / off["smic_monthly_prorata"].clip(min=1) * off["weekly_hours"] / 35
    attract = (0.5 * (off["contract_type"] == "CDI") + 0.8 * np.log(np.maximum(rel_pay, 0.5))
               + 0.15 * np.log1p(comp["headcount"][off["_company_idx"]]) + stream(cfg.seed, "attract").normal(0, 0.35, cfg.offers))
    off["_attract"] = (attract - attract.mean()) / (attract.std() or 1.0)
    lap("offers")

    # ---------------- market, by block
    say("Marché du travail (candidatures, embauches, services)")
    from tremplin.simulate.services import ServiceArrays

    services = ServiceArrays.from_catalogue(src.catalogue)
    if cfg.jobseekers <= SINGLE_BLOCK_MAX:
        blocks = [("all", np.arange(nj), np.arange(cfg.offers))]
    else:
        j_groups = pd.Series(js["departement"]).groupby(js["departement"]).indices
        o_groups = pd.Series(off["departement"]).groupby(off["departement"]).indices
        empty = np.zeros(0, np.int64)
        blocks = [(d, np.sort(j_groups.get(d, empty)), np.sort(o_groups.get(d, empty))) for d in cfg.departements]
    js_contracts = contract_bits(js["desired_contracts"])
    js_registered = _days(js["registered_on"])
    o_contract = np.zeros(cfg.offers, np.int64)
    for name, bit in CONTRACT_BITS.items():
        o_contract[off["contract_type"] == name] = bit
    o_created = _days(off["created_on"])
    fte_salary = off["salary_min_monthly"] * 35.0 / off["weekly_hours"]
    res_parts = []
    for name, jrows, orows in blocks:
        if not len(jrows) or not len(orows):
            res_parts.append((name, jrows, orows, None))
            continue
        inp = BlockInput(
            block=name,
            j_lat=js["lat"][jrows], j_lon=js["lon"][jrows], j_radius=js["mobility_radius_km"][jrows],
            j_desired=js["_desired_idx"].take(jrows), j_occ_code=js["_occ_idx"].take(jrows),
            j_occ_months=js["occupations_months"].take(jrows).values, j_skills=js["_skill_ids"].take(jrows),
            j_edu=np.maximum(js["education_level"][jrows], 0), j_exp=js["experience_months"][jrows],
            j_licence=js["driving_licence"][jrows], j_contracts=js_contracts[jrows],
            j_full_time_only=js["full_time_only"][jrows], j_salary=js["desired_salary_monthly"][jrows],
            j_registered=js_registered[jrows], j_employability=js["employability"][jrows],
            j_intensity=js["search_intensity"][jrows], j_sex=js["sex"][jrows], j_birth_year=js["birth_year"][jrows],
            j_qpv=js["qpv"][jrows], j_rqth=js["rqth"][jrows], j_nationality=js["nationality_group"][jrows],
            o_code=off["_code_idx"][orows], o_lat=off["lat"][orows], o_lon=off["lon"][orows], o_created=o_created[orows],
            o_lifetime=off["_lifetime_weeks"][orows], o_contract=o_contract[orows],
            o_contract_months=off["contract_months"][orows], o_hours=off["weekly_hours"][orows],
            o_salary=fte_salary[orows], o_salary_shown=off["salary_display"][orows] != "none", o_posts=off["posts"][orows],
            o_skills=off["_skill_ids"].take(orows), o_edu=np.maximum(off["education_required"][orows], 0),
            o_exp=off["experience_required_months"][orows], o_licence=off["licence_required"][orows],
            o_attract=off["_attract"][orows],
        )
        res_parts.append((name, jrows, orows, simulate_block(inp, uni, services, src.catalogue, cfg.scenario, cfg.seed, start_day, cfg.weeks)))
    market = _merge_blocks(res_parts, nj, cfg.offers)
    lap("market")

    # ---------------- e-mails, identities
    say("E-mails et identités fictives")
    from tremplin.simulate.emails import generate_emails
    from tremplin.simulate.names import identities

    ident = identities(stream(cfg.seed, "identities"), js["sex"], js["nationality_group"], js["jobseeker_id"])
    main_idx = uni.index(js["main_code"])
    people = {
        "ids": js["jobseeker_id"], "registered": js_registered, "exit_day": market["j_exit_day"],
        "exit_type": market["j_exit_type"], "age": js["age_at_start"], "title": _short_titles(uni.labels)[main_idx],
        "company_names": comp["name"], "first_name": ident["first_name"], "last_name": ident["last_name"],
        "ident": ident["pes_identifier"], "phone": ident["phone"],
    }
    trainings = [c["title"] for c in src.catalogue if c["kind"] == "formation"]
    mail_parts, truth_parts, next_id = [], [], 0
    for k, lo in enumerate(range(0, nj, EMAIL_CHUNK)):
        rows = np.arange(lo, min(lo + EMAIL_CHUNK, nj))
        sub = {key: (v if key == "company_names" else v[rows]) for key, v in people.items()}
        m_chunk, t_chunk = generate_emails(cfg.seed, sub, trainings, start_day, end_day, cfg.emails_per_month, prefix,
                                           chunk=k, id_start=next_id)
        next_id += len(m_chunk["email_id"])
        mail_parts.append(to_table(m_chunk))
        truth_parts.append(to_table(t_chunk))
        del m_chunk, t_chunk
    mails, mails_truth = pa.concat_tables(mail_parts), pa.concat_tables(truth_parts)
    del mail_parts, truth_parts
    lap("emails")

    # ---------------- tables
    say("Écriture des fichiers Parquet")
    tables = _build_tables(cfg, src, uni, js, comp, off, market, ident, mails, mails_truth, services, start_day)
    tmp = out_dir.with_name(out_dir.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    try:
        (tmp / "truth").mkdir(parents=True)
        from tremplin.simulate.files import write_tables

        manifest_files = write_tables(tmp, tables)
        cv_info = _write_cvs(cfg, js, ident, uni, tmp, comp)
        manifest = {
            "territory_id": tid,
            "simulated": True,
            "notice": "Territoire SIMULÉ : aucune personne, entreprise ou offre réelle. Les référentiels (ROME, communes) sont réels.",
            "config": cfg.canonical(),
            "counts": {k: int(v.num_rows) for k, v in tables.items()},
            "notes": src.notes,
            "cv": cv_info,
            "files": manifest_files,
            "start": cfg.start.isoformat(),
            "end": cfg.end.isoformat(),
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
        (tmp / "truth" / "scenario.json").write_text(json.dumps(cfg.scenario.to_dict(), ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
        (tmp / "truth" / "parameters.json").write_text(json.dumps(_params_dump(), ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
        lap("parquet")
        db_written = False
        if cfg.write_db:
            say("Écriture en base de données (une transaction)")
            from tremplin.simulate.database import write_territory

            write_territory(tid, cfg, tables, out_dir)
            db_written = True
            lap("database")
        if out_dir.exists():
            old = out_dir.with_name(out_dir.name + ".old")
            if old.exists():
                shutil.rmtree(old)
            out_dir.rename(old)
            tmp.rename(out_dir)
            shutil.rmtree(old)
        else:
            out_dir.parent.mkdir(parents=True, exist_ok=True)
            tmp.rename(out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return TerritoryResult(tid, out_dir, manifest["counts"], list(src.notes), timings, db_written)


def _default_out(tid: str) -> Path:
    from tremplin.settings import get_settings

    return get_settings().home / "territories" / tid


def _short_titles(labels: np.ndarray) -> np.ndarray:
    """'Conducteur / Conductrice de bus' -> 'conducteur de bus' (for e-mails)."""
    s = pd.Series(labels, dtype=object)
    s = s.str.replace(r"^(\S+(?: \S+)?) / \S+(?: \S+)?", r"\1", regex=True)
    return s.str.lower().to_numpy(dtype=object)


def _merge_blocks(parts, nj: int, no: int) -> dict:
    out = {
        "j_exit_day": np.full(nj, -1, np.int64), "j_exit_type": np.zeros(nj, np.int8), "j_hires": np.zeros(nj, np.int64),
        "j_licence_end": np.zeros(nj, bool), "j_participations": np.zeros(nj, np.int64),
        "o_status": np.zeros(no, np.int8), "o_closed": np.full(no, -1, np.int64), "o_filled": np.full(no, -1, np.int64),
        "o_n_applications": np.zeros(no, np.int64), "o_n_hires": np.zeros(no, np.int64),
    }
    apps, hires, svc = [], [], []
    for _name, jrows, orows, res in parts:
        if res is None:
            continue
        jr = res["jobseekers"]
        out["j_exit_day"][jrows] = jr["exit_day"]
        out["j_exit_type"][jrows] = jr["exit_type"]
        out["j_hires"][jrows] = jr["hires"]
        out["j_licence_end"][jrows] = jr["licence_end"]
        out["j_participations"][jrows] = jr["participations"]
        o = res["offers"]
        out["o_status"][orows] = o["status"]
        out["o_closed"][orows] = o["closed"]
        out["o_filled"][orows] = o["filled"]
        out["o_n_applications"][orows] = o["n_applications"]
        out["o_n_hires"][orows] = o["n_hires"]
        a = dict(res["applications"])
        a["j"], a["o"] = jrows[a["j"]], orows[a["o"]]
        apps.append(a)
        h = dict(res["hires"])
        h["j"], h["o"] = jrows[h["j"]], orows[h["o"]]
        hires.append(h)
        s = dict(res["participations"])
        s["j"] = jrows[s["j"]]
        svc.append(s)

    def cat(items, keys):
        if not items:
            return {k: np.zeros(0, np.int64) for k in keys}
        return {k: np.concatenate([i[k] for i in items]) for k in keys}

    out["apps"] = cat(apps, ["j", "o", "day", "u_app", "u_match", "bias", "bias_ids", "score", "outcome"])
    out["hires"] = cat(hires, ["j", "o", "day", "app_day"])
    out["svc"] = cat(svc, ["j", "service", "start", "end", "effect", "cate", "fiche"])
    return out


def _build_tables(cfg, src, uni, js, comp, off, market, ident, mails, mails_truth, services, start_day) -> dict[str, pa.Table]:
    from tremplin.simulate.params import EDUCATION_LABELS

    edu = js["education_level"]
    edu_label = np.array([EDUCATION_LABELS[None]] + [EDUCATION_LABELS.get(i, "") for i in range(1, 9)], dtype=object)[np.maximum(edu, 0)]
    reg = _days(js["registered_on"])
    unemp_start = np.where(reg < start_day, np.round((start_day - reg) / 30.44, 1), 0.0)
    age_band = np.select([js["age_at_start"] < 26, js["age_at_start"] < 50], ["moins de 26 ans", "26 à 49 ans"], "50 ans et plus").astype(object)
    jobseekers = to_table({
        "jobseeker_id": js["jobseeker_id"], "commune_code": js["commune_code"], "departement": js["departement"],
        "bassin": js["bassin"], "latitude": js["lat"], "longitude": js["lon"],
        "education_level": _nullable_int(edu), "education_label": edu_label, "experience_months": js["experience_months"].astype(np.int32),
        "main_rome_code": js["main_code"], "past_rome_codes": js["occupations_code"], "past_appellation_codes": js["occupations_appellation"],
        "past_titles": js["occupations_title"], "past_months": ListCol(js["occupations_months"].offsets, js["occupations_months"].values.astype(np.int32)),
        "skills": js["skills"], "languages": js["languages"], "driving_licence": js["driving_licence"], "vehicle": js["vehicle"],
        "mobility_radius_km": js["mobility_radius_km"], "desired_rome_codes": js["desired_codes"],
        "desired_contract_types": js["desired_contracts"], "full_time_only": js["full_time_only"],
        "desired_salary_monthly": js["desired_salary_monthly"], "registered_on": _dates(reg),
        "unemployment_months_at_start": unemp_start, "category": js["category"],
        "exit_on": _dates(market["j_exit_day"]), "exit_reason": EXIT_LABELS[market["j_exit_type"]],
        "hires_in_simulated_offers": market["j_hires"].astype(np.int32),
    })
    protected = to_table({
        "jobseeker_id": js["jobseeker_id"], "sex": js["sex"], "birth_year": js["birth_year"].astype(np.int16),
        "age_at_start": js["age_at_start"].astype(np.int16), "age_band": age_band, "rqth": js["rqth"], "qpv": js["qpv"],
        "nationality_group": js["nationality_group"],
    })
    identities = to_table(ident)
    hidden_js = to_table({"jobseeker_id": js["jobseeker_id"], "employability": js["employability"], "search_intensity": js["search_intensity"]})

    companies = to_table({k: v for k, v in comp.items() if not k.startswith("_")})
    status = market["o_status"]
    created = _days(off["created_on"])
    filled = market["o_filled"]
    within30 = (filled >= 0) & (filled - created <= 30)
    no = len(off["offer_id"])
    offers = to_table({
        "offer_id": off["offer_id"], "intitule": off["intitule"], "description": off["description"],
        "rome_code": off["rome_code"], "rome_fiche": off["rome_fiche"], "rome_label": uni.labels[off["_code_idx"]],
        "appellation_code": off["appellation_code"], "appellation_label": off["appellation_label"],
        "company_id": off["company_id"], "company_name": comp["name"][off["_company_idx"]], "naf_code": off["naf_code"],
        "commune_code": off["commune_code"], "departement": off["departement"], "bassin": off["bassin"],
        "latitude": off["lat"], "longitude": off["lon"], "created_on": _dates(created),
        "contract_type": off["contract_type"], "contract_months": off["contract_months"], "alternance": off["alternance"],
        "weekly_hours": off["weekly_hours"], "full_time": off["weekly_hours"] >= 35,
        "salary_min_monthly": off["salary_min_monthly"], "salary_max_monthly": off["salary_max_monthly"],
        "salary_label": off["salary_label"], "salary_shown": off["salary_display"] != "none",
        "education_required": _nullable_int(off["education_required"]), "experience_required_months": off["experience_required_months"].astype(np.int32),
        "qualification": off["qualification"], "skills": off["skills"], "skill_labels": off["_skill_labels"],
        "skills_required": off["skills_required"],
        "licence_required": off["licence_required"], "english_required": off["english_required"], "posts": off["posts"].astype(np.int16),
        "in_tension": off["in_tension"], "status": OFFER_STATUS_LABELS[status], "closed_on": _dates(market["o_closed"]),
        "filled_on": _dates(filled), "n_applications": market["o_n_applications"].astype(np.int32),
        "n_hires": market["o_n_hires"].astype(np.int32), "filled_within_30_days": within30,
    })
    hidden_off = to_table({"offer_id": off["offer_id"], "attractiveness": off["_attract"], "below_smic": off["below_smic"],
                           "smic_monthly_prorata": off["smic_monthly_prorata"]})

    a = market["apps"]
    order = np.lexsort((a["o"], a["j"], a["day"]))
    a = {k: v[order] for k, v in a.items()}
    bias_names = np.array([b.id for b in cfg.scenario.biases], dtype=object)
    bias_lists = _bias_lists(a["bias_ids"], bias_names)
    applications = to_table({
        "jobseeker_id": js["jobseeker_id"][a["j"]], "offer_id": off["offer_id"][a["o"]], "applied_on": _dates(a["day"]),
        "outcome": OUTCOME_LABELS[a["outcome"]],
    })
    applications_truth = to_table({
        "jobseeker_id": js["jobseeker_id"][a["j"]], "offer_id": off["offer_id"][a["o"]], "applied_on": _dates(a["day"]),
        "apply_utility": a["u_app"], "match_utility": a["u_match"], "bias_log_odds": a["bias"], "biases": bias_lists,
        "employer_score": a["score"], "outcome": OUTCOME_LABELS[a["outcome"]],
    })
    h = market["hires"]
    order = np.lexsort((h["o"], h["j"], h["day"]))
    h = {k: v[order] for k, v in h.items()}
    hires = to_table({
        "jobseeker_id": js["jobseeker_id"][h["j"]], "offer_id": off["offer_id"][h["o"]], "hired_on": _dates(h["day"]),
        "applied_on": _dates(h["app_day"]), "contract_type": off["contract_type"][h["o"]],
    })
    # interactions: what a matching model trains on
    i_j = np.concatenate([a["j"], h["j"]])
    i_o = np.concatenate([a["o"], h["o"]])
    i_d = np.concatenate([a["day"], h["day"]])
    i_t = np.concatenate([np.zeros(len(a["j"]), np.int8), np.ones(len(h["j"]), np.int8)])
    order = np.lexsort((i_o, i_j, i_t, i_d))
    interactions = to_table({
        "jobseeker_id": js["jobseeker_id"][i_j[order]], "offer_id": off["offer_id"][i_o[order]],
        "type": np.array(["application", "hire"], dtype=object)[i_t[order]], "date": _dates(i_d[order]),
    })

    s = market["svc"]
    order = np.lexsort((s["j"], s["start"]))
    s = {k: v[order] for k, v in s.items()}
    pid = np.char.add(f"{off['offer_id'][0].split('-')[0] if no else 'x'}-P", np.char.zfill(np.arange(len(s["j"])).astype(str), 7)).astype(object)
    fiche_code = np.where(s["fiche"] >= 0, uni.codes[np.maximum(s["fiche"], 0)], None).astype(object)
    participations = to_table({
        "participation_id": pid, "jobseeker_id": js["jobseeker_id"][s["j"]], "service_id": services.ids[s["service"]],
        "start_on": _dates(s["start"]), "end_on": _dates(s["end"]), "target_rome_fiche": fiche_code,
    })
    service_effects = to_table({
        "participation_id": pid, "jobseeker_id": js["jobseeker_id"][s["j"]], "service_id": services.ids[s["service"]],
        "effect_log_hazard": s["effect"], "cate_log_hazard": s["cate"],
    })
    cat = src.catalogue
    catalogue = to_table({
        "service_id": np.array([c["id"] for c in cat], dtype=object), "kind": np.array([c["kind"] for c in cat], dtype=object),
        "title": np.array([c["title"] for c in cat], dtype=object), "description": np.array([c["description"] for c in cat], dtype=object),
        "eligibility": ListCol(np.concatenate([[0], np.cumsum([len(c["eligibility"]) for c in cat])]).astype(np.int32),
                               np.array([e for c in cat for e in c["eligibility"]], dtype=object)),
        "source": np.array([c["source"] for c in cat], dtype=object),
    })
    services_model = to_table({
        "service_id": services.ids, "weeks": services.weeks, "weekly_entry_probability": services.entry,
        "search_during": services.search_during, "effect_base": services.effects[:, 0], "effect_low_education": services.effects[:, 1],
        "effect_long_term_unemployed": services.effects[:, 2], "effect_age_50_plus": services.effects[:, 3],
        "effect_under_26": services.effects[:, 4], "effect_individual_sd": services.effects[:, 5],
    })
    emails, emails_truth = mails, mails_truth
    from tremplin.simulate.geography import bassins as bassin_table

    communes = src.communes[["code", "name", "departement", "lat", "lon", "population", "postcode", "bassin", "bassin_name"]]
    return {
        "jobseekers": jobseekers, "protected_attributes": protected, "identities": identities, "companies": companies,
        "offers": offers, "applications": applications, "hires": hires, "interactions": interactions,
        "services": catalogue, "participations": participations, "emails": emails,
        "communes": pa.Table.from_pandas(communes.reset_index(drop=True), preserve_index=False),
        "bassins": pa.Table.from_pandas(bassin_table(src.communes), preserve_index=False),
        "truth/jobseekers_hidden": hidden_js, "truth/offers_hidden": hidden_off, "truth/applications_truth": applications_truth,
        "truth/service_effects": service_effects, "truth/services_model": services_model, "truth/emails_truth": emails_truth,
    }


def _bias_lists(bits: np.ndarray, names: np.ndarray) -> ListCol:
    n = len(bits)
    owners, values = [], []
    for i, name in enumerate(names):
        rows = np.flatnonzero((bits >> i) & 1)
        owners.append(rows)
        values.append(np.full(len(rows), name, dtype=object))
    owner = np.concatenate(owners) if owners else np.zeros(0, np.int64)
    value = np.concatenate(values) if values else np.zeros(0, dtype=object)
    o = np.argsort(owner, kind="stable")
    return ListCol.from_owner(owner[o], value[o], n)


def _params_dump() -> dict:
    out = {}
    for k in dir(P):
        if k.isupper():
            v = getattr(P, k)
            out[k] = json.loads(json.dumps(v, default=str))
    return out


def _write_cvs(cfg: ResolvedConfig, js: dict, ident: dict, uni, out: Path, comp: dict) -> dict:
    """CV documents for a sample of jobseekers, through ``tremplin.simulate.cvs`` when present."""
    if cfg.cv_sample <= 0:
        return {"written": 0, "reason": "échantillon nul"}
    from tremplin.simulate.profiles import cv_profiles

    rng = stream(cfg.seed, "cv-sample")
    rows = np.sort(rng.choice(len(js["jobseeker_id"]), size=min(cfg.cv_sample, len(js["jobseeker_id"])), replace=False))
    profiles = cv_profiles(cfg, js, ident, uni, comp, rows)
    truth_dir = out / "truth" / "cv"
    truth_dir.mkdir(parents=True, exist_ok=True)
    for p in profiles:
        (truth_dir / f"{p['jobseeker_id']}.json").write_text(json.dumps(p, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    try:
        from tremplin.simulate import cvs  # written by the CV helper
    except ImportError:
        return {"written": 0, "profiles": len(profiles), "reason": "module tremplin.simulate.cvs absent : profils de vérité seulement"}
    cv_dir = out / "cv"
    cv_dir.mkdir(exist_ok=True)
    written = cvs.write_cvs(profiles, cv_dir, cfg.seed)
    n = len(written) if isinstance(written, list | tuple) else len(list(cv_dir.iterdir()))
    return {"written": n, "profiles": len(profiles)}
