"""A move noun read through the verb after it that presents it (tag.presenting): "تهديدات
أطلقها X"، "الشروط التي وضعتها X". Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_positions import tag

from analysis.tag.clauses import Sent
from analysis.tag.mentions import tag_text
from analysis.tag.presenting import presenting_verb
from analysis.text.normalize import fold

CASES = [
    # a noun that makes a move only with a verb that carries it, the verb after it in a
    # relative clause, with or without الذي/التي
    ("وسبق الغارة تهديدات أطلقها نتنياهو ضد طهران.", {("netanyahu", "threat")}),
    (
        "وقالت المعارضة إنها ترفض الشروط التي وضعتها دمشق للتفاوض.",
        {("syrian_opposition", "reject"), ("SYR", "condition")},
    ),
    ("وخرقت الفصائل الهدنة التي أعلنتها روسيا في ريف حمص.", {("RUS", "guarantee")}),
    ("وناقش الوفد الخطة التي قدمتها تركيا لحل الأزمة.", {("TUR", "offer")}),
    ("وأشاد الوزير بالتزام قطعته أنقرة بوقف القصف.", {("TUR", "guarantee")}),
    # the verb must be one that may carry the frame: a truce is declared, a plan put
    # forward; one signed or concluded is an agreement, no offer or pledge
    ("وتقع المدينة ضمن خطة أبرمتها روسيا وإيران العام الماضي.", set()),
    ("وقال إن الهدنة التي وقعتها روسيا في حمص صامدة.", set()),
    # a light verb before the noun obeys the same list
    ("ووقع وزير الداخلية التركي على مشروع مرسوم للانتخابات.", set()),
    # no verb that presents it: the noun alone makes no move
    ("وقالت أنقرة إن التهديدات لن تثنيها عن العملية.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_a_verb_after_the_noun_presents_it(sentence, expected):
    out = tag([sentence])
    assert {(r.holder_id, r.move) for r in out.itertuples()} == expected


def test_the_reason_says_the_verb_presents_it():
    out = tag(["وسبق الغارة تهديدات أطلقها نتنياهو ضد طهران."])
    assert "subject of the verb that presents it" in out["reason"].iloc[0]


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        ("الضمانات التي قدمتها موسكو للفصائل", 0, "قدمتها"),
        ("اعتراض أبدته أنقرة على البند", 0, "أبدته"),
        ("المبادرة الجديدة التي أطلقتها السعودية", 0, "أطلقتها"),
        # ل + ال is definite too: the adjective agrees ("للضمانات الجديدة")
        ("للضمانات الجديدة التي قدمتها موسكو", 0, "قدمتها"),
        # a word with a preposition belongs to another noun
        ("الاستجابة للدعوة التي أطلقها الرئيس", 0, None),
        # no object pronoun: the verb does not present the noun
        ("المبادرة التي أطلقت أمس", 0, None),
    ],
)
def test_presenting_verb(text, noun, verb):
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    found = presenting_verb(s, noun + 1)
    assert (s.token_text(found[0]) if found else None) == (fold(verb) if verb else None)
