"""Ethics self-assessment per service: the charter's seven commitments and the FRIA (AI Act art. 27).

A questionnaire (:data:`QUESTIONNAIRE`) is answered as YAML (or from the console, which calls
the same functions), then scored; each answer that is « non », « partiel » or missing opens an
action. Every submission is a new version, stored with the card and journaled; the newest one
feeds the register (score, open actions, FRIA summary).

YAML shape::

    service: matching
    answered_by: Équipe mise en relation
    answers:
      finalite.besoin: {answer: oui, comment: "…", evidence: "https://…"}
      fria.a_processus: {answer: "Le service est utilisé lors de l'entretien…"}

Yes/no questions accept ``oui``, ``partiel``, ``non`` or ``sans objet``; FRIA fields are text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from tremplin.errors import InvalidInput

QUESTIONNAIRE_VERSION = "2025-1"
YES_NO = ("oui", "partiel", "non", "sans objet")
SCORES = {"oui": 1.0, "partiel": 0.5, "non": 0.0}
MIN_TEXT = 40  # characters for a FRIA field to count as answered


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    section: str
    text: str
    kind: Literal["yes_no", "text"] = "yes_no"
    weight: float = 1.0
    action: str  # what to do when the answer is not « oui »
    reference: str = ""


class Section(BaseModel):
    key: str
    title: str


SECTIONS = [
    Section(key="finalite", title="1. Finalité et légitimité"),
    Section(key="humain", title="2. L'humain au centre"),
    Section(key="equite", title="3. Équité et non-discrimination"),
    Section(key="choix", title="4. Liberté de choix"),
    Section(key="transparence", title="5. Transparence"),
    Section(key="securite", title="6. Sécurité et protection des données"),
    Section(key="environnement", title="7. Impact environnemental"),
    Section(key="fria", title="Analyse d'impact sur les droits fondamentaux (règlement IA, art. 27)"),
]

_Q = Question
QUESTIONNAIRE: list[Question] = [
    _Q(id="finalite.besoin", section="finalite", text="Le besoin des usagers ou des agents auquel répond le service est-il décrit et validé ?",
       action="Décrire le besoin et le faire valider par les métiers et des usagers.", reference="Charte, engagement 1"),
    _Q(id="finalite.base_legale", section="finalite", text="La base légale du traitement est-elle identifiée et citée dans la fiche ?",
       action="Identifier la base légale (mission de service public, article du code du travail) et la citer.", weight=2,
       reference="RGPD art. 6 ; CRPA L311-3-1"),
    _Q(id="finalite.alternative", section="finalite", text="A-t-on vérifié qu'une solution sans IA ne suffisait pas ?",
       action="Comparer avec une solution à base de règles seules et documenter le choix."),
    _Q(id="finalite.usages_exclus", section="finalite", text="Les usages exclus (notation sociale, sanction automatique…) sont-ils écrits ?",
       action="Lister les usages exclus dans la fiche (out_of_scope_uses).", reference="Règlement IA art. 5(1)(c)"),
    _Q(id="humain.decision", section="humain", text="Chaque proposition est-elle examinée par une personne qui décide et peut la modifier ou la refuser ?",
       action="Faire passer toute proposition par une décision humaine journalisée.", weight=2, reference="Règlement IA art. 14"),
    _Q(id="humain.arret", section="humain", text="Le service peut-il être suspendu ou réduit aux règles seules sans redéploiement ?",
       action="Utiliser l'interrupteur par service (tremplin oversight set).", reference="Règlement IA art. 14(4)(e)"),
    _Q(id="humain.derogation", section="humain", text="Le taux de dérogation est-il suivi, avec alerte s'il est proche de zéro ?",
       action="Suivre tremplin oversight rates et traiter les alertes de biais d'automatisation.", reference="Règlement IA art. 14(4)(b)"),
    _Q(id="humain.formation", section="humain", text="Les agents utilisateurs sont-ils formés aux capacités et limites du service ?",
       action="Organiser une formation (maîtrise de l'IA) avant l'ouverture.", reference="Règlement IA art. 4"),
    _Q(id="equite.attributs", section="equite", text="Le modèle exclut-il les critères protégés (art. L1132-1 du code du travail) et leurs approximations connues ?",
       action="Retirer les critères protégés et vérifier les variables qui s'en approchent.", weight=2, reference="Code du travail L1132-1"),
    _Q(id="equite.audit", section="equite", text="Un audit d'équité par groupe (avec intervalles de confiance) a-t-il été réalisé récemment ?",
       action="Lancer tremplin audit SERVICE et traiter les écarts signalés.", weight=2, reference="Règlement IA art. 10(2)(f)"),
    _Q(id="equite.donnees", section="equite", text="La représentativité des données d'entraînement a-t-elle été examinée ?",
       action="Décrire les données par groupe dans la fiche de données.", reference="Règlement IA art. 10(3)"),
    _Q(id="choix.non_contraignant", section="choix", text="Les recommandations restent-elles non contraignantes pour la personne (elle peut refuser) ?",
       action="Afficher que la proposition n'engage pas et permettre le refus sans conséquence."),
    _Q(id="choix.criteres", section="choix", text="Les critères choisis par la personne (métier, distance, contrat) sont-ils respectés comme des filtres ?",
       action="Appliquer les critères de la personne comme filtres stricts."),
    _Q(id="choix.contestation", section="choix", text="La personne peut-elle contester et obtenir un réexamen humain ?",
       action="Publier la voie de recours et l'adresse de réexamen.", weight=2, reference="Règlement IA art. 86"),
    _Q(id="transparence.mention", section="transparence", text="La mention explicite figure-t-elle sur chaque décision ?",
       action="Afficher la mention explicite (tremplin explain) sur chaque décision.", weight=2, reference="CRPA L311-3-1, R311-3-1-1"),
    _Q(id="transparence.registre", section="transparence", text="Le service est-il publié au registre des algorithmes ?",
       action="Générer et publier le registre (tremplin register build).", reference="CRPA L312-1-3"),
    _Q(id="transparence.explication", section="transparence", text="Une explication individuelle intelligible peut-elle être fournie sur demande ?",
       action="Vérifier que tremplin explain produit une lettre complète pour ce service.", reference="CRPA R311-3-1-2"),
    _Q(id="securite.pseudonymisation", section="securite", text="Les données personnelles sont-elles pseudonymisées dans le journal, les exports et l'entraînement ?",
       action="Passer les données par la pseudonymisation avant journalisation et entraînement.", weight=2, reference="RGPD art. 25, 32"),
    _Q(id="securite.aipd", section="securite", text="Une analyse d'impact relative à la protection des données (AIPD) a-t-elle été faite ?",
       action="Réaliser l'AIPD avec le délégué à la protection des données.", reference="RGPD art. 35"),
    _Q(id="securite.robustesse", section="securite", text="La robustesse (entrées erronées, attaques) a-t-elle été testée ?",
       action="Ajouter des tests de robustesse (entrées invalides, valeurs extrêmes).", reference="Règlement IA art. 15"),
    _Q(id="environnement.mesure", section="environnement", text="La consommation d'énergie et les émissions de l'entraînement et des prédictions sont-elles mesurées ?",
       action="Mesurer avec tremplin.governance.footprint.measure et publier sur la fiche."),
    _Q(id="environnement.sobriete", section="environnement", text="Le modèle le plus sobre offrant une qualité suffisante a-t-il été retenu ?",
       action="Comparer la qualité et l'empreinte d'un modèle plus simple."),
    _Q(id="fria.a_processus", section="fria", kind="text", weight=1,
       text="(a) Description des processus du déployeur dans lesquels le système est utilisé, conformément à sa destination.",
       action="Décrire les processus d'utilisation.", reference="Règlement IA art. 27(1)(a)"),
    _Q(id="fria.b_periode", section="fria", kind="text", text="(b) Période et fréquence d'utilisation prévues.",
       action="Indiquer la période et la fréquence d'utilisation.", reference="Règlement IA art. 27(1)(b)"),
    _Q(id="fria.c_personnes", section="fria", kind="text", text="(c) Catégories de personnes et groupes susceptibles d'être concernés.",
       action="Lister les catégories de personnes concernées.", reference="Règlement IA art. 27(1)(c)"),
    _Q(id="fria.d_risques", section="fria", kind="text", text="(d) Risques spécifiques de préjudice pour ces personnes et groupes.",
       action="Décrire les risques de préjudice, groupe par groupe.", reference="Règlement IA art. 27(1)(d)"),
    _Q(id="fria.e_controle", section="fria", kind="text", text="(e) Mise en œuvre des mesures de contrôle humain, selon la notice d'utilisation.",
       action="Décrire le contrôle humain effectif.", reference="Règlement IA art. 27(1)(e)"),
    _Q(id="fria.f_mesures", section="fria", kind="text",
       text="(f) Mesures à prendre si ces risques se matérialisent, y compris la gouvernance interne et les mécanismes de plainte.",
       action="Décrire les mesures, la gouvernance interne et les voies de plainte.", reference="Règlement IA art. 27(1)(f)"),
]
QUESTIONS = {q.id: q for q in QUESTIONNAIRE}


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer: str | None = None
    comment: str = ""
    evidence: str = ""


class AssessmentInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    service: str
    answered_by: str = ""
    questionnaire_version: str = QUESTIONNAIRE_VERSION
    answers: dict[str, Answer] = Field(default_factory=dict)


def template(service: str, card=None) -> dict[str, Any]:
    """A blank questionnaire for a service, as a dict ready to dump in YAML (hints from the card as comments)."""
    hints: dict[str, str] = {}
    if card is not None:
        hints["finalite.base_legale"] = "Fiche : " + " ; ".join(card.legal_basis)
        hints["fria.c_personnes"] = "Fiche : " + ", ".join(card.persons_concerned or card.intended_users)
        hints["fria.e_controle"] = "Fiche : " + " ; ".join(card.human_oversight)
        if card.out_of_scope_uses:
            hints["finalite.usages_exclus"] = "Fiche : " + " ; ".join(card.out_of_scope_uses)
    return {
        "service": service,
        "answered_by": "",
        "questionnaire_version": QUESTIONNAIRE_VERSION,
        "answers": {
            q.id: {"question": q.text, "answer": None, "comment": hints.get(q.id, ""), "evidence": "",
                   "choices": "texte libre" if q.kind == "text" else " / ".join(YES_NO)}
            for q in QUESTIONNAIRE
        },
    }


def parse_yaml(text: str) -> AssessmentInput:
    import yaml

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise InvalidInput(f"YAML illisible : {exc}", field="fichier") from exc
    if not isinstance(data, dict):
        raise InvalidInput("le questionnaire doit être un objet YAML (service, answers)", field="fichier")
    answers = {}
    for key, value in (data.get("answers") or {}).items():
        if isinstance(value, dict):
            answers[key] = {k: v for k, v in value.items() if k in ("answer", "comment", "evidence")}
            for k in ("comment", "evidence"):
                if answers[key].get(k) is None:
                    answers[key][k] = ""
        else:
            answers[key] = {"answer": value}
        if answers[key].get("answer") is not None:
            answers[key]["answer"] = str(answers[key]["answer"])
    try:
        return AssessmentInput(service=data.get("service", ""), answered_by=str(data.get("answered_by") or ""),
                               questionnaire_version=str(data.get("questionnaire_version") or QUESTIONNAIRE_VERSION),
                               answers=answers)
    except ValueError as exc:
        raise InvalidInput(f"questionnaire invalide : {exc}", field="fichier") from exc


def score(inp: AssessmentInput) -> dict[str, Any]:
    """Score per commitment and overall (weighted, « sans objet » excluded) and the open actions."""
    unknown = sorted(set(inp.answers) - set(QUESTIONS))
    if unknown:
        raise InvalidInput(f"questions inconnues : {', '.join(unknown)}", field="answers")
    per_section: dict[str, dict[str, float]] = {s.key: {"got": 0.0, "max": 0.0} for s in SECTIONS}
    actions = []
    answered = 0
    for q in QUESTIONNAIRE:
        a = inp.answers.get(q.id, Answer())
        value = (a.answer or "").strip()
        if q.kind == "yes_no":
            norm = value.lower()
            if norm and norm not in YES_NO:
                raise InvalidInput(f"réponse « {value} » invalide pour {q.id}", field=q.id, hint=" / ".join(YES_NO))
            if norm == "sans objet":
                answered += 1
                continue
            got = SCORES.get(norm, 0.0)
            answered += bool(norm)
            status = norm or "sans réponse"
        else:
            got = 1.0 if len(value) >= MIN_TEXT else (0.5 if value else 0.0)
            answered += bool(value)
            status = "renseigné" if got == 1.0 else ("trop succinct" if value else "sans réponse")
        per_section[q.section]["got"] += got * q.weight
        per_section[q.section]["max"] += q.weight
        if got < 1.0:
            actions.append({"question": q.id, "section": q.section, "status": status, "action": q.action,
                            "reference": q.reference, "priority": "haute" if q.weight >= 2 or got == 0.0 else "normale"})
    sections = []
    total_got = total_max = 0.0
    for s in SECTIONS:
        got, mx = per_section[s.key]["got"], per_section[s.key]["max"]
        total_got, total_max = total_got + got, total_max + mx
        sections.append({"key": s.key, "title": s.title, "score": (got / mx) if mx else None})
    fria_fields = {q.id: (inp.answers.get(q.id, Answer()).answer or "").strip() for q in QUESTIONNAIRE if q.section == "fria"}
    complete = all(len(v) >= MIN_TEXT for v in fria_fields.values())
    fria_summary = ("Analyse d'impact complète : " if complete else "Analyse d'impact incomplète : ") + " ".join(
        f"{QUESTIONS[k].text.split(')')[0]})" + (" ✓" if len(v) >= MIN_TEXT else " à compléter") for k, v in fria_fields.items()
    )
    return {
        "score": total_got / total_max if total_max else None,
        "sections": sections,
        "open_actions": sorted(actions, key=lambda a: (a["priority"] != "haute", a["question"])),
        "answered": answered,
        "questions": len(QUESTIONNAIRE),
        "fria_complete": complete,
        "fria_summary": fria_summary,
    }


def questionnaire(service: str | None = None) -> dict[str, Any]:
    """The questionnaire as plain data, for forms: sections → questions (id, text, choices, help, required)."""
    sections = []
    for sec in SECTIONS:
        questions = [
            {"id": q.id, "text": q.text, "kind": q.kind, "choices": list(YES_NO) if q.kind == "yes_no" else [],
             "help": q.reference, "required": q.kind == "yes_no", "weight": q.weight}
            for q in QUESTIONNAIRE if q.section == sec.key
        ]
        sections.append({"key": sec.key, "title": sec.title, "description": "", "questions": questions})
    return {"service": service, "version": QUESTIONNAIRE_VERSION, "sections": sections}


def from_answers(service: str, answers: dict[str, Any], answered_by: str = "") -> AssessmentInput:
    """Build an input from a form's answers: ``{qid: "oui"}`` or ``{qid: {"answer": ..., "note"|"comment": ...}}``."""
    parsed = {}
    for qid, value in answers.items():
        if isinstance(value, dict):
            parsed[qid] = Answer(answer=None if value.get("answer") in (None, "") else str(value.get("answer")),
                                 comment=str(value.get("comment") or value.get("note") or ""),
                                 evidence=str(value.get("evidence") or ""))
        else:
            parsed[qid] = Answer(answer=None if value in (None, "") else str(value))
    return AssessmentInput(service=service, answered_by=answered_by, answers=parsed)


