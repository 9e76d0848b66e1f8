"""The generated CV documents: every format, labelled as generated, reproducible, truth alongside."""

from __future__ import annotations

import io
import json

from tremplin.simulate.cvs import NOTICE, gendered, random_profiles, render_dates, write_cvs


def test_formats_layouts_and_labels(generated):
    formats = {t["format"] for _, t in generated}
    layouts = {t["layout"] for _, t in generated}
    assert formats == {"pdf", "docx", "odt", "rtf", "txt"}
    assert {"classic", "sidebar_left", "date_table", "compact"} <= layouts
    for path, truth in generated:
        assert path.name.startswith("cv_genere_") and truth["generated"] and truth["notice"] == NOTICE
        assert json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".truth.json").read_text())["file"] == path.name
    pdf = next(p for p, t in generated if t["format"] == "pdf")
    from pypdf import PdfReader

    assert PdfReader(io.BytesIO(pdf.read_bytes())).metadata["/Subject"] == NOTICE
    docx = next(p for p, t in generated if t["format"] == "docx")
    from docx import Document

    assert Document(str(docx)).core_properties.comments == NOTICE


def test_same_seed_same_documents(referentials, tmp_path):
    profiles = random_profiles(6, 99)
    assert profiles == random_profiles(6, 99)
    a = write_cvs(profiles, tmp_path / "a", 99)
    b = write_cvs(profiles, tmp_path / "b", 99)
    for (pa, ta), (pb, tb) in zip(a, b, strict=True):
        assert ta == tb and pa.read_bytes() == pb.read_bytes()
    # Office archives carry no clock time (the same seed gives the same bytes on another day too).
    import zipfile

    from tremplin.simulate.cvs import FIXED_TIME

    for path, truth in a:
        if truth["format"] in ("docx", "odt"):
            with zipfile.ZipFile(path) as archive:
                assert {i.date_time for i in archive.infolist()} == {FIXED_TIME}
                if truth["format"] == "odt":
                    assert archive.infolist()[0].filename == "mimetype"


def test_simulator_profiles_shape(referentials, tmp_path):
    """The simulator's profile dicts (tremplin.simulate.profiles) are laid out as given."""
    profile = {
        "jobseeker_id": "JS-1", "simulated": True,
        "identity": {"first_name": "Léa", "last_name": "Perrin", "email": "lea.perrin@example.org",
                     "phone": "0611223344", "commune": "74010"},
        "title": "Boulanger / Boulangère",
        "experiences": [{"title": "Boulanger / Boulangère", "rome_code": "D1102", "appellation_code": "11573",
                         "employer": "Au Bon Pain", "place": "74010", "start": "2019-03", "end": None,
                         "missions": ["Prépare les pâtes"]}],
        "education": [{"diploma": "CAP Boulanger", "level": 3, "school": "CFA d'Annecy", "year": 2015}],
        "skills": [{"code": "119357", "label": "Fabriquer des produits de boulangerie"}],
        "languages": [{"language": "Français", "level": "langue maternelle"}],
        "driving_licence": True, "vehicle": False, "mobility_km": 20.0, "interests": ["Ski"],
    }
    [(path, truth)] = write_cvs([profile], tmp_path, 1, formats=("txt",))
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert "Au Bon Pain" in text and "CAP Boulanger" in text and "Annecy" in text
    assert truth["experiences"][0]["title"] in ("Boulanger", "Boulangère")
    assert truth["experiences"][0]["current"] is True and truth["contact"]["email"] == "lea.perrin@example.org"


def test_helpers():
    assert gendered("Conducteur / Conductrice d'engins agricoles", True) == "Conductrice d'engins agricoles"
    assert gendered("Conducteur / Conductrice d'engins agricoles", False) == "Conducteur d'engins agricoles"
    assert gendered("Ingénieur technico-commercial(e) IT", False) == "Ingénieur technico-commercial IT"
    from tremplin.simulate.cvs import Style

    style = Style(fmt="txt", layout="classic", date_style="prose", current_style="since", current_word="présent",
                  range_sep=" à ", sep=" — ", heading_case="upper", bullet="•", font="Helvetica", headings={},
                  order=[], phone_style="spaces", lang_style="colon_cefr", feminine=True)
    assert render_dates("2015-01", "2017-06", style)[0] == "De janvier 2015 à juin 2017"
    assert render_dates("2015-10", "2017-06", style)[0] == "D'octobre 2015 à juin 2017"
    assert render_dates("2021-03", None, style) == ("Depuis mars 2021", {"start": "2021-03", "end": None,
                                                                          "current": True})


def test_odt_bytes_do_not_depend_on_earlier_odf_documents(referentials, tmp_path):
    # odfpy shares the declared namespaces across the process: a chart made between two documents (as another part
    # of a process could) must not change the next document's bytes.
    from odf import chart
    from odf.element import Element
    from odf.namespaces import CHARTNS

    profiles = random_profiles(5, 7)
    Element.namespaces.pop(CHARTNS, None)  # as in a process that has made no chart yet
    first = write_cvs(profiles, tmp_path / "a", 7, formats=("odt",))
    chart.Chart(attributes={"class": "chart:bar"})
    second = write_cvs(profiles, tmp_path / "b", 7, formats=("odt",))
    assert [p.read_bytes() for p, _ in first] == [p.read_bytes() for p, _ in second]
