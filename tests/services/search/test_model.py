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


def test_weighted_scores_match_bm25s_term_by_term(lexical):
    """The sparse one-pass scoring equals bm25s's own scoring summed term by term with the weights."""
    from tremplin.services.search.model import QueryTerms

    weights = {lexical.analyzer.stem("rupture"): 1.0, lexical.analyzer.stem("salarié"): 0.5,
               lexical.analyzer.stem("préavis"): 0.2, "absentdelindex": 1.0}
    query = QueryTerms(weights, [], {}, [], 1.0)
    mask = np.array([True, False, True])
    for m in (None, mask):
        expected = np.zeros(3, dtype=np.float32)
        for stem, weight in weights.items():
            if stem in lexical.vocab_:
                expected += weight * lexical.bm25_.get_scores_from_ids([lexical.vocab_[stem]], weight_mask=m)
        got = lexical.scores(query, m)
        assert got.dtype == np.float32 and got.shape == (3,)
        assert np.allclose(got, expected, atol=1e-6)
        assert (got > 0).sum() >= 2 if m is None else got[1] == 0.0
    empty = QueryTerms({"absentdelindex": 1.0}, [], {}, [], 0.0)
    assert not lexical.scores(empty).any()


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


def test_coverage_is_the_share_of_the_question_found(lexical):
    full = lexical.coverage(lexical.analyze_query("rupture conventionnelle"))
    assert full.dtype == np.float32 and full.shape == (3,)
    assert full[2] == pytest.approx(1.0) and full[0] == 0.0
    # a word of the question absent from the corpus counts as the rarest word: the share drops
    partial = lexical.coverage(lexical.analyze_query("rupture xylophone"))
    assert 0.0 < partial[2] < 0.6
    assert lexical.analyze_query("rupture xylophone").unknown == ["xylophone"]
    # a corrected typo is part of the question, not an unknown word
    typo = lexical.analyze_query("démision")
    assert typo.unknown == [] and lexical.coverage(typo)[0] == pytest.approx(1.0)
    assert not lexical.coverage(lexical.analyze_query("xylophone quantique")).any()


def test_long_question_is_embedded_by_its_content_words():
    from tremplin.services.search.model import DenseIndex

    dense = DenseIndex()
    short = "durée du préavis de démission"
    assert dense.query_text(short) == short
    chatty = ("Bonjour, alors voilà, je voudrais savoir s'il vous plaît, parce que mon employeur ne m'a rien dit, "
              "combien de temps dure le préavis quand on démissionne après trois ans dans une petite entreprise "
              "de nettoyage, et si je peux le faire réduire. Merci beaucoup d'avance pour votre aide précieuse.")
    condensed = dense.query_text(chatty)
    assert condensed != chatty and "bonjour" not in condensed and "préavis" in condensed
    assert dense.encoder.token_count(condensed) <= DenseIndex.QUERY_MAX_TOKENS + 2 < dense.encoder.token_count(chatty)
