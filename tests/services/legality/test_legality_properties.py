"""Property vocabulary + cue detector (properties.py): wordings of protected properties next to an exclusion,
a restriction, a requirement, a preference or a question, and lawful look-alikes left alone.

The wordings below are written for these tests; none is copied from the evaluation templates.
"""

from __future__ import annotations

from datetime import date

import pytest

from tremplin.services.legality import check_offer
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.properties import detect_properties

from .helpers import found as found_on

D2025 = date(2025, 6, 1)


def found(text: str) -> dict[str, str]:
    return found_on(text, on=D2025)


def prop_hits(text: str) -> list:
    return detect_properties(Ctx({"text": text}, text_only=True), [])


@pytest.mark.parametrize("text, category", [
    ("Poste incompatible avec une maladie chronique.", "health_disability"),
    ("Les personnes sous antidépresseurs s'abstiendront.", "health_disability"),
    ("Pas de candidats dyslexiques, beaucoup de saisie.", "health_disability"),
    ("Merci d'indiquer vos éventuels problèmes de santé.", "health_disability"),
    ("Pas de cheveux longs ni de barbe.", "appearance"),
    ("Personnes corpulentes : poste non adapté.", "appearance"),
    ("Célibataire de préférence, nombreux déplacements.", "family"),
    ("Pas de projet bébé à court terme svp.", "family"),
    ("Les parents d'enfants en bas âge ne seront pas retenus.", "family"),
    ("Candidats binationaux non acceptés.", "origin"),
    ("Préférence pour une personne originaire d'Afrique du Nord.", "origin"),
    ("Nous préférons des collaborateurs de confession catholique.", "religion"),
    ("Les personnes qui font le ramadan ne pourront pas être retenues.", "religion"),
    ("Les militants écologistes ne sont pas les bienvenus.", "opinions"),
    ("Candidats encartés dans un parti : merci de passer votre chemin.", "opinions"),
    ("Les personnes ayant changé de sexe ne seront pas reçues.", "sexual_orientation_identity"),
    ("Habitants de la cité des Tilleuls : inutile de postuler.", "residence"),
    ("Compte bancaire dans notre banque partenaire exigé pour le versement du salaire.", "residence"),
    ("Candidats sans domicile fixe non acceptés.", "residence"),
    ("Ne postulez pas si vous parlez une autre langue à la maison.", "language"),
    ("Frais de dossier : 45 €, à régler avant l'entretien.", "fee"),
    ("Vous réglerez 20 € pour l'ouverture de votre dossier.", "fee"),
    ("Le starter kit (99 euros) est à acheter par vos soins.", "fee"),
    ("Le coût de la formation sera retenu sur votre premier salaire.", "fee"),
    ("Nous cherchons plutôt une fille pour l'accueil.", "sex"),
    ("Vous êtes une femme souriante ? Rejoignez notre boutique.", "sex"),
    ("Au-delà de 45 ans, merci de ne pas postuler.", "age"),
    ("Les quadras et plus ne sont pas prioritaires.", "age"),
    ("Né(e) après 1998 de préférence.", "age"),
])
def test_property_with_a_cue_is_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Nous n'excluons aucun candidat en raison de son handicap.",
    "Poste ouvert aux personnes en situation de handicap, aménagements possibles.",
    "Vous accompagnerez des enfants atteints de maladies chroniques.",
    "Mutuelle familiale prise en charge à 60 %.",
    "Congé maternité maintenu à 100 %.",
    "Aucune condition de nationalité n'est exigée.",
    "Aide à domicile : interventions au domicile des personnes âgées, véhicule exigé.",
    "Frais de déplacement remboursés sur justificatif.",
    "Aucun frais ne vous sera demandé pendant le recrutement.",
    "Salaire : 2 100 € brut mensuel, paiement le 1er du mois.",
    "Tenue fournie, chaussures de sécurité à la charge de l'employeur.",
    "Vous serez en charge de la facturation et des encaissements clients.",
    "Poste basé à Saint-Denis (93), accessible en RER.",
    "Accompagnement des habitants des quartiers prioritaires vers l'emploi.",
    "Vous animerez des réunions avec les élus et les syndicats.",
    "Notre politique handicap est pilotée par une référente.",
    "Salle blanche : charlotte et masque obligatoires.",
    "La connaissance de l'arabe est un plus pour échanger avec nos clients.",
    "Nos équipes sont composées d'hommes et de femmes de tous âges.",
    "Nous recherchons pour notre résidence de Lyon un agent d'entretien.",
    "Recherche appliquée en appui aux thèmes précédemment cités.",
    "Entreprise née en 2015, en forte croissance.",
    "Si vous êtes allergique aux chats, ce poste n'est pas pour vous.",
    "Casting : une actrice pour le rôle d'une mère de famille.",
])
def test_lawful_look_alikes_are_left_alone(text):
    assert not prop_hits(text), [(h.detector, h.category) for h in prop_hits(text)]


