"""The CLI (``tremplin search``, ``evaluate search``, ``train search``) and ``GET /v1/search``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tremplin.cli import app


@pytest.fixture
def runner():
    return CliRunner()


def test_question_as_argument_json(runner, search_env):
    result = runner.invoke(app, ["search", "préavis de démission", "--top", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == "préavis de démission"
    assert 1 <= len(data["results"]) <= 3
    assert {"id", "title", "source", "score", "passage"} <= data["results"][0].keys()


def test_options_before_the_question_and_text_output(runner, search_env):
    result = runner.invoke(app, ["search", "--top", "2", "rupture", "conventionnelle"])
    assert result.exit_code == 0, result.output
    assert "Question : rupture conventionnelle" in result.stdout
    assert " 1. " in result.stdout and " 3. " not in result.stdout


def test_file_jsonl(runner, search_env, tmp_path):
    questions = tmp_path / "q.txt"
    questions.write_text("chomage\n\nle la les\nrupture conventionnelle\n", encoding="utf-8")
    result = runner.invoke(app, ["search", "--file", str(questions), "--format", "jsonl", "--top", "2"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["query"] for d in lines] == ["chomage", "le la les", "rupture conventionnelle"]
    assert lines[1]["results"] == [] and lines[1]["message"]


def test_bad_input_exit_codes(runner, search_env, tmp_path):
    assert runner.invoke(app, ["search", ""]).exit_code == 2
    assert runner.invoke(app, ["search", "préavis", "--audience", "martiens"]).exit_code == 2
    assert runner.invoke(app, ["search", "préavis", "--top", "0"]).exit_code == 2
    binary = tmp_path / "q.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    result = runner.invoke(app, ["search", "--file", str(binary)])
    assert result.exit_code == 2 and "UTF-8" in result.stderr
    assert runner.invoke(app, ["search", "--file", str(tmp_path / "absent.txt")]).exit_code == 2


def test_no_index_is_a_clear_failure(runner, home):
    result = runner.invoke(app, ["search", "préavis"])
    assert result.exit_code == 1
    assert "search build" in result.stderr


def test_status(runner, search_env):
    result = runner.invoke(app, ["search", "status", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] > 20


def test_build_lexical_only(runner, home, small_docs, monkeypatch):
    import tremplin.services.search.corpus as corpus

    monkeypatch.setattr(corpus, "load_documents", lambda **_: small_docs[:10])
    monkeypatch.setenv("TREMPLIN_DATA_MIRROR", str(home))  # no vocabularies there
    monkeypatch.setattr("tremplin.services.search.resources._from_npm", lambda: {})
    result = runner.invoke(app, ["search", "build", "--no-dense", "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    manifest = json.loads(result.stdout)
    assert manifest["documents"] == 10 and manifest["dense"] == {"enabled": False}
    answer = runner.invoke(app, ["search", small_docs[0].title, "--format", "json"])
    assert answer.exit_code == 0 and json.loads(answer.stdout)["results"][0]["id"] == small_docs[0].id


def test_evaluate_and_train(runner, search_env, small_docs, tmp_path):
    sp = [d for d in small_docs if d.source == "fiche-service-public"]
    clusters = [
        {"title": d.id, "variants": [d.title, d.title.lower()],
         "refs": [{"url": d.id, "title": d.title, "position": 1}, {"url": "/outils/x", "title": "", "position": 2}]}
        for d in sp[:4]
    ]
    path = tmp_path / "prequalified.json"
    path.write_text(json.dumps(clusters), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "search", "--prequalified", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["resolution"]["by_path"] == 4 and report["resolution"]["out_of_corpus"] == 4
    for method in ("lexical", "dense", "hybrid"):
        metrics = report["all"][method]
        assert 0.0 <= metrics["ndcg@10"] <= 1.0 and metrics["queries"] == 8
    assert report["all"]["lexical"]["mrr@10"] > 0.5  # the title finds its own fiche
    assert "hybrid_tuned" in report["test"]
    trained = runner.invoke(app, ["train", "search", "--prequalified", str(path), "--format", "json"])
    assert trained.exit_code == 0, trained.output
    saved = json.loads(trained.stdout)
    assert saved["training_data_hash"] and saved["params"]["method"] in ("rrf", "convex")
    from tremplin.services.search.index import fusion_file, load_fusion

    assert fusion_file().is_file() and load_fusion().method == saved["params"]["method"]
    fusion_file().unlink()


def test_api_public_search(search_env):
    from fastapi.testclient import TestClient

    from tremplin.api.app import create_app

    client = TestClient(create_app(with_console=False))
    response = client.get("/v1/search", params={"q": "rupture conventionnel", "top": 3})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["query"] == "rupture conventionnel" and 1 <= len(data["results"]) <= 3
    assert {"id", "title", "source", "score", "passage"} <= data["results"][0].keys()
    assert client.get("/v1/search", params={"q": ""}).status_code == 422
    assert client.get("/v1/search", params={"q": "x", "top": 0}).status_code == 422
    assert client.get("/v1/search", params={"q": "x", "audience": "martiens"}).status_code == 422
    assert client.get("/v1/search", params={"q": "a" * 20_001}).status_code == 422
    themes = client.get("/v1/search/themes")
    assert themes.status_code == 200 and isinstance(themes.json(), list)
