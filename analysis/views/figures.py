"""The house figure: what every plotly figure of the notebooks and reports is built with.

The template and layout (fonts with Arabic glyphs, room for the outlet menu), the trace and
figure constructors every view uses (providers: the live panel installs unchecked ones),
the empty figure, the colours of the count heatmaps and the time axis. The figures
themselves are in ``corpus_figures``, ``mention_figures``, ``stance_figures`` and
``position_figures``; their per-outlet menus in ``menus``. Every text from the data reaches
a figure through ``analysis.text.safety``.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go
import plotly.io as pio

from analysis.text import safety
from analysis.views.providers import provider

FONT = "Noto Sans, Noto Sans Arabic, Noto Naskh Arabic, DejaVu Sans, Arial, sans-serif"


#: The count heatmaps' colours, spelled out: plotly.js has its own, different "Blues", and
#: only plotly.py's value checks (off in the live panel) would swap in plotly.py's.
BLUES = pc.make_colorscale(pc.sequential.Blues)


@provider
def make_trace(kind: type, /, **props: Any) -> Any:
    """A plotly trace of type ``kind`` (``go.Bar``, ``go.Scatter`` …) with ``props``.
    (The live panel installs a version that skips plotly's value checks:
    ``analysis.panel.plotly_checks``.)"""
    return kind(**props)


@provider
def make_figure(data: Any = None, layout: Any = None) -> go.Figure:
    """``go.Figure(data, layout)`` (see :func:`make_trace`)."""
    return go.Figure(data=data, layout=layout)


#: The plotly template of every figure.
TEMPLATE = "plotly_white"


def house_layout(title: str, *, height: int = 450) -> dict:
    """The house layout as a dict: title, fonts with Arabic glyphs, room for the outlet
    menu (pass it to ``go.Figure(layout=...)``, or use :func:`style` on a figure)."""
    layout = {
        "title": {"text": safety.escape_plotly(title), "x": 0, "xanchor": "left"},
        "font": {"family": FONT},
        "hoverlabel": {"align": "auto", "font": {"family": FONT}},
        "height": height,
        "margin": {"t": 90, "l": 10, "r": 10, "b": 10},
        "legend": {"title": {"text": ""}},
    }
    if pio.templates.default != TEMPLATE:
        # By name, plotly validates a copy of the template for every figure (30-80 ms);
        # notebooks make it the default instead (report.notebook.setup_notebook).
        layout["template"] = house_template()
    return layout


def style(fig: go.Figure, title: str, *, height: int = 450) -> go.Figure:
    """House layout (:func:`house_layout`) on ``fig``."""
    return fig.update_layout(house_layout(title, height=height))


@functools.cache
def house_template() -> go.layout.Template:
    """The plotly template :data:`TEMPLATE` (looked up once)."""
    return pio.templates[TEMPLATE]


NO_MENTIONS = "No mentions for these filters."


def empty_figure(title: str, message: str = NO_MENTIONS) -> go.Figure:
    """A figure that says there is nothing to show (rather than failing): ``message``."""
    fig = make_figure()
    fig.add_annotation(text=safety.escape_plotly(message), showarrow=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return style(fig, title, height=250)


def bar_width(freq: str) -> float:
    """Bar width in milliseconds: 80 % of one period (a date axis measures in ms)."""
    days = {"D": 1, "W": 7, "M": 30.4, "Q": 91.3, "Y": 365.2, "A": 365.2}.get(freq[0].upper(), 30.4)
    return 0.8 * days * 86_400_000


#: A date x axis with a range slider.
TIME_XAXIS = {"type": "date", "rangeslider": {"visible": True, "thickness": 0.08}}
DAY_MS = 86_400_000


def time_xaxis(dates: pd.Series) -> dict:
    """The house time axis for ``dates`` (the articles shown): a span under two days is
    widened to a week with one tick a day, where plotly would tick in milliseconds."""
    axis = dict(TIME_XAXIS)
    d = pd.to_datetime(dates).dropna()
    if len(d) and d.max() - d.min() < pd.Timedelta(days=2):
        lo, hi = d.min().normalize(), d.max().normalize()
        axis.update(
            range=[lo - pd.Timedelta(days=3), hi + pd.Timedelta(days=4)],
            dtick=DAY_MS,
            tickformat="%Y-%m-%d",
        )
    return axis
