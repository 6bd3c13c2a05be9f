"""analysis.pipeline.export: spreadsheet exports cannot run formulas from the data."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.pipeline import export


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ('=HYPERLINK("http://evil","انقر")', '\'=HYPERLINK("http://evil","انقر")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\u202e=1", "'=1"),  # a bidi mark cannot hide the formula
        ("-5", "-5"),  # text that is just a number stays a number
        ("+3.5", "+3.5"),
        ("إيران", "إيران"),
        ("a=b", "a=b"),
    ],
)
def test_neutralise(raw, safe):
    assert export.neutralise(raw) == safe


@pytest.mark.parametrize("value", [-5, -2.5, 0, None])
def test_non_text_is_untouched(value):
    assert export.neutralise(value) == value


def test_frame_keeps_numeric_columns_numeric(tmp_path):
    df = pd.DataFrame(
        {
            "title": ["=1+1", "خبر"],
            "score": [-5, 3],
            "delta": [-0.5, 1.0],
            "date": pd.to_datetime(["2019-01-01", None]),
        }
    )
    out = export.neutralise_frame(df)
    assert out["title"].tolist() == ["'=1+1", "خبر"]
    assert out["score"].tolist() == [-5, 3] and out["score"].dtype.kind == "i"
    assert out["delta"].dtype.kind == "f"
    path = export.to_safe_csv(df, tmp_path / "x.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "'=1+1" in text and ",-5," in text
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["score"].tolist() == [-5, 3]


def test_column_names_are_neutralised():
    out = export.neutralise_frame(pd.DataFrame({"=cmd": ["x"]}))
    assert list(out.columns) == ["'=cmd"]


def test_multiindex_labels_are_neutralised_on_every_level(tmp_path):
    index = pd.MultiIndex.from_tuples(
        [("=HYPERLINK(1)", "a"), ("ok", "@SUM(A1)")], names=["x", "y"]
    )
    columns = pd.MultiIndex.from_tuples([("+cmd", "n"), ("m", "-2")])
    frame = pd.DataFrame([[1, 2], [3, 4]], index=index, columns=columns)
    out = export.neutralise_frame(frame)
    assert out.index.tolist() == [("'=HYPERLINK(1)", "a"), ("ok", "'@SUM(A1)")]
    assert out.columns.tolist() == [("'+cmd", "n"), ("m", "-2")]  # -2 is a number
    assert out.to_numpy().tolist() == [[1, 2], [3, 4]]
    path = export.to_safe_csv(frame, tmp_path / "m.csv", index=True)
    assert "=HYPERLINK" not in path.read_text(encoding="utf-8-sig").replace("'=HYPERLINK", "")
