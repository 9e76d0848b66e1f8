"""Export a profile as JSON Resume (https://jsonresume.org/schema, v1.0.0) with ROME extensions.

Standard sections: basics, work, volunteer, education, skills, languages, interests, certificates.
Dates are ISO 8601 at the precision of the CV ("2019", "2019-03"). Extensions, prefixed ``x-rome``
or ``x-tremplin`` (the schema allows additional properties), carry the ROME codes of each
experience and of the target job, the ROME competence a skill is linked to, the French education
level, the CEFR level, driving licences and mobility. Protected characteristics are never
exported: the CV's flags say only that something was found and not used.
"""

from __future__ import annotations

from tremplin.services.cv_analysis.schema import CVProfile, RomeCoding

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def _rome(coding: RomeCoding | None) -> dict | None:
    if coding is None:
        return None
    return {
        "status": coding.status,
        "candidates": [c.model_dump(mode="json") for c in coding.candidates],
        **({"message": coding.message} if coding.message else {}),
    }


def _clean(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def to_json_resume(profile: CVProfile) -> dict:
    ident, contact = profile.identity, profile.contact
    profiles = []
    for url in contact.urls:
        value = url.value
        network = next((n for n in ("LinkedIn", "GitHub", "GitLab", "Viadeo", "Behance") if n.lower() in value.lower()),
                       "Web")
        profiles.append({"network": network, "url": value if value.startswith("http") else f"https://{value}"})
    basics = _clean({
        "name": ident.full_name.value if ident.full_name else None,
        "label": profile.target_job.value if profile.target_job else None,
        "email": contact.emails[0].value if contact.emails else None,
        "phone": contact.phones[0].value if contact.phones else None,
        "summary": profile.summary.value if profile.summary else None,
        "location": _clean({
            "address": contact.address.value if contact.address else None,
            "postalCode": contact.postcode.value if contact.postcode else None,
            "city": contact.city.value if contact.city else None,
            "countryCode": "FR" if contact.postcode else None,
            "x-inseeCode": contact.commune_code,
        }),
        "profiles": profiles,
        "x-rome": _rome(profile.target_rome),
    })
    work = []
    for exp in profile.experiences:
        d = exp.dates
        work.append(_clean({
            "name": exp.employer.value if exp.employer else None,
            "position": exp.title.value if exp.title else None,
            "location": exp.place.value if exp.place else None,
            "startDate": d.start if d else None,
            "endDate": d.end if d and not d.current else None,
            "highlights": [m.value for m in exp.missions],
            "x-contract": exp.contract.value if exp.contract else None,
            "x-current": True if d and d.current else None,
            "x-rome": _rome(exp.rome),
        }))
    education = []
    for ed in profile.education:
        d = ed.dates
        education.append(_clean({
            "institution": ed.school.value if ed.school else None,
            "studyType": ed.diploma.value if ed.diploma else None,
            "area": None,
            "startDate": d.start if d and d.start != d.end else None,
            "endDate": str(ed.year) if ed.year else None,
            "x-level": ed.level,
            "x-levelLabel": ed.level_label,
            "x-inProgress": True if ed.in_progress else None,
        }))
    skills: dict[str, dict] = {}
    for skill in profile.skills:
        group = skill.category or "Compétences"
        entry = skills.setdefault(group, {"name": group, "keywords": [], "x-rome": []})
        entry["keywords"].append(skill.value)
        if skill.rome is not None:
            entry["x-rome"].append({"keyword": skill.value, **skill.rome.model_dump(mode="json")})
    if profile.soft_skills:
        skills["Savoir-être"] = {"name": "Savoir-être", "keywords": [s.value for s in profile.soft_skills]}
    languages = [_clean({"language": lang.language, "fluency": lang.level_text or lang.cefr,
                         "x-cefr": lang.cefr}) for lang in profile.languages]
    extra = _clean({
        "drivingLicences": profile.licences.categories if profile.licences else None,
        "drivingLicencePending": True if profile.licences and profile.licences.pending else None,
        "vehicle": profile.vehicle.has_vehicle if profile.vehicle else None,
        "mobility": _clean({"text": profile.mobility.text, "radiusKm": profile.mobility.radius_km,
                            "national": profile.mobility.national or None, "zones": profile.mobility.zones})
        if profile.mobility else None,
        "educationLevel": profile.education_level,
        "experienceMonths": profile.experience_months,
        "flags": [{"kind": f.kind, "message": f.message} for f in profile.flags],
    })
    return _clean({
        "$schema": SCHEMA,
        "basics": basics,
        "work": work,
        "education": education,
        "skills": [_clean(v) for v in skills.values()],
        "languages": languages,
        "interests": [{"name": i.value} for i in profile.interests],
        "certificates": [{"name": c.value} for c in profile.certifications],
        "meta": {
            "canonical": SCHEMA,
            "version": "v1.0.0",
            "x-tremplin": {**extra, "service": "cv_analysis", "serviceVersion": profile.service_version,
                           "rulesetVersion": profile.ruleset_version, "sha256": profile.sha256,
                           "notice": "Profil proposé par l'analyse automatique de CV : à vérifier par la personne."},
        },
    })
