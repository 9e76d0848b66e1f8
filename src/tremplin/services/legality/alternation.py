r"""Long alternations rewritten so that Python's regex engine scans them faster, with the same matches.

Python's ``re`` tries the alternatives of an alternation one after the other at every position of the text. Two
shortcuts help only when alternatives start with a literal character: the engine skips to the positions where one of
those characters stands (when every alternative of the pattern starts with one), and it rejects an alternative by
its first character without entering it. The lexicon patterns are long alternations whose alternatives often start
with a group (« (?:mauvaise|belle) peau ») or an optional part (« (?:trop )?gros », « s?… »): then neither shortcut
applies, and every alternative is entered at every position.

:func:`by_first_char` rewrites such a pattern: leading groups and optional parts are distributed (« (?:a|b)x » is
« ax|bx », « (?:a)?x » is « ax|x », « s?x » is « sx|x », in the order the engine tries them), then the alternatives
that start with the same character are gathered behind it (« c(?:heveux…|oiffure…)|t(?:resses?|rop gros…) »). A
word boundary before a word character is checked just after it (« \bcx » is « c(?<!\w\w)x »), so that it does not
hide the first character. A leading lookbehind is checked just after the first character too, that character added
to it (« (?<!s')ax » is « a(?<!(?:s')a)x »).

Same matches, same order of preference: at a given position only the alternatives that start with the character
found there can match, and among those the order is kept, because an alternative is never moved ahead of one that
may start with the same character (an alternative whose first characters are unknown, « \w+… », is never crossed;
one whose first characters are known, « \d… », « [a-c]… », is crossed only by alternatives that start otherwise). Patterns with capturing groups, back-references or inline flags are left as they are (moving or copying a
capturing group would renumber it), and so are case-insensitive or ASCII-only ones.
"""

from __future__ import annotations

import _sre
import re
import sys
from collections.abc import Iterator
from re import _compiler as sre_compiler
from re import _constants as sre
from re import _parser as sre_parse

from tremplin.services.legality.literals import required_strings

_SPECIAL = frozenset("()[]{}|\\.^$*+?")
_QUANTIFIERS = frozenset("?*+{")


