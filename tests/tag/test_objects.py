"""Prepositional objects and subjects just before a verb (analysis.tag.objects)."""

from __future__ import annotations

import pytest

from analysis.tag.clauses import Sent
from analysis.tag.mentions import tag_text
from analysis.tag.objects import after_prep, lookback_mentions
from analysis.text.normalize import fold


def sent(text: str) -> Sent:
    return Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))


def test_lookback_nearest_first():
    s = sent("روسيا وإيران رفضتا العرض")
    before = lookback_mentions(s, s.key.index(fold("رفضتا")))
    assert [m.actor_id for m in before] == ["IRN", "RUS"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اتصل بوتين بإيران", True),
        ("اتصل بوتين مع إيران", True),
        ("قالت إيران", False),
        ("وصل وفد من إيران", False),  # a part of the actor: "وفد من إيران"
        ("خرجت القوات من إيران", True),
        ("قال لن نسمح لإيران", True),
    ],
)
def test_after_prep(text, expected):
    s = sent(text)
    iran = next(m for m in s.mentions if m.actor_id == "IRN")
    assert after_prep(s, iran) is expected


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # the counterpart told or met, past its nisba, and a name joined to it
        ("وأضاف قائلا لنظيره الروسي سيرغي لافروف إن", "lavrov", True),
        ("اتصل بنظيره الروسي فلاديمير بوتين والإيراني حسن روحاني", "rouhani", True),
        # a person set off by commas after the one told is told too
        ("وأكد الأسد لنظيره الروسي , فلاديمير بوتين , استعداده", "putin", True),
        ("وقال نظيره الروسي سيرغي لافروف إن", "lavrov", False),  # the counterpart speaks
    ],
)
def test_a_counterpart_named_is_a_prepositional_object(text, person, expected):
    s = sent(text)
    m = next(m for m in s.mentions if m.actor_id == person)
    assert after_prep(s, m) is expected


def test_a_state_after_a_comma_is_no_apposition():
    s = sent("وقال لإيران ، السعودية لن تسمح بذلك")
    saudi = next(m for m in s.mentions if m.actor_id == "SAU")
    assert after_prep(s, saudi) is False
