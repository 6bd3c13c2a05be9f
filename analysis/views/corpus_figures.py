"""The figures of notebook 01 (corpus overview): articles over time and by outlet, and
sentences by section."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.text import safety
from analysis.views import corpus_tables
from analysis.views.figures import (
    bar_width,
    house_layout,
    make_figure,
    make_trace,
    style,
    time_xaxis,
)
from analysis.views.hovers import date_text
from analysis.views.menus import (
    ALL_OUTLETS,
    by_outlet,
    outlet_figure,
    outlet_menus_on,
    outlet_names,
)
from analysis.views.rows import dated_articles, listed_codes


def articles_over_time(documents: pd.DataFrame, *, freq: str = "MS") -> go.Figure:
    """Dated articles per period (``freq``: pandas offset, default month), by outlet."""
    # sorted once per corpus: a filtered or per-outlet subset keeps the order
    dated = dated_articles(documents, freq)

    def traces(sub: pd.DataFrame, name: str) -> list:
        period = sub["period"].to_numpy()
        starts = np.flatnonzero(np.r_[len(period) > 0, period[1:] != period[:-1]])  # runs
        counts = np.diff(np.r_[starts, len(period)])
        within = np.arange(len(period)) - np.repeat(starts, counts)  # place in its period
        rows = sub.take(np.flatnonzero(within < 5))
        lines = iter(
            f"{safety.plotly_text(o)} · {date_text(d)} · "
            f"{safety.plotly_text(safety.truncate(i if safety.is_missing(t) or not t else t, 70))}"
            for o, d, t, i in zip(
                rows["outlet"].tolist(),
                rows["date"].tolist(),
                rows["title"].tolist() if "title" in rows else [None] * len(rows),
                rows["doc_id"].tolist(),
                strict=True,
            )
        )
        hover = [
            f"<b>{date_text(period[a])}</b> — {n} article(s)<br>"
            + "<br>".join(next(lines) for _ in range(min(n, 5)))
            + ("<br>…" if n > 5 else "")
            for a, n in zip(starts, counts, strict=True)
        ]
        return [
            make_trace(
                go.Bar,
                x=[pd.Timestamp(period[a]) for a in starts],
                y=counts,
                width=bar_width(freq),
                offset=0,  # the bar covers its period, from its first day
                name=safety.plotly_text(name),
                hovertext=hover,
                hoverinfo="text",
            )
        ]

    undated = int(documents["date"].isna().sum())
    title = "Articles over time" + (f" ({undated} undated not shown)" if undated else "")
    layout = {**house_layout(title), "xaxis": time_xaxis(documents["date"]), "showlegend": False}
    return by_outlet(documents, dated, traces, layout=layout)


def articles_by_outlet(documents: pd.DataFrame) -> go.Figure:
    """Articles per outlet, stacked by what their date rests on."""
    table = corpus_tables.date_sources(documents).set_index("outlet")
    order = outlet_names(documents)
    table = table.reindex(order)
    fig = make_figure()
    for source in table.columns:
        hover = [
            f"<b>{safety.plotly_text(o)}</b><br>{n} article(s), date {source}"
            for o, n in table[source].items()
        ]
        fig.add_bar(
            x=[safety.plotly_text(o) for o in table.index],
            y=table[source].to_numpy(),
            name=f"date: {source}",
            hovertext=hover,
            hoverinfo="text",
        )
    fig.update_layout(barmode="stack")
    return style(fig, "Articles by outlet and what their date rests on")


def sections_chart(tables) -> go.Figure:
    """Sentences per section (headline, body, caption, …), by outlet."""

    def bars(counts: pd.Series, name: str) -> list:
        hover = [
            f"<b>{safety.escape_plotly(s)}</b>: {n} sentence(s)<br>{safety.plotly_text(name)}"
            for s, n in counts.items()
        ]
        return [
            make_trace(
                go.Bar,
                x=[safety.escape_plotly(s) for s in counts.index],
                y=counts.to_numpy(),
                hovertext=hover,
                hoverinfo="text",
                name=safety.plotly_text(name),
            )
        ]

    layout = house_layout("Sentences by section (analyses count headline and body)")
    if outlet_menus_on():  # the outlet of each sentence, for the per-outlet traces
        sents = tables.sentences[["doc_id", "section"]]
        sents = sents.merge(tables.documents[["doc_id", "outlet"]], on="doc_id")
        traces = lambda sub, name: bars(sub["section"].value_counts(), name)  # noqa: E731
        return by_outlet(tables.documents, sents, traces, layout=layout)
    # One set of traces: count codes (sentences are the largest table).
    # only the sentences of listed documents, as the join above keeps
    section, names = listed_codes(tables.sentences, tables.documents, "section")
    return outlet_figure([(ALL_OUTLETS, corpus_tables.code_counts(section, names))], bars, layout)
