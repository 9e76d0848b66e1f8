"""Jobseekers' files: profile from a CV (correctable), AI proposals with reasons, decisions and letters."""

from __future__ import annotations

from pathlib import PurePath

from fastapi import APIRouter, Request
from sqlalchemy.exc import IntegrityError

from tremplin.errors import Forbidden, InvalidInput, NotFound, TremplinError
from tremplin.web import casefiles, gateway, profile_form
from tremplin.web.decisions import decide
from tremplin.web.forms import (
    clean_text,
    idempotency_key,
    prior_submission,
    read_form,
    record_submission,
    require_user,
)
from tremplin.web.render import MESSAGES, FormErrors, redirect, render

router = APIRouter()

READERS = ("counsellor", "jobseeker", "auditor", "administrator")
DECIDERS = ("counsellor", "jobseeker")
SUGGESTION_KINDS = ("offer_suggestion", "occupation")
ID_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def _check_access(user, jobseeker_id: str) -> None:
    """A jobseeker opens only their own file; staff open any file."""
    if not user.actor().can_see_jobseeker(jobseeker_id):
        raise Forbidden("vous ne pouvez ouvrir que votre propre dossier")


def _valid_jobseeker_id(value: str) -> bool:
    return 0 < len(value) <= 64 and set(value) <= ID_CHARS


@router.get("/mon-dossier")
def my_file(request: Request):
    user = require_user(request, "jobseeker")
    message = request.query_params.get("message")
    return redirect(f"/console/demandeurs/{user.subject_id}", message if message in MESSAGES else None)


@router.get("/console/demandeurs")
def jobseeker_list(request: Request, q: str | None = None):
    require_user(request, "counsellor", "auditor", "administrator")
    from tremplin.store.db import session_scope

    query = (q or "").strip()[:64]
    with session_scope() as db:
        ids = casefiles.jobseeker_ids(db, contains=query or None)
        open_cv = {r.subject_id for r in casefiles.items(db, kind="cv_profile", status="open")}
        open_props = {}
        for kind in SUGGESTION_KINDS:
            for r in casefiles.items(db, kind=kind, status="open"):
                open_props[r.subject_id] = open_props.get(r.subject_id, 0) + 1
    return render(request, "console/demandeurs.html", title="Demandeurs d'emploi", ids=ids, open_cv=open_cv,
                  open_props=open_props, values={"q": query})


def _current_profile(db, jobseeker_id: str, actor=None):
    """The profile in force: the newest CV analysis a person confirmed or corrected, else the newest proposed.
    Returns (profile dict, confirmed, item)."""
    decided, proposed = None, None
    for row in casefiles.items(db, kind="cv_profile", subject_id=jobseeker_id):
        if row.status in ("accept", "modify") and decided is None:
            decided = row
        if row.status == "open" and proposed is None:
            proposed = row
    item = decided or proposed
    if item is None:
        return None, False, None
    analysis = _analysis(db, item, actor)
    return (analysis.profile if analysis is not None else {}), decided is not None, item


def _analysis(db, item, actor=None):
    """The CV analysis kept by the CV service for an inbox item (None if it was deleted)."""
    from tremplin.governance.access import Actor

    analysis_id = (item.data or {}).get("analysis_id")
    if not analysis_id:
        return None
    try:
        return gateway.cv_analysis(db, analysis_id, actor or Actor(id="console", role="counsellor"))
    except (NotFound, gateway.Unavailable):
        return None


def _file_page(request, jobseeker_id: str, *, errors=None, values=None, status_code=200, error_item=None):
    from tremplin.store.db import session_scope

    with session_scope() as db:
        all_items = casefiles.items(db, subject_id=jobseeker_id)
        profile, confirmed, profile_item = _current_profile(db, jobseeker_id, request.state.console_actor)
        registered = casefiles.registration(db, jobseeker_id)
        exists = bool(all_items) or registered is not None or jobseeker_id in casefiles.jobseeker_ids(
            db, limit=50, contains=jobseeker_id)
    if not exists:
        raise NotFound(f"aucun dossier « {jobseeker_id} »", field="jobseeker_id")
    suggestions = [r for r in all_items if r.kind in SUGGESTION_KINDS]
    cvs = [r for r in all_items if r.kind == "cv_profile" and r.status != "superseded"]
    decided = [r for r in all_items if r.decision_id]
    return render(
        request,
        "console/dossier.html",
        status_code=status_code,
        title=f"Dossier {jobseeker_id}",
        jobseeker_id=jobseeker_id,
        profile=profile_form.view(profile) if profile is not None else None,
        registered=registered,
        confirmed=confirmed,
        profile_item=profile_item,
        suggestions=suggestions,
        cvs=cvs,
        decided=decided,
        kinds=casefiles.KIND_LABELS,
        statuses=casefiles.STATUS_LABELS,
        errors=errors or FormErrors(),
        values=values or {},
        error_item=error_item,
        can_decide=request.state.console_user.role in DECIDERS,
    )


