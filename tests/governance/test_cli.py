"""Governance verbs through the CLI (in-process Typer runner): JSON on stdout, exit codes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from tremplin.cli import app
from tremplin.domain import Decision, Proposal, Reason
from tremplin.governance import contract
from tremplin.store.db import session_scope

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def filled(engine, fake_cards):
    with session_scope(engine) as s:
        p = contract.record_proposal(s, Proposal(service="matching", service_version="9.9-test",
                                                 output={"offre": "A1"}, reasons=[Reason(label="métier", weight=1.0)]),
                                     subject_id="JS-1")
        d = contract.record_decision(s, Decision(proposal_id=p.id, actor_ref="c1", actor_role="counsellor",
                                                 outcome="reject", reason="déjà en poste"))
    return engine, p, d


def test_journal_verify_detects_tampering(filled):
    engine, _p, _d = filled
    r = run("journal", "verify", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["ok"] is True
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("DROP TRIGGER journal_entries_guard ON journal_entries"))
        else:
            conn.execute(text("DROP TRIGGER journal_entries_no_update"))
        conn.execute(text("UPDATE journal_entries SET content = replace(content, 'déjà en poste', 'accord') WHERE seq = 2"))
    r = run("journal", "verify")
    assert r.exit_code == 1 and "n° 2" in r.stdout and "ALTÉRÉ" in r.stdout


def test_journal_verify_writes_the_head_outside_the_database(filled, home):
    from tremplin.settings import get_settings

    witness = get_settings().journal_witness_file
    assert run("journal", "verify").exit_code == 0
    assert json.loads(witness.read_text().splitlines()[-1])["seq"] == 2
    engine = filled[0]
    with engine.begin() as conn:  # the last decision removed and the head moved back, consistently
        if engine.dialect.name == "postgresql":
            conn.execute(text("DROP TRIGGER journal_entries_guard ON journal_entries"))
        else:
            conn.execute(text("DROP TRIGGER journal_entries_no_delete"))
        conn.execute(text("DELETE FROM journal_entries WHERE seq = 2"))
        conn.execute(text("UPDATE journal_head SET seq = 1, hash = (SELECT hash FROM journal_entries WHERE seq = 1)"))
    r = run("journal", "verify", "--format", "json")
    assert r.exit_code == 1 and "consignée" in json.loads(r.stdout)["problem"]


def test_export_explain_and_list(filled, tmp_path):
    _engine, p, d = filled
    out = tmp_path / "journal.csv"
    r = run("journal", "export", "--format", "csv", "--out", str(out))
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").count("\n") == 3
    r = run("journal", "export", "--format", "xml")
    assert r.exit_code == 2
    r = run("explain", d.id)
    assert r.exit_code == 0 and "déjà en poste" in r.stdout and "R311-3-1-2" in r.stdout
    r = run("explain", d.id, "--mention")
    assert r.stdout.startswith("Cette décision a été prise")
    r = run("explain", "inconnue")
    assert r.exit_code == 2 and "inconnue" in r.stderr
    r = run("journal", "list", "--kind", "decision", "--format", "json")
    assert [x["record_id"] for x in json.loads(r.stdout)] == [d.id]


def test_oversight_register_tokens(filled, tmp_path):
    r = run("oversight", "set", "matching", "rules_only", "--reason", "dérive détectée", "--actor", "admin-1")
    assert r.exit_code == 0
    assert contract.ensure_enabled("matching") == "rules_only"
    r = run("oversight", "set", "matching", "off", "--reason", "")
    assert r.exit_code == 2
    r = run("oversight", "status", "--format", "json")
    assert {s["service"]: s["mode"] for s in json.loads(r.stdout)}["matching"] == "rules_only"
    r = run("oversight", "rates", "--format", "json")
    assert json.loads(r.stdout)["services"][0]["override_rate"] == 1.0
    r = run("register", "build", "--out", str(tmp_path / "reg"), "--format", "json")
    assert r.exit_code == 0 and "ghost" in r.stderr
    assert (tmp_path / "reg" / "register.html").exists() and (tmp_path / "reg" / "annex-iv-matching.md").exists()
    r = run("users", "token", "create", "--role", "counsellor", "--actor", "agent-5", "--quiet")
    token = r.stdout.strip()
    assert r.exit_code == 0 and token.startswith("tpl_")
    r = run("users", "token", "create", "--role", "jobseeker", "--actor", "x")
    assert r.exit_code == 2
    r = run("users", "token", "list", "--format", "json")
    rows = json.loads(r.stdout)
    assert rows[0]["actor_id"] == "agent-5" and token not in r.stdout
    assert run("users", "token", "revoke", rows[0]["token_id"]).exit_code == 0


def test_audit_vault_assess_via_cli(filled, tmp_path):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(5)
    n = 800
    ids = [f"JS-{i}" for i in range(n)]
    sex = rng.choice(["F", "M"], n)
    pd.DataFrame({"jobseeker_id": ids, "sex": sex, "birth_year": rng.integers(1960, 2004, n)}).to_csv(tmp_path / "attrs.csv", index=False)
    y_pred = np.where(sex == "F", rng.random(n) < 0.2, rng.random(n) < 0.5).astype(int)
    pd.DataFrame({"subject_id": ids, "y_pred": y_pred}).to_csv(tmp_path / "preds.csv", index=False)
    r = run("vault", "import", str(tmp_path / "attrs.csv"), "--purpose", "audit de test")
    assert r.exit_code == 0, r.stderr
    r = run("audit", "matching", "--input", str(tmp_path / "preds.csv"), "--n-boot", "100", "--format", "json")
    assert r.exit_code == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["verdict"] == "disparités détectées" and report["flagged"][0]["attribute"].startswith("sex")
    r = run("vault", "log", "--format", "json")
    assert [e["action"] for e in json.loads(r.stdout)] == ["read", "write"]
    template = tmp_path / "q.yaml"
    r = run("assess", "template", "matching")
    template.write_text(r.stdout.replace("answer: null", "answer: oui"), encoding="utf-8")
    r = run("assess", "submit", str(template), "--format", "json")
    assert r.exit_code == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["version"] == 1 and {a["section"] for a in result["open_actions"]} == {"fria"}
    r = run("assess", "show", "matching")
    assert "Actions ouvertes (6)" in r.stdout
