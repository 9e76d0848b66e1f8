"""The service card of CV analysis (register, model card, technical documentation)."""

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
from tremplin.services.cv_analysis.rules import RULES

VERSION = "1.0.0"

CARD = ServiceCard(
    name="cv_analysis",
    title="Analyse automatique de CV",
    version=VERSION,
    short_description=(
        "Lit un CV (PDF, Word, LibreOffice, RTF ou texte) et propose un profil : expériences, formations, "
        "compétences, langues, permis, mobilité, avec les métiers codés dans le ROME. La personne vérifie et "
        "corrige ; rien n'est décidé à sa place."
    ),
    purpose=(
        "Pré-remplir le profil d'un demandeur d'emploi à partir de son CV pour lui éviter une double saisie et "
        "donner au conseiller une base de travail : le profil proposé est montré à côté du document, chaque "
        "champ avec l'endroit du CV d'où il vient et une confiance, et la personne le corrige."
    ),
    legal_basis=[
        "Code du travail, art. L5312-1 (missions de France Travail : accueil, accompagnement, rapprochement)",
        "Code du travail, art. L5411-1 et R5411-2 (inscription et dossier du demandeur d'emploi)",
        "RGPD, art. 6(1)(e) (mission d'intérêt public)",
    ],
    intended_users=["demandeurs d'emploi (leur propre CV)", "conseillers", "administrateurs"],
    persons_concerned=["demandeurs d'emploi dont le CV est analysé"],
    decision_support=(
        "Le service propose un profil ; il ne classe, ne note ni ne sélectionne personne. Le demandeur d'emploi ou "
        "son conseiller accepte, corrige ou refuse le profil ; chaque correction est une décision journalisée avec "
        "son motif."
    ),
    ai_act=AIActClassification(
        annex_iii_point="5(a)",
        high_risk=True,
        profiling=True,
        art_6_3_assessment=(
            "Le profil extrait alimente des services publics d'emploi (annexe III, 5(a)) et le rapprochement avec "
            "des offres (4(a)) : il décrit une personne à partir de ses données (profilage au sens du RGPD art. 4(4)). "
            "La dérogation de l'art. 6(3) ne s'applique pas à un système qui fait du profilage ; le service est donc "
            "traité comme à haut risque, même s'il ne fait qu'extraire ce que la personne a écrit."
        ),
        reasoning=(
            "Extraction d'informations d'un document fourni par la personne, sans évaluation ni score de la "
            "personne ; mesures du haut risque appliquées : humain décisionnaire, journal, documentation, "
            "qualité mesurée par champ, caractéristiques protégées jamais extraites."
        ),
    ),
    risk_class="high",
    data=[
        DataSource(
            name="CV déposé par la personne ou son conseiller",
            description="fichier PDF (texte), DOCX, ODT, RTF ou TXT ; le fichier n'est pas conservé, seuls le profil, "
                        "le texte lu (lignes protégées masquées) et une empreinte SHA-256 le sont",
            source="dépôt sur le portail ou par l'API",
            personal_data=True,
            used_for="inference",
        ),
        DataSource(
            name="ROME 4.0 (appellations, compétences, savoirs)",
            description="reconnaître les intitulés de poste, rattacher les compétences écrites au ROME",
            source="France Travail, données ouvertes (Licence Ouverte), via « tremplin data fetch »",
            used_for="rules",
        ),
        DataSource(
            name="Code officiel géographique et codes postaux",
            description="reconnaître les lieux et la commune de résidence",
            source="INSEE / La Poste, données ouvertes, via « tremplin data fetch »",
            used_for="rules",
        ),
        DataSource(
            name="CV générés (personnes fictives) et CV écrits à la main pour les tests",
            description="tremplin.simulate.cvs (tous formats et mises en page, vérité terrain) ; tests/data/cv",
            source="Tremplin",
            used_for="evaluation",
        ),
    ],
    model=ModelInfo(
        type="règles de mise en page et lexiques (extraction), similarité de n-grammes de caractères (compétences), "
             "service de codage ROME (métiers)",
        version=VERSION,
        description=(
            "Lecture avec positions (pdfminer.six pour les PDF), ordre de lecture par colonnes, découpage en "
            "rubriques par les titres français, repérage des entrées par leurs dates, rôle de chaque fragment "
            "(intitulé, employeur, lieu, contrat) estimé contre les 13 120 appellations du ROME. Aucun apprentissage "
            "sur des CV de personnes réelles."
        ),
        optimises_for="retrouver fidèlement ce que la personne a écrit (précision et rappel par champ)",
        training_data="aucune donnée personnelle : référentiels publics (ROME, géographie)",
    ),
    parameters=[
        Parameter(name="Seuil de vérification", description="champ marqué « à vérifier » sous cette confiance",
                  weight=str(RULES.get("CV04").parameters["threshold"])),
        Parameter(name="Seuil de codage ROME", description="métier « non déterminé » sous cette confiance",
                  weight=str(RULES.get("CV05").parameters["min_confidence"])),
        Parameter(name="Seuil de rattachement des compétences", description="similarité minimale avec le libellé ROME",
                  weight=str(RULES.get("CV06").parameters["min_similarity"])),
    ],
    operations=[
        "contrôle du fichier (taille, format réel, extension, type déclaré, contenu actif, bombes de décompression)",
        "lecture du texte avec sa mise en page (lignes, colonnes, tableaux, zones de texte)",
        "découpage en rubriques (expériences, formation, compétences, langues…)",
        "extraction des champs avec leur emplacement dans le texte et une confiance",
        "signalement et masquage des caractéristiques protégées (date de naissance, âge, photo, nationalité…)",
        "codage ROME des expériences et du poste visé ; rattachement des compétences au ROME",
        "proposition journalisée ; correction par la personne (décision journalisée)",
    ],
    metrics={},
    metrics_source="tremplin evaluate cv --n 200 --seed 7 (CV générés, documents fictifs) ; voir docs/quality.md",
    known_limits=[
        "Pas de reconnaissance de caractères (OCR) : un CV scanné est refusé avec un message clair.",
        "Les CV très graphiques (texte en courbes, colonnes imbriquées, frises) peuvent être mal ordonnés.",
        "Les chiffres de qualité viennent surtout de CV générés : ils surestiment la qualité sur des CV réels ; "
        "les quelques CV écrits à la main donnent un ordre de grandeur, pas une mesure statistique.",
        "Un employeur au nom de ville ou un intitulé absent du ROME peut être mal rangé (intitulé ↔ employeur).",
        "Les anciennes communes fusionnées ne sont pas toutes reconnues comme lieux.",
    ],
    human_oversight=[
        "Le profil est montré à côté du document, chaque champ avec son emplacement et sa confiance.",
        "Les champs peu sûrs sont marqués « à vérifier » (règle CV04).",
        "Toute correction est une décision journalisée, avec motif quand elle s'écarte de la proposition.",
        "Le service peut être coupé ou passé en « règles seules » (sans codage ROME statistique) sans redéploiement.",
    ],
    owner="Équipe Tremplin — analyse de CV",
    review_date=date(2026, 6, 30),
    rules=list(RULES.rules),
    status="en développement",
    discrimination_safeguards=[
        "Date de naissance, âge, photo, nationalité, lieu de naissance, situation de famille, santé, religion ne sont "
        "jamais extraits : ils sont signalés et masqués (Code du travail L1132-1, L1221-6).",
        "Aucune déduction à partir du nom, de la photo ou des langues.",
        "Identité et coordonnées tenues à part ; le journal ne contient que le profil professionnel et une empreinte.",
    ],
    risks=[
        Risk(description="Un champ mal extrait (intitulé, dates) fausse le profil et les offres proposées ensuite.",
             mitigation="emplacement et confiance affichés, champs à vérifier, correction par la personne",
             persons_affected="demandeurs d'emploi"),
        Risk(description="Un CV piégé (bombe de décompression, PDF à script) vise le service.",
             mitigation="contrôles avant lecture, taille et temps bornés, refus motivé, rien n'est enregistré",
             persons_affected="usagers du service"),
    ],
    impact_assessments=[
        ImpactAssessment(kind="AIPD", status="non réalisée",
                         reason_if_missing="à conduire par le responsable de traitement avant la mise en service"),
        ImpactAssessment(kind="FRIA", status="non réalisée",
                         reason_if_missing="à conduire par le déployeur (AI Act art. 27) avant la mise en service"),
    ],
    out_of_scope_uses=[
        "Trier, noter ou écarter des candidats à partir du CV.",
        "Déduire l'âge, l'origine, le sexe ou l'état de santé d'une personne.",
        "Conserver ou transmettre le CV d'origine.",
    ],
)
