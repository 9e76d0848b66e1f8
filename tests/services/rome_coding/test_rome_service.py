"""code_occupation / code_occupations / fiche on a small trained model (real ROME 4.0)."""

import pytest

from tremplin.errors import DataUnavailable, InvalidInput, NotFound, PayloadTooLarge


def _fiches(result):
    return [c.parent.code for c in result.candidates]


@pytest.mark.parametrize(
    ("title", "fiche"),
    [
        ("Boulanger / Boulangère (H/F)", "D1102"),
        ("aide soignante de nuit", "J1501"),
        ("dev fullstack JS", "M1805"),
        ("Cariste CACES 3 - CDI", "N1101"),
        ("Infirmière diplômée d'état (IDE)", "J1506"),
        ("Comptable confirmé H/F", "M1203"),
        ("PLOMBIER CHAUFFAGISTE (H/F)", "F1603"),
    ],
)
def test_common_titles_get_the_right_fiche_first(rome_home, title, fiche):
    from tremplin.services.rome_coding import code_occupation

    result = code_occupation(title)
    assert _fiches(result)[0] == fiche, result.summary()
    top = result.candidates[0]
    assert 0.0 <= top.confidence <= 1.0 and top.appellation and top.evidence.matched_appellation == top.appellation


def test_result_shape_and_evidence(rome_home):
    from tremplin.services.rome_coding import code_occupation

    result = code_occupation("Technicien-ne définition electrique f/h (H/F)", top=5)
    assert len(result.candidates) == 5
    summary = result.summary()
    assert set(summary) == {"text", "candidates", "abstained"}
    assert set(summary["candidates"][0]) >= {"code", "label", "appellation", "confidence"}
    assert "technicien" in result.candidates[0].evidence.key_terms
    confidences = [c.confidence for c in result.candidates]
    assert confidences == sorted(confidences, reverse=True)


def test_gender_and_tags_do_not_change_the_answer(rome_home):
    from tremplin.services.rome_coding import code_occupations

    variants = ["Boulanger (H/F)", "Boulangère", "boulanger-ère f/h", "BOULANGER / BOULANGÈRE"]
    results = code_occupations(variants)
    assert len({r.candidates[0].code for r in results}) == 1


def test_spelling_mistakes_are_tolerated(rome_home):
    from tremplin.services.rome_coding import code_occupation

    result = code_occupation("boulangre patissier")
    assert result.candidates[0].parent.code == "D1102"
    assert result.candidates[0].evidence.corrections.get("boulangre") == "boulanger"


def test_batch_equals_single(rome_home):
    from tremplin.services.rome_coding import code_occupation, code_occupations

    titles = ["Serveur H/F", ("Chef de rayon frais ls (H/F)", "Vous managez l'équipe du rayon produits frais."),
              {"intitule": "Maçon VRD", "description": None}]
    batch = code_occupations(titles)
    assert batch[0].candidates == code_occupation("Serveur H/F").candidates
    assert batch[1].candidates == code_occupation(*titles[1]).candidates
    assert batch[2].text == "Maçon VRD"


@pytest.mark.parametrize(
    ("text", "rule"),
    [("", "RC01"), ("   ", "RC01"), ("🚀🔥💼", "RC01"), ("1234 -- !!", "RC01"), ("软件工程师", "RC02"),
     ("Программист", "RC02"), ("xqzv wplkj", "RC03")],
)
def test_unusable_titles_abstain_with_the_rule_that_fired(rome_home, text, rule):
    from tremplin.services.rome_coding import code_occupation

    result = code_occupation(text)
    assert result.abstained and result.rules_fired == [rule] and result.reason


def test_other_languages_and_emoji_never_crash(rome_home):
    from tremplin.services.rome_coding import code_occupation

    for text in ["Ich suche eine Stelle als Bäcker", "🍞 boulanger 🥐", "مهندس برمجيات", "Software engineer"]:
        result = code_occupation(text)
        assert isinstance(result.abstained, bool)
    assert code_occupation("🍞 boulanger 🥐").candidates[0].parent.code == "D1102"


