"""Public pages: French, accessible structure, small pages; helpers for highlights and profile corrections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PUBLIC = ["/", "/a-propos-de-l-ia", "/registre", "/recherche", "/accessibilite", "/connexion"]
STATIC = Path(__file__).resolve().parents[2] / "src" / "tremplin" / "web" / "static"


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_are_french_structured_and_light(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="fr">' in html
    assert '<a class="evitement" href="#contenu">' in html and 'id="contenu"' in html
    assert html.count("<h1") == 1
    assert "<main" in html and "<nav" in html and "<footer" in html
    assert "Content-Security-Policy" in response.headers and response.headers["X-Frame-Options"] == "DENY"
    # Page weight budget: HTML + the stylesheet + the script, before images.
    weight = len(response.content) + sum(p.stat().st_size for p in STATIC.iterdir())
    assert weight < 200_000
    assert "cdn" not in html.lower()


def test_every_input_has_a_label(client, sign_in):
    sign_in("counsellor")
    for path in ["/connexion", "/recherche", "/console/cv", "/recruteur/verifier"]:
        html = client.get(path).text
        ids = re.findall(r'<(?:input|textarea|select)[^>]*\sid="([^"]+)"', html)
        for field_id in ids:
            assert f'for="{field_id}"' in html, f"{path}: no label for #{field_id}"


def test_unknown_page_is_a_french_404(client):
    response = client.get("/nulle-part")
    assert response.status_code == 404
    assert "Page introuvable" in response.text and '<html lang="fr">' in response.text
    assert client.get("/v1/nulle-part").headers["content-type"].startswith("application/json")


def test_search_validates_the_query(client):
    empty = client.get("/recherche?q=")
    assert empty.status_code == 422
    assert 'href="#champ-q"' in empty.text and 'aria-describedby="aide-q erreur-q"' in empty.text
    long = client.get("/recherche", params={"q": "a" * 600})
    assert long.status_code == 422 and "trop longue" in long.text


def test_register_lists_every_service(client):
    import html as htmllib

    from tremplin.services import SERVICE_NAMES
    from tremplin.web.gateway import SERVICE_LABELS

    html = htmllib.unescape(client.get("/registre").text)
    for name in SERVICE_NAMES:
        assert SERVICE_LABELS[name].lower() in html.lower() or f'/registre/{name}"' in html


def test_about_ai_says_how_to_contest(client):
    html = client.get("/a-propos-de-l-ia").text
    assert "Contester" in html and "R311-3-1-2" in html and "CADA" in html


def test_highlight_segments_split_overlaps():
    from tremplin.web.highlight import segments

    text = "Serveuse de 20 à 30 ans, photo exigée"
    segs = segments(text, [(0, 8, 1), (9, 23, 2), (12, 16, 3), (25, 30, 4), (100, 120, 5), (5, 5, 6)])
    assert "".join(s.text for s in segs) == text
    marked = {s.text: s.marks for s in segs if s.marks}
    assert marked["Serveuse"] == [1]
    assert marked["20 à"] == [2, 3]
    assert marked["photo"] == [4]
    assert all(5 not in s.marks and 6 not in s.marks for s in segs)


def test_profile_corrections_become_field_changes_for_the_cv_service():
    from tremplin.web.profile_form import apply, form_values
    from tremplin.web.render import FormErrors

    profile = {
        "target_job": {"value": "Aide-soignant", "span": {"start": 0, "end": 13}, "confidence": 0.8},
        "experiences": [{"title": {"value": "Agent de service", "confidence": 0.7},
                         "employer": {"value": "EHPAD Les Tilleuls"},
                         "dates": {"start": "2019-09", "end": None, "current": True}}],
        "education": [{"diploma": {"value": "DEAS"}, "year": 2018}],
        "skills": [{"value": "Toilette", "confidence": 0.9}],
        "languages": [{"language": "Anglais", "written": "Anglais", "cefr": "A2"}],
        "licences": {"categories": ["B"], "text": "Permis B"},
    }
    values = form_values(profile)
    assert values["target_job"] == "Aide-soignant" and values["exp_0_end"] == "en cours"
    assert values["languages"] == "Anglais (A2)" and values["licences"] == "B"

    errors = FormErrors()
    changes, labels = apply(profile, {**values, "target_job": "Aide-soignante", "exp_0_start": "09/2019",
                                      "exp_0_end": "06/2024", "languages": "Anglais (B1)\nEspagnol",
                                      "licences": "B, C", "skills": "Toilette\nAide aux repas"}, errors)
    assert not errors
    assert changes["target_job"] == "Aide-soignante"
    assert "experiences.0.dates.start" not in changes  # 09/2019 is the same date as 2019-09
    assert changes["experiences.0.dates.end"] == "2024-06" and changes["experiences.0.dates.current"] is False
    assert changes["languages"][0] == {"language": "Anglais", "written": "Anglais (B1)", "cefr": "B1",
                                       "confidence": 1.0}
    assert changes["licences.categories"] == ["B", "C"]
    assert changes["skills"][0] == {"value": "Toilette", "confidence": 0.9}  # kept as read
    assert labels[0] == "métier recherché" and "permis" in labels

    errors = FormErrors()
    same, labels = apply(profile, {**values, "languages": "Anglais (A2)\r\n", "skills": "Toilette\r\n\r\n"},
                         errors)
    assert same == {} and labels == [] and not errors  # CRLF from a browser is not a correction

    errors = FormErrors()
    apply(profile, {**values, "exp_0_start": "l'an dernier", "edu_0_year": "18", "languages": "Anglais (courant)",
                    "licences": "Z"}, errors)
    assert set(errors) == {"exp_0_start", "edu_0_year", "languages", "licences"}
    assert "Expérience 1" in errors["exp_0_start"]


def test_registered_jobseekers_of_the_territory_have_a_file_without_protected_data(client, sign_in):
    from datetime import UTC, date, datetime

    from tremplin.store.db import session_scope
    from tremplin.store.tables.territory import SimJobseekerRow, SimProtectedAttributesRow, SimTerritoryRow

    with session_scope() as db:
        db.add(SimTerritoryRow(id="T1", name="test", departements="74", seed=1, start_on=date(2025, 1, 1),
                               end_on=date(2026, 12, 31), config={}, counts={}, files_dir="", status="complete",
                               created_at=datetime.now(UTC)))
        db.add(SimJobseekerRow(territory_id="T1", id="SIM-42", commune_code="74010", bassin="8201", education_level=4,
                               experience_months=30, main_rome_code="J1501", registered_on=date(2026, 3, 2),
                               exit_on=None, exit_reason="",
                               profile={"past_titles": ["Aide-soignante"], "desired_rome_codes": ["J1501"],
                                        "languages": ["Anglais"], "driving_licence": True, "vehicle": False,
                                        "mobility_radius_km": 25, "education_label": "Bac"}))
        db.add(SimProtectedAttributesRow(territory_id="T1", jobseeker_id="SIM-42", sex="F", birth_year=1990,
                                         age_band="30-39", rqth=True, qpv=False, nationality_group="FR"))
    sign_in("counsellor")
    listing = client.get("/console/demandeurs?q=SIM").text
    assert 'href="/console/demandeurs/SIM-42"' in listing
    page = client.get("/console/demandeurs/SIM-42")
    assert page.status_code == 200
    assert "J1501" in page.text and "25 km" in page.text and "02/03/2026" in page.text
    assert "1990" not in page.text and "RQTH" not in page.text  # protected attributes never shown
    assert client.get("/console/demandeurs/SIM-404").status_code == 404


def test_model_card_page_shows_the_card_and_its_explicit_mention(client):
    import html as htmllib

    from tremplin.governance import cards

    names = list(cards.load_cards())
    assert names, "no service card installed"
    page = client.get(f"/registre/{names[0]}")
    assert page.status_code == 200
    text = htmllib.unescape(page.text)
    card = cards.load_card(names[0])
    assert card.title in text and card.purpose in text
    assert "Mention explicite" in text and "R311-3-1-2" in text
    assert all(limit in text for limit in card.known_limits)
    assert client.get("/registre/inconnu").status_code == 404
