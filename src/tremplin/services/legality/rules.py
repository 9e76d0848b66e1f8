"""The legality rules R01–R25: readable, versioned objects, each citing the law.

This module is what a counsellor or an auditor reads. Each rule names its articles,
its action level (BLOCK = publication refused pending correction, REVIEW = a counsellor
decides, ADVISE = a hint to the recruiter), the categories of findings it produces and
its legal exceptions *as data*. Detectors (``detectors.py``) find evidence in the text;
these rules turn evidence into findings with a severity and a verdict.

Action levels follow the proposal in the project reference « Legal rules for job offers
in France » (Code du travail version of 2026-03-27); they are a policy choice, not law.
Article metadata below (LEGIARTI identifier, start date of the version in force) comes
from @socialgouv/legi-data 2.513.0 as quoted in that reference; the text itself is read
from ``tremplin.referentials.law`` when it is installed (``tremplin data fetch``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

log = logging.getLogger(__name__)

#: Version of the Code du travail the rules were written against.
LAW_VERSION_DATE = "2026-03-27"


class Action(StrEnum):
    BLOCK = "block"
    REVIEW = "review"
    ADVISE = "advise"


SEVERITY_ORDER = {"ok": 0, "advise": 1, "review": 2, "block": 3}

CATEGORIES: dict[str, str] = {
    "age": "âge",
    "sex": "sexe",
    "family": "situation de famille, grossesse",
    "origin": "origine, nationalité, nom de famille",
    "religion": "convictions religieuses",
    "appearance": "apparence physique",
    "health_disability": "état de santé, handicap, perte d'autonomie",
    "residence": "lieu de résidence, domiciliation bancaire, situation économique",
    "opinions": "opinions politiques, activités syndicales, mandat électif, lanceur d'alerte",
    "sexual_orientation_identity": "orientation sexuelle, identité de genre, mœurs",
    "language": "langue de l'offre, capacité à s'exprimer dans une autre langue",
    "fee": "paiement demandé au candidat",
    "pay": "rémunération inférieure au SMIC",
    "candidate_data": "informations demandées au candidat",
    "contract": "règles du contrat (CDD, intérim, période d'essai)",
    "working_time": "durée du travail, temps partiel",
    "minors": "travail des mineurs",
    "internship": "stages",
    "undeclared": "travail dissimulé",
    "misleading": "mentions fausses ou incohérentes",
    "formalities": "formalités de publication",
    "pay_transparency": "transparence salariale",
}

#: Categories whose explicit forms are the « explicit discriminatory criteria » of the quality targets.
DISCRIMINATION_CATEGORIES = (
    "age", "sex", "family", "origin", "religion", "appearance", "health_disability", "residence",
    "opinions", "sexual_orientation_identity", "language",
)

# ----------------------------------------------------------------------------- articles

#: number → (LEGIARTI id, start of the version in force). Code du travail unless prefixed.
KNOWN_ARTICLES: dict[str, tuple[str, str]] = {
    "L1132-1": ("LEGIARTI000045391841", "2022-09-01"),
    "L1133-1": ("LEGIARTI000018881575", "2008-05-01"),
    "L1133-2": ("LEGIARTI000018931868", "2008-05-29"),
    "L1133-3": ("LEGIARTI000018931880", "2008-05-29"),
    "L1133-4": ("LEGIARTI000018881578", "2008-05-29"),
    "L1133-5": ("LEGIARTI000028639116", "2014-02-23"),
    "L1133-6": ("LEGIARTI000032770781", "2016-06-26"),
    "L1142-1": ("LEGIARTI000006900801", "2008-05-01"),
    "L1142-2": ("LEGIARTI000018881599", "2008-05-29"),
    "R1142-1": ("LEGIARTI000018538068", "2008-05-01"),
    "L1146-1": ("LEGIARTI000006900814", "2008-05-01"),
    "L1225-1": ("LEGIARTI000006900880", "2008-05-01"),
    "L1225-2": ("LEGIARTI000006900881", "2008-05-01"),
    "L1121-1": ("LEGIARTI000006900785", "2008-05-01"),
    "L1221-6": ("LEGIARTI000006900845", "2008-05-01"),
    "L5321-2": ("LEGIARTI000006903780", "2008-05-01"),
    "L5321-3": ("LEGIARTI000031643464", "2015-12-19"),
    "L5331-1": ("LEGIARTI000006903792", "2008-05-01"),
    "L5331-2": ("LEGIARTI000006903793", "2008-05-01"),
    "L5331-3": ("LEGIARTI000006903794", "2008-05-01"),
    "L5331-4": ("LEGIARTI000006903796", "2008-05-01"),
    "L5331-5": ("LEGIARTI000006903797", "2008-05-01"),
    "L5332-1": ("LEGIARTI000006903799", "2008-05-01"),
    "L5332-2": ("LEGIARTI000006903800", "2008-05-01"),
    "L5332-3": ("LEGIARTI000006903801", "2008-05-01"),
    "L5332-4": ("LEGIARTI000018766922", "2008-05-01"),
    "L5334-1": ("LEGIARTI000006903806", "2008-05-01"),
    "R5334-1": ("LEGIARTI000020398130", "2009-03-16"),
    "L8221-1": ("LEGIARTI000006904815", "2008-05-01"),
    "L8221-7": ("LEGIARTI000006904821", "2008-05-01"),
    "L3231-2": ("LEGIARTI000006902832", "2008-05-01"),
    "L3231-7": ("LEGIARTI000006902837", "2008-05-01"),
    "D3231-3": ("LEGIARTI000018533884", "2008-05-01"),
    "D3231-5": ("LEGIARTI000018533878", "2008-05-01"),
    "D3231-6": ("LEGIARTI000018533876", "2008-05-01"),
    "L3232-3": ("LEGIARTI000006902847", "2008-05-01"),
    "L1242-1": ("LEGIARTI000006901194", "2008-05-01"),
    "L1242-2": ("LEGIARTI000037312980", "2018-08-12"),
    "L1242-3": ("LEGIARTI000052437237", "2026-01-01"),
    "L1242-5": ("LEGIARTI000035653074", "2018-01-01"),
    "L1242-6": ("LEGIARTI000006901199", "2008-05-01"),
    "L1242-8-1": ("LEGIARTI000035643961", "2017-09-24"),
    "L1242-8-2": ("LEGIARTI000035639344", "2017-09-24"),
    "L1242-10": ("LEGIARTI000006901204", "2008-05-01"),
    "L1251-5": ("LEGIARTI000006901254", "2008-05-01"),
    "L1251-6": ("LEGIARTI000035652955", "2018-01-01"),
    "L1251-12-1": ("LEGIARTI000035638866", "2017-09-24"),
    "L1251-14": ("LEGIARTI000006901265", "2008-05-01"),
    "L1221-19": ("LEGIARTI000019071113", "2008-06-27"),
    "L1221-21": ("LEGIARTI000019071109", "2008-06-27"),
    "L1221-22": ("LEGIARTI000047293356", "2023-09-09"),
    "L3123-7": ("LEGIARTI000047453545", "2023-09-01"),
    "L3123-19": ("LEGIARTI000036262931", "2017-12-22"),
    "L3123-27": ("LEGIARTI000033019953", "2016-08-10"),
    "L3121-18": ("LEGIARTI000033020428", "2016-08-10"),
    "L3121-20": ("LEGIARTI000033020414", "2016-08-10"),
    "L3121-22": ("LEGIARTI000033020402", "2016-08-10"),
    "L3121-27": ("LEGIARTI000033020376", "2016-08-10"),
    "L3132-1": ("LEGIARTI000006902580", "2008-05-01"),
    "L3132-2": ("LEGIARTI000006902581", "2008-05-01"),
    "L4153-1": ("LEGIARTI000037386047", "2019-01-01"),
    "L6222-1": ("LEGIARTI000037385936", "2019-01-01"),
    "L6325-1": ("LEGIARTI000031088014", "2016-01-01"),
    "L5213-6": ("LEGIARTI000048589854", "2023-12-20"),
}

#: Texts outside the Code du travail: cited by name; no text is resolved for them.
OTHER_SOURCES = {
    "C. pén. 225-1": "Code pénal, article 225-1",
    "C. pén. 225-2": "Code pénal, article 225-2",
    "C. éduc. L124-6": "Code de l'éducation, article L124-6",
    "C. éduc. L124-7": "Code de l'éducation, article L124-7",
    "CGFP L321-1": "Code général de la fonction publique, article L321-1",
    "CGFP": "Code général de la fonction publique",
    "Dir. (UE) 2023/970 art. 5": "Directive (UE) 2023/970 sur la transparence des rémunérations, article 5",
}


@dataclass(frozen=True, slots=True)
class LawReference:
    """One article as cited to a user: number, LEGIARTI id, version date and (when available) text."""

    number: str
    title: str
    legiarti: str | None
    version_date: str | None
    text: str | None
    source: str  # where the text and date came from

    def to_dict(self) -> dict:
        return {"number": self.number, "title": self.title, "legiarti": self.legiarti,
                "version_date": self.version_date, "text": self.text, "source": self.source}


def _from_referential(number: str):
    try:
        from tremplin.referentials import law  # type: ignore[attr-defined]
    except Exception:  # referential package absent or broken: degrade gracefully
        return None
    try:
        return law.article(number)
    except Exception as exc:  # unknown article, data not fetched…
        log.debug("law.article(%s) unavailable: %s", number, exc)
        return None


def _field(obj, *names):
    for name in names:
        if isinstance(obj, dict) and obj.get(name) is not None:
            return obj[name]
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def law_reference(number: str) -> LawReference:
    """The article as cited: the referential's text and version date if installed, else built-in metadata."""
    from tremplin.settings import get_settings

    return _law_reference(number, str(get_settings().referentials_dir))


