"""The live panel's figures are redrawn in place (analysis.panel.live): one LiveFigure per
view holds the JSON of the figure a fresh draw would show, and plotly.js comes from the
installed package, once per kernel."""

from __future__ import annotations

import json

import plotly.io as pio
from IPython.core.interactiveshell import InteractiveShell

from analysis.panel import live, widgets
from analysis.views import html, mention_figures, mention_tables
from analysis.views.menus import outlet_menus


def _fresh(tables, outlet):
    with outlet_menus(False):  # the panel's outlet selector replaces per-figure menus
        fig = mention_figures.mentions_by_actor(widgets.filter_tables(tables, outlets=[outlet]))
    return json.loads(pio.to_json(fig, remove_uids=True))


def test_a_panel_draws_each_figure_once_and_then_updates_it(small_tables):
    InteractiveShell.instance()
    panel = widgets.FilterPanel(small_tables)
    panel.register(mention_figures.mentions_by_actor)
    panel.register(lambda t: html.render(mention_tables.mentions_by_actor(t)))
    slot, table = panel._views
    widget = slot.widget
    assert isinstance(widget, live.LiveFigure)
    outlet = small_tables.documents["outlet"].value_counts().index[-1]
    sent = []
    widget.observe(sent.append, names="figure")
    panel.set_filters(outlets=[outlet])
    assert slot.widget is widget  # updated, not drawn anew
    assert live.figure_of(widget) == _fresh(small_tables, outlet)
    assert table.widget is None and "<table" in table.html  # a table is drawn as HTML
    panel.set_filters(outlets=[outlet], end="2100-01-01")  # the same articles: nothing sent
    assert len(sent) == 1


def test_an_unchanged_table_is_not_drawn_again(small_tables):
    InteractiveShell.instance()
    panel = widgets.FilterPanel(small_tables)
    panel.register(lambda t: html.render(mention_tables.mentions_by_actor(small_tables)))
    slot = panel._views[0]
    shown = slot.html
    drawn = []
    slot.show(html.render(mention_tables.mentions_by_actor(small_tables)), drawn.append)
    assert shown and slot.html == shown and not drawn


def test_plotly_js_comes_from_the_installed_package_once():
    from plotly.offline import get_plotlyjs

    loader = live.plotly_loader()
    assert loader is live.plotly_loader()
    assert loader.source == get_plotlyjs() and len(loader.source) > 1_000_000
    assert "http" not in live.LiveFigure._esm and "import " not in live.LiveFigure._esm
