"""CV analysis: read → sections → extraction (model) → rules → profile (a proposal a person corrects)."""

from __future__ import annotations

import hashlib
import logging

from tremplin.errors import DataUnavailable, PayloadTooLarge, ServiceDisabled, TremplinError
from tremplin.services.cv_analysis import extract as ex
from tremplin.services.cv_analysis import messages as msg
from tremplin.services.cv_analysis import resources
from tremplin.services.cv_analysis.card import VERSION
from tremplin.services.cv_analysis.layout import body_font_size
from tremplin.services.cv_analysis.normalise import squash
from tremplin.services.cv_analysis.readers import RawDocument, read_document
from tremplin.services.cv_analysis.rules import (
    REVIEW_THRESHOLD,
    ROME_MIN_CONFIDENCE,
    RULES,
    SKILL_LINK_THRESHOLD,
)
from tremplin.services.cv_analysis.schema import (
    CompetenceLink,
    CVProfile,
    Language,
    ProtectedFlag,
    RomeCandidate,
    RomeCoding,
    Section,
    Span,
    TextField,
)
from tremplin.services.cv_analysis.sections import split_sections

SERVICE = "cv_analysis"
MASK = "█"

log = logging.getLogger(__name__)


def parse_cv(
    data: bytes,
    filename: str | None = None,
    *,
    content_type: str | None = None,
    mode: str | None = None,
    code_occupations: bool = True,
    require_rome: bool = False,
) -> CVProfile:
    """Read a CV file and return the extracted profile (a proposal, nothing is stored).

    - ``mode``: "on" or "rules_only"; by default the service switch decides (ServiceDisabled when off).
      In "rules_only" no statistical step runs: no occupation coding, skills linked only on exact labels.
    - ``code_occupations``: code experiences and target job to ROME with the occupation-coding service.
    - ``require_rome``: raise DataUnavailable when that service is missing instead of warning.

    Raises InvalidInput (bad, unsafe or unreadable file) with a French message.
    """
    from tremplin.settings import get_settings

    limit = get_settings().max_upload_bytes
    if len(data) > limit:
        raise PayloadTooLarge(msg.TOO_LARGE.format(size=len(data), limit=limit), field="fichier")
    if mode is None:
        from tremplin.governance.contract import ensure_enabled

        mode = ensure_enabled(SERVICE)
    doc = read_document(data, filename, content_type)
    sha = hashlib.sha256(data).hexdigest()
    profile = analyse(doc, sha256=sha, mode=mode, code_occupations=code_occupations, require_rome=require_rome)
    log.info("CV analysé : document=%s format=%s pages=%d expériences=%d formations=%d signalements=%d",
             _pseudo(sha), profile.format, profile.pages, len(profile.experiences), len(profile.education),
             len(profile.flags))
    return profile


def _pseudo(value: str) -> str:
    try:
        from tremplin.governance.pseudonymise import pseudonym

        return pseudonym(value, domain="document") or "?"
    except Exception:  # noqa: BLE001 - logging must never fail nor leak
        return hashlib.sha256(value.encode()).hexdigest()[:12]


