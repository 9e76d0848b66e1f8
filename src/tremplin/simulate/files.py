"""Parquet files of a territory: deterministic writing, and ``load_territory(dir)``."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from tremplin.errors import InvalidInput, NotFound

ROW_GROUP = 250_000
TABLES = (
    "jobseekers", "protected_attributes", "identities", "companies", "offers", "applications", "hires",
    "interactions", "services", "participations", "emails", "communes", "bassins",
)
TRUTH = ("jobseekers_hidden", "offers_hidden", "applications_truth", "service_effects", "services_model", "emails_truth")


def _strip_metadata(table: pa.Table) -> pa.Table:
    return table.replace_schema_metadata(None)


def write_tables(out: Path, tables: dict[str, pa.Table]) -> dict[str, dict]:
    """Write each table to ``out/<name>.parquet`` in row groups; return {file: {rows, sha256}}.

    Same tables ⇒ same bytes (no timestamps, no pandas metadata, fixed row-group size).
    """
    files = {}
    for name in sorted(tables):
        table = _strip_metadata(tables[name])
        path = out / f"{name}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(path, table.schema, compression="zstd", compression_level=3, write_statistics=True) as writer:
            for start in range(0, max(table.num_rows, 1), ROW_GROUP):
                writer.write_table(table.slice(start, ROW_GROUP))
        files[f"{name}.parquet"] = {"rows": table.num_rows, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    return files


class Territory:
    """A simulated territory on disk. Tables are read lazily as pandas DataFrames."""

    def __init__(self, path: Path):
        self.path = Path(path)
        manifest = self.path / "manifest.json"
        if not manifest.is_file():
            raise NotFound(f"aucun territoire simulé dans {self.path} (manifest.json absent)", hint="lancez « tremplin simulate »")
        try:
            self.manifest = json.loads(manifest.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"manifest.json illisible dans {self.path}") from exc
        self._cache: dict[str, pd.DataFrame] = {}

    @property
    def territory_id(self) -> str:
        return self.manifest["territory_id"]

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        key = f"{name}:{','.join(columns) if columns else '*'}"
        if key not in self._cache:
            path = self.path / f"{name}.parquet"
            if not path.is_file():
                raise NotFound(f"table « {name} » absente du territoire {self.path}")
            self._cache[key] = pq.read_table(path, columns=columns).to_pandas()
        return self._cache[key]

    def arrow(self, name: str) -> pa.Table:
        return pq.read_table(self.path / f"{name}.parquet")

    def truth(self, name: str) -> pd.DataFrame:
        return self.table(f"truth/{name}")

    def __getattr__(self, name: str):
        if name in TABLES:
            return self.table(name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"Territory({self.territory_id!r}, {self.path})"


def load_territory(path: str | Path) -> Territory:
    """Open a territory folder written by ``tremplin simulate`` (or ``simulate_territory``)."""
    return Territory(Path(path))
