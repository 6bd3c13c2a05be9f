"""Load a user's corpus into the ``documents``, ``sentences`` and ``rejected`` tables.

Inputs (``load_corpus``):

- a folder of ``.txt`` files, one article each, and of saved ``.html``/``.htm`` pages
  (the article text and the page's title, date, site name and URL extracted by
  :mod:`analysis.load.htmlpage`), read recursively in sorted order, with an optional
  ``manifest.csv`` (in the folder or passed as ``manifest=``); files the manifest does
  not list still load, with metadata derived from the text or the page;
- one table file — CSV, JSONL, a JSON array of objects (or one JSON object), Parquet — or a
  folder of such files (e.g. SaudiNewsNet's JSON arrays). Common column names are
  recognised (see ``ALIASES``); ``columns={"text": "my_col"}`` names others. A column of
  HTML (role ``html``: ``columns={"html": "page_html"}``, or a column named like one in
  ``ALIASES["html"]`` when the table has no text column) is read as a page, like a file.
  ``explode=["article", "url"]`` turns records whose listed fields are parallel lists
  into one row per element (the syria-claims layout); other fields are repeated.

Nothing is silently dropped: an unreadable file, an empty text, a bad manifest or table
row, a file that is neither an article nor a table, each is a row of ``rejected`` with a
reason, and one bad file never stops the load. Hidden files (names starting with ``.``)
are not looked at. Tables are read in a streaming way (CSV and JSONL record by record,
Parquet by batches, JSON one file at a time) and documents are processed in chunks.

Derivation (``docs/tables.md``):

- date: the manifest/table column, else (pages) a date in the page's markup, else the
  day in the URL, else the date stated in the text (:func:`analysis.text.dates.choose_article_date`,
  refusing the corpus's crawl days; within the month when the URL gives only a month),
  else a month-only URL date, else NaT / ``unknown``;
- outlet: the manifest/table column, else (pages) a known outlet for the URL or the site
  name, else the URL host, else a site signature, else ``unknown``;
- title: the manifest/table column, else (pages) the page's title, else the paragraph of
  the first ``headline`` sentence;
- doc_id: the file stem, the ``doc_id``/``id`` column, else ``<table stem>-<row>``
  (``-<item>`` added for exploded rows); repeats get ``-2``, ``-3``….
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.load.htmlpage import HTML_SUFFIXES, Page, page_from_html, read_page
from analysis.load.manifest import read_manifest, rejected_frame
from analysis.load.outlets import derive_outlet
from analysis.load.signals import corpus_signals
from analysis.load.textio import (
    BIDI_CONTROLS,
    ZERO_WIDTH,
    UnreadableFile,
    normalise_text,
    read_text,
)
from analysis.text.dates import (
    URL_MONTH_ONLY,
    choose_article_date,
    crawl_dates,
    date_from_url,
    header_dates,
    parse_date_value,
)

TEXT_SUFFIXES = (".txt",)
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json", ".parquet")
MANIFEST_NAME = "manifest.csv"
#: Column names recognised for each role, in order of preference (compared lower-cased).
ALIASES = {
    "text": ("text", "content", "body", "article", "article_text", "full_text", "fulltext"),
    # A page's HTML, read like a saved page; used unasked only when there is no text column.
    "html": ("html", "raw_html", "page_html", "html_content", "content_html"),
    "title": ("title", "headline", "heading"),
    "outlet": ("outlet", "source", "site", "publisher", "newspaper", "source_name"),
    "date": (
        "date",
        "published",
        "date_published",
        "published_at",
        "publish_date",
        "publication_date",
        "pub_date",
        "pubdate",
        "datetime",
        "date_extracted",
        "crawl_date",
        "crawled_at",
        "scraped_at",
    ),
    "url": ("url", "link", "href", "source_url"),
    "doc_id": ("doc_id", "id", "article_id"),
}
#: Date columns that hold the time a page was crawled, not when it was published.
CRAWL_DATE_COLUMNS = ("date_extracted", "crawl_date", "crawled_at", "scraped_at")
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
#: Loader column beyond docs/tables.md: :func:`content_hash` of the text and metadata.
HASH_COLUMN = "content_hash"
#: Loader column: how the text was taken from HTML (``trafilatura 2.3.1``); empty for text.
EXTRACTION_COLUMN = "extraction"
CHUNK_SIZE = 2000


class CorpusError(ValueError):
    """The corpus as a whole cannot be loaded (e.g. a table without a text column)."""


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


@dataclass
class RawArticle:
    """One article as read, before anything is derived from it."""

    path: str
    text: str
    encoding: str
    flags: tuple[str, ...] = ()
    id_base: str = ""  # the file stem, id column or <stem>-<row>
    confidence: float = 1.0  # of the encoding: 1.0 for a BOM, UTF-8 or a table cell
    title: str = ""
    url: str = ""
    outlet: str = ""
    outlet_source: str = ""
    date: pd.Timestamp = pd.NaT
    date_source: str = ""
    date_note: str = ""
    extraction: str = ""  # the extractor, for text taken from HTML
    extras: dict[str, str] = field(default_factory=dict)


Problems = list[tuple[str, "int | None", str]]


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
    from analysis.load.dedup import dup_groups

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


def iter_corpus_chunks(
    path: str | Path,
    *,
    manifest: str | Path | None = None,
    columns: dict[str, str] | None = None,
    explode: list[str] | None = None,
    dayfirst: bool | None = None,
    chunk_size: int = CHUNK_SIZE,
    problems: Problems | None = None,
    workers: int | None = 1,
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Yield ``(documents, sentences)`` per chunk of ``chunk_size`` articles, in corpus order.

    ``documents`` lacks ``dup_group`` (it needs the whole corpus). Problems are appended
    to ``problems`` as (path, row, reason). Use this to stream a large corpus to disk;
    ``workers`` as in :func:`load_corpus`.
    """
    for docs, sents, _ in _iter_built_chunks(
        path, manifest=manifest, columns=columns, explode=explode, dayfirst=dayfirst,
        chunk_size=chunk_size, problems=problems, workers=workers,
    ):  # fmt: skip
        yield docs, sents


