"""Plain text and RTF readers.

Text encoding: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8, then Windows-1252 (what
French Windows editors save) if the result looks like text. Anything else is refused with a
clear message rather than read as mojibake.
"""

from __future__ import annotations

import re

from tremplin.errors import InvalidInput
from tremplin.services.cv_analysis import messages as msg
from tremplin.services.cv_analysis.readers.base import Image, RawDocument, lines_from_text

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters that French text in Windows-1252 may contain besides letters, digits, punctuation.
_PLAUSIBLE_CP1252 = set(
    "«»€’‘“”–—…°²§·•›‹"  # punctuation French text uses
    "àâäéèêëîïôöùûüÿçœæÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇŒÆ"  # French letters
    "áíóúìòñãõåøßÁÍÓÚÌÒÑÃÕÅØ"  # other Western European letters (names)
)


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="strict") if _utf8_ok(data[3:]) else None)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InvalidInput(msg.TEXT_UNDECODABLE, field="fichier", hint=msg.TEXT_UNDECODABLE_HINT) from None
    if b"\x00" in data:
        from tremplin.services.cv_analysis.readers.sniff import utf16_without_bom

        encoding = utf16_without_bom(data[:2048])
        if encoding:
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError:
                pass
        raise InvalidInput(msg.TEXT_BINARY, field="fichier", hint=msg.TEXT_UNDECODABLE_HINT)
    if _utf8_ok(data):
        return _checked(data.decode("utf-8"))
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InvalidInput(msg.TEXT_UNDECODABLE, field="fichier", hint=msg.TEXT_UNDECODABLE_HINT) from None
    high = [c for c in text if ord(c) > 127]
    odd = [c for c in high if c not in _PLAUSIBLE_CP1252]
    if len(odd) > max(3, 0.1 * len(high)):
        raise InvalidInput(msg.TEXT_UNDECODABLE, field="fichier", hint=msg.TEXT_UNDECODABLE_HINT)
    return _checked(text)


def _utf8_ok(data: bytes) -> bool:
    try:
        data.decode("utf-8", errors="strict")
        return True
    except UnicodeDecodeError:
        return False


def _checked(text: str | None) -> str:
    if text is None:
        raise InvalidInput(msg.TEXT_UNDECODABLE, field="fichier", hint=msg.TEXT_UNDECODABLE_HINT)
    controls = len(_CONTROL.findall(text))
    if controls > max(5, 0.01 * len(text)):
        raise InvalidInput(msg.TEXT_UNDECODABLE, field="fichier", hint=msg.TEXT_UNDECODABLE_HINT)
    return _CONTROL.sub(" ", text)


def read_txt(data: bytes) -> RawDocument:
    return lines_from_text(decode_text(data), "txt")


_RTF_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_RTF_PICT = re.compile(rb"\\pict\b|\\shppict\b")


def read_rtf(data: bytes) -> RawDocument:
    from striprtf.striprtf import rtf_to_text

    m = _RTF_CODEPAGE.search(data[:4096])
    encoding = f"cp{m.group(1).decode()}" if m else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        # RTF is 7-bit with escapes, but some tools write raw UTF-8 (or raw Windows-1252) bytes.
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError:
            source = data.decode(encoding, errors="replace")
        text = rtf_to_text(source, encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf raises bare exceptions on malformed groups
        raise InvalidInput(msg.RTF_CORRUPT, field="fichier") from exc
    doc = lines_from_text(text, "rtf")
    if _RTF_PICT.search(data):
        doc.images.append(Image(page=1))
    return doc
