"""Negotiation positions for notebook 04: who moved on which issue, when, towards whom and
in exchange for what, and where reports of the same move agree.

Every function takes a tables object (``analysis.pipeline.run.Tables`` or anything with
``positions``, ``sentences`` and ``documents``) so a ``FilterPanel`` can re-run it on the
filtered tables. A missing or empty ``positions`` table is fine: the tables come back
empty and the figures say "No moves in this selection."

Data functions (pandas out, raw text: render them with ``render`` below, which goes through
``analysis.views.tables.render`` and so escapes every cell):

- ``position_rows``: the moves with their evidence (``snippet``, cut from the sentence);
- ``move_counts``: holder × move type counts;
- ``latest_moves``: one row per holder × issue, the latest move (the position matrix, long);
- ``position_matrix``: the same as a grid, holders as rows and issues as columns;
- ``exchanges``: moves with a counterpart or something asked in exchange, as sentences;
- ``compare_reports``: (holder, issue) moves reported by several outlets (or documents)
  in one period, one column per outlet, flagged ``agree`` / ``differ``.

Figures (plotly; every string from the data goes through ``analysis.text.safety``, each has the
house outlet menu from ``analysis.views.figures.by_outlet``): ``matrix_figure``,
``timeline_figure``, ``exchange_figure``.

Labels: a move shows as its type, prefixed ``not`` when negated, suffixed ``(if)`` when
hypothetical and ``(future)`` when announced for later; ``?`` after the type marks a move
reported through a hedged source (``hedged``), e.g. ``not accept``, ``demand?``,
``guarantee? (if)``.
"""

from __future__ import annotations

import collections
import inspect
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from analysis.panel import framecache
from analysis.tag.positions import MOVE_TYPES, POSITION_COLUMNS
from analysis.text import safety
from analysis.views import figures
from analysis.views import tables as tbl

NO_MOVES = "No moves in this selection."
NO_ISSUE = "(issue not named)"
EVIDENCE_CHARS = 200
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
ROW_COLUMNS = [*POSITION_COLUMNS, "sentence", "snippet"]
_TEXT_COLUMNS = [c for c in ROW_COLUMNS if c not in ("sent_id", "start", "end", "hedged", "date")]


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


def _labels_column(rows: pd.DataFrame) -> pd.Series:
    return pd.Series(
        [
            move_label(m, mo, bool(h))
            for m, mo, h in zip(rows["move"], rows["modality"], rows["hedged"], strict=True)
        ],
        index=rows.index,
        dtype="object",
    )


def _surfaces(rows: pd.DataFrame) -> pd.DataFrame:
    """The holders' surface forms in ``rows`` as mentions (``actor_id``, ``surface``); the
    same frame for the same rows, so the labels made from it are made once."""
    return framecache.cached(
        "holder_surfaces",
        (rows,),
        lambda: rows[["holder_id", "holder_surface"]].set_axis(["actor_id", "surface"], axis=1),
    )


def plain_labels(
    actor_ids: Iterable[str],
    *,
    lang: str = "en",
    actors: pd.DataFrame | None = None,
    rows: pd.DataFrame | None = None,
) -> dict[str, str]:
    """Raw (unescaped) label per actor id for tables (``figures.plain_labels``), with the
    holder's most frequent surface in ``rows`` as the Arabic stand-in."""
    mentions = None if rows is None else _surfaces(rows)
    return figures.plain_labels(actor_ids, lang=lang, actors=actors, mentions=mentions)


def _plotly_labels(ids, *, lang: str, actors, tables) -> dict[str, str]:
    """Escaped labels for plotly (``figures.actor_labels``): the Arabic stand-in for an actor
    the dictionary does not label is its most frequent surface as a holder in the tables'
    moves, else in its mentions."""
    # not the filtered mentions (which a panel never cuts for this): _mention_labels
    # labels from the unfiltered frame a filtered one was cut from
    mentions = framecache.uncut(tables, "mentions")
    if mentions is None or not {"actor_id", "surface"} <= set(mentions.columns):
        mentions = None
    holders = _surfaces(position_rows(tables))
    return figures.actor_labels(ids, lang=lang, actors=actors, mentions=[holders, mentions])


