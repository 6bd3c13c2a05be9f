"""The move tables of notebook 04, as DataFrames: who moved on which issue, when, towards
whom and in exchange for what.

Every function takes a tables object (``analysis.pipeline.run.Tables`` or anything with
``positions``, ``sentences`` and ``documents``) so a ``FilterPanel`` can re-run it on the
filtered tables; the moves come from ``analysis.views.rows.position_rows``. A missing or
empty ``positions`` table is fine: the frames come back empty.

- ``move_counts``: holder × move type counts;
- ``latest_moves``: one row per holder × issue, the latest move (the position matrix, long);
- ``exchanges``: moves with a counterpart or something asked in exchange, as sentences;
- ``position_compare.compare_reports``: where several outlets' reports of a move agree.

Labels: a move shows as its type, prefixed ``not`` when negated, suffixed ``(if)`` when
hypothetical and ``(future)`` when announced for later; ``?`` after the type marks a move
reported through a hedged source (``hedged``), e.g. ``not accept``, ``demand?``,
``guarantee? (if)``. Raw text: ``position_tables`` renders the frames, escaped.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable

import pandas as pd

from analysis.tag.positions import MOVE_TYPES
from analysis.text import safety
from analysis.views.labels import issue_labels, plain_labels
from analysis.views.providers import provider
from analysis.views.rows import position_rows

NO_MOVES = "No moves in this selection."
NO_ISSUE = "(issue not named)"
MODALITY_MARKS = {
    "negated": ("not ", ""),
    "hypothetical": ("", " (if)"),
    "future": ("", " (future)"),
}
#: (third person, base form, preposition before the counterpart) for exchange sentences.
_VERBS = {
    "offer": ("offers", "offer", "to"),
    "demand": ("demands", "demand", "from"),
    "condition": ("sets conditions on", "set conditions on", "for"),
    "accept": ("accepts", "accept", "from"),
    "reject": ("rejects", "reject", "from"),
    "guarantee": ("guarantees", "guarantee", "to"),
    "threat": ("threatens over", "threaten over", "against"),
    "agreement": ("agrees on", "agree on", "with"),
}
_AUX = {"negated": "does not", "hypothetical": "would", "future": "will"}


# --- labels -----------------------------------------------------------------------------


def issue_name(issue: object) -> str:
    """The issue id, or ``NO_ISSUE`` for a move whose issue was not named."""
    text = "" if safety.is_missing(issue) else str(issue)
    return text or NO_ISSUE


def move_label(move: str, modality: str = "asserted", hedged: bool = False) -> str:
    """Short label of a move: ``offer``, ``not accept``, ``demand?``, ``guarantee? (if)``."""
    modality = "" if safety.is_missing(modality) else str(modality)
    pre, post = MODALITY_MARKS.get(modality, ("", f" ({modality})" if modality else ""))
    if modality == "asserted":
        post = ""
    return f"{pre}{move}{'?' if hedged else ''}{post}"


def move_labels(rows: pd.DataFrame) -> pd.Series:
    """:func:`move_label` of every move row of ``rows``."""
    return pd.Series(
        [
            move_label(m, mo, bool(h))
            for m, mo, h in zip(rows["move"], rows["modality"], rows["hedged"], strict=True)
        ],
        index=rows.index,
        dtype="object",
    )


@provider
def holder_surfaces(rows: pd.DataFrame) -> pd.DataFrame:
    """The holders' surface forms in the move rows ``rows`` as mentions (``actor_id``,
    ``surface``), to label actors the dictionary does not. (The panel's version gives the
    same frame for the same rows, so the labels made from it are made once.)"""
    return rows[["holder_id", "holder_surface"]].set_axis(["actor_id", "surface"], axis=1)


def holder_labels(
    actor_ids: Iterable[str],
    *,
    lang: str = "en",
    actors: pd.DataFrame | None = None,
    rows: pd.DataFrame | None = None,
) -> dict[str, str]:
    """Raw (unescaped) label per actor id for tables (``labels.plain_labels``), with the
    holder's most frequent surface in ``rows`` as the Arabic stand-in."""
    mentions = None if rows is None else holder_surfaces(rows)
    return plain_labels(actor_ids, lang=lang, actors=actors, mentions=mentions)


# --- data -------------------------------------------------------------------------------


