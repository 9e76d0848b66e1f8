"""Rules 1.15: the causes read in heldout19 and heldout20 (development sets since their single measure), each checked
on wordings written for these tests (none comes from an evaluation set) and on lawful look-alikes that must stay
silent.

Lawful statements: a need denied right before the property (« pas besoin d'être … », « inutile d'avoir … »), even
where a bare negation would not cancel the match; a property said not to count (« aucune … demandée », « on s'en
fiche », « sans souci »), a group said to be welcome too (« … sont aussi les bienvenus »).
Fees: the reader written in the third person (« à leurs frais », « à ses propres frais », « à la charge de
l'intervenant ») or with « tu » (« tu dois acheter », « déduit de ta première paie »), a sum « déductible » from the
pay; a service made compulsory and priced (« formation obligatoire à 90 € », « coaching obligatoire …, 40 € la
séance »), unless the sum is a wage; the employer's own charge (« à la charge de l'employeur ») stays silent.
Religion: an academic field named after religions (« histoire des religions », « sociologie religieuse ») is
knowledge asked for, not a faith.
Age: a bound whose sentence names a legal text as its source (« conformément à la réglementation », « conformément au
code … », « dérogation légale ») is the law restated; a bare bound is still found.
"""

from __future__ import annotations

import pytest

from .helpers import TARGET
from .helpers import found_in_2026 as found


@pytest.mark.parametrize("text", [
    "Boucherie casher : pas besoin d'être juif, le rabbin forme l'équipe à la préparation.",
    "Inutile d'être catholique pour tenir la librairie de la basilique, seul le conseil compte.",
    "Aucune religion exigée pour ce poste de vendeur en épicerie fine.",
    "Ton âge, on s'en fiche : viens avec ta motivation.",
    "Les candidats en situation de handicap peuvent postuler sans problème, l'atelier est de plain-pied.",
    "Les mamans solos sont aussi les bienvenues, les horaires suivent l'école.",
])
def test_round13_lawful_statements_stay_silent(text):
    assert not (set(found(text)) & TARGET), found(text)


@pytest.mark.parametrize("text, category", [
    ("Pas de candidats juifs, pas besoin d'en discuter.", "religion"),
    ("Pas de souci de santé toléré : aucun arrêt maladie accepté.", "health_disability"),
    ("Candidats musulmans non acceptés.", "religion"),
    # « inutile d'envoyer … » shuts out: only a need of being or having is denied
    ("Plus de 45 ans, inutile de postuler.", "age"),
    ("Adhérents d'un syndicat : inutile d'envoyer une candidature.", "opinions"),
])
def test_round13_exclusions_next_to_a_denied_need_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Avant l'embauche, les candidats suivent à leurs frais un stage de sécurité de 240 €.",
    "La visite technique du véhicule (60 €) est à la charge du livreur retenu.",
    "Les frais de test de langue (35 €) restent à la charge de l'animateur recruté.",
    "Tu dois acheter ta mallette de démonstration (90 €) pour vendre les produits.",
    "Ta tenue (45 €) est retenue sur ta première paie.",
    "Le candidat verse 30 € de frais de sélection, déductibles de son premier salaire.",
    "Module « Réussir en vente directe » obligatoire : 75 € avant la première tournée.",
    "Coaching obligatoire avec notre partenaire pour accéder aux missions, 30 € la séance.",
])
def test_round13_fees_on_the_reader_are_found(text):
    assert "fee" in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Les frais de transport (50 € par semaine) sont à la charge de l'employeur.",
    "Les repas restent à leur charge ; titre-restaurant de 9 € fourni.",
    "Tu dois vendre 20 produits par semaine ; prime de 50 € au-delà.",
    "Formation obligatoire de deux jours, rémunérée 13 € de l'heure.",
    "Formation hygiène obligatoire prise en charge par l'entreprise (280 €).",
    # « enfants à sa charge » is family, not a fee
    "Prime de 150 € par enfant à sa charge, versée en décembre.",
])
def test_round13_charges_not_on_the_reader_stay_silent(text):
    assert "fee" not in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Conducteur de poids lourd : au moins 21 ans pour le permis C, conformément à la réglementation.",
    "Volontaires de 18 à 25 ans, conformément au code du service national.",
    "Serveur en salle : 18 ans minimum pour servir l'alcool (dérogation légale pour les apprentis).",
])
def test_round13_age_bounds_from_the_law_stay_silent(text):
    assert "age" not in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Conducteur de poids lourd : 21 à 35 ans, conformément à notre politique interne.",
    "Candidats de 25 à 40 ans, équipe jeune et dynamique.",
])
def test_round13_age_bounds_without_a_legal_text_are_found(text):
    assert "age" in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Guide conférencier : une licence d'histoire des religions est exigée.",
    "Chargé d'études : master en sociologie des religions souhaité.",
])
def test_round13_religion_as_a_field_of_knowledge_stays_silent(text):
    assert "religion" not in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Nous exigeons une pratique religieuse assidue de nos guides.",
    "Religion catholique exigée pour ce poste de comptable.",
])
def test_round13_faith_asked_is_still_found(text):
    assert "religion" in found(text), found(text)
