"""Furniture inside the article's lines (analysis.load.chrome), through segment_documents:
every rule on a made-up page of the kind it describes, not on a dev page's words."""

from __future__ import annotations

import pytest

from analysis.load.chrome import (
    KINDS,
    load_chrome_rules,
    sentence_key,
    site_repeats,
    title_bar,
)
from analysis.load.segment import page_keys, segment_documents
from analysis.schema import SECTIONS

S1 = "قالت مصادر دبلوماسية إن المحادثات بين موسكو وواشنطن تناولت انسحاب القوات من الجنوب ."
S2 = "وأضافت المصادر أن طهران لم تبلغ بعد بأي قرار نهائي بشأن مستشاريها في المنطقة ."
S3 = "ولم يصدر أي تعليق رسمي من الخارجية الإيرانية حتى مساء اليوم على هذه التقارير ."
S4 = "وتأتي هذه التطورات بعد أسابيع من التوتر على الحدود بين الجانبين في الجولان ."


def _labels(text: str, across: frozenset[int] = frozenset()) -> list[tuple[str, str, str]]:
    sents = segment_documents(["d"], [text], across=[across])
    return list(zip(sents["text"], sents["section"], sents["section_reason"], strict=True))


def _counted(text: str) -> list[str]:
    return [t for t, sec, _ in _labels(text) if sec in ("headline", "body")]


def test_a_tail_marker_glued_after_the_article_cuts_the_line_and_ends_the_page():
    tail = "مواضيع متعلقة واشنطن تفرض عقوبات جديدة على شركات طيران . موسكو تستضيف جولة محادثات"
    text = f"{S1}\n{S2}\n{S3} {tail}\n{S4}"
    got = _labels(text)
    assert [t for t, sec, _ in got if sec == "body"] == [S1, S2, S3]
    tail_rows = [r for r in got if r[2] == "boilerplate.related_tail"]
    assert tail_rows[0][0].startswith("مواضيع متعلقة")
    assert tail_rows[-1][0] == S4


def test_an_in_the_same_section_list_is_a_tail():
    tail = "في نفس القسم دعا رئيس البرلمان إلى جلسة طارئة . وزير الخارجية يزور عمان"
    got = _labels(f"{S1}\n{S2}\n{S3} {tail}")
    assert [t for t, sec, _ in got if sec == "body"] == [S1, S2, S3]
    assert got[-1][2] == "boilerplate.related_tail"


def test_a_tail_marker_in_the_upper_half_is_not_a_tail():
    text = f"{S1} مواضيع متعلقة بالملف السوري نوقشت أيضا .\n{S2}\n{S3}\n{S4}\n{S1}"
    assert all(sec == "body" for _t, sec, _ in _labels(text))


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("{ * registerForm * } { * firstName * } أنشئ حسابك الآن .", "boilerplate.template"),
        ("{ | displayName | } مرحبا بك مجددا .", "boilerplate.template"),
        ("نسيت كلمة المرور أدخل بريدك لاستعادتها .", "boilerplate.login"),
        ("تابع الموقع على مواقع التواصل الاجتماعي .", "boilerplate.share"),
        ("على اليسار : مقاتلون قرب معبر حدودي في ريف حلب .", "caption.photo_side"),
        ("في صور : مجلس الأمن يصوت على مشروع قرار جديد حول سوريا .", "boilerplate.gallery_label"),
        ("نعم , أنا أوافق لا , أنا لا أتفق جاري التحميل .", "boilerplate.poll"),
        (
            "2017 - 11 - 28 21 : 43 : 56 التقى رئيس الوزراء نظيره في نيروبي"
            " 2017 - 11 - 28 21 : 29 : 17 استقبل الرئيس الكيني ضيفه .",
            "boilerplate.ticker",
        ),
        ("8 : 44 م | by Posted by Date : 8 : 34 م انتقدت الحكومة الاتفاق .", "boilerplate.ticker"),
    ],
)
def test_furniture_sentences_inside_a_body_line(sentence, reason):
    got = _labels(f"{S1} {sentence} {S2}\n{S3}")
    by_text = {t: (sec, why) for t, sec, why in got}
    assert by_text[sentence][1] == reason
    assert by_text[S1][0] == by_text[S2][0] == "body"


def test_a_cue_glued_to_a_clitic_is_the_article_s_own_words():
    # every rule's cue starts a word: "وشارك في الاستطلاع" is a report, not a poll widget
    sentence = "وشارك في الاستطلاع 1200 شخص من سكان المدينة ."
    got = {t: sec for t, sec, _ in _labels(f"{S1} {sentence} {S2}\n{S3}")}
    assert got[sentence] == "body"


def test_a_bracketed_source_and_date_alone_is_not_a_caption():
    cited = "وأعلنت الوزارة أن القوات انسحبت من المدينة ( وكالة سانا , 4 تشرين الثاني 2017 ) ."
    assert _labels(f"{S1} {cited} {S2}")[1][1] == "body"


def test_a_second_copy_of_the_article_is_not_counted_twice():
    text = f"{S1}\n{S2}\n{S3}\nاقرأ المزيد\n{S1}\n{S2}\n{S3}"
    assert _counted(text) == [S1, S2, S3]


