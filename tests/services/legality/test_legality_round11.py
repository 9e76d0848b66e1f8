"""Rules 1.13: the causes read in heldout15 and heldout16 (development sets since their single measure) and some of
those left by round 1.12, each checked on wordings written for these tests (none comes from an evaluation set) and on
lawful look-alikes that must stay silent.

Discrimination: the job itself given a sex (« poste pour un homme »), a sex named as a gender; no family ties or
duties towards children asked, mothers of young children; first names « à consonance », people « bien de chez nous »,
persons of colour shut out, birthplace and parents, non-EU nationals shut out even with a residence permit (left from
1.12), a nationality wished for; a faith excluded in brackets; a body type named by a figure, a slim silhouette (the
comparison with a model is no modelling job); named conditions shut out, « RQTH : non », sight without glasses, a
perfect health, medical file sent; a faith shut out with « quelle que soit leur religion » or « toutes
religions confondues » set next to the group (left from 1.12); birth years written « l'an 2000 », the team's age
bracket; « non merci », « moins de chances », « profil non recherché » as exclusions; where people live said with
« vivent », « vivez du côté de »; a political sensibility, farmers' unions; the sex on the identity papers.
Fees: costs passed on (« refacturé »), « moins N € … de location » from the pay, « c'est le candidat qui paye »,
things to buy oneself, an employee renting the desk, a share of pay kept for the business, a paid introduction, a
paid training as the way into the job, « on enlève N € sur le salaire », « on rembourse pas » cancels no fee,
« paie sa place, N € » and « Entrée : N € » at a recruiting session (left from 1.12).
Pay: lump sums per day or per evening against the hours and hourly rates written in words (left from 1.12), « par le mois », no hourly or fixed base,
shares instead of salary, lodging with no other pay, a « discovery » month unpaid.
Lawful statements: no age limit « que vous ayez 20 ou 60 ans », « aucune préférence », « aucun problème », « c'est
privé », the choices of family status listed, hours that suit family life, a workstation adapted for pregnancy, an
employer said to be conservative, « fâché » is no « facho ».
"""

from __future__ import annotations

import pytest

from .helpers import TARGET
from .helpers import found_in_2026 as found


@pytest.mark.parametrize("text, category", [
    # the job given a sex, a sex named as a gender
    ("Magasinier : c'est un poste pour un homme, les colis sont lourds.", "sex"),
    ("Gouvernante de maison, emploi pour une femme de préférence discrète.", "sex"),
    ("Nous embauchons un agent de genre féminin pour l'accueil.", "sex"),
    # family ties and children
    ("Candidat sans famille idéal, les déplacements sont fréquents.", "family"),
    ("On privilégie quelqu'un qui n'a pas de contraintes envers des enfants.", "family"),
    ("Pères de jeunes enfants : ce poste de nuit n'est pas adapté.", "family"),
    # origin
    ("Prénoms à consonance européenne souhaités pour le standard.", "origin"),
    ("Nous voulons des gens « bien de chez nous » au comptoir.", "origin"),
    ("Aucun candidat de couleur pour la réception, consigne du gérant.", "origin"),
    ("Idéalement né en Savoie de parents savoyards.", "origin"),
    ("Même avec une carte de séjour, pas de candidats extra-européens.", "origin"),
    ("La famille souhaite une gouvernante portugaise pour la maison.", "origin"),
    # religion
    ("Vendeur H/F (non pratiquant) pour la boucherie.", "religion"),
    ("Les pratiquants, quelle que soit leur confession, ne sont pas retenus.", "religion"),
    ("Les croyants, toutes confessions confondues, n'ont pas leur place ici.", "religion"),
    # appearance
    ("Physique de rugbyman souhaité pour la sécurité du club.", "appearance"),
    ("Silhouette élancée exigée pour l'accueil de la galerie.", "appearance"),
    ("Physique de mannequin apprécié pour le poste de standardiste.", "appearance"),
    # health and disability
    ("Pas d'asthmatiques ni de diabétiques sur la ligne de conditionnement.", "health_disability"),
    ("Handicap : non.", "health_disability"),
    ("Vision parfaite sans lentilles exigée pour le contrôle qualité.", "health_disability"),
    ("Santé irréprochable demandée, certificat à l'appui.", "health_disability"),
    ("Merci de nous communiquer votre dossier médical avec le CV.", "health_disability"),
    ("Pas de troubles psy dans l'équipe, merci.", "health_disability"),
    ("Personnes séropositives : nous ne pouvons pas vous accueillir.", "health_disability"),
    ("Salariés en mi-temps thérapeutique : profil non recherché.", "health_disability"),
    # age
    ("Candidats nés après l'an 1995 uniquement.", "age"),
    ("On cherche quelqu'un de notre tranche d'âge pour garder l'ambiance.", "age"),
    # residence
    ("Candidats des cités du nord : non merci.", "residence"),
    ("Les candidats de banlieue auront moins de chances d'être retenus.", "residence"),
    ("Uniquement des personnes qui vivent dans la commune.", "residence"),
    ("Vous vivez du côté de la gare ? Inutile de postuler.", "residence"),
    ("Le lieu de résidence doit se trouver à l'intérieur de la ville de Metz.", "residence"),
    ("Candidats hors agglomération de Tours non retenus.", "residence"),
    # opinions, orientation
    ("Sensibilité conservatrice exigée pour ce poste d'attaché.", "opinions"),
    ("Profil de gauche de préférence, notre clientèle est très progressiste.", "opinions"),
    ("Adhérents de la Coordination rurale : inutile de candidater.", "opinions"),
    ("Votre tenue doit correspondre au sexe inscrit sur votre carte d'identité.", "sexual_orientation_identity"),
])
def test_round11_discrimination_is_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text, category", [
    ("Frais de la formation sécurité refacturés au salarié en cas de départ.", "fee"),
    ("Casques abîmés refacturés 25 € pièce.", "fee"),
    ("Taux horaire 12,10 € brut, moins 20 € par mois de location de la tenue.", "fee"),
    ("La carte professionnelle coûte 60 euros, c'est le salarié qui paie.", "fee"),
    ("Chaque semaine on enlève 10 € sur le salaire pour le vestiaire et la tenue.", "fee"),
    ("Couteaux et mallette sont à acheter par vos soins avant la prise de poste.", "fee"),
    ("Nos coiffeurs salariés louent leur fauteuil au salon pour 150 € par mois.", "fee"),
    ("Retenue de 3 % sur la paie de chaque vendeur pour financer les flyers.", "fee"),
    ("L'inscription sur notre plateforme est payante pour l'intervenant : 40 € par mission.", "fee"),
    ("Notre académie de vente (250 €) débouche sur un CDI pour les meilleurs.", "fee"),
    ("Votre kit de bienvenue : 60 € prélevés sur votre premier salaire.", "fee"),
    ("La licence du logiciel de caisse est payée par l'employé.", "fee"),
    ("Il faut verser 200 euros pour la formation avant la prise de poste, on ne rembourse pas.", "fee"),
    # a price to meet the recruiter (left from 1.12)
    ("Chaque candidat règle sa participation, 20 €, à l'accueil du salon.", "fee"),
    ("Session de recrutement du 4 avril : entrée : 12 € par personne.", "fee"),
])
def test_round11_fees_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Forfait journalier de 65 € pour 9 h de présence.",
    "Service du soir : 30 euros pour chaque soir, 4 heures de travail.",
    "Payé 50 € par tournée (environ 8 h).",
    "Salaire de 1 250 euros par le mois, temps complet.",
    "Forfait mensuel de 1 100 € (temps plein), quelles que soient les heures.",
    "Payé au kilo ramassé, aucun taux horaire garanti.",
    "Rémunération au dossier signé, sans aucune base fixe.",
    "Le fixe ? Il n'y en a pas, tout est au résultat.",
    "Le poste est rémunéré en BSA la première année, sans salaire.",
    "Garde de la maison en échange de la chambre, sans autre rémunération.",
    "Les deux premières semaines « découverte » ne sont pas rémunérées.",
    # an hourly rate written in words (left from 1.12)
    "Payé huit euros de l'heure, déclaré.",
    "Rémunération : dix euros cinquante brut de l'heure.",
])
def test_round11_pay_below_the_minimum_is_found(text):
    assert "pay" in found(text), found(text)


