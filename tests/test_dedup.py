"""Folding and near-duplicate groups."""

import unicodedata

import pandas as pd
import pytest

from analysis.dedup import dup_groups, fold_for_dedup

STORY = (
    "قالت مصادر دبلوماسية إن المحادثات بين موسكو وواشنطن تناولت انسحاب القوات الإيرانية من "
    "جنوب سوريا مسافة أربعين كيلومترا عن الحدود، وإن الطرفين اتفقا على مواصلة النقاش في "
    "جولة مقبلة تعقد في جنيف الشهر المقبل بمشاركة ممثلين عن الأمم المتحدة والأردن.\n"
    "وأضافت المصادر أن طهران لم تبلغ بعد بأي قرار نهائي، وأن دمشق تتمسك بحقها في طلب "
    "المساعدة من حلفائها دون شروط مسبقة من أي طرف إقليمي أو دولي."
)
OTHER = (
    "أعلنت وزارة الدفاع الروسية أن وحدات من الشرطة العسكرية انتشرت في ريف القنيطرة على خط "
    "الفصل مع الجولان المحتل، وأنها ستقيم ثماني نقاط مراقبة بالتنسيق مع قوات الأمم المتحدة "
    "لمراقبة فض الاشتباك.\n"
    "وقال المتحدث باسم الوزارة إن الخطوة تهدف إلى منع أي استفزازات في المنطقة، وإن بلاده "
    "أبلغت الجانب الإسرائيلي بتفاصيلها مسبقا عبر القنوات العسكرية المعتادة."
)


def _presentation_forms(text: str) -> str:
    # the isolated/final/initial/medial glyph codes that old PDFs and sites carry
    pf = {}
    for cp in range(0xFE70, 0xFF00):
        base = unicodedata.normalize("NFKC", chr(cp))
        if len(base) == 1 and base not in pf:
            pf[base] = chr(cp)
    return "".join(pf.get(ch, ch) for ch in text)


VARIANTS = {
    "bom": "\ufeff" + STORY,
    "crlf": STORY.replace("\n", "\r\n"),
    "tatweel": STORY.replace("المحادثات", "المحـــادثات").replace("سوريا", "سـوريا"),
    "diacritics": STORY.replace("قالت", "قَالَتْ").replace("موسكو", "مُوسْكُو"),
    "presentation_forms": _presentation_forms(STORY),
    "nbsp": STORY.replace(" ", "\u00a0", 10),
    "zwnj_zwj": STORY.replace("مصادر", "مص\u200cادر").replace("جنوب", "ج\u200dنوب"),
    "bidi": "\u202b" + STORY.replace("\n", "\u200f\n") + "\u202c",
    "alef_ya": STORY.replace("إن", "ان").replace("إلى", "الى").replace("أي", "اي"),
    "small_edit": STORY.replace("جولة مقبلة", "جولة جديدة") + " (رويترز)",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeffإيـــرانُ", "ايران"),
        ("الإيرانيّة في\u00a0سوريا", "الايرانيه في سوريا"),
        ("مستشفى «الأمل»، ٢٠١٨!", "مستشفي الامل 2018"),
        ("ﻻ ﺇﻳﺮﺍﻥ", "لا ايران"),
        ("سطر\r\nسطر", "سطر سطر"),
        ("\u202bنص\u202c\u200f", "نص"),
        ("U.S. Forces", "u s forces"),
    ],
)
def test_fold_for_dedup(text, expected):
    assert fold_for_dedup(text) == expected


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_groups_with_original(variant):
    groups = dup_groups(pd.Series([STORY, OTHER, VARIANTS[variant]]))
    assert groups.tolist() == [0, 1, 0]


def test_groups_dense_in_order_of_first_appearance_and_index_kept():
    texts = pd.Series(
        [OTHER, STORY, VARIANTS["bom"], "", OTHER.replace("\n", "\r\n"), "خبر قصير", ""],
        index=list("abcdefg"),
    )
    groups = dup_groups(texts)
    assert groups.dtype == "Int64"
    assert list(groups.index) == list("abcdefg")
    # empty texts are singletons: an empty page is not a story
    assert groups.tolist() == [0, 1, 1, 2, 0, 3, 4]


def test_different_stories_on_the_same_topic_stay_apart():
    a = STORY
    b = (
        "نفت الخارجية الإيرانية ما وصفته بمزاعم عن انسحاب قواتها من جنوب سوريا، وقالت إن "
        "المستشارين العسكريين الإيرانيين موجودون بطلب رسمي من الحكومة السورية وإن بقاءهم "
        "مرتبط باستمرار مكافحة الإرهاب في البلاد."
    )
    assert dup_groups(pd.Series([a, b])).tolist() == [0, 1]


def test_empty_series():
    out = dup_groups(pd.Series([], dtype="string"))
    assert out.empty and out.dtype == "Int64"
