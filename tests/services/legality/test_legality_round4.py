"""Rules 1.6: the mechanisms added after reading the heldout6 errors, each checked on wordings written for these
tests (none comes from an evaluation set) and on lawful look-alikes that must stay silent.

Classes: « religieux / religieuse » (missed by the religion vocabulary), how many children the person has, ages
« au-dessus de / supérieur à », a height asked of the reader, a lawful context named only to be set aside
(« même avec un titre de séjour », « hors apprentissage »), a plain « clientèle » no longer a lawful context for
origin, a nationality said of the person sought, colour words (« métis »), a home imposed in a place, people « du
village », « Orientation sexuelle : … » as a field, sharing political values, fees per message sent, a sum to hold
a place, renting the work tools, sums « déduits du salaire », Portuguese and Spanish passages, an English title;
pay: cents after the currency, a day's pay with its hours anywhere in the sentence, a rate per item with the items
made per hour, a bare figure after a pay label, « sans minimum horaire garanti »; no appearance finding on the
words of a gender identity, « pas de limite d'âge pour … » and a model's job are not criteria.
"""

from __future__ import annotations

from datetime import date

import pytest

from tremplin.services.legality import check_offer

from .helpers import found as found_on

D2025 = date(2025, 6, 1)  # SMIC 11,88 €/h


def found(text: str) -> dict[str, str]:
    return found_on(text, on=D2025)


@pytest.mark.parametrize("text, category", [
    # religion: the adjective
    ("Les candidats religieux ne correspondent pas à l'esprit de la maison.", "religion"),
    ("Toute personne ouvertement religieuse sera écartée.", "religion"),
    # family: how many children
    ("Nous évitons les profils qui ont trois enfants ou plus.", "family"),
    ("Pas de candidates ayant moins de 2 enfants en bas âge.", "family"),
    # age: above / beyond
    ("Au-delà de 45 ans ou supérieur à 45 ans : candidature non retenue.", "age"),
    ("Personnes au-dessus de 60 ans, s'abstenir.", "age"),
    ("Âgé de moins de 30 ans exigé (sauf alternance).", "age"),
    # appearance: a height asked of the reader
    ("Vous devez mesurer au moins 1m75 pour ce poste d'accueil.", "appearance"),
    ("Les hôtesses mesurant moins de 1,70 m ne seront pas retenues.", "appearance"),
    # origin: a lawful context set aside, a nationality of the person, colour words
    ("Aucun étranger, même titulaire d'une autorisation de travail.", "origin"),
    ("Nous recrutons des ouvriers roumains de préférence pour l'équipe.", "origin"),
    ("Candidats métis ou noirs : ce n'est pas ce que cherche notre clientèle.", "origin"),
    # residence: a home imposed in a place, people from the village
    ("Résidence obligatoire dans la commune de Versailles.", "residence"),
    ("Uniquement des personnes du coin, merci de ne pas postuler sinon.", "residence"),
    # orientation as a field, political values shared
    ("Orientation sexuelle du candidat : hétérosexuelle.", "sexual_orientation_identity"),
    ("Vous devez partager nos convictions politiques de gauche.", "opinions"),
    # fees: a charge per message, a sum to hold a place, renting the tools, deducted from the pay
    ("Postulez par texto au 6 12 34 (1,50 € par message).", "fee"),
    ("Une somme de 80 € vous sera demandée pour confirmer votre inscription à la journée de sélection.", "fee"),
    ("Vous louerez votre scooter à l'agence, 45 € par semaine.", "fee"),
    ("La tenue est facturée 60 €, déduits du premier salaire.", "fee"),
    # languages: Portuguese and Spanish passages, an English title is tested below
    ("Precisamos de servente para obras, alojamento e pagamento semanal.", "language"),
    ("Buscamos camarera para servir mesas y bebidas de lunes a viernes.", "language"),
])
def test_new_classes_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    # pay: cents after the currency, day or week pay with its hours, rate per item, bare figure, no minimum
    "Poste à temps plein, payé 10€20 de l'heure.",
    "Temps plein. Salaire : 10 euros 40 de l'heure.",
    "Vendanges : 65 € par jour, journées de 8 heures.",
    "Chaque journée de 7 h est rémunérée 55 € net.",
    "Payé 75 € la journée (8 heures).",
    "Mise sous pli payée 0,10 € le pli, environ 60 plis par heure.",
    "Coursier payé 3 € la livraison, 3 livraisons par heure en moyenne.",
    "Temps plein. Rémunération : 1150.",
    "Livreur payé à la course, sans revenu horaire minimum garanti.",
])
def test_pay_forms_below_the_smic(text):
    assert "pay" in found(text), found(text)


def test_english_title_is_a_foreign_passage():
    offer = {"intitule": "Store Manager - Fluent English required - Hiring now",
             "description": "Nous recherchons un responsable de magasin pour notre boutique de Lyon. Vous encadrez "
                            "une équipe de cinq personnes. Poste en CDI à temps plein."}
    assert "language" in check_offer(offer).categories


@pytest.mark.parametrize("text", [
    # lawful look-alikes: they must stay silent
    "Très intéressant pour les salariés ayant des enfants : horaires aménagés.",
    "Accueil de 20 enfants de 3 à 6 ans, pas de limite d'âge pour les animateurs.",
    "Pas de limite d'âge pour les personnes en situation de handicap (contrat d'apprentissage).",
    "Mannequin homme pour le défilé de notre collection printemps.",
    "Nous mettons tout en œuvre pour mesurer la satisfaction de nos clients.",
    "Le magasin est situé au cœur du village, à deux pas de la mairie.",
    "Vous partagez nos valeurs de respect et de qualité de service.",
    "Envoyez votre CV par message, réponse sous 48 heures.",
    "Location de véhicules utilitaires : vous gérez les réservations des clients.",
    "Salaire : 2 100 € brut mensuel, journées de 7 heures.",
    "Taux horaire 13 €, la journée de 8 h, paniers repas.",
    "Rémunération : selon profil et expérience.",
    "Salaire : 35 h par semaine, du lundi au vendredi.",
    "Notre clientèle internationale apprécie les vendeurs parlant chinois.",
    "Titre de séjour en cours de validité exigé pour les candidats étrangers.",
])
def test_lawful_look_alikes_stay_silent(text):
    got = found(text)
    assert not ({"family", "age", "health_disability", "appearance", "origin", "residence", "opinions", "fee",
                 "pay", "language"} & got.keys()), got


def test_no_appearance_finding_on_the_words_of_a_gender_identity():
    got = found("Les personnes dont l'apparence ne correspond pas à leur sexe de naissance ne seront pas retenues.")
    assert "sexual_orientation_identity" in got
    assert "appearance" not in got


def test_apprenticeship_set_aside_does_not_lower_the_pay_finding():
    got = found("Rémunération : 75 % du SMIC, hors apprentissage.")
    assert got.get("pay") == "block", got


@pytest.mark.parametrize("text", [
    "aucun done ne sera pas retenu, sans exception",  # a rejected match (« ne » inside « done ») overlaps a valid one
    "age = non ; sexe=refus ; apas de souci",
    "pas de candidats, nonobstant",
    "_pas de souci, xsans aucun",
])
def test_fast_exact_mode_finds_what_the_pattern_finds(text):
    import re

    from tremplin.services.legality.properties import _CUE_EXCL
    from tremplin.services.legality.text import fast

    exact = fast(_CUE_EXCL, exact=True)
    plain = re.compile(_CUE_EXCL)
    assert [m.span() for m in exact.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for lo, hi in ((3, 20), (5, len(text))):
        assert [m.span() for m in exact.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)]
