"""analysis.views.html: escaped, right-to-left HTML tables."""

from __future__ import annotations

import pandas as pd

from analysis.views.html import render


def test_render_escapes_cells_and_headers():
    df = pd.DataFrame({"<th onclick=x>": ["<script>alert(1)</script>", '<img onerror="x">']})
    html = render(df).html
    assert "<script>" not in html and "<img" not in html and "<th onclick" not in html
    assert "&lt;script&gt;" in html and "&lt;th onclick=x&gt;" in html


def test_render_marks_arabic_columns_rtl():
    df = pd.DataFrame({"title": ["إيران تنسحب.", "روسيا تضغط."], "n": [1, 2], "id": ["a", "b"]})
    html = render(df).html
    assert '<th dir="rtl">title</th>' in html
    assert html.count('<td dir="rtl"') == 2
    assert '<td dir="auto">a</td>' in html


def test_render_strips_data_bidi_controls():
    html = render(pd.DataFrame({"t": ["exe.\u202etxt"]})).html
    assert "\u202e" not in html and "exe.txt" in html


def test_render_limits_rows_and_says_so():
    t = render(pd.DataFrame({"n": range(10)}), max_rows=3)
    assert t.html.count("<tr>") == 4  # header + 3
    assert "7 more rows" in t.html


def test_whole_table_rtl():
    assert (
        'dir="rtl" style="overflow-x:auto;max-width:100%"><table>'
        in render(pd.DataFrame({"a": [1]}), direction="rtl").html
    )


def test_text_repr_is_clean_and_stable():
    t = render(pd.DataFrame({"d": [pd.NaT], "t": ["\u202eنص"]}))
    assert repr(t) == repr(t)
    assert "\u202e" not in repr(t) and "NaT" not in repr(t)


def test_render_says_empty_in_the_caption_and_keeps_headers():
    html = render(pd.DataFrame({"x": []}), caption="Cap", empty="Nothing.").html
    assert '<caption dir="auto">Cap — Nothing.</caption>' in html and "<th>x</th>" in html
    empty = render(pd.DataFrame(), empty="Nothing.").html
    assert '<caption dir="auto">Nothing.</caption>' in empty
    full = render(pd.DataFrame({"x": [1]}), caption="Cap", empty="Nothing.").html
    assert '<caption dir="auto">Cap</caption>' in full


def test_render_remembers_cells_by_type_and_takes_unhashable_values():
    frame = pd.DataFrame({"v": pd.Series([1, 1.0, True, ["a", "<b>"]], dtype=object)})
    for _ in range(2):  # the second time from the remembered cells
        html = render(frame).html
        assert "<td>1</td>" in html and "<td>1.00</td>" in html and "<td>True</td>" in html
        assert "&lt;b&gt;" in html and "<b>" not in html


def test_render_does_not_mix_up_equal_numbers_and_instants():
    """Remembered cells are texts only: -0.0 equals 0.0, one instant in two zones."""
    utc = pd.Timestamp("2020-01-01 00:00", tz="UTC")
    frame = pd.DataFrame(
        {"v": pd.Series([0.0, -0.0, utc, utc.tz_convert("Europe/Paris")], dtype=object)}
    )
    html = render(frame).html
    assert "<td>0.00</td>" in html and "<td>-0.00</td>" in html
    assert "2020-01-01 01:00:00+01:00" in html


def test_a_right_to_left_table_keeps_an_english_caption_left_to_right_and_scrolls():
    html = render(pd.DataFrame({"t": ["نص"]}), caption="Mentions of Iran.", direction="rtl").html
    assert '<div class="analysis-table" dir="rtl" style="overflow-x:auto' in html
    assert '<caption dir="auto">Mentions of Iran.</caption>' in html
