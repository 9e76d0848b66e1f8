"""Reading what the model learns from, through ``tremplin.referentials.rome`` only."""

from __future__ import annotations

from .model import Referential

# Competences linked to a code are many (≈30 per code); the strongest ones describe it best.
COMPETENCES_PER_CODE = 15


def load_referential() -> Referential:
    """The installed ROME 4.0 as a :class:`Referential` (DataUnavailable if not fetched)."""
    from tremplin.referentials import rome

    frames = rome.frames()
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
    )
