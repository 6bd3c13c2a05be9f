"""Results computed from DataFrames, kept while those frames live and look unchanged.

A live filter panel re-runs every view on the same filtered tables; a join or an index
computed once per set of frames (not once per view, not once per filter change) keeps a
panel update fast on tens of thousands of articles. The tables are treated as read-only:
a frame changed in place keeps its identity, so each entry also records the frames'
lengths and columns and is recomputed when those differ.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from analysis.views.rows import document_positions

# (cache name, id of each frame) -> (weak references, fingerprint, result)
_ENTRIES: dict[tuple, tuple[tuple[weakref.ref, ...], tuple, Any]] = {}


def _fingerprint(frames: tuple[pd.DataFrame, ...]) -> tuple:
    # The columns Index itself, compared by identity: adding, dropping or renaming a
    # column replaces it, and reading its labels costs more than many cached results.
    return tuple((len(f), f.columns) for f in frames)


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(n == m and c is d for (n, c), (m, d) in zip(a, b, strict=True))


def cached(name: str, frames: tuple[pd.DataFrame, ...], compute: Callable[[], Any]) -> Any:
    """``compute()`` for these ``frames`` under ``name``, computed once while they live.

    The result is shared between callers: treat it as read-only.
    """
    key = (name, *map(id, frames))
    hit = _ENTRIES.get(key)
    fingerprint = _fingerprint(frames)
    if (
        hit is not None
        and all(ref() is f for ref, f in zip(hit[0], frames, strict=True))
        and _same(hit[1], fingerprint)
    ):
        return hit[2]
    result = compute()
    # forget results for frames that are gone (an id can be reused by a new frame)
    for stale in [k for k, (refs, _, _) in _ENTRIES.items() if any(r() is None for r in refs)]:
        del _ENTRIES[stale]
    _ENTRIES[key] = (tuple(weakref.ref(f) for f in frames), fingerprint, result)
    return result


# child frame id -> (weak refs to child, parent and parent documents, the document mask,
# and the three frames' fingerprints when the subset was made)
_SUBSETS: dict[int, tuple] = {}


def note_subset(
    child: pd.DataFrame, parent: pd.DataFrame, keep: Any, documents: pd.DataFrame
) -> None:
    """Record that ``child`` holds the rows of ``parent`` whose document ``keep`` marks.

    ``keep`` is the boolean mask over the parent ``documents`` (the same object for every
    table of one filter step), so a result computed once for the unfiltered tables can be
    cut down to a filtered set instead of being recomputed (:func:`cached_rows`,
    ``analysis.panel.mention_index``). The record lapses when any of the three frames changes
    length or columns afterwards (see :func:`subset_of`).
    """
    for stale in [k for k, v in _SUBSETS.items() if any(r() is None for r in v[0])]:
        del _SUBSETS[stale]
    frames = (child, parent, documents)
    _SUBSETS[id(child)] = (tuple(weakref.ref(f) for f in frames), keep, _fingerprint(frames))


def subset_of(child: pd.DataFrame) -> tuple[pd.DataFrame, Any, pd.DataFrame] | None:
    """``(parent, keep, parent documents)`` recorded by :func:`note_subset`, or None when
    there is no record or one of the frames changed since (rows added or dropped in place,
    a column added): a result cut from the parent would no longer be the child's."""
    hit = _SUBSETS.get(id(child))
    if hit is None:
        return None
    refs, keep, fingerprint = hit
    frames = tuple(r() for r in refs)
    if frames[0] is not child or any(f is None for f in frames):
        return None
    if not _same(fingerprint, _fingerprint(frames)):
        return None
    return frames[1], keep, frames[2]


def doc_positions(frame: pd.DataFrame, documents: pd.DataFrame) -> np.ndarray:
    """Per row of ``frame``, the position of its document in ``documents`` (-1: absent;
    a doc_id listed twice: its first row: ``analysis.views.rows.document_positions``);
    computed once per pair of frames."""
    return cached(
        "doc_positions", (frame, documents), lambda: document_positions(frame["doc_id"], documents)
    )


def kept_rows(frame: pd.DataFrame, documents: pd.DataFrame, keep: np.ndarray) -> np.ndarray:
    """Positions of the rows of ``frame`` whose document ``keep`` (a mask over
    ``documents``) marks; rows of documents not in ``documents`` are left out."""
    positions = doc_positions(frame, documents)
    return np.flatnonzero((positions >= 0) & keep[positions])


