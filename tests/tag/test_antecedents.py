"""Antecedents (tag.antecedents): where an actor can be a subject, chains joined by و, and
the actor a pronoun or an unexpressed subject points back to. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from analysis.tag.agreement import note_heads
from analysis.tag.antecedents import antecedent, coordinated_actors, subject_position
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
