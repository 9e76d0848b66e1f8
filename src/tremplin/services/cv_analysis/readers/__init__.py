"""Readers: bytes of a CV file to ordered, layout-annotated lines (PDF, DOCX, ODT, RTF, TXT)."""

from __future__ import annotations

from tremplin.errors import InvalidInput
from tremplin.services.cv_analysis import messages as msg
from tremplin.services.cv_analysis.readers.base import Image, Line, RawDocument
from tremplin.services.cv_analysis.readers.sniff import check_format, sniff


def read_document(data: bytes, filename: str | None = None, content_type: str | None = None) -> RawDocument:
    """Check the file (content, extension, declared type) and read it. Raises InvalidInput with a French message."""
    if not data:
        raise InvalidInput(msg.EMPTY_FILE, field="fichier")
    fmt = check_format(data, filename, content_type)
    if fmt == "pdf":
        from tremplin.services.cv_analysis.readers.pdf import read_pdf

        doc = read_pdf(data)
    elif fmt == "docx":
        from tremplin.services.cv_analysis.readers.office import read_docx

        doc = read_docx(data)
    elif fmt == "odt":
        from tremplin.services.cv_analysis.readers.office import read_odt

        doc = read_odt(data)
    elif fmt == "rtf":
        from tremplin.services.cv_analysis.readers.plain import read_rtf

        doc = read_rtf(data)
    else:
        from tremplin.services.cv_analysis.readers.plain import read_txt

        doc = read_txt(data)
    if not doc.text.strip():
        raise InvalidInput(msg.NO_TEXT, field="fichier")
    return doc


__all__ = ["Image", "Line", "RawDocument", "check_format", "read_document", "sniff"]