def test_positive_action_is_lawful_but_excluding_the_same_people_is_not():
    assert not prop_hits("Priorité aux habitants des quartiers prioritaires (emplois francs).")
    hits = prop_hits("Les habitants des quartiers prioritaires ne seront pas retenus.")
    assert [h.category for h in hits] == ["residence"]


def test_cue_must_be_close_and_in_the_same_clause():
    # the exclusion is about the licence, in another sentence
    assert not prop_hits("Vous travaillerez dans un quartier animé. Pas de permis nécessaire.")
    assert prop_hits("Pas de candidats des quartiers nord.")


def test_severity_block_for_exclusion_review_for_preference_and_health():
    assert found("Les adhérents d'un syndicat ne seront pas embauchés.")["opinions"] == "block"
    assert found("Une sensibilité politique de droite sera un plus.")["opinions"] == "review"
    assert found("Vous avez mal au dos ? Passez votre chemin.")["health_disability"] == "review"


def test_field_form_is_a_criterion_unless_the_value_says_it_is_not():
    assert "religion" in found("Religion : catholique.")
    assert not prop_hits("Religion : indifférente.")


def test_first_name_marie_is_not_marital_status():
    assert not prop_hits("Pour postuler, merci de ne pas appeler mais d'écrire à Marie.")


def test_public_employment_exception_applies_to_nationality():
    o = {"id": "p1", "intitule": "Adjoint administratif (H/F)", "dateCreation": "2026-02-10T10:00:00Z",
         "description": "Mairie de Rennes, fonction publique territoriale. Ressortissants de l'Union européenne "
                        "uniquement (condition statutaire)."}
    assert "origin" not in {f.category for f in check_offer(o).findings if f.severity == "block"}


def test_other_language_passage_is_flagged_for_review():
    got = found("Buscamos una persona responsable para atender a los clientes de la tienda.")
    assert got.get("language") == "review"
    assert "language" not in found("Vous échangerez en espagnol avec nos clients de Madrid.")


@pytest.mark.parametrize("text, category", [
    ("Nationnalité française obligatoir.", "origin"),
    ("Personnes syndiqées sabstenir.", "opinions"),
    ("Religon : catholique.", "religion"),
    ("Frais d'inscripton : 50 € à régler.", "fee"),
    ("Candidats de banlieu uniquemnt refusés.", "residence"),
])
def test_one_letter_typos_of_long_property_words_are_read(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("word", ["reference", "selection", "president", "couverture", "echange", "candidatures",
                                  "variees", "concession", "ethique", "malade"])
def test_real_words_near_property_words_are_not_corrected(word):
    from tremplin.services.legality.properties import _correct
    assert _correct(word) is None


@pytest.mark.parametrize("text, category", [
    ("pa d'enfants svp", "family"),
    ("que des mecs svp, taf physique", "sex"),
    ("faut être canon, c'est pour la vitrine", "appearance"),
    ("si t'habites en banlieue c'est mort", "residence"),
    ("faut payer 30 balles pour le dossier", "fee"),
    ("Serveur / serveuse - 18/25 ans", "age"),
    ("Profil recherché : non pratiquant(e).", "religion"),
])
def test_spoken_register_and_list_forms(text, category):
    assert category in found(text), found(text)


def test_tidy_presentation_is_lawful_but_looks_are_not():
    assert "appearance" not in found("Bonne présentation exigée pour ce poste en contact avec la clientèle.")
    assert "appearance" in found("Physique de mannequin demandé pour l'accueil.")


def test_age_range_of_the_public_is_not_a_criterion():
    assert "age" not in found("Vous accompagnerez des jeunes de 16 à 25 ans dans leur insertion.")


def test_distance_of_home_and_opinions_taken_into_account():
    assert "residence" in found("Les candidats vivant à plus de 30 minutes ne seront pas considérés.")
    assert "opinions" in found("Vos opinions politiques seront prises en compte.")
    assert not prop_hits("Traiter les demandes des managers et des représentants du personnel.")
