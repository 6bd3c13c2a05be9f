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


# child frame id -> (weak ref to child, weak ref to parent, document mask)
_SUBSETS: dict[int, tuple[weakref.ref, weakref.ref, Any]] = {}


def note_subset(child: pd.DataFrame, parent: pd.DataFrame, keep: Any) -> None:
    """Record that ``child`` holds the rows of ``parent`` whose document ``keep`` marks.

    ``keep`` is the boolean mask over the parent *documents* (the same object for every
    table of one filter step), so a result computed once for the unfiltered tables can be
    cut down to a filtered set instead of being recomputed (``analysis.mention_index``).
    """
    for stale in [k for k, (c, p, _) in _SUBSETS.items() if c() is None or p() is None]:
        del _SUBSETS[stale]
    _SUBSETS[id(child)] = (weakref.ref(child), weakref.ref(parent), keep)


def subset_of(child: pd.DataFrame) -> tuple[pd.DataFrame, Any] | None:
    """``(parent, keep)`` recorded by :func:`note_subset` for ``child``, or None."""
    hit = _SUBSETS.get(id(child))
    if hit is None or hit[0]() is not child or hit[1]() is None:
        return None
    return hit[1](), hit[2]
