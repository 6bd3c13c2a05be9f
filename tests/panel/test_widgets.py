"""analysis.panel.widgets: filtering the tables and the shared filter panel."""

from __future__ import annotations

import copy
import dataclasses
from unittest.mock import patch

import pandas as pd
import pytest

from analysis.panel import widgets
from analysis.views import html, mention_figures, mention_tables


@pytest.mark.parametrize(
    ("kwargs", "docs"),
    [
        ({}, ["a1", "a2", "a3", "a4"]),
        ({"outlets": ["الشرق"]}, ["a1", "a2"]),
        ({"start": "2019-01-01"}, ["a2", "a3", "a4"]),
        ({"start": "2019-01-01", "include_undated": False}, ["a2", "a3"]),
        ({"end": "2019-03-02"}, ["a1", "a2", "a4"]),
        ({"outlets": ["Levant Daily"], "include_undated": False}, []),
    ],
)
def test_filter_tables(small_tables, kwargs, docs):
    out = widgets.filter_tables(small_tables, **kwargs)
    assert out.documents["doc_id"].tolist() == docs
    assert set(out.sentences["doc_id"]) == set(docs)
    assert set(out.mentions["doc_id"]) <= set(docs)
    assert len(out.rejected) == len(small_tables.rejected)
    assert len(small_tables.documents) == 4  # the input is not changed


def test_filter_tables_keeps_a_dataclass_type(small_tables):
    @dataclasses.dataclass
    class T:
        documents: pd.DataFrame
        sentences: pd.DataFrame
        corpus_path: str = "x"

    out = widgets.filter_tables(
        T(small_tables.documents, small_tables.sentences), outlets=["الشرق"]
    )
    assert isinstance(out, T) and out.corpus_path == "x" and len(out.documents) == 2


def test_describe_filters_is_clean():
    text = widgets.describe_filters(outlets=["\u202eشرق"], start="2019-01-01")
    assert text == "شرق; dates 2019-01-01 to end; undated articles included"


def test_panel_updates_every_view_on_a_control_change(small_tables):
    panel = widgets.FilterPanel(small_tables)
    seen: list[list[str]] = []
    panel.register(lambda t: seen.append(sorted(t.documents["doc_id"])))
    panel.register(lambda t: seen.append(sorted(t.documents["doc_id"])))
    assert len(seen) == 2
    panel.outlet_select.value = ("الشرق",)
    assert seen[2:] == [["a1", "a2"], ["a1", "a2"]]
    panel.undated.value = False
    assert seen[-1] == ["a1", "a2"]
    panel.outlet_select.value = ()
    assert seen[-1] == ["a1", "a2", "a3"]
    assert "3 of 4 articles" in panel.status.value


def test_panel_date_range(small_tables):
    panel = widgets.FilterPanel(small_tables)
    seen = []
    panel.register(lambda t: seen.append(sorted(t.documents["doc_id"])))
    panel.date_range.index = (1, 2)  # 2019-03-02 .. 2019-03-15
    assert seen[-1] == ["a2", "a3", "a4"]


def test_panel_labels_are_escaped(small_tables):
    panel = widgets.FilterPanel(small_tables)
    panel.outlet_select.value = ('<img src=x onerror="alert(1)">',)
    assert "<img" not in panel.status.value and "&lt;img" in panel.status.value


def test_report_panel_shows_a_view_without_client_form_under_a_note(small_tables):
    panel = widgets.FilterPanel(small_tables, interactive=False, outlets=["الشرق"])
    assert panel.box is None
    shown = panel.register(lambda t: len(t.documents))
    assert shown.result == 2  # the view of the filtered tables, as it is
    html = []
    with patch.object(widgets, "display", lambda obj, **_: html.append(obj)):
        shown._ipython_display_()
    assert "does not follow the filter bar" in html[0].data and html[1] == 2


