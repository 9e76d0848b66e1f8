"""The service card of job matching (register, model card, technical documentation)."""

from __future__ import annotations

from datetime import date

from tremplin.governance.contract import (
    AIActClassification,
    DataSource,
    ImpactAssessment,
    ModelInfo,
    Parameter,
    Risk,
    ServiceCard,
)

from .model import MODEL_VERSION
from .rules import RULESET

CARD = ServiceCard(
    name="matching",
    title="Rapprochement des offres et des candidats",
    version=MODEL_VERSION,
    short_description=(
        "Propose à chaque demandeur d'emploi les offres qui lui correspondent le mieux, et à un conseiller une "
        "liste de candidats pour une offre, en expliquant chaque suggestion et en évitant que tout le monde soit "
        "orienté vers les mêmes offres. La personne choisit ; rien n'est envoyé sans elle."
    ),
    purpose=(
        "Aider les demandeurs d'emploi à trouver des offres auxquelles ils ont envie et des chances de répondre, "
        "et les conseillers à présenter des candidats aux recruteurs, sans concentrer les candidatures sur "
        "quelques offres (accompagnement vers l'emploi et mise en relation)."
    ),
    legal_basis=[
        "Code du travail, art. L5312-1 (missions de l'opérateur France Travail : mise en relation entre les offres "
        "et les demandes d'emploi) ; art. L5411-6-1 (projet personnalisé d'accès à l'emploi : métiers, zone "
        "géographique, salaire attendu)",
        "RGPD, art. 6(1)(e) (mission d'intérêt public) ; art. 22 (aucune décision fondée exclusivement sur un "
        "traitement automatisé)",
    ],
    intended_users=["demandeurs d'emploi", "conseillers", "recruteurs (par l'intermédiaire d'un conseiller)"],
    persons_concerned=["demandeurs d'emploi (suggestions d'offres, présélections pour des offres)",
                       "employeurs (visibilité de leurs offres)"],
    decision_support=(
        "Le service propose des offres classées (ou des candidats) avec leurs raisons ; la personne décide de "
        "postuler, le conseiller décide de présenter un candidat. Les critères de la personne sont respectés à la "
        "lettre ; « pas intéressé », les ajouts et retraits du conseiller sont pris en compte et journalisés."
    ),
    ai_act=AIActClassification(
        annex_iii_point="4(a)",
        high_risk=True,
        profiling=True,
        art_6_3_assessment=(
            "La dérogation de l'art. 6(3) ne s'applique pas : le système classe des candidatures et des offres "
            "pour l'accès à l'emploi (annexe III, point 4(a)) et établit un profil des personnes."
        ),
        reasoning=(
            "Système d'IA utilisé pour cibler des offres d'emploi et filtrer ou évaluer des candidats : annexe III "
            "4(a). Haut risque : gestion des risques, données d'entraînement examinées pour les biais (correction "
            "à l'entraînement, audits par groupe), journalisation, contrôle humain, transparence (raisons par "
            "suggestion), exactitude mesurée."
        ),
    ),
    risk_class="high",
    status="en développement",
    data=[
        DataSource(name="profils des demandeurs d'emploi",
                   description="métiers recherchés et exercés, compétences, commune, rayon de mobilité, contrats, "
                               "temps de travail, salaire souhaité, diplôme, permis",
                   source="dossiers du service public de l'emploi (tables documentées, docs/matching.md)",
                   personal_data=True, used_for="inference"),
        DataSource(name="offres d'emploi",
                   description="métier ROME, lieu, contrat, durée, salaire, exigences, compétences, postes",
                   source="offres publiées (format Offres d'emploi v2 de France Travail)", used_for="inference"),
        DataSource(name="historique des candidatures et des embauches",
                   source="service public de l'emploi ; territoire simulé pour la démonstration",
                   personal_data=True, used_for="training"),
        DataSource(name="attributs protégés (sexe, âge, RQTH, nationalité, QPV)",
                   description="jamais variables du modèle : correction des biais à l'entraînement et audits seulement",
                   source="coffre d'audit, accès tracé (AI Act art. 10(5))", personal_data=True, special_category=True,
                   used_for="audit"),
        DataSource(name="ROME 4.0 (métiers, fiches, mobilités, compétences) et géographie",
                   source="France Travail (Licence Ouverte) ; INSEE, La Poste (communes)", used_for="rules"),
    ],
    model=ModelInfo(
        type="LightGBM à deux têtes (envie de postuler × chances d'embauche) et transport optimal entropique",
        version=MODEL_VERSION,
        description=(
            "Étape 1 : offres candidates par proximité de métier ROME (même code, même fiche, mobilité, "
            "compétences), distance et critères de la personne. Étape 2 : deux modèles de gradient boosting sur "
            "21 variables de la paire (aucune variable protégée) ; score = 0,5 × log P(candidature) + "
            "0,5 × log P(embauche | candidature). Étape 3 : répartition des recommandations sur l'ensemble du "
            "marché par transport optimal entropique non équilibré (algorithme de Sinkhorn sur les paires "
            "candidates), capacité des offres proportionnelle au nombre de postes."
        ),
        optimises_for=(
            "rappel des embauches parmi les 10 premières suggestions, sous contrainte de répartition de "
            "l'exposition entre offres (indice de Gini) et de parité de rappel entre groupes"
        ),
        training_data="candidatures et embauches passées (découpage temporel), tables documentées dans docs/matching.md",
    ),
    parameters=[
        Parameter(name="proximité du métier", description="même métier recherché, même fiche ROME, mobilité "
                  "professionnelle, compétences communes", weight="fort"),
        Parameter(name="distance domicile-travail rapportée au rayon de mobilité", weight="fort"),
        Parameter(name="expérience dans le métier et compétences détenues", weight="fort pour les chances d'embauche"),
        Parameter(name="contrat, temps de travail, salaire par rapport aux souhaits", weight="moyen"),
        Parameter(name="diplôme, expérience et permis exigés", weight="moyen"),
        Parameter(name="répartition entre offres (étape 3)", description="une offre très exposée recule, une offre "
                  "peu vue avance", weight="réglable (paramètre « strength »)"),
        Parameter(name="critères de la personne, « pas intéressé », choix du conseiller",
                  description="règles strictes ou prioritaires", weight="décisif"),
    ],
    operations=[
        "lecture du profil, des critères et des retours de la personne ; offres ouvertes du marché",
        "étape 1 : offres candidates par métier (ROME), distance et critères",
        "étape 2 : note de chaque paire par les deux modèles et combinaison",
        "étape 3 : prix de congestion de chaque offre sur l'ensemble du marché (transport optimal)",
        "règles : critères stricts, « pas intéressé », ajouts et retraits du conseiller",
        "explication de chaque suggestion par les contributions des variables",
        "journalisation de chaque suggestion ; décision de la personne ou du conseiller",
    ],
    metrics_source="tremplin evaluate matching (territoire SIMULÉ ; voir docs/quality.md, section Job matching)",
    known_limits=[
        "Les chiffres de qualité sont mesurés sur un territoire simulé : ils montrent le comportement de la méthode, "
        "pas sa qualité sur le marché réel.",
        "Les attributs protégés servent à corriger les biais des embauches passées ; sans cette table, la correction "
        "n'est pas faite (le modèle le dit dans son rapport d'entraînement).",
        "La durée de chômage n'est pas une variable : les présélections diffèrent de ce que feraient des employeurs "
        "qui en tiennent compte (voulu : règle M09).",
        "Les prix de congestion sont calculés pour le marché entier et mis en cache ; ils ne suivent pas chaque "
        "nouvelle offre en temps réel (recalcul par « tremplin match batch »).",
        "Une offre sans lieu de travail est proposée sans distance, jamais à qui a fixé une distance maximale.",
    ],
    human_oversight=[
        "chaque suggestion est une proposition journalisée ; la personne accepte, refuse (« pas intéressé ») ou "
        "le conseiller ajoute et retire des offres, avec motif",
        "interrupteur administrateur : arrêt, ou règles seules (tri par métier puis distance)",
        "audit d'équité par groupe et vérification de l'absence de biais appris (tremplin evaluate matching)",
    ],
    owner="équipe Tremplin — rapprochement offres et candidats",
    review_date=date(2026, 6, 30),
    rules=list(RULESET.rules),
    discrimination_safeguards=[
        "aucune variable protégée ni variable de substitution évidente (nom, date de naissance, adresse, durée de "
        "chômage) dans le modèle (règle M01)",
        "correction à l'entraînement des biais des embauches passées (décalage estimé sur les attributs protégés, "
        "retiré à la prédiction)",
        "rappel par groupe (sexe, âge, QPV) mesuré et publié ; audit d'égalité des chances des présélections",
    ],
    risks=[
        Risk(description="Reproduction des discriminations à l'embauche présentes dans l'historique",
             mitigation="variables limitées aux faits liés à l'emploi, correction des biais à l'entraînement, audits",
             persons_affected="demandeurs d'emploi"),
        Risk(description="Concentration des candidatures sur quelques offres, offres jamais vues",
             mitigation="étape 3 de répartition (transport optimal), mesures de congestion publiées",
             persons_affected="demandeurs d'emploi, employeurs"),
        Risk(description="Enfermement dans le métier passé",
             mitigation="métiers recherchés prioritaires, mobilités ROME et compétences transférables proposées, "
                        "critères modifiables par la personne",
             persons_affected="demandeurs d'emploi"),
    ],
    impact_assessments=[
        ImpactAssessment(kind="AIPD", status="non réalisée",
                         reason_if_missing="à réaliser par le déployeur avant toute mise en service sur données réelles"),
        ImpactAssessment(kind="FRIA", status="non réalisée",
                         reason_if_missing="à réaliser par le déployeur (AI Act art. 27) avant mise en service"),
    ],
    out_of_scope_uses=[
        "radier, sanctionner ou contrôler un demandeur d'après les offres proposées ou refusées",
        "décider automatiquement d'une candidature ou d'une embauche",
        "classer les demandeurs selon leur « employabilité » en dehors d'une offre précise",
    ],
)
