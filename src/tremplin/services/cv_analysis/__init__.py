"""CV analysis: a CV file (PDF, DOCX, ODT, RTF, TXT) becomes a structured, ROME-coded profile.

Public API (everything else is internal)::

    from tremplin.services.cv_analysis import parse_cv, to_json_resume
    profile = parse_cv(data, "cv.pdf")          # CVProfile: a proposal, nothing stored
    to_json_resume(profile)                     # JSON Resume (jsonresume.org) with ROME extensions

Storing an analysis and recording corrections as decisions: :mod:`.store` (``save_analysis``,
``record_correction``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from tremplin.services.cv_analysis.schema import CVProfile

__all__ = ["CVProfile", "parse_cv", "to_json_resume"]


def parse_cv(data: bytes, filename: str | None = None, **kwargs: Any) -> CVProfile:
    """Read a CV and return its extracted profile. See :func:`.service.parse_cv`."""
    from tremplin.services.cv_analysis.service import parse_cv as _parse

    return _parse(data, filename, **kwargs)


def to_json_resume(profile: CVProfile) -> dict:
    from tremplin.services.cv_analysis.jsonresume import to_json_resume as _export

    return _export(profile)


def __getattr__(name: str):
    if name == "CVProfile":
        from tremplin.services.cv_analysis.schema import CVProfile

        return CVProfile
    raise AttributeError(name)