@router.get("/console/demandeurs/{jobseeker_id}")
def jobseeker_file(request: Request, jobseeker_id: str):
    user = require_user(request, *READERS)
    _check_access(user, jobseeker_id)
    return _file_page(request, jobseeker_id)


# --------------------------------------------------------------------------- CV upload


def _upload_page(request, *, errors=None, values=None, status_code=200, unavailable=None):
    return render(request, "console/cv.html", status_code=status_code, title="Déposer un CV",
                  errors=errors or FormErrors(), values=values or {}, unavailable=unavailable,
                  extensions=sorted(gateway.CV_EXTENSIONS))


@router.get("/console/cv")
def cv_form(request: Request, demandeur: str | None = None):
    require_user(request, "counsellor", "jobseeker")
    return _upload_page(request, values={"jobseeker_id": demandeur or ""})


@router.post("/console/cv")
async def cv_upload(request: Request):
    user = require_user(request, "counsellor", "jobseeker")
    form = await read_form(request)
    from tremplin.settings import get_settings
    from tremplin.store.db import session_scope

    errors = FormErrors()
    jobseeker_id = user.subject_id if user.role == "jobseeker" else clean_text(form.get("jobseeker_id"), max_length=80)
    values = {"jobseeker_id": jobseeker_id}
    if not jobseeker_id:
        errors.add("jobseeker_id", "Indiquez l'identifiant du dossier du demandeur d'emploi.")
    elif not _valid_jobseeker_id(jobseeker_id):
        errors.add("jobseeker_id", "L'identifiant du dossier ne contient que des lettres, chiffres, tirets et points "
                   "(64 caractères au plus).")
    upload = form.get("cv")
    data = b""
    filename = ""
    if upload is None or not hasattr(upload, "read") or not getattr(upload, "filename", ""):
        errors.add("cv", "Choisissez le fichier du CV.")
    else:
        filename = PurePath(upload.filename).name
        limit = get_settings().max_upload_bytes
        data = await upload.read(limit + 1)
        suffix = PurePath(filename).suffix.lower()
        if suffix not in gateway.CV_EXTENSIONS:
            errors.add("cv", f"Le fichier « {filename} » n'est pas d'un format accepté : "
                       f"{', '.join(sorted(gateway.CV_EXTENSIONS))}.")
        elif not data:
            errors.add("cv", f"Le fichier « {filename} » est vide.")
        elif len(data) > limit:
            errors.add("cv", f"Le fichier dépasse la taille maximale de {limit // (1024 * 1024)} Mo.")
    if errors:
        return _upload_page(request, errors=errors, values=values, status_code=422)
    key = idempotency_key(form)
    try:
        with session_scope() as db:
            prior = prior_submission(db, key)
            if prior:
                return redirect(prior, "deja")
            proposal, analysis = gateway.analyse_cv(db, data, filename, getattr(upload, "content_type", None),
                                                    jobseeker_id, user.actor())
            row = casefiles.add_item(
                db,
                kind="cv_profile",
                proposal=proposal,
                subject_id=jobseeker_id,
                title=f"CV « {filename} »",
                data={"analysis_id": analysis.id, "filename": filename, "size": len(data)},
            )
            url = f"/console/demandeurs/{jobseeker_id}/cv/{row.id}"
            record_submission(db, key, user.id, "cv-upload", url)
    except gateway.Unavailable as exc:
        return _upload_page(request, values=values, status_code=503, unavailable=exc)
    except InvalidInput as exc:
        errors.add("cv", f"Le CV n'a pas pu être lu : {exc.message}.{' ' + exc.hint if exc.hint else ''}")
        return _upload_page(request, errors=errors, values=values, status_code=422)
    except IntegrityError:
        return redirect(f"/console/demandeurs/{jobseeker_id}", "deja")
    return redirect(url, "cv")


# --------------------------------------------------------------------------- CV profile check and correction


def _cv_item(db, jobseeker_id: str, item_id: str):
    row = casefiles.get_item(db, item_id)
    if row is None or row.subject_id != jobseeker_id or row.kind != "cv_profile":
        raise NotFound("ce CV n'est pas dans ce dossier", field="item_id")
    return row