def cpu_count() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _iter_built_chunks(
    path, *, manifest, columns, explode, dayfirst, chunk_size, problems, workers
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, list]]:
    """``(documents, sentences, dedup features)`` per chunk, built here or in a process pool.

    Reading and doc_id assignment stay in this process (ids depend on every earlier
    article); the pool only receives self-contained batches, so the result is the same.
    """
    problems = [] if problems is None else problems
    seen_ids: dict[str, int] = {}
    options = dict(manifest=manifest, columns=columns, explode=explode, dayfirst=dayfirst)
    # A first read for what the pages of a site share (analysis.load.signals); its problems are
    # the second read's, reported once.
    # The same read collects the dates at the top of every page: a date that the headers
    # of many pages share is the crawl day, refused as a publication date (dates.crawl_dates).
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
        for job in itertools.chain(head, pending):
            yield _build_job(job)
        return
    yield from pool_map(_build_job, itertools.chain(head, pending), n_workers)


def pool_map(func, jobs: Iterable, n_workers: int) -> Iterator:
    """``map(func, jobs)`` over a process pool, in order, with a bounded number of jobs in
    flight (memory stays proportional to the workers, not the corpus)."""
    from concurrent.futures import ProcessPoolExecutor

    window: deque = deque()
    with ProcessPoolExecutor(max_workers=n_workers) as pool:
        for job in jobs:
            window.append(pool.submit(func, job))
            if len(window) > 2 * n_workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


# --- finding and reading inputs --------------------------------------------------------


