"""Load a user's corpus into the ``documents``, ``sentences`` and ``rejected`` tables.

Inputs (``load_corpus``):

- a folder of ``.txt`` files, one article each, and of saved ``.html``/``.htm`` pages
  (the article text and the page's title, date, site name and URL extracted by
  :mod:`analysis.load.htmlpage`), read recursively in sorted order, with an optional
  ``manifest.csv`` (in the folder or passed as ``manifest=``); files the manifest does
  not list still load, with metadata derived from the text or the page;
- one table file — CSV, JSONL, a JSON array of objects (or one JSON object), Parquet — or a
  folder of such files (e.g. SaudiNewsNet's JSON arrays). Common column names are
  recognised (see ``analysis.load.records.ALIASES``); ``columns={"text": "my_col"}``
  names others. A column of HTML (role ``html``: ``columns={"html": "page_html"}``, or a
  column named like one in ``ALIASES["html"]`` when the table has no text column) is read
  as a page, like a file.
  ``explode=["article", "url"]`` turns records whose listed fields are parallel lists
  into one row per element (the syria-claims layout); other fields are repeated.

Nothing is silently dropped: an unreadable file, an empty text, a bad manifest or table
row, a file that is neither an article nor a table, each is a row of ``rejected`` with a
reason, and one bad file never stops the load. Hidden files (names starting with ``.``)
are not looked at. Tables are read in a streaming way (CSV and JSONL record by record,
Parquet by batches, JSON one file at a time) and documents are processed in chunks.

Derivation (``docs/tables.md``):

- date: the manifest/table column, else (pages) a date in the page's markup, else the
  day in the URL, else the date stated in the text
  (:func:`analysis.load.pubdate.choose_article_date`, refusing the corpus's crawl days;
  within the month when the URL gives only a month), else a month-only URL date, else
  NaT / ``unknown``;
- outlet: the manifest/table column, else (pages) a known outlet for the URL or the site
  name, else the URL host, else a site signature, else ``unknown``;
- title: the manifest/table column, else (pages) the page's title, else the paragraph of
  the first ``headline`` sentence;
- doc_id: the file stem, the ``doc_id``/``id`` column, else ``<table stem>-<row>``
  (``-<item>`` added for exploded rows); repeats get ``-2``, ``-3``….
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.load.articles import Problems, RawArticle
from analysis.load.dedup import dup_groups, text_features
from analysis.load.ids import content_hash, unique_id
from analysis.load.manifest import rejected_frame
from analysis.load.outlets import derive_outlet
from analysis.load.pool import cpu_count, pool_map
from analysis.load.pubdate import crawl_dates, derive_date, header_dates
from analysis.load.readers import iter_raw_articles
from analysis.load.segment import segment_documents
from analysis.load.signals import corpus_signals
from analysis.load.textio import BIDI_CONTROLS_RE, ZERO_WIDTH_RE

DOCUMENT_COLUMNS = (
    "doc_id",
    "path",
    "outlet",
    "outlet_source",
    "date",
    "date_source",
    "date_note",
    "title",
    "url",
    "text",
    "encoding",
    "encoding_confidence",
    "dup_group",
    "n_chars",
)
#: Loader column beyond docs/tables.md: comma-separated ``Decoded.flags`` (e.g. bidi_controls).
FLAGS_COLUMN = "flags"
#: Loader column beyond docs/tables.md: the text's and metadata's hash
#: (:func:`analysis.load.ids.content_hash`).
HASH_COLUMN = "content_hash"
#: Loader column: how the text was taken from HTML (``trafilatura 2.3.1``); empty for text.
EXTRACTION_COLUMN = "extraction"
CHUNK_SIZE = 2000


# --- entry point -----------------------------------------------------------------------


def load_corpus(
    path: str | Path,
    *,
    manifest: str | Path | None = None,
    columns: dict[str, str] | None = None,
    explode: list[str] | None = None,
    dayfirst: bool | None = None,
    chunk_size: int = CHUNK_SIZE,
    workers: int | None = None,
) -> Corpus:
    """Load a folder of ``.txt`` files and saved pages, a table file or a folder of tables.

    See the module docstring.

    ``workers`` processes build the chunks (segmentation, sections, dates, the dedup
    features); ``None`` uses every CPU core when the corpus is over one chunk, ``1`` stays
    in this process. The tables do not depend on it.
    """
    problems: Problems = []
    doc_chunks, sent_chunks, features = [], [], []
    for docs, sents, feats in _iter_built_chunks(
        path,
        manifest=manifest,
        columns=columns,
        explode=explode,
        dayfirst=dayfirst,
        chunk_size=chunk_size,
        problems=problems,
        workers=workers,
    ):
        doc_chunks.append(docs)
        sent_chunks.append(sents)
        features.extend(feats)
    documents = _concat(doc_chunks, _empty_documents())
    del doc_chunks
    documents["dup_group"] = dup_groups(documents["text"], features=features).astype("Int64")
    del features
    documents = documents[[*DOCUMENT_COLUMNS, *_rest(documents)]]
    sentences = _concat(sent_chunks, _empty_sentences())
    return Corpus(documents, sentences, rejected_frame(problems))


def _iter_built_chunks(
    path, *, manifest, columns, explode, dayfirst, chunk_size, problems, workers
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, list]]:
    """``(documents, sentences, dedup features)`` per chunk, built here or in a process pool.

    Reading and doc_id assignment stay in this process (ids depend on every earlier
    article); the pool only receives self-contained batches, so the result is the same.
    """
    seen_ids: dict[str, int] = {}
    options = dict(manifest=manifest, columns=columns, explode=explode, dayfirst=dayfirst)
    # A first read for what the pages of a site share (analysis.load.signals); its problems are
    # the second read's, reported once.
    # The same read collects the dates at the top of every page: a date that the headers
    # of many pages share is the crawl day, refused as a publication date (pubdate.crawl_dates).
    tops: list[tuple[int, pd.Timestamp]] = []

    def first_read() -> Iterator[tuple[str, str, str]]:
        for i, r in enumerate(iter_raw_articles(path, problems=[], **options)):
            tops.extend((i, d) for d in header_dates(r.text))
            yield r.url, r.outlet, r.text

    n_first = cpu_count() if workers is None else workers
    signals = corpus_signals(
        first_read(),
        mapper=map if n_first <= 1 else lambda func, jobs: pool_map(func, jobs, n_first),
    )
    refuse = frozenset(crawl_dates(tops))
    raws = iter_raw_articles(path, problems=problems, **options)

    def job(batch: list[RawArticle]) -> tuple:
        across = [signals.across(r.url, r.outlet) for r in batch]
        return [unique_id(r.id_base, seen_ids) for r in batch], batch, across, refuse

    def jobs() -> Iterator[tuple]:
        batch: list[RawArticle] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= chunk_size:
                yield job(batch)
                batch = []
        if batch:
            yield job(batch)

    pending = jobs()
    head = list(itertools.islice(pending, 2))  # a second chunk: worth a pool
    n_workers = (cpu_count() if len(head) > 1 else 1) if workers is None else workers
    if n_workers <= 1 or len(head) < 2:
        # not `job`: that name is the closure jobs() calls for the chunks still to come
        for chunk in itertools.chain(head, pending):
            yield _build_job(chunk)
        return
    yield from pool_map(_build_job, itertools.chain(head, pending), n_workers)


# --- building the tables ---------------------------------------------------------------


def _build_job(job: tuple) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """Documents, sentences and dedup features of a batch whose doc_ids are assigned:
    ``(ids, raw articles, the shared sentence keys of each one's site or None, the
    corpus's crawl dates)`` (analysis.load.signals, analysis.load.pubdate.crawl_dates)."""
    ids, batch, across, refuse = job
    sents = segment_documents(
        ids, [r.text for r in batch], [r.title or None for r in batch], across=across
    )
    spans = _sentence_spans_by_doc(sents)
    rows = [
        _document_row(doc_id, raw, spans.get(doc_id, []), refuse)
        for doc_id, raw in zip(ids, batch, strict=True)
    ]
    features = [text_features(raw.text) for raw in batch]
    return _documents_frame(rows), sents, features


def _sentence_spans_by_doc(sents: pd.DataFrame) -> dict[str, list[tuple]]:
    """doc_id → [(start, end, section, para_id)] in text order."""
    out: dict[str, list[tuple]] = {}
    cols = [sents[c].tolist() for c in ("doc_id", "start", "end", "section", "para_id")]
    for doc_id, start, end, section, para in zip(*cols, strict=True):
        out.setdefault(doc_id, []).append((start, end, section, para))
    return out


def _document_row(
    doc_id: str, raw: RawArticle, spans: list[tuple], refuse: frozenset = frozenset()
) -> dict:
    """The ``documents`` row of one article, deriving what the metadata left out;
    ``refuse``: the corpus's crawl dates."""
    title = raw.title or _headline_paragraph(raw.text, spans)
    date, date_source, date_note = raw.date, raw.date_source, raw.date_note
    if pd.isna(date):
        date, date_source, date_note = derive_date(raw.text, raw.url, spans, refuse)
    outlet, outlet_source = raw.outlet, raw.outlet_source
    if not outlet:
        derived = derive_outlet(raw.url, raw.text)
        outlet, outlet_source = derived.name, derived.source
    return {
        "doc_id": doc_id,
        "path": raw.path,
        "outlet": outlet,
        "outlet_source": outlet_source,
        "date": date,
        "date_source": date_source,
        "date_note": date_note,
        "title": title,
        "url": raw.url,
        "text": raw.text,
        "encoding": raw.encoding,
        "encoding_confidence": raw.confidence,
        "n_chars": len(raw.text),
        FLAGS_COLUMN: ",".join(_with_metadata_flags(raw, title, outlet)),
        HASH_COLUMN: content_hash(
            raw.text,
            title,
            outlet,
            date,
            raw.url,
            " ".join(f"{s}:{e}:{sec}" for s, e, sec, _ in spans),
        ),
        EXTRACTION_COLUMN: raw.extraction,
        **{_safe_extra(k): v for k, v in raw.extras.items()},
    }


def _with_metadata_flags(raw: RawArticle, title: str, outlet: str) -> list[str]:
    """The decode flags plus ``bidi_controls``/``zero_width`` when the metadata holds them.

    Display strips such characters everywhere; the flag tells the analyst a field was
    altered for display, whichever field it was.
    """
    flags = list(raw.flags)
    fields = (title, outlet, raw.url, *map(str, raw.extras.values()))
    for name, pattern in (("bidi_controls", BIDI_CONTROLS_RE), ("zero_width", ZERO_WIDTH_RE)):
        if name not in flags and any(pattern.search(f) for f in fields):
            flags.append(name)
    return flags


def _headline_paragraph(text: str, spans: list[tuple]) -> str:
    """The first run of ``headline`` sentences within one paragraph, or ``""``: the whole
    headline line on a clean page; on a scraped one, the headline without the title bar
    before it or the article text glued after it (analysis.load.chrome)."""
    first = next((i for i, (_, _, sec, _) in enumerate(spans) if sec == "headline"), None)
    if first is None:
        return ""
    start, end, _, para = spans[first]
    for _s, e, sec, p in spans[first + 1 :]:
        if p != para or sec != "headline":
            break
        end = e
    return text[start:end]


def _safe_extra(name: str) -> str:
    """Extra metadata keeps its name unless it collides with a documents column."""
    taken = (*DOCUMENT_COLUMNS, FLAGS_COLUMN, HASH_COLUMN, EXTRACTION_COLUMN)
    return f"src_{name}" if name in taken else name


def _documents_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows) if rows else _empty_documents()
    for column in frame.columns:
        if column == "date":
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
        elif column == "n_chars":
            frame[column] = frame[column].astype("int64")
        elif column == "encoding_confidence":
            frame[column] = frame[column].astype("float64")
        elif column != "dup_group":
            frame[column] = frame[column].fillna("").astype(pd.StringDtype())
    return frame


