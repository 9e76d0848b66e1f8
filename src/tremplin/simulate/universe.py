"""Integer-indexed views of the referentials, built once, shared by every partition.

Codes, appellations, competences and mobility links become flat numpy arrays with CSR-style
offsets, so that every draw ("an appellation of code c", "k competences of code c") is a
vectorised grouped choice.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tremplin.simulate.sources import Sources


def _csr(keys: np.ndarray, n_groups: int) -> np.ndarray:
    """Offsets of a flat array sorted by integer group key."""
    counts = np.bincount(keys, minlength=n_groups)
    return np.concatenate([[0], np.cumsum(counts)])


@dataclass
class Universe:
    codes: np.ndarray  # str, sorted
    labels: np.ndarray
    parent_idx: np.ndarray  # index of the parent code of each code
    domain: np.ndarray  # grand domaine letter
    cadre: np.ndarray  # bool
    # appellations of each code
    app_offsets: np.ndarray
    app_ogr: np.ndarray
    app_label: np.ndarray
    # competences of each code (falls back to the parent's list when a code has none)
    comp_offsets: np.ndarray
    comp_ogr: np.ndarray
    comp_label: np.ndarray
    comp_id: np.ndarray  # integer id of each competence, unique across codes (for overlaps)
    comp_vocab: np.ndarray  # ogr code of each competence id
    comp_vocab_label: np.ndarray
    # mobility neighbours of each code
    mob_offsets: np.ndarray
    mob_target: np.ndarray
    # texts
    definitions: np.ndarray  # per code: list of definition sentences (object array of lists)
    access: np.ndarray  # per code: list of "accès au métier" sentences
    fiche_codes: np.ndarray  # parent codes (fiches) present

    @property
    def n(self) -> int:
        return len(self.codes)

    def index(self, codes) -> np.ndarray:
        codes = np.asarray(codes, dtype=object).astype(str)
        idx = np.searchsorted(self.codes, codes)
        idx = np.clip(idx, 0, self.n - 1)
        found = self.codes[idx] == codes
        return np.where(found, idx, -1)

    def children(self) -> tuple[np.ndarray, np.ndarray]:
        """CSR of the codes of each fiche: (offsets by parent index, code indices)."""
        order = np.argsort(self.parent_idx, kind="stable")
        return _csr(self.parent_idx[order], self.n), order


def build_universe(src: Sources) -> Universe:
    occ = src.occupations.sort_values("code").reset_index(drop=True)
    codes = occ["code"].to_numpy(dtype=object).astype(str)
    pos = {c: i for i, c in enumerate(codes)}
    parent_idx = np.array([pos.get(p, i) for i, p in enumerate(occ["parent"])], dtype=np.int64)

    app = src.appellations[src.appellations["code"].isin(pos)].copy()
    app["k"] = app["code"].map(pos)
    # a code without appellation uses its own label
    missing = sorted(set(range(len(codes))) - set(app["k"]))
    if missing:
        app = pd.concat(
            [app, pd.DataFrame({"ogr": "", "label": occ["label"].iloc[missing].to_numpy(), "code": codes[missing], "k": missing})]
        )
    app = app.sort_values(["k", "ogr"], kind="stable")

    comp = src.competences[src.competences["code"].isin(pos)].copy()
    comp["k"] = comp["code"].map(pos)
    have = set(comp["k"])
    fill = []
    for k in range(len(codes)):
        if k not in have and parent_idx[k] in have:
            sub = comp[comp["k"] == parent_idx[k]].copy()
            sub["k"] = k
            fill.append(sub)
    if fill:
        comp = pd.concat([comp, *fill])
    comp = comp.sort_values(["k", "ogr"], kind="stable")
    vocab = np.unique(comp["ogr"].to_numpy(dtype=object).astype(str))
    comp_id = np.searchsorted(vocab, comp["ogr"].to_numpy(dtype=object).astype(str))
    vocab_label = pd.Series(comp["label"].to_numpy(), index=comp["ogr"].to_numpy()).groupby(level=0).first().reindex(vocab).to_numpy()

    mob = src.mobility[src.mobility["code"].isin(pos) & src.mobility["target"].isin(pos)].copy()
    mob["k"] = mob["code"].map(pos)
    mob["t"] = mob["target"].map(pos)
    mob = mob.sort_values(["k", "t"])

    tx = src.texts[src.texts["code"].isin(pos)].copy()
    tx["text"] = tx["text"].str.replace("''", "'", regex=False)
    defs = tx[tx["kind"].str.contains("definition")].groupby("code")["text"].agg(list)
    acc = tx[tx["kind"].str.contains("acces")].groupby("code")["text"].agg(list)
    definitions = np.empty(len(codes), dtype=object)
    access = np.empty(len(codes), dtype=object)
    for i, c in enumerate(codes):
        p = codes[parent_idx[i]]
        definitions[i] = defs.get(c) or defs.get(p) or []
        access[i] = acc.get(c) or acc.get(p) or []

    return Universe(
        codes=codes,
        labels=occ["label"].to_numpy(dtype=object),  # object arrays: draws share the label strings
        parent_idx=parent_idx,
        domain=occ["domain"].to_numpy(dtype=object).astype(str),
        cadre=occ["cadre"].to_numpy(dtype=bool),
        app_offsets=_csr(app["k"].to_numpy(dtype=np.int64), len(codes)),
        app_ogr=app["ogr"].to_numpy(dtype=object).astype(str),
        app_label=app["label"].to_numpy(dtype=object),
        comp_offsets=_csr(comp["k"].to_numpy(dtype=np.int64), len(codes)),
        comp_ogr=comp["ogr"].to_numpy(dtype=object).astype(str),
        comp_label=comp["label"].to_numpy(dtype=object),
        comp_id=comp_id.astype(np.int64),
        comp_vocab=vocab,
        comp_vocab_label=vocab_label,
        mob_offsets=_csr(mob["k"].to_numpy(dtype=np.int64), len(codes)),
        mob_target=mob["t"].to_numpy(dtype=np.int64),
        definitions=definitions,
        access=access,
        fiche_codes=np.unique(codes[parent_idx]),
    )


def draw_in_groups(rng: np.random.Generator, offsets: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """One uniform draw inside each group's slice; -1 where the group is empty."""
    start = offsets[groups]
    size = offsets[groups + 1] - start
    pick = start + np.floor(rng.random(len(groups)) * np.maximum(size, 1)).astype(np.int64)
    return np.where(size > 0, pick, -1)


def draw_many_in_groups(
    rng: np.random.Generator, offsets: np.ndarray, groups: np.ndarray, counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``counts[i]`` draws (with replacement, duplicates removed) inside group ``groups[i]``.

    Returns (owner row index, flat item index), sorted by owner.
    """
    size = offsets[groups + 1] - offsets[groups]
    counts = np.where(size > 0, counts, 0)
    owner = np.repeat(np.arange(len(groups)), counts)
    g = groups[owner]
    items = offsets[g] + np.floor(rng.random(len(owner)) * size[owner]).astype(np.int64)
    if len(owner):
        key = owner.astype(np.int64) * (int(offsets[-1]) + 1) + items
        _, first = np.unique(key, return_index=True)
        owner, items = owner[first], items[first]
    return owner, items