@pytest.mark.parametrize("text", [
    # statements of openness
    "Aucune limite d'âge : que vous ayez 25 ou 60 ans, votre envie compte.",
    "Aucune préférence d'origine : l'équipe mêle déjà cinq pays.",
    "Piercings, tatouages ? Aucun souci chez nous.",
    "Vous habitez à une heure d'ici ? Pas de problème, le car de ramassage passe.",
    "Vos convictions politiques, c'est privé : on ne pose pas la question.",
    "Célibataire ou en couple, avec ou sans enfants : votre vie privée ne nous regarde pas.",
    # employer's side, lawful contexts
    "Horaires compatibles avec une vie de famille : fin de journée à 17 h.",
    "Salariées enceintes : aménagement de poste prévu, comme le veut la loi.",
    "La direction est plutôt conservatrice sur les process, mais ouverte aux idées.",
    "Tournées hors agglomération de Nantes, permis B exigé.",
    "On se dit tout, même ce qui fâche : c'est notre culture.",
    "Lunettes de sécurité fournies, port obligatoire en atelier.",
    "Poste pour un homme ou une femme, horaires de jour.",
    "Vous êtes une femme ou un homme motivé ? Rejoignez l'équipe.",
    "Les croyants, quelle que soit leur religion, sont les bienvenus dans l'équipe.",
    "Recyclage de la carte professionnelle payé par l'employeur.",
    "Nous recrutons un employé de restauration, débutants acceptés.",
    "Produits bien de chez nous vendus au marché le samedi.",
    "Un collaborateur de chez nous vous formera la première semaine.",
    "Frais de transport refacturés au client selon le barème.",
    "Formation de trois semaines rémunérée 1 850 € brut, puis CDI.",
    "Formation CACES offerte (valeur 900 €), embauche en CDI ensuite.",
    "Salaire 1 900 € brut ; en échange du logement fourni, retenue légale de l'avantage en nature.",
    "Forfait journalier de 120 € pour 8 h de mission.",
    "Accompagnement de personnes diabétiques au quotidien, formation assurée.",
    "Prime de 30 € par soir pour 2 heures de surveillance en plus du salaire.",
    "Prime de neuf euros par heure de nuit en plus du salaire conventionnel.",
    "Quinze euros de l'heure pour les extras du week-end.",
    "Parc de loisirs en bord de mer. Entrée : 25 € pour les visiteurs.",
])
def test_round11_lawful_look_alikes_stay_silent(text):
    got = found(text)
    assert not (TARGET & got.keys()), got
