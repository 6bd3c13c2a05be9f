"""Section labels: every rule on a line in context, and whole small pages."""

import pytest

from analysis.load.paragraphs import label_paragraphs
from analysis.load.sections import load_rules
from analysis.load.segment import paragraph_spans

BODY_A = (
    "قالت مصادر دبلوماسية إن المحادثات بين موسكو وواشنطن تناولت انسحاب القوات الإيرانية "
    "من جنوب سوريا، وإن الطرفين اتفقا على مواصلة النقاش في جولة مقبلة."
)
BODY_B = (
    "وأضافت المصادر أن طهران لم تبلغ بعد بأي قرار نهائي، وأن دمشق تتمسك بحقها في طلب "
    "المساعدة من حلفائها دون شروط مسبقة من أي طرف."
)
BODY_C = "ولم يصدر أي تعليق رسمي من الخارجية الإيرانية حتى مساء اليوم على هذه التقارير الصحفية."


def _labels(text: str, title: str | None = None) -> list[tuple[str, str, str]]:
    spans = paragraph_spans(text)
    return [
        (text[s:e], sec, rid)
        for (s, e), (sec, rid) in zip(
            spans, label_paragraphs(text, spans, title=title), strict=True
        )
    ]


@pytest.mark.parametrize(
    ("line", "section", "reason"),
    [
        ("اترك تعليقاً", "boilerplate", "boilerplate.comment_form"),
        ("أضف تعليق", "boilerplate", "boilerplate.comment_form"),
        ("الاسم *", "boilerplate", "boilerplate.comment_form"),
        ("إرسال التعليق", "boilerplate", "boilerplate.comment_form"),
        ("لن يتم نشر عنوان بريدك الإلكتروني.", "boilerplate", "boilerplate.comment_notice"),
        ("© 2019 موقع المثال", "boilerplate", "boilerplate.copyright"),
        ("جميع الحقوق محفوظة لشبكة المثال الإخبارية", "boilerplate", "boilerplate.copyright"),
        ("زر الذهاب إلى الأعلى", "boilerplate", "boilerplate.back_to_top"),
        ("back to top", "boilerplate", "boilerplate.back_to_top"),
        ("كلمات دلالية: إيران، سوريا", "boilerplate", "boilerplate.tags"),
        ("اشترك في النشرة البريدية لتصلك آخر الأخبار", "boilerplate", "boilerplate.newsletter"),
        ("سياسة الخصوصية", "boilerplate", "boilerplate.navigation"),
        ("فيسبوك تويتر واتساب تلغرام", "boilerplate", "boilerplate.menu_cues"),
        ("الرئيسية اتصل بنا من نحن سياسة الخصوصية", "boilerplate", "boilerplate.menu_cues"),
        ("إقرأ أيضاً: موسكو تستقبل وفدا إيرانيا", "boilerplate", "boilerplate.related_inline"),
        ("بقلم: سامر خليل", "meta", "meta.byline"),
        ("كتب - محمود علي", "meta", "meta.byline"),
        ("( إعداد سامي نبيل للنشرة العربية - تحرير هالة عمر )", "meta", "meta.byline"),
        ("نشر في 13-06-2018", "meta", "meta.dateline"),
        ("آخر تحديث: 14 يونيو 2018 - 10:20", "meta", "meta.dateline"),
        ("تاريخ النشر 2019/07/22", "meta", "meta.dateline"),
        ("المصدر: وكالات", "meta", "meta.source"),
        ("المصدر : الديار", "meta", "meta.source"),
        ("انسخ الرابط", "meta", "meta.share"),
        ("رابط مختصر http://x.example.org/a1", "meta", "meta.short_link"),
        ("وقت القراءة: 3 دقائق", "meta", "meta.reading_time"),
        ("1520 مشاهدة", "meta", "meta.reading_time"),
        ("سامر خليل | دمشق | الأخبار", "meta", "meta.pipe_names"),
        ("3:59 م", "meta", "meta.date_line"),
        ("الاثنين 22 تموز 2019", "meta", "meta.date_line"),
        ("السبت 29 أبريل 2017 - 07 : 04 بتوقيت غرينتش", "meta", "meta.date_line"),
        ("28 آب 2018، 3:15 م", "meta", "meta.date_line"),
        ("جنود روس في ريف درعا (أ ف ب)", "caption", "caption.credit"),
        ("الرئيس الإيراني خلال مؤتمر صحفي (رويترز)", "caption", "caption.credit"),
        ("Iranian fighters near Deir ez-Zor (SANA via AP)", "caption", "caption.credit"),
        ("عناصر من ميليشيات موالية لإيران (صورة أرشيفية)", "caption", "caption.credit"),
        ("دبابة قرب القنيطرة ( الأناضول )", "caption", "caption.credit"),
        ("صورة تظهر قاعدة عسكرية قرب دمشق", "caption", "caption.photo_start"),
        ("الصورة: وزير الخارجية الروسي في موسكو", "caption", "caption.photo_start"),
        ("مقاتلون في البادية السورية - أرشيف", "caption", "caption.photo_end"),
        # furniture kinds met on the seeds, each tested on an unseen variant
        ("ساهم في إعداد هذا الخبر مراسلونا في دمشق.", "meta", "meta.agency_credit"),
        ("شاركت في التغطية وكالة الأناضول", "meta", "meta.agency_credit"),
        ("بمساهمة وكالات", "meta", "meta.agency_credit"),
        ("وكالات", "meta", "meta.byline_word"),
        ("خاص", "meta", "meta.byline_word"),
        ("خبر عاجل", "boilerplate", "boilerplate.breaking_label"),
        ("أخبار عاجلة", "boilerplate", "boilerplate.breaking_label"),
        ("اترك تعليق", "boilerplate", "boilerplate.comment_form"),
        (
            "دبابات روسية قرب الحدود الأردنية (Russian Defence Ministry handout)",
            "caption",
            "caption.latin_credit",
        ),
        (
            "موقع عسكري بعد غارة ليلية. (Syrian opposition activists)",
            "caption",
            "caption.latin_credit",
        ),
        ("مقاتلون من الحرس الثوري في ريف حلب (وسائل إعلام محلية)", "caption", "caption.credit"),
        # body prose stays body, even with a credit inside or a cue word in it
        (
            "وفرضت واشنطن عقوبات جديدة على شركات مرتبطة بالحرس الثوري (Revolutionary Guards).",
            "body",
            "body.default",
        ),
        (
            "دمشق (سانا) - أعلن الجيش أنه استعاد السيطرة على البلدة بعد معارك عنيفة.",
            "body",
            "body.default",
        ),
        ("وقال المصدر إن الاتفاق لن يشمل القوات الإيرانية في الجنوب.", "body", "body.default"),
        ("وذكرت المصادر قالت إن الوفد غادر.", "body", "body.default"),
    ],
)
def test_line_rules_in_context(line, section, reason):
    text = "\n".join([BODY_A, BODY_B, line, BODY_C, BODY_A])
    got = _labels(text)
    assert got[2][1:] == (section, reason)
    assert [g[1] for g in got[:2] + got[3:]] == ["body"] * 4


