"""Field extraction on the hand-written CVs and on generated ones (every format and layout)."""

from __future__ import annotations

import pytest

from tests.services.cv_analysis.conftest import HAND
from tremplin.services.cv_analysis import parse_cv
from tremplin.services.cv_analysis.evaluation import TARGET_FIELDS, evaluate_files, truth_pairs


def _parse(name: str):
    return parse_cv((HAND / name).read_bytes(), name, mode="on", code_occupations=False)


def test_txt_cv_fields_and_spans(cv_env):
    p = _parse("sophie_martin_aide_soignante.txt")
    assert p.identity.full_name.value == "Sophie MARTIN"
    assert [e.value for e in p.contact.emails] == ["sophie.martin74@example.org"]
    assert p.contact.commune_code == "74010"  # 74000 Annecy resolved through the geography referential
    assert [(e.title.value, e.dates.start, e.dates.end, e.dates.current) for e in p.experiences] == [
        ("Aide-soignante", "2021-03", None, True),
        ("Agent de service hospitalier", "2018-09", "2021-02", False),
        ("Vendeuse en boulangerie", "2015-01", "2017-06", False),
    ]
    first = p.experiences[0]
    assert first.employer.value == "EHPAD Les Tilleuls" and len(first.missions) == 3
    # Every span points at the value in the text.
    for field in (first.title, first.employer, p.identity.full_name, p.contact.phones[0]):
        assert p.text[field.span.start : field.span.end] == field.value
    assert p.text[first.dates.span.start : first.dates.span.end] == "Depuis mars 2021"
    assert {e.level for e in p.education} == {4}
    assert [(lang.language, lang.cefr, lang.level_text) for lang in p.languages] == [
        ("Anglais", "B1", None), ("Espagnol", None, "notions")]
    assert p.licences.categories == ["B"] and p.vehicle.has_vehicle
    assert p.mobility.radius_km == 30
    assert 0 < first.confidence <= 1


def test_skills_linked_to_rome_competences_in_context(cv_env):
    p = _parse("sophie_martin_aide_soignante.txt")
    linked = {s.value: s.rome for s in p.skills}
    care = linked["Soins d'hygiène et de confort"]
    assert care is not None and "animaux" not in care.label  # the care competence, not animal care
    assert linked["Excel"].label == "Microsoft Excel"
    assert linked["NetSoins"] is None  # nothing close: left as written


def test_two_column_pdf_with_right_aligned_dates(cv_env):
    p = _parse("lucas_petit_developpeur.pdf")
    assert [(e.title.value, e.employer.value, e.dates.start, e.dates.current) for e in p.experiences] == [
        ("Développeur web", "Altima Digital", "2021", True), ("Développeur front-end", "Smile", "2019", False)]
    assert p.experiences[1].contract.value == "alternance"
    assert [(lang.language, lang.cefr) for lang in p.languages] == [("Anglais", "C1"), ("Espagnol", "B1")]
    assert "Docker" in {s.value for s in p.skills}


def test_date_table_pdf_and_day_precise_dates(cv_env):
    p = _parse("nathalie_roux_comptable.pdf")
    assert [(e.title.value, e.dates.start, e.dates.end) for e in p.experiences] == [
        ("Comptable unique", "2017-07", None), ("Aide-comptable", "2015-02", "2017-06"),
        ("Secrétaire comptable", "2009", "2015")]
    assert [(e.level, e.year) for e in p.education] == [(6, 2012), (5, 2008)]
    assert p.education_level == 6


def test_docx_sidebar_table(cv_env):
    p = _parse("thomas_girard_electricien.docx")
    assert p.identity.full_name.value == "Thomas GIRARD"
    assert p.target_job.value == "Électricien bâtiment"
    assert [e.title.value for e in p.experiences] == ["Électricien N3P2", "Électricien", "Apprenti électricien"]
    assert p.licences.categories == ["B", "BE"]
    assert "Habilitation électrique B2V, BR, BC" in {c.value for c in p.certifications}


def test_odt_seasonal_jobs_and_contract(cv_env):
    p = _parse("amina_diallo_vendeuse.odt")
    dates = [(e.dates.start, e.dates.end) for e in p.experiences]
    assert dates == [("2021-10", None), ("2020-12", "2021-04"), ("2019-03", "2019-06"), ("2018-01", "2018-01")]
    assert p.experiences[0].contract.value == "CDI"
    assert {lang.language for lang in p.languages} == {"Français", "Wolof", "Anglais"}
    assert p.contact.postcode.value == "74200" and p.contact.city.value == "Thonon-les-Bains"


def test_windows_1252_text_cv(cv_env):
    p = _parse("karim_benali_cariste.txt")
    assert p.identity.full_name.value == "Karim BENALI"
    assert p.experiences[1].dates.start == "2019" and p.experiences[1].dates.end == "2021"
    assert p.education[0].level == 3


def test_rtf_cv(cv_env):
    p = _parse("julie_morel_assistante_rh.rtf")
    assert [e.level for e in p.education] == [7, 6, 4]
    assert [(lang.language, lang.cefr) for lang in p.languages] == [("Anglais", "B2"), ("Italien", "A2")]


def test_handwritten_set_quality(cv_env):
    report = evaluate_files(truth_pairs(HAND), code_occupations=False).summary()
    assert report["failures"] == 0
    for field in TARGET_FIELDS:
        assert report["fields"][field]["exact"]["f1"] >= 0.85, field


def test_generated_documents_meet_the_targets(cv_env, generated):
    report = evaluate_files(generated, code_occupations=False).summary()
    assert report["failures"] == 0
    for field, target in report["targets"].items():
        assert target["met"], (field, target)
    # Every format and layout took part.
    groups = set(report["by_group_f1_exact"])
    assert {f"format={f}" for f in ("pdf", "docx", "odt", "rtf", "txt")} <= groups
    assert {"layout=sidebar_left", "layout=date_table", "layout=compact"} <= groups


def test_rules_only_mode_skips_statistical_steps(cv_env):
    p = parse_cv((HAND / "sophie_martin_aide_soignante.txt").read_bytes(), "cv.txt", mode="rules_only")
    assert p.mode == "rules_only"
    assert all(e.rome.status == "not_requested" for e in p.experiences)
    linked = [s for s in p.skills if s.rome is not None]
    assert all(s.rome.score == 1.0 for s in linked)  # exact labels only


@pytest.mark.parametrize("name", ["sophie_martin_aide_soignante.txt", "lucas_petit_developpeur.pdf"])
def test_same_input_same_profile(cv_env, name):
    assert _parse(name).model_dump() == _parse(name).model_dump()
