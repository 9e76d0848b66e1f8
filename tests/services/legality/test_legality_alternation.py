"""The regex rewriting that speeds up the legality patterns (alternation.by_first_char) never changes a match.

Checked on small patterns whose rewriting is known, then on every pattern of the legality detectors: the rewritten
pattern and the pattern as written find the same spans, on the template wordings of the evaluation and on random
texts made of the pattern's own words (so that most of its alternatives get a chance to match).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from tremplin.services.legality import checks, context, gender, groups, lexicon, pay, properties
from tremplin.services.legality.alternation import by_first_char, top_level_alternatives
from tremplin.services.legality.text import Fast, fold


@pytest.mark.parametrize(("pattern", "rewritten"), [
    ("cheveux|tresses?|coiffure", "c(?:heveux|oiffure)|tresses?"),
    ("(?:mauvaise|belle) peau|peau nette", "mauvaise peau|belle peau|peau nette"),
    ("(?:trop )?gros", "trop gros|gros"),
    ("s?ac", "sac|ac"),
    # a word boundary before a word character is checked right after it
    (r"\b(?:ab|ac)x", r"a(?<!\w\w)(?:b|c)x"),
    (r"\bab|a|\b-", r"a(?:(?<!\w\w)b|)|\b-"),
    # never moved ahead of an alternative that may start with the same character
    (r"ab|\w+|ac", r"ab|\w+|ac"),
    (r"ab|\bac|ad", r"a(?:b|(?<!\w\w)c|d)"),
    # a leading lookbehind is checked one character later, with that character (after the word-boundary check)
    (r"(?<!s')(?<!')\b(?:ab|ac)x", r"a(?<!\w\w)(?<!(?:s')a)(?<!(?:')a)(?:b|c)x"),
    (r"(?<!poste )physique|pa", r"p(?:(?<!(?:poste )p)hysique|a)"),
    (r"(?<=\d )ans|(?<!a|b)c", r"a(?<=(?:\d )a)ns|c(?<!(?:a|b)c)"),
    # an alternative whose first characters are known (« \d ») is crossed by the others, not by one that may start
    # like it
    (r"ab|\d+x|ac|1b", r"a(?:b|c)|\d+x|1b"),
    (r"ab|[a-c]x|ac", r"ab|[a-c]x|ac"),
    (r"ab|(?:\d|z)?x|ac", r"a(?:b|c)|\dx|zx|x"),
    # alternatives that all start with a word boundary: the boundary checked once, before the first characters
    (r"\b(?:ab|cd)x|\bef", r"(?<!\w)(?:abx|cdx|ef)"),
    (r"\bab|\d+|\bcd|€ x|\bax", r"(?<!\w)(?:a(?:b|x)|cd)|\d+|€ x"),
    (r"\bab|[c-d]x|\bcd|\bef", r"(?<!\w)(?:ab|ef)|[c-d]x|c(?<!\w\w)d"),
    (r"\bab|\w+|\bcd", r"a(?<!\w\w)b|\w+|c(?<!\w\w)d"),
    # neighbouring alternatives that start with the same character class: the class read once
    (r"[a-z]\.e\b|[a-z]·|[a-z]-e\b|ab", r"[a-z](?:\.e\b|·|-e\b)|ab"),
    (r"x|[a-z]y|[a-z]z|\d|[a-z]w", r"x|[a-z](?:y|z)|\d|[a-z]w"),
    (r"(?:[ab]c|[ab]d)e|[ab]+c|[ab]d", r"[ab](?:c|d)e|[ab]+c|[ab]d"),
    # left alone: a capturing group would be renumbered, a lazy or possessive part changes the order of tries
    ("(a)b|ac", "(a)b|ac"),
    ("s??ac|sb", "s??ac|sb"),
    ("(?:a|b)*c|ad", "(?:a|b)*c|ad"),
])
def test_rewriting_of_small_patterns(pattern, rewritten):
    assert by_first_char(pattern) == rewritten
    assert re.compile(rewritten)  # still a valid pattern


def test_case_insensitive_and_verbose_patterns_are_left_alone():
    assert by_first_char("ab|ac", re.IGNORECASE) == "ab|ac"
    assert by_first_char("ab|ac", re.VERBOSE) == "ab|ac"


def test_alternatives_split_outside_groups_and_classes():
    assert top_level_alternatives(r"a(?:b|c)|[|]d|\|e|f") == ["a(?:b|c)", "[|]d", r"\|e", "f"]


def _detector_patterns() -> list[Fast]:
    """Every Fast pattern of the detectors' modules (module values, and inside their tuples, lists and dicts)."""
    found: dict[int, Fast] = {}

    def visit(value, depth: int) -> None:
        if isinstance(value, Fast):
            found[id(value)] = value
        elif depth < 3 and isinstance(value, list | tuple | dict):
            for item in value.values() if isinstance(value, dict) else value:
                visit(item, depth + 1)
        elif depth < 3 and isinstance(value, lexicon.Pat | properties.Prop):
            visit(value.rx, depth + 1)

    for module in (checks, context, gender, groups, lexicon, pay, properties):
        for value in vars(module).values():
            visit(value, 0)
    return list(found.values())