def test_repeated_caption():
    cap = "آليات عسكرية على طريق دمشق درعا"
    text = "\n".join([BODY_A, cap, BODY_B, cap, BODY_C])
    got = _labels(text)
    assert [g[2] for g in got] == [
        "body.default",
        "caption.repeated",
        "body.default",
        "caption.repeated",
        "body.default",
    ]


def test_footer_widgets_only_at_the_end():
    line = "تشن ضربات على المواقع الأكثر قراءة عاجل"
    assert _labels("\n".join([BODY_A, BODY_B, line]))[-1][2] == "boilerplate.footer_widgets"
    assert _labels("\n".join([line, BODY_A, BODY_B, BODY_C]))[0][2] != "boilerplate.footer_widgets"


PAGE_1 = f"""أخبار العالم العربي
إيران تدرس سحب مستشاريها من جنوب سوريا
الأربعاء 13 يونيو 2018، 3:59 م
بقلم: فريق التحرير
{BODY_A}
{BODY_B}
مستشارون إيرانيون في ريف حلب (أ ف ب)
{BODY_C}
مقالات ذات صلة
روسيا تنشر شرطتها العسكرية في درعا
نتنياهو يلتقي بوتين في موسكو
واشنطن تبحث مع عمان أمن الحدود
أضف تعليق
لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *
الاسم
البريد الإلكتروني
إرسال التعليق
© 2018 جميع الحقوق محفوظة لموقع المثال"""

