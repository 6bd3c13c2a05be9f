"""analysis.views.figures: evidence in the hover, RTL marks, escaped data, outlet menus."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import HOSTILE_OUTLET

from analysis.views import figures

RLI, PDI = "\u2067", "\u2069"


def all_figures(t):
    return {
        "articles_over_time": figures.articles_over_time(t.documents),
        "articles_by_outlet": figures.articles_by_outlet(t.documents),
        "sections": figures.sections_chart(t),
        "mentions_by_actor": figures.mentions_by_actor(t, actors=t.actors),
        "mentions_over_time": figures.mentions_over_time(t, actors=t.actors),
        "mentions_by_outlet": figures.mentions_by_outlet(t, actors=t.actors),
        "rollup": figures.rollup_chart(t, t.actors),
        "cooccurrence": figures.cooccurrence_heatmap(t, actors=t.actors),
    }


def hovers(fig) -> list[str]:
    out = []
    for trace in fig.data:
        for h in trace.hovertext or []:
            out.extend(h if isinstance(h, list | tuple) else [h])
    return out


def test_hover_shows_snippet_outlet_and_date(small_tables):
    fig = figures.mentions_by_actor(small_tables, lang="en")
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
    fig = figures.articles_by_outlet(small_tables.documents)
    assert '&lt;img src=x onerror="alert(1)"&gt;' in fig.data[0].x
    assert HOSTILE_OUTLET not in fig.data[0].x


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "IRGC"), ("ar", f"{RLI}الحرس الثوري{PDI}"), ("both", f"IRGC · {RLI}الحرس الثوري{PDI}")],
)
def test_lang_option(small_tables, lang, label):
    fig = figures.mentions_by_actor(small_tables, lang=lang, actors=small_tables.actors)
    assert label in fig.data[0].y


def test_arabic_label_falls_back_to_the_surface_form(small_tables):
    labels = figures.actor_labels(["usa"], lang="ar", mentions=small_tables.mentions)
    assert labels["usa"] == f"{RLI}واشنطن{PDI}"


def test_unknown_lang_is_an_error(small_tables):
    with pytest.raises(ValueError, match="lang"):
        figures.actor_labels(["iran"], lang="fr")


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
    assert labels[0] == figures.ALL_OUTLETS
    assert "\u2067الشرق\u2069" in labels  # outlets without data in this figure are left out
    assert len(labels) == len(set(labels)) >= 2
    visible = [b.args[0]["visible"] for b in menu.buttons]
    assert all(len(v) == len(fig.data) for v in visible)
    # each trace belongs to exactly one outlet group
    assert [sum(col) for col in zip(*visible, strict=True)] == [1] * len(fig.data)
    assert [bool(t.visible) for t in fig.data] == visible[0]


def test_time_axes_have_a_range_slider(small_tables):
    for fig in (
        figures.articles_over_time(small_tables.documents),
        figures.mentions_over_time(small_tables),
    ):
        assert fig.layout.xaxis.rangeslider.visible
        assert fig.layout.xaxis.type == "date"


def test_undated_articles_are_counted_in_the_title(small_tables):
    fig = figures.articles_over_time(small_tables.documents)
    assert "1 undated not shown" in fig.layout.title.text


def test_figures_survive_empty_mentions(small_tables):
    small_tables.mentions = small_tables.mentions.iloc[0:0]
    for name in ("mentions_by_actor", "mentions_over_time", "cooccurrence"):
        assert all_figures(small_tables)[name].data is not None


def test_snippet_centres_on_the_mention():
    text = "أ" * 100 + "إيران" + "ب" * 100
    s = figures.snippet(text, 100, 105, width=25)
    assert "إيران" in s and s.startswith("…") and s.endswith("…")


def test_actor_labels_survive_missing_labels_in_mentions():
    import pandas as pd

    mentions = pd.DataFrame(
        {
            "actor_id": ["X", "Y"],
            "surface": ["إكس", "واي"],
            "label_en": pd.array([pd.NA, "Why"], dtype="string"),
        }
    )
    labels = figures.actor_labels(["X", "Y"], lang="en", mentions=mentions)
    assert labels == {"X": "X", "Y": "Why"}


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
    assert "طهران" in figures.evidence_hover(row)


@pytest.mark.parametrize(
    ("speaker", "name"),
    [
        ("RUS", "Russia"),
        ("newsweek", "Newsweek"),
        ("src:الوقائع", "الوقائع"),
        ("unnamed_source", "unnamed source(s)"),
        ("reuters|src:الوقائع", "Reuters > الوقائع"),
        ("nobody", "nobody"),
    ],
)
def test_speaker_name_resolves_actors_sources_and_several_sources(speaker, name):
    import pandas as pd

    actors = pd.DataFrame({"id": ["RUS"], "label_en": ["Russia"], "label_ar": ["روسيا"]})
    assert figures.speaker_name(speaker, figures.actor_names(actors)) == name


def test_chain_names_every_part_without_a_names_table():
    out = figures.chain_plotly("جريدة > newsweek > src:الوقائع > unnamed_source", "جريدة")
    assert out == f"{RLI}جريدة{PDI} &gt; Newsweek &gt; {RLI}الوقائع{PDI} &gt; unnamed source(s)"


def test_plain_and_plotly_labels_agree():
    import pandas as pd

    actors = pd.DataFrame({"id": ["A", "B"], "label_en": ["<A>", "Bee"], "label_ar": ["ألف", None]})
    mentions = pd.DataFrame({"actor_id": ["B", "B", "B"], "surface": ["باء", "بي", "باء"]})
    plain = figures.plain_labels(["A", "B"], lang="both", actors=actors, mentions=mentions)
    assert plain == {"A": "<A> · ألف", "B": "Bee · باء"}
    shown = figures.actor_labels(["A", "B"], lang="both", actors=actors, mentions=mentions)
    assert shown == {"A": f"&lt;A&gt; · {RLI}ألف{PDI}", "B": f"Bee · {RLI}باء{PDI}"}


def test_present_outlets_in_article_order_then_unknown_by_name():
    import pandas as pd

    docs = pd.DataFrame({"outlet": ["b", "a", "a", "c"]})
    assert figures.present_outlets(docs, pd.Series(["c", "z", "a", "y", None])) == [
        "a",
        "c",
        "y",
        "z",
    ]


def test_empty_figure_says_its_message_escaped():
    fig = figures.empty_figure("T", "<b>none</b>")
    assert [a.text for a in fig.layout.annotations] == ["&lt;b&gt;none&lt;/b&gt;"]
    assert figures.empty_figure("T").layout.annotations[0].text == figures.NO_MENTIONS


def test_sections_chart_counts_the_same_sentences_with_and_without_menus(small_tables):
    orphan = small_tables.sentences.iloc[[0]].assign(doc_id="not-listed")
    small_tables.sentences = pd.concat([small_tables.sentences, orphan], ignore_index=True)
    counts = []
    for menus in (True, False):
        with figures.outlet_menus(menus):
            bar = figures.sections_chart(small_tables).data[0]
        counts.append(dict(zip(bar.x, (int(v) for v in bar.y), strict=True)))
    assert counts[0] == counts[1]


def test_articles_over_time_hovers_list_five_articles_per_period(small_tables):
    docs = small_tables.documents
    many = pd.concat(
        [docs.iloc[[0]].assign(doc_id=f"x{i}", title=None if i == 0 else f"t{i}") for i in range(7)]
        + [docs],
        ignore_index=True,
    )
    bar = figures.articles_over_time(many).data[0]
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
        a, b = figures.articles_over_time(filtered), figures.articles_over_time(fresh)
        assert json.loads(a.to_json())["data"] == json.loads(b.to_json())["data"]
