"""The hints given to the regex engine (alternation.compile_with_hints) never change a match.

Two hints: the characters a match can start with (the engine skips to them instead of trying every position), and
strings one of which every match contains (``Fast`` does not run a pattern on a text that holds none of them). Both
are checked on small patterns whose hints are known, then on every pattern of the legality detectors, on the
template wordings of the evaluation and on random texts made of the pattern's own words: the hinted pattern finds
what the pattern as written finds, and every match holds one of the required strings.
"""

from __future__ import annotations

import random
import re
from re import _parser as sre_parse

import pytest

from tremplin.services.legality import checks, context, groups, lexicon, pay, properties, text
from tremplin.services.legality.alternation import _first, compile_skipping, compile_with_hints
from tremplin.services.legality.literals import required_strings
from tremplin.services.legality.text import Fast

from .test_legality_alternation import PATTERNS, _own_words, _template_texts


def _required(pattern: str):
    return required_strings(sre_parse.parse(pattern))


@pytest.mark.parametrize(("pattern", "strings"), [
    ("offre de stage", ("offre de stage",)),
    (r"\b(?:offre|convention) de stage\b", (" de stage",)),  # longer than « offre »
    (r"recherch\w+ (?:un |une )?stagiaire", ("stagiaire",)),
    ("stages?|stagiaires?", ("stag",)),  # the parser reads « stag(?:es?|iaires?) »
    ("abcd|abcdef|xyz", ("abcd", "xyz")),  # « abcdef » holds « abcd »: redundant
    # ten strings, but nine hold « euses »: dropped before counting against MAX_STRINGS
    (r"(?:vendeuses|serveuses|coiffeuses|danseuses|chanteuses|masseuses|brodeuses|relieuses|[a-z]{3,}euses|hotesses)",
     ("euses", "hotesses")),
    (r"(?:ab|cd)+x", ("ab", "cd")),
    # nothing fixed: a class, an optional part, an alternative without a string, a case-insensitive group
    (r"\d+", None),
    ("(?:abc)?", None),
    (r"abc|\d", None),
    ("(?i:abc)", None),
    # lookarounds are left out (a lookbehind may read before the start of the search)
    ("(?<=abc)d", ("d",)),
])
def test_required_strings_of_small_patterns(pattern, strings):
    assert _required(pattern) == strings


def _first_characters(pattern: str):
    first = _first(sre_parse.parse(pattern).data)
    return None if first is None or first[1] else first[0]


@pytest.mark.parametrize("pattern", [
    r"(\d{1,2})\s*ans?\b", r"\d+ €|cent euros", r"(?=[1-7])(?<![\d,.])(?:1[6-9]|[2-7]\d)(?![\d,.]\d)",
    r"\b(?:ab|\d)c", r"(?:x?y)+z", r"(?>a|b)c", r"a?b?c",
])
def test_skipping_keeps_the_matches(pattern):
    assert _first_characters(pattern)  # the engine is given the characters to skip to
    hinted = compile_skipping(pattern)
    assert hinted.pattern == pattern and hinted.groups == re.compile(pattern).groups
    rng = random.Random(11)
    plain = re.compile(pattern)
    for t in ["18 ans, 25 ans et 1 an", "abc 3c, xxyyz, ac bc", "cent euros ou 12 €", "1,18 et 17.5 et 30",
              *_own_words(pattern + "0123456789 ", rng, 50)]:
        assert [(m.span(), m.groups()) for m in hinted.finditer(t)] == \
            [(m.span(), m.groups()) for m in plain.finditer(t)], (pattern, t)
        a, b = sorted(rng.randrange(len(t) + 1) for _ in range(2))
        assert [m.span() for m in hinted.finditer(t, a, b)] == [m.span() for m in plain.finditer(t, a, b)]


@pytest.mark.parametrize("pattern", ["a*", r".b", "[^a]b", r"(a)?\1b", "a?b?"])
def test_no_first_characters_when_a_match_may_be_empty_or_start_anywhere(pattern):
    assert _first_characters(pattern) is None


def test_case_insensitive_patterns_get_no_hint():
    assert compile_with_hints("abc", re.IGNORECASE) == (re.compile("abc", re.IGNORECASE), None)


def _plain_patterns() -> list[re.Pattern]:
    """The compiled patterns at the top level of the detectors' modules (some are hinted, most are not)."""
    return [v for module in (checks, context, groups, lexicon, pay, properties, text) for v in vars(module).values()
            if isinstance(v, re.Pattern) and isinstance(v.pattern, str)]


def test_hinted_module_patterns_find_the_same_matches():
    corpus = _template_texts()
    rng = random.Random(3)
    for rx in _plain_patterns():
        hinted = compile_skipping(rx.pattern, rx.flags)
        for t in [corpus, *_own_words(rx.pattern, rng, 10)]:
            assert [(m.span(), m.groups()) for m in hinted.finditer(t)] == \
                [(m.span(), m.groups()) for m in rx.finditer(t)], rx.pattern


def test_every_match_holds_a_required_string():
    """The pre-filter never skips a text where a pattern could match: on the detectors' patterns, every match of the
    pattern as written holds one of the strings ``Fast`` looks for first."""
    corpus = _template_texts()
    rng = random.Random(5)
    gated = [f for f in PATTERNS if f.needs]
    assert len(gated) > 50
    matches = 0
    for f in gated:
        written = re.compile(f._engine, f._flags)
        for t in [corpus, *_own_words(f.pattern, rng, 20)]:
            for m in written.finditer(t):
                matches += 1
                assert any(s in m.group(0) for s in f.needs), (f.pattern, m.group(0), f.needs)
    assert matches > 500


