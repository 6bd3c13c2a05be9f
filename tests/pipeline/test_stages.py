"""The chunk of work every engine runs (analysis.pipeline.stages)."""

from __future__ import annotations

import gc

import pytest

from analysis.pipeline import stages


def test_fewer_collections_raises_the_thresholds_and_puts_them_back():
    before = gc.get_threshold()
    with stages.fewer_collections((12_345, 7, 9)):
        assert gc.get_threshold() == (12_345, 7, 9)
    assert gc.get_threshold() == before


def test_fewer_collections_puts_the_thresholds_back_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), stages.fewer_collections((12_345, 7, 9)):
        raise RuntimeError("a stage failed")
    assert gc.get_threshold() == before


def test_tagging_a_chunk_leaves_the_caller_s_thresholds_alone(fixture_tables, monkeypatch):
    docs, sents = fixture_tables.documents.head(2), fixture_tables.sentences
    sents = sents[sents["doc_id"].isin(docs["doc_id"])]
    seen = []
    real = stages.tag_mentions

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(stages, "tag_mentions", spy)
    before = gc.get_threshold()
    tables = stages.tag_chunk((docs, sents))
    assert seen == [stages.GC_THRESHOLD]
    assert gc.get_threshold() == before
    assert set(tables) == {"mentions", "attribution", "stances", "positions"}
