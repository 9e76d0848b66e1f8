"""Governance pages: journal and its verification, fairness audits (auditors), service switches and
ethics self-assessment (administrators)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy.exc import IntegrityError

from tremplin.errors import InvalidInput, NotFound
from tremplin.web import gateway
from tremplin.web.forms import (
    clean_text,
    idempotency_key,
    prior_submission,
    read_form,
    record_submission,
    require_user,
)
from tremplin.web.render import FormErrors, redirect, render

router = APIRouter()

AUDITORS = ("auditor", "administrator")
KIND_LABELS = {"proposal": "proposition", "decision": "décision", "switch": "réglage de service", "purge": "purge",
               "audit": "audit", "assessment": "auto-évaluation", "vault": "lecture du coffre", "note": "note"}
PAGE = 50


@router.get("/gouvernance/journal")
def journal_page(request: Request, apres: int = 0, type: str = "", service: str = "", verifier: str = ""):
    require_user(request, *AUDITORS)
    from tremplin.governance import journal
    from tremplin.store.db import session_scope

    kind = type if type in KIND_LABELS else None
    service_filter = service if service in gateway.service_names() else None
    report = None
    with session_scope() as db:
        head = journal.head(db)
        records = journal.list_records(db, limit=PAGE, offset_seq=max(0, apres), kind=kind, service=service_filter)
        if verifier:
            report = journal.verify_and_witness(db)
    return render(
        request, "gouvernance/journal.html", title="Journal des propositions et décisions", head=head,
        records=records, report=report, kinds=KIND_LABELS,
        kind_options=[("", "Tous")] + list(KIND_LABELS.items()),
        service_options=[("", "Tous")] + [(n, gateway.SERVICE_LABELS.get(n, n)) for n in gateway.service_names()],
        values={"type": kind or "", "service": service_filter or ""},
        next_after=records[-1].seq if len(records) == PAGE else None,
    )


PREDICTION_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")


def _audits_page(request, *, errors=None, values=None, status_code=200, selected=""):
    from tremplin.governance import cards, vault
    from tremplin.governance.fairness import service_adapter
    from tremplin.store.db import session_scope

    with session_scope() as db:
        reports = {name: cards.latest_report(db, name, "audit") for name in gateway.service_names()}
        log = vault.access_log(db, limit=20)
    adapters = {name: service_adapter(name) is not None for name in gateway.service_names()}
    return render(request, "gouvernance/audits.html", status_code=status_code, title="Audits d'équité",
                  reports=reports, adapters=adapters, labels=gateway.SERVICE_LABELS, selected=selected,
                  errors=errors or FormErrors(), values=values or {}, vault_log=log)


@router.get("/gouvernance/audits")
def audits_page(request: Request, service: str = ""):
    require_user(request, *AUDITORS)
    return _audits_page(request, selected=service if service in gateway.service_names() else "")


async def _read_predictions(upload, errors: FormErrors):
    """The predictions table sent with the form, or None when no file was chosen."""
    import tempfile
    from pathlib import Path, PurePath

    from tremplin.governance.fairness import load_predictions
    from tremplin.settings import get_settings

    if upload is None or not hasattr(upload, "read") or not getattr(upload, "filename", ""):
        return None
    name = PurePath(upload.filename).name
    suffix = PurePath(name).suffix.lower()
    if suffix not in PREDICTION_SUFFIXES:
        errors.add("predictions", f"Le fichier « {name} » doit être au format CSV, JSONL ou Parquet.")
        return None
    limit = get_settings().max_upload_bytes
    data = await upload.read(limit + 1)
    if not data or len(data) > limit:
        errors.add("predictions", f"Le fichier « {name} » est vide ou dépasse {limit // (1024 * 1024)} Mo.")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"predictions{suffix}"
        path.write_bytes(data)
        try:
            frame = load_predictions(path)
        except InvalidInput as exc:
            errors.add("predictions", f"Le fichier « {name} » n'a pas pu être lu : {exc.message}.")
            return None
        except Exception as exc:  # noqa: BLE001 - a malformed table is the caller's input error
            errors.add("predictions", f"Le fichier « {name} » n'a pas pu être lu ({type(exc).__name__}).")
            return None
    return frame


@router.post("/gouvernance/audits")
async def run_audit(request: Request):
    user = require_user(request, *AUDITORS)
    form = await read_form(request)
    from tremplin.governance.fairness import run_audit as governance_audit
    from tremplin.governance.fairness import service_adapter
    from tremplin.store.db import session_scope

    service = form.get("service") or ""
    purpose = clean_text(form.get("purpose"), max_length=500)
    errors = FormErrors()
    if service not in gateway.service_names():
        errors.add("service", "Choisissez le service à auditer.")
    predictions = await _read_predictions(form.get("predictions"), errors)
    adapter = service_adapter(service) if service in gateway.service_names() else None
    if service in gateway.service_names() and predictions is None and adapter is None and "predictions" not in errors:
        errors.add("predictions", f"Le service « {gateway.SERVICE_LABELS.get(service, service)} » ne fournit pas "
                   "encore ses données d'audit : joignez la table de ses prédictions.")
    if len(purpose) < 10:
        errors.add("purpose", "Indiquez la finalité de l'audit (au moins 10 caractères) : chaque lecture des données "
                   "protégées est tracée avec sa finalité.")
    key = idempotency_key(form)
    if not errors:
        try:
            with session_scope() as db:
                prior = prior_submission(db, key)
                if prior:
                    return redirect(prior, "deja")
                table = predictions if predictions is not None else adapter(db)
                governance_audit(db, service, table, actor_id=user.id, actor_role=user.role, purpose=purpose)
                record_submission(db, key, user.id, "audit", f"/gouvernance/audits?service={service}")
        except InvalidInput as exc:
            errors.add("predictions" if predictions is not None else "service",
                       f"L'audit n'a pas pu être calculé : {exc.message}"
                       + (f" ({exc.hint})" if exc.hint else "") + ".")
        except IntegrityError:
            return redirect(f"/gouvernance/audits?service={service}", "deja")
    if errors:
        return _audits_page(request, errors=errors, values={"service": service, "purpose": purpose},
                            status_code=422, selected=service)
    return redirect(f"/gouvernance/audits?service={service}", "audit")


# --------------------------------------------------------------------------- switches


def _switch_page(request, *, errors=None, values=None, status_code=200):
    from tremplin.governance import oversight
    from tremplin.store.db import session_scope

    with session_scope() as db:
        states = oversight.list_modes(db)
        rates = oversight.override_rates(db)
        legality_rates = gateway.legality_override_rates(db)
    return render(request, "gouvernance/services.html", status_code=status_code, title="Réglage des services",
                  states=states, rates=rates, labels=gateway.SERVICE_LABELS, modes=oversight.MODE_LABELS,
                  legality_rates=legality_rates,
                  errors=errors or FormErrors(), values=values or {})


@router.get("/gouvernance/services")
def switches(request: Request):
    require_user(request, "administrator")
    return _switch_page(request)


@router.post("/gouvernance/services")
async def set_switch(request: Request):
    user = require_user(request, "administrator")
    form = await read_form(request)
    from tremplin.governance import oversight
    from tremplin.store.db import session_scope

    service = form.get("service") or ""
    mode = form.get("mode") or ""
    reason = clean_text(form.get(f"motif-{service}"), max_length=500)
    errors = FormErrors()
    if service not in gateway.service_names():
        errors.add(f"mode-{service}" if service else "service", "Service inconnu.")
    if mode not in oversight.MODES:
        errors.add(f"mode-{service}", "Choisissez l'état : actif, règles seules ou désactivé.")
    if len(reason) < 5:
        errors.add(f"motif-{service}", f"{gateway.SERVICE_LABELS.get(service, service).capitalize()} : indiquez le "
                   "motif du changement (au moins 5 caractères) ; il est inscrit au journal.")
    values = {"service": service, "mode": mode, "motif": reason}
    if errors:
        return _switch_page(request, errors=errors, values=values, status_code=422)
    key = idempotency_key(form)
    try:
        with session_scope() as db:
            prior = prior_submission(db, key)
            if prior:
                return redirect(prior, "deja")
            oversight.set_mode(db, service, mode, actor_id=user.id, actor_role=user.role, reason=reason)
            record_submission(db, key, user.id, "switch", "/gouvernance/services")
    except IntegrityError:
        return redirect("/gouvernance/services", "deja")
    return redirect("/gouvernance/services", "interrupteur")


# --------------------------------------------------------------------------- ethics self-assessment


def _assessment_module():
    return gateway._import("tremplin.governance.assessment", "assessment")


@router.get("/gouvernance/auto-evaluation")
def assessments(request: Request):
    require_user(request, "administrator")
    from tremplin.governance import cards
    from tremplin.store.db import session_scope

    with session_scope() as db:
        latest = {name: cards.latest_report(db, name, "assessment") for name in gateway.service_names()}
    try:
        _assessment_module()
        unavailable = None
    except gateway.Unavailable as exc:
        unavailable = exc
    return render(request, "gouvernance/auto-evaluations.html", title="Auto-évaluation éthique", latest=latest,
                  labels=gateway.SERVICE_LABELS, unavailable=unavailable)


def _assessment_page(request, service: str, *, errors=None, values=None, status_code=200):
    from tremplin.governance import cards
    from tremplin.store.db import session_scope

    if service not in gateway.service_names():
        raise NotFound(f"service inconnu « {service} »", field="service")
    module = _assessment_module()
    questionnaire = module.questionnaire(service) if hasattr(module, "questionnaire") else module.QUESTIONNAIRE
    with session_scope() as db:
        latest = cards.latest_report(db, service, "assessment")
    if values is None:
        values = {}
        answers = ((latest or {}).get("payload") or {}).get("answers") or {}
        for qid, answer in answers.items():
            if isinstance(answer, dict):
                values[qid] = str(answer.get("answer", ""))
                values[f"{qid}__note"] = str(answer.get("comment") or answer.get("note") or "")
            else:
                values[qid] = str(answer)
    return render(request, "gouvernance/auto-evaluation.html", status_code=status_code,
                  title=f"Auto-évaluation : {gateway.SERVICE_LABELS.get(service, service)}", service=service,
                  label=gateway.SERVICE_LABELS.get(service, service), questionnaire=questionnaire, latest=latest,
                  questionnaire_sections=_sections,
                  errors=errors or FormErrors(), values=values)


@router.get("/gouvernance/auto-evaluation/{service}")
def assessment_form(request: Request, service: str):
    require_user(request, "administrator")
    return _assessment_page(request, service)


@router.post("/gouvernance/auto-evaluation/{service}")
async def assessment_submit(request: Request, service: str):
    user = require_user(request, "administrator")
    form = await read_form(request)
    from tremplin.store.db import session_scope

    module = _assessment_module()
    questionnaire = module.questionnaire(service) if hasattr(module, "questionnaire") else module.QUESTIONNAIRE
    values = {k: clean_text(form.get(k), max_length=2000) for k in form.keys() if k not in ("csrf_token", "idempotency_key")}
    errors = FormErrors()
    answers = _collect_answers(questionnaire, values, errors)
    if errors:
        return _assessment_page(request, service, errors=errors, values=values, status_code=422)
    key = idempotency_key(form)
    url = f"/gouvernance/auto-evaluation/{service}"
    try:
        with session_scope() as db:
            prior = prior_submission(db, key)
            if prior:
                return redirect(prior, "deja")
            module.submit(db, service, answers, actor_id=user.id, actor_role=user.role)
            record_submission(db, key, user.id, "assessment", url)
    except InvalidInput as exc:
        errors.add(exc.field or "formulaire", exc.message)
        return _assessment_page(request, service, errors=errors, values=values, status_code=422)
    except IntegrityError:
        return redirect(url, "deja")
    return redirect(url, "evaluation")


def _sections(questionnaire) -> list[dict]:
    """Sections of a questionnaire as plain dicts: {title, description, questions: [{id, text, choices, help}]}."""
    if hasattr(questionnaire, "model_dump"):
        questionnaire = questionnaire.model_dump(mode="json")
    if isinstance(questionnaire, dict) and questionnaire.get("sections"):
        return [s if isinstance(s, dict) else s.model_dump(mode="json") for s in questionnaire["sections"]]
    return [{"title": "Questions", "description": "", "questions": _questions(questionnaire)}]


def _questions(questionnaire) -> list:
    if hasattr(questionnaire, "model_dump"):
        questionnaire = questionnaire.model_dump(mode="json")
    if isinstance(questionnaire, dict):
        questions = []
        for section in questionnaire.get("sections") or []:
            questions.extend(section.get("questions") or [])
        return questions or list(questionnaire.get("questions") or [])
    return list(questionnaire)


def _collect_answers(questionnaire, values: dict, errors: FormErrors) -> dict:
    answers = {}
    for q in _questions(questionnaire):
        q = q.model_dump(mode="json") if hasattr(q, "model_dump") else q
        qid = q["id"]
        answer = values.get(qid, "")
        choices = [c[0] if isinstance(c, list | tuple) else (c.get("value") if isinstance(c, dict) else c)
                   for c in q.get("choices") or q.get("options") or []]
        if q.get("required", True) and not answer:
            errors.add(qid, f"Question {qid} : répondez avant d'enregistrer.")
            continue
        if choices and answer and answer not in [str(c) for c in choices]:
            errors.add(qid, f"Question {qid} : choisissez une des réponses proposées.")
            continue
        note = values.get(f"{qid}__note", "")
        answers[qid] = {"answer": answer, "note": note} if note else answer
    return answers
