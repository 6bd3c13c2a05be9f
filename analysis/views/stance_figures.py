"""The stance figures of notebook 03: stances over time, what each outlet reports (a
heatmap) and source chains (a sankey).

Each takes a ``Tables``-like object (what ``widgets.FilterPanel`` passes its views) and
returns a plotly figure; an empty selection gives a figure that says "No stances in this
selection.". Text from the data reaches plotly only through ``analysis.text.safety`` and
the labels of ``analysis.views.labels``; the hover of a point is its earliest stance.
"""

from __future__ import annotations

import functools
import math

import pandas as pd
import plotly.graph_objects as go

from analysis.text import safety
from analysis.views.figures import empty_figure, house_layout, make_figure, make_trace, time_xaxis
from analysis.views.hovers import evidence_hover, remembered
from analysis.views.labels import (
    Names,
    actor_labels,
    actor_names,
    chain_plotly,
    issue_labels,
    issue_short,
    label_mentions,
    speaker_name,
)
from analysis.views.menus import by_outlet, present_outlets
from analysis.views.rows import stance_rows
from analysis.views.stance_data import (
    DIRECT,
    NO_STANCES,
    PERIOD_NAMES,
    POLARITIES,
    cell_text,
    outlet_comparison,
    outlet_reports,
    period_code,
    period_label,
    period_start,
    source_chains,
)

#: Colour and marker per polarity; a hedged stance uses the open marker, fainter.
COLOURS = {
    "support": "#2c7bb6",
    "oppose": "#d7191c",
    "conditional": "#e08214",
    "neutral": "#7f7f7f",
    "mixed": "#7b3294",
}
SYMBOLS = {
    "support": "triangle-up",
    "oppose": "triangle-down",
    "conditional": "diamond",
    "neutral": "circle",
}
HEDGED_OPACITY = 0.55


def _hedge_word(hedged: bool) -> str:
    return "hedged (alleged / unconfirmed / unnamed source)" if hedged else "on record"


def _stance_header(row: dict, label: str, names: Names, n: int, when: str) -> str:
    """Hover header for one stance (already escaped; ``label``: the holder's)."""
    issues = issue_labels()
    hedged = bool(row["hedged"])
    chain = chain_plotly(row["source_chain"], row["outlet"], names)
    lines = [
        f"<b>{label}</b> → {safety.escape_plotly(issue_short(row['target']))}:"
        f" <b>{safety.escape_plotly(row['polarity'])}</b>, {_hedge_word(hedged)}",
        f"{n} stance(s){when}",
        safety.escape_plotly(issues.get(row["target"], row["target"])),
        f"speaker: {safety.plotly_text(speaker_name(row['speaker_id'], names))}",
        f"source chain: {chain}",
    ]
    return "<br>".join(lines)


def _hover(row: dict, labels: dict[str, str], names: Names, n: int, when: str = "") -> str:
    """Hover of one stance row (of ``stance_rows``): header, then its evidence."""
    return remembered(_stance_hover, tuple(row.items()), labels[row["holder_id"]], names, n, when)


def _stance_hover(items: tuple, label: str, names: Names, n: int, when: str) -> str:
    row = dict(items)
    return evidence_hover(row, header=_stance_header(row, label, names, n, when))


#: What makes one point of the timeline: stances of one polarity, hedging, period and pair.
_POINT_KEYS = ["polarity", "hedged", "period", "holder_id", "target"]


