"""analysis.text.safety: data text is cleaned, escaped for its target, then marked RTL."""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import pytest

from analysis.text import safety

HOSTILE = [
    '<img src=x onerror="alert(1)">',
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">انقر هنا</a>',
    "<b>عاجل</b> & <span style='color:red'>x</span>",
]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("exe.\u202etxt", "exe.txt"),  # right-to-left override
        ("\u2067إيران\u2069", "إيران"),  # isolates from the data
        ("\u200fروسيا\u200e", "روسيا"),  # RLM / LRM
        ("الحرس\u200b الثوري\ufeff", "الحرس الثوري"),  # zero-width space, BOM
        ("a\u0000b\u0007c", "abc"),  # control characters
        ("سطر\nسطر\tآخر", "سطر\nسطر\tآخر"),  # newline and tab stay
        (None, ""),
        (float("nan"), ""),
        (pd.NaT, ""),
        (pd.NA, ""),
        (12, "12"),
    ],
)
def test_clean_strips_bidi_zero_width_and_controls(raw, clean):
    assert safety.clean(raw) == clean


@pytest.mark.parametrize("raw", HOSTILE)
@pytest.mark.parametrize("escape", [safety.escape_html, safety.escape_plotly])
def test_markup_from_data_is_inert(raw, escape):
    out = escape(raw)
    assert "<" not in out and ">" not in out
    assert "&lt;" in out


def test_html_escapes_quotes_for_attributes():
    assert safety.escape_html('" onmouseover="x') == "&quot; onmouseover=&quot;x"


def test_plotly_keeps_quotes_plotly_cannot_decode():
    # plotly.js decodes &lt; &gt; &amp; but not &quot;
    assert safety.escape_plotly('قال "لا" & <b>') == 'قال "لا" &amp; &lt;b&gt;'


def test_markdown_escape_neutralises_links_and_html():
    out = safety.escape_markdown("[click](javascript:alert(1)) <b>x</b> **bold**")
    assert "](" not in out
    assert "<b>" not in out
    assert "\\*\\*" in out


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("3 منافذ", "\u20673 منافذ\u2069"),
        ("Iran", "Iran"),
        ("", ""),
    ],
)
def test_rtl_wraps_arabic_in_an_isolate(text, marked):
    assert safety.rtl(text) == marked


def test_data_bidi_marks_are_replaced_by_ours():
    out = safety.plotly_text("\u202eإيران <b>")
    assert out == "\u2067إيران &lt;b&gt;\u2069"
    assert "\u202e" not in out


def test_plotly_lines_wraps_without_cutting_entities():
    text = "<" * 50 + " " + "&" * 50
    out = safety.plotly_lines(text, width=20, max_lines=10)
    for line in out.split("<br>"):
        assert "<" not in line
        assert not line.endswith("&amp") and "&l<" not in line


def test_plotly_lines_caps_the_number_of_lines():
    out = safety.plotly_lines(" ".join(["كلمة"] * 200), width=30, max_lines=3)
    assert out.count("<br>") == 2
    assert out.endswith("…\u2069")


def test_truncate_adds_ellipsis():
    assert safety.truncate("أ" * 10, 5) == "أأأأ…"
    assert safety.truncate("قصير", 5) == "قصير"


def test_is_missing():
    assert safety.is_missing(None) and safety.is_missing(math.nan) and safety.is_missing(pd.NaT)
    assert not safety.is_missing("") and not safety.is_missing(0)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "قال المسؤول إن القوات الإيرانية ستنسحب من الجنوب السوري خلال أسابيع بحسب الاتفاق",
        "Russia says Iranian forces will pull back 80 km from the Golan line",
        "a well-known Iran-backed militia moved north-east",  # hyphens: textwrap's rules
        "x" * 150,  # a word longer than a line
        "short",
        "word " * 40,
    ],
)
@pytest.mark.parametrize("width", [10, 60, 70])
def test_wrap_gives_textwrap_lines(text, width):
    text = " ".join(text.split())
    assert safety.wrap_lines(text, width) == (textwrap.wrap(text, width=width) or [""])
