"""Corrections applied to a kept profile, and the JSON Resume export."""

from __future__ import annotations

import pytest

from tests.services.cv_analysis.conftest import HAND
from tremplin.errors import InvalidInput
from tremplin.services.cv_analysis import parse_cv, to_json_resume
from tremplin.services.cv_analysis.records import apply_changes


def test_apply_changes_paths():
    doc = {"target_job": {"value": "Vendeur", "span": {"start": 0, "end": 7}, "confidence": 0.7},
           "skills": [{"value": "a"}, {"value": "b"}], "education_level": 3}
    out = apply_changes(doc, {"target_job": "Vendeur en boulangerie", "skills.1": None,
                              "education_level": 4})
    assert out["target_job"] == {"value": "Vendeur en boulangerie", "span": None, "confidence": 1.0}
    assert out["skills"] == [{"value": "a"}] and out["education_level"] == 4
    assert doc["skills"] == [{"value": "a"}, {"value": "b"}]  # the original is untouched
    appended = apply_changes(doc, {"skills.2": {"value": "c"}})
    assert appended["skills"][-1] == {"value": "c"}
    with pytest.raises(InvalidInput, match="indice"):
        apply_changes(doc, {"skills.5": {"value": "x"}})
    with pytest.raises(InvalidInput, match="champ inconnu"):
        apply_changes(doc, {"format": "pdf"})
    with pytest.raises(InvalidInput, match="mal formé"):
        apply_changes(doc, {"skills..1": "x"})


def test_json_resume_export(cv_env):
    profile = parse_cv((HAND / "sophie_martin_aide_soignante.txt").read_bytes(), "cv.txt", mode="on",
                       code_occupations=False)
    resume = to_json_resume(profile)
    assert resume["$schema"].endswith("v1.0.0/schema.json")
    basics = resume["basics"]
    assert basics["name"] == "Sophie MARTIN" and basics["location"]["postalCode"] == "74000"
    assert basics["location"]["countryCode"] == "FR" and basics["location"]["x-inseeCode"] == "74010"
    first = resume["work"][0]
    assert first["position"] == "Aide-soignante" and first["startDate"] == "2021-03" and "endDate" not in first
    assert first["x-current"] is True and len(first["highlights"]) == 3
    assert resume["education"][0]["x-level"] == 4 and resume["education"][0]["endDate"] == "2018"
    assert {"language": "Anglais", "fluency": "B1", "x-cefr": "B1"} in resume["languages"]
    linked = [k for s in resume["skills"] for k in s.get("x-rome", [])]
    assert any(k["keyword"] == "Excel" and k["label"] == "Microsoft Excel" for k in linked)
    extra = resume["meta"]["x-tremplin"]
    assert extra["drivingLicences"] == ["B"] and extra["mobility"]["radiusKm"] == 30
    # ISO 8601 dates as the schema requires.
    import re

    for item in resume["work"] + resume["education"]:
        for key in ("startDate", "endDate"):
            if key in item:
                assert re.fullmatch(r"\d{4}(-\d{2})?(-\d{2})?", item[key])