@lru_cache(maxsize=512)
def _law_reference(number: str, referentials_dir: str) -> LawReference:
    if number in OTHER_SOURCES:
        return LawReference(number, OTHER_SOURCES[number], None, None, None, "citation (texte hors Code du travail)")
    known = KNOWN_ARTICLES.get(number)
    found = _from_referential(number)
    if found is not None:
        text = _field(found, "text", "texte")
        legiarti = _field(found, "legiarti", "legiarti_id", "id", "cid")
        version = _field(found, "version_date", "date_debut", "dateDebut", "date")
        version = str(version)[:10] if version is not None else (known[1] if known else None)
        return LawReference(number, f"Code du travail, article {number}", str(legiarti) if legiarti else
                            (known[0] if known else None), version, text, "référentiel droit (legi-data)")
    return LawReference(
        number,
        f"Code du travail, article {number}",
        known[0] if known else None,
        known[1] if known else None,
        None,
        "métadonnées embarquées (texte non chargé : lancez « tremplin data fetch »)",
    )


def cite(number: str) -> str:
    """Short French citation used in explanations: « art. L1142-1 du Code du travail »."""
    if number in OTHER_SOURCES:
        return OTHER_SOURCES[number]
    return f"art. {number} du Code du travail"


# ----------------------------------------------------------------------------- exceptions