def analyse(doc: RawDocument, *, sha256: str, mode: str = "on", code_occupations: bool = True,
            require_rome: bool = False) -> CVProfile:
    vocab = resources.title_vocabulary()
    places = resources.places()
    warnings = list(doc.warnings)
    if not vocab.from_referential:
        warnings.append(f"{msg.REFERENTIAL_UNAVAILABLE} ({msg.REFERENTIAL_HINT})")
    blocks = split_sections(doc.lines, body_font_size(doc.lines))

    flags = ex.find_flags(blocks)
    masked_lines = {id(f.line) for f in flags if f.kind != "gender"}
    clean = [line for line in doc.lines if id(line) not in masked_lines]
    header_lines = [line for b in blocks if b.kind in ("header", "contact") for line in b.lines
                    if id(line) not in masked_lines]

    identity, name_line = ex.extract_identity(header_lines, clean, vocab)
    contact, contact_lines = ex.extract_contact(clean, header_lines + [line for b in blocks if b.kind == "extra"
                                                                       for line in b.lines], places)
    skip = set(masked_lines) | contact_lines | ({id(name_line)} if name_line is not None else set())

    profile = CVProfile(service_version=VERSION, ruleset_version=RULES.version,
                        mode="model" if mode == "on" else "rules_only", format=doc.format, pages=doc.pages,
                        sha256=sha256, identity=identity, contact=contact)
    languages: list[Language] = []
    for block in blocks:
        lines = [line for line in block.lines if id(line) not in skip]
        profile.sections.append(Section(kind=block.kind, title=block.title,
                                        span=ex.span_of(block.heading) if block.heading is not None else None))
        if not lines:
            continue
        if block.kind == "experience" or block.kind == "projects":
            profile.experiences.extend(ex.extract_experiences(lines, vocab, places))
        elif block.kind == "volunteering":
            pass  # kept in the text; not professional experience unless the person says so
        elif block.kind == "education":
            profile.education.extend(ex.extract_education(lines, places))
        elif block.kind == "skills":
            skills, soft, langs = ex.extract_skills(lines)
            profile.skills.extend(skills)
            profile.soft_skills.extend(soft)
            languages.extend(langs)
        elif block.kind == "soft_skills":
            profile.soft_skills.extend(ex.extract_list(lines))
        elif block.kind == "languages":
            for line in lines:
                languages.extend(ex.extract_languages_line(line))
        elif block.kind == "interests":
            profile.interests.extend(ex.extract_list(lines))
        elif block.kind == "certifications":
            profile.certifications.extend(ex.extract_lines(lines))
        elif block.kind == "profile":
            text_lines = [line for line in lines if not ex.lx.TARGET_PREFIX.match(line.text.strip())]
            if text_lines:
                profile.summary = TextField(
                    value=" ".join(line.text.strip() for line in text_lines),
                    span=Span(start=text_lines[0].offset, end=text_lines[-1].end, page=text_lines[0].page),
                    confidence=0.8,
                )
                profile.soft_skills.extend(ex.extract_soft_from_text(text_lines))
        else:  # header, contact, extra, references
            for line in lines:
                if ex.looks_like_language_line(line):
                    languages.extend(ex.extract_languages_line(line))
    profile.languages = _dedupe_languages(languages)
    seen_soft: set[str] = set()
    profile.soft_skills = [s for s in profile.soft_skills
                           if not (squash(s.value) in seen_soft or seen_soft.add(squash(s.value)))]
    profile.target_job = ex.extract_target(blocks, name_line, vocab, skip)
    scan = [line for line in clean if id(line) not in contact_lines]
    profile.licences = ex.extract_licences(scan)
    personal = {id(line) for b in blocks if b.kind not in ("experience", "education", "projects", "volunteering")
                for line in b.lines}
    profile.vehicle = ex.extract_vehicle([line for line in scan if id(line) in personal or "permis" in line.text.lower()])
    profile.mobility = ex.extract_mobility(scan)
    levels = [e.level for e in profile.education if e.level is not None and not e.in_progress]
    profile.education_level = max(levels) if levels else None
    profile.experience_months = ex.months_of_experience(profile.experiences)

    profile.flags = [ProtectedFlag(kind=f.kind, message=msg.PROTECTED[f.kind], span=ex.span_of(f.line, f.start, f.end))
                     for f in _unique_flags(flags)]
    if any(img.looks_like_photo() for img in doc.images):
        profile.flags.append(ProtectedFlag(kind="photo", message=msg.PROTECTED["photo"]))
    profile.text = _masked_text(doc.text, flags)

    if code_occupations and mode == "on":
        _code(profile, require_rome=require_rome, warnings=warnings)
    else:
        reason = "mode règles seules : codage ROME suspendu" if mode != "on" else "codage ROME non demandé"
        for exp in profile.experiences:
            exp.rome = RomeCoding(status="not_requested", message=reason)
        if profile.target_job is not None:
            profile.target_rome = RomeCoding(status="not_requested", message=reason)
    _link_skills(profile, exact_only=mode != "on", warnings=warnings)
    profile.warnings = list(dict.fromkeys(warnings))
    return profile


def _unique_flags(flags: list[ex.Flag]) -> list[ex.Flag]:
    seen = set()
    out = []
    for f in flags:
        key = (f.kind, id(f.line))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _masked_text(text: str, flags: list[ex.Flag]) -> str:
    if not flags:
        return text
    chars = list(text)
    for f in flags:
        if f.kind == "gender":
            start, end = f.line.offset + f.start, f.line.offset + f.end
        else:
            start, end = f.line.offset, f.line.end
        for i in range(start, min(end, len(chars))):
            if chars[i] not in "\n":
                chars[i] = MASK
    return "".join(chars)


def _dedupe_languages(languages: list[Language]) -> list[Language]:
    best: dict[str, Language] = {}
    for lang in languages:
        cur = best.get(lang.language)
        if cur is None or (bool(lang.cefr), bool(lang.level_text)) > (bool(cur.cefr), bool(cur.level_text)):
            best[lang.language] = lang
    order = []
    for lang in languages:
        if lang.language not in order:
            order.append(lang.language)
    return [best[name] for name in order]


