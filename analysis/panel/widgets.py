"""One filter panel per notebook: outlets and a date range that drive every view.

Live, in a kernel::

    panel = FilterPanel(tables)
    panel                                   # shows the controls once
    panel.register(lambda t: mention_figures.mentions_by_actor(t))  # an Output that follows

Each registered view is a function of the filtered tables that returns something
displayable (a plotly figure, an ``analysis.views.html.HtmlTable``, a DataFrame); it is re-run when
a control changes. In a report build (``interactive=False``) widgets would be dead
HTML, so the panel shows the page's filter bar (``analysis.panel.offline``) and
``register(view, client=…)`` returns the view the page's script draws and redraws from
its rows when the bar changes; a view without a ``client`` form is shown as it is, under
a note that it does not follow the bar.

Labels shown in the controls go through ``analysis.text.safety``.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import time
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from IPython.display import HTML, display

from analysis.panel import framecache
from analysis.panel.live import LiveSlot
from analysis.panel.offline import STATIC_NOTE, client_html, filter_bar, static_figure_html
from analysis.panel.plotly_checks import plotly_checks
from analysis.text import safety
from analysis.views.client import ClientView
from analysis.views.html import HtmlTable
from analysis.views.menus import outlet_menus, outlet_names


def _frames(tables) -> dict[str, pd.DataFrame]:
    """The attributes of ``tables`` that are per-document DataFrames."""
    names = (
        [f.name for f in dataclasses.fields(tables)]
        if dataclasses.is_dataclass(tables)
        else list(vars(tables))
    )
    return {
        n: getattr(tables, n)
        for n in names
        if isinstance(getattr(tables, n), pd.DataFrame) and "doc_id" in getattr(tables, n)
    }


def filter_tables(
    tables,
    *,
    outlets: Iterable[str] | None = None,
    start: object = None,
    end: object = None,
    include_undated: bool = True,
    lazy: bool = False,
):
    """A copy of ``tables`` restricted to articles of ``outlets`` dated ``start``–``end``.

    Empty/None ``outlets`` means all. Dates are inclusive days; undated articles stay
    unless ``include_undated`` is False. Every table with a ``doc_id`` column follows the
    documents; ``rejected`` is kept whole (it concerns files, not articles).

    ``lazy`` (what a ``FilterPanel`` uses): from an ``analysis.pipeline.run.Tables`` cut the
    documents now and each other table when it is first read (``Tables.defer``); until
    then the result holds on to ``tables``, which a panel keeps anyway.
    """
    docs = tables.documents
    keep = np.ones(len(docs), dtype=bool)
    outlets = [o for o in (outlets or []) if o is not None]
    if outlets:
        keep &= docs["outlet"].isin(outlets).to_numpy(dtype=bool)
    dates = docs["date"]
    dated = dates.notna().to_numpy()
    if start is not None and not safety.is_missing(start):
        keep &= ~dated | (dates >= pd.Timestamp(start)).to_numpy(dtype=bool)
    if end is not None and not safety.is_missing(end):
        keep &= ~dated | (dates <= pd.Timestamp(end)).to_numpy(dtype=bool)
    if not include_undated:
        keep &= dated
    frames = _frames(tables)
    if lazy and hasattr(tables, "defer"):  # analysis.pipeline.run.Tables
        out = copy.copy(tables)
        out.documents = framecache.cut_rows(docs, docs, keep)
        for name, frame in frames.items():
            if name != "documents":
                out.defer(name, framecache.Cut(frame, keep, docs))
        return out
    changes = {n: framecache.cut_rows(f, docs, keep) for n, f in frames.items()}
    if dataclasses.is_dataclass(tables):
        return dataclasses.replace(tables, **changes)
    out = copy.copy(tables)
    for name, frame in changes.items():
        setattr(out, name, frame)
    return out


def show_live(result: Any) -> None:
    """Display a view's result in a live panel with only what JupyterLab draws.

    A panel's outputs live in widgets, which exported reports leave out (reports build
    their views with ``interactive=False``), so a plotly figure needs only plotly's
    mimetype (not the HTML copy the notebook renderer adds, for nbconvert) and a rendered
    table only its HTML (not its plain-text form): both cost time on every filter change.
    """
    if isinstance(result, go.Figure):
        result.show(renderer="plotly_mimetype")
    elif isinstance(result, HtmlTable):
        display({"text/html": result.html}, raw=True)
    else:
        display(result)


def describe_filters(*, outlets=None, start=None, end=None, include_undated: bool = True) -> str:
    """The filters in one plain-text line (for report headers and the panel status)."""
    outs = ", ".join(safety.clean(o) for o in outlets) if outlets else "all outlets"
    lo = "start" if safety.is_missing(start) or start is None else str(pd.Timestamp(start).date())
    hi = "end" if safety.is_missing(end) or end is None else str(pd.Timestamp(end).date())
    undated = "undated articles included" if include_undated else "undated articles left out"
    return f"{outs}; dates {lo} to {hi}; {undated}"


#: How long the controls must be still before a live panel updates (seconds).
COALESCE_SECONDS = 0.15


class FilterPanel:
    """Outlet multi-select, date range and undated toggle shared by registered views."""

    def __init__(
        self,
        tables,
        *,
        interactive: bool = True,
        outlets: Iterable[str] | None = None,
        start: object = None,
        end: object = None,
    ) -> None:
        self.tables = tables
        self.interactive = interactive
        self._views: list[LiveSlot] = []
        self._state = {
            "outlets": list(outlets or []),
            "start": start,
            "end": end,
            "include_undated": True,
        }
        self.filtered = filter_tables(tables, lazy=True, **self._state)
        self.box = self._build_controls() if interactive else None
        self._written: set[str] = set()  # row sets already on the report page
        self._pending: asyncio.TimerHandle | None = None  # a coalesced control change
        self._last_update = float("-inf")  # when the last update from the controls ended
        self._shown_documents: tuple[str, ...] | None = None

    # -- controls ------------------------------------------------------------------------
    def _build_controls(self):
        import ipywidgets as w  # only a live panel needs it: reports and scripts never load it

        docs = self.tables.documents
        counts = docs["outlet"].astype(str).value_counts()
        names = outlet_names(docs)
        self.outlet_select = w.SelectMultiple(
            options=[(f"{safety.clean(o)} ({counts[o]})", o) for o in names],
            value=[o for o in self._state["outlets"] if o in counts],
            rows=min(8, max(3, len(names))),
            description="Outlets",
            layout=w.Layout(width="420px"),
        )
        days = sorted(docs["date"].dropna().dt.normalize().unique())
        options = [(pd.Timestamp(d).strftime("%Y-%m-%d"), pd.Timestamp(d)) for d in days] or [
            ("no dates", None)
        ]
        self.date_range = w.SelectionRangeSlider(
            options=options,
            index=(0, len(options) - 1),
            description="Dates",
            disabled=not days,
            continuous_update=False,
            # its readout glues the two dates ("2018-06-13-2024-10-01"): the status line
            # below says "dates 2018-06-13 to 2024-10-01" instead
            readout=False,
            layout=w.Layout(width="600px"),
        )
        if days:
            lo = self._state["start"]
            hi = self._state["end"]
            i = 0 if lo is None else sum(pd.Timestamp(d) < pd.Timestamp(lo) for d in days)
            j = (
                len(days) - 1
                if hi is None
                else sum(pd.Timestamp(d) <= pd.Timestamp(hi) for d in days) - 1
            )
            self.date_range.index = (min(i, len(days) - 1), max(min(j, len(days) - 1), 0))
        self.undated = w.Checkbox(value=True, description="Include undated articles")
        self.status = w.HTML()
        for control in (self.outlet_select, self.date_range, self.undated):
            control.observe(self._on_change, names="value")
        self._update_status()
        hint = w.HTML(
            "<small>No outlet selected = all outlets. Ctrl/⌘-click selects several.</small>"
        )
        return w.VBox([self.outlet_select, hint, self.date_range, self.undated, self.status])

    def _on_change(self, _change=None) -> None:
        """Apply the controls: at once when the panel is idle; a change that comes in
        while (or just after) an update ran waits until the controls have been still for
        ``COALESCE_SECONDS``, so five quick clicks make two updates, not five."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (scripts, tests): apply now
            self._apply_controls()
            return
        if self._pending is not None:
            self._pending.cancel()
        elif time.monotonic() - self._last_update > COALESCE_SECONDS:
            self._apply_controls()
            return
        self._pending = loop.call_later(COALESCE_SECONDS, self._apply_controls)

    def _apply_controls(self) -> None:
        self._pending = None
        try:
            self._apply_state()
        finally:
            self._last_update = time.monotonic()

    def _apply_state(self) -> None:
        lo, hi = self.date_range.value if not self.date_range.disabled else (None, None)
        self.set_filters(
            outlets=list(self.outlet_select.value),
            start=lo,
            end=hi,
            include_undated=self.undated.value,
        )

    def _update_status(self) -> None:
        if not hasattr(self, "status"):
            return
        n, total = len(self.filtered.documents), len(self.tables.documents)
        self.status.value = safety.escape_html(
            f"{n} of {total} articles — {describe_filters(**self._state)}"
        )

    # -- state ---------------------------------------------------------------------------
    @property
    def state(self) -> dict[str, Any]:
        """The current filters (``outlets``, ``start``, ``end``, ``include_undated``)."""
        return dict(self._state)

    def describe(self) -> str:
        return describe_filters(**self._state)

    def set_filters(self, **state: Any) -> None:
        """Change filters programmatically (same keys as ``state``) and refresh views."""
        self._state.update(state)
        before = self._shown_documents
        self.filtered = filter_tables(self.tables, lazy=True, **self._state)
        if hasattr(self, "status"):
            self._update_status()
        if self._views and self._documents_key() == before:
            return  # the same articles as shown (a date moved within a gap): nothing to redo
        for slot in self._views:
            self._render(slot)

    # -- views ---------------------------------------------------------------------------
    def register(
        self,
        view: Callable[[Any], Any],
        *,
        client: Callable[[Any], ClientView] | None = None,
    ):
        """Add a view; returns an ``Output`` widget (live) or, in a report, the view the
        page's filter bar redraws (``client``: a function of ``analysis.views.client``)
        or else the view's result under a note that it does not follow the bar."""
        if not self.interactive:
            if client is not None:
                return HTML(client_html(client(self.filtered), self._written))
            return _Static(view(self.filtered))
        import ipywidgets as w  # only a live panel needs it: reports and scripts never load it

        slot = LiveSlot(view, w.Output())
        self._views.append(slot)
        self._documents_key()
        self._render(slot)
        return slot.out

    def _documents_key(self) -> tuple[str, ...]:
        """The articles the views show now (remembered as the ones shown)."""
        self._shown_documents = tuple(self.filtered.documents["doc_id"].astype(str))
        return self._shown_documents

    def _render(self, slot: LiveSlot) -> None:
        # The panel's own outlet selector filters every view: no per-figure menus.
        # The package's figures skip plotly's value checks here (changes a view makes
        # to them afterwards are checked); reports and tests build them checked
        # (tests/panel/test_plotly_checks.py compares the two).
        with slot.out, outlet_menus(False), plotly_checks(False):
            result = slot.view(self.filtered)
        slot.show(result, show_live)

    def _ipython_display_(self) -> None:
        if self.box is not None:
            display(self.box)
        else:
            display(HTML(filter_bar(self.filtered, note=f"Report built for {self.describe()}.")))


class _Static:
    """A report view the filter bar does not redraw: the note, then the view itself."""

    def __init__(self, result: Any) -> None:
        self.result = result

    def _ipython_display_(self) -> None:
        display(HTML(STATIC_NOTE))
        if isinstance(self.result, go.Figure):  # drawn by the page's script, once
            display(HTML(static_figure_html(self.result)))
        else:
            display(self.result)
