"""analysis.text.chars: each character list once, and every user takes its set from there."""

import pytest

from analysis.text import chars, safety
from analysis.text.normalize import fold, fold_letters

# (code point, in BIDI_CONTROLS, in ZERO_WIDTH, in MATCH_INVISIBLE, in DEDUP_INVISIBLE)
MEMBERSHIP = [
    (0x202A, True, False, True, True),  # LRE
    (0x202E, True, False, True, True),  # RLO
    (0x2066, True, False, True, True),  # LRI
    (0x2069, True, False, True, True),  # PDI
    (0x200E, True, False, True, True),  # LRM
    (0x200F, True, False, True, True),  # RLM
    (0x061C, True, False, True, True),  # ALM
    (0x200B, False, True, True, True),  # zero-width space
    (0x200C, False, True, True, True),  # ZWNJ
    (0x200D, False, True, True, True),  # ZWJ
    (0xFEFF, False, True, True, True),  # BOM
    (0x00AD, False, True, True, True),  # soft hyphen
    (0x2060, False, True, True, False),  # word joiner: kept by the letter fold
    (0x180E, False, True, False, False),  # Mongolian vowel separator: display only
    (0x2063, False, False, True, False),  # invisible separator: matching only
    (0x206F, False, False, True, False),  # nominal digit shapes: matching only
    (0x0640, False, False, False, False),  # tatweel is a letter-shape, not invisible
    (0x0020, False, False, False, False),
]
SETS = ("BIDI_CONTROLS", "ZERO_WIDTH", "MATCH_INVISIBLE", "DEDUP_INVISIBLE")


@pytest.mark.parametrize(("cp", *(s.lower() for s in SETS)), MEMBERSHIP, ids=hex)
def test_membership(cp, bidi_controls, zero_width, match_invisible, dedup_invisible):
    expected = (bidi_controls, zero_width, match_invisible, dedup_invisible)
    assert tuple(chr(cp) in getattr(chars, s) for s in SETS) == expected


@pytest.mark.parametrize(
    "name", [*SETS, "CONTROL_CHARS", "ARABIC_MARKS", "ARABIC_LETTERS", "NO_BREAK_SPACES"]
)
def test_sets_hold_each_character_once(name):
    value = getattr(chars, name)
    assert value and len(set(value)) == len(value)


def test_the_sets_differ_only_where_documented():
    display = set(chars.BIDI_CONTROLS + chars.ZERO_WIDTH)
    assert set(chars.MATCH_INVISIBLE) - display == set(chars.FORMAT_AREA) - display
    assert display - set(chars.MATCH_INVISIBLE) == {chars.MONGOLIAN_VOWEL_SEPARATOR}
    assert display - set(chars.DEDUP_INVISIBLE) == {
        chars.WORD_JOINER,
        chars.MONGOLIAN_VOWEL_SEPARATOR,
    }


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        ("ARABIC_INDIC_DIGITS", "٠", "٩"),
        ("PERSIAN_DIGITS", "۰", "۹"),
    ],
)
def test_digits(name, first, last):
    digits = getattr(chars, name)
    assert (len(digits), digits[0], digits[-1]) == (10, first, last)


@pytest.mark.parametrize("char", chars.BIDI_CONTROLS + chars.ZERO_WIDTH + chars.CONTROL_CHARS)
def test_display_strips_its_sets(char):
    assert safety.clean(f"إيران{char}سوريا") == "إيرانسوريا"


@pytest.mark.parametrize("char", chars.MATCH_INVISIBLE)
def test_the_matching_fold_deletes_its_set(char):
    assert fold(f"حزب{char}الله") == "حزبالله"


@pytest.mark.parametrize("char", chars.DEDUP_INVISIBLE)
def test_the_letter_fold_deletes_its_set(char):
    assert fold_letters(f"حزب{char}الله") == "حزبالله"


@pytest.mark.parametrize(
    ("text", "arabic"),
    [("إيران", True), ("ﻻ", True), ("ݐ", True), ("Iran", False), ("\ufeff", False)],
)
def test_arabic_blocks(text, arabic):
    assert safety.has_arabic(text) is arabic
