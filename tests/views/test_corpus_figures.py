"""analysis.views.corpus_figures: the figures of notebook 01."""

from __future__ import annotations

import json

import pandas as pd

from analysis.views import corpus_figures, menus


def test_undated_articles_are_counted_in_the_title(small_tables):
    fig = corpus_figures.articles_over_time(small_tables.documents)
    assert "1 undated not shown" in fig.layout.title.text


def test_sections_chart_counts_the_same_sentences_with_and_without_menus(small_tables):
    orphan = small_tables.sentences.iloc[[0]].assign(doc_id="not-listed")
    small_tables.sentences = pd.concat([small_tables.sentences, orphan], ignore_index=True)
    counts = []
    for on in (True, False):
        with menus.outlet_menus(on):
            bar = corpus_figures.sections_chart(small_tables).data[0]
        counts.append(dict(zip(bar.x, (int(v) for v in bar.y), strict=True)))
    assert counts[0] == counts[1]


def test_articles_over_time_hovers_list_five_articles_per_period(small_tables):
    docs = small_tables.documents
    many = pd.concat(
        [docs.iloc[[0]].assign(doc_id=f"x{i}", title=None if i == 0 else f"t{i}") for i in range(7)]
        + [docs],
        ignore_index=True,
    )
    bar = corpus_figures.articles_over_time(many).data[0]
    month = next(h for h in bar.hovertext if "x0" in h)
    assert "— 8 article(s)" in month and month.endswith("<br>…")  # 7 copies and a1
    assert month.count("<br>") == 6  # header, five articles, ellipsis
    assert "x0" in month  # no title: the doc id
    assert sum(bar.y) == many["date"].notna().sum()


def test_articles_over_time_of_a_filtered_set_is_the_set_counted_afresh(small_tables):
    from analysis.panel import widgets

    for state in ({"outlets": ["الشرق"]}, {"start": "2019-01-01"}, {"outlets": ["nobody"]}):
        filtered = widgets.filter_tables(small_tables, **state).documents
        assert filtered is not small_tables.documents
        fresh = filtered.copy()  # no record of the filter: counted from its own rows
        a, b = corpus_figures.articles_over_time(filtered), corpus_figures.articles_over_time(fresh)
        assert json.loads(a.to_json())["data"] == json.loads(b.to_json())["data"]
