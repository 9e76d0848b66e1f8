"""Dates and date ranges as French CVs write them.

Handled forms (case, accents and dashes do not matter):

- ranges: "09/2018-06/2020", "09/2018 à 06/2020", "sept. 2018 – juin 2020", "2015-2017", "2015 / 2017",
  "de janvier 2015 à juin 2017", "de janvier à juin 2017", "mars-juin 2019", "du 01/02/2015 au 30/06/2017",
  "2018-09 – 2020-06";
- open ranges: "depuis mars 2021", "depuis 2021", "à partir de 2020", "2019 – aujourd'hui", "2019 - à ce jour",
  "mars 2021 - présent", "2020 – en cours", "2021 -" (dash then nothing);
- single points: "juin 2017", "06/2017", "2017", "été 2016".

Every range keeps its character span in the line it was found in, and a confidence that reflects how
precise and how unambiguous the written form is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tremplin.services.cv_analysis.normalise import fold

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}
SEASONS = {"hiver": 1, "printemps": 4, "ete": 7, "automne": 10}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_PRESENT = (
    r"aujourd'?\s?hui|a\s+ce\s+jour|ce\s+jour|a\s+nos\s+jours|present|presentement|actuellement|"
    r"en\s+cours|en\s+poste|maintenant|now|current|auj\.?"
)

_TOKEN = re.compile(
    rf"(?P<dmy>(?<![\d/.])(?P<dmy_d>[0-3]?\d)[/.\-](?P<dmy_m>[01]?\d)[/.\-](?P<dmy_y>{_YEAR})(?!\d))"
    rf"|(?P<iso>(?<![\d/.])(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])(?![\d/.]))"
    rf"|(?P<my>(?<![\d/.])(?P<my_m>0?[1-9]|1[0-2])\s?[/.\-]\s?(?P<my_y>{_YEAR})(?!\d))"
    rf"|(?P<my2>(?<![\d/.])(?P<my2_m>0[1-9]|1[0-2])/(?P<my2_y>\d\d)(?![\d/]))"
    rf"|(?P<mny>\b(?P<mny_m>{_MONTH_ALT})\b\.?\s*(?:de\s+|d')?(?P<mny_y>{_YEAR}|'\d\d)(?!\d))"
    rf"|(?P<sy>\b(?P<sy_s>hiver|printemps|ete|automne)\s+(?:de\s+|d')?(?P<sy_y>{_YEAR})(?!\d))"
    rf"|(?P<mn>\b(?P<mn_m>{_MONTH_ALT})\b\.?)"
    rf"|(?P<y>(?<![\d.,])(?P<y_y>{_YEAR})(?![\d])(?!\s*(?:€|euros?\b|eur\b|k€|km\b|h\b|heures\b|m2\b|m²)))"
    rf"|(?P<present>\b(?:{_PRESENT})(?:\b|(?<=\.)))"
)

_SEP = re.compile(r"^\s*(?:-+>?|/|\||>|→|a|au|et|to|jusqu'?\s?(?:a|au|en)|-\s*a)\s*$")
_OPEN_END = re.compile(r"^\s*-+\s*$")
_SINCE = re.compile(r"(?:depuis|since|des|a\s+partir\s+d[e']|a\s+compter\s+d[e']|from)\s*(?:le\s+|l'|)$")
_FROM = re.compile(r"(?:\bde|\bdu|\bfrom|\bd')\s*$")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int | None = None

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def sort_key(self, end: bool = False) -> tuple[int, int]:
        return (self.year, self.month or (12 if end else 1))

    @classmethod
    def parse(cls, value: str | None) -> YearMonth | None:
        """'2019' or '2019-03' (or '2019-03-15') back to a YearMonth."""
        if not value:
            return None
        parts = str(value).split("-")
        try:
            year = int(parts[0])
            month = int(parts[1]) if len(parts) > 1 else None
        except ValueError:
            return None
        return cls(year, month)


@dataclass
class DateRange:
    start: YearMonth | None
    end: YearMonth | None
    current: bool
    span: tuple[int, int]
    confidence: float
    kind: str  # range, since, single
    notes: list[str] = field(default_factory=list)

    def months(self, today: date | None = None) -> int | None:
        """Duration in months (inclusive) when both ends are known or the range is current."""
        if self.start is None:
            return None
        end = self.end
        if self.current:
            today = today or date.today()
            end = YearMonth(today.year, today.month)
        if end is None:
            return None
        s_year, s_month = self.start.sort_key()
        e_year, e_month = end.sort_key(end=True)
        months = (e_year - s_year) * 12 + (e_month - s_month) + 1
        return max(months, 0)

    def as_dict(self) -> dict:
        return {
            "start": self.start.iso() if self.start else None,
            "end": self.end.iso() if self.end else None,
            "current": self.current,
        }


@dataclass
class _Token:
    kind: str  # point, month, present
    start: int
    end: int
    value: YearMonth | None = None
    month: int | None = None
    precision: str = "year"  # day, month, year, season


def _two_digit_year(yy: str) -> int:
    value = int(yy.lstrip("'"))
    current = date.today().year % 100
    return 2000 + value if value <= current + 1 else 1900 + value


def _tokens(folded: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _TOKEN.finditer(folded):
        kind = m.lastgroup
        g = m.groupdict()
        if g["dmy"]:
            day, month = int(g["dmy_d"]), int(g["dmy_m"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            tokens.append(_Token("point", m.start(), m.end(), YearMonth(int(g["dmy_y"]), month), precision="day"))
        elif g["iso"]:
            tokens.append(_Token("point", m.start(), m.end(), YearMonth(int(g["iso_y"]), int(g["iso_m"])), precision="month"))
        elif g["my"]:
            tokens.append(_Token("point", m.start(), m.end(), YearMonth(int(g["my_y"]), int(g["my_m"])), precision="month"))
        elif g["my2"]:
            tokens.append(
                _Token("point", m.start(), m.end(), YearMonth(_two_digit_year(g["my2_y"]), int(g["my2_m"])), precision="month")
            )
        elif g["mny"]:
            year_text = g["mny_y"]
            year = _two_digit_year(year_text) if year_text.startswith("'") else int(year_text)
            tokens.append(_Token("point", m.start(), m.end(), YearMonth(year, MONTHS[g["mny_m"]]), precision="month"))
        elif g["sy"]:
            tokens.append(
                _Token("point", m.start(), m.end(), YearMonth(int(g["sy_y"]), SEASONS[g["sy_s"]]), precision="season")
            )
        elif g["mn"]:
            tokens.append(_Token("month", m.start(), m.end(), month=MONTHS[g["mn_m"]]))
        elif g["y"]:
            tokens.append(_Token("point", m.start(), m.end(), YearMonth(int(g["y_y"])), precision="year"))
        elif kind == "present":
            tokens.append(_Token("present", m.start(), m.end()))
    return tokens


def _base_confidence(*tokens: _Token) -> float:
    scores = {"day": 0.95, "month": 0.95, "season": 0.75, "year": 0.9}
    return min(scores.get(t.precision, 0.9) for t in tokens if t.kind == "point") if any(
        t.kind == "point" for t in tokens
    ) else 0.8


def find_date_ranges(text: str) -> list[DateRange]:
    """Every date range or date point in ``text`` (one line, usually), left to right."""
    folded = fold(text)
    tokens = _tokens(folded)
    found: list[DateRange] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prefix = folded[max(0, tok.start - 16) : tok.start]
        if tok.kind in ("point", "month") and nxt is not None and nxt.kind in ("point", "present"):
            gap = folded[tok.end : nxt.start]
            joined_present = nxt.kind == "present" and not gap.strip() and folded[nxt.start : nxt.start + 2] == "a "
            if _SEP.match(gap) or joined_present:
                start_value = tok.value
                if tok.kind == "month":
                    if nxt.kind != "point":
                        i += 1
                        continue
                    start_value = YearMonth(nxt.value.year, tok.month)
                    if tok.month and nxt.value.month and tok.month > nxt.value.month:
                        start_value = YearMonth(nxt.value.year - 1, tok.month)
                end_value = nxt.value if nxt.kind == "point" else None
                if tok.precision == "season" and nxt.kind == "point" and nxt.precision == "year":
                    start_value = YearMonth(start_value.year)  # "saison d'hiver 2022-2023": a season, not January
                span_start = tok.start
                m_from = _FROM.search(prefix)
                if m_from:
                    span_start = tok.start - (len(prefix) - m_from.start())
                notes: list[str] = []
                if end_value is not None and start_value is not None and end_value.sort_key(True) < start_value.sort_key():
                    start_value, end_value = end_value, start_value
                    notes.append("dates inversées")
                conf = _base_confidence(tok, nxt) if tok.kind == "point" else 0.85
                found.append(
                    DateRange(start_value, end_value, nxt.kind == "present", (span_start, nxt.end), conf, "range", notes)
                )
                i += 2
                continue
        if tok.kind == "point":
            m_since = _SINCE.search(prefix)
            after = folded[tok.end : tok.end + 6]
            if m_since:
                span_start = tok.start - (len(prefix) - m_since.start())
                found.append(DateRange(tok.value, None, True, (span_start, tok.end), _base_confidence(tok), "since"))
            elif _OPEN_END.match(after) and folded[tok.end :].strip(" -") == "":
                end = len(folded.rstrip())
                found.append(DateRange(tok.value, None, True, (tok.start, end), 0.7, "since", ["fin de période non écrite"]))
            else:
                conf = {"day": 0.85, "month": 0.85, "season": 0.65, "year": 0.75}[tok.precision]
                found.append(DateRange(tok.value, tok.value, False, (tok.start, tok.end), conf, "single"))
        i += 1
    return found


def first_range(text: str, *, ranges_only: bool = False) -> DateRange | None:
    """The most informative date expression of a line: a range or open range first, else a single date."""
    ranges = find_date_ranges(text)
    if not ranges:
        return None
    full = [r for r in ranges if r.kind in ("range", "since")]
    if full:
        return full[0]
    return None if ranges_only else ranges[0]
