"""Choosing a page's publication date: cues, stamps, datelines, crawl dates, the URL."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.load.pubdate import (
    choose_article_date,
    crawl_dates,
    date_cues,
    derive_date,
    header_dates,
)
from analysis.text.dates import find_dates_in_text

T = pd.Timestamp


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            "الرئيسية\nسياسة\nعنوان الخبر هنا\nنشر في 13-06-2018\nوقال المسؤول في 5 أيار 2018 إن"
            " الاتفاق الموقع سيبقى ساريا حتى نهاية العام.",
            "2018-06-13",
            "cue",
        ),
        (
            "عنوان الخبر\nالاثنين 22 تموز 2019\nوكانت القمة قد عقدت في 3 تموز 2018 في هلسنكي بحضور"
            " الرئيسين.",
            "2019-07-22",
            "dateline",
        ),
        (
            "عنوان\nوكانت القمة قد عقدت في 3 تموز 2018 في هلسنكي بحضور الرئيسين ووزراء الخارجية"
            " والدفاع من البلدين.",
            None,
            "none",
        ),
        ("عنوان\nتاريخ النشر: 2020/07/09 - 10:30\nنص الخبر.", "2020-07-09", "cue"),
    ],
    ids=["cue-beats-body", "dateline-beats-body", "body-date-only", "cue-numeric"],
)
def test_choose_article_date_prefers_meta_lines_over_body_dates(text, expected, rule):
    chosen = choose_article_date(text)
    assert chosen.rule == rule
    if expected is None:
        assert pd.isna(chosen.date) and chosen.phrase == ""
    else:
        assert chosen.date == T(expected)
        assert chosen.phrase in text


def test_choose_article_date_uses_meta_sections_anywhere():
    body = "سطر " * 30
    text = "\n".join([body] * 10) + "\nآخر سطر عن الاجتماع المقبل بتاريخ 4 آذار 2021 في جنيف"
    start = text.index("آخر سطر")
    assert pd.isna(choose_article_date(text).date)
    chosen = choose_article_date(text, [(start, len(text), "meta")])
    assert chosen.date == T("2021-03-04")


# One page furniture form per row; each text is made up for the test.
CHOICE_CASES = [
    ("cue-tokenised", "عنوان\nنشر بتاريخ : 14 / 03 / 2019 - 09 : 12\nنص", "2019-03-14", "cue"),
    (
        "cue-time-between",
        "عنوان الخبر | الموقع تم النشر : 11 : 05 19 / 04 / 2016 AST نص الخبر يبدأ هنا",
        "2016-04-19",
        "cue",
    ),
    (
        "cue-hijri-between",
        "عنوان تاريخ النشر : الخميس 07 رجب 1440 ه - - 14 مارس 2019 م نص الخبر",
        "2019-03-14",
        "cue",
    ),
    ("cue-indic-digits", "عنوان\nتاريخ النشر : ١٤ / ٠٣ / ٢٠١٩\nنص", "2019-03-14", "cue"),
    (
        "content-published-on",
        "قائمة الموقع هذا المحتوى تم نشره يوم 6 آذار , 2019 04 : 10 م عمان ( وكالات ) - قال",
        "2019-03-06",
        "cue",
    ),
    (
        "stamp-saa-hijri",
        "قائمة المفاوضات في جنيف 2016 / 4 / 19 الساعة 11 : 05 ( مكة المكرمة ) 1437 / 7 / 12 ه"
        " - قسم الأخبار بدأت الجولة",
        "2016-04-19",
        "stamp",
    ),
    (
        "stamp-written-time",
        "عنوان طويل هنا - موقع المثال الخميس , 14 آذار 2019 08 : 30 م بدأ الاجتماع صباحا",
        "2019-03-14",
        "stamp",
    ),
    (
        "stamp-mdy-time",
        "تقرير عن السجون | منظمة المثال بحث مارس 14 , 2019 11 : 00 صباحا EDT اللغات",
        "2019-03-14",
        "stamp",
    ),
    (
        "stamp-time-before",
        "صورة من الأرشيف 13 : 20 05 . 02 . 2019 ( محدثة 14 : 00 05 . 02 . 2019 ) قال",
        "2019-02-05",
        "stamp",
    ),
    ("label", "عنوان الحلقة\nتاريخ الحلقة : 16 / 02 / 2015 المقدم", "2015-02-16", "stamp"),
    ("label-line-start", "عنوان\nبتاريخ 13/06/2018 - الرباط\nنص الخبر", "2018-06-13", "stamp"),
    ("update-before", "عنوان\nآخر تحديث : 08 / 05 / 2019\nنص الخبر", "2019-05-08", "update"),
    (
        "update-after",
        "عنوان الخبر الخميس 09 / 05 / 2019 م ( آخر تحديث ) الساعة 10 : 00 بتوقيت القدس",
        "2019-05-09",
        "update",
    ),
    ("update-glued", "اخر تحديثالخميس - 14 / 03 / 2019 قائمة", "2019-03-14", "update"),
    (
        "cue-beats-update",
        "عنوان\nنشر في : 07 / 05 / 2019 - آخر تحديث : 09 / 05 / 2019\nنص",
        "2019-05-07",
        "cue",
    ),
    (
        "top-after-title",
        "قائمة الأقسام محادثات جديدة في جنيف : 14 آذار 2019 عواصم - - وكالات بدأت المحادثات",
        "2019-03-14",
        "top",
    ),
    (
        "masthead-then-cue",
        "جريدة المثال صدر العدد الأول بتاريخ 3 مارس 2009\nعنوان\nنشر في 14 / 03 / 2019\nنص",
        "2019-03-14",
        "cue",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [c[1:] for c in CHOICE_CASES],
    ids=[c[0] for c in CHOICE_CASES],
)
def test_choose_article_date_reads_scraped_page_furniture(text, expected, rule):
    chosen = choose_article_date(text)
    assert (chosen.date, chosen.rule) == (T(expected), rule)
    assert chosen.phrase in text and find_dates_in_text(chosen.phrase)
    assert chosen.note.startswith(chosen.phrase)


REFUSED_CASES = [
    ("masthead", "جريدة المثال صدر العدد الأول بتاريخ 2 يونيو 2007 الرئيسية سياسة"),
    ("founded", "عن الموقع تأسست الشبكة في 5 أيار 2001\nعنوان الخبر"),
    ("since", "موقع المثال منذ 5 أيار 2001\nعنوان الخبر"),
    ("first-daily", "أول صحيفة إلكترونية | صدرت من باريس 4 تموز 2003 عنوان الخبر"),
    ("copyright", "عنوان\nجميع الحقوق محفوظة 2019 - 14 / 03 / 2019\nنص"),
    ("copyright-sign", "عنوان\n© المثال 2019 14 / 03 / 2019\nنص"),
    ("today", "دخول اليوم الخميس 14 آذار 2019 - 09 : 20 صباحا عنوان الخبر"),
    ("prayer-times", "مواقيت الصلاة : 14 آذار 2019 الفجر : 04 : 50 عنوان الخبر"),
    (
        "event-with-time",
        "عنوان\nوكانت المحادثات قد بدأت في 14 آذار 2019 الساعة 10 : 00 صباحا في جنيف بحضور الوفود",
    ),
    ("event-day", "عنوان\nاندلعت يوم 21 / 9 / 2015 اشتباكات عنيفة بين الطرفين في المدينة"),
    ("top-after-body-date", "عنوان بدأت في 3 آذار 2019 المحادثات ثم 14 آذار 2019 أعلن الوسيط"),
    ("in-sentence", "عنوان الخبر : وقعت الاشتباكات 14 آذار 2019 , وقال المرصد إن"),
    ("timeline-entry", "عنوان\n14 آذار 2019 : بدأت المحادثات في جنيف بحضور الوفود من الطرفين"),
    ("hijri-only", "عنوان\nتاريخ النشر : 1440 / 7 / 7 ه\nنص"),
    # Clean article text: the top lines are sentences, their dates are events.
    ("label-mid-sentence", "ألغت المحكمة القرار الصادر بتاريخ 29 / 6 / 2015 وأعادت الملف"),
    ("equivalent-date", "يبدأ التسجيل يوم الأحد 24-10-1436هـ الموافق 9-8-2015م. وأوضح المدير"),
    ("day-in-sentence", "قال المتحدث إن المسلحين أسروه يوم الأربعاء 22 تموز 2015 قرب الحدود"),
    (
        "quoted-source",
        "وهذا ما أكدته التقارير المنشورة في الصحافة المحلية وهو ما نشرته «صحيفة المثال"
        " 22/07/2015» عن مصادر مطلعة",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in REFUSED_CASES], ids=[c[0] for c in REFUSED_CASES])
def test_choose_article_date_never_takes_mastheads_headers_or_event_dates(text):
    chosen = choose_article_date(text)
    assert pd.isna(chosen.date), chosen


@pytest.mark.parametrize(
    "text",
    [
        "أخبار 14 آذار 2019 09 : 30 ص خبر آخر في السياق 02 نيسان 2019 10 : 00 ص نص",
        "عنوان\nتاريخ النشر : 14 / 03 / 2019 | تاريخ النشر : 02 / 04 / 2019\nنص",
        "عنوان القائمة 24 . 12 . 2015 15 . 07 . 2016 يبدأ النص هنا",
        # A stamp that another date at the top contradicts (here the day before, as a
        # page stamped in another time zone than its own date line can show).
        "عنوان 2016 / 4 / 19 الساعة 01 : 05 ( مكة المكرمة ) عنوان الخبر 18 / 4 / 2016 . بدأ",
    ],
)
def test_choose_article_date_refuses_stamps_that_disagree(text):
    chosen = choose_article_date(text)
    assert pd.isna(chosen.date) and chosen.rule == "ambiguous"
    assert all(p in text for p in chosen.phrase.split(" | "))
    assert chosen.note.startswith("no date taken")


def test_update_stamps_say_so_in_the_note():
    chosen = choose_article_date("عنوان\nآخر تحديث : 08 / 05 / 2019\nنص")
    assert (
        chosen.note
        == "آخر تحديث : 08 / 05 / 2019 (update stamp: the page states no publication date)"
    )


CRAWL_HEADER = (
    "موقع المثال الأحد , 21 يناير 2018 09 : 44 ص عنوان الخبر 2017 / 12 / 27 الساعة 10 : 00 نص"
)


def test_refused_crawl_dates_leave_the_publication_stamp():
    assert choose_article_date(CRAWL_HEADER).rule == "ambiguous"
    chosen = choose_article_date(CRAWL_HEADER, refuse={T("2018-01-21")})
    assert (chosen.date, chosen.rule) == (T("2017-12-27"), "stamp")
    only_header = "موقع المثال الأحد , 21 يناير 2018 09 : 44 ص عنوان الخبر ونص الخبر"
    assert pd.isna(choose_article_date(only_header, refuse={T("2018-01-21")}).date)


def test_header_dates_lists_stamps_and_today_headers_not_event_dates():
    text = (
        "دخول اليوم الأحد 21 يناير 2018 - 10 : 34 صباحا عنوان أخر تحديث : الأربعاء 27 ديسمبر"
        " 2017 - 4 : 18 مساء وكان الهجوم في 3 ديسمبر 2017 قد أوقع قتلى"
    )
    assert header_dates(text) == [T("2017-12-27"), T("2018-01-21")]


def _pairs(counts: dict[str, int]) -> list[tuple[str, pd.Timestamp]]:
    """(doc_id, date) pairs: ``counts[date]`` documents state ``date``, plus a background of
    320 documents spread over 40 days of 2017 (8 each: a normal corpus)."""
    background = {str(T("2017-03-01") + pd.Timedelta(days=i))[:10]: 8 for i in range(40)}
    pairs: list[tuple[str, pd.Timestamp]] = []
    for date, k in {**background, **counts}.items():
        pairs += [(f"{date}-{i}", T(date)) for i in range(k)]
    return [*pairs, ("no-date", pd.NaT)]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # The crawl day and the day before (a crawl past midnight); a busy news day stays.
        (
            {"2018-01-21": 60, "2018-01-20": 12, "2017-12-06": 14},
            {"2018-01-21", "2018-01-20"},
        ),
        # A busy news day inside the corpus (pages of later days follow it) stays.
        ({"2017-04-20": 60, **{f"2017-06-0{d}": 9 for d in range(1, 6)}}, set()),
        # Only a day next to a crawl day is pulled in, not a chain of them.
        (
            {"2018-01-21": 60, "2018-01-20": 12, "2018-01-19": 12},
            {"2018-01-21", "2018-01-20"},
        ),
        # One page repeating a later date, however often, is not a crawl.
        ({"2018-01-21": 1}, set()),
    ],
)
def test_crawl_dates(counts, expected):
    assert crawl_dates(_pairs(counts)) == {T(d) for d in expected}


def test_crawl_dates_in_a_small_corpus():
    # 22 pages: three show the crawl day in their header, the others are older.
    older = [(f"p{i}", T("2017-10-01") + pd.Timedelta(days=3 * i)) for i in range(19)]
    crawl = [(f"c{i}", T("2018-01-21")) for i in range(3)]
    assert crawl_dates(older + crawl) == {T("2018-01-21")}
    # Pages that all come from one day refuse nothing: no older pages, no crawl.
    assert crawl_dates([(f"d{i}", T("2018-01-21")) for i in range(6)]) == set()


def test_crawl_dates_counts_documents_not_mentions():
    older = [(f"p{i}", T("2017-10-01") + pd.Timedelta(days=3 * i)) for i in range(9)]
    pairs = older + [("one-page", T("2018-01-21"))] * 50
    assert crawl_dates(pairs, min_docs=2) == set()
    two = [*pairs, ("other-page", T("2018-01-21"))]
    assert crawl_dates(two, min_docs=2) == {T("2018-01-21")}


def test_date_cues_are_distinct_across_meanings():
    cues = date_cues()
    lists = {
        "publication": cues["publication"],
        "label": cues["label"],
        "update": cues["update"],
        **{f"not_{k}": v for k, v in cues["not_publication"].items()},
    }
    seen: dict[str, str] = {}
    for meaning, words in lists.items():
        assert words and all(isinstance(w, str) and w.strip() for w in words), meaning
        for w in words:
            assert seen.setdefault(w.lower(), meaning) == meaning, (w, meaning, seen[w.lower()])
    assert all(isinstance(w, str) for w in cues["event_words"])


@pytest.mark.parametrize(
    ("url", "expected", "source"),
    [
        # the URL's day is set at publication; the page's stamp may be a later update
        ("https://x.example/2017/03/06/story", "2017-03-06", "url"),
        # a month-only URL leaves the day to the page, within that month
        ("https://x.example/2017/03/story", "2017-03-20", "stated"),
        ("https://x.example/2017/04/story", "2017-04-01", "url"),
        ("", "2017-03-20", "stated"),
    ],
)
def test_date_priority_between_url_and_text(url, expected, source):
    text = "2017 / 3 / 20 الساعة 12 : 18 ( مكة المكرمة )\nقالت مصادر إن المحادثات مستمرة ."
    date, date_source, note = derive_date(text, url, [(0, 44, "meta", 0)])
    assert (str(date.date()), date_source) == (expected, source)
    assert note
