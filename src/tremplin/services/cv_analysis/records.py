"""Keeping an analysed CV and its corrections.

- :func:`analyse_and_save`: read the file, extract the profile, journal it as a *proposal*
  (professional part only, with a keyed hash of the document, the person pseudonymised) and keep
  it in ``cv_analyses`` — in one transaction: a file that cannot be read stores nothing.
- :func:`record_correction`: the jobseeker or the counsellor accepts, corrects or rejects the
  profile; the change is journaled as a *decision* (with its reason when it departs from the
  proposal) and applied to the kept profile. Changes to identity or contact are applied but
  journaled only as « donnée personnelle modifiée ».
"""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from pydantic import ValidationError
from sqlalchemy.orm import Session

from tremplin.domain.decision import Decision, DecisionOutcome, Proposal, Reason
from tremplin.errors import Forbidden, InvalidInput, NotFound
from tremplin.services.cv_analysis import messages as msg
from tremplin.services.cv_analysis.rules import RULES
from tremplin.services.cv_analysis.schema import CVProfile

SERVICE = "cv_analysis"
PERSONAL_FIELDS = ("identity", "contact")
CORRECTABLE = (
    "identity", "contact", "target_job", "target_rome", "summary", "experiences", "education", "education_level",
    "experience_months", "skills", "soft_skills", "languages", "licences", "vehicle", "mobility", "certifications",
    "interests",
)
_PATH = re.compile(r"^[a-z_][a-z0-9_]*(?:\.(?:\d+|[a-z_][a-z0-9_]*))*$")


def _now() -> datetime:
    return datetime.now(UTC)


def can_access(actor, owner_id: str | None) -> bool:
    if actor.role == "jobseeker":
        return owner_id is not None and actor.subject_id == owner_id
    return actor.role in ("counsellor", "administrator")


def build_proposal(profile: CVProfile, *, owner_id: str | None) -> Proposal:
    from tremplin.services.cv_analysis.service import VERSION, fields_to_review

    reasons = [Reason(label=f.message, source="CV01" if f.kind != "photo" else "CV02") for f in profile.flags]
    review = fields_to_review(profile)
    if review:
        reasons.append(Reason(label=f"{len(review)} champ(s) peu sûr(s) à vérifier", source="CV04"))
    fired = ["CV03", "CV07"]
    if profile.flags:
        fired.append("CV01")
    if any(f.kind == "photo" for f in profile.flags):
        fired.append("CV02")
    if review:
        fired.append("CV04")
    if any(e.rome is not None for e in profile.experiences):
        fired.append("CV05")
    if any(s.rome is not None for s in profile.skills):
        fired.append("CV06")
    explanation = (
        f"Profil extrait d'un CV {profile.format.upper()} : {len(profile.experiences)} expérience(s), "
        f"{len(profile.education)} formation(s), {len(profile.skills)} compétence(s), {len(profile.languages)} "
        f"langue(s). C'est une proposition : la personne la vérifie et la corrige."
    )
    return Proposal(
        service=SERVICE,
        service_version=VERSION,
        ruleset_version=RULES.version,
        mode=profile.mode,
        subject_ref=owner_id,
        output={**profile.professional(), "review": review},
        reasons=reasons,
        rules_fired=sorted(set(fired)),
        explanation=explanation,
    )


def analyse_and_save(
    session: Session,
    data: bytes,
    filename: str | None,
    *,
    actor,
    owner_id: str | None = None,
    content_type: str | None = None,
    code_occupations: bool = True,
):
    """Parse, journal the proposal and keep the analysis; returns the stored row."""
    from tremplin.governance import contract
    from tremplin.governance.pseudonymise import pseudonym
    from tremplin.services.cv_analysis.readers.sniff import CONTENT_TYPES
    from tremplin.services.cv_analysis.service import parse_cv
    from tremplin.store.tables.cv import CVAnalysisRow

    if actor.role == "jobseeker":
        if owner_id is not None and owner_id != actor.subject_id:
            raise Forbidden(msg.JOBSEEKER_OWNER)
        owner_id = actor.subject_id
    mode = contract.ensure_enabled(SERVICE, session)
    profile = parse_cv(data, filename, content_type=content_type, mode=mode, code_occupations=code_occupations)
    proposal = contract.record_proposal(session, build_proposal(profile, owner_id=owner_id),
                                        input_payload={"sha256": profile.sha256}, subject_id=owner_id)
    now = _now()
    media_type = (content_type or "").split(";")[0].strip() or sorted(CONTENT_TYPES.get(profile.format, {""}))[0]
    personal = {
        "identity": profile.identity.model_dump(mode="json"),
        "contact": profile.contact.model_dump(mode="json"),
        "filename": filename,
    }
    professional = profile.model_dump(mode="json", exclude={"identity", "contact", "text"})
    row = CVAnalysisRow(
        id=uuid4().hex,
        proposal_id=proposal.id,
        owner_id=owner_id,
        created_by=pseudonym(actor.id) or "",
        created_role=actor.role,
        created_at=now,
        updated_at=now,
        status="proposed",
        media_type=media_type[:120],
        format=profile.format,
        size_bytes=len(data),
        sha256=profile.sha256,
        proposed=professional,
        profile=professional,
        personal=personal,
        text=profile.text,
        corrections=0,
    )
    session.add(row)
    session.flush()
    return row


def get_analysis(session: Session, analysis_id: str, *, actor):
    from tremplin.store.tables.cv import CVAnalysisRow

    row = session.get(CVAnalysisRow, analysis_id)
    if row is None:
        raise NotFound(msg.CV_NOT_FOUND.format(id=analysis_id), field="id")
    if not can_access(actor, row.owner_id):
        raise Forbidden(msg.CV_FORBIDDEN)
    return row


