"""The report's filter bar and the views it drives, as HTML for an exported page.

A report page has no kernel. ``filter_bar(tables)`` writes one bar (outlets and outlet
groups, searchable and several at once; a date range) with the page's document list, the
script ``static/report_filter.js`` and its style; ``client_html(view, written)`` writes a
view of ``analysis.views.client`` — its spec and, the first time a row set is used on the
page, the rows. The script then draws every view and redraws it from the rows that pass
the filter (Plotly.react on the plotly.js the page already inlines), shows an empty state
when nothing passes, and lists the rows behind a bar or cell when it is clicked.

The controls carry ``data-report-filter="outlet"`` (a ``<select multiple>``), ``"from"``
and ``"to"`` (``<input type="date">``) so that tests and users' scripts can drive them.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import pandas as pd
import plotly.io as pio

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


def _plotly_loaded() -> None:
    # plotly inlines plotly.js when its notebook renderer is first activated, which it does
    # lazily before the first figure is shown; a page whose views the script draws shows no
    # figure, so activate the pending renderers here. Through plotly's own pending list
    # (its one private call here): a figure shown later on the page does not inline the
    # 4.9 MB again (tests/report/test_filter_bar.py counts the copies).
    pio.renderers._activate_pending_renderers()


def filter_bar(tables: Any, *, note: str = "") -> str:
    """The page's filter bar, document list, script and style (once per page)."""
    _plotly_loaded()
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
        '<button type="button" class="rf-reset">Reset</button></div>'
        '<div class="rf-status" aria-live="polite"></div>'
        + (f'<div class="rf-note">{safety.escape_html(note)}</div>' if note else "")
        + "</div>"
        f'<script type="application/json" id="report-{DOCUMENTS}">'
        f"{script_json(encode_rows(docs))}</script>"
        f"<script>{_static('report_filter.js')}</script>"
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
        rows = (
            f'<script type="application/json" class="report-rows" '
            f'data-name="{safety.escape_html(view.name)}">'
            f"{script_json(encode_rows(view.rows))}</script>"
        )
    return (
        f'{rows}<div class="report-view" data-rows="{safety.escape_html(view.name)}">'
        f'<script type="application/json" class="report-spec">'
        f"{script_json(_escaped(view.spec))}</script>"
        '<div class="rv-body"></div><div class="rv-evidence"></div></div>'
    )


#: What a view that does not follow the filter bar says above itself.
STATIC_NOTE = (
    '<p class="report-static-note">This view shows every article of the report: '
    "it does not follow the filter bar above.</p>"
)
