"""Claim sentences and the columns stances and moves share (analysis.tag.claims)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.tag.claims import (
    OUTLET,
    UNNAMED,
    claim_sentences,
    holder_affiliation,
    mentions_by_sentence,
    speaker_at,
)


@pytest.mark.parametrize(
    ("holder", "att", "state"),
    [
        ("soleimani", None, "IRN"),  # the top of the affiliation chain
        ("lavrov", None, "RUS"),
        ("SYR", None, "SYR"),
        ("", None, ""),
        (UNNAMED, {"speaker_affiliation": "SYR"}, "SYR"),  # the body the source belongs to
        (UNNAMED, {"speaker_affiliation": ""}, ""),
        (UNNAMED, None, ""),
    ],
)
def test_holder_affiliation(holder, att, state):
    assert holder_affiliation(holder, att) == state


def test_claim_sentences_are_headline_and_body_in_order():
    sents = pd.DataFrame(
        {
            "doc_id": ["b", "a", "a", "a"],
            "sent_id": [0, 2, 0, 1],
            "section": ["body", "body", "headline", "caption"],
        }
    )
    out = claim_sentences(sents)
    assert list(zip(out["doc_id"], out["sent_id"], strict=True)) == [("a", 0), ("a", 2), ("b", 0)]


def test_mentions_by_sentence():
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a"],
            "sent_id": [0, 0],
            "start": [0, 5],
            "end": [4, 9],
            "actor_id": ["IRN", "RUS"],
        }
    )
    grouped = mentions_by_sentence(mentions)
    assert [m["actor_id"] for m in grouped[("a", 0)]] == ["IRN", "RUS"]
    assert mentions_by_sentence(mentions.iloc[:0]) == {}
    assert OUTLET == "outlet"


def test_speaker_at_takes_the_last_clause_speaker_before_the_position():
    later = '[{"start": 50, "speaker_id": "zarif", "speaker_kind": "person",'
    later += ' "speaker_surface": "ظريف", "speaker_affiliation": "IRN"}]'
    att = {
        "speaker_id": "lavrov",
        "speaker_kind": "person",
        "cue_start": 0,
        "source_chain": "Outlet > lavrov",
        "clause_speakers": later,
    }
    assert speaker_at(att, 10) is att  # the first clause: the sentence's speaker
    here = speaker_at(att, 60)
    assert (here["speaker_id"], here["cue_start"], here["source_chain"]) == (
        "zarif",
        50,
        "Outlet > zarif",
    )
    assert speaker_at({**att, "clause_speakers": ""}, 60)["speaker_id"] == "lavrov"
    assert speaker_at(None, 60) is None
