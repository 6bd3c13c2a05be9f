"""Read a corpus manifest (``manifest.csv``): one row of metadata per article file.

Columns: ``file`` (required; a path relative to the corpus folder) and optionally
``outlet``, ``date``, ``title``, ``url``, ``date_source``, ``date_note``; any other column
is kept under its own name. Every value is read as a string (nothing is turned into a
number or NaN).

Every problem becomes a row of ``rejected`` (``path``, ``row``, ``reason``; rows are
1-based with the header as row 1) and the good rows still load:

- a row with more or fewer fields than the header is rejected whole (its values cannot be
  matched to columns), as are rows whose file is missing, escapes the corpus folder
  (absolute paths, ``..``) or is listed twice;
- a date that cannot be read (ambiguous day/month, Hijri, impossible) is reported and
  dropped, the rest of the row is kept; so is a ``date_source`` outside the allowed values.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path, PurePosixPath

import pandas as pd

from analysis.load.textio import UnreadableFile, read_text
from analysis.text.dates import parse_date_value

KNOWN_COLUMNS = ("file", "outlet", "date", "title", "url", "date_source", "date_note")
#: ``date_source`` values a manifest may give (``unknown`` is what the loader writes itself).
MANIFEST_DATE_SOURCES = ("stated", "inferred", "url", "metadata", "unknown")


def rejected_frame(rows: list[tuple[str, int | None, str]]) -> pd.DataFrame:
    """Build ``rejected`` (docs/tables.md) from (path, row, reason) tuples."""
    paths, nums, reasons = zip(*rows, strict=True) if rows else ((), (), ())
    return pd.DataFrame(
        {
            "path": pd.array(list(paths), dtype=pd.StringDtype()),
            "row": pd.array(list(nums), dtype="Int64"),
            "reason": pd.array(list(reasons), dtype=pd.StringDtype()),
        }
    )


def read_manifest(
    path: str | Path, corpus_root: str | Path, *, dayfirst: bool | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a manifest; return ``(frame, rejected)``.

    ``frame`` has one row per good manifest row: ``file`` (POSIX path relative to the
    root), ``row`` (its manifest row), the known columns (``date`` as datetime64, NaT when
    empty or rejected) and any extra columns, all others as strings.
    """
    path, root = Path(path), Path(corpus_root)
    label = _label(path, root)
    problems: list[tuple[str, int | None, str]] = []
    try:
        text = read_text(path).text
    except UnreadableFile as err:
        return _frame([], []), rejected_frame([(label, None, f"manifest unreadable: {err.reason}")])
    records = [r for r in csv.reader(io.StringIO(text)) if r]
    if not records:
        return _frame([], []), rejected_frame([(label, None, "manifest is empty")])
    header = [h.strip() for h in records[0]]
    if reason := _header_problem(header):
        return _frame([], []), rejected_frame([(label, 1, reason)])
    header = [h.lower() if h.lower() in KNOWN_COLUMNS else h for h in header]
    rows, seen = [], {}
    for number, values in enumerate(records[1:], start=2):
        row = _check_row(header, values, number, root, seen, dayfirst, problems, label)
        if row is not None:
            rows.append(row)
    return _frame(header, rows), rejected_frame(problems)


def _label(path: Path, root: Path) -> str:
    """The manifest's name as shown in ``rejected``: relative to the root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _header_problem(header: list[str]) -> str | None:
    lowered = [h.lower() for h in header]
    if "file" not in lowered:
        return f"manifest has no 'file' column (its columns: {', '.join(header)})"
    dupes = sorted({h for h in lowered if h and lowered.count(h) > 1})
    if dupes:
        return f"manifest header repeats column(s): {', '.join(dupes)}"
    return None


def _check_row(header, values, number, root, seen, dayfirst, problems, label) -> dict | None:
    """One manifest row as a dict, or None (with the reason appended to ``problems``)."""
    if len(values) != len(header):
        problems.append(
            (
                label,
                number,
                f"row has {len(values)} fields but the header has {len(header)};"
                " fix the quoting or the commas (row ignored)",
            )
        )
        return None
    row = dict(zip(header, values, strict=True))
    file, reason = check_relative_path(row["file"], root)
    if reason is None and file in seen:
        reason = f"file {file!r} is listed twice (first at row {seen[file]}); row ignored"
    if reason is not None:
        problems.append((label, number, reason))
        return None
    seen[file] = number
    row["file"], row["row"] = file, number
    _check_date(row, dayfirst, problems, label, number)
    return row


def check_relative_path(value: str, root: Path) -> tuple[str, str | None]:
    """Normalise a manifest path; return (POSIX relative path, problem or None)."""
    raw = value.strip().replace("\\", "/")
    if not raw:
        return raw, "no file named in the 'file' column; row ignored"
    pure = PurePosixPath(raw)
    if pure.is_absolute() or (len(raw) > 1 and raw[1] == ":") or ".." in pure.parts:
        return raw, f"path {raw!r} points outside the corpus folder; use a relative path"
    target = (root / pure).resolve()
    if not target.is_relative_to(root.resolve()):
        return raw, f"path {raw!r} points outside the corpus folder (a link); row ignored"
    if not target.is_file():
        return raw, f"file {raw!r} listed in the manifest was not found; row ignored"
    return pure.as_posix(), None


def _check_date(row: dict, dayfirst, problems, label, number) -> None:
    """Parse ``date`` in place (NaT on a problem, which is reported) and check date_source."""
    date, problem = parse_date_value(row.get("date", ""), dayfirst=dayfirst)
    if problem:
        problems.append((label, number, f"date ignored: {problem}; the date is derived instead"))
    row["date"] = date
    source = row.get("date_source", "").strip()
    if source and source not in MANIFEST_DATE_SOURCES:
        problems.append(
            (
                label,
                number,
                f"date_source {source!r} ignored: use one of {', '.join(MANIFEST_DATE_SOURCES)}",
            )
        )
        row["date_source"] = ""


def _frame(header: list[str], rows: list[dict]) -> pd.DataFrame:
    """The manifest frame with string columns and a datetime ``date``."""
    columns = ["file", "row", *[c for c in KNOWN_COLUMNS if c != "file"]]
    columns += [c for c in header if c not in columns]
    data = {c: [r.get(c, "") for r in rows] for c in columns}
    out = pd.DataFrame({c: pd.array(v, dtype=pd.StringDtype()) for c, v in data.items()})
    out["row"] = pd.array([r["row"] for r in rows], dtype="Int64")
    out["date"] = pd.to_datetime(pd.Series([r.get("date", pd.NaT) for r in rows], dtype=object))
    out["date"] = out["date"].astype("datetime64[ns]")
    return out
