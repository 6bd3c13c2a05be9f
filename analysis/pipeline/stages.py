"""Every tagging stage over one chunk of documents: the unit of work of every engine
(the in-process run, its process pool, Dask). Each stage works within one document, so
chunks can be tagged anywhere and put back in document order."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd

from analysis.tag.attribution import attribute
from analysis.tag.implied import add_implied, implied_stances
from analysis.tag.mentions import tag_mentions
from analysis.tag.positions import tag_positions
from analysis.tag.stance import tag_stances

#: Allocations between two young-generation collections while a chunk is tagged (Python's
#: default is 700), and how many of those before an older generation is collected.
GC_THRESHOLD = (50_000, 20, 20)


@contextmanager
def fewer_collections(threshold: tuple[int, int, int] = GC_THRESHOLD) -> Iterator[None]:
    """Collect cyclic garbage less often inside the block; the thresholds are put back after.

    The stages make millions of small short-lived objects (tokens, matches, tuples), and at
    Python's default thresholds the collector ran about 1,900 times over 6,000 SaudiNewsNet
    articles, ten of them full collections that walk every live object: about 12% of the
    stages' time there (``docs/scale.md``). Nothing here relies on collection for
    correctness: the garbage is the same, collected later.
    """
    old = gc.get_threshold()
    gc.set_threshold(*threshold)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def tag_chunk(job: tuple[pd.DataFrame, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every tagging stage over one chunk of documents and their sentences."""
    with fewer_collections():
        return _tag_chunk(*job)


def _tag_chunk(docs: pd.DataFrame, sents: pd.DataFrame) -> dict[str, pd.DataFrame]:
    mentions = tag_mentions(sents, docs)
    attribution = attribute(sents, docs, mentions)
    positions = tag_positions(sents, docs, mentions, attribution)
    # one reading: the moves' stances join those the attitude cues give
    stances = add_implied(
        tag_stances(sents, docs, mentions, attribution, positions),
        implied_stances(positions, sents, mentions),
        sents,
    )
    return {
        "mentions": mentions,
        "attribution": attribution,
        "stances": stances,
        "positions": positions,
    }
