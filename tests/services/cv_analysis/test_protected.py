"""Protected characteristics are flagged and masked, never extracted nor journaled."""

from __future__ import annotations

from tests.services.cv_analysis.conftest import HAND
from tremplin.services.cv_analysis import parse_cv
from tremplin.services.cv_analysis.service import MASK


def test_photo_age_family_flagged_and_masked(cv_env):
    p = parse_cv((HAND / "jean_pierre_dumont_chauffeur.pdf").read_bytes(), "cv.pdf", mode="on",
                 code_occupations=False)
    kinds = {f.kind for f in p.flags}
    assert {"photo", "age", "family_status"} <= kinds
    assert "52 ans" not in p.text and "Marié" not in p.text
    assert MASK * 5 in p.text
    dumped = p.model_dump_json()
    assert "52 ans" not in dumped and "enfants" not in dumped
    # The rest of the profile is still read.
    assert p.identity.full_name.value == "Jean-Pierre DUMONT"
    assert p.licences.categories == ["B", "C", "CE"]


def test_date_of_birth_flagged_and_not_kept(cv_env):
    p = parse_cv((HAND / "julie_morel_assistante_rh.rtf").read_bytes(), "cv.rtf", mode="on", code_occupations=False)
    flag = next(f for f in p.flags if f.kind == "date_of_birth")
    assert flag.message.startswith("Date de naissance")
    assert "1993" not in p.text and "04/07" not in p.text
    assert "1993" not in p.model_dump_json()


def test_nationality_civility_health(cv_env):
    text = ("Mme Fatou CISSÉ\nNationalité : sénégalaise\nRQTH\n06 11 22 33 44\n\nEXPÉRIENCES\n"
            "2019 - 2022 : Agente d'entretien chez Onet (Annecy)\n")
    p = parse_cv(text.encode(), "cv.txt", mode="on", code_occupations=False)
    assert {"gender", "nationality", "health"} <= {f.kind for f in p.flags}
    assert p.identity.full_name.value == "Fatou CISSÉ"  # the civility is not part of the name
    assert "sénégalaise" not in p.text and "RQTH" not in p.text and "Mme" not in p.text
    assert not any(lang.language for lang in p.languages)  # nationality is never read as a language


def test_professional_part_has_no_identity_or_contact(cv_env):
    p = parse_cv((HAND / "sophie_martin_aide_soignante.txt").read_bytes(), "cv.txt", mode="on",
                 code_occupations=False)
    professional = str(p.professional())
    for secret in ("Sophie", "MARTIN", "sophie.martin74@example.org", "06 12 34 56 78", "rue des Alpes"):
        assert secret not in professional