def stance_timeline(
    tables,
    *,
    freq: str = "M",
    lang: str = "en",
    top: int = 30,
    actors: pd.DataFrame | None = None,
) -> go.Figure:
    """Stance of each holder toward each issue per month (``freq="M"``), quarter ("Q"),
    year ("Y") or week ("W").

    One row per holder → issue (the ``top`` pairs with most stances), x = period; colour and
    marker shape give the polarity, marker size the number of stances; hedged stances have
    open, fainter markers and say so in the hover. The hover shows the earliest stance of
    the point: evidence sentence, outlet, date, speaker and source chain. Outlet menu and
    date range slider.
    """
    title = f"Stances over time (by {PERIOD_NAMES[period_code(freq)]})"
    rows = stance_rows(tables)
    undated = int(rows["date"].isna().sum()) if not rows.empty else 0
    rows = rows.dropna(subset=["date"]) if not rows.empty else rows
    if rows.empty:
        return empty_figure(title, NO_STANCES + (f" ({undated} undated)" if undated else ""))
    pairs = rows.groupby(["holder_id", "target"]).size().sort_values(ascending=False)
    n_pairs = len(pairs)
    keep = pairs.head(top).index
    rows = rows[pd.MultiIndex.from_frame(rows[["holder_id", "target"]]).isin(keep)]
    rows = rows.assign(period=period_start(rows["date"], freq))
    labels = actor_labels(
        rows["holder_id"], lang=lang, actors=actors, mentions=label_mentions(tables)
    )
    names = actor_names(actors)
    order = sorted(keep, key=lambda p: (p[1], speaker_name(p[0], names)))
    ylab = {p: f"{labels[p[0]]} → {safety.escape_plotly(issue_short(p[1]))}" for p in order}
    rows = rows.assign(y=[ylab[p] for p in zip(rows["holder_id"], rows["target"], strict=True)])
    traces = functools.partial(_timeline_traces, freq=freq, labels=labels, names=names, ylab=ylab)
    notes = []
    if n_pairs > top:
        notes.append(f"top {top} of {n_pairs} holder–issue pairs")
    if undated:
        notes.append(f"{undated} undated not shown")
    title += f" ({'; '.join(notes)})" if notes else ""
    layout = house_layout(title, height=max(380, 200 + 30 * len(order)))
    layout["yaxis"] = {
        "categoryorder": "array",
        "categoryarray": [ylab[p] for p in order],
        "autorange": "reversed",
        "automargin": True,
    }
    layout["xaxis"] = time_xaxis(tables.documents["date"])
    layout["legend"] = {"title": {"text": "polarity"}}
    layout["scattermode"] = "group"
    return by_outlet(tables.documents, rows, traces, layout=layout)


def _timeline_traces(
    sub: pd.DataFrame, name: str, *, freq: str, labels: dict, names: Names, ylab: dict
) -> list:
    """The timeline's markers for the stance rows ``sub``: one trace per polarity and
    hedging, one point per period and holder → issue pair (``ylab``: its row label)."""
    if sub.empty:
        return [make_trace(go.Scatter, x=[], y=[], mode="markers", showlegend=False)]
    g = sub.groupby(_POINT_KEYS, sort=True)
    counts = g.size()
    firsts = g.head(1)  # rows are earliest first: the evidence shown for each point
    first = dict(
        zip(
            firsts[_POINT_KEYS].itertuples(index=False, name=None),
            firsts.to_dict("records"),
            strict=True,
        )
    )
    points: dict[tuple[str, bool], list] = {}
    for key, n in counts.items():
        points.setdefault((key[0], bool(key[1])), []).append((key, int(n)))
    out = []
    for pol in POLARITIES:
        for hedged in (False, True):
            if (pol, hedged) not in points:
                continue
            xs, ys, sizes, hover = [], [], [], []
            for key, n in points[(pol, hedged)]:
                when = f" in {period_label(key[2], freq)}"
                hover.append(_hover(first[key], labels, names, n, when))
                xs.append(key[2])
                ys.append(ylab[(key[3], key[4])])
                sizes.append(min(30, 9 + 5 * math.sqrt(n)))
            legend = pol + (" (hedged)" if hedged else "")
            out.append(
                make_trace(
                    go.Scatter,
                    x=xs,
                    y=ys,
                    mode="markers",
                    name=legend,
                    legendgroup=legend,
                    # each polarity on its own lane of the row (layout scattermode "group"):
                    # support and opposition in one month are side by side, not one on the other
                    orientation="h",
                    offsetgroup=pol,
                    marker={
                        "color": COLOURS[pol],
                        "symbol": SYMBOLS[pol] + ("-open" if hedged else ""),
                        "size": sizes,
                        "opacity": HEDGED_OPACITY if hedged else 0.9,
                        "line": {"width": 2 if hedged else 0.5, "color": COLOURS[pol]},
                    },
                    hovertext=hover,
                    hoverinfo="text",
                )
            )
    return out or [make_trace(go.Scatter, x=[], y=[], mode="markers", showlegend=False)]


