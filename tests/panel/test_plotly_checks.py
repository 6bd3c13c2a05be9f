"""analysis.panel.plotly_checks: the live panel's figures built without plotly's value
checks equal the checked ones, stay checked for later edits, and the private plotly
attributes this relies on are still there (a plotly upgrade that renames them fails here,
loudly)."""

from __future__ import annotations

import json

import live
import plotly
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from IPython.core.interactiveshell import InteractiveShell

from analysis.panel import widgets
from analysis.panel.plotly_checks import checked_from_now, plotly_checks
from analysis.views import corpus_figures, figures
from analysis.views.menus import outlet_menus


def test_plotly_still_has_the_private_attributes_walked():
    """If this fails, plotly changed how it keeps its validation switch: fix
    ``analysis.panel.plotly_checks`` (or drop the bypass) before upgrading."""
    with plotly_checks(False):
        fig = figures.make_figure(
            [figures.make_trace(go.Scatter, x=[1], y=[2], marker={"color": "red"})],
            {"title": {"text": "t"}, "xaxis": {"title": {"text": "x"}}},
        )
    where = f"plotly {plotly.__version__}"
    assert fig._validate is True, where
    assert isinstance(fig._layout_obj, go.Layout), where
    assert all(a is b for a, b in zip(fig._data_objs, fig.data, strict=True)), where
    for obj in (fig.layout, fig.data[0]):
        assert isinstance(obj._compound_props, dict), where
        assert isinstance(obj._compound_array_props, dict), where
        assert obj._validate is True, where
    assert fig.data[0].marker._validate is True, where
    with pytest.raises(ValueError):  # checked again: a bad value is refused
        fig.update_layout(height="tall")
    with pytest.raises(ValueError):
        fig.data[0].marker.color = "no such colour"
    with plotly_checks(False):
        raw = go.Scatter(x=[1], marker={"size": "big"}, _validate=False)
    assert raw._validate is False  # plotly still takes the switch at construction
    checked_from_now(raw)
    with pytest.raises(ValueError):
        raw.marker.size = "huge"


NOTEBOOK_CODE = sorted(live.NOTEBOOKS.glob("[0-9]*.py"))


@pytest.mark.parametrize("notebook", NOTEBOOK_CODE, ids=lambda p: p.stem)
def test_live_figures_equal_the_checked_ones(fixture_tables, notebook):
    """The panel builds figures without plotly's value checks; reports build them checked.
    Both must send the same figure, filtered or not."""
    InteractiveShell.instance()
    panel = live.live_panel(notebook, fixture_tables)
    outlet = fixture_tables.documents["outlet"].value_counts().index[0]
    figures = 0
    for state in ({}, {"outlets": [outlet]}):
        filtered = widgets.filter_tables(fixture_tables, **state)
        for view in (slot.view for slot in panel._views):
            with outlet_menus(False):
                checked = view(filtered)
                with plotly_checks(False):
                    unchecked = view(filtered)
            if isinstance(checked, go.Figure):
                figures += 1
                assert json.loads(pio.to_json(unchecked)) == json.loads(pio.to_json(checked))
    assert figures >= 2


def test_changes_to_an_unchecked_figure_are_checked(small_tables):
    """A live view may change a figure the package built without plotly's checks."""

    def view(t):
        fig = corpus_figures.articles_over_time(t.documents)
        fig.update_layout(title="My title", xaxis_title="Day", legend_title="L")
        fig.update_traces(marker_color="red")
        fig.layout.yaxis.title = "Articles"
        return json.loads(pio.to_json(fig))

    checked = view(small_tables)
    with plotly_checks(False):
        unchecked = view(small_tables)
    assert unchecked == checked
    assert checked["layout"]["title"] == {"text": "My title"}
