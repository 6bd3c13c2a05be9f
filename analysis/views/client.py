"""Views a report page recomputes in the browser: the rows they count and how they count them.

A report is read offline, with no kernel, and its one filter bar (outlets or outlet groups,
a date range) must change every view on the page. So a report view is data, not a picture:
a **row set** (one row per counted thing — an article, a move, a sentence group — each with
the position of its document in the page's document list) and a **spec** that says how the
page's script (``analysis/panel/static/report_filter.js``) aggregates the rows that pass
the filter: bars by a category, articles over time, a table grouped by keys, a list of rows,
a latest-move matrix, a timeline of moves, a sankey of links. Every count keeps the rows
behind it, which is what a click on a bar or cell lists as evidence.

Here: ``ClientView`` and the spec builders. Each page's views are in
``analysis.views.report_views``, their row sets in ``analysis.views.client_rows``, and
``analysis.panel.offline`` writes them into the page. Labels are English (actor and issue
labels, not ids); texts are raw here and escaped when written (the script writes them back
with ``textContent``, never as markup).

Row set columns: ``doc`` (index into the page's documents), then the spec's columns.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

#: What a click lists of the articles behind a number (the URL as text: many scraped pages
#: have no title).
ARTICLE_EVIDENCE = ["outlet", "date", "title", "url"]
#: How many categories a bar axis shows before an "other" bucket (the page may show more).
TOP_N = 25


@dataclass
class ClientView:
    """A view the page draws and re-filters: ``spec`` (JSON-able), the ``rows`` it reads
    (a DataFrame with ``doc`` and the spec's columns) under the row-set name ``name``.

    ``build`` makes the rows, and runs only when they are asked for: views share row sets,
    and a page writes each set once (``analysis.panel.offline.client_html``)."""

    spec: dict[str, Any]
    name: str
    build: Callable[[], pd.DataFrame] = field(repr=False)

    @functools.cached_property
    def rows(self) -> pd.DataFrame:
        return self.build()


# --- spec builders ----------------------------------------------------------------------


def bars_spec(
    title: str,
    *,
    x: str,
    color: str | None = None,
    colors: dict[str, str] | None = None,
    weight: str | None = None,
    orientation: str = "v",
    top: int = TOP_N,
    color_top: int | None = None,
    xtitle: str = "",
    ytitle: str = "",
    evidence: list[str] | None = None,
) -> dict[str, Any]:
    """Counts (or sums of ``weight``) by ``x``, stacked by ``color``; the ``top`` largest
    categories and one "other" bar for the rest (and the ``color_top`` largest colours, the
    rest as one "other" colour)."""
    return {
        "kind": "bars",
        "title": title,
        "x": x,
        "color": color,
        "colors": colors or {},
        "weight": weight,
        "orientation": orientation,
        "top": top,
        "color_top": color_top,
        "xtitle": xtitle,
        "ytitle": ytitle,
        "evidence": evidence or ARTICLE_EVIDENCE,
    }


def table_spec(
    caption: str,
    *,
    group: list[str],
    pivot: str | None = None,
    pivot_order: list[str] | None = None,
    values: list[dict[str, Any]] | None = None,
    evidence: list[str] | None = None,
) -> dict[str, Any]:
    """Rows grouped by ``group`` with a count per value of ``pivot`` (and a total) and the
    ``values`` columns (fn: count, sum of col, docs, distinct values of col, list of the
    values of col, min_date, max_date, undated, equals col value), largest first, paged
    and searchable."""
    return {
        "kind": "table",
        "caption": caption,
        "group": group,
        "pivot": pivot,
        "pivot_order": pivot_order or [],
        "values": values or [],
        "evidence": evidence or ARTICLE_EVIDENCE,
        "empty": "None found for these filters.",
    }


def list_spec(caption: str, *, columns: list[str], empty: str) -> dict[str, Any]:
    """The filtered rows themselves, paged and searchable (``require_any``: only rows with
    one of these columns filled)."""
    return {"kind": "list", "caption": caption, "columns": columns, "empty": empty}