#: The heatmap's colour code per polarity (``mixed``: an outlet reports several).
POLARITY_CODES = {"support": 1, "oppose": 2, "conditional": 3, "neutral": 4, "mixed": 5}


def outlet_comparison_heatmap(
    tables, *, lang: str = "en", top: int = 30, actors: pd.DataFrame | None = None
) -> go.Figure:
    """Holder → issue (rows) × outlet (columns), coloured by the polarity the outlet reports
    (``mixed`` when it reports several). Row labels end in "≠" where outlets differ. The
    hover lists the outlet's polarities and its earliest stance as evidence."""
    title = "What each outlet reports, per holder and issue"
    rows = stance_rows(tables)
    if rows.empty:
        return empty_figure(title, NO_STANCES)
    comp = outlet_comparison(rows, actors)
    reports = outlet_reports(rows)
    sizes: dict[tuple, int] = {}
    for (h, t, _), cell in reports.items():
        sizes[(h, t)] = sizes.get((h, t), 0) + sum(n for n, _ in cell.values())
    comp = comp.assign(_n=[sizes[k] for k in zip(comp["holder_id"], comp["issue"], strict=True)])
    comp = comp.sort_values(["_n", "holder_id", "issue"], ascending=[False, True, True]).head(top)
    keep = list(zip(comp["holder_id"], comp["issue"], strict=True))
    kept = set(keep)
    pairs = zip(rows["holder_id"].tolist(), rows["target"].tolist(), strict=True)
    sub = rows[[pair in kept for pair in pairs]]
    outlets = present_outlets(tables.documents, sub["outlet"])
    labels = actor_labels(
        sub["holder_id"], lang=lang, actors=actors, mentions=label_mentions(tables)
    )
    names = actor_names(actors)
    agreement = dict(zip(keep, comp["agreement"], strict=True))
    z, hover = _heatmap_cells(sub, keep, outlets, reports, labels=labels, names=names)
    ylabels = [
        f"{labels[h]} → {safety.escape_plotly(issue_short(t))}"
        + (" ≠" if agreement[(h, t)] == "differ" else "")
        for h, t in keep
    ]
    order = list(POLARITY_CODES)
    scale = []
    for i, name in enumerate(order):
        scale += [[i / len(order), COLOURS[name]], [(i + 1) / len(order), COLOURS[name]]]
    return make_figure(
        make_trace(
            go.Heatmap,
            z=z,
            x=[safety.plotly_text(o) for o in outlets],
            y=ylabels,
            zmin=0.5,
            zmax=len(order) + 0.5,
            colorscale=scale,
            colorbar={
                "tickvals": [POLARITY_CODES[n] for n in order],
                "ticktext": order,
                "title": {"text": "polarity"},
            },
            hovertext=hover,
            hoverinfo="text",
            xgap=2,
            ygap=2,
        ),
        layout={
            **house_layout(title + " (≠: outlets differ)", height=max(350, 180 + 30 * len(keep))),
            "yaxis": {"autorange": "reversed", "automargin": True},
            "xaxis": {"automargin": True, "side": "top"},
        },
    )


def _heatmap_cells(
    sub: pd.DataFrame,
    keep: list[tuple],
    outlets: list[str],
    reports: dict,
    *,
    labels: dict[str, str],
    names: Names,
) -> tuple[list, list]:
    """The heatmap's colour codes and hovers: a row per (holder, issue) of ``keep``, a
    column per outlet (``reports``: ``stance_data.outlet_reports`` of the rows)."""
    first: dict[tuple, dict] = {}  # the earliest stance of each cell (rows run earliest first)
    cols = list(sub.columns)
    for values in zip(*(sub[c].tolist() for c in cols), strict=True):
        r = dict(zip(cols, values, strict=True))
        first.setdefault((r["holder_id"], r["target"], r["outlet"]), r)
    z, hover = [], []
    for h, t in keep:
        zr, hr = [], []
        for o in outlets:
            cell = reports.get((h, t, o))
            if cell:
                zr.append(POLARITY_CODES[next(iter(cell)) if len(cell) == 1 else "mixed"])
                n = sum(k for k, _ in cell.values())
                head = _hover(first[(h, t, o)], labels, names, n, " here; the earliest:")
                hr.append(
                    f"<b>{safety.plotly_text(o)}</b> reports: "
                    f"{safety.escape_plotly(cell_text(cell))}<br>{head}"
                )
            else:
                zr.append(None)
                hr.append(
                    f"{labels[h]} → {safety.escape_plotly(issue_short(t))}<br>"
                    f"{safety.plotly_text(o)}: no stance reported"
                )
        z.append(zr)
        hover.append(hr)
    return z, hover


