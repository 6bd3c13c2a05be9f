"""What the move figures of notebook 04 share: colours and symbols per move type, actor
labels for plotly, and the hover of a move (header and evidence)."""

from __future__ import annotations

import collections
from collections.abc import Iterable

from analysis.text import safety
from analysis.views.hovers import evidence_hover, remembered
from analysis.views.labels import Names, actor_labels, chain_plotly, label_mentions
from analysis.views.position_data import holder_surfaces, issue_name, move_label
from analysis.views.rows import position_rows

#: Colour per move type (hedged moves use a lighter shade of the same colour).
MOVE_COLOURS = {
    "offer": "#2ca02c",
    "demand": "#ff7f0e",
    "condition": "#9467bd",
    "accept": "#1f77b4",
    "reject": "#d62728",
    "guarantee": "#17becf",
    "threat": "#8c564b",
    "agreement": "#e377c2",
}
#: Marker symbol per move type in the timeline (hedged moves: the open variant).
MOVE_SYMBOLS = {
    "offer": "circle",
    "demand": "diamond",
    "condition": "square",
    "accept": "triangle-up",
    "reject": "x",
    "guarantee": "star",
    "threat": "triangle-down",
    "agreement": "hexagon",
}


def holder_plotly_labels(ids, *, lang: str, actors, tables) -> dict[str, str]:
    """Escaped labels for plotly (``labels.actor_labels``): the Arabic stand-in for an actor
    the dictionary does not label is its most frequent surface as a holder in the tables'
    moves, else in its mentions."""
    # not the filtered mentions (which a panel never cuts for this): mention_labels
    # labels from the unfiltered frame a filtered one was cut from
    mentions = label_mentions(tables)
    if mentions is None or not {"actor_id", "surface"} <= set(mentions.columns):
        mentions = None
    holders = holder_surfaces(position_rows(tables))
    return actor_labels(ids, lang=lang, actors=actors, mentions=[holders, mentions])


#: Colour of a move type not in ``MOVE_COLOURS``.
OTHER_COLOUR = "#7f7f7f"


def lighter(colour: str, share: float = 0.55) -> str:
    """``colour`` (``#rrggbb``) mixed with white: ``share`` of the way to it."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * share) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def move_header(r: dict, labels: dict[str, str], names: dict[str, str]) -> str:
    """Hover header of one move: holder, label, issue, counterpart, exchange, source chain
    (``labels``: escaped, for holders and counterparts; ``names``: raw, for the chain)."""
    issue = issue_name(r["issue"])
    lines = [
        f"<b>{labels.get(r['holder_id'], safety.escape_plotly(r['holder_id']))}</b>: "
        f"{safety.escape_plotly(move_label(r['move'], r['modality'], bool(r['hedged'])))} "
        f"· {safety.escape_plotly(issue)}",
        f"modality: {safety.escape_plotly(r['modality'])}"
        + (" · hedged by the source" if r["hedged"] else ""),
    ]
    if r["counterpart_id"]:
        cp = labels.get(r["counterpart_id"], safety.escape_plotly(r["counterpart_id"]))
        lines.append(f"counterpart: {cp}")
    if r["in_exchange_for"]:
        ex = safety.escape_plotly(r["in_exchange_for"].replace("|", ", "))
        lines.append(f"in exchange for: {ex}")
    if r.get("source_chain"):
        lines.append(f"source: {chain_plotly(r['source_chain'], r['outlet'], names)}")
    if r.get("reason"):
        # why the tagger read a move here: frame, holder rule, issue phrase
        lines.append(safety.plotly_lines("why: " + r["reason"], width=70))
    return "<br>".join(lines)


#: Columns a move's hover is made of (``move_header`` and ``hovers.evidence_hover``).
HOVER_COLUMNS = (
    "holder_id",
    "move",
    "modality",
    "hedged",
    "issue",
    "counterpart_id",
    "in_exchange_for",
    "source_chain",
    "reason",
    "outlet",
    "date",
    "doc_id",
    "snippet",
)


def move_hovers(
    columns: dict[str, list],
    rows: Iterable[tuple[int, int]],
    labels: dict[str, str],
    names: Names,
) -> list[str]:
    """The hover (header and evidence) of each move ``(row, n)``: row ``row`` of
    ``columns`` (column name -> values, ``HOVER_COLUMNS`` among them), standing for ``n``
    moves on one spot (remembered by the panel: ``hovers.remembered``)."""
    cols = tuple(c for c in HOVER_COLUMNS if c in columns)
    lists = [columns[c] for c in cols]
    none = [""] * len(columns["holder_id"])
    holders = columns["holder_id"]
    counterparts = columns.get("counterpart_id", none)
    chains = columns.get("source_chain", none)
    out = []
    for i, n in rows:
        values = tuple([v[i] for v in lists])  # the same str objects on every call
        holder, counterpart = labels.get(holders[i]), labels.get(counterparts[i] or "")
        chain_names = names if chains[i] else None  # names only matter for a chain
        out.append(remembered(_move_hover, cols, values, n, holder, counterpart, chain_names))
    return out


def _move_hover(
    cols: tuple, values: tuple, n: int, holder: str | None, counterpart: str | None, names
) -> str:
    r = dict(zip(cols, values, strict=True))
    pairs = ((r["holder_id"], holder), (r.get("counterpart_id") or "", counterpart))
    header = move_header(r, {k: v for k, v in pairs if v is not None}, names or {})
    if n > 1:
        header += f"<br>{n} such moves this day; the earliest:"
    return evidence_hover(r, header=header)


def top_holders(holders: Iterable[str], top: int) -> list[str]:
    """The ``top`` holder ids with most moves (ties by id)."""
    counts = collections.Counter(holders)
    return sorted(counts, key=lambda h: (-counts[h], h))[:top]
