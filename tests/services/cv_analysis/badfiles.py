"""Hostile and broken files, built in memory for the bad-input tests (nothing committed)."""

from __future__ import annotations

import io
import zipfile
import zlib


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A syntactically complete PDF (header, numbered objects, xref, trailer) around raw object bodies."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def flate_bomb_pdf(decompressed_mb: int = 64) -> bytes:
    payload = zlib.compress(b"0" * (decompressed_mb * 1024 * 1024), 9)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(payload) + payload + b"\nendstream"
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream,
    ])


def javascript_pdf() -> bytes:
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Bonjour) Tj ET\nendstream",
        b"<< /S /JavaScript /JS (app.alert\\('bonjour'\\);) >>",
    ])


def encrypted(pdf: bytes, user_password: str, owner_password: str = "proprietaire") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def scanned_pdf() -> bytes:
    """A page that is only a picture (what a scanner produces): no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (600, 800), 255)
    pen = ImageDraw.Draw(img)
    for y in range(60, 760, 24):
        pen.rectangle((50, y, 50 + (y * 7) % 450, y + 8), fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, 595, 842)
    c.showPage()
    c.save()
    return out.getvalue()


def zip_bomb(kind: str, size_mb: int = 40) -> bytes:
    """A DOCX or ODT whose main XML part expands about a thousand times."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        if kind == "odt":
            z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
            part = "content.xml"
        else:
            z.writestr("[Content_Types].xml", "<Types/>")
            part = "word/document.xml"
        head = b'<?xml version="1.0"?><doc>'
        z.writestr(part, head + b" " * (size_mb * 1024 * 1024) + b"</doc>")
    return buf.getvalue()


def docx_with_entities() -> bytes:
    """A DOCX whose document.xml declares entities (the "billion laughs" shape)."""
    xml = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (20, 20), (255, 0, 0)).save(buf, format="PNG")
    return buf.getvalue()


OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
