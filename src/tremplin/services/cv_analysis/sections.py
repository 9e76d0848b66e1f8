"""Split the ordered lines of a CV into sections by their French headings.

A heading is a short line whose words match a known heading ("Expériences professionnelles",
"Parcours", "Formation", "Diplômes", "Compétences", "Langues", "Centres d'intérêt", "Permis"…),
possibly letter-spaced, numbered, decorated with a pictogram or followed by a colon. A line such
as "Langues : anglais courant" opens the section and keeps its content. Lines before the first
heading, and at the top of a new column or text box, are "header" lines (name, title, contact).
A column that continues on the next page continues its section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tremplin.services.cv_analysis.lexicons import HEADING_INDEX
from tremplin.services.cv_analysis.normalise import collapse_spaced_letters, squash
from tremplin.services.cv_analysis.readers.base import Line

# Letter-spaced headings whose word spaces were lost ("COMPÉTENCESLINGUISTIQUES").
_NOSPACE = {h.replace(" ", ""): kind for h, kind in HEADING_INDEX.items() if " " in h}

_DECORATION = re.compile(r"^[\W\d_]*?(?:[IVX]{1,4}[.)]\s+)?(?=\w)", re.UNICODE)
_INLINE = re.compile(r"^\s*([^:]{2,45}?)\s*:\s*(\S.*)$")
MAX_HEADING_WORDS = 6
INLINE_KINDS = {"skills", "soft_skills", "languages", "interests", "extra", "certifications"}


@dataclass
class Block:
    kind: str  # header, experience, education, skills, soft_skills, languages, interests, extra, profile,
    # contact, certifications, volunteering, references, projects
    title: str | None = None
    heading: Line | None = None
    lines: list[Line] = field(default_factory=list)


def heading_kind(text: str, line: Line | None = None, body_size: float | None = None) -> str | None:
    """The section a heading line opens, or None if the line is not a heading."""
    raw = collapse_spaced_letters(text).strip()
    raw = _DECORATION.sub("", raw)
    raw = raw.rstrip(" :.-–—|")
    key = squash(raw)
    if not key or len(key.split()) > MAX_HEADING_WORDS:
        return None
    key = key.replace(" et ", " ").replace(" and ", " ") if key not in HEADING_INDEX else key
    if key in HEADING_INDEX:
        return HEADING_INDEX[key]
    if " " not in key and key in _NOSPACE and raw.isupper():
        return _NOSPACE[key]
    key2 = re.sub(r"^(?:mes|nos|mon|ma)\s+", "", key)
    if key2 in HEADING_INDEX:
        return HEADING_INDEX[key2]
    # "Formation & diplômes", "Compétences clés / atouts", "Expériences professionnelles (10 ans)": only when the
    # line is styled as a heading (style, capitals, larger font) — a bold "Diplôme d'ingénieur" is an entry.
    styled = line is not None and (
        line.heading_hint
        or (raw.isupper() and len(raw) > 3)
        or (body_size is not None and line.size is not None and line.size >= body_size + 1.0)
    )
    if styled:
        tokens = key.split()
        for n in range(min(len(tokens), 4), 0, -1):
            prefix = " ".join(tokens[:n])
            if prefix in HEADING_INDEX and not re.search(r"\d", raw[len(prefix) :]) and len(tokens) - n <= 2:
                return HEADING_INDEX[prefix]
    return None


def _sub_line(line: Line, start: int) -> Line:
    """The part of ``line`` from character ``start`` (same layout, shifted offset)."""
    text = line.text[start:]
    lead = len(text) - len(text.lstrip())
    return Line(
        text=text.strip(), page=line.page, x0=line.x0, top=line.top, x1=line.x1, bottom=line.bottom,
        size=line.size, bold=False, bullet=False, offset=line.offset + start + lead,
    )


def split_sections(lines: list[Line], body_size: float | None = None) -> list[Block]:
    blocks: list[Block] = [Block(kind="header")]
    current = blocks[0]
    by_column: dict[str, Block] = {}
    geometry: dict[str, tuple[float, float]] = {}
    page = lines[0].page if lines else 1
    skip_next = False
    for index, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        column = line.column
        if line.page != page and column is None and line.x0 is not None and geometry:
            # A new page read as one column after a page in columns: go on with the column it lines up with.
            fits = [k for k, (x0, x1) in geometry.items() if x0 - 12 <= line.x0 <= x1]
            if fits:
                best = max(fits, key=lambda k: geometry[k][1] - geometry[k][0])
                current = by_column[best]
        page = line.page
        if column and line.x0 is not None:
            x0, x1 = geometry.get(column, (line.x0, line.x1))
            geometry[column] = (min(x0, line.x0), max(x1, line.x1))
        if line.region_start:
            if column and column in by_column:
                current = by_column[column]
            elif current.kind != "header" or current.lines:
                current = Block(kind="header")
                blocks.append(current)
        kind = None if line.bullet else heading_kind(line.text, line, body_size)
        if kind is not None:
            title = line.text.strip()
            nxt = lines[index + 1] if index + 1 < len(lines) else None
            if nxt is not None and nxt.bold == line.bold and not nxt.bullet and len(nxt.text.split()) <= 3:
                joined = f"{title} {nxt.text.strip()}"
                joined_key = squash(collapse_spaced_letters(joined))
                if joined_key in HEADING_INDEX:
                    # A heading wrapped over two lines ("COMPÉTENCES / LINGUISTIQUES"): the whole decides.
                    title = joined
                    kind = HEADING_INDEX[joined_key]
                    skip_next = True
            current = Block(kind=kind, title=title, heading=line)
            blocks.append(current)
        else:
            m = _INLINE.match(line.text)
            inline_kind = heading_kind(m.group(1)) if m and not line.bullet else None
            if (
                inline_kind in INLINE_KINDS
                and current.kind not in ("experience", "education", "volunteering", "projects")
            ):
                current = Block(kind=inline_kind, title=m.group(1).strip(), heading=line)
                blocks.append(current)
                current.lines.append(_sub_line(line, m.start(2)))
            else:
                current.lines.append(line)
        if column:
            by_column[column] = current
    return [b for b in blocks if b.lines or b.heading is not None]