# --- data -------------------------------------------------------------------------------


def position_rows(tables) -> pd.DataFrame:
    """The moves of ``tables.positions`` with their evidence, oldest first.

    Columns: ``analysis.tag.positions.POSITION_COLUMNS`` plus ``sentence`` (the sentence the
    move was found in) and ``snippet`` (about ``EVIDENCE_CHARS`` characters of it around
    the move; raw text). Text columns hold Python strings (``object``), ``""`` rather
    than missing values. Undated moves
    come first, then by date, document and offset, so the last row of a group is its
    latest move. The result is shared between calls on the same tables (every view of a
    panel update reads the same filtered tables): treat it as read-only.
    """
    names = ("positions", "sentences")
    if not all(framecache.has_table(tables, n) for n in names):
        return _position_rows(
            getattr(tables, "positions", None), getattr(tables, "sentences", None)
        )
    return framecache.cached_rows_of("position_rows", tables, names, _position_rows)


def _position_rows(pos: pd.DataFrame | None, sents: pd.DataFrame | None) -> pd.DataFrame:
    if pos is None or pos.empty or not set(POSITION_COLUMNS) <= set(pos.columns):
        return tbl.empty_frame(ROW_COLUMNS, tbl.ROW_DTYPES)
    rows = pos[POSITION_COLUMNS]
    if sents is not None and not sents.empty:
        keys = rows[["doc_id", "sent_id"]].drop_duplicates()
        s = sents[["doc_id", "sent_id", "start", "text"]].merge(keys, on=["doc_id", "sent_id"])
        s = s.rename(columns={"start": "sent_start", "text": "sentence"})
        rows = rows.merge(s, on=["doc_id", "sent_id"], how="left")
    else:
        rows = rows.assign(sent_start=pd.NA, sentence="")
    rows = rows.astype({c: "object" for c in _TEXT_COLUMNS if c in rows})
    for col in [c for c in _TEXT_COLUMNS if c in rows]:
        # object, not pandas' Arrow-backed str: the views read these values one by one,
        # and an Arrow element costs ten times a Python one
        rows[col] = rows[col].where(rows[col].notna(), "").astype(str).astype(object)
    rows["hedged"] = rows["hedged"].fillna(False).astype(bool)
    snippets = [
        figures.snippet(sent, int(a) - int(s0), int(b) - int(s0), EVIDENCE_CHARS)
        if sent and not safety.is_missing(s0)
        else " ".join(p for p in (cue, phrase) if p)
        for sent, s0, a, b, cue, phrase in zip(
            rows["sentence"],
            rows["sent_start"],
            rows["start"],
            rows["end"],
            rows["cue"],
            rows["issue_phrase"],
            strict=True,
        )
    ]
    rows["snippet"] = pd.Series(snippets, index=rows.index, dtype=object)  # as above
    rows = rows.sort_values(
        ["date", "doc_id", "sent_id", "start"], na_position="first", kind="stable"
    )
    return rows[ROW_COLUMNS].reset_index(drop=True)


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
    labels = _labels_column(rows).tolist()
    cells: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(holder, issue, strict=True)):
        cells.setdefault(key, []).append(i)
    per_holder = collections.Counter(holder)
    order = _issue_order(issue)
    rank = {i: k for k, i in enumerate(order)}
    # most moves per holder first, then holder id, then issue order
    latest = sorted(
        (at[-1] for at in cells.values()),
        key=lambda i: (-per_holder[holder[i]], holder[i], rank[issue[i]]),
    )
    by_last = {at[-1]: at for at in cells.values()}
    last = rows.take(latest).reset_index(drop=True)
    names = plain_labels(
        [holder[i] for i in latest], lang=lang, actors=actors, rows=position_rows(tables)
    )
    issues = figures.issue_labels()

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


