"""The search service: a question in, documents with their best passage out.

    from tremplin.services.search import search
    response = search("combien de temps dure le préavis de démission", top=5, audience="salarié")
    response.results[0].id        # '/fiche-service-public/demission-d-un-salarie'
    response.results[0].passage   # the passage that answers, response.results[0].highlights its spans

Flow: rules S01 (valid question) → filters S02/S03 → lexical scores (BM25 with synonyms and
typo correction) and dense scores (E5) → fusion → S04 (semantic relevance floor) → S05 (answer
passage and highlights). In « rules only » mode (model suspended by an administrator) the dense
part is skipped (S06).

Search results are information, not a decision about a person: queries are not journaled
(they may contain personal details typed by the user, and nothing is decided from them).
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable

import numpy as np
from pydantic import BaseModel, Field

from tremplin.services.search import messages, rules
from tremplin.services.search.index import StoredIndex, load_fusion, load_index
from tremplin.services.search.model import FusionParams, QueryTerms, fuse, top_k
from tremplin.text.analysis import analyzer, fold

METHODS = ("hybrid", "lexical", "dense")
SERVICE = "search"


class SearchResult(BaseModel):
    id: str = Field(description="Chemin du document dans le Code du travail numérique")
    title: str
    source: str = Field(description="fiche-service-public, fiche-ministere-travail ou code-du-travail")
    source_label: str = ""
    score: float
    passage: str = Field(description="Le passage qui répond le mieux à la question")
    highlights: list[tuple[int, int]] = Field(default_factory=list,
                                              description="Positions (début, fin) des mots de la question")
    url: str | None = None
    audience: list[str] = Field(default_factory=list)
    theme: str | None = None
    context: str | None = None
    found_by: list[str] = Field(default_factory=list, description="lexical, dense ou les deux")


class Definition(BaseModel):
    term: str
    definition: str


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult] = Field(default_factory=list)
    message: str | None = None
    notices: list[str] = Field(default_factory=list)
    method: str = "hybrid"
    mode: str = "on"
    corrections: dict[str, str] = Field(default_factory=dict)
    expansions: list[str] = Field(default_factory=list)
    definitions: list[Definition] = Field(default_factory=list)
    filters: dict[str, str] = Field(default_factory=dict)
    reliable: bool = Field(True, description="Faux quand la règle S08 n'a trouvé aucune réponse fiable")

    @property
    def answer(self) -> SearchResult | None:
        return self.results[0] if self.results else None

    def contract(self) -> dict:
        """The documented JSON shape: query and results (id, title, source, score, passage), plus extras."""
        return self.model_dump(mode="json")


class SearchEngine:
    """Queries one loaded index. Thread-safe (the encoder is used under a lock)."""

    VECTOR_CACHE_SIZE = 512

    def __init__(self, index: StoredIndex, fusion: FusionParams | None = None):
        self.index = index
        self.fusion = fusion or FusionParams()
        self.analyzer = analyzer()
        self._glossary = self._glossary_table()
        self._forms = rules.WordForms(self.analyzer)
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._vector_lock = threading.Lock()

    def _glossary_table(self) -> dict[tuple[str, ...], int]:
        table: dict[tuple[str, ...], int] = {}
        for i, entry in enumerate(self.index.glossary):
            for phrase in (entry["term"], *entry.get("variants", ()), *entry.get("abbreviations", ())):
                key = tuple(self.analyzer.terms(phrase))
                if key and key not in table:
                    table[key] = i
        return table

    def definitions(self, terms: list[str], limit: int = 3) -> list[Definition]:
        found: list[int] = []
        max_len = max((len(k) for k in self._glossary), default=0)
        i = 0
        while i < len(terms) and len(found) < limit:
            step = 1
            for n in range(min(max_len, len(terms) - i), 0, -1):
                hit = self._glossary.get(tuple(terms[i : i + n]))
                if hit is not None:
                    if hit not in found:
                        found.append(hit)
                    step = n
                    break
            i += step
        out = []
        for hit in found:
            entry = self.index.glossary[hit]
            if entry.get("definition"):
                out.append(Definition(term=entry["term"].strip(), definition=entry["definition"]))
        return out

    # ---- scoring
    def lexical_scores(self, query: QueryTerms, mask: np.ndarray | None) -> np.ndarray | None:
        if query.empty:
            return None
        return self.index.lexical.scores(query, mask)

    def query_vector(self, text: str) -> np.ndarray:
        """The E5 vector of a question, from a small in-memory cache when the same question was just asked
        (a page of results, a filter changed, the same question from the console and the API)."""
        key = self.index.dense.query_text(text[: rules.DENSE_QUERY_CHARS], self.analyzer)
        with self._vector_lock:
            vector = self._vectors.get(key)
            if vector is not None:
                self._vectors.move_to_end(key)
                return vector
        with self.index.dense_lock:
            vector = self.index.dense.query_vector(key)
        vector.setflags(write=False)
        with self._vector_lock:
            self._vectors[key] = vector
            while len(self._vectors) > self.VECTOR_CACHE_SIZE:
                self._vectors.popitem(last=False)
        return vector

    def dense_scores(self, text: str) -> np.ndarray | None:
        if self.index.dense is None:
            return None
        return self.index.dense.scores(self.query_vector(text))

    def rank(self, lex: np.ndarray | None, dense: np.ndarray | None, method: str, mask: np.ndarray | None,
             depth: int) -> list[tuple[int, float]]:
        if method == "lexical" or dense is None:
            if lex is None:
                return []
            order = top_k(lex, depth, mask)
            return [(int(i), float(lex[i])) for i in order if lex[i] > 0]
        if method == "dense" or lex is None:
            order = top_k(dense, depth, mask)
            return [(int(i), float(dense[i])) for i in order]
        params = self.fusion
        if depth > params.depth:
            params = FusionParams(**{**params.to_dict(), "depth": depth})
        return fuse(lex, dense, params, mask)

    # ---- the whole query
    def search(self, query: str, top: int = 10, audience: str | None = None, theme: str | None = None,
               method: str = "hybrid", mode: str = "on") -> SearchResponse:
        text = rules.clean_query(query)
        top = rules.check_top(top)
        audience_key = rules.normalise_audience(audience)
        if method not in METHODS:
            from tremplin.errors import InvalidInput

            raise InvalidInput(f"méthode « {method} » inconnue", field="method", hint="hybrid, lexical ou dense")
        if mode == "rules_only":
            method = "lexical"
        idx = self.index
        mask = rules.filter_mask(idx.audiences, idx.themes_folded, audience_key, theme, idx.theme_examples)
        filters = {k: v for k, v in (("audience", audience_key), ("theme", theme)) if v}
        response = SearchResponse(query=text, method=method, mode=mode, filters=filters)
        if mode == "rules_only":
            response.notices.append(messages.RULES_ONLY)

        if not self.analyzer.words(text):
            response.message = messages.ONLY_STOP_WORDS
            return response
        qterms = idx.lexical.analyze_query(text)
        response.corrections = qterms.corrections
        response.expansions = qterms.expansions[:10]
        lex = self.lexical_scores(qterms, mask) if method in ("hybrid", "lexical") else None
        dense = self.dense_scores(text) if method in ("hybrid", "dense") else None
        if dense is not None:  # rule S08: is there a reliable answer at all?
            words_lex = lex if lex is not None else self.lexical_scores(qterms, mask)
            coverage = idx.lexical.coverage(qterms) if words_lex is not None else None
            evidence = rules.answer_evidence(dense, words_lex, coverage, mask, len(qterms.words))
            response.reliable = rules.answerable(evidence)
        ranked = self.rank(lex, dense, method, mask, depth=max(top * 3, 30)) if response.reliable else []

        results: list[SearchResult] = []
        weights = qterms.weights
        highlight_terms = set(weights)
        for i, score in ranked:
            lexical_hit = lex is not None and lex[i] > 0
            dense_hit = dense is not None and dense[i] >= rules.DENSE_MIN_COSINE
            if not lexical_hit and not dense_hit:
                continue  # rule S04
            results.append(self._result(i, score, weights, highlight_terms, lexical_hit, dense_hit))
            if len(results) >= top:
                break
        response.results = results
        response.definitions = self.definitions(self.analyzer.terms(text))
        if not results:
            response.message = messages.NO_RESULT if response.reliable else messages.NO_RELIABLE_ANSWER
        words = qterms.words
        if len(words) >= 3 and qterms.known_share < 0.5 and not _french_function_words(text, self.analyzer):
            response.notices.append(messages.NOT_FRENCH)
        if len(text) > rules.DENSE_QUERY_CHARS and method != "lexical" and idx.dense is not None:
            read = len(idx.dense.query_text(text[: rules.DENSE_QUERY_CHARS], self.analyzer).split())
            response.notices.append(messages.LONG_QUERY.format(words=read, terms=len(weights)))
        if qterms.corrections:
            pairs = ", ".join(f"« {a} » → « {b} »" for a, b in qterms.corrections.items())
            response.notices.append(messages.CORRECTED.format(pairs=pairs))
        return response

    def _result(self, i: int, score: float, weights: dict[str, float], terms: set[str], lexical_hit: bool,
                dense_hit: bool) -> SearchResult:
        idx = self.index
        passages = idx.passages[i] or [idx.titles[i]]
        best, _ = rules.best_passage(passages, weights, idx.lexical.idf, folded=idx.folded_passages(i))
        passage, spans = rules.highlight(passages[best], terms, self.analyzer, forms=self._forms)
        return SearchResult(
            id=idx.ids[i], title=idx.titles[i], source=idx.sources[i],
            source_label=messages.SOURCE_LABELS.get(idx.sources[i], idx.sources[i]), score=round(score, 6),
            passage=passage, highlights=spans, url=idx.urls[i] or None, audience=list(idx.audiences[i]),
            theme=idx.themes[i] or None, context=idx.contexts[i] or None,
            found_by=[m for m, hit in (("lexical", lexical_hit), ("dense", dense_hit)) if hit],
        )


_ENGINE: SearchEngine | None = None


def engine() -> SearchEngine:
    """The engine over the installed index (reloaded when a new index is built)."""
    global _ENGINE
    index = load_index()
    if _ENGINE is None or _ENGINE.index is not index:
        _ENGINE = SearchEngine(index, load_fusion())
    return _ENGINE


# The administrator's switch (on / rules only / off) is read from the database at most every
# MODE_TTL_S seconds: reading it cost more than the rest of a query (a session and a query per
# search). A switch therefore takes effect within MODE_TTL_S seconds; « off » is never remembered.
MODE_TTL_S = 2.0
_MODE: tuple[object, str, str, float] | None = None  # (reader, database, mode, read at)
_MODE_LOCK = threading.Lock()


def current_mode() -> str:
    """The service's mode (``"on"`` or ``"rules_only"``); ServiceDisabled when switched off."""
    global _MODE
    from tremplin.governance.contract import ensure_enabled
    from tremplin.settings import get_settings

    database = get_settings().sqlalchemy_url
    now = time.monotonic()
    cached = _MODE
    if cached is not None and cached[0] is ensure_enabled and cached[1] == database and now - cached[3] < MODE_TTL_S:
        return cached[2]
    mode = ensure_enabled(SERVICE)
    with _MODE_LOCK:
        _MODE = (ensure_enabled, database, mode, now)
    return mode


