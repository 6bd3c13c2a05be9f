"""The tables of one tagged corpus: ``Tables`` and the names of its tables.

``documents`` and ``sentences`` come from the loader (``analysis.load.corpus``); the
tagging stages add ``mentions``, ``attribution``, ``stances`` and ``positions``
(``analysis.pipeline.stages``). Columns: ``docs/tables.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

#: Tables written by ``analysis tag``, in pipeline order.
TABLE_NAMES = (
    "documents",
    "sentences",
    "mentions",
    "attribution",
    "stances",
    "positions",
)


#: Tables the tagging stages make (everything after loading).
STAGE_TABLES = TABLE_NAMES[2:]


@dataclass
class Tables:
    """Every table of one tagged corpus, plus where it came from."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    rejected: pd.DataFrame
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution: pd.DataFrame = field(default_factory=pd.DataFrame)
    stances: pd.DataFrame = field(default_factory=pd.DataFrame)
    positions: pd.DataFrame = field(default_factory=pd.DataFrame)
    corpus_path: str = ""
    versions: dict[str, str] = field(default_factory=dict)

    def defer(self, name: str, make: Callable[[], pd.DataFrame]) -> None:
        """Leave table ``name`` unset until first read, then set it to ``make()``.

        ``widgets.filter_tables(..., lazy=True)`` (a filter panel's) cuts each table
        this way: a panel's views read two or three of the tables, and cutting the others
        on every change of a control cost more than some views (40-60 ms on 31k
        articles). Until then ``make`` may hold the unfiltered tables.
        """
        self.__dict__.pop(name, None)
        self.__dict__.setdefault("_deferred", {})[name] = make

    def pending(self, name: str) -> Callable[[], pd.DataFrame] | None:
        """The maker of table ``name`` while it is deferred and not yet made, else None."""
        if name in self.__dict__:
            return None
        return self.__dict__.get("_deferred", {}).get(name)

    def __getattr__(self, name: str):
        # Reached only for a name the instance does not hold: a deferred table.
        deferred = self.__dict__.get("_deferred", {})
        make = deferred.get(name)
        if make is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        table = self.__dict__[name] = make()
        del deferred[name]  # its maker may hold the unfiltered table: let it go
        if not deferred:
            del self.__dict__["_deferred"]
        return table

    def __getstate__(self) -> dict:
        # Copies and pickles hold every table, made, and nothing of the unfiltered tables.
        for name in list(self.__dict__.get("_deferred", {})):
            getattr(self, name)
        return dict(self.__dict__)

    def summary(self) -> str:
        """One line: how many of each table."""
        parts = [f"{len(self.documents)} documents"]
        parts += [f"{len(getattr(self, n))} {n}" for n in TABLE_NAMES[1:]]
        parts.append(f"{len(self.rejected)} rejected")
        return ", ".join(parts)


def sentence_slicer(doc_ids: pd.Series, sents: pd.DataFrame):
    """A function ``(i, j) → the sentences of documents i..j-1`` (positions in ``doc_ids``).

    Sentences grouped in document order (as loaded) are cut by position; others are
    selected by doc_id.
    """
    keys = document_positions(sents, doc_ids)
    if len(keys) and (np.diff(keys) >= 0).all() and keys[0] >= 0:
        return lambda i, j: sents.iloc[np.searchsorted(keys, i) : np.searchsorted(keys, j)]
    ids = doc_ids.astype(str).to_numpy()
    return lambda i, j: sents[sents["doc_id"].astype(str).isin(ids[i:j])]


def document_positions(frame: pd.DataFrame, doc_ids: pd.Series) -> np.ndarray:
    """Per row of ``frame``, the position of its ``doc_id`` in ``doc_ids`` (-1: not there)."""
    return pd.Index(doc_ids.astype(str)).get_indexer(frame["doc_id"].astype(str))


def in_document_order(frame: pd.DataFrame, doc_ids: pd.Series) -> pd.DataFrame:
    """``frame`` stably sorted by the position of its ``doc_id`` in ``doc_ids``."""
    if frame.empty or "doc_id" not in frame:
        return frame.reset_index(drop=True)
    keys = document_positions(frame, doc_ids)
    keys[keys < 0] = len(doc_ids)  # rows of unknown documents go last
    order = np.argsort(keys, kind="stable")
    if (order == np.arange(len(order))).all():
        return frame.reset_index(drop=True)
    return frame.iloc[order].reset_index(drop=True)
