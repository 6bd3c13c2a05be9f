"""The words around a cue (analysis.tag.nearby): what follows it within some words."""

from __future__ import annotations

import pytest

from analysis.tag.clauses import Sent
from analysis.tag.mentions import tag_text
from analysis.tag.nearby import around, complement_after, within, words_between
from analysis.text.normalize import fold


def _first_after(text: str, need: list[str], reach: int = 4) -> str:
    s = Sent.build("d", 0, 0, text, ())
    j = within(s, 0, need, reach)
    return s.token_text(j) if j >= 0 else ""


@pytest.mark.parametrize(
    ("text", "need", "found"),
    [
        # a proclitic is taken off once: ب + وجود, and وجود keeps its own و
        ("نقبل بوجود القوات", ["وجود"], "بوجود"),
        ("نقبل ووجود القوات", ["وجود"], "ووجود"),
        ("نقبل وبوجود القوات", ["وجود"], "وبوجود"),
        # ... never more: "بوجود" is not "جود", "بلدان" not "دان"
        ("نقبل بوجود القوات", ["جود"], ""),
        ("نقبل بلدان المنطقة", ["دان"], ""),
        # ل before the article is written لل
        ("دعا للاتفاق على الهدنة", ["الاتفاق"], "للاتفاق"),
        ("وقع الاتفاق", ["الاتفاق"], "الاتفاق"),
    ],
)
def test_within_takes_a_words_proclitics_off_once(text, need, found):
    assert _first_after(text, need) == found


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # before or after the word, with its proclitics, within the reach
        ("بدأت الهدنة في المدينة تحت إشراف روسيا", "إشراف", True),
        ("تحت إشراف روسيا بدأت الهدنة", "إشراف", True),
        ("تحت إشراف روسيا وللهدنة", "إشراف", True),
        ("جرت الانتخابات تحت إشراف الأمم المتحدة", "إشراف", False),
        ("الهدنة وقعت أمس ثم جرت انتخابات تحت إشراف الأمم المتحدة", "إشراف", False),
    ],
)
def test_around_looks_both_ways(text, word, expected):
    s = Sent.build("d", 0, 0, text, ())
    i = next(j for j in range(len(s.tokens)) if s.token_text(j) == fold(word))
    assert around(s, i, ["الهدنة"], 4) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # بـ/لـ/على/تجاه with a phrase, or أن: the noun says what it is about
        ("مطلبها برحيل الأسد", True),
        ("موافقتها على وقف إطلاق النار", True),
        ("دعوتها لانخراط العرب في العملية", True),
        ("التزامه تجاه السكان", True),
        ("وطلبها أن تنسحب القوات", True),
        # a complementiser, a time or cause phrase, a verb or the end: no complement
        ("مبادرته بأنها وعود فارغة", False),
        ("رفضها بعد الاجتماع", False),
        ("رفضها لكن الوفد عاد", False),
        ("رفضها أدى إلى تعثر المفاوضات", False),
        ("رفضها", False),
    ],
)
def test_complement_after_the_noun(text, expected):
    s = Sent.build("d", 0, 0, text, ())
    assert complement_after(s, s.tokens[0][1]) is expected


@pytest.mark.parametrize(
    ("text", "through", "count"),
    [
        ("رفضت المعارضة المشاركة في مؤتمر سوتشي", frozenset(), 2),
        ("رفضت المعارضة المشاركة في مؤتمر سوتشي", frozenset({"المشاركه", "في"}), 0),
        ("رفضت المعارضة بالمشاركة في مؤتمر سوتشي", frozenset({"المشاركه", "في"}), 0),
        # a word that only ends like one passed through is counted
        ("رفضت المعارضة نفي مؤتمر سوتشي", frozenset({"في"}), 1),
    ],
)
def test_words_between(text, through, count):
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    a = s.key.index("المعارضه") + len("المعارضه")
    assert words_between(s, a, s.key.index("مؤتمر"), through) == count