EXPECTED_1 = [
    ("meta", "meta.category_label"),
    ("headline", "headline.first_short_line"),
    ("meta", "meta.date_line"),
    ("meta", "meta.byline"),
    ("body", "body.default"),
    ("body", "body.default"),
    ("caption", "caption.credit"),
    ("body", "body.default"),
    ("boilerplate", "boilerplate.related_block"),
    ("boilerplate", "boilerplate.related_block"),
    ("boilerplate", "boilerplate.related_block"),
    ("boilerplate", "boilerplate.related_block"),
    ("boilerplate", "boilerplate.comment_form"),
    ("boilerplate", "boilerplate.comment_notice"),
    ("boilerplate", "boilerplate.comment_form"),
    ("boilerplate", "boilerplate.comment_form"),
    ("boilerplate", "boilerplate.comment_form"),
    ("boilerplate", "boilerplate.copyright"),
]

PAGE_2 = f"""الرئيسية
أخبار
سياسة
اقتصاد
رياضة
اتصل بنا
موسكو: لا انسحاب إيرانيا قبل خروج القوات الأمريكية
نشر في 22-07-2019
{BODY_A}
اقرأ أيضا
لافروف يزور طهران الأسبوع المقبل
{BODY_B}
{BODY_C}
المصدر: وكالات
شارك
فيسبوك تويتر واتساب"""

EXPECTED_2 = [
    ("boilerplate", "boilerplate.navigation"),
    ("boilerplate", "boilerplate.menu_run"),
    ("boilerplate", "boilerplate.menu_run"),
    ("boilerplate", "boilerplate.menu_run"),
    ("boilerplate", "boilerplate.menu_run"),
    ("boilerplate", "boilerplate.navigation"),
    ("headline", "headline.first_short_line"),
    ("meta", "meta.dateline"),
    ("body", "body.default"),
    ("boilerplate", "boilerplate.related_block"),
    ("boilerplate", "boilerplate.related_block"),
    ("body", "body.default"),
    ("body", "body.default"),
    ("meta", "meta.source"),
    ("meta", "meta.share"),
    ("boilerplate", "boilerplate.menu_cues"),
]


@pytest.mark.parametrize(("page", "expected"), [(PAGE_1, EXPECTED_1), (PAGE_2, EXPECTED_2)])
def test_whole_pages(page, expected):
    got = [g[1:] for g in _labels(page)]
    assert got == expected


def test_headline_from_title_even_when_long():
    head = (
        "دمشق وطهران توقعان اتفاقية شاملة لتعزيز التعاون العسكري والدفاع الجوي بين البلدين "
        "في ظل الضغوط الأمريكية المتزايدة على الحكومتين."
    )
    text = "\n".join(["سياسة", head, BODY_A, BODY_B])
    got = _labels(text, title="دمشق وطهران توقعان اتفاقية شاملة لتعزيز التعاون العسكري")
    assert [g[2] for g in got] == [
        "meta.category_label",
        "headline.title_match",
        "body.default",
        "body.default",
    ]


def test_no_headline_when_page_starts_with_prose():
    got = _labels("\n".join([BODY_A, BODY_B]))
    assert [g[1] for g in got] == ["body", "body"]


