"""What every reader returns: the document as ordered lines with their layout, and its images.

Readers only read. They never guess what a line means; they keep what the layout tells
(page, position, font size, bold, bullet, heading style, where a column or a table cell starts),
so that the section and field extractors can use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Glyphs people use as bullets (also pictograms that designed CVs put before contact lines).
BULLETS = "•●▪■□◦○◆◇►▶▸▹➢➤➔→✓✔✗☐·∙‣⁃*›»"
# "(cid:127)": a glyph the PDF's font does not map to a character — at the start of a line, a bullet.
_BULLET_RE = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]|[-–—]\s|>\s|o\s(?=\S)|\(cid:\d+\))\s*")

MAX_PAGES = 10
MAX_CHARS = 200_000


@dataclass
class Line:
    text: str
    page: int = 1
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    size: float | None = None
    bold: bool = False
    bullet: bool = False
    heading_hint: bool = False  # the document's own style says "heading"
    region_start: bool = False  # first line of a column, a table cell or a text box
    column: str | None = None  # a column that may continue on the next page (PDF), else None
    offset: int = 0  # where ``text`` starts in RawDocument.text (set by RawDocument.finish)

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@dataclass
class Image:
    page: int
    width: float | None = None
    height: float | None = None
    top: float | None = None
    x0: float | None = None
    page_height: float | None = None

    def looks_like_photo(self) -> bool:
        """A portrait-ish picture of a few centimetres, high on the page: what an ID photo looks like."""
        if self.width is None or self.height is None:
            return True  # position unknown (DOCX, ODT, RTF): any picture may be a photo
        if self.width < 30 or self.height < 30:
            return False
        ratio = self.width / self.height
        high = self.top is None or self.page_height is None or self.top < self.page_height * 0.45
        return 0.55 <= ratio <= 1.25 and high and self.page == 1


@dataclass
class RawDocument:
    format: str
    lines: list[Line] = field(default_factory=list)
    pages: int = 1
    images: list[Image] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""

    def finish(self) -> RawDocument:
        """Drop empty lines, cap the size, compute offsets and the full text."""
        parts: list[str] = []
        pos = 0
        kept: list[Line] = []
        for line in self.lines:
            text = line.text.replace("\r", " ").replace("\x00", "").rstrip()
            if not any(c.isalnum() for c in text):
                continue  # empty, or a rule drawn with characters ("-----", "=====")
            line.text = text
            prefix = "• " if line.bullet else ""
            line.offset = pos + len(prefix)
            parts.append(prefix + text)
            pos += len(prefix) + len(text) + 1
            kept.append(line)
            if pos > MAX_CHARS:
                self.warnings.append("texte très long : seule la première partie du document a été lue")
                break
        self.lines = kept
        self.text = "\n".join(parts)
        return self


def split_bullet(text: str) -> tuple[str, bool]:
    """Remove a leading bullet glyph; tell whether there was one."""
    m = _BULLET_RE.match(text)
    if m and m.end() < len(text):
        return text[m.end() :], True
    return text, False


def lines_from_text(text: str, fmt: str) -> RawDocument:
    """Plain text (TXT, RTF after conversion) to lines; tabs are kept (they separate fragments)."""
    doc = RawDocument(format=fmt)
    for raw in text.splitlines():
        if not raw.strip():
            continue
        content, bullet = split_bullet(raw.rstrip())
        doc.lines.append(Line(text=content.strip(), bullet=bullet))
    return doc.finish()