@dataclass(frozen=True, slots=True)
class RuleException:
    """A legal exception, as data: when it applies and what it does to a finding."""

    id: str
    label: str  # French
    articles: tuple[str, ...]
    effect: str  # "drop" (finding not raised), "review" or "advise" (severity lowered to this level)
    when: str  # French description of the context that triggers it (the detectors implement it)


EXCEPTIONS: dict[str, RuleException] = {
    e.id: e
    for e in (
        RuleException("EXC-APPRENTISSAGE", "Conditions d'âge fixées par la loi pour l'apprentissage (16 à 29 ans, "
                      "15 ans après le collège) et le contrat de professionnalisation (16 à 25 ans, 26 ans et plus "
                      "demandeurs d'emploi)", ("L6222-1", "L6325-1", "L5331-2"), "drop",
                      "offre d'apprentissage, d'alternance ou de contrat de professionnalisation et âges dans les "
                      "bornes légales"),
        RuleException("EXC-AIDES-EMPLOI", "Conditions d'âge ou de situation d'un dispositif public d'aide à "
                      "l'embauche (contrat aidé, emploi franc, insertion)", ("L1133-2", "L1133-5", "L1133-6"),
                      "review", "l'offre mentionne un dispositif public (PEC, CIE, emploi franc, IAE…)"),
        RuleException("EXC-R1142-1", "Emplois pour lesquels le sexe est la condition déterminante : artistes pour "
                      "un rôle féminin ou masculin, mannequins, modèles", ("L1142-2", "R1142-1"), "drop",
                      "offre de mannequin, de modèle ou de rôle d'artiste"),
        RuleException("EXC-EXIGENCE-ESSENTIELLE", "Exigence professionnelle essentielle et déterminante, objectif "
                      "légitime et proportionné (à apprécier par un conseiller)", ("L1133-1",), "review",
                      "mannequinat, casting, organisation de tendance (religieuse, politique, syndicale)"),
        RuleException("EXC-EMPLOI-PUBLIC", "Conditions de nationalité et de casier prévues pour les emplois publics",
                      ("CGFP L321-1",), "drop", "offre d'un employeur public (fonction publique, concours, "
                      "titulaire, droits civiques)"),
        RuleException("EXC-DROIT-PUBLIC", "Agents publics (fonctionnaires et contractuels de droit public) : les "
                      "règles du Code du travail sur le temps partiel, la durée des CDD et la période d'essai ne "
                      "s'appliquent pas", ("CGFP",), "drop", "offre d'un employeur public pour un emploi de droit "
                      "public (fonction publique, éducation nationale, praticien hospitalier, voie contractuelle)"),
        RuleException("EXC-PROFESSION-REGLEMENTEE", "Vérification du casier judiciaire imposée par la loi à "
                      "certaines professions (sécurité privée, contact avec des mineurs, transport de fonds, "
                      "sûreté aéroportuaire, taxis et VTC, banque et assurance)", ("L1121-1", "L1221-6"), "drop",
                      "profession réglementée reconnue dans l'offre"),
        RuleException("EXC-HANDICAP-MESURES", "Mesures en faveur des travailleurs handicapés (offre réservée ou "
                      "ouverte aux bénéficiaires de l'obligation d'emploi, entreprise adaptée)",
                      ("L1133-4", "L5213-6"), "drop", "mention positive du handicap (RQTH, BOETH, entreprise "
                      "adaptée)"),
        RuleException("EXC-ZONES", "Mesures en faveur des résidents de certaines zones (QPV, emplois francs, ZRR)",
                      ("L1133-5",), "drop", "mention d'un quartier prioritaire, d'un emploi franc ou d'une ZRR"),
        RuleException("EXC-AGENTS-ARTISTES-SPORTIFS", "Placement payant des artistes du spectacle et agents sportifs",
                      ("L5321-3",), "review", "agent artistique ou sportif"),
        RuleException("EXC-MINEURS-SCOLAIRES", "Stages et séquences d'observation des élèves, apprentissage dès "
                      "15 ans", ("L4153-1", "L6222-1"), "drop", "stage d'observation, élève de 3e, apprentissage"),
        RuleException("EXC-REMPLACEMENT", "Durée minimale du temps partiel non applicable aux remplacements et "
                      "contrats de 7 jours au plus, ni aux étudiants de moins de 26 ans", ("L3123-7",), "drop",
                      "remplacement d'un salarié absent, contrat très court, étudiant"),
        RuleException("EXC-ACCORD-BRANCHE", "Accord de branche prévoyant un autre minimum ou une autre durée",
                      ("L3123-19", "L1242-8-1", "L1251-12-1"), "advise",
                      "secteur couvert par un accord de branche connu (propreté, aide à domicile, animation…)"),
        RuleException("EXC-SMIC-REDUIT", "SMIC réduit des apprentis, contrats de professionnalisation et mineurs "
                      "sans 6 mois de pratique", ("D3231-3", "L6222-1"), "drop",
                      "apprentissage, contrat de professionnalisation, mineurs"),
        RuleException("EXC-VRP", "VRP et commerciaux dont l'horaire ne peut être contrôlé", ("L3231-2",), "review",
                      "statut VRP, agent commercial"),
        RuleException("EXC-PERMIS-JUSTIFIE", "Permis de conduire exigé quand l'emploi le nécessite effectivement",
                      ("L1221-6",), "drop", "déplacements, tournées, livraisons, conduite d'un véhicule"),
    )
}

