"""The party met (tag.meetings). Sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.clauses import Sent
from analysis.tag.meetings import meeting_pair, met_party
from analysis.tag.mentions import tag_text
from analysis.text.normalize import fold


@pytest.mark.parametrize(
    ("text", "verb", "holder", "expected"),
    [
        (
            "وطالب أردوغان , خلال لقائه الرئيس الروسي فلاديمير بوتين , بوقف القصف",
            "وطالب",
            "erdogan",
            "putin",
        ),
        ("ودعا روحاني خلال اتصال هاتفي مع أمير قطر إلى تحسين العلاقات", "ودعا", "rouhani", "QAT"),
        ("وعرض لافروف بعد اجتماعه مع نظيره التركي إقامة منطقة آمنة", "وعرض", "lavrov", "TUR"),
        # a meeting noun's bare genitive is its venue; the holder is never its own party
        ("وطالب لافروف في اجتماعات الرياض بوقف القصف", "وطالب", "lavrov", ""),
        ("وطالب لافروف خلال لقائه وزير الخارجية الروسي بوقف القصف", "وطالب", "lavrov", ""),
        # a comma after the meeting word sets off a time, not the party
        (
            "واقترح بوتين , خلال لقائه , أمس , الرئيس التركي , إقامة منطقة آمنة",
            "واقترح",
            "putin",
            "",
        ),
        ("وحث الوزراء عقب اجتماعهم , الأسد على تنفيذ التزاماته", "وحث", "USA", ""),
    ],
)
def test_met_party(text, verb, holder, expected):
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    a = s.key.index(fold(verb))
    assert met_party(s, a, a + len(fold(verb)), {holder}) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after مع, after نظيره (the name after its nisba), the object of التقى
        ("وأجرى بوتين محادثات مع الأسد واتفق الزعيمان", ["putin", "assad"]),
        ("والتقى أردوغان نظيره الروسي فلاديمير بوتين حيث أكد الجانبان", ["erdogan", "putin"]),
        ("واستقبل أردوغان بوتين في أنقرة وبحث الجانبان", ["erdogan", "putin"]),
        ("والتقى الرئيس التركي رجب طيب أردوغان نظيره الروسي حيث أكد الجانبان", ["erdogan", "RUS"]),
        # no meeting, a meeting with one party named, a comma between the side and it
        ("وأجرى الوزير محادثات في موسكو واتفق الجانبان", []),
        ("وعقد لافروف اجتماعا في موسكو , واتفق الجانبان", []),
        ("وقالت روسيا , في اجتماع مع الوفد , واتفق الجانبان", []),
    ],
)
def test_meeting_pair(text, expected):
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    a = s.key.index(fold("الجانبان" if "الجانبان" in text else "الزعيمان"))
    pool = [m for m in s.mentions if m.kind in ACTOR_KINDS]
    assert [m.actor_id for m in meeting_pair(s, a, pool)] == expected
