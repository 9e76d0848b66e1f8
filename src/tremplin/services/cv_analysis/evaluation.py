"""Field-level quality of CV analysis against ground truth (generated CVs and hand-written ones).

For every field we compare the list of extracted values with the list of true values of each
document and count true positives two ways:

- exact: the normalised values are equal (case, accents, punctuation and spacing ignored;
  phones compared as digits; dates compared at the precision written on the CV);
- partial: the values are close (word-overlap F1 ≥ 0.5 for texts, same start year for dates).

Precision, recall and F1 are micro-averaged over documents. Truth files: ``<name>.truth.json``
next to each CV, written by :func:`tremplin.simulate.cvs.write_cvs` for generated documents and
by hand for the real-looking ones in ``tests/data/cv``.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tremplin.services.cv_analysis.normalise import squash
from tremplin.services.cv_analysis.schema import CVProfile

# Fields with a target in the issue (F1 ≥ 0.90 on generated CVs).
TARGET_FIELDS = ["contact.name", "contact.email", "contact.phone", "experience.title+dates", "education.diploma+year",
                 "languages.language"]
TARGET_F1 = 0.90


def _digits(value: str | None) -> str:
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def _tokens(value: str) -> list[str]:
    return squash(value).split()


def token_f1(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    common = 0
    pool = list(tb)
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


@dataclass
class Counts:
    tp: float = 0
    pred: int = 0
    true: int = 0

    def add(self, tp: float, pred: int, true: int) -> None:
        self.tp += tp
        self.pred += pred
        self.true += true

    def scores(self) -> dict[str, float | int | None]:
        p = self.tp / self.pred if self.pred else None
        r = self.tp / self.true if self.true else None
        f1 = 2 * p * r / (p + r) if p and r else (0.0 if (p is not None and r is not None) else None)
        return {"precision": _r(p), "recall": _r(r), "f1": _r(f1), "support": self.true, "predicted": self.pred}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _match(pred: list, true: list, same: Callable[[Any, Any], bool]) -> int:
    used = [False] * len(pred)
    tp = 0
    for t in true:
        for i, p in enumerate(pred):
            if not used[i] and same(p, t):
                used[i] = True
                tp += 1
                break
    return tp


# ---------------------------------------------------------------------------- field extractors


def _exp_key(d: dict) -> tuple:
    return (d.get("start"), d.get("end"), bool(d.get("current")))


def predicted_fields(profile: CVProfile) -> dict[str, list]:
    c = profile.contact
    ident = profile.identity
    exps = []
    for e in profile.experiences:
        d = e.dates
        exps.append({
            "title": e.title.value if e.title else "",
            "employer": e.employer.value if e.employer else "",
            "place": e.place.value if e.place else "",
            "start": d.start if d else None, "end": d.end if d else None, "current": d.current if d else False,
        })
    edus = [{"diploma": e.diploma.value if e.diploma else "", "school": e.school.value if e.school else "",
             "year": e.year, "level": e.level} for e in profile.education]
    langs = [{"language": lang.language, "cefr": lang.cefr} for lang in profile.languages]
    return {
        "contact.name": [ident.full_name.value] if ident.full_name else [],
        "contact.email": [e.value for e in c.emails],
        "contact.phone": [p.value for p in c.phones],
        "contact.postcode": [c.postcode.value] if c.postcode else [],
        "contact.city": [c.city.value] if c.city else [],
        "target_job": [profile.target_job.value] if profile.target_job else [],
        "experience": exps,
        "education": edus,
        "languages": langs,
        "skills": [s.value for s in profile.skills],
        "soft_skills": [s.value for s in profile.soft_skills],
        "interests": [i.value for i in profile.interests],
        "licences": list(profile.licences.categories) if profile.licences else [],
        "vehicle": [profile.vehicle.has_vehicle] if profile.vehicle and profile.vehicle.has_vehicle else [],
        "mobility_km": [profile.mobility.radius_km] if profile.mobility and profile.mobility.radius_km else [],
        "flags": sorted({f.kind for f in profile.flags}),
    }


def true_fields(truth: dict) -> dict[str, list]:
    contact = truth.get("contact") or {}
    ident = truth.get("identity") or {}
    return {
        "contact.name": [ident["full_name"]] if ident.get("full_name") else [],
        "contact.email": [contact["email"]] if contact.get("email") else [],
        "contact.phone": [contact["phone"]] if contact.get("phone") else [],
        "contact.postcode": [contact["postcode"]] if contact.get("postcode") else [],
        "contact.city": [contact["city"]] if contact.get("city") else [],
        "target_job": [truth["target_job"]] if truth.get("target_job") else [],
        "experience": [{**e, "title": e.get("title") or "", "employer": e.get("employer") or "",
                        "place": e.get("place") or ""} for e in truth.get("experiences") or []],
        "education": [{**e, "diploma": e.get("diploma") or "", "school": e.get("school") or ""}
                      for e in truth.get("education") or []],
        "languages": list(truth.get("languages") or []),
        "skills": list(truth.get("skills") or []),
        "soft_skills": list(truth.get("soft_skills") or []),
        "interests": list(truth.get("interests") or []),
        "licences": list(truth.get("licences") or []),
        "vehicle": [True] if truth.get("vehicle") else [],
        "mobility_km": [truth["mobility_km"]] if truth.get("mobility_km") else [],
        "flags": sorted(set(truth.get("flags") or [])),
    }


def _text_eq(a, b) -> bool:
    return squash(str(a)) == squash(str(b)) and bool(squash(str(a)))


def _text_close(a, b) -> bool:
    return token_f1(str(a), str(b)) >= 0.5


def _name_eq(a, b) -> bool:
    return sorted(_tokens(a)) == sorted(_tokens(b)) and bool(_tokens(a))


def _name_close(a, b) -> bool:
    ta, tb = set(_tokens(a)), set(_tokens(b))
    return bool(ta & tb) and len(ta & tb) / len(ta | tb) >= 0.5


def _year(value) -> str | None:
    return str(value)[:4] if value else None


def comparisons() -> dict[str, tuple[str, Callable, Callable]]:
    """metric name → (field, exact predicate, partial predicate)."""
    return {
        "contact.name": ("contact.name", _name_eq, _name_close),
        "contact.email": ("contact.email", lambda a, b: a.lower() == b.lower(), lambda a, b: a.lower() == b.lower()),
        "contact.phone": ("contact.phone", lambda a, b: _digits(a) == _digits(b),
                          lambda a, b: _digits(a)[-9:] == _digits(b)[-9:]),
        "contact.postcode": ("contact.postcode", lambda a, b: a.replace(" ", "") == b.replace(" ", ""),
                             lambda a, b: a.replace(" ", "")[:2] == b.replace(" ", "")[:2]),
        "contact.city": ("contact.city", _text_eq, _text_close),
        "target_job": ("target_job", _text_eq, _text_close),
        "experience.title": ("experience", lambda a, b: _text_eq(a["title"], b["title"]),
                             lambda a, b: _text_close(a["title"], b["title"])),
        "experience.dates": ("experience", lambda a, b: _exp_key(a) == _exp_key(b),
                             lambda a, b: _year(a.get("start")) == _year(b.get("start"))),
        "experience.title+dates": (
            "experience", lambda a, b: _text_eq(a["title"], b["title"]) and _exp_key(a) == _exp_key(b),
            lambda a, b: _text_close(a["title"], b["title"]) and _year(a.get("start")) == _year(b.get("start"))),
        "experience.employer": ("experience", lambda a, b: _text_eq(a["employer"], b["employer"]),
                                lambda a, b: _text_close(a["employer"], b["employer"])),
        "experience.place": ("experience", lambda a, b: _text_eq(a["place"], b["place"]) or _text_eq(
            re.sub(r"\(\d+\)", "", a["place"]), re.sub(r"\(\d+\)", "", b["place"])),
            lambda a, b: _text_close(a["place"], b["place"])),
        "education.diploma": ("education", lambda a, b: _text_eq(a["diploma"], b["diploma"]),
                              lambda a, b: _text_close(a["diploma"], b["diploma"])),
        "education.year": ("education", lambda a, b: a.get("year") == b.get("year") and a.get("year") is not None,
                           lambda a, b: a.get("year") is not None and b.get("year") is not None
                           and abs(int(a["year"]) - int(b["year"])) <= 1),
        "education.diploma+year": (
            "education", lambda a, b: _text_eq(a["diploma"], b["diploma"]) and a.get("year") == b.get("year"),
            lambda a, b: _text_close(a["diploma"], b["diploma"]) and (a.get("year") == b.get("year"))),
        "education.school": ("education", lambda a, b: _text_eq(a["school"], b["school"]),
                             lambda a, b: _text_close(a["school"], b["school"])),
        "education.level": ("education", lambda a, b: a.get("level") == b.get("level") and _text_close(
            a["diploma"], b["diploma"]), lambda a, b: a.get("level") == b.get("level")),
        "languages.language": ("languages", lambda a, b: a["language"] == b["language"],
                               lambda a, b: a["language"] == b["language"]),
        "languages.language+cefr": ("languages", lambda a, b: a["language"] == b["language"] and a.get("cefr") == b.get(
            "cefr"), lambda a, b: a["language"] == b["language"]),
        "skills": ("skills", _text_eq, _text_close),
        "soft_skills": ("soft_skills", _text_eq, _text_close),
        "interests": ("interests", _text_eq, _text_close),
        "licences": ("licences", lambda a, b: a == b, lambda a, b: a == b),
        "vehicle": ("vehicle", lambda a, b: a == b, lambda a, b: a == b),
        "mobility_km": ("mobility_km", lambda a, b: int(a) == int(b), lambda a, b: abs(int(a) - int(b)) <= 5),
        "flags": ("flags", lambda a, b: a == b, lambda a, b: a == b),
    }


SUBFIELDS = {"experience.employer": "employer", "experience.place": "place", "education.school": "school",
             "education.year": "year", "education.level": "level"}


# ------------------------------------------------------------------------------------- report


@dataclass
class Report:
    exact: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    partial: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_group: dict[str, dict[str, Counts]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Counts)))
    documents: int = 0
    failures: list[dict] = field(default_factory=list)
    rome: Counts = field(default_factory=Counts)  # tp = top-1 right, pred = coded, true = matched experiences
    rome_parent: Counts = field(default_factory=Counts)  # the same at the level of the parent fiche
    seconds: float = 0.0

    def add(self, profile: CVProfile, truth: dict, groups: Iterable[str] = ()) -> None:
        self.documents += 1
        pred = predicted_fields(profile)
        true = true_fields(truth)
        for name, (fld, exact, partial) in comparisons().items():
            p, t = pred[fld], true[fld]
            sub = SUBFIELDS.get(name)
            if sub:  # an employer, place or school that the CV does not give is not counted
                p = [x for x in p if x.get(sub)]
                t = [x for x in t if x.get(sub)]
            tp = _match(p, t, exact)
            self.exact[name].add(tp, len(p), len(t))
            self.partial[name].add(_match(p, t, partial), len(p), len(t))
            for g in groups:
                self.by_group[g][name].add(tp, len(p), len(t))
        # ROME top-1 on experiences matched by title and dates.
        used = set()
        for t in truth.get("experiences") or []:
            code = t.get("rome_code")
            if not code:
                continue
            for i, (e, pe) in enumerate(zip(profile.experiences, pred["experience"], strict=True)):
                if i in used or not _text_eq(pe["title"], t["title"]):
                    continue
                used.add(i)
                self.rome.true += 1
                self.rome_parent.true += 1
                if e.rome is not None and e.rome.status == "coded":
                    self.rome.pred += 1
                    self.rome_parent.pred += 1
                    if e.rome.top == code:
                        self.rome.tp += 1
                    if _parent(e.rome.top) == _parent(code):
                        self.rome_parent.tp += 1
                break

    def fail(self, name: str, error: str, groups: Iterable[str] = ()) -> None:
        self.failures.append({"document": name, "error": error, "groups": list(groups)})

    def summary(self) -> dict:
        fields = {}
        for name in comparisons():
            fields[name] = {"exact": self.exact[name].scores(), "partial": self.partial[name].scores()}
        groups = {g: {n: c.scores()["f1"] for n, c in counts.items() if n in TARGET_FIELDS}
                  for g, counts in sorted(self.by_group.items())}
        rome = {
            "matched_experiences": int(self.rome.true),
            "coded": int(self.rome.pred),
            "top1_accuracy_when_coded": _r(self.rome.tp / self.rome.pred) if self.rome.pred else None,
            "top1_accuracy_all": _r(self.rome.tp / self.rome.true) if self.rome.true else None,
            "top1_parent_fiche_when_coded": _r(self.rome_parent.tp / self.rome_parent.pred) if self.rome_parent.pred
            else None,
        }
        targets = {n: {"f1": fields[n]["exact"]["f1"], "target": TARGET_F1,
                       "met": (fields[n]["exact"]["f1"] or 0) >= TARGET_F1} for n in TARGET_FIELDS}
        return {"documents": self.documents, "failures": len(self.failures), "fields": fields, "targets": targets,
                "by_group_f1_exact": groups, "rome": rome, "seconds": round(self.seconds, 2),
                "failure_examples": self.failures[:10]}


def _parent(code: str | None) -> str | None:
    """The parent fiche of a ROME 4.0 code (the level France Travail's v3 codes and the coding figures use)."""
    if not code:
        return None
    try:
        from tremplin.referentials import rome

        return rome.get(code).parent or code
    except Exception:  # noqa: BLE001 - no referential: compare the codes themselves
        return code


def evaluate_files(pairs: Iterable[tuple[Path, dict]], *, mode: str = "on", code_occupations: bool = True,
                   progress: Callable[[Iterable], Iterable] | None = None) -> Report:
    """Parse each file and compare it with its truth."""
    from tremplin.errors import TremplinError
    from tremplin.services.cv_analysis.service import parse_cv

    report = Report()
    started = time.perf_counter()
    items = list(pairs)
    for path, truth in (progress(items) if progress else items):
        groups = [f"format={truth.get('format', Path(path).suffix.lstrip('.'))}",
                  f"layout={truth.get('layout', 'manuscrit')}"]
        try:
            profile = parse_cv(Path(path).read_bytes(), Path(path).name, mode=mode, code_occupations=code_occupations)
        except TremplinError as exc:
            report.fail(Path(path).name, str(exc), groups)
            report.add(_empty_profile(), truth, groups)
            continue
        report.add(profile, truth, groups)
    report.seconds = time.perf_counter() - started
    return report


def _empty_profile() -> CVProfile:
    return CVProfile(service_version="-", format="-", sha256="0" * 64)


def truth_pairs(directory: Path) -> list[tuple[Path, dict]]:
    """(CV file, truth) for every ``*.truth.json`` in ``directory``."""
    out = []
    for truth_path in sorted(Path(directory).glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        stem = truth_path.name[: -len(".truth.json")]
        name = truth.get("file")
        candidates = [truth_path.parent / name] if name else sorted(
            p for p in truth_path.parent.glob(stem + ".*") if not p.name.endswith(".json"))
        for candidate in candidates:
            if candidate.exists():
                out.append((candidate, truth))
                break
    return out