# ----------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class LegalityRule:
    """A business rule: same fields as ``tremplin.governance.contract.Rule`` plus legality specifics."""

    id: str
    title: str  # French
    articles: tuple[str, ...]
    action: Action  # default action level; a detector may lower it for proxies (never raise it)
    categories: tuple[str, ...]
    summary: str  # French: what the rule checks, for the register and the console
    exceptions: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()
    version: str = "1.0"
    valid_from: str = LAW_VERSION_DATE
    status: str = "in_force"  # or "anticipation" (R25: directive not yet transposed)
    extra: dict = field(default_factory=dict)

    @property
    def source(self) -> str:
        return ", ".join(cite(a) for a in self.articles)

    def law(self) -> list[LawReference]:
        return [law_reference(a) for a in self.articles]

    def to_dict(self, with_law: bool = False) -> dict:
        data = {
            "id": self.id, "title": self.title, "articles": list(self.articles), "action": self.action.value,
            "categories": list(self.categories), "summary": self.summary,
            "exceptions": [EXCEPTIONS[e].label for e in self.exceptions], "exception_ids": list(self.exceptions),
            "parameters": list(self.parameters), "version": self.version, "valid_from": self.valid_from,
            "status": self.status,
        }
        if with_law:
            data["law"] = [ref.to_dict() for ref in self.law()]
        return data

    def as_contract_rule(self):
        """The same rule as a governance ``contract.Rule`` (what the card and the register publish)."""
        from tremplin.governance import contract
        from tremplin.services.legality import params

        return contract.Rule(
            id=self.id,
            title=self.title,
            source="Code du travail" if all(a not in OTHER_SOURCES for a in self.articles) else self.source,
            articles=list(self.articles),
            action={"block": "block", "review": "require_review", "advise": "flag"}[self.action.value],
            version=self.version,
            description=self.summary,
            parameters={name: [{"from": d.start.isoformat(), "value": d.value} for d in params.parameter(name).values]
                        for name in self.parameters},
            exceptions=[contract.RuleException(id=e, description=EXCEPTIONS[e].label,
                                               source=", ".join(EXCEPTIONS[e].articles),
                                               condition={"context": EXCEPTIONS[e].when, "effect": EXCEPTIONS[e].effect})
                        for e in self.exceptions],
            severity={"block": "blocking", "review": "warning", "advise": "info"}[self.action.value],
        )