def submit(session, inp: AssessmentInput | str, answers: dict[str, Any] | None = None, *, actor_id: str,
           actor_role: str) -> dict[str, Any]:
    """Score, store as a new version on the card, and journal it.

    Either ``submit(session, AssessmentInput)`` or ``submit(session, service, {qid: answer})``.
    """
    from tremplin.governance import cards, journal
    from tremplin.governance.pseudonymise import canonical_json, keyed_hash, pseudonym

    if isinstance(inp, str):
        inp = from_answers(inp, answers or {})

    if inp.service not in cards.service_names():
        raise InvalidInput(f"service inconnu « {inp.service} »", field="service")
    if actor_role not in ("administrator", "auditor", "counsellor"):
        from tremplin.errors import Forbidden

        raise Forbidden("l'auto-évaluation est réservée aux équipes (administrateur, auditeur, conseiller)")
    result = score(inp)
    payload = {**result, "answered_by": inp.answered_by, "questionnaire_version": inp.questionnaire_version,
               "answers": {k: v.model_dump() for k, v in inp.answers.items()},
               "submitted_at": datetime.now(UTC).isoformat(timespec="seconds")}
    stored = cards.save_report(session, inp.service, "assessment", payload, actor_ref=pseudonym(actor_id))
    journal.append(session, kind="assessment", record_id=f"assessment-{inp.service}-{stored['version']}",
                   service=inp.service, actor_ref=pseudonym(actor_id),
                   data={"actor_role": actor_role, "version": stored["version"], "score": result["score"],
                         "open_actions": len(result["open_actions"]), "payload_hash": keyed_hash(canonical_json(payload))})
    return {**payload, "service": inp.service, "version": stored["version"]}


