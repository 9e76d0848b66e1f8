"""Rules 1.14: the causes read in heldout17 and heldout18 (development sets since their single measure), each checked
on wordings written for these tests (none comes from an evaluation set) and on lawful look-alikes that must stay
silent.

Fees: a sum due at a stage of the recruitment (« avant l'entretien », « lors de votre candidature », « pour intégrer
l'équipe »), the employer's own charging verbs (« nous prélevons », « nous encaissons »), « comptez N € », a service
given « contre N € », a place booked or contacts unlocked by the reader, « prévoyez le paiement »; sales words
(« vente », « clients ») no longer cancel a purchase the reader is told to make.
Language: a sentence in Spanish, German, Italian or Luxembourgish made of recruitment words, also in an offer with a
few English words; a German title marked « (m/w/d) », an English seasonal title; the mother tongue asked in another
language (« Muttersprache », « madrelingua »), reported under language only.
Sex: a denied processing (« ne sont pas traitées ») is an exclusion, not a denied need; the job given a sex
(« poste masculin »), « devra être une femme », a quota of women or men, « sexe = H », « Candidate uniquement », the
restriction between the verb and a feminine noun (« ne recrute que des enseignantes »).
Opinions: ideologies and parties named, a party or union card, political stands, closeness to the ruling majority,
the absence of a membership checked. Appearance: clothing sizes, complexion and features, aesthetic standards, a look
asked for. Cues: a scoring grid, a candidacy put on hold, a trait to hide or straighten, a clause opening with
« Ni », a door « fermée aux ». An exclusion aimed at the applicants is not cancelled by a context word of the
job's public or place (client, accueil). Groups: applicants with children, « ne donnera pas suite aux »,
« refuse les ». Origin: a birthplace as a filter's value.
Lawful statements: a feast day taken as leave, religious history as a field of knowledge, ritual slaughter's
habilitation, a pastoral role in a diocese, the law's exceptions to an age limit, one's own meals, tips handed to the
staff, hours built around family life, an address asked at contract time, a « syndicat » of municipalities, a team of
all generations, « senior » meaning experience, a team abroad to coordinate with, the birthplace asked as data.
Search windows no longer end inside a word (« fo\\b », a union's initials, was found in « foyer »).
"""

from __future__ import annotations

import re

import pytest

from tremplin.services.legality import check_offer
from tremplin.services.legality.text import finditer_in_windows

from .helpers import TARGET
from .helpers import found_in_2026 as found


@pytest.mark.parametrize("text", [
    "Pour décrocher l'entretien, comptez 35 € de frais de test.",
    "Nous prélevons 25 € sur chaque nouvel arrivant dès sa première paie.",
    "Nous encaissons 50 € lors de votre candidature, pour le matériel.",
    "L'habilitation électrique est délivrée par notre centre contre 90 €, avant l'entretien.",
    "Réservez votre créneau à la session de recrutement : 15 € par personne.",
    "Débloquez la liste des employeurs de la vallée pour 19 €.",
    "Frais d'accès de 40 € pour intégrer l'équipe de démonstrateurs.",
    "Vous devez acheter votre mallette d'échantillons (80 €) avant votre premier jour de vente.",
    "Le terminal de vente est à acheter (120 €) avant la première tournée chez les clients.",
    "Prévoyez le règlement de l'examen d'entrée avant le rendez-vous.",
])
def test_round12_fees_are_found(text):
    assert "fee" in found(text), found(text)


@pytest.mark.parametrize("text, category", [
    # passages in another language
    ("Buscamos camarero para la temporada: proceso de selección con entrevista y prueba en el restaurante.", "language"),
    ("Bewerbung mit Lebenslauf, danach ein Vorstellungsgespräch und ein Probetag im Restaurant.", "language"),
    ("Cerchiamo un cuoco per la stagione invernale, vitto e alloggio inclusi, colloquio a Nizza.", "language"),
    ("Italienisch als Muttersprache erwünscht.", "language"),
    ("Madrelingua italiana richiesta per il banco.", "language"),
    # sex
    ("Les candidatures masculines ne sont pas étudiées pour ce poste.", "sex"),
    ("Chauffeur de direction, poste masculin.", "sex"),
    ("La personne recrutée devra être une femme, les clientes le demandent.", "sex"),
    ("Cette année le quota est de deux hommes pour l'atelier couture.", "sex"),
    ("Tri des CV : sexe = H.", "sex"),
    ("Candidate uniquement, équipe déjà constituée.", "sex"),
    ("Notre crèche ne recrute désormais que des intervenantes.", "sex"),
    # opinions
    ("Vous partagez le projet indépendantiste du fondateur ? Vous serez prioritaire.", "opinions"),
    ("Être proche de la majorité départementale est un plus pour ce poste.", "opinions"),
    ("Une carte d'adhérent à un parti est éliminatoire.", "opinions"),
    ("Les prises de position syndicales sur les réseaux sont éliminatoires.", "opinions"),
    ("Ni carte syndicale ni engagement militant.", "opinions"),
    ("Nous contrôlerons l'absence d'engagement syndical des candidats.", "opinions"),
    ("Un passé au Front national est un plus pour intégrer l'équipe.", "opinions"),
    # appearance
    ("Taille 36 maximum exigée pour les hôtesses du stand.", "appearance"),
    ("Teint pâle et traits fins exigés pour le stand.", "appearance"),
    ("Les profils ne correspondant pas aux critères esthétiques de l'enseigne sont refusés.", "appearance"),
    ("Look skateur exigé pour le shop.", "appearance"),
    ("Grille d'entretien : physique agréable noté sur 5.", "appearance"),
    ("Cheveux bouclés à lisser avant la prise de poste.", "appearance"),
    # applicants excluded whatever the context word of the clause
    ("Candidats vivant en cité : pas de suite, nos clients sont exigeants.", "residence"),
    ("Le client refuse les candidats atteints de sclérose en plaques.", "health_disability"),
    ("Candidats ayant de jeunes enfants : non retenus pour les déplacements.", "family"),
    ("Le cabinet ne donnera pas suite aux candidatures de retraités.", "age"),
    ("Nos équipes sont fermées aux adeptes de la scientologie.", "religion"),
    ("Scoring : adresse en quartier prioritaire = -5 points.", "residence"),
    ("Critère automatique : pays de naissance = Belgique.", "origin"),
])
def test_round12_discrimination_is_found(text, category):
    assert category in found(text), found(text)


