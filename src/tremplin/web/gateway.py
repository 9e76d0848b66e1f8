"""The console's only door to the services and to governance.

Pages call these functions, never a service's internals. When a service is not installed yet
(its package is missing) or is switched off, they raise :class:`Unavailable` and the page says so
in French instead of failing. Everything else (bad input, not found…) propagates as the usual
:class:`~tremplin.errors.TremplinError`.
"""

from __future__ import annotations

import importlib
from typing import Any

from tremplin.errors import ServiceDisabled, TremplinError

SERVICE_LABELS = {
    "rome_coding": "codage des métiers (ROME)",
    "legality": "contrôle de légalité des offres",
    "cv_analysis": "analyse de CV",
    "search": "recherche d'information",
    "matching": "rapprochement offres et candidats",
}


class Unavailable(TremplinError):
    """A service the page needs is not installed yet, or is switched off."""

    http_status = 503
    kind = "service-indisponible"
    title = "Service indisponible"

    def __init__(self, service: str, detail: str | None = None):
        label = SERVICE_LABELS.get(service, service)
        super().__init__(detail or f"le service « {label} » n'est pas encore disponible")
        self.service = service
        self.label = label


def _import(module: str, service: str):
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        # Only a missing module of Tremplin itself means "not installed yet"; anything else is a bug.
        if exc.name and (exc.name == module or module.startswith(exc.name + ".") or exc.name.startswith(module)):
            raise Unavailable(service) from exc
        raise


def _attr(module: str, name: str, service: str):
    mod = _import(module, service)
    if not hasattr(mod, name):
        raise Unavailable(service)
    return getattr(mod, name)


def service_names() -> list[str]:
    from tremplin.services import SERVICE_NAMES

    return list(SERVICE_NAMES)


def disabled(service: str, exc: ServiceDisabled) -> Unavailable:
    return Unavailable(service, f"le service « {SERVICE_LABELS.get(service, service)} » est désactivé : {exc.message}")


# --------------------------------------------------------------------------- cards and register


def cards(db=None) -> list[Any]:
    """The cards of the installed services (completed with stored reports when ``db`` is given)."""
    import warnings

    from tremplin.governance import cards as gcards

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = list(gcards.load_cards().values())
    if db is not None:
        found = [gcards.effective_card(db, c) for c in found]
    return found


def card(name: str, db=None):
    import warnings

    from tremplin.governance import cards as gcards

    if name not in service_names():
        from tremplin.errors import NotFound

        raise NotFound(f"service inconnu « {name} »", field="service")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = gcards.load_card(name)
    if found is None:
        raise Unavailable(name)
    return gcards.effective_card(db, found) if db is not None else found


# --------------------------------------------------------------------------- search (public)

AUDIENCES = [
    ("", "Tous les publics"),
    ("particulier", "Particulier"),
    ("salarié", "Salarié·e"),
    ("employeur", "Employeur"),
]


def search(query: str, *, audience: str | None = None, top: int = 10) -> dict[str, Any]:
    """Help-page search: the service's response as a dict (query, results with passage and highlights,
    message, corrections, definitions)."""
    from tremplin.errors import DataUnavailable

    fn = _attr("tremplin.services.search", "search", "search")
    try:
        response = fn(query, top=top, audience=audience or None)
    except ServiceDisabled as exc:
        raise disabled("search", exc) from exc
    except DataUnavailable as exc:
        raise Unavailable("search", f"la recherche n'est pas prête : {exc.message}") from exc
    data = _as_dict(response) if not isinstance(response, dict) else dict(response)
    data["results"] = [_as_dict(r) for r in data.get("results") or []]
    return data


# --------------------------------------------------------------------------- legality

VERDICT_LABELS = {"block": "bloquante", "review": "à revoir", "advise": "conseil", "ok": "conforme"}


def _as_dict(value) -> dict[str, Any]:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return dict(value)


def run_legality(offer) -> tuple[Any, str]:
    """The legality service's report on an offer (nothing journaled), after checking the service switch."""
    from tremplin.governance import contract

    fn = _attr("tremplin.services.legality", "check_offer", "legality")
    try:
        mode = contract.ensure_enabled("legality")
        return fn(offer), mode
    except ServiceDisabled as exc:
        raise disabled("legality", exc) from exc


