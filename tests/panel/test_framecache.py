"""analysis.panel.framecache: results kept while their frames live, and rows cut by a filter."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.panel import framecache, widgets
from analysis.views import mention_tables
from analysis.views.rows import coded


def test_cached_is_computed_once_and_again_when_a_column_changes():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "n": [1, 2]})
    calls = []

    def compute():
        calls.append(1)
        return int(frame["n"].sum())

    assert framecache.cached("sum", (frame,), compute) == 3
    assert framecache.cached("sum", (frame,), compute) == 3
    assert len(calls) == 1
    frame["m"] = 0  # a new column: the frame is not the one the result was made from
    framecache.cached("sum", (frame,), compute)
    assert len(calls) == 2


def _per_document(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per-document rows, as the views compute them (a join would do the same)."""
    return sentences.assign(words=sentences["text"].str.split().str.len())[
        ["doc_id", "sent_id", "words"]
    ]


def test_cached_rows_cuts_the_unfiltered_rows_to_the_kept_documents(small_tables):
    calls: list[int] = []

    def rows_of(sentences):
        calls.append(len(sentences))
        return _per_document(sentences)

    whole = framecache.cached_rows("words", (small_tables.sentences,), rows_of)
    filtered = widgets.filter_tables(small_tables, outlets=["الشرق"])
    cut = framecache.cached_rows("words", (filtered.sentences,), rows_of)
    assert calls == [len(small_tables.sentences)]  # the filtered rows were not recomputed
    expected = _per_document(filtered.sentences).reset_index(drop=True)
    pd.testing.assert_frame_equal(cut, expected)
    assert set(cut["doc_id"]) < set(whole["doc_id"])


def test_cached_rows_computes_afresh_for_frames_not_cut_by_a_filter(small_tables):
    calls: list[int] = []

    def rows_of(sentences):
        calls.append(len(sentences))
        return _per_document(sentences)

    copy = small_tables.sentences.copy()
    framecache.cached_rows("words-copy", (copy,), rows_of)
    assert calls == [len(copy)]


def test_subset_of_names_the_parent_and_the_mask(small_tables):
    filtered = widgets.filter_tables(small_tables, outlets=["الشرق"])
    parent, keep, documents = framecache.subset_of(filtered.mentions)
    assert parent is small_tables.mentions and documents is small_tables.documents
    assert keep.tolist() == small_tables.documents["outlet"].eq("الشرق").tolist()
    assert framecache.subset_of(small_tables.mentions) is None


# --- review of 2026-11-23: a filtered frame changed in place is not cut from its parent --


def test_a_filtered_frame_changed_in_place_is_counted_as_it_now_is(small_tables):

    filtered = widgets.filter_tables(small_tables, outlets=["الشرق"])
    before = mention_tables.mentions_by_actor(filtered).set_index("actor_id")["mentions"]
    assert before.get("iran", 0) > 0
    iran = filtered.mentions.index[filtered.mentions["actor_id"] == "iran"]
    filtered.mentions.drop(index=iran, inplace=True)
    after = mention_tables.mentions_by_actor(filtered).set_index("actor_id")["mentions"]
    assert "iran" not in after.index
    assert framecache.subset_of(filtered.mentions) is None


def test_a_parent_changed_in_place_no_longer_serves_its_subsets(small_tables):

    filtered = widgets.filter_tables(small_tables, outlets=["الشرق"])
    expected = mention_tables.mentions_by_actor(filtered)
    a1 = small_tables.mentions.index[small_tables.mentions["doc_id"] == "a1"]
    small_tables.mentions.drop(index=a1, inplace=True)
    assert framecache.subset_of(filtered.mentions) is None
    pd.testing.assert_frame_equal(mention_tables.mentions_by_actor(filtered), expected)


def test_doc_positions_with_a_doc_id_listed_twice_take_its_first_row():
    docs = pd.DataFrame({"doc_id": ["a", "b", "a", "c"]})
    rows = pd.DataFrame({"doc_id": ["c", "a", "x", "b"]})
    assert framecache.doc_positions(rows, docs).tolist() == [3, 0, -1, 1]


def test_coded_cuts_the_unfiltered_codes_to_the_kept_documents(small_tables):
    whole = coded(small_tables.sentences, ("section",))
    filtered = widgets.filter_tables(small_tables, outlets=["الشرق"])
    cut = coded(filtered.sentences, ("section",))
    for column in ("doc_id", "section"):
        codes, names = cut[column]
        assert names is whole[column][1]  # one value, one code, whatever the filter
        assert list(names[codes]) == filtered.sentences[column].tolist()


def test_coded_leaves_out_rows_of_unlisted_or_missing_documents():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"], "date": pd.NaT})
    sents = pd.DataFrame({"doc_id": ["a", "z", None, "b"], "section": ["body"] * 4})
    keep = np.array([True, False])
    # what filter_tables does, by hand
    child = sents.take(framecache.kept_rows(sents, docs, keep)).reset_index(drop=True)
    framecache.note_subset(child, sents, keep, docs)
    codes, names = coded(child, ("section",))["doc_id"]
    assert list(names[codes]) == ["a"]


def _sentence_words(positions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Per-document rows from two tables (as position_rows joins moves and sentences)."""
    return positions[["doc_id", "sent_id"]].merge(
        _per_document(sentences), on=["doc_id", "sent_id"], how="left"
    )


def test_cached_rows_of_filtered_tables_leaves_the_tables_uncut(fixture_tables):
    outlet = fixture_tables.documents["outlet"].value_counts().index[0]
    out = widgets.filter_tables(fixture_tables, outlets=[outlet], lazy=True)
    names = ("positions", "sentences")
    assert all(framecache.has_table(out, n) for n in names)
    assert framecache.uncut(out, "sentences") is fixture_tables.sentences
    rows = framecache.cached_rows_of("words-of", out, names, _sentence_words)
    assert out.pending("sentences") is not None  # computed without cutting the sentences
    assert framecache.cached_rows_of("words-of", out, names, _sentence_words) is rows
    expected = _sentence_words(out.positions, out.sentences)  # now cut
    pd.testing.assert_frame_equal(rows, expected)
    assert framecache.uncut(out, "sentences") is out.sentences
    assert framecache.source(out, "sentences")[0] is fixture_tables.sentences


def test_cached_rows_of_a_table_replaced_after_filtering_reads_the_new_table(fixture_tables):
    outlet = fixture_tables.documents["outlet"].value_counts().index[0]
    out = widgets.filter_tables(fixture_tables, outlets=[outlet], lazy=True)
    out.sentences = out.sentences.iloc[:1].copy()  # no longer a cut of the parent
    assert framecache.source(out, "sentences") is None
    rows = framecache.cached_rows_of("words-of", out, ("positions", "sentences"), _sentence_words)
    pd.testing.assert_frame_equal(rows, _sentence_words(out.positions, out.sentences))


def test_has_table_and_uncut_without_the_table():
    class Bare:
        documents = pd.DataFrame({"doc_id": ["a"]})

    assert framecache.has_table(Bare(), "documents")
    assert not framecache.has_table(Bare(), "sentences")
    assert framecache.uncut(Bare(), "sentences") is None
    assert framecache.source(Bare(), "sentences") is None
