"""Stances implied by moves (tag.implied): one reading for both tables."""

from __future__ import annotations

import pytest
from sentence_tables import tables_from_sentences

from analysis.pipeline.stages import tag_chunk

CASES = [
    # sentence, stances expected among the (holder, target, polarity) rows
    (
        "وقدمت موسكو ضمانات لتل أبيب بإبعاد القوات الإيرانية عن الحدود.",
        {("RUS", "iranian_presence", "oppose")},
    ),
    (
        "عرضت واشنطن على دمشق سحب قواتها من التنف مقابل خروج القوات الإيرانية من الجنوب.",
        {("USA", "us_presence", "conditional"), ("USA", "iranian_presence", "oppose")},
    ),
    (
        "ورفضت دمشق بقاء القوات الأمريكية في سوريا.",
        {("SYR", "us_presence", "oppose")},
    ),
    # "بالخروج بشكل كامل": how it leaves, still leaving (not "come out with")
    (
        "وطالبت أنقرة القوات الإيرانية بالخروج بشكل كامل من سوريا.",
        {("TUR", "iranian_presence", "oppose")},
    ),
    # a place takes a word that moves forces from or to it
    ("وعرضت واشنطن سحب قواتها من التنف.", {("USA", "us_presence", "conditional")}),
    # an agreement of two parties is one row; both parties take the stance it implies
    (
        "واتفقت واشنطن مع موسكو على إخراج القوات الإيرانية من الجنوب.",
        {("USA", "iranian_presence", "oppose"), ("RUS", "iranian_presence", "oppose")},
    ),
]


def _stances(sentence: str):
    import pandas as pd  # the tables helper takes a frame of rows

    rows = pd.DataFrame({"case": "d", "sent": [0], "text": [sentence], "section": ["body"]})
    docs, sents = tables_from_sentences(rows, outlet="Outlet")
    return tag_chunk((docs, sents))["stances"]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_moves_imply_stances(sentence, expected):
    st = _stances(sentence)
    assert expected <= {(r.holder_id, r.target, r.polarity) for r in st.itertuples()}


def test_an_implied_stance_names_its_move():
    # no attitude cue here: the commitment (light verb + noun) alone gives the stance
    st = _stances("وأعلنت واشنطن التزامها بإخراج القوات الإيرانية من سوريا.")
    implied = st[st["cue_id"] == "move:guarantee"]
    assert [(r.holder_id, r.target, r.polarity) for r in implied.itertuples()] == [
        ("USA", "iranian_presence", "oppose")
    ]
    assert implied["reason"].iloc[0].startswith("implied by the move guarantee «أعلنت» (frame")


def test_an_attitude_stance_says_why():
    st = _stances("وقدمت موسكو ضمانات لتل أبيب بإبعاد القوات الإيرانية عن الحدود.")
    assert st["reason"].iloc[0].startswith("attitude want")


def test_a_threat_implies_nothing():
    st = _stances("وهددت تل أبيب بضرب دمشق.")
    assert not (st["cue_id"].astype(str).str.startswith("move:")).any()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a place that counts for Iran's presence says nothing of it alone ...
        ("واتفقت واشنطن مع موسكو على هدنة في جنوب سوريا.", set()),
        # ... a word that moves the forces does
        (
            "واتفقت واشنطن مع موسكو على إبعاد القوات الإيرانية عن جنوب سوريا.",
            {("USA", "iranian_presence", "oppose"), ("RUS", "iranian_presence", "oppose")},
        ),
    ],
)
def test_a_mapped_issue_implies_a_stance_only_with_a_direction(sentence, expected):
    st = _stances(sentence)
    implied = st[st["cue_id"].str.startswith("move:")]
    assert {(r.holder_id, r.target, r.polarity) for r in implied.itertuples()} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the attitude cue on a word the moves reader reads takes that reading's holder:
        # the president's approval, not the ambassador who reports it ...
        (
            "وقال السفير الروسي إن موافقة الرئيس السوري بشار الأسد على الانتقال السياسي"
            " تعني الكثير .",
            {("assad", "political_process", "support")},
        ),
        # ... Damascus's readiness, not the president who confirms it
        (
            "وأكد الأسد خلال اللقاء استعداد دمشق للحوار مع كل المهتمين بالحل السياسي .",
            {("SYR", "political_process", "support")},
        ),
    ],
)
def test_a_move_word_takes_the_move_readers_holder(sentence, expected):
    st = _stances(sentence)
    assert {(r.holder_id, r.target, r.polarity) for r in st.itertuples()} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a commitment declined takes no side on what it was about ...
        ("وقال لافروف إن روسيا لم تتعهد بإخراج القوات الموالية لإيران من سوريا .", set()),
        # ... but for the holder's own forces, and a refusal still opposes what it refuses
        ("ولم تتعهد إيران بسحب قواتها من سوريا .", {("IRN", "iranian_presence", "support")}),
        (
            "ورفضت روسيا انسحاب القوات الإيرانية من سوريا .",
            {("RUS", "iranian_presence", "support")},
        ),
    ],
)
def test_a_declined_commitment_implies_a_stance_only_on_own_forces(sentence, expected):
    st = _stances(sentence)
    assert {(r.holder_id, r.target, r.polarity) for r in st.itertuples()} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the refused thing is the issue (a word or two after the cue, names not counted)
        ("واعترضت فرنسا على العقوبات الأمريكية على سوريا.", [("FRA", "sanctions", "oppose")]),
        # the issue is inside what is refused: a report, conditions, a meeting about it
        ("واعترضت فرنسا على تقرير اللجنة الأممية حول العقوبات على سوريا.", []),
    ],
)
def test_a_refusal_takes_a_side_on_what_it_refuses(sentence, expected):
    st = _stances(sentence)
    implied = st[st["cue_id"] == "move:reject"]
    assert [(r.holder_id, r.target, r.polarity) for r in implied.itertuples()] == expected


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        # the issue is in a clause of time or cause after the move, not what it asks
        (
            "وجاء الضغط الروسي على واشنطن لتحقيق مكاسب بعد عرقلة واشنطن خطط الميليشيات الإيرانية.",
            "RUS",
        ),
        ("وزاد الضغط الأمريكي على طهران لأنها ترفض سحب قواتها من سوريا.", "USA"),
    ],
)
def test_an_issue_in_a_later_clause_of_time_or_cause_is_not_the_moves(sentence, holder):
    st = _stances(sentence)
    assert not [
        r for r in st.itertuples() if r.holder_id == holder and r.cue_id.startswith("move:")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "الخروج بـ" comes out with something: nothing leaves
        (
            "توصلت الولايات المتحدة وروسيا إلى اتفاق لعقد مؤتمر جنيف 2"
            " حول الخروج بحل سياسي في سوريا.",
            {("USA", "political_process", "support"), ("RUS", "political_process", "support")},
        ),
        # a position on the issue says no side, in the moves' stances as in the attitudes'
        ("ودعت دمشق إلى الخروج بموقف موحد من الوجود الأمريكي.", set()),
    ],
)
def test_what_a_moves_issue_phrase_is_not(sentence, expected):
    st = _stances(sentence)
    assert {(r.holder_id, r.target, r.polarity) for r in st.itertuples()} == expected


def test_a_ceasefire_in_a_place_is_no_stance_on_a_presence():
    # "وقف إطلاق النار في جنوب غرب سوريا" halts the firing, it moves no forces
    st = _stances(
        "وقال لافروف إن روسيا والولايات المتحدة مستعدتان لإعلان وقف إطلاق النار في جنوب غرب سوريا."
    )
    assert "iranian_presence" not in set(st["target"])
