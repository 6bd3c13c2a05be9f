"""Negation, future forms and a cue's modality (analysis.tag.modality)."""

from __future__ import annotations

import pytest

from analysis.tag.clauses import Sent
from analysis.tag.modality import (
    future_form,
    modality_at,
    negated,
    past_negation,
    under_negated_verb,
    whoever,
)
from analysis.text.normalize import fold


def sent(text: str) -> Sent:
    return Sent.build("d", 0, 0, text)


def at(s: Sent, word: str) -> int:
    """Key position of ``word`` (folded) in the sentence."""
    return s.key.index(fold(word))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("لن تنسحب القوات", "تنسحب", True),
        ("ولا تنسحب القوات", "تنسحب", True),  # a negator with a conjunction
        ("تنسحب القوات", "تنسحب", False),
        ("طالب بعدم الانسحاب", "الانسحاب", True),
        ("لن يقبل أحد أن تنسحب القوات", "تنسحب", False),  # too far before
        # the nearest word first: a comma further back does not hide the negator
        ("وقال لافروف، لن نقبل بالشروط", "نقبل", True),
        ('وقال: " لن نقبل بالشروط', "نقبل", True),  # a quote mark is no word
        ("وصلت القوات، ما يؤكد انسحابها", "يؤكد", False),  # "، ما": the relative "which"
        ("ما زال الاتفاق قائما", "الاتفاق", False),
        ("لن نكون جزءا منه أو نوافق عليه", "نوافق", True),  # لن governs the verb after أو
        ("قبلنا العرض أو نوافق عليه", "نوافق", False),
        ("حسب ما تم الاتفاق عليه", "الاتفاق", False),  # ما after حسب: "what"
        ("وقال إنه ما قبل العرض", "قبل", True),
        # "without" governs the noun right after it, not a verb describing that noun ...
        ("والانسحاب صعب بدون هدوء تضمنه إيران", "تضمنه", False),
        ("وانسحبوا دون اتفاق يضمن سلامتهم", "يضمن", False),
        # ... but "without any" reaches the noun after أي, and "without" the noun after it
        ("وانسحبت المعارضة دون أي ضمانات", "ضمانات", True),
        ("وانسحبت المعارضة دون ضمانات", "ضمانات", True),
        ("دون أن تعترض روسيا", "تعترض", True),
        ("وأيدوا السلام غير أنهم أدانوا الاتفاقية", "أدانوا", False),  # غير أن: however
    ],
)
def test_negated(text, word, expected):
    s = sent(text)
    assert negated(s, at(s, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("ستنسحب القوات", "تنسحب", True),
        ("سوف تنسحب القوات", "تنسحب", True),
        ("لن تنسحب القوات", "تنسحب", True),
        ("انسحبت القوات", "انسحبت", False),
    ],
)
def test_future_form(text, word, expected):
    s = sent(text)
    assert future_form(s, at(s, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [("لم تطالب دمشق", "تطالب", True), ("ولم تطالب", "تطالب", True), ("لا تطالب", "تطالب", False)],
)
def test_past_negation(text, word, expected):
    s = sent(text)
    assert past_negation(s, at(s, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("رفضت دمشق العرض", "رفضت", "asserted"),
        ("لم تقبل دمشق العرض", "تقبل", "negated"),
        ("ستقبل دمشق العرض", "ستقبل", "future"),
        ("إذا انسحبت القوات فإن دمشق تقبل العرض", "تقبل", "hypothetical"),  # an opening if
    ],
)
def test_modality_at(text, word, expected):
    s = sent(text)
    hypos = [s.key.find("اذا")] if "اذا" in s.key else []
    assert modality_at(s, at(s, word), hypos) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("ولذلك من لا يقبل بالمبدأ لن يحضر", "يقبل", True),
        ("من يرفض الحوار يتحمل المسؤولية", "يرفض", True),
        ("كانت بلاده من اقترحت الاستضافة", "اقترحت", False),  # the one who proposed
        ("رفضت دمشق العرض", "رفضت", False),
    ],
)
def test_whoever(text, word, expected):
    s = sent(text)
    assert whoever(s, at(s, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the object of a negated verb, past a preposition or أي: no move was made
        ("لم يسفر عن موافقة واشنطن", "موافقة", True),
        ("ولم يصدر أي رفض للخطة", "رفض", True),
        ("لن تحصل على ضمانات", "ضمانات", True),
        # a verb that, negated, asserts what follows; no negator; a clause end between
        ("لم يخف رفضه للخطة", "رفضه", False),
        ("ولم تتراجع عن مطلبها", "مطلبها", False),
        ("وحصلت على موافقة واشنطن", "موافقة", False),
        ("لم يحضر الاجتماع , ورفضه واضح", "ورفضه", False),
    ],
)
def test_under_negated_verb(text, word, expected):
    s = sent(text)
    assert under_negated_verb(s, at(s, word)) is expected
