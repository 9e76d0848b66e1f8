"""Cut a text into plain and highlighted segments from character spans (for offers and CVs)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Segment:
    text: str
    marks: list[int] = field(default_factory=list)  # numbers of the findings covering this segment


def segments(text: str, spans: list[tuple[int, int, int]]) -> list[Segment]:
    """``spans``: (start, end, number). Overlapping spans are split so every character knows all
    the findings that cover it; spans outside the text are clipped or ignored."""
    text = text or ""
    size = len(text)
    cuts = {0, size}
    clean = []
    for start, end, number in spans:
        start, end = max(0, int(start)), min(size, int(end))
        if end <= start:
            continue
        clean.append((start, end, number))
        cuts.update((start, end))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:], strict=False):
        marks = sorted({n for s, e, n in clean if s <= a and b <= e})
        if out and out[-1].marks == marks:
            out[-1].text += text[a:b]
        else:
            out.append(Segment(text[a:b], marks))
    return out
