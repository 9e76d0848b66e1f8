"""Business rules of occupation coding: when to answer, when to abstain, what rules-only mode does.

Every rule is published (card, register) with its parameters. A prediction is not a decision:
the coded occupation is a proposal that a counsellor, a recruiter or a jobseeker confirms.
"""

from __future__ import annotations

import unicodedata

from tremplin.governance.contract import Rule, RuleSet

SERVICE = "rome_coding"

# Default abstention threshold on the calibrated confidence of the best parent fiche.
# Looked at on the training split of real offers only: at 0.5 the service answers about
# three titles in four and is right about four times in five when it answers; a caller that
# needs nine in ten sets about 0.93 and answers fewer than half (docs/quality.md).
DEFAULT_THRESHOLD = 0.5
MAX_TITLE_CHARS = 2_000
MAX_DESCRIPTION_CHARS = 50_000
DESCRIPTION_USED_CHARS = 20_000
MIN_LATIN_SHARE = 0.5

R_EMPTY = Rule(
    id="RC01",
    title="Pas de proposition sans intitulé",
    source="politique interne Tremplin (qualité des données)",
    action="abstain",
    description="Un intitulé vide, ou qui ne contient aucune lettre, ne permet pas de proposer un métier : "
    "le service répond « non déterminé ».",
    severity="info",
)
R_SCRIPT = Rule(
    id="RC02",
    title="Texte dans une autre écriture",
    source="politique interne Tremplin (périmètre : ROME, référentiel en français)",
    action="abstain",
    description="Si moins de la moitié des lettres de l'intitulé sont latines (arabe, cyrillique, chinois…), "
    "le service ne propose rien : le ROME est rédigé en français.",
    parameters={"part_minimale_lettres_latines": MIN_LATIN_SHARE},
    severity="info",
)
R_NO_TERM = Rule(
    id="RC03",
    title="Aucun terme de métier reconnu",
    source="politique interne Tremplin (qualité des données)",
    action="abstain",
    description="Si, après normalisation (genre, mentions H/F, contrat, ancienneté), aucun mot de l'intitulé "
    "n'est connu du ROME, même à une faute de frappe près, le service répond « non déterminé ».",
    severity="info",
)
R_THRESHOLD = Rule(
    id="RC04",
    title="Abstention sous le seuil de confiance",
    source="politique interne Tremplin (supervision humaine, AI Act art. 14)",
    action="abstain",
    description="Quand la confiance calibrée de la meilleure fiche ROME est sous le seuil, la proposition est "
    "marquée « non déterminé » : les candidats restent affichés pour qu'une personne choisisse. "
    "L'appelant peut fixer un autre seuil.",
    parameters={"seuil_par_defaut": DEFAULT_THRESHOLD},
)
R_LENGTH = Rule(
    id="RC05",
    title="Taille maximale des textes",
    source="politique interne Tremplin (sécurité, disponibilité)",
    action="reject",
    description=f"Un intitulé de plus de {MAX_TITLE_CHARS} caractères ou une description de plus de "
    f"{MAX_DESCRIPTION_CHARS} caractères est refusé avec un message clair ; seuls les "
    f"{DESCRIPTION_USED_CHARS} premiers caractères d'une description sont lus.",
    parameters={"intitule_max": MAX_TITLE_CHARS, "description_max": MAX_DESCRIPTION_CHARS},
    severity="blocking",
)
R_RULES_ONLY = Rule(
    id="RC06",
    title="Mode règles seules : correspondance exacte avec une appellation",
    source="politique interne Tremplin (interrupteur de supervision)",
    action="order",
    description="Quand un administrateur suspend le modèle, seul un intitulé identique (après normalisation) à "
    "une appellation du ROME reçoit une proposition, avec la confiance 1 ; sinon « non déterminé ».",
    severity="info",
)

RULESET = RuleSet(service=SERVICE, rules=[R_EMPTY, R_SCRIPT, R_NO_TERM, R_THRESHOLD, R_LENGTH, R_RULES_ONLY])


def latin_share(text: str) -> float:
    """Share of letters that are Latin (with or without accents); 1.0 when there are no letters."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
