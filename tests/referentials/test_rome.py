"""ROME 4.0 API over the referential fetched from the shared mirror."""

import pytest

from tremplin.errors import InvalidInput, NotFound


@pytest.fixture(scope="module")
def rome(referentials):
    from tremplin.referentials import rome

    return rome


def test_get_returns_label_parent_domains_texts_and_appellations(rome):
    code = rome.get("M1805")
    assert code.label == "Développeur / Développeuse informatique"
    assert code.grand_domaine.code == "M" and code.domaine.code == "M18"
    assert code.parent == "M1805" and code.is_parent
    assert "applications informatiques" in code.definition
    assert "Bac+2" in code.access
    labels = {a.label for a in code.appellations}
    assert "Analyste développeur / Analyste développeuse" in labels
    assert code.appellations[0].principal


def test_child_fiche_points_to_its_parent(rome):
    child = rome.get("A1102")
    assert child.parent == "A1101" and not child.is_parent
    assert child.parent_label == rome.get("A1101").label
    assert "A1102" in rome.children("A1101")


def test_codes_are_normalised_and_validated(rome):
    assert rome.get(" m1805 ").code == "M1805"
    with pytest.raises(InvalidInput, match="mal formé"):
        rome.get("Z1234")
    with pytest.raises(InvalidInput):
        rome.get("M18")


def test_unknown_code_is_not_found_with_french_message(rome):
    with pytest.raises(NotFound) as info:
        rome.get("M9999")
    assert "inconnu du ROME 4.0" in str(info.value)
    assert not rome.exists("M9999") and rome.exists("M1805")


def test_texts_have_no_doubled_quotes(rome):
    texts = rome.frames()["texts"]
    assert not texts["text"].str.contains("''", regex=False).any()


def test_search_appellations_finds_the_right_trade(rome):
    found = rome.search_appellations("boulanger", limit=5)
    assert found[0].label.startswith("Boulanger")
    assert found[0].code == "D1102"
    assert all(0 < a.score <= 1 for a in found)
    assert [a.score for a in found] == sorted((a.score for a in found), reverse=True)
    accented = rome.search_appellations("développeuse WEB", limit=3)
    assert accented[0].code == "M1855"


def test_search_rejects_empty_text(rome):
    with pytest.raises(InvalidInput):
        rome.search_appellations("  ")


def test_mobility_neighbours_are_known_codes_closest_first(rome):
    links = rome.mobility("M1805")
    assert len(links) >= 3
    assert [link.order for link in links] == sorted((link.order for link in links), reverse=True)
    assert all(rome.exists(link.target) and link.target_label for link in links)


def test_competences_are_derived_with_scores(rome):
    comps = rome.competences("M1805", limit=10)
    assert len(comps) == 10
    assert all(c.score is not None and c.score > 0 for c in comps)
    assert [c.rank for c in comps] == list(range(1, 11))
    assert any("informatique" in c.label.lower() for c in comps[:5])
    assert rome.competences("K2204", limit=3)[0].label.lower().count("nettoyage") == 1


def test_frames_hold_every_table(rome):
    frames = rome.frames()
    for name in ("codes", "appellations", "competences", "savoirs", "mobility", "texts", "tree",
                 "code_competences", "code_savoirs"):
        assert len(frames[name]) > 0, name
    assert len(frames["codes"]) == 1584
    assert frames["codes"]["is_parent"].sum() == 532
    assert len(frames["appellations"]) == 13120
    assert rome.frames()["codes"] is frames["codes"]  # cached
