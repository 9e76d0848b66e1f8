"""Deterministic random streams: one independent generator per (seed, purpose, partition).

A partition's draws depend only on the seed and on its own keys, never on the order in which
partitions are processed, so partitions can run in any order or on any worker.
"""

from __future__ import annotations

import hashlib

import numpy as np


def stream(seed: int, *keys: object) -> np.random.Generator:
    digest = hashlib.sha256("\x1f".join(map(str, keys)).encode()).digest()
    words = [int.from_bytes(digest[i : i + 4], "little") for i in range(0, 16, 4)]
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, *words])))


def triangular(rng: np.random.Generator, spec: tuple[float, float, float], size: int) -> np.ndarray:
    lo, mode, hi = spec
    return rng.triangular(lo, mode, hi, size)


def choice_index(rng: np.random.Generator, weights: np.ndarray, size: int) -> np.ndarray:
    """Indices drawn with probability proportional to ``weights`` (vectorised inverse CDF)."""
    w = np.asarray(weights, dtype=float)
    cdf = np.cumsum(w)
    if cdf[-1] <= 0:
        raise ValueError("weights sum to zero")
    return np.minimum(np.searchsorted(cdf, rng.random(size) * cdf[-1], side="right"), len(w) - 1)


def grouped_choice(
    rng: np.random.Generator, group_of_draw: np.ndarray, offsets: np.ndarray, cum_weights: np.ndarray
) -> np.ndarray:
    """For each draw, an index inside its group's slice ``[offsets[g], offsets[g+1])`` of a flat
    array of items whose within-group cumulative weights are ``cum_weights``.

    Vectorised: one uniform per draw scaled to the group's total, then a global searchsorted on
    cumulative weights made increasing across groups.
    """
    totals = cum_weights[offsets[1:] - 1]
    base = np.concatenate([[0.0], np.cumsum(totals)[:-1]])
    global_cum = cum_weights + np.repeat(base, np.diff(offsets))
    u = base[group_of_draw] + rng.random(len(group_of_draw)) * totals[group_of_draw]
    idx = np.searchsorted(global_cum, u, side="right")
    return np.clip(idx, offsets[group_of_draw], offsets[group_of_draw + 1] - 1)
