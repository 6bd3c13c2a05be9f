"""Articles from table files: CSV, JSONL, JSON arrays or objects, Parquet.

Tables are read in a streaming way (CSV and JSONL record by record, Parquet by batches,
JSON one file at a time). Common column names are recognised for each role (``ALIASES``);
``columns={"text": "my_col"}`` names others. A column of HTML (role ``html``) is read as a
page. ``explode=["article", "url"]`` turns records whose listed fields are parallel lists
into one row per element; other fields are repeated. A bad row is a problem
``(path, row, reason)``, never a silent drop.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from analysis.load.articles import CorpusError, Problems, RawArticle, page_article
from analysis.load.htmlpage import page_from_html
from analysis.load.textio import UnreadableFile, normalise_text
from analysis.text.dates import parse_date_value

TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json", ".parquet")
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
    import pyarrow.parquet as pq  # heavy: imported only when a Parquet file is read

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
    return page_article(page, where, "")


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
