"""Where referentials live on disk, their manifests, atomic installation and cached loading.

Layout under ``get_settings().referentials_dir``::

    rome -> rome.20250101T120000-ab12cd   (symbolic link, swapped atomically)
    rome.20250101T120000-ab12cd/
        manifest.json                     source, version, date, counts, SHA-256 of every file
        codes.parquet ...

A fetch builds a new versioned directory next to the current one, writes its manifest last,
then replaces the link in one ``os.replace``: readers see either the old referential or the
new one, never a half-written one. A failed build leaves the previous referential untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tremplin.errors import DataUnavailable

# Bump when the on-disk layout of any referential changes: old installs are then refused
# with a message asking for a new fetch, instead of being misread.
FORMAT_VERSION = 1
NAMES = ("rome", "geo", "law", "fiches", "usage")
LABELS = {
    "rome": "ROME 4.0",
    "geo": "géographie",
    "law": "Code du travail",
    "fiches": "fiches service-public et ministère du Travail",
    "usage": "embauches par appellation et secteur NAF (France Travail)",
}
MANIFEST = "manifest.json"


def root(path: Path | None = None) -> Path:
    if path is not None:
        return Path(path)
    from tremplin.settings import get_settings

    return get_settings().referentials_dir


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def fetch_hint(name: str) -> str:
    return f"lancez « tremplin data fetch --only {name} »"


def read_manifest(name: str, base: Path | None = None) -> dict[str, Any] | None:
    """The manifest of the installed referential ``name``, or None when nothing is installed."""
    path = root(base) / name / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise DataUnavailable(
            f"le manifeste du référentiel {LABELS[name]} est illisible ({path}) : {exc}",
            hint=fetch_hint(name),
        ) from exc


@dataclass
class Installed:
    """An installed referential: its resolved directory and manifest."""

    name: str
    path: Path
    manifest: dict[str, Any]
    _frames: dict[str, Any] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def complete(self) -> bool:
        return bool(self.manifest.get("complete"))

    @property
    def missing(self) -> list[str]:
        return list(self.manifest.get("missing") or [])

    def frame(self, table: str):
        """A table of this referential as a pandas DataFrame (read once per process)."""
        cached = self._frames.get(table)
        if cached is not None:
            return cached
        with self._lock:
            if table in self._frames:
                return self._frames[table]
            files = self.manifest.get("files", {})
            filename = f"{table}.parquet"
            if filename not in files:
                source = self.manifest.get("source", "?")
                raise DataUnavailable(
                    f"la table « {table} » manque au référentiel {LABELS[self.name]} installé (source : {source})",
                    hint="installez le référentiel complet : « tremplin data fetch --only "
                    f"{self.name} » avec accès à internet ou TREMPLIN_DATA_MIRROR",
                )
            path = self.path / filename
            try:
                import pyarrow.parquet as pq

                frame = pq.read_table(path).to_pandas()
            except FileNotFoundError as exc:
                raise DataUnavailable(
                    f"fichier manquant dans le référentiel {LABELS[self.name]} : {path}", hint=fetch_hint(self.name)
                ) from exc
            except Exception as exc:  # pyarrow raises several types for a damaged file
                raise DataUnavailable(
                    f"fichier corrompu dans le référentiel {LABELS[self.name]} : {path.name} ({exc})",
                    hint=f"vérifiez avec « tremplin data status » puis {fetch_hint(self.name)}",
                ) from exc
            self._frames[table] = frame
            return frame

    def derived(self, key: str, build):
        """A value computed once from the frames (indexes, vectorisers), cached with them."""
        if key in self._derived:
            return self._derived[key]
        value = build()
        self._derived[key] = value
        return value


_CACHE: dict[str, Installed] = {}
_CACHE_LOCK = threading.Lock()


def load(name: str, base: Path | None = None) -> Installed:
    """The installed referential ``name``; clear French errors when missing or of the wrong format."""
    link = root(base) / name
    resolved = os.path.realpath(link)
    cached = _CACHE.get(resolved)
    if cached is not None:
        return cached
    manifest = read_manifest(name, base)
    if manifest is None:
        raise DataUnavailable(
            f"le référentiel {LABELS[name]} n'est pas installé (dossier {root(base)})",
            hint=fetch_hint(name),
        )
    if manifest.get("format") != FORMAT_VERSION or manifest.get("name") != name:
        raise DataUnavailable(
            f"le référentiel {LABELS[name]} installé est au format {manifest.get('format')!r}, "
            f"cette version de Tremplin attend le format {FORMAT_VERSION}",
            hint=f"mettez-le à jour : {fetch_hint(name)}",
        )
    installed = Installed(name=name, path=Path(resolved), manifest=manifest)
    with _CACHE_LOCK:
        _CACHE[resolved] = installed
    return installed


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def verify(name: str, base: Path | None = None) -> dict[str, Any]:
    """Check every file of an installed referential against the SHA-256 in its manifest."""
    manifest = read_manifest(name, base)
    if manifest is None:
        return {"name": name, "installed": False, "checksum_ok": None, "problems": ["non installé"]}
    directory = Path(os.path.realpath(root(base) / name))
    problems: list[str] = []
    if manifest.get("format") != FORMAT_VERSION:
        problems.append(f"format {manifest.get('format')!r} au lieu de {FORMAT_VERSION}")
    for filename, expected in sorted(manifest.get("files", {}).items()):
        path = directory / filename
        if not path.is_file():
            problems.append(f"{filename} manquant")
        elif sha256_file(path) != expected:
            problems.append(f"{filename} altéré (somme SHA-256 différente)")
    return {"name": name, "installed": True, "checksum_ok": not problems, "problems": problems}


class Builder:
    """Builds a referential in a temporary directory, then installs it atomically.

    Use as a context manager: on an exception the temporary directory is removed and the
    installed referential is left as it was.
    """

    def __init__(self, name: str, base: Path | None = None):
        self.name = name
        self.base = root(base)
        self.base.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        self.final_name = f"{name}.{stamp}-{uuid.uuid4().hex[:6]}"
        self.tmp = self.base / f".tmp-{self.final_name}"
        self.tmp.mkdir()
        self.files: dict[str, str] = {}

    def __enter__(self) -> Builder:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp.exists():
            shutil.rmtree(self.tmp, ignore_errors=True)

    def write_frame(self, table: str, frame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = self.tmp / f"{table}.parquet"
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, compression="zstd")
        self.files[path.name] = sha256_file(path)

    def commit(self, manifest: dict[str, Any]) -> dict[str, Any]:
        """Write the manifest (last), move the directory in place and swap the link."""
        from tremplin import __version__

        full = {
            "name": self.name,
            "format": FORMAT_VERSION,
            "label": LABELS[self.name],
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "tremplin_version": __version__,
            **manifest,
            "files": dict(sorted(self.files.items())),
        }
        manifest_path = self.tmp / MANIFEST
        manifest_path.write_text(json.dumps(full, ensure_ascii=False, indent=2), encoding="utf-8")
        with open(manifest_path, "rb") as handle:
            os.fsync(handle.fileno())
        final = self.base / self.final_name
        os.replace(self.tmp, final)
        link = self.base / self.name
        previous = os.path.realpath(link) if link.is_symlink() else None
        if link.exists() and not link.is_symlink():
            # A plain directory from elsewhere: move it aside first (two renames, both quick).
            aside = self.base / f".old-{self.name}-{uuid.uuid4().hex[:6]}"
            os.replace(link, aside)
            previous = str(aside)
        tmp_link = self.base / f".link-{self.final_name}"
        os.symlink(self.final_name, tmp_link)
        os.replace(tmp_link, link)
        # The previous version stays until the next fetch: a process still reading it is not hurt.
        _sweep(self.base, self.name, keep={final.name, Path(previous).name if previous else ""})
        return full


def _sweep(base: Path, name: str, keep: set[str]) -> None:
    """Remove older versions and leftovers of interrupted fetches (never the ones in ``keep``)."""
    now = datetime.now().timestamp()
    for entry in base.iterdir():
        if entry.name in keep:
            continue
        leftover = entry.name.startswith((f".tmp-{name}.", f".link-{name}.", f".old-{name}-"))
        version = entry.name.startswith(f"{name}.") and entry.is_dir() and not entry.is_symlink()
        if leftover and now - entry.lstat().st_mtime < 3600:
            continue  # perhaps a fetch running right now in another process
        if leftover or version:
            if entry.is_symlink() or entry.is_file():
                entry.unlink(missing_ok=True)
            else:
                shutil.rmtree(entry, ignore_errors=True)
