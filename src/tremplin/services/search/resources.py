"""Search vocabularies: CDTN synonyms, the TESS thesaurus and the CDTN glossary, as data.

They are read, in this order, from:

1. the local mirror of the official sources (``TREMPLIN_DATA_MIRROR``), folder ``search/``
   (``cdtn_synonyms.json``, ``TESS_thesaurus.json``, ``glossary.data.json``);
2. the npm package ``@socialgouv/cdtn-elasticsearch`` (it publishes the synonyms and the TESS
   thesaurus used by the Code du travail numérique's own search engine), fetched with
   ``npm pack`` into the cache.

Nothing is copied into the repository. When neither source is reachable, search still works
without expansions and :attr:`Vocabularies.sources` says so.

Formats (as published):

- synonyms: a list of lines « a, b, c » (equivalent terms) or « a, b => c » (a and b are
  rewritten to c);
- TESS: entries ``{"term", "equivalent", "generic", "specific", "related", ...}``; when present,
  ``equivalent`` lists the non-preferred terms of ``term``, glued with spaces, each starting
  with a capital letter (« Conseil de prud'homme Conseil de prud'hommes Prud'hommes »);
- glossary: entries ``{"title", "abbrs", "variants", "definition"}`` (definition in HTML).
"""

from __future__ import annotations

import html
import json
import re
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

NPM_SPEC = "@socialgouv/cdtn-elasticsearch@^2"
_NPM_MEMBERS = {
    "synonyms": "package/src/dataset/synonyms/cdtn_synonyms.json",
    "thesaurus": "package/src/dataset/synonyms/TESS.json",
}
_MIRROR_FILES = {
    "synonyms": "cdtn_synonyms.json",
    "thesaurus": "TESS_thesaurus.json",
    "glossary": "glossary.data.json",
}

# A TESS "equivalent" field glues several terms: split before a capital letter that starts a word.
_TESS_SPLIT = re.compile(r"\s+(?=[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŒ])")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class SynonymGroup:
    """Phrases meaning the same thing; with ``target``, a one-way rewrite of ``phrases`` to ``target``."""

    phrases: tuple[str, ...]
    origin: str  # "cdtn", "tess", "glossary"
    target: str | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    variants: tuple[str, ...]
    abbreviations: tuple[str, ...]
    definition: str  # plain text


@dataclass
class Vocabularies:
    groups: list[SynonymGroup] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # kind -> where it was read from

    def fingerprint(self) -> str:
        import hashlib

        digest = hashlib.sha256()
        for group in self.groups:
            digest.update(("|".join(group.phrases) + f">{group.target}#{group.origin}\n").encode())
        for entry in self.glossary:
            digest.update(("|".join((entry.term, *entry.variants, *entry.abbreviations)) + "\n").encode())
        return digest.hexdigest()[:16]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse_synonyms(lines: list[str]) -> list[SynonymGroup]:
    groups = []
    for line in lines:
        if not isinstance(line, str) or not line.strip():
            continue
        if "=>" in line:
            left, right = line.split("=>", 1)
            phrases = tuple(p for p in (_clean(x) for x in left.split(",")) if p)
            target = _clean(right)
            if phrases and target:
                groups.append(SynonymGroup(phrases, "cdtn", target))
            continue
        phrases = tuple(dict.fromkeys(p for p in (_clean(x) for x in re.split(r"[,/]", line)) if p))
        if len(phrases) >= 2:
            groups.append(SynonymGroup(phrases, "cdtn"))
    return groups


def parse_thesaurus(entries: list[dict]) -> list[SynonymGroup]:
    groups = []
    for entry in entries:
        term = _clean(str(entry.get("term") or ""))
        equivalent = _clean(str(entry.get("equivalent") or ""))
        if not term or not equivalent or equivalent[:1].isdigit() or term[:1].isdigit():
            continue
        others = [_clean(p) for p in _TESS_SPLIT.split(equivalent) if _clean(p)]
        phrases = tuple(dict.fromkeys([term, *others]))
        if len(phrases) >= 2:
            groups.append(SynonymGroup(phrases, "tess"))
    return groups


def parse_glossary(entries: list[dict]) -> tuple[list[GlossaryEntry], list[SynonymGroup]]:
    glossary, groups = [], []
    for entry in entries:
        term = _clean(str(entry.get("title") or ""))
        if not term:
            continue
        variants = tuple(_clean(v) for v in entry.get("variants") or [] if _clean(v))
        abbrs = tuple(_clean(a) for a in entry.get("abbrs") or [] if _clean(a))
        definition = _clean(html.unescape(_TAG.sub(" ", str(entry.get("definition") or ""))))
        glossary.append(GlossaryEntry(term, variants, abbrs, definition))
        # Variants are mostly inflections (plural, feminine) that stemming already covers; the
        # abbreviations are what a synonym group adds.
        if abbrs:
            groups.append(SynonymGroup(tuple(dict.fromkeys((term, *abbrs))), "glossary"))
    return glossary, groups


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _from_mirror(mirror: Path) -> dict[str, tuple[object, str]]:
    found = {}
    for kind, name in _MIRROR_FILES.items():
        path = mirror / "search" / name
        if path.is_file():
            found[kind] = (_read_json(path), f"miroir {path}")
    return found


def _from_npm() -> dict[str, tuple[object, str]]:
    """Synonyms and thesaurus from the npm package (cached tarball), or nothing."""
    from tremplin.errors import DataUnavailable

    try:
        from tremplin.referentials import sources
    except ImportError:  # pragma: no cover - referentials always ship with the package
        return {}
    try:
        package = _npm_pack(sources)
    except DataUnavailable:
        return {}
    found = {}
    with tarfile.open(package.tarball, "r:gz") as archive:
        for kind, member in _NPM_MEMBERS.items():
            try:
                handle = archive.extractfile(member)
            except KeyError:
                continue
            if handle is not None:
                found[kind] = (json.loads(handle.read().decode("utf-8")), f"npm {package.name}@{package.version}")
    return found


def _npm_pack(sources):
    """Fetch the CDTN search package through the referentials' npm fetcher (integrity-checked, cached)."""
    key = "cdtn_search"
    if key not in sources.NPM_PACKAGES:
        sources.NPM_PACKAGES[key] = NPM_SPEC
    return sources.npm_package(key)


def load_vocabularies(*, mirror: Path | None = None, use_npm: bool = True) -> Vocabularies:
    """Read the synonyms, thesaurus and glossary from the mirror, else from npm; empty when unavailable."""
    from tremplin.settings import get_settings

    mirror = mirror if mirror is not None else get_settings().data_mirror
    found: dict[str, tuple[object, str]] = {}
    if mirror is not None and Path(mirror).is_dir():
        found.update(_from_mirror(Path(mirror)))
    if use_npm and not {"synonyms", "thesaurus"} <= found.keys():
        for kind, value in _from_npm().items():
            found.setdefault(kind, value)
    vocab = Vocabularies()
    if "synonyms" in found:
        vocab.groups += parse_synonyms(found["synonyms"][0])  # type: ignore[arg-type]
        vocab.sources["synonymes CDTN"] = found["synonyms"][1]
    if "thesaurus" in found:
        vocab.groups += parse_thesaurus(found["thesaurus"][0])  # type: ignore[arg-type]
        vocab.sources["thésaurus TESS"] = found["thesaurus"][1]
    if "glossary" in found:
        glossary, groups = parse_glossary(found["glossary"][0])  # type: ignore[arg-type]
        vocab.glossary = glossary
        vocab.groups += groups
        vocab.sources["glossaire CDTN"] = found["glossary"][1]
    return vocab
