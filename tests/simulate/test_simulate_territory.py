"""A small simulated territory: contents, consistency with the referentials and the truth, determinism."""

from __future__ import annotations

import hashlib
import json
import math
import os

import numpy as np
import pandas as pd
import pytest


def test_tables_and_schema(small_territory):
    result, t = small_territory
    assert result.counts["jobseekers"] == 500
    for name in ("jobseekers", "offers", "interactions", "protected_attributes", "companies", "applications", "hires",
                 "participations", "services", "emails", "identities", "communes", "bassins"):
        assert (t.path / f"{name}.parquet").is_file(), name
    for name in ("jobseekers_hidden", "offers_hidden", "applications_truth", "service_effects", "services_model", "emails_truth"):
        assert (t.path / "truth" / f"{name}.parquet").is_file(), name
    assert set(t.interactions.columns) == {"jobseeker_id", "offer_id", "type", "date"}
    assert set(t.interactions["type"]) <= {"application", "hire"}
    # protected attributes live only in their own table
    protected = {"sex", "birth_year", "age_at_start", "age_band", "rqth", "qpv", "nationality_group"}
    assert not protected & set(t.jobseekers.columns)
    assert not protected & set(t.offers.columns)
    assert protected <= set(t.protected_attributes.columns)
    assert t.manifest["simulated"] is True
    assert "SIMULÉ" in t.manifest["notice"]


def test_geography_is_real(small_territory):
    from tremplin.referentials import geo

    _r, t = small_territory
    real = {c.insee: c for c in geo.communes(departement="74")}
    js = t.jobseekers
    assert set(js["commune_code"]) <= set(real)
    sample = js.drop_duplicates("commune_code").head(20)
    for _, row in sample.iterrows():
        c = real[row["commune_code"]]
        assert math.isclose(row["latitude"], c.latitude, abs_tol=1e-9)
        assert row["bassin"] == c.bassin
    # population-weighted: the largest commune (Annecy) holds more jobseekers than a village
    counts = js["commune_code"].value_counts()
    biggest = max(real.values(), key=lambda c: c.population or 0).insee
    assert counts.get(biggest, 0) >= counts.median()
    assert set(t.offers["commune_code"]) <= set(real)


def test_occupations_and_skills_come_from_rome(small_territory):
    from tremplin.referentials import rome

    _r, t = small_territory
    frames = rome.frames()
    codes = set(frames["codes"]["code"])
    apps = frames["appellations"].set_index("code_ogr")["code"].to_dict()
    js = t.jobseekers
    assert set(js["main_rome_code"]) <= codes
    assert set(np.concatenate(js["desired_rome_codes"].to_numpy())) <= codes
    off = t.offers
    assert set(off["rome_code"]) <= codes
    # each offer's appellation belongs to its ROME code
    assert all(apps.get(a) == c for a, c in zip(off["appellation_code"], off["rome_code"], strict=True))
    links = frames["code_competences"]
    linked = set(zip(links["code"], links["code_ogr"], strict=True))
    fiche = dict(zip(frames["codes"]["code"], frames["codes"]["parent"], strict=True))
    for _, row in off.head(50).iterrows():
        for skill in row["skills"]:
            assert (row["rome_code"], skill) in linked or (fiche[row["rome_code"]], skill) in linked
    # descriptions are composed from the ROME texts, with varied structures
    assert off["description"].str.len().min() > 80
    first_lines = off["description"].str.split("\n").str[0].str[:25]
    assert first_lines.nunique() > 10


def test_salaries_never_below_smic(small_territory):
    from tremplin.simulate.population import smic_monthly

    _r, t = small_territory
    off = t.offers
    floor = smic_monthly(off["created_on"].to_numpy().astype("datetime64[D]")) * off["weekly_hours"] / 35
    assert (off["salary_min_monthly"] >= np.floor(floor)).all()
    assert (off["salary_max_monthly"] >= off["salary_min_monthly"]).all()
    assert not t.truth("offers_hidden")["below_smic"].any()


def test_offer_life_and_congestion(small_territory):
    _r, t = small_territory
    off = t.offers.set_index("offer_id")
    hires = t.hires
    apps = t.applications
    # no one applies twice to the same offer; every hire was an application first
    assert not apps.duplicated(["jobseeker_id", "offer_id"]).any()
    applied = set(zip(apps["jobseeker_id"], apps["offer_id"], strict=True))
    assert all(p in applied for p in zip(hires["jobseeker_id"], hires["offer_id"], strict=True))
    # an offer is filled once: never more hires than posts; filled offers have all their posts taken
    n_hires = hires.groupby("offer_id").size()
    assert (n_hires <= off.loc[n_hires.index, "posts"]).all()
    filled = off[off["status"] == "pourvue"]
    assert len(filled) > 0
    assert (filled["n_hires"] == filled["posts"]).all()
    assert (filled["filled_on"] >= filled["created_on"]).all()
    assert (off["filled_within_30_days"] == (off["filled_on"].notna() & ((pd.to_datetime(off["filled_on"]) - pd.to_datetime(off["created_on"])).dt.days <= 30))).all()
    closed = off[off["status"].isin(["retiree", "expiree"])]
    assert closed["closed_on"].notna().all() and closed["filled_on"].isna().all()
    assert (apps["applied_on"].to_numpy() >= off.loc[apps["offer_id"], "created_on"].to_numpy()).all()
    # congestion: applications are concentrated (some offers get many, some none)
    assert off["n_applications"].max() >= 4 * max(off["n_applications"].median(), 1)


