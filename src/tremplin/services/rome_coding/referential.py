"""Reading what the model learns from, through ``tremplin.referentials.rome`` only."""

from __future__ import annotations

from .model import Referential

# Competences linked to a code are many (≈30 per code); the strongest ones describe it best.
COMPETENCES_PER_CODE = 15


def load_hires() -> tuple[dict[str, int] | None, str]:
    """Hires per appellation (code OGR) from the usage tables, or (None, "") when they are not
    installed: the model is then trained without its usage priors."""
    from tremplin.errors import DataUnavailable
    from tremplin.referentials import usage

    if not usage.installed():
        return None, ""
    try:
        table = usage.frames()["appellation_naf"]
        version = usage.version()
    except DataUnavailable:
        return None, ""
    totals = table.groupby(table["code_ogr"].astype(str))["hires"].sum()
    return {str(k): int(v) for k, v in totals.items()}, version


def load_referential(*, usage_priors: bool = True) -> Referential:
    """The installed ROME 4.0 as a :class:`Referential` (DataUnavailable if not fetched), with the
    France Travail hires when the usage tables are installed and ``usage_priors``."""
    from tremplin.referentials import rome

    frames = rome.frames()
    hires, usage_version = load_hires() if usage_priors else (None, "")
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
        hires=hires,
        usage_version=usage_version,
    )
