"""ROME 4.0: occupation codes, parent fiches, domain tree, texts, appellations, mobility, competences.

Read from the referential installed by ``tremplin data fetch`` (see :mod:`tremplin.referentials.fetch`)::

    from tremplin.referentials import rome
    rome.get("M1805").label            # 'Développeur / Développeuse informatique'
    rome.appellations("M1805")         # job titles of the code
    rome.search_appellations("boulanger", limit=5)
    rome.mobility("M1805")             # neighbouring codes, closest first
    rome.competences("M1805")          # derived from the texts (scores; see docs/referentials.md)
    rome.frames()                      # every table as a pandas DataFrame (cached)

Unknown codes raise NotFound, malformed codes InvalidInput, a missing or partial
referential DataUnavailable: always with a French message saying what to do.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from tremplin.errors import DataUnavailable, InvalidInput, NotFound
from tremplin.referentials import _store

NAME = "rome"
CODE_RE = re.compile(r"^[A-N]\d{4}$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Appellation(_Frozen):
    code_ogr: str
    label: str
    short_label: str
    code: str  # the ROME code it belongs to
    principal: bool = False
    rare: bool = False
    score: float | None = None  # set by search_appellations


class Domain(_Frozen):
    code: str
    label: str


class MobilityLink(_Frozen):
    code: str
    target: str
    target_label: str
    order: int  # higher = closer in the published list


class Competence(_Frozen):
    code_ogr: str
    label: str
    category: str
    subcategory: str
    macro_code_ogr: str = ""
    score: float | None = None  # strength of the textual evidence linking it to the code
    rank: int | None = None


class Savoir(_Frozen):
    code_ogr: str
    label: str
    category: str
    subcategory: str
    score: float | None = None
    rank: int | None = None


class RomeCode(_Frozen):
    code: str
    label: str
    parent: str | None  # the parent fiche (code_rome_parent); equal to code for a parent fiche
    parent_label: str | None
    is_parent: bool
    grand_domaine: Domain
    domaine: Domain
    definition: str
    access: str
    appellations: list[Appellation]
    regulated: bool = False
    executive: bool = False
    transition_eco: str = ""

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


def _installed() -> _store.Installed:
    return _store.load(NAME)


def info() -> dict[str, Any]:
    """The manifest of the installed ROME (source, version, counts, completeness)."""
    return dict(_installed().manifest)


def version() -> str:
    return str(_installed().manifest.get("version", ""))


def frames() -> dict[str, Any]:
    """Every table of the installed ROME as pandas DataFrames (read once per process).

    Keys: codes, appellations, competences, savoirs, mobility, texts, tree, code_competences,
    code_savoirs, and when present work_contexts, interests, naf_sectors.
    """
    installed = _installed()
    return {name[: -len(".parquet")]: installed.frame(name[: -len(".parquet")])
            for name in installed.manifest.get("files", {}) if name.endswith(".parquet")}


def normalise_code(code: Any) -> str:
    """Upper-case, trimmed; InvalidInput if it is not a letter A–N followed by four digits."""
    if not isinstance(code, str):
        raise InvalidInput("un code ROME doit être une chaîne de caractères", field="code")
    value = code.strip().upper()
    if not CODE_RE.match(value):
        raise InvalidInput(
            f"code ROME « {code} » mal formé : attendu une lettre de A à N suivie de 4 chiffres (ex. M1805)",
            field="code",
        )
    return value


def _index(installed: _store.Installed) -> dict[str, dict]:
    def build() -> dict[str, dict]:
        codes = installed.frame("codes")
        return {row["code"]: row for row in codes.to_dict("records")}

    return installed.derived("code_index", build)


def _grouped(installed: _store.Installed, table: str, key: str = "code") -> dict[str, list[dict]]:
    def build() -> dict[str, list[dict]]:
        frame = installed.frame(table)
        groups: dict[str, list[dict]] = {}
        for row in frame.to_dict("records"):
            groups.setdefault(row[key], []).append(row)
        return groups

    return installed.derived(f"group:{table}:{key}", build)


def _row(code: Any) -> tuple[_store.Installed, str, dict]:
    installed = _installed()
    value = normalise_code(code)
    row = _index(installed).get(value)
    if row is None:
        raise NotFound(
            f"code ROME « {value} » inconnu du ROME 4.0 installé (version {installed.manifest.get('version', '?')})",
            field="code",
            hint="cherchez le métier par son intitulé (rome.search_appellations, GET /v1/rome/search?q=…)",
        )
    return installed, value, row


def exists(code: str) -> bool:
    """True when ``code`` is a well-formed code of the installed ROME."""
    try:
        _row(code)
    except (InvalidInput, NotFound):
        return False
    return True


def label(code: str) -> str:
    return _row(code)[2]["label"]


def _appellation(row: dict, score: float | None = None) -> Appellation:
    return Appellation(code_ogr=row["code_ogr"], label=row["label"], short_label=row["short_label"], code=row["code"],
                       principal=bool(row["principal"]), rare=bool(row["rare"]), score=score)


def get(code: str) -> RomeCode:
    """A ROME code with its parent fiche, domains, definition, access texts and appellations."""
    installed, value, row = _row(code)
    index = _index(installed)
    parent = row.get("parent") or None
    texts: dict[str, list[str]] = {"definition": [], "access": []}
    if "texts.parquet" in installed.manifest.get("files", {}):
        for item in _grouped(installed, "texts").get(value, []):
            texts.setdefault(item["kind"], []).append(item["text"])
    apps = []
    if "appellations.parquet" in installed.manifest.get("files", {}):
        apps = [_appellation(r) for r in _grouped(installed, "appellations").get(value, [])]
        apps.sort(key=lambda a: (not a.principal, a.rare, a.label))
    return RomeCode(
        code=value,
        label=row["label"],
        parent=parent,
        parent_label=index[parent]["label"] if parent in index else None,
        is_parent=bool(row.get("is_parent")),
        grand_domaine=Domain(code=row.get("grand_domaine") or "", label=row.get("grand_domaine_label") or ""),
        domaine=Domain(code=row.get("domaine") or "", label=row.get("domaine_label") or ""),
        definition="\n".join(texts["definition"]),
        access="\n".join(texts["access"]),
        appellations=apps,
        regulated=bool(row.get("regulated", False)),
        executive=bool(row.get("executive", False)),
        transition_eco=str(row.get("transition_eco") or ""),
    )


def codes() -> list[str]:
    """Every code of the installed ROME, sorted."""
    return sorted(_index(_installed()))


def children(parent: str) -> list[str]:
    """The codes whose parent fiche is ``parent`` (the parent included)."""
    installed, value, _row_ = _row(parent)
    return sorted(c for c, r in _index(installed).items() if r.get("parent") == value)


def appellations(code: str | None = None) -> list[Appellation]:
    """The appellations (job titles) of ``code``, or all of them."""
    installed = _installed()
    if code is None:
        return [_appellation(r) for r in installed.frame("appellations").to_dict("records")]
    _, value, _r = _row(code)
    installed.frame("appellations")  # a clear error when the referential is partial
    rows = _grouped(installed, "appellations").get(value, [])
    return sorted((_appellation(r) for r in rows), key=lambda a: (not a.principal, a.rare, a.label))


def _search_index(installed: _store.Installed):
    def build():
        from sklearn.feature_extraction.text import TfidfVectorizer

        from tremplin.referentials._textnorm import normalise

        frame = installed.frame("appellations")
        texts = [normalise(f"{a} {s}") for a, s in zip(frame["label"], frame["short_label"], strict=True)]
        vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
        matrix = vectoriser.fit_transform(texts)
        words = [set(t.split()) for t in texts]
        return vectoriser, matrix, words, frame.to_dict("records")

    return installed.derived("appellation_search", build)


def search_appellations(text: str, limit: int = 10, *, include_rare: bool = True) -> list[Appellation]:
    """Appellations closest to ``text`` (character n-grams, accents and case ignored), best first.

    ``score`` is in [0, 1]; a full-word match of every query word adds to it.
    """
    import numpy as np

    from tremplin.referentials._textnorm import normalise

    if not isinstance(text, str) or not normalise(text):
        raise InvalidInput("le texte à rechercher est vide", field="q", hint="donnez un intitulé de métier")
    if not 1 <= int(limit) <= 200:
        raise InvalidInput("limit doit être compris entre 1 et 200", field="limit")
    vectoriser, matrix, words, rows = _search_index(_installed())
    query = normalise(text)
    qwords = set(query.split())
    scores = (matrix @ vectoriser.transform([query]).T).toarray().ravel()
    candidates = np.argsort(-scores)[: max(limit * 5, 50)]
    results = []
    for i in candidates:
        if scores[i] <= 0:
            break
        if not include_rare and rows[i]["rare"]:
            continue
        bonus = 0.15 * len(qwords & words[i]) / len(qwords) if qwords else 0.0
        penalty = 0.05 if rows[i]["rare"] else 0.0
        results.append((min(1.0, float(scores[i]) * 0.85 + bonus - penalty), i))
    results.sort(key=lambda t: -t[0])
    return [_appellation(rows[i], round(score, 4)) for score, i in results[:limit]]


def mobility(code: str) -> list[MobilityLink]:
    """Neighbouring codes for a career move, as published (closest first)."""
    installed, value, _r = _row(code)
    installed.frame("mobility")
    index = _index(installed)
    links = _grouped(installed, "mobility").get(value, [])
    return [MobilityLink(code=value, target=r["target"], target_label=index.get(r["target"], {}).get("label", ""),
                         order=int(r["order"])) for r in links]


def _linked(code: str, links_table: str, items_table: str, limit: int | None) -> list[dict]:
    installed, value, _r = _row(code)
    items = installed.derived(
        f"items:{items_table}", lambda: {r["code_ogr"]: r for r in installed.frame(items_table).to_dict("records")}
    )
    try:
        links = _grouped(installed, links_table).get(value, [])
    except DataUnavailable:
        raise
    out = []
    for link in sorted(links, key=lambda r: r["rank"]):
        item = items.get(link["code_ogr"])
        if item is not None:
            out.append({**item, "score": float(link["score"]), "rank": int(link["rank"])})
    return out[:limit] if limit else out


def competences(code: str, limit: int | None = None) -> list[Competence]:
    """Competences of ``code``, derived from its texts (strongest evidence first; see docs/referentials.md)."""
    return [Competence(code_ogr=r["code_ogr"], label=r["label"], category=r["category"], subcategory=r["subcategory"],
                       macro_code_ogr=r.get("macro_code_ogr") or "", score=r["score"], rank=r["rank"])
            for r in _linked(code, "code_competences", "competences", limit)]


def savoirs(code: str, limit: int | None = None) -> list[Savoir]:
    """Savoirs (knowledge) of ``code``, derived the same way as competences."""
    return [Savoir(code_ogr=r["code_ogr"], label=r["label"], category=r["category"], subcategory=r["subcategory"],
                   score=r["score"], rank=r["rank"])
            for r in _linked(code, "code_savoirs", "savoirs", limit)]


def competence(code_ogr: str) -> Competence:
    """One competence by its OGR code."""
    installed = _installed()
    items = installed.derived(
        "items:competences", lambda: {r["code_ogr"]: r for r in installed.frame("competences").to_dict("records")}
    )
    row = items.get(str(code_ogr).strip())
    if row is None:
        raise NotFound(f"compétence « {code_ogr} » inconnue du ROME installé", field="code_ogr")
    return Competence(code_ogr=row["code_ogr"], label=row["label"], category=row["category"],
                      subcategory=row["subcategory"], macro_code_ogr=row.get("macro_code_ogr") or "")
