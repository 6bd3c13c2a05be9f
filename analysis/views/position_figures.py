"""The move figures of notebook 04: the position matrix (latest move per holder and
issue), moves over time, and exchanges (a sankey).

Each takes a tables object and returns a plotly figure with the house outlet menu
(``analysis.views.menus.by_outlet``); every string from the data goes through
``analysis.text.safety``. An empty selection gives a figure that says "No moves in this
selection.".
"""

from __future__ import annotations

import functools

import pandas as pd
import plotly.graph_objects as go

from analysis.tag.positions import MOVE_TYPES
from analysis.text import safety
from analysis.views.figures import empty_figure, house_layout, make_trace, time_xaxis
from analysis.views.hovers import evidence_hover
from analysis.views.labels import Names, actor_names, issue_labels, issue_short
from analysis.views.menus import by_outlet
from analysis.views.position_data import NO_MOVES, issue_name, issue_order, move_label
from analysis.views.position_marks import (
    HOVER_COLUMNS,
    MOVE_COLOURS,
    MOVE_SYMBOLS,
    OTHER_COLOUR,
    holder_plotly_labels,
    lighter,
    move_header,
    move_hovers,
    top_holders,
)
from analysis.views.rows import position_rows

#: The matrix's colour code per (move type, hedged); None: a type without its own colour.
_MOVE_CODES = {
    (m, h): 2 * i + int(h) for i, m in enumerate([*MOVE_TYPES, None]) for h in (False, True)
}


def _move_code(move: str, hedged: bool) -> int:
    return _MOVE_CODES.get((move, hedged), _MOVE_CODES[(None, hedged)])


def _matrix_colourscale() -> list:
    n = len(_MOVE_CODES)
    scale = []
    for (m, h), k in sorted(_MOVE_CODES.items(), key=lambda kv: kv[1]):
        colour = MOVE_COLOURS.get(m, OTHER_COLOUR)
        colour = lighter(colour) if h else colour
        scale += [[k / n, colour], [(k + 1) / n, colour]]
    return scale


def matrix_figure(
    tables, *, lang: str = "both", actors: pd.DataFrame | None = None, top: int = 25
) -> go.Figure:
    """Position matrix: holder × issue grid, each cell the latest move (colour = move type,
    lighter = hedged; text = ``move_label``), the evidence sentence in the hover."""
    title = "Position matrix: latest move per holder and issue"
    rows = position_rows(tables)
    if rows.empty:
        return empty_figure(title, NO_MOVES)
    rows = rows.assign(issue=rows["issue"].map(issue_name))
    n_holders = rows["holder_id"].nunique()
    holders = top_holders(rows["holder_id"].tolist(), top)
    rows = rows[rows["holder_id"].isin(holders)]
    issues = issue_order(rows["issue"])
    ids = [*holders, *[c for c in rows["counterpart_id"].unique() if c]]
    labels = holder_plotly_labels(ids, lang=lang, actors=actors, tables=tables)
    y = [labels[h] for h in holders]
    x = [safety.escape_plotly(i) for i in issues]
    grid = {"holders": holders, "issues": issues, "x": x, "y": y}
    traces = functools.partial(_matrix_traces, grid=grid, labels=labels, names=actor_names(actors))
    shown = f" (top {top} holders)" if n_holders > top else ""
    layout = house_layout(title + shown, height=max(380, 260 + 34 * len(holders)))
    layout["xaxis"] = {
        "side": "top",
        "tickangle": -30,
        "categoryorder": "array",
        "categoryarray": x,
        "automargin": True,
    }
    layout["yaxis"] = {
        "autorange": "reversed",
        "categoryorder": "array",
        "categoryarray": y,
        "automargin": True,
    }
    layout["margin"] = {**layout["margin"], "t": 150, "b": 80}
    layout["legend"] = {**layout["legend"], "orientation": "h", "y": -0.05, "yanchor": "top"}
    fig = by_outlet(tables.documents, rows, traces, layout=layout)
    if fig.layout.updatemenus:  # above the issue names, which sit on top of the grid
        fig.layout.updatemenus[0].pad = {"b": 75}
    return fig


