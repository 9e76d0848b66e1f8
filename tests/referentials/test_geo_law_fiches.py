"""Geography, law and fiches over the referentials fetched from npm and the shared mirror."""

import pytest

from tremplin.errors import DataUnavailable, InvalidInput, NotFound


@pytest.fixture(scope="module")
def geo(referentials):
    from tremplin.referentials import geo

    return geo


def test_commune_with_population_epci_coordinates_and_bassin(geo):
    annecy = geo.commune("74010")
    assert annecy.name == "Annecy" and annecy.departement == "74" and annecy.departement_name == "Haute-Savoie"
    assert annecy.region_name == "Auvergne-Rhône-Alpes"
    assert annecy.population > 100_000
    assert annecy.epci_name and "Annecy" in annecy.epci_name
    assert 45.8 < annecy.latitude < 46.0 and 6.0 < annecy.longitude < 6.2
    assert annecy.bassin and annecy.bassin_name


def test_old_code_of_a_merged_commune_leads_to_the_new_one(geo):
    assert geo.commune("74011").insee == "74010"  # Annecy-le-Vieux merged into Annecy in 2017


def test_paris_gets_coordinates_from_its_arrondissements(geo):
    paris = geo.commune("75056")
    assert paris.latitude == pytest.approx(48.86, abs=0.05)


def test_distance_between_communes(geo):
    assert geo.distance_km("74010", "74010") == 0
    assert geo.distance_km("75056", "13055") == pytest.approx(661, abs=15)  # Paris–Marseille
    assert geo.distance_km("74010", "73065") == pytest.approx(geo.distance_km("73065", "74010"))


def test_bad_and_unknown_insee_codes(geo):
    with pytest.raises(InvalidInput, match="code postal"):
        geo.commune("740")
    with pytest.raises(NotFound):
        geo.commune("99999")
    with pytest.raises(NotFound):
        geo.distance_km("74010", "99999")


def test_communes_of_a_departement_and_areas(geo):
    haute_savoie = geo.communes(departement="74")
    assert 250 < len(haute_savoie) < 320
    assert all(c.departement == "74" for c in haute_savoie)
    assert geo.departement("74").population > 800_000
    assert geo.region("84").name == "Auvergne-Rhône-Alpes"
    assert len(geo.communes(departement="1")) == len(geo.communes(departement="01"))
    assert geo.bassin(geo.commune("74010").bassin).name


def test_law_article_by_number(referentials):
    from tremplin.referentials import law

    article = law.article("L1132-1")
    assert article.number == "L1132-1" and article.code == "travail"
    assert article.legiarti.startswith("LEGIARTI")
    assert article.version_date[:2] == "20"
    assert "Aucune personne ne peut être écartée d'une procédure de recrutement" in article.text
    assert "Discriminations" in article.section
    assert law.article("l. 5331-2").number == "L5331-2"
    assert "offres d'emploi" in law.article("L5331-2").text
    crpa = law.article("R311-3-1-2")
    assert crpa.code == "crpa" and "traitement algorithmique" in crpa.text


def test_law_errors(referentials):
    from tremplin.referentials import law

    with pytest.raises(InvalidInput, match="mal formé"):
        law.article("1132")
    with pytest.raises(NotFound):
        law.article("L9999-99")


def test_fiches_have_cdtn_ids_sections_audience(referentials):
    from tremplin.referentials import fiches

    items = list(fiches.iter_fiches())
    assert len(items) > 3000
    ids = [f.id for f in items]
    assert len(ids) == len(set(ids))
    sp = fiches.fiche("/fiche-service-public/paiement-du-salaire")
    assert sp.source == "service-public" and "Particuliers" in sp.audience
    assert sp.url.startswith("https://www.service-public.fr/")
    assert any("versé" in s.title for s in sp.sections)
    assert "<" not in sp.text and "virement" in sp.text.lower()
    assert fiches.fiche(sp.source_id).id == sp.id
    mt = [f for f in items if f.source == "ministere-travail"]
    assert len(mt) > 200
    assert all(f.id.startswith("/fiche-ministere-travail/") for f in mt)
    assert all(f.sections for f in mt)
    with pytest.raises(NotFound):
        fiches.fiche("/fiche-service-public/nexiste-pas")


def test_slug_rule_matches_the_code_du_travail_numerique():
    from tremplin.referentials._textnorm import slugify

    assert slugify("A-t-on droit à la participation et à l'intéressement pendant le congé parental ?") == \
        "a-t-on-droit-a-la-participation-et-a-linteressement-pendant-le-conge-parental"
    assert slugify("5 questions-réponses sur le handicap et l’emploi") == "5-questions-reponses-sur-le-handicap-et-lemploi"


def test_missing_referential_says_what_to_run(home, monkeypatch):
    from tremplin.referentials import _store, rome
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(home / "empty"))
    reset_settings()
    _store.clear_cache()
    with pytest.raises(DataUnavailable, match="tremplin data fetch --only rome"):
        rome.get("M1805")
