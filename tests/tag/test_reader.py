"""The clause reader: holders by agreement, apposition, pronoun, relative and noun slots;
references; negated moves. Sentences written for these tests (tag.subjects, tag.positions)."""

from __future__ import annotations

import pytest
from test_positions import tag

CASES = [
    # (sentences, expected (holder, move, counterpart) rows of the last sentence), rule
    (["ورفض المبعوث الأمريكي، جيمس جيفري، المقترح الروسي."], {("jeffrey", "reject", "RUS")}),
    (["الحكومة التركية رفضت العرض."], {("TUR", "reject", "")}),
    (["ووصل لافروف إلى أنقرة، لكنه رفض الحديث عن أي تنازلات."], {("lavrov", "reject", "")}),
    (
        ["التقى بوتين بأردوغان في سوتشي.", "وعرض عليه إقامة منطقة آمنة في الشمال."],
        {("putin", "offer", "")},
    ),
    (
        ["أكد الروس التزامهم بالهدنة في الشمال.", "وقدموا ضمانات للأتراك بعدم مهاجمة المدينة."],
        {("RUS", "guarantee", "TUR")},
    ),
    (
        ["وتم التوصل إلى اتفاق بين تركيا وروسيا حول المدينة."],
        {("TUR", "agreement", ""), ("RUS", "agreement", "")},
    ),
    (["وكشف الوزير عن عرض روسي لتركيا بشأن المدينة."], {("RUS", "offer", "TUR")}),
    (["وتعثرت المفاوضات بسبب اشتراط أنقرة خروج المقاتلين."], {("TUR", "condition", "")}),
    (["ورفضت دمشق العرض التركي."], {("SYR", "reject", "TUR")}),
    (["ولم تقبل المعارضة السورية بالهدنة."], {("syrian_opposition", "reject", "")}),
    (
        ["روسيا وتركيا اتفقتا على هدنة في الشمال."],
        {("RUS", "agreement", ""), ("TUR", "agreement", "")},
    ),
    (["وأبدت أنقرة استعدادها للتفاوض مع دمشق."], {("TUR", "offer", "")}),
    (["أنقرة مستعدة لسحب قواتها من المدينة."], {("TUR", "offer", "")}),
    (["ومارست واشنطن ضغوطا على أنقرة لوقف الهجوم."], {("USA", "demand", "TUR")}),
    (
        ["ووقع وزير الدفاع الروسي سيرغي شويغو مع نظيره التركي اتفاقا جديدا."],
        {("shoigu", "agreement", "")},
    ),
    # no subject, no antecedent, no speaker: no holder rather than a wrong one
    (["ورفض العرض في اليوم التالي."], set()),
    # a recipient after a preposition is never the holder
    (["وقدمت ضمانات لإسرائيل بعدم الاقتراب من الحدود."], set()),
]


@pytest.mark.parametrize(("sentences", "expected"), CASES, ids=[c[0][-1][:30] for c in CASES])
def test_holder_rules(sentences, expected):
    out = tag(sentences)
    last = out[out["sent_id"] == len(sentences) - 1]
    got = {(r.holder_id, r.move, r.counterpart_id) for r in last.itertuples()}
    assert got == expected


def test_every_row_says_why():
    out = tag(["ورفض المبعوث الأمريكي، جيمس جيفري، المقترح الروسي."])
    reason = out["reason"].iloc[0]
    assert "frame reject.verb" in reason
    assert "holder: subject after the verb «جيمس جيفري»" in reason
