"""Reading what the model learns from, through ``tremplin.referentials.rome`` only."""

from __future__ import annotations

from typing import Any

from .model import Referential

# Competences linked to a code are many (≈30 per code); the strongest ones describe it best.
COMPETENCES_PER_CODE = 15


def load_usage() -> dict[str, Any]:
    """From the usage tables: hires per appellation (code OGR), share of each fiche in the hires of
    each NAF division, hires of each appellation by NAF division, and the tables' version. Empty when
    they are not installed: the model is then trained without its usage priors."""
    from tremplin.errors import DataUnavailable
    from tremplin.referentials import usage

    if not usage.installed():
        return {}
    try:
        tables = usage.frames()
        version = usage.version()
    except DataUnavailable:
        return {}
    app = tables["appellation_naf"].assign(code_ogr=lambda f: f["code_ogr"].astype(str),
                                           division=lambda f: f["naf"].astype(str).str[:2])
    totals = app.groupby("code_ogr")["hires"].sum()
    ogr_naf: dict[str, tuple[list[str], list[int]]] = {}
    for ogr, part in app.groupby(["code_ogr", "division"])["hires"].sum().groupby(level=0):
        ogr_naf[str(ogr)] = ([str(d) for _, d in part.index], [int(v) for v in part.values])
    fiche = tables["fiche_naf"].assign(division=lambda f: f["naf"].astype(str).str[:2])
    per = fiche.groupby(["division", "fiche"])["hires"].sum()
    naf_fiche: dict[str, dict[str, float]] = {}
    for division, part in per.groupby(level=0):
        total = float(part.sum())
        naf_fiche[str(division)] = {str(f): float(v) / total for (_, f), v in part.items()}
    return {"hires": {str(k): int(v) for k, v in totals.items()}, "naf_fiche": naf_fiche, "ogr_naf": ogr_naf,
            "usage_version": version}


def load_referential(*, usage_priors: bool = False) -> Referential:
    """The installed ROME 4.0 as a :class:`Referential` (DataUnavailable if not fetched), with the
    France Travail hires when the usage tables are installed and ``usage_priors``."""
    from tremplin.referentials import rome

    frames = rome.frames()
    usage_data = load_usage() if usage_priors else {}
    competences = None
    links = frames.get("code_competences")
    items = frames.get("competences")
    if links is not None and items is not None and len(links):
        links = links.sort_values(["code", "rank"]).groupby("code").head(COMPETENCES_PER_CODE)
        competences = links.merge(items[["code_ogr", "label"]], on="code_ogr", how="inner")[["code", "label"]]
    return Referential(
        codes=frames["codes"][["code", "label", "parent"]].copy(),
        appellations=frames["appellations"][["code_ogr", "label", "short_label", "code", "principal"]].copy(),
        texts=frames["texts"][["code", "kind", "text"]].copy(),
        competences=competences,
        version=rome.version(),
        hires=usage_data.get("hires"),
        usage_version=usage_data.get("usage_version", ""),
        naf_fiche=usage_data.get("naf_fiche"),
        ogr_naf=usage_data.get("ogr_naf"),
    )
