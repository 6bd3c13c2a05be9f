"""analysis.views.providers and the panel's versions of them: every provider gives the same
result with the panel's memoised or index-based version installed as with the plain pandas
function, on the fixture corpus and on the seeds, unfiltered and filtered."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

import analysis.views
from analysis.panel import widgets
from analysis.pipeline.run import tag
from analysis.report.notebook import load_actors
from analysis.views import (
    figures,
    hovers,
    labels,
    mention_codes,
    position_data,
    providers,
    rows,
    stance_data,
)
from analysis.views.mention_codes import MentionIndex

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _all_providers() -> dict[str, object]:
    """Every provider defined in ``analysis.views``, by its key."""
    found = {}
    for info in pkgutil.iter_modules(analysis.views.__path__):
        module = importlib.import_module(f"analysis.views.{info.name}")
        for value in vars(module).values():
            key = getattr(value, "key", None)
            if callable(value) and getattr(value, "plain", None) is not None and key:
                found[key] = value
    return found


def _index_calls(tables) -> list[tuple]:
    """Calls of the index providers on the index of ``tables`` (plain, so both ways read
    the same index)."""
    with providers.plain_only():
        ix = mention_codes.mention_index(tables)
    return [
        (mention_codes.document_firsts, (ix, None), {}),
        (mention_codes.row_columns, (ix.rows,), {}),
        (mention_codes.row_periods, (ix.rows, "M"), {}),
    ]


def _calls(tables, actors) -> list[tuple]:
    """``(provider, args, kwargs)``: each provider on these tables."""
    docs = tables.documents
    return [
        (rows.doc_positions, (tables.mentions, docs), {}),
        (rows.coded, (tables.sentences, ("section", "section_reason")), {}),
        (rows.listed_codes, (tables.sentences, docs, "section"), {}),
        (rows.duplicate_rows, (docs,), {}),
        (rows.dated_articles, (docs, "MS"), {}),
        (rows.stance_rows, (tables,), {}),
        (rows.table_columns, (tables, "attribution"), {}),
        (rows.claim_rows, (tables,), {}),
        (rows.position_rows, (tables,), {}),
        (stance_data.source_chains, (tables, actors), {}),
        (stance_data.source_chains, (tables, None), {"stances_only": True}),
        (labels.mention_labels, (tables.mentions,), {}),
        (labels.actor_label_maps, (actors,), {}),
        (labels.actor_names, (actors,), {}),
        (labels.actor_names, (None,), {}),
        (labels.label_mentions, (tables,), {}),
        (position_data.holder_surfaces, (rows.position_rows(tables),), {}),
        (mention_codes.mention_index, (tables,), {}),
        (hovers.remembered, (hovers.date_text, pd.Timestamp("2020-01-02")), {}),
        (figures.make_trace, (go.Bar,), {"x": [1, 2], "y": [3, 4]}),
        (figures.make_figure, ([go.Bar(x=[1])], {"title": "t"}), {}),
    ]


#: Providers whose panel version, on filtered tables, reads the unfiltered table on
#: purpose (labels stay the same whatever the filter; a table is not cut for its columns).
READS_UNFILTERED = {labels.mention_labels.key, labels.label_mentions.key, rows.table_columns.key}


def _decoded(coded: dict) -> dict:
    # a filtered frame's codes may stand for the unfiltered frame's values: compare values
    return {
        c: np.asarray(uniques, dtype=object)[codes].tolist() if len(codes) else []
        for c, (codes, uniques) in coded.items()
    }


def _index_view(ix: MentionIndex) -> dict:
    """What views read of an index (a filtered one shares the unfiltered rows)."""
    return {
        "rows": ix.frame().reset_index(drop=True),
        "actor": ix.actor_ids[ix.actor].tolist(),
        "outlet": ix.outlet_ids[ix.outlet].tolist(),
        "doc": ix.doc,
        "sentence": pd.factorize(ix.sentence)[0],
    }


def assert_same(a, b, where: str = "") -> None:
    """Equal results: frames, arrays, plotly objects, nested containers."""
    if isinstance(a, MentionIndex):
        return assert_same(_index_view(a), _index_view(b), where)
    if isinstance(a, pd.DataFrame):
        return pd.testing.assert_frame_equal(a, b, obj=where or "DataFrame")
    if isinstance(a, pd.Series):
        return pd.testing.assert_series_equal(a, b, obj=where or "Series")
    if isinstance(a, pd.Index):
        return pd.testing.assert_index_equal(a, b, obj=where or "Index")
    if isinstance(a, np.ndarray):
        return np.testing.assert_array_equal(a, b, err_msg=where)
    if hasattr(a, "to_plotly_json"):
        return assert_same(a.to_plotly_json(), b.to_plotly_json(), where)
    if isinstance(a, dict):
        assert type(a) is type(b) and list(a) == list(b), where
        for k in a:
            assert_same(a[k], b[k], f"{where}[{k!r}]")
        return None
    if isinstance(a, (tuple, list)):
        assert type(a) is type(b) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{where}[{i}]")
        return None
    assert (a == b) or (a is None and b is None), where
    return None


@pytest.fixture(scope="module")
def seeds_tables():
    return tag(SEEDS)


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def _both_ways(tables, actors, *, filtered: bool) -> None:
    for provider, args, kwargs in [*_calls(tables, actors), *_index_calls(tables)]:
        if filtered and provider.key in READS_UNFILTERED:
            continue
        fast = provider(*args, **kwargs)
        again = provider(*args, **kwargs)  # from the panel's memory this time
        with providers.plain_only():
            plain = provider(*args, **kwargs)
        if provider.key == rows.coded.key or provider.key == rows.listed_codes.key:
            fast, again, plain = (
                _decoded(r if isinstance(r, dict) else {"c": r}) for r in (fast, again, plain)
            )
        assert_same(fast, plain, provider.key)
        assert_same(again, plain, provider.key)


@pytest.mark.parametrize("corpus", ["fixture", "seeds"])
def test_each_provider_gives_the_plain_result(corpus, fixture_tables, seeds_tables, actors):
    tables = fixture_tables if corpus == "fixture" else seeds_tables
    _both_ways(tables, actors, filtered=False)


@pytest.mark.parametrize("lazy", [False, True])
@pytest.mark.parametrize("corpus", ["fixture", "seeds"])
def test_each_provider_gives_the_plain_result_on_filtered_tables(
    corpus, lazy, fixture_tables, seeds_tables, actors
):
    tables = fixture_tables if corpus == "fixture" else seeds_tables
    outlet = tables.documents["outlet"].value_counts().index[0]
    first = tables.documents["date"].dropna().min()
    for state in ({"outlets": [outlet]}, {"start": first, "end": first + pd.DateOffset(days=90)}):
        _both_ways(widgets.filter_tables(tables, lazy=lazy, **state), actors, filtered=True)


def test_every_provider_is_compared(fixture_tables, actors):
    tested = {p.key for p, _, _ in [*_calls(fixture_tables, actors), *_index_calls(fixture_tables)]}
    every = _all_providers()
    assert set(every) == tested
    for key, provider in every.items():
        assert providers.provider_key(provider) == key


def test_an_installed_version_is_called_with_the_plain_function():
    @providers.provider
    def double(x: int) -> int:
        return 2 * x

    calls = []

    def fast(plain, x: int) -> int:
        calls.append(x)
        return plain(x)

    assert double(3) == 6 and not calls
    providers.install(double, fast)
    assert double(4) == 8 and calls == [4]
    with providers.plain_only():
        assert double(5) == 10 and calls == [4]
    assert double(6) == 12 and calls == [4, 6]
    with pytest.raises(TypeError):
        providers.provider_key(lambda: None)


def test_the_index_of_filtered_tables_is_cut_from_the_whole(fixture_tables):
    filtered = widgets.filter_tables(fixture_tables, outlets=["unknown"])
    ix = mention_codes.mention_index(filtered)
    assert ix.base is not None  # cut, not built again
    assert ix.rows is mention_codes.mention_index(fixture_tables).rows