def _empty_documents() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            c: pd.array([], dtype=pd.StringDtype())
            for c in (*DOCUMENT_COLUMNS, FLAGS_COLUMN, HASH_COLUMN, EXTRACTION_COLUMN)
        }
    )
    frame["date"] = pd.Series([], dtype="datetime64[ns]")
    frame["dup_group"] = pd.array([], dtype="Int64")
    frame["n_chars"] = pd.Series([], dtype="int64")
    frame["encoding_confidence"] = pd.Series([], dtype="float64")
    return frame


def _empty_sentences() -> pd.DataFrame:
    return segment_documents([], [], [])


def _concat(frames: list[pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    """Concatenate chunks; extra columns missing from some chunks become empty strings."""
    if not frames:
        return empty
    out = pd.concat(frames, ignore_index=True)
    for column in out.columns:
        if out[column].dtype == object or isinstance(out[column].dtype, pd.StringDtype):
            out[column] = out[column].fillna("").astype(pd.StringDtype())
    return out


def _rest(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c not in DOCUMENT_COLUMNS]


@dataclass
class Corpus:
    """The loaded corpus: ``documents``, ``sentences``, ``rejected`` (docs/tables.md)."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    rejected: pd.DataFrame

    def summary(self) -> str:
        """One line: how many documents, sentences and rejected entries."""
        return (
            f"{len(self.documents)} documents, {len(self.sentences)} sentences,"
            f" {len(self.rejected)} rejected"
        )
