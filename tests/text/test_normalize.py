import numpy as np
import pytest

from analysis.text.normalize import fold, match_key, original_span


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


def test_offsets_identity_when_nothing_changes():
    key, offsets = match_key("روسيا")
    assert key == "روسيا"
    np.testing.assert_array_equal(offsets, np.arange(5))