def _matrix_traces(
    sub: pd.DataFrame, name: str, *, grid: dict, labels: dict[str, str], names: Names
) -> list:
    """The matrix of the move rows ``sub`` (``grid``: its holders and issues, and their
    labels ``y`` and ``x``), then a legend entry per move type and hedging shown."""
    holders, issues = grid["holders"], grid["issues"]
    ilabels = issue_labels()
    z = [[None] * len(issues) for _ in holders]
    text = [[""] * len(issues) for _ in holders]
    hover = [[""] * len(issues) for _ in holders]
    hi, ii = {h: k for k, h in enumerate(holders)}, {s: k for k, s in enumerate(issues)}
    g = sub.groupby(["holder_id", "issue"], sort=False)
    sizes = g.size()
    last = g.tail(1)
    for r in last.to_dict("records"):
        a, b = hi[r["holder_id"]], ii[r["issue"]]
        z[a][b] = _move_code(r["move"], bool(r["hedged"])) + 0.5
        text[a][b] = safety.escape_plotly(move_label(r["move"], r["modality"], r["hedged"]))
        n_moves = int(sizes[(r["holder_id"], r["issue"])])
        about = ilabels.get(r["issue"], "")
        header = (
            move_header(r, labels, names)
            + (f"<br><i>{safety.escape_plotly(about)}</i>" if about else "")
            + f"<br>{n_moves} move(s) in this cell; the latest is shown"
        )
        hover[a][b] = evidence_hover(r, header=header)
    heatmap = make_trace(
        go.Heatmap,
        z=z,
        x=grid["x"],
        y=grid["y"],
        text=text,
        texttemplate="%{text}",
        hovertext=hover,
        hoverinfo="text",
        hoverongaps=False,
        colorscale=_matrix_colourscale(),
        zmin=0,
        zmax=len(_MOVE_CODES),
        showscale=False,
        xgap=2,
        ygap=2,
        name=safety.plotly_text(name),
    )
    return [heatmap, *_legend_traces(last)]


def _legend_traces(last: pd.DataFrame) -> list:
    """A legend entry (an invisible marker) per move type and hedging in ``last``."""
    out = []
    present = {(m, bool(h)) for m, h in zip(last["move"], last["hedged"], strict=True)}
    for m, h in sorted(present, key=lambda mh: (_move_code(*mh), mh)):
        colour = MOVE_COLOURS.get(m, OTHER_COLOUR)
        out.append(
            make_trace(
                go.Scatter,
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "symbol": "square",
                    "size": 12,
                    "color": lighter(colour) if h else colour,
                },
                name=safety.escape_plotly(m + (" (hedged)" if h else "")),
                hoverinfo="skip",
                showlegend=True,
            )
        )
    return out


def timeline_figure(
    tables, *, lang: str = "both", actors: pd.DataFrame | None = None, top: int = 30
) -> go.Figure:
    """Moves over time: one row per holder, one marker per move (colour and symbol = move
    type, open symbol = hedged; moves of one type and hedging on one day share a marker
    that counts them); hover = evidence, outlet, date, counterpart, exchange."""
    rows = position_rows(tables)
    title = "Moves over time by holder"
    if rows.empty:
        return empty_figure(title, NO_MOVES)
    # Plain lists from here: pandas steps on a few hundred rows cost more than the markers.
    every = {c: rows[c].tolist() for c in HOVER_COLUMNS if c in rows and c != "date"}
    date_array = rows["date"].to_numpy()  # the column's own type (time zone, unit)
    every["date"] = list(date_array)  # numpy dates: Timestamps cost more
    dated = [i for i, d in enumerate(every["date"]) if not safety.is_missing(d)]
    if len(dated) < len(rows):
        title += f" ({len(rows) - len(dated)} undated move(s) not shown)"
    if not dated:
        return empty_figure(title, NO_MOVES)
    holders = top_holders((every["holder_id"][i] for i in dated), top)
    chosen = set(holders)
    kept = [i for i in dated if every["holder_id"][i] in chosen]
    columns = {c: [values[i] for i in kept] for c, values in every.items()}
    kept_dates = date_array[kept]
    ids = [*holders, *dict.fromkeys(c for c in columns["counterpart_id"] if c)]
    labels = holder_plotly_labels(ids, lang=lang, actors=actors, tables=tables)
    names = actor_names(actors)
    y_order = [labels[h] for h in holders]
    present = set(columns["move"])
    moves = [m for m in MOVE_TYPES if m in present] + sorted(present - set(MOVE_TYPES))
    marks = {"columns": columns, "dates": kept_dates, "moves": moves}
    traces = functools.partial(_timeline_traces, marks=marks, labels=labels, names=names)
    layout = house_layout(title, height=max(400, 220 + 30 * len(holders)))
    layout["yaxis"] = {
        "categoryorder": "array",
        "categoryarray": y_order[::-1],
        "automargin": True,
        "type": "category",
    }
    layout["xaxis"] = time_xaxis(tables.documents["date"])
    layout["legend"] = {"title": {"text": "move (open = hedged)"}}
    # a subset's index (by_outlet's per-outlet sets): positions in ``columns``
    kept_rows = pd.DataFrame({"outlet": columns["outlet"]})
    return by_outlet(tables.documents, kept_rows, traces, layout=layout)