def _offer(title: str, description: str) -> dict:
    return {"id": "T", "intitule": title, "description": description, "typeContrat": "CDI",
            "dateCreation": "2026-03-01T00:00:00Z", "salaire": "Mensuel de 1900 Euros sur 12 mois"}


@pytest.mark.parametrize("title", [
    "Küchenhilfe (m/w/d) - Forbach",
    "Summer Season Bartender - Operator of the beach bar",
])
def test_round12_foreign_titles_are_found(title):
    report = check_offer(_offer(title, "Poste en CDI, 35 heures par semaine, au restaurant de la plage."))
    assert any(f.category == "language" for f in report.findings), [f.detector for f in report.findings]


def test_round12_foreign_mother_tongue_is_language_only():
    got = found("Spanisch als Muttersprache.")
    assert "language" in got and "origin" not in got, got


@pytest.mark.parametrize("text", [
    # fees that are none
    "Les repas restent à votre charge, une cuisine équipée est à disposition.",
    "Pourboires reversés intégralement à l'équipe de salle chaque mois.",
    "Nous encaissons les règlements des clients au comptoir.",
    "Vous conseillez les clients et réalisez les ventes, caisse comprise.",
    "Entretien prévu le 12 mars avant la prise de poste le 15.",
    # religion
    "Les jours de fête religieuse peuvent être récupérés sur demande.",
    "Guide au musée : bonne connaissance de l'histoire religieuse de la Provence exigée.",
    "Sacrificateur titulaire de l'habilitation exigée pour l'abattage rituel.",
    "Chargée de pastorale pour le diocèse : partager la foi de l'Église est requis.",
    # health: the law's exception to an age limit
    "Apprentissage de 16 à 29 ans, limite ne s'appliquant pas aux travailleurs handicapés.",
    "Contrat d'apprentissage : de 16 à 29 ans, sauf exceptions prévues par la loi (personnes handicapées).",
    # family, residence, age, opinions, language
    "Horaires pensés pour la vie familiale : pas de travail le samedi.",
    "Votre adresse ne sera demandée qu'à la signature du contrat.",
    "Nos vendangeurs ont de 18 à 70 ans : toutes les générations se retrouvent au domaine.",
    "Profil senior au sens de l'expérience : dix ans de gestion de paie.",
    "Espagnol indispensable pour coordonner le chantier avec nos partenaires de Bilbao.",
    "Merci d'indiquer vos date et lieu de naissance pour la déclaration préalable à l'embauche.",
    "Nous vérifions l'absence de casier judiciaire pour ce poste en crèche.",
    # sex: statements that are no restriction
    "Poste masculin ou féminin, selon les candidatures reçues.",
    "Candidate uniquement par mail, nous répondons sous 48 h.",
])
def test_round12_lawful_look_alikes_stay_silent(text):
    got = found(text)
    assert not (TARGET & got.keys()), got


def test_round12_a_syndicat_of_municipalities_is_no_trade_union():
    got = found("Seuls les habitants du bourg seront retenus pour l'astreinte du syndicat intercommunal des eaux.")
    assert "opinions" not in got and "residence" in got, got


def test_round12_a_search_window_never_ends_inside_a_word():
    # a window opened 8 characters after « poste » ends inside « foyer »: « fo\b » held at the window's end
    text = "poste en foyer"
    assert list(finditer_in_windows(re.compile(r"\bfo\b"), text, [(0, 5)], 0, 8)) == []
    assert [m.group(0) for m in finditer_in_windows(re.compile(r"\bfoyer\b"), text, [(0, 5)], 0, 8)] == ["foyer"]
