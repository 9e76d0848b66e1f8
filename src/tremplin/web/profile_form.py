"""The CV profile as a form: what the page shows, what a person may correct, and the checks.

The CV analysis service returns a profile where a field may be a plain value or
``{"value": ..., "span": [start, end], "confidence": ...}``. This module reads both shapes and,
on correction, writes the new value where it was found (confidence 1.0, source "correction").
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

TARGET_KEYS = ("target_job", "title", "headline", "objective")
EXPERIENCE_KEYS = ("experiences", "work", "experience")
EDUCATION_KEYS = ("education", "educations", "diplomas")
SKILL_KEYS = ("skills", "competences")
LANGUAGE_KEYS = ("languages", "langues")
LICENCE_KEYS = ("licences", "driving_licences", "driving_licenses", "permis")

DATE_RE = re.compile(r"^(?:(\d{4})(?:-(\d{2}))?|(\d{2})/(\d{4})|en cours|aujourd'hui)$", re.IGNORECASE)
CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")
LANG_LINE = re.compile(r"^\s*([^:(\-–]+?)\s*(?:[:(\-–]\s*([A-Za-z0-9 ]+?)\s*\)?)?\s*$")
ROME_RE = re.compile(r"^[A-N]\d{4}$")
MAX_ROWS = 12


def unwrap(value: Any) -> Any:
    if isinstance(value, dict) and "value" in value:
        return value["value"]
    return value


def _first_key(profile: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if key in profile:
            return key
    return None


def _get(profile: dict, keys: tuple[str, ...], default=None):
    key = _first_key(profile, keys)
    return unwrap(profile[key]) if key else default


def _text(value: Any) -> str:
    value = unwrap(value)
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("label") or value.get("name") or value.get("libelle") or value.get("code") or "")
    return str(value)


def _row_get(row: Any, keys: tuple[str, ...]) -> str:
    if not isinstance(row, dict):
        return _text(row)
    dates = row.get("dates") if isinstance(row.get("dates"), dict) else None
    if dates is not None and keys[0] in ("start", "end"):
        if keys[0] == "end" and dates.get("current"):
            return "en cours"
        return str(dates.get(keys[0]) or "")
    if keys[0] == "rome_code" and isinstance(row.get("rome"), dict):
        rome = row["rome"]
        candidates = rome.get("candidates") or []
        return str(candidates[0].get("code") or "") if rome.get("status") == "coded" and candidates else ""
    if keys[0] == "level" and "cefr" in row:
        return str(row.get("cefr") or "")
    for key in keys:
        if key in row and unwrap(row[key]) not in (None, ""):
            return _text(row[key])
    return ""


EXP_FIELDS = {
    "title": ("title", "job_title", "position", "intitule"),
    "employer": ("employer", "company", "name", "entreprise"),
    "start": ("start", "start_date", "startDate", "debut"),
    "end": ("end", "end_date", "endDate", "fin"),
    "rome_code": ("rome_code", "rome", "code"),
}
EDU_FIELDS = {
    "diploma": ("diploma", "degree", "title", "studyType", "diplome"),
    "school": ("school", "institution", "etablissement"),
    "year": ("year", "end", "endDate", "annee"),
    "level": ("level", "niveau"),
}
LANG_FIELDS = {"language": ("language", "name", "langue", "label"), "level": ("level", "cefr", "niveau", "fluency")}


def _rows(profile: dict, keys: tuple[str, ...], fields: dict[str, tuple[str, ...]]) -> list[dict[str, str]]:
    rows = _get(profile, keys, []) or []
    if not isinstance(rows, list):
        return []
    return [{name: _row_get(row, aliases) for name, aliases in fields.items()} for row in rows[:MAX_ROWS]]


def _strings(profile: dict, keys: tuple[str, ...]) -> list[str]:
    values = _get(profile, keys, []) or []
    if isinstance(values, dict):  # {"categories": [...]} for driving licences
        values = values.get("categories") or []
    if isinstance(values, str):
        values = [values]
    return [t for t in (_text(v).strip() for v in values) if t]


def languages(profile: dict) -> list[dict[str, str]]:
    values = _get(profile, LANGUAGE_KEYS, []) or []
    out = []
    for value in values if isinstance(values, list) else []:
        if isinstance(unwrap(value), str):
            out.append({"language": unwrap(value), "level": ""})
        else:
            out.append({name: _row_get(value, aliases) for name, aliases in LANG_FIELDS.items()})
    return out


def view(profile: dict | None) -> dict[str, Any]:
    """What the page shows: plain strings and lists."""
    profile = profile or {}
    return {
        "target_job": _text(_get(profile, TARGET_KEYS, "")),
        "experiences": _rows(profile, EXPERIENCE_KEYS, EXP_FIELDS),
        "education": _rows(profile, EDUCATION_KEYS, EDU_FIELDS),
        "skills": _strings(profile, SKILL_KEYS),
        "languages": languages(profile),
        "licences": _strings(profile, LICENCE_KEYS),
        "flags": [str(f.get("message") or f.get("kind")) if isinstance(f, dict) else str(f)
                  for f in (profile.get("flags") or []) + (profile.get("warnings") or [])],
    }


def form_values(profile: dict) -> dict[str, str]:
    """The correction form's initial values."""
    v = view(profile)
    values = {"target_job": v["target_job"], "skills": "\n".join(v["skills"]), "licences": ", ".join(v["licences"]),
              "languages": "\n".join(f"{x['language']} ({x['level']})" if x["level"] else x["language"]
                                     for x in v["languages"])}
    for i, exp in enumerate(v["experiences"]):
        for name in ("title", "employer", "start", "end"):
            values[f"exp_{i}_{name}"] = exp[name]
    for i, edu in enumerate(v["education"]):
        for name in ("diploma", "year"):
            values[f"edu_{i}_{name}"] = edu[name]
    return values


