"""Rules 1.11: the causes left after round 1.10 (heldout11 and heldout12 read as development sets), each checked on
wordings written for these tests (none comes from an evaluation set) and on lawful look-alikes that must stay silent.

Residence: a named neighbourhood, quarter or town with a verdict on the people who come from it; « obligation de
résider dans un rayon de … » without a reason of service (an on-call duty with a time to arrive is one). Fees: a
deduction from pay for a uniform stays a fee in a hotel; only the hotel as a stay paid for the worker is lawful. Sex:
an epicene job noun made feminine by its article (« une secrétaire »), « besoin d'une vendeuse ». Age: « - de 28 ans »
after « débutant », a decade of birth. False alarms removed: « Sexe : masculin ou féminin », heights of premises or
things, the reception of trans people as a public served. Quotes around a word inside a criterion are read through
(« pas de « seniors » »). A language spoken from birth is a mother tongue. A ministry of worship (chaplain, priest,
imam) and a political organisation hiring for its own cause may require the faith or the programme; knowledge of the
trade-union world is a skill. Age: « 18-25 ans de préférence », « (pas plus de 30 ans) » after a trade. Questions put
familiarly (« si tu as des soucis de santé », « si tu as des enfants »). Fees: a charge « par prélèvement / déduction
sur salaire », a worker who « rembourse » the training pays it. « Ça ne nous regarde pas » states that no criterion
applies; time off arranged for religious holidays is a benefit. An HIV test result asked of the candidate is a health criterion.
"""

from __future__ import annotations

import pytest

from .helpers import TARGET
from .helpers import found_in_2026 as found