def test_report_panel_writes_client_views_and_each_row_set_once(small_tables):
    from analysis.views import report_views

    panel = widgets.FilterPanel(small_tables, interactive=False)
    first = panel.register(len, client=report_views.articles_by_outlet_table).data
    second = panel.register(len, client=report_views.articles_over_time).data
    assert 'class="report-view" data-rows="documents"' in first and "report-spec" in second
    assert first.count("report-rows") == 0  # the documents travel with the bar
    moves = [panel.register(len, client=report_views.moves_list).data for _ in range(2)]
    assert moves[0].count('class="report-rows"') == 1 and "report-rows" not in moves[1]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"outlets": ["الشرق"]},
        {"start": "2019-01-01", "end": "2019-03-02"},
        {"outlets": ["Levant Daily", "الشرق"], "include_undated": False},
    ],
)
def test_filter_tables_matches_filtering_by_doc_id_twice(small_tables, kwargs):
    """The position cache gives the rows a doc_id lookup gives, on a first and a second call
    (the cache) — and after the input tables are replaced by others."""
    for _ in range(2):
        out = widgets.filter_tables(small_tables, **kwargs)
        ids = set(out.documents["doc_id"])
        for name in ("sentences", "mentions"):
            frame = getattr(small_tables, name)
            want = frame[frame["doc_id"].isin(ids)].reset_index(drop=True)
            pd.testing.assert_frame_equal(getattr(out, name), want)
    other = copy.copy(small_tables)
    other.mentions = small_tables.mentions.iloc[::-1].reset_index(drop=True)
    out = widgets.filter_tables(other, **kwargs)
    assert set(out.mentions["doc_id"]) <= set(out.documents["doc_id"])
    assert len(out.mentions) == small_tables.mentions["doc_id"].isin(ids).sum()


def test_rows_of_unknown_documents_are_dropped_by_a_filter(small_tables):
    stray = pd.concat(
        [small_tables.mentions, small_tables.mentions.head(1).assign(doc_id="nowhere")],
        ignore_index=True,
    )
    tables = copy.copy(small_tables)
    tables.mentions = stray
    assert "nowhere" not in set(widgets.filter_tables(tables, outlets=["الشرق"]).mentions.doc_id)


def test_a_table_changed_in_place_is_filtered_anew(small_tables):
    tables = copy.copy(small_tables)
    tables.mentions = small_tables.mentions.copy()
    widgets.filter_tables(tables, outlets=["الشرق"])  # positions cached for this frame
    tables.mentions.drop(index=tables.mentions.index[-1], inplace=True)
    tables.mentions.reset_index(drop=True, inplace=True)
    out = widgets.filter_tables(tables, outlets=["الشرق"])
    ids = set(out.documents["doc_id"])
    assert len(out.mentions) == tables.mentions["doc_id"].isin(ids).sum()


def test_live_views_show_only_what_jupyterlab_draws(small_tables):
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()
    with capture_output() as cap:
        widgets.show_live(mention_figures.mentions_by_actor(small_tables))
        widgets.show_live(html.render(mention_tables.mentions_by_actor(small_tables)))
        widgets.show_live(pd.DataFrame({"a": [1]}))
    kinds = [sorted(o.data) for o in cap.outputs]
    assert kinds[0] == ["application/vnd.plotly.v1+json"]  # no HTML copy with plotly.js
    assert kinds[1] == ["text/html"] and "<table>" in cap.outputs[1].data["text/html"]
    assert "text/plain" in kinds[2]  # anything else as IPython shows it


def test_lazily_filtered_tables_are_cut_when_first_read(fixture_tables):
    import pickle

    outlet = fixture_tables.documents["outlet"].value_counts().index[0]
    out = widgets.filter_tables(fixture_tables, outlets=[outlet], lazy=True)
    assert "mentions" not in vars(out) and "sentences" not in vars(out)  # not cut yet
    ids = set(out.documents["doc_id"])
    assert ids and len(ids) < len(fixture_tables.documents)
    for name in ("sentences", "mentions", "attribution", "positions"):
        whole = getattr(fixture_tables, name)
        expected = whole[whole["doc_id"].isin(ids)].reset_index(drop=True)
        pd.testing.assert_frame_equal(getattr(out, name), expected)
    assert "mentions" in vars(out) and out.pending("mentions") is None  # cut once, kept
    assert out.mentions is out.mentions
    out.stances  # noqa: B018  (the last table: nothing of the unfiltered tables is held)
    assert "_deferred" not in vars(out)
    # copies and pickles hold every table, cut
    again = widgets.filter_tables(fixture_tables, outlets=[outlet], lazy=True)
    for copied in (copy.copy(again), pickle.loads(pickle.dumps(again))):
        assert "_deferred" not in vars(copied)
        pd.testing.assert_frame_equal(copied.stances, out.stances)
    assert dataclasses.replace(again).mentions.equals(out.mentions)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        out.nope  # noqa: B018


