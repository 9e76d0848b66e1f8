"""``tremplin data fetch --only usage``: France Travail hires tables, from a mirror, with clear errors."""

from pathlib import Path

import pytest


def _fake_mirror(root: Path, *, skip: str | None = None) -> Path:
    market = root / "market"
    market.mkdir(parents=True)
    files = {
        "ogr_naf_mapping_rome_slicing.csv": "rome_id,rome_label,naf_id,naf_label,hirings\n"
        '10891,"Aide-soignant / Aide-soignante",8710A,"Hébergement médicalisé",120\n'
        '10891,"Aide-soignant / Aide-soignante",8610Z,"Activités hospitalières",80\n'
        '12748,"Commercial / Commerciale sédentaire",4690Z,"Commerce de gros",0\n',
        "rome_naf_mapping.csv": "rome_id,rome_label,naf_id,naf_label,hirings\n"
        "J1501,Soins d'hygiène,8710A,Hébergement,300\nJ1501,Soins d'hygiène,8610Z,Hôpitaux,100\n",
        "ogr_rome_mapping.csv": "ogr_id|rome_id\n10891|J1501\n12748|D1401\n",
        "arbo_rome_ogr_202107.csv": "Rome1;Rome2;Rome3;Intitule;OGR\nJ; ; ;Santé; \nJ;15;01;Aide-soignant;10891\n",
    }
    for name, text in files.items():
        if name != skip:
            (market / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def no_download(home, monkeypatch):
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_OFFLINE", "1")
    monkeypatch.delenv("TREMPLIN_DATA_MIRROR", raising=False)
    reset_settings()
    yield home
    reset_settings()


def test_fetch_installs_the_hires_tables_from_the_mirror(no_download, tmp_path):
    from tremplin.referentials import _store
    from tremplin.referentials.fetch import fetch

    base = tmp_path / "refs"
    [report] = fetch("usage", base=base, mirror=_fake_mirror(tmp_path / "mirror"))
    assert report.ok and report.complete, report.error
    assert "miroir local" in report.source and "labonneboite" in report.source
    # rows without hires are dropped; the v3 tree keeps only lines that carry an appellation
    assert report.counts["appellation_naf_rows"] == 2 and report.counts["arbo_v3_appellations"] == 1
    installed = _store.load("usage", base)
    app = installed.frame("appellation_naf")
    assert app[app["naf"] == "8710A"]["hires"].tolist() == [120]
    assert installed.frame("arbo_v3")["fiche"].tolist() == ["J1501"]
    assert _store.verify("usage", base)["checksum_ok"]
    again = fetch("usage", base=base, mirror=tmp_path / "mirror")[0]
    assert again.ok and any("déjà à jour" in n for n in again.notes)


def test_missing_tables_give_a_french_error_and_install_nothing(no_download, tmp_path):
    from tremplin.referentials import _store
    from tremplin.referentials.fetch import fetch

    base = tmp_path / "refs"
    [report] = fetch("usage", base=base, mirror=_fake_mirror(tmp_path / "mirror", skip="rome_naf_mapping.csv"))
    assert not report.ok
    assert "tables d'embauches France Travail introuvables" in report.error
    assert "incomplet (manque : rome_naf_mapping.csv)" in report.error
    assert "hors ligne" in report.error and "rien n'a été installé" in report.error
    assert _store.read_manifest("usage", base) is None
    [bare] = fetch("usage", base=base, mirror=None)
    assert not bare.ok and "pas de miroir (TREMPLIN_DATA_MIRROR)" in bare.error


def test_unreadable_hires_file_is_refused(no_download, tmp_path):
    from tremplin.referentials.fetch import fetch

    mirror = _fake_mirror(tmp_path / "mirror")
    (mirror / "market" / "rome_naf_mapping.csv").write_text("code;effectif\nJ1501;3\n", encoding="utf-8")
    [report] = fetch("usage", base=tmp_path / "refs", mirror=mirror)
    assert not report.ok and "rome_naf_mapping.csv illisible" in report.error


def test_real_mirror_tables(referentials):
    from tremplin.referentials import usage

    assert usage.installed()
    tables = usage.frames()
    app = tables["appellation_naf"]
    assert app["code_ogr"].nunique() == 2942 and (app["hires"] > 0).all()
    assert tables["fiche_naf"]["fiche"].str.fullmatch(r"[A-N]\d{4}").all()
    assert len(tables["ogr_fiche_v3"]) == 11118


def test_ensure_does_not_fail_for_the_optional_usage_tables(no_download, tmp_path, monkeypatch):
    from tremplin.referentials.fetch import ensure
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(tmp_path / "refs"))
    reset_settings()
    [report] = ensure("usage")
    assert not report.ok and "tables d'embauches France Travail introuvables" in report.error
