"""Rules 1.12: the causes read in heldout13 and heldout14 (development sets since their single measure) and those left
by round 1.11, each checked on wordings written for these tests (none comes from an evaluation set) and on lawful
look-alikes that must stay silent.

Left from 1.11: the answer to a question cut by a comma (« Tu vis en cité ? Désolé, nos clients n'en veulent pas »),
feminine plural job nouns on a line of their own (« Hôtesses d'accueil. »), a bare height with its bound (« 1m80
minimum exigé ») for a person, open choices of sex written with a comma or a dash, a public served named before
« … ans de préférence ». Pay: a rate per item and no hourly pay across « ; », pay only in tips or commissions put in
other words, no base salary, pay in kind (vouchers, services), a trial, an induction or a training said unpaid.
Fees: a charge taken from pay in other word orders (the sum before, « sur la fiche de paie », « prélève 5 % … sur vos
paies »), a deduction or a levy with its sum, a price « obligatoire (N €) », a cost paid « par le candidat » or to buy
« par le salarié », a subscription the workers must take out, a refund only « qu'aux » some, a deposit to get a badge.
Discrimination: a sex preferred after the job, a voice, the recruit announced as a woman, a restriction before a
feminine noun; passports in the plural, « souche » without « de », profiles named by colour or as « typés », the origin
asked; « natifs anglophones »; clothing size ranges, heights in metres, looks said of the persons or judged; health
and children asked straight; pregnancy as a reason to end the contract; attraction to the other sex, lived gender,
chosen first names, a partner's sex; the retired shut out; districts, years of residence, the countryside, a bank
account abroad.
"""

from __future__ import annotations

import pytest

from .helpers import TARGET
from .helpers import found_in_2026 as found


@pytest.mark.parametrize("text, category", [
    # the answer to a question, after a word of politeness and a comma
    ("Tu habites en cité ? Désolé, nos clients n'en veulent pas.", "residence"),
    ("Vous vivez en banlieue ? Franchement, notre patron ne veut pas de ça.", "residence"),
    # feminine plural job nouns as a line of their own, no recruiting verb
    ("Hôtesses de caisse pour la saison.", "sex"),
    ("Serveuses en extra le week-end.\nContrat de 3 mois.", "sex"),
    ("- Coiffeuses pour notre salon du centre", "sex"),
    # a bare height with its bound, a person or a job in the sentence
    ("Agent de sûreté : 1m75 minimum exigé.", "appearance"),
    ("Portier de discothèque, 1m85 minimum.", "appearance"),
])
def test_round10_left_from_round9_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    # open choices of sex written with a comma
    "Sexe : masculin, féminin",
    "Sexe : homme, femme",
    "Sexe : féminin, masculin",
    # the public served before « … ans de préférence »
    "Éducateur H/F auprès d'un public de 16-25 ans de préférence en décrochage scolaire.",
    "Public : jeunes de 18-25 ans de préférence, en insertion.",
    # inclusive pairs, H/F, a feminine noun inside a sentence
    "Hôtesses et hôtes d'accueil.",
    "Serveuses, serveurs : rejoignez notre brigade.",
    "Coiffeuses (H/F) pour notre salon.",
    "Nos caissières sont formées en interne.",
    # heights of things
    "Porte de la réserve : 1m90 minimum.",
    "Hauteur libre du quai : 1m80 minimum.",
    # clients served in their homes, not the candidate's residence
    "Livraisons en banlieue chez nos clients, permis B exigé.",
])
def test_round10_left_from_round9_look_alikes_stay_silent(text):
    got = found(text)
    assert not (TARGET & got.keys()), got


