"""``tremplin data`` and ``tremplin import offers`` as a user runs them: exit codes, JSON on stdout."""

import json

import pytest
from typer.testing import CliRunner


@pytest.fixture
def run():
    from tremplin.cli import app

    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, list(args))

    return invoke


def test_status_lists_every_referential_with_version(run, referentials, home):
    result = run("data", "status", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["name"] for r in rows] == ["rome", "geo", "law", "fiches", "usage"]
    assert all(r["installed"] and r["checksum_ok"] and r["version"] for r in rows)
    assert next(r for r in rows if r["name"] == "rome")["version"] == "460"
    text = run("data", "status")
    assert "ROME 4.0 — version 460 (complet), sommes de contrôle OK" in text.stdout


def test_status_without_referentials_exits_1_and_says_what_to_run(run, home, monkeypatch):
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(home / "none"))
    reset_settings()
    result = run("data", "status", "-f", "json")
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert not any(r["installed"] for r in rows)
    assert "tremplin data fetch --only rome" in rows[0]["problems"][0]


def test_fetch_with_unknown_referential_is_bad_input(run, home):
    result = run("data", "fetch", "--only", "meteo", "--quiet")
    assert result.exit_code == 2
    assert "référentiel inconnu : meteo" in result.stderr and result.stdout == ""


def test_fetch_failure_exits_1_with_json_report(run, home, monkeypatch):
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_OFFLINE", "1")
    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(home / "refs"))
    reset_settings()
    result = run("data", "fetch", "--only", "geo", "--format", "json", "--quiet")
    assert result.exit_code == 1
    [report] = json.loads(result.stdout)
    assert report["name"] == "geo" and not report["ok"] and "hors ligne" in report["error"]


def test_import_offers_reports_and_exit_codes(run, home, tmp_path, shared_data):
    result = run("import", "offers", str(shared_data / "offers/offers_dev.jsonl"), "--format", "json", "--quiet")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["inserted"] == 2797 and report["invalid"] == 0
    latin1 = tmp_path / "latin1.jsonl"
    latin1.write_bytes('{"id": "é1", "intitule": "café"}\n'.encode("latin-1"))
    bad = run("import", "offers", str(latin1))
    assert bad.exit_code == 2
    assert "ligne 1 ignorée : texte non UTF-8" in bad.stderr
    missing = run("import", "offers", str(tmp_path / "absent.jsonl"))
    assert missing.exit_code == 2 and "fichier introuvable" in missing.stderr


def test_help_lists_the_verbs(run):
    result = run("--help")
    assert result.exit_code == 0
    assert "data" in result.stdout and "import" in result.stdout
    assert "--only" in run("data", "fetch", "--help").stdout


def test_ensure_fetches_nothing_when_everything_is_current(referentials, home):
    from tremplin.referentials.fetch import ensure, is_complete

    assert is_complete(referentials)
    assert ensure() == []


def test_ensure_raises_with_every_failure_listed(home, monkeypatch):
    from tremplin.errors import DataUnavailable
    from tremplin.referentials.fetch import ensure
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_OFFLINE", "1")
    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(home / "refs"))
    reset_settings()
    with pytest.raises(DataUnavailable) as info:
        ensure("geo,law")
    assert "géographie" in str(info.value) and "Code du travail" in str(info.value)
