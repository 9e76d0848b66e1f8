"""Individual explanations: the letter a person can ask for, and the short explicit mention.

The letter gives, in plain French, what CRPA R311-3-1-2 requires when an individual decision
was taken on the basis of an algorithmic processing:

1° the degree and mode of the algorithm's contribution to the decision;
2° the data processed and their sources;
3° the processing parameters and, where relevant, their weight, applied to the person's situation;
4° the operations performed by the processing;

plus what AI Act art. 86 adds (the role of the AI system in the decision-making procedure and
the main elements of the decision taken), and how to contest. The explicit mention follows
CRPA L311-3-1 and R311-3-1-1 (purpose, right to obtain the rules, how, and the CADA).

Everything is built from the journal (what was proposed and decided) and the service card
(what the service is): nothing is written by hand per decision.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from tremplin.errors import NotFound
from tremplin.governance.contract import Rule, ServiceCard

OUTCOME_FR = {
    "accept": "a accepté la proposition du service",
    "modify": "a modifié la proposition du service",
    "reject": "a écarté la proposition du service",
}
ROLE_FR = {
    "counsellor": "un conseiller ou une conseillère",
    "jobseeker": "vous-même",
    "recruiter": "le recruteur",
    "auditor": "un auditeur",
    "administrator": "un administrateur",
}
MODE_FR = {
    "model": "le modèle d'intelligence artificielle et les règles métier du service",
    "rules_only": "les seules règles métier du service (le modèle d'intelligence artificielle était suspendu)",
}

CONTEST = [
    "Demander un réexamen de votre situation par une personne : adressez-vous à votre conseiller ou à votre "
    "agence, en indiquant la référence de la décision. Le résultat du service ne s'impose jamais : une personne "
    "réexamine votre demande.",
    "Demander la communication des règles du traitement et de leur mise en œuvre dans votre cas (articles "
    "L311-3-1 et R311-3-1-2 du code des relations entre le public et l'administration). Sans réponse dans un "
    "délai d'un mois, vous pouvez saisir la Commission d'accès aux documents administratifs (CADA, www.cada.fr) "
    "dans les deux mois.",
    "Saisir le médiateur de France Travail de votre région (article L5312-12-1 du code du travail) si un "
    "désaccord persiste après votre réclamation.",
    "Saisir le Défenseur des droits (www.defenseurdesdroits.fr) si vous pensez avoir été traité de façon "
    "discriminatoire.",
    "Exercer vos droits sur vos données personnelles (accès, rectification, opposition) auprès du délégué à la "
    "protection des données, puis, le cas échéant, adresser une réclamation à la CNIL (www.cnil.fr).",
    "Former un recours devant le tribunal administratif dans un délai de deux mois à compter de la notification "
    "de la décision (article R421-1 du code de justice administrative).",
]


class ExplanationSection(BaseModel):
    key: str
    title: str
    paragraphs: list[str]


class Explanation(BaseModel):
    decision_id: str
    proposal_id: str
    service: str
    service_title: str
    decided_at: str
    outcome: str
    mention: str
    sections: list[ExplanationSection]
    letter: str  # the whole letter, plain text
    weights: list[dict[str, Any]]  # the parameters and their weight in this case (for the console)


def mention_explicite(card: ServiceCard | None, *, contact: str | None = None, register_url: str | None = None) -> str:
    """The short explicit mention (CRPA L311-3-1, R311-3-1-1), to show on any decision."""
    purpose = card.purpose.strip() if card and card.purpose.strip() else "aider à instruire votre demande"
    purpose = purpose if purpose.endswith(".") else purpose + "."
    name = f" (« {card.title} »)" if card else ""
    where = contact or (card.contact if card and card.contact else "votre agence France Travail")
    rules = f" Ses règles sont publiées : {register_url}." if register_url else ""
    return (
        f"Cette décision a été prise sur le fondement d'un traitement algorithmique{name}. Finalité de ce "
        f"traitement : {purpose}{rules} En application des articles L311-3-1, R311-3-1-1 et R311-3-1-2 du code des relations "
        f"entre le public et l'administration, vous pouvez demander la communication des règles définissant ce "
        f"traitement et des principales caractéristiques de sa mise en œuvre dans votre cas, auprès de {where}. "
        f"Sans réponse dans un délai d'un mois, vous disposez de deux mois pour saisir la Commission d'accès aux "
        f"documents administratifs (CADA)."
    )



def _fr_number(value: float, digits: int = 2) -> str:
    return f"{value:+.{digits}f}".replace(".", ",").replace("-", "−")


def _fr_date(value: str | datetime) -> str:
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00")) if not isinstance(value, datetime) else value
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
    return f"{moment.day} {months[moment.month - 1]} {moment.year}"


def weights_in_case(reasons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reasons sorted by the size of their contribution, with their share of the total (when weighted)."""
    weighted = [r for r in reasons if r.get("weight") is not None]
    total = sum(abs(r["weight"]) for r in weighted) or 1.0
    items = []
    for r in sorted(weighted, key=lambda r: -abs(r["weight"])):
        items.append({"label": r["label"], "weight": r["weight"], "share": abs(r["weight"]) / total,
                      "direction": "positive" if r["weight"] > 0 else ("négative" if r["weight"] < 0 else "nulle"),
                      "source": r.get("source")})
    for r in reasons:
        if r.get("weight") is None:
            items.append({"label": r["label"], "weight": None, "share": None, "direction": None,
                          "source": r.get("source")})
    return items


