"""Reading order of a PDF page: columns, rows, and the date tables in between.

pdfminer gives text lines with their boxes but no reading order we can trust for CVs. We look
for a vertical gutter — an x position that no line crosses over a tall stretch of the page, with
text on both sides — and read a column after the other (a full-width header above the columns
and a footer below stay where they are). A gutter whose one side is mostly dates is not a column
break but a date table ("2019 – 2021 | Vendeur"), so its rows are read across. Lines on the same
baseline are joined when they are close or when one of them is a date; far-apart fragments
(a name on the left, an address on the right) stay separate lines.
"""

from __future__ import annotations

import re
from statistics import median

from tremplin.services.cv_analysis.dates import find_date_ranges
from tremplin.services.cv_analysis.readers.base import Line

GUTTER_HALF = 3.0
MIN_SIDE_LINES = 3
MIN_RUN_SHARE = 0.3


def _is_date_line(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 45:
        return False
    ranges = find_date_ranges(stripped)
    return bool(ranges) and sum(r.span[1] - r.span[0] for r in ranges) >= 0.5 * len(stripped)


def _height(line: Line) -> float:
    return max((line.bottom or 0) - (line.top or 0), 1.0)


def _find_gutter(lines: list[Line]):
    """(x, above, left, right, below) for the best column gutter, or None."""
    if len(lines) < 2 * MIN_SIDE_LINES:
        return None
    minx = min(line.x0 for line in lines)
    maxx = max(line.x1 for line in lines)
    width = maxx - minx
    if width < 120:
        return None
    by_top = sorted(lines, key=lambda line: (line.top, line.x0))
    top0 = by_top[0].top
    height = max(line.bottom for line in lines) - top0
    best = None
    x = minx + 0.12 * width
    while x < maxx - 0.12 * width:
        runs: list[tuple[int, int]] = []
        start = 0
        for i, line in enumerate(by_top):
            if line.x0 < x - GUTTER_HALF and line.x1 > x + GUTTER_HALF:
                if i > start:
                    runs.append((start, i))
                start = i + 1
        if start < len(by_top):
            runs.append((start, len(by_top)))
        for a, b in runs:
            run = by_top[a:b]
            left = [line for line in run if line.x1 <= x + GUTTER_HALF]
            right = [line for line in run if line.x0 >= x - GUTTER_HALF]
            if len(left) < MIN_SIDE_LINES or len(right) < MIN_SIDE_LINES:
                continue
            extent = max(line.bottom for line in run) - min(line.top for line in run)
            if height > 0 and extent < MIN_RUN_SHARE * height:
                continue
            # Both sides of a real gutter run down a good part of it (a contact block aligned to the
            # right of the name is not a column).
            side_extents = [max(line.bottom for line in side) - min(line.top for line in side) for side in (left, right)]
            if min(side_extents) < 0.35 * extent:
                continue
            gap = min(line.x0 for line in right) - max(line.x1 for line in left)
            score = (min(len(left), len(right)), gap)
            if best is None or score > best[0]:
                best = (score, x, a, b, left, right)
        x += 3.0
    if best is None:
        return None
    _, x, a, b, left, right = best
    # Dates aligned to the right of the main column sit on their title's baseline: they belong to that row,
    # not to a sidebar that happens to start after them.
    edges = sorted(round(r.x0) for r in right if not _is_date_line(r.text))
    edge = edges[len(edges) // 10] if edges else None  # the column's left edge (indented bullets sit further right)
    moved = [r for r in right if _is_date_line(r.text) and any(_same_row(r, line) for line in left)
             and (edge is None or r.x0 < edge - 5)]
    if moved:
        right = [r for r in right if not any(r is m for m in moved)]
        left = left + moved
        if len(right) < MIN_SIDE_LINES:
            return None
    if _is_table(left, right):
        return None
    return x, by_top[:a], left, right, by_top[b:]


def _same_row(a: Line, b: Line) -> bool:
    return abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < 0.35 * min(_height(a), _height(b))


def _is_table(left: list[Line], right: list[Line]) -> bool:
    """A date table (dates on one side) or a label/value table read across, not two columns."""
    left_dates = sum(_is_date_line(line.text) for line in left) / len(left)
    right_dates = sum(_is_date_line(line.text) for line in right) / len(right)
    if left_dates >= 0.5 or right_dates >= 0.5:
        return True
    paired = 0
    for line in left:
        centre = (line.top + line.bottom) / 2
        if any(abs((r.top + r.bottom) / 2 - centre) < 0.35 * _height(line) for r in right):
            paired += 1
    short = sum(len(line.text.split()) <= 3 for line in left) / len(left)
    return paired / len(left) >= 0.9 and short >= 0.8


def _rows(lines: list[Line], page_width: float) -> list[Line]:
    """Group lines by baseline, join close or date fragments, keep far fragments apart."""
    ordered = sorted(lines, key=lambda line: (line.top, line.x0))
    rows: list[list[Line]] = []
    for line in ordered:
        centre = (line.top + line.bottom) / 2
        if rows:
            ref = rows[-1][0]
            ref_centre = (ref.top + ref.bottom) / 2
            if abs(centre - ref_centre) < 0.5 * min(_height(ref), _height(line)):
                rows[-1].append(line)
                continue
        rows.append([line])
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda line: line.x0)
        current = row[0]
        for nxt in row[1:]:
            gap = nxt.x0 - current.x1
            size = current.size or 10.0
            if gap < 2.5 * size:
                current = _join(current, nxt, " ")
            elif _is_date_line(nxt.text) or _is_date_line(current.text) or gap < 0.15 * page_width:
                current = _join(current, nxt, "\t")
            else:
                out.append(current)
                current = nxt
        out.append(current)
    return out


def _join(a: Line, b: Line, sep: str) -> Line:
    longest = a if len(a.text) >= len(b.text) else b
    return Line(
        text=f"{a.text.rstrip()}{sep}{b.text.lstrip()}",
        page=a.page,
        x0=min(a.x0, b.x0),
        x1=max(a.x1, b.x1),
        top=min(a.top, b.top),
        bottom=max(a.bottom, b.bottom),
        size=max(a.size or 0, b.size or 0) or None,
        bold=longest.bold,
        bullet=a.bullet,
        region_start=a.region_start,
        column=a.column,
    )


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Join a line that the layout wrapped onto the next one (same style, starts where it started,
    the first one fills the column): long titles and bullets that run over two lines."""
    if len(lines) < 2:
        return lines
    right = max(line.x1 for line in lines)
    left = min(line.x0 for line in lines)
    width = max(right - left, 1.0)
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        height = _height(prev)
        size_ok = abs((prev.size or 0) - (line.size or 0)) < 0.4
        gap = line.top - prev.bottom
        # Wrapped: the next line's first word would not have fitted at the end of this one.
        first_word = line.text.split(" ", 1)[0]
        char_width = (prev.x1 - prev.x0) / max(len(prev.text), 1)
        full = prev.x1 + char_width * (len(first_word) + 1) >= right - 0.04 * width
        aligned = prev.x0 - 2 <= line.x0 <= prev.x0 + 22
        text = prev.text.rstrip()
        range_open = bool(re.search(r"\d{2,4}\s*(?:[-–—]|\b(?:à|a|au))\s*$", text))  # "Avril 1998 -" / "Mars 2001"
        if (
            size_ok and prev.bold == line.bold and 0 <= gap < 0.8 * height and full and aligned
            and "\t" not in line.text and not text.endswith((".", ":", ";"))
            and line.page == prev.page
            and (range_open or (not _is_date_line(line.text) and not _starts_with_date(line.text)))
            and (_continues(text, line.text) or (prev.bold and re.match(r"^[-–—|]\s", line.text)))
            and (not _starts_with_bullet(line.text) or (prev.bold and re.match(r"^[-–—]\s", line.text)))
        ):
            out[-1] = _join(prev, line, " ")
            out[-1].bottom = line.bottom
            continue
        out.append(line)
    return out


_OPEN_END = {"de", "du", "des", "d", "et", "en", "la", "le", "les", "l", "a", "au", "aux", "à", "pour", "avec",
             "sur", "par", "un", "une", "chez", "dans", "ou", "&", "-", "–", "—", ",", "|"}


def _continues(prev_text: str, next_text: str) -> bool:
    """A wrapped line goes on in lower case, or the previous one stopped on a word that cannot end a phrase."""
    first = next_text.lstrip()[:1]
    if first.islower():
        return True
    last = re.split(r"[\s']", prev_text.rstrip().lower())[-1] if prev_text.strip() else ""
    return last in _OPEN_END or prev_text.rstrip().endswith((",", "-", "–", "—", "'", "’"))


def _starts_with_date(text: str) -> bool:
    ranges = find_date_ranges(text[:40])
    return bool(ranges) and ranges[0].span[0] <= 3


def _starts_with_bullet(text: str) -> bool:
    from tremplin.services.cv_analysis.readers.base import split_bullet

    return split_bullet(text)[1]


def _order(lines: list[Line], page_width: float, depth: int) -> list[Line]:
    if not lines:
        return []
    split = _find_gutter(lines) if depth < 2 else None
    if split is None:
        return _join_wrapped(_rows(lines, page_width))
    x, above, left, right, below = split
    out = _join_wrapped(_rows(above, page_width))
    for name, part in (("left", left), ("right", right), ("below", below)):
        ordered = _order(part, page_width, depth + 1)
        if ordered and name != "below":
            ordered[0].region_start = True
            key = f"{name}{depth}:{round(min(line.x0 for line in part) / 30)}"
            for line in ordered:
                line.column = line.column or key
        out.extend(ordered)
    return out


def order_page(lines: list[Line], *, page_width: float) -> list[Line]:
    """The lines of one page in reading order."""
    usable = [line for line in lines if line.x0 is not None and line.top is not None]
    if not usable:
        return lines
    return _order(usable, page_width, 0)


def body_font_size(lines: list[Line]) -> float | None:
    sizes = [line.size for line in lines if line.size]
    return median(sizes) if sizes else None
