"""The « model » part of the legality service: detectors that find evidence in an offer.

There is no learned model here: every detector is a lexicon or a parser (see
``lexicon.py`` and ``checks.py``), so every finding can be traced to a pattern and
an article. A learned component would be added only where it measurably helps
(see docs/quality.md, « Offer legality »). This module runs them all and returns
raw hits plus the findings that legal exceptions removed (kept for transparency).
"""

from __future__ import annotations

from tremplin.services.legality.checks import ALL_CHECKS
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.findings import Hit
from tremplin.services.legality.groups import detect_conditional, detect_criteria_list, detect_groups
from tremplin.services.legality.lexicon import run_patterns
from tremplin.services.legality.properties import detect_properties


def detect(ctx: Ctx) -> tuple[list[Hit], list[tuple[str, str, str]]]:
    """All hits for one prepared offer, and (rule, exception, field) for findings an exception removed."""
    dropped: list[tuple[str, str, str]] = []
    hits = run_patterns(ctx, dropped=dropped)
    hits.extend(detect_groups(ctx, dropped))
    hits.extend(detect_conditional(ctx, dropped))
    hits.extend(detect_criteria_list(ctx, dropped))
    hits.extend(detect_properties(ctx, dropped))
    for check in ALL_CHECKS:
        hits.extend(check(ctx, dropped))
    return _drop_sex_inside_identity(hits), dropped


def _drop_sex_inside_identity(hits: list[Hit]) -> list[Hit]:
    """« une femme trans », « les hommes qui aiment les hommes », « ni homme ni femme »: the words for men and women
    there describe an orientation or a gender identity, already found as such; a sex criterion on the same words
    would be a second, wrong finding. Likewise an appearance finding on the very words of an identity finding."""
    identity = [h for h in hits if h.category == "sexual_orientation_identity" and h.start is not None]
    if not identity:
        return hits
    out = []
    for h in hits:
        if h.category == "sex" and h.start is not None and any(
                o.field == h.field and h.start < o.end + 12 and o.start < h.end + 12 for o in identity):
            continue
        # « dont l'apparence ne correspond pas à leur sexe d'état civil »: the appearance is the gender expression
        if h.category == "appearance" and h.start is not None and any(
                o.field == h.field and h.start < o.end and o.start < h.end for o in identity):
            continue
        out.append(h)
    return out