def _cv_page(request, jobseeker_id: str, item_id: str, *, errors=None, values=None, status_code=200):
    from tremplin.store.db import session_scope

    with session_scope() as db:
        row = _cv_item(db, jobseeker_id, item_id)
        analysis = _analysis(db, row, request.state.console_actor)
    if analysis is None:
        raise NotFound("l'analyse de ce CV n'est plus conservée", field="item_id")
    profile = analysis.profile or {}
    return render(
        request,
        "console/cv-profil.html",
        status_code=status_code,
        title=f"Profil lu dans le CV — dossier {jobseeker_id}",
        jobseeker_id=jobseeker_id,
        item=row,
        view=profile_form.view(profile),
        fields=values if values is not None else profile_form.form_values(profile),
        document=analysis.text or "",
        errors=errors or FormErrors(),
    )


@router.get("/console/demandeurs/{jobseeker_id}/cv/{item_id}")
def cv_profile(request: Request, jobseeker_id: str, item_id: str):
    user = require_user(request, *READERS)
    _check_access(user, jobseeker_id)
    return _cv_page(request, jobseeker_id, item_id)


@router.post("/console/demandeurs/{jobseeker_id}/cv/{item_id}")
async def cv_correct(request: Request, jobseeker_id: str, item_id: str):
    user = require_user(request, *DECIDERS)
    _check_access(user, jobseeker_id)
    form = await read_form(request)
    from tremplin.store.db import session_scope

    key = idempotency_key(form)
    url = f"/console/demandeurs/{jobseeker_id}"
    submitted = {name: clean_text(form.get(name), max_length=4000) for name in form.keys()
                 if name not in ("csrf_token", "idempotency_key")}
    errors = FormErrors()
    try:
        with session_scope() as db:
            prior = prior_submission(db, key)
            if prior:
                return redirect(prior, "deja")
            row = _cv_item(db, jobseeker_id, item_id)
            if row.status != "open":
                return redirect(url, "deja")
            analysis = _analysis(db, row, user.actor())
            if analysis is None:
                raise NotFound("l'analyse de ce CV n'est plus conservée", field="item_id")
            changes, labels = profile_form.apply(analysis.profile or {}, submitted, errors)
            reason = submitted.get("motif", "")
            if changes and len(reason) < 5:
                errors.add("motif", "Vous avez corrigé le profil : indiquez en quelques mots pourquoi "
                           "(au moins 5 caractères), par exemple « intitulé mal lu ».")
            if errors:
                raise _Invalid()
            try:
                if changes:
                    decision = gateway.correct_cv(
                        db, analysis.id, user.actor(), outcome="modify", changes=changes,
                        reason=f"{reason} (champs corrigés : {', '.join(labels)})"[:2000], idempotency_key=key)
                else:
                    decision = gateway.correct_cv(db, analysis.id, user.actor(), outcome="accept", changes={},
                                                  reason=reason or None, idempotency_key=key)
            except InvalidInput as exc:
                errors.add("formulaire", f"La correction n'a pas pu être enregistrée : {exc.message}.")
                raise _Invalid() from exc
            casefiles.mark_decided(db, row, decision, user.id)
            record_submission(db, key, user.id, "cv-correction", url)
    except _Invalid:
        return _cv_page(request, jobseeker_id, item_id, errors=errors, values=submitted, status_code=422)
    except IntegrityError:
        return redirect(url, "deja")
    return redirect(url, "profil")


# --------------------------------------------------------------------------- proposals


@router.post("/console/demandeurs/{jobseeker_id}/propositions/{item_id}")
async def decide_proposal(request: Request, jobseeker_id: str, item_id: str):
    user = require_user(request, *DECIDERS)
    _check_access(user, jobseeker_id)
    form = await read_form(request)
    from tremplin.store.db import session_scope

    key = idempotency_key(form)
    url = f"/console/demandeurs/{jobseeker_id}"
    outcome = form.get("outcome") or ""
    reason = clean_text(form.get("motif"))
    new_value = clean_text(form.get("valeur"), max_length=200)
    errors = FormErrors()
    values = {"outcome": outcome, "motif": reason, "valeur": new_value}
    try:
        with session_scope() as db:
            prior = prior_submission(db, key)
            if prior:
                return redirect(prior, "deja")
            row = casefiles.get_item(db, item_id)
            if row is None or row.subject_id != jobseeker_id or row.kind not in SUGGESTION_KINDS:
                raise NotFound("cette proposition n'est pas dans ce dossier", field="item_id")
            if row.status != "open":
                return redirect(url, "deja")
            if outcome not in ("accept", "modify", "reject"):
                errors.add("outcome", "Choisissez : accepter, modifier ou refuser la proposition.")
            if outcome in ("modify", "reject") and len(reason) < 5:
                errors.add("motif", "Pour modifier ou refuser, donnez un motif (au moins 5 caractères) : "
                           "il sera inscrit au journal et expliqué à la personne.")
            modified = None
            if outcome == "modify":
                modified, message = profile_form.modified_suggestion(row.kind, row.proposal.get("output") or {}, new_value)
                if message:
                    errors.add("valeur", message)
            if errors:
                raise _Invalid()
            if row.kind == "offer_suggestion" and outcome == "reject":
                # The matching service stops proposing the offer and journals the refusal.
                decision = gateway.matching_feedback(db, jobseeker_id, str((row.data or {}).get("offer_id")),
                                                     actor=user.actor(), reason=reason, proposal_id=row.id)
                casefiles.mark_decided(db, row, decision, user.id)
            else:
                decide(db, row, user, outcome, reason=reason, modified_output=modified, idempotency_key=key)
            record_submission(db, key, user.id, f"proposal-{outcome}", url)
    except _Invalid:
        return _file_page(request, jobseeker_id, errors=errors, values=values, status_code=422, error_item=item_id)
    except IntegrityError:
        return redirect(url, "deja")
    return redirect(url, "decision")


