"""Actor mentions on the fixture corpus against a careful reader's annotation.

The annotation (tests/gold/fixture_mentions.csv) marks, paragraph by paragraph in the
headline and body, each mention of an actor (not a place, not a media outlet). The figures
are printed so a change that moves them shows in the test log.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.tag.actors import actors_table
from analysis.views.mention_tables import mentions_by_actor, rollup

GOLD = Path(__file__).parent.parent / "gold" / "fixture_mentions.csv"


def _counter(frame: pd.DataFrame) -> Counter:
    return Counter(zip(frame["doc_id"], frame["para_id"], frame["actor_id"], strict=True))


def test_mentions_match_the_annotation(fixture_tables):
    gold = _counter(pd.read_csv(GOLD))
    actors = fixture_tables.mentions
    actors = actors[actors["kind"].isin(["state", "organization", "group", "person"])]
    actors = actors[actors["section"].isin(["headline", "body"])]
    found = actors.merge(
        fixture_tables.sentences[["doc_id", "sent_id", "para_id"]], on=["doc_id", "sent_id"]
    )
    got = _counter(found)
    true_pos = sum((gold & got).values())
    precision, recall = true_pos / sum(got.values()), true_pos / sum(gold.values())
    print(f"fixture mentions: P={precision:.3f} R={recall:.3f}")
    print("  missed:", sorted((gold - got).elements()))
    print("  extra: ", sorted((got - gold).elements()))
    assert precision >= 0.9 and recall >= 0.9


def test_nothing_is_counted_in_boilerplate(fixture_tables):
    counts = mentions_by_actor(fixture_tables)
    outside = fixture_tables.mentions[
        ~fixture_tables.mentions["section"].isin(["headline", "body"])
    ]
    assert len(outside) > 0  # the fixture's captions and related headlines name actors
    assert counts["mentions"].sum() == len(
        fixture_tables.mentions[
            fixture_tables.mentions["section"].isin(["headline", "body"])
            & fixture_tables.mentions["kind"].isin(["state", "organization", "group", "person"])
        ]
    )
    for level in ("affiliation", "state"):
        rolled = rollup(fixture_tables, actors_table(), level=level)
        assert rolled["mentions"].sum() == counts["mentions"].sum()