def current_profile(row) -> CVProfile:
    """The kept profile (after corrections), with its personal part and masked text."""
    personal = row.personal or {}
    return CVProfile.model_validate({**row.profile, "identity": personal.get("identity") or {},
                                     "contact": personal.get("contact") or {}, "text": row.text})


def _split(path: str) -> list[str | int]:
    if not _PATH.match(path):
        raise InvalidInput(f"chemin de champ mal formé « {path} » (ex. experiences.0.title)", field="changes")
    return [int(p) if p.isdigit() else p for p in path.split(".")]


def _as_field(old: Any, new: Any) -> Any:
    """A plain string given for a text field becomes a text field entered by a person (no span, confidence 1)."""
    if isinstance(new, str) and (isinstance(old, dict) and "value" in old or old is None):
        return {"value": new, "span": None, "confidence": 1.0}
    return new


def apply_changes(document: dict, changes: dict[str, Any]) -> dict:
    """Apply ``{"experiences.0.title": "Aide-soignante", "skills.3": None, ...}`` to a profile dict."""
    doc = copy.deepcopy(document)
    for path, value in changes.items():
        parts = _split(path)
        if parts[0] not in CORRECTABLE:
            raise InvalidInput(msg.CORRECTION_FIELD.format(field=parts[0], allowed=", ".join(CORRECTABLE)),
                               field="changes")
        node: Any = doc
        for depth, part in enumerate(parts[:-1]):
            nxt = node[part] if isinstance(node, list) and isinstance(part, int) and part < len(node) else (
                node.get(part) if isinstance(node, dict) else None)
            if nxt is None:
                if isinstance(node, dict) and isinstance(part, str):
                    node[part] = {} if not isinstance(parts[depth + 1], int) else []
                    nxt = node[part]
                else:
                    raise InvalidInput(f"le champ « {path} » n'existe pas", field="changes")
            node = nxt
        last = parts[-1]
        if isinstance(node, list):
            if not isinstance(last, int) or last > len(node):
                raise InvalidInput(f"indice hors liste dans « {path} » (au plus {len(node)} pour ajouter)",
                                   field="changes")
            if value is None:
                if last < len(node):
                    node.pop(last)
            elif last == len(node):
                node.append(value)
            else:
                node[last] = _as_field(node[last], value)
        elif isinstance(node, dict):
            node[last] = _as_field(node.get(last), value)
        else:
            raise InvalidInput(f"le champ « {path} » ne peut pas être modifié", field="changes")
    return doc


def record_correction(
    session: Session,
    analysis_id: str,
    *,
    actor,
    outcome: str = "modify",
    changes: dict[str, Any] | None = None,
    reason: str | None = None,
    idempotency_key: str | None = None,
):
    """Journal the person's decision on the proposed profile and apply it; returns (row, decision)."""
    from tremplin.governance import contract

    row = get_analysis(session, analysis_id, actor=actor)
    try:
        outcome_value = DecisionOutcome(outcome)
    except ValueError:
        raise InvalidInput("décision inconnue (accept, modify ou reject)", field="outcome") from None
    changes = dict(changes or {})
    if outcome_value == DecisionOutcome.MODIFY and not changes:
        raise InvalidInput(msg.CORRECTION_EMPTY, field="changes")
    if outcome_value != DecisionOutcome.MODIFY and changes:
        raise InvalidInput("seule une modification (outcome=modify) porte des changements", field="changes")
    professional_changes = {k: v for k, v in changes.items() if k.split(".")[0] not in PERSONAL_FIELDS}
    personal_changes = {k: v for k, v in changes.items() if k.split(".")[0] in PERSONAL_FIELDS}
    new_profile = apply_changes(row.profile, professional_changes) if professional_changes else row.profile
    new_personal = apply_changes(row.personal, personal_changes) if personal_changes else row.personal
    try:  # the corrected profile must still be a valid profile
        CVProfile.model_validate({**new_profile, "identity": new_personal.get("identity") or {},
                                  "contact": new_personal.get("contact") or {}})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise InvalidInput(f"correction invalide pour « {where} » : {first.get('msg', '')}", field="changes") from None
    journaled = dict(professional_changes)
    journaled.update({k: "[donnée personnelle modifiée]" for k in personal_changes})
    try:
        decision = Decision(
            proposal_id=row.proposal_id,
            actor_ref=actor.id,
            actor_role=actor.role,
            outcome=outcome_value,
            modified_output={"changes": journaled} if outcome_value == DecisionOutcome.MODIFY else None,
            reason=reason,
        )
    except ValidationError as exc:
        raise InvalidInput(exc.errors()[0].get("msg", "décision invalide").removeprefix("Value error, "),
                           field="reason") from None
    decision = contract.record_decision(session, decision, idempotency_key=idempotency_key)
    row.profile = new_profile
    row.personal = new_personal
    row.status = {"accept": "accepted", "reject": "rejected", "modify": "corrected"}[outcome_value.value]
    row.corrections = (row.corrections or 0) + (1 if outcome_value == DecisionOutcome.MODIFY else 0)
    row.updated_at = _now()
    session.flush()
    return row, decision


def row_summary(row, *, with_text: bool = False) -> dict:
    out = {
        "id": row.id,
        "proposal_id": row.proposal_id,
        "owner_id": row.owner_id,
        "status": row.status,
        "format": row.format,
        "media_type": row.media_type,
        "size_bytes": row.size_bytes,
        "sha256": row.sha256,
        "corrections": row.corrections,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
        "filename": (row.personal or {}).get("filename"),
        "profile": {**row.profile, "identity": (row.personal or {}).get("identity") or {},
                    "contact": (row.personal or {}).get("contact") or {}},
    }
    if with_text:
        out["text"] = row.text
    return out
