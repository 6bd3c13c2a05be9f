"""The pipeline end to end on the fixture corpus, and the Parquet round trip."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import pipeline


def test_every_table_is_made(fixture_tables):
    assert len(fixture_tables.documents) == 5
    for name in pipeline.TABLE_NAMES:
        assert isinstance(getattr(fixture_tables, name), pd.DataFrame), name
    assert len(fixture_tables.mentions) > 0


def test_offsets_point_into_the_original_text(fixture_tables):
    texts = fixture_tables.documents.set_index("doc_id")["text"]
    for name in ("sentences", "mentions", "stances", "positions"):
        frame = getattr(fixture_tables, name)
        for row in frame.itertuples(index=False):
            span = texts[row.doc_id][row.start : row.end]
            assert span.strip(), (name, row)
            if name == "mentions":
                assert span == row.surface


def test_chunked_and_parallel_tagging_give_the_same_tables(fixture_tables):
    again = pipeline.tag_loaded(
        pipeline.Tables(
            documents=fixture_tables.documents,
            sentences=fixture_tables.sentences,
            rejected=fixture_tables.rejected,
        ),
        workers=2,
        chunk_size=2,
    )
    for name in pipeline.TABLE_NAMES[2:]:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(fixture_tables, name))


def test_write_read_round_trip(fixture_tables, fixture_corpus, tmp_path):
    fixture_tables.corpus_path = str(fixture_corpus)
    pipeline.write_tables(fixture_tables, tmp_path)
    back = pipeline.read_tables(tmp_path)
    for name in (*pipeline.TABLE_NAMES, "rejected"):
        pd.testing.assert_frame_equal(
            getattr(back, name), getattr(fixture_tables, name), check_dtype=False
        )
    assert (tmp_path / "rejected.csv").is_file()
    assert pipeline.is_fresh(tmp_path, fixture_corpus)


def test_cache_goes_stale_when_the_corpus_changes(fixture_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("offer-2018.txt", "tanf-2019.txt"):
        (corpus / name).write_bytes((fixture_corpus / name).read_bytes())
    out = tmp_path / "out"
    first = pipeline.load_tables(corpus, out=out)
    assert pipeline.is_fresh(out, corpus)
    (corpus / "tanf-2019.txt").write_text("خبر جديد عن روسيا وإيران.\n", encoding="utf-8")
    assert not pipeline.is_fresh(out, corpus)
    second = pipeline.load_tables(corpus, out=out)
    assert len(first.documents) == len(second.documents) == 2
    assert first.documents["text"].iloc[1] != second.documents["text"].iloc[1]


def test_default_corpus_comes_from_the_environment(monkeypatch, fixture_corpus):
    monkeypatch.setenv(pipeline.CORPUS_ENV, str(fixture_corpus))
    assert pipeline.default_corpus() == fixture_corpus


def test_a_corpus_with_no_article_says_so(tmp_path):
    (tmp_path / "README.md").write_text("not an article")
    with pytest.raises(ValueError, match="no article"):
        pipeline.load_tables(tmp_path)
