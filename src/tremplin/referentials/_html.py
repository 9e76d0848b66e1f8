"""HTML fragments to plain text (paragraphs kept as lines, list items as « - » lines)."""

from __future__ import annotations

import html
import re

_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|tr|table|ul|ol|section|blockquote)\s*>|<br\s*/?>", re.I)
_LI = re.compile(r"<li[^>]*>", re.I)
_CELL = re.compile(r"</t[dh]\s*>", re.I)
_DROP = re.compile(r"<(script|style|button)[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def html_to_text(fragment: str | None) -> str:
    if not fragment:
        return ""
    text = _DROP.sub(" ", fragment)
    text = _LI.sub("\n- ", text)
    text = _CELL.sub(" | ", text)
    text = _BLOCK_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [_SPACES.sub(" ", line).strip(" |") for line in text.splitlines()]
    return "\n".join(line for line in lines if line and line != "-")
