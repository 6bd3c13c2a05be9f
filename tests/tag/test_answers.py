"""Who answers a move (tag.answers). Sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.tag.answers import responder
from analysis.tag.clauses import Sent
from analysis.tag.frames import find_cues
from analysis.tag.mentions import tag_text


def answer(text: str, move: str, party: str, rule: str) -> list[str]:
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    cue = [c for c in find_cues(s) if c.move == move][-1]
    return [h for h, _surface in responder(s, cue, party, rule)]


@pytest.mark.parametrize(
    ("text", "move", "party", "rule", "expected"),
    [
        ("عرضت موسكو على أنقرة المشاركة فرفضت ذلك .", "reject", "TUR", "joined by و to", ["TUR"]),
        ("عرضت موسكو على أنقرة المشاركة فرفضته .", "reject", "TUR", "joined by و to", ["TUR"]),
        ("عرضت موسكو على أنقرة المشاركة لكنها رفضت .", "reject", "TUR", "pronoun:لكنها", ["TUR"]),
        # the verb does not agree with the party addressed
        ("عرضت موسكو على الأمريكيين المشاركة لكنها رفضت .", "reject", "USA", "pronoun:لكنها", []),
        # an object of its own: another move, named with its owner
        ("طالبت موسكو أنقرة بالانسحاب فرفضت الشروط التركية .", "reject", "TUR", "joined", []),
        # a light verb answers only after لكن
        ("قدمت موسكو ضمانات لأنقرة وقدمت ضمانات أخرى .", "guarantee", "TUR", "joined", []),
        (
            "قدمت موسكو عرضا لأنقرة لكنها قدمت ضمانات .",
            "guarantee",
            "TUR",
            "pronoun:لكنها",
            ["TUR"],
        ),
    ],
)
def test_responder(text, move, party, rule, expected):
    assert answer(text, move, party, rule) == expected
