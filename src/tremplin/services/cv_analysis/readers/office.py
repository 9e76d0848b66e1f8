"""DOCX and ODT readers, safe against zip and XML bombs.

Both formats are ZIP archives of XML parts. Before anything is decompressed, the declared sizes
of the archive's members are checked (total, per member, compression ratio, number of members);
only the few XML parts that carry text are then read, each with a bounded read, and parsed
with an XML parser that refuses DTDs and entities (no "billion laughs", no external entities).

Reading order follows the document: paragraphs, tables (a row whose first or last cell is a date
is read as one line, as the eye reads it; other cells one after the other), text boxes (where
designed CVs put their sidebars) after the paragraph that anchors them, headers first, footers last.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from tremplin.errors import InvalidInput
from tremplin.services.cv_analysis import messages as msg
from tremplin.services.cv_analysis.readers.base import Image, Line, RawDocument, split_bullet

MAX_MEMBERS = 2000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024  # declared, whole archive (pictures included)
MAX_PART_BYTES = 25 * 1024 * 1024  # one XML part we actually read
MAX_RATIO = 150  # a deflated member larger than 1 MB may not expand more than this

_FORBIDDEN_XML = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


class SafeArchive:
    """A ZIP archive opened after its declared sizes were checked."""

    def __init__(self, data: bytes, kind: str):
        self.kind = kind
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise InvalidInput(msg.ZIP_CORRUPT.format(kind=kind), field="fichier") from exc
        if len(infos) > MAX_MEMBERS:
            raise InvalidInput(msg.ZIP_ENTRIES.format(kind=kind, count=len(infos)), field="fichier")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise InvalidInput(msg.ZIP_BOMB.format(kind=kind, size=total), field="fichier")
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise InvalidInput(msg.ZIP_RATIO.format(kind=kind, ratio=ratio), field="fichier")
        self.names = {i.filename for i in infos}

    def read(self, name: str, *, required: bool = True) -> bytes | None:
        if name not in self.names:
            if required:
                raise InvalidInput(msg.ZIP_MISSING.format(kind=self.kind, part=name), field="fichier")
            return None
        info = self.zip.getinfo(name)
        if info.file_size > MAX_PART_BYTES:
            raise InvalidInput(msg.ZIP_BOMB.format(kind=self.kind, size=info.file_size), field="fichier")
        try:
            with self.zip.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            raise InvalidInput(msg.ZIP_CORRUPT.format(kind=self.kind), field="fichier") from exc
        if len(data) > MAX_PART_BYTES:
            raise InvalidInput(msg.ZIP_BOMB.format(kind=self.kind, size=len(data)), field="fichier")
        return data

    def xml(self, name: str, *, required: bool = True):
        data = self.read(name, required=required)
        if data is None:
            return None
        if _FORBIDDEN_XML.search(data[:4096]) or _FORBIDDEN_XML.search(data):
            raise InvalidInput(msg.XML_DTD.format(kind=self.kind), field="fichier")
        try:
            return etree.fromstring(data, parser=_parser())
        except etree.XMLSyntaxError as exc:
            raise InvalidInput(msg.XML_CORRUPT.format(kind=self.kind), field="fichier") from exc


# --------------------------------------------------------------------------------------- shared


class _Collector:
    """Accumulates lines; text pieces of one paragraph become one or more lines (on explicit breaks)."""

    def __init__(self, doc: RawDocument):
        self.doc = doc
        self.region_pending = False

    def start_region(self) -> None:
        self.region_pending = True

    def paragraph(self, pieces: list[tuple[str, bool, float | None]], *, bullet: bool, heading: bool) -> None:
        text = "".join(p[0] for p in pieces)
        if not text.strip():
            return
        bold_chars = sum(len(p[0].strip()) for p in pieces if p[1])
        all_chars = sum(len(p[0].strip()) for p in pieces) or 1
        sizes = [p[2] for p in pieces if p[2] and p[0].strip()]
        size = max(sizes) if sizes else None
        for i, part in enumerate(text.split("\n")):
            if not part.strip():
                continue
            content, glyph = split_bullet(part)
            self.doc.lines.append(
                Line(
                    text=content.strip(" "),
                    bold=bold_chars / all_chars >= 0.6,
                    size=size,
                    bullet=(bullet and i == 0) or glyph,
                    heading_hint=heading,
                    region_start=self.region_pending,
                )
            )
            self.region_pending = False


def _is_date_cell(lines: list[Line]) -> bool:
    from tremplin.services.cv_analysis.dates import find_date_ranges

    if not lines or len(lines) > 3:
        return False
    text = " ".join(line.text for line in lines)
    if len(text) > 45:
        return False
    ranges = find_date_ranges(text)
    covered = sum(r.span[1] - r.span[0] for r in ranges)
    return bool(ranges) and covered >= 0.5 * len(text.strip())


def _emit_rows(doc: RawDocument, rows: list[list[list[Line]]]) -> None:
    """Table rows to lines. A "layout table" (a page split in a sidebar and a main part: few rows,
    long cells) starts a new region at each cell; a date row is read across as one line."""
    cells_all = [c for row in rows for c in row if c]
    layout = len(rows) <= 2 and any(len(c) >= 6 for c in cells_all)
    for cells in rows:
        cells = [c for c in cells if c]
        if not cells:
            continue
        for cell in cells:
            cell[0].region_start = False
        if len(cells) >= 2 and _is_date_cell(cells[0]):
            date_text = " ".join(line.text for line in cells[0])
            rest = [line for cell in cells[1:] for line in cell]
            rest[0].text = f"{date_text}\t{rest[0].text}"
            doc.lines.extend(rest)
            continue
        if len(cells) >= 2 and _is_date_cell(cells[-1]):
            date_text = " ".join(line.text for line in cells[-1])
            rest = [line for cell in cells[:-1] for line in cell]
            rest[0].text = f"{rest[0].text}\t{date_text}"
            doc.lines.extend(rest)
            continue
        if len(cells) >= 2 and not layout and all(len(c) == 1 for c in cells) and sum(
            len(c[0].text) for c in cells
        ) < 120:
            first = cells[0][0]
            first.text = "\t".join(c[0].text for c in cells)
            doc.lines.append(first)
            continue
        for cell in cells:
            cell[0].region_start = layout
            doc.lines.extend(cell)


# ----------------------------------------------------------------------------------------- DOCX

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CONTAINERS = {W + t for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent", "moveTo",
                               "dir", "bdo")}
_HEADING_STYLE = re.compile(r"^(heading|titre|title|berschrift|encabezado)", re.IGNORECASE)


def _on(el) -> bool:
    if el is None:
        return False
    val = el.get(W + "val")
    return val is None or val.lower() not in ("0", "false", "off", "none")


class _DocxReader:
    def __init__(self, archive: SafeArchive):
        self.archive = archive
        self.doc = RawDocument(format="docx")
        self.out = _Collector(self.doc)

    def read(self) -> RawDocument:
        names = sorted(self.archive.names)
        headers = [n for n in names if re.fullmatch(r"word/header\d*\.xml", n)]
        footers = [n for n in names if re.fullmatch(r"word/footer\d*\.xml", n)]
        seen: set[str] = set()
        for part in headers:
            self._part(part, seen)
        body = self.archive.xml("word/document.xml").find(W + "body")
        if body is None:
            raise InvalidInput(msg.XML_CORRUPT.format(kind="Word"), field="fichier")
        self.out.start_region()
        self._walk(body)
        for part in footers:
            self._part(part, seen)
        self.doc.images.extend(Image(page=1) for _ in range(self._count_images(body)))
        return self.doc

    def _part(self, name: str, seen: set[str]) -> None:
        root = self.archive.xml(name, required=False)
        if root is None:
            return
        text = "".join(root.itertext()).strip()
        if not text or text in seen:
            return
        seen.add(text)
        self.out.start_region()
        self._walk(root)

    @staticmethod
    def _count_images(body) -> int:
        blips = body.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
        vml = body.iter("{urn:schemas-microsoft-com:vml}imagedata")
        return sum(1 for _ in blips) + sum(1 for _ in vml)

    def _walk(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self._paragraph(child)
            elif tag == W + "tbl":
                self._table(child)
            elif tag in _CONTAINERS:
                self._walk(child)

    def _paragraph(self, p) -> None:
        ppr = p.find(W + "pPr")
        style = ""
        bullet = False
        if ppr is not None:
            pstyle = ppr.find(W + "pStyle")
            style = pstyle.get(W + "val", "") if pstyle is not None else ""
            bullet = ppr.find(W + "numPr") is not None or "list" in style.lower() or "liste" in style.lower()
        heading = bool(_HEADING_STYLE.match(style))
        pieces: list[tuple[str, bool, float | None]] = []
        boxes: list = []
        self._runs(p, pieces, boxes)
        self.out.paragraph(pieces, bullet=bullet and not heading, heading=heading)
        for box in boxes:
            self.out.start_region()
            self._walk(box)

    def _runs(self, el, pieces: list, boxes: list) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "r":
                self._run(child, pieces, boxes)
            elif tag in _CONTAINERS:
                self._runs(child, pieces, boxes)

    def _run(self, r, pieces: list, boxes: list) -> None:
        rpr = r.find(W + "rPr")
        bold = False
        size = None
        if rpr is not None:
            bold = _on(rpr.find(W + "b"))
            sz = rpr.find(W + "sz")
            if sz is not None:
                try:
                    size = float(sz.get(W + "val", "0")) / 2 or None
                except ValueError:
                    size = None
        for child in r:
            tag = child.tag
            if tag == W + "t":
                pieces.append((child.text or "", bold, size))
            elif tag == W + "tab":
                pieces.append(("\t", bold, size))
            elif tag in (W + "br", W + "cr"):
                pieces.append(("\n", bold, size))
            elif tag == W + "noBreakHyphen":
                pieces.append(("-", bold, size))
            elif tag in (W + "drawing", W + "pict", MC + "AlternateContent"):
                for box in child.iter(W + "txbxContent"):
                    if not any(a.tag == MC + "Fallback" for a in box.iterancestors()):
                        boxes.append(box)

    def _table(self, tbl) -> None:
        rows: list[list[list[Line]]] = []
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not None and tr.getparent() is not tbl and tr.getparent().tag != W + "sdtContent":
                continue  # rows of nested tables are read through their cell
            cells: list[list[Line]] = []
            for tc in tr.findall(W + "tc"):
                sub = RawDocument(format="docx")
                reader = _DocxReader.__new__(_DocxReader)
                reader.archive = self.archive
                reader.doc = sub
                reader.out = _Collector(sub)
                reader.out.start_region()
                reader._walk(tc)
                cells.append(sub.lines)
            rows.append(cells)
        _emit_rows(self.doc, rows)


def read_docx(data: bytes) -> RawDocument:
    archive = SafeArchive(data, "Word")
    return _DocxReader(archive).read().finish()


# ------------------------------------------------------------------------------------------ ODT

NS_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
NS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
NS_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
NS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
NS_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
NS_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
NS_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"


class _OdtReader:
    def __init__(self, archive: SafeArchive):
        self.archive = archive
        self.doc = RawDocument(format="odt")
        self.out = _Collector(self.doc)
        self.styles: dict[str, tuple[bool, float | None, bool]] = {}  # name -> (bold, size, heading)

    def read(self) -> RawDocument:
        manifest = self.archive.xml("META-INF/manifest.xml", required=False)
        if manifest is not None and next(manifest.iter(NS_MANIFEST + "encryption-data"), None) is not None:
            raise InvalidInput(msg.ENCRYPTED_OFFICE.format(kind="OpenDocument"), field="fichier")
        styles = self.archive.xml("styles.xml", required=False)
        content = self.archive.xml("content.xml")
        for root in (styles, content):
            if root is not None:
                self._read_styles(root)
        body = content.find(NS_OFFICE + "body")
        text = body.find(NS_OFFICE + "text") if body is not None else None
        if text is None:
            raise InvalidInput(msg.XML_CORRUPT.format(kind="OpenDocument"), field="fichier")
        self.out.start_region()
        self._walk(text, bullet=False)
        self.doc.images.extend(Image(page=1) for _ in text.iter(NS_DRAW + "image"))
        return self.doc

    def _read_styles(self, root) -> None:
        for style in root.iter(NS_STYLE + "style"):
            name = style.get(NS_STYLE + "name")
            if not name:
                continue
            parent = style.get(NS_STYLE + "parent-style-name")
            bold, size, heading = self.styles.get(parent, (False, None, False)) if parent else (False, None, False)
            props = style.find(NS_STYLE + "text-properties")
            if props is not None:
                weight = props.get(NS_FO + "font-weight")
                if weight:
                    bold = weight in ("bold", "600", "700", "800", "900")
                fsize = props.get(NS_FO + "font-size", "")
                if fsize.endswith("pt"):
                    try:
                        size = float(fsize[:-2])
                    except ValueError:
                        pass
            low = name.lower()
            heading = heading or low.startswith(("heading", "titre", "title"))
            self.styles[name] = (bold, size, heading)

    def _style(self, el) -> tuple[bool, float | None, bool]:
        name = el.get(NS_TEXT + "style-name")
        return self.styles.get(name, (False, None, False)) if name else (False, None, False)

    def _walk(self, container, *, bullet: bool) -> None:
        for child in container:
            tag = child.tag
            if tag in (NS_TEXT + "p", NS_TEXT + "h"):
                self._paragraph(child, bullet=bullet, heading=tag == NS_TEXT + "h")
            elif tag == NS_TEXT + "list":
                for item in child:
                    if item.tag in (NS_TEXT + "list-item", NS_TEXT + "list-header"):
                        self._walk(item, bullet=True)
            elif tag == NS_TABLE + "table":
                self._table(child)
            elif tag in (NS_TEXT + "section", NS_TABLE + "table-rows", NS_TEXT + "index-body"):
                self._walk(child, bullet=bullet)
            elif tag == NS_DRAW + "frame":
                self._frame(child)

    def _frame(self, frame) -> None:
        for box in frame.findall(NS_DRAW + "text-box"):
            self.out.start_region()
            self._walk(box, bullet=False)

    def _paragraph(self, p, *, bullet: bool, heading: bool) -> None:
        bold, size, style_heading = self._style(p)
        pieces: list[tuple[str, bool, float | None]] = []
        frames: list = []
        if p.text:
            pieces.append((p.text, bold, size))
        self._inline(p, pieces, frames, bold, size)
        self.out.paragraph(pieces, bullet=bullet, heading=heading or style_heading)
        for frame in frames:
            self._frame(frame)

    def _inline(self, el, pieces: list, frames: list, bold: bool, size: float | None) -> None:
        for child in el:
            tag = child.tag
            if tag == NS_TEXT + "span":
                s_bold, s_size, _ = self._style(child)
                has_style = child.get(NS_TEXT + "style-name") is not None
                b = s_bold if has_style and s_bold else bold
                sz = s_size or size
                if child.text:
                    pieces.append((child.text, b, sz))
                self._inline(child, pieces, frames, b, sz)
            elif tag == NS_TEXT + "s":
                pieces.append((" " * int(child.get(NS_TEXT + "c", "1") or 1), bold, size))
            elif tag == NS_TEXT + "tab":
                pieces.append(("\t", bold, size))
            elif tag == NS_TEXT + "line-break":
                pieces.append(("\n", bold, size))
            elif tag == NS_TEXT + "a":
                if child.text:
                    pieces.append((child.text, bold, size))
                self._inline(child, pieces, frames, bold, size)
            elif tag == NS_DRAW + "frame":
                frames.append(child)
            if child.tail:
                pieces.append((child.tail, bold, size))

    def _table(self, table) -> None:
        rows: list[list[list[Line]]] = []
        for row in table.iter(NS_TABLE + "table-row"):
            if next((a for a in row.iterancestors(NS_TABLE + "table")), None) is not table:
                continue
            cells: list[list[Line]] = []
            for cell in row.findall(NS_TABLE + "table-cell"):
                sub = RawDocument(format="odt")
                reader = _OdtReader.__new__(_OdtReader)
                reader.archive = self.archive
                reader.doc = sub
                reader.out = _Collector(sub)
                reader.styles = self.styles
                reader.out.start_region()
                reader._walk(cell, bullet=False)
                cells.append(sub.lines)
            rows.append(cells)
        _emit_rows(self.doc, rows)


def read_odt(data: bytes) -> RawDocument:
    archive = SafeArchive(data, "OpenDocument")
    return _OdtReader(archive).read().finish()
