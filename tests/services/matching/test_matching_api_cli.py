"""HTTP routes and CLI verbs of matching: roles, own data only, journal, formats, exit codes."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner


def _jobseeker_with_offers(minimum=3):
    from tremplin.services.matching import get_engine
    from tremplin.services.matching.candidates import candidates

    engine = get_engine()
    for row in engine.active_rows[:400]:
        pairs = candidates(engine.market, np.array([row]), engine.index, engine.stage1)
        if len(pairs) >= minimum:
            return str(engine.market.js.ids[row]), str(engine.market.offers.ids[pairs.o[0]])
    raise AssertionError("no jobseeker with offers")


@pytest.fixture
def api(matching_db):
    from fastapi.testclient import TestClient

    from tremplin.api.app import create_app
    from tremplin.governance.access import create_token
    from tremplin.store.db import session_scope

    jid, offer = _jobseeker_with_offers()
    with session_scope(matching_db) as session:
        tokens = {role: create_token(session, f"u-{role}", role, subject_id=jid if role == "jobseeker" else None)
                  for role in ("counsellor", "recruiter", "administrator", "auditor", "jobseeker")}
    client = TestClient(create_app(with_console=False))
    return client, {r: {"Authorization": f"Bearer {t}"} for r, t in tokens.items()}, jid, offer


def test_offers_route_roles_and_own_file_only(api):
    from tremplin.governance import contract
    from tremplin.store.db import session_scope

    client, headers, jid, _ = api
    r = client.get(f"/v1/jobseekers/{jid}/offers?top=3", headers=headers["jobseeker"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["direction"] == "offers" and body["subject_id"] == jid and 1 <= len(body["results"]) <= 3
    first = body["results"][0]
    assert first["offer_id"] and first["reasons"] and first["proposal_id"]
    with session_scope() as session:
        proposal = contract.find_proposal(session, first["proposal_id"])
    assert proposal.service == "matching" and proposal.output["offer_id"] == first["offer_id"]
    other = "someone-else"
    assert client.get(f"/v1/jobseekers/{other}/offers", headers=headers["jobseeker"]).status_code == 404
    assert client.get(f"/v1/jobseekers/{jid}/offers", headers=headers["counsellor"]).status_code == 200
    assert client.get(f"/v1/jobseekers/{jid}/offers", headers=headers["recruiter"]).status_code == 403
    assert client.get(f"/v1/jobseekers/{jid}/offers").status_code == 401
    assert client.get(f"/v1/jobseekers/{jid}/offers?top=0", headers=headers["counsellor"]).status_code == 422
    missing = client.get("/v1/jobseekers/nobody/offers", headers=headers["counsellor"])
    assert missing.status_code == 404 and "demandeur inconnu" in missing.json()["detail"]


def test_candidates_route_is_for_counsellors(api):
    client, headers, _, offer = api
    r = client.get(f"/v1/offers/{offer}/candidates?top=5", headers=headers["counsellor"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["direction"] == "candidates" and all(x["jobseeker_id"] for x in body["results"])
    for role in ("jobseeker", "recruiter", "auditor"):
        assert client.get(f"/v1/offers/{offer}/candidates", headers=headers[role]).status_code == 403, role
    assert client.get("/v1/offers/nope/candidates", headers=headers["counsellor"]).status_code == 404


def test_feedback_and_filters_routes(api):
    client, headers, jid, offer = api
    url = f"/v1/jobseekers/{jid}/offers/{offer}/feedback"
    r = client.post(url, json={"kind": "pas_interesse", "reason": "trop loin en bus"}, headers=headers["jobseeker"])
    assert r.status_code == 201, r.text
    assert r.json()["kind"] == "pas_interesse"
    assert client.post(url, json={"kind": "ajout_conseiller"}, headers=headers["jobseeker"]).status_code == 403
    bad = client.post(url, json={"kind": "retrait_conseiller"}, headers=headers["counsellor"])
    assert bad.status_code == 422 and "motif" in bad.json()["detail"]
    assert client.post(url, json={"kind": "n_importe"}, headers=headers["counsellor"]).status_code == 422
    offers = client.get(f"/v1/jobseekers/{jid}/offers?top=50", headers=headers["jobseeker"]).json()["results"]
    assert offer not in {x["offer_id"] for x in offers}
    f = client.put(f"/v1/jobseekers/{jid}/matching-filters", json={"max_distance_km": 12, "contract_types": ["CDI"]},
                   headers=headers["jobseeker"])
    assert f.status_code == 200, f.text
    got = client.get(f"/v1/jobseekers/{jid}/matching-filters", headers=headers["counsellor"]).json()
    assert got["max_distance_km"] == 12 and got["contract_types"] == ["CDI"]
    wrong = client.put(f"/v1/jobseekers/{jid}/matching-filters", json={"contract_types": ["STAGE"]},
                       headers=headers["jobseeker"])
    assert wrong.status_code == 422
    assert client.put("/v1/jobseekers/other/matching-filters", json={}, headers=headers["jobseeker"]).status_code == 404


# --------------------------------------------------------------------------- CLI


def run(*args):
    from tremplin.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_offers_candidates_feedback_filters(matching_env):
    jid, offer = _jobseeker_with_offers()
    r = run("match", "offers", jid, "--top", "3", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["subject_id"] == jid and data["results"][0]["reasons"] and data["results"][0]["proposal_id"]
    text = run("match", "offers", jid, "--top", "2")
    assert text.exit_code == 0 and "Offres proposées au demandeur" in text.stdout
    c = run("match", "candidates", offer, "--format", "json", "--no-journal")
    assert c.exit_code == 0 and json.loads(c.stdout)["direction"] == "candidates"
    assert run("match", "offers", "nobody").exit_code == 2
    assert run("match", "offers", jid, "--top", "0").exit_code == 2
    fb = run("match", "feedback", jid, offer, "--kind", "pas_interesse", "--role", "jobseeker", "--format", "json")
    assert fb.exit_code == 0 and json.loads(fb.stdout)["kind"] == "pas_interesse"
    fl = run("match", "filters", jid, "--max-km", "15", "--contract", "CDI", "--format", "json")
    assert fl.exit_code == 0 and json.loads(fl.stdout)["max_distance_km"] == 15
    shown = run("match", "filters", jid)
    assert "≤ 15" in shown.stdout and "CDI" in shown.stdout


def test_cli_train_from_csv_and_malformed_tables(matching_env, tmp_path):
    """Any PES's own tables, in CSV: trained; a malformed row is named with its column and line."""
    source = matching_env
    folder = tmp_path / "pes"
    folder.mkdir()
    js = pd.read_parquet(source / "jobseekers.parquet")
    offers = pd.read_parquet(source / "offers.parquet")
    inter = pd.read_parquet(source / "interactions.parquet")
    keep = js["jobseeker_id"].iloc[:600]
    js = js[js["jobseeker_id"].isin(keep)]
    inter = inter[inter["jobseeker_id"].isin(keep)]
    for col in ("desired_rome_codes", "past_rome_codes", "past_months", "skills", "desired_contract_types"):
        js[col] = js[col].map(lambda v: ";".join(str(x) for x in v))
    js[["jobseeker_id", "commune_code", "desired_rome_codes", "past_rome_codes", "past_months", "skills",
        "mobility_radius_km", "desired_contract_types", "registered_on", "exit_on"]].to_csv(folder / "jobseekers.csv",
                                                                                             index=False)
    offers["skills"] = offers["skills"].map(lambda v: json.dumps(list(v)))
    offers[["offer_id", "rome_code", "intitule", "commune_code", "contract_type", "posts", "skills", "created_on",
            "closed_on"]].to_csv(folder / "offers.csv", index=False)
    inter.to_csv(folder / "interactions.csv", index=False)
    r = run("match", "train", "--market", str(folder), "--format", "json", "--quiet")
    assert r.exit_code == 0, r.output
    meta = json.loads(r.stdout)
    assert meta["report"]["debiasing"]["applied"] is False  # no protected table: said, not hidden
    assert meta["report"]["rows"]["applications"] > 100 and meta["training_data_hash"]
    lines = (folder / "offers.csv").read_text(encoding="utf-8").splitlines()
    fields = lines[5].split(",")
    fields[1] = "XX999"
    lines[5] = ",".join(fields)
    (folder / "offers.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = run("match", "train", "--market", str(folder))
    assert bad.exit_code == 2
    assert "offers" in bad.output and "rome_code" in bad.output and "ligne 6" in bad.output, bad.output


def test_cli_batch(matching_env, tmp_path):
    out = tmp_path / "lists.jsonl"
    r = run("match", "batch", "--top", "3", "--out", str(out), "--format", "json", "--quiet", "--reasons")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["lists"] > 0 and data["suggestions"] <= 3 * data["lists"]
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {"jobseeker_id", "rank", "offer_id", "score", "reasons"} <= set(first)
    assert first["reasons"]


def test_cli_evaluate_needs_a_territory(home):
    r = run("evaluate", "matching")
    assert r.exit_code == 1 and "aucun territoire simulé" in r.output
    bad = run("evaluate", "matching", "--territory", str(home / "absent"))
    assert bad.exit_code == 2 and "introuvable" in bad.output
