"""Rules 1.4: the mechanisms added after reading the heldout4 errors, each checked on wordings written for these
tests (none comes from an evaluation set) and on lawful look-alikes that must stay silent.

Classes: inflections read through the stems of the property patterns, the search cue (« nous recrutons des … »),
« ni … ni », new exclusion cues, limits as cues, a label before a colon, field names with a qualifier, property
words in a title, language exclusions, every way of asking the candidate to pay, daily and weekly pay, tips or
commission only, short foreign passages, feminine-only titles, « quel que soit leur niveau ».
"""

from __future__ import annotations

from datetime import date

import pytest

from tremplin.services.legality import check_offer
from tremplin.services.legality.gender import check_title
from tremplin.services.legality.text import fold

from .helpers import found as found_on

D2025 = date(2025, 6, 1)  # SMIC 11,88 €/h


def found(text: str) -> dict[str, str]:
    return found_on(text, on=D2025)


@pytest.mark.parametrize("text, category", [
    # inflections that no word list held: the stems of the patterns (« migraine\w* », « cancer\w* ») anchor them
    ("Les personnes migraineuses ne peuvent pas postuler.", "health_disability"),
    ("Les personnes cancéreuses ne sont pas acceptées.", "health_disability"),
    ("Les schizophrènes ne sont pas acceptés sur ce site.", "health_disability"),
    # search cue: whom the recruiter says it hires
    ("Nous engageons des musulmans pratiquants pour la boucherie.", "religion"),
    ("Recherchons catholiques motivés pour la librairie.", "religion"),
    ("ch. serveuse sans tatouages pr brasserie", "appearance"),
    # « ni … ni », « mis de côté », « irrecevable », « ferme l'accès »
    ("Nous n'acceptons ni les tatoués ni les percés.", "appearance"),
    ("Ici on ne prend ni femmes enceintes ni jeunes mamans.", "family"),
    ("Les CV de personnes handicapées seront mis de côté.", "health_disability"),
    ("Une grossesse en cours rend la candidature irrecevable.", "family"),
    ("Être syndiqué ferme l'accès au poste.", "opinions"),
    # limits and acceptance as cues
    ("Taille minimum : 1m75 pour les agents de salle.", "appearance"),
    ("Poids : 70 kg maximum pour ce poste d'accueil.", "appearance"),
    # a short label before a colon
    ("Exigence : être célibataire.", "family"),
    ("Critère d'embauche : domicilié à moins de 10 km du dépôt.", "residence"),
    # field names with a qualifier
    ("Nationalité du candidat : française.", "origin"),
    ("Religion souhaitée : protestante.", "religion"),
    # national preference, « un Français »
    ("À profil égal, priorité nationale.", "origin"),
    ("Pour ce poste nous embauchons uniquement des Français.", "origin"),
    # age written as a bare limit
    ("Serveur, 28 ans maxi, disponible le week-end.", "age"),
    # language: bilinguals, mother tongue
    ("Les personnes bilingues ne sont pas retenues.", "language"),
    ("Aucun candidat dont la langue maternelle n'est pas le français.", "language"),
    # a named bank, a named town, people from a place
    ("Condition : compte courant au Crédit Mutuel.", "residence"),
    ("Pas de candidats venant de Sarcelles.", "residence"),
    ("Les banlieusards ne sont pas les bienvenus.", "residence"),
    # « déconseillé » as an exclusion, « belle gueule » as appearance (found on a last self-check)
    ("Ce poste est déconseillé aux personnes asthmatiques.", "health_disability"),
    ("Belle gueule exigée au comptoir.", "appearance"),
])
def test_new_wordings_are_found(text: str, category: str) -> None:
    assert category in found(text), (text, found(text))


@pytest.mark.parametrize("text", [
    "Vous accompagnez des patients migraineux au centre antidouleur.",
    "Le diocèse recrute un comptable à mi-temps.",
    "Nous recrutons des conseillers pour accompagner des familles musulmanes.",
    "Nous ne demandons ni diplôme ni expérience.",
    "Un dossier incomplet rend la candidature irrecevable.",
    "Charges de 25 kg maximum à soulever.",
    "Condition d'accès : permis B.",
    "Religion du candidat : indifférente.",
    "Toutes nationalités acceptées.",
    "Anglais courant exigé, un bon niveau d'allemand est un plus.",
    "Poste bilingue français-anglais : vous répondez aux clients étrangers.",
    "Le siège est à la Société Générale, tour B.",
    "Expérience de 20 ans minimum dans le bâtiment.",
    "Nous avons une agence à Sarcelles et une à Bobigny.",
    "Vous portez des lunettes de protection en atelier.",
    "Les personnes venant de se former chez nous sont prioritaires.",
    "Le candidat idéal est diplômé d'un pays de l'Union européenne.",
    "Vous manifestez un réel intérêt pour la relation client.",
    "Vous adhérez aux valeurs de l'entreprise.",
    "Nous recrutons quel que soit votre âge.",
])
def test_lawful_look_alikes_stay_silent(text: str) -> None:
    cats = found(text)
    assert not set(cats) & {"age", "sex", "family", "origin", "religion", "appearance", "health_disability",
                            "residence", "opinions", "sexual_orientation_identity", "language", "fee"}, (text, cats)


def test_a_cue_far_from_a_lawful_description_is_not_read_as_quel_que_soit() -> None:
    # « quel que soit leur niveau » does not say that the property does not count
    assert "health_disability" in found("Les personnes handicapées ne seront pas retenues, quel que soit leur diplôme.")
    assert "health_disability" not in found("Nous recrutons des personnes handicapées ou non, quel que soit leur âge.")


