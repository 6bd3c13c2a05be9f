"""Holders of stances and moves (analysis.tag.holders)."""

from __future__ import annotations

import pytest
from sentence_tables import sent

from analysis.tag.clauses import Sent
from analysis.tag.holders import (
    coordinated_verb,
    explicit_subject,
    self_reference,
    speaker_holder,
    stance_holders,
)
from analysis.tag.issues import find_issues
from analysis.text.normalize import fold


def cue_span(s: Sent, cue: str) -> tuple[int, int]:
    a = s.key.index(fold(cue))
    return a, a + len(fold(cue))


@pytest.mark.parametrize(
    ("text", "cue", "subject"),
    [
        ("دمشق رفضت عرضاً أمريكياً", "رفضت", ["SYR"]),  # SVO: not the nisba in the object
        ("رفضت روسيا وإيران العرض", "رفضت", ["RUS", "IRN"]),  # coordinated subjects
        ("رفض وزير الخارجية الروسي سيرغي لافروف العرض", "رفض", ["lavrov"]),  # the name
        ("رفض العرض", "رفض", []),
    ],
)
def test_explicit_subject(text, cue, subject):
    s = sent(text)
    a, b = cue_span(s, cue)
    assert [m.actor_id for m in explicit_subject(s, a, b, issues=find_issues(s))] == subject


@pytest.mark.parametrize(
    ("text", "cue", "holders"),
    [
        # a relative clause's verb: its head, a prepositional object in the main clause too
        ("كان ذلك إحراجا لروسيا التي تسعى إلى الحل السياسي", "تسعى", ["RUS"]),
        # the verb's object pronoun, or a preposition with it, is the head: the subject follows
        ("انتقد المعارضة السورية التي تدعوها روسيا إلى الحضور", "تدعوها", ["RUS"]),
        ("مؤتمر الحوار الوطني السوري الذي تدعو إليه روسيا", "تدعو", ["RUS"]),
        # a verb that does not agree with the relative pronoun has its own subject
        ("وتحدث عن الأسد الذي تسعى روسيا إلى الحل السياسي", "تسعى", ["RUS"]),
        # a nisba inside a name is no head ("الحوار الوطني السوري")
        ("مؤتمر الحوار الوطني السوري الذي تدعو الحكومة إلى حضوره", "تدعو", []),
    ],
)
def test_stance_holders_of_a_relative_clause(text, cue, holders):
    s = sent(text)
    a, b = cue_span(s, cue)
    found = stance_holders(s, a, b, "want", cue, find_issues(s), None, -1)
    assert [h for h, _ in found] == holders


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [("قال إن بلاده ترفض الانسحاب", "ترفض", True), ("قال إن دمشق ترفض الانسحاب", "ترفض", False)],
)
def test_self_reference(text, cue, expected):
    s = sent(text)
    assert self_reference(s, cue_span(s, cue)[0]) is expected


@pytest.mark.parametrize(
    ("att", "holders"),
    [
        (
            {"speaker_id": "lavrov", "speaker_kind": "person", "speaker_surface": "لافروف"},
            [("lavrov", "لافروف")],
        ),
        # an unnamed source holds no move of his own
        (
            {
                "speaker_id": "unnamed_source",
                "speaker_kind": "unnamed_source",
                "speaker_surface": "مصدر",
            },
            [],
        ),
        ({"speaker_id": "outlet", "speaker_kind": "outlet", "speaker_surface": ""}, []),
        ({"speaker_id": "reports", "speaker_kind": "reports", "speaker_surface": "تقارير"}, []),
        ({"speaker_id": "reuters", "speaker_kind": "source", "speaker_surface": "رويترز"}, []),
        (None, []),
    ],
)
def test_speaker_holder(att, holders):
    assert speaker_holder(att, 0) == holders


@pytest.mark.parametrize(
    ("text", "cue", "joined"),
    [
        ("رفضت أنقرة العرض، ووافقت على الهدنة.", "وافقت", True),  # و attached: joined
        ("رفضت أنقرة العرض لكنها قبلت الهدنة.", "قبلت", True),
        # bug: a verb that itself begins with و (وافق، وقع، وضع) read as "و + verb"
        ("رفضت أنقرة العرض، وافقت دمشق على الهدنة.", "وافقت", False),
    ],
)
def test_coordinated_verb(text, cue, joined):
    s = sent(text)
    a, _b = cue_span(s, cue)
    assert coordinated_verb(s, a) is joined
