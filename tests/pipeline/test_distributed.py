"""``--engine dask`` on a 2-worker LocalCluster gives the in-process tables."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.pipeline import run, tableset

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")


def test_dask_engine_matches_inprocess(fixture_tables):
    from analysis.pipeline.distributed import tag_with_dask

    loaded = tableset.Tables(
        documents=fixture_tables.documents,
        sentences=fixture_tables.sentences,
        rejected=fixture_tables.rejected,
    )
    # Two documents per partition: several partitions on two worker processes.
    on_dask = tag_with_dask(loaded, n_workers=2, chunk_size=2)
    for name in tableset.TABLE_NAMES[2:]:
        pd.testing.assert_frame_equal(getattr(on_dask, name), getattr(fixture_tables, name))


def test_unknown_engine_is_an_error(fixture_corpus):
    with pytest.raises(ValueError, match="unknown engine"):
        run.tag(fixture_corpus, engine="spark")
