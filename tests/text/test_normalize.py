"""The folds of analysis.text.normalize: Arabic in, folded key out."""

import numpy as np
import pytest

from analysis.text.normalize import (
    fold,
    fold_for_dedup,
    fold_letters,
    match_key,
    original_span,
    section_key,
    to_ascii_digits,
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("الأسد", "الاسد"),
        ("إيران", "ايران"),
        ("آية", "ايه"),
        ("سورية", "سوريه"),
        ("موسى", "موسي"),
        ("بشّارُ", "بشار"),
        ("الأســـد", "الاسد"),
        ("ﻷن", "لان"),
        ("حزب\u200fالله", "حزبالله"),
        ("ABC", "abc"),
        ("پزشکیان", "پزشكيان"),
    ],
)
def test_fold(text, key):
    assert fold(text) == key
    assert match_key(text)[0] == key


@pytest.mark.parametrize(
    ("text", "needle", "surface"),
    [
        ("قال الرئيسُ الأسـد اليوم", "الاسد", "الأسـد"),
        ("قال الرئيسُ الأسـد اليوم", "الرييس", None),
        ("ﻷن إيرانَ", "ايران", "إيران"),
        ("ﻷن إيرانَ", "لان", "ﻷن"),
        ("\u200fطهران\u200f", "طهران", "طهران"),
    ],
)
def test_offsets_map_back(text, needle, surface):
    key, offsets = match_key(text)
    assert len(key) == len(offsets)
    i = key.find(needle)
    if surface is None:
        assert i == -1
        return
    start, end = original_span(offsets, i, i + len(needle))
    assert text[start:end] == surface


def test_fold_leaves_code_points_past_the_table_as_they_are():
    """The fold's table ends at the last code point it changes (U+FEFF)."""
    text = "\ufeff\uff01\ufffd\U0001f600\U00010000\U0010ffff"
    assert fold(text) == text[1:]
    key, offsets = match_key(text)
    assert key == text[1:]
    np.testing.assert_array_equal(offsets, np.arange(1, len(text)))


def test_offsets_identity_when_nothing_changes():
    key, offsets = match_key("روسيا")
    assert key == "روسيا"
    np.testing.assert_array_equal(offsets, np.arange(5))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeffإيـــرانُ", "ايران"),
        ("الإيرانيّة في\u00a0سوريا", "الايرانيه في سوريا"),
        ("مستشفى «الأمل»، ٢٠١٨!", "مستشفي الامل 2018"),
        ("ﻻ ﺇﻳﺮﺍﻥ", "لا ايران"),
        ("سطر\r\nسطر", "سطر سطر"),
        ("\u202bنص\u202c\u200f", "نص"),
        ("U.S. Forces", "u s forces"),
    ],
)
def test_fold_for_dedup(text, expected):
    assert fold_for_dedup(text) == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("الأسد", "الاسد"),
        ("إيران وآية ٱلله", "ايران وايه الله"),
        ("موسى في سورية", "موسي في سوريه"),
        ("بشّارُ الأســـد", "بشار الاسد"),
        ("ﻻ ﺇﻳﺮﺍﻥ", "لا ايران"),  # presentation forms (NFKC)
        ("عام ٢٠١٨ و۱۳۹۷", "عام 2018 و1397"),  # Arabic-Indic and Persian digits
        ("«الأمل»، اليوم!", "«الامل»، اليوم!"),  # punctuation stays
        ("سطر\r\nسطر\rسطر", "سطر\nسطر\nسطر"),
        ("في\u00a0سوريا\u202fاليوم", "في سوريا اليوم"),  # no-break spaces
        ("\ufeff\u202bحزب\u200fالله\u202c", "حزبالله"),  # BOM and bidi controls
        ("حزب\u2060الله", "حزب\u2060الله"),  # the word joiner stays (chars.DEDUP_INVISIBLE)
        ("U.S. Forces", "U.S. Forces"),  # case stays
    ],
)
def test_fold_letters(text, folded):
    assert fold_letters(text) == folded


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("قال الرئيس الأسد :", "قال الرئيس الاسد:"),  # no space before closing punctuation
        ("( رويترز )", "(رويترز)"),  # nor after opening
        ("« الأمل » اليوم", "«الامل» اليوم"),
        ("  اقرأ   أيضاً\n", "اقرا ايضا"),  # single spaces, no tanween
        ("www . example . com", "www. example. com"),  # pre-tokenised dots
        ("Related News", "related news"),
        ("المصدر : سانا", "المصدر: سانا"),
    ],
)
def test_section_key(text, key):
    assert section_key(text) == key


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("٢٠١٨/٠٧/٢٢", "2018/07/22"),
        ("۱۳۹۷", "1397"),
        ("2018 ٣", "2018 3"),
        ("بلا أرقام", "بلا أرقام"),
    ],
)
def test_to_ascii_digits_keeps_the_length(text, ascii):
    assert to_ascii_digits(text) == ascii
    assert len(to_ascii_digits(text)) == len(text)


@pytest.mark.parametrize(
    ("fold_function", "key"),
    [
        (fold, "الاسد، ٢٠١٨ u.s."),  # matching: digits as written, Latin lower-cased
        (fold_letters, "الاسد، 2018 U.S."),  # letters and digits only
        (section_key, "الاسد، 2018 u.s."),
        (fold_for_dedup, "الاسد 2018 u s"),  # no punctuation
    ],
)
def test_each_fold_of_one_text(fold_function, key):
    assert fold_function("الأسدُ، ٢٠١٨ U.S.") == key