def _issue_order(issues: Iterable[str]) -> list[str]:
    """Issues in the order of ``issues.yaml``, unknown ids next, ``NO_ISSUE`` last."""
    present = list(dict.fromkeys(issues))
    known = [i for i in figures.issue_labels() if i in present]
    rest = sorted(i for i in present if i not in known and i != NO_ISSUE)
    return known + rest + ([NO_ISSUE] if NO_ISSUE in present else [])


def position_matrix(
    tables, *, actors: pd.DataFrame | None = None, lang: str = "en"
) -> pd.DataFrame:
    """The position matrix as a grid: one row per holder (``holder``), one column per issue,
    each cell ``"<label> · <date>"`` of the latest move (``latest_moves``), else ``""``."""
    latest = latest_moves(tables, actors=actors, lang=lang)
    if latest.empty:
        return pd.DataFrame(columns=["holder"])
    cell = latest["label"] + " · " + latest["date"].map(figures.date_text)
    grid = (
        latest.assign(cell=cell)
        .pivot(index="holder_id", columns="issue", values="cell")
        .reindex(
            index=list(dict.fromkeys(latest["holder_id"])), columns=_issue_order(latest["issue"])
        )
        .fillna("")
    )
    grid.columns.name = None
    names = dict(zip(latest["holder_id"], latest["holder"], strict=True))
    grid.insert(0, "holder", grid.index.map(names))
    return grid.reset_index(drop=True)


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


