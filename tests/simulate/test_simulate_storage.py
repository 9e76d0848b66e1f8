"""Database writes (SQLite and PostgreSQL), atomicity of interrupted runs, the CLI and the report."""

from __future__ import annotations

import json
import os
import warnings

import pytest
from sqlalchemy import func, select


@pytest.fixture
def mirror_env(referentials, shared_data, monkeypatch):
    monkeypatch.setenv("TREMPLIN_DATA_MIRROR", str(shared_data))
    from tremplin.settings import reset_settings

    reset_settings()


def _count(engine, model, territory_id):
    from tremplin.store.db import session_scope

    with session_scope(engine) as s:
        return s.scalar(select(func.count()).select_from(model).where(model.territory_id == territory_id))


def test_database_write_and_replace(engine, mirror_env, tmp_path, simulate_run):
    from tremplin.domain import Offer
    from tremplin.store.db import session_scope
    from tremplin.store.tables.core import OfferRow
    from tremplin.store.tables.territory import (
        SimEmailRow,
        SimInteractionRow,
        SimJobseekerRow,
        SimProtectedAttributesRow,
        SimTerritoryRow,
    )

    result = simulate_run(tmp_path / "t", jobseekers=150, months=4, write_db=True, cv_sample=0)
    tid = result.territory_id
    assert result.db_written
    assert _count(engine, SimJobseekerRow, tid) == 150
    assert _count(engine, SimProtectedAttributesRow, tid) == 150
    assert _count(engine, SimInteractionRow, tid) == result.counts["interactions"]
    assert _count(engine, SimEmailRow, tid) == result.counts["emails"]
    with session_scope(engine) as s:
        rows = s.scalars(select(OfferRow).where(OfferRow.source == f"simulation:{tid}")).all()
        assert len(rows) == result.counts["offers"]
        offer = Offer.model_validate(rows[0].payload)  # France Travail v2 shape
        assert offer.romeCode and offer.typeContrat and offer.lieuTravail.commune == rows[0].commune_code
        territory = s.get(SimTerritoryRow, tid)
        assert territory.status == "complete" and territory.counts["jobseekers"] == 150
        profile = s.scalars(select(SimJobseekerRow.profile).where(SimJobseekerRow.territory_id == tid)).first()
        assert "sex" not in profile and "skills" in profile
    # writing the same territory again replaces it (no duplicates)
    simulate_run(tmp_path / "t", jobseekers=150, months=4, write_db=True, cv_sample=0)
    assert _count(engine, SimJobseekerRow, tid) == 150
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(OfferRow).where(OfferRow.source == f"simulation:{tid}")) == result.counts["offers"]


def test_interrupted_database_write_leaves_previous_state(engine, mirror_env, tmp_path, simulate_run, monkeypatch):
    from tremplin.simulate import database
    from tremplin.store.tables.territory import SimJobseekerRow, SimTerritoryRow

    first = simulate_run(tmp_path / "t", jobseekers=120, months=3, write_db=True, cv_sample=0)
    original = database._chunks
    calls = {"n": 0}

    def failing(table):
        for rows in original(table):
            calls["n"] += 1
            if calls["n"] == 4:  # after jobseekers, protected attributes and companies went in
                raise KeyboardInterrupt
            yield rows

    monkeypatch.setattr(database, "_chunks", failing)
    with pytest.raises(KeyboardInterrupt):
        simulate_run(tmp_path / "t", jobseekers=120, months=3, write_db=True, cv_sample=0)
    # the previous territory is intact, files included, and no partial folder is left behind
    assert _count(engine, SimJobseekerRow, first.territory_id) == 120
    from tremplin.store.db import session_scope

    with session_scope(engine) as s:
        assert s.get(SimTerritoryRow, first.territory_id) is not None
    assert (tmp_path / "t" / "manifest.json").is_file()
    assert not (tmp_path / "t.partial").exists()


