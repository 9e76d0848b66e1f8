"""What the detector tests compare: the categories a bare text raises, each with its most severe level."""

from __future__ import annotations

from datetime import date

from tremplin.services.legality import check_text

SEVERITY_ORDER = {"advise": 1, "review": 2, "block": 3}


def found(text: str, *, on: date) -> dict[str, str]:
    """category → most severe severity found in a bare text checked as of ``on`` (pay transparency left out:
    it concerns the offer's fields, not the wording under test)."""
    out: dict[str, str] = {}
    for f in check_text(text, as_of=on).findings:
        if f.category == "pay_transparency":
            continue
        if SEVERITY_ORDER[f.severity] > SEVERITY_ORDER.get(out.get(f.category, ""), 0):
            out[f.category] = f.severity
    return out
