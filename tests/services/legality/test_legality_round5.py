"""Rules 1.7: the mechanisms added after reading the heldout7 errors, each checked on wordings written for these
tests (none comes from an evaluation set) and on lawful look-alikes that must stay silent.

Pay: a working span written as clock times (« de 21 h à 6 h », less a stated break) for a day's or a night's pay,
a week's pay announced before the amount (« Chaque semaine (30 h) … 250 € »), a half-day's pay, a duration
« pour des services de 9 heures », a figure followed only by « brut / net » after a pay word, a participle or
« kg » between the items and the hour of a rate per item. Fees: named fees of placement agencies (« mise en
relation », « placement », « activation »), « s'acquitter de », a guarantee or a subscription with its sum, an
item described in parentheses before « à acheter », « payable » after a comma, paid coaching. Origin: SMS style
without apostrophes (« pas d asiatiques »), « à l'accueil » (a desk) no longer a lawful context, a nationality said
of a domestic worker sought or of the reader (« Vous êtes de nationalité … ? »), a team « 100 % française ». Pay
field: « Annuel de 15k€ ». Language:
Spanish/Italian/Portuguese word endings, English ad vocabulary, the « (m/f/d) »
marker of English and German titles.
"""

from __future__ import annotations

from datetime import date

import pytest

from tremplin.services.legality import check_offer
from tremplin.services.legality.text import FieldText

from .helpers import found as found_on

D2025 = date(2025, 6, 1)  # SMIC 11,88 €/h


def found(text: str) -> dict[str, str]:
    return found_on(text, on=D2025)


@pytest.mark.parametrize("text", [
    "Veilleur payé 95 € la nuit, de 21 h à 6 h.",
    "La journée (8h30-17h30, 1 h de pause) est payée 70 € brut.",
    "Pour chaque semaine (30 h), vous touchez 250 € brut.",
    "Rémunération de 30 € par demi-journée de 4 heures.",
    "Ramasseur : 80 € par jour pour des services de 9 heures.",
    "Salaire 1050 net temps plein, à discuter.",
    "Pliage payé 0,40 € le carton, environ 12 cartons pliés par heure.",
    "Récolte des pommes rémunérée 0,50 € le kilo, 15 kg ramassés par heure environ.",
])
def test_pay_forms_below_the_smic(text):
    assert found(text).get("pay") in ("block", "review"), found(text)


@pytest.mark.parametrize("text", [
    "Veilleur payé 150 € la nuit, de 21 h à 6 h.",
    "La journée (8h30-17h30, 1 h de pause) est payée 120 € brut.",
    "Pour chaque semaine (30 h), vous touchez 450 € brut.",
    "Ramasseur : 130 € par jour pour des services de 9 heures.",
    "Salaire 2300 brut temps plein, selon profil.",
    "Pliage payé 0,40 € le carton, environ 40 cartons pliés par heure.",
    "Payé 90 € la journée, prise de poste à 8 h.",
])
def test_pay_above_the_smic_stays_silent(text):
    assert "pay" not in found(text), found(text)


@pytest.mark.parametrize("text, category", [
    # fees
    ("Frais de placement auprès de nos entreprises clientes : 60 €.", "fee"),
    ("Frais d'activation de votre profil : 35 €.", "fee"),
    ("Vous devrez vous acquitter de 80 € avant votre premier rendez-vous.", "fee"),
    ("Un dépôt de garantie de 150 € est demandé à chaque recrue.", "fee"),
    ("Les annonces complètes sont réservées aux abonnés : 19 € par mois.", "fee"),
    ("Uniforme (veste + pantalon) à acheter chez nous : 70 €.", "fee"),
    ("Formation à nos outils, obligatoire, payable avant le démarrage : 200 €.", "fee"),
    ("Accompagnement obligatoire et payant (300 €) avant toute mise en poste.", "fee"),
    # origin
    ("pas d asiatiques pour ce poste svp", "origin"),
    ("Nous n'acceptons pas de personnes de couleur à l'accueil de l'hôtel.", "origin"),
    ("Nous cherchons une gouvernante philippine pour notre famille.", "origin"),
    ("Vous êtes de nationalité brésilienne ? C'est un atout pour ce poste.", "origin"),
    ("Notre personnel 100 % français doit le rester.", "origin"),
    # language
    ("Cerchiamo personale con esperienza per la manutenzione e la pulizia, formazione garantita.", "language"),
    ("Buscamos repartidor con experiencia para la distribución y colocación de paquetes.", "language"),
])
def test_new_classes_are_found(text, category):
    assert category in found(text), found(text)


def test_mfd_marker_makes_an_english_title():
    offer = {"intitule": "Guest Relations Hero (m/f/d)",
             "description": "Nous recherchons une personne pour accueillir nos hôtes dans notre hôtel de Nice. "
                            "Poste en CDI à temps plein."}
    assert "language" in check_offer(offer).categories
    offer["intitule"] = "Réceptionniste (m/f/d)"
    assert "language" not in check_offer(offer).categories


def test_sms_elision_keeps_the_length_and_spares_words():
    ft = FieldText.of("description", "Pas d africains, l equipe est complète ; vitamine d 100 mg")
    assert len(ft.folded) == len(ft.clean)
    assert "pas d'africains, l'equipe" in ft.folded
    assert "vitamine d 100" in ft.folded


@pytest.mark.parametrize("text", [
    # lawful look-alikes: they must stay silent
    "Association d accueil des réfugiés : vous accompagnez les personnes étrangères dans leurs démarches.",
    "Anglais courant exigé (niveau C1), échanges quotidiens avec le siège.",
    "Vous gérez les abonnés de la médiathèque et les inscriptions aux ateliers.",
    "Formation à nos outils prise en charge par l'entreprise, payable par l'OPCO.",
    "Frais de déplacement remboursés, mise en relation avec nos clients par notre équipe.",
    "Vous serez à l'accueil de l'agence, horaires de 9 h à 17 h.",
    "Nous sommes des adolescents passionnés et nos ados adorent le cacao chaud.",
    "Nos confitures sont 100 % françaises, fabriquées dans notre atelier.",
    "Cuisinier japonais expérimenté pour notre restaurant de sushis.",
    "Vous êtes anglais courant ? Rejoignez notre service export.",
])
def test_lawful_look_alikes_stay_silent(text):
    got = found(text)
    assert not ({"origin", "fee", "pay", "language"} & got.keys()), got


@pytest.mark.parametrize("text", [
    # « fraise(s) », « fraiseur » are no « frais » that would make the amount something else than pay
    "Cueillette des fraises payée 0,50 € la barquette, environ 10 barquettes par heure.",
    "Fraiseur sur commande numérique : salaire 1 150 € brut mensuel, temps plein.",
])
def test_strawberries_and_millers_are_not_charges(text):
    assert "pay" in found(text), found(text)


def test_annual_salary_field_in_thousands():
    offer = {"intitule": "Vendeur H/F", "description": "Poste en CDI à temps plein dans notre magasin de Lyon.",
             "salaire": {"libelle": "Annuel de 14k€ brut, 35h"}}
    assert "pay" in check_offer(offer, as_of=D2025).categories
    offer["salaire"] = {"libelle": "Annuel de 27k€ brut, 35h"}
    assert "pay" not in check_offer(offer, as_of=D2025).categories
