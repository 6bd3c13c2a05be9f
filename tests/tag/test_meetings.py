"""The party met (tag.meetings). Sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.tag.clauses import Sent
from analysis.tag.meetings import met_party
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