_RULES = (
    LegalityRule("R01-DATE", "Offre datée", ("L5332-1", "R5334-1"), Action.BLOCK, ("formalities",),
                 "Toute offre publiée doit être datée : la date de création ou d'actualisation est obligatoire."),
    LegalityRule("R02-LANG", "Offre rédigée en français", ("L5331-4", "R5334-1"), Action.BLOCK, ("language",),
                 "Le texte de l'offre doit être en français. Un terme étranger sans équivalent est admis si une "
                 "description française suffisante l'accompagne ; exiger la maîtrise d'une langue est permis."),
    LegalityRule("R03-EMPLOYER-ID", "Identité de l'employeur connue de l'éditeur", ("L5332-2", "L5332-4"),
                 Action.ADVISE, ("formalities",),
                 "Une offre peut être anonyme pour les candidats, mais le nom et l'adresse de l'employeur doivent "
                 "être connus de l'éditeur. Contrôle de saisie : signalé comme conseil quand l'employeur manque."),
    LegalityRule("R04-TEMP-AGENCY", "Mention d'entreprise de travail temporaire", ("L5332-3", "R5334-1"),
                 Action.BLOCK, ("formalities",),
                 "L'offre d'une agence d'intérim indique son nom et sa qualité d'entreprise de travail temporaire."),
    LegalityRule("R05-FEE", "Aucun paiement demandé au candidat", ("L5321-3", "L5331-1", "L5331-5"), Action.BLOCK,
                 ("fee",), "Aucune somme (frais de dossier, kit, formation payante, abonnement) ne peut être exigée "
                 "d'un demandeur d'emploi ; la vente d'offres est interdite.",
                 exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",)),
    LegalityRule("R06-FALSE", "Mentions fausses ou incohérentes", ("L5331-3", "L5334-1"), Action.REVIEW,
                 ("misleading",), "L'offre ne doit pas induire en erreur sur l'emploi, la rémunération ou le lieu : "
                 "le texte doit être cohérent avec les champs (contrat, durée, expérience, salaire, lieu)."),
    LegalityRule("R07-AGE", "Aucune limite d'âge", ("L5331-2", "L1132-1", "L5321-2", "R5334-1"), Action.BLOCK,
                 ("age",), "Pas de limite d'âge supérieure ou inférieure ni de formule qui en tient lieu, sauf "
                 "conditions d'âge fixées par la loi.",
                 exceptions=("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"),
                 parameters=("apprentice_max_age", "professionalisation_young_max_age")),
    LegalityRule("R08-SEX", "Aucune mention du sexe", ("L1142-1", "L1146-1", "L5321-2"), Action.BLOCK, ("sex",),
                 "L'offre s'adresse indifféremment aux femmes et aux hommes : pas de sexe recherché, intitulé "
                 "avec « H/F » ou forme épicène/doublet.", exceptions=("EXC-R1142-1",)),
    LegalityRule("R09-FAMILY", "Aucune mention de la situation de famille ou de la grossesse",
                 ("L1142-1", "L1132-1", "L1225-1", "L1225-2"), Action.BLOCK, ("family",),
                 "Situation de famille, enfants, grossesse : rien de cela ne peut être demandé ni exigé."),
    LegalityRule("R10-DISCRIM", "Aucune référence à un critère de discrimination",
                 ("L1132-1", "L5321-2", "C. pén. 225-1", "C. pén. 225-2"), Action.BLOCK,
                 ("origin", "religion", "appearance", "health_disability", "residence", "opinions",
                  "sexual_orientation_identity", "language"),
                 "Origine, nationalité, nom, religion, apparence, santé, handicap, lieu de résidence, domiciliation "
                 "bancaire, situation économique, opinions, activités syndicales, orientation sexuelle, identité de "
                 "genre, capacité à s'exprimer dans une autre langue : aucune référence. Formules explicites "
                 "bloquées, formules indirectes (« proxies ») soumises à un conseiller.",
                 exceptions=("EXC-EXIGENCE-ESSENTIELLE", "EXC-EMPLOI-PUBLIC", "EXC-HANDICAP-MESURES", "EXC-ZONES",
                             "EXC-AIDES-EMPLOI")),
    LegalityRule("R11-CANDIDATE-DATA", "Informations demandées au candidat", ("L1221-6", "L1121-1", "L1225-1"),
                 Action.REVIEW, ("candidate_data",),
                 "Seules les informations ayant un lien direct et nécessaire avec l'emploi peuvent être demandées : "
                 "ni photo, ni date de naissance, ni nationalité, ni numéro de sécurité sociale, ni coordonnées "
                 "bancaires au stade de la candidature.", exceptions=("EXC-R1142-1",)),
    LegalityRule("R12-LICENCE", "Permis ou véhicule exigé sans lien avec les missions", ("L1221-6", "L1132-1"),
                 Action.REVIEW, ("candidate_data",),
                 "Le permis ne peut être exigé que si l'emploi le nécessite : indiquer la tâche (déplacements, "
                 "livraisons…).", exceptions=("EXC-PERMIS-JUSTIFIE",)),
    LegalityRule("R13-CASIER", "Casier judiciaire vierge", ("L1121-1", "L1221-6"), Action.REVIEW,
                 ("candidate_data",), "Exiger un casier vierge restreint les libertés sauf profession réglementée.",
                 exceptions=("EXC-PROFESSION-REGLEMENTEE", "EXC-EMPLOI-PUBLIC")),
    LegalityRule("R14-SMIC", "Rémunération au moins égale au SMIC", ("L3231-2", "L3232-3", "D3231-5", "D3231-6"),
                 Action.BLOCK, ("pay",),
                 "Une rémunération annoncée ne peut être inférieure au SMIC en vigueur à la date de l'offre "
                 "(horaire, ou mensuel au prorata de la durée) ; pas de rémunération uniquement à la commission.",
                 exceptions=("EXC-SMIC-REDUIT", "EXC-VRP"),
                 parameters=("smic_hourly", "smic_hourly_mayotte")),
    LegalityRule("R15-CDD-MOTIF", "Motif du CDD", ("L1242-1", "L1242-2", "L1242-3", "L1242-5", "L1242-6", "L1251-5"),
                 Action.REVIEW, ("contract",),
                 "Un CDD ou une mission ne peut pourvoir durablement un emploi permanent ni servir de période "
                 "d'essai à un CDI ; remplacer des grévistes est interdit."),
    LegalityRule("R16-CDD-DURATION", "Durée maximale du CDD", ("L1242-8-1", "L1242-8-2"), Action.REVIEW,
                 ("contract",), "18 mois renouvellements compris par défaut (9 ou 24 mois dans certains cas, "
                 "18 à 36 mois pour le CDD à objet défini).", exceptions=("EXC-ACCORD-BRANCHE",),
                 parameters=("cdd_max_months", "cdd_objet_defini_max_months")),
    LegalityRule("R17-INTERIM", "Durée de la mission d'intérim et essai", ("L1251-5", "L1251-6", "L1251-12-1",
                 "L1251-14"), Action.REVIEW, ("contract",),
                 "Mission de 18 mois au plus par défaut ; période d'essai de 2, 3 ou 5 jours selon la durée.",
                 exceptions=("EXC-ACCORD-BRANCHE",), parameters=("temp_max_months", "trial_temp_max_days")),
    LegalityRule("R18-TRIAL", "Durée de la période d'essai", ("L1221-19", "L1221-21", "L1221-22", "L1242-10",
                 "L1251-14"), Action.BLOCK, ("contract",),
                 "CDI : 2 mois (ouvriers, employés), 3 (agents de maîtrise, techniciens), 4 (cadres), 4/6/8 avec "
                 "renouvellement prévu par accord de branche ; CDD : 1 jour par semaine, 2 semaines ou 1 mois au plus.",
                 parameters=("trial_cdi_employee_months", "trial_cdi_technician_months", "trial_cdi_executive_months",
                             "trial_cdd_short_max_days", "trial_cdd_long_max_days")),
    LegalityRule("R19-PART-TIME", "Durée minimale du temps partiel", ("L3123-27", "L3123-7", "L3123-19"),
                 Action.REVIEW, ("working_time",),
                 "24 heures par semaine au minimum sauf accord de branche, demande écrite du salarié, remplacement, "
                 "contrat court ou étudiant : un conseiller vérifie.",
                 exceptions=("EXC-REMPLACEMENT", "EXC-ACCORD-BRANCHE", "EXC-DROIT-PUBLIC"),
                 parameters=("part_time_min_weekly_hours",)),
    LegalityRule("R20-WORKING-TIME", "Durées maximales du travail et repos hebdomadaire",
                 ("L3121-18", "L3121-20", "L3121-22", "L3132-1", "L3132-2"), Action.REVIEW, ("working_time",),
                 "10 heures par jour, 48 heures par semaine, 44 heures en moyenne sur 12 semaines, 6 jours "
                 "travaillés par semaine au plus (dérogations possibles).",
                 parameters=("max_daily_hours", "max_weekly_hours", "max_days_per_week")),
    LegalityRule("R21-MINORS", "Pas d'emploi de moins de 16 ans", ("L4153-1", "L6222-1"), Action.BLOCK,
                 ("minors",), "Travail interdit avant 16 ans sauf apprentissage dès 15 ans et périodes "
                 "d'observation scolaires.", exceptions=("EXC-MINEURS-SCOLAIRES",),
                 parameters=("min_working_age", "apprentice_min_age")),
    LegalityRule("R22-INTERNSHIP", "Stage et non emploi déguisé", ("C. éduc. L124-7", "C. éduc. L124-6"),
                 Action.BLOCK, ("internship",),
                 "Un stage ne peut pourvoir un poste permanent, faire face à un surcroît d'activité, occuper un "
                 "emploi saisonnier ni remplacer un salarié ; au-delà de 2 mois, gratification minimale.",
                 parameters=("internship_gratification_hourly",)),
    LegalityRule("R23-UNDECLARED", "Travail dissimulé", ("L8221-1",), Action.BLOCK, ("undeclared",),
                 "Aucune publicité favorisant le travail non déclaré (paiement en espèces non déclaré, sans "
                 "contrat ni bulletin de paie)."),
    LegalityRule("R24-SELF-EMPLOYED-ADS", "Annonce visant des indépendants", ("L8221-7",), Action.REVIEW,
                 ("formalities",),
                 "Une annonce pour une activité indépendante mentionne un numéro d'identification (SIREN) ; un "
                 "conseiller vérifie qu'il ne s'agit pas d'un salariat déguisé."),
    LegalityRule("R25-PAY-TRANSPARENCY", "Salaire ou fourchette annoncé", ("Dir. (UE) 2023/970 art. 5",),
                 Action.ADVISE, ("pay_transparency",),
                 "La directive européenne sur la transparence des rémunérations (transposition au 7 juin 2026) "
                 "demandera d'indiquer la rémunération ou sa fourchette ; « selon profil » ne suffira plus.",
                 status="anticipation"),
)

RULES: dict[str, LegalityRule] = {r.id: r for r in _RULES}


def rule(rule_id: str) -> LegalityRule:
    return RULES[rule_id]


def verdict_of(severities) -> str:
    """The verdict of an offer: the most severe action among its findings, "ok" when none."""
    best = "ok"
    for s in severities:
        if SEVERITY_ORDER[s] > SEVERITY_ORDER[best]:
            best = s
    return best


def catalogue(with_law: bool = False) -> list[dict]:
    return [r.to_dict(with_law=with_law) for r in RULES.values()]


def contract_ruleset():
    """The rules as a governance ``RuleSet`` (its version is a hash of the rules' content)."""
    from tremplin.governance import contract

    return contract.RuleSet(service="legality", rules=[r.as_contract_rule() for r in RULES.values()])


def _content_version() -> str:
    import hashlib
    import json

    from tremplin.services.legality import params

    payload = json.dumps([catalogue(), params.table(), DETECTORS_VERSION], sort_keys=True, ensure_ascii=False)
    return f"{LAW_VERSION_DATE}+{DETECTORS_VERSION}+{hashlib.sha256(payload.encode()).hexdigest()[:10]}"


#: Version of the detectors (lexicons, patterns, thresholds): bump on any change of behaviour.
DETECTORS_VERSION = "1.15"


#: Version of the whole rule set (law version, detectors version, hash of rules and parameters):
#: it changes whenever a rule, an exception, a parameter or the detectors change.
RULESET_VERSION = _content_version()
