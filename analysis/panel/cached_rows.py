"""The panel's versions of the views' row providers: rows computed once for the unfiltered
tables and cut for a filter, and labels computed once per frame.

Installed onto ``analysis.views.rows``, ``labels``, ``stance_data`` and ``position_data``
when ``analysis.panel`` is imported. A live filter panel re-runs every view on each filter
change; every view of one update reads the same filtered tables, and the rows of a
filtered set are the unfiltered rows of its kept documents (``framecache.cached_rows_of``):
a filter change then costs a selection, not a join. Each version gives what the plain
function gives (``tests/panel/test_providers.py``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.panel import framecache
from analysis.views import labels, position_data, rows, stance_data
from analysis.views.providers import install


def doc_positions(_plain, frame: pd.DataFrame, documents: pd.DataFrame) -> np.ndarray:
    """``rows.doc_positions``, once per pair of frames."""
    return framecache.doc_positions(frame, documents)


def coded(_plain, frame: pd.DataFrame, columns: tuple[str, ...]) -> dict:
    """``rows.coded``; for a filtered frame the unfiltered frame's codes are cut, so a
    value's code is the same whatever the filter (some may not occur)."""

    def cut(whole: dict, keep: np.ndarray, documents: pd.DataFrame) -> dict:
        docs, ids = whole["doc_id"]
        at = np.where(docs >= 0, rows.document_positions(ids, documents)[docs], -1)
        kept = np.flatnonzero((at >= 0) & keep[at])  # -1: a document not listed
        return {c: (codes[kept], uniques) for c, (codes, uniques) in whole.items()}

    name = f"coded:{'|'.join(columns)}"
    return framecache.cached_cut(name, (frame,), lambda f: _plain(f, columns), cut)


def listed_codes(plain, frame: pd.DataFrame, documents: pd.DataFrame, column: str) -> tuple:
    """``rows.listed_codes``: a frame cut by a filter holds only listed documents, so its
    codes need no look-up of its documents."""
    if framecache.subset_of(frame) is None:
        return plain(frame, documents, column)
    return rows.coded(frame, (column,))[column]


def duplicate_rows(plain, documents: pd.DataFrame) -> pd.DataFrame:
    """``rows.duplicate_rows``: every group of two or more in the whole corpus, sorted
    once; a filtered set's groups are among them, in the same order."""
    return framecache.cached_rows("duplicate_groups", (documents,), plain)


def dated_articles(plain, documents: pd.DataFrame, freq: str) -> pd.DataFrame:
    """``rows.dated_articles``, sorted once per corpus and cut for a filter."""
    return framecache.cached_rows(f"dated_articles:{freq}", (documents,), lambda d: plain(d, freq))


def stance_rows(plain, tables: Any) -> pd.DataFrame:
    """``rows.stance_rows``, shared by every view of a panel update and cut from the
    unfiltered rows."""
    st = rows.stances_of(tables)
    if framecache.has_table(tables, "sentences") and st is getattr(tables, "stances", None):
        names = ("stances", "sentences")
        return framecache.cached_rows_of("stance_rows", tables, names, rows.join_stance_rows)
    return plain(tables)


def table_columns(_plain, tables: Any, name: str) -> pd.Index | None:
    """``rows.table_columns`` of a table still to be cut read from its parent, uncut."""
    if not framecache.has_table(tables, name):
        return None
    return framecache.uncut(tables, name).columns


def claim_rows(plain, tables: Any) -> pd.DataFrame:
    """``rows.claim_rows``, per document, so cut from the unfiltered tables' rows on a
    filter change (the filtered attribution table itself is never cut)."""
    if rows.stances_of(tables) is getattr(tables, "stances", None):
        names = ("attribution", "documents", "stances")
        return framecache.cached_rows_of("claim_rows", tables, names, rows.join_claim_rows)
    return plain(tables)


def position_rows(plain, tables: Any) -> pd.DataFrame:
    """``rows.position_rows``, shared by every view of a panel update and cut from the
    unfiltered rows."""
    names = ("positions", "sentences")
    if not all(framecache.has_table(tables, n) for n in names):
        return plain(tables)
    return framecache.cached_rows_of("position_rows", tables, names, rows.join_position_rows)


def source_chains(plain, tables: Any, actors=None, *, stances_only: bool = False) -> pd.DataFrame:
    """``stance_data.source_chains``: the sankey and the table of one panel update share
    it (treat it as read-only)."""
    names = ("attribution", "documents", "stances")
    if not all(framecache.has_table(tables, n) for n in names):
        return plain(tables, actors, stances_only=stances_only)
    frames = (*(framecache.uncut(tables, n) for n in names), tables.documents)
    key = (*frames, *([actors] if isinstance(actors, pd.DataFrame) else []))
    return framecache.cached(
        f"source_chains:{stances_only}:{actors is None}",
        key,
        lambda: plain(tables, actors, stances_only=stances_only),
    )


def mention_labels(plain, mentions: pd.DataFrame) -> tuple[dict, dict]:
    """``labels.mention_labels`` once per frame; for a filtered frame, those of the
    unfiltered one, so an actor keeps its label whatever the filter."""
    parent = framecache.subset_of(mentions)
    if parent is not None:
        return labels.mention_labels(parent[0])
    return framecache.cached("mention_labels", (mentions,), lambda: plain(mentions))


def actor_label_maps(plain, actors: pd.DataFrame) -> tuple[dict, dict]:
    """``labels.actor_label_maps`` once per frame: every figure of an update names its
    actors."""
    return framecache.cached("actor_labels", (actors,), lambda: plain(actors))


def actor_names(plain, actors: pd.DataFrame | None) -> labels.Names:
    """``labels.actor_names`` once per frame: the same object for every view, so hovers
    remembered under it are found by identity."""
    if not isinstance(actors, pd.DataFrame):
        return plain(actors)
    return framecache.cached("actor_names", (actors,), lambda: plain(actors))


def label_mentions(_plain, tables: Any) -> pd.DataFrame | None:
    """``labels.label_mentions``: a table still to be cut is not cut for its labels (they
    come from the unfiltered table anyway)."""
    return framecache.uncut(tables, "mentions")


def holder_surfaces(plain, moves: pd.DataFrame) -> pd.DataFrame:
    """``position_data.holder_surfaces``: the same frame for the same rows, so the labels
    made from it are made once."""
    return framecache.cached("holder_surfaces", (moves,), lambda: plain(moves))


install(rows.doc_positions, doc_positions)
install(rows.coded, coded)
install(rows.listed_codes, listed_codes)
install(rows.duplicate_rows, duplicate_rows)
install(rows.dated_articles, dated_articles)
install(rows.stance_rows, stance_rows)
install(rows.table_columns, table_columns)
install(rows.claim_rows, claim_rows)
install(rows.position_rows, position_rows)
install(stance_data.source_chains, source_chains)
install(labels.mention_labels, mention_labels)
install(labels.actor_label_maps, actor_label_maps)
install(labels.actor_names, actor_names)
install(labels.label_mentions, label_mentions)
install(position_data.holder_surfaces, holder_surfaces)
