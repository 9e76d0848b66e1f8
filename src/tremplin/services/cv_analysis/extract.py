"""The extractor (the service's "model"): from ordered lines and sections to profile fields.

It predicts — values with their spans and confidences — and decides nothing: which fields are
shown, masked or flagged is up to ``rules.py``; what is kept is up to the person who corrects it.

Entries (experiences, education) are found from their dates: a line carrying a date range is the
anchor of an entry; the short lines just above it (when the CV puts the title first) or on and
just below it (when the CV puts the dates first) are its header; bullets and sentences after it
are its missions. Header lines are cut into fragments at the separators people use ("—", "|",
",", "chez", "à", tabulations, parentheses) and each fragment is scored as a job title (against
the 13,120 ROME appellations), an employer (company forms and words), a place (communes,
départements) or a contract type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tremplin.services.cv_analysis import lexicons as lx
from tremplin.services.cv_analysis.dates import DateRange, YearMonth, find_date_ranges
from tremplin.services.cv_analysis.normalise import clean_fragment, fold, squash
from tremplin.services.cv_analysis.readers.base import Line, RawDocument
from tremplin.services.cv_analysis.resources import Places, TitleVocabulary
from tremplin.services.cv_analysis.schema import (
    Contact,
    DatesField,
    Education,
    Experience,
    Identity,
    Language,
    Licences,
    Mobility,
    Skill,
    Span,
    TextField,
    Vehicle,
)
from tremplin.services.cv_analysis.sections import Block, heading_kind

MAX_HEADER_WORDS = 14


def span_of(line: Line, start: int = 0, end: int | None = None) -> Span:
    end = len(line.text) if end is None else end
    return Span(start=line.offset + start, end=line.offset + end, page=line.page)


def text_field(line: Line, start: int = 0, end: int | None = None, confidence: float = 0.9,
               value: str | None = None) -> TextField:
    end = len(line.text) if end is None else end
    raw = line.text[start:end]
    cleaned = clean_fragment(raw) if value is None else value
    if value is None and cleaned:
        lead = raw.find(cleaned)
        if lead >= 0:
            start, end = start + lead, start + lead + len(cleaned)
    return TextField(value=cleaned, span=span_of(line, start, end), confidence=round(min(max(confidence, 0), 1), 3))


def dates_field(line: Line, rng: DateRange) -> DatesField:
    s, e = rng.span
    return DatesField(
        start=rng.start.iso() if rng.start else None,
        end=rng.end.iso() if rng.end else None,
        current=rng.current,
        months=rng.months(),
        text=line.text[s:e],
        span=span_of(line, s, e),
        confidence=round(rng.confidence, 3),
    )


def is_short(line: Line) -> bool:
    text = line.text.strip()
    n = len(text.split())
    return not line.bullet and n <= MAX_HEADER_WORDS and not (text.endswith(".") and n > 6)


# ------------------------------------------------------------------------------------- fragments

_SEPARATORS = re.compile(
    r"\s+[—–-]{1,2}\s+|\s*[|•·▪►]\s*|\t+|\s{3,}|,\s+|;\s*|\s+/\s+|\s*:\s+|\s*\((?!\s*\d{2,3}\s*\))|(?<!\d)\)"
    r"|\s+chez\s+|\s+@\s+|^@\s*|\s+au sein d(?:e\s+|')|\s+(?:à|a|at)\s+(?=[A-ZÀ-Ý])|^chez\s+",
)


@dataclass
class Fragment:
    text: str
    line: Line
    start: int
    end: int
    sep: str = ""  # folded separator before it


def fragments(line: Line, skip: list[tuple[int, int]] | None = None) -> list[Fragment]:
    """Cut a header line into fragments; ``skip`` spans (the dates) are left out."""
    text = line.text
    mask = list(text)
    for s, e in skip or []:
        for i in range(s, min(e, len(mask))):
            mask[i] = "\t"
    masked = "".join(mask)
    out: list[Fragment] = []
    pos = 0
    sep = ""
    for m in _SEPARATORS.finditer(masked):
        if m.start() > pos:
            out.append(Fragment(text[pos : m.start()], line, pos, m.start(), sep))
        sep = fold(m.group(0)).strip()
        pos = m.end()
    if pos < len(text):
        out.append(Fragment(text[pos:], line, pos, len(text), sep))
    cleaned = []
    for fr in out:
        value = clean_fragment(masked[fr.start : fr.end])
        if not value or not re.search(r"[A-Za-zÀ-ÿ]", value):
            continue
        lead = text.find(value, fr.start)
        start = lead if lead >= 0 else fr.start
        cleaned.append(Fragment(value, line, start, start + len(value), fr.sep))
    return cleaned


@dataclass
class Roles:
    title: Fragment | None = None
    employer: Fragment | None = None
    place: Fragment | None = None
    contract: Fragment | None = None
    title_score: float = 0.0
    place_guess: bool = False
    rest: list[Fragment] = field(default_factory=list)


_LEGAL_FORM = re.compile(r"\b(?:sas|sasu|sarl|eurl|sa|scop|snc|gie|inc|ltd|gmbh|cie)\b")


def employer_score(fr: Fragment) -> float:
    folded = fold(fr.text)
    if fr.sep in ("chez", "@", "au sein de", "au sein d'") or lx.EMPLOYER_PREFIX.match(folded):
        return 1.0
    score = 0.0
    if _LEGAL_FORM.search(folded):
        score = 0.9
    elif lx.EMPLOYER_WORDS.search(folded):
        score = 0.6
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", fr.text)
    if len(letters) >= 3 and letters.isupper():
        score = max(score, 0.35)
    return score


def place_score(fr: Fragment, places: Places) -> float:
    if fr.sep in ("a", "at"):
        return 0.9
    if re.search(r"\b\d{5}\b|\(\s*\d{2,3}\s*\)\s*$", fr.text):
        return 0.9
    return 0.8 if places.is_place(fr.text) else 0.0


def merge_known_titles(frags: list[Fragment], vocab: TitleVocabulary) -> list[Fragment]:
    """Glue back fragments that the separators cut inside a known job title
    ("Fundraiser - Collecteur", "Assistant Ressources Humaines (RH)", "Ingénieur du génie rural, des eaux…")."""
    if not vocab.forms or len(frags) < 2:
        return frags
    out: list[Fragment] = []
    i = 0
    while i < len(frags):
        merged = None
        for j in range(min(len(frags) - 1, i + 3), i, -1):
            if any(frags[k].line is not frags[i].line for k in range(i, j + 1)):
                continue
            line = frags[i].line
            text = clean_fragment(line.text[frags[i].start : frags[j].end])
            if squash(text) in vocab.forms:
                merged = Fragment(text, line, frags[i].start, frags[i].start + len(text), frags[i].sep)
                i = j + 1
                break
        if merged is None:
            out.append(frags[i])
            i += 1
        else:
            out.append(merged)
    return out


def assign_roles(frags: list[Fragment], vocab: TitleVocabulary, places: Places) -> Roles:
    roles = Roles()
    frags = merge_known_titles(frags, vocab)
    pool: list[Fragment] = []
    for fr in frags:
        if roles.contract is None and lx.CONTRACT_WORDS.match(squash(fr.text)):
            roles.contract = fr
        else:
            pool.append(fr)
    if not pool:
        return roles
    scored = []
    for i, fr in enumerate(pool):
        t = vocab.score(fr.text)
        emp = employer_score(fr)
        pl = place_score(fr, places)
        long_malus = 0.3 if len(fr.text.split()) > 9 else 0.0
        scored.append((fr, t, emp, pl, i, long_malus))
    best_title = max(scored, key=lambda s: (s[1] - 0.6 * s[2] - 0.5 * s[3] - s[5], -s[4]))
    fr, t, emp, pl, _i, _m = best_title
    if t >= 0.2 or (emp < 0.6 and pl < 0.8):
        roles.title = fr
        roles.title_score = t
    remaining = [s for s in scored if s[0] is not roles.title]
    place_candidates = [s for s in remaining if s[3] >= 0.8]
    if place_candidates:
        place = max(place_candidates, key=lambda s: (s[3] - 0.5 * s[2], s[4]))
        # A company named like a town ("Orange"): keep it as employer when nothing else can be.
        others = [s for s in remaining if s is not place and s[3] < 0.8]
        if others or place[2] < 0.6:
            roles.place = place[0]
            remaining = [s for s in remaining if s is not place]
    employers = [s for s in remaining if s[3] < 0.8 or roles.place is not None]
    if employers:
        emp_best = max(employers, key=lambda s: (s[2], -s[4]))
        if emp_best[2] > 0 or len(emp_best[0].text.split()) <= 8:
            roles.employer = emp_best[0]
    roles.rest = [s[0] for s in remaining if s[0] is not roles.employer and s[0] is not roles.place]
    if roles.place is None and roles.employer is not None:
        # A town the referential does not know (an old commune name, a place abroad): a short capitalised
        # fragment after the employer.
        after = [fr for fr in roles.rest if (fr.line is not roles.employer.line or fr.start > roles.employer.start)]
        for fr in reversed(after):
            words_ = fr.text.split()
            if 1 <= len(words_) <= 4 and fr.text[:1].isupper() and not re.search(r"\d", fr.text) \
                    and employer_score(fr) < 0.6 and vocab.score(fr.text) < 0.45:
                roles.place = fr
                roles.place_guess = True
                roles.rest = [r for r in roles.rest if r is not fr]
                break
    return roles


# --------------------------------------------------------------------------------------- entries


@dataclass
class Entry:
    header: list[Line]
    body: list[Line]
    anchor: Line | None = None
    dates: DateRange | None = None


_SEP_NEAR = re.compile(r"[|—–\-(,:\t]|\s{2,}")


def anchor_date(line: Line, *, allow_single: bool = True) -> DateRange | None:
    """The date range that makes ``line`` the anchor of an entry (at its start or end, or set apart)."""
    if line.bullet and len(line.text) > 60:
        return None
    text = line.text
    ranges = find_date_ranges(text)
    if not ranges:
        return None
    full = [r for r in ranges if r.kind in ("range", "since")]
    candidates = full or ([r for r in ranges] if allow_single else [])
    stripped_end = len(text.rstrip(" )].;"))
    for rng in candidates:
        s, e = rng.span
        before = text[max(0, s - 3) : s]
        after = text[e : e + 3]
        at_edge = s <= 2 or e >= stripped_end - 1
        set_apart = bool(_SEP_NEAR.search(before)) or bool(_SEP_NEAR.search(after))
        short = len(text.split()) <= 6
        if at_edge or set_apart or short:
            if rng.kind == "single" and not (short or at_edge):
                continue
            return rng
    return None


def _header_like(line: Line) -> bool:
    return is_short(line) and not _looks_like_mission(line)


def segment(lines: list[Line], *, allow_single: bool = True) -> list[Entry]:
    """Cut a section into entries around their date anchors (see the module docstring)."""
    anchors: list[tuple[int, DateRange]] = []
    for i, line in enumerate(lines):
        rng = anchor_date(line, allow_single=allow_single)
        if rng is not None and not (line.bullet and len(line.text.split()) > 8):
            anchors.append((i, rng))
    if not anchors:
        return _segment_without_dates(lines)
    anchor_idx = [i for i, _ in anchors]
    k_first = 0
    for j in range(anchor_idx[0] - 1, -1, -1):
        if _header_like(lines[j]) and k_first < 3:
            k_first += 1
        else:
            break
    entries: list[Entry] = []
    taken = -1  # last line index already given to an entry header
    for idx, (i, rng) in enumerate(anchors):
        before: list[int] = []
        j = i - 1
        while j > taken and len(before) < 3 and _header_like(lines[j]):
            before.insert(0, j)
            j -= 1
        if idx > 0:
            prev = entries[-1]
            prev_body = lines[taken + 1 : before[0] if before else i]
            if k_first == 0 and not any(line.bullet for line in prev_body):
                before = []
                prev_body = lines[taken + 1 : i]
            prev.body = prev_body
        elif k_first < len(before):
            before = before[len(before) - k_first :] if k_first else []
        header = [lines[b] for b in before] + [lines[i]]
        taken = i
        next_anchor = anchor_idx[idx + 1] if idx + 1 < len(anchor_idx) else len(lines)
        m = i + 1
        while m < next_anchor and m - i <= 2 and _header_like(lines[m]):
            if k_first > 0 and next_anchor - m <= k_first and not any(
                line.bullet for line in lines[m:next_anchor]
            ):
                break  # the header of the next entry
            header.append(lines[m])
            taken = m
            m += 1
        entries.append(Entry(header=header, body=[], anchor=lines[i], dates=rng))
    entries[-1].body = lines[taken + 1 :]
    return entries


def _looks_like_mission(line: Line) -> bool:
    text = line.text.strip()
    folded = fold(text)
    return bool(
        line.bullet
        or text.endswith((".", ";"))
        or re.match(r"^(?:missions?|taches?|activites?|responsabilites?|realisations?)\s*:", folded)
        or (text[:1].islower() and len(text.split()) > 3)
    )


def _segment_without_dates(lines: list[Line]) -> list[Entry]:
    entries: list[Entry] = []
    for line in lines:
        if is_short(line) and not _looks_like_mission(line) and (not entries or entries[-1].body or line.bold):
            entries.append(Entry(header=[line], body=[]))
        elif entries:
            if entries[-1].body or not is_short(line) or _looks_like_mission(line):
                entries[-1].body.append(line)
            else:
                entries[-1].header.append(line)
        else:
            entries.append(Entry(header=[line], body=[]))
    return entries


def body_items(lines: list[Line]) -> list[TextField]:
    """Bullets and sentences, with wrapped continuation lines joined to their item."""
    items: list[tuple[Line, int, int, str]] = []  # (first line, start offset, end offset, text)
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        m = re.match(r"^(?:missions?|t[âa]ches?|activit[ée]s?|responsabilit[ée]s?)\s*:\s*", text, re.IGNORECASE)
        if m and len(text) > m.end():
            text_start = m.end()
        else:
            text_start = 0
        continuation = (
            items
            and not line.bullet
            and (text[:1].islower() or not items[-1][3].rstrip().endswith((".", ";", ":", "!")))
            and not text_start
            and items[-1][3]
        )
        if continuation and len(items[-1][3]) < 400:
            first, start, _end, joined = items[-1]
            items[-1] = (first, start, line.offset + len(line.text), f"{joined} {text}")
        else:
            if m and not text[text_start:].strip():
                continue
            items.append((line, line.offset + text_start, line.offset + len(line.text), text[text_start:]))
    out = []
    for first, start, end, text in items:
        value = clean_fragment(text)
        if value:
            out.append(TextField(value=value, span=Span(start=start, end=end, page=first.page), confidence=0.8))
    return out


# ----------------------------------------------------------------------------------- experiences


def header_fragments(entry: Entry) -> list[Fragment]:
    frags: list[Fragment] = []
    for line in entry.header:
        skip = []
        if line is entry.anchor and entry.dates is not None:
            skip.append(entry.dates.span)
        for rng in find_date_ranges(line.text):
            skip.append(rng.span)
        frags.extend(fragments(line, skip))
    return frags


_ACRONYM = re.compile(r"^[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9.&/ -]{0,9}$|^\d+\s+\w+$")


def attach_acronyms(frags: list[Fragment]) -> list[Fragment]:
    """'Agent territorial … (ATSEM)', 'Assistante maternelle agréée (3 enfants)': the bracket stays with the title."""
    out: list[Fragment] = []
    for fr in frags:
        if out and fr.sep.strip() == "(" and fr.line is out[-1].line and _ACRONYM.match(fr.text) \
                and not lx.CONTRACT_WORDS.match(squash(fr.text)):
            prev = out[-1]
            end = fr.end
            close = fr.line.text.find(")", end)
            if close >= 0 and close - end <= 2:
                end = close + 1
            out[-1] = Fragment(fr.line.text[prev.start : end].strip(), fr.line, prev.start, end, prev.sep)
        else:
            out.append(fr)
    return out


def experience_from(entry: Entry, vocab: TitleVocabulary, places: Places) -> Experience | None:
    frags = attach_acronyms(header_fragments(entry))
    roles = assign_roles(frags, vocab, places)
    if roles.title is None and roles.employer is None and entry.dates is None:
        return None
    exp = Experience()
    confs = []
    if roles.title is not None:
        conf = 0.5 + 0.45 * roles.title_score
        exp.title = _frag_field(roles.title, conf)
        confs.append(conf)
    if roles.employer is not None:
        conf = 0.55 + 0.4 * employer_score(roles.employer)
        exp.employer = _frag_field(roles.employer, conf)
        confs.append(conf)
    if roles.place is not None:
        exp.place = _frag_field(roles.place, 0.5 if roles.place_guess else 0.75)
    if roles.contract is not None:
        exp.contract = _frag_field(roles.contract, 0.9)
    if entry.dates is not None and entry.anchor is not None:
        exp.dates = dates_field(entry.anchor, entry.dates)
        confs.append(entry.dates.confidence)
    exp.missions = body_items(entry.body)
    lines = entry.header + entry.body
    exp.span = Span(start=min(line.offset for line in lines), end=max(line.end for line in lines),
                    page=lines[0].page)
    exp.confidence = round(sum(confs) / len(confs), 3) if confs else 0.3
    return exp


def _frag_field(fr: Fragment, confidence: float) -> TextField:
    return TextField(value=fr.text, span=span_of(fr.line, fr.start, fr.end), confidence=round(min(confidence, 1), 3))


def extract_experiences(block_lines: list[Line], vocab: TitleVocabulary, places: Places) -> list[Experience]:
    out = []
    for entry in segment(block_lines):
        exp = experience_from(entry, vocab, places)
        if exp is not None:
            out.append(exp)
    return out


# ------------------------------------------------------------------------------------- education


def diploma_level(text: str) -> tuple[int | None, str | None, bool]:
    """(level, label, is_diploma_like) of a diploma text."""
    folded = fold(text)
    m = lx.LEVEL_MENTION.search(folded)
    level_from_mention = None
    if m:
        value = m.group(1)
        level_from_mention = int(value) if value.isdigit() else lx.OLD_LEVELS.get(value)
    for pattern, level, label in lx.DIPLOMA_PATTERNS:
        if pattern.search(folded):
            return (level_from_mention or level), label, True
    for pattern, level in lx.DIPLOMA_ABBREVIATIONS:
        if re.search(pattern, text):
            return (level_from_mention or level), None, True
    if level_from_mention:
        return level_from_mention, None, True
    if lx.OTHER_CERTIFICATES.search(folded) or lx.DIPLOMA_HEADS.match(folded):
        return None, None, True
    return None, None, False


_DETAIL_START = re.compile(r"^(?:mention|option|sp[ée]cialit[ée]|parcours|niveau|cat[ée]gories?|dominante)\b", re.I)


def attach_parentheticals(frags: list[Fragment]) -> list[Fragment]:
    """Pieces that belong to the diploma before them stay with it: a parenthesis ("(niveau 3)",
    "(diplôme de comptabilité et de gestion)"), a detail ("mention assez bien", ": assistant"),
    the rest of a list of categories ("1, 3 et 5")."""
    out: list[Fragment] = []
    for fr in frags:
        folded = fold(fr.text)
        detail = (
            fr.text[:1].islower() or fr.text[:1].isdigit() or bool(_DETAIL_START.match(fr.text))
        ) and not lx.SCHOOL_WORDS.search(folded)
        paren = fr.sep.strip() == "(" and len(fr.text.split()) <= 8 and not lx.SCHOOL_WORDS.search(folded)
        if out and fr.line is out[-1].line and (paren or detail):
            prev = out[-1]
            line = fr.line
            end = fr.end
            close = line.text.find(")", end)
            if close >= 0 and close - end <= 2:
                end = close + 1
            out[-1] = Fragment(line.text[prev.start : end].strip(), line, prev.start, end, prev.sep)
        else:
            out.append(fr)
    return out


def education_from(entry: Entry, places: Places) -> Education | None:
    frags = attach_parentheticals(header_fragments(entry))
    if not frags and entry.dates is None:
        return None
    ed = Education()
    diploma = None
    school = None
    place = None
    scored = []
    for i, fr in enumerate(frags):
        level, label, is_dip = diploma_level(fr.text)
        folded = fold(fr.text)
        sch = 1.0 if lx.SCHOOL_WORDS.search(folded) else 0.0
        pl = place_score(fr, places)
        scored.append((fr, level, label, is_dip, sch, pl, i))
    dips = [s for s in scored if s[3] and not (s[4] and not lx.DIPLOMA_HEADS.match(fold(s[0].text)))]
    if dips:
        diploma = min(dips, key=lambda s: (s[1] is None, s[6]))
    elif scored:
        non_school = [s for s in scored if not s[4] and s[5] < 0.8]
        diploma = non_school[0] if non_school else None
    rest = [s for s in scored if s is not diploma]
    schools = [s for s in rest if s[4]]
    if schools:
        school = schools[0]
    places_ = [s for s in rest if s is not school and s[5] >= 0.8]
    if places_:
        place = places_[0]
    if school is None:
        others = [s for s in rest if s is not place and not s[3]]
        if others:
            school = others[0]
    if diploma is not None:
        fr = diploma[0]
        ed.diploma = _frag_field(fr, 0.85 if diploma[3] else 0.55)
        # The diploma's wording decides; when it names no level, the rest of the header may ("Niveau 4").
        level = diploma[1]
        label = diploma[2]
        if level is None:
            all_text = " ".join(line.text for line in entry.header)
            level2, label2, _ = diploma_level(all_text)
            level, label = level2, label or label2
        ed.level = level
        ed.level_label = label
    if school is not None:
        ed.school = _frag_field(school[0], 0.8 if school[4] else 0.55)
    if place is not None:
        ed.place = _frag_field(place[0], 0.7)
    if entry.dates is not None and entry.anchor is not None:
        ed.dates = dates_field(entry.anchor, entry.dates)
        end = entry.dates.end or (None if entry.dates.current else entry.dates.start)
        ed.year = end.year if end else None
        ed.in_progress = entry.dates.current
    header_text = fold(" ".join(line.text for line in entry.header))
    if re.search(r"\ben cours\b(?! du soir| de soir| d'emploi)|\ben preparation\b|\bactuellement\b", header_text):
        ed.in_progress = True
    ed.details = body_items(entry.body)
    if ed.diploma is None and ed.school is None:
        return None
    lines = entry.header + entry.body
    ed.span = Span(start=min(line.offset for line in lines), end=max(line.end for line in lines), page=lines[0].page)
    confs = [f.confidence for f in (ed.diploma, ed.school) if f is not None]
    if ed.dates:
        confs.append(ed.dates.confidence)
    ed.confidence = round(sum(confs) / len(confs), 3)
    return ed


def extract_education(block_lines: list[Line], places: Places) -> list[Education]:
    entries = segment(block_lines)
    # Without dates, each diploma line is an entry.
    if all(e.dates is None for e in entries):
        entries = []
        for line in block_lines:
            if line.bullet and entries:
                entries[-1].body.append(line)
                continue
            _lvl, _lab, is_dip = diploma_level(line.text)
            if is_dip or not entries:
                entries.append(Entry(header=[line], body=[]))
            elif is_short(line) and len(entries[-1].header) < 3:
                entries[-1].header.append(line)
            else:
                entries[-1].body.append(line)
    out = []
    for entry in entries:
        ed = education_from(entry, places)
        if ed is not None:
            out.append(ed)
    return out


# ---------------------------------------------------------------------------------- skills & co


_ITEM_SEP = re.compile(r"\s*[,;•·|▪►]\s*|\s+[-–—]\s+|\s+/\s+")


def split_items(line: Line) -> list[tuple[str | None, TextField]]:
    """Items of a list line: "Logiciels : Word, Excel" → [("Logiciels", Word), ("Logiciels", Excel)].

    A line is cut at commas, semicolons, bullets and spaced dashes only when every piece is short
    (a list); a sentence with commas ("Informer, conseiller le patient…") stays one item.
    """
    text = line.text
    category = None
    start = 0
    m = re.match(r"^\s*([^:]{2,40}?)\s*:\s*(?=\S)", text)
    if m and len(m.group(1).split()) <= 5:
        category = clean_fragment(m.group(1))
        start = m.end()
    parts = []
    pos = start
    for sep in _ITEM_SEP.finditer(text, start):
        if sep.start() > pos:
            parts.append((pos, sep.start()))
        pos = sep.end()
    if pos < len(text):
        parts.append((pos, len(text)))
    strong = re.search(r"[;•·|▪►]", text[start:])
    if len(parts) > 1 and not strong:
        lengths = [len(text[a:b].split()) for a, b in parts]
        short_share = sum(n <= 4 for n in lengths) / len(lengths)
        if not (max(lengths) <= 6 or (len(lengths) >= 3 and short_share >= 0.65)):
            parts = [(start, len(text))]
    out = []
    for s, e in parts:
        value = clean_fragment(text[s:e])
        if value and re.search(r"[A-Za-zÀ-ÿ]", value):
            out.append((category, text_field(line, s, e, 0.8)))
    return out


def _is_soft(value: str) -> bool:
    folded = fold(value).strip(" .")
    m = lx.SOFT_SKILL_RE.search(folded)
    return bool(m) and len(folded.split()) <= 5


def extract_languages_line(line: Line) -> list[Language]:
    folded = fold(line.text)
    matches = list(lx.LANGUAGE_RE.finditer(folded))
    out = []
    for i, m in enumerate(matches):
        seg_end = matches[i + 1].start() if i + 1 < len(matches) else len(folded)
        segment_text = folded[m.end() : seg_end]
        # The level may also come before the next language on the same line only.
        cefr = None
        cm = lx.CEFR_RE.search(segment_text)
        if cm:
            cefr = cm.group(1).upper() if not cm.group(2) else cm.group(2).upper()
        level_text = None
        for word in sorted(lx.LEVEL_WORDS, key=len, reverse=True):
            pos = segment_text.find(word)
            if pos >= 0 and re.match(r"(?<![a-z])", segment_text[max(pos - 1, 0) : pos + 1] or " "):
                orig = line.text[m.end() + pos : m.end() + pos + len(word)]
                tail = re.match(r"\s*\d{2,3}", line.text[m.end() + pos + len(word) :])
                level_text = orig + (tail.group(0) if tail and word in ("toeic", "toefl", "ielts") else "")
                break
        dots = re.findall(r"[●★◼■]", line.text[m.end() : seg_end])
        empty = re.findall(r"[○☆◻□]", line.text[m.end() : seg_end])
        if level_text is None and dots:
            level_text = f"{len(dots)}/{len(dots) + len(empty)}"
        end = m.end()
        if cm:
            end = max(end, m.end() + cm.end())
        seg_clean = line.text[m.end() : seg_end].rstrip(" ,;|/-–")
        end = max(end, m.end() + len(seg_clean)) if len(seg_clean) <= 40 else end
        name = lx.LANGUAGES[m.group(1)]
        written = line.text[m.start() : m.end()]
        conf = 0.9 if (cefr or level_text) else 0.7
        out.append(Language(language=name, written=written, cefr=cefr, level_text=level_text,
                            span=span_of(line, m.start(), end), confidence=conf))
    return out


def looks_like_language_line(line: Line) -> bool:
    folded = fold(line.text).strip(" •-")
    m = lx.LANGUAGE_RE.match(folded)
    if not m:
        return False
    rest = folded[m.end() :]
    return bool(lx.CEFR_RE.search(rest) or any(w in rest for w in ("courant", "maternelle", "notions", "bilingue",
                                                                     "scolaire", "intermediaire", "natif", "lu",
                                                                     "toeic", "debutant", "professionnel")))


def extract_skills(lines: list[Line]) -> tuple[list[Skill], list[TextField], list[Language]]:
    skills: list[Skill] = []
    soft: list[TextField] = []
    languages: list[Language] = []
    for line in lines:
        if looks_like_language_line(line):
            languages.extend(extract_languages_line(line))
            continue
        for category, item in split_items(line):
            if _is_soft(item.value):
                soft.append(item)
            else:
                skills.append(Skill(value=item.value, category=category, span=item.span, confidence=item.confidence))
    return skills, soft, languages


def extract_list(lines: list[Line]) -> list[TextField]:
    out = []
    for line in lines:
        for _cat, item in split_items(line):
            out.append(item)
    return out


def extract_lines(lines: list[Line]) -> list[TextField]:
    """One item per line (certifications: "Habilitation électrique B2V, BR, BC" is one item)."""
    return [text_field(line, 0, len(line.text), 0.8) for line in lines if clean_fragment(line.text)]


def extract_soft_from_text(lines: list[Line]) -> list[TextField]:
    out = []
    for line in lines:
        folded = fold(line.text)
        for m in lx.SOFT_SKILL_RE.finditer(folded):
            out.append(text_field(line, m.start(), m.end(), 0.6))
    return out


# -------------------------------------------------------------------------- licences, mobility


def extract_licences(lines: list[Line]) -> Licences | None:
    found: list[str] = []
    first: tuple[Line, int, int] | None = None
    pending = False
    none_stated = False
    for line in lines:
        folded = fold(line.text)
        if lx.NO_LICENCE_RE.search(folded):
            none_stated = True
            m = lx.NO_LICENCE_RE.search(folded)
            first = first or (line, m.start(), m.end())
            continue
        for m in lx.LICENCE_RE.finditer(line.text):
            cats = re.findall(r"\b(AM|A1|A2|A|B1|BE|B|C1E|C1|CE|C|D1E|D1|DE|D|EB|EC|ED)\b", m.group(1), re.IGNORECASE)
            for cat in cats:
                cat = cat.upper()
                cat = {"EB": "BE", "EC": "CE", "ED": "DE"}.get(cat, cat)
                if cat not in found:
                    found.append(cat)
            if lx.LICENCE_PENDING_RE.search(line.text[m.end() : m.end() + 40]) or lx.LICENCE_PENDING_RE.search(
                line.text[max(0, m.start() - 5) : m.end()]
            ):
                pending = True
            if first is None:
                first = (line, m.start(), m.end())
        if "permis" in folded:
            for word, cat in lx.LICENCE_WORDS.items():
                pos = folded.find(word)
                if pos >= 0 and cat and cat not in found:
                    found.append(cat)
                    first = first or (line, pos, pos + len(word))
    if not found and not none_stated:
        return None
    line, s, e = first
    order = ["AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"]
    found.sort(key=lambda c: order.index(c) if c in order else len(order))
    return Licences(categories=found, pending=pending, none_stated=none_stated and not found,
                    text=line.text[s:e].strip(), span=span_of(line, s, e), confidence=0.9 if found else 0.7)


_VEHICLE_ADJ = re.compile(
    r"\bv[ée]hicule\s+(?:personnel|perso)\b|\bvoiture\s+(?:personnelle|perso)\b"
    r"|\b(?:poss[eè]de|dispose\s+d['’]un)\s+v[ée]hicule\b"
    r"|\bv[ée]hicul[ée](?:e|\(e\))?(?![a-zà-ÿ])|(?:^|[,;|(–—-]\s*)motoris[ée](?:e|\(e\))?\b",
    re.IGNORECASE,
)


def extract_vehicle(lines: list[Line]) -> Vehicle | None:
    """"Véhiculé(e)", "véhicule personnel"… (the noun alone, "conduite de véhicules", says nothing)."""
    for line in lines:
        folded = fold(line.text)
        m = lx.NO_VEHICLE_RE.search(folded)
        if m:
            return Vehicle(has_vehicle=False, text=line.text[m.start() : m.end()], span=span_of(line, m.start(), m.end()))
        m = _VEHICLE_ADJ.search(line.text)
        if m and (m.group(0).lower().endswith(("é", "ée", "é(e)")) or "vehicule" not in fold(m.group(0))
                  or re.search(r"personnel|perso|poss|dispose", fold(m.group(0)))):
            return Vehicle(has_vehicle=True, text=m.group(0), span=span_of(line, m.start(), m.end()))
    return None


def extract_mobility(lines: list[Line]) -> Mobility | None:
    best: Mobility | None = None
    for line in lines:
        folded = fold(line.text)
        if not lx.MOBILITY_RE.search(folded) or heading_kind(line.text) is not None:
            continue
        radius = lx.RADIUS_RE.search(line.text)
        national = bool(lx.NATIONAL_RE.search(line.text))
        rest = re.sub(r"(?i)^\s*mobilit[ée](?:\s+g[ée]ographique)?\s*:?\s*", "", line.text)
        zones = []
        for part in re.split(r"[,;/]|\bet\b", re.sub(lx.RADIUS_RE, " ", rest)):
            part = clean_fragment(re.sub(r"(?i)\b(?:autour\s+d[e']|dans un rayon de|sur|mobile|en)\b", " ", part))
            part = re.sub(r"\s{2,}", " ", part).strip()
            if part and len(part.split()) <= 4 and not lx.NATIONAL_RE.fullmatch(part):
                if re.search(r"[A-ZÀ-Ý]", part[:1]):
                    zones.append(part)
        found = Mobility(text=line.text.strip(), radius_km=int(radius.group(1)) if radius else None,
                         national=national, zones=zones, span=span_of(line),
                         confidence=0.8 if (radius or national or zones) else 0.6)
        if best is None or found.confidence > best.confidence:
            best = found
    return best


# ------------------------------------------------------------------------------ identity, contact


_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÝŒ][A-Za-zÀ-ÿœŒ'’\-]*\.?$")
_CIVILITY = re.compile(r"^(?:M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle)\s+", re.IGNORECASE)
_NAME_LABEL = re.compile(r"^(?:nom(?:\s+et\s+pr[ée]nom)?|pr[ée]nom(?:\s+et\s+nom)?|nom\s+complet)\s*:\s*(.+)$",
                         re.IGNORECASE)


def name_candidates(lines: list[Line], vocab: TitleVocabulary) -> list[tuple[float, Line, int, int]]:
    sizes = [line.size for line in lines if line.size]
    max_size = max(sizes) if sizes else None
    out = []
    for rank, line in enumerate(lines[:25]):
        text = line.text.strip()
        start = line.text.find(text)
        m = _NAME_LABEL.match(text)
        if m:
            out.append((3.0, line, start + m.start(1), start + len(text)))
            continue
        civ = _CIVILITY.match(text)
        if civ:
            start += civ.end()
            text = text[civ.end() :]
        # "Karim BENALI  -  karim.benali@…  -  06…": the name may share its line with the contact.
        head = re.split(r"\s+[-–—|•·]\s+|\s{3,}|\t|,\s", text)[0]
        if head != text and (lx.EMAIL_RE.search(text) or lx.PHONE_RE.search(text)):
            text = head.strip()
        tokens = text.split()
        if not 2 <= len(tokens) <= 4 or not all(_NAME_TOKEN.match(t) for t in tokens):
            continue
        if heading_kind(text) is not None or lx.EMAIL_RE.search(text) or any(c.isdigit() for c in text):
            continue
        folded = fold(text)
        if lx.LANGUAGE_RE.search(folded) or lx.SOFT_SKILL_RE.search(folded):
            continue
        score = 1.0 - 0.04 * rank
        title_like = vocab.score(text)
        score -= 1.2 * title_like
        if lx.EMPLOYER_WORDS.search(folded) or lx.SCHOOL_WORDS.search(folded):
            score -= 0.8
        if max_size and line.size and line.size >= max_size - 0.1:
            score += 1.0
        if any(t.isupper() and len(t) > 1 for t in tokens):
            score += 0.3
        if line.bold:
            score += 0.2
        if civ:
            score += 0.5
        out.append((score, line, start, start + len(text)))
    out.sort(key=lambda c: -c[0])
    return out


def extract_identity(header_lines: list[Line], all_lines: list[Line], vocab: TitleVocabulary) -> tuple[Identity, Line | None]:
    cands = name_candidates(header_lines, vocab) or name_candidates(all_lines[:12], vocab)
    if not cands or cands[0][0] < 0.2:
        return Identity(), None
    score, line, s, e = cands[0]
    value = clean_fragment(line.text[s:e])
    tokens = value.split()
    upper = [t for t in tokens if t.isupper() and len(t) > 1]
    if upper and len(upper) < len(tokens):
        last = " ".join(upper)
        first = " ".join(t for t in tokens if t not in upper)
    else:
        first, last = tokens[0], " ".join(tokens[1:])
    conf = max(0.3, min(0.97, 0.5 + 0.25 * score))
    return Identity(full_name=text_field(line, s, e, conf, value=value), first_name=first, last_name=last), line


def extract_contact(lines: list[Line], header_lines: list[Line], places: Places) -> tuple[Contact, set[int]]:
    contact = Contact()
    used: set[int] = set()
    seen_emails: set[str] = set()
    seen_phones: set[str] = set()
    for line in lines:
        for m in lx.EMAIL_RE.finditer(line.text):
            value = m.group(0).strip(".")
            if value.lower() not in seen_emails:
                seen_emails.add(value.lower())
                contact.emails.append(text_field(line, m.start(), m.start() + len(value), 0.99, value=value))
                used.add(id(line))
        for m in lx.PHONE_RE.finditer(line.text):
            digits = re.sub(r"\D", "", m.group(0))
            if digits.startswith("0033"):
                digits = "0" + digits[4:]
            elif digits.startswith("33"):
                digits = "0" + digits[2:]
            digits = digits.replace("00", "0", 1) if digits.startswith("00") else digits
            if digits not in seen_phones:
                seen_phones.add(digits)
                contact.phones.append(text_field(line, m.start(), m.end(), 0.95, value=m.group(0).strip()))
                used.add(id(line))
        for m in lx.URL_RE.finditer(line.text):
            contact.urls.append(text_field(line, m.start(), m.end(), 0.9, value=m.group(0).rstrip(".,)")))
            used.add(id(line))
    # Address: a street line and/or a postcode + town, in the header or contact lines.
    for line in header_lines:
        text = line.text
        cleaned = lx.CONTACT_LABELS.sub("", text)
        offset = len(text) - len(cleaned)
        masked = cleaned
        for rx in (lx.EMAIL_RE, lx.PHONE_RE, lx.URL_RE):
            masked = rx.sub(lambda mm: " " * len(mm.group(0)), masked)
        street = lx.STREET_RE.search(masked)
        pc = None
        for candidate in lx.POSTCODE_RE.finditer(masked):
            if re.fullmatch(r"(?:19|20)\d{2}\d", candidate.group(1).replace(" ", "")):
                continue
            pc = candidate
            break
        if contact.address is None and (street or pc):
            seg_start = street.start() if street else pc.start()
            seg_end = pc.end() if pc else len(masked.rstrip())
            value = clean_fragment(masked[seg_start:seg_end])
            if value:
                contact.address = text_field(line, offset + seg_start, offset + seg_end, 0.8 if pc else 0.6,
                                             value=re.sub(r"\s{2,}", " ", value))
                used.add(id(line))
        cp = lx.CITY_POSTCODE_RE.search(masked)
        if cp and contact.postcode is None and not street:
            code = cp.group(2).replace(" ", "")
            city = cp.group(1).strip()
            contact.postcode = text_field(line, offset + cp.start(2), offset + cp.end(2), 0.85, value=code)
            contact.city = text_field(line, offset + cp.start(1), offset + cp.start(1) + len(city), 0.8, value=city)
            contact.commune_code = places.commune_code(code, city)
            used.add(id(line))
        if pc and contact.postcode is None and not cp:
            code = pc.group(1).replace(" ", "")
            contact.postcode = text_field(line, offset + pc.start(1), offset + pc.end(1), 0.85, value=code)
            city = (pc.group(2) or "").strip(" ,-")
            city = re.split(r"\s{2,}|\s[-–|]\s", city)[0].strip() if city else ""
            if city:
                cstart = masked.find(city, pc.end(1))
                contact.city = text_field(line, offset + cstart, offset + cstart + len(city), 0.8, value=city)
            contact.commune_code = places.commune_code(code, city)
    return contact, used


# ------------------------------------------------------------------------------------ target job


def extract_target(blocks: list[Block], name_line: Line | None, vocab: TitleVocabulary,
                   skip: set[int]) -> TextField | None:
    candidates = [b for b in blocks if b.kind in ("header", "profile", "contact")]
    for block in candidates:
        for line in ([block.heading] if block.kind == "profile" and block.heading else []) + block.lines:
            m = lx.TARGET_PREFIX.match(line.text.strip())
            if m and block.heading is not line:
                lead = len(line.text) - len(line.text.lstrip())
                rest = line.text[lead + m.end() :]
                if rest.strip():
                    end = lead + m.end() + len(re.split(r"[.;]", rest)[0])
                    return text_field(line, lead + m.end(), end, 0.9)
            if block.kind == "profile" and block.heading is line:
                continue
    # The line right under the name, when it reads like a job title.
    header_lines = [line for b in blocks if b.kind == "header" for line in b.lines]
    if name_line is not None and name_line in header_lines:
        idx = header_lines.index(name_line)
        window = header_lines[idx + 1 : idx + 8]
    else:
        window = header_lines[:8]
    best = None
    for line in window:
        if id(line) in skip or lx.EMAIL_RE.search(line.text) or lx.PHONE_RE.search(line.text):
            continue
        text = line.text.split("\t")[0].strip()
        if len(text.split()) > 10 or re.search(r"\d{3,}", text):
            continue
        score = vocab.score(re.split(r"\s[-–—|]\s|,", text)[0])
        if score >= 0.45 and (best is None or score > best[0]):
            best = (score, line)
    if best is not None:
        line = best[1]
        head = line.text.split("\t")[0].strip()
        parts = re.split(r"\s[-–—|]\s", head)
        keep = parts[0]
        for part in parts[1:]:
            if re.search(r"\d|exp[ée]rience|permis|disponible|\bcdi\b|\bcdd\b|@", part, re.IGNORECASE):
                break
            keep = head[: head.find(part) + len(part)]
        start = line.text.find(keep)
        return text_field(line, start, start + len(keep), 0.5 + 0.4 * best[0])
    for block in candidates:
        for line in block.lines:
            m = lx.TARGET_INLINE.search(line.text)
            if m:
                return text_field(line, m.start(1), m.end(1), 0.7)
    return None


# ------------------------------------------------------------------------------------- flags


@dataclass
class Flag:
    kind: str
    line: Line
    start: int
    end: int


_FLAG_ANYWHERE = {"date_of_birth", "nationality", "social_security", "birthplace"}


def find_flags(blocks: list[Block]) -> list[Flag]:
    flags: list[Flag] = []
    for block in blocks:
        personal = block.kind in ("header", "contact", "extra", "interests", "profile", "references")
        for line in block.lines:
            for kind, rx in lx.PROTECTED_PATTERNS:
                if kind not in _FLAG_ANYWHERE and not personal:
                    continue
                if kind == "age" and len(line.text.split()) > 8:
                    continue
                if kind == "social_security" and lx.PHONE_RE.search(line.text):
                    continue
                m = rx.search(line.text)
                if m:
                    flags.append(Flag(kind, line, m.start(), m.end()))
    return flags


def all_lines(doc: RawDocument) -> list[Line]:
    return doc.lines


def months_of_experience(experiences: list[Experience]) -> int | None:
    """Total months covered by dated experiences, overlaps counted once."""
    intervals = []
    for exp in experiences:
        d = exp.dates
        if d is None or d.start is None:
            continue
        start = YearMonth.parse(d.start)
        if d.current:
            from datetime import date

            today = date.today()
            end = YearMonth(today.year, today.month)
        else:
            end = YearMonth.parse(d.end) if d.end else None
        if start is None or end is None:
            continue
        s = start.year * 12 + (start.month or 1) - 1
        e = end.year * 12 + (end.month or 12) - 1
        if e >= s:
            intervals.append((s, e))
    if not intervals:
        return None
    intervals.sort()
    total = 0
    cur_s, cur_e = intervals[0]
    for s, e in intervals[1:]:
        if s <= cur_e + 1:
            cur_e = max(cur_e, e)
        else:
            total += cur_e - cur_s + 1
            cur_s, cur_e = s, e
    total += cur_e - cur_s + 1
    return total