def iter_corpus_files(path: str | Path) -> Iterator[Path]:
    """Every file under a folder (recursive), sorted by relative path, hidden ones skipped."""
    root = Path(path)
    files = (
        p
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    yield from sorted(files, key=lambda p: p.relative_to(root).as_posix())


def iter_raw_articles(
    path: str | Path,
    *,
    manifest: str | Path | None = None,
    columns: dict[str, str] | None = None,
    explode: list[str] | None = None,
    dayfirst: bool | None = None,
    problems: Problems,
) -> Iterator[RawArticle]:
    """Every article of the corpus as read (``RawArticle``), in corpus order."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_file():
        yield from _iter_single_file(path, columns, explode, dayfirst, problems)
        return
    meta = _manifest_rows(path, manifest, dayfirst, problems)
    manifest_path = Path(manifest).resolve() if manifest else (path / MANIFEST_NAME).resolve()
    root = path.resolve()
    for file in iter_corpus_files(path):
        rel = file.relative_to(path).as_posix()
        suffix = file.suffix.lower()
        if file.resolve() == manifest_path:
            continue
        if not file.resolve().is_relative_to(root):
            # The manifest refuses such paths too: a corpus folder must hold its articles.
            problems.append(
                (rel, None, "points outside the corpus folder (a link); copy the file in")
            )
            continue
        if suffix in TEXT_SUFFIXES:
            if (raw := _read_txt(file, rel, problems)) is not None:
                yield _apply_manifest(raw, meta.get(rel))
        elif suffix in HTML_SUFFIXES:
            if (raw := _read_html(file, rel, problems)) is not None:
                yield _apply_manifest(raw, meta.get(rel))
        elif suffix in TABLE_SUFFIXES:
            try:
                yield from iter_table(file, rel, columns, explode, dayfirst, problems)
            except CorpusError as err:
                problems.append((rel, None, str(err)))
        else:
            problems.append(
                (
                    rel,
                    None,
                    "skipped: not a .txt article, a saved .html page or a table"
                    f" ({', '.join(TABLE_SUFFIXES)})",
                )
            )


def _iter_single_file(path, columns, explode, dayfirst, problems) -> Iterator[RawArticle]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        if (raw := _read_txt(path, path.name, problems)) is not None:
            yield raw
    elif suffix in HTML_SUFFIXES:
        if (raw := _read_html(path, path.name, problems)) is not None:
            yield raw
    elif suffix in TABLE_SUFFIXES:
        yield from iter_table(path, path.name, columns, explode, dayfirst, problems)
    else:
        raise CorpusError(
            f"{path}: not a .txt article, a saved .html page, a table"
            f" ({', '.join(TABLE_SUFFIXES)}) or a folder"
        )


def _read_txt(file: Path, rel: str, problems: Problems) -> RawArticle | None:
    try:
        decoded = read_text(file)
    except UnreadableFile as err:
        problems.append((rel, None, err.reason))
        return None
    return RawArticle(
        rel,
        decoded.text,
        decoded.encoding,
        decoded.flags,
        id_base=file.stem,
        confidence=decoded.confidence,
    )


def _read_html(file: Path, rel: str, problems: Problems) -> RawArticle | None:
    try:
        page = read_page(file)
    except UnreadableFile as err:
        problems.append((rel, None, err.reason))
        return None
    return _page_article(page, rel, file.stem)


def _page_article(page: Page, where: str, id_base: str) -> RawArticle:
    """A page's text and metadata as a RawArticle (manifest or table columns may override)."""
    return RawArticle(
        where,
        page.text,
        page.encoding,
        page.flags,
        id_base=id_base,
        confidence=page.confidence,
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        outlet_source=page.outlet_source,
        date=page.date,
        date_source=page.date_source,
        date_note=page.date_note,
        extraction=page.extraction,
    )


def _manifest_rows(root: Path, manifest, dayfirst, problems) -> dict[str, dict]:
    """Manifest rows by relative file path ({} when there is no manifest)."""
    path = Path(manifest) if manifest else root / MANIFEST_NAME
    if manifest and not path.is_file():
        raise FileNotFoundError(f"{path}: manifest not found")
    if not path.is_file():
        return {}
    frame, rejected = read_manifest(path, root, dayfirst=dayfirst)
    problems.extend(
        (r.path, None if pd.isna(r.row) else int(r.row), r.reason)
        for r in rejected.itertuples(index=False)
    )
    return {row["file"]: row for row in frame.to_dict("records")}


def _apply_manifest(raw: RawArticle, row: dict | None) -> RawArticle:
    """Fill an article's metadata from its manifest row; what the row gives wins (a page's
    own title, URL, outlet and date stay where the row leaves them empty)."""
    if row is None:
        return raw
    raw.title, raw.url = row["title"] or raw.title, row["url"] or raw.url
    if row["outlet"].strip():
        raw.outlet, raw.outlet_source = row["outlet"].strip(), "manifest"
    if not pd.isna(row["date"]):
        raw.date = row["date"]
        raw.date_source = row["date_source"] or "metadata"
        raw.date_note = row["date_note"] or f"manifest row {row['row']}"
    skip = {"file", "row", "outlet", "date", "title", "url", "date_source", "date_note"}
    raw.extras = {k: v for k, v in row.items() if k not in skip}
    return raw


# --- tables ----------------------------------------------------------------------------


def iter_table(
    file: Path,
    rel: str,
    columns: dict[str, str] | None = None,
    explode: list[str] | None = None,
    dayfirst: bool | None = None,
    problems: Problems | None = None,
) -> Iterator[RawArticle]:
    """Articles from one table file; raise :class:`CorpusError` if it has no text column."""
    problems = [] if problems is None else problems
    roles_cache: dict[frozenset, dict[str, str]] = {}
    for row, record in iter_table_records(file, rel, problems):
        items = _explode(record, explode, rel, row, problems)
        for item, one in items:
            keys = frozenset(one)
            if keys not in roles_cache:
                roles_cache[keys] = resolve_columns(one.keys(), columns, file)
            raw = _record_article(
                one, roles_cache[keys], rel, row, item, dayfirst, problems, explode or ()
            )
            if raw is not None:
                yield raw


def iter_table_records(file: Path, rel: str, problems: Problems) -> Iterator[tuple[int, dict]]:
    """``(row, record)`` pairs of one table file, streamed; row numbers as in ``rejected``.

    CSV: the header is row 1. JSONL: the line number. JSON: the element number (a single
    object is row 1). Parquet: the row number from 1.
    """
    suffix = file.suffix.lower()
    readers = {
        ".csv": _csv_records,
        ".jsonl": _jsonl_records,
        ".ndjson": _jsonl_records,
        ".json": _json_records,
        ".parquet": _parquet_records,
    }
    try:
        yield from readers[suffix](file, rel, problems)
    except UnicodeDecodeError as err:
        problems.append((rel, None, f"not UTF-8 (byte {err.start}); re-save the table as UTF-8"))
    except (OSError, ValueError) as err:
        if isinstance(err, CorpusError):
            raise
        problems.append((rel, None, f"cannot read the table: {err}"))


def _csv_records(file: Path, rel: str, problems: Problems) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # articles exceed the 128 kB default
    with open(file, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise CorpusError(f"{rel}: the CSV file is empty")
        header = [h.strip() for h in header]
        for row, values in enumerate(reader, start=2):
            if not values:
                continue
            if len(values) != len(header):
                problems.append(
                    (rel, row, f"row has {len(values)} fields but the header has {len(header)}")
                )
                continue
            yield row, dict(zip(header, values, strict=True))


def _jsonl_records(file: Path, rel: str, problems: Problems) -> Iterator[tuple[int, dict]]:
    with open(file, encoding="utf-8-sig") as handle:
        for row, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append((rel, row, f"not valid JSON: {err.msg} (column {err.colno})"))
                continue
            if not isinstance(record, dict):
                problems.append((rel, row, "line is not a JSON object"))
                continue
            yield row, record


def _json_records(file: Path, rel: str, problems: Problems) -> Iterator[tuple[int, dict]]:
    with open(file, encoding="utf-8-sig") as handle:
        try:
            data = json.load(handle)
        except json.JSONDecodeError as err:
            problems.append((rel, None, f"not valid JSON: {err.msg} (line {err.lineno})"))
            return
    if isinstance(data, dict):
        data = _records_inside(data)
    for row, record in enumerate(data, start=1):
        if isinstance(record, dict):
            yield row, record
        else:
            problems.append((rel, row, "array element is not a JSON object"))


def _records_inside(obj: dict) -> list:
    """A JSON object is one record, unless its only list-of-objects value holds the records."""
    lists = [v for v in obj.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    return lists[0] if len(lists) == 1 and len(obj) == 1 else [obj]


def _parquet_records(file: Path, rel: str, problems: Problems) -> Iterator[tuple[int, dict]]:
    import pyarrow.parquet as pq

    row = 0
    for batch in pq.ParquetFile(file).iter_batches(batch_size=1000):
        for record in batch.to_pylist():
            row += 1
            yield row, record


def resolve_columns(
    keys: Iterable[str], columns: dict[str, str] | None, file: Path | str
) -> dict[str, str]:
    """Map roles (text or html, title, outlet, date, url, doc_id) to a table's columns.

    ``columns`` given by the user win; otherwise the first alias present (case-insensitive).
    A table has one text source: a text column, else an HTML column (a column found for
    ``html`` unasked is left as metadata when there is a text column; a text column found
    unasked gives way to an ``html`` column the user names). Raise :class:`CorpusError`
    naming the file and its columns when there is none, or when both are named.
    """
    keys = list(keys)
    lower = {k.lower(): k for k in keys}
    roles = {}
    for role, aliases in ALIASES.items():
        wanted = (columns or {}).get(role)
        if wanted is not None:
            if wanted not in keys:
                raise CorpusError(
                    f"{file}: column {wanted!r} (given for {role}) is not in the table;"
                    f" its columns are: {', '.join(keys)}"
                )
            roles[role] = wanted
            continue
        for alias in aliases:
            if alias in lower and lower[alias] not in roles.values():
                roles[role] = lower[alias]
                break
    given = columns or {}
    named = set(given) & {"text", "html"}
    if named == {"text", "html"}:
        raise CorpusError(
            f"{file}: columns name both a text column ({given['text']!r}) and an HTML"
            f" column ({given['html']!r}); give one of them"
        )
    if "text" in roles and "html" in roles:
        del roles["text" if named == {"html"} else "html"]
    if "text" not in roles and "html" not in roles:
        raise CorpusError(
            f"{file}: no text column (looked for {', '.join(ALIASES['text'])}) and no HTML"
            f" column (looked for {', '.join(ALIASES['html'])}); its columns are:"
            f" {', '.join(keys)}. Name it: `--column text=COLUMN` (or `--column html=COLUMN`)"
            " on the command line, columns={'text': COLUMN} in Python"
        )
    return roles


def _explode(record: dict, explode, rel, row, problems) -> list[tuple[int | None, dict]]:
    """``[(item, record)]``: one per element of the parallel list fields, or the record itself."""
    if not explode:
        return [(None, record)]
    missing = [f for f in explode if f not in record]
    if missing:
        problems.append((rel, row, f"field(s) to explode missing: {', '.join(missing)}"))
        return []
    lists = {f: record[f] if isinstance(record[f], list) else [record[f]] for f in explode}
    lengths = {f: len(v) for f, v in lists.items()}
    if len(set(lengths.values())) > 1:
        sizes = ", ".join(f"{f} ({n})" for f, n in lengths.items())
        problems.append((rel, row, f"fields to explode differ in length: {sizes}; row skipped"))
        return []
    n = next(iter(lengths.values()))
    return [(i + 1, {**record, **{f: v[i] for f, v in lists.items()}}) for i in range(n)]


def _record_article(
    record, roles, rel, row, item, dayfirst, problems, exploded=()
) -> RawArticle | None:
    """One table record as a RawArticle; None (with the reason) when its text is empty."""
    where = f"{rel}#row={row}" + (f"&item={item}" if item is not None else "")
    column = roles["text"] if "text" in roles else roles["html"]
    value = record.get(column)
    if isinstance(value, list):
        problems.append((rel, row, f"column {column!r} holds a list; pass explode=[{column!r}]"))
        return None
    suffix = f" (item {item})" if item is not None else ""
    if "html" in roles:
        raw = _html_cell(value, roles, record, where, problems, (rel, row, column, suffix))
        if raw is None:
            return None
    else:
        text, flags = normalise_text(_as_str(value))
        if not text.strip():
            problems.append((rel, row, f"empty text in column {column!r}{suffix}"))
            return None
        raw = RawArticle(where, text, "utf-8", tuple(flags))
    stem = Path(rel).stem
    id_value = _as_str(record.get(roles.get("doc_id", ""), "")).strip()
    raw.id_base = id_value or f"{stem}-{row}"
    if item is not None and not (id_value and roles.get("doc_id") in exploded):
        raw.id_base = f"{raw.id_base}-{item}"  # the id is shared by the record's items
    # Table columns win over what a page says; an empty cell leaves the page's value.
    raw.title = _as_str(record.get(roles.get("title", ""), "")).strip() or raw.title
    raw.url = _as_str(record.get(roles.get("url", ""), "")).strip() or raw.url
    if outlet := _as_str(record.get(roles.get("outlet", ""), "")).strip():
        raw.outlet, raw.outlet_source = outlet, "metadata"
    if "date" in roles:
        _table_date(raw, record.get(roles["date"]), roles["date"], dayfirst, (rel, row), problems)
    used = set(roles.values())
    raw.extras = {k: _as_str(v) for k, v in record.items() if k not in used}
    return raw


def _html_cell(value, roles, record, where, problems, context) -> RawArticle | None:
    """A table cell of HTML read as a page (the row's URL helps when it has no canonical)."""
    rel, row, column, suffix = context
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append((rel, row, f"empty HTML in column {column!r}{suffix}"))
        return None
    url = _as_str(record.get(roles.get("url", ""), "")).strip()
    html = value if isinstance(value, (str, bytes)) else _as_str(value)
    try:
        page = page_from_html(html, url=url, path=where)
    except UnreadableFile as err:
        problems.append((rel, row, f"column {column!r}{suffix}: {err.reason}"))
        return None
    return _page_article(page, where, "")


def _table_date(raw, value, column, dayfirst, where, problems) -> None:
    date, problem = parse_date_value(_as_str(value), dayfirst=dayfirst)
    if problem:
        problems.append((*where, f"date ignored: {problem}; the date is derived instead"))
    elif not pd.isna(date):
        crawl = column.lower() in CRAWL_DATE_COLUMNS
        raw.date, raw.date_source = date, "metadata"
        raw.date_note = f"column {column}" + (
            " (crawl time, not necessarily the publication date)" if crawl else ""
        )


def _as_str(value) -> str:
    """A cell as text: lists/dicts as JSON, missing as empty."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# --- building the tables ---------------------------------------------------------------


def build_chunk(
    batch: list[RawArticle], seen_ids: dict[str, int]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents (without ``dup_group``) and sentences for a batch of raw articles."""
    ids = [unique_id(raw.id_base, seen_ids) for raw in batch]
    docs, sents, _ = _build_job((ids, batch, None, frozenset()))
    return docs, sents


def _build_job(job: tuple) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """Documents, sentences and dedup features of a batch whose doc_ids are assigned:
    ``(ids, raw articles, the shared sentence keys of each one's site or None, the
    corpus's crawl dates)`` (analysis.load.signals, analysis.text.dates.crawl_dates)."""
    from analysis.load.dedup import text_features
    from analysis.load.segment import segment_documents

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


def unique_id(base: str, seen: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``… when already taken (``seen`` is updated)."""
    base = base or "doc"
    if base not in seen:
        seen[base] = 1
        return base
    n = seen[base] + 1
    candidate = f"{base}-{n}"
    while candidate in seen:
        n += 1
        candidate = f"{base}-{n}"
    seen[base], seen[candidate] = n, 1
    return candidate


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
    for name, pattern in (("bidi_controls", BIDI_CONTROLS), ("zero_width", ZERO_WIDTH)):
        if name not in flags and any(pattern.search(f) for f in fields):
            flags.append(name)
    return flags


def content_hash(text: str, title: str, outlet: str, date, url: str, sections: str = "") -> str:
    """Hash of what the tagging stages read of a document: a changed hash means re-tag it.

    ``sections`` spells the sentences' sections: they may change while the text does not
    (the site's other pages, read for analysis.load.signals, changed)."""
    day = "" if pd.isna(date) else pd.Timestamp(date).strftime("%Y-%m-%d")
    digest = hashlib.blake2b(digest_size=16)
    for part in (text, title, outlet, day, url, sections):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def derive_date(
    text: str, url: str, spans: list[tuple], refuse: frozenset = frozenset()
) -> tuple[pd.Timestamp, str, str]:
    """(date, date_source, date_note) from the URL, else the text, else unknown.

    A date in the URL's path is set when the page is published; a page's own stamps may be
    a "last modified" or an update (measured on syria-claims: of 256 pages dated both ways,
    29 stamps were over a day from the URL), so the URL wins when it has a day.
    ``refuse``: the corpus's crawl dates (:func:`analysis.text.dates.crawl_dates`).
    """
    date, part = date_from_url(url)
    month_only = part.endswith(URL_MONTH_ONLY)
    if not pd.isna(date) and not month_only:
        return date, "url", part
    chosen = choose_article_date(text, [(s, e, sec) for s, e, sec, _ in spans], refuse=refuse)
    # a URL of month precision ("/2017/03/") leaves the day to the page, in that month
    if not pd.isna(chosen.date) and (
        not month_only or chosen.date.to_period("M") == date.to_period("M")
    ):
        return chosen.date, "stated", chosen.note
    if not pd.isna(date):
        return date, "url", part
    return pd.NaT, "unknown", ""


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
    from analysis.load.segment import segment_documents

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
