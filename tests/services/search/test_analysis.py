"""French analysis: elision, accents, numbers, stop words, stemming."""

from __future__ import annotations

import pytest

from tremplin.text.analysis import FrenchAnalyzer, fold, number_value


@pytest.fixture(scope="module")
def a() -> FrenchAnalyzer:
    return FrenchAnalyzer()


def test_fold_removes_accents_and_ligatures():
    assert fold("Œuvre ÉTÉ cœur Ça") == "oeuvre ete coeur ca"


@pytest.mark.parametrize("text", ["13e mois", "13ème mois", "13 ème mois", "13eme mois", "treizième mois",
                                  "treize mois", "Le 13e mois"])
def test_thirteenth_month_written_any_way_gives_the_same_terms(a, text):
    assert a.terms(text) == ["13", "mois"]


def test_number_words(a):
    assert number_value("quatorzieme") == 14
    assert number_value("1er") == 1
    assert number_value("vingt-deux") == 22
    assert number_value("mois") is None
    assert a.terms("un mois") == ["mois"]  # « un » is an article here, not a number


def test_elision_and_stop_words(a):
    assert a.terms("L'employeur peut-il refuser qu'un salarié démissionne ?") == [
        "employeur", "refus", "salari", "demission"]
    assert a.terms("le la les de des du") == []
    assert a.words("Bonjour, je voudrais savoir merci") == []


def test_article_numbers_stay_one_term(a):
    assert "l1237-19" in a.terms("article L. 1237-19 du code")
    assert "l1237-19" in a.terms("l’article L1237-19")
    assert "r4451-128" in a.terms("R 4451-128")


def test_accents_and_plurals_meet(a):
    assert a.terms("salariée")[0] == a.terms("salariés")[0] == a.terms("salarié")[0]
    assert a.terms("Congés payés") == a.terms("congés payés")
    assert a.terms("indemnités") == a.terms("indemnité")


def test_pairs_keep_the_folded_word(a):
    assert a.pairs("Démission") == [("demission", a.stem("démission"))]


def test_odd_input_never_breaks(a):
    for text in ["", "   ", "!!!", "\u200b", "l'", "'''", "<script>alert(1)</script>", "١٢٣ 日本語", "a" * 5000]:
        assert isinstance(a.terms(text), list)
