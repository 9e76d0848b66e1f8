"""A linear title → fiche classifier (nearest centroid), candidate source and ranker feature.

Every training example (an appellation, a fiche label, a labelled offer title) is a TF-IDF vector:
character n-grams 2-5 of the prepared title and word unigrams and bigrams, each half l2-normalised.
A fiche's weight vector is the normalised weighted sum of its examples; a title's score for a fiche
is the cosine to that vector. Descriptions have their own vectors (words and word bigrams), learnt
from the referential's texts (weaker) and the labelled offers' descriptions (words only).

Why centroids rather than a logistic regression: fitting is one sparse product, and a training
query's own examples can be taken out of the sums exactly (``leave_out``), so the ranker learns on
scores of a model that never saw the query, as it will at coding time. A logistic regression would
need K cross-fitted refits per trained model, too slow on the service's hardware.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse

TEMPERATURE = 0.05  # softmax over fiches' cosines (cosines of short titles span ~0.1-0.7)


def _fit_tfidf(texts: list[str], **kwargs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(sublinear_tf=True, dtype=np.float32, **kwargs)
    vec.fit(texts)
    vec.vocabulary_ = {k: int(v) for k, v in vec.vocabulary_.items()}
    vec.idf_ = vec.idf_.astype(np.float32)
    return vec


class _Centroids:
    """Weighted class sums of l2-normalised example vectors, and the normalised weights."""

    def __init__(self, X, labels: np.ndarray, weights: np.ndarray, n_classes: int):
        Y = sparse.csr_matrix((weights.astype(np.float32), (labels, np.arange(len(labels)))),
                              shape=(n_classes, len(labels)))
        self.S = (Y @ X).tocsr()
        self.norm2 = np.asarray(self.S.multiply(self.S).sum(axis=1)).ravel().astype(np.float64)
        inv = np.where(self.norm2 > 0, 1.0 / np.sqrt(np.maximum(self.norm2, 1e-30)), 0.0)
        self.W = (sparse.diags(inv.astype(np.float32)) @ self.S).T.tocsr().astype(np.float32)
        self.X = X.tocsr()
        self.labels = labels
        self.weights = weights.astype(np.float64)

    def scores(self, Q, leave_out: Sequence[Sequence[int]] | None = None) -> np.ndarray:
        out = (Q @ self.W).toarray()
        if not leave_out:
            return out
        for i, rows in enumerate(leave_out):
            if not rows:
                continue
            rows = np.asarray(sorted(set(rows)), dtype=np.int64)
            q = Q[i]
            for f in np.unique(self.labels[rows]):
                mine = rows[self.labels[rows] == f]
                sub = sparse.csr_matrix(self.weights[mine][None, :].astype(np.float32)) @ self.X[mine]
                n2 = self.norm2[f]
                new_n2 = n2 - 2.0 * float(self.S[f].multiply(sub).sum()) + float(sub.multiply(sub).sum())
                num = float(out[i, f]) * math.sqrt(n2) - float(q.multiply(sub).sum())
                out[i, f] = num / math.sqrt(new_n2) if new_n2 > 1e-9 else 0.0
        return out


class FicheClassifier:
    """Title (and description) → scores of every fiche. ``fit`` returns ``self``."""

    def __init__(self, *, pair_weight: float = 1.0, reference_text_weight: float = 0.3):
        self.pair_weight = pair_weight
        self.reference_text_weight = reference_text_weight

    def fit(self, char_texts: list[str], word_texts: list[str], fiches: Sequence[int], kinds: Sequence[str],
            n_fiches: int, desc_texts: list[str] | None = None, desc_fiches: Sequence[int] | None = None,
            desc_keys: Sequence[str | None] | None = None) -> FicheClassifier:
        """Title examples (their prepared text for character n-grams, their word string for words), with
        their fiche index and kind ("pair" examples weigh ``pair_weight``); description examples with
        the key of the pair they come from (None for the referential's texts)."""
        self.n_fiches_ = n_fiches
        self.char_vec_ = _fit_tfidf(char_texts, analyzer="char_wb", ngram_range=(2, 5))
        self.word_vec_ = _fit_tfidf(word_texts, token_pattern=r"\S+", ngram_range=(1, 2))
        X = self.title_matrix(char_texts, word_texts)
        weights = np.asarray([self.pair_weight if k == "pair" else 1.0 for k in kinds])
        self._title = _Centroids(X, np.asarray(fiches, dtype=np.int64), weights, n_fiches)
        self.title_W_ = self._title.W
        self.desc_vec_ = None
        self.desc_W_ = None
        self._desc = None
        self._desc_rows: dict[str, list[int]] = {}
        if desc_texts:
            # words only: bigrams of long descriptions would multiply the vocabulary for little
            self.desc_vec_ = _fit_tfidf(desc_texts, token_pattern=r"\S+", max_df=0.3)
            from .model import _tfidf

            D = _tfidf(self.desc_vec_, desc_texts).tocsr()
            keys = list(desc_keys or [None] * len(desc_texts))
            dw = np.asarray([1.0 if k else self.reference_text_weight for k in keys])
            self._desc = _Centroids(D, np.asarray(desc_fiches, dtype=np.int64), dw, n_fiches)
            self.desc_W_ = self._desc.W
            for r, k in enumerate(keys):
                if k:
                    self._desc_rows.setdefault(k, []).append(r)
        return self

    def release(self) -> None:
        """Drop what only training needs (the examples and class sums), before pickling."""
        self._title = self._desc = None
        self._desc_rows = {}

    def title_matrix(self, char_texts: list[str], word_texts: list[str]):
        from .model import _tfidf

        C = _tfidf(self.char_vec_, char_texts)
        W = _tfidf(self.word_vec_, word_texts)
        return (sparse.hstack([C, W], format="csr") * np.float32(1.0 / math.sqrt(2.0))).astype(np.float32)

    def title_scores(self, char_texts: list[str], word_texts: list[str],
                     leave_out: Sequence[Sequence[int]] | None = None) -> np.ndarray:
        """Cosine of every title to every fiche; ``leave_out``: per title, title examples (by index, the
        order given to ``fit``) taken out of the fiches' sums (training only)."""
        Q = self.title_matrix(char_texts, word_texts)
        if leave_out and self._title is not None:
            return self._title.scores(Q, leave_out)
        return (Q @ self.title_W_).toarray()

    def desc_scores(self, desc_texts: list[str], leave_out_keys: Sequence[set[str]] | None = None) -> np.ndarray:
        """Cosine of every description to every fiche (zeros for empty descriptions)."""
        n = len(desc_texts)
        if self.desc_vec_ is None or not any(desc_texts):
            return np.zeros((n, self.n_fiches_), dtype=np.float32)
        from .model import _tfidf

        Q = _tfidf(self.desc_vec_, desc_texts).tocsr()
        if leave_out_keys and self._desc is not None:
            rows = [[r for k in keys for r in self._desc_rows.get(k, [])] for keys in leave_out_keys]
            return self._desc.scores(Q, rows).astype(np.float32)
        return (Q @ self.desc_W_).toarray()


def softmax(scores: np.ndarray, temperature: float = TEMPERATURE) -> np.ndarray:
    z = (scores - scores.max(axis=1, keepdims=True)) / temperature
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return z
