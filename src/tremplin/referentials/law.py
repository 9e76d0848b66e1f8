"""Code du travail (and the Code des relations entre le public et l'administration) by article number.

Source: npm ``@socialgouv/legi-data`` (daily extraction of the LEGI database, Légifrance). Only
those two codes are kept, as one compact table::

    from tremplin.referentials import law
    art = law.article("L1132-1")
    art.number, art.legiarti, art.version_date, art.text
"""

from __future__ import annotations

import json
import re
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict

from tremplin.errors import DataUnavailable, InvalidInput, NotFound
from tremplin.referentials import _store
from tremplin.referentials._html import html_to_text

NAME = "law"
CODES = {
    "LEGITEXT000006072050": "travail",  # Code du travail
    "LEGITEXT000031366350": "crpa",  # Code des relations entre le public et l'administration
}
CODE_TITLES = {"travail": "Code du travail", "crpa": "Code des relations entre le public et l'administration"}
NUMBER_RE = re.compile(r"^(?:ART(?:ICLE)?\.?\s*)?([LRDA])\s*\.?\s*\*?\s*(\d+(?:-\d+)*)\s*\*?$", re.I)


class Article(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: str  # "L1132-1"
    code: str  # "travail" or "crpa"
    code_title: str
    legiarti: str  # LEGIARTI id of this version
    cid: str  # LEGIARTI id common to every version of the article
    status: str  # VIGUEUR, ABROGE, ...
    version_date: str  # ISO date from which this version applies
    section: str  # "Partie législative > Première partie > ..."
    text: str

    @property
    def url(self) -> str:
        return f"https://www.legifrance.gouv.fr/codes/article_lc/{self.legiarti}"


def _date(ms: Any) -> str:
    try:
        return datetime.fromtimestamp(int(ms) / 1000, tz=UTC).date().isoformat()
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def normalise_number(number: Any) -> str:
    """'l1132-1', 'L. 1132-1', 'article L1132-1' → 'L1132-1'; InvalidInput otherwise."""
    if not isinstance(number, str):
        raise InvalidInput("un numéro d'article doit être une chaîne", field="number")
    value = number.strip().replace("–", "-").replace(" ", " ")
    match = NUMBER_RE.match(value)
    if not match:
        raise InvalidInput(
            f"numéro d'article « {number} » mal formé : attendu une lettre L, R, D ou A suivie du numéro "
            "(ex. L1132-1, R5411-2)",
            field="number",
        )
    return f"{match[1].upper()}{match[2]}"


# ---------------------------------------------------------------- building


def build_frames(tarball: Path) -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
    """The articles of the kept codes and facts for the manifest (code versions)."""
    wanted = {f"data/{cid}.json": short for cid, short in CODES.items()}
    rows: list[dict[str, Any]] = []
    versions: dict[str, str] = {}
    found = set()
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive:
            name = member.name.split("/", 1)[-1]
            if name not in wanted or not member.isfile():
                continue
            found.add(name)
            tree = json.loads(archive.extractfile(member).read().decode("utf-8"))
            short = wanted[name]
            data = tree.get("data", {})
            versions[short] = data.get("dateModif") or data.get("dateDebutVersion") or ""
            _walk(tree, short, [], rows)
    if len(found) != len(wanted):
        missing = ", ".join(sorted(set(wanted) - found))
        raise DataUnavailable(f"codes absents du paquet {tarball.name} : {missing}",
                              hint="la structure du paquet a changé ; signalez-le")
    frame = pd.DataFrame(rows)
    travail = frame[frame["code"] == "travail"]
    if len(travail) < 5000:
        raise DataUnavailable(f"le Code du travail du paquet {tarball.name} ne compte que {len(travail)} articles",
                              hint="paquet incomplet ; relancez « tremplin data fetch --only law »")
    # One row per (code, number): the version in force wins over older ones.
    frame["_rank"] = (frame["status"] != "VIGUEUR").astype(int)
    frame = (frame.sort_values(["code", "number", "_rank", "version_date"], ascending=[True, True, True, False])
             .drop_duplicates(["code", "number"]).drop(columns="_rank").reset_index(drop=True))
    return {"articles": frame}, {"code_versions": versions}


def _walk(node: dict, code: str, path: list[str], rows: list[dict]) -> None:
    kind = node.get("type")
    data = node.get("data", {})
    if kind == "article":
        number = (data.get("num") or "").strip()
        if number:
            text = html_to_text(data.get("texteHtml")) or (data.get("texte") or "").strip()
            rows.append({
                "number": number.replace(" ", ""),
                "code": code,
                "legiarti": data.get("id", ""),
                "cid": data.get("cid", ""),
                "status": data.get("etat", ""),
                "version_date": _date(data.get("dateDebut")),
                "section": " > ".join(path),
                "text": text,
            })
        return
    if kind == "section":
        path = [*path, " ".join((data.get("title") or "").split())]
    for child in node.get("children", []) or []:
        _walk(child, code, path, rows)


# ---------------------------------------------------------------- reading


def _installed() -> _store.Installed:
    return _store.load(NAME)


def info() -> dict[str, Any]:
    return dict(_installed().manifest)


def frames() -> dict[str, pd.DataFrame]:
    return {"articles": _installed().frame("articles")}


def _index(installed: _store.Installed) -> dict[tuple[str, str], dict]:
    return installed.derived(
        "index", lambda: {(r["code"], r["number"]): r for r in installed.frame("articles").to_dict("records")}
    )


def article(number: str, code: str | None = None) -> Article:
    """An article by number; the Code du travail first, then the CRPA (or the ``code`` given)."""
    installed = _installed()
    value = normalise_number(number)
    if code is not None and code not in CODE_TITLES:
        raise InvalidInput(f"code « {code} » inconnu : attendu {' ou '.join(CODE_TITLES)}", field="code")
    index = _index(installed)
    for short in [code] if code else list(CODE_TITLES):
        row = index.get((short, value))
        if row is not None:
            return Article(code_title=CODE_TITLES[short], **row)
    where = CODE_TITLES[code] if code else "le Code du travail ni le CRPA"
    raise NotFound(
        f"article {value} introuvable dans {where} (version du {installed.manifest.get('version', '?')})",
        field="number", hint="vérifiez le numéro ; un article abrogé ou renuméroté a pu changer",
    )


def articles(prefix: str = "", code: str = "travail") -> list[Article]:
    """Articles whose number starts with ``prefix`` (e.g. 'L1132'), in number order."""
    frame = _installed().frame("articles")
    frame = frame[(frame["code"] == code) & frame["number"].str.startswith(prefix.strip().upper())]
    return [Article(code_title=CODE_TITLES[code], **r) for r in frame.to_dict("records")]


def exists(number: str, code: str | None = None) -> bool:
    try:
        article(number, code)
    except (InvalidInput, NotFound):
        return False
    return True
