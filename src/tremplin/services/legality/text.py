"""Text preparation for the detectors: HTML removal, folding, offset mapping, clauses.

Detectors match on a *folded* copy of each field (lower case, accents removed,
apostrophes and spaces unified) that has exactly the same length as the cleaned
text, so a match position is also a position in the cleaned text. When HTML had
to be removed, ``offsets`` maps each cleaned character back to the raw field, so
spans in findings always point into the text the recruiter wrote.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tremplin.services.legality.alternation import (
    by_first_char,
    compile_skipping,
    compile_with_hints,
    top_level_alternatives,
)

# One-to-one character folding: lower case is applied first, then this table. « ¿ » is how a narrow no-break
# space (thousands separator) often comes out of a bad re-encoding (« 2¿100,00€ »): read as a space.
_FOLD_GROUPS = {
    "a": "àáâãäåā", "c": "çćč", "e": "èéêëēėę", "i": "ìíîïī", "n": "ñń", "o": "òóôõöō",
    "u": "ùúûüū", "y": "ýÿ", "z": "ž", "s": "š", "l": "łŀ", "'": "’‘ʼ`´",
    " ": "\u00a0\u202f\u2009\u2007\u2002\u2003\t\u00bf", "-": "–—‐‑−", '"': "«»“”",
}
_FOLD_TABLE = str.maketrans({ch: target for target, chars in _FOLD_GROUPS.items() for ch in chars})

_TAG = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|!--.*?--)>", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_BLOCK_TAGS = re.compile(r"^</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|table|section|article)\b", re.I)
_LOOKS_HTML = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]{2,8}|#\d{2,5});")


# Fast path: most French text is Latin-1 once a few typographic characters are replaced; Latin-1 text folds
# with one bytes.translate (same length, one byte per character).
_NON_LATIN1 = {ch: target for target, chars in _FOLD_GROUPS.items() for ch in chars if ord(ch) > 255}
_NON_LATIN1.update({"œ": "œ"})  # kept as is (not Latin-1): handled by the slow path
_BYTES_TABLE = bytes(
    ord(_FOLD_TABLE.get(i, chr(i))) if isinstance(_FOLD_TABLE.get(i, chr(i)), str) and
    ord(_FOLD_TABLE.get(i, chr(i))) < 256 else (_FOLD_TABLE.get(i) if isinstance(_FOLD_TABLE.get(i), int) and
                                               _FOLD_TABLE.get(i) < 256 else i)
    for i in range(256)
)
_REPLACE_FIRST = tuple((ch, tgt) for ch, tgt in _NON_LATIN1.items() if ch != "œ")


# Letters of Central European and Turkish alphabets (ă ș ț ı ł ő ğ…) become their base letter, one for one, so that
# a passage in those languages is read as words rather than « ? » (Latin-1 letters are folded further down).
_EXTENDED = {}
for _cp in range(0x100, 0x250):
    _ch = chr(_cp)
    _base = unicodedata.normalize("NFKD", _ch)[:1].lower()
    if _base.isascii() and _base.isalpha() and _ch not in _NON_LATIN1:
        _EXTENDED[_cp] = _base
_EXTENDED.update({ord("ı"): "i", ord("ł"): "l", ord("đ"): "d", ord("ħ"): "h", ord("ŧ"): "t"})
_HAS_EXTENDED = re.compile("[\u0100-\u024f]")
_ELISION = re.compile(r"(?<![a-z0-9'])(d|l|qu) (?=[aeiouyh][a-z])")

_PROTECT = (("€", "\x80"), ("œ", "\x81"))
_BULLETS = ("•", "\uf0a7", "▪", "►", "✓", "✔", "…")


def is_latin1(text: str) -> bool:
    """Whether every character of ``text`` is Latin-1 (below U+0100): then no pattern that looks for characters
    beyond it can match. Python stores such a text one byte per character, and encodes it by a copy."""
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def fold(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with the same length.

    Typographic spaces, apostrophes, dashes and quotes become their ASCII forms, bullets become line breaks,
    « € » and « œ » are kept, any other character outside Latin-1 (emoji…) becomes « ? ».
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (İ) grow when lowered; keep lengths aligned
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    if lowered.isascii():
        return lowered.replace("\t", " ") if "\t" in lowered else lowered
    if is_latin1(lowered):
        # the usual case: every replacement of _fold_beyond_latin1 is of characters beyond Latin-1, the table alone
        # folds the text
        return lowered.encode("latin-1").translate(_BYTES_TABLE).decode("latin-1")
    return _fold_beyond_latin1(lowered)


def _fold_beyond_latin1(lowered: str) -> str:
    """:func:`fold` of a lower-cased text that is not ASCII."""
    for ch, tgt in _REPLACE_FIRST:
        if ch in lowered:
            lowered = lowered.replace(ch, tgt)
    for ch in _BULLETS:
        if ch in lowered:
            lowered = lowered.replace(ch, "\n")
    if _HAS_EXTENDED.search(lowered):
        # str.translate with a table looks up every character of the text; replacing only the few distinct letters
        # present is the same result (one ASCII letter each) at a fraction of the cost (« œ » alone is common)
        for ch in set(_HAS_EXTENDED.findall(lowered)):
            base = _EXTENDED.get(ord(ch))
            if base is not None:
                lowered = lowered.replace(ch, base)
    protected = [(ch, tgt) for ch, tgt in _PROTECT if ch in lowered]
    for ch, tgt in protected:
        lowered = lowered.replace(ch, tgt)
    out = lowered.encode("latin-1", errors="replace").translate(_BYTES_TABLE).decode("latin-1")
    for ch, tgt in protected:
        out = out.replace(tgt, ch)
    return out


_WORD_TABLE = bytes(i if (48 <= i <= 57 or 97 <= i <= 122) else 32 for i in range(256))


def words_of(folded: str) -> frozenset[str]:
    """The set of [a-z0-9]+ tokens of a folded text (fast path through Latin-1)."""
    if "œ" in folded:
        folded = folded.replace("œ", "oe")
    raw = folded.encode("latin-1", errors="replace")
    return frozenset(raw.translate(_WORD_TABLE).decode("ascii").split())


def looks_like_html(text: str) -> bool:
    # every tag starts with « < » and every entity with « & »: a substring test spares most texts the regex
    return ("<" in text or "&" in text) and bool(_LOOKS_HTML.search(text))


def strip_html(raw: str) -> tuple[str, list[int] | None]:
    """Remove tags and decode entities. Returns (clean text, clean→raw offsets or None if unchanged)."""
    if not looks_like_html(raw):
        return raw, None
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    pattern = re.compile(_TAG.pattern + "|" + _ENTITY.pattern, re.S)
    for match in pattern.finditer(raw):
        start, end = match.span()
        if start > pos:
            out.append(raw[pos:start])
            offsets.extend(range(pos, start))
        token = match.group(0)
        if token.startswith("&"):
            decoded = html.unescape(token)
            if decoded == token:  # unknown entity: keep as written
                decoded = token
            out.append(decoded)
            offsets.extend([start] * len(decoded))
        else:
            # A tag becomes a separator so that words on either side do not merge.
            sep = "\n" if _BLOCK_TAGS.match(token) else " "
            out.append(sep)
            offsets.append(start)
        pos = end
    if pos < len(raw):
        out.append(raw[pos:])
        offsets.extend(range(pos, len(raw)))
    offsets.append(len(raw))  # end sentinel
    return "".join(out), offsets


# Quotes around a word inside a criterion (« français « de naissance » exigé », « pas de "seniors" ») break the
# patterns that read the words in a row: the marks and the space inside them are left out of the clean text (the
# offsets still point at the raw text, so the evidence is quoted as written).
_QUOTE_MARKS = re.compile(r"«[^\S\n]*|[^\S\n]*»|[“”„\"]")


def _drop_quotes(clean: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
    if offsets is None:
        offsets = list(range(len(clean) + 1))
    parts: list[str] = []
    kept: list[int] = []
    pos = 0
    for m in _QUOTE_MARKS.finditer(clean):
        parts.append(clean[pos:m.start()])
        kept.extend(offsets[pos:m.start()])
        if 0 < m.start() and m.end() < len(clean) and clean[m.start() - 1].isalnum() and clean[m.end()].isalnum():
            parts.append(" ")  # « mot"autre »: the words stay apart
            kept.append(offsets[m.start()])
        pos = m.end()
    parts.append(clean[pos:])
    kept.extend(offsets[pos:])  # with the end sentinel
    return "".join(parts), kept


def _prepare(source: str) -> tuple[str, list[int] | None, str, frozenset[str]]:
    """Clean text, clean→raw offsets, folded text and words of a field."""
    clean, offsets = strip_html(source)
    if "«" in clean or "»" in clean or "\"" in clean or "“" in clean or "”" in clean or "„" in clean:
        clean, offsets = _drop_quotes(clean, offsets)
    folded = fold(clean)
    if "/r/n" in folded:  # exports that wrote « \r\n » as text: keep the length, make it a line break
        folded = folded.replace("/r/n", "   \n")
    if " d " in folded or " l " in folded or " qu " in folded:
        # SMS style without apostrophes (« pas d africains »): restore the elision, same length
        folded = _ELISION.sub(r"\1'", folded)
    return clean, offsets, folded, words_of(folded)


# Short fields (job names, skills, working hours, pay labels) come back from offer to offer: prepared once. The
# results are shared, never modified.
_SHORT = 200
_prepare_short = lru_cache(maxsize=4096)(_prepare)


@dataclass(slots=True)
class FieldText:
    """One text field of an offer, ready for matching."""

    name: str  # "intitule", "description", "salaire.libelle"…
    raw: str
    clean: str
    folded: str
    offsets: list[int] | None = None  # clean index → raw index (None when clean == raw)
    truncated: bool = False
    words: frozenset[str] = frozenset()  # [a-z0-9]+ tokens of the folded text

    @classmethod
    def of(cls, name: str, raw: str, cap: int | None = None) -> FieldText:
        truncated = False
        source = raw
        if cap is not None and len(source) > cap:
            source = source[:cap]
            truncated = True
        prepare = _prepare_short if len(source) <= _SHORT else _prepare
        clean, offsets, folded, words = prepare(source)
        return cls(name, raw, clean, folded, offsets, truncated, words)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        end_raw = self.offsets[end] if end < len(self.offsets) else len(self.raw)
        if end > start and end - 1 < len(self.offsets):
            end_raw = max(end_raw, self.offsets[end - 1] + 1)
        return self.offsets[start], end_raw

    def snippet(self, start: int, end: int) -> str:
        a, b = self.raw_span(start, end)
        return self.raw[a:b]


# Clause boundaries: sentence ends, bullets, line breaks, semicolons, literal "/r/n" and "***".
_CLAUSE_END = compile_skipping(r"[.!?;:\n\r•·▪►✓✔\uf0a7|]|/r/n|\*\*\*|\s-\s|\s\*\s")


_ABBREV_DOT = re.compile(r"(?<![a-z])(?:ch|rech|cf|env)\.$")


def clause_bounds(folded: str, start: int, end: int, max_back: int = 160, max_fwd: int = 160) -> tuple[int, int]:
    """Start and end of the clause around [start, end) (bounded windows)."""
    lo = max(0, start - max_back)
    left = lo
    for m in _CLAUSE_END.finditer(folded, lo, start):
        # a dot inside a number or an abbreviation ("h/f", "2.5") is not a boundary
        if m.group(0) == "." and 0 < m.start() < len(folded) - 1 and folded[m.start() - 1].isdigit() \
                and folded[m.start() + 1].isdigit():
            continue
        if m.group(0) == "." and _ABBREV_DOT.search(folded, max(0, m.start() - 5), m.start() + 1):
            continue  # « ch. vendeur » (cherche): an abbreviation, not the end of the clause
        left = m.end()
    hi = min(len(folded), end + max_fwd)
    m = _CLAUSE_END.search(folded, end, hi)
    while m is not None and m.group(0) == "." and 0 < m.start() < len(folded) - 1 \
            and folded[m.start() - 1].isdigit() and folded[m.start() + 1].isdigit():
        m = _CLAUSE_END.search(folded, m.end(), hi)
    right = m.start() if m else hi
    return left, right


def sentence_bounds(folded: str, start: int, end: int, max_back: int = 300, max_fwd: int = 300) -> tuple[int, int]:
    """Like :func:`clause_bounds` but only sentence-level separators (., !, ?, line breaks, bullets)."""
    lo = max(0, start - max_back)
    left = lo
    for m in _SENTENCE_END.finditer(folded, lo, start):
        left = m.end()
    hi = min(len(folded), end + max_fwd)
    m = _SENTENCE_END.search(folded, end, hi)
    return left, (m.start() if m else hi)


_SENTENCE_END = compile_skipping(r"[.!?\n\r•▪►\uf0a7]\s|[\n\r•▪►\uf0a7]|/r/n|\*\*\*")

WORD = re.compile(r"[a-z0-9]+")
_MIN_NEED = 3


class Fast:
    r"""A compiled pattern that Python's regex engine scans quickly.

    The engine runs the pattern rewritten by ``alternation.by_first_char`` and ``alternation.compile_skipping``
    (same matches), so that it can skip ahead to the possible first characters of a match. When every top-level alternative starts with ``\b`` (and
    ``exact`` is not asked for), the leading ``\b`` is instead stripped and checked in Python on each match; after
    a match rejected for its boundary the search resumes at its end, so such a pattern may miss a match that starts
    inside the rejected one (the detectors were tuned with this behaviour, which is kept). ``exact``: the pattern's
    own matches.

    ``finditer`` and ``search`` first look for the strings that every match contains (``literals.required_strings``)
    in the part of the text searched: when none is there, the pattern is not run (most patterns find nothing in
    most offers, and a substring search costs far less than the engine's try at every position).
    """

    __slots__ = ("rx", "needs", "boundary", "pattern", "_engine", "_flags")

    def __init__(self, pattern: str, flags: int = 0, exact: bool = False):
        self.pattern = pattern
        self._flags = flags
        alternatives = top_level_alternatives(pattern)
        self.boundary = not exact and all(a.startswith(r"\b") for a in alternatives)
        self._engine = "|".join(a[2:] for a in alternatives) if self.boundary else pattern

    def __getattr__(self, name: str):
        # Called only while a slot is unset: the engine's pattern is compiled on first use (an offer needs only
        # some of the patterns, and compiling them all would slow the start of a one-offer check).
        if name not in ("rx", "needs"):
            raise AttributeError(name)
        self.rx, needs = compile_with_hints(by_first_char(self._engine, self._flags), self._flags)
        # one- or two-character strings are in nearly every text: looking for them would only add work
        self.needs = needs if needs and min(map(len, needs)) >= _MIN_NEED else None
        return getattr(self, name)

    def _absent(self, text: str, pos: int, endpos: int | None) -> bool:
        """Whether the text between ``pos`` and ``endpos`` holds none of the strings every match contains."""
        needs = self.needs
        if needs is None:
            return False
        end = len(text) if endpos is None else endpos
        pos = max(pos, 0)  # the engine reads a negative start as 0, str.find from the end
        for s in needs:
            if text.find(s, pos, end) >= 0:
                return False
        return True

    def absent_from(self, text: str) -> bool:
        """Whether ``text`` holds none of the strings every match contains: then the pattern matches nowhere in it,
        nor in any part of it."""
        return self._absent(text, 0, None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if self._absent(text, pos, endpos):
            return iter(())
        it = self.rx.finditer(text, pos) if endpos is None else self.rx.finditer(text, pos, endpos)
        return self._checked(text, it) if self.boundary else it

    @staticmethod
    def _checked(text: str, it):
        for m in it:
            s = m.start()
            if s > 0 and text[s - 1].isalnum() and m.group(0)[:1].isalnum():
                continue
            yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if self._absent(text, pos, endpos):
            return None
        if not self.boundary:
            return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)
        it = self.rx.finditer(text, pos) if endpos is None else self.rx.finditer(text, pos, endpos)
        for m in self._checked(text, it):
            return m
        return None

    def match(self, text: str, pos: int = 0):
        m = self.rx.match(text, pos)
        if m is None or not self.boundary:
            return m
        s = m.start()
        if s > 0 and text[s - 1].isalnum() and m.group(0)[:1].isalnum():
            return None
        return m


def fast(pattern: str, flags: int = 0, exact: bool = False) -> Fast:
    return Fast(pattern, flags, exact)


def finditer_in_windows(rx, folded: str, positions, back: int, fwd: int):
    """Matches of ``rx`` in ``folded`` within ``back``/``fwd`` characters of the given (start, end) positions;
    overlapping windows are merged so that no match is yielded twice."""
    n = len(folded)
    spans: list[tuple[int, int]] = []
    for s, e in positions:
        a, b = max(0, s - back), min(n, e + fwd)
        # a window never ends inside a word: « \b » would hold at its end (« fo\b » found in « foyer »)
        while b < n and folded[b].isalnum():
            b += 1
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    seen: set[tuple[int, int]] = set()
    for a, b in spans:
        for m in rx.finditer(folded, a, b):
            if m.span() not in seen:
                seen.add(m.span())
                yield m


def starts_after(text: str, marks: tuple[str, ...]) -> list[int]:
    """0 and every position right after an occurrence of one of ``marks`` (sorted, without repeats)."""
    out = {0}
    for mark in marks:
        k = len(mark)
        pos = text.find(mark)
        while pos >= 0:
            out.add(pos + k)
            pos = text.find(mark, pos + 1)
    return sorted(out)


def starts_holding(text: str, starts: list[int], needs) -> list[int]:
    """The positions of ``starts`` whose line (from the position to the next line break) holds one of ``needs``:
    the only places where a pattern that needs one of them and reads no line break can match."""
    hits = []
    for s in needs:
        pos = text.find(s)
        while pos >= 0:
            hits.append(pos)
            pos = text.find(s, pos + 1)
    if not hits:
        return []
    hits.sort()
    out = []
    i, n = 0, len(hits)
    for p in starts:
        while i < n and hits[i] < p:
            i += 1
        if i == n:
            break
        end = text.find("\n", p)
        if end < 0 or hits[i] < end:
            out.append(p)
    return out


def finditer_at(rx, text: str, starts):
    """Matches of ``rx`` (a :class:`Fast` or compiled pattern that never matches the empty string) tried only at
    ``starts`` (sorted), each starting at or after the end of the one before: exactly ``rx.finditer(text)`` when no
    match can start elsewhere (a pattern that opens with « (?:^|(?<=\\n)) » can start only at 0 or after a line
    break; the engine would try, and fail, at every other position)."""
    end = 0
    for p in starts:
        if p < end:
            continue
        m = rx.match(text, p)
        if m is not None:
            end = m.end()
            yield m


def finditer_around(rx, anchor, text: str, back: int = 120, fwd: int = 120):
    """Matches of ``rx`` looked for only around the matches of the cheap ``anchor`` pattern.

    For patterns that the regex engine cannot skip through quickly: the anchor (a few literal
    words) finds the candidate places, the full pattern runs on small windows around them.
    """
    yield from finditer_in_windows(rx, text, (m.span() for m in anchor.finditer(text)), back, fwd)


def search_around(rx, anchor, text: str, back: int = 120, fwd: int = 120):
    for m in finditer_around(rx, anchor, text, back, fwd):
        return m
    return None


def word_positions(folded: str, words) -> list[tuple[int, int]]:
    """Start and end of every whole-word occurrence of any of ``words`` (sorted)."""
    n = len(folded)
    out: list[tuple[int, int]] = []
    for word in words:
        k = len(word)
        pos = folded.find(word)
        while pos >= 0:
            end = pos + k
            if (pos == 0 or not folded[pos - 1].isalnum()) and (end >= n or not folded[end].isalnum()):
                out.append((pos, end))
            pos = folded.find(word, end)
    out.sort()
    return out


def finditer_near_words(rx, ft: FieldText, words, back: int = 120, fwd: int = 120):
    """Matches of ``rx`` in a field, looked for only around the given words (skipped if none is present)."""
    present = ft.words.intersection(words)
    if not present:
        return
    yield from finditer_in_windows(rx, ft.folded, word_positions(ft.folded, present), back, fwd)


def search_near_words(rx, ft: FieldText, words, back: int = 120, fwd: int = 120):
    for m in finditer_near_words(rx, ft, words, back, fwd):
        return m
    return None