def _class_end(pattern: str, i: int) -> int:
    """Index of the « ] » closing the character class that opens at ``pattern[i]`` (« [ »), or len(pattern)."""
    i, n = i + 1, len(pattern)
    if i < n and pattern[i] == "^":
        i += 1
    if i < n and pattern[i] == "]":  # « []…] »: a leading « ] » is a member
        i += 1
    while i < n and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(index, character) of every character of ``pattern`` outside escapes and character classes."""
    i, n = start, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i) + 1
            continue
        yield i, ch
        i += 1


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` separated by a « | » outside any group."""
    parts, depth, start = [], 0, 0
    for i, ch in _structure(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str) -> int:
    """Index just after the group that opens ``pattern``."""
    depth = 0
    for i, ch in _structure(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError(f"unbalanced group: {pattern!r}")


_NOT_CAPTURING = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?#")


def _has_capture_or_flags(pattern: str) -> bool:
    """Whether the pattern has a capturing or named group, inline flags (« (?i) ») or a back-reference."""
    for i, ch in _structure(pattern):
        if ch == "(" and not pattern.startswith(_NOT_CAPTURING, i):
            return True
    return bool(re.search(r"\\[1-9]", pattern))


# An item is (first character, its text in the pattern, the rest) for an alternative that starts with a literal
# character, (None, the class, the rest) for one that starts with a character class (« [a-z]… »), or
# (None, None, alternative) when its first character is unknown.
_Item = tuple[str | None, str | None, str]


def _first_token(alternative: str) -> tuple[str, str] | None:
    """(character, its text) when the alternative starts with a literal character (perhaps quantified)."""
    if alternative[:1] == "\\" and len(alternative) > 1 and not alternative[1].isalnum():
        return alternative[1], alternative[:2]  # an escaped punctuation mark (« \\- »)
    if alternative and alternative[0] not in _SPECIAL:
        return alternative[0], alternative[0]
    return None


def _leading_class(alternative: str) -> str | None:
    """The character class that opens the alternative (not quantified), or None."""
    if alternative[:1] != "[":
        return None
    i = _class_end(alternative, 0)
    if i >= len(alternative) or alternative[i + 1:i + 2] in _QUANTIFIERS:
        return None
    return alternative[:i + 1]


_AFTER_BOUNDARY = r"(?<!\w\w)"
_LOOKBEHINDS = ("(?<!", "(?<=")


def _after_boundary_check(check: str, body: str) -> str:
    """``check`` (a zero-width assertion) placed at the start of ``body``, but after its word-boundary check if it
    has one: that check rejects most places first (the middle of a word), the order of assertions at one place does
    not change a match."""
    if body.startswith(_AFTER_BOUNDARY):
        return _AFTER_BOUNDARY + check + body[len(_AFTER_BOUNDARY):]
    return check + body


def _word_char(char: str) -> bool:
    """A character of « \\w » (the regex engine's word characters in a text)."""
    return char.isalnum() or char == "_"


def _greedy_optional(after: str) -> bool:
    """Whether ``after`` starts with a greedy « ? » (not « ?? » nor « ?+ »)."""
    return after[:1] == "?" and after[1:2] not in ("?", "+")


def _items(alternative: str) -> list[_Item]:
    """The alternative as items whose first characters are known where the pattern allows it (same order)."""
    if alternative.startswith(_LOOKBEHINDS):
        # « (?<!ab)cx » is « c(?<!(?:ab)c)x »: the lookbehind is checked one character later, that character included
        # (it is the one just read, so the check is the same); the alternatives behind it then show their first
        # character, and it is checked only where one of them stands
        end = _group_end(alternative)
        look, rest = alternative[:end], alternative[end:]
        if rest[:1] in _QUANTIFIERS:
            return [(None, None, alternative)]
        kind, inner = look[:4], look[4:-1]
        return [(None, None, look + (token or "") + body) if char is None else (char, token, _after_boundary_check(
            f"{kind}(?:{inner}){token})", body)) for char, token, body in _items(rest)]
    if alternative.startswith(r"\b") and alternative[2:3] not in ("", "\\"):
        # « \b(?:a|b)x » is « \bax|\bbx », and « \bax » is « a(?<!\w\w)x »: before a word character there is a
        # boundary exactly when that character and the one before it are not both word characters
        return [(char, token, _AFTER_BOUNDARY + body) if char is not None and _word_char(char)
                else (None, None, r"\b" + (token or "") + body)
                for char, token, body in _items(alternative[2:])]
    if alternative.startswith("(?:"):
        end = _group_end(alternative)
        inner, rest = alternative[3:end - 1], alternative[end:]
        optional = _greedy_optional(rest)
        if optional:
            rest = rest[1:]
        elif rest[:1] in _QUANTIFIERS:
            return [(None, None, alternative)]
        heads = [item for part in top_level_alternatives(inner) for item in _items(part)]
        items: list[_Item] = [(char, token, body + rest) for char, token, body in _gathered(heads)]
        if optional:  # « (?:a|b)?x »: with the group first, then without it
            items.extend(_items(rest))
        return items
    start = _first_token(alternative)
    if start is None:
        cls = _leading_class(alternative)
        return [(None, cls, alternative[len(cls):]) if cls else (None, None, alternative)]
    char, token = start
    after = alternative[len(token):]
    if _greedy_optional(after):  # « s?x »: « sx », then « x »
        return [(char, token, after[1:])] + _items(after[1:])
    if after[:1] in _QUANTIFIERS:
        return [(None, None, alternative)]
    return [(char, token, after)]


def _member(members: list, char: str) -> bool:
    r"""Whether ``char`` may be one of the set of first characters ``members`` (parse tree class items); a category
    other than « \d », « \w », « \s » is assumed to hold it."""
    code = ord(char)
    for op, av in members:
        if op is sre.LITERAL and av == code or op is sre.RANGE and av[0] <= code <= av[1]:
            return True
        if op is sre.CATEGORY:
            test = _CATEGORY_TESTS.get(av)
            if test is None or test(char):
                return True
    return False


_CATEGORY_TESTS = {
    sre.CATEGORY_DIGIT: str.isdecimal,
    sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    sre.CATEGORY_SPACE: str.isspace,
}


def _may_start(body: str):
    """A test of whether a match of ``body`` (a part of a case-sensitive pattern) may start with a character."""
    try:
        first = _first(sre_parse.parse(body).data) if HINTS else None  # the parse tree's layout: see HINTS
    except (re.error, RecursionError):
        first = None
    if first is None or first[1]:
        return lambda char: True  # any character, or an empty match (what follows may start with anything)
    return lambda char: _member(first[0], char)


def _gathered(items: list[_Item]) -> list[_Item]:
    """Items with the same first character gathered behind it, never moved ahead of an item that may start with it."""
    return [(char, token, _joined(bodies)) for char, token, bodies in _groups(items)]


def _joined(bodies: list[str]) -> str:
    return bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"


def _groups(items: list[_Item]) -> list[tuple[str | None, str | None, list[str]]]:
    groups: list[tuple[str | None, str | None, list[str]]] = []
    open_by_char: dict[str, int] = {}
    for char, token, body in items:
        if char is None:
            if token is not None and groups and groups[-1][0] is None and groups[-1][1] == token:
                groups[-1][2].append(body)  # « [a-z]x|[a-z]y » is « [a-z](?:x|y) »
                continue
            groups.append((None, token, [body]))
            # an item that may start with a character stays behind it; when the item's possible first characters are
            # known (« \d… », « [a-z]… »), the others may move ahead of it (both cannot match at one position)
            may_start = _may_start((token or "") + body)
            for c in [c for c in open_by_char if may_start(c)]:
                del open_by_char[c]
            continue
        at = open_by_char.get(char)
        if at is not None and groups[at][1] == token:
            groups[at][2].append(body)
        else:
            open_by_char[char] = len(groups)
            groups.append((char, token, [body]))
    return groups


def _bounded(group: tuple[str | None, str | None, list[str]]) -> bool:
    """Whether every alternative of the group starts with a word boundary before its (word) first character."""
    char, _token, bodies = group
    return char is not None and _word_char(char) and all(b.startswith(_AFTER_BOUNDARY) for b in bodies)


def _with_boundaries_first(groups: list[tuple[str | None, str | None, list[str]]]) -> list[str]:
    r"""The top-level alternatives, those that start with a word boundary gathered behind one « (?<!\w) ».

    « a(?<!\w\w)x|b(?<!\w\w)y » is « (?<!\w)(?:ax|by) »: before a word character there is a boundary exactly when the
    character before is not a word character. Checked first, it rejects a place in the middle of a word at once,
    where the engine otherwise tries each first character in turn. An alternative joins the first such run when it
    may move ahead of the alternatives between (it cannot start like them), otherwise it starts a new run."""
    out: list[list | str] = []  # a run of bounded groups is a list, any other alternative a string
    tests: list = []  # for each entry of ``out``: whether it may start with a character
    for group in groups:
        char, token, bodies = group
        if _bounded(group):
            text = (token + _joined([b[len(_AFTER_BOUNDARY):] for b in bodies]), token + _joined(bodies))
            for i, entry in enumerate(out):
                if isinstance(entry, list) and not any(test(char) for test in tests[i + 1:]):
                    entry.append(text)
                    tests[i] = _or(tests[i], char)
                    break
            else:
                out.append([text])
                tests.append(_or(lambda c: False, char))
            continue
        out.append((token or "") + _joined(bodies))
        tests.append(_may_start((token or "") + bodies[0]) if char is None else (lambda c, first=char: c == first))
    # a lone bounded alternative stays as it was (its first character first, for the engine to try)
    return [(r"(?<!\w)(?:" + "|".join(hoisted for hoisted, _ in entry) + ")" if len(entry) > 1 else entry[0][1])
            if isinstance(entry, list) else entry for entry in out]


def _or(test, char: str):
    return lambda c: c == char or test(c)


def by_first_char(pattern: str, flags: int = 0) -> str:
    """An equivalent pattern (same matches) whose alternatives are gathered by their first character."""
    if flags & (re.IGNORECASE | re.VERBOSE | re.ASCII) or _has_capture_or_flags(pattern):
        return pattern
    items = [item for alternative in top_level_alternatives(pattern) for item in _items(alternative)]
    return "|".join(_with_boundaries_first(_groups(items)))




# ------------------------------------------------------------------------------------------------ first characters
# The engine skips ahead to the possible first characters of a match only when it knows them: when the pattern
# starts with a literal, a character class, or an alternation whose alternatives all start with a literal. Any other
# pattern (« (\d{1,2}) ans », « \d+ €|cent euros », « (?<![\d,.])(?:1[6-9]|…) ») is tried at every position of the
# text. :func:`compile_skipping` works out the characters such a pattern's matches can start with, and gives them to
# the engine as the set to skip to. The pattern itself is not changed: same matches, same groups.

#: The parse tree and bytecode read and written here are CPython 3.11's private ``re._parser`` / ``re._compiler``
#: layout, checked by tests/services/legality/test_legality_skipping.py on 3.11 only: other versions compile plainly
#: (same matches, without the speed-up) rather than trust an unchecked layout.
HINTS = sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)
_NO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _first(items) -> tuple[list, bool] | None:
    """(class members covering every first character, whether the sequence may match nothing) of the parse tree
    nodes ``items``, or None when any character may come first. Assertions read no character: left out, the set
    only grows."""
    members: list = []
    for op, av in items:
        if op is sre.LITERAL:
            return members + [(sre.LITERAL, av)], False
        if op is sre.IN:
            if any(m[0] is sre.NEGATE for m in av):
                return None
            return members + list(av), False
        if op in _NO_WIDTH:
            continue
        if op is sre.SUBPATTERN:
            if av[1] or av[2]:  # inline flags
                return None
            got = _first(av[3].data)
        elif op is sre.ATOMIC_GROUP:
            got = _first(av.data)
        elif op in _REPEATS:
            got = _first(av[2].data)
            if got is not None and av[0] == 0:
                got = (got[0], True)
        elif op is sre.BRANCH:
            got = ([], False)
            for alternative in av[1]:
                sub = _first(alternative.data)
                if sub is None:
                    return None
                got = (got[0] + sub[0], got[1] or sub[1])
        else:  # any character, a negated literal, a back-reference
            return None
        if got is None:
            return None
        members += got[0]
        if not got[1]:
            return members, False
    return members, True


