"""Shortcuts of the text preparation (text.py) give what the plain computation gives."""

from __future__ import annotations

import random

from tremplin.services.legality import text
from tremplin.services.legality.text import fold, looks_like_html


def _fold_by_table(s: str) -> str:
    # reference: lower case as fold does (« İ » grows when lowered), the extended letters folded by one
    # str.translate over the whole text, then fold as usual
    lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in s)
    return fold(lowered.translate(str.maketrans(text._EXTENDED)))


def test_fold_extended_letters_like_a_full_translation():
    rng = random.Random(7)
    extended = [chr(c) for c in range(0x100, 0x250)]
    base = list("abcdé œuvre cœur à l'été, 2 500 € ")
    for _ in range(300):
        s = "".join(rng.choice(extended) if rng.random() < 0.3 else rng.choice(base) for _ in range(rng.randint(1, 60)))
        assert fold(s) == _fold_by_table(s), s
    assert fold("Łódź œuvre Ağır") == "lodz œuvre agir"


def test_looks_like_html_same_as_the_pattern():
    samples = ["<p>Bonjour</p>", "a &amp; b", "a & b", "1 < 2 > 0", "<br/>", "&#233;", "texte simple", "", "<", "&",
               "< p>", "x &nbsp;y", "<!-- -->"]
    for s in samples:
        assert looks_like_html(s) == bool(text._LOOKS_HTML.search(s)), s


def test_short_fields_prepared_once_same_as_prepared_anew():
    short = ["Vendeur / Vendeuse en prêt-à-porter", "<b>Permis B</b> &amp; véhicule", "35H Horaires normaux",
             "pas d africains", "Mensuel de 1800,00 Euros sur 12 mois"]
    for s in short:
        first, second = text.FieldText.of("f", s), text.FieldText.of("g", s)
        assert (first.clean, first.offsets, first.folded, first.words) == text._prepare(s)
        assert (second.clean, second.folded, second.words, second.name) == (first.clean, first.folded, first.words, "g")
    long = "x" * (text._SHORT + 1)
    assert text.FieldText.of("f", long).folded == long


def test_latin1_text_folds_as_through_the_general_path():
    """A text whose characters are all Latin-1 is folded by the byte table alone: the same as the general path."""
    latin1 = [chr(i) for i in range(128, 256)]
    for ch in latin1:
        for t in (ch, "x" + ch + "`\t", ch.upper() + ch):
            assert fold(t) == text._fold_beyond_latin1(t.lower()), repr(t)
    rng = random.Random(7)
    pieces = [chr(i) for i in range(256)]
    for _ in range(300):
        t = "é" + "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        assert fold(t) == text._fold_beyond_latin1(t.lower()), repr(t)


def test_is_latin1():
    from tremplin.services.legality.text import is_latin1

    assert is_latin1("") and is_latin1("abc") and is_latin1("été ÿ\xa0")
    assert not is_latin1("12 €") and not is_latin1("cœur") and not is_latin1("Ā") and not is_latin1("𝟏")


def test_other_scripts_still_found_beside_latin1_text():
    from tremplin.services.legality import check_offer

    def rules(text):
        return [f.rule for f in check_offer({"intitule": "Vendeur", "description": text}).findings]

    assert "R02-LANG" in rules("Vente en boutique. Требуется продавец в магазин одежды. Horaires variés, été comme hiver.")
    assert "R02-LANG" not in rules("Vente en boutique, horaires variés, été comme hiver, très bonne ambiance d'équipe.")


def test_feminine_ending_prefilter_never_hides_a_match():
    """_FEMININE_ENDING is run only when a word of the text ends like a feminine noun: wherever it finds a match, the
    words of the text show one (tricky neighbours: « œ », « _ », digits, « ß », « € », punctuation)."""
    from tremplin.services.legality.checks import _FEMININE_ENDING, _may_end_feminine
    from tremplin.services.legality.text import words_of

    rng = random.Random(9)
    pieces = ["iere", "ieres", "euse", "trice", "trices", "s", "œ", "oe", "_", "2", "ß", "€", " ", "-", "'", "x",
              "caiss", "vend", "\n", "é", "carr"]
    for _ in range(3000):
        t = fold("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10))))
        if _FEMININE_ENDING.search(t):
            assert _may_end_feminine(words_of(t)), repr(t)