@pytest.mark.parametrize("text", [
    "Prévoyez 60 € en espèces pour la visite d'embauche.",
    "Chaque chauffeur paie lui-même son badge d'accès (45 €).",
    "Vous reverserez 5 % de votre premier salaire à l'agence.",
    "Souscrivez l'abonnement candidat à 19,90 € pour postuler.",
    "Frais administratifs de 35 € prélevés sur votre première paie.",
    "Les recrues versent 80 € pour leur tenue.",
    "L'épreuve d'admission coûte 40 €.",
])
def test_fees_asked_in_new_ways_are_blocked(text: str) -> None:
    assert found(text).get("fee") == "block", (text, found(text))


@pytest.mark.parametrize("text", [
    "Nous vous remboursons vos frais de transport (50 € par mois).",
    "Vous encaissez les paiements des clients en espèces.",
    "La mutuelle est prise en charge à 100 %, soit environ 40 € par mois.",
    "Le salarié paie sa cotisation mutuelle : 25 € par mois, prélevés sur la paie.",
    "Nos tests de qualité coûtent 2 000 € par an à l'entreprise.",
])
def test_money_that_is_not_a_fee_stays_silent(text: str) -> None:
    assert "fee" not in found(text), (text, found(text))


@pytest.mark.parametrize("text, expected", [
    ("Rémunération : 70 € brut par journée de 8 heures.", True),  # 8,75 €/h
    ("Salaire : 320 € brut par semaine de 35 heures.", True),  # 9,14 €/h
    ("Prix de l'heure : 9 € brut.", True),
    ("Rémunération : 110 € brut par journée de 7 heures.", False),  # 15,71 €/h
    ("Salaire : 480 € brut par semaine de 35 heures.", False),  # 13,71 €/h
    ("Prix de vente : 9 € l'unité.", False),
])
def test_daily_and_weekly_pay_with_stated_hours(text: str, expected: bool) -> None:
    assert ("pay" in found(text)) is expected, (text, found(text))


@pytest.mark.parametrize("text", [
    "Rémunération uniquement aux pourboires.",
    "Vous serez payé(e) uniquement au pourcentage des ventes.",
])
def test_pay_made_of_tips_or_commission_only(text: str) -> None:
    assert "pay" in found(text), (text, found(text))


def test_fixed_pay_plus_tips_is_not_tips_only() -> None:
    assert "pay" not in found("Salaire fixe de 2 100 € brut par mois plus les pourboires.")


def _with_passage(passage: str) -> dict[str, str]:
    base = ("Nous recherchons un agent polyvalent pour notre magasin de Tours. Vous serez chargé de la mise en rayon "
            "et de l'accueil des clients.\n")
    return found(base + passage)


@pytest.mark.parametrize("passage", [
    "We are hiring: line cooks needed, evenings and weekends.",
    "Skills required:\n- Strong written English\n- Available on weekends\n- Customer service in a busy shop",
    "Angajăm muncitori necalificați pentru depozit, program de lucru flexibil.",
    "Restoranımız için deneyimli garson arıyoruz, maaş iyi.",
])
def test_short_foreign_passages(passage: str) -> None:
    assert "language" in _with_passage(passage), passage


def test_english_words_inside_french_sentences_are_not_a_passage() -> None:
    assert "language" not in _with_passage("Vous utiliserez le logiciel Customer Success in situ avec l'équipe.")


def test_extended_latin_letters_fold_to_their_base_letter() -> None:
    text = "Łukasz, ș, ț, ı, ğ, ő"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "lukasz, s, t, i, g, o"


@pytest.mark.parametrize("title, word", [("Couturière retouches", "Couturière"), ("Ménagère à domicile", "Ménagère"),
                                         ("Plieuse en blanchisserie", "Plieuse")])
def test_feminine_only_titles_by_their_ending(title: str, word: str) -> None:
    got = check_title(title, fold(title))
    assert got is not None and got["word"] == word and got["gender"] == "feminine"


@pytest.mark.parametrize("title", ["Hôte ou hôtesse d'accueil", "Couturier / Couturière", "Filière bois : cariste",
                                   "Fleuriste"])
def test_titles_that_are_inclusive_or_not_a_feminine_job(title: str) -> None:
    assert check_title(title, fold(title)) is None


def test_property_in_the_title_is_a_criterion() -> None:
    offer = {"id": "t1", "intitule": "Vendeur H/F - musulman pratiquant",
             "description": "Vente au comptoir et mise en rayon dans notre épicerie."}
    assert "religion" in {f.category for f in check_offer(offer, as_of=D2025).findings}
    lawful = {"id": "t2", "intitule": "Chauffeur poids lourd H/F",
              "description": "Livraisons régionales, permis C exigé."}
    assert "appearance" not in {f.category for f in check_offer(lawful, as_of=D2025).findings}


def test_a_criterion_written_in_english() -> None:
    cats = found("No women, no kids, no elderly.")
    assert {"sex", "family", "age"} <= set(cats), cats
    assert "religion" in found("Muslims not accepted.")


@pytest.mark.parametrize("text", ["Mutuelle attractive et tickets restaurant.", "Slim fit uniform provided.",
                                  "No experience required.", "Mothers welcome, flexible hours."])
def test_english_or_french_look_alikes_of_english_criteria(text: str) -> None:
    cats = found(text)
    assert not set(cats) & {"sex", "family", "age", "appearance", "religion", "origin"}, (text, cats)