def _context_codes(profile: CVProfile) -> list[str]:
    """ROME codes the CV is about: coded experiences and target job, else titles that are ROME appellations."""
    codes: list[str] = []
    for coding in [e.rome for e in profile.experiences] + [profile.target_rome]:
        if coding is not None and coding.top and coding.top not in codes:
            codes.append(coding.top)
    vocab = resources.title_vocabulary()
    for field in [e.title for e in profile.experiences] + [profile.target_job]:
        if field is not None:
            hit = vocab.forms.get(squash(field.value))
            if hit and hit[1] not in codes:
                codes.append(hit[1])
    return codes


def _link_skills(profile: CVProfile, *, exact_only: bool, warnings: list[str]) -> None:
    if not profile.skills:
        return
    try:
        index = resources.competence_index()
        from tremplin.referentials import rome

        context: set[int] = set()
        for code in _context_codes(profile)[:6]:
            for item in rome.competences(code, limit=60) + rome.savoirs(code, limit=60):
                pos = index.position.get(item.code_ogr)
                if pos is not None:
                    context.add(pos)
    except TremplinError:
        warnings.append(f"{msg.REFERENTIAL_UNAVAILABLE} ({msg.REFERENTIAL_HINT})")
        return
    matches = index.match([s.value for s in profile.skills], threshold=1.01 if exact_only else SKILL_LINK_THRESHOLD,
                          context=context)
    for skill, match in zip(profile.skills, matches, strict=True):
        if match is None:
            continue
        i, score = match
        skill.rome = CompetenceLink(code_ogr=index.codes[i], label=index.labels[i], kind=index.kinds[i],
                                    score=round(score, 3))


def _to_coding(result) -> RomeCoding:
    raw = resources.to_rome_coding(result)
    cands = [RomeCandidate(**c) for c in raw["candidates"]]
    if raw["status"] == "coded" and cands and cands[0].confidence < ROME_MIN_CONFIDENCE:
        return RomeCoding(status="abstained", candidates=cands, message="métier non déterminé (confiance trop faible)")
    if raw["status"] != "coded":
        reason = resources._get(result, "reason") or "métier non déterminé"
        return RomeCoding(status="abstained", candidates=cands, message=str(reason))
    return RomeCoding(status="coded", candidates=cands)


def _mark(profile: CVProfile, targets: list, coding: RomeCoding) -> None:
    for target in targets:
        if target is profile:
            profile.target_rome = coding
        else:
            target.rome = coding.model_copy()


def _code(profile: CVProfile, *, require_rome: bool, warnings: list[str]) -> None:
    """Code every experience title (with its missions as context) and the target job, in one batch."""
    items: list[tuple[str, str | None]] = []
    targets: list = []
    for exp in profile.experiences:
        if exp.title is None:
            exp.rome = RomeCoding(status="abstained", message="intitulé de poste non trouvé")
            continue
        context = " ".join(m.value for m in exp.missions[:5])[:2000] or None
        items.append((exp.title.value[:300], context))
        targets.append(exp)
    if profile.target_job is not None:
        items.append((profile.target_job.value[:300], None))
        targets.append(profile)
    if not items:
        return
    try:
        coder = resources.occupation_coder()
        results = coder(items)  # the coding service applies its own switch (off, rules only)
    except (DataUnavailable, ServiceDisabled) as exc:
        if require_rome and isinstance(exc, DataUnavailable):
            raise
        warnings.append(f"{msg.ROME_UNAVAILABLE} : {exc.message}" + (f" ({exc.hint})" if exc.hint else ""))
        _mark(profile, targets, RomeCoding(status="unavailable", message=exc.message))
        return
    except TremplinError:  # one unusable title must not sink the whole CV: code them one by one
        results = []
        for item in items:
            try:
                results.append(coder([item])[0])
            except TremplinError as one:
                results.append({"candidates": [], "abstained": True, "reason": one.message})
    except Exception as exc:  # noqa: BLE001 - a failure of the other service must not lose the CV
        log.exception("codage ROME en échec pendant l'analyse d'un CV")
        message = f"le service de codage ROME a échoué ({type(exc).__name__}) : métiers non codés"
        warnings.append(message)
        _mark(profile, targets, RomeCoding(status="unavailable", message=message))
        return
    for target, result in zip(targets, results, strict=True):
        _mark(profile, [target], _to_coding(result))


# ----------------------------------------------------------------------------------- review list


def fields_to_review(profile: CVProfile, threshold: float = REVIEW_THRESHOLD) -> list[str]:
    """Paths of the fields whose confidence is under the review threshold (rule CV04)."""
    out = []
    data = profile.model_dump(exclude={"text"})

    def walk(node, path):
        if isinstance(node, dict):
            conf = node.get("confidence")
            if isinstance(conf, float) and conf < threshold and path:
                out.append(path)
            for key, value in node.items():
                if key not in ("span", "candidates"):
                    walk(value, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(data, "")
    return out
