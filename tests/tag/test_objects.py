"""Prepositional objects and subjects just before a verb (analysis.tag.objects)."""

from __future__ import annotations

import pytest
from sentence_tables import sent

from analysis.tag.objects import (
    after_prep,
    lookback_mentions,
    part_agreement,
    part_before,
    partitive_prep,
)
from analysis.text.normalize import fold


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


@pytest.mark.parametrize(
    ("text", "part", "agreement"),
    [
        ("وصل وفد من إيران", "وفد", ("m", "s")),
        ("وطالب مسؤولون في المعارضة السورية", "مسؤولون", ("m", "p")),
        # a member, past adjectives of rank or field
        ("ورفض قيادي بارز في المعارضة السورية", "قيادي", ("m", "s")),
        ("وقال مسؤول رفيع المستوى في الخارجية الإيرانية", "مسؤول", ("m", "s")),
        ("وأعلنت شخصيات بارزة في المعارضة السورية", "شخصيات", None),  # either gender
        # a former member, or one in a place, is no part of the actor
        ("وقال مسؤول سابق في الخارجية الإيرانية", "", None),
        ("وقال مسؤول في سوريا", "", None),
    ],
)
def test_a_part_or_member_names_its_actor(text, part, agreement):
    s = sent(text)
    m = s.mentions[-1]
    at = part_before(s, m)
    assert s.token_text(at).endswith(part) if part else at == -1, at
    assert after_prep(s, m) is not bool(part)
    if part:
        assert part_agreement(fold(part)) == agreement
        first = next(i for i in range(len(s.tokens)) if s.token_text(i).endswith(part))
        assert partitive_prep(s, first, m.kind) == s.tok_index(m.kstart) - 1