def _template_texts() -> str:
    folder = Path(lexicon.__file__).parent / "eval"
    texts = [t.get("text") or "" for path in sorted(folder.glob("templates_*.json"))
             for t in json.loads(path.read_text(encoding="utf-8"))["templates"]]
    return fold("\n".join(random.Random(5).sample(texts, 600)))


_SEPARATORS = (" ", " ", " ", "", "s ", "e ", ", ", ". ", "\n", " : ", " 12 ", "'", "-", " (e) ")


def _own_words(pattern: str, rng: random.Random, count: int = 30) -> list[str]:
    """Random texts made of the literal pieces of the pattern (so that its alternatives can match)."""
    pieces = re.findall(r"[a-z0-9'€/ -]{2,}", pattern) or ["a"]
    return ["".join(rng.choice(pieces) + rng.choice(_SEPARATORS) for _ in range(rng.randint(2, 12)))
            for _ in range(count)]


PATTERNS = _detector_patterns()


def test_the_detectors_patterns_are_found():
    assert len(PATTERNS) > 150
    assert sum(f.rx.pattern != f._engine for f in PATTERNS) > 150


def test_rewritten_patterns_find_the_same_matches():
    corpus = _template_texts()
    rng = random.Random(20260327)
    for f in PATTERNS:
        written = re.compile(f._engine, f.rx.flags)
        texts = [corpus, *_own_words(f.pattern, rng)]
        for text in texts:
            assert [m.span() for m in f.rx.finditer(text)] == [m.span() for m in written.finditer(text)], f.pattern
            a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
            assert [m.span() for m in f.rx.finditer(text, a, b)] == \
                [m.span() for m in written.finditer(text, a, b)], f.pattern
            assert [m.groups() for m in f.rx.finditer(text)] == [m.groups() for m in written.finditer(text)]


def test_fast_finds_what_the_pattern_finds():
    """Exact mode, or a pattern whose alternatives do not all start with « \\b »: the pattern's own matches."""
    rng = random.Random(7)
    for pattern, exact in ((r"\bpas (?:de|d')\b|=\s*non|\bsans\b", True), (r"\b(?:ab|\w+c)|xy", False),
                           (r"\bne\b[^.]{0,20}?\bpas\b", True), (r"\bpas\b|\bsans", True)):
        fast = Fast(pattern, exact=exact)
        plain = re.compile(pattern)
        for text in ["ne pas de sans=non", "apas de xsans", "dune pas", "abc xyabc", *_own_words(pattern, rng)]:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], pattern
            assert [m.span() for m in fast.finditer(text, 2, 9)] == [m.span() for m in plain.finditer(text, 2, 9)]
            got, expected = fast.search(text), plain.search(text)
            assert (got and got.span()) == (expected and expected.span())


@pytest.mark.parametrize("pattern", [
    r"(?<!s')(?<!')\b(?:ab|ac|\d+ km|\(9[1-5]\))x?", r"(?<!poste )(?<!job )physique(?= :)|pa|\d[,.]\d{2} ?m\b|p",
    r"(?<=\d )ans?\b|(?<!a|b)c|an", r"ab|(?:\d|z)?x|ac|1b|\w+y",
    r"\b(?:ab|cd)x|\bef|\d+|\bcd|€ x|\bax|[c-d]x|\bcz|_a|\ba_",
    r"[a-z]\.e\b|[a-z]·|[a-z]-e\b|ab|[a-c]+x|[a-c]y|[^a]z|[^a]b|(?<!x)[ab]c|(?<!x)[ab]d",
])
def test_lookbehinds_and_crossings_keep_the_matches(pattern):
    """Leading lookbehinds moved after the first character, and alternatives moved ahead of one that cannot start
    like them: the same matches as the pattern as written, on texts made of the pieces that make the difference."""
    rewritten = re.compile(by_first_char(pattern))
    plain = re.compile(pattern)
    rng = random.Random(23)
    pieces = ["s'", "'", "poste ", "job ", "physique :", "physique", "pa", "ab", "ac", "a", "b", "c", "x", "y", " ",
              "é", "12 km", "(93)", "1,80 m", "2 ans", "an", "z", "1b", "-", "_", "€", "cd", "ef", "œ", "2", ".e", "·", "-e", "xb"]
    for _ in range(600):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        assert [m.span() for m in rewritten.finditer(t)] == [m.span() for m in plain.finditer(t)], (pattern, t)
