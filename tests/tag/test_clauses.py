"""Sentence and clause utilities the taggers share (analysis.tag.clauses)."""

from __future__ import annotations

import pytest

from analysis.tag.clauses import (
    Sent,
    adverbial_after,
    after_opening,
    bare,
    before_complementiser,
    clause_bounds,
    coordinated,
    is_clause_end,
    subject_np,
    tokens_between,
    words_after,
)
from analysis.tag.mentions import tag_text
from analysis.text.normalize import fold


def sent(text: str, *, with_mentions: bool = False) -> Sent:
    rows = tag_text(text).to_dict("records") if with_mentions else ()
    return Sent.build("d", 0, 0, text, rows)


def at(s: Sent, word: str) -> int:
    """Key position of ``word`` (folded) in the sentence."""
    return s.key.index(fold(word))


@pytest.mark.parametrize(
    ("token", "expected"),
    [("«قال»،", "قال"), ("(إيران)", "إيران"), ("روسيا.", "روسيا"), ("-", ""), ("قال", "قال")],
)
def test_bare(token, expected):
    assert bare(token) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("قال،", True), ("انتهى.", True), ("الحل؛", True), ("قال", False), ("", False)],
)
def test_is_clause_end(token, expected):
    assert is_clause_end(token) is expected


def test_sent_maps_key_spans_back_to_the_text():
    text = "قالَ وزيرُ الخارجية"  # diacritics are folded away in the key
    s = sent(text)
    a = at(s, "وزير")
    assert s.key == "قال وزير الخارجيه"
    assert s.surface(a, a + len("وزير")) == "وزيرُ"[:4]
    assert s.doc_span(a, a + len("وزير")) == (text.index("وزير"), text.index("وزير") + 4)
    assert s.token_text(s.tok_index(a)) == "وزير"


@pytest.mark.parametrize(
    ("text", "actor", "name"),
    [
        ("اتفاق مع روسيا وأمريكا", "USA", "امريكا"),
        # a variant spelling of the alias, a name in quotes, an anaphor: the proclitic is
        # still outside the mention, so و joins and ل governs
        ("اتفاق مع روسيا وأميركا", "USA", "اميركا"),
        ('وقال لتنظيم " داعش " إن', "isis", 'تنظيم " داعش'),
        ("ضمانات للأميركيين بأن", "USA", "لاميركيين"),
        # ل + ال → لل: the mention keeps the article's ل
        ("انسحب مقاتلو تنظيم داعش , وقال للتنظيم إن", "isis", "لتنظيم"),
    ],
)
def test_a_mention_starts_after_its_proclitics(text, actor, name):
    s = sent(text, with_mentions=True)
    m = [m for m in s.mentions if m.actor_id == actor][-1]
    assert s.key[m.kstart : m.kend] == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أكد أن الحل سياسي", True),
        ("أكد الوزير أنه يرفض", True),
        ("أكد ضرورة الحل السياسي", False),
        ("أكد، ثم قال إن", False),  # a clause end before the complementiser
    ],
)
def test_before_complementiser(text, expected):
    s = sent(text)
    assert before_complementiser(s, at(s, "اكد") + len("اكد")) is expected


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        # an adverbial set off by commas, a preposition first, is no word of the clause
        ("ثمنا عاليا ، خلال الاتصال ، الاتفاقات", True),
        ("رحبت تركيا , في بيان , بالاتفاق", True),
        # not a relative clause, nor a phrase without a closing comma, nor a long one
        ("تركيا التي تدعم المعارضة ، لمؤتمر سوتشي", False),
        ("رحبت تركيا ، في بيان بالاتفاق", False),
        ("رحبت تركيا ، في بيان صدر عن وزارة الخارجية أمس في أنقرة ، بالاتفاق", False),
        # a name in apposition set off by commas is none either, a phrase naming no actor is
        ("رحب الرئيس التركي ، رجب طيب أردوغان ، بالاتفاق", True),
        ("رحب الرئيس التركي ، أمس الأول ، بالاتفاق", False),
    ],
)
def test_adverbial_set_off_by_commas(text, skipped):
    s = sent(text, with_mentions=True)
    comma = next(j for j in range(len(s.tokens)) if s.token_text(j).strip() in (",", "،"))
    assert (adverbial_after(s, comma) != comma) is skipped
    # the words after the verb step over it
    assert (comma + 1 not in list(words_after(s, 0, 8))) is skipped


