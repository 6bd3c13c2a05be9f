"""Which sentences and holders the moves table reads: the Syrian file of a general news
corpus. A sentence is read only where a move could have a holder; a move of a peripheral
state (the Gulf, Egypt) counts only with the file's issues or parties around it."""

from __future__ import annotations

import pandas as pd

from analysis.tag.actors import ACTOR_KINDS, affiliation_of
from analysis.tag.antecedents import NUMBER_WORDS
from analysis.tag.claims import OUTLET, REPORTS
from analysis.tag.clauses import Mention, Sent
from analysis.tag.cues import peripheral_states
from analysis.tag.issues import IssueHit

__all__ = ["holder_possible", "in_the_file"]


def in_the_file(holder: str, s: Sent, previous: list[Mention], issues: list[IssueHit]) -> bool:
    """Is a move of ``holder`` part of the Syrian file? Always, unless the holder's state is
    peripheral (``peripheral_states``: the Gulf, Egypt): then only with an issue of the file
    in the sentence or a party of another state or group in it or the sentence before."""
    peripheral = peripheral_states()
    if (affiliation_of(holder, level="state") or holder) not in peripheral:
        return True
    if any(h.issue for h in issues):
        return True
    return any(
        m.kind in ACTOR_KINDS
        and (affiliation_of(m.actor_id, level="state") or m.actor_id) not in peripheral
        for m in [*s.mentions, *previous]
    )


def holder_possible(
    sentences: pd.DataFrame, mentions: pd.DataFrame, attribution: pd.DataFrame
) -> pd.DataFrame:
    """The sentences where a move could have a holder: an actor is named in it or in the
    sentence before (a pronoun's antecedent), or its speaker is an actor or an unnamed
    source. The others are not read (most sentences of a general news corpus)."""
    if sentences.empty:
        return sentences
    keys: set[tuple[str, int]] = set()
    if mentions is not None and not mentions.empty:
        actors = mentions[mentions["kind"].isin(ACTOR_KINDS)]
        ids = zip(actors["doc_id"].astype(str), actors["sent_id"].astype(int), strict=True)
        for doc, sent in ids:
            keys.add((doc, sent))
            keys.add((doc, sent + 1))
    if attribution is not None and not attribution.empty:
        spoken = attribution[
            ~attribution["speaker_kind"].isin(["source", "media", "place", OUTLET, REPORTS])
            & ~attribution["speaker_id"].isin([OUTLET, REPORTS])
        ]
        keys.update(zip(spoken["doc_id"].astype(str), spoken["sent_id"].astype(int), strict=True))
    pairs = zip(sentences["doc_id"].astype(str), sentences["sent_id"].astype(int), strict=True)
    # a number anaphor ("الدول الثلاث") names actors up to two sentences before
    numbered = sentences["text"].str.contains(NUMBER_WORDS).to_numpy()
    return sentences[[k in keys or n for k, n in zip(pairs, numbered, strict=True)]]