def job_titles(profile: dict | None) -> list[str]:
    v = view(profile or {})
    titles = [v["target_job"]] + [e["title"] for e in v["experiences"]]
    seen: dict[str, None] = {}
    for t in titles:
        if t and t.strip():
            seen.setdefault(t.strip(), None)
    return list(seen)


def best_code(output: dict) -> str | None:
    for key in ("candidates", "codes", "results"):
        items = output.get(key)
        if isinstance(items, list) and items:
            first = items[0]
            if isinstance(first, dict):
                code = first.get("code") or first.get("rome_code")
                label = first.get("label") or first.get("libelle")
                return f"{code} {label}".strip() if code else None
    code = output.get("code") or output.get("rome_code")
    return str(code) if code else None


def _normalise_date(value: str) -> str | None:
    """'' / YYYY / YYYY-MM / MM/YYYY / en cours → normalised text, or None when not a date."""
    value = value.strip()
    if not value:
        return ""
    match = DATE_RE.match(value)
    if not match:
        return None
    year, month, month2, year2 = match.groups()
    if year2:
        year, month = year2, month2
    if year is None:
        return "en cours"
    if not 1950 <= int(year) <= date.today().year + 1:
        return None
    if month is not None:
        if not 1 <= int(month) <= 12:
            return None
        return f"{year}-{month}"
    return year


