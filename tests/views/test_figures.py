"""analysis.views.figures and every figure of notebooks 01-02 (mention_figures): evidence in
the hover, RTL marks, escaped data, outlet menus."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import HOSTILE_OUTLET

from analysis.views import corpus_figures, figures, mention_figures, menus

RLI, PDI = "\u2067", "\u2069"


def all_figures(t):
    return {
        "articles_over_time": corpus_figures.articles_over_time(t.documents),
        "articles_by_outlet": corpus_figures.articles_by_outlet(t.documents),
        "sections": corpus_figures.sections_chart(t),
        "mentions_by_actor": mention_figures.mentions_by_actor(t, actors=t.actors),
        "mentions_over_time": mention_figures.mentions_over_time(t, actors=t.actors),
        "mentions_by_outlet": mention_figures.mentions_by_outlet(t, actors=t.actors),
        "rollup": mention_figures.rollup_chart(t, t.actors),
        "cooccurrence": mention_figures.cooccurrence_heatmap(t, actors=t.actors),
    }


def hovers(fig) -> list[str]:
    out = []
    for trace in fig.data:
        for h in trace.hovertext or []:
            out.extend(h if isinstance(h, list | tuple) else [h])
    return out


def test_hover_shows_snippet_outlet_and_date(small_tables):
    fig = mention_figures.mentions_by_actor(small_tables, lang="en")
    all_trace = fig.data[0]
    i = list(all_trace.y).index("IRGC")
    hover = all_trace.hovertext[i]
    assert "3 mention(s) in 3 article(s)" in hover
    assert f"{RLI}الشرق{PDI} · 2018-08-28 · a1" in hover  # earliest mention
    assert "الحرس الثوري باق في سوريا" in hover


@pytest.mark.parametrize(
    "name", ["mentions_by_actor", "mentions_over_time", "mentions_by_outlet", "cooccurrence"]
)
def test_every_mention_figure_carries_evidence(small_tables, name):
    fig = all_figures(small_tables)[name]
    with_evidence = [h for h in hovers(fig) if " · a" in h]
    assert with_evidence, name
    assert all(RLI in h for h in with_evidence)


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []


def test_no_markup_from_data_reaches_the_figure(small_tables):
    for name, fig in all_figures(small_tables).items():
        blob = "\n".join(strings(json.loads(fig.to_json())))
        assert "<img" not in blob and "<script" not in blob, name
        assert "<b>فورا" not in blob, name
        assert "\u202e" not in blob, name


def test_hostile_outlet_is_shown_escaped(small_tables):
    fig = corpus_figures.articles_by_outlet(small_tables.documents)
    assert '&lt;img src=x onerror="alert(1)"&gt;' in fig.data[0].x
    assert HOSTILE_OUTLET not in fig.data[0].x


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "IRGC"), ("ar", f"{RLI}الحرس الثوري{PDI}"), ("both", f"IRGC · {RLI}الحرس الثوري{PDI}")],
)
def test_lang_option(small_tables, lang, label):
    fig = mention_figures.mentions_by_actor(small_tables, lang=lang, actors=small_tables.actors)
    assert label in fig.data[0].y


@pytest.mark.parametrize(
    "name",
    [
        "articles_over_time",
        "sections",
        "mentions_by_actor",
        "mentions_over_time",
        "rollup",
        "cooccurrence",
    ],
)
def test_outlet_menu_switches_trace_groups(small_tables, name):
    fig = all_figures(small_tables)[name]
    (menu,) = fig.layout.updatemenus
    labels = [b.label for b in menu.buttons]
    assert labels[0] == menus.ALL_OUTLETS
    assert "\u2067الشرق\u2069" in labels  # outlets without data in this figure are left out
    assert len(labels) == len(set(labels)) >= 2
    visible = [b.args[0]["visible"] for b in menu.buttons]
    assert all(len(v) == len(fig.data) for v in visible)
    # each trace belongs to exactly one outlet group
    assert [sum(col) for col in zip(*visible, strict=True)] == [1] * len(fig.data)
    assert [bool(t.visible) for t in fig.data] == visible[0]


def test_time_axes_have_a_range_slider(small_tables):
    for fig in (
        corpus_figures.articles_over_time(small_tables.documents),
        mention_figures.mentions_over_time(small_tables),
    ):
        assert fig.layout.xaxis.rangeslider.visible
        assert fig.layout.xaxis.type == "date"


def test_figures_survive_empty_mentions(small_tables):
    small_tables.mentions = small_tables.mentions.iloc[0:0]
    for name in ("mentions_by_actor", "mentions_over_time", "cooccurrence"):
        assert all_figures(small_tables)[name].data is not None


def test_empty_figure_says_its_message_escaped():
    fig = figures.empty_figure("T", "<b>none</b>")
    assert [a.text for a in fig.layout.annotations] == ["&lt;b&gt;none&lt;/b&gt;"]
    assert figures.empty_figure("T").layout.annotations[0].text == figures.NO_MENTIONS


@pytest.mark.parametrize(
    ("dates", "widened"),
    [
        (["2019-03-02", "2019-03-02"], True),  # one day: plotly would tick in milliseconds
        (["2019-03-02 06:00", "2019-03-03 18:00"], True),
        (["2019-03-02", "2019-05-02"], False),
        ([None, "2019-03-02"], True),  # undated articles do not count
        ([None], False),
    ],
)
def test_time_axis_of_a_short_span_ticks_in_days(dates, widened):
    axis = figures.time_xaxis(pd.Series(pd.to_datetime(dates)))
    assert axis["type"] == "date" and axis["rangeslider"]["visible"]
    assert ("range" in axis) is widened
    if widened:
        lo, hi = (pd.Timestamp(v) for v in axis["range"])
        shown = pd.to_datetime(pd.Series(dates)).dropna()
        assert lo < shown.min() <= shown.max() < hi and hi - lo >= pd.Timedelta(days=7)
        assert axis["dtick"] == figures.DAY_MS and axis["tickformat"] == "%Y-%m-%d"
