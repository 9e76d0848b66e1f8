"""Occupation proximity from ROME 4.0, as arrays: codes, parent fiches, mobility links, competences.

Everything comes from :mod:`tremplin.referentials.rome` (installed by ``tremplin data fetch``):

- ``parent``: the parent fiche of each code (a fiche is its own parent);
- ``mobility``: the published mobility links between codes (CSR: code → targets);
- ``competences``: the competences linked to each code (derived by the referentials module
  from the ROME texts; see docs/referentials.md), as a sparse code × competence matrix;
- ``code_similarity``: cosine similarity of the competence profiles of two codes (dense,
  1,584 × 1,584 float32), used for "transferable competences".

Codes found in the data but not in the installed ROME are appended at the end, with no links
(they still match themselves).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from tremplin.errors import DataUnavailable

LEVEL_COMPETENCES, LEVEL_MOBILITY, LEVEL_FICHE, LEVEL_SAME = 1, 2, 3, 4
NEIGHBOURS = 12  # closest codes kept per code by competence profile


@dataclass
class Occupations:
    codes: np.ndarray  # object array of ROME codes
    index: dict[str, int]
    labels: list[str]
    parent: np.ndarray  # int index of the parent fiche
    domain: np.ndarray  # grand domaine letter (object)
    mob_offsets: np.ndarray
    mob_targets: np.ndarray
    comp_vocab: dict[str, int]  # competence code_ogr -> column
    comp_labels: list[str]
    code_comp: sp.csr_matrix  # codes × competences, L2-normalised weights
    similarity: np.ndarray  # codes × codes cosine of competence profiles (float32)
    neighbours: tuple[np.ndarray, np.ndarray, np.ndarray] = (np.zeros(1, np.int64), np.zeros(0, np.int64),
                                                             np.zeros(0, np.float32))  # CSR: code -> closest codes, cosine
    version: str = ""
    extra: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def n(self) -> int:
        return len(self.codes)

    def code_indices(self, codes, *, grow: bool = True) -> np.ndarray:
        """Indices of codes (unknown codes appended when ``grow``; else -1)."""
        codes = [str(c) for c in codes]
        if grow:
            unknown = sorted({c for c in codes if c not in self.index})
            if unknown:
                self._add(unknown)
        get = self.index.get
        return np.fromiter((get(c, -1) for c in codes), dtype=np.int64, count=len(codes))

    def _add(self, new_codes: list[str]) -> None:
        with self._lock:
            new_codes = [c for c in new_codes if c not in self.index]
            if not new_codes:
                return
            n0, k = len(self.codes), len(new_codes)
            self.codes = np.concatenate([self.codes, np.array(new_codes, dtype=object)])
            for i, c in enumerate(new_codes):
                self.index[c] = n0 + i
            self.labels = self.labels + list(new_codes)
            self.parent = np.concatenate([self.parent, np.arange(n0, n0 + k)])
            self.domain = np.concatenate([self.domain, np.array([c[:1] for c in new_codes], dtype=object)])
            self.mob_offsets = np.concatenate([self.mob_offsets, np.full(k, self.mob_offsets[-1])])
            self.code_comp = sp.vstack([self.code_comp, sp.csr_matrix((k, self.code_comp.shape[1]), dtype=np.float32)]).tocsr()
            sim = np.zeros((n0 + k, n0 + k), dtype=np.float32)
            sim[:n0, :n0] = self.similarity
            sim[np.arange(n0, n0 + k), np.arange(n0, n0 + k)] = 1.0
            self.similarity = sim
            off, nb, ns = self.neighbours
            self.neighbours = (np.concatenate([off, np.full(k, off[-1])]), nb, ns)
            self.extra.extend(new_codes)

    def competence_indices(self, values) -> np.ndarray:
        """Column of each competence code (-1 when the ROME does not know it)."""
        get = self.comp_vocab.get
        return np.fromiter((get(str(v), -1) for v in values), dtype=np.int64, count=len(values))

    def mobility_of(self, code_idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(owner position, target code) for every mobility link of the given codes."""
        lo, hi = self.mob_offsets[code_idx], self.mob_offsets[code_idx + 1]
        cnt = hi - lo
        owner = np.repeat(np.arange(len(code_idx)), cnt)
        within = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        return owner, self.mob_targets[lo[owner] + within]

    def neighbours_of(self, code_idx: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(owner position, neighbour code, cosine) for the closest codes by competence profile."""
        off, nb, ns = self.neighbours
        lo, hi = off[code_idx], off[code_idx + 1]
        cnt = hi - lo
        owner = np.repeat(np.arange(len(code_idx)), cnt)
        pos = lo[owner] + (np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt))
        return owner, nb[pos], ns[pos]

    def children_of(self, fiche_idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(owner position, child code) for every code whose parent is one of the given fiches."""
        order = self._children_order()
        parents_sorted = self.parent[order]
        lo = np.searchsorted(parents_sorted, fiche_idx, "left")
        hi = np.searchsorted(parents_sorted, fiche_idx, "right")
        cnt = hi - lo
        owner = np.repeat(np.arange(len(fiche_idx)), cnt)
        within = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        return owner, order[lo[owner] + within]

    def _children_order(self) -> np.ndarray:
        cached = getattr(self, "_children_cache", None)
        if cached is None or len(cached) != self.n:
            cached = np.argsort(self.parent, kind="stable")
            self._children_cache = cached
        return cached


_CACHE: dict[str, Occupations] = {}
_CACHE_LOCK = threading.Lock()


def load() -> Occupations:
    """The ROME as arrays (built once per process and referential version)."""
    from tremplin.referentials import rome

    try:
        version = rome.version()
    except DataUnavailable:
        raise
    key = version
    with _CACHE_LOCK:
        if key in _CACHE:
            return _CACHE[key]
    occ = _build(rome.frames(), version)
    with _CACHE_LOCK:
        _CACHE[key] = occ
    return occ


def _build(frames: dict, version: str) -> Occupations:
    codes_df = frames["codes"].sort_values("code").reset_index(drop=True)
    codes = codes_df["code"].astype(str).to_numpy(dtype=object)
    index = {c: i for i, c in enumerate(codes)}
    parent = np.array([index.get(str(p), i) for i, p in enumerate(codes_df["parent"].astype(str))], dtype=np.int64)
    domain = np.array([c[:1] for c in codes], dtype=object)
    labels = codes_df["label"].astype(str).tolist()

    mob = frames["mobility"]
    src = np.array([index.get(str(c), -1) for c in mob["code"]], dtype=np.int64)
    dst = np.array([index.get(str(c), -1) for c in mob["target"]], dtype=np.int64)
    ok = (src >= 0) & (dst >= 0) & (src != dst)
    src, dst = src[ok], dst[ok]
    order = np.lexsort((dst, src))
    src, dst = src[order], dst[order]
    mob_offsets = np.zeros(len(codes) + 1, dtype=np.int64)
    np.add.at(mob_offsets, src + 1, 1)
    mob_offsets = np.cumsum(mob_offsets)

    comps = frames["competences"]
    comp_codes = comps["code_ogr"].astype(str).tolist()
    comp_vocab = {c: i for i, c in enumerate(comp_codes)}
    comp_labels = comps["label"].astype(str).tolist()
    links = frames["code_competences"]
    rows = np.array([index.get(str(c), -1) for c in links["code"]], dtype=np.int64)
    cols = np.array([comp_vocab.get(str(c), -1) for c in links["code_ogr"]], dtype=np.int64)
    ok = (rows >= 0) & (cols >= 0)
    weights = np.ones(int(ok.sum()), dtype=np.float32)
    matrix = sp.csr_matrix((weights, (rows[ok], cols[ok])), shape=(len(codes), len(comp_codes)))
    matrix.data[:] = 1.0  # duplicates summed: back to presence
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sp.diags(1.0 / norms).astype(np.float32) @ matrix
    similarity = (matrix @ matrix.T).toarray().astype(np.float32)
    np.fill_diagonal(similarity, 1.0)
    neighbours = _neighbours(similarity, NEIGHBOURS)
    return Occupations(codes=codes, index=index, labels=labels, parent=parent, domain=domain, mob_offsets=mob_offsets,
                       mob_targets=dst, comp_vocab=comp_vocab, comp_labels=comp_labels, code_comp=matrix.tocsr(),
                       similarity=similarity, neighbours=neighbours, version=version)


def _neighbours(similarity: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = similarity.shape[0]
    sim = similarity.copy()
    np.fill_diagonal(sim, -1.0)
    k = min(k, n - 1)
    top = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    vals = np.take_along_axis(sim, top, axis=1)
    order = np.argsort(-vals, axis=1)
    top, vals = np.take_along_axis(top, order, axis=1), np.take_along_axis(vals, order, axis=1)
    keep = vals > 0
    counts = keep.sum(axis=1)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return offsets, top[keep].astype(np.int64), vals[keep].astype(np.float32)
