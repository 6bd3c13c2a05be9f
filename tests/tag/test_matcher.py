"""The dictionary matcher (analysis.tag.matcher)."""

from __future__ import annotations

import pytest

from analysis.tag.actors import load_dictionary
from analysis.tag.matcher import FoldedDoc, matcher, strip_conj


@pytest.mark.parametrize(
    ("token", "expected"),
    [("وإيران", "إيران"), ("فروسيا", "روسيا"), ("وهو", "هو"), ("ول", "ول"), ("روسيا", "روسيا")],
)
def test_strip_conj(token, expected):
    assert strip_conj(token) == expected


def test_matcher_is_built_once_per_dictionary():
    assert matcher(None) is matcher(load_dictionary())
    m = matcher(None)
    # every first token can be reached with its proclitics: و + ب + إيران, ل + الأسد → للأسد
    assert ("ايران", "وب") in m.first["وبايران"]
    assert any(clitic.endswith("+ال") for _f, clitic in m.first.get("للاسد", []))


def test_folded_doc_tokens_and_sentences():
    text = "قال بوتين.\nإيران باقية"
    doc = FoldedDoc(text, [(0, 10), (11, len(text))])
    assert doc.tok == ["قال", "بوتين", "ايران", "باقيه"]
    assert [doc.sentence_of(i) for i in range(4)] == [0, 0, 1, 1]
    assert doc.joined(0, 1) and not doc.joined(1, 2)
