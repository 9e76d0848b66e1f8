"""Personal data: keyed pseudonyms, French recognisers, reversible pseudonymisation, measured quality."""

from __future__ import annotations

import os
import stat

import pytest

from tremplin.errors import InvalidInput
from tremplin.governance import pii, pseudonymise


@pytest.fixture
def fresh_key(home):
    pseudonymise.forget_key_cache()
    yield home
    pseudonymise.forget_key_cache()


def test_key_lives_outside_the_database_with_0600(fresh_key):
    a = pseudonymise.pseudonym("JS-1")
    path = fresh_key / "pseudonym.key"
    assert path.exists() and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert a == pseudonymise.pseudonym("JS-1") and a != pseudonymise.pseudonym("JS-2")
    assert pseudonymise.is_pseudonym(a) and pseudonymise.pseudonym(a) == a  # idempotent
    assert pseudonymise.pseudonym("JS-1", domain="autre") != a
    assert pseudonymise.pseudonym(None) is None
    with pytest.raises(InvalidInput):
        pseudonymise.pseudonym("  ")


def test_other_key_file_gives_other_pseudonyms(fresh_key, tmp_path, monkeypatch):
    from tremplin.settings import reset_settings

    first = pseudonymise.pseudonym("JS-1")
    sealed = pseudonymise.seal("1 85 03 75 112 034 17")
    monkeypatch.setenv("TREMPLIN_PSEUDONYM_KEY_FILE", str(tmp_path / "elsewhere.key"))
    reset_settings()
    pseudonymise.forget_key_cache()
    assert pseudonymise.pseudonym("JS-1") != first
    assert (tmp_path / "elsewhere.key").exists()
    with pytest.raises(InvalidInput):
        pseudonymise.unseal(sealed)  # reversible only with the key that made it


def test_checksums():
    assert pii.nir_is_valid("1 85 03 75 112 034 17") and not pii.nir_is_valid("1 85 03 75 112 034 18")
    assert pii.nir_is_valid("1 78 06 2A 004 215 32") and pii.nir_is_valid("170092B09601276")
    assert pii.luhn_is_valid("732829320") and not pii.luhn_is_valid("732829321")
    assert pii.siret_is_valid("73282932000074") and pii.siret_is_valid("35600000000001")  # La Poste rule: digit sum 15
    assert pii.iban_is_valid("FR46 3000 4008 2300 0123 4567 874") and not pii.iban_is_valid("FR76 3000 4008 2300 0123 4567 874")


def test_recognisers_on_a_text(fresh_key):
    text = ("Mme Claire Fabre, NIR 2 63 01 13 055 902 37, tél. 06 12 34 56 78, claire.fabre@exemple.fr, "
            "habite 3 rue de la Paix, 75002 Paris. Dossier 2 63 01 13 055 902 99.")
    found = {(e.entity, e.text) for e in pii.analyze(text)}
    assert ("NIR", "2 63 01 13 055 902 37") in found
    assert ("PHONE", "06 12 34 56 78") in found and ("EMAIL", "claire.fabre@exemple.fr") in found
    assert ("ADDRESS", "3 rue de la Paix, 75002 Paris") in found and ("PERSON", "Claire Fabre") in found
    assert not any(e == "NIR" and t.endswith("99") for e, t in found)  # wrong key, no context: not reported


def test_pseudonymised_text_hides_values_and_is_reversible_only_with_the_key(fresh_key):
    text = "Contact : Jean Morel, jean.morel@exemple.fr, 07 11 22 33 44."
    one_way = pii.pseudonymise_text(text)
    assert "jean.morel@exemple.fr" not in one_way.text and "07 11 22 33 44" not in one_way.text
    assert "<EMAIL:ps_" in one_way.text and pii.pseudonymise_text(text).text == one_way.text  # stable
    sealed = pii.pseudonymise_text(text, reversible=True)
    assert "<PHONE:pz_" in sealed.text and "Morel" not in sealed.text
    assert pii.reveal_text(sealed.text) == text
    assert all("jean" not in str(e).lower() for e in sealed.entities)


def test_measured_quality_meets_the_targets():
    result = pii.evaluate()
    assert result["entities"] >= 200
    for name in ("EMAIL", "PHONE", "NIR", "IBAN"):
        assert result["per_entity"][name]["recall"] >= 0.95, (name, result["per_entity"][name])
    assert result["overall"]["precision"] >= 0.9
    held_out = pii.evaluate(pii.SAMPLE.with_name("pii_heldout_fr.txt"))
    assert held_out["overall"]["recall"] >= 0.9


def test_markup_parser():
    docs = pii.parse_markup("# commentaire\nA [[EMAIL|a@b.fr]] et [[PHONE|01 02 03 04 05]].\n\nRien.\n")
    assert len(docs) == 2
    d = docs[0]
    assert [d["text"][e["start"]:e["end"]] for e in d["entities"]] == ["a@b.fr", "01 02 03 04 05"]
    with pytest.raises(ValueError):
        pii.parse_markup("[[FOO|x]]")