def move_counts(tables) -> pd.DataFrame:
    """Moves per holder and move type: ``holder_id``, one column per ``MOVE_TYPES`` entry,
    ``hedged`` (how many were reported hedged) and ``total``; most moves first."""
    rows = position_rows(tables)
    cols = ["holder_id", *MOVE_TYPES, "hedged", "total"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    # counted in a dict: a crosstab cost more than the rest of this view
    at = {m: i for i, m in enumerate(MOVE_TYPES)}
    n = len(MOVE_TYPES)
    counts: dict[str, list[int]] = {}
    for holder, move, hedged in zip(
        rows["holder_id"].tolist(), rows["move"].tolist(), rows["hedged"].tolist(), strict=True
    ):
        row = counts.setdefault(holder, [0] * (n + 1))
        if move in at:  # a move type the package does not know is not counted
            row[at[move]] += 1
        row[n] += bool(hedged)
    out = pd.DataFrame(
        [[h, *c, sum(c[:n])] for h, c in sorted(counts.items())], columns=cols
    ).astype({c: "int64" for c in cols[1:]})
    return out.sort_values(["total", "holder_id"], ascending=[False, True], ignore_index=True)


LATEST_COLUMNS = [
    "holder_id",
    "holder",
    "issue",
    "issue_label",
    "label",
    "move",
    "modality",
    "hedged",
    "date",
    "outlet",
    "counterpart_id",
    "in_exchange_for",
    "moves",
    "earlier",
    "evidence",
    "doc_id",
]


def latest_moves(tables, *, actors: pd.DataFrame | None = None, lang: str = "en") -> pd.DataFrame:
    """The position matrix, long: one row per holder × issue with its latest move.

    Columns: ``holder_id``, ``holder`` (label in ``lang``), ``issue`` (id, or
    ``NO_ISSUE``), ``issue_label``, ``label`` (``move_label``), ``move``, ``modality``,
    ``hedged``, ``date``, ``outlet``, ``counterpart_id``, ``in_exchange_for``, ``moves``
    (how many moves the cell holds), ``earlier`` (the earlier moves' labels, oldest first),
    ``evidence`` (the latest move's snippet) and ``doc_id``. "Latest" is by article date,
    then document and offset; an undated move counts as older than any dated one.
    """
    rows = position_rows(tables)
    if rows.empty:
        return pd.DataFrame(columns=LATEST_COLUMNS)
    # The rows of each (holder, issue) cell, oldest first, in plain lists: a groupby with a
    # Python aggregation per cell, and pandas steps on the whole rows, cost tens of
    # milliseconds on every filter change.
    holder = rows["holder_id"].tolist()
    issue = [issue_name(i) for i in rows["issue"].tolist()]
    labels = move_labels(rows).tolist()
    cells: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(holder, issue, strict=True)):
        cells.setdefault(key, []).append(i)
    per_holder = collections.Counter(holder)
    order = issue_order(issue)
    rank = {i: k for k, i in enumerate(order)}
    # most moves per holder first, then holder id, then issue order
    latest = sorted(
        (at[-1] for at in cells.values()),
        key=lambda i: (-per_holder[holder[i]], holder[i], rank[issue[i]]),
    )
    by_last = {at[-1]: at for at in cells.values()}
    last = rows.take(latest).reset_index(drop=True)
    names = holder_labels(
        [holder[i] for i in latest], lang=lang, actors=actors, rows=position_rows(tables)
    )
    issues = issue_labels()

    last = last.assign(
        issue=[issue[i] for i in latest],
        label=pd.Series([labels[i] for i in latest], dtype=object),
        moves=[len(by_last[i]) for i in latest],
        earlier=[", ".join(labels[j] for j in by_last[i][:-1]) for i in latest],
        holder=[names.get(holder[i]) for i in latest],
        issue_label=[issues.get(issue[i], "") for i in latest],
        evidence=last["snippet"],
    )
    return last[LATEST_COLUMNS]


def issue_order(issues: Iterable[str]) -> list[str]:
    """Issues in the order of ``issues.yaml``, unknown ids next, ``NO_ISSUE`` last."""
    present = list(dict.fromkeys(issues))
    known = [i for i in issue_labels() if i in present]
    rest = sorted(i for i in present if i not in known and i != NO_ISSUE)
    return known + rest + ([NO_ISSUE] if NO_ISSUE in present else [])


EXCHANGE_COLUMNS = [
    "date",
    "outlet",
    "holder_id",
    "move",
    "counterpart_id",
    "issue",
    "in_exchange_for",
    "summary",
    "modality",
    "hedged",
    "issue_phrase",
    "exchange_phrase",
    "evidence",
    "doc_id",
]


def summary_sentence(
    holder: str,
    move: str,
    issue: str,
    *,
    counterpart: str = "",
    exchange: Iterable[str] = (),
    modality: str = "asserted",
    hedged: bool = False,
) -> str:
    """One English sentence for a move, e.g. ``USA offers us_presence to SYR in exchange
    for southern_syria`` (``does not``/``would``/``will`` for negated, hypothetical and
    future moves; ``(hedged)`` at the end when the source hedged)."""
    third, base, prep = _VERBS.get(move, (move, move, "to"))
    aux = _AUX.get(modality, "")
    verb = f"{aux} {base}" if aux else third
    parts = [holder, verb, issue or NO_ISSUE]
    if counterpart:
        parts += [prep, counterpart]
    exchange = [e for e in exchange if e]
    if exchange:
        parts += ["in exchange for", " and ".join(exchange)]
    return " ".join(parts) + (" (hedged)" if hedged else "")


def exchanges(tables) -> pd.DataFrame:
    """Who moves on what towards whom, in exchange for what: the moves that have a
    counterpart or something asked in exchange, oldest first.

    Columns: ``date``, ``outlet``, ``holder_id``, ``move``, ``counterpart_id``, ``issue``
    (id or ``""``), ``in_exchange_for`` (ids joined by ``" | "``), ``summary``
    (``summary_sentence`` with ids), ``modality``, ``hedged``, ``issue_phrase`` and
    ``exchange_phrase`` (the Arabic words), ``evidence`` (snippet) and ``doc_id``.
    """
    rows = position_rows(tables)
    rows = rows[(rows["counterpart_id"] != "") | (rows["in_exchange_for"] != "")]
    if rows.empty:
        return pd.DataFrame(columns=EXCHANGE_COLUMNS)
    summary = [
        summary_sentence(
            r.holder_id,
            r.move,
            r.issue,
            counterpart=r.counterpart_id,
            exchange=r.in_exchange_for.split("|"),
            modality=r.modality,
            hedged=bool(r.hedged),
        )
        for r in rows.itertuples(index=False)
    ]
    out = rows.assign(
        summary=summary,
        evidence=rows["snippet"],
        in_exchange_for=rows["in_exchange_for"].str.replace("|", " | ", regex=False),
    )
    return out[EXCHANGE_COLUMNS].reset_index(drop=True)


# --- figures ----------------------------------------------------------------------------
