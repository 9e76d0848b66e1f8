"""French normalisation of job titles (tremplin.text.normalize and the title preparation)."""

import pytest

from tremplin.services.rome_coding.textprep import prepare_title
from tremplin.text.normalize import (
    fold,
    is_gender_variant,
    masculine_form,
    normalize_title,
    strip_gender_tags,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Technicien-ne définition electrique f/h (H/F)", "technicien definition electrique"),
        ("Boulanger / Boulangère", "boulanger"),
        ("Chef pâtissier / Cheffe pâtissière de restaurant", "chef patissier de restaurant"),
        ("Conseiller(ère) commercial(e)", "conseiller commercial"),
        ("Accompagnant(e) éducatif(ve) social(e)", "accompagnant educatif social"),
        ("Mécanicien.ne agricole H/F", "mecanicien agricole"),
        ("Chargé·e de mission", "charge de mission"),
        ("Accastilleur-gréeur / Accastilleuse-gréeuse", "accastilleur-greeur"),
        ("METALLIER ((H/F))", "metallier"),
        ("Développeur (m/w/d)", "developpeur"),
        ("Cuisinier H-F", "cuisinier"),
        ("Agent(e)s de quai", "agent de quai"),
    ],
)
def test_normalize_title_keeps_one_gender_and_drops_tags(raw, expected):
    assert normalize_title(raw) == expected


def test_compounds_and_noun_lists_are_not_mistaken_for_gender_marks():
    assert normalize_title("aide-soignant") == "aide-soignant"
    assert normalize_title("Soudeur/Chaudronnier") == "soudeur chaudronnier"
    assert normalize_title("Assistant RH/Paie H/F") == "assistant rh paie"


def test_fold_and_tags():
    assert fold("  Œuvre  ÉLÉMENTAIRE’s ") == "oeuvre elementaire's"
    assert strip_gender_tags("Serveur F/H - Paris") == "Serveur - Paris"
    assert strip_gender_tags("Homme/Femme de ménage") == "de ménage"
    assert masculine_form("Directeur(trice) adjoint(e)") == "Directeur adjoint"
    assert is_gender_variant("conductrice", "conducteur") and is_gender_variant("cheffe", "chef")
    assert not is_gender_variant("peintre", "plombier")


def test_title_preparation_removes_noise_and_expands_abbreviations():
    p = prepare_title("CARISTE CACES 3 CDI H/F")
    assert p.words[0] == "cariste" and "cdi" in p.removed and "3" in p.removed
    assert p.expanded["caces"].startswith("cariste")
    p = prepare_title("Charpentier F/H - Happy Job Cenon (H/F)")
    assert p.words == ["charpentier"]
    p = prepare_title("Technicienne ou technicien essai en vol f/h (H/F)")
    assert p.words[:2] == ["technicien", "essai"]
    p = prepare_title("dev fullstack JS senior")
    assert "developpeur" in p.words and "javascript" in p.words and "senior" in p.removed
    assert prepare_title("H/F - Comptable").words == ["comptable"]
    assert prepare_title("Software Engineer").words[:2] == ["ingenieur", "logiciel"]
    assert prepare_title("Assistant RH").words == ["assistant", "ressources", "humaines", "rh"]
    p = prepare_title("Apprenti boulanger")
    assert p.words == ["boulanger"] and p.removed == ["apprenti"]