@pytest.mark.parametrize("text, category", [
    ("Sexe : masculin", "sex"),
    ("Sexe : femme", "sex"),
    ("Cherche jeune pour les vendanges, 18-24 ans de préférence.", "age"),
    ("Recrutons des serveuses pour l'été.", "sex"),
    ("Vigile : taille minimum 1m80.", "appearance"),
])
def test_round10_the_criterion_next_to_a_look_alike_is_still_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text, category", [
    # a rate per item, then no hourly pay across « ; »
    ("Payé 0,90 € par carton monté ; aucun salaire horaire n'est versé.", "pay"),
    # pay only in tips or commissions, put in other words
    ("Les plongeurs sont rémunérés uniquement avec les pourboires de la salle.", "pay"),
    ("Rémunération exclusivement sous forme de commissions sur les abonnements vendus.", "pay"),
    ("Votre salaire : les pourboires des clients de la terrasse, uniquement.", "pay"),
    ("Esthéticienne payée au pourcentage des prestations, sans salaire de base.", "pay"),
    # pay in kind
    ("Rémunération en cartes cadeaux de l'enseigne, 400 € par mois.", "pay"),
    ("Pas de rémunération : vous êtes logé et nourri en échange de 25 h de travail.", "pay"),
    ("Aucun salaire horaire : un forfait de 60 € par soirée de service.", "pay"),
    # work said unpaid
    ("Deux journées d'essai non rémunérées avant la signature.", "pay"),
    ("La semaine d'intégration en magasin ne sera pas payée.", "pay"),
    ("Les heures de formation aux procédures du client, faites avant la prise de poste, ne sont pas rémunérées.",
     "pay"),
])
def test_round10_pay_wordings_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Salaire de base 1 950 € brut + commissions sur objectifs.",
    "Salaire fixe 2 000 € brut et avantages en nature (repas).",
    "Pas de salaire horaire : rémunération mensuelle de 2 200 € brut.",
    "Période d'essai non renouvelable de deux mois.",
    "Formation POEI non rémunérée par l'entreprise : indemnisée par France Travail.",
    "Stage d'observation de troisième non rémunéré (convention avec le collège).",
])
def test_round10_pay_look_alikes_stay_silent(text):
    got = found(text)
    assert not (TARGET & got.keys()), got


@pytest.mark.parametrize("text, category", [
    # a charge taken from pay, in other word orders
    ("Les manquants de stock sont prélevés sur la paie du magasinier.", "fee"),
    ("Entretien des blouses : 15 € retenus chaque mois sur votre salaire.", "fee"),
    ("Toute vaisselle cassée est décomptée sur la fiche de paie.", "fee"),
    ("La société prélève 4 % de frais de dossier sur chacune de vos paies.", "fee"),
    ("Une retenue hebdomadaire de 30 € couvre l'usage de la camionnette.", "fee"),
    ("Les outils sont fournis contre un prélèvement de 20 € par mois.", "fee"),
    # a thing required, and its price; a cost paid or bought by the worker
    ("Pour figurer dans notre fichier, un shooting photo chez notre partenaire est obligatoire (180 €).", "fee"),
    ("Test d'aptitude : 90 € réglés par le candidat avant l'entretien.", "fee"),
    ("Les couteaux et la mallette sont à acheter par le cuisinier salarié.", "fee"),
    ("Nous facturons 120 € la préparation à l'entretien de chaque candidat.", "fee"),
    ("Les moniteurs salariés doivent souscrire un abonnement à la salle (35 € par mois).", "fee"),
    ("La tablette de travail doit être achetée à notre service interne, au prix interne de 250 €.", "fee"),
    # a deposit to get a badge (« la remise du badge » is no discount)
    ("La remise des clés du véhicule est subordonnée au versement d'une caution de 200 €.", "fee"),
    # a refund promised only to some
    ("La formation est payante (800 €) ; elle n'est remboursée qu'aux salariés encore présents après un an.", "fee"),
])
def test_round10_fee_wordings_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Participation mutuelle (30 €) prélevée sur salaire.",
    "Titres-restaurant : part salariale (4,50 €) retenue sur salaire.",
    "Les cotisations sociales sont prélevées sur votre salaire.",
    "Loyer du logement de fonction (180 €) retenu sur salaire.",
    "Remise de 20 % sur nos produits pour les salariés.",
    "Accès gratuit au club de sport de l'entreprise.",
    "Une retenue de garantie de 5 % est appliquée sur les factures des sous-traitants.",
    "La formation CACES (900 €) vous est remboursée par l'entreprise.",
])
def test_round10_fee_look_alikes_stay_silent(text):
    got = found(text)
    assert not (TARGET & got.keys()), got


