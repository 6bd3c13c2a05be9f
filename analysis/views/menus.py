"""Per-outlet menus: a figure holds one set of traces for all outlets and one per outlet,
and a plotly dropdown switches between them, so a report stays filterable without a kernel.
A live panel filters with its own controls and builds figures inside
``outlet_menus(False)``: one set of traces, no menu.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterable, Iterator

import pandas as pd
import plotly.graph_objects as go

from analysis.text import safety
from analysis.views.figures import make_figure

ALL_OUTLETS = "All outlets"


def outlet_names(documents: pd.DataFrame) -> list[str]:
    """Outlets by number of articles (most first), then name."""
    counts = documents["outlet"].astype(str).value_counts()
    return sorted(counts.index, key=lambda o: (-counts[o], o))


def present_outlets(documents: pd.DataFrame, values: Iterable[object]) -> list[str]:
    """The outlets among ``values``, in article order (``outlet_names``); any not in
    ``documents`` follow by name."""
    if not isinstance(values, pd.Series):
        values = pd.Series(list(values), dtype="object")
    present = {str(v) for v in values.dropna().unique()}
    known = [o for o in outlet_names(documents) if o in present]
    return known + sorted(present - set(known))


def outlet_menu(groups: dict[str, list[int]], n_traces: int) -> list[dict]:
    """The ``updatemenus`` of a dropdown that shows one group of traces at a time
    (``ALL_OUTLETS`` first); none for a single group. ``groups`` maps an outlet name to
    the indices of its traces."""
    if len(groups) < 2:
        return []
    buttons = [
        {
            "label": safety.plotly_text(name) if name != ALL_OUTLETS else name,
            "method": "restyle",
            "args": [{"visible": [i in idx for i in range(n_traces)]}],
        }
        for name, idx in groups.items()
    ]
    return [
        {
            "type": "dropdown",
            "buttons": buttons,
            "active": 0,
            "showactive": True,
            # just above the plot area, clear of plotly's toolbar (top right)
            "x": 1.0,
            "xanchor": "right",
            "y": 1.0,
            "yanchor": "bottom",
            "pad": {"b": 4},
            "name": "outlet",
        }
    ]


def _show_first_group(traces: list, groups: dict[str, list[int]]) -> None:
    first = set(next(iter(groups.values())))
    for i, tr in enumerate(traces):
        tr.visible = i in first


#: Off while a live FilterPanel renders: its outlet selector does the menu's job, and one
#: set of traces instead of one per outlet makes a panel update several times faster.
_OUTLET_MENUS: contextvars.ContextVar[bool] = contextvars.ContextVar("outlet_menus", default=True)


@contextlib.contextmanager
def outlet_menus(enabled: bool) -> Iterator[None]:
    """Within the block, :func:`by_outlet` adds (or leaves out) the per-outlet menu."""
    token = _OUTLET_MENUS.set(enabled)
    try:
        yield
    finally:
        _OUTLET_MENUS.reset(token)


def outlet_menus_on() -> bool:
    """Do figures built here get per-outlet menus (:func:`outlet_menus`)?"""
    return _OUTLET_MENUS.get()


def by_outlet(
    documents: pd.DataFrame,
    frame: pd.DataFrame,
    make_traces: Callable[[pd.DataFrame, str], list],
    *,
    max_outlets: int = 25,
    layout: dict | None = None,
) -> go.Figure:
    """One set of traces for all outlets and one per outlet, switched by a dropdown
    (only the first set inside ``outlet_menus(False)``); ``layout`` (e.g.
    :func:`house_layout`) is the figure's layout from the start."""
    subsets = [(ALL_OUTLETS, frame)]
    if "outlet" in frame and outlet_menus_on():
        outlets = present_outlets(documents, frame["outlet"])
        subsets += [(o, frame[frame["outlet"] == o]) for o in outlets[:max_outlets]]
    return outlet_figure(subsets, make_traces, layout)


def outlet_figure(subsets: list, make_traces: Callable, layout: dict | None) -> go.Figure:
    """A figure of ``make_traces(subset, name)`` for each ``(name, subset)`` of ``subsets``
    (all outlets first), with the outlet menu that switches between them."""
    # One Figure call with every trace and the whole layout: adding traces and updating
    # the layout afterwards costs several times more (plotly re-validates on each update).
    traces: list = []
    groups: dict[str, list[int]] = {}
    for name, sub in subsets:
        start = len(traces)
        traces += make_traces(sub, name)
        groups[name] = list(range(start, len(traces)))
    layout = dict(layout or {})
    if menus := outlet_menu(groups, len(traces)):
        _show_first_group(traces, groups)
        layout["updatemenus"] = menus
    return make_figure(traces, layout)