def test_interrupted_file_write_leaves_nothing(sim_env, simulate_run, monkeypatch):
    from tremplin.simulate import files

    def boom(out, tables):
        (out / "jobseekers.parquet").write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "write_tables", boom)
    out = sim_env / "never"
    with pytest.raises(KeyboardInterrupt):
        simulate_run(out, jobseekers=100, months=2)
    assert not out.exists()
    assert not out.with_name("never.partial").exists()


def test_market_tables_fallback_without_mirror(sim_env, simulate_run):
    from tremplin.settings import reset_settings
    from tremplin.simulate import load_territory
    from tremplin.simulate.sources import SimulationWarning

    saved = os.environ.pop("TREMPLIN_DATA_MIRROR")
    reset_settings()
    try:
        from tremplin.simulate import SimulationConfig, simulate_territory

        with pytest.warns(SimulationWarning) as caught:
            result = simulate_territory(SimulationConfig(jobseekers=100, months=2, write_db=False, cv_sample=0,
                                                         out=sim_env / "nomirror"))
    finally:
        os.environ["TREMPLIN_DATA_MIRROR"] = saved
        reset_settings()
    assert any("uniformément" in n for n in result.notes)
    # every missing table is named to the user, not only the first one
    said = " ".join(str(w.message) for w in caught)
    for missing in ("tirés uniformément", "indicateurs de tension absents", "catalogue des formations absent",
                    "aides à la mobilité absentes"):
        assert missing in said
    t = load_territory(result.out_dir)
    assert len(t.offers) == result.counts["offers"]
    # only the France Travail accompaniment modalities remain in the catalogue
    assert set(t.services["service_id"]) == {"ft-accompagnement-renforce", "ft-accompagnement-global", "ft-atelier-candidature"}


def test_cli_json_and_bad_input(sim_env, tmp_path):
    from typer.testing import CliRunner

    from tremplin.cli import app

    runner = CliRunner()
    out = tmp_path / "cli"
    res = runner.invoke(app, ["simulate", "-d", "74", "-n", "120", "-m", "2", "--seed", "3", "--out", str(out), "--no-db",
                              "--cv-sample", "0", "--format", "json", "--quiet"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["counts"]["jobseekers"] == 120 and data["out_dir"] == str(out)
    for args, words in (
        (["-d", "99"], "département inconnu"),
        (["-n", "3"], "--jobseekers"),
        (["--start", "demain"], "AAAA-MM-JJ"),
        (["--bias", str(tmp_path / "nope.yaml")], "introuvable"),
    ):
        bad = runner.invoke(app, ["simulate", "--out", str(tmp_path / "bad"), "--no-db", *args])
        assert bad.exit_code == 2, bad.output
        assert words in bad.output
        assert not (tmp_path / "bad").exists()


def test_realism_report(small_territory, sim_env):
    from typer.testing import CliRunner

    from tremplin.cli import app

    _r, t = small_territory
    res = CliRunner().invoke(app, ["simulate", "--report-from", str(t.path), "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["simulated"] is True
    contracts = {r["contrat"]: r for r in report["contracts"]["rows"]}
    assert report["contracts"]["real_n"] == 2797
    assert contracts["CDI"]["réel_%"] > 50
    salaries = report["salaries"]["rows"][0]
    assert salaries["réel_n"] > 500 and salaries["simulé_médiane"] > 1500
    assert report["tension"]["available"] and report["tension"]["cells"] > 0
    assert {"applications", "hires", "declared_radius"} <= set(report["distances"])
    md = (t.path / "report.md").read_text(encoding="utf-8")
    assert "SIMULÉ" in md and "| CDI |" in md


def test_parse_salary():
    from tremplin.simulate.report import parse_salary

    assert parse_salary("Mensuel de 1900.0 Euros sur 12.0 mois") == 1900.0
    assert parse_salary("Annuel de 24000,00 Euros à 30000,00 Euros") == 2000.0
    assert round(parse_salary("Horaire de 11.88 Euros"), 2) == round(11.88 * 151.67, 2)
    assert parse_salary("Annuel de") is None and parse_salary(None) is None
    warnings.simplefilter("default")
