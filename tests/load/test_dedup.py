"""Near-duplicate groups."""

import unicodedata

import pandas as pd
import pytest

from analysis.load.dedup import (
    NUM_PERM,
    RECALL,
    THRESHOLD,
    bands,
    dup_groups,
    shingle_hashes,
    text_features,
)
from analysis.text.normalize import fold_for_dedup

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


def _exact_groups(texts: list[str]) -> list[set[int]]:
    """Connected components of exact Jaccard >= THRESHOLD (or equal keys), brute force."""
    keys = [fold_for_dedup(t) for t in texts]
    sets = [set(shingle_hashes(k).tolist()) for k in keys]
    parent = list(range(len(texts)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(texts)):
        for j in range(i):
            same = keys[i] and (
                keys[i] == keys[j] or len(sets[i] & sets[j]) >= THRESHOLD * len(sets[i] | sets[j])
            )
            if same:
                parent[find(i)] = find(j)
    groups: dict[int, set[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(find(i), set()).add(i)
    return sorted(groups.values(), key=min)


def test_groups_are_the_exact_jaccard_components():
    """LSH only proposes pairs: the groups are those of the exact similarity."""
    words = STORY.split()
    texts = [STORY, OTHER, *VARIANTS.values()]
    # drop ever more words from the story: similarity falls through the threshold
    texts += [" ".join(words[:k] + words[k + n :]) for k in (5, 20) for n in (2, 6, 12, 25)]
    groups = dup_groups(pd.Series(texts)).tolist()
    found: dict[int, set[int]] = {}
    for i, g in enumerate(groups):
        found.setdefault(g, set()).add(i)
    assert sorted(found.values(), key=min) == _exact_groups(texts)
    assert 1 < len(found) < len(texts)


def test_lsh_bands_find_pairs_at_the_threshold():
    b, r = bands()
    assert b * r <= NUM_PERM
    assert 1 - (1 - THRESHOLD**r) ** b >= RECALL
    assert 1 - (1 - 0.3**r) ** b < 0.05  # dissimilar texts are rarely compared


def test_given_features_skip_the_hashing():
    texts = pd.Series([STORY, OTHER, VARIANTS["small_edit"]])
    features = [text_features(t) for t in texts]
    assert dup_groups(texts, features=features).tolist() == [0, 1, 0]
    with pytest.raises(ValueError, match="2 features for 3 texts"):
        dup_groups(texts, features=features[:2])


@pytest.mark.parametrize(("key", "n"), [("", 0), ("ايران", 1), ("a b c", 1), ("a b c d", 2)])
def test_shingles_of_short_keys(key, n):
    assert len(shingle_hashes(key)) == n
