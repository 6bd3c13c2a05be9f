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
    return tuple((len(f), tuple(f.columns)) for f in frames)


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
        and hit[1] == fingerprint
    ):
        return hit[2]
    result = compute()
    # forget results for frames that are gone (an id can be reused by a new frame)
    for stale in [k for k, (refs, _, _) in _ENTRIES.items() if any(r() is None for r in refs)]:
        del _ENTRIES[stale]
    _ENTRIES[key] = (tuple(weakref.ref(f) for f in frames), fingerprint, result)
    return result
