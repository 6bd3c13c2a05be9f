"""Every tagging stage over one chunk of documents: the unit of work of every engine
(the in-process run, its process pool, Dask). Each stage works within one document, so
chunks can be tagged anywhere and put back in document order."""

from __future__ import annotations

import pandas as pd

from analysis.tag.attribution import attribute
from analysis.tag.implied import add_implied, implied_stances
from analysis.tag.mentions import tag_mentions
from analysis.tag.positions import tag_positions
from analysis.tag.stance import tag_stances


def tag_chunk(job: tuple[pd.DataFrame, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every tagging stage over one chunk of documents and their sentences."""
    docs, sents = job
    mentions = tag_mentions(sents, docs)
    attribution = attribute(sents, docs, mentions)
    positions = tag_positions(sents, docs, mentions, attribution)
    # one reading: the moves' stances join those the attitude cues give
    stances = add_implied(
        tag_stances(sents, docs, mentions, attribution),
        implied_stances(positions, sents, mentions),
        sents,
    )
    return {
        "mentions": mentions,
        "attribution": attribution,
        "stances": stances,
        "positions": positions,
    }
