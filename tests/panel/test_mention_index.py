"""analysis.views.mention_codes and analysis.panel.mention_index: coded mention rows, and
filtered indexes cut from the whole."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.panel import widgets
from analysis.pipeline.run import Tables
from analysis.views import mention_codes, mention_figures, mention_tables
from analysis.views.rows import mention_rows


def _reference_rows(tables) -> pd.DataFrame:
    """The counted mention rows, earliest first, computed plainly with pandas."""
    rows = mention_rows(tables.mentions, tables.sentences, tables.documents)
    return rows.sort_values(["date", "doc_id", "start"], na_position="last", ignore_index=True)


def _afresh(tables) -> Tables:
    """The same tables as new frames: no link to any unfiltered parent."""
    return Tables(
        documents=tables.documents.copy(),
        sentences=tables.sentences.copy(),
        rejected=tables.rejected,
        mentions=tables.mentions.copy(),
    )


def test_index_rows_are_the_counted_mentions_earliest_first(fixture_tables):
    ix = mention_codes.mention_index(fixture_tables)
    ref = _reference_rows(fixture_tables)
    got = ix.frame().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, ref)
    assert ix.actor_ids[ix.actor].tolist() == ref["actor_id"].tolist()
    assert ix.outlet_ids[ix.outlet].tolist() == ref["outlet"].tolist()


def test_counts_articles_and_first_evidence_match_pandas(fixture_tables):
    ix = mention_codes.mention_index(fixture_tables)
    ref = _reference_rows(fixture_tables)
    n = len(ix.actor_ids)
    counts = dict(zip(ix.actor_ids, mention_codes.counts(ix.actor, n), strict=True))
    assert counts == ref["actor_id"].value_counts().to_dict()
    articles = dict(zip(ix.actor_ids, mention_codes.articles_per(ix, n), strict=True))
    assert articles == ref.groupby("actor_id")["doc_id"].nunique().to_dict()
    first = mention_codes.first_of(ix.actor, n)
    for code, actor in enumerate(ix.actor_ids):
        expected = ref[ref["actor_id"] == actor].iloc[0]
        record = ix.record(first[code])
        assert (record["doc_id"], record["start"]) == (expected["doc_id"], expected["start"])


@pytest.mark.parametrize(
    "state",
    [
        {"outlets": ["Levant Example Daily"]},
        {"start": "2019-01-01"},
        {"end": "2020-12-31", "include_undated": False},
        {"outlets": ["Example Times (Arabic)", "جريدة المثال"], "start": "2018-06-01"},
    ],
)
def test_a_filtered_index_equals_one_built_afresh(fixture_tables, state):
    filtered = widgets.filter_tables(fixture_tables, **state)
    cut = mention_codes.mention_index(filtered)
    assert cut.base is not None  # cut from the unfiltered index, not rebuilt
    fresh = mention_codes.mention_index(_afresh(filtered))
    assert fresh.base is None
    pd.testing.assert_frame_equal(
        cut.frame().reset_index(drop=True), fresh.frame().reset_index(drop=True)
    )
    assert cut.actor_ids[cut.actor].tolist() == fresh.actor_ids[fresh.actor].tolist()
    n_cut, n_fresh = len(cut.actor_ids), len(fresh.actor_ids)
    articles_cut = dict(zip(cut.actor_ids, mention_codes.articles_per(cut, n_cut), strict=True))
    articles_fresh = dict(
        zip(fresh.actor_ids, mention_codes.articles_per(fresh, n_fresh), strict=True)
    )
    assert {a: k for a, k in articles_cut.items() if k} == articles_fresh


def test_ranked_breaks_ties_by_id():
    ids = np.array(["b", "a", "c", "d"], dtype=object)
    codes = np.array([0, 1, 2, 2, 0, 1])  # b, a and c twice each; d never
    assert [ids[c] for c in mention_codes.ranked(codes, ids)] == ["a", "b", "c"]
    assert [ids[c] for c in mention_codes.ranked(codes, ids, 2)] == ["a", "b"]


def test_first_of_gives_the_first_row_per_key_and_none_for_absent_keys():
    keys = np.array([2, 0, 2, 0, 3])
    assert mention_codes.first_of(keys, 5).tolist() == [1, 5, 0, 4, 5]


def _brute_cooccurrence(ix, keep):
    """Counts and first rows by looping over every mention of the selection."""
    sub = ix.with_actors(keep)
    sub = sub.select(sub.sentence >= 0)
    sentences: dict[int, dict[int, int]] = {}  # sentence -> actor -> first row
    for row, (s, a) in enumerate(zip(sub.sentence.tolist(), sub.actor.tolist(), strict=True)):
        sentences.setdefault(s, {}).setdefault(a, row)
    at = {c: i for i, c in enumerate(keep)}
    counts = np.zeros((len(keep), len(keep)), dtype=np.int64)
    first: dict[tuple[int, int], int] = {}
    for actors in sentences.values():
        for a, row in actors.items():
            for b in actors:
                counts[at[a], at[b]] += 1
                first[(a, b)] = min(first.get((a, b), row), row)
    return counts, first


@pytest.mark.parametrize("tables", ["small_tables", "fixture_tables"])
def test_cooccurrence_counts_sentences_once_per_pair(tables, request):
    tables = request.getfixturevalue(tables)
    ix = mention_codes.mention_index(tables)
    keep = mention_codes.ranked(ix.actor, ix.actor_ids)
    _, matrix, first = mention_codes.cooccurrence(ix, keep)
    counts, expected_first = _brute_cooccurrence(ix, keep)
    assert matrix.tolist() == counts.tolist()
    assert first == expected_first
    assert (matrix == matrix.T).all()
    expected = mention_tables.cooccurrence(tables, top=len(keep))
    ids = [str(ix.actor_ids[c]) for c in keep]
    assert matrix.tolist() == expected.loc[ids, ids].to_numpy().tolist()


def test_cooccurrence_of_more_actors_than_bits_in_a_word():
    """Beyond 62 actors the sentence masks are Python integers."""
    n = 70
    rows = pd.DataFrame({"actor_id": [f"a{i:02d}" for i in range(n)] * 2})
    sentence = np.array([i // 2 for i in range(n)] + [0] * n, dtype=np.int64)  # all in s0
    actor, actor_ids = pd.factorize(rows["actor_id"])
    ix = mention_codes.MentionIndex(
        rows=rows,
        pos=np.arange(2 * n, dtype=np.int64),
        actor=actor.astype(np.int64),
        actor_ids=np.asarray(actor_ids, dtype=object),
        outlet=np.zeros(2 * n, dtype=np.int64),
        outlet_ids=np.array(["x"], dtype=object),
        doc=np.zeros(2 * n, dtype=np.int64),
        sentence=sentence,
    )
    keep = list(range(n))
    _, matrix, first = mention_codes.cooccurrence(ix, keep)
    counts, expected_first = _brute_cooccurrence(ix, keep)
    assert matrix.tolist() == counts.tolist() and first == expected_first
    assert matrix[69, 0] == 1 and matrix[2, 3] == 2  # a02 and a03 share s0 and s1


def test_period_codes_leave_undated_rows_out(small_tables):
    ix = mention_codes.mention_index(small_tables)
    codes, starts = mention_codes.period_codes(ix, "M")
    dated = ix.frame()["date"].notna().to_numpy()
    assert (codes[~dated] == -1).all() and (codes[dated] >= 0).all()
    months = pd.DatetimeIndex(starts[codes[dated]])
    assert (months == ix.frame()["date"][dated].dt.to_period("M").dt.start_time).all()


def test_an_empty_corpus_gives_an_empty_index(small_tables):
    empty = widgets.filter_tables(small_tables, outlets=["no such outlet"])
    ix = mention_codes.mention_index(empty)
    assert ix.empty and len(ix) == 0
    assert mention_tables.top_actor(empty) is None
    assert mention_tables.mentions_by_actor(empty).empty


def test_a_selection_of_an_empty_index_keeps_it_as_its_base(small_tables):
    # an index has a length, so an empty one is falsy: `base or self` picked the selection
    empty = widgets.filter_tables(small_tables, outlets=["no such outlet"])
    whole = mention_codes.mention_index(_afresh(empty))
    assert whole.empty
    part = whole.select(np.zeros(0, dtype=bool))
    assert part.base is whole
    assert part.select(np.zeros(0, dtype=bool)).base is whole
    assert mention_codes.first_in_document(part).tolist() == []


# --- review of 2026-11-23 -----------------------------------------------------------------


def test_a_missing_outlet_is_not_counted_as_an_outlet(small_tables):
    docs = small_tables.documents.copy()  # a new frame: values changed in place go unseen
    docs.loc[docs["doc_id"] == "a2", "outlet"] = None
    tables = Tables(
        documents=docs,
        sentences=small_tables.sentences,
        rejected=small_tables.rejected,
        mentions=small_tables.mentions,
    )
    out = mention_tables.mentions_by_actor(tables).set_index("actor_id")["outlets"]
    rows = _reference_rows(tables)
    assert out.to_dict() == rows.groupby("actor_id")["outlet"].nunique().to_dict()


def test_mentions_without_a_sentence_number_share_no_sentence(small_tables):
    m = small_tables.mentions
    m["sent_id"] = m["sent_id"].astype("float")
    m.loc[m["doc_id"] == "a1", "sent_id"] = float("nan")
    expected = pd.crosstab(
        [_reference_rows(small_tables)["doc_id"], _reference_rows(small_tables)["sent_id"]],
        _reference_rows(small_tables)["actor_id"],
    )  # crosstab leaves out the rows without a sentence number
    matrix = mention_tables.cooccurrence(small_tables, top=20)
    pairs = (expected.T @ expected).loc[matrix.index, matrix.columns]
    assert matrix.to_numpy().tolist() == pairs.to_numpy().tolist()


def test_dates_of_object_dtype_without_values_give_an_empty_timeline(small_tables):

    small_tables.documents["date"] = pd.Series([None] * 4, dtype=object)
    fig = mention_figures.mentions_over_time(small_tables)
    assert "Mentions over time" in fig.layout.title.text and not fig.data


def test_a_doc_id_listed_twice_counts_once(small_tables):
    once = mention_tables.mentions_by_actor(small_tables)
    docs = small_tables.documents
    small_tables.documents = pd.concat([docs, docs.iloc[[0]]], ignore_index=True)
    pd.testing.assert_frame_equal(mention_tables.mentions_by_actor(small_tables), once)
