"""Directions (tag.directions): which way a clause moves an issue."""

from __future__ import annotations

import pytest
from sentence_tables import sent

from analysis.tag.directions import direction_after, find_directions, issue_direction
from analysis.tag.issues import find_issues


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("طالبت بانسحاب القوات الإيرانية", ["انسحاب"]),
        # "الخروج بـ" comes out with something
        ("اتفقا على عقد مؤتمر حول الخروج بحل سياسي", []),
        ("خرج الاجتماع ببيان ختامي", []),
        # … unless the بـ word says how or when it leaves
        ("طالبت بالخروج بشكل كامل من سوريا", ["الخروج"]),
        ("دعت إلى خروج بلا شروط للقوات الأجنبية", ["خروج"]),
    ],
)
def test_find_directions(text, words):
    s = sent(text)
    assert [s.key[a:b] for a, b, _d, _sg in find_directions(s)] == words


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("طالبت بانسحاب القوات الإيرانية من سوريا", -1),
        ("طالبت ببقاء القوات الإيرانية في سوريا", 1),
        ("طالبت بعدم انسحاب القوات الإيرانية من سوريا", 1),
        ("أكدت الوجود الإيراني في سوريا", 1),  # naming the issue: its presence
    ],
)
def test_issue_direction(text, sign):
    s = sent(text)
    hit = next(h for h in find_issues(s) if h.issue == "iranian_presence")
    assert issue_direction(s, hit, find_directions(s), 0)[0] == sign


@pytest.mark.parametrize(
    ("text", "cue", "sign"),
    [
        ("القوات الأميركية يجب أن لا تبقى في سوريا", "يجب", -1),
        ("القوات الأميركية يجب أن تنسحب من سوريا", "يجب", -1),
        ("القوات الأميركية يجب أن تبقى في سوريا", "يجب", 1),
        # the direction word must follow the cue closely
        ("القوات الأميركية يجب أن يقرر الكونغرس مصيرها قبل أن تنسحب", "يجب", 1),
    ],
)
def test_direction_after_a_cue_whose_issue_stands_before_it(text, cue, sign):
    s = sent(text)
    b = s.key.index(cue) + len(cue)
    assert direction_after(s, b, len(s.key), find_directions(s))[0] == sign


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # a place takes a word that moves forces from or to it
        ("طالبت بانسحاب القوات الإيرانية من جنوب سوريا", -1),
        ("طالبت بإبعاد إيران عن جنوب سوريا", -1),
        ("رفضت تعزيز تواجدها في جنوب سوريا", 1),
        # "وقف إطلاق النار في جنوب غرب سوريا": the halt is the firing's
        ("أعلنت وقف إطلاق النار في جنوب غرب سوريا", 1),
    ],
)
def test_a_place_takes_a_word_that_moves_forces(text, sign):
    s = sent(text)
    hit = next(h for h in find_issues(s) if h.issue == "southern_syria")
    assert issue_direction(s, hit, find_directions(s), 0)[0] == sign