def test_folding_variants_match_cues():
    # tatweel, diacritics, alef/hamza variants and pre-tokenised spacing
    text = "\n".join([BODY_A, "إقـــرأ أيضًا", "عنوان خبر ذي صلة", BODY_B])
    assert [g[2] for g in _labels(text)][1:3] == ["boilerplate.related_block"] * 2


def test_custom_rules_file(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "rules:\n"
        "  - {id: meta.weather, section: meta, kind: start, cues: [الطقس اليوم], max_words: 8}\n"
        "  - {id: body.default, section: body, kind: default}\n",
        encoding="utf-8",
    )
    text = "\n".join([BODY_A, "الطقس اليوم: مشمس"])
    spans = paragraph_spans(text)
    got = label_paragraphs(text, spans, rules=load_rules(str(path)))
    assert got == [("body", "body.default"), ("meta", "meta.weather")]


# ------------------------------------------------------ structural kinds met on real pages
def test_title_bar_with_site_suffix_is_meta_and_the_bare_line_the_headline():
    head = "موسكو تعرض وساطة بين طهران وتل أبيب في الجنوب السوري"
    for bar in (f"{head} - شبكة المثال الإخبارية", f"{head} | Example News"):
        for title in (None, head):
            got = _labels("\n".join([bar, head, BODY_A, BODY_B]), title=title)
            assert [g[2] for g in got][:2] == ["meta.title_bar", got[1][2]], (bar, title)
            assert got[1][1] == "headline", (bar, title)


def test_title_bar_leaves_prose_alone():
    # a first paragraph that happens to start with the headline's words is not a title bar
    head = "موسكو تعرض وساطة بين طهران وتل أبيب"
    lede = head + " - وقال مسؤول روسي إن العرض قدم الأسبوع الماضي إلى الجانبين."
    got = _labels("\n".join([head, lede, BODY_A]))
    assert [g[1] for g in got] == ["headline", "body", "body"]


def test_short_lines_below_the_headline_are_meta():
    head = "واشنطن تجدد مطالبتها بخروج الميليشيات الإيرانية من سوريا"
    page = "\n".join(
        [head, "سياسةعرب وعالم", "تقارير وتحليلات", "طهران", BODY_A, "جولة جديدة", BODY_B]
    )
    got = _labels(page, title=head)
    assert [g[2] for g in got] == [
        "headline.title_match",
        "meta.below_headline",
        "meta.below_headline",
        "meta.below_headline",
        "body.default",
        "body.default",  # a crosshead inside the article stays body
        "body.default",
    ]


def test_comment_form_header_takes_the_rest_of_the_page():
    rules_line = "الرجاء الالتزام بآداب الحوار وعدم نشر روابط إعلانية أو شتائم أو إساءات."
    page = "\n".join([BODY_A, BODY_B, BODY_C, BODY_A, "أضف تعليقك", rules_line, "سياسة الخصوصية"])
    got = _labels(page)
    assert [g[1] for g in got][:4] == ["body"] * 4
    assert [g[2] for g in got][4:] == [
        "boilerplate.comment_form",
        "boilerplate.comment_tail",
        "boilerplate.navigation",
    ]


def test_headline_like_lines_after_the_last_sentence_are_a_related_tail():
    tail = [
        "موسكو تستضيف جولة جديدة من محادثات أستانا",
        "واشنطن تفرض عقوبات على شركات طيران إيرانية",
    ]
    got = _labels("\n".join([BODY_A, BODY_B, *tail, "زر الذهاب إلى الأعلى"]))
    assert [g[2] for g in got] == [
        "body.default",
        "body.default",
        "boilerplate.tail_headlines",
        "boilerplate.tail_headlines",
        "boilerplate.back_to_top",
    ]
    # a last paragraph that lost its stop is not a tail on its own when nothing ends before it
    assert _labels("عنوان قصير عن المحادثات الجارية")[0][1] != "boilerplate"