def compare_reports(
    tables,
    *,
    by: str = "outlet",
    days: int | None = 30,
    include_unnamed: bool = False,
    actors: pd.DataFrame | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """Where reports of the same move agree: (holder, issue) moves reported by two or more
    outlets (``by="doc_id"``: documents) within one period.

    A period (episode) runs while reports of the (holder, issue) follow each other within
    ``days`` days (``None``: the whole selection is one period; undated moves are then
    compared too, else left out). Each outlet's account is the set of its ``move_label``
    values; outlets agree when they report the same move types with the same modality
    (hedging is shown with ``?`` but not held against agreement). Moves whose issue was
    not named are left out unless ``include_unnamed``: without an issue, two reports of a
    holder's moves need not be about the same thing.

    Columns: ``holder_id``, ``holder``, ``issue``, ``from``, ``to`` (dates of the first and
    last report), one column per outlet (its account; ``""`` when it did not report the
    move; an outlet named like another column gets ``<name> (outlet)``, a document
    ``<doc_id> (document)``), ``reports`` (how many outlets did), ``agreement``
    (``agree``/``differ``) and ``difference`` (what differs: ``move: offer ≠ demand``,
    ``modality: …``).
    """
    if by not in ("outlet", "doc_id"):
        raise ValueError(f"by must be 'outlet' or 'doc_id', not {by!r}")
    base = ["holder_id", "holder", "issue", "from", "to"]
    tail = ["reports", "agreement", "difference"]
    rows = position_rows(tables)
    if days is not None:
        rows = rows[rows["date"].notna()]
    if not include_unnamed:
        rows = rows[rows["issue"] != ""]
    if rows.empty:
        return pd.DataFrame(columns=[*base, *tail])
    # Plain lists and dicts: sorting, grouping and a groupby inside each of hundreds of
    # episodes cost more than the rest of a panel update.
    holder, group, move, modality = (
        rows[c].tolist() for c in ("holder_id", by, "move", "modality")
    )
    issue = [issue_name(i) for i in rows["issue"].tolist()]
    date = rows["date"].tolist()
    label = _labels_column(rows).tolist()
    undated = [safety.is_missing(d) for d in date]
    # by holder, issue and date, undated first, else in row order (a stable sort)
    order = sorted(
        range(len(holder)),
        key=lambda i: (holder[i], issue[i], not undated[i], date[i] if not undated[i] else 0),
    )
    gap = pd.Timedelta(days=days) if days is not None else None
    episodes: dict[tuple, dict[str, list[tuple]]] = {}
    previous, last, episode = None, -1, 0
    for i in order:
        key = (holder[i], issue[i])
        if key != previous:
            episode = 0
        elif (
            gap is not None and not undated[i] and not undated[last] and date[i] - date[last] > gap
        ):
            episode += 1  # a new episode after a silence of more than ``days``
        previous, last = key, i
        per_group = episodes.setdefault((*key, episode), {})
        per_group.setdefault(group[i], []).append((label[i], move[i], modality[i], date[i]))
    episodes = {k: v for k, v in episodes.items() if len(v) >= 2}  # two or more outlets
    if not episodes:
        return pd.DataFrame(columns=[*base, *tail])
    present = list(dict.fromkeys(g for per_group in episodes.values() for g in per_group))
    groups = figures.present_outlets(tables.documents, present) if by == "outlet" else present
    suffix = " (outlet)" if by == "outlet" else " (document)"
    columns = dict(zip(groups, tbl.free_names(groups, [*base, *tail], suffix=suffix), strict=True))
    out = []
    for (holder_id, issue_id, _ep), per_group in episodes.items():
        accounts = {g: ", ".join(dict.fromkeys(r[0] for r in rs)) for g, rs in per_group.items()}
        core = {g: frozenset((r[1], r[2]) for r in rs) for g, rs in per_group.items()}
        dates = [r[3] for rs in per_group.values() for r in rs if not safety.is_missing(r[3])]
        agree = len(set(core.values())) == 1
        out.append(
            {
                "holder_id": holder_id,
                "issue": issue_id,
                "from": min(dates) if dates else pd.NaT,
                "to": max(dates) if dates else pd.NaT,
                **{columns[g]: accounts.get(g, "") for g in groups},
                "reports": len(accounts),
                "agreement": "agree" if agree else "differ",
                "difference": "" if agree else _difference(core),
            }
        )
    # differing accounts first, then by first report (undated last), holder and issue
    out.sort(
        key=lambda r: (
            r["agreement"] == "agree",
            safety.is_missing(r["from"]),
            r["from"] if not safety.is_missing(r["from"]) else 0,
            r["holder_id"],
            r["issue"],
        )
    )
    frame = pd.DataFrame(out)
    for c in ("from", "to"):
        frame[c] = pd.to_datetime(frame[c])
        if frame[c].dt.tz is None:  # nanoseconds whatever the input's unit, as before
            frame[c] = frame[c].astype("datetime64[ns]")
    names = plain_labels(frame["holder_id"], lang=lang, actors=actors, rows=position_rows(tables))
    frame.insert(1, "holder", frame["holder_id"].map(names))
    return frame[[*base, *columns.values(), *tail]]


def _difference(core: dict[str, frozenset[tuple[str, str]]]) -> str:
    """What differs between accounts: the move types, else the modalities."""
    moves = [" + ".join(sorted({m for m, _ in c})) for c in core.values()]
    if len(set(moves)) > 1:
        return "move: " + " ≠ ".join(dict.fromkeys(moves))
    modal = [" + ".join(sorted({mo for _, mo in c})) for c in core.values()]
    return "modality: " + " ≠ ".join(dict.fromkeys(modal))


def render(frame: pd.DataFrame, **kwargs) -> tbl.Table:
    """``analysis.views.tables.render`` that says ``NO_MOVES`` for an empty frame unless given
    another ``empty`` message (notebook 04 renders its own frames with it)."""
    return tbl.render(frame, **{"empty": NO_MOVES, **kwargs})


#: Columns of the tables the notebook shows (the label carries move, modality and hedging;
#: the summary sentence carries holder, move, counterpart, issue and exchange).
LATEST_TABLE_COLUMNS = [
    "holder",
    "issue",
    "label",
    "date",
    "outlet",
    "counterpart_id",
    "in_exchange_for",
    "moves",
    "earlier",
    "evidence",
    "doc_id",
]
EXCHANGE_TABLE_COLUMNS = [
    "date",
    "outlet",
    "summary",
    "issue_phrase",
    "exchange_phrase",
    "evidence",
    "doc_id",
]


def counts_table(tables) -> tbl.Table:
    """``move_counts`` rendered."""
    return render(move_counts(tables), caption="Moves by holder")


def latest_table(tables, *, actors: pd.DataFrame | None = None, lang: str = "en") -> tbl.Table:
    """``latest_moves`` rendered (``LATEST_TABLE_COLUMNS``)."""
    frame = latest_moves(tables, actors=actors, lang=lang)[LATEST_TABLE_COLUMNS]
    return render(frame, caption="Latest move per holder and issue")


def exchange_table(tables) -> tbl.Table:
    """``exchanges`` rendered (``EXCHANGE_TABLE_COLUMNS``; the rows show actor ids)."""
    frame = exchanges(tables)[EXCHANGE_TABLE_COLUMNS]
    return render(frame, caption="Moves with a counterpart or an exchange")


def comparison_table(tables, **options: object) -> tbl.Table:
    """``compare_reports(tables, **options)`` rendered; when there are moves but none to
    compare, says so."""
    bound = inspect.signature(compare_reports).bind(tables, **options)
    bound.apply_defaults()
    frame = compare_reports(*bound.args, **bound.kwargs)
    by, days = bound.arguments["by"], bound.arguments["days"]
    empty = NO_MOVES
    if frame.empty and not position_rows(tables).empty:
        who = "outlets" if by == "outlet" else "articles"
        when = f" within {days} days" if days is not None else ""
        named = "" if bound.arguments["include_unnamed"] else " on a named issue"
        empty = f"No move{named} in this selection was reported by two or more {who}{when}."
    return render(frame, caption="Accounts of the same move", empty=empty)


# --- figures ----------------------------------------------------------------------------


#: Colour of a move type not in ``MOVE_COLOURS``.
OTHER_COLOUR = "#7f7f7f"


def _lighter(colour: str, share: float = 0.55) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * share) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def _move_header(r: dict, labels: dict[str, str], names: dict[str, str]) -> str:
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
        lines.append(f"source: {figures.chain_plotly(r['source_chain'], r['outlet'], names)}")
    return "<br>".join(lines)


