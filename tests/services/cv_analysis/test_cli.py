"""``tremplin cv parse``, ``tremplin cv generate`` and ``tremplin evaluate cv``."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.services.cv_analysis.conftest import HAND
from tremplin.cli import app

runner = CliRunner()


def test_parse_text_json_and_json_resume(cv_env):
    path = str(HAND / "nathalie_roux_comptable.pdf")
    text = runner.invoke(app, ["cv", "parse", path, "--no-rome"])
    assert text.exit_code == 0, text.output
    assert "Expériences :" in text.stdout and "Comptable unique" in text.stdout
    as_json = runner.invoke(app, ["cv", "parse", path, "--no-rome", "--format", "json", "--quiet"])
    data = json.loads(as_json.stdout)
    assert data["experiences"][0]["title"]["value"] == "Comptable unique" and "text" not in data
    resume = json.loads(runner.invoke(app, ["cv", "parse", path, "--no-rome", "--json-resume", "-q"]).stdout)
    assert resume["basics"]["name"] == "Nathalie ROUX"
    assert resume["work"][1]["startDate"] == "2015-02" and resume["work"][1]["endDate"] == "2017-06"


def test_parse_bad_input_exit_codes(cv_env, tmp_path):
    scan = tmp_path / "scan.pdf"
    from tests.services.cv_analysis.badfiles import scanned_pdf

    scan.write_bytes(scanned_pdf())
    result = runner.invoke(app, ["cv", "parse", str(scan)])
    assert result.exit_code == 2 and "scanné" in result.stderr
    missing = runner.invoke(app, ["cv", "parse", str(tmp_path / "absent.pdf")])
    assert missing.exit_code == 2
    renamed = tmp_path / "cv.docx"
    renamed.write_bytes((HAND / "sophie_martin_aide_soignante.txt").read_bytes())
    wrong = runner.invoke(app, ["cv", "parse", str(renamed)])
    assert wrong.exit_code == 2 and "extension .docx" in wrong.stderr


def test_generate_and_evaluate(cv_env, tmp_path):
    out = tmp_path / "cvs"
    gen = runner.invoke(app, ["cv", "generate", "--out", str(out), "--n", "5", "--seed", "3", "-q"])
    assert gen.exit_code == 0, gen.output
    assert len(list(out.glob("*.truth.json"))) == 5
    bad = runner.invoke(app, ["cv", "generate", "--out", str(out), "--formats", "doc"])
    assert bad.exit_code == 2
    report = tmp_path / "report.json"
    ev = runner.invoke(app, ["evaluate", "cv", "--n", "10", "--seed", "5", "--no-rome", "--report", str(report),
                             "--format", "json", "-q"])
    assert ev.exit_code == 0, ev.output
    data = json.loads(ev.stdout)
    assert data["generated"]["documents"] == 10 and "fictives" in data["generated"]["notice"]
    assert data["handwritten"]["documents"] >= 8
    assert json.loads(report.read_text())["generated"]["fields"]["contact.email"]["exact"]["f1"] > 0.8
