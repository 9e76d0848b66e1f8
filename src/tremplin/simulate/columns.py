"""Column-oriented tables: numpy arrays and list columns (CSR), turned into Arrow tables."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa


@dataclass
class ListCol:
    """A list column as offsets (len n+1) and flat values."""

    offsets: np.ndarray
    values: np.ndarray

    @classmethod
    def from_owner(cls, owner: np.ndarray, values: np.ndarray, n: int) -> ListCol:
        """Build from (owner row, value) pairs; pairs must be sorted by owner."""
        counts = np.bincount(owner, minlength=n) if len(owner) else np.zeros(n, dtype=np.int64)
        return cls(np.concatenate([[0], np.cumsum(counts)]).astype(np.int32), values)

    def take(self, rows: np.ndarray) -> ListCol:
        starts, ends = self.offsets[rows], self.offsets[rows + 1]
        counts = ends - starts
        idx = np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts) + np.arange(counts.sum())
        return ListCol(np.concatenate([[0], np.cumsum(counts)]).astype(np.int32), self.values[idx])

    def owners(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.offsets) - 1), np.diff(self.offsets))


def _arrow(values: np.ndarray) -> pa.Array:
    if values.dtype == object:
        arr = pa.array(values, type=pa.string()) if len(values) == 0 or _all_str(values) else pa.array(values)
    elif values.dtype.kind == "U":
        arr = pa.array(values.astype(object), type=pa.string())
    else:
        arr = pa.array(values)
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _all_str(values: np.ndarray) -> bool:
    sample = values[: min(len(values), 64)]
    return all(v is None or isinstance(v, str) for v in sample)


def to_table(columns: dict[str, object], schema: pa.Schema | None = None) -> pa.Table:
    arrays, names = [], []
    for name, col in columns.items():
        if isinstance(col, ListCol):
            arr = pa.ListArray.from_arrays(pa.array(col.offsets, type=pa.int32()), _arrow(np.asarray(col.values)))
        elif isinstance(col, pa.Array | pa.ChunkedArray):
            arr = col
        else:
            arr = _arrow(np.asarray(col))
        arrays.append(arr)
        names.append(name)
    table = pa.Table.from_arrays(arrays, names=names)
    if schema is not None:
        table = table.select(schema.names).cast(schema)
    return table


def take(columns: dict[str, object], rows: np.ndarray) -> dict[str, object]:
    out = {}
    for name, col in columns.items():
        out[name] = col.take(rows) if isinstance(col, ListCol) else np.asarray(col)[rows]
    return out


def concat(parts: list[dict[str, object]]) -> dict[str, object]:
    if not parts:
        return {}
    out = {}
    for name in parts[0]:
        cols = [p[name] for p in parts]
        if isinstance(cols[0], ListCol):
            offsets, values, base = [np.zeros(1, dtype=np.int64)], [], 0
            for c in cols:
                offsets.append(c.offsets[1:].astype(np.int64) + base)
                values.append(c.values)
                base += int(c.offsets[-1])
            out[name] = ListCol(np.concatenate(offsets).astype(np.int32), np.concatenate(values) if values else np.array([]))
        else:
            out[name] = np.concatenate([np.asarray(c) for c in cols])
    return out
