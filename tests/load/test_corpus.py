"""Loading corpora: folders of .txt files and saved pages, table files, manifests, and the
tables' contract."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from test_htmlpage import (
    CANONICAL,
    CHROME,
    HEADLINE,
    JSON_LD,
    PARAS,
    PNG,
    RELATED,
    SECTION_FRONT,
    SITE,
    saved_page,
)

from analysis.cli import main
from analysis.load.articles import CorpusError
from analysis.load.corpus import load_corpus
from analysis.load.htmlpage import extraction_method
from analysis.pipeline.run import read_tables, tag

LOADER = Path(__file__).parent.parent / "fixtures" / "loader"
T = pd.Timestamp
DOC_DTYPES = {
    "doc_id": "string",
    "path": "string",
    "outlet": "string",
    "outlet_source": "string",
    "date": "datetime64[ns]",
    "date_source": "string",
    "date_note": "string",
    "title": "string",
    "url": "string",
    "text": "string",
    "encoding": "string",
    "encoding_confidence": "float64",
    "dup_group": "Int64",
    "n_chars": "int64",
}
SENT_DTYPES = {
    "doc_id": "string",
    "sent_id": "int64",
    "para_id": "int64",
    "start": "int64",
    "end": "int64",
    "section": "string",
    "section_reason": "string",
    "text": "string",
}
ARTICLE = "طهران تنفي سحب مستشاريها\nنشر في 13-06-2018\nنفت مصادر إيرانية سحب المستشارين من درعا.\n"


def check_contract(corpus) -> None:
    """The tables have the documented columns and dtypes, and offsets point into the text."""
    docs, sents = corpus.documents, corpus.sentences
    assert list(docs.columns[: len(DOC_DTYPES)]) == list(DOC_DTYPES)
    assert {c: str(docs[c].dtype) for c in DOC_DTYPES} == DOC_DTYPES
    assert list(sents.columns) == list(SENT_DTYPES)
    assert {c: str(sents[c].dtype) for c in SENT_DTYPES} == SENT_DTYPES
    assert list(corpus.rejected.columns) == ["path", "row", "reason"]
    assert str(corpus.rejected["row"].dtype) == "Int64"
    assert docs["doc_id"].is_unique
    assert docs["dup_group"].notna().all()
    assert (docs["n_chars"] == docs["text"].str.len()).all()
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    for row in sents.itertuples(index=False):
        assert texts[row.doc_id][row.start : row.end] == row.text


# --- folders of .txt files -------------------------------------------------------------


def test_fixture_corpus_loads_with_derived_metadata(fixture_corpus):
    corpus = load_corpus(fixture_corpus)
    check_contract(corpus)
    docs = corpus.documents.set_index("doc_id")
    assert list(corpus.documents["path"]) == sorted(corpus.documents["path"])
    expected = {
        "offer-2018": ("Example Times (Arabic)", "manifest", "2018-08-28", "stated"),
        "pullback-2018": ("unknown", "unknown", "2018-06-13", "stated"),
        "tanf-2019": ("Levant Example Daily", "manifest", "2019-07-22", "stated"),
        "agreement-2020": ("example.org", "url", "2020-07-09", "url"),
        "conditions-2024": ("جريدة المثال", "signature", "2024-10-01", "stated"),
    }
    for doc_id, (outlet, outlet_source, date, date_source) in expected.items():
        row = docs.loc[doc_id]
        assert (row.outlet, row.outlet_source) == (outlet, outlet_source), doc_id
        assert (row.date, row.date_source) == (T(date), date_source), doc_id
        assert row.date_note, doc_id
        assert row.title and row.title in row.text, doc_id
    assert docs.loc["pullback-2018", "date_note"] == "نشر في 13-06-2018"
    assert docs.loc["agreement-2020", "date_note"] == "/2020/07/09"
    # The fixture README is not an article: reported, not silently skipped.
    assert corpus.rejected["path"].tolist() == ["README.md"]


def write_bytes(folder: Path, name: str, data: bytes) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def test_bad_files_are_rejected_and_the_rest_loads(tmp_path):
    write_bytes(tmp_path, "a-good.txt", ARTICLE.encode())
    write_bytes(tmp_path, "b-cp1256.txt", (ARTICLE * 3).encode("cp1256"))
    write_bytes(tmp_path, "c-binary.txt", b"\x00\x01\x02PK\x00")
    write_bytes(tmp_path, "d-empty.txt", b"  \n")
    write_bytes(tmp_path, "e-page.txt", b"<!DOCTYPE html><html></html>")
    write_bytes(tmp_path, "f-notes.docx", b"PK")
    write_bytes(tmp_path, "sub/a-good.txt", ARTICLE.replace("\n", "\r\n").encode())
    write_bytes(tmp_path, ".hidden/x.txt", b"ignored")
    corpus = load_corpus(tmp_path)
    check_contract(corpus)
    docs = corpus.documents
    assert docs["doc_id"].tolist() == ["a-good", "b-cp1256", "a-good-2"]
    assert docs["encoding"].tolist() == ["utf-8", "cp1256", "utf-8"]
    assert docs["text"].iloc[2] == ARTICLE  # CRLF → LF
    assert "crlf" in docs["flags"].iloc[2]
    reasons = dict(zip(corpus.rejected["path"], corpus.rejected["reason"], strict=True))
    assert set(reasons) == {"c-binary.txt", "d-empty.txt", "e-page.txt", "f-notes.docx"}
    assert "NUL bytes" in reasons["c-binary.txt"]
    assert "empty" in reasons["d-empty.txt"]
    assert "HTML" in reasons["e-page.txt"]
    assert corpus.rejected["row"].isna().all()


def test_manifest_rows_fill_metadata_and_unlisted_files_still_load(tmp_path):
    write_bytes(tmp_path, "a.txt", ARTICLE.encode())
    write_bytes(tmp_path, "b.txt", ARTICLE.encode())
    manifest = tmp_path.parent / f"{tmp_path.name}-manifest.csv"
    manifest.write_text(
        "file,outlet,date,title,desk\na.txt,My Outlet,05/01/2024,عنوان,سياسة\nzz.txt,X,,,\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path, manifest=manifest, dayfirst=True)
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["a", ["outlet", "outlet_source", "title", "desk"]].tolist() == [
        "My Outlet",
        "manifest",
        "عنوان",
        "سياسة",
    ]
    assert (docs.loc["a", "date"], docs.loc["a", "date_source"]) == (T("2024-01-05"), "metadata")
    assert (docs.loc["b", "date"], docs.loc["b", "date_source"]) == (T("2018-06-13"), "stated")
    assert docs.loc["b", "desk"] == ""
    assert corpus.rejected["row"].tolist() == [3]
    assert "not found" in corpus.rejected["reason"].iloc[0]


def test_ambiguous_manifest_date_is_reported_and_the_date_derived(tmp_path):
    write_bytes(tmp_path, "a.txt", ARTICLE.encode())
    (tmp_path / "manifest.csv").write_text("file,date\na.txt,05/01/2024\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    doc = corpus.documents.iloc[0]
    assert (doc.date, doc.date_source) == (T("2018-06-13"), "stated")
    assert corpus.rejected[["path", "row"]].values.tolist() == [["manifest.csv", 2]]


# --- table files -----------------------------------------------------------------------

RECORDS = [
    {
        "id": "n1",
        "headline": "عنوان أول",
        "content": "خبر أول عن سوريا.\r\nسطر ثان.",
        "source": "Outlet A",
        "published": "2018-07-22",
        "link": "https://a.example/1",
        "author": "كاتب",
    },
    {
        "id": "",
        "headline": "",
        "content": "موسكو تعرض ضمانات\nقالت موسكو إنها مستعدة.",
        "source": "",
        "published": "",
        "link": "https://www.enabbaladi.net/archives/2019/03/04/x/",
        "author": "",
    },
    {
        "id": "n3",
        "headline": "فارغ",
        "content": "   ",
        "source": "",
        "published": "",
        "link": "",
        "author": "",
    },
]


def write_table(path: Path, records: list[dict]) -> Path:
    frame = pd.DataFrame(records)
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    elif path.suffix == ".json":
        path.write_text(json.dumps(records, ensure_ascii=False))
    else:
        frame.to_parquet(path, index=False)
    return path


@pytest.mark.parametrize(
    ("suffix", "rows"),
    [(".csv", (2, 3, 4)), (".jsonl", (1, 2, 3)), (".json", (1, 2, 3)), (".parquet", (1, 2, 3))],
)
def test_table_files_with_alias_columns(tmp_path, suffix, rows):
    path = write_table(tmp_path / f"news{suffix}", RECORDS)
    corpus = load_corpus(path)
    check_contract(corpus)
    docs = corpus.documents
    assert docs["doc_id"].tolist() == ["n1", f"news-{rows[1]}"]
    assert docs["path"].tolist() == [f"news{suffix}#row={rows[0]}", f"news{suffix}#row={rows[1]}"]
    first, second = docs.iloc[0], docs.iloc[1]
    assert first.text == "خبر أول عن سوريا.\nسطر ثان."
    assert (first.title, first.outlet, first.outlet_source) == ("عنوان أول", "Outlet A", "metadata")
    assert (first.date, first.date_source, first.date_note) == (
        T("2018-07-22"),
        "metadata",
        "column published",
    )
    assert first.author == "كاتب"
    assert (second.outlet, second.outlet_source) == ("Enab Baladi", "url")
    assert (second.date, second.date_source) == (T("2019-03-04"), "url")
    assert second.title == "موسكو تعرض ضمانات"  # the headline paragraph
    assert corpus.rejected.values.tolist() == [
        [f"news{suffix}", rows[2], "empty text in column 'content'"]
    ]


def test_crawl_time_columns_are_metadata_with_a_note(tmp_path):
    records = [{"content": "خبر.", "date_extracted": "2015-07-21 02:51:32", "source": "aawsat"}]
    doc = load_corpus(write_table(tmp_path / "t.json", records)).documents.iloc[0]
    assert (doc.date, doc.date_source) == (T("2015-07-21"), "metadata")
    assert doc.date_note.startswith("column date_extracted (crawl time")


def test_columns_option_maps_other_names(tmp_path):
    records = [{"نص": "خبر عن إيران.", "العنوان": "عنوان", "when": "2020-01-02"}]
    path = write_table(tmp_path / "t.jsonl", records)
    doc = load_corpus(path, columns={"text": "نص", "title": "العنوان", "date": "when"}).documents
    assert doc[["text", "title"]].values.tolist() == [["خبر عن إيران.", "عنوان"]]
    assert doc["date"].iloc[0] == T("2020-01-02")


def test_a_table_without_text_column_names_the_file_and_its_columns(tmp_path):
    path = write_table(tmp_path / "t.csv", [{"headline": "x", "link": "y"}])
    with pytest.raises(
        CorpusError, match=r"t\.csv: no text column .* its columns are: headline, link"
    ):
        load_corpus(path)
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(path, folder / "t.csv")
    write_table(folder / "u.csv", [{"text": "خبر.", "title": "ع"}])
    corpus = load_corpus(folder)
    assert corpus.documents["doc_id"].tolist() == ["u-2"]
    assert corpus.rejected["path"].tolist() == ["t.csv"]
    assert "its columns are: headline, link" in corpus.rejected["reason"].iloc[0]


def test_bad_table_rows_are_rejected_with_their_row(tmp_path):
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("text,title\nخبر أول.,ع\nخبر,ع,زائد\n", encoding="utf-8")
    jsonl = tmp_path / "t.jsonl"
    jsonl.write_text('{"text": "خبر."}\n{not json\n[1, 2]\n', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.documents["path"].tolist() == ["t.csv#row=2", "t.jsonl#row=1"]
    got = corpus.rejected[["path", "row"]].values.tolist()
    assert got == [["t.csv", 3], ["t.jsonl", 2], ["t.jsonl", 3]]
    assert "3 fields but the header has 2" in corpus.rejected["reason"].iloc[0]


def test_explode_parallel_lists_into_rows():
    corpus = load_corpus(
        LOADER / "claims.json", columns={"text": "article"}, explode=["article", "url", "stance"]
    )
    check_contract(corpus)
    docs = corpus.documents
    assert docs["doc_id"].tolist() == ["C-1-1", "C-1-2"]
    assert docs["path"].tolist() == ["claims.json#row=1&item=1", "claims.json#row=1&item=2"]
    assert docs["stance"].tolist() == ["agree", "discuss"]
    assert docs["fact"].tolist() == ["false", "false"]
    assert docs["outlet"].tolist() == ["Enab Baladi", "example.com"]
    assert docs["date"].tolist() == [T("2018-07-22"), T("2017-09-15")]
    assert corpus.rejected.values.tolist() == [
        ["claims.json", 1, "empty text in column 'article' (item 3)"]
    ]


def test_explode_reports_unequal_lists_and_unexploded_lists(tmp_path):
    record = {"id": "x", "article": ["خبر أول.", "خبر ثان."], "url": ["https://a.example/1"]}
    path = write_table(tmp_path / "t.json", [record])
    corpus = load_corpus(path, explode=["article", "url"])
    assert corpus.documents.empty
    assert "differ in length: article (2), url (1)" in corpus.rejected["reason"].iloc[0]
    corpus = load_corpus(path)
    assert "holds a list; pass explode=['article']" in corpus.rejected["reason"].iloc[0]


@pytest.mark.slow
def test_real_syria_claims_files_load_with_explode(shared_corpora, tmp_path):
    dataset = shared_corpora / "syria-claims" / "dataset"
    for path in sorted(dataset.glob("*.json"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    n_items = sum(len(json.loads(p.read_text())["article"]) for p in tmp_path.glob("*.json"))
    corpus = load_corpus(
        tmp_path, columns={"text": "article"}, explode=["article", "url", "stance"]
    )
    check_contract(corpus)
    assert len(corpus.documents) + len(corpus.rejected) == n_items
    assert (corpus.documents["outlet_source"] == "url").all()
    assert set(corpus.documents["date_source"]) <= {"stated", "url", "unknown"}


def test_a_process_pool_gives_the_same_tables(fixture_corpus):
    """Chunks built by two worker processes: the same tables as one process."""
    alone = load_corpus(fixture_corpus, workers=1)
    pooled = load_corpus(fixture_corpus, workers=2, chunk_size=2)
    for name in ("documents", "sentences", "rejected"):
        pd.testing.assert_frame_equal(getattr(pooled, name), getattr(alone, name))


def test_one_process_builds_more_than_two_chunks(fixture_corpus):
    """In one process, chunks after the first two are built too (the same tables)."""
    alone = load_corpus(fixture_corpus, workers=1)
    chunked = load_corpus(fixture_corpus, workers=1, chunk_size=1)
    assert len(alone.documents) > 2
    for name in ("documents", "sentences", "rejected"):
        pd.testing.assert_frame_equal(getattr(chunked, name), getattr(alone, name))


def test_content_hash_follows_the_text_and_metadata(tmp_path):
    rows = [
        {"text": ARTICLE, "outlet": "أ", "title": "ت"},
        {"text": ARTICLE, "outlet": "أ", "title": "ت"},
        {"text": ARTICLE + "سطر آخر.", "outlet": "أ", "title": "ت"},
        {"text": ARTICLE, "outlet": "ب", "title": "ت"},
    ]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    hashes = load_corpus(path).documents["content_hash"].tolist()
    assert hashes[0] == hashes[1]
    assert len({hashes[0], hashes[2], hashes[3]}) == 3
    assert all(len(h) == 32 for h in hashes)


# --- saved HTML pages ------------------------------------------------------------------

OTHER_HEADLINE = "طهران تنفي بحث سحب مستشاريها العسكريين من سوريا"
OTHER_PARAS = (
    "نفت إيران يوم الأحد تقارير تحدثت عن مفاوضات لسحب مستشاريها العسكريين من الأراضي"
    " السورية، وقال متحدث باسم الخارجية إن وجودهم جاء بطلب من الحكومة في دمشق.",
    "وأضاف المتحدث أن الحرس الثوري سيبقى في سوريا ما دامت الحكومة السورية تطلب ذلك.",
)
# A text article that carries the related-news headline as its own: tagged there, so its
# absence from the pages' tables is the extraction's doing, not the tagger's.
RELATED_ARTICLE = f"{RELATED[0]}\nوقال مسؤول أمريكي إن العقوبات ستبقى قائمة حتى يتحقق ذلك.\n"


def write_pages(folder: Path) -> None:
    """Two saved pages (UTF-8; windows-1256, a known outlet, a JSON-LD date) and a text."""
    write_bytes(folder, "golan.html", saved_page().encode("utf-8"))
    other = saved_page(
        headline=OTHER_HEADLINE,
        paras=OTHER_PARAS,
        site="الجزيرة نت",
        canonical="https://www.aljazeera.net/news/politics/withdrawal",
        date_markup=JSON_LD,
        charset="windows-1256",
    )
    write_bytes(folder, "sub/withdrawal.htm", other.encode("cp1256", "xmlcharrefreplace"))
    write_bytes(folder, "related.txt", RELATED_ARTICLE.encode())


def test_a_folder_of_saved_pages_loads_the_article_and_the_page_metadata(tmp_path):
    write_pages(tmp_path)
    corpus = load_corpus(tmp_path)
    check_contract(corpus)
    assert corpus.rejected.empty, corpus.rejected
    docs = corpus.documents.set_index("path")
    golan = docs.loc["golan.html"]
    assert golan.doc_id == "golan"
    assert golan.text == "\n".join([HEADLINE, *PARAS])
    assert (golan.title, golan.outlet, golan.outlet_source) == (HEADLINE, SITE, "metadata")
    assert (golan.date, golan.date_source) == (T("2018-07-22"), "metadata")
    assert golan.date_note.startswith("meta article:published_time")
    assert (golan.url, golan.encoding) == (CANONICAL, "utf-8")
    assert golan.extraction == extraction_method()
    other = docs.loc["sub/withdrawal.htm"]
    assert other.text == "\n".join([OTHER_HEADLINE, *OTHER_PARAS])
    assert (other.encoding, other.title) == ("cp1256", OTHER_HEADLINE)
    assert (other.outlet, other.outlet_source) == ("Al Jazeera", "url")
    assert (other.date, other.date_source) == (T("2019-03-02"), "metadata")
    assert other.date_note.startswith("JSON-LD datePublished")
    assert docs.loc["related.txt", "extraction"] == ""
    assert [c for c in CHROME if corpus.documents["text"].str.contains(c, regex=False).any()] == [
        RELATED[0]  # the text article's own headline, not a page's aside
    ]


def test_tagging_saved_pages_counts_only_the_article(tmp_path):
    write_pages(tmp_path)
    tables = tag(tmp_path)
    docs = tables.documents.set_index("path")
    pages = [docs.loc["golan.html", "doc_id"], docs.loc["sub/withdrawal.htm", "doc_id"]]
    sents = tables.sentences[tables.sentences["doc_id"].isin(pages)]
    counted = sents[sents["section"].isin(["headline", "body"])]
    assert [s for s in sents["text"] if any(c in s for c in CHROME)] == []
    headlines = counted[counted["section"] == "headline"]
    assert sorted(headlines["text"]) == sorted([HEADLINE, OTHER_HEADLINE])
    body = "\n".join(counted.loc[counted["section"] == "body", "text"])
    assert all(p in body for p in (*PARAS, *OTHER_PARAS))
    mentions = tables.mentions
    on_pages = mentions[mentions["doc_id"].isin(pages)]
    assert {"RUS", "IRN"} <= set(on_pages["actor_id"])
    # واشنطن stands only in the related-news aside: tagged in the text article, not the pages.
    assert "USA" not in set(on_pages["actor_id"])
    related = mentions[mentions["doc_id"] == docs.loc["related.txt", "doc_id"]]
    assert "USA" in set(related["actor_id"])
    texts = tables.documents.set_index("doc_id")["text"]
    assert all(
        texts[d][s:e] == sf
        for d, s, e, sf in on_pages[["doc_id", "start", "end", "surface"]].itertuples(index=False)
    )


def test_the_manifest_overrides_page_metadata_where_it_gives_it(tmp_path):
    write_bytes(tmp_path, "golan.html", saved_page().encode())
    write_bytes(
        tmp_path, "other.html", saved_page(headline=OTHER_HEADLINE, paras=OTHER_PARAS).encode()
    )
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,date,title,url,desk\n"
        "golan.html,My Outlet,2018-07-23,عنوان من البيان,https://example.org/x,سياسة\n"
        "other.html,,,,,دولي\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert corpus.rejected.empty, corpus.rejected
    docs = corpus.documents.set_index("path")
    golan, other = docs.loc["golan.html"], docs.loc["other.html"]
    assert (golan.outlet, golan.outlet_source) == ("My Outlet", "manifest")
    assert (golan.date, golan.date_source, golan.date_note) == (
        T("2018-07-23"),
        "metadata",
        "manifest row 2",
    )
    assert (golan.title, golan.url) == ("عنوان من البيان", "https://example.org/x")
    assert golan.desk == "سياسة"
    assert golan.text == "\n".join([HEADLINE, *PARAS])  # the text is still the page's
    # Empty manifest cells leave the page's own metadata.
    assert (other.outlet, other.outlet_source, other.title) == (SITE, "metadata", OTHER_HEADLINE)
    assert (other.date, other.date_source, other.url) == (T("2018-07-22"), "metadata", CANONICAL)
    assert other.desk == "دولي"


def test_bad_pages_are_rejected_with_their_reason_and_the_rest_loads(tmp_path):
    write_bytes(tmp_path, "a-good.html", saved_page().encode())
    write_bytes(tmp_path, "b-front.html", SECTION_FRONT.encode())
    write_bytes(tmp_path, "c-binary.html", PNG)
    write_bytes(tmp_path, "d-garbage.htm", b"<html><body>" + bytes(range(0x80, 0x100)) * 8)
    write_bytes(tmp_path, "e-empty.HTML", b"")
    write_bytes(tmp_path, "f-page.txt", saved_page().encode())  # a page saved as .txt
    corpus = load_corpus(tmp_path)
    check_contract(corpus)
    assert corpus.documents["path"].tolist() == ["a-good.html"]
    reasons = dict(zip(corpus.rejected["path"], corpus.rejected["reason"], strict=True))
    assert "no article" in reasons["b-front.html"]
    assert "NUL bytes" in reasons["c-binary.html"]
    assert "not valid UTF-8" in reasons["d-garbage.htm"]
    assert "empty" in reasons["e-empty.HTML"]
    assert "HTML page saved as text" in reasons["f-page.txt"]
    assert corpus.rejected["row"].isna().all()


def test_a_single_saved_page_is_a_corpus(tmp_path):
    path = tmp_path / "golan.html"
    path.write_text(saved_page(), encoding="utf-8")
    docs = load_corpus(path).documents
    assert docs[["doc_id", "path", "title"]].values.tolist() == [["golan", "golan.html", HEADLINE]]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_table_column_of_html_is_read_as_pages(tmp_path, suffix):
    blank = {"source": "", "link": "", "published": ""}
    records = [
        {"id": "p1", "page_html": saved_page(), **blank},
        {
            "id": "p2",
            "page_html": saved_page(canonical=None, site=None),
            "source": "Outlet B",
            "link": "https://example.org/2019/03/04/x",
            "published": "2019-03-05",
        },
        {"id": "p3", "page_html": SECTION_FRONT, **blank},
        {"id": "p4", "page_html": "", **blank},
    ]
    path = write_table(tmp_path / f"pages{suffix}", records)
    corpus = load_corpus(path, columns={"html": "page_html"})
    check_contract(corpus)
    docs = corpus.documents.set_index("doc_id")
    first = 2 if suffix == ".csv" else 1
    p1, p2 = docs.loc["p1"], docs.loc["p2"]
    assert p1.path == f"pages{suffix}#row={first}"
    assert p1.text == p2.text == "\n".join([HEADLINE, *PARAS])
    assert (p1.title, p1.outlet, p1.outlet_source, p1.url) == (
        HEADLINE,
        SITE,
        "metadata",
        CANONICAL,
    )
    assert (p1.date, p1.date_source) == (T("2018-07-22"), "metadata")
    assert p1.extraction == p2.extraction == extraction_method()
    # The table's own columns win over the page.
    assert (p2.outlet, p2.outlet_source) == ("Outlet B", "metadata")
    assert (p2.date, p2.date_note) == (T("2019-03-05"), "column published")
    assert p2.url == "https://example.org/2019/03/04/x"
    assert "page_html" not in corpus.documents.columns  # the HTML is not kept as metadata
    rejected = corpus.rejected.values.tolist()
    assert [r[:2] for r in rejected] == [
        [f"pages{suffix}", first + 2],
        [f"pages{suffix}", first + 3],
    ]
    assert "no article" in rejected[0][2] and "empty HTML in column 'page_html'" in rejected[1][2]


def test_naming_both_text_and_html_columns_is_an_error(tmp_path):
    path = write_table(tmp_path / "t.jsonl", [{"body": "خبر.", "page": "<p>خبر</p>"}])
    with pytest.raises(CorpusError, match=r"both a text column .* and an HTML column"):
        load_corpus(path, columns={"text": "body", "html": "page"})


def test_the_cli_reads_an_html_column(tmp_path, capsys):
    path = write_table(tmp_path / "pages.jsonl", [{"id": "p1", "page_html": saved_page()}])
    assert (
        main(["tag", str(path), "--column", "html=page_html", "--out", str(tmp_path / "out")]) == 0
    )
    docs = read_tables(tmp_path / "out").documents
    assert docs[["doc_id", "title", "extraction"]].values.tolist() == [
        ["p1", HEADLINE, extraction_method()]
    ]


def _site_pages(n: int) -> list[dict]:
    menu = "الرئيسية أخبار سوريا تقارير مقالات رأي . اشترك في القائمة البريدية للموقع ."
    return [
        {
            "doc_id": f"p{i}",
            "url": f"https://www.site.example/news/{i}",
            "text": f"{menu}\nتقرير رقم {i} عن تطورات الجنوب السوري ومواقف الأطراف فيه .",
        }
        for i in range(n)
    ]


def test_a_sites_template_is_read_from_its_other_pages(tmp_path):
    def load(pages):
        path = tmp_path / f"c{len(pages)}.jsonl"
        path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in pages))
        return load_corpus(path)

    three, one = load(_site_pages(3)), load(_site_pages(1))
    first = three.sentences[three.sentences["doc_id"] == "p0"]
    assert first["section_reason"].tolist()[:2] == ["boilerplate.repeated_across_pages"] * 2
    assert first["section"].tolist()[2] == "body"
    # alone, the page has no template to compare with: all counted, and it hashes
    # differently, so cached tags of the three-page corpus are not reused for it
    assert (one.sentences["section"] == "body").all()
    h3 = three.documents.set_index("doc_id").loc["p0", "content_hash"]
    assert one.documents.set_index("doc_id").loc["p0", "content_hash"] != h3
