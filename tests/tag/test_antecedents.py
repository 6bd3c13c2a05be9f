"""Antecedents (tag.antecedents): where an actor can be a subject, chains joined by و, and
the actor a pronoun or an unexpressed subject points back to. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from analysis.tag.agreement import note_heads
from analysis.tag.antecedents import (
    actor_groups,
    antecedent,
    coordinated_actors,
    listed_members,
    number_anaphor,
    numbered_group,
    subject_position,
)
from analysis.tag.clauses import Sent
from analysis.tag.mentions import tag_text


def sent(text: str) -> Sent:
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    note_heads(s)
    return s


def mention(s: Sent, actor: str):
    return next(m for m in s.mentions if m.actor_id == actor)


@pytest.mark.parametrize(
    ("text", "actor", "can_be_subject"),
    [
        ("وقالت المصادر إن إيران رفضت", "IRN", True),  # after إن
        ("وعلى حد قوله فإن واشنطن غير معنية بالبقاء", "USA", True),  # after فإن
        ("وأضاف بأن موسكو لن تنسحب", "RUS", True),  # after بأن
        ("وطالبت بإجلاء المعارضة السورية من المدينة", "syrian_opposition", False),  # a genitive
        # a name after its nisba stands where the phrase stands
        ("بحث الرئيسان التركي رجب طيب أردوغان والروسي فلاديمير بوتين الوضع", "putin", True),
        # an object after a subject does not become a subject by standing next to it
        ("واتهمت إيران روسيا بالتقصير", "RUS", False),
    ],
)
def test_subject_position(text, actor, can_be_subject):
    s = sent(text)
    assert subject_position(s, mention(s, actor)) is can_be_subject


def test_a_chain_joined_by_wa_and_a_nisba_giving_way_to_its_name():
    s = sent("بحث الرئيسان التركي رجب طيب أردوغان والروسي فلاديمير بوتين الوضع")
    chain = coordinated_actors(s, mention(s, "erdogan"), s.mentions)
    assert [m.actor_id for m in chain] == ["erdogan", "putin"]


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        (
            'بين " جيش الإسلام " و" فيلق الرحمن " اتفاق',
            "jaish_al_islam",
            ["jaish_al_islam", "faylaq_al_rahman"],
        ),
        ("بين «روسيا» و«تركيا» اتفاق", "RUS", ["RUS", "TUR"]),
        # a quote closes a title, not a chain
        ('قالت روسيا " إن تركيا شريك "', "RUS", ["RUS"]),
    ],
)
def test_a_chain_joined_by_wa_across_quotes(text, first, expected):
    s = sent(text)
    assert [m.actor_id for m in coordinated_actors(s, mention(s, first), s.mentions)] == expected


@pytest.mark.parametrize(
    ("text", "want", "expected"),
    [
        # the nearest agreeing actor that can be a subject
        ("وقالت المصادر إن دمشق رفضت الطلب ثم", {("f", "s")}, ["SYR"]),
        # a dual or plural verb takes the pair joined by و
        ("والتقى الرئيسان , بوتين وأردوغان , في أنقرة , ثم", {("", "d")}, ["putin", "erdogan"]),
        # a genitive is no subject: no antecedent rather than a wrong one
        ("وطالبت بإجلاء المعارضة السورية من المدينة ثم", {("f", "s")}, []),
    ],
)
def test_antecedent(text, want, expected):
    s = sent(text)
    found, _how = antecedent(s, len(s.key), s.mentions, [], want)
    assert [m.actor_id for m in found] == expected


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("توصلت الدول الثلاث إلى اتفاق", 3),
        ("وأكد الوزراء الثلاثة دعمهم", 3),
        ("وقالت الدول الضامنة الثلاث", 3),  # an adjective between noun and number
        ("اجتمعت الأطراف الأربعة", 4),
        ("اجتمعت الدول المجاورة", 0),  # no number
        ("الدول، الثلاث", 0),  # a comma between
    ],
)
def test_number_anaphor(text, n):
    s = sent(text)
    start = next(
        i
        for i in range(len(s.tokens))
        if s.token_text(i).rstrip("،") == "الدول"
        or s.token_text(i).startswith(("الوزراء", "الاطراف"))
    )
    assert number_anaphor(s, start)[0] == n


def test_numbered_group_takes_the_nearest_chain_of_that_many_actors():
    before = sent("اجتمع وزراء خارجية روسيا وتركيا وإيران، وحضر ممثلو الأردن والولايات المتحدة.")
    groups = actor_groups(before, [m for m in before.mentions if m.kind == "state"])
    assert [[m.actor_id for m in g] for g in groups] == [["RUS", "TUR", "IRN"], ["JOR", "USA"]]
    s = sent("وقال إن الدول الثلاث اتفقت على الخرائط")
    found, how = numbered_group(s, len(s.key), [], groups, 3)
    assert [m.actor_id for m in found] == ["RUS", "TUR", "IRN"] and how.endswith("before")
    # a chain of another size is no antecedent: no guess
    assert numbered_group(s, len(s.key), [], groups[1:], 3) == ([], "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اتفقت الدول الضامنة ( روسيا وتركيا وإيران ) على الخرائط", ["RUS", "TUR", "IRN"]),
        (
            "اتفقت الدول الضامنة لنظام وقف إطلاق النار ( روسيا وتركيا وإيران ) , على الخرائط",
            ["RUS", "TUR", "IRN"],
        ),
        # one actor, a parenthesis that holds more than the actors, one past a comma
        ("اتفقت الدول ( ومنها روسيا ) على الخرائط", []),
        ("اتفقت الدول ( روسيا وتركيا في المقدمة ) على الخرائط", []),
        ("اتفقت الدول , وفق المصادر ( روسيا وتركيا ) على الخرائط", []),
    ],
)
def test_listed_members(text, expected):
    s = sent(text)
    start = next(i for i in range(len(s.tokens)) if s.token_text(i) == "الدول")
    pool = [m for m in s.mentions if m.kind == "state"]
    assert [m.actor_id for m in listed_members(s, start, pool)] == expected
