"""CSV and Excel exports that a spreadsheet cannot turn into formulas.

A cell from the data that starts with ``= + - @``, a tab or a carriage return is read as a
formula by Excel/LibreOffice (``=HYPERLINK("http://evil", "click")``); such text cells get
a leading ``'``. Numeric columns are left alone, and so is text that is just a number
(``-5``, ``+3.5``), so counts and scores stay numbers. Bidi and zero-width characters are
stripped (``analysis.text.safety.clean``): exports are for reading — note that this can shift
character offsets, so use the Parquet tables when offsets matter.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.text import safety

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: object) -> object:
    """One cell made inert for spreadsheets; non-text values are returned unchanged."""
    if not isinstance(value, str):
        return value
    # Clean first, so a bidi or zero-width mark in front of "=" cannot hide it.
    text = safety.clean(value)
    if text.startswith(FORMULA_START) and not _NUMBER_RE.fullmatch(text):
        return "'" + text
    return text


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every text cell, column name and index label neutralised."""
    out = df.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])):
            if pd.api.types.is_datetime64_any_dtype(out[col]):
                continue
            out[col] = out[col].map(neutralise, na_action="ignore")
    out.columns = _neutral_labels(out.columns, as_text=True)
    out.index = _neutral_labels(out.index)
    return out


def _neutral_labels(labels: pd.Index, *, as_text: bool = False) -> pd.Index:
    """Index or column labels neutralised, every level of a MultiIndex included."""

    def one(v: object) -> object:
        return neutralise(str(v) if as_text else v)

    if isinstance(labels, pd.MultiIndex):
        tuples = [tuple(one(v) for v in t) for t in labels]
        names = [None if n is None else neutralise(str(n)) for n in labels.names]
        return pd.MultiIndex.from_tuples(tuples, names=names)
    if not as_text and pd.api.types.is_numeric_dtype(labels):
        return labels
    name = None if labels.name is None else neutralise(str(labels.name))
    return pd.Index([one(v) for v in labels], name=name)


def to_safe_csv(df: pd.DataFrame, path: str | Path, *, index: bool = False) -> Path:
    """Write ``df`` as UTF-8 CSV (with BOM, so Excel reads Arabic) after neutralising."""
    path = Path(path)
    # CRLF rows make the csv writer quote any cell holding a bare CR, which a spreadsheet
    # would otherwise take for the end of the row (and read what follows unneutralised).
    neutralise_frame(df).to_csv(path, index=index, encoding="utf-8-sig", lineterminator="\r\n")
    return path


def to_safe_excel(df: pd.DataFrame, path: str | Path, *, index: bool = False) -> Path:
    """Write ``df`` as .xlsx after neutralising (needs ``openpyxl``)."""
    try:
        import openpyxl  # noqa: F401  (pandas' writer; checked here for a clear message)
    except ImportError as exc:
        raise RuntimeError("Excel export needs openpyxl: pip install openpyxl") from exc
    path = Path(path)
    neutralise_frame(df).to_excel(path, index=index)
    return path
