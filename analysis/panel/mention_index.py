"""The mention index of ``analysis.views.mention_codes``, built once per set of tables.

Installed onto the views' providers when ``analysis.panel`` is imported. Tables made by
``analysis.panel.widgets.filter_tables`` are not indexed again: their index is the
unfiltered tables' index restricted to the kept documents (``framecache.subset_of``), so
the order, and with it every piece of evidence, is the same as indexing them afresh. The
per-row arrays a view derives from an index (first mention per document, columns as
object arrays, period codes) are computed once per index.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from analysis.panel import framecache
from analysis.views import mention_codes
from analysis.views.mention_codes import MentionIndex
from analysis.views.providers import install


def _cut(whole: MentionIndex, keep: np.ndarray, _documents: pd.DataFrame) -> MentionIndex:
    # whole.doc are positions in the documents whole was made for, which keep is a mask
    # over; the cut's are positions in the kept documents, so that a cut of a cut (a panel
    # on tables a notebook filtered first) reads the right mask
    cut = whole.select(keep[whole.doc])
    return dataclasses.replace(cut, doc=(np.cumsum(keep) - 1)[cut.doc])


def mention_index(_plain, tables: Any) -> MentionIndex:
    """``mention_codes.mention_index`` computed once per set of tables; for tables
    filtered by ``filter_tables``, the unfiltered index cut to the kept documents."""
    names = ("mentions", "sentences", "documents")
    build = mention_codes.build_index
    return framecache.cached_cut_of("mention_index", tables, names, build, _cut)


def document_firsts(
    plain, base: MentionIndex, groups: np.ndarray | None, *, name: str = "actor", actors=None
) -> np.ndarray:
    """``mention_codes.document_firsts``, once per index and grouping (``name``,
    ``actors``)."""
    frames = (base.rows,) if actors is None else (base.rows, actors)
    return framecache.cached(
        f"first_in_document:{name}", frames, lambda: plain(base, groups, name=name, actors=actors)
    )


def row_columns(plain, rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """``mention_codes.row_columns``, once per frame of rows."""
    return framecache.cached("columns", (rows,), lambda: plain(rows))


def row_periods(plain, rows: pd.DataFrame, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """``mention_codes.row_periods``, once per frame of rows and ``freq``."""
    return framecache.cached(f"period:{freq}", (rows,), lambda: plain(rows, freq))


install(mention_codes.mention_index, mention_index)
install(mention_codes.document_firsts, document_firsts)
install(mention_codes.row_columns, row_columns)
install(mention_codes.row_periods, row_periods)
