"""The service card of the offer legality control (register, model card, technical documentation)."""

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
from tremplin.services.legality.rules import RULES, RULESET_VERSION
from tremplin.services.legality.service import SERVICE_VERSION

CARD = ServiceCard(
    name="legality",
    title="Contrôle de légalité des offres d'emploi",
    version=SERVICE_VERSION,
    short_description=(
        "Relit une offre d'emploi avant publication et signale ce que la loi interdit ou encadre (discrimination, "
        "frais demandés, salaire sous le SMIC, contrat, durée du travail, incohérences), en citant l'article et en "
        "proposant une correction. Un conseiller tranche les cas douteux."
    ),
    purpose=(
        "Aider les conseillers et les recruteurs à publier des offres licites et exactes : chaque constat nomme la "
        "règle, l'article du Code du travail, le passage en cause, explique le problème en français simple et "
        "propose une formulation. L'offre est bloquée (à corriger), soumise à un conseiller ou accompagnée de "
        "conseils ; le conseiller peut toujours écarter un constat en le motivant."
    ),
    legal_basis=[
        "Code du travail, art. L5312-1 (mission de France Travail, dont la lutte contre les discriminations à "
        "l'embauche)",
        "Code du travail, art. L5321-2, L5331-1 à L5331-5, L5332-1 à L5332-4 (publicité des offres d'emploi)",
        "Code du travail, art. L1132-1 et L1142-1 (non-discrimination)",
    ],
    intended_users=["conseillers", "recruteurs (avant publication)", "administrateurs"],
    persons_concerned=["recruteurs et employeurs qui déposent une offre",
                       "candidats, protégés des offres illicites ou trompeuses"],
    decision_support=(
        "Le service ne publie ni ne retire aucune offre lui-même : il propose un verdict (bloquer, soumettre à un "
        "conseiller, conseiller, conforme) et des constats. Pour chaque constat « à bloquer » ou « à examiner », un "
        "conseiller confirme ou écarte, avec un motif obligatoire quand il écarte ; la décision est journalisée."
    ),
    ai_act=AIActClassification(
        annex_iii_point=None,
        high_risk=False,
        profiling=False,
        art_6_3_assessment=(
            "Le service n'évalue aucune personne physique : il examine le texte d'une offre et ses champs. Il ne "
            "cible pas d'annonces vers des personnes et ne filtre pas de candidatures (annexe III, 4(a) non visée)."
        ),
        reasoning=(
            "Règles et lexiques écrits par des personnes, sans apprentissage automatique : au sens de l'art. 3(1) et "
            "du considérant 12, il ne s'agit pas d'un système d'IA. Il est néanmoins documenté et journalisé comme "
            "les autres services (transparence des algorithmes publics, CRPA L311-3-1 et L312-1-3)."
        ),
    ),
    risk_class="not_ai",
    data=[
        DataSource(
            name="Offres d'emploi déposées",
            description="intitulé, description, champs structurés (contrat, durée, expérience, salaire, lieu, date) "
                        "au format France Travail « Offres d'emploi v2 »",
            source="dépôt par le recruteur ou import (tremplin import offers, API)",
            personal_data=False,
            used_for="inference",
        ),
        DataSource(
            name="Code du travail (textes et dates de version)",
            description="cité dans chaque constat ; version du 2026-03-27",
            source="paquet npm @socialgouv/legi-data (base LEGI, Légifrance), via « tremplin data fetch »",
            used_for="rules",
        ),
        DataSource(
            name="Paramètres légaux datés (SMIC, durées maximales, gratification des stages)",
            description="choisis selon la date de l'offre ; voir « tremplin legality rules --parameters »",
            source="décrets de revalorisation, fiches du ministère du Travail (SMIC 2026 : décret n° 2025-1228)",
            used_for="rules",
        ),
        DataSource(
            name="Offres réelles étiquetées à la main et variantes à violation injectée",
            description="200 offres lues et étiquetées ; gabarits d'injection « tune » et « held-out »",
            source="miroir des offres France Travail (offers_dev.jsonl), étiquettes dans le dépôt",
            used_for="evaluation",
        ),
    ],
    model=ModelInfo(
        type="règles et lexiques (sans apprentissage)",
        version=f"{SERVICE_VERSION} / règles {RULESET_VERSION}",
        description=(
            f"{len(RULES)} règles R01–R25 ; détecteurs lexicaux avec gestion de la négation, des déclarations de "
            "non-discrimination et des exceptions légales ; pour chaque critère protégé, vocabulaire de la propriété "
            "(santé, famille, origine, résidence, opinions…) rapproché d'un indice d'exclusion, de restriction, "
            "d'exigence, de préférence, de question ou de recherche (« nous recrutons des … ») dans la même "
            "proposition, ou dans l'intitulé ; analyse des montants (horaire, mensuel, annuel, k€, fourchettes, "
            "journée ou semaine dont la durée est dite) comparés au SMIC de la date de l'offre ; passages en "
            "langue étrangère ; comparaison des champs et du texte."
        ),
        optimises_for="signaler les offres illicites sans bloquer les offres licites (précision et rappel par "
                      "catégorie ; part d'offres réelles bloquées)",
        training_data="aucun apprentissage",
    ),
    parameters=[
        Parameter(name="Niveau d'action de chaque règle", description="bloquer, soumettre à un conseiller, "
                  "conseiller (tableau des règles)", weight="détermine le verdict"),
        Parameter(name="SMIC horaire en vigueur à la date de l'offre",
                  description="12,02 € depuis le 01/01/2026 ; 9,33 € à Mayotte", weight="seuil de la règle R14"),
        Parameter(name="Durée minimale du temps partiel", description="24 heures par semaine", weight="seuil R19"),
        Parameter(name="Durées maximales", description="CDD et intérim 18 mois, période d'essai 2/3/4 mois (CDI)",
                  weight="seuils R16 à R18"),
    ],
    operations=[
        "nettoyage du texte (HTML retiré, texte très long tronqué et signalé)",
        "recherche des formulations interdites et de leurs variantes, hors négation et déclarations de diversité",
        "rapprochement du vocabulaire d'une propriété protégée et d'un indice (« pas de », « uniquement », "
        "« de préférence », « indiquez si », « nous recrutons des ») dans la même proposition ou dans l'intitulé, "
        "hors contextes licites (public du poste, avantages, actions positives)",
        "application des exceptions légales présentes dans l'offre (apprentissage, mannequins, emplois publics…)",
        "lecture des montants et comparaison au SMIC de la date de l'offre",
        "comparaison des champs structurés et du texte (contrat, durée, expérience, salaire)",
        "verdict (le constat le plus grave l'emporte), explication et correction proposée par constat",
        "pour chaque constat à bloquer ou à examiner : proposition journalisée, décision motivée d'un conseiller",
    ],
    metrics_source="tremplin evaluate legality --offers <offres réelles> (voir docs/quality.md, « Offer legality »)",
    known_limits=[
        "Les formulations très détournées ou imagées peuvent échapper aux lexiques ; les constats indirects sont "
        "soumis à un conseiller plutôt que bloqués.",
        "Les exceptions de branche (accords collectifs) ne sont pas connues : les règles concernées proposent un "
        "examen, pas un blocage.",
        "Le lieu de travail n'est comparé au texte qu'au niveau du département ; l'identité de l'employeur n'est "
        "contrôlée que pour les offres publiées par un intermédiaire.",
        "L'évaluation porte sur 200 offres réelles et des variantes écrites par l'équipe : les chiffres valent pour "
        "ces données.",
        "Un détecteur de phrases appris (régression logistique sur les formulations des gabarits, constats « à "
        "examiner » seulement, règle M01-SENTENCE-MODEL) existe mais est désactivé par défaut "
        "(TREMPLIN_LEGALITY_SENTENCE_MODEL) ; ses chiffres sont dans docs/quality.md.",
    ],
    human_oversight=[
        "chaque constat « à bloquer » ou « à examiner » est confirmé ou écarté par un conseiller, motif obligatoire "
        "pour écarter",
        "taux d'infirmation par règle suivis, avec alerte si trop bas (biais d'automatisation) ou trop haut",
        "service désactivable ou limité sans redéploiement (interrupteur de gouvernance)",
    ],
    owner="Équipe Tremplin — service légalité des offres",
    review_date=date(2026, 6, 7),  # transposition de la directive (UE) 2023/970 : règle R25 à revoir
    status="en développement",
    automation_level="aide à la décision",
    discrimination_safeguards=[
        "détection des 26 critères de l'article L1132-1 et de leurs formulations indirectes",
        "aucune donnée sur les candidats n'est traitée",
    ],
    risks=[
        Risk(description="bloquer une offre licite (faux positif)",
             mitigation="blocage réservé aux formulations explicites ; écart possible par un conseiller ; part "
                        "d'offres bloquées mesurée (cible ≤ 3 %)",
             persons_affected="recruteurs"),
        Risk(description="laisser passer une offre discriminatoire (faux négatif)",
             mitigation="rappel mesuré par catégorie sur des formulations non vues pendant le réglage ; signalement "
                        "par les candidats toujours possible",
             persons_affected="candidats"),
    ],
    impact_assessments=[
        ImpactAssessment(kind="AIPD", status="non réalisée",
                         reason_if_missing="aucune donnée personnelle n'est traitée par le contrôle"),
    ],
    out_of_scope_uses=["évaluer ou trier des candidats", "noter des employeurs"],
    rules=[r.as_contract_rule() for r in RULES.values()],
)