def test_too_long_or_malformed_input_is_a_clear_error(rome_home):
    from tremplin.services.rome_coding import code_occupation

    with pytest.raises(PayloadTooLarge) as too_long:
        code_occupation("a" * 100_000)
    assert too_long.value.field == "text"
    with pytest.raises(PayloadTooLarge):
        code_occupation("boulanger", description="pain " * 20_000)
    result = code_occupation("boulanger", description="Fabrication du pain. " * 2000)  # 42 kB: accepted
    assert result.candidates[0].parent.code == "D1102"
    with pytest.raises(InvalidInput):
        code_occupation(42)
    with pytest.raises(InvalidInput):
        code_occupation("boulanger", threshold=1.5)
    with pytest.raises(InvalidInput):
        code_occupation("boulanger", top=0)


def test_threshold_drives_abstention(rome_home):
    from tremplin.services.rome_coding import code_occupation

    low = code_occupation("Chef d'équipe", threshold=0.0)
    high = code_occupation("Chef d'équipe", threshold=1.0)
    assert not low.abstained and high.abstained and high.rules_fired == ["RC04"]
    assert high.candidates == low.candidates  # candidates stay visible for a person to choose


def test_rules_only_mode_answers_exact_appellations_only(rome_home):
    from tremplin.services.rome_coding import code_occupation

    exact = code_occupation("Boulangère", mode="rules_only")
    assert not exact.abstained and exact.mode == "rules_only" and exact.candidates[0].code == "D1102"
    assert exact.rules_fired == ["RC06"]
    vague = code_occupation("boulangre patissier", mode="rules_only")
    assert vague.abstained and not vague.candidates


def test_switching_the_service_off_or_to_rules_only(rome_home):
    from tremplin.errors import ServiceDisabled
    from tremplin.governance.oversight import set_mode
    from tremplin.services.rome_coding import code_occupation
    from tremplin.store.db import get_engine, migrate, session_scope

    migrate(get_engine())
    with session_scope() as session:
        set_mode(session, "rome_coding", "rules_only", actor_id="adm", actor_role="administrator", reason="test")
    assert code_occupation("Boulanger").mode == "rules_only"
    with session_scope() as session:
        set_mode(session, "rome_coding", "off", actor_id="adm", actor_role="administrator", reason="test")
    with pytest.raises(ServiceDisabled):
        code_occupation("Boulanger")


def test_fiche_gives_the_parent(rome_home):
    from tremplin.services.rome_coding import fiche

    child = fiche("m1855")
    assert child["parent"] == "M1805" and not child["is_parent"] and child["label"].startswith("Développeur")
    assert fiche("M1805")["is_parent"]
    with pytest.raises(NotFound):
        fiche("Z9999")


def test_model_metadata_and_integrity(rome_home):
    from tremplin.services.rome_coding import load_model, read_meta
    from tremplin.services.rome_coding.service import model_dir

    meta = read_meta()
    assert meta["training_data_hash"] and meta["model_version"].startswith("1.")
    assert meta["pairs"] == 0 and meta["referential_version"]
    path = model_dir() / "model.pkl"
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DataUnavailable):
        load_model()


def test_no_model_is_a_clear_error(home):
    from tremplin.services.rome_coding import code_occupation

    with pytest.raises(DataUnavailable) as missing:
        code_occupation("boulanger")
    assert "tremplin train rome" in str(missing.value)


def test_proposal_is_journaled(rome_home):
    from tremplin.governance import contract
    from tremplin.services.rome_coding import build_proposal, code_occupation
    from tremplin.store.db import get_engine, migrate, session_scope

    migrate(get_engine())
    result = code_occupation("Boulanger")
    with session_scope() as session:
        proposal = contract.record_proposal(session, build_proposal(result), input_payload={"text": "Boulanger"})
    with session_scope() as session:
        stored = contract.find_proposal(session, proposal.id)
    assert stored.service == "rome_coding" and stored.output["candidates"][0]["code"] == "D1102"
    assert stored.input_hash and "Boulanger" not in str(stored.input_hash)
