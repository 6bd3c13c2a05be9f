"""Cue lexicons: whole-word matching over folded text and prefilters (analysis.tag.lexicon)."""

from __future__ import annotations

import random
import re

import pytest

from analysis.tag.lexicon import build_lexicon, join_patterns, plain_pattern, trie_pattern
from analysis.text.normalize import match_key


@pytest.mark.parametrize(
    ("forms", "text", "expected"),
    [
        (["قال"], "وقال لافروف", ["قال"]),  # conjunction proclitic
        (["قال"], "فقالت", []),  # another word
        (["بحث"], "بحث الوزيران", ["بحث"]),  # whole word before a proclitic reading (ب + حث)
        (["حث", "بحث"], "بحث الوزيران", ["بحث"]),
        (["أكد"], "أكّدَ", ["اكد"]),  # diacritics and hamza folded
    ],
)
def test_build_lexicon_matches_whole_folded_words(forms, text, expected):
    lex = build_lexicon([("x", forms)])
    assert [f for _a, _b, f, _l in lex.find(match_key(text)[0])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال الوزير", [(1, 4, "قال", ("say",))]),  # the start skips the proclitic
        ("أعلن الوزير", [(0, 4, "اعلن", ("announce",))]),
        ("قال وأعلن", [(0, 3, "قال", ("say",)), (5, 9, "اعلن", ("announce",))]),
        ("المقال", []),
    ],
)
def test_find_reports_spans_forms_and_labels(text, expected):
    lex = build_lexicon([("say", ["قال"]), ("announce", ["أعلن"])])
    assert lex.find(match_key(text)[0]) == expected


@pytest.mark.parametrize(
    ("options", "text", "found"),
    [
        ({}, "بقال", False),  # ب is not a proclitic by default
        ({"proclitics": "وفبل"}, "بقال", True),
        ({"future": True}, "سقال", True),
        ({}, "سقال", False),
        ({"lam_al": True}, "للقوات", True),  # ل + القوات is written للقوات
        ({}, "للقوات", False),
    ],
)
def test_build_lexicon_options(options, text, found):
    lex = build_lexicon([("x", ["قال", "القوات"])], **options)
    assert bool(lex.find(match_key(text)[0])) is found


def test_multiword_forms_allow_any_run_of_spaces():
    lex = build_lexicon([("x", ["وقف إطلاق النار"])])
    assert [f for _a, _b, f, _l in lex.find("وقف  اطلاق   النار")] == ["وقف اطلاق النار"]


@pytest.mark.parametrize(
    ("text", "hit"),
    [("قال الوزير", True), ("رفض العرض", True), ("بحث الوزيران", False), ("", False)],
)
def test_join_patterns_is_one_prefilter(text, hit):
    lexicons = [build_lexicon([("a", ["قال"])]), build_lexicon([("b", ["رفض"])])]
    pattern = plain_pattern(lexicons[0])
    assert "(?P<" not in pattern
    prefilter = join_patterns(plain_pattern(lx) for lx in lexicons)
    assert bool(prefilter.search(match_key(text)[0])) is hit


def test_trie_pattern_matches_as_the_longest_first_alternation():
    """The prefix-tree body finds what the alternation of the forms, longest first, finds."""
    forms = ["قبل", "قبل ان", "قبل اي", "في حال", "في حاله", "حال", "ما لم", "م", "a.b", "a"]
    alternation = "|".join(
        r"\s+".join(map(re.escape, f.split(" "))) for f in sorted(forms, key=len, reverse=True)
    )
    old = re.compile(rf"(?<![\w])[وف]??(?P<w>{alternation})(?![\w])")
    new = re.compile(rf"(?<![\w])[وف]??(?P<w>{trie_pattern(forms)})(?![\w])")
    rng = random.Random(0)
    pieces = [*forms, "و", "ف", " ", "  ", "ه", "ان", ".", "b", "x"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(8))
        assert [m.span("w") for m in new.finditer(text)] == [
            m.span("w") for m in old.finditer(text)
        ], text
    assert trie_pattern([]) == ""
