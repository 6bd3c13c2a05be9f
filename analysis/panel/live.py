"""A registered view's place in the live panel, where its figure is redrawn in place.

A live panel used to clear each view's ``Output`` and show a new plotly figure on every
filter change: JupyterLab then builds the plot from nothing and the page reflows. Plotly's
own ``FigureWidget`` halves that but sends every computed layout back to the kernel after
each update, and carries its 5 MB bundle in every instance. Here a figure is a small
``anywidget`` (``LiveFigure``) holding the figure's JSON: when it changes, the browser
calls ``Plotly.react``, which redraws only what differs (about 35 ms for a panel's bar
chart in headless chromium, against 85 ms for a FigureWidget update); a figure out of
view is redrawn when it scrolls into view rather than on every change. plotly.js comes
from the installed plotly package (``plotly.offline.get_plotlyjs``), sent once per kernel
by a ``PlotlyLoader`` that defines ``window.Plotly``: nothing is fetched from the network.

Tables are redrawn in the ``Output`` when their HTML changed, other results always.
Exported reports never use this module: they have no kernel (``analysis.panel.offline``).
"""

from __future__ import annotations

import functools
import json
from typing import Any

import anywidget
import plotly.graph_objects as go
import plotly.io as pio
import traitlets
from IPython.display import display
from plotly.offline import get_plotlyjs

__all__ = ["LiveFigure", "LiveSlot", "PlotlyLoader", "figure_json", "figure_of", "plotly_loader"]

_LOADER_ESM = """
export default {
  initialize({ model }) {
    // plotly.js's UMD wrapper defines window.Plotly when run as a classic script
    if (!globalThis.Plotly) (0, eval)(model.get("source"));
  },
};
"""

_FIGURE_ESM = """
function plotly() {
  return new Promise((resolve) => {
    const look = () => (globalThis.Plotly ? resolve(globalThis.Plotly) : setTimeout(look, 20));
    look();
  });
}
export default {
  async render({ model, el }) {
    const Plotly = await plotly();
    const div = document.createElement("div");
    el.appendChild(div);
    let visible = true;
    let stale = false;
    const draw = () => {
      stale = false;
      const fig = JSON.parse(model.get("figure") || "{}");
      const data = fig.data || [];
      // a sankey animates its nodes for most of a second on react: draw it afresh
      if (data.some((trace) => trace.type === "sankey")) Plotly.purge(div);
      Plotly.react(div, data, fig.layout || {}, { responsive: true, ...fig.config });
    };
    // a figure out of view is redrawn when it comes into view, not on every change
    const seen = new IntersectionObserver((entries) => {
      visible = entries.some((e) => e.isIntersecting);
      if (visible && stale) draw();
    });
    seen.observe(el);
    const changed = () => (visible ? draw() : (stale = true));
    draw();
    model.on("change:figure", changed);
    return () => {
      model.off("change:figure", changed);
      seen.disconnect();
      Plotly.purge(div);
    };
  },
};
"""


class PlotlyLoader(anywidget.AnyWidget):
    """Defines ``window.Plotly`` in the page from the installed plotly package (shown or
    not: its model runs when the kernel creates it)."""

    _esm = _LOADER_ESM
    source = traitlets.Unicode("").tag(sync=True)


class LiveFigure(anywidget.AnyWidget):
    """One plotly figure, redrawn with ``Plotly.react`` when ``figure`` (its JSON) changes."""

    _esm = _FIGURE_ESM
    figure = traitlets.Unicode("{}").tag(sync=True)


@functools.cache
def plotly_loader() -> PlotlyLoader:
    """The kernel's one loader (plotly.js is sent to the page once)."""
    return PlotlyLoader(source=get_plotlyjs())


def figure_json(figure: go.Figure) -> str:
    """The figure as plotly.js reads it (numpy arrays as typed arrays, as plotly sends)."""
    return pio.to_json(figure, validate=False, remove_uids=True)


class LiveSlot:
    """One view of a live panel: its ``Output`` and, once it has shown a figure, the
    ``LiveFigure`` later figures update."""

    def __init__(self, view, out) -> None:
        self.view = view
        self.out = out
        self.widget: LiveFigure | None = None
        self.html: str | None = None  # the table last drawn, if a table

    def show(self, result: Any, draw) -> None:
        """Show ``result``: a figure updates the slot's LiveFigure in place; a table the
        same as the one shown is left alone; anything else is drawn anew by ``draw`` in
        the cleared ``Output``."""
        if isinstance(result, go.Figure) and self.widget is not None:
            text = figure_json(result)
            if text != self.widget.figure:
                self.widget.figure = text
            return
        html = getattr(result, "html", None)
        if html is not None and html == self.html:
            return
        with self.out:
            self.out.clear_output(wait=True)
            self.widget, self.html = None, html if isinstance(html, str) else None
            if isinstance(result, go.Figure):
                plotly_loader()
                self.widget = LiveFigure(figure=figure_json(result))
                display(self.widget)
            else:
                draw(result)


def figure_of(widget: LiveFigure) -> dict:
    """The figure a LiveFigure shows, as a dict (for tests and notebooks)."""
    return json.loads(widget.figure)
