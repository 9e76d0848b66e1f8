"""Vectorised text composition: templates filled column-wise, French typos, joins.

A template such as ``"Bonjour {name},\\n{body}"`` is split once into literal parts and field
names; filling it for n rows is a handful of object-array concatenations, not a Python loop
over rows.
"""

from __future__ import annotations

import re
import string

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_FORMATTER = string.Formatter()


def fill(template: str, cols: dict[str, np.ndarray], n: int) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    for literal, field, _spec, _conv in _FORMATTER.parse(template):
        if literal:
            out = out + literal
        if field is not None:
            out = out + np.asarray(cols[field], dtype=object)
    return out


def fill_by_choice(templates: list[str], choice: np.ndarray, cols: dict[str, np.ndarray]) -> np.ndarray:
    """Row i gets ``templates[choice[i]]`` filled with row i of ``cols``."""
    n = len(choice)
    out = np.empty(n, dtype=object)
    for t, template in enumerate(templates):
        rows = np.flatnonzero(choice == t)
        if len(rows):
            out[rows] = fill(template, {k: np.asarray(v, dtype=object)[rows] for k, v in cols.items() if k in template}, len(rows))
    return out


def pick(rng: np.random.Generator, options, n: int) -> np.ndarray:
    arr = np.asarray(options, dtype=object)
    return arr[np.floor(rng.random(n) * len(arr)).astype(np.int64)]


def join_groups(owner: np.ndarray, values: np.ndarray, n: int, sep: str, prefix: str = "") -> np.ndarray:
    """Join ``values`` of each owner row (owner sorted) with ``sep``; '' for rows without values.

    One ``np.add.reduceat`` over the object array (string concatenation in C), no Python loop.
    """
    out = np.full(n, "", dtype=object)
    if len(owner):
        vals = np.asarray(values, dtype=object)
        if prefix:
            vals = prefix + vals
        counts = np.bincount(owner, minlength=n)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        nz = counts > 0
        joined = np.add.reduceat(vals + sep, starts[nz]) if sep else np.add.reduceat(vals, starts[nz])
        if sep:
            joined = np.asarray(pc.utf8_slice_codeunits(pa.array(joined, type=pa.string()), 0, -len(sep)).to_numpy(zero_copy_only=False), dtype=object)
        out[nz] = joined
    return out


def _np(arr) -> np.ndarray:
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=object)


def lower_first(values: np.ndarray) -> np.ndarray:
    a = pa.array(np.asarray(values, dtype=object), type=pa.string())
    head = pc.utf8_lower(pc.utf8_slice_codeunits(a, 0, 1))
    return _np(pc.binary_join_element_wise(head, pc.utf8_slice_codeunits(a, 1), ""))


def strip_final_dot(values: np.ndarray) -> np.ndarray:
    return _np(pc.utf8_rtrim(pa.array(np.asarray(values, dtype=object), type=pa.string()), ". "))


def regex_replace(values: np.ndarray, pattern: str, repl: str) -> np.ndarray:
    """Regex replacement in C (RE2 syntax) over an object array of strings."""
    return _np(pc.replace_substring_regex(pa.array(np.asarray(values, dtype=object), type=pa.string()), pattern, repl))


# Common French spelling mistakes and texting habits (pattern, replacement), applied at random.
TYPOS: list[tuple[str, str]] = [
    (r"\bj'ai\b", "jai"),
    (r"\bc'est\b", "c est"),
    (r"\bça\b", "sa"),
    (r"\bvoudrais\b", "voudrai"),
    (r"\baurais\b", "aurai"),
    (r"\bpourriez\b", "pourrier"),
    (r"\bsavoir\b", "savoire"),
    (r"é", "e"),
    (r"è", "e"),
    (r"à", "a"),
    (r"\brendez-vous\b", "rdv"),
    (r"\bs'il vous plaît\b", "svp"),
    (r"\bbeaucoup\b", "bcp"),
    (r"\bquand\b", "quant"),
    (r"\bmerci\b", "mercie"),
    (r"\bparce que\b", "parceque"),
    (r"\bn'ai\b", "ai"),
    (r"\bn'arrive\b", "arrive"),
    (r"mm", "m"),
    (r"ss", "s"),
    (r"\bdossier\b", "dosier"),
    (r"\bactualisation\b", "actualistion"),
    (r"\battestation\b", "atestation"),
    (r"\brecherche\b", "recherhe"),
    (r"\. ", " "),
    (r"\bpaiement\b", "paiment"),
]


def add_typos(rng: np.random.Generator, texts: np.ndarray, rate: float) -> tuple[np.ndarray, np.ndarray]:
    """Apply each rule to a random ``rate`` share of the texts; return (texts, changed mask)."""
    out = np.asarray(texts, dtype=object).copy()
    changed = np.zeros(len(out), dtype=bool)
    for pattern, repl in TYPOS:
        rows = np.flatnonzero(rng.random(len(out)) < rate)
        if not len(rows):
            continue
        before = out[rows]
        after = regex_replace(before, pattern, repl)
        changed[rows[after != before]] = True
        out[rows] = after
    return out, changed


def french_number(values: np.ndarray, decimals: int = 2) -> np.ndarray:
    """12.5 -> '12.50' (the France Travail salary strings use a dot)."""
    return np.char.mod(f"%.{decimals}f", np.asarray(values, dtype=float)).astype(object)


def dates_fr(days: np.ndarray) -> np.ndarray:
    """datetime64[D] -> 'dd/mm/yyyy'."""
    s = pd.Series(pd.to_datetime(np.asarray(days, dtype="datetime64[D]")))
    return s.dt.strftime("%d/%m/%Y").to_numpy(dtype=object)


MONTHS_FR = np.array(
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    dtype=object,
)


def month_names(days: np.ndarray) -> np.ndarray:
    m = pd.Series(pd.to_datetime(np.asarray(days, dtype="datetime64[D]"))).dt.month.to_numpy() - 1
    return MONTHS_FR[m]


def collapse_spaces(values: np.ndarray) -> np.ndarray:
    return pd.Series(np.asarray(values, dtype=object), dtype=object).str.replace(re.compile(r"[ \t]+\n"), "\n", regex=True).to_numpy(dtype=object)
