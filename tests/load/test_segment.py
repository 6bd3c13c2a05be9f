"""Paragraph and sentence spans, and the sentences table of one document."""

import pandas as pd
import pytest

from analysis.load.segment import paragraph_spans, segment_documents, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
        ("  سطر أول  \n\n\n  سطر ثان\n", ["سطر أول", "سطر ثان"]),
        ("\n \n\t\n", []),
        ("فقرة واحدة فقط", ["فقرة واحدة فقط"]),
    ],
)
def test_paragraph_spans(text, expected):
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain full stops, question and exclamation marks
        ("وصل الوفد. وبدأت المحادثات.", ["وصل الوفد.", "وبدأت المحادثات."]),
        ("هل تنسحب إيران؟ لا أحد يعرف.", ["هل تنسحب إيران؟", "لا أحد يعرف."]),
        ("يا للمفاجأة! انتهى الاجتماع.", ["يا للمفاجأة!", "انتهى الاجتماع."]),
        ("انتظر الجميع… ثم صدر البيان.", ["انتظر الجميع…", "ثم صدر البيان."]),
        # Arabic comma, semicolon and colon do not end a sentence
        ("قال الوزير، في مؤتمر، إن الأمر انتهى.", ["قال الوزير، في مؤتمر، إن الأمر انتهى."]),
        ("رفضت دمشق العرض؛ لكنها لم تغلق الباب.", ["رفضت دمشق العرض؛ لكنها لم تغلق الباب."]),
        # short quotations stay inside their sentence
        ("قال «لماذا؟ لا أعرف!» ثم غادر. وعاد.", ["قال «لماذا؟ لا أعرف!» ثم غادر.", "وعاد."]),
        ('وقال: "نرفض ذلك. نقطة." وغادر القاعة.', ['وقال: "نرفض ذلك. نقطة." وغادر القاعة.']),
        ("وصف الخطوة بأنها “خطأ. كبير” أمس.", ["وصف الخطوة بأنها “خطأ. كبير” أمس."]),
        # a full stop after the closing quote ends the sentence
        ('وقال إن القوات "قوة احتلال". وأضاف.', ['وقال إن القوات "قوة احتلال".', "وأضاف."]),
        # decimals, dotted dates, abbreviations, initials, URLs
        ("بلغت النسبة 3.5 في المئة. وارتفعت.", ["بلغت النسبة 3.5 في المئة.", "وارتفعت."]),
        ("وقع الاتفاق في 13.06.2018 بدمشق.", ["وقع الاتفاق في 13.06.2018 بدمشق."]),
        ("نقلت أ.ف.ب الخبر. ثم نفته.", ["نقلت أ.ف.ب الخبر.", "ثم نفته."]),
        ("نقلت (أ. ف. ب) الخبر.", ["نقلت (أ. ف. ب) الخبر."]),
        ("قال د. أحمد إن الوضع مستقر.", ["قال د. أحمد إن الوضع مستقر."]),
        ("انتهت الحرب عام 1990 م. وبدأ السلام.", ["انتهت الحرب عام 1990 م.", "وبدأ السلام."]),
        ("راجع www.example.org للمزيد. شكرا.", ["راجع www.example.org للمزيد.", "شكرا."]),
        ("met Dr. Smith in the U.S. today.", ["met Dr. Smith in the U.S. today."]),
        # pre-tokenised text (spaces around punctuation, syria-claims style)
        ("وصل الوفد . وبدأت المحادثات .", ["وصل الوفد .", "وبدأت المحادثات ."]),
        ("بلغ المعدل 7 . 12 في المئة .", ["بلغ المعدل 7 . 12 في المئة ."]),
        ("نشر موقع example . com الخبر .", ["نشر موقع example . com الخبر ."]),
        ('وقال : " هل نقبل ? لا " . ثم غادر .', ['وقال : " هل نقبل ? لا " .', "ثم غادر ."]),
        ("التقى د . العريان الوفد .", ["التقى د . العريان الوفد ."]),
        # no final mark: the rest is one sentence
        ("عنوان بلا نقطة", ["عنوان بلا نقطة"]),
    ],
)
def test_sentence_spans(text, expected):
    assert _sentences(text) == expected


def test_sentence_spans_offsets_inside_a_paragraph():
    text = "سطر\nالجملة الأولى. الجملة الثانية.\nسطر"
    start = text.index("الجملة")
    end = text.index("\nسطر", start)
    spans = sentence_spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["الجملة الأولى.", "الجملة الثانية."]
    assert spans[0][0] == start and spans[-1][1] == end


PAGE = (
    "\ufeffسياسة\r\n"
    "  إيران تبحث سحب مستشاريها من جنوب سوريا  \n"
    "\n"
    "قالت مصادر إن طهران تدرس العرض. وأضافت أن القرار لم يتخذ بعد؟ لا أحد يعرف.\n"
    "وقال مسؤول: «لن ننسحب». وردت واشنطن بالرفض.\n"
)


def test_segment_documents_columns_and_offsets():
    df = segment_documents(["doc-1"], [PAGE])
    assert list(df.columns) == [
        "doc_id",
        "sent_id",
        "para_id",
        "start",
        "end",
        "section",
        "section_reason",
        "text",
    ]
    assert df["doc_id"].dtype == pd.StringDtype()
    for col in ("sent_id", "para_id", "start", "end"):
        assert df[col].dtype == "int64"
    for col in ("section", "section_reason", "text"):
        assert df[col].dtype == pd.StringDtype()
    assert (df["doc_id"] == "doc-1").all()
    assert df["sent_id"].tolist() == list(range(len(df)))
    assert all(PAGE[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"], strict=True))
    assert df["para_id"].is_monotonic_increasing
    assert df["text"].tolist()[2:] == [
        "قالت مصادر إن طهران تدرس العرض.",
        "وأضافت أن القرار لم يتخذ بعد؟",
        "لا أحد يعرف.",
        "وقال مسؤول: «لن ننسحب».",
        "وردت واشنطن بالرفض.",
    ]
    assert df["section"].tolist()[:3] == ["meta", "headline", "body"]


def test_segment_documents_empty_text():
    df = segment_documents(["empty"], [""])
    assert df.empty
    assert df["sent_id"].dtype == "int64"