def source_chain_sankey(
    tables,
    actors: pd.DataFrame | None = None,
    *,
    stances_only: bool = False,
    top_sources: int = 12,
    top_speakers: int = 15,
) -> go.Figure:
    """Outlet → cited outlet/agency → speaker, sized by attributed sentences (claims).

    Claims an outlet attributes directly go from the outlet to the speaker. Sources and
    speakers beyond the ``top_*`` most cited are pooled as "other". With ``stances_only``
    only sentences carrying a stance count. Outlet menu: one outlet at a time.
    """
    title = "Source chains: outlet → cited outlet/agency → speaker" + (
        " (sentences with a stance)" if stances_only else " (attributed sentences)"
    )
    chains = source_chains(tables, actors, stances_only=stances_only)
    if chains.empty:
        return empty_figure(title, "No attributed claims in this selection.")
    chains = chains.copy()
    src_rank = chains[chains["cited_source"] != ""].groupby("via")["claims"].sum()
    keep_src = set(src_rank.sort_values(ascending=False).index[:top_sources])
    spk_rank = chains.groupby("speaker")["claims"].sum()
    keep_spk = set(spk_rank.sort_values(ascending=False).index[:top_speakers])
    chains["via"] = [v if v == DIRECT or v in keep_src else "other sources" for v in chains["via"]]
    chains["speaker"] = [s if s in keep_spk else "other speakers" for s in chains["speaker"]]
    # A cited outlet that is itself the speaker ("according to Al-Akhbar") ends at the source.
    is_source = chains["speaker_kind"] == "source"
    chains.loc[is_source & (chains["via"] == DIRECT), "via"] = chains.loc[
        is_source & (chains["via"] == DIRECT), "speaker"
    ]
    chains.loc[is_source, "speaker"] = ""

    n = max(chains["via"].nunique(), chains["speaker"].nunique(), chains["outlet"].nunique())
    layout = house_layout(title, height=max(400, 150 + 26 * n))
    return by_outlet(tables.documents, chains, _sankey_traces, layout=layout)


def _sankey_traces(sub: pd.DataFrame, name: str) -> list:
    """The sankey of the source chains ``sub``: outlet → cited source → speaker."""
    nodes: dict[tuple[str, str], int] = {}
    labels: list[str] = []

    def node(kind: str, text: str) -> int:
        if (kind, text) not in nodes:
            nodes[(kind, text)] = len(labels)
            labels.append(safety.plotly_text(text))
        return nodes[(kind, text)]

    links: dict[tuple[int, int], list[int]] = {}
    # columns as lists: reading Arrow strings row by row cost 20 ms at 31k articles
    cols = (sub[c].tolist() for c in ("outlet", "via", "speaker", "claims", "hedged"))
    for outlet, via, speaker, claims, hedged in zip(*cols, strict=True):
        a = node("outlet", outlet)
        if via != DIRECT:
            b = node("source", via)
            link = links.setdefault((a, b), [0, 0])
            link[0] += claims
            link[1] += hedged
            a = b
        if speaker:
            b = node("speaker", speaker)
            link = links.setdefault((a, b), [0, 0])
            link[0] += claims
            link[1] += hedged
    if not links:
        return [
            make_trace(
                go.Sankey, node={"label": []}, link={"source": [], "target": [], "value": []}
            )
        ]
    keys = list(links)
    custom = [
        f"{labels[s]} → {labels[t]}: {links[(s, t)][0]} claim(s), {links[(s, t)][1]} hedged"
        for s, t in keys
    ]
    return [
        make_trace(
            go.Sankey,
            arrangement="snap",
            node={"label": labels, "pad": 12, "thickness": 14},
            link={
                "source": [s for s, _ in keys],
                "target": [t for _, t in keys],
                "value": [links[k][0] for k in keys],
                "customdata": custom,
                "hovertemplate": "%{customdata}<extra></extra>",
            },
            name=safety.plotly_text(name),
        )
    ]
