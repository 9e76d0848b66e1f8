"""Rules 1.15: the causes read in heldout19 and heldout20 (development sets since their single measure), each checked
on wordings written for these tests (none comes from an evaluation set) and on lawful look-alikes that must stay
silent.

Lawful statements: a need denied right before the property (« pas besoin d'être … », « inutile d'avoir … »), even
where a bare negation would not cancel the match; a property said not to count (« aucune … demandée », « on s'en
fiche », « sans souci »), a group said to be welcome too (« … sont aussi les bienvenus »).
"""

from __future__ import annotations

import pytest

from .helpers import TARGET
from .helpers import found_in_2026 as found


@pytest.mark.parametrize("text", [
    "Boucherie casher : pas besoin d'être juif, le rabbin forme l'équipe à la préparation.",
    "Inutile d'être catholique pour tenir la librairie de la basilique, seul le conseil compte.",
    "Aucune religion exigée pour ce poste de vendeur en épicerie fine.",
    "Ton âge, on s'en fiche : viens avec ta motivation.",
    "Les candidats en situation de handicap peuvent postuler sans problème, l'atelier est de plain-pied.",
    "Les mamans solos sont aussi les bienvenues, les horaires suivent l'école.",
])
def test_round13_lawful_statements_stay_silent(text):
    assert not (set(found(text)) & TARGET), found(text)


@pytest.mark.parametrize("text, category", [
    ("Pas de candidats juifs, pas besoin d'en discuter.", "religion"),
    ("Pas de souci de santé toléré : aucun arrêt maladie accepté.", "health_disability"),
    ("Candidats musulmans non acceptés.", "religion"),
])
def test_round13_exclusions_next_to_a_denied_need_are_found(text, category):
    assert category in found(text), found(text)