def test_tokens_between_skips_words_inside_mentions():
    s = sent("قال الرئيس الروسي فلاديمير بوتين إن الحل", with_mentions=True)
    assert tokens_between(s, 0, len(s.key)) < len(s.key.split())
    assert tokens_between(sent("قال إن الحل السياسي"), 0, len(fold("قال إن الحل السياسي"))) == 4


@pytest.mark.parametrize(
    ("text", "word", "clause"),
    [
        ("قال الوزير، إن الحل بعيد", "الحل", "إن الحل بعيد"),
        ("رفضت دمشق العرض لكن الحل قريب", "الحل", "لكن الحل قريب"),
        ("رفضت دمشق العرض لكن الحل قريب", "دمشق", "رفضت دمشق العرض"),
    ],
)
def test_clause_bounds(text, word, clause):
    s = sent(text)
    lo, hi = clause_bounds(s, at(s, word))
    assert s.surface(lo, hi).strip(" ،") == clause


@pytest.mark.parametrize(
    ("text", "after", "subject"),
    [
        ("قال وزير الخارجية إن الحل سياسي", "قال", "وزير الخارجية"),
        ("قال المتحدث في بيان إن", "قال", "المتحدث"),
        ("أعلن الجيش يوم الأحد أن", "أعلن", "الجيش"),
        # a comma standing alone ends the phrase at the word before it
        ('قال مصدر لـ" العربي الجديد " , إن', "قال", 'مصدر لـ" العربي الجديد'),
        # every complementiser with its pronoun ends the phrase
        ("وقال المعارضون إنهم يرفضون العرض", "وقال", "المعارضون"),
        ("وأكد الجبير بأنهم يرفضون العرض", "وأكد", "الجبير"),
    ],
)
def test_subject_np(text, after, subject):
    s = sent(text)
    a, b = subject_np(s, at(s, after) + len(fold(after)))
    assert s.surface(a, b) == subject


def test_coordinated():
    s = sent("روسيا وإيران رفضتا العرض", with_mentions=True)
    first = s.mentions[0]
    assert [m.actor_id for m in coordinated(s, first, len(s.key))] == ["RUS", "IRN"]


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        # an aside in parentheses (a date, an acronym) is no word of the clause
        ("دعا بوتين اليوم ( 23 ديسمبر / كانون الأول 2016 ) نظيره السوري إلى اتفاق", True),
        ("وتوصلت قوات سوريا الديمقراطية ( قسد ) إلى اتفاق", True),
        # not one that does not close, nor one that runs past the sentence
        ("دعا بوتين اليوم ( 23 ديسمبر نظيره السوري إلى اتفاق", False),
        ("وقال ( في بيان . ثم دعا إلى اتفاق )", False),
    ],
)
def test_aside_in_parentheses(text, skipped):
    s = sent(text)
    opening = next(j for j in range(len(s.tokens)) if s.token_text(j).strip() == "(")
    assert (adverbial_after(s, opening) != opening) is skipped
    assert (opening + 1 not in list(words_after(s, 0, 12))) is skipped


@pytest.mark.parametrize(
    ("text", "word", "opens"),
    [
        # an adverbial that opens the sentence or a clause: the verb after it opens it too
        ("من جانبه رحب الرئيس التركي بالاتفاق", "رحب", True),
        ("وبدوره دعا الوزير إلى الحوار", "دعا", True),
        ("وقال الوزير ، في المقابل رفضت دمشق العرض", "رفضت", True),
        # not inside a clause, nor a word that only looks like one
        ("وأكد التزامه من جانبه بالاتفاق", "بالاتفاق", False),
        ("وقال الوزير من جانبه إن", "إن", False),
    ],
)
def test_an_opening_adverbial(text, word, opens):
    s = sent(text)
    i = next(j for j in range(len(s.tokens)) if s.token_text(j) == fold(word))
    assert after_opening(s, i) is opens
