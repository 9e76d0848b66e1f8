"""Offers: the list with their legality state, one offer with its findings, confirm or override."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy.exc import IntegrityError

from tremplin.errors import InvalidInput
from tremplin.web import casefiles, gateway
from tremplin.web.forms import (
    clean_text,
    idempotency_key,
    prior_submission,
    read_form,
    record_submission,
    require_user,
)
from tremplin.web.highlight import segments
from tremplin.web.render import FormErrors, redirect, render

router = APIRouter()

STAFF = ("counsellor", "administrator")
CATEGORY_LABELS = {
    "age": "âge", "sex": "sexe", "family": "situation de famille", "origin": "origine", "religion": "religion",
    "appearance": "apparence physique", "health_disability": "santé ou handicap", "residence": "lieu de résidence",
    "opinions": "opinions", "sexual_orientation_identity": "orientation sexuelle ou identité de genre",
    "language": "langue", "fee": "frais demandés au candidat", "pay": "rémunération", "candidate_data": "données du candidat",
    "contract": "contrat", "working_time": "temps de travail", "minors": "mineurs", "internship": "stage",
    "undeclared": "travail dissimulé", "misleading": "offre trompeuse", "formalities": "formalités",
    "pay_transparency": "transparence salariale",
}
PAGE_SIZE = 50


def _finding_spans(findings: list[dict], field: str) -> list[tuple[int, int, int]]:
    spans = []
    for number, finding in enumerate(findings, start=1):
        span = finding.get("span")
        if (finding.get("field") or "description") == field and span and len(span) == 2:
            spans.append((span[0], span[1], number))
    return spans


@router.get("/console/offres")
def offer_list(request: Request, page: int = 1):
    require_user(request, *STAFF)
    from tremplin.store.db import session_scope

    page = max(1, page)
    with session_scope() as db:
        rows = casefiles.offers(db, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        total = casefiles.count_offers(db)
        reviews = casefiles.latest_items_by_subject(db, "offer_review", [r.id for r in rows])
        unchecked = casefiles.count_unchecked_offers(db)
        open_reviews = casefiles.items(db, kind="offer_review", status="open")
    return render(request, "console/offres.html", title="Offres", rows=rows, reviews=reviews, total=total,
                  page=page, pages=max(1, -(-total // PAGE_SIZE)), unchecked=unchecked, open_reviews=open_reviews,
                  verdicts=gateway.VERDICT_LABELS)


@router.post("/console/offres/controle")
async def check_unchecked(request: Request):
    user = require_user(request, *STAFF)
    form = await read_form(request)
    from tremplin.store.db import session_scope

    key = idempotency_key(form)
    with session_scope() as db:
        prior = prior_submission(db, key)
        if prior:
            return redirect(prior, "deja")
        try:
            casefiles.check_pending_offers(db, limit=200)
        except gateway.Unavailable as exc:
            return render(request, "erreur.html", status_code=503, error=exc, title=exc.title)
        record_submission(db, key, user.id, "legality-batch", "/console/offres")
    return redirect("/console/offres", "controle")


def _offer_page(request, offer_id: str, *, errors=None, values=None, status_code=200):
    from tremplin.store.db import session_scope

    with session_scope() as db:
        offer = casefiles.get_offer(db, offer_id)
        review = casefiles.latest_items_by_subject(db, "offer_review", [offer_id]).get(offer_id)
        reviews = gateway.legality_reviews(db, offer_id) if review else []
        shortlist = casefiles.latest_items_by_subject(db, "candidate_list", [offer_id]).get(offer_id)
    findings = ((review.proposal.get("output") or {}).get("findings") or []) if review else []
    wanted = set((review.data or {}).get("review_ids") or []) if review else set()
    by_key = {gateway.finding_key(r): r for r in reviews if r["review_id"] in wanted}
    decisions = [by_key.get(gateway.finding_key(f)) for f in findings]
    return render(
        request,
        "console/offre.html",
        status_code=status_code,
        title=f"Offre {offer.intitule or offer.id}",
        offer=offer,
        review=review,
        findings=findings,
        decisions=decisions,
        pending=any(d is not None and d["status"] == "pending" for d in decisions),
        shortlist=(shortlist.proposal if shortlist else None),
        title_segments=segments(offer.intitule or "", _finding_spans(findings, "intitule")),
        description_segments=segments(offer.description or "", _finding_spans(findings, "description")),
        categories=CATEGORY_LABELS,
        verdicts=gateway.VERDICT_LABELS,
        errors=errors or FormErrors(),
        values=values or {},
    )


@router.get("/console/offres/{offer_id}")
def offer_page(request: Request, offer_id: str):
    require_user(request, *STAFF)
    return _offer_page(request, offer_id)


@router.post("/console/offres/{offer_id}/controle")
async def recheck(request: Request, offer_id: str):
    user = require_user(request, *STAFF)
    form = await read_form(request)
    from tremplin.store.db import session_scope

    key = idempotency_key(form)
    url = f"/console/offres/{offer_id}"
    with session_scope() as db:
        prior = prior_submission(db, key)
        if prior:
            return redirect(prior, "deja")
        offer = casefiles.get_offer(db, offer_id)
        try:
            casefiles.check_offer_now(db, offer)
        except gateway.Unavailable as exc:
            return render(request, "erreur.html", status_code=503, error=exc, title=exc.title)
        record_submission(db, key, user.id, "legality-check", url)
    return redirect(url, "controle")


@router.post("/console/offres/{offer_id}/candidats")
async def shortlist(request: Request, offer_id: str):
    """Ask the matching service for a shortlist of jobseekers for this offer (journaled by the service)."""
    import hashlib
    from datetime import UTC, datetime

    user = require_user(request, *STAFF)
    form = await read_form(request)
    from tremplin.store.db import session_scope
    from tremplin.store.tables.console import ConsoleItemRow

    key = idempotency_key(form)
    url = f"/console/offres/{offer_id}"
    with session_scope() as db:
        prior = prior_submission(db, key)
        if prior:
            return redirect(prior, "deja")
        casefiles.get_offer(db, offer_id)
        try:
            recs = gateway.suggest_candidates(db, offer_id, top=10)
        except gateway.Unavailable as exc:
            return render(request, "erreur.html", status_code=503, error=exc, title=exc.title)
        item_id = "mc" + hashlib.sha256(f"{offer_id}|{datetime.now(UTC).isoformat()}".encode()).hexdigest()[:40]
        db.add(ConsoleItemRow(id=item_id, kind="candidate_list", service="matching", subject_id=offer_id,
                              title=f"Candidats pour {offer_id}", proposal=recs, data={}, status="none",
                              created_at=datetime.now(UTC)))
        record_submission(db, key, user.id, "candidates", url)
    return redirect(url + "#t-candidats", "candidats")


@router.post("/console/offres/{offer_id}/decision")
async def decide_offer(request: Request, offer_id: str):
    """Confirm or override each finding to review; overriding needs a reason (journaled per finding)."""
    user = require_user(request, *STAFF)
    form = await read_form(request)
    from tremplin.store.db import session_scope

    key = idempotency_key(form)
    url = f"/console/offres/{offer_id}"
    item_id = form.get("item_id") or ""
    errors = FormErrors()
    values: dict = {}
    try:
        with session_scope() as db:
            prior = prior_submission(db, key)
            if prior:
                return redirect(prior, "deja")
            row = casefiles.get_item(db, item_id)
            if row is None or row.subject_id != offer_id or row.kind != "offer_review":
                raise InvalidInput("ce contrôle ne correspond pas à cette offre", field="item_id")
            if row.status != "open":
                return redirect(url, "deja")
            findings = (row.proposal.get("output") or {}).get("findings") or []
            wanted = set((row.data or {}).get("review_ids") or [])
            by_key = {gateway.finding_key(r): r for r in gateway.legality_reviews(db, offer_id)
                      if r["review_id"] in wanted}
            choices = []
            for number, finding in enumerate(findings, start=1):
                review = by_key.get(gateway.finding_key(finding))
                if review is None or review["status"] != "pending":
                    continue
                choice = form.get(f"constat_{number}") or "confirm"
                reason = clean_text(form.get(f"motif_{number}"))
                values[f"constat_{number}"] = choice
                values[f"motif_{number}"] = reason
                if choice not in ("confirm", "override"):
                    errors.add(f"constat_{number}", f"Constat {number} : choisissez « confirmer » ou « écarter ».")
                elif choice == "override" and len(reason) < 5:
                    errors.add(f"motif_{number}", f"Constat {number} : expliquez pourquoi vous l'écartez "
                               "(au moins 5 caractères).")
                choices.append((review, choice, reason))
            if errors:
                raise _Invalid()
            for review, choice, reason in choices:
                gateway.decide_finding(db, offer_id, review, choice, user.actor(),
                                       reason if choice == "override" else (reason or None))
            casefiles.refresh_offer_review(db, row)
            row.decided_by = user.id
            record_submission(db, key, user.id, "legality-decision", url)
    except _Invalid:
        return _offer_page(request, offer_id, errors=errors, values=values, status_code=422)
    except IntegrityError:
        return redirect(url, "deja")
    return redirect(url, "decision")


class _Invalid(Exception):
    """Form errors: roll the transaction back and show the form again."""
