"""The report's filter bar and the views it drives, as HTML for an exported page.

A report page has no kernel. ``filter_bar(tables)`` writes one bar (outlets and outlet
groups, searchable and several at once; a date range) with the page's document list,
plotly.js, the script ``static/report_filter.js`` and its style; ``client_html(view,
written)`` writes a view of ``analysis.views.client`` — its spec and, the first time a row
set is used on the page, the rows. Rows and plotly.js travel gzipped in base64 (``pack``).
The script unpacks them, draws every view and redraws it from the rows that pass the
filter (Plotly.react), shows an empty state when nothing passes, and lists the rows behind
a bar or cell when it is clicked.

The controls carry ``data-report-filter="outlet"`` (a ``<select multiple>``), ``"from"``
and ``"to"`` (``<input type="date">``) so that tests and users' scripts can drive them.
"""

from __future__ import annotations

import base64
import functools
import gzip
import json
from importlib import resources
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from analysis.text import safety
from analysis.views.client import ClientView
from analysis.views.client_rows import documents_rows

#: The row set of the page's documents, written once with the bar.
DOCUMENTS = "documents"
#: Share of distinct values under which a text column is written as codes + values.
CODE_SHARE = 0.5


@functools.cache
def _static(name: str) -> str:
    return (resources.files("analysis.panel") / "static" / name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: ``<``, ``>`` and ``&`` as
    ``\\u`` escapes, so no ``</script>`` or ``<!--`` can end or change the block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def encode_rows(rows: pd.DataFrame) -> dict[str, Any]:
    """A row set as columns: ``{"n": rows, "cols": {name: list | {"codes", "values"}}}``;
    texts cleaned and escaped (``safety.escape_plotly``), and coded when they have few
    distinct values (pages stay small at 3,000 articles)."""
    cols: dict[str, Any] = {}
    for name in rows.columns:
        series = rows[name]
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            cols[name] = [int(v) if float(v).is_integer() else float(v) for v in series]
            continue
        # plotly reads markup in labels: texts travel escaped (the script decodes them
        # for what it writes as text) and without bidi or control characters from data
        text = series.map(safety.escape_plotly)
        codes, values = pd.factorize(text, sort=False)
        if len(values) <= CODE_SHARE * max(len(text), 1):
            cols[name] = {"codes": codes.tolist(), "values": values.tolist()}
        else:
            cols[name] = text.tolist()
    return {"n": len(rows), "cols": cols}


def pack(data: bytes) -> str:
    """``data`` gzipped and in base64: the page's script unpacks it with the browser's own
    ``DecompressionStream``. plotly.js (4.8 MB) travels in 2.0 MB, a page's rows in a
    quarter to a third of their JSON, so a page of 3,000 articles stays a few MB."""
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")


def packed_block(data: bytes, **attrs: str) -> str:
    """A ``<script>`` the browser does not run, holding ``pack(data)``."""
    named = "".join(
        f' {k.rstrip("_").replace("_", "-")}="{safety.escape_html(v)}"' for k, v in attrs.items()
    )
    head = '<script type="application/octet-stream" data-encoding="gzip+base64"'
    return f"{head}{named}>{pack(data)}</script>"


def rows_block(rows: pd.DataFrame, **attrs: str) -> str:
    """A row set as a packed block (``encode_rows`` as JSON)."""
    text = json.dumps(encode_rows(rows), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return packed_block(text.encode("utf-8"), **attrs)


@functools.cache
def _plotly_block() -> str:
    # The page draws every figure itself, so plotly's notebook renderer never inlines
    # plotly.js; the bar carries it, packed, once per page.
    return packed_block(get_plotlyjs().encode("utf-8"), id="report-plotly")


def filter_bar(tables: Any, *, note: str = "") -> str:
    """The page's filter bar, document list, plotly.js, script and style (once per page)."""
    docs = documents_rows(tables)
    counts = docs["outlet"].value_counts()
    outlets = sorted(counts.index, key=lambda o: (-counts[o], o))
    group_counts = docs["outlet_group"].value_counts()
    groups = sorted(group_counts.index, key=lambda g: (-group_counts[g], g))
    # an option's value is the name as the rows hold it (escaped: encode_rows)
    options = "".join(
        f'<option value="g:{safety.escape_html(safety.escape_plotly(g))}">'
        f"{safety.escape_html(g)} ({group_counts[g]})</option>"
        for g in groups
    )
    outlet_options = "".join(
        f'<option value="o:{safety.escape_html(safety.escape_plotly(o))}" dir="auto">'
        f"{safety.escape_html(o)} ({counts[o]})</option>"
        for o in outlets
    )
    dates = docs["date"][docs["date"] != ""]
    lo, hi = (dates.min(), dates.max()) if len(dates) else ("", "")
    bounds = f'min="{lo}" max="{hi}"' if lo else ""
    return (
        f"<style>{_static('report_filter.css')}</style>"
        '<div class="report-filter-bar" role="search">'
        '<div class="rf-field"><label>Outlets and outlet groups '
        '<input type="search" class="rf-search" placeholder="search outlets"></label>'
        f'<select multiple size="6" data-report-filter="outlet" aria-label="Outlets">'
        f'<optgroup label="Outlet groups">{options}</optgroup>'
        f'<optgroup label="Outlets">{outlet_options}</optgroup></select>'
        "<small>None selected = all. Ctrl/⌘-click selects several.</small></div>"
        f'<div class="rf-field"><label>From <input type="date" data-report-filter="from" '
        f"{bounds}></label>"
        f'<label>To <input type="date" data-report-filter="to" {bounds}></label>'
        '<label>Reported <select data-report-filter="hedged" aria-label="Hedged or on record">'
        '<option value="">hedged or on record</option><option value="on record">on record only'
        '</option><option value="hedged">hedged only</option></select></label>'
        '<label>Compare <select data-report-compare aria-label="Compare">'
        '<option value="groups">outlet groups</option><option value="outlets">outlets</option>'
        "</select></label>"
        '<button type="button" class="rf-reset">Reset</button></div>'
        '<div class="rf-status" aria-live="polite"></div>'
        + (f'<div class="rf-note">{safety.escape_html(note)}</div>' if note else "")
        + "</div>"
        + rows_block(docs, id=f"report-{DOCUMENTS}")
        + _plotly_block()
        + f"<script>{_static('report_filter.js')}</script>"
    )


def _escaped(spec: Any) -> Any:
    """A spec's texts escaped as the rows' are (a caption may hold an actor's label)."""
    if isinstance(spec, str):
        return safety.escape_plotly(spec)
    if isinstance(spec, dict):
        return {k: _escaped(v) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_escaped(v) for v in spec]
    return spec


def client_html(view: ClientView, written: set[str]) -> str:
    """A view's place on the page: its spec, and its rows unless ``written`` has them."""
    rows = ""
    if view.name != DOCUMENTS and view.name not in written:  # the bar carries documents
        written.add(view.name)
        rows = rows_block(view.rows, class_="report-rows", data_name=view.name)
    return (
        f'{rows}<div class="report-view" data-rows="{safety.escape_html(view.name)}">'
        f'<script type="application/json" class="report-spec">'
        f"{script_json(_escaped(view.spec))}</script>"
        '<div class="rv-body"></div><div class="rv-evidence"></div></div>'
    )


def static_figure_html(fig: go.Figure) -> str:
    """A plotly figure the page's script draws once (plotly.js arrives packed, so the
    figure cannot be drawn by plotly's own inline call); it does not follow the bar."""
    spec = json.loads(fig.to_json())
    return (
        '<div class="report-static-figure">'
        f'<script type="application/json" class="report-figure">{script_json(spec)}</script>'
        "</div>"
    )


#: What a view that does not follow the filter bar says above itself.
STATIC_NOTE = (
    '<p class="report-static-note">This view shows every article of the report: '
    "it does not follow the filter bar above.</p>"
)
