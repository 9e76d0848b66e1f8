"""Fixtures for governance tests: a service card written for the tests, tokens, a client."""

from __future__ import annotations

import sys
import types
from datetime import date

import pytest

from tremplin.governance.contract import (
    AIActClassification,
    DataSource,
    ModelInfo,
    Parameter,
    Risk,
    Rule,
    ServiceCard,
)

TEST_CARD = ServiceCard(
    name="matching",
    title="Rapprochement offres et candidats (fiche de test)",
    version="9.9-test",
    purpose="Proposer à un demandeur d'emploi des offres proches de son projet, classées par pertinence.",
    short_description="Propose des offres d'emploi adaptées au projet de la personne ; elle choisit.",
    legal_basis=["Code du travail, art. L5312-1", "RGPD, art. 6(1)(e)"],
    intended_users=["conseillers", "demandeurs d'emploi"],
    persons_concerned=["demandeurs d'emploi inscrits"],
    ai_act=AIActClassification(annex_iii_point="4(a)", high_risk=True, profiling=True,
                               art_6_3_assessment="Dérogation écartée : le classement repose sur un profilage.",
                               reasoning="Recommandation d'offres à des personnes : annexe III point 4(a)."),
    risk_class="high",
    data=[DataSource(name="profil professionnel du demandeur", source="dossier France Travail", personal_data=True),
          DataSource(name="offres d'emploi", source="API Offres d'emploi v2", used_for="inference"),
          DataSource(name="historique de retours à l'emploi", source="entrepôt statistique", used_for="training")],
    model=ModelInfo(type="LightGBM (classement)", version="2025.1", optimises_for="la pertinence des offres vues"),
    parameters=[Parameter(name="distance domicile-travail", weight="fort"),
                Parameter(name="proximité de métier (ROME)", weight="fort")],
    operations=["lecture du profil et des critères de recherche", "filtrage des offres selon les critères",
                "calcul d'un score de pertinence", "classement et présentation au conseiller"],
    known_limits=["moins précis pour les métiers rares"],
    human_oversight=["le conseiller valide chaque proposition", "interrupteur par service"],
    discrimination_safeguards=["aucun critère protégé en entrée du modèle"],
    risks=[Risk(description="effet de bulle sur les métiers déjà exercés", mitigation="métiers proches proposés")],
    owner="Équipe mise en relation",
    contact="mise-en-relation@exemple.fr",
    review_date=date(2026, 1, 31),
    rules=[Rule(id="M01", title="Respect du rayon de recherche", source="Charte, liberté de choix",
                articles=[], action="filter", description="les offres hors du rayon choisi sont écartées")],
)


@pytest.fixture
def fake_cards(monkeypatch):
    """Install TEST_CARD as the matching card; ``ghost`` is a listed service without a card."""
    import tremplin.services

    module = types.ModuleType("tremplin.services.matching.card")
    module.CARD = TEST_CARD
    monkeypatch.setitem(sys.modules, "tremplin.services.matching.card", module)
    monkeypatch.setattr(tremplin.services, "SERVICE_NAMES", ["matching", "ghost"])
    return TEST_CARD
