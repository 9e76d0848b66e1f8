"""The offer intake can run the legality check: `tremplin import offers FILE --legality OUT`."""

import json

from typer.testing import CliRunner

from tremplin.cli import app


def test_import_runs_the_legality_check_and_keeps_every_valid_offer(home, tmp_path):
    offers = [
        {"id": "A1", "intitule": "Serveuse", "description": "Recherche serveuse de moins de 30 ans.",
         "typeContrat": "CDI", "dateCreation": "2026-02-01T10:00:00Z"},
        {"id": "A2", "intitule": "Agent de production (H/F)", "description": "Poste en équipe, formation assurée.",
         "typeContrat": "CDI", "dateCreation": "2026-02-01T10:00:00Z", "salaire": {"libelle": "Mensuel de 2000 Euros"}},
    ]
    source = tmp_path / "offres.jsonl"
    source.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in offers) + "\n{cassé\n", encoding="utf-8")
    out = tmp_path / "legalite.jsonl"
    result = CliRunner().invoke(app, ["import", "offers", str(source), "--legality", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["inserted"] == 2 and summary["invalid"] == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {line["id"]: line for line in lines}
    assert set(by_id) == {"A1", "A2"}
    assert by_id["A1"]["verdict"] == "block"
    assert {"age", "sex"} <= {f["category"] for f in by_id["A1"]["findings"]}
    assert by_id["A2"]["verdict"] in ("ok", "advise")
    assert sum(summary["legality"]["verdicts"].values()) == 2