def _timeline_traces(
    sub: pd.DataFrame, name: str, *, marks: dict, labels: dict[str, str], names: Names
) -> list:
    """The timeline's markers for the rows ``sub`` (its index: positions in
    ``marks["columns"]``, the moves as lists; ``marks["dates"]``: their dates;
    ``marks["moves"]``: the move types in legend order)."""
    columns, kept_dates, moves = marks["columns"], marks["dates"], marks["moves"]
    dates, holder_of, move_of, hedged_of = (
        columns[c] for c in ("date", "holder_id", "move", "hedged")
    )
    # Moves of one holder, type and hedging on one day would sit on one spot, the later
    # ones hidden under the first: one marker says how many there are (in this set of
    # outlets) and shows the earliest (rows run oldest first). At 31k articles this
    # halves the markers. Hovers are remembered, so the outlet menu's sets reuse them.
    spots: dict[tuple, list[int]] = {}
    for i in sub.index.tolist():
        spot = spots.setdefault((dates[i], holder_of[i], move_of[i], hedged_of[i]), [i, 0])
        spot[1] += 1
    # One trace per move and hedging, each with one symbol: a symbol per point made
    # plotly check 1,700 symbols one by one on every filter change.
    groups: dict[tuple, list[tuple[int, int]]] = {}
    for i, n in spots.values():
        groups.setdefault((move_of[i], bool(hedged_of[i])), []).append((i, n))
    out = []
    for m in moves:
        colour = MOVE_COLOURS.get(m, OTHER_COLOUR)
        shown = [(h, groups[(m, h)]) for h in (False, True) if (m, h) in groups]
        for k, (hedged, spots_of) in enumerate(shown):
            out.append(
                make_trace(
                    go.Scatter,
                    x=kept_dates[[i for i, _ in spots_of]],
                    y=[labels[holder_of[i]] for i, _ in spots_of],
                    mode="markers",
                    name=safety.escape_plotly(m),
                    legendgroup=m,
                    showlegend=k == 0,
                    marker={
                        "color": colour,
                        "symbol": MOVE_SYMBOLS.get(m, "circle") + ("-open" if hedged else ""),
                        "size": 12,
                        "line": {"width": 1.5, "color": colour},
                    },
                    hovertext=move_hovers(columns, spots_of, labels, names),
                    hoverinfo="text",
                )
            )
    return out or [make_trace(go.Scatter, x=[], y=[])]


def exchange_figure(
    tables, *, lang: str = "both", actors: pd.DataFrame | None = None, top: int = 30
) -> go.Figure:
    """Sankey of exchanges: holder → issue of the move → issue asked in exchange, for the
    moves of ``exchanges`` (link colour = move type; hover = the move and its evidence)."""
    title = "Exchanges: holder → issue of the move → what is asked in exchange"
    rows = position_rows(tables)
    rows = rows[(rows["counterpart_id"] != "") | (rows["in_exchange_for"] != "")]
    if rows.empty:
        return empty_figure(title, NO_MOVES)
    rows = rows.assign(issue=rows["issue"].map(issue_name))
    holders = top_holders(rows["holder_id"].tolist(), top)
    rows = rows[rows["holder_id"].isin(holders)]
    ids = [*holders, *[c for c in rows["counterpart_id"].unique() if c]]
    labels = holder_plotly_labels(ids, lang=lang, actors=actors, tables=tables)
    traces = functools.partial(_exchange_traces, labels=labels, names=actor_names(actors))
    # the tallest of the three columns, each node with room for its links and label
    asked = rows["in_exchange_for"].str.split("|").explode()
    n = max(rows["holder_id"].nunique(), rows["issue"].nunique(), asked[asked != ""].nunique())
    layout = house_layout(title, height=max(460, 200 + 60 * n))
    return by_outlet(tables.documents, rows, traces, layout=layout)