def test_filtered_tables_hold_nothing_of_the_unfiltered_ones(fixture_corpus):
    """A notebook's filtered tables (report.notebook.open_tables) must not keep the whole corpus."""
    import gc
    import weakref

    from analysis.pipeline import run as pipeline

    tables = pipeline.load_tables(fixture_corpus)
    outlet = tables.documents["outlet"].value_counts().index[0]
    refs = [weakref.ref(getattr(tables, n)) for n in ("sentences", "mentions", "attribution")]
    out = widgets.filter_tables(tables, outlets=[outlet])
    assert all(n in vars(out) for n in ("sentences", "mentions", "positions"))  # cut at once
    del tables
    gc.collect()
    assert [r() for r in refs] == [None, None, None]
    assert len(out.mentions)


@pytest.mark.parametrize("lazy", [False, True])
def test_filtering_filtered_tables(fixture_tables, lazy):
    """A panel (lazy) on tables a notebook filtered first, the whole tables still alive."""

    # the first filter drops the first article, so positions in the whole documents and
    # in the filtered ones differ; the second keeps only the last article's outlet
    outlets = list(dict.fromkeys(fixture_tables.documents["outlet"].iloc[1:]))
    assert fixture_tables.documents["outlet"].iloc[0] not in outlets
    first = widgets.filter_tables(fixture_tables, outlets=outlets)
    twice = widgets.filter_tables(first, outlets=outlets[-1:], lazy=lazy)
    once = widgets.filter_tables(fixture_tables, outlets=outlets[-1:])
    for name in ("documents", "sentences", "mentions", "stances", "positions"):
        pd.testing.assert_frame_equal(getattr(twice, name), getattr(once, name))
    # views that cut the unfiltered mention index: the same counts and evidence
    fresh = copy.deepcopy(once)  # no record of any filter: indexed afresh
    pd.testing.assert_frame_equal(
        mention_tables.mentions_by_actor(twice), mention_tables.mentions_by_actor(fresh)
    )
    pd.testing.assert_frame_equal(
        mention_tables.cooccurrence(twice), mention_tables.cooccurrence(fresh)
    )
    a, b = mention_figures.mentions_by_actor(twice), mention_figures.mentions_by_actor(fresh)
    assert a.to_json() == b.to_json()


def test_date_range_is_read_in_the_status_line_not_the_glued_readout(small_tables):
    panel = widgets.FilterPanel(small_tables)
    assert panel.date_range.readout is False
    panel.date_range.index = (1, 2)
    assert "dates 2019-03-02 to 2019-03-15" in panel.status.value


def test_quick_changes_in_a_running_kernel_make_one_update(small_tables):
    import asyncio

    panel = widgets.FilterPanel(small_tables)
    runs = []
    panel.register(lambda t: runs.append(len(t.documents)))
    outlets = ["الشرق", "Levant Daily"]

    async def clicks():
        for k in range(4):  # as four quick clicks in the outlet list would
            panel.outlet_select.value = (outlets[k % 2],)
        await asyncio.sleep(widgets.COALESCE_SECONDS * 3)

    asyncio.run(clicks())
    # the first render; the first click at once; one update for the three that followed
    assert len(runs) == 3
    assert panel.state["outlets"] == ["Levant Daily"]


def test_a_change_that_keeps_the_same_articles_redraws_nothing(small_tables):
    panel = widgets.FilterPanel(small_tables)
    runs = []
    panel.register(lambda t: runs.append(len(t.documents)))
    panel.set_filters(outlets=list(small_tables.documents["outlet"].unique()))  # = all
    assert len(runs) == 1
    panel.set_filters(outlets=["الشرق"])
    assert len(runs) == 2