def search(query: str, top: int = 10, audience: str | None = None, theme: str | None = None, *,
           method: str = "hybrid") -> SearchResponse:
    """Search the fiches and the Code du travail (public function used by the API, the CLI and the console)."""
    mode = current_mode()
    return engine().search(query, top=top, audience=audience, theme=theme, method=method, mode=mode)


def search_many(queries: Iterable[str], top: int = 10, audience: str | None = None, theme: str | None = None,
                *, method: str = "hybrid") -> Iterable[SearchResponse]:
    """One response per query (the service switch is read once)."""
    mode = current_mode()
    eng = engine()
    for query in queries:
        yield eng.search(query, top=top, audience=audience, theme=theme, method=method, mode=mode)


def themes() -> list[str]:
    """Main themes of the indexed documents (for a filter menu)."""
    index = load_index()
    counts: dict[str, int] = {}
    for theme in index.themes:
        head = theme.split(" > ")[0] if theme else ""
        if head:
            counts[head] = counts.get(head, 0) + 1
    return sorted(counts, key=lambda t: (-counts[t], fold(t)))


def _french_function_words(text: str, analyzer) -> bool:
    """Whether the question is glued with French function words (« de la », « aux », « pour »): then words
    unknown to the corpus are off-topic French (« tarte aux pommes »), not another language. One-letter
    words are left out: « a » and « I » are English too."""
    glue = [w for w in re.findall(r"[^\W\d_]{2,}", text) if analyzer.is_stop_word(w)]
    return len(glue) >= 2
