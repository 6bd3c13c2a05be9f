"""Every tagging stage over one chunk of documents: the unit of work of every engine
(the in-process run, its process pool, Dask). Each stage works within one document, so
chunks can be tagged anywhere and put back in document order."""

from __future__ import annotations

import pandas as pd

from analysis.tag.attribution import attribute
from analysis.tag.mentions import tag_mentions
from analysis.tag.positions import tag_positions
from analysis.tag.stance import tag_stances


def tag_chunk(job: tuple[pd.DataFrame, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every tagging stage over one chunk of documents and their sentences."""
    docs, sents = job
    mentions = tag_mentions(sents, docs)
    attribution = attribute(sents, docs, mentions)
    return {
        "mentions": mentions,
        "attribution": attribution,
        "stances": tag_stances(sents, docs, mentions, attribution),
        "positions": tag_positions(sents, docs, mentions, attribution),
    }
