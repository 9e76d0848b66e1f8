"""Metrics and the resolution of reference documents."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from tremplin.services.search.evaluation import (
    Cluster,
    Resolver,
    load_clusters,
    mrr_at_k,
    ndcg_at_k,
    queries_of,
    recall_at_k,
    resolve_clusters,
    split_clusters,
)


@dataclass
class Doc:
    id: str
    title: str
    source: str
    context: str = ""


DOCS = [
    Doc("/fiche-service-public/demission-dun-salarie", "Démission d'un salarié", "fiche-service-public"),
    Doc("/fiche-ministere-travail/la-demission", "La démission", "fiche-ministere-travail"),
    Doc("/fiche-ministere-travail/la-demission-faut-il-respecter-un-preavis", "Faut-il respecter un préavis ?",
        "fiche-ministere-travail", "La démission"),
    Doc("/fiche-ministere-travail/lamenagement-du-temps-de-travail", "L'aménagement du temps de travail",
        "fiche-ministere-travail"),
    Doc("/fiche-ministere-travail/lamenagement-du-temps-de-travail-comment-sont-decomptees-les-heures",
        "Comment sont décomptées les heures ?", "fiche-ministere-travail", "L'aménagement du temps de travail"),
    Doc("/code-du-travail/l1237-1", "Article L1237-1", "code-du-travail"),
]


def test_metrics_known_values():
    relevant = {"a": 3, "b": 1}
    assert ndcg_at_k(["a", "b"], relevant) == pytest.approx(1.0)
    assert ndcg_at_k(["x", "y"], relevant) == 0.0
    assert 0 < ndcg_at_k(["b", "a"], relevant) < 1
    assert mrr_at_k(["x", "b", "a"], relevant) == pytest.approx(0.5)
    assert recall_at_k(["a", "x"], relevant) == pytest.approx(0.5)


def test_resolution_by_path_anchor_title_and_out_of_corpus():
    r = Resolver(DOCS)
    assert r.resolve("/fiche-service-public/demission-dun-salarie", "x") == (DOCS[0].id, "path")
    assert r.resolve("/code-du-travail/l1237-1", "Article L1237-1") == (DOCS[5].id, "path")
    assert r.resolve("/code-du-travail/l9999-9", "Article L9999-9") == (None, "unresolved")
    assert r.resolve("/fiche-ministere-travail/la-demission#Faut-il-respecter-un-preavis-nbsp", "") == (
        DOCS[2].id, "path")
    # renamed fiche (« amenagement » → « lamenagement »), same section anchor
    hit = r.resolve("/fiche-ministere-travail/amenagement-du-temps-de-travail#Comment-sont-decomptees-les-heures", "")
    assert hit == (DOCS[4].id, "path")
    # old path, same title
    assert r.resolve("/fiche-service-public/ancien-chemin", "Démission d’un salarié") == (DOCS[0].id, "title")
    assert r.resolve("/contribution/la-demission", "La démission") == (None, "out_of_corpus")
    assert r.resolve("/fiche-service-public/autre-chose", "Tout autre sujet") == (None, "unresolved")


def test_clusters_resolution_and_split(tmp_path):
    data = [
        {"title": "demission", "variants": ["démission", "demission", "démission"],
         "refs": [{"url": "/fiche-service-public/demission-dun-salarie", "title": "", "position": 1},
                  {"url": "/code-du-travail/l1237-1", "title": "", "position": 2},
                  {"url": "/outils/simulateur", "title": "", "position": 3}]},
        {"title": "vide", "variants": ["rien"], "refs": [{"url": "/external/x", "title": "", "position": 1}]},
    ]
    path = tmp_path / "pq.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    clusters = load_clusters(path)
    report = resolve_clusters(clusters, DOCS)
    assert report.total == 4 and report.by_path == 2 and report.out_of_corpus == 2
    assert clusters[0].relevant == {DOCS[0].id: 3, DOCS[5].id: 2}
    assert queries_of(clusters, [0, 1]) == [("démission", 0), ("demission", 0)]  # duplicates and empty clusters out
    train, test = split_clusters(10, seed=1)
    assert sorted(train + test) == list(range(10)) and not set(train) & set(test)
    assert split_clusters(10, seed=1) == (train, test)


def test_bad_prequalified_file(tmp_path):
    from tremplin.errors import InvalidInput

    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidInput):
        load_clusters(path)
    path.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(InvalidInput):
        load_clusters(path)


def test_cluster_defaults():
    c = Cluster("t", ["v"], [{"url": "/x"}])
    assert c.relevant == {}
