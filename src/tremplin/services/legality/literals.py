"""Strings that every match of a pattern contains: a cheap test that a text cannot hold a match.

Scanning a text with a long pattern costs the regex engine a try at every position where a match could start, even
when the text holds none (the usual case for most patterns on most offers). :func:`required_strings` reads the
pattern's parse tree and returns a few strings, at least one of which lies inside every match, so that when none of
them occurs in the part of the text searched (a plain substring search, in C) the pattern is not run at all.

The strings come only from what a match consumes (lookarounds are left out: a lookbehind may read before the start
of the search), so they always lie between the search's start and end (« \\d+ € » needs « € »). ``None`` when no
short list is known (« \\w+ » needs no fixed string; nor does « abc|\\d »).
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

#: Beyond this many strings, testing them all costs about as much as running the pattern.
MAX_STRINGS = 8

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_CASE_FLAGS = re.IGNORECASE | re.LOCALE


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several sets that are all required: longest shortest string, then fewest strings."""
    if not sets:
        return None
    return max(sets, key=lambda s: (min(map(len, s)), -len(s)))


def _required(items) -> frozenset[str] | None:
    """Strings one of which every match of the sequence ``items`` (parse tree nodes) contains."""
    found: list[frozenset[str]] = []
    run: list[str] = []  # consecutive literal characters: one string
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset(("".join(run),)))
            run = []
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if add_flags & _CASE_FLAGS:
                return None
            got = _required(sub.data)
        elif op is sre.ATOMIC_GROUP:
            got = _required(av.data)
        elif op in _REPEATS:
            low, _high, sub = av
            got = _required(sub.data) if low >= 1 else None
        elif op is sre.BRANCH:
            branches = [_required(sub.data) for sub in av[1]]
            got = None if any(b is None for b in branches) else frozenset().union(*branches)
        else:  # character classes, anchors and lookarounds: no fixed string
            got = None
        if got is not None:
            found.append(got)
    if run:
        found.append(frozenset(("".join(run),)))
    return _best(found)


def required_strings(tree: sre_parse.SubPattern) -> tuple[str, ...] | None:
    """Up to :data:`MAX_STRINGS` strings, one of which every match of the parsed pattern contains (None if unknown).

    ``tree``: ``re._parser.parse(pattern, flags)`` of a case-sensitive pattern."""
    got = _required(tree.data)
    if got is None:
        return None
    # a string that contains another is redundant: the shorter one is found wherever the longer one is (dropped before
    # counting: « vendeuses|serveuses|…euses » needs « euses » only)
    kept = [s for s in got if not any(t != s and t in s for t in got)]
    if len(kept) > MAX_STRINGS:
        return None
    return tuple(sorted(kept))
