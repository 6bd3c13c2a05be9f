"""The pipeline end to end on the fixture corpus, and the Parquet round trip."""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.pipeline import run, store, tableset


def test_every_table_is_made(fixture_tables):
    assert len(fixture_tables.documents) == 5
    for name in tableset.TABLE_NAMES:
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
    again = run.tag_loaded(
        tableset.Tables(
            documents=fixture_tables.documents,
            sentences=fixture_tables.sentences,
            rejected=fixture_tables.rejected,
        ),
        workers=2,
        chunk_size=2,
    )
    for name in tableset.TABLE_NAMES[2:]:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(fixture_tables, name))


def test_write_read_round_trip(fixture_tables, fixture_corpus, tmp_path):
    fixture_tables.corpus_path = str(fixture_corpus)
    store.write_tables(fixture_tables, tmp_path)
    back = store.read_tables(tmp_path)
    for name in (*tableset.TABLE_NAMES, "rejected"):
        pd.testing.assert_frame_equal(
            getattr(back, name), getattr(fixture_tables, name), check_dtype=False
        )
    assert (tmp_path / "rejected.csv").is_file()
    assert store.is_fresh(tmp_path, fixture_corpus)


def test_cache_goes_stale_when_the_corpus_changes(fixture_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("offer-2018.txt", "tanf-2019.txt"):
        (corpus / name).write_bytes((fixture_corpus / name).read_bytes())
    out = tmp_path / "out"
    first = run.load_tables(corpus, out=out)
    assert store.is_fresh(out, corpus)
    (corpus / "tanf-2019.txt").write_text("خبر جديد عن روسيا وإيران.\n", encoding="utf-8")
    assert not store.is_fresh(out, corpus)
    second = run.load_tables(corpus, out=out)
    assert len(first.documents) == len(second.documents) == 2
    assert first.documents["text"].iloc[1] != second.documents["text"].iloc[1]


def test_default_corpus_comes_from_the_environment(monkeypatch, fixture_corpus):
    monkeypatch.setenv(run.CORPUS_ENV, str(fixture_corpus))
    assert run.default_corpus() == fixture_corpus


def test_a_corpus_with_no_article_says_so(tmp_path):
    (tmp_path / "README.md").write_text("not an article")
    with pytest.raises(ValueError, match="no article"):
        run.load_tables(tmp_path)


def _copy_corpus(fixture_corpus, dest):
    dest.mkdir()
    for file in sorted(fixture_corpus.glob("*.txt")):
        (dest / file.name).write_bytes(file.read_bytes())
    return dest


def test_retagging_tags_only_changed_documents(fixture_corpus, tmp_path, monkeypatch):
    corpus = _copy_corpus(fixture_corpus, tmp_path / "corpus")
    out = tmp_path / "out"
    run.load_tables(corpus, out=out)
    changed = corpus / "tanf-2019.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nوقالت روسيا إن إيران باقية.\n", encoding="utf-8"
    )
    tagged: list[list[str]] = []
    real = run.tag_loaded

    def spy(tables, **kwargs):
        tagged.append(tables.documents["doc_id"].tolist())
        return real(tables, **kwargs)

    monkeypatch.setattr(run, "tag_loaded", spy)
    again = run.load_tables(corpus, out=out)
    assert tagged == [["tanf-2019"]]
    fresh = run.tag(corpus, workers=1)  # every document tagged anew
    for name in tableset.STAGE_TABLES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(fresh, name), check_dtype=False)
    assert store.is_fresh(out, corpus)


def test_changed_package_data_retags_everything(fixture_corpus, tmp_path, monkeypatch):
    corpus = _copy_corpus(fixture_corpus, tmp_path / "corpus")
    out = tmp_path / "out"
    first = run.load_tables(corpus, out=out)
    (corpus / "offer-2018.txt").touch()  # the fingerprint changes, the text does not
    monkeypatch.setattr(run, "package_data_hash", lambda: "other-dictionaries")
    assert run.reusable_rows(out, first.documents) is None


