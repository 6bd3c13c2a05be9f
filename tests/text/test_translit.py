"""analysis.text.translit: Arabic names in Latin letters for the reports."""

from __future__ import annotations

import pytest

from analysis.text.translit import romanise, with_romanised


@pytest.mark.parametrize(
    ("text", "latin"),
    [("وكالة سبوتنيك", "wkAlħ sbwtnyk"), ("صحيفة الوطن", "SHyfħ AlwTn")],
)
def test_romanise_letter_by_letter(text, latin):
    assert romanise(text) == latin


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("الوقائع", "الوقائع (AlwqAŷς)"),
        ("Reuters", "Reuters"),  # nothing to romanise
        ("", ""),
    ],
)
def test_with_romanised_only_adds_to_arabic(text, shown):
    assert with_romanised(text) == shown