@router.post("/console/demandeurs/{jobseeker_id}/suggestions")
async def ask_suggestions(request: Request, jobseeker_id: str):
    """Ask the services for new proposals: offers (matching) and occupations (ROME coding of the target job)."""
    user = require_user(request, "counsellor")
    _check_access(user, jobseeker_id)
    form = await read_form(request)
    from tremplin.store.db import session_scope

    key = idempotency_key(form)
    url = f"/console/demandeurs/{jobseeker_id}"
    missing = []
    with session_scope() as db:
        prior = prior_submission(db, key)
        if prior:
            return redirect(prior, "deja")
        profile, _confirmed, _row = _current_profile(db, jobseeker_id)
        registered = casefiles.registration(db, jobseeker_id)
        if not profile_form.job_titles(profile) and registered:
            # No CV yet: the job titles declared at registration.
            profile = {"experiences": [{"title": t} for t in registered["profile"].get("past_titles") or []]}
        try:
            make_suggestions(db, jobseeker_id, profile or {})
        except gateway.Unavailable as exc:
            missing.append(exc)
        record_submission(db, key, user.id, "suggestions", url)
    if missing:
        return render(request, "erreur.html", status_code=503, error=missing[0], title=missing[0].title)
    return redirect(url, "decision")


def make_suggestions(db, jobseeker_id: str, profile: dict, *, top: int = 3) -> int:
    """Proposals for a jobseeker: offers from matching when installed, else occupations for the target job."""
    made = 0
    try:
        suggestions = gateway.suggest_offers(db, jobseeker_id, top=top)
    except gateway.Unavailable:
        suggestions = []
    for proposal, item in suggestions:
        offer_id = item.get("offer_id") or (proposal.output or {}).get("offer_id")
        title = item.get("title")
        if not title:
            try:
                title = casefiles.get_offer(db, str(offer_id)).intitule
            except NotFound:
                title = None
        casefiles.add_item(db, kind="offer_suggestion", proposal=proposal, subject_id=jobseeker_id,
                           title=f"Offre : {title or offer_id}",
                           data={"offer_id": offer_id, "distance_km": item.get("distance_km"), "rank": item.get("rank")})
        made += 1
    if made:
        return made
    titles = profile_form.job_titles(profile)
    if not titles:
        raise InvalidInput("le profil ne contient aucun métier recherché ni aucune expérience à coder",
                           field="profile")
    for title in titles[:top]:
        proposal = gateway.code_occupation(db, title, jobseeker_id)
        best = profile_form.best_code(proposal.output or {})
        casefiles.add_item(db, kind="occupation", proposal=proposal, subject_id=jobseeker_id,
                           title=f"Métier pour « {title} »" + (f" : {best}" if best else ""))
        made += 1
    return made


# --------------------------------------------------------------------------- explanation letters


@router.get("/console/demandeurs/{jobseeker_id}/decisions/{decision_id}")
def letter(request: Request, jobseeker_id: str, decision_id: str):
    user = require_user(request, *READERS)
    _check_access(user, jobseeker_id)
    from tremplin.store.db import session_scope

    with session_scope() as db:
        rows = [r for r in casefiles.items(db, subject_id=jobseeker_id) if r.decision_id == decision_id]
        if not rows:
            raise NotFound("cette décision n'est pas dans ce dossier", field="decision_id")
        try:
            explanation = gateway.explanation(db, decision_id, user.actor())
        except TremplinError:
            raise
    return render(request, "console/lettre.html", title="Lettre d'explication", jobseeker_id=jobseeker_id,
                  explanation=explanation, item=rows[0])


class _Invalid(Exception):
    """Form errors: roll the transaction back and show the form again."""
