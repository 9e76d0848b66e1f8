"""CV analysis routes.

- ``POST /v1/cv``: upload a CV (multipart, field ``file``; optional ``subject_id`` = the jobseeker's
  file). The body is read with a hard size limit (``settings.max_upload_bytes``) before anything is
  parsed; the file's content (magic bytes), extension and declared type must agree. The analysis
  is journaled as a proposal and kept; a file that cannot be read stores nothing.
- ``GET /v1/cv/{id}``: the kept analysis (current profile, after corrections), with the masked text.
- ``GET /v1/cv/{id}/json-resume``: the profile as JSON Resume with ROME extensions.
- ``POST /v1/cv/{id}/corrections``: accept, correct or reject the profile (a journaled decision).

Roles: counsellors and administrators for any file; a jobseeker only for their own file.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from tremplin.api.deps import require_roles
from tremplin.errors import InvalidInput, PayloadTooLarge

router = APIRouter(tags=["analyse de CV"])

CV_ROLES = ("counsellor", "jobseeker", "administrator")
MULTIPART_OVERHEAD = 64 * 1024  # boundaries and the few form fields around the file

_UPLOAD_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary",
                                 "description": "Le CV : PDF (avec texte), DOCX, ODT, RTF ou TXT"},
                        "subject_id": {"type": "string", "description": "Dossier du demandeur d'emploi concerné"},
                        "rome": {"type": "boolean", "default": True,
                                 "description": "Coder les expériences et le poste visé dans le ROME"},
                    },
                }
            }
        },
    }
}


class CVAnalysisOut(BaseModel):
    id: str
    proposal_id: str
    owner_id: str | None = None
    status: str
    format: str
    media_type: str
    size_bytes: int
    sha256: str
    corrections: int
    created_at: str | None = None
    updated_at: str | None = None
    filename: str | None = None
    profile: dict[str, Any]
    review: list[str] = Field(default_factory=list, description="Champs peu sûrs, à vérifier (règle CV04)")
    text: str | None = Field(default=None, description="Texte lu (lignes protégées masquées) ; les spans y renvoient")


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["accept", "modify", "reject"] = "modify"
    changes: dict[str, Any] = Field(
        default_factory=dict,
        description="Chemin du champ → nouvelle valeur, ex. {\"experiences.0.title\": \"Aide-soignante\", "
        "\"skills.3\": null} (null supprime un élément de liste ; l'indice égal à la longueur ajoute)",
    )
    reason: str | None = Field(default=None, max_length=2000, description="Motif, obligatoire pour modifier/refuser")
    idempotency_key: str | None = Field(default=None, max_length=200)


class CorrectionOut(BaseModel):
    decision_id: str
    outcome: str
    analysis: CVAnalysisOut


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it exceeds the limit (declared or actual)."""
    ceiling = limit + MULTIPART_OVERHEAD
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > ceiling:
                raise PayloadTooLarge(f"le fichier dépasse la limite de {limit} octets", field="file")
        except ValueError:
            raise InvalidInput("en-tête Content-Length invalide", field="content-length") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > ceiling:
            raise PayloadTooLarge(f"le fichier dépasse la limite de {limit} octets", field="file")
        chunks.append(chunk)
    return b"".join(chunks)


async def _parse_form(request: Request, body: bytes, limit: int) -> tuple[bytes, str | None, str | None, dict]:
    from starlette.formparsers import MultiPartException, MultiPartParser

    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        raise InvalidInput("la requête doit être en multipart/form-data avec un champ « file »", field="content-type")

    async def stream():
        yield body

    try:
        form = await MultiPartParser(request.headers, stream(), max_files=1, max_fields=10).parse()
    except MultiPartException as exc:
        raise InvalidInput(f"formulaire multipart illisible : {exc.message}", field="file") from None
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise InvalidInput("le champ « file » (le CV) est obligatoire", field="file")
    data = await upload.read(limit + 1)
    await upload.close()
    if len(data) > limit:
        raise PayloadTooLarge(f"le fichier dépasse la limite de {limit} octets", field="file")
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    return data, upload.filename, upload.content_type, fields


def _out(row, *, with_text: bool = True) -> CVAnalysisOut:
    from tremplin.services.cv_analysis.records import current_profile, row_summary
    from tremplin.services.cv_analysis.service import fields_to_review

    summary = row_summary(row, with_text=with_text)
    return CVAnalysisOut(**summary, review=fields_to_review(current_profile(row)))


@router.post("/cv", status_code=201, response_model=CVAnalysisOut, openapi_extra=_UPLOAD_SCHEMA,
             summary="Analyser un CV (proposition de profil à vérifier)")
async def upload_cv(request: Request, actor=Depends(require_roles(*CV_ROLES))) -> CVAnalysisOut:
    from tremplin.settings import get_settings

    limit = get_settings().max_upload_bytes
    body = await _read_body(request, limit)
    data, filename, content_type, fields = await _parse_form(request, body, limit)
    subject_id = (fields.get("subject_id") or "").strip() or None
    rome = (fields.get("rome") or "true").strip().lower() not in ("0", "false", "non", "no")

    def work() -> CVAnalysisOut:
        from tremplin.services.cv_analysis.records import analyse_and_save
        from tremplin.store.db import session_scope

        with session_scope() as session:
            row = analyse_and_save(session, data, filename, actor=actor, owner_id=subject_id,
                                   content_type=content_type, code_occupations=rome)
            return _out(row)

    return await run_in_threadpool(work)


@router.get("/cv/{analysis_id}", response_model=CVAnalysisOut, summary="Une analyse de CV conservée")
def get_cv(analysis_id: str, actor=Depends(require_roles(*CV_ROLES))) -> CVAnalysisOut:
    from tremplin.services.cv_analysis.records import get_analysis
    from tremplin.store.db import session_scope

    with session_scope() as session:
        return _out(get_analysis(session, analysis_id, actor=actor))


@router.get("/cv/{analysis_id}/json-resume", summary="Le profil au format JSON Resume (extensions ROME)")
def get_cv_json_resume(analysis_id: str, actor=Depends(require_roles(*CV_ROLES))) -> dict:
    from tremplin.services.cv_analysis.jsonresume import to_json_resume
    from tremplin.services.cv_analysis.records import current_profile, get_analysis
    from tremplin.store.db import session_scope

    with session_scope() as session:
        return to_json_resume(current_profile(get_analysis(session, analysis_id, actor=actor)))


@router.post("/cv/{analysis_id}/corrections", response_model=CorrectionOut,
             summary="Accepter, corriger ou refuser le profil proposé (décision journalisée)")
def correct_cv(analysis_id: str, body: CorrectionIn, actor=Depends(require_roles(*CV_ROLES))) -> CorrectionOut:
    from tremplin.services.cv_analysis.records import record_correction
    from tremplin.store.db import session_scope

    with session_scope() as session:
        row, decision = record_correction(session, analysis_id, actor=actor, outcome=body.outcome,
                                          changes=body.changes, reason=body.reason,
                                          idempotency_key=body.idempotency_key)
        return CorrectionOut(decision_id=decision.id, outcome=decision.outcome.value, analysis=_out(row))