def test_rows_follow_document_order_whatever_the_doc_ids(fixture_tables):
    """doc_ids that sort differently from the corpus order: chunking changes nothing."""
    docs = fixture_tables.documents.copy()
    rename = {d: f"z{len(docs) - i}" for i, d in enumerate(docs["doc_id"])}
    docs["doc_id"] = docs["doc_id"].map(rename).astype("string")
    sents = fixture_tables.sentences.copy()
    sents["doc_id"] = sents["doc_id"].map(rename).astype("string")
    whole = run.tag_loaded(tableset.Tables(docs, sents, fixture_tables.rejected))
    chunked = run.tag_loaded(tableset.Tables(docs, sents, fixture_tables.rejected), chunk_size=2)
    for name in tableset.STAGE_TABLES:
        frame = getattr(whole, name)
        pd.testing.assert_frame_equal(getattr(chunked, name), frame)
        positions = frame["doc_id"].map({d: i for i, d in enumerate(docs["doc_id"])})
        assert positions.is_monotonic_increasing, name


def test_notebooks_tag_a_corpus_once_through_the_cache(fixture_corpus, tmp_path, monkeypatch):
    corpus = _copy_corpus(fixture_corpus, tmp_path / "corpus")
    monkeypatch.setenv(store.CACHE_ENV, str(tmp_path / "cache"))
    first = run.load_tables(corpus)
    where = store.cache_dir(corpus)
    assert where.parent == tmp_path / "cache" and store.is_fresh(where, corpus)

    def no_tagging(*args, **kwargs):
        raise AssertionError("tagged again although the cache is fresh")

    monkeypatch.setattr(run, "tag", no_tagging)
    again = run.load_tables(corpus)
    for name in tableset.TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(first, name), check_dtype=False)


