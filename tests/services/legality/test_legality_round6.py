"""Rules 1.8: the mechanisms added after reading the heldout8 errors, each checked on wordings written for these
tests (none comes from an evaluation set) and on lawful look-alikes that must stay silent.

Language: a mother tongue required is reported as language as well as origin, « première langue » said of a person,
« interdiction » as an exclusion. Fees: an employer's payment or a reimbursement that is denied (« sans aucune prise
en charge ») or conditional (« remboursé au bout de six mois ») no longer cancels a fee, the purpose written before a
colon (« Pour … : versement de 60 € »), a welcome pack, a membership fee written as « label : sum », joining a file with
the verb (« Abonnez-vous … (9,90 € par mois) »), access to the recruiter's contact details; rent for housing kept from
the pay is no fee. Age: a bare range « 20/28 ans » followed by any word but « d'… / de … », the date at which the age is
measured (« à la date d'embauche »), place names with « Vieux- ». Sex: the person required (« exige un chauffeur
homme »). Family: « ne pas avoir d'enfants », familiar words for children. An exception to a lawful statement
(« indifférente, sauf … »). Appearance: inflected adjectives after « physique », « apparence séduisante »; « Poste
physique : » is no field of the person. Health: « jamais » alone as an exclusion. Residence: « vivant à … ». Opinions:
inclusive endings (« élu(e) municipal(e) »). Pay: a day « Journée de 9 heures » without an article, a task and its
length (« par intervention d'une heure et demie », « compter 1 h 30 par chambre »), a piece rate without a pay word,
an « aide à domicile » whose pay is no aid.
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
    # language (a mother tongue also counts as origin, checked below)
    ("Locutrice native d'allemand souhaitée pour notre service client.", "language"),
    ("L'italien doit être votre première langue.", "language"),
    ("Interdiction de parler turc entre collègues, sous peine de renvoi.", "language"),
    # fees
    ("Habilitation électrique à vos frais, non prise en charge par l'entreprise (300 €).", "fee"),
    ("Vous payez vous-même votre badge (40 €), remboursé au bout de six mois.", "fee"),
    ("Pour être présenté à nos entreprises partenaires et obtenir un entretien : versement de 60 €.", "fee"),
    ("Pack de démarrage imposé à 89 € (catalogue et échantillons).", "fee"),
    ("Adhésion annuelle à notre coopérative de vendeurs indépendants : 120 €, payable à l'entrée.", "fee"),
    ("Abonnez-vous à notre service d'alertes emploi (9,90 € par mois).", "fee"),
    ("Accès au numéro du recruteur : 15 €.", "fee"),
    # age, sex, family
    ("Profil : 20/28 ans disponible de suite.", "age"),
    ("Être âgé de moins de 26 ans à l'entrée en poste.", "age"),
    ("La direction exige une secrétaire femme.", "sex"),
    ("Ne pas avoir d'enfants en bas âge.", "family"),
    ("Pas de mômes, horaires de nuit.", "family"),
    # an exception to a statement that no criterion applies
    ("Nationalité indifférente, excepté les ressortissants turcs.", "origin"),
    # appearance, health, residence, opinions
    ("Apparence agréable exigée.", "appearance"),
    ("Physique attrayante pour ce poste de représentation.", "appearance"),
    ("Jamais d'arrêt maladie, c'est une condition.", "health_disability"),
    ("Candidats vivant à Roubaix uniquement.", "residence"),
    ("Délégué(e) syndical(e) : s'abstenir.", "opinions"),
    ("Ancienne élue municipale ? Votre candidature ne sera pas retenue.", "opinions"),
])
def test_new_wordings_are_found(text, category):
    assert category in found(text), found(text)


def test_a_mother_tongue_is_language_and_origin():
    got = found("Native German speaker required for our Munich desk.")
    assert {"language", "origin"} <= got.keys(), got


@pytest.mark.parametrize("text", [
    "Semaine de 35 heures payée 300 €.",
    "Repassage : 5 € par panier, compter 45 minutes par panier.",
    "Garde d'enfants : 10 € par soirée de 3 heures.",
    "Mise sous pli : 0,05 € l'enveloppe, 100 enveloppes à l'heure.",
    "Aide-ménagère : 8 € brut de l'heure.",
])
def test_pay_forms_below_the_smic(text):
    assert found(text).get("pay") in ("block", "review"), found(text)


@pytest.mark.parametrize("text", [
    "Semaine de 35 heures payée 500 €.",
    "Massage : 30 € la séance d'une heure.",
    "Repassage : 10 € par panier, compter 30 minutes par panier.",
    "Mise sous pli : 0,20 € l'enveloppe, 100 enveloppes à l'heure.",
    "Aide de 300 € pour le permis de conduire.",
])
def test_pay_above_the_smic_or_no_pay_stays_silent(text):
    assert "pay" not in found(text), found(text)


@pytest.mark.parametrize("text", [
    # lawful look-alikes: they must stay silent
    "Anglais en première langue au lycée, espagnol en seconde.",
    "La première langue de travail du service est l'anglais.",
    "Interdiction de fumer dans les locaux.",
    "Habilitation électrique à nos frais, prise en charge par l'entreprise (300 €).",
    "Vous avancez les frais de péage, remboursés chaque mois.",
    "Maîtrise du pack Office obligatoire, salaire 1 900 €.",
    "Adhésion à la mutuelle d'entreprise : 30 € par mois.",
    "Inscrivez-vous à notre job dating du 12 mars, poste à 1 900 € brut.",
    "Studio possible sur place, loyer de 250 € retenu sur la paie.",
    "Expérience de 20 à 25 ans de métier appréciée.",
    "Le client exige un chauffeur titulaire du permis C.",
    "Nationalité indifférente.",
    "En apprentissage, la loi impose d'avoir 29 ans au plus à la signature, sauf reconnaissance de handicap.",
    "Poste physique : port de charges de 20 kg.",
    "Le handicap n'est jamais un frein chez nous.",
    "Vous accompagnez des personnes vivant à domicile.",
    "Vous travaillerez avec les élu(e)s du CSE.",
])
def test_lawful_look_alikes_stay_silent(text):
    got = found(text)
    assert not ({"language", "origin", "fee", "age", "sex", "family", "appearance", "health_disability",
                 "residence", "opinions"} & got.keys()), got


def test_the_look_of_things_is_at_most_a_presentation_advice():
    # « apparence agréable » of the shelves: no criterion (the presentation advice of rules 1.1 may remain)
    got = found("Vous veillez à l'apparence agréable des rayons.")
    assert got.get("appearance") in (None, "advise"), got
    assert found("Apparence agréable exigée.").get("appearance") == "block"


def test_place_names_with_vieux_in_a_title_are_no_age():
    offer = {"intitule": "Plongeur pour restaurant du Vieux-Lyon",
             "description": "Poste en CDI à temps plein, service du midi et du soir."}
    assert "age" not in check_offer(offer, as_of=D2025).categories
    offer["intitule"] = "Serveur, pas de vieux"
    assert "age" in check_offer(offer, as_of=D2025).categories