def test_one_repeated_sentence_is_still_counted():
    # a digest may repeat one sentence in two items: only runs are a second copy
    assert _counted(f"{S1}\n{S2}\n{S1}\n{S3}") == [S1, S2, S1, S3]


def test_sentences_shared_with_other_pages_of_the_site():
    menu_a = "الرئيسية أخبار سوريا تقارير مقالات رأي ."
    menu_b = "اشترك في القائمة البريدية للموقع لتصلك الأخبار ."
    text = f"{S1}\n{menu_a} {menu_b}\n{S2}\n{S3}"
    across = frozenset({sentence_key(menu_a), sentence_key(menu_b), sentence_key(S3)})
    got = {t: why for t, _sec, why in _labels(text, across=across)}
    assert got[menu_a] == got[menu_b] == "boilerplate.repeated_across_pages"
    assert got[S3] == "body.default"  # one shared sentence alone is no template


def _page(i: int, *shared: str) -> str:
    story = f"تقرير رقم {i} عن تطورات الجنوب السوري وما قاله المسؤولون في العاصمة ."
    return "\n".join([*shared, story, S4])


def test_site_repeats_counts_stories_of_one_site():
    pages = [("a.example", *page_keys(_page(i, S1, S2))) for i in range(3)]
    pages += [("b.example", *page_keys(_page(i, S1, S3))) for i in range(2)]
    pages += [("", *page_keys(_page(i, S1))) for i in range(5)]  # no site: no signal
    shared = site_repeats(pages)
    assert {sentence_key(S1), sentence_key(S2)} <= shared["a.example"]
    assert "b.example" not in shared and "" not in shared


def test_a_story_the_site_republished_is_not_its_template():
    # the same story three times (an update, a second crawl) and one other story
    pages = [("a.example", *page_keys(_page(1, S1, S2))) for _ in range(3)]
    pages.append(("a.example", *page_keys(_page(2, S1, S2))))
    assert "a.example" not in site_repeats(pages)


def test_a_pull_quote_glued_before_a_sentence_is_cut_off():
    quoted = "الاتفاق لن يصمد طويلا ما لم تنسحب الميليشيات من الجنوب"
    body = f"وقال الباحث إن {quoted} بحسب تقديره ."
    pull = f'" {quoted} "'
    text = f"{S1}\n{body}\n{pull} {S2}\n{S3}"
    got = _labels(text)
    assert (pull, "boilerplate", "boilerplate.pull_quote") in got
    assert (S2, "body", "body.default") in got
    # a quotation the reporter goes on to attribute is not a pull quote
    said = f'" {quoted} " , قال المسؤول للصحفيين .'
    assert all(sec == "body" for _t, sec, _ in _labels(f"{S1}\n{body}\n{said}\n{S3}"))


@pytest.mark.parametrize(
    ("bar", "headline"),
    [
        (
            "تصعيد جديد في البادية السورية | موقع المثال الرئيسية بحث",
            "تصعيد جديد في البادية السورية",
        ),
        ("موقع المثال | هل تنسحب إيران من الجنوب ? أخبار تقارير", "هل تنسحب إيران من الجنوب ?"),
        ("تصعيد جديد في البادية السورية - Example News Search", "تصعيد جديد في البادية السورية"),
    ],
)
def test_a_title_bar_glued_before_the_headline(bar, headline):
    text = f"{bar} {headline} الخميس 6 تموز 2017\n{S1} {S2}\n{S3}"
    start, end = title_bar(text)
    assert text[start:end] == headline and start > len(headline)
    got = _labels(text)
    assert got[0][1:] == ("meta", "meta.title_bar_glued")
    assert [t for t, sec, _ in got if sec == "headline"] == [headline]
    assert S1 in _counted(text) and S3 in _counted(text)


def test_no_title_bar_without_the_headline_again_or_from_a_date_line():
    assert title_bar(f"تصعيد جديد في البادية السورية | موقع المثال {S1}") is None
    date = "2017 / 3 / 20 الساعة 12 : 18 ( مكة المكرمة )"
    assert title_bar(f"{date} - خطأ في الدخول {date} {S1}") is None


def test_punctuation_left_between_widgets_follows_its_neighbour():
    got = _labels(f"{S1}\n{S2} {'{ * loginWidget * } ادخل هنا .'} .\n{S3}")
    dots = [r for r in got if r[0] == "."]
    assert dots and all(r[1] == "boilerplate" for r in dots)


def test_rules_file_is_consistent():
    rules = load_chrome_rules()
    assert len({r.id for r in rules}) == len(rules)
    for r in rules:
        assert r.kind in KINDS and r.section in SECTIONS
        assert r.description and r.provenance, r.id


def test_a_video_story_keeps_its_headline():
    headline = "بالفيديو : هل تتراجع أنقرة عن تفاهماتها مع موسكو وطهران ?"
    got = _labels(f"{headline}\n{S1}\n{S2}\n{S3}")
    assert got[0][1] in ("headline", "body")