# The characters that the categories « \d », « \w », « \s » hold below 128 (the same in Unicode and ASCII mode, except
# « \s »: \x1c-\x1f are spaces in Unicode mode only, and are kept).
_ASCII_PART = {
    sre.CATEGORY_DIGIT: [(sre.RANGE, (0x30, 0x39))],
    sre.CATEGORY_WORD: [(sre.RANGE, (0x30, 0x39)), (sre.RANGE, (0x41, 0x5A)), (sre.LITERAL, 0x5F),
                        (sre.RANGE, (0x61, 0x7A))],
    sre.CATEGORY_SPACE: [(sre.RANGE, (0x09, 0x0D)), (sre.RANGE, (0x1C, 0x20))],
}


def _hint_charset(members: list) -> list:
    r"""The set of first characters as the engine tests it, cheaper where it can be: a category (« \d », « \w »,
    « \s ») is tested by the engine through the Unicode database for every character of the text; a hint only needs
    to hold every first character (the engine then tries the pattern itself), so a category is given as its ASCII
    characters plus every character from 128 up: a superset, tested by a bitmap and one range."""
    plain, wide = [], False
    for op, av in members:
        part = _ASCII_PART.get(av) if op is sre.CATEGORY else None
        if op is sre.CATEGORY and part is None:
            return sre_compiler._optimize_charset(members)[0]  # another category (« \D »…): as written
        if part is not None:
            plain.extend(part)
            wide = True
        else:
            plain.append((op, av))
    if wide:
        plain.append((sre.RANGE, (0x80, 0xFF)))
    charset, _ = sre_compiler._optimize_charset(plain)
    return charset + [(sre.RANGE, (0x100, sys.maxunicode))] if wide else charset


