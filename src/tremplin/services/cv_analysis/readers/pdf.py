"""PDF reader: the text layer through pdfminer.six, with positions, font sizes and weights.

Safety first, before pdfminer sees the file:
- every Flate stream is trial-decompressed with a bounded output (decompression bombs refused);
- active content (JavaScript, launch actions) is refused, including inside compressed object streams;
- a user password is reported as such; an owner-only password (restrictions but readable) is read;
- time and size are bounded: at most MAX_PAGES pages, a time budget, a cap on each page's content.
"""

from __future__ import annotations

import io
import re
import time
import zlib
from functools import lru_cache

from tremplin.errors import InvalidInput
from tremplin.services.cv_analysis import messages as msg
from tremplin.services.cv_analysis.readers.base import MAX_PAGES, Image, Line, RawDocument, split_bullet

MAX_STREAM_BYTES = 40 * 1024 * 1024  # decompressed size of one stream
MAX_PAGE_CONTENT = 4 * 1024 * 1024  # decoded content stream of one page
MAX_OBJECTS = 200_000
TIME_BUDGET_S = 20.0

_STREAM = re.compile(rb"stream\r?\n")
_ACTIVE_RAW = re.compile(rb"/(?:JavaScript|JS|Launch)(?![A-Za-z0-9])")
_CID = re.compile(r"\s*\(cid:\d+\)\s*")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def _check_streams(data: bytes) -> None:
    """Trial-decompress Flate streams with bounded output; refuse decompression bombs."""
    for m in _STREAM.finditer(data):
        start = m.end()
        if start >= len(data) or data[start] != 0x78:  # zlib header
            continue
        end = data.find(b"endstream", start)
        chunk = data[start : end if end > 0 else len(data)]
        decomp = zlib.decompressobj()
        produced = 0
        pending = chunk
        exceeded = False
        try:
            while pending:  # inflate one megabyte at a time, keeping nothing: memory stays bounded
                produced += len(decomp.decompress(pending, 1 << 20))
                if produced > MAX_STREAM_BYTES:
                    exceeded = True
                    break
                pending = decomp.unconsumed_tail
        except zlib.error:
            continue
        if exceeded or (produced > 10 * 1024 * 1024 and produced > 1000 * len(chunk)):
            raise InvalidInput(msg.PDF_BOMB, field="fichier")


def _has_active_content(document) -> bool:
    from pdfminer.psparser import PSLiteral

    count = 0
    for xref in document.xrefs:
        for objid in xref.get_objids():
            count += 1
            if count > MAX_OBJECTS:
                return False
            try:
                obj = document.getobj(objid)
            except Exception:  # noqa: BLE001 - a broken object is not active content
                continue
            attrs = getattr(obj, "attrs", obj)
            if not isinstance(attrs, dict):
                continue
            if "JS" in attrs or "JavaScript" in attrs:
                return True
            action = attrs.get("S")
            if isinstance(action, PSLiteral) and action.name in ("JavaScript", "Launch"):
                return True
    return False


def _open(data: bytes):
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        parser = PDFParser(io.BytesIO(data))
        return PDFDocument(parser, password="")
    except PDFPasswordIncorrect as exc:
        raise InvalidInput(msg.PDF_PASSWORD, field="fichier", hint=msg.PDF_PASSWORD_HINT) from exc
    except PDFEncryptionError as exc:
        text = str(exc).lower()
        if "password" in text:
            raise InvalidInput(msg.PDF_PASSWORD, field="fichier", hint=msg.PDF_PASSWORD_HINT) from exc
        raise InvalidInput(msg.PDF_ENCRYPTION, field="fichier", hint=msg.PDF_PASSWORD_HINT) from exc
    except InvalidInput:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        raise InvalidInput(msg.PDF_CORRUPT, field="fichier") from exc


def _page_content_size(page) -> int:
    total = 0
    for stream in page.contents or []:
        try:
            total += len(stream.get_data())
        except Exception:  # noqa: BLE001
            continue
    return total


