"""Building, storing and loading the search index.

Layout under ``TREMPLIN_HOME/indexes``::

    search -> search.20250101T120000-ab12cd     (symbolic link, swapped atomically)
    search.20250101T120000-ab12cd/
        manifest.json      format, corpus hash, sources, parameters, timings
        documents.parquet  id, title, source, audience, theme, context, url, passages
        lexical/           BM25 matrices (bm25s) and the corpus vocabulary
        dense/dense.npy    one E5 vector per document
        glossary.json      glossary entries (definitions shown with answers)

Costly work is cached under ``TREMPLIN_HOME/cache/search``, keyed by content: the embeddings
(by hash of the embedded text and model) and the analysed terms of each document (by hash of
the document and analyzer version). A rebuild with an unchanged corpus reuses both.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from tremplin.errors import DataUnavailable
from tremplin.services.search import messages
from tremplin.services.search.model import (
    MODEL_VERSION,
    DenseIndex,
    EmbeddingCache,
    Encoder,
    FusionParams,
    LexicalIndex,
    LexicalParams,
    SearchDocument,
    SynonymExpander,
)

FORMAT = 1
ANALYZER_VERSION = "fr-1"
TERM_CACHE_VERSION = "fr-1-compact"  # layout of the cached field terms
NAME = "search"

ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


def _settings():
    from tremplin.settings import get_settings

    return get_settings()


def index_base() -> Path:
    return _settings().home / "indexes"


def cache_dir() -> Path:
    return _settings().cache_dir / "search"


def corpus_hash(docs: Sequence[SearchDocument]) -> str:
    digest = hashlib.sha256()
    for doc in sorted(docs, key=lambda d: d.id):
        digest.update(doc.content_hash().encode())
    return digest.hexdigest()


# --------------------------------------------------------------------------- term cache


class TermCache:
    """Analysed field terms of each document, keyed by document hash and analyzer version."""

    def __init__(self, directory: Path, name: str | None = None):
        self.file = directory / (name or f"terms-{TERM_CACHE_VERSION}.pkl")
        self.entries: dict[str, list] = {}
        self.dirty = False

    def load(self) -> TermCache:
        try:
            with open(self.file, "rb") as handle:
                data = pickle.load(handle)
            if isinstance(data, dict):
                self.entries = data
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            self.entries = {}
        return self

    def save(self, keep: set[str]) -> None:
        if not self.dirty and keep >= self.entries.keys():
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        kept = {k: v for k, v in self.entries.items() if k in keep}
        tmp = self.file.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as handle:
            pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.file)


# --------------------------------------------------------------------------- building


def build_index(docs: Sequence[SearchDocument] | None = None, *, vocabularies=None, dense: bool = True,
                progress: ProgressCallback | None = None, encoder: Encoder | None = None,
                lexical_params: LexicalParams | None = None) -> dict:
    """Build the index from the referentials (or the documents given) and install it atomically."""
    from tremplin.services.search.corpus import corpus_versions, load_documents
    from tremplin.services.search.resources import load_vocabularies

    timings: dict[str, float] = {}
    started = time.perf_counter()
    if docs is None:
        docs = load_documents()
        versions = corpus_versions()
    else:
        versions = {"documents": "fournis par l'appelant"}
    docs = list(docs)
    if not docs:
        raise DataUnavailable("aucun document à indexer", hint=messages.NO_INDEX_HINT)
    timings["documents_s"] = round(time.perf_counter() - started, 2)
    if vocabularies is None:
        vocabularies = load_vocabularies()
    step = time.perf_counter()
    expander = SynonymExpander.build(vocabularies.groups)
    cache = cache_dir()
    terms = TermCache(cache).load()
    before = len(terms.entries)
    lexical = LexicalIndex(lexical_params).fit(
        docs, expander, terms.entries, progress=(lambda done, total: progress("lexical", done, total)) if progress else None)
    terms.dirty = len(terms.entries) != before
    terms.save({d.content_hash() for d in docs})
    timings["lexical_s"] = round(time.perf_counter() - step, 2)

    dense_info: dict = {"enabled": dense}
    dense_index = None
    if dense:
        step = time.perf_counter()
        dense_index = DenseIndex(encoder or Encoder())
        embeddings = EmbeddingCache(cache, dense_index.encoder.version).load()
        done = [0]

        def advance(n: int) -> None:
            done[0] += n
            if progress:
                progress("dense", done[0], len(docs))

        # The text embedded for each document (cut to its token budget), by document hash and budget.
        safe_version = "".join(c if c.isalnum() or c in "._-" else "_" for c in dense_index.encoder.version)
        texts = TermCache(cache, f"dense-texts-{safe_version}.pkl").load()
        before = len(texts.entries)
        dense_index.fit(docs, embeddings, progress=advance, text_cache=texts.entries)
        embeddings.save(keep={embeddings.key(dense_index.text_of(d, texts.entries)) for d in docs})
        texts.dirty = len(texts.entries) != before
        texts.save({f"{d.content_hash()}:{dense_index.max_tokens.get(d.source, dense_index.max_tokens.get('default', 64))}"
                    for d in docs})
        dense_info.update(model=dense_index.encoder.version, max_tokens=dense_index.max_tokens,
                          embedded=dense_index.embedded_, from_cache=len(docs) - dense_index.embedded_)
        timings["dense_s"] = round(time.perf_counter() - step, 2)

    step = time.perf_counter()
    base = index_base()
    base.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    final_name = f"{NAME}.{stamp}-{uuid.uuid4().hex[:6]}"
    tmp = base / f".tmp-{final_name}"
    try:
        tmp.mkdir()
        _write_documents(tmp / "documents.parquet", docs)
        lexical.save(tmp / "lexical")
        if dense_index is not None:
            dense_index.save(tmp / "dense")
        (tmp / "glossary.json").write_text(
            json.dumps([asdict(e) for e in vocabularies.glossary], ensure_ascii=False), encoding="utf-8")
        timings["write_s"] = round(time.perf_counter() - step, 2)
        timings["total_s"] = round(time.perf_counter() - started, 2)
        manifest = {
            "format": FORMAT,
            "model_version": MODEL_VERSION,
            "analyzer": ANALYZER_VERSION,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "documents": len(docs),
            "by_source": dict(Counter(d.source for d in docs)),
            "corpus_hash": corpus_hash(docs),
            "referentials": versions,
            "vocabularies": {"sources": vocabularies.sources, "fingerprint": vocabularies.fingerprint(),
                             "synonym_groups": len(vocabularies.groups), "glossary": len(vocabularies.glossary)},
            "lexical": {"params": asdict(lexical.params), "vocabulary": len(lexical.vocab_)},
            "dense": dense_info,
            "timings": timings,
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        final = base / final_name
        os.replace(tmp, final)
        link = base / NAME
        previous = os.path.realpath(link) if link.is_symlink() else None
        tmp_link = base / f".link-{final_name}"
        os.symlink(final_name, tmp_link)
        os.replace(tmp_link, link)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _sweep(base, keep={final_name, Path(previous).name if previous else ""})
    return manifest


def _sweep(base: Path, keep: set[str]) -> None:
    """Remove older index versions and leftovers of interrupted builds older than an hour."""
    now = time.time()
    for entry in base.iterdir():
        name = entry.name
        if entry.is_symlink() or name in keep:
            continue
        if name.startswith(f"{NAME}.") or name.startswith(f".tmp-{NAME}.") or name.startswith(f".link-{NAME}."):
            if name.startswith(".") and now - entry.lstat().st_mtime < 3600:
                continue  # perhaps another build in progress
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)


def _write_documents(path: Path, docs: Sequence[SearchDocument]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "id": [d.id for d in docs],
        "title": [d.title for d in docs],
        "source": [d.source for d in docs],
        "audience": [list(d.audience) for d in docs],
        "theme": [d.theme or "" for d in docs],
        "context": [d.context for d in docs],
        "url": [d.url or "" for d in docs],
        "passages": [d.passages or [d.text] for d in docs],
    })
    pq.write_table(table, path, compression="zstd")


# --------------------------------------------------------------------------- loading


class StoredIndex:
    """A loaded index: document metadata, lexical and dense parts, glossary, manifest."""

    def __init__(self, directory: Path):
        import pyarrow.parquet as pq

        self.directory = directory
        self.manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
        if self.manifest.get("format") != FORMAT or self.manifest.get("analyzer") != ANALYZER_VERSION:
            raise DataUnavailable(messages.BAD_INDEX.format(detail="format " + str(self.manifest.get("format"))),
                                  hint=messages.NO_INDEX_HINT)
        table = pq.read_table(directory / "documents.parquet").to_pydict()
        self.ids: list[str] = table["id"]
        self.titles: list[str] = table["title"]
        self.sources: list[str] = table["source"]
        self.audiences: list[tuple[str, ...]] = [tuple(a or ()) for a in table["audience"]]
        self.themes: list[str] = table["theme"]
        self.contexts: list[str] = table["context"]
        self.urls: list[str] = table["url"]
        self.passages: list[list[str]] = table["passages"]
        from tremplin.text.analysis import fold

        self.themes_folded = [fold(f"{t} > {c}") for t, c in zip(self.themes, self.contexts, strict=True)]
        self.position = {doc_id: i for i, doc_id in enumerate(self.ids)}
        self.lexical = LexicalIndex.load(directory / "lexical")
        self.dense = DenseIndex.load(directory / "dense") if (directory / "dense" / "dense.npy").is_file() else None
        glossary_file = directory / "glossary.json"
        self.glossary = json.loads(glossary_file.read_text(encoding="utf-8")) if glossary_file.is_file() else []
        self.dense_lock = threading.Lock()
        self._folded: dict[int, list[str]] = {}

    FOLDED_CACHE_DOCS = 4096

    def folded_passages(self, i: int) -> list[str]:
        """The passages of document ``i`` folded (lower case, no accents), memoised for answer passages."""
        folded = self._folded.get(i)
        if folded is None:
            from tremplin.text.analysis import fold

            folded = [fold(p) for p in (self.passages[i] or [self.titles[i]])]
            if len(self._folded) >= self.FOLDED_CACHE_DOCS:
                self._folded.clear()
            self._folded[i] = folded
        return folded

    def theme_examples(self) -> list[str]:
        counts = Counter(t.split(" > ")[0] for t in self.themes if t)
        return [t for t, _ in counts.most_common(8)]

    def vectors(self) -> np.ndarray | None:
        return self.dense.matrix_ if self.dense is not None else None


_LOCK = threading.Lock()
_LOADED: dict[str, StoredIndex] = {}


def current_directory(base: Path | None = None) -> Path:
    link = (base or index_base()) / NAME
    if not link.exists():
        raise DataUnavailable(messages.NO_INDEX, hint=messages.NO_INDEX_HINT)
    return Path(os.path.realpath(link))


def load_index(base: Path | None = None) -> StoredIndex:
    """The installed index, loaded once per version (a new build is picked up at the next call)."""
    directory = current_directory(base)
    key = str(directory)
    loaded = _LOADED.get(key)
    if loaded is not None:
        return loaded
    with _LOCK:
        loaded = _LOADED.get(key)
        if loaded is None:
            try:
                loaded = StoredIndex(directory)
            except (OSError, ValueError, KeyError) as exc:
                raise DataUnavailable(messages.BAD_INDEX.format(detail=str(exc)[:200]),
                                      hint=messages.NO_INDEX_HINT) from exc
            _LOADED.clear()  # keep only the newest in memory
            _LOADED[key] = loaded
    return loaded


def read_manifest(base: Path | None = None) -> dict | None:
    try:
        directory = current_directory(base)
    except DataUnavailable:
        return None
    return json.loads((directory / "manifest.json").read_text(encoding="utf-8"))


def fusion_file() -> Path:
    return _settings().models_dir / "search" / "fusion.json"


def load_fusion() -> FusionParams:
    """Fusion weights saved by ``tremplin train search``, else the defaults."""
    path = fusion_file()
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return FusionParams(**data["params"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataUnavailable(f"poids de fusion illisibles ({path}) : {exc}",
                                  hint="relancez « tremplin train search » ou supprimez ce fichier") from exc
    return FusionParams()