def test_hires_follow_the_match_utility(small_territory):
    _r, t = small_territory
    truth = t.truth("applications_truth")
    hired = truth[truth["outcome"] == "embauche"]["match_utility"].mean()
    rejected = truth[truth["outcome"] == "refus"]["match_utility"].mean()
    assert hired > rejected + 0.5
    # the employer's score is the match utility, the known bias and noise
    assert np.corrcoef(truth["match_utility"] + truth["bias_log_odds"], truth["employer_score"])[0, 1] > 0.7


def test_known_biases_are_recorded(small_territory):
    _r, t = small_territory
    truth = t.truth("applications_truth")
    scenario = json.loads((t.path / "truth" / "scenario.json").read_text(encoding="utf-8"))
    log_odds = {b["id"]: b["log_odds"] for b in scenario["biases"]}
    expected = truth["biases"].map(lambda ids: sum(log_odds[i] for i in ids))
    assert np.allclose(expected, truth["bias_log_odds"])
    prot = t.protected_attributes.set_index("jobseeker_id")
    off = t.offers.set_index("offer_id")
    with_sex = truth.join(prot, on="jobseeker_id").join(off[["rome_code"]], on="offer_id")
    women_fni = (with_sex["sex"] == "F") & with_sex["rome_code"].str[0].isin(["F", "N", "I"])
    got = with_sex["biases"].map(lambda ids: "femmes_batiment_transport_maintenance" in ids)
    assert (got == women_fni).all()
    qpv = with_sex["biases"].map(lambda ids: "residents_qpv" in ids)
    assert (qpv == with_sex["qpv"]).all()


def test_services_and_effects(small_territory):
    _r, t = small_territory
    parts = t.participations
    assert len(parts) > 0
    assert set(parts["service_id"]) <= set(t.services["service_id"])
    assert (parts["end_on"] > parts["start_on"]).all()
    effects = t.truth("service_effects")
    assert list(effects["participation_id"]) == list(parts["participation_id"])
    assert effects["effect_log_hazard"].std() > 0  # heterogeneous
    sources = " ".join(t.services["source"])
    assert "financements.yml" in sources and "helps.json" in sources


def test_emails_and_labels(small_territory):
    from tremplin.simulate.emails import INTENTS

    _r, t = small_territory
    mails = t.emails
    labels = t.truth("emails_truth")
    assert len(mails) > 100
    assert list(mails["email_id"]) == list(labels["email_id"])
    assert set(labels["intent"]) <= set(INTENTS)
    assert len(set(labels["intent"])) >= 8
    assert set(labels["urgency"]) == {"normale", "haute", "critique"}
    assert labels["has_typos"].any() and labels["has_quoted_reply"].any()
    quoted = mails[labels["has_quoted_reply"].to_numpy()]
    assert quoted["body"].str.contains("\n> ").all()
    assert quoted["subject"].str.startswith("RE: ").all()
    # e-mails are sent by registered people during their registration
    js = t.jobseekers.set_index("jobseeker_id")
    reg = pd.to_datetime(js.loc[mails["jobseeker_id"], "registered_on"]).to_numpy()
    assert (mails["received_at"].to_numpy() >= reg).all()


def test_cv_ground_truth(small_territory):
    _r, t = small_territory
    files = sorted((t.path / "truth" / "cv").glob("*.json"))
    assert len(files) == 5
    profile = json.loads(files[0].read_text(encoding="utf-8"))
    assert profile["simulated"] is True
    assert {"identity", "experiences", "education", "skills", "languages", "driving_licence"} <= set(profile)
    assert profile["identity"]["email"].endswith(".example")


def test_same_seed_gives_byte_identical_parquet(sim_env, small_territory, simulate_run):
    """Same seed, another process (another hash seed) ⇒ the same bytes; another seed ⇒ other data."""
    import subprocess
    import sys

    _r, t = small_territory
    again = sim_env / "t-again"
    code = (
        "import sys, warnings; warnings.simplefilter('ignore');"
        "from pathlib import Path; from tremplin.simulate import SimulationConfig, simulate_territory;"
        "simulate_territory(SimulationConfig(departements=['74'], jobseekers=500, months=8, seed=11, write_db=False,"
        " cv_sample=5, out=Path(sys.argv[1])))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(again)], check=True, env=env, timeout=300)
    other = simulate_run(sim_env / "t-other", seed=12)

    def digests(path):
        return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.rglob("*.parquet"))}

    first, second, third = digests(t.path), digests(again), digests(other.out_dir)
    assert len(first) == 19
    assert first == second
    assert (t.path / "manifest.json").read_bytes() == (again / "manifest.json").read_bytes()
    changed = [k for k in first if first[k] != third[k]]
    assert "jobseekers.parquet" in changed and "offers.parquet" in changed and "interactions.parquet" in changed


def test_load_territory_errors(tmp_path):
    from tremplin.errors import InvalidInput, NotFound
    from tremplin.simulate import load_territory

    with pytest.raises(NotFound, match="manifest.json"):
        load_territory(tmp_path)
    (tmp_path / "manifest.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(InvalidInput):
        load_territory(tmp_path)
