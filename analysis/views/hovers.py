"""Hover texts: the evidence behind a figure's numbers (an example sentence cut around
the match, with its outlet, date and document id), escaped for plotly."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import pandas as pd

from analysis.text import safety
from analysis.views.providers import provider

SNIPPET_CHARS = 140


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of ``text`` around ``start:end`` (raw, not escaped)."""
    pad = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - pad), min(len(text), end + pad)
    return ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")


@provider
def remembered(make: Callable[..., str], *args: Hashable) -> str:
    """``make(*args)``: a hover text. The live panel installs a version that remembers it
    under ``(make, *args)`` (it shows mostly the same points again after a filter change),
    so ``args`` must be everything the hover depends on, and hashable."""
    return make(*args)


def date_text(value: object) -> str:
    """A date as ``YYYY-MM-DD``, or ``undated``."""
    return "undated" if safety.is_missing(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def evidence_hover(row: pd.Series, *, header: str = "") -> str:
    """Hover text: ``header``, outlet · date · doc id, and the evidence snippet.

    ``row`` needs ``outlet``, ``date``, ``doc_id`` and either ``snippet`` (raw text) or
    the mention row's ``sentence``, ``sent_start``, ``start`` and ``end`` (the snippet is
    then cut here: only the rows shown as evidence pay for it).
    """
    meta = " · ".join(
        [
            safety.plotly_text(row["outlet"]),
            date_text(row["date"]),
            safety.escape_plotly(row["doc_id"]),
        ]
    )
    lines = [header] if header else []
    if "snippet" in row:
        text = row["snippet"]
    elif safety.is_missing(row["sent_start"]):  # a mention without its sentence row
        text = row.get("surface", "")
    else:
        s_start = int(row["sent_start"])
        text = snippet(row["sentence"], int(row["start"]) - s_start, int(row["end"]) - s_start)
    lines += [meta, safety.plotly_lines(text, width=70)]
    return "<br>".join(lines)