def test_fast_skips_a_text_without_the_required_strings():
    f = Fast(r"\boffre de stage\b|\bstagiaire\b")
    assert f.needs == ("offre de stage", "stagiaire")
    assert f.search("un stage en offre") is None and list(f.finditer("stagiair")) == []
    assert f.search("une offre de stage").span() == (4, 18)
    # only the part searched counts, and a negative start reads as 0 as the engine reads it
    assert f.search("stagiaire", 1) is None and f.search("un stagiaire", -50).span() == (3, 12)
    assert [m.span() for m in f.finditer("stagiaire stagiaire", 0, 12)] == [(0, 9)]


# Characters on which the Unicode categories and their ASCII parts differ: non-ASCII digits (Arabic-Indic, fullwidth,
# Devanagari, mathematical bold outside the BMP), spaces (no-break, em space, the separators \x1c-\x1f that only
# Unicode mode reads as spaces, \x85), letters (é, œ, ß, Greek, CJK) and look-alikes that are in no category (², ½).
_TRICKY = "٣ ３ ७ 𝟏 \xa0\u2003\x1c\x1f\x85 é œ ß λ 中 ² ½ _ € 2 a"


@pytest.mark.parametrize("pattern", [
    r"\d\s*(?:mois|ans?)\b", r"(\d{1,2})\s*ans?\b", r"\w+ €", r"\s-\s|x", r"[\d .,]+€|cent", r"(?<![a-z])\d{5}",
    r"[.!?;:\n\r•]|/r/n|\*\*\*|\s-\s|\s\*\s", r"\D\d", r"[^\W\d]+\d",
])
def test_category_hints_are_a_superset(pattern):
    """A leading « \\d », « \\w » or « \\s » is given to the engine as its ASCII characters and every character from
    128 up (cheaper to test than the category): the matches stay those of the pattern as written, also on the
    characters where the category and its ASCII part differ."""
    hinted = compile_skipping(pattern)
    plain = re.compile(pattern)
    rng = random.Random(17)
    pieces = [*_TRICKY.split(" "), " ", "  ", "12", "ans", "mois", "-", "€", "cent", "12345", "x", "\n", "*"]
    for _ in range(400):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        assert [(m.span(), m.groups()) for m in hinted.finditer(t)] == \
            [(m.span(), m.groups()) for m in plain.finditer(t)], (pattern, t)


def test_category_hint_lets_the_engine_try_non_ascii_digits():
    rx = compile_skipping(r"\d+|x")
    for ch in ("٣", "３", "𝟏", "७", "7", "x"):
        assert rx.search("ab" + ch + "c").start() == 2, ch


def test_absent_from_reads_the_whole_text():
    f = Fast(r"\bcdd\s+de\s+\d+ |\binterim\b")
    assert f.needs == ("cdd", "interim")
    assert f.absent_from("un contrat de 24 mois") and not f.absent_from("x cdd") and not f.absent_from("interim")


def test_contract_durations_found_once_for_both_contract_kinds():
    """The « N mois » anchors are read once per field and only when a contract duration pattern can match; the
    findings are those of the two separate scans."""
    from tremplin.services.legality import check_offer

    def kinds(text):
        return sorted(f.rule for f in check_offer({"intitule": "Agent", "description": text}).findings
                      if f.category == "contract")

    assert "R16-CDD-DURATION" in kinds("CDD de 24 mois, poste à pourvoir.")
    assert "R17-INTERIM" in kinds("Mission d'intérim de 24 mois, poste à pourvoir.")
    assert kinds("Poste de 24 mois en CDI, 35 heures.") == []


def test_starts_after_and_finditer_at():
    assert text.starts_after("ab\ncd: e\n", ("\n", ": ")) == [0, 3, 7, 9]
    assert text.starts_after("", ("\n",)) == [0]
    t = "abc\nx: euses\nhotesses\n\nz"
    assert text.starts_holding(t, text.starts_after(t, ("\n", ": ")), ("euses", "hotesses")) == [4, 7, 13]
    assert text.starts_holding(t, [0, 4, 14, 24], ("zz",)) == []
    rx = re.compile(r"(?:^|(?<=\n))[^\S\n]*\w+")
    for t in ("", "abc", "a\nb\n\nc  d\n  e", "\n\n", " x\ny z"):
        assert [m.span() for m in text.finditer_at(rx, t, text.starts_after(t, ("\n",)))] == \
            [m.span() for m in rx.finditer(t)], t


def test_feminine_lines_are_the_patterns_own_matches():
    """_FEMININE_LINE and _FEMININE_ONLY are tried only at line starts (and after « : »): the same matches, in the
    same order, as their ``finditer`` over the whole text."""
    rng = random.Random(7)
    pieces = ["hotesses", "vendeuses", "serveuses", "monitrices", "caissieres", "employees", " d'accueil", " de nuit",
              " uniquement", " seulement", ".", "!", "\n", "\n- ", ": ", " : ", "x", " ", "  ", "carrieres", "-", ";",
              "estheticiennes", " pour l'ete", "(h)", "h/f"]
    texts = ["hotesses d'accueil.", "vendeuses\nserveuses uniquement", "promo : animatrices de degustation uniquement",
             "caissieres: hotesses uniquement", ":  monitrices exclusivement\n- serveuses.\n", "le: : : assistantes."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 25))) for _ in range(3000)]
    for t in texts:
        expected = [m.span() for rx in (checks._FEMININE_LINE, checks._FEMININE_ONLY) for m in rx.rx.finditer(t)]
        assert [m.span() for m in checks._feminine_lines(t)] == expected, t
