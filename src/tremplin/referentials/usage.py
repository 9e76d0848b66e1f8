"""France Travail usage of the ROME: hires per appellation × NAF sector and per fiche × NAF sector.

Open data published by France Travail with La Bonne Boite (repository
``StartupsPoleEmploi/labonneboite``, folder ``labonneboite/common/data``):

- ``ogr_naf_mapping_rome_slicing.csv``: hires per appellation (code OGR) and employer NAF code;
- ``rome_naf_mapping.csv``: hires per ROME v3 code (= ROME 4.0 parent fiche) and NAF code;
- ``ogr_rome_mapping.csv``: appellation (OGR) → ROME v3 code;
- ``arbo_rome_ogr_202107.csv``: the ROME v3 tree of July 2021 with its appellations.

``tremplin data fetch --only usage`` installs them from the local mirror
(``$TREMPLIN_DATA_MIRROR/market``) or, failing that, from the official repository
(``TREMPLIN_USAGE_URL``, skipped with TREMPLIN_OFFLINE). They are optional: occupation coding
works without them (without its usage priors), and ``ensure`` (demo) does not fail for them.
Only the mirror route is tested: the download URLs follow the repository's data folder, but the
machine that wrote this had no network to check them (``rome_naf_mapping.csv`` and
``ogr_rome_mapping.csv`` are listed there; ``ogr_naf_mapping_rome_slicing.csv`` was not found in the
copy of the repository consulted).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

from tremplin.errors import DataUnavailable
from tremplin.referentials import _store

NAME = "usage"
FILES = {
    "appellation_naf": "ogr_naf_mapping_rome_slicing.csv",
    "fiche_naf": "rome_naf_mapping.csv",
    "ogr_fiche_v3": "ogr_rome_mapping.csv",
    "arbo_v3": "arbo_rome_ogr_202107.csv",
}
OFFICIAL_URL = "https://raw.githubusercontent.com/StartupsPoleEmploi/labonneboite/master/labonneboite/common/data/"
SOURCE_NAME = "France Travail / La Bonne Boite, données ouvertes (StartupsPoleEmploi/labonneboite)"
MISSING_HINT = ("donnez accès à internet (TREMPLIN_USAGE_URL) ou TREMPLIN_DATA_MIRROR=<dossier contenant market/> ; "
                "sans ces tables le codage ROME fonctionne, sans ses a priori d'usage")


def official_url() -> str:
    """Base URL of the official files (``TREMPLIN_USAGE_URL``; empty disables the download)."""
    return os.environ.get("TREMPLIN_USAGE_URL", OFFICIAL_URL)


def locate(mirror: Path | None, download_dir: Path, *, offline: bool = False,
           timeout: float = 8.0) -> tuple[dict[str, Path], str, str]:
    """The four source files: from the mirror's ``market/`` folder, else downloaded.

    Returns (paths by table, source text, source kind); DataUnavailable with a French message
    when neither works."""
    problems: list[str] = []
    if mirror is not None:
        folder = mirror / "market"
        paths = {t: folder / f for t, f in FILES.items()}
        absent = [p.name for p in paths.values() if not p.is_file()]
        if not absent:
            return paths, f"miroir local {folder} ({SOURCE_NAME})", "mirror"
        problems.append(f"miroir {folder} incomplet (manque : {', '.join(absent)})")
    else:
        problems.append("pas de miroir (TREMPLIN_DATA_MIRROR)")
    base_url = official_url()
    if offline:
        problems.append("téléchargement officiel non tenté : mode hors ligne (TREMPLIN_OFFLINE)")
    elif not base_url:
        problems.append("téléchargement officiel désactivé (TREMPLIN_USAGE_URL vide)")
    else:
        import httpx

        paths = {}
        try:
            for table, filename in FILES.items():
                target = download_dir / filename
                with httpx.stream("GET", base_url + filename, timeout=timeout, follow_redirects=True) as response:
                    response.raise_for_status()
                    with open(target, "wb") as handle:
                        for chunk in response.iter_bytes():
                            handle.write(chunk)
                paths[table] = target
            return paths, f"téléchargement officiel {base_url} ({SOURCE_NAME})", "official"
        except httpx.HTTPError as exc:
            problems.append(f"dépôt officiel injoignable ({base_url}) : {exc.__class__.__name__}")
    raise DataUnavailable("tables d'embauches France Travail introuvables : " + " ; ".join(problems),
                          hint=MISSING_HINT)


def _read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def _hires(rows: list[dict[str, str]], key: str, path: Path) -> list[tuple[str, str, int]]:
    out = []
    for row in rows:
        try:
            code, naf, hires = row[key].strip(), row["naf_id"].strip(), int(float(row["hirings"]))
        except (KeyError, ValueError, AttributeError) as exc:
            raise DataUnavailable(f"{path.name} illisible : colonnes rome_id, naf_id, hirings attendues ({exc})",
                                  hint=MISSING_HINT) from exc
        if code and naf and hires > 0:
            out.append((code, naf.upper(), hires))
    if not out:
        raise DataUnavailable(f"{path.name} ne contient aucune embauche", hint=MISSING_HINT)
    return out


def build_frames(paths: dict[str, Path]) -> dict[str, Any]:
    """Tables ``appellation_naf`` (code_ogr, naf, hires), ``fiche_naf`` (fiche, naf, hires),
    ``ogr_fiche_v3`` (code_ogr, fiche) and ``arbo_v3`` (code_ogr, fiche, label)."""
    import pandas as pd

    app = _hires(_read_csv(paths["appellation_naf"]), "rome_id", paths["appellation_naf"])
    fiche = _hires(_read_csv(paths["fiche_naf"]), "rome_id", paths["fiche_naf"])
    mapping = []
    for row in _read_csv(paths["ogr_fiche_v3"], delimiter="|"):
        ogr, code = (row.get("ogr_id") or "").strip(), (row.get("rome_id") or "").strip().upper()
        if ogr and len(code) == 5:
            mapping.append((ogr, code))
    arbo = []
    for row in _read_csv(paths["arbo_v3"], delimiter=";"):
        ogr = (row.get("OGR") or "").strip()
        code = "".join((row.get(k) or "").strip() for k in ("Rome1", "Rome2", "Rome3"))
        if ogr and len(code) == 5:
            arbo.append((ogr, code, (row.get("Intitule") or "").strip()))
    if not mapping or not arbo:
        raise DataUnavailable("table OGR → ROME v3 ou arbre ROME v3 illisible", hint=MISSING_HINT)
    return {
        "appellation_naf": pd.DataFrame(app, columns=["code_ogr", "naf", "hires"]),
        "fiche_naf": pd.DataFrame(fiche, columns=["fiche", "naf", "hires"]),
        "ogr_fiche_v3": pd.DataFrame(mapping, columns=["code_ogr", "fiche"]),
        "arbo_v3": pd.DataFrame(arbo, columns=["code_ogr", "fiche", "label"]),
    }


def counts(frames: dict[str, Any]) -> dict[str, int]:
    return {
        "appellation_naf_rows": int(len(frames["appellation_naf"])),
        "appellations_with_hires": int(frames["appellation_naf"]["code_ogr"].nunique()),
        "fiche_naf_rows": int(len(frames["fiche_naf"])),
        "fiches_with_hires": int(frames["fiche_naf"]["fiche"].nunique()),
        "ogr_fiche_v3": int(len(frames["ogr_fiche_v3"])),
        "arbo_v3_appellations": int(len(frames["arbo_v3"])),
    }


def installed() -> bool:
    """True when the usage tables are installed (occupation coding then uses its priors)."""
    try:
        return _store.read_manifest(NAME) is not None
    except DataUnavailable:
        return False


def frames() -> dict[str, Any]:
    """The installed tables (DataUnavailable, with what to run, when not fetched)."""
    data = _store.load(NAME)
    return {table: data.frame(table) for table in FILES}


def version() -> str:
    return str(_store.load(NAME).manifest.get("version", ""))
