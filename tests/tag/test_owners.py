"""Owners of moves said as nouns (tag.owners): genitive, nisba, agent phrase, "بطلب من",
"بالتفاهم مع" and the parties of an agreement. Sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.tag.agreement import note_heads
from analysis.tag.clauses import Sent
from analysis.tag.frames import find_cues
from analysis.tag.mentions import tag_text
from analysis.tag.owners import noun_holders


def owners(text: str, move: str) -> tuple[list[str], str]:
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    note_heads(s)
    cue = next(c for c in find_cues(s) if c.move == move and c.how == "noun")
    found, rule = noun_holders(s, cue, s.mentions, [])
    return [m.actor_id for m in found], rule


@pytest.mark.parametrize(
    ("text", "move", "expected", "rule"),
    [
        ("وتعثرت المفاوضات بسبب اشتراط أنقرة خروج المقاتلين", "condition", ["TUR"], "genitive"),
        ('وتحدث الوزير عن تفاهم "أميركي روسي" حول الجنوب', "agreement", ["USA", "RUS"], "nisba"),
        ("وكانت المبادرة قد تم طرحها من قبل الحكومة التركية", "offer", ["TUR"], "agent"),
        # the noun's complement may be long before the passive that presents it
        (
            "يذكر أن المبادرة بإنشاء مجموعة اتصال دولية حول الأزمة السورية تم طرحها من قبل"
            " الحكومة التركية",
            "offer",
            ["TUR"],
            "agent",
        ),
        ("وانتشرت القوات في المدينة بطلب من السلطات السورية", "demand", ["SYR"], "request of"),
        ("وأقامت تركيا المنطقة بالتفاهم مع روسيا", "agreement", ["TUR"], "مع X"),
        ("وتم التوصل إلى اتفاق بين تركيا وروسيا حول المدينة", "agreement", ["TUR", "RUS"], "بين"),
        # the agent after the noun's own complement, a dual head with its nisbas
        (
            "وبات الإشراف على منطقة خفض التصعيد في الشمال من الجانبين الروسي والتركي",
            "guarantee",
            ["RUS", "TUR"],
            "agent",
        ),
        # ... after the pronoun of the party it is addressed to
        ("وتلقى الدعوة له من قبل وزارة الخارجية الروسية لزيارة موسكو", "offer", ["RUS"], "agent"),
        # ... not past a word that presents another move
        ("وتحدث الوزير عن رفض الطلب المقدم لها من قبل روسيا", "reject", [], ""),
        # the parties' phrase after بين ends at a comma
        (
            "وبحث الوزير اتفاق الطرفين حول القنوات بين الخبراء العسكريين , لضمان سلامة القوات"
            " الروسية والأميركية",
            "agreement",
            [],
            "",
        ),
        # the agent of another act on the noun is not its owner
        ("وقالت إن الاتفاق تم خرقه من قبل الحكومة السورية", "agreement", [], ""),
    ],
)
def test_noun_owners(text, move, expected, rule):
    found, how = owners(text, move)
    assert found == expected
    assert rule in how
