"""Model parts: passages, lexical index with typo correction, embedding cache, fusion."""

from __future__ import annotations

import numpy as np
import pytest

from tremplin.services.search.model import (
    EmbeddingCache,
    FusionParams,
    LexicalIndex,
    SearchDocument,
    fuse,
    split_passages,
    top_k,
)


def test_split_passages_bounds():
    text = "\n".join(f"Paragraphe {i}. " + "Une phrase assez longue pour compter. " * 8 for i in range(10))
    passages = split_passages(text, target=500, hard_max=900)
    assert len(passages) >= 5
    assert all(len(p) <= 900 + 1 for p in passages)
    assert "".join(passages).replace("\n", "") .replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert split_passages("") == []
    long_word_soup = "mot " * 2000
    assert all(len(p) <= 901 for p in split_passages(long_word_soup))


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    docs = [
        SearchDocument(id="/a", title="La démission du salarié", source="fiche-service-public",
                       text="Le salarié qui démissionne respecte un préavis."),
        SearchDocument(id="/b", title="Le chômage partiel", source="fiche-service-public",
                       text="L'activité partielle permet de réduire le temps de travail."),
        SearchDocument(id="/c", title="La rupture conventionnelle", source="fiche-service-public",
                       text="Rupture du contrat d'un commun accord ; indemnité de rupture conventionnelle."),
    ]
    return LexicalIndex().fit(docs)


def test_typos_and_missing_accents_are_understood(lexical):
    q = lexical.analyze_query("démision")
    assert q.corrections == {"demision": "demission"}
    assert int(np.argmax(lexical.scores(q))) == 0
    q = lexical.analyze_query("chomage")  # no accent: same term as « chômage »
    assert q.corrections == {} and int(np.argmax(lexical.scores(q))) == 1
    q = lexical.analyze_query("rupture conventionnel")
    assert int(np.argmax(lexical.scores(q))) == 2


def test_unknown_words_give_no_score(lexical):
    q = lexical.analyze_query("xylophone quantique")
    assert float(lexical.scores(q).max()) == 0.0


def test_mask_filters(lexical):
    q = lexical.analyze_query("rupture")
    mask = np.array([True, True, False])
    assert float(lexical.scores(q, mask)[2]) == 0.0


def test_lexical_round_trip(lexical, tmp_path):
    lexical.save(tmp_path / "lex")
    loaded = LexicalIndex.load(tmp_path / "lex")
    q = "rupture conventionnelle"
    assert np.allclose(loaded.scores(loaded.analyze_query(q)), lexical.scores(lexical.analyze_query(q)))


def test_embedding_cache_round_trip(tmp_path):
    cache = EmbeddingCache(tmp_path, "model-x")
    key = cache.key("texte")
    assert key != EmbeddingCache(tmp_path, "model-y").key("texte")
    cache.load().put(key, np.ones(384, dtype=np.float32))
    cache.save()
    again = EmbeddingCache(tmp_path, "model-x").load()
    assert np.array_equal(again.get(key), np.ones(384, dtype=np.float32))
    (tmp_path / "embeddings-model-x.npz").write_bytes(b"garbage")
    assert len(EmbeddingCache(tmp_path, "model-x").load()) == 0  # unreadable cache: start again


def test_top_k_and_mask():
    scores = np.array([0.1, 0.9, 0.5, 0.7])
    assert top_k(scores, 2).tolist() == [1, 3]
    assert top_k(scores, 2, np.array([True, False, True, True])).tolist() == [3, 2]


@pytest.mark.parametrize("method", ["rrf", "convex"])
def test_fusion_rewards_agreement(method):
    lex = np.array([3.0, 2.0, 0.0, 1.0])
    dense = np.array([0.80, 0.90, 0.85, 0.70])
    ranked = fuse(lex, dense, FusionParams(method=method, w_lex=0.5, w_dense=0.5, dense_floor=0.7))
    order = [i for i, _ in ranked]
    assert order[0] in (0, 1) and order[-1] in (2, 3)  # agreed-on documents first
    assert set(order) == {0, 1, 2, 3}
    only_lex = fuse(lex, None, FusionParams(method=method))
    assert [i for i, _ in only_lex] == [0, 1, 3]
    assert fuse(None, None, FusionParams()) == []
