"""The actor-mention figures of notebook 02: mentions by actor, over time, by outlet,
rolled up by affiliation, and actors mentioned together.

They count from the mention index (``analysis.views.mention_codes``): integer codes per
mention row, earliest first, so the evidence in each hover is the earliest mention.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.text import safety
from analysis.views import mention_codes as mc
from analysis.views.figures import (
    BLUES,
    empty_figure,
    house_layout,
    make_figure,
    make_trace,
    time_xaxis,
)
from analysis.views.hovers import date_text, evidence_hover
from analysis.views.labels import actor_label_maps, actor_labels
from analysis.views.menus import (
    ALL_OUTLETS,
    outlet_figure,
    outlet_menus_on,
    present_outlets,
)


def index_labels(
    index: mc.MentionIndex,
    ids: Iterable[str],
    *,
    lang: str = "both",
    actors: pd.DataFrame | None = None,
) -> dict[str, str]:
    """:func:`actor_labels` for ``ids``; the mentions in ``index`` name only the actors
    that ``actors`` does not label in both languages."""
    ids = [str(i) for i in dict.fromkeys(ids)]
    known_en, known_ar = (
        actor_label_maps(actors) if actors is not None and not actors.empty else ({}, {})
    )
    missing = {i for i in ids if not (known_en.get(i) and known_ar.get(i))}
    mentions = None
    if missing and len(index):
        codes = [c for c, a in enumerate(index.actor_ids) if str(a) in missing]
        mentions = index.with_actors(codes).frame() if codes else None
    return actor_labels(ids, lang=lang, actors=actors, mentions=mentions)


def mentions_by_actor(
    tables, *, lang: str = "both", top: int = 20, actors: pd.DataFrame | None = None
) -> go.Figure:
    """Mentions per actor (top ``top``), with the earliest mention as evidence."""
    ix = mc.mention_index(tables)
    if ix.empty:
        return empty_figure("Mentions by actor")
    n_ids = len(ix.actor_ids)
    shown = mc.ranked(ix.actor, ix.actor_ids, top)
    labels = index_labels(ix, ix.actor_ids[shown], lang=lang, actors=actors)

    def traces(sub: mc.MentionIndex, name: str) -> list:
        if sub.empty:
            return [make_trace(go.Bar, x=[], y=[], orientation="h")]
        codes = mc.ranked(sub.actor, sub.actor_ids, top)[::-1]
        more = [str(sub.actor_ids[c]) for c in codes if str(sub.actor_ids[c]) not in labels]
        labels.update(index_labels(ix, more, lang=lang, actors=actors) if more else {})
        n, docs = mc.counts(sub.actor, n_ids), mc.articles_per(sub, n_ids)
        first = mc.first_of(sub.actor, n_ids)
        ids = [str(sub.actor_ids[c]) for c in codes]
        hover = [
            evidence_hover(
                sub.record(first[c]),
                header=f"<b>{labels[a]}</b>: {n[c]} mention(s) in {docs[c]} article(s)",
            )
            for c, a in zip(codes, ids, strict=True)
        ]
        return [_hbar(pd.Series(n[codes], index=ids), labels, hover, name)]

    layout = house_layout("Mentions by actor", height=max(350, 120 + 26 * len(shown)))
    return index_by_outlet(
        tables.documents, ix, traces, layout={**layout, "yaxis": {"automargin": True}}
    )


def _hbar(counts: pd.Series, labels: dict[str, str], hover: list[str], name: str) -> go.Bar:
    """Horizontal bars of ``counts`` (largest at the top), labelled, with evidence hovers."""
    return make_trace(
        go.Bar,
        x=counts.to_numpy(),
        y=[labels[a] for a in counts.index],
        orientation="h",
        hovertext=hover,
        hoverinfo="text",
        name=safety.plotly_text(name),
    )


def mentions_over_time(
    tables,
    *,
    lang: str = "both",
    top: int = 6,
    freq: str = "M",
    actors: pd.DataFrame | None = None,
) -> go.Figure:
    """Monthly (``freq``) mentions of the ``top`` actors, one line each."""
    title = "Mentions over time (dated articles)"
    ix = mc.mention_index(tables)
    if ix.empty:
        return empty_figure(title)
    periods, _ = mc.period_codes(ix, freq)
    dated = ix.select(periods >= 0)
    if dated.empty:  # mentions, but none in a dated article
        return empty_figure(title, f"No dated mentions for these filters ({len(ix)} undated).")
    keep = mc.ranked(dated.actor, dated.actor_ids, top)
    dated = dated.with_actors(keep)
    labels = index_labels(dated, dated.actor_ids[keep], lang=lang, actors=actors)

    def traces(sub: mc.MentionIndex, name: str) -> list:
        period, starts = mc.period_codes(sub, freq)
        out = []
        for c in keep:
            rows = np.flatnonzero(sub.actor == c)
            if not len(rows):
                continue
            a = str(sub.actor_ids[c])
            n = mc.counts(period[rows], len(starts))
            first = mc.first_of(period[rows], len(starts))
            present = np.flatnonzero(n)
            x = list(pd.DatetimeIndex(starts[present]))
            hover = [
                evidence_hover(
                    sub.record(rows[first[p]]),
                    header=f"<b>{labels[a]}</b>: {n[p]} mention(s) in {date_text(d)[:7]}",
                )
                for p, d in zip(present, x, strict=True)
            ]
            out.append(
                make_trace(
                    go.Scatter,
                    x=x,
                    y=n[present],
                    mode="lines+markers",
                    name=labels[a],
                    legendgroup=a,
                    hovertext=hover,
                    hoverinfo="text",
                )
            )
        return out or [make_trace(go.Scatter, x=[], y=[])]

    return index_by_outlet(
        tables.documents,
        dated,
        traces,
        layout={**house_layout(title), "xaxis": time_xaxis(tables.documents["date"])},
    )


def mentions_by_outlet(
    tables, *, lang: str = "both", top: int = 15, actors: pd.DataFrame | None = None
) -> go.Figure:
    """Heatmap of actor × outlet mention counts, with the earliest mention in each cell."""
    ix = mc.mention_index(tables)
    if ix.empty:
        return empty_figure("Mentions by actor and outlet")
    keep = mc.ranked(ix.actor, ix.actor_ids, top)
    sub = ix.with_actors(keep)
    n_out = len(sub.outlet_ids)
    outlets = present_outlets(tables.documents, sub.outlet_ids[mc.counts(sub.outlet, n_out) > 0])
    at_outlet = {str(o): c for c, o in enumerate(sub.outlet_ids)}
    ids = [str(sub.actor_ids[c]) for c in keep]
    labels = index_labels(sub, ids, lang=lang, actors=actors)
    cell = sub.actor * n_out + sub.outlet
    n = mc.counts(cell, len(sub.actor_ids) * n_out)
    first = mc.first_of(cell, len(n))
    z, hover = [], []
    for c, a in zip(keep, ids, strict=True):
        cells = [c * n_out + at_outlet[o] for o in outlets]
        z.append([int(n[k]) for k in cells])
        hover.append(
            [
                evidence_hover(sub.record(first[k]), header=f"<b>{labels[a]}</b>: {n[k]}")
                if n[k]
                else f"{labels[a]}<br>{safety.plotly_text(o)}: 0"
                for k, o in zip(cells, outlets, strict=True)
            ]
        )
    layout = house_layout("Mentions by actor and outlet", height=max(350, 140 + 28 * len(keep)))
    return make_figure(
        make_trace(
            go.Heatmap,
            z=np.array(z, dtype=np.int64).reshape(len(keep), len(outlets)),
            x=[safety.plotly_text(o) for o in outlets],
            y=[labels[a] for a in ids],
            hovertext=hover,
            hoverinfo="text",
            colorscale=BLUES,
        ),
        layout={**layout, "yaxis": {"autorange": "reversed", "automargin": True}},
    )


def rollup_chart(
    tables, actors: pd.DataFrame | None, *, lang: str = "both", level: str = "affiliation"
) -> go.Figure:
    """Mentions per affiliation: an actor counts under its affiliation (else itself);
    ``level="state"`` follows affiliations to the top (Quds Force → IRGC → Iran)."""
    title = "Mentions rolled up by " + ("affiliation" if level == "affiliation" else "state")
    ix = mc.mention_index(tables)
    if ix.empty:
        return empty_figure(title)
    aff_of_actor, aff_ids = mc.affiliation_codes(ix, actors, level=level)
    n_aff = len(aff_ids)
    everywhere = np.flatnonzero(mc.counts(aff_of_actor[ix.actor], n_aff))
    labels = index_labels(ix, aff_ids[everywhere].astype(str), lang=lang, actors=actors)

    def traces(sub: mc.MentionIndex, name: str) -> list:
        aff = aff_of_actor[sub.actor]
        n = mc.counts(aff, n_aff)
        codes = sorted(np.flatnonzero(n), key=lambda g: (n[g], str(aff_ids[g])), reverse=True)
        codes = codes[::-1]  # the bars run bottom-up: the largest on top
        first = mc.first_of(aff, n_aff)
        members = mc.members(aff, sub.actor, sub.actor_ids, n_aff)
        ids = [str(aff_ids[g]) for g in codes]
        hover = [
            evidence_hover(
                sub.record(first[g]),
                header=f"<b>{labels[a]}</b>: {n[g]} mention(s)<br>"
                f"actors: {safety.escape_plotly(', '.join(members[g]))}",
            )
            for g, a in zip(codes, ids, strict=True)
        ]
        return [_hbar(pd.Series(n[codes], index=ids), labels, hover, name)]

    layout = house_layout(title, height=max(350, 120 + 26 * len(everywhere)))
    return index_by_outlet(
        tables.documents, ix, traces, layout={**layout, "yaxis": {"automargin": True}}
    )


def cooccurrence_heatmap(
    tables, *, lang: str = "both", top: int = 12, actors: pd.DataFrame | None = None
) -> go.Figure:
    """Actors mentioned together in one sentence; the hover shows such a sentence."""
    ix = mc.mention_index(tables)
    if ix.empty:
        return empty_figure("Actors mentioned in the same sentence")
    keep = mc.ranked(ix.actor, ix.actor_ids, top)
    ids = [str(ix.actor_ids[c]) for c in keep]
    labels = index_labels(ix, ids, lang=lang, actors=actors)

    def traces(sub: mc.MentionIndex, name: str) -> list:
        sel, counts, first = mc.cooccurrence(sub, keep)
        np.fill_diagonal(counts, 0)  # an actor with itself: not a pair
        hover = [
            [
                evidence_hover(
                    sel.record(first[(ca, cb)]),
                    header=f"<b>{labels[a]}</b> + <b>{labels[b]}</b>: {counts[i, j]} sentence(s)",
                )
                if counts[i, j]
                else f"{labels[a]} + {labels[b]}: 0"
                for j, (cb, b) in enumerate(zip(keep, ids, strict=True))
            ]
            for i, (ca, a) in enumerate(zip(keep, ids, strict=True))
        ]
        return [
            make_trace(
                go.Heatmap,
                z=counts,
                x=[labels[a] for a in ids],
                y=[labels[a] for a in ids],
                hovertext=hover,
                hoverinfo="text",
                colorscale=BLUES,
                name=safety.plotly_text(name),
            )
        ]

    layout = house_layout(
        "Actors mentioned in the same sentence", height=max(400, 200 + 30 * len(keep))
    )
    layout["yaxis"] = {"autorange": "reversed", "automargin": True}
    layout["xaxis"] = {"automargin": True}
    return index_by_outlet(tables.documents, ix, traces, layout=layout)


def index_by_outlet(
    documents: pd.DataFrame,
    index: mc.MentionIndex,
    make_traces: Callable[[mc.MentionIndex, str], list],
    *,
    max_outlets: int = 25,
    layout: dict | None = None,
) -> go.Figure:
    """:func:`by_outlet` for a mention index: its rows for all outlets, then per outlet."""
    subsets = [(ALL_OUTLETS, index)]
    if outlet_menus_on():
        present = index.outlet_ids[mc.counts(index.outlet, len(index.outlet_ids)) > 0]
        code = {str(o): c for c, o in enumerate(index.outlet_ids)}
        outlets = present_outlets(documents, present)[:max_outlets]
        subsets += [(o, index.select(index.outlet == code[o])) for o in outlets]
    return outlet_figure(subsets, make_traces, layout)