@pytest.mark.parametrize("text, category", [
    # residence: a named place and a verdict on its people
    ("Les jeunes de Bellefontaine ne seront pas retenus pour ce poste.", "residence"),
    ("Vous venez des Tarterêts ? Inutile de postuler chez nous.", "residence"),
    ("Ceux qui habitent de Planoise à Montrapon : passez votre chemin.", "residence"),
    ("Personnes venant du Val Fourré : candidatures non retenues.", "residence"),
    ("Les habitants des Pâquis ne sont pas acceptés.", "residence"),
    # residence: an obligation to live near, no reason of service
    ("Obligation de résider dans un rayon de 12 km autour de l'entrepôt.", "residence"),
    ("Obligation d'habiter à moins de 8 km de l'agence.", "residence"),
    # fees: a deduction from pay for the worker's equipment, the hotel being only the employer
    ("La tenue de l'hôtel (75 €) sera retenue sur votre première paie.", "fee"),
    ("Hôtel-restaurant : le jeu de couteaux (60 €) est retenu sur salaire.", "fee"),
    # sex: the feminine by its article, running text
    ("Le cabinet d'architectes recrute une secrétaire pour l'accueil.", "sex"),
    ("Nous avons besoin d'une vendeuse pour les samedis.", "sex"),
    ("Garage cherche une standardiste à mi-temps.", "sex"),
    # age: a minus sign for « moins », a decade of birth
    ("Débutant ok si - de 27 ans", "age"),
    ("Profils nés dans les années 80 uniquement.", "age"),
    ("Idéalement née dans les années 2000 pour coller à notre clientèle.", "age"),
    # quotes inside the criterion no longer break it
    ("Agent de tri : pas de « seniors » dans l'équipe.", "age"),
    ("Maîtrise de l'anglais « de naissance » exigée pour le standard.", "language"),
    ("Caristes « de souche » uniquement.", "origin"),
    # a language spoken from birth is a mother tongue
    ("Serveur H/F : vous devez parler l'italien depuis le berceau.", "language"),
    ("Seules les personnes ayant grandi en parlant allemand seront reçues.", "language"),
    # age: « N-M ans de préférence » is an age, not « N ans de métier »; a bound in brackets after a trade
    ("Cherche jeune pour la cueillette, 17-24 ans de préférence.", "age"),
    ("Recherche couvreur zingueur (pas plus de 35 ans) pour chantier.", "age"),
    # questions put familiarly about health and children
    ("Merci de nous dire si tu as des problèmes de santé.", "health_disability"),
    ("Précise-nous tes éventuels soucis de santé.", "health_disability"),
    ("Indique dans ta candidature si tu as des enfants.", "family"),
    # fees: a charge taken from pay, the worker paying back
    ("Les livreurs paient leur gilet (45 €) par prélèvement sur salaire.", "fee"),
    ("Les saisonniers remboursent la formation sécurité (120 €) par déduction sur la paie.", "fee"),
    # an HIV test result asked of the candidate
    ("Préparateur de commandes : test de dépistage du sida négatif exigé.", "health_disability"),
    ("Résultat de test VIH à fournir avec le CV.", "health_disability"),
])
def test_round9_wordings_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    # residence: an on-call duty with a time to arrive, places of work, a town named without a verdict
    "Astreinte de nuit : obligation de résider dans un rayon de 25 km pour intervenir en moins de 30 minutes.",
    "Candidats de Nantes et sa région : nous ne prenons pas en charge les frais de déplacement.",
    "Les candidats de BTS Commerce ne sont pas retenus sans stage validé.",
    "Candidats de Pôle emploi bienvenus pour ce poste.",
    # fees: the hotel as a stay paid for the worker
    "Déplacements fréquents : nuits d'hôtel et repas pris en charge par l'entreprise.",
    "Vous avancez vos frais d' hôtel, remboursés sur note de frais.",
    # sex: epicene nouns without a feminine article, inclusive pairs, a grammatically feminine noun
    "Recrute un(e) secrétaire médical(e).",
    "Recrute une secrétaire ou un secrétaire pour le standard.",
    "Recrute une secrétaire médicale H/F.",
    "Famille cherche une nounou de confiance pour deux enfants.",
    "Besoin d'une personne motivée pour la plonge.",
    # age: a company born in a decade, experience in years
    "Notre maison, née dans les années 80, recrute un boulanger.",
    "Débutant accepté, l'atelier forme depuis 10 ans.",
    # false alarms: an open choice of sex, heights of premises or things, trans people as a public served
    "Sexe : masculin ou féminin",
    "Sexe : H/F",
    "Réserve avec une hauteur sous plafond de 1m80 maximum.",
    "Porte d'accès au local : 1m80 minimum.",
    "Passage de 1m80 minimum entre les rayonnages.",
    "L'association assure l'accueil des personnes trans et de leurs proches.",
    # quotes around a name are left alone
    "L'hôtel « Les Tilleuls » recrute un réceptionniste H/F.",
    # a ministry of worship: the faith is the job
    "Aumônier protestant (H/F) pour la maison d'arrêt : l'appartenance à l'Église est requise par la mission.",
    "La clinique recrute un(e) aumônier(ère) israélite : reconnaissance par le consistoire et connaissance du culte "
    "requises.",
    # a political organisation hiring for its own cause; knowledge of a field
    "Chargé(e) de mission pour un parti politique : adhérer au programme du parti est une condition du poste.",
    "Juriste pour une fédération syndicale : la connaissance du milieu syndical est un plus.",
    # age: years of experience preferred
    "Expérience de 5 ans de préférence sur un poste similaire.",
    "Nos bâtiments de plus de 30 ans sont en cours de rénovation.",
    # fees: lawful deductions and refunds
    "Participation mutuelle (32 €) par prélèvement sur salaire.",
    "Titres-restaurant : part salariale (4 €) par prélèvement sur salaire.",
    "La formation CACES (900 €) vous est remboursée par l'entreprise.",
    "Nous vous remboursons la formation (300 €) dès la première paie.",
    # statements that a property is none of the employer's business; religious holidays arranged
    "Religion, orientation sexuelle : cela ne nous regarde pas, on évalue les compétences.",
    "Horaires adaptables pendant les fêtes religieuses, sur simple demande.",
    # HIV testing as the job, care staff's immunisation
    "Technicien de laboratoire H/F : réaliser des tests VIH et transmettre les résultats aux médecins.",
    "Infirmier H/F en CeGIDD : dépistage VIH, résultats négatifs à remettre aux patients.",
    "Aide-soignant H/F : vaccination contre l'hépatite B obligatoire (article L3111-4).",
])
def test_round9_lawful_look_alikes_stay_silent(text):
    got = found(text)
    assert not (TARGET & got.keys()), got


@pytest.mark.parametrize("text, category", [
    # the look-alikes above must not blind the detectors to the real criterion next door
    ("Sexe : masculin", "sex"),
    ("Vendeur : 1m80 minimum exigé.", "appearance"),
    ("Pas de personnes trans dans l'équipe.", "sexual_orientation_identity"),
    ("Comptable : religion catholique exigée.", "religion"),
    ("Aumônerie de l'hôpital, agent d'accueil H/F : pas de musulmans.", "religion"),
    ("Magasinier : adhérer au programme du parti est une exigence.", "opinions"),
    ("Pas de congés pour les fêtes religieuses, les pratiquants s'abstenir.", "religion"),
    # « ne nous intéresse pas », « ne vous concerne pas » exclude: only « ne nous regarde pas » states indifference
    ("Militants syndicaux : votre candidature ne nous intéresse pas.", "opinions"),
    ("Vous êtes encarté dans un parti ? Cette offre ne vous concerne pas.", "opinions"),
])
def test_round9_the_criterion_next_to_a_look_alike_is_still_found(text, category):
    assert category in found(text), found(text)