def _plain(value: Any, depth: int = 0) -> str:
    """A value in plain French text: never a Python repr, however nested."""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3g}".replace(".", ",")
    if isinstance(value, dict):
        if depth >= 2:
            return f"{len(value)} éléments"
        shown = [f"{k} : {_plain(v, depth + 1)}" for k, v in list(value.items())[:5] if v not in (None, "", [], {})]
        return ", ".join(shown) + (" …" if len(value) > 5 else "")
    if isinstance(value, list | tuple):
        if depth >= 2 and any(isinstance(v, dict | list | tuple) for v in value):
            return f"{len(value)} éléments"
        sep = " | " if any(isinstance(v, dict) for v in value) else ", "
        return sep.join(_plain(v, depth + 1) for v in value[:5]) + (" …" if len(value) > 5 else "")
    return str(value)


def _describe_output(output: dict[str, Any], limit: int = 8) -> str:
    if not output:
        return "aucun résultat chiffré"
    # A service may give its own one-sentence French summary of the proposal.
    if isinstance(output.get("summary"), str) and output["summary"].strip():
        return output["summary"].strip()
    return " ; ".join(f"{key} : {_plain(value)}" for key, value in list(output.items())[:limit])


def build_explanation(proposal: dict[str, Any], decision: dict[str, Any], card: ServiceCard | None) -> Explanation:
    """Pure function: the explanation of one decision from its journal records and the service card."""
    service = proposal["service"]
    title = card.title if card else service
    rules_by_id: dict[str, Rule] = {r.id: r for r in (card.rules if card else [])}
    mode = proposal.get("mode", "model")
    outcome = decision["outcome"]
    actor = ROLE_FR.get(decision.get("actor_role", ""), "une personne habilitée")
    weights = weights_in_case(proposal.get("reasons") or [])

    # 1° degree and mode of contribution
    contribution = [
        (card.decision_support if card else "Le service produit une proposition ; une personne décide."),
        f"Pour votre dossier, la proposition a été produite par {MODE_FR.get(mode, mode)} (version {proposal.get('service_version')}"
        + (f", règles {proposal['ruleset_version']}" if proposal.get("ruleset_version") else "") + ").",
        f"Le {_fr_date(decision['created_at'])}, {actor} {OUTCOME_FR.get(outcome, outcome)}"
        + (f", pour le motif suivant : « {decision['reason']} »." if decision.get("reason") else "."),
    ]
    if card and card.automation_level == "aide à la décision":
        contribution.append("Le traitement est une aide à la décision : il ne décide jamais seul.")

    # 2° data and sources
    data_paragraphs = []
    if card:
        for d in card.data:
            if d.used_for in ("inference", "rules"):
                extra = " (données personnelles)" if d.personal_data else ""
                data_paragraphs.append(f"{d.name}{extra} — source : {d.source}." + (f" {d.description}" if d.description else ""))
        trained = [d for d in card.data if d.used_for == "training"]
        if trained:
            data_paragraphs.append("Le modèle a été construit à partir de : " + "; ".join(f"{d.name} ({d.source})" for d in trained) + ".")
    if not data_paragraphs:
        data_paragraphs.append("La fiche du service ne décrit pas encore ses données ; demandez-la à votre agence.")
    data_paragraphs.append(
        "Les données de santé, d'origine ou de handicap ne sont jamais utilisées pour produire la proposition ; elles "
        "ne servent, séparément et sous contrôle, qu'à vérifier l'absence de discrimination."
    )

    # 3° parameters and their weight in this case
    params = []
    weighted = [w for w in weights if w["weight"] is not None]
    if weighted:
        params.append("Les éléments suivants ont pesé dans la proposition faite pour vous, du plus au moins important :")
        for w in weighted:
            source = f" (source : {w['source']})" if w.get("source") else ""
            sens = {"positive": "a joué en faveur du résultat", "négative": "a joué en sens contraire",
                    "nulle": "n'a pas joué"}[w["direction"]]
            params.append(f"– {w['label']} : poids {_fr_number(w['weight'])}, soit {round(w['share'] * 100)} % de l'ensemble ; "
                          f"{sens}{source}.")
    unweighted = [w for w in weights if w["weight"] is None]
    if unweighted:
        params.append("Autres éléments pris en compte : " + "; ".join(
            w["label"] + (f" ({w['source']})" if w.get("source") else "") for w in unweighted) + ".")
    for rule_id in proposal.get("rules_fired") or []:
        rule = rules_by_id.get(rule_id)
        if rule:
            params.append(f"– Règle {rule.id} « {rule.title} » ({rule.cite()}) : {rule.description or rule.action}.")
        else:
            params.append(f"– Règle {rule_id} appliquée.")
    if not params:
        params.append("Aucun paramètre pondéré n'a été enregistré pour cette proposition.")
    if card and card.parameters:
        params.append("Paramètres généraux du traitement : " + "; ".join(
            f"{p.name}{' (' + p.weight + ')' if p.weight else ''}" for p in card.parameters) + ".")

    # 4° operations
    operations = list(card.operations) if card and card.operations else [
        "lecture des données du dossier nécessaires au service",
        "calcul d'une proposition par le modèle et les règles métier",
        "examen de la proposition par une personne, qui décide",
    ]
    operations = [f"{i}. {op[0].upper() + op[1:]}" for i, op in enumerate(operations, 1)]

    # AI Act art. 86
    ai_role = [
        "Rôle du système d'intelligence artificielle : "
        + ("il a préparé une proposition que la personne chargée de votre dossier a examinée avant de décider."
           if mode == "model"
           else "aucun : le modèle était suspendu, seules des règles écrites ont été appliquées, puis une personne a décidé."),
        f"Principaux éléments de la décision : proposition du service — {_describe_output(proposal.get('output') or {})} ; "
        f"décision — {OUTCOME_FR.get(outcome, outcome)}"
        + (f" (nouvelle valeur : {_describe_output(decision['modified_output'])})" if decision.get("modified_output") else "")
        + (f" ; motif : {decision['reason']}" if decision.get("reason") else "") + ".",
    ]
    if card and card.ai_act.annex_iii_point:
        ai_role.append(
            f"Ce service relève de l'annexe III, point {card.ai_act.annex_iii_point}, du règlement européen sur "
            "l'intelligence artificielle (UE) 2024/1689 ; l'article 86 de ce règlement vous donne droit à ces explications."
        )

    sections = [
        ExplanationSection(key="contribution", title="1. Rôle du traitement algorithmique dans la décision",
                           paragraphs=contribution),
        ExplanationSection(key="data", title="2. Données utilisées et leurs sources", paragraphs=data_paragraphs),
        ExplanationSection(key="parameters", title="3. Paramètres appliqués à votre situation et leur poids",
                           paragraphs=params),
        ExplanationSection(key="operations", title="4. Opérations effectuées", paragraphs=operations),
        ExplanationSection(key="ai_act", title="5. Rôle de l'intelligence artificielle et éléments principaux de la décision",
                           paragraphs=ai_role),
        ExplanationSection(key="contest", title="6. Comment contester ou demander un réexamen",
                           paragraphs=[f"– {c}" for c in CONTEST]),
    ]
    mention = mention_explicite(card)
    header = [
        f"Objet : explication de la décision n° {decision['id']} du {_fr_date(decision['created_at'])}",
        f"Service : {title}",
        "",
        "Madame, Monsieur,",
        "",
        "Vous avez demandé comment un traitement algorithmique a contribué à une décision qui vous concerne. "
        "Voici les informations prévues par l'article R311-3-1-2 du code des relations entre le public et "
        "l'administration et par l'article 86 du règlement européen sur l'intelligence artificielle.",
    ]
    body = []
    for section in sections:
        body += ["", section.title, *section.paragraphs]
    footer = ["", "Mention explicite :", mention, "", "Veuillez agréer, Madame, Monsieur, nos salutations distinguées."]
    letter = "\n".join(header + body + footer)
    return Explanation(decision_id=decision["id"], proposal_id=proposal["id"], service=service, service_title=title,
                       decided_at=str(decision["created_at"]), outcome=outcome, mention=mention, sections=sections,
                       letter=letter, weights=weights)


