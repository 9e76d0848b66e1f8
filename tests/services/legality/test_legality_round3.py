"""Rules 1.5: the mechanisms added after reading the heldout5 errors, each checked on wordings written for these
tests (none comes from an evaluation set) and on lawful look-alikes that must stay silent.

Classes: the kind of home (social housing, caravan, shelter) and residence fields, strokes, a personal psychiatric
follow-up, blood tests and eyesight, weight in kilos, clothing sizes, beauty and hair colour, gender identity and
orientation wordings (and no sex finding on their words), other scripts and Polish passages, regional or home
languages, « ne parler que le français », things sold to the candidate, paying as the way to apply, access codes,
a share of the pay, sums not refunded, pay for stated hours, « sans garantie du SMIC », new exclusion cues,
« quelle que soit l'organisation ».
"""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import found as found_on

D2025 = date(2025, 6, 1)  # SMIC 11,88 €/h


def found(text: str) -> dict[str, str]:
    return found_on(text, on=D2025)


@pytest.mark.parametrize("text, category", [
    # the kind of home the candidate lives in
    ("Les candidats logés en HLM ou en logement social ne sont pas prioritaires, inutile de postuler.", "residence"),
    ("Pas de personnes vivant en mobil-home, merci.", "residence"),
    ("Candidatures de personnes hébergées en centre d'hébergement refusées.", "residence"),
    ("Lieu d'habitation exigé : à Neuilly uniquement.", "residence"),
    ("Domiciliation : obligatoirement à Paris intra-muros", "residence"),
    ("Banque : compte chez LCL exigé pour le versement", "residence"),
    # health: strokes, a personal follow-up, blood tests, eyesight
    ("Les candidats ayant fait un AVC ne seront pas retenus.", "health_disability"),
    ("Un infarctus dans les cinq dernières années est rédhibitoire.", "health_disability"),
    ("Tout suivi psychologique en cours écarte la candidature.", "health_disability"),
    ("Merci de joindre une analyse de sang récente à votre dossier.", "health_disability"),
    ("Acuité visuelle parfaite obligatoire, lunettes refusées.", "health_disability"),
    # appearance: weight, clothing size, beauty, hair colour
    ("Interdit de peser plus de 80 kg pour ce poste d'hôtesse.", "appearance"),
    ("Taille vestimentaire : 38 maximum exigée.", "appearance"),
    ("La beauté est un critère essentiel pour nos vendeuses.", "appearance"),
    ("Nous recrutons des hôtesses jolies et souriantes pour le salon auto.", "appearance"),
    ("Brunes de préférence pour cette campagne.", "appearance"),
    # orientation and gender identity
    ("Les candidats non binaires ou qui ne se disent ni femme ni homme sont écartés.", "sexual_orientation_identity"),
    ("Personnes en transition : inutile de postuler.", "sexual_orientation_identity"),
    ("Les femmes qui aiment les femmes ne conviennent pas à notre clientèle.", "sexual_orientation_identity"),
    ("Pour les homos c'est non.", "sexual_orientation_identity"),
    # languages: other scripts, Polish, home languages, French only
    ("Оплата каждую неделю, жильё предоставляется бесплатно.", "language"),
    ("Zatrudnimy kierowców, wynagrodzenie co tydzień, mieszkanie zapewniamy.", "language"),
    ("Les personnes parlant berbère entre elles seront écartées.", "language"),
    ("Vous ne devez parler que le français, pas d'autre langue sur le site.", "language"),
    # fees
    ("Le badge d'accès au site vous sera vendu 40 € le premier jour.", "fee"),
    ("Pour postuler, en payant 25 € sur notre site vous accédez aux offres.", "fee"),
    ("Vous devrez acheter vos propres outils (environ 300 €) avant de commencer.", "fee"),
    ("Vous nous reverserez l'équivalent d'un mois de salaire après l'embauche.", "fee"),
    ("Le permis cariste (120 €) est payé par le candidat et pas remboursé.", "fee"),
    ("Code d'accès à la plateforme des missions : 15 € par mois.", "fee"),
    ("Adhésion à l'association des vendeurs : 70 €, condition pour être embauché.", "fee"),
    # opinions and cues
    ("Adhérents à un syndicat : allez voir ailleurs.", "opinions"),
    ("Nous refusons les syndicalistes, quelle que soit leur centrale.", "opinions"),
    ("Un engagement syndical connu est un motif de non-recrutement.", "opinions"),
    ("Nous demandons une déclaration de non-appartenance syndicale.", "opinions"),
])
def test_new_class_is_found(text: str, category: str) -> None:
    assert category in found(text), (text, found(text))


@pytest.mark.parametrize("text, category", [
    # pay for stated hours and piece rates without the SMIC
    ("Journée de vendanges : 70 € brut pour 8 heures.", "pay"),
    ("Ramassage payé au cageot, sans garantie du SMIC.", "pay"),
    # an age range after the word « âge » in a sentence that also speaks of experience
    ("Expérience appréciée et âge 30-45 ans pour rejoindre l'équipe.", "age"),
])
def test_pay_forms(text: str, category: str) -> None:
    assert category in found(text), (text, found(text))


@pytest.mark.parametrize("text", [
    # pay: a monthly sum for a full-time week, a day's pay above the SMIC
    "Salaire : 2 100 € brut pour 35 h par semaine.",
    "Journée payée 110 € brut pour 7 heures.",
    # housing, shelters and campsites as the job
    "Agent d'accueil dans un camping 4 étoiles, logement fourni.",
    "Travailleur social en CHRS : accompagnement des personnes hébergées.",
    "Gestionnaire locative : attribution des logements sociaux aux familles.",
    # health and beauty as the job or the employer's care
    "Suivi médical des patients et prise de sang au laboratoire.",
    "Conseillère beauté en parfumerie, maquillage et soins.",
    "Pour ce métier, ne pas parler anglais est un handicap pour évoluer.",
    # hair colour of beer, weights of loads
    "Serveur en brasserie : bières blondes et brunes à la pression.",
    "Port de charges jusqu'à 25 kilos.",
    # languages: a skill, not a person
    "Anglais courant exigé, une autre langue est un plus.",
    "Aucune autre langue n'est requise pour ce poste.",
    "Nous recherchons un traducteur parlant arabe et français.",
    # fees: the employer pays, terminals for customers
    "Vous encaisserez les clients sur le terminal de paiement du magasin.",
    "Vos frais de formation sont avancés par l'entreprise et remboursés.",
    # identity: the employer's commitments
    "Entreprise signataire de la charte LGBT+, accompagnement des salariés en transition professionnelle.",
    # years of experience, even near the word « âge »
    "Expérience de 3 à 5 ans exigée, l'âge n'est pas un critère.",
    # « quel que soit » with a protected property is a statement
    "Nous recrutons quel que soit votre âge ou votre origine.",
    # a question to the reader that names no property
    "Vous êtes dynamique et motivé ? Rejoignez-nous !",
])
def test_lawful_look_alikes_stay_silent(text: str) -> None:
    got = found(text)
    assert not {c: s for c, s in got.items() if s in ("block", "review")
                and c in ("residence", "health_disability", "appearance", "language", "fee", "pay", "opinions",
                          "sexual_orientation_identity", "origin", "sex", "age", "family")}, (text, got)


@pytest.mark.parametrize("text", [
    "Vous êtes une femme transgenre ? Ce poste n'est pas pour vous.",
    "Les hommes qui aiment les hommes sont refusés.",
])
def test_identity_words_give_no_sex_finding(text: str) -> None:
    got = found(text)
    assert "sexual_orientation_identity" in got and "sex" not in got, (text, got)
