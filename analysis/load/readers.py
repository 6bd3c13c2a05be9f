"""Find a corpus's inputs and read each into :class:`~analysis.load.articles.RawArticle`.

A folder is read recursively in sorted order (hidden files skipped): ``.txt`` articles,
saved ``.html``/``.htm`` pages and table files (:mod:`analysis.load.records`), with the
metadata of an optional ``manifest.csv``. A single file may be any of these. Every
unreadable input is a problem ``(path, row, reason)``; one bad file never stops the load.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from analysis.load.articles import CorpusError, Problems, RawArticle, page_article
from analysis.load.htmlpage import HTML_SUFFIXES, read_page
from analysis.load.manifest import read_manifest
from analysis.load.records import TABLE_SUFFIXES, iter_table
from analysis.load.textio import UnreadableFile, read_text

TEXT_SUFFIXES = (".txt",)
MANIFEST_NAME = "manifest.csv"


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
    return page_article(page, rel, file.stem)


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
