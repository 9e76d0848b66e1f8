"""The business rules of matching: readable, versioned, each naming its source.

The model only scores pairs; these rules decide what may be proposed and in what order.
"""

from __future__ import annotations

from tremplin.governance.contract import Rule, RuleSet

from .congestion import CongestionParams
from .features import FEATURES, PROTECTED_NAMES

SERVICE = "matching"
_STAGE3 = CongestionParams()

RULES = [
    Rule(id="M01", title="Aucun critère protégé parmi les variables du classement", source="Code du travail ; Code pénal",
         articles=["L1132-1", "225-1 du Code pénal"], action="exclude", severity="blocking",
         description=("Le sexe, l'âge, le handicap, la nationalité ou l'origine, le lieu de résidence en quartier "
                      "prioritaire, le nom, la date de naissance ne sont jamais des variables du modèle. Ils ne "
                      "servent qu'à corriger les biais à l'entraînement (décalage retiré à la prédiction) et aux "
                      "audits d'équité. La liste des variables est vérifiée au chargement du modèle."),
         parameters={"variables": list(FEATURES)}),
    Rule(id="M02", title="Les critères de la personne sont des règles strictes", source="Code du travail (projet "
         "personnalisé d'accès à l'emploi) ; charte éthique, engagement « liberté de choix »", articles=["L5411-6-1"],
         action="filter", severity="blocking",
         description=("Distance maximale, types de contrat, temps plein, métiers choisis par la personne : aucune "
                      "offre hors de ces critères n'est proposée, quelle que soit sa note. Une offre sans lieu de "
                      "travail connu n'est pas proposée à qui a fixé une distance maximale.")),
    Rule(id="M03", title="« Pas intéressé » est respecté", source="charte éthique, engagement « liberté de choix »",
         action="filter", severity="warning",
         description=("Une offre déclinée par la personne ne lui est plus proposée, ni présentée comme candidate à "
                      "l'employeur ; les autres offres du même métier reculent un peu (0,5 point de score par refus, "
                      "au plus 1,5) et celles du même employeur aussi (1 point)."),
         parameters={"code_penalty": 0.5, "code_penalty_max": 1.5, "company_penalty": 1.0}),
    Rule(id="M04", title="Le conseiller ajoute ou retire des suggestions", source="charte éthique, engagement « l'humain "
         "au centre »", action="override", severity="warning",
         description=("Une offre ajoutée par le conseiller figure en tête de la liste avec la mention « ajoutée par "
                      "votre conseiller » (si elle respecte les critères de la personne) ; une offre retirée n'est "
                      "plus proposée. Chaque geste est journalisé avec son auteur et son motif.")),
    Rule(id="M05", title="Profil incomplet : recherche sur le métier et le lieu déclarés", source="politique interne",
         action="fallback", severity="info",
         description=("Sans expérience ni compétence renseignées, la recherche part des métiers déclarés (ou du "
                      "métier recherché écrit en clair, codé avec le référentiel ROME) et de la commune ; la "
                      "réponse le dit.")),
    Rule(id="M06", title="Seules les offres ouvertes sont proposées", source="politique interne", action="filter",
         severity="blocking", description="Une offre pourvue, retirée ou expirée n'est jamais proposée."),
    Rule(id="M07", title="Répartition des recommandations entre les offres (étape 3)", source="politique interne : "
         "éviter qu'une offre reçoive toutes les candidatures et qu'une autre n'en reçoive aucune",
         action="order", severity="info",
         description=("Le classement tient compte de l'ensemble des demandeurs du marché : une offre déjà montrée "
                      "à beaucoup de personnes recule un peu, une offre peu vue avance un peu (transport optimal "
                      "entropique, capacité de chaque offre proportionnelle à son nombre de postes, puis quelques "
                      "corrections sur les listes effectivement produites). Les listes se lisent par pages de dix : "
                      "ce qui entre dans la page dépend surtout des chances d'embauche rapportées à la meilleure "
                      "offre de la personne, si bien qu'une offre nettement meilleure que les autres garde sa place "
                      "et que seules des offres d'intérêt voisin sont échangées ; la répartition pèse davantage sur "
                      "l'ordre dans la page."),
         parameters={"strength": _STAGE3.strength, "page_strength": _STAGE3.page_strength,
                     "page_size": _STAGE3.page_size, "protect": _STAGE3.protect,
                     "refine_rounds": _STAGE3.refine_rounds, "refine_step": _STAGE3.refine_step,
                     "epsilon": _STAGE3.epsilon, "tau": _STAGE3.tau}),
    Rule(id="M08", title="Mode « règles seules » : classement par proximité du métier, puis distance",
         source="contrôle humain (interrupteur administrateur)", action="order", severity="info",
         description=("Quand le modèle est suspendu (ou pas encore entraîné), les offres sont classées par proximité "
                      "du métier (même métier, même fiche, mobilité, compétences communes) puis par distance.")),
    Rule(id="M09", title="La durée de chômage n'abaisse pas le classement", source="politique interne : mission du "
         "service public de l'emploi auprès des personnes les plus éloignées de l'emploi",
         action="exclude", severity="info",
         description=("L'ancienneté d'inscription n'est pas une variable du modèle : une personne n'est pas moins "
                      "bien placée parce qu'elle cherche depuis longtemps, même si des employeurs le font.")),
]

RULESET = RuleSet(service=SERVICE, rules=RULES)

CODE_PENALTY = 0.5
CODE_PENALTY_MAX = 1.5
COMPANY_PENALTY = 1.0


def check_features(features) -> None:
    """Rule M01: refuse any model whose variables name a protected criterion."""
    from tremplin.errors import DataUnavailable

    for name in features:
        low = name.lower()
        for word in PROTECTED_NAMES:
            if word in low.split("_") or low.startswith(word):
                raise DataUnavailable(f"variable interdite dans le modèle d'appariement : « {name} » (règle M01)")