#: Columns a move's hover is made of (``_move_header`` and ``figures.evidence_hover``).
_HOVER_COLUMNS = (
    "holder_id",
    "move",
    "modality",
    "hedged",
    "issue",
    "counterpart_id",
    "in_exchange_for",
    "source_chain",
    "outlet",
    "date",
    "doc_id",
    "snippet",
)


def _hovers(
    columns: dict[str, list],
    rows: Iterable[tuple[int, int]],
    labels: dict[str, str],
    names: dict[str, str],
) -> list[str]:
    """The hover (header and evidence) of each move ``(row, n)``: row ``row`` of
    ``columns`` (column name -> values, ``_HOVER_COLUMNS`` among them), standing for ``n``
    moves on one spot (``figures.remembered_hover``)."""
    cols = [c for c in _HOVER_COLUMNS if c in columns]
    lists = [columns[c] for c in cols]
    none = [""] * len(columns["holder_id"])
    holders = columns["holder_id"]
    counterparts = columns.get("counterpart_id", none)
    chains = columns.get("source_chain", none)
    names_key = figures.names_key(names)

    def make(values: tuple, n: int) -> str:
        r = dict(zip(cols, values, strict=True))
        header = _move_header(r, labels, names)
        if n > 1:
            header += f"<br>{n} such moves this day; the earliest:"
        return figures.evidence_hover(r, header=header)

    out = []
    for i, n in rows:
        values = tuple([v[i] for v in lists])
        key = (
            "move",
            values,  # the same str objects on every call: their hashes are cached
            n,
            labels.get(holders[i]),
            labels.get(counterparts[i] or ""),
            names_key if chains[i] else -1,
        )
        out.append(figures.remembered_hover(key, lambda v=values, n=n: make(v, n)))
    return out


def _top_holders(holders: Iterable[str], top: int) -> list[str]:
    """The ``top`` holder ids with most moves (ties by id)."""
    counts = collections.Counter(holders)
    return sorted(counts, key=lambda h: (-counts[h], h))[:top]


