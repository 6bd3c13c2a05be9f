"""Office titles without a name (tag.offices): the named office holder on the page's date.
Sentences written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.tag.actors import ACTOR_KINDS, load_dictionary
from analysis.tag.attribution import attribute
from analysis.tag.mentions import tag_mentions, tag_text, text_sentences
from analysis.tag.offices import offices
from analysis.tag.positions import tag_positions


def _tables(text: str, date: str | None):
    sents = text_sentences(text)
    docs = pd.DataFrame(
        {
            "doc_id": ["text"],
            "text": [text],
            "outlet": [""],
            "date": [pd.Timestamp(date) if date else pd.NaT],
        }
    )
    return sents, docs, tag_mentions(sents, docs)


def moves(text: str, date: str | None):
    """The positions table of ``text`` read as a page of ``date``, and its sentences."""
    sents, docs, mentions = _tables(text, date)
    return tag_positions(sents, docs, mentions, attribute(sents, docs, mentions)), sents


def actors(text: str, date: str | None) -> list[str]:
    m = _tables(text, date)[2]
    m = m[m["kind"].isin(ACTOR_KINDS)]
    return [f"{a}@{s}" for a, s in zip(m["actor_id"], m["surface"], strict=True)]


NAMED = "والتقى أمير حاتمي بالوفد. "

CASES = [
    # (page date, text, expected actor@surface), why
    # a bare title is the holder the article names, when the date lies in his term
    (
        "2019-01-01",
        "وقّع وزير الدفاع الإيراني اتفاقية. " + NAMED,
        ["hatami@وزير الدفاع الإيراني", "hatami@أمير حاتمي"],
    ),
    # ... named before or after, with a clitic on the title
    (
        "2019-01-01",
        NAMED + "وقال لوزير الدفاع الإيراني إن الاتفاق جاهز.",
        ["hatami@أمير حاتمي", "hatami@لوزير الدفاع الإيراني"],
    ),
    # not named on the page: the state, as before
    ("2019-01-01", "وقّع وزير الدفاع الإيراني اتفاقية.", ["IRN@الدفاع الإيراني"]),
    # named, but the page is dated after his term: someone else holds the office
    (
        "2024-01-01",
        "وقّع وزير الدفاع الإيراني اتفاقية. " + NAMED,
        ["IRN@الدفاع الإيراني", "hatami@أمير حاتمي"],
    ),
    # two named holders of the office, each in his own term
    (
        "2018-06-01",
        "وقال الرئيس الأمريكي إن ترامب وأوباما مختلفان.",
        ["trump@الرئيس الأمريكي", "trump@ترامب", "obama@وأوباما"],
    ),
    (
        "2010-06-01",
        "وقال الرئيس الأمريكي إن ترامب وأوباما مختلفان.",
        ["obama@الرئيس الأمريكي", "trump@ترامب", "obama@وأوباما"],
    ),
    # both in office on the day one hands over to the other: no one is chosen
    (
        "2021-01-20",
        "وقال الرئيس الأمريكي إن ترامب وبايدن مختلفان.",
        ["USA@الأمريكي", "trump@ترامب", "biden@وبايدن"],
    ),
    # a former holder, and another post's genitive, are not the office holder
    (
        "2019-01-01",
        "وقال وزير الدفاع الإيراني السابق إن حاتمي أخطأ.",
        ["IRN@الدفاع الإيراني", "hatami@حاتمي"],
    ),
    (
        "2019-01-01",
        "وقال مستشار وزير الدفاع الإيراني إن أمير حاتمي سيصل غدا.",
        ["IRN@الدفاع الإيراني", "hatami@أمير حاتمي"],
    ),
    # a deputy's post is held by several at once: never resolved
    (
        "2017-11-20",
        "وقال نائب وزير الخارجية الروسي إن ميخائيل بوغدانوف سيصل غدا.",
        ["RUS@الخارجية الروسي", "bogdanov@ميخائيل بوغدانوف"],
    ),
    # the page's date unknown: only a person the page itself names with a title
    (
        None,
        "وقّع وزير الدفاع الإيراني اتفاقية. " + NAMED,
        ["IRN@الدفاع الإيراني", "hatami@أمير حاتمي"],
    ),
    (
        None,
        "وقّع وزير الدفاع الإيراني اتفاقية. ووصل وزير الدفاع الإيراني أمير حاتمي إلى دمشق.",
        ["hatami@وزير الدفاع الإيراني", "hatami@وزير الدفاع الإيراني أمير حاتمي"],
    ),
    # a name set off by commas after the title says who holds it, whatever the date; the
    # page then names him with a title, so a later bare title is his too
    (
        None,
        "وقال وزير الدفاع الإيراني، أمير حاتمي، إن الاتفاق جاهز."
        " ووقع وزير الدفاع الإيراني الاتفاق.",
        [
            "hatami@وزير الدفاع الإيراني",
            "hatami@أمير حاتمي",
            "hatami@وزير الدفاع الإيراني",
        ],
    ),
    (
        "2024-01-01",
        "وقال وزير الدفاع الإيراني، أمير حاتمي، إن الاتفاق جاهز.",
        ["hatami@وزير الدفاع الإيراني", "hatami@أمير حاتمي"],
    ),
    # ... only a name that holds that title: another's name after a comma is a list
    (
        None,
        "وحضر وزير الدفاع الإيراني، محمد جواد ظريف، الاجتماع.",
        ["IRN@الدفاع الإيراني", "zarif@محمد جواد ظريف"],
    ),
    # the holder's own nisba after the title belongs to it
    (
        "2019-01-01",
        "ورفض رئيس مكتب الأمن الوطني السوري، علي مملوك، العرض.",
        ["mamlouk@رئيس مكتب الأمن الوطني السوري", "mamlouk@علي مملوك"],
    ),
    # a name that completes the title is the one mention
    (
        "2019-01-01",
        "بحضور المستشار السابق لقائد «فيلق القدس» الجنرال قاسم سليماني.",
        ["soleimani@الجنرال قاسم سليماني"],
    ),
    # a title after another person's name is that person's
    (
        "2019-01-01",
        "وقال محمد جواد ظريف، وزير الدفاع الإيراني، إن أمير حاتمي سيصل غدا.",
        ["zarif@محمد جواد ظريف", "IRN@الدفاع الإيراني", "hatami@أمير حاتمي"],
    ),
    # counterparts: the same office in the named country
    (
        "2017-11-20",
        "والتقى لافروف بجاويش أوغلو ومحمد جواد ظريف. "
        "وقال لافروف إنه اتفق مع نظيريه التركي والإيراني.",
        [
            "lavrov@لافروف",
            "cavusoglu@بجاويش أوغلو",
            "zarif@ومحمد جواد ظريف",
            "lavrov@لافروف",
            "cavusoglu@التركي",
            "zarif@والإيراني",
        ],
    ),
    # an office head before states: each state's holder
    (
        "2017-11-20",
        "والتقى لافروف بجاويش أوغلو ومحمد جواد ظريف. واجتمع وزراء خارجية تركيا وروسيا وإيران أمس.",
        [
            "lavrov@لافروف",
            "cavusoglu@بجاويش أوغلو",
            "zarif@ومحمد جواد ظريف",
            "cavusoglu@تركيا",
            "lavrov@وروسيا",
            "zarif@وإيران",
        ],
    ),
    (
        "2017-08-02",
        "رئيس تركيا يستغل الأزمة. وقال أردوغان كلاما.",
        ["erdogan@تركيا", "erdogan@أردوغان"],
    ),
    # ... names after the nisbas say who: the nisbas stay, the list a dual title reads
    (
        "2017-11-20",
        "اتفق الرئيسان الأميركي دونالد ترامب والفرنسي إيمانويل ماكرون.",
        ["USA@الأميركي", "trump@دونالد ترامب", "FRA@والفرنسي", "macron@إيمانويل ماكرون"],
    ),
    # ... several of one state, or past holders: no one holder
    (
        "2017-11-20",
        "التقى ترامب الوفد. وكان الرؤساء الأمريكيون قد طالبوا بحسم وضع القدس.",
        ["trump@ترامب", "USA@الأمريكيون"],
    ),
    (
        "2017-11-20",
        "وقال وزراء خارجية روسيا وتركيا السابقون إن لافروف وجاويش أوغلو اتفقا.",
        ["RUS@روسيا", "TUR@وتركيا", "lavrov@لافروف", "cavusoglu@وجاويش أوغلو"],
    ),
    # "as president of": a description of the man just named, not a mention of him
    (
        "2017-12-05",
        "في ذكرى تنصيب دونالد ترامب رئيسا للولايات المتحدة. وسيذكر ترامب كرئيس للولايات المتحدة.",
        ["trump@دونالد ترامب", "USA@للولايات المتحدة", "trump@ترامب", "USA@للولايات المتحدة"],
    ),
    (
        "2019-01-01",
        "وقال أمير حاتمي كوزير الدفاع الإيراني إن الاتفاق جاهز.",
        ["hatami@أمير حاتمي", "IRN@الدفاع الإيراني"],
    ),
    # ... not named on the page: the state
    (
        "2017-11-20",
        "وقال لافروف إنه اتفق مع نظيره التركي.",
        ["lavrov@لافروف", "TUR@التركي"],
    ),
    # ... and only of a person: after a state the nisba stays the state
    (
        "2017-11-20",
        "وقال جاويش أوغلو إن روسيا ونظيرتها التركية اتفقتا.",
        ["cavusoglu@جاويش أوغلو", "RUS@روسيا", "TUR@التركية"],
    ),
]


@pytest.mark.parametrize(("date", "text", "expected"), CASES)
def test_a_bare_title_is_the_named_office_holder(date, text, expected):
    assert actors(text, date) == expected


def test_the_reason_names_the_title_the_rule_and_the_date():
    m = _tables("وقّع وزير الدفاع الإيراني اتفاقية. " + NAMED, "2019-01-01")[2]
    assert m["reason"].iloc[0] == (
        "office:وزير الدفاع الإيراني; hatami: named, in office on 2019-01-01"
    )


def test_the_reason_of_a_counterpart_names_whose_counterpart_it_is():
    m = _tables("والتقى لافروف بجاويش أوغلو. وقال لافروف إنه اتفق مع نظيره التركي.", "2017-11-20")[
        2
    ]
    assert m["reason"].iloc[-1] == (
        "office:التركي; cavusoglu: نظيره, the counterpart of lavrov; named, in office on 2017-11-20"
    )


def test_tag_text_reads_titles_by_the_date_it_is_given():
    text = "وقّع وزير الدفاع الإيراني اتفاقية. " + NAMED
    assert tag_text(text)["actor_id"].iloc[0] == "IRN"
    assert tag_text(text, date=pd.Timestamp("2019-01-01"))["actor_id"].iloc[0] == "hatami"


@pytest.mark.parametrize(("date", "actor"), [("2019-01-01", "hatami"), ("not a date", "IRN")])
def test_a_documents_date_may_be_a_string(date, actor):
    text = "وقّع وزير الدفاع الإيراني اتفاقية. " + NAMED
    docs = pd.DataFrame({"doc_id": ["text"], "text": [text], "date": [date]})
    assert tag_mentions(text_sentences(text), docs)["actor_id"].iloc[0] == actor


def test_offices_are_compiled_from_titles_and_dated_roles():
    off = offices(load_dictionary())
    hatami = off.holders[("وزير", "الدفاع", "الايراني")]
    assert list(hatami) == ["hatami"]
    assert hatami["hatami"][0][0] == pd.Timestamp("2017-08-20")
    # a plain title takes the person's terms; spelling variants share them
    assert off.holders[("المبعوث", "الاميركي")] == off.holders[("المبعوث", "الامريكي")]
    # deputies' posts are not offices
    assert ("نائب", "وزير", "الخارجيه", "الروسي") not in off.holders


@pytest.mark.parametrize(
    ("date", "text", "expected"),
    [
        # the office holder is the move's holder
        (
            "2019-01-01",
            NAMED + "ووقّع وزير الدفاع الإيراني اتفاقية تعاون عسكري مع دمشق.",
            {("hatami", "agreement", "SYR")},
        ),
        # a counterpart's agreement: every party gets a row
        (
            "2017-11-20",
            "والتقى لافروف بجاويش أوغلو ومحمد جواد ظريف. "
            "وقال لافروف إنه توصل لاتفاق مع نظيريه التركي والإيراني.",
            {
                ("lavrov", "agreement", "cavusoglu"),
                ("cavusoglu", "agreement", "lavrov"),
                ("zarif", "agreement", "lavrov"),
            },
        ),
        # "the three ministers" are the ministers the article has just listed
        (
            "2017-11-20",
            "والتقى لافروف بجاويش أوغلو ومحمد جواد ظريف. "
            "واجتمع وزراء خارجية تركيا وروسيا وإيران أمس. "
            "وقال البيان إن الوزراء الثلاثة اتفقوا على كل النقاط.",
            {
                ("cavusoglu", "agreement", "lavrov"),
                ("lavrov", "agreement", "cavusoglu"),
                ("zarif", "agreement", "cavusoglu"),
            },
        ),
        # the president's envoy is not the president
        (
            "2017-11-20",
            "والتقى فلاديمير بوتين الوفد. ودعا المبعوث الخاص للرئيس الروسي الى سوريا "
            "المجموعات المسلحة إلى الحوار.",
            set(),
        ),
    ],
)
def test_office_holders_hold_moves(date, text, expected):
    p, sents = moves(text, date)
    last = p[p["sent_id"] == sents["sent_id"].max()]
    rows = set(zip(last["holder_id"], last["move"], last["counterpart_id"].fillna(""), strict=True))
    assert rows == expected


def test_the_genitive_of_a_second_conjunct_is_no_apposition_of_the_first():
    # "وحلفاء الرئيس السوري": the president owns the allies; he is not the subject
    text = (
        "وقال الرئيس السوري بشار الأسد كلاما. "
        "كما دعا الأمم المتحدة وحلفاء الرئيس السوري إلى وقف القصف."
    )
    p, _ = moves(text, "2017-12-06")
    assert not p["reason"].str.contains("subject after the verb «الرئيس السوري»").any()
