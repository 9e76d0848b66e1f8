"""Business rules of CV analysis: what the extracted profile may contain and how it is proposed.

Each rule names its source. Thresholds are parameters of the rules, published with them.
"""

from __future__ import annotations

from tremplin.governance.contract import Rule, RuleSet

REVIEW_THRESHOLD = 0.6  # fields below this confidence are marked « à vérifier »
SKILL_LINK_THRESHOLD = 0.55  # character n-gram cosine needed to link a written skill to a ROME competence
ROME_MIN_CONFIDENCE = 0.25  # below, the occupation is « non déterminé » (the coder may abstain earlier)

RULES = RuleSet(
    service="cv_analysis",
    rules=[
        Rule(
            id="CV01",
            title="Caractéristiques protégées signalées, masquées et jamais utilisées",
            source="Code du travail (principe de non-discrimination) ; RGPD art. 9",
            articles=["L1132-1", "L1221-6"],
            action="flag",
            severity="blocking",
            description=(
                "Date de naissance, âge, nationalité, lieu de naissance, situation de famille, civilité, santé ou "
                "handicap, religion ou opinions, numéro de sécurité sociale : s'ils figurent dans le CV, ils sont "
                "signalés, la ligne est masquée dans le texte conservé et aucune valeur n'en est extraite. Rien "
                "n'est déduit du nom, de la photo ou des langues."
            ),
        ),
        Rule(
            id="CV02",
            title="Photo non analysée",
            source="Code du travail (non-discrimination) ; RGPD art. 9 (données biométriques)",
            articles=["L1132-1"],
            action="flag",
            description="Une image qui peut être une photo est signalée ; elle n'est ni conservée ni analysée.",
        ),
        Rule(
            id="CV03",
            title="Identité et coordonnées tenues à part",
            source="RGPD art. 5.1.c (minimisation) et art. 25 (protection dès la conception)",
            action="filter",
            description=(
                "Nom, adresse, téléphone, e-mail et liens sont rangés à part du profil professionnel ; le journal "
                "ne garde que le profil professionnel et une empreinte du document, jamais le CV ni les coordonnées."
            ),
        ),
        Rule(
            id="CV04",
            title="Champs peu sûrs à vérifier",
            source="Politique interne Tremplin : l'humain au centre (charte éthique)",
            action="require_review",
            parameters={"threshold": REVIEW_THRESHOLD},
            description=(
                "Tout champ extrait avec une confiance inférieure au seuil est marqué « à vérifier » pour le "
                "demandeur d'emploi et son conseiller, qui corrigent le profil."
            ),
        ),
        Rule(
            id="CV05",
            title="Code ROME proposé seulement au-dessus d'un seuil",
            source="Politique interne Tremplin ; service de codage des métiers (ROME 4.0)",
            action="filter",
            parameters={"min_confidence": ROME_MIN_CONFIDENCE},
            description=(
                "Chaque expérience et le poste visé reçoivent des codes ROME candidats ; sous le seuil de confiance, "
                "le métier est « non déterminé » et c'est à la personne de le choisir."
            ),
        ),
        Rule(
            id="CV06",
            title="Compétences rattachées au ROME seulement quand le libellé est proche",
            source="Politique interne Tremplin ; ROME 4.0 (compétences et savoirs)",
            action="filter",
            parameters={"min_similarity": SKILL_LINK_THRESHOLD},
            description=(
                "Une compétence écrite est rattachée à une compétence ou un savoir du ROME quand leurs libellés sont "
                "assez proches ; sinon elle reste telle qu'écrite."
            ),
        ),
        Rule(
            id="CV07",
            title="Le profil est une proposition corrigée par la personne",
            source="Charte éthique (l'humain au centre, liberté de choix) ; RGPD art. 16 (rectification)",
            action="require_review",
            description=(
                "Le profil extrait n'est jamais un jugement sur la personne : le demandeur d'emploi ou son conseiller "
                "le corrige ; chaque correction est une décision journalisée, avec son motif."
            ),
        ),
    ],
)