def matrix_figure(
    tables, *, lang: str = "both", actors: pd.DataFrame | None = None, top: int = 25
) -> go.Figure:
    """Position matrix: holder × issue grid, each cell the latest move (colour = move type,
    lighter = hedged; text = ``move_label``), the evidence sentence in the hover."""
    title = "Position matrix: latest move per holder and issue"
    rows = position_rows(tables)
    if rows.empty:
        return figures.empty_figure(title, NO_MOVES)
    rows = rows.assign(issue=rows["issue"].map(issue_name))
    n_holders = rows["holder_id"].nunique()
    holders = _top_holders(rows["holder_id"].tolist(), top)
    rows = rows[rows["holder_id"].isin(holders)]
    issues = _issue_order(rows["issue"])
    ids = [*holders, *[c for c in rows["counterpart_id"].unique() if c]]
    labels = _plotly_labels(ids, lang=lang, actors=actors, tables=tables)
    names = figures.actor_names(actors)
    ilabels = figures.issue_labels()
    kinds = [*MOVE_TYPES, None]  # None: a move type without a colour of its own
    codes = {(m, h): 2 * i + int(h) for i, m in enumerate(kinds) for h in (False, True)}

    def code(move: str, hedged: bool) -> int:
        return codes.get((move, hedged), codes[(None, hedged)])

    n = len(codes)
    scale = []
    for (m, h), k in sorted(codes.items(), key=lambda kv: kv[1]):
        colour = MOVE_COLOURS.get(m, OTHER_COLOUR)
        colour = _lighter(colour) if h else colour
        scale += [[k / n, colour], [(k + 1) / n, colour]]
    y = [labels[h] for h in holders]
    x = [safety.escape_plotly(i) for i in issues]

    def traces(sub: pd.DataFrame, name: str) -> list:
        z = [[None] * len(issues) for _ in holders]
        text = [[""] * len(issues) for _ in holders]
        hover = [[""] * len(issues) for _ in holders]
        hi, ii = {h: k for k, h in enumerate(holders)}, {s: k for k, s in enumerate(issues)}
        g = sub.groupby(["holder_id", "issue"], sort=False)
        sizes = g.size()
        last = g.tail(1)
        for r in last.to_dict("records"):
            a, b = hi[r["holder_id"]], ii[r["issue"]]
            z[a][b] = code(r["move"], bool(r["hedged"])) + 0.5
            text[a][b] = safety.escape_plotly(move_label(r["move"], r["modality"], r["hedged"]))
            n_moves = int(sizes[(r["holder_id"], r["issue"])])
            about = ilabels.get(r["issue"], "")
            header = (
                _move_header(r, labels, names)
                + (f"<br><i>{safety.escape_plotly(about)}</i>" if about else "")
                + f"<br>{n_moves} move(s) in this cell; the latest is shown"
            )
            hover[a][b] = figures.evidence_hover(r, header=header)
        out = [
            figures.make_trace(
                go.Heatmap,
                z=z,
                x=x,
                y=y,
                text=text,
                texttemplate="%{text}",
                hovertext=hover,
                hoverinfo="text",
                hoverongaps=False,
                colorscale=scale,
                zmin=0,
                zmax=n,
                showscale=False,
                xgap=2,
                ygap=2,
                name=safety.plotly_text(name),
            )
        ]
        present = {(m, bool(h)) for m, h in zip(last["move"], last["hedged"], strict=True)}
        for m, h in sorted(present, key=lambda mh: (code(*mh), mh)):
            colour = MOVE_COLOURS.get(m, OTHER_COLOUR)
            out.append(
                figures.make_trace(
                    go.Scatter,
                    x=[None],
                    y=[None],
                    mode="markers",
                    marker={
                        "symbol": "square",
                        "size": 12,
                        "color": _lighter(colour) if h else colour,
                    },
                    name=safety.escape_plotly(m + (" (hedged)" if h else "")),
                    hoverinfo="skip",
                    showlegend=True,
                )
            )
        return out

    shown = f" (top {top} holders)" if n_holders > top else ""
    layout = figures.house_layout(title + shown, height=max(380, 260 + 34 * len(holders)))
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
    fig = figures.by_outlet(tables.documents, rows, traces, layout=layout)
    if fig.layout.updatemenus:  # above the issue names, which sit on top of the grid
        fig.layout.updatemenus[0].pad = {"b": 75}
    return fig


