"""Rules 1.10: the mechanisms added after reading the heldout11 and heldout12 errors, each checked on wordings written
for these tests (none comes from an evaluation set) and on lawful look-alikes that must stay silent.

Residence: « ne … personne de », « non prioritaire » and « priorité absolue aux » as cues; living in a priority
neighbourhood (QPV) named to exclude; a label long before its verdict (« … : nous ne donnerons pas suite »); a cue that
starts within reach counts whole; places of work (« notre résidence », a camping where one works), a couple and
foreign countries are no place of residence. Pay: no fixed pay at all (« pas un euro de fixe », « Fixe : 0 € »), a
rate per item and nothing else, « de ce que tu vends », a week's pay as days × hours, an evening or a shift paid a
lump sum with its hours, an allowance for « un plein temps », « Tarif : N € de l'heure ». Fees: « rien à acheter »,
« ne coûte rien ». Sex: « 100 % entre filles », « sexe masculin » as a list item, a bulleted profile, a job said
« trop risqué pour » a group. Appearance: « physique atypique » excluded, « corps athlétique », « look BCBG »,
« la gueule de l'emploi », a height with its bound, « zéro tatouage », « carrure imposante », healthy teeth and a
perfect smile. Origin: a colour of skin preferred, « quelqu'un de la même communauté », a passport of one
nationality, people from a region of the world; a lawful context set aside by « même titulaires de ». Questions:
familiar imperatives (« dis-nous si », « précise ta ») and a field « à renseigner ». Fees: « à ta charge »,
« ni … à payer ». Health: « à l'accueil du musée » is a desk, not a public; « besoin » holds no « soin ». Gender
identity: the sex or gender of birth or of the identity papers as the norm; « centre » alone is no lawful context.
"""

from __future__ import annotations

import pytest

from .helpers import TARGET
from .helpers import found_in_2026 as found


@pytest.mark.parametrize("text, category", [
    # residence
    ("Entreprise de nettoyage : nous n'embauchons personne du Val-d'Oise.", "residence"),
    ("Habitants en QPV : profils non prioritaires pour ce poste.", "residence"),
    ("Vous habitez en quartier prioritaire ? Le magasin ne vous retiendra pas.", "residence"),
    ("Priorité absolue aux candidats ayant une adresse dans le 16e arrondissement.", "residence"),
    ("Candidats domiciliés à Vénissieux, à Bron, à Saint-Priest ou dans les villes voisines : nous ne donnerons "
     "pas suite.", "residence"),
    ("Une adresse en foyer d'hébergement rend le dossier irrecevable.", "residence"),
    # pay
    ("Pas un centime de fixe, tu vis de tes commissions.", "pay"),
    ("Salaire fixe : 0 euro, tout se joue sur la prime de vente.", "pay"),
    ("Payé 100 % de vos ventes, sans autre rémunération.", "pay"),
    ("Tri de linge payé 0,80 € le sac, rien d'autre.", "pay"),
    ("Emballage rémunéré 2 € par carton, pas de taux horaire.", "pay"),
    ("Vous gagnez 20 % de ce que vous vendez, c'est tout.", "pay"),
    ("Vendeur sur salon : uniquement à la commission.", "pay"),
    ("Saisonnier agricole : 350 € par semaine pour 6 jours de 9 heures.", "pay"),
    ("Vacation de nuit de 10 h payée 80 €.", "pay"),
    ("Forfait de 40 € la soirée, de 19 h à 1 h.", "pay"),
    ("Indemnité de 600 € par mois pour un plein temps en boutique.", "pay"),
    ("Tarif : 7,50 € de l'heure pour le baby-sitting à temps plein.", "pay"),
    # sex
    ("Boutique de lingerie : 100 % entre femmes, rejoins l'équipe !", "sex"),
    ("Permis B, disponibilité le samedi, sexe féminin", "sex"),
    ("Profil recherché :\n- Homme de 30 à 45 ans\n- Permis C", "sex"),
    ("Les chantiers en hauteur sont trop dangereux pour les femmes.", "sex"),
    # appearance
    ("Hôtesse d'accueil H/F : les candidats au physique ingrat ne seront pas reçus.", "appearance"),
    ("Animateur fitness : corps musclé exigé.", "appearance"),
    ("Vendeur H/F : look tendance exigé pour la boutique.", "appearance"),
    ("Barman H/F avec la tête de l'emploi.", "appearance"),
    ("Portier H/F : 1m85 minimum.", "appearance"),
    ("Serveur H/F : zéro piercing et zéro tatouage.", "appearance"),
    ("Videur H/F, carrure impressionnante exigée.", "appearance"),
    ("Réceptionniste H/F : dentition saine et sourire éclatant.", "appearance"),
    # origin
    ("Animateur H/F, idéalement blanc, pour le centre de vacances.", "origin"),
    ("L'équipe est turque, nous voulons un profil de la même origine.", "origin"),
    ("Passeport européen exigé pour ce poste de cariste.", "origin"),
    ("Les candidats d'Asie ne seront pas retenus.", "origin"),
    ("Pas de ressortissants étrangers, même munis d'une autorisation de travail.", "origin"),
    # fees put familiarly; health: a desk is no public served, « besoin » is no care
    ("La formation sécurité (90 €) reste à ta charge.", "fee"),
    ("Les candidats aveugles ou malvoyants ne peuvent pas postuler à l'accueil de la mairie.", "health_disability"),
    ("Besoin d'un magasinier sans problème de santé.", "health_disability"),
    # gender identity: the sex of birth or of the papers as the norm
    ("Prénom et tenue conformes au sexe de naissance exigés.", "sexual_orientation_identity"),
    ("Vos collègues doivent travailler sous le genre inscrit à leur naissance.", "sexual_orientation_identity"),
    ("Si votre genre n'est pas celui de votre pièce d'identité, inutile de postuler.", "sexual_orientation_identity"),
    ("Au centre de loisirs, une animatrice trans ne serait pas acceptée.", "sexual_orientation_identity"),
    # questions put familiarly, a field to fill in
    ("Dis-nous si tu es encarté dans un parti.", "opinions"),
    ("Précise ta religion dans ton message.", "religion"),
    ("Identité de genre à préciser sur la fiche de candidature.", "sexual_orientation_identity"),
])
def test_new_wordings_are_found(text, category):
    assert category in found(text), found(text)


