"""A noun phrase (not an actor) that is a verb's own subject (analysis.tag.overt)."""

from __future__ import annotations

import pytest
from sentence_tables import sent

from analysis.tag.overt import overt_subject
from analysis.text.normalize import fold


@pytest.mark.parametrize(
    ("text", "verb", "overt"),
    [
        # the noun before a negation, قد or the future particle is the subject
        ("وأن الدستور لا يسمح بوجود جماعات مسلحة", "يسمح", True),
        ("لكن الاعتبارات السياسية لا تسمح بذلك", "تسمح", True),
        ("وأن الجلسات قد اتفقت على تشكيل لجنة", "اتفقت", True),
        # no noun before the particle, nor after the verb: the subject is unexpressed
        ("وقال إنه لن يسمح بذلك", "يسمح", False),
        # "إلى" after the verb only looks like the article
        ("لم تتوصل إلى اتفاق", "تتوصل", False),
        # a noun whose first letter is ب (not the preposition) is a subject after the verb
        ("دعا بيان صادر عن الخارجية الكويتية إلى عقد جلسة", "دعا", True),
        ("ودعا برنامج الأغذية العالمي إلى تمويل عاجل", "دعا", True),
        ("ودعا بسرعة إلى عقد جلسة", "دعا", False),
    ],
)
def test_overt_subject(text, verb, overt):
    s = sent(text)
    a = s.key.index(fold(verb))
    assert overt_subject(s, a, a + len(fold(verb)), {("m", "s"), ("f", "s")}) is overt


def test_a_participles_noun_after_it_is_its_object():
    s = sent("وأعلن الوزير استعداد بلاده للدعم، داعيا بقية الدول إلى موقف مماثل")
    a = s.key.index(fold("داعيا"))
    # a participle has no person or number of a verb: its feats are ("", "na")
    assert overt_subject(s, a, a + len(fold("داعيا")), {("", "na")}) is False