def timeline_figure(
    tables, *, lang: str = "both", actors: pd.DataFrame | None = None, top: int = 30
) -> go.Figure:
    """Moves over time: one row per holder, one marker per move (colour and symbol = move
    type, open symbol = hedged; moves of one type and hedging on one day share a marker
    that counts them); hover = evidence, outlet, date, counterpart, exchange."""
    rows = position_rows(tables)
    title = "Moves over time by holder"
    if rows.empty:
        return figures.empty_figure(title, NO_MOVES)
    # Plain lists from here: pandas steps on a few hundred rows cost more than the markers.
    every = {c: rows[c].tolist() for c in _HOVER_COLUMNS if c in rows and c != "date"}
    date_array = rows["date"].to_numpy()  # the column's own type (time zone, unit)
    every["date"] = list(date_array)  # numpy dates: Timestamps cost more
    dated = [i for i, d in enumerate(every["date"]) if not safety.is_missing(d)]
    if len(dated) < len(rows):
        title += f" ({len(rows) - len(dated)} undated move(s) not shown)"
    if not dated:
        return figures.empty_figure(title, NO_MOVES)
    holders = _top_holders((every["holder_id"][i] for i in dated), top)
    chosen = set(holders)
    kept = [i for i in dated if every["holder_id"][i] in chosen]
    columns = {c: [values[i] for i in kept] for c, values in every.items()}
    kept_dates = date_array[kept]
    ids = [*holders, *dict.fromkeys(c for c in columns["counterpart_id"] if c)]
    labels = _plotly_labels(ids, lang=lang, actors=actors, tables=tables)
    names = figures.actor_names(actors)
    y_order = [labels[h] for h in holders]
    present = set(columns["move"])
    moves = [m for m in MOVE_TYPES if m in present] + sorted(present - set(MOVE_TYPES))
    dates, holder_of, move_of, hedged_of = (
        columns[c] for c in ("date", "holder_id", "move", "hedged")
    )
    y_of = [labels[h] for h in holder_of]

    def traces(sub: pd.DataFrame, name: str) -> list:
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
            for k, (hedged, marks) in enumerate(shown):
                out.append(
                    figures.make_trace(
                        go.Scatter,
                        x=kept_dates[[i for i, _ in marks]],
                        y=[y_of[i] for i, _ in marks],
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
                        hovertext=_hovers(columns, marks, labels, names),
                        hoverinfo="text",
                    )
                )
        return out or [figures.make_trace(go.Scatter, x=[], y=[])]

    layout = figures.house_layout(title, height=max(400, 220 + 30 * len(holders)))
    layout["yaxis"] = {
        "categoryorder": "array",
        "categoryarray": y_order[::-1],
        "automargin": True,
        "type": "category",
    }
    layout["xaxis"] = figures.TIME_XAXIS
    layout["legend"] = {"title": {"text": "move (open = hedged)"}}
    # a subset's index (by_outlet's per-outlet sets): positions in ``columns``
    kept_rows = pd.DataFrame({"outlet": columns["outlet"]})
    return figures.by_outlet(tables.documents, kept_rows, traces, layout=layout)