def apply(profile: dict, submitted: dict[str, str], errors) -> tuple[dict[str, Any], list[str]]:
    """The corrections a person made in the form, as ``{path: new value}`` for the CV analysis service
    (``{"experiences.0.title": "Aide-soignante", "languages": [...]}``), and the names of the changed
    fields in French. Invalid values are reported in ``errors`` with a message naming the field."""
    before = form_values(profile)
    changes: dict[str, Any] = {}
    labels: list[str] = []
    # Browsers send text areas with CRLF line ends; compare with LF, without blank lines.
    submitted = {k: "\n".join(line.rstrip() for line in v.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                               if line.strip()) if isinstance(v, str) else v for k, v in submitted.items()}

    def changed(name: str) -> bool:
        return name in submitted and submitted[name].strip() != (before.get(name) or "").strip()

    if changed("target_job"):
        value = submitted["target_job"].strip()
        if len(value) > 200:
            errors.add("target_job", "Le métier recherché doit tenir en 200 caractères.")
        else:
            changes[_first_key(profile, TARGET_KEYS) or "target_job"] = value
            labels.append("métier recherché")

    exp_key = _first_key(profile, EXPERIENCE_KEYS) or "experiences"
    experiences = profile.get(exp_key) if isinstance(profile.get(exp_key), list) else []
    names = {"title": "intitulé", "employer": "employeur", "start": "début", "end": "fin"}
    for i, row in enumerate(experiences[:MAX_ROWS]):
        if not isinstance(row, dict):
            continue
        for name in ("title", "employer", "start", "end"):
            field = f"exp_{i}_{name}"
            if not changed(field):
                continue
            value = submitted[field].strip()
            if name in ("start", "end"):
                normal = _normalise_date(value)
                if normal is None:
                    errors.add(field, f"Expérience {i + 1} : la date « {value} » n'est pas reconnue ; écrivez "
                               "l'année (2021), le mois et l'année (03/2021) ou « en cours ».")
                    continue
                if normal == _normalise_date(before.get(field) or ""):
                    continue  # the same date written another way
                if name == "end":
                    changes[f"{exp_key}.{i}.dates.current"] = normal == "en cours"
                    changes[f"{exp_key}.{i}.dates.end"] = None if normal in ("", "en cours") else normal
                else:
                    changes[f"{exp_key}.{i}.dates.start"] = normal or None
            elif name == "title" and not value:
                errors.add(field, f"Expérience {i + 1} : l'intitulé du poste ne peut pas être vide.")
                continue
            else:
                key = next((k for k in EXP_FIELDS[name] if k in row), EXP_FIELDS[name][0])
                changes[f"{exp_key}.{i}.{key}"] = value or None
            labels.append(f"expérience {i + 1} ({names[name]})")

    edu_key = _first_key(profile, EDUCATION_KEYS) or "education"
    education = profile.get(edu_key) if isinstance(profile.get(edu_key), list) else []
    for i, row in enumerate(education[:MAX_ROWS]):
        if not isinstance(row, dict):
            continue
        for name in ("diploma", "year"):
            field = f"edu_{i}_{name}"
            if not changed(field):
                continue
            value = submitted[field].strip()
            if name == "year" and value and not (value.isdigit() and 1950 <= int(value) <= date.today().year + 1):
                errors.add(field, f"Formation {i + 1} : l'année doit s'écrire sur quatre chiffres, entre 1950 et "
                           f"{date.today().year + 1}.")
                continue
            key = next((k for k in EDU_FIELDS[name] if k in row), EDU_FIELDS[name][0])
            changes[f"{edu_key}.{i}.{key}"] = (int(value) if value else None) if name == "year" else (value or None)
            labels.append(f"formation {i + 1} ({'diplôme' if name == 'diploma' else 'année'})")

    if changed("skills"):
        key = _first_key(profile, SKILL_KEYS) or "skills"
        old = {_text(x): x for x in (profile.get(key) if isinstance(profile.get(key), list) else [])}
        changes[key] = [old.get(line.strip(), {"value": line.strip(), "confidence": 1.0})
                        for line in submitted["skills"].splitlines() if line.strip()]
        labels.append("compétences")

    if changed("languages"):
        parsed = []
        for n, line in enumerate(x for x in submitted["languages"].splitlines() if x.strip()):
            match = LANG_LINE.match(line)
            name, level = (match.group(1).strip(), (match.group(2) or "").strip().upper()) if match else (line, "")
            if level and level not in CEFR:
                errors.add("languages", f"Langue {n + 1} (« {line.strip()} ») : le niveau doit être A1, A2, B1, B2, "
                           "C1 ou C2, ou rester vide.")
                continue
            parsed.append({"language": name, "written": line.strip(), "cefr": level or None, "confidence": 1.0})
        changes[_first_key(profile, LANGUAGE_KEYS) or "languages"] = parsed
        labels.append("langues")

    if changed("licences"):
        licences = [x.strip().upper() for x in re.split(r"[,;]", submitted["licences"]) if x.strip()]
        bad = [x for x in licences if not re.fullmatch(r"(AM|A1|A2|A|B1|B|BE|C1|C1E|C|CE|D1|D1E|D|DE)", x)]
        if bad:
            errors.add("licences", f"Permis non reconnu : {', '.join(bad)}. Écrivez les catégories séparées par des "
                       "virgules, par exemple « B, C ».")
        key = _first_key(profile, LICENCE_KEYS) or "licences"
        if isinstance(profile.get(key), list):
            changes[key] = licences
        else:
            changes[f"{key}.categories"] = licences
        labels.append("permis")
    return changes, labels


def modified_suggestion(kind: str, output: dict, new_value: str) -> tuple[dict | None, str | None]:
    """The modified output of a proposal, or an error message for the ``valeur`` field."""
    if kind == "occupation":
        code = new_value.strip().upper()
        if not ROME_RE.match(code):
            return None, "Indiquez le code ROME retenu : une lettre de A à N suivie de quatre chiffres, par exemple M1607."
        return {**output, "chosen_code": code}, None
    return None, "Une offre proposée s'accepte ou se refuse ; pour en proposer une autre, refusez celle-ci avec un motif."
