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


# The categories the recall target counts (L1132-1 criteria, fees, pay below the SMIC)
TARGET = frozenset({"language", "origin", "fee", "age", "sex", "family", "appearance", "health_disability", "residence",
                    "opinions", "religion", "pay", "sexual_orientation_identity"})
MARCH_2026 = date(2026, 3, 1)  # SMIC 12,02 €/h


def found_in_2026(text: str) -> dict[str, str]:
    """``found`` as of 1 March 2026, the date the round-by-round wording tests check against."""
    return found(text, on=MARCH_2026)