def exchange_figure(
    tables, *, lang: str = "both", actors: pd.DataFrame | None = None, top: int = 30
) -> go.Figure:
    """Sankey of exchanges: holder → issue of the move → issue asked in exchange, for the
    moves of ``exchanges`` (link colour = move type; hover = the move and its evidence)."""
    title = "Exchanges: holder → issue of the move → what is asked in exchange"
    rows = position_rows(tables)
    rows = rows[(rows["counterpart_id"] != "") | (rows["in_exchange_for"] != "")]
    if rows.empty:
        return figures.empty_figure(title, NO_MOVES)
    rows = rows.assign(issue=rows["issue"].map(issue_name))
    holders = _top_holders(rows["holder_id"].tolist(), top)
    rows = rows[rows["holder_id"].isin(holders)]
    ids = [*holders, *[c for c in rows["counterpart_id"].unique() if c]]
    labels = _plotly_labels(ids, lang=lang, actors=actors, tables=tables)
    names = figures.actor_names(actors)
    ilabels = figures.issue_labels()

    def traces(sub: pd.DataFrame, name: str) -> list:
        if sub.empty:
            return [
                figures.make_trace(
                    go.Sankey, node={"label": []}, link={"source": [], "target": [], "value": []}
                )
            ]
        nodes: dict[tuple[str, str], int] = {}
        node_label, node_hover, node_colour = [], [], []

        def node(kind: str, key: str) -> int:
            if (kind, key) not in nodes:
                nodes[(kind, key)] = len(nodes)
                if kind == "holder":
                    node_label.append(labels[key])
                    node_hover.append(f"<b>{labels[key]}</b>")
                    node_colour.append("#636efa")
                else:
                    lab = safety.escape_plotly(key)
                    text = f"{lab}" if kind == "issue" else f"↩ {lab}"
                    node_label.append(text)
                    role = "issue of the move" if kind == "issue" else "asked in exchange"
                    node_hover.append(
                        f"<b>{lab}</b> ({role})<br>{safety.escape_plotly(ilabels.get(key, ''))}"
                    )
                    node_colour.append("#b0b0b0" if kind == "issue" else "#7f7f7f")
            return nodes[(kind, key)]

        src, tgt, val, colour, hover = [], [], [], [], []

        def link(a: int, b: int, group: list[dict], move: str, what: str) -> None:
            latest = group[-1]  # rows run oldest first
            src.append(a)
            tgt.append(b)
            val.append(len(group))
            colour.append(_lighter(MOVE_COLOURS.get(move, OTHER_COLOUR), 0.35))
            header = f"{what}: {len(group)} move(s); latest:<br>"
            header += _move_header(latest, labels, names)
            hover.append(figures.evidence_hover(latest, header=header))

        # groups in plain dicts, in order of first appearance (a groupby per figure and
        # outlet cost more than the figure)
        moves: dict[tuple, list[dict]] = {}
        asked: dict[tuple, list[dict]] = {}
        for r in sub.to_dict("records"):
            moves.setdefault((r["holder_id"], r["move"], r["issue"]), []).append(r)
            if r["in_exchange_for"] != "":
                for e in r["in_exchange_for"].split("|"):
                    asked.setdefault((r["issue"], e, r["move"]), []).append(r)
        for (h, m, i), group in moves.items():
            link(node("holder", h), node("issue", i), group, m, f"{safety.escape_plotly(m)}")
        for (i, e, m), group in asked.items():
            link(node("issue", i), node("exchange", e), group, m, "in exchange")
        column = {"holder": 0.01, "issue": 0.5, "exchange": 0.99}
        per_column = {k: [n for n in nodes if n[0] == k] for k in column}
        xs = [column[kind] for kind, _ in nodes]
        ys = [
            (per_column[kind].index((kind, key)) + 0.5) / len(per_column[kind])
            for kind, key in nodes
        ]
        return [
            figures.make_trace(
                go.Sankey,
                arrangement="snap",
                node={
                    "label": node_label,
                    "x": xs,
                    "y": ys,
                    "customdata": node_hover,
                    "hovertemplate": "%{customdata}<extra></extra>",
                    "color": node_colour,
                    "pad": 14,
                },
                link={
                    "source": src,
                    "target": tgt,
                    "value": val,
                    "color": colour,
                    "customdata": hover,
                    "hovertemplate": "%{customdata}<extra></extra>",
                },
                name=safety.plotly_text(name),
            )
        ]

    n = max(rows["holder_id"].nunique(), rows["issue"].nunique())
    layout = figures.house_layout(title, height=max(400, 160 + 30 * n))
    return figures.by_outlet(tables.documents, rows, traces, layout=layout)
