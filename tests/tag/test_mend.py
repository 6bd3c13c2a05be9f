"""Words a scraper broke by writing each diacritic as a space (tag.mend), and the sentence
key that reads them whole while its offsets still point into the original text. Sentences
written for these tests, in the spelling of the scraped pages."""

from __future__ import annotations

import pytest

from analysis.tag.clauses import Sent
from analysis.tag.mend import mend, sentence_key
from analysis.text.normalize import fold


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("وأك د البيان", "واكد البيان"),  # the shadda: the letter goes back to the left
        ("وقال أن ه سيعود", "وقال انه سيعود"),  # ه joins the word before
        ("كان ي عرف بذلك", "كان يعرف بذلك"),  # a prefix joins the word after
        ("التي ق طعت", "التي قطعت"),
        ("عمل سر ا", "عمل سرا"),  # the accusative alef
        ("ورح ب السفير", "ورحب السفير"),  # a fragment that is no word takes the letter
        ("والسعودي ه", "والسعوديه"),
        ("حزب ب ي د الكردي", "حزب ب ي د الكردي"),  # lone letters in a row: an abbreviation
        ("مصدر ل - الجريدة", "مصدر ل - الجريدة"),  # no word beside it
        ("و هو", "و هو"),  # و stands alone
        ("قال الوزير", "قال الوزير"),  # nothing to mend
        # two fragments of a cue word, neither a cue word alone and one no word at all
        ("وأك دت المصادر أن ه", "واكدت المصادر انه"),
        ("وج هت تركيا إنذار ا", "وجهت تركيا انذارا"),
        ("مذكرة و ق عت في عمان", "مذكره وقعت في عمان"),  # و, a lone letter and the rest
        ("قد مت روسيا عرض ا", "قد مت روسيا عرضا"),  # "قد مت": two words, it stays
        ("في قمة سوتشي عام ا", "في قمه سوتشي عاما"),  # two words that join to no cue word
        # no lone letter, but a two-letter token that is no common word: mended too
        ("وحذ رت المصادر من الهجوم", "وحذرت المصادر من الهجوم"),
        ("وقال في بيان إن حق العودة ثابت", "وقال في بيان ان حق العوده ثابت"),
    ],
)
def test_mend(text, mended):
    assert mend(fold(text)) == fold(mended)


def test_a_mended_sentence_keeps_its_offsets_into_the_text():
    text = "وأك د الوزير أن ه لن يعود"
    s = Sent.build("d", 0, 100, text, [])
    assert [s.token_text(i) for i in range(3)] == ["واكد", "الوزير", "انه"]
    assert s.word(0) == "وأكد"  # the analyser's spelling, the space gone
    assert s.surface(*s.tokens[0]) == "وأك د"  # the evidence as the page wrote it
    assert s.doc_span(*s.tokens[2]) == (100 + text.index("أن ه"), 100 + text.index("أن ه") + 4)


def test_the_prefilters_read_the_mended_sentence():
    assert sentence_key("وأك د الوزير أن ه لن يعود") == fold("وأكد الوزير أنه لن يعود")


def test_a_mended_cue_word_makes_its_move():
    from test_positions import tag

    out = tag(["وج هت تركيا إنذار ا إلى الفصائل بالانسحاب من المدينة ."])
    assert set(zip(out["holder_id"], out["move"], strict=True)) == {("TUR", "demand")}