def cut_rows(frame: pd.DataFrame, documents: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """The rows of ``frame`` whose document ``keep`` (a mask over ``documents``) marks, with
    the cut recorded (:func:`note_subset`); ``frame`` itself when every document is kept."""
    if keep.all():
        return frame  # nothing filtered: views read it, none writes to it
    # A row whose doc_id is not in documents is kept only when nothing is filtered.
    out = frame.take(kept_rows(frame, documents, keep)).reset_index(drop=True)
    note_subset(out, frame, keep, documents)
    return out


def _maker(tables: Any, name: str) -> Callable[[], pd.DataFrame] | None:
    """What will make table ``name`` of ``tables`` while it is deferred (``Tables.pending``)."""
    pending = getattr(tables, "pending", None)
    return pending(name) if pending is not None else None


def has_table(tables: Any, name: str) -> bool:
    """Does ``tables`` have a DataFrame ``name`` (made, or still to be cut)?"""
    if _maker(tables, name) is not None:
        return True
    return isinstance(getattr(tables, name, None), pd.DataFrame)


def source(tables: Any, name: str) -> tuple[pd.DataFrame, Any, pd.DataFrame] | None:
    """``(parent, keep, parent documents)`` of table ``name`` of ``tables`` when it is (or
    will be) a filtered cut of a parent table (:func:`subset_of`), else None. A table still
    to be cut stays uncut."""
    make = _maker(tables, name)
    if isinstance(make, Cut):
        return make.parent, make.keep, make.documents
    frame = getattr(tables, name, None)
    return subset_of(frame) if isinstance(frame, pd.DataFrame) else None


def uncut(tables: Any, name: str, default: Any = None) -> Any:
    """Table ``name`` of ``tables`` (``default`` when it has none), or while it is still to
    be cut the table it will be cut from: for a cache key (with the filtered documents) or
    a result computed on the unfiltered table anyway (actor labels), without cutting it."""
    make = _maker(tables, name)
    return make.parent if isinstance(make, Cut) else getattr(tables, name, default)


def cached_cut_of(
    name: str,
    tables: Any,
    names: tuple[str, ...],
    compute: Callable[..., Any],
    cut: Callable[[Any, np.ndarray, pd.DataFrame], Any],
) -> Any:
    """:func:`cached_cut` of the tables ``names`` of ``tables``. For tables out of one
    filter step (their ``documents`` too), the unfiltered tables' result is cut without
    cutting the filtered tables themselves: a view then reads only what it needs (the
    sentences and attribution tables are the largest, and cutting them cost more than a
    view)."""
    documents = getattr(tables, "documents", None)
    mine = subset_of(documents) if isinstance(documents, pd.DataFrame) else None
    sources = [source(tables, n) for n in names]
    if mine is not None and all(
        s is not None and s[1] is mine[1] and s[2] is mine[2] for s in sources
    ):
        parents = tuple(s[0] for s in sources)
        keep, whole_documents = mine[1], mine[2]
        # one cut per filter step: keyed by the filtered documents, made once per step
        return cached(
            f"{name}:cut",
            (documents, *parents),
            lambda: cut(cached_cut(name, parents, compute, cut), keep, whole_documents),
        )
    return cached_cut(name, tuple(getattr(tables, n) for n in names), compute, cut)


def _cut_frame(whole: pd.DataFrame, keep: np.ndarray, documents: pd.DataFrame) -> pd.DataFrame:
    if whole.empty or "doc_id" not in whole:
        return whole
    return whole.take(kept_rows(whole, documents, keep)).reset_index(drop=True)


def cached_rows_of(
    name: str, tables: Any, names: tuple[str, ...], compute: Callable[..., pd.DataFrame]
) -> pd.DataFrame:
    """:func:`cached_rows` of the tables ``names`` of ``tables``, cut as
    :func:`cached_cut_of` cuts."""
    return cached_cut_of(name, tables, names, compute, _cut_frame)


def cached_rows(
    name: str,
    frames: tuple[pd.DataFrame, ...],
    compute: Callable[..., pd.DataFrame],
    *,
    static: tuple[pd.DataFrame, ...] = (),
) -> pd.DataFrame:
    """``compute(*frames, *static)``, a frame of rows with a ``doc_id``, cached.

    When every one of ``frames`` came out of one filter step (:func:`note_subset`), the
    rows are computed once for the unfiltered frames and cut to the kept documents, in
    their order: a filter change then costs a selection, not a recomputation. ``compute``
    must work document by document for that to give the same rows (joins on ``doc_id``,
    per-row text); ``static`` frames (a dictionary) are passed as they are.
    """
    return cached_cut(name, frames, lambda *f: compute(*f, *static), _cut_frame, static=static)


def cached_cut(
    name: str,
    frames: tuple[pd.DataFrame, ...],
    compute: Callable[..., Any],
    cut: Callable[[Any, np.ndarray, pd.DataFrame], Any],
    *,
    static: tuple[pd.DataFrame, ...] = (),
) -> Any:
    """``compute(*frames)``, cached; for frames that all came out of one filter step, the
    unfiltered frames' result passed through ``cut(result, keep, documents)``.

    The one place that decides when a result may be cut from the unfiltered one: every
    frame a subset of its parent by the same mask over the same documents, none changed
    since (:func:`subset_of`).
    """

    def compute_here() -> Any:
        parents = [subset_of(f) for f in frames]
        if frames and all(p is not None for p in parents):
            keep, documents = parents[0][1], parents[0][2]
            if all(p[1] is keep and p[2] is documents for p in parents):
                parent_frames = tuple(p[0] for p in parents)
                whole = cached_cut(name, parent_frames, compute, cut, static=static)
                return cut(whole, keep, documents)
        return compute(*frames)

    return cached(name, (*frames, *static), compute_here)


@dataclasses.dataclass(frozen=True, eq=False)
class Cut:
    """:func:`cut_rows` of ``parent``, made when called: a table that
    ``widgets.filter_tables`` left to cut when first read (``Tables.defer``). Results
    computed per document (:func:`cached_rows_of`) are cut from the parent's without it."""

    parent: pd.DataFrame
    keep: np.ndarray
    documents: pd.DataFrame

    def __call__(self) -> pd.DataFrame:
        return cut_rows(self.parent, self.documents, self.keep)