def read(session, service: str, version: int | None = None) -> dict[str, Any]:
    """The newest (or a given) version of a service's assessment, for the console and the API."""
    from tremplin.errors import NotFound
    from tremplin.governance import cards

    stored = cards.latest_report(session, service, "assessment", version=version)
    if stored is None:
        raise NotFound(f"aucune auto-évaluation pour « {service} »" + (f" (version {version})" if version else ""),
                       field="service")
    return {**stored["payload"], "service": service, "version": stored["version"], "created_at": stored["created_at"]}


def to_yaml(data: dict[str, Any]) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def render_report(result: dict[str, Any]) -> str:
    """Plain-French report with scores and open actions."""
    lines = [f"Auto-évaluation éthique — service « {result.get('service', '')} » (version {result.get('version', '—')})"]
    if result.get("score") is not None:
        lines.append(f"Score global : {result['score']:.0%} ({result['answered']}/{result['questions']} questions renseignées)")
    for s in result["sections"]:
        lines.append(f"  {s['title']} : {'—' if s['score'] is None else format(s['score'], '.0%')}")
    lines.append(result["fria_summary"])
    if result["open_actions"]:
        lines.append(f"Actions ouvertes ({len(result['open_actions'])}) :")
        for a in result["open_actions"]:
            lines.append(f"  [{a['priority']}] {a['question']} ({a['status']}) : {a['action']}")
    else:
        lines.append("Aucune action ouverte.")
    return "\n".join(lines)
