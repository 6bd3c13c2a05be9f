"""analysis.views.hovers: evidence snippets and hover texts."""

from __future__ import annotations

from analysis.views.hovers import evidence_hover, snippet


def test_snippet_centres_on_the_mention():
    text = "أ" * 100 + "إيران" + "ب" * 100
    s = snippet(text, 100, 105, width=25)
    assert "إيران" in s and s.startswith("…") and s.endswith("…")


def test_evidence_hover_without_a_sentence_row_shows_the_surface():
    row = {
        "outlet": "o",
        "date": None,
        "doc_id": "d",
        "sent_start": float("nan"),
        "sentence": float("nan"),
        "start": 3,
        "end": 8,
        "surface": "طهران",
    }
    assert "طهران" in evidence_hover(row)
