"""analysis.views.rows: typed empty frames and column names beside fixed ones."""

from __future__ import annotations

from analysis.views.rows import ROW_DTYPES, empty_frame, free_names


def test_empty_frame_has_the_columns_and_dtypes():
    frame = empty_frame(["a", "start", "date"], ROW_DTYPES)
    assert frame.empty and list(frame.columns) == ["a", "start", "date"]
    assert [str(t) for t in frame.dtypes] == ["object", "int64", "datetime64[ns]"]


def test_free_names_suffix_names_taken_by_fixed_columns():
    names = free_names(["n", "agreement", "x", "x"], ["agreement", "x (o)"], suffix=" (o)")
    assert names == ["n", "agreement (o)", "x", "x (o) (o)"]