def _exchange_traces(sub: pd.DataFrame, name: str, *, labels: dict[str, str], names: Names) -> list:
    """The sankey of the move rows ``sub``: holder → issue of the move → issue asked in
    exchange, a link per group of moves (its hover: the latest move and its evidence)."""
    if sub.empty:
        return [
            make_trace(
                go.Sankey, node={"label": []}, link={"source": [], "target": [], "value": []}
            )
        ]
    moves, asked = _exchange_groups(sub)
    nodes: dict[tuple[str, str], int] = {}
    links = []
    for (h, m, i), group in moves.items():
        a, b = _node(nodes, "holder", h), _node(nodes, "issue", i)
        links.append((a, b, group, m, f"{safety.escape_plotly(m)}"))
    for (i, e, m), group in asked.items():
        a, b = _node(nodes, "issue", i), _node(nodes, "exchange", e)
        links.append((a, b, group, m, "in exchange"))
    looks = [_node_look(kind, key, labels) for kind, key in nodes]
    column = {"holder": 0.01, "issue": 0.5, "exchange": 0.99}
    per_column = {k: [n for n in nodes if n[0] == k] for k in column}
    xs = [column[kind] for kind, _ in nodes]
    ys = _stacked_centres(nodes, per_column, links)
    return [
        make_trace(
            go.Sankey,
            arrangement="snap",
            node={
                "label": [label for label, _, _ in looks],
                "x": xs,
                "y": ys,
                "customdata": [hover for _, hover, _ in looks],
                "hovertemplate": "%{customdata}<extra></extra>",
                "color": [colour for _, _, colour in looks],
                "pad": 14,
            },
            link={
                "source": [a for a, *_ in links],
                "target": [b for _, b, *_ in links],
                "value": [len(group) for _, _, group, *_ in links],
                "color": [lighter(MOVE_COLOURS.get(m, OTHER_COLOUR), 0.35) for *_, m, _ in links],
                "customdata": [
                    _link_hover(group, what, labels, names) for _, _, group, _, what in links
                ],
                "hovertemplate": "%{customdata}<extra></extra>",
            },
            name=safety.plotly_text(name),
        )
    ]


def _stacked_centres(nodes: dict, per_column: dict, links: list) -> list[float]:
    """Each node's vertical centre, stacking a column's nodes by their flow (a node is as
    tall as its larger side), with a gap between them: centres spaced evenly let a tall
    node run past the bottom of the figure."""
    flow_in: dict[int, int] = {}
    flow_out: dict[int, int] = {}
    for a, b, group, *_ in links:
        flow_out[a] = flow_out.get(a, 0) + len(group)
        flow_in[b] = flow_in.get(b, 0) + len(group)
    centre: dict[tuple[str, str], float] = {}
    gap = 0.04
    for members in per_column.values():
        sizes = [max(flow_in.get(nodes[n], 0), flow_out.get(nodes[n], 0), 1) for n in members]
        room = max(1.0 - gap * (len(members) - 1), 0.2) / max(sum(sizes), 1)
        top = 0.0
        for n, size in zip(members, sizes, strict=True):
            centre[n] = min(max(top + size * room / 2, 0.001), 0.999)
            top += size * room + gap
    return [centre[n] for n in nodes]


def _exchange_groups(sub: pd.DataFrame) -> tuple[dict[tuple, list[dict]], dict[tuple, list[dict]]]:
    """The move rows of ``sub`` by (holder, move, issue), and by (issue, issue asked in
    exchange, move), in order of first appearance."""
    # plain dicts, not a groupby per figure and outlet (which cost more than the figure)
    moves: dict[tuple, list[dict]] = {}
    asked: dict[tuple, list[dict]] = {}
    for r in sub.to_dict("records"):
        moves.setdefault((r["holder_id"], r["move"], r["issue"]), []).append(r)
        if r["in_exchange_for"] != "":
            for e in r["in_exchange_for"].split("|"):
                asked.setdefault((r["issue"], e, r["move"]), []).append(r)
    return moves, asked


def _node(nodes: dict[tuple[str, str], int], kind: str, key: str) -> int:
    """The number of the sankey node ``(kind, key)``, numbered as first asked for."""
    return nodes.setdefault((kind, key), len(nodes))


def _node_look(kind: str, key: str, labels: dict[str, str]) -> tuple[str, str, str]:
    """Label, hover and colour of a sankey node (a holder, an issue or one asked for)."""
    if kind == "holder":
        return labels[key], f"<b>{labels[key]}</b>", "#636efa"
    lab = safety.escape_plotly(issue_short(key) if key in issue_labels() else key)
    text = f"{lab}" if kind == "issue" else f"↩ {lab}"
    role = "issue of the move" if kind == "issue" else "asked in exchange"
    hover = f"<b>{lab}</b> ({role})<br>{safety.escape_plotly(issue_labels().get(key, ''))}"
    return text, hover, "#b0b0b0" if kind == "issue" else "#7f7f7f"


def _link_hover(group: list[dict], what: str, labels: dict[str, str], names: Names) -> str:
    latest = group[-1]  # rows run oldest first
    header = f"{what}: {len(group)} move(s); latest:<br>"
    header += move_header(latest, labels, names)
    return evidence_hover(latest, header=header)