def test_cache_off_and_tagged_folders(fixture_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv(store.CACHE_ENV, "off")
    assert store.cache_dir(fixture_corpus) is None
    out = store.write_tables(run.tag(fixture_corpus), tmp_path / "tagged")
    monkeypatch.setattr(run, "tag", lambda *a, **k: pytest.fail("a tagged folder is read"))
    tables = run.load_tables(out)  # `analysis report --corpus DIR` on `analysis tag` output
    assert len(tables.documents) == 5 and len(tables.mentions) > 0


def test_two_corpora_with_the_same_name_get_their_own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(store.CACHE_ENV, str(tmp_path / "cache"))
    a, b = tmp_path / "a" / "corpus", tmp_path / "b" / "corpus"
    assert store.cache_dir(a) != store.cache_dir(b)
    assert store.cache_dir(a).name.startswith("corpus-")


def test_the_cache_key_follows_the_code_as_well_as_the_data(tmp_path, monkeypatch):
    """A cache made by other tagging code is stale although the version is the same."""
    import shutil
    from importlib import resources

    copy = tmp_path / "analysis"
    shutil.copytree(resources.files("analysis"), copy)
    monkeypatch.setattr(store.resources, "files", lambda _name: copy)
    before = store.package_data_hash()
    module = copy / "tag" / "positions.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert store.package_data_hash() != before


def test_a_write_that_dies_half_way_leaves_no_usable_cache(fixture_tables, tmp_path, monkeypatch):
    out = store.write_tables(fixture_tables, tmp_path / "out")
    assert run.reusable_rows(out, fixture_tables.documents) is not None
    real = pq.write_table

    def dies_on_stances(table, path, *args, **kwargs):
        if "stances" in str(path):
            raise OSError("disk full")
        return real(table, path, *args, **kwargs)

    monkeypatch.setattr(pq, "write_table", dies_on_stances)
    with pytest.raises(OSError, match="disk full"):
        store.write_tables(fixture_tables, out)
    assert not (out / "tables.json").exists()
    assert run.reusable_rows(out, fixture_tables.documents) is None


def test_tables_are_written_as_partitioned_parquet(fixture_tables, tmp_path):
    out = store.write_tables(fixture_tables, tmp_path / "out", docs_per_part=2)
    n_docs = len(fixture_tables.documents)
    for name in tableset.TABLE_NAMES:
        parts = sorted((out / name).glob("part-*.parquet"))
        frame = getattr(fixture_tables, name)
        assert 1 <= len(parts) <= -(-n_docs // 2), name
        # any Parquet reader takes the folder as one dataset, rows in document order
        whole = pd.read_parquet(out / name)
        assert whole["doc_id"].tolist() == frame["doc_id"].tolist(), name
    # each part holds whole documents: no document is split between two parts
    seen: dict[str, str] = {}
    for part in sorted((out / "sentences").glob("part-*.parquet")):
        for doc in set(pd.read_parquet(part)["doc_id"]):
            assert doc not in seen, (doc, part, seen.get(doc))
            seen[doc] = part.name
    assert len(set(seen.values())) == -(-n_docs // 2)
    back = store.read_tables(out)
    for name in (*tableset.TABLE_NAMES, "rejected"):
        pd.testing.assert_frame_equal(
            getattr(back, name), getattr(fixture_tables, name), check_dtype=False
        )


def test_tables_written_one_file_each_are_still_read(fixture_tables, tmp_path):
    out = store.write_tables(fixture_tables, tmp_path / "out")
    for name in (*tableset.TABLE_NAMES, "rejected"):  # the layout of earlier versions
        frame = pd.read_parquet(out / name)
        shutil.rmtree(out / name)
        frame.to_parquet(out / f"{name}.parquet", index=False)
    back = store.read_tables(out)
    pd.testing.assert_frame_equal(back.mentions, fixture_tables.mentions, check_dtype=False)


def test_compact_joins_chunks_and_keeps_the_frame():
    parts = [
        pd.DataFrame({"doc_id": pd.array(ids, dtype="string[pyarrow]"), "n": range(len(ids))})
        for ids in (["a", "b"], ["c"])
    ]
    frame = pd.concat(parts, ignore_index=True)
    assert frame["doc_id"].array.__arrow_array__().num_chunks == 2
    out = store.compact(frame)
    assert out["doc_id"].array.__arrow_array__().num_chunks == 1
    pd.testing.assert_frame_equal(out, frame)
    assert frame["doc_id"].array.__arrow_array__().num_chunks == 2  # the input is kept


def test_read_tables_gives_one_chunk_per_column(fixture_tables, tmp_path):
    out = store.write_tables(fixture_tables, tmp_path / "out", docs_per_part=1)
    back = store.read_tables(out)
    column = back.sentences["text"].array.__arrow_array__()
    assert isinstance(column, pa.ChunkedArray) and column.num_chunks == 1


def test_compact_leaves_other_arrow_columns_alone():
    lists = pd.ArrowDtype(pa.list_(pa.int64()))
    parts = [pd.DataFrame({"spans": pd.Series([[1, 2]], dtype=lists)}) for _ in range(2)]
    frame = pd.concat(parts, ignore_index=True)
    pd.testing.assert_frame_equal(store.compact(frame), frame)


def test_write_tables_never_deletes_a_folder_it_did_not_write(fixture_tables, tmp_path):
    out = tmp_path / "corpus"
    (out / "documents").mkdir(parents=True)
    (out / "documents" / "article.txt").write_text("نص", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not a table written by analysis"):
        store.write_tables(fixture_tables, out)
    assert (out / "documents" / "article.txt").read_text(encoding="utf-8") == "نص"


def test_load_tables_gives_one_chunk_per_column_after_tagging(
    fixture_corpus, tmp_path, monkeypatch
):
    real_tag = run.tag

    def chunked_tag(*args, **kwargs):  # as a corpus tagged in several chunks comes back
        tables = real_tag(*args, **kwargs)
        docs = tables.documents
        tables.documents = pd.concat([docs.iloc[:2], docs.iloc[2:]], ignore_index=True)
        assert tables.documents["text"].array.__arrow_array__().num_chunks == 2
        return tables

    monkeypatch.setattr(run, "tag", chunked_tag)
    tables = run.load_tables(fixture_corpus, out=tmp_path / "cache")
    for name in (*tableset.TABLE_NAMES, "rejected"):
        frame = getattr(tables, name)
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.StringDtype):
                assert frame[column].array.__arrow_array__().num_chunks <= 1, (name, column)
