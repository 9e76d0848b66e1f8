"""Derive the ROME code → competence and code → savoir links from the published texts.

The open-data RefRomeCsv files list competences and savoirs but no file says which belong to
which code. We rebuild that link by lexical similarity (see docs/referentials.md):

1. each code gets a document: its label (twice), its appellations (job titles) and the
   sentences of its definition; for savoirs, the sentences on access to the job too;
2. documents and competence labels are normalised (lower case, no accents, French stop
   words removed, light suffix stripping so « réalise » meets « réaliser »);
3. a TF-IDF space of words and word pairs is fitted on the code documents (so words common
   to many codes weigh little); a competence's score for a code is the cosine between its
   label and the code's document (character n-grams were tried: slower, no better);
4. a competence's score is blended with the mean score of its macro-competence group (siblings
   that fit the code support it; weight ``MACRO_WEIGHT``);
5. each code keeps its best ``TOP_K`` competences (macro-competences included) whose score
   reaches ``MIN_SCORE``. Savoirs have no groups: steps 1–3 and 5 only.

The result is a proposal from text, not France Travail's own list: the ``score`` column says
how strong the textual evidence is, and callers show it as such.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tremplin.referentials._textnorm import tokens

TOP_K = 30
MIN_SCORE = 0.02
MACRO_WEIGHT = 2.0
METHOD = "tfidf-mots-macro-v3"


def _code_documents(frames: dict[str, pd.DataFrame], *, with_access: bool) -> tuple[list[str], list[str]]:
    codes = frames["codes"]
    apps = frames["appellations"]
    apps = apps[~apps["rare"]] if "rare" in apps else apps
    app_text = apps.groupby("code")["label"].agg(" . ".join)
    texts = frames["texts"]
    kinds = ["definition", "access"] if with_access else ["definition"]
    def_text = texts[texts["kind"].isin(kinds)].groupby("code")["text"].agg(" ".join)
    docs = []
    for code, label in zip(codes["code"], codes["label"], strict=True):
        docs.append(" . ".join([label, label, app_text.get(code, ""), def_text.get(code, "")]))
    return list(codes["code"]), docs


def _analyser(text: str) -> list[str]:
    words = tokens(text)
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def _identity(terms: list[str]) -> list[str]:
    return terms


def _similarity(docs: list[list[str]], items: list[list[str]]) -> np.ndarray:
    """Cosine of each item against each document (items × docs) in a word TF-IDF space.

    Both are given already analysed (lists of terms), so that shared documents are analysed once.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
    doc_w = words.fit_transform(docs)
    return (words.transform(items) @ doc_w.T).toarray()


def _top_links(sim: np.ndarray, codes: list[str], item_ids: list[str], top_k: int, min_score: float) -> pd.DataFrame:
    k = min(top_k, sim.shape[0])
    # best items per code (columns of sim)
    idx = np.argpartition(-sim, kth=k - 1, axis=0)[:k]
    rows = []
    for j, code in enumerate(codes):
        cand = idx[:, j]
        scores = sim[cand, j]
        order = np.argsort(-scores, kind="stable")
        rank = 0
        for pos in order:
            score = float(scores[pos])
            if score < min_score:
                break
            rank += 1
            rows.append((code, item_ids[cand[pos]], round(score, 4), rank))
    return pd.DataFrame(rows, columns=["code", "code_ogr", "score", "rank"])


def _with_macro_context(sim: np.ndarray, comps: pd.DataFrame) -> np.ndarray:
    """Blend each competence's score with the mean score of its macro-competence group.

    Competences of one macro-competence tend to belong to the same jobs: a competence whose
    siblings fit the code well gains, an isolated lexical coincidence loses. The result is
    ``(own + MACRO_WEIGHT × group mean) / (1 + MACRO_WEIGHT)``.
    """
    import scipy.sparse as sp

    macro = np.where(comps["nature"].to_numpy() == "Macro-compétence", comps["code_ogr"].to_numpy(),
                     comps["macro_code_ogr"].to_numpy())
    macro = np.where(macro == "", comps["code_ogr"].to_numpy(), macro)  # no group: its own
    group = pd.Series(macro).astype("category").cat.codes.to_numpy()
    n_groups = int(group.max()) + 1
    membership = sp.csr_matrix((np.ones(len(group), dtype=np.float32), (group, np.arange(len(group)))),
                               shape=(n_groups, len(group)))
    sizes = np.asarray(membership.sum(axis=1)).ravel()
    group_mean = np.asarray(membership @ sim) / sizes[:, None]
    return (sim + MACRO_WEIGHT * group_mean[group]) / (1 + MACRO_WEIGHT)


def derive_links(frames: dict[str, pd.DataFrame], *, top_k: int = TOP_K,
                 min_score: float = MIN_SCORE) -> tuple[pd.DataFrame, pd.DataFrame]:
    comps = frames["competences"]
    codes, docs = _code_documents(frames, with_access=False)
    sim = _similarity([_analyser(d) for d in docs], [_analyser(t) for t in comps["label"]])
    comp_links = _top_links(_with_macro_context(sim, comps), codes, list(comps["code_ogr"]), top_k, min_score)
    savoirs = frames["savoirs"]
    codes, docs = _code_documents(frames, with_access=True)
    savoir_links = _top_links(_similarity([_analyser(d) for d in docs], [_analyser(t) for t in savoirs["label"]]),
                              codes, list(savoirs["code_ogr"]), top_k, min_score)
    comp_links["method"] = METHOD
    savoir_links["method"] = METHOD
    return comp_links, savoir_links
