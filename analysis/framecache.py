"""Results computed from DataFrames, kept while those frames live and look unchanged.

A live filter panel re-runs every view on the same filtered tables; a join or an index
computed once per set of frames (not once per view, not once per filter change) keeps a
panel update fast on tens of thousands of articles. The tables are treated as read-only:
a frame changed in place keeps its identity, so each entry also records the frames'
lengths and columns and is recomputed when those differ.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

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


# child frame id -> (weak ref to child, weak ref to parent, document mask, weak ref to the
# parent documents the mask is over)
_SUBSETS: dict[int, tuple[weakref.ref, weakref.ref, Any, weakref.ref]] = {}


def note_subset(
    child: pd.DataFrame, parent: pd.DataFrame, keep: Any, documents: pd.DataFrame
) -> None:
    """Record that ``child`` holds the rows of ``parent`` whose document ``keep`` marks.

    ``keep`` is the boolean mask over the parent ``documents`` (the same object for every
    table of one filter step), so a result computed once for the unfiltered tables can be
    cut down to a filtered set instead of being recomputed (:func:`cached_rows`,
    ``analysis.mention_index``).
    """
    for stale in [k for k, v in _SUBSETS.items() if any(r() is None for r in (v[0], v[1], v[3]))]:
        del _SUBSETS[stale]
    _SUBSETS[id(child)] = (
        weakref.ref(child),
        weakref.ref(parent),
        keep,
        weakref.ref(documents),
    )


def subset_of(child: pd.DataFrame) -> tuple[pd.DataFrame, Any, pd.DataFrame] | None:
    """``(parent, keep, parent documents)`` recorded by :func:`note_subset`, or None."""
    hit = _SUBSETS.get(id(child))
    if hit is None or hit[0]() is not child:
        return None
    parent, documents = hit[1](), hit[3]()
    if parent is None or documents is None:
        return None
    return parent, hit[2], documents


def doc_positions(frame: pd.DataFrame, documents: pd.DataFrame) -> np.ndarray:
    """Per row of ``frame``, the position of its document in ``documents`` (-1: absent);
    computed once per pair of frames."""
    return cached(
        "doc_positions",
        (frame, documents),
        lambda: pd.Index(documents["doc_id"]).get_indexer(frame["doc_id"]),
    )


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

    def compute_here() -> pd.DataFrame:
        parents = [subset_of(f) for f in frames]
        if frames and all(p is not None for p in parents):
            keep, documents = parents[0][1], parents[0][2]
            if all(p[1] is keep and p[2] is documents for p in parents):
                whole = cached_rows(name, tuple(p[0] for p in parents), compute, static=static)
                if whole.empty or "doc_id" not in whole:
                    return whole
                positions = doc_positions(whole, documents)
                rows = np.flatnonzero((positions >= 0) & keep[positions])
                return whole.take(rows).reset_index(drop=True)
        return compute(*frames, *static)

    return cached(name, (*frames, *static), compute_here)