@pytest.mark.parametrize("text, category", [
    # sex: a preference put after the job, a voice, the recruit announced, a restriction before the feminine noun
    ("Nous cherchons un comptable, plutôt masculin, pour équilibrer l'équipe.", "sex"),
    ("Standard téléphonique : voix masculine souhaitée.", "sex"),
    ("L'équipe d'accueil est déjà mixte ; la personne recrutée sera donc un homme.", "sex"),
    ("Nous embauchons uniquement des caissières.", "sex"),
    ("Salon de l'auto : hôtesses de stand exclusivement.", "sex"),
    # origin: passports in the plural, « souche » without « de », profiles named by colour, the origin asked
    ("Pour ce poste de guichet, seuls les passeports européens sont acceptés.", "origin"),
    ("Souche bretonne exigée pour notre équipe de la crêperie.", "origin"),
    ("Nous évitons les candidats typés pour la clientèle de l'hôtel.", "origin"),
    ("Tu viens d'où ? Et tes parents sont de quel pays ?", "origin"),
    # language: « natifs anglophones »
    ("Seuls des natifs hispanophones seront reçus.", "language"),
    # appearance: a size range, a height in metres, looks said of the persons or judged, a look « x et y »
    ("Taille 34 à 38 maximum pour porter nos tenues.", "appearance"),
    ("Hôtes de salon : 1,78 m minimum.", "appearance"),
    ("Hôtesses canons pour notre stand du salon nautique.", "appearance"),
    ("Seuls les profils jugés séduisants par le jury seront rappelés.", "appearance"),
    ("Allure jeune et attrayante demandée pour le poste.", "appearance"),
    ("Chauves ou tatoués : profils non retenus.", "appearance"),
    # health and family: the question put straight
    ("Questionnaire : avez-vous des soucis de santé ? Suivez-vous un traitement ?", "health_disability"),
    ("Avez-vous des enfants à faire garder le soir ?", "family"),
    ("En cas de grossesse en cours de saison, il sera mis fin au contrat.", "family"),
    # sexual orientation and identity
    ("Profil : homme attiré par les femmes de préférence.", "sexual_orientation_identity"),
    ("Le genre ressenti doit être conforme à l'état civil.", "sexual_orientation_identity"),
    ("Aucun prénom d'usage accepté dans nos badges.", "sexual_orientation_identity"),
    ("Vous vivez en couple ? Avec un homme ou une femme ?", "sexual_orientation_identity"),
    # age: the retired shut out
    ("Préretraités et retraités s'abstenir.", "age"),
    # residence: districts, years of residence, the countryside, living outside, a bank account abroad
    ("Domicile dans le 6e ou le 7e arrondissement apprécié pour ce poste.", "residence"),
    ("Habiter la commune depuis au moins trois ans est une condition.", "residence"),
    ("Candidats résidant en milieu rural : non retenus.", "residence"),
    ("Aucun candidat habitant hors du département.", "residence"),
    ("Compte bancaire ouvert dans une banque en ligne : candidatures refusées.", "residence"),
])
def test_round10_discrimination_wordings_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Chorale cherche voix féminine de préférence pour le pupitre des sopranos.",
    "Rayon prêt-à-porter exclusivement féminin : vendeur ou vendeuse H/F.",
    "Animatrices et animateurs pour les mercredis.",
    "Type de poste : CDI à temps plein.",
    "Tout type de profil accepté, débutants bienvenus.",
    "Vous venez d'où pour l'entretien ? Pensez à réserver votre train.",
    "Cumul emploi-retraite possible : retraités bienvenus.",
    "Sans transition, passons aux missions du poste.",
    "Agence située dans le 8e arrondissement, métro Miromesnil.",
    "Installée depuis 10 ans à Nantes, notre agence recrute un comptable H/F.",
])
def test_round10_discrimination_look_alikes_stay_silent(text):
    got = found(text)
    assert not (TARGET & got.keys()), got