def submit_offer(db, offer) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Check an offer and journal each finding to review (BLOCK / REVIEW) as a proposal awaiting a counsellor.
    Returns (the report as a dict, the findings to review)."""
    oversight = _import("tremplin.services.legality.oversight", "legality")
    try:
        report, reviews = oversight.submit(db, offer)
    except ServiceDisabled as exc:
        raise disabled("legality", exc) from exc
    result = _as_dict(report)
    result["findings"] = [_as_dict(f) for f in result.get("findings") or []]
    return result, reviews


def legality_reviews(db, offer_id: str) -> list[dict[str, Any]]:
    oversight = _import("tremplin.services.legality.oversight", "legality")
    return oversight.reviews_for(db, offer_id)


def decide_finding(db, offer_id: str, review: dict[str, Any], outcome: str, actor, reason: str | None) -> dict:
    """A counsellor confirms or overrides one finding (journaled as a decision on its proposal)."""
    oversight = _import("tremplin.services.legality.oversight", "legality")
    try:
        return oversight.decide(db, offer_id, review["rule"], outcome, actor_id=actor.id, actor_role=actor.role,
                                reason=reason, review_id=review["review_id"])
    except ServiceDisabled as exc:
        raise disabled("legality", exc) from exc


def legality_override_rates(db) -> dict[str, Any] | None:
    try:
        oversight = _import("tremplin.services.legality.oversight", "legality")
    except Unavailable:
        return None
    return oversight.override_rates(db)


def finding_key(item: dict[str, Any]) -> tuple:
    span = item.get("span")
    return (item.get("rule"), item.get("field"), tuple(span) if span else None)


# --------------------------------------------------------------------------- CV analysis

CV_EXTENSIONS = {".pdf", ".docx", ".odt", ".rtf", ".txt"}


def analyse_cv(db, data: bytes, filename: str, media_type: str | None, jobseeker_id: str, actor) -> tuple[Any, Any]:
    """Read a CV with the CV analysis service, which keeps the analysis and journals its proposal.
    Returns (the journaled Proposal, the kept analysis row)."""
    from tremplin.governance import contract

    records = _import("tremplin.services.cv_analysis.records", "cv_analysis")
    try:
        row = records.analyse_and_save(db, data, filename, actor=actor, owner_id=jobseeker_id,
                                       content_type=media_type)
    except ServiceDisabled as exc:
        raise disabled("cv_analysis", exc) from exc
    return contract.find_proposal(db, row.proposal_id), row


def cv_analysis(db, analysis_id: str, actor):
    """The kept analysis (profile after corrections, masked text); access checked by the service."""
    records = _import("tremplin.services.cv_analysis.records", "cv_analysis")
    return records.get_analysis(db, analysis_id, actor=actor)


def correct_cv(db, analysis_id: str, actor, *, outcome: str, changes: dict[str, Any], reason: str | None,
               idempotency_key: str | None):
    """Journal the person's decision on a CV profile and apply the corrections; returns the Decision."""
    records = _import("tremplin.services.cv_analysis.records", "cv_analysis")
    _row, decision = records.record_correction(db, analysis_id, actor=actor, outcome=outcome, changes=changes or None,
                                               reason=reason, idempotency_key=idempotency_key)
    return decision


# --------------------------------------------------------------------------- occupation coding and matching


def code_occupation(db, text: str, jobseeker_id: str) -> Any:
    """ROME codes proposed for a job title; returns the journaled Proposal."""
    from tremplin.domain import Proposal
    from tremplin.governance import contract

    fn = _attr("tremplin.services.rome_coding", "code_occupation", "rome_coding")
    build = _attr("tremplin.services.rome_coding", "build_proposal", "rome_coding")
    try:
        result = fn(text)
    except ServiceDisabled as exc:
        raise disabled("rome_coding", exc) from exc
    proposal = result if isinstance(result, Proposal) else build(result)
    return contract.record_proposal(db, proposal, input_payload={"text": text}, subject_id=jobseeker_id)


def suggest_offers(db, jobseeker_id: str, *, top: int = 5) -> list[tuple[Any, dict[str, Any]]]:
    """Offers proposed to a jobseeker by the matching service, journaled by it: ``[(Proposal, suggestion)]``.
    Raises Unavailable when the service, its model or its market (territory) is missing."""
    from tremplin.errors import DataUnavailable, NotFound

    fn = _attr("tremplin.services.matching", "recommend_offers", "matching")
    try:
        recs = fn(jobseeker_id, top=top, session=db)
    except ServiceDisabled as exc:
        raise disabled("matching", exc) from exc
    except (DataUnavailable, NotFound) as exc:
        raise Unavailable("matching", f"le rapprochement n'a pas de proposition pour ce dossier : {exc.message}") from exc
    items = [_as_dict(i) for i in recs.items]
    return list(zip(recs.proposals, items, strict=False))


def suggest_candidates(db, offer_id: str, *, top: int = 10) -> dict[str, Any]:
    """A shortlist of jobseekers for an offer (journaled by the matching service)."""
    from tremplin.errors import DataUnavailable, NotFound

    fn = _attr("tremplin.services.matching", "recommend_candidates", "matching")
    try:
        recs = fn(offer_id, top=top, session=db)
    except ServiceDisabled as exc:
        raise disabled("matching", exc) from exc
    except (DataUnavailable, NotFound) as exc:
        raise Unavailable("matching", f"le rapprochement ne peut pas proposer de candidats : {exc.message}") from exc
    return _as_dict(recs)


def matching_feedback(db, jobseeker_id: str, offer_id: str, *, actor, reason: str, proposal_id: str) -> Any:
    """Refusing an offer suggestion: « pas intéressé » (the jobseeker) or a counsellor's removal, with the
    reason; the matching service journals the decision and stops proposing the offer. Returns the decision."""
    from tremplin.governance import contract

    fn = _attr("tremplin.services.matching", "record_feedback", "matching")
    kind = "pas_interesse" if actor.role == "jobseeker" else "retrait_conseiller"
    record = fn(db, jobseeker_id, offer_id, kind, actor_id=actor.id, actor_role=actor.role, reason=reason,
                proposal_id=proposal_id)
    return contract.find_decision(db, record.decision_id)


# --------------------------------------------------------------------------- explanations


def explanation(db, decision_id: str, actor) -> Any:
    from tremplin.governance.explain import explain_decision

    return explain_decision(db, decision_id, actor=actor)
