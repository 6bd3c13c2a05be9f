"""The move tables of notebook 04, rendered (``render``: ``analysis.views.html.render``
that says "No moves in this selection." for an empty frame)."""

from __future__ import annotations

import inspect

import pandas as pd

from analysis.views import html
from analysis.views.html import HtmlTable
from analysis.views.position_compare import compare_reports
from analysis.views.position_data import NO_MOVES, exchanges, latest_moves, move_counts
from analysis.views.rows import position_rows


def render(frame: pd.DataFrame, **kwargs) -> HtmlTable:
    """``analysis.views.html.render`` that says ``NO_MOVES`` for an empty frame unless given
    another ``empty`` message (notebook 04 renders its own frames with it)."""
    return html.render(frame, **{"empty": NO_MOVES, **kwargs})


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


def counts_table(tables) -> HtmlTable:
    """``move_counts`` rendered."""
    return render(move_counts(tables), caption="Moves by holder")


def latest_table(tables, *, actors: pd.DataFrame | None = None, lang: str = "en") -> HtmlTable:
    """``latest_moves`` rendered (``LATEST_TABLE_COLUMNS``)."""
    frame = latest_moves(tables, actors=actors, lang=lang)[LATEST_TABLE_COLUMNS]
    return render(frame, caption="Latest move per holder and issue")


def exchange_table(tables) -> HtmlTable:
    """``exchanges`` rendered (``EXCHANGE_TABLE_COLUMNS``; the rows show actor ids)."""
    frame = exchanges(tables)[EXCHANGE_TABLE_COLUMNS]
    return render(frame, caption="Moves with a counterpart or an exchange")


def comparison_table(tables, **options: object) -> HtmlTable:
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
