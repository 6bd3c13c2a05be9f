"""analysis.views.corpus_tables: the summary tables of notebook 01."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.views import corpus_tables


def test_articles_by_outlet(small_tables):
    out = corpus_tables.articles_by_outlet(small_tables.documents)
    assert out["outlet"].iloc[0] == "الشرق"
    assert out.set_index("outlet")["articles"].sum() == len(small_tables.documents)
    assert out.set_index("outlet").loc["Levant Daily", "undated"] == 1


def test_date_sources_columns_in_order(small_tables):
    out = corpus_tables.date_sources(small_tables.documents)
    assert list(out.columns) == ["outlet", "stated", "url", "metadata", "unknown"]
    assert out.drop(columns="outlet").to_numpy().sum() == len(small_tables.documents)


def test_duplicate_groups_only_groups_with_several(small_tables):
    out = corpus_tables.duplicate_groups(small_tables.documents)
    assert out["doc_id"].tolist() == ["a1", "a2"]


@pytest.mark.parametrize(
    "values",
    [
        ["b", "a", "a", "b", "c"],  # a tie: first seen first
        ["x", None, "y", "y", None],  # missing values left out
        [],
    ],
)
def test_code_counts_is_value_counts_of_the_codes(values):
    codes, names = pd.factorize(pd.Series(values, dtype="str"))
    out = corpus_tables.code_counts(codes, names)
    expected = pd.Series(values, dtype="str").value_counts()
    assert list(out.index) == list(expected.index)
    assert out.tolist() == expected.tolist()


def test_sections_counts_sentences_documents_and_rules():
    sents = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b", None],
            "section": ["body", "body", "caption", "body", None, "body"],
            "section_reason": ["r2", "r1", "r3", "r1", "r9", "r2"],
        }
    )
    out = corpus_tables.sections(sents).set_index("section")
    assert out["sentences"].to_dict() == {"body": 4, "caption": 1}
    assert out["documents"].to_dict() == {"body": 2, "caption": 1}  # a missing doc_id: none
    assert out.loc["body", "rules"] == "r2, r1"  # 2 each: the first seen first
    assert corpus_tables.sections(sents.drop(columns="section_reason"))["rules"].eq("").all()


def test_duplicate_groups_of_a_filtered_set_drop_groups_it_splits(small_tables):
    from analysis.panel import widgets

    whole = corpus_tables.duplicate_groups(small_tables.documents)
    assert len(whole) == 2  # a1 and a2, from two dates
    one_day = widgets.filter_tables(small_tables, start="2018-08-28", end="2018-08-28")
    assert corpus_tables.duplicate_groups(one_day.documents).empty