def _collector_class():
    """A pdfminer device that keeps each glyph as a small tuple (no layout analysis, no per-glyph objects).

    pdfminer's own layout analysis (LTChar objects, then grouping) is most of the reading time of a
    CV; we only need glyph positions, sizes and font names, and build the lines ourselves.
    """
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdffont import PDFUnicodeNotDefined

    class Collector(PDFLayoutAnalyzer):
        def __init__(self, rsrcmgr):
            super().__init__(rsrcmgr, pageno=1, laparams=None)
            self.glyphs: list[tuple] = []
            self.result = None
            self.skewed = 0  # glyphs of rotated or vertical text, not read

        def begin_page(self, page, ctm):
            super().begin_page(page, ctm)
            self.glyphs = []

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"
            adv = font.char_width(cid) * fontsize * scaling
            a, b, c, d, e, f = matrix
            if b == 0 and c == 0 and a * d > 0 and not font.is_vertical():
                self.glyphs.append((e, e + adv * a, f + rise * d, abs(fontsize * d), text, font.fontname))
            else:
                self.skewed += 1
            return adv

        def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise,
                                     dxscale, ncs, graphicstate):
            """pdfminer's loop, inlined: one tuple per glyph, no per-glyph matrix or method call."""
            x, y = pos
            a, b, c, d, e, f = matrix
            upright = b == 0 and c == 0 and a * d > 0
            glyphs = self.glyphs
            name = font.fontname
            height = abs(fontsize * d)
            unichr = font.to_unichr
            width = font.char_width
            advance = fontsize * scaling
            needcharspace = False
            for obj in seq:
                if isinstance(obj, (int, float)):
                    x -= obj * dxscale
                    needcharspace = True
                elif isinstance(obj, bytes):
                    for cid in font.decode(obj):
                        if needcharspace:
                            x += charspace
                        try:
                            text = unichr(cid)
                        except PDFUnicodeNotDefined:
                            text = f"(cid:{cid})"
                        adv = width(cid) * advance
                        if upright:
                            gx = a * x + e
                            glyphs.append((gx, gx + adv * a, d * (y + rise) + f, height, text, name))
                        else:
                            self.skewed += 1
                        x += adv
                        if cid == 32 and wordspace:
                            x += wordspace
                        needcharspace = True
            return (x, y)

        def paint_path(self, gstate, stroke, fill, evenodd, path):  # vector drawings are not text
            return None

        def end_page(self, page):
            self.result = (self.cur_item, self.glyphs)
            self.pageno += 1

    return Collector


def _images(item, page_no: int, page_height: float, images: list[Image]) -> None:
    from pdfminer.layout import LTContainer, LTImage

    for child in item:
        if isinstance(child, LTImage):
            x0, y0, x1, y1 = child.bbox
            images.append(Image(page=page_no, width=x1 - x0, height=y1 - y0, top=page_height - y1, x0=x0,
                                page_height=page_height))
        elif isinstance(child, LTContainer):
            _images(child, page_no, page_height, images)


def _lines_from_glyphs(glyphs: list[tuple], page_no: int, page_height: float) -> list[Line]:
    """Glyphs → text lines: rows by baseline, cut where the horizontal gap is wider than a character."""
    if not glyphs:
        return []
    glyphs = sorted(glyphs, key=lambda g: (-g[2], g[0]))
    rows: list[list[tuple]] = []
    for g in glyphs:
        if rows:
            ref = rows[-1][0]
            if abs(ref[2] - g[2]) <= 0.35 * max(ref[3], g[3]):
                rows[-1].append(g)
                continue
        rows.append([g])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda g: g[0])
        fragment: list[tuple] = []
        last = None  # the last visible glyph of the fragment
        for g in row:
            space = g[4].isspace()
            if last is not None and not space and g[0] - last[1] > (g[3] if g[3] > last[3] else last[3]):
                lines.append(_line(fragment, page_no, page_height))
                fragment = []
                last = None
            fragment.append(g)
            if not space:
                last = g
        if fragment:
            lines.append(_line(fragment, page_no, page_height))
    return [line for line in lines if line.text.strip()]