def _has_category(members: list) -> bool:
    return any(op is sre.CATEGORY for op, _av in members)


def compile_with_hints(pattern: str, flags: int = 0) -> tuple[re.Pattern, tuple[str, ...] | None]:
    """``re.compile(pattern, flags)``, told which characters its matches can start with when the engine does not
    find them itself; and the strings one of which every match contains (``literals.required_strings``), read from
    the same parse."""
    if not HINTS or flags & (re.IGNORECASE | re.LOCALE):
        return re.compile(pattern, flags), None
    tree = sre_parse.parse(pattern, flags)
    flags = tree.state.flags | flags
    if flags & (re.IGNORECASE | re.LOCALE):
        return re.compile(pattern, flags), None
    needs = required_strings(tree)
    code = sre_compiler._code(tree, flags)
    # an info block without a prefix or a set is [INFO, 4, 0, min, max]; min 0: a match may be empty, anywhere. A
    # block with a set (the engine's own, from a leading class or alternation) is remade when the set holds a
    # category, tested more cheaply as a superset (:func:`_hint_charset`).
    first = _first(tree.data) if code[2] in (0, sre.SRE_INFO_CHARSET) and code[3] > 0 else None
    if first is not None and code[2] == sre.SRE_INFO_CHARSET and not _has_category(first[0]):
        first = None
    if first is not None and not first[1]:
        charset = _hint_charset(first[0])
        info = [sre.INFO, 0, sre.SRE_INFO_CHARSET, code[3], code[4]]
        sre_compiler._compile_charset(charset, flags, info)
        info[1] = len(info) - 1
        code = info + code[code[1] + 1:]
    indexgroup = [None] * tree.state.groups
    for name, index in tree.state.groupdict.items():
        indexgroup[index] = name
    compiled = _sre.compile(pattern, flags, code, tree.state.groups - 1, tree.state.groupdict, tuple(indexgroup))
    return compiled, needs


def compile_skipping(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, told which characters its matches can start with (see :func:`compile_with_hints`)."""
    return compile_with_hints(pattern, flags)[0]
