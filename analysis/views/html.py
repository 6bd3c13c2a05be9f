"""HTML tables for the notebooks and reports: escaped and right to left where the text is.

``render`` turns a DataFrame into an ``HtmlTable``: HTML in which every cell and label went
through ``analysis.text.safety.escape_html`` and columns that hold Arabic carry
``dir="rtl"`` (pandas tables are left-to-right, so trailing punctuation jumps to the start
of an Arabic sentence), and a plain-text form for logs and nbval. We write the HTML
ourselves rather than via ``Styler`` because a Styler cannot put ``dir`` on cells and
escapes nothing unless asked.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from analysis.text import safety


def rtl_columns(df: pd.DataFrame, share: float = 0.3) -> list[str]:
    """Columns where at least ``share`` of the non-empty text cells hold Arabic."""
    out = []
    for col in df.columns:
        values = [v for v in df[col].tolist() if isinstance(v, str) and v.strip()]
        if values and sum(map(_arabic, values)) / len(values) >= share:
            out.append(col)
    return out


@functools.lru_cache(maxsize=30_000)
def _arabic(text: str) -> bool:
    # remembered as the cells are (see _cell): a live panel shows the same texts again
    return safety.has_arabic(text)


def _format(value: object) -> str:
    if safety.is_missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1e15 else str(value)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else str(value)
    return str(value)


@functools.lru_cache(maxsize=30_000)
def _cell(value: object, mode: str, side: str) -> str:
    """One ``<td>``: the same texts come back on every filter change of a live panel, so
    their escaped HTML is remembered (30,000 cells: a few panel updates' worth, some
    megabytes)."""
    text = safety.escape_html(_format(value))
    if mode == "rtl":
        # Latin text in an Arabic column keeps its own order, aligned with the rest.
        cell_dir = "rtl" if safety.has_arabic(value) or not text else "ltr"
        return f'<td dir="{cell_dir}" style="text-align:{side}">{text}</td>'
    if mode == "align":
        return f'<td dir="auto" style="text-align:{side}">{text}</td>'
    if isinstance(value, str):
        return f'<td dir="auto">{text}</td>'
    return f"<td>{text}</td>"


def render(
    df: pd.DataFrame,
    *,
    rtl: list[str] | None = None,
    caption: str | None = None,
    max_rows: int = 200,
    index: bool = False,
    direction: str | None = None,
    align: dict[str, str] | None = None,
    empty: str | None = None,
) -> HtmlTable:
    """Escaped HTML for ``df``; columns in ``rtl`` (default: detected) get ``dir="rtl"``.

    ``direction="rtl"`` lays the whole table out right to left (first column rightmost);
    ``align`` sets ``text-align`` per column (KWIC contexts hug the match). ``empty`` is
    what an empty ``df`` says, after the caption (the column headers are kept).
    """
    if empty and df.empty:
        caption = f"{caption} — {empty}" if caption else empty
    align = align or {}
    frame = df.reset_index() if index else df
    shown = frame.head(max_rows)
    rtl_cols = set(rtl_columns(shown) if rtl is None else rtl)  # the rows that are shown
    head = "".join(
        f"<th{' dir=' + chr(34) + 'rtl' + chr(34) if c in rtl_cols else ''}>"
        f"{safety.escape_html(c)}</th>"
        for c in shown.columns
    )
    rows = []
    # object arrays, not itertuples: iterating Arrow-backed string columns cell by cell
    # cost more than the HTML itself
    columns = [shown[c].to_numpy(dtype=object) for c in shown.columns]
    modes = [
        ("rtl", align.get(c, "right")) if c in rtl_cols else ("align", align[c]) if c in align
        else ("", "")
        for c in shown.columns
    ]  # fmt: skip
    for values in zip(*columns, strict=True) if columns else [()] * len(shown):
        cells = []
        for mode, value in zip(modes, values, strict=True):
            # text only: numbers and dates that compare equal can print differently
            # (-0.0 and 0.0; one instant in two time zones)
            cell = _cell if type(value) is str else _cell.__wrapped__
            cells.append(cell(value, *mode))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = len(frame) - len(shown)
    note = f"<p><em>{more:,} more rows not shown.</em></p>" if more > 0 else ""
    table_dir = ' dir="rtl"' if direction == "rtl" else ""
    # dir="auto": an English caption over a right-to-left table keeps its full stop at the
    # end; a wide table scrolls inside its output instead of running past it
    cap = f'<caption dir="auto">{safety.escape_html(caption)}</caption>' if caption else ""
    html = (
        f'<div class="analysis-table"{table_dir} style="overflow-x:auto;max-width:100%">'
        f"<table>{cap}<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{note}</div>"
    )
    return HtmlTable(frame=shown, html=html)


KWIC_LAYOUT = {"direction": "rtl", "align": {"before": "left", "after": "right"}}


@dataclass(frozen=True)
class HtmlTable:
    """A rendered table: HTML for notebooks and reports, plain text for logs and nbval."""

    frame: pd.DataFrame
    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        if self.frame.empty:
            return "(no rows)"
        text = self.frame.map(lambda v: safety.clean(_format(v)))
        return text.to_string(index=False)
