"""The live panel's figures without plotly's value checks: the one place that reaches into
plotly's private attributes.

plotly checks every property value as a figure is built: most of the cost of building
one (a 900-point scatter: 60 ms checked, 7 ms not). Inside :func:`plotly_checks` ``(False)``
(what ``widgets.FilterPanel`` renders its views in) the providers
``analysis.views.figures.make_trace`` and ``make_figure`` build their objects with plotly's
``_validate=False``, and the finished figure is switched back to checking, so what a view
changes on it afterwards is checked as on any figure. Reports and tests build the same
figures checked; ``tests/panel/test_plotly_checks.py`` compares the two and fails loudly
when a plotly upgrade renames the private attributes walked here.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any

import plotly.graph_objects as go

from analysis.views import figures
from analysis.views.providers import install

_CHECKS: contextvars.ContextVar[bool] = contextvars.ContextVar("plotly_checks", default=True)


@contextlib.contextmanager
def plotly_checks(enabled: bool) -> Iterator[None]:
    """Within the block, ``make_trace`` and ``make_figure`` leave plotly's validation of
    property values on (the default) or off."""
    token = _CHECKS.set(enabled)
    try:
        yield
    finally:
        _CHECKS.reset(token)


def checked_from_now(obj: Any) -> None:
    """Switch plotly's validation back on for ``obj`` and every object it holds.

    plotly keeps its validation switch (``_validate``) on every object of a figure: the
    figure, its layout (``_layout_obj``), each trace (``_data_objs``) and each nested object
    made so far (``_compound_props``, ``_compound_array_props``).
    """
    obj._validate = True
    for child in (getattr(obj, "_layout_obj", None), *getattr(obj, "_data_objs", ())):
        if child is not None:
            checked_from_now(child)
    for child in getattr(obj, "_compound_props", {}).values():
        checked_from_now(child)
    for children in getattr(obj, "_compound_array_props", {}).values():
        for child in children or ():
            checked_from_now(child)


def _make_trace(plain, kind: type, /, **props: Any) -> Any:
    if _CHECKS.get():
        return plain(kind, **props)
    return kind(**props, _validate=False)


def _make_figure(plain, data: Any = None, layout: Any = None) -> go.Figure:
    if _CHECKS.get():
        return plain(data, layout)
    fig = go.Figure(data=data, layout=layout, _validate=False)
    checked_from_now(fig)
    return fig


install(figures.make_trace, _make_trace)
install(figures.make_figure, _make_figure)
