"""Which format a file really is (from its first bytes), and whether its name and declared type agree."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from tremplin.errors import InvalidInput
from tremplin.services.cv_analysis import messages as msg

EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".doc": "doc",
}
# Word often saves RTF under a .doc name; that is harmless and common.
ACCEPTED_MISMATCHES = {("doc", "rtf")}
SUPPORTED_FORMATS = ("pdf", "docx", "odt", "rtf", "txt")

CONTENT_TYPES = {
    "pdf": {"application/pdf", "application/x-pdf"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "rtf": {"application/rtf", "text/rtf", "application/msword"},
    "txt": {"text/plain", "text/markdown"},
}
GENERIC_CONTENT_TYPES = {"", "application/octet-stream", "binary/octet-stream", "application/x-download"}

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM")


def sniff(data: bytes) -> str:
    """The format from the content: pdf, docx, odt, rtf, txt, or an unsupported kind (doc, image, zip, binary)."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    if head.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data[:1_000_000]:
            return "office-encrypted"
        return "doc"
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return "rtf"
    if any(head.startswith(sig) for sig in _IMAGES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "txt"
    if b"\x00" in head:
        return "txt" if utf16_without_bom(head) else "binary"
    return "txt"


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte is NUL (ASCII-range text in UTF-16), else None."""
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 8:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                    if mimetype == "application/vnd.oasis.opendocument.text":
                        return "odt"
                    if "spreadsheet" in mimetype:
                        return "ods"
            if "word/document.xml" in names:
                return "docx"
            if any(n.startswith("xl/") for n in names):
                return "xlsx"
            if any(n.startswith("ppt/") for n in names):
                return "pptx"
            if "content.xml" in names:
                return "odt"
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    return "zip"


def extension_format(filename: str | None) -> tuple[str, str | None]:
    """(extension, format it announces) — format None when the extension is unknown or absent."""
    if not filename:
        return "", None
    ext = PurePath(filename).suffix.lower()
    return ext, EXTENSIONS.get(ext)


def check_format(data: bytes, filename: str | None, content_type: str | None = None) -> str:
    """The format to read, after checking that the content is supported and agrees with the name and type."""
    actual = sniff(data)
    ext, announced = extension_format(filename)
    name = PurePath(filename).name if filename else "document"
    if ext and announced is None:
        raise InvalidInput(msg.UNKNOWN_EXTENSION.format(ext=ext), field="fichier", hint=f"formats acceptés : {msg.SUPPORTED}")
    if actual == "office-encrypted":
        raise InvalidInput(msg.ENCRYPTED_OFFICE.format(kind="Word"), field="fichier", hint=msg.PDF_PASSWORD_HINT)
    if actual == "zip" and announced in ("docx", "odt"):
        kind = "Word" if announced == "docx" else "OpenDocument"
        raise InvalidInput(msg.ZIP_CORRUPT.format(kind=kind), field="fichier")
    if actual == "binary" and announced in (None, "txt"):
        raise InvalidInput(msg.TEXT_BINARY, field="fichier", hint=f"formats acceptés : {msg.SUPPORTED}")
    if actual not in SUPPORTED_FORMATS:
        hint = msg.OLD_WORD_HINT if actual == "doc" else msg.IMAGE_HINT if actual == "image" else (
            f"formats acceptés : {msg.SUPPORTED}"
        )
        raise InvalidInput(msg.UNSUPPORTED_FORMAT.format(actual=msg.FORMAT_NAMES.get(actual, actual)), field="fichier",
                           hint=hint)
    if announced and announced != actual and (announced, actual) not in ACCEPTED_MISMATCHES:
        raise InvalidInput(
            msg.EXTENSION_MISMATCH.format(name=name, ext=ext, actual=msg.FORMAT_NAMES.get(actual, actual)),
            field="fichier",
            hint="renommez le fichier avec la bonne extension ou déposez le bon fichier",
        )
    if content_type is not None:
        declared = content_type.split(";")[0].strip().lower()
        if declared not in GENERIC_CONTENT_TYPES and declared not in CONTENT_TYPES.get(actual, set()):
            raise InvalidInput(
                msg.CONTENT_TYPE_MISMATCH.format(declared=declared, actual=msg.FORMAT_NAMES.get(actual, actual)),
                field="content-type",
            )
    return actual