def _line(glyphs: list[tuple], page_no: int, page_height: float) -> Line:
    parts: list[str] = []
    prev = None
    for g in glyphs:
        if prev is not None and not g[4].isspace() and not prev[4].isspace():
            if g[0] - prev[1] > 0.15 * max(g[3], prev[3]):
                parts.append(" ")
        parts.append(g[4])
        prev = g
    visible = [g for g in glyphs if not g[4].isspace()] or glyphs
    sizes = sorted(g[3] for g in visible)
    size = sizes[len(sizes) // 2]
    baseline = statistics_median([g[2] for g in visible])
    bold = sum(1 for g in visible if _is_bold(g[5])) / len(visible) >= 0.6
    return Line(
        text="".join(parts).strip(),
        page=page_no,
        x0=min(g[0] for g in visible),
        x1=max(g[1] for g in visible),
        top=page_height - (baseline + 0.78 * size),
        bottom=page_height - (baseline - 0.22 * size),
        size=round(size, 1),
        bold=bold,
    )


@lru_cache(maxsize=512)
def _is_bold(fontname: str | None) -> bool:
    return bool(_BOLD.search(fontname or ""))


def statistics_median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def read_pdf(data: bytes, *, time_budget: float = TIME_BUDGET_S) -> RawDocument:
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    from tremplin.services.cv_analysis.layout import order_page

    started = time.perf_counter()
    if _ACTIVE_RAW.search(data):
        raise InvalidInput(msg.PDF_JAVASCRIPT, field="fichier", hint=msg.PDF_JAVASCRIPT_HINT)
    _check_streams(data)
    document = _open(data)
    if _has_active_content(document):
        raise InvalidInput(msg.PDF_JAVASCRIPT, field="fichier", hint=msg.PDF_JAVASCRIPT_HINT)

    doc = RawDocument(format="pdf")
    manager = PDFResourceManager(caching=True)
    device = _collector_class()(manager)
    interpreter = PDFPageInterpreter(manager, device)
    pages = 0
    try:
        for page in PDFPage.create_pages(document):
            pages += 1
            if pages > MAX_PAGES:
                continue
            if _page_content_size(page) > MAX_PAGE_CONTENT:
                raise InvalidInput(msg.PDF_BOMB, field="fichier")
            interpreter.process_page(page)
            layout, glyphs = device.result
            _images(layout, pages, layout.height, doc.images)
            page_lines = _lines_from_glyphs(glyphs, pages, layout.height)
            doc.lines.extend(order_page(page_lines, page_width=layout.width))
            if time.perf_counter() - started > time_budget:
                raise InvalidInput(msg.TIME_LIMIT.format(seconds=int(time_budget)), field="fichier")
    except InvalidInput:
        raise
    except Exception as exc:  # noqa: BLE001
        if not doc.lines:
            raise InvalidInput(msg.PDF_CORRUPT, field="fichier") from exc
        doc.warnings.append("une partie du PDF est endommagée : seules les pages lisibles ont été lues")
    if pages > MAX_PAGES:
        doc.warnings.append(msg.TOO_MANY_PAGES.format(pages=pages, kept=MAX_PAGES))
    doc.pages = min(pages, MAX_PAGES) or 1
    for line in doc.lines:
        line.text, glyph = split_bullet(line.text)
        line.bullet = line.bullet or glyph
        if "(cid:" in line.text:
            line.text = _CID.sub(" ", line.text)
    readable = sum(len(line.text.strip()) for line in doc.lines)
    if readable < 20:
        if device.skewed > 20:
            raise InvalidInput(msg.PDF_ROTATED, field="fichier", hint=msg.PDF_NO_TEXT_HINT)
        raise InvalidInput(msg.PDF_NO_TEXT, field="fichier", hint=msg.PDF_NO_TEXT_HINT)
    if device.skewed > 20:
        doc.warnings.append("une partie du texte du PDF est tournée ou verticale : elle n'a pas été lue")
    return doc.finish()
