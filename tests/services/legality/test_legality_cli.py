"""``tremplin legality check|rules|decide|reviews|overrides`` and ``tremplin evaluate legality``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tremplin.cli import app

runner = CliRunner()


def _offers_file(tmp_path, lines: list[bytes]):
    path = tmp_path / "offers.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


GOOD = {"id": "g1", "intitule": "Comptable (H/F)", "description": "Tenue de la comptabilité.",
        "dateCreation": "2026-02-01", "salaire": {"libelle": "Mensuel de 2500 Euros"}}
BAD = {"id": "b1", "intitule": "Vendeuse", "description": "Candidate de moins de 30 ans. Frais de dossier : 40 €.",
       "dateCreation": "2026-02-01"}


def test_check_file_jsonl_one_line_per_offer(tmp_path, home):
    path = _offers_file(tmp_path, [json.dumps(GOOD).encode(), json.dumps(BAD, ensure_ascii=False).encode()])
    result = runner.invoke(app, ["legality", "check", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["g1", "b1"]
    assert lines[0]["verdict"] == "ok" and lines[0]["findings"] == []
    assert lines[1]["verdict"] == "block"
    f = lines[1]["findings"][0]
    assert set(f) >= {"rule", "category", "articles", "severity", "field", "span", "text", "explanation",
                      "suggestion"}
    assert {x["category"] for x in lines[1]["findings"]} >= {"age", "fee", "sex"}


def test_check_text_and_formats(home):
    result = runner.invoke(app, ["legality", "check", "--text", "Homme fort pour la manutention."])
    assert result.exit_code == 0 and "À BLOQUER" in result.stdout and "R08-SEX" in result.stdout
    result = runner.invoke(app, ["legality", "check", "--text", "Poste réservé aux hommes.", "--format", "json",
                                 "--fail-on", "block"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["verdict"] == "block" and data["findings"][0]["rule"] == "R08-SEX"
    result = runner.invoke(app, ["legality", "check", "--text", "Comptable (H/F), 2 500 € brut par mois.",
                                 "--fail-on", "review", "-q"])
    assert result.exit_code == 0


def test_bad_lines_are_reported_and_skipped(tmp_path, home):
    lines = [json.dumps(GOOD).encode(), b"\xff\xfe\x00 not utf-8", b"{not json", b"[1, 2]",
             json.dumps(BAD, ensure_ascii=False).encode("utf-8")]
    path = _offers_file(tmp_path, lines)
    result = runner.invoke(app, ["legality", "check", str(path), "--format", "jsonl"])
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 2
    assert "ligne 2 : encodage invalide" in result.stderr
    assert "ligne 3 : JSON invalide" in result.stderr and "ligne 4" in result.stderr


def test_latin1_file_with_encoding_option(tmp_path, home):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps({"id": "l1", "description": "Âge maximum : 40 ans.", "dateCreation": "2026-01-05"},
                                ensure_ascii=False).encode("cp1252") + b"\n")
    assert runner.invoke(app, ["legality", "check", str(path)]).exit_code == 2
    result = runner.invoke(app, ["legality", "check", str(path), "--encoding", "cp1252", "--format", "jsonl"])
    assert result.exit_code == 0 and json.loads(result.stdout)["verdict"] == "block"


def test_input_errors_exit_2(tmp_path, home):
    assert runner.invoke(app, ["legality", "check"]).exit_code == 2
    assert runner.invoke(app, ["legality", "check", str(tmp_path / "missing.jsonl")]).exit_code == 2
    assert runner.invoke(app, ["legality", "check", "--text", "x", "--date", "2026-13-40"]).exit_code == 2
    assert runner.invoke(app, ["legality", "check", "--text", "x", "--fail-on", "maybe"]).exit_code == 2


def test_date_option_selects_the_smic(home):
    text = "Taux horaire : 11,70 € brut."
    old = json.loads(runner.invoke(app, ["legality", "check", "--text", text, "--date", "2024-06-01",
                                         "--format", "json"]).stdout)
    new = json.loads(runner.invoke(app, ["legality", "check", "--text", text, "--date", "2026-06-01",
                                         "--format", "json"]).stdout)
    assert "pay" not in {f["category"] for f in old["findings"]}
    assert "pay" in {f["category"] for f in new["findings"]}


def test_rules_command(home):
    result = runner.invoke(app, ["legality", "rules", "--format", "json", "--parameters"])
    data = json.loads(result.stdout)
    assert len(data["rules"]) == 25 and data["parameters"]
    assert "R25-PAY-TRANSPARENCY" in runner.invoke(app, ["legality", "rules"]).stdout


@pytest.mark.parametrize("db", ["sqlite"])
def test_decide_reviews_and_overrides(tmp_path, home, db):
    offer = tmp_path / "offer.json"
    offer.write_text(json.dumps(BAD, ensure_ascii=False), encoding="utf-8")
    base = ["legality", "decide", "b1", "--actor", "conseillere-1"]
    result = runner.invoke(app, base + ["--rule", "R07-AGE", "--outcome", "override", "--offer", str(offer)])
    assert result.exit_code == 2 and "motif" in result.stderr
    result = runner.invoke(app, base + ["--rule", "R07-AGE", "--outcome", "confirm", "--offer", str(offer),
                                        "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "confirmed"
    result = runner.invoke(app, base + ["--rule", "R05-FEE", "--outcome", "override", "--reason",
                                        "frais remboursés à l'embauche, vérifié par téléphone", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["status"] == "overridden"
    reviews = json.loads(runner.invoke(app, ["legality", "reviews", "b1", "--format", "json"]).stdout)
    assert {r["rule"]: r["status"] for r in reviews}["R05-FEE"] == "overridden"
    rates = json.loads(runner.invoke(app, ["legality", "overrides", "--format", "json"]).stdout)
    by_rule = {r["rule"]: r for r in rates["rules"]}
    assert by_rule["R05-FEE"]["override_rate"] == 1.0 and by_rule["R07-AGE"]["override_rate"] == 0.0
    assert runner.invoke(app, ["legality", "decide", "zz", "--actor", "c", "--rule", "R07-AGE",
                               "--outcome", "confirm"]).exit_code == 2


def test_evaluate_on_a_small_offers_file(tmp_path, home, shared_data):
    from tremplin.services.legality.eval.build import load_labels

    labels = load_labels()
    wanted = {k for split in ("tune", "heldout") for k in [i for i, v in labels.items() if v["split"] == split][:30]}
    src = shared_data / "offers" / "offers_dev.jsonl"
    lines = [line for line in src.read_bytes().splitlines() if json.loads(line)["id"] in wanted]
    path = _offers_file(tmp_path, lines)
    result = runner.invoke(app, ["evaluate", "legality", "--offers", str(path), "--variants", "1", "--format",
                                 "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["real_offers"]["count"] == len(lines)
    for split in ("tune", "heldout"):
        assert data[split]["all"]["precision"] is not None
        assert "per_category" in data[split]["all"]
    assert set(data["targets"]) == {"tune", "heldout", "real_block_share<=0.03"}
    assert "tremplin evaluate legality" in data["command"]
    missing = runner.invoke(app, ["evaluate", "legality", "--offers", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 1 and "introuvable" in missing.stderr
    # an extra template set, reported as its own set
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"set": "essai", "templates": [
        {"id": "e1", "category": "fee", "text": "Une participation de {fee_amount} € est demandée pour postuler."},
        {"id": "e2", "category": "fee", "kind": "negative", "text": "Formation offerte, aucun frais pour vous."},
    ]}, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "legality", "--offers", str(path), "--variants", "1", "--templates",
                                 str(extra), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["template_sets"] == ["tune", "heldout", "essai"]
    assert data["essai"]["variants_count"] == 2 and data["essai"]["negatives_count"] == 1
    assert data["essai"]["all"]["per_category"]["fee"]["positives"] == 1
    assert "errors" in data["essai"]["all"] and f"--templates {extra}" in data["command"]
    assert set(data["targets"]) == {"tune", "heldout", "essai", "real_block_share<=0.03"}
    text = runner.invoke(app, ["evaluate", "legality", "--offers", str(path), "--variants", "1", "--templates",
                               str(extra)])
    assert text.exit_code == 0 and "jeu supplémentaire « essai »" in text.stdout
    extra.write_text('{"set": "tune", "templates": []}', encoding="utf-8")
    bad = runner.invoke(app, ["evaluate", "legality", "--offers", str(path), "--templates", str(extra)])
    assert bad.exit_code == 2 and "réservé" in bad.stderr