@pytest.mark.parametrize("text", [
    # residence: the workplace, a couple, a foreign country, positive action
    "Camping en bord de mer recrute des animateurs pour la saison au camping, que des profils motivés.",
    "Animateurs logés au camping pendant la saison.",
    "Pour le club enfants de notre résidence à Biarritz, nous recherchons des animateurs H/F.",
    "Les candidats habitant en QPV sont prioritaires (emplois francs).",
    "Vous vivez en quartier prioritaire ? Ce poste en emploi franc est fait pour vous.",
    # pay: a fixed pay stated, the rate of a service, a meal's price
    "Salaire fixe de 2 100 € brut + commissions.",
    "Tarif de la séance de coaching : 60 € de l'heure, facturé au client.",
    "Vacation de 10 h payée 140 €.",
    "700 € par semaine pour 5 jours de 7 heures.",
    "Repas à 4 € par jour, c'est tout.",
    # fees: nothing to buy
    "Blouses fournies par l'hôtel, vous n'avez rien à acheter.",
    "Postuler ne vous coûte rien : ni dossier, ni inscription.",
    "Récolte de fraises : 0,45 € le kilo de fraises en plus du SMIC horaire.",
    # sex: a pair, the list of choices
    "Profil recherché :\n- Homme ou femme\n- Permis B",
    "Ce poste est trop exigeant pour être pris à la légère.",
    # appearance: objects and premises
    "Zéro accident depuis deux ans sur le site.",
    "Look de la boutique entièrement rénové.",
    # origin: clothes, a passport for travelling, a public served
    "Tenue : pantalon de préférence noir.",
    "Passeport français ou titre de séjour valide obligatoire.",
    "Passeport européen exigé pour les missions à l'étranger.",
    "Vous accompagnerez des ressortissants étrangers titulaires d'un titre de séjour.",
    "Nous travaillons avec des fournisseurs d'Asie et d'Afrique.",
    # fees: nothing asked now or ever; the public served
    "Ni inscription ni dossier à payer : envoyez simplement votre CV.",
    "Accueil des personnes sourdes et malentendantes au guichet.",
    # questions about the job, not the person
    "Indique ton numéro de téléphone et tes disponibilités.",
    "Horaires à préciser avec le responsable de secteur.",
    # family: an English name of a place
    "Kids club animator for our hotel in Guadeloupe.",
])
def test_lawful_look_alikes_stay_silent(text):
    got = found(text)
    assert not (TARGET & got.keys()), got


@pytest.mark.parametrize("text, category", [
    # a foreign country is an origin, a couple a family or orientation matter: the residence detector stays out
    ("Candidatures de personnes originaires de pays hors Union européenne non étudiées.", "residence"),
    ("Les candidats vivant en couple non marié ne sont pas retenus.", "residence"),
])
def test_the_category_next_door_is_not_raised(text, category):
    assert category not in found(text), found(text)


def test_nothing_to_pay_now_is_no_cancel():
    # « rien à payer maintenant » defers a charge, it does not cancel it
    text = "Vous n'avez rien à payer maintenant, les 90 € du kit seront retenus sur votre premier salaire."
    assert "fee" in found(text), found(text)


def test_a_week_paid_for_days_times_hours_is_compared_by_the_hour():
    # 400 € for 6 × 10 h is 6,67 € an hour; the same week for 4 × 8 h is 12,50 € (above the SMIC)
    assert found("400 € par semaine pour 6 jours de 10 heures.").get("pay") == "block"
    assert "pay" not in found("400 € par semaine pour 4 jours de 8 heures.")


def test_a_colon_label_widens_the_reach_only_after_the_colon():
    # the verdict far after a long label is read; the same words with no colon, far apart, are not
    with_label = ("Candidats résidant dans les communes du plateau, des hameaux et du bourg voisin : nous ne "
                  "donnerons pas suite.")
    assert "residence" in found(with_label)
    without = ("Candidats résidant dans les communes du plateau, des hameaux et du bourg voisin, venez découvrir "
               "notre atelier, nous ne fermons pas en été.")
    assert "residence" not in found(without)