def can_read_subject(actor, subject_ref: str | None) -> bool:
    """Counsellors, auditors and administrators see every record; others only records about themselves."""
    from tremplin.governance.pseudonymise import pseudonym

    if actor is None:
        return True  # local CLI use: the operator of the installation
    if actor.role in ("counsellor", "auditor", "administrator"):
        return True
    return bool(actor.subject_id) and subject_ref is not None and pseudonym(actor.subject_id) == subject_ref


def explain_decision(session: Session, decision_id: str, *, actor=None) -> Explanation:
    """The explanation of a journaled decision. A person who is not staff may only read their own."""
    from tremplin.governance import cards, journal

    record = journal.find(session, "decision", decision_id)
    if record is None:
        raise NotFound(f"décision inconnue « {decision_id} »", field="decision_id")
    if not can_read_subject(actor, record.data.get("subject_ref")):
        # Same answer as an unknown id: do not reveal that the decision exists.
        raise NotFound(f"décision inconnue « {decision_id} »", field="decision_id")
    proposal_record = journal.find(session, "proposal", record.data["ref_id"])
    if proposal_record is None:
        raise NotFound(f"la proposition de la décision « {decision_id} » n'est plus au journal (purgée)",
                       field="decision_id")
    proposal = {**proposal_record.data, "id": proposal_record.record_id}
    decision = {**record.data, "id": record.record_id, "created_at": record.data.get("decision_created_at")}
    card = None
    if proposal["service"] in cards.service_names():
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            card = cards.load_card(proposal["service"])
    return build_explanation(proposal, decision, card)
