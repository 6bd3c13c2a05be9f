"""Tagged tables on disk: partitioned Parquet with a manifest, and the notebooks' cache.

``write_tables`` and ``read_tables`` move a :class:`~analysis.pipeline.tableset.Tables` to
and from a folder (the layout ``analysis tag --out`` writes); ``is_fresh`` and
``cache_dir`` decide when a cached folder still stands for a corpus: the same corpus files
and the same package (``package_data_hash``).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
from dataclasses import fields
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.pipeline.export import to_safe_csv
from analysis.pipeline.tableset import TABLE_NAMES, Tables, document_positions

CACHE_ENV = "ANALYSIS_CACHE"


MANIFEST_FILE = "tables.json"


def package_versions(names: tuple[str, ...]) -> dict[str, str]:
    """The installed version of each package in ``names`` ("not installed" if absent)."""
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def versions() -> dict[str, str]:
    """Versions of the packages that shape the tables and reports."""
    return package_versions(("analysis", "camel-tools", "pandas", "pyarrow", "plotly", "nbconvert"))


def package_data_hash() -> str:
    """A hash of what shapes the tables: every package data file (dictionaries, lexicons,
    rules) and every module of the package, so a cache made by other code is not reused
    (the version number alone does not change between commits)."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("analysis")))
    entries = [*root.rglob("*.py"), *(root / "data").iterdir()]
    for entry in sorted({e.relative_to(root) for e in entries if e.is_file()}):
        digest.update(entry.as_posix().encode())
        digest.update((root / entry).read_bytes())
    return digest.hexdigest()[:16]


def corpus_fingerprint(path: str | Path) -> str:
    """A cheap fingerprint of a corpus on disk: names, sizes and mtimes of its files."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for file in files:
        stat = file.stat()
        digest.update(
            f"{file.relative_to(path.parent)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
        )
    return digest.hexdigest()[:16]


def compact(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every Arrow-backed column in one contiguous chunk.

    Concatenated or Parquet-read columns come in many chunks, and selecting rows from a
    chunked column joins the chunks first: filtering the 274k sentences of the 31k corpus
    took 200 ms, 9 ms once compacted. Columns already in one chunk are left as they are.
    """

    # pandas' string columns only: they come back from Arrow with the same dtype (list or
    # dictionary ArrowDtype columns would not), and they hold the bulk of the text
    chunked = [
        c
        for c in frame.columns
        if isinstance(frame[c].dtype, pd.StringDtype)
        and frame[c].dtype.storage == "pyarrow"
        and frame[c].array.__arrow_array__().num_chunks > 1
    ]
    if not chunked:
        return frame
    joined = pa.Table.from_pandas(frame[chunked], preserve_index=False).combine_chunks()
    out = frame.copy(deep=False)
    for name, column in joined.to_pandas().items():
        out[name] = column.array
    return out


#: Documents per Parquet part: parts of a few MB that a Dask worker or a reader of one
#: period reads alone, few enough that reading all of them stays one fast pass.
DOCS_PER_PART = 5000


def write_tables(tables: Tables, out: str | Path, *, docs_per_part: int = DOCS_PER_PART) -> Path:
    """Write every table to ``out`` as partitioned Parquet, with a manifest.

    Each table is a folder ``out/<name>/`` of parts ``part-00000.parquet``, … holding the
    rows of ``docs_per_part`` documents each, in document order (``rejected``, which is
    about files, is one part, and also ``rejected.csv``). Any Parquet reader takes the
    folder as one dataset (``pandas.read_parquet``, ``dask.dataframe.read_parquet``).
    """

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # The manifest goes first and comes back last: a write that dies half-way leaves a
    # folder that is neither fresh nor reused, and each table appears whole (a rename).
    (out / MANIFEST_FILE).unlink(missing_ok=True)
    doc_ids = tables.documents["doc_id"]
    bounds = list(range(0, len(doc_ids), docs_per_part)) or [0]
    parts = {}
    for name in (*TABLE_NAMES, "rejected"):
        frame = getattr(tables, name)
        cuts = _part_rows(frame, doc_ids, bounds) if name != "rejected" else [0, len(frame)]
        parts[name] = _write_parts(frame, out / name, cuts)
        (out / f"{name}.parquet").unlink(missing_ok=True)  # the one-file layout of old
    part = to_safe_csv(tables.rejected, out / ".rejected.csv.partial")
    os.replace(part, out / "rejected.csv")
    info = {
        "corpus_path": tables.corpus_path,
        "corpus_fingerprint": corpus_fingerprint(tables.corpus_path)
        if tables.corpus_path and Path(tables.corpus_path).exists()
        else "",
        "package_data": package_data_hash(),
        "versions": tables.versions,
        "summary": tables.summary(),
        "docs_per_part": docs_per_part,
        "parts": parts,
    }
    part = out / f".{MANIFEST_FILE}.partial"
    part.write_text(json.dumps(info, ensure_ascii=False, indent=2))
    os.replace(part, out / MANIFEST_FILE)
    return out


def _part_rows(frame: pd.DataFrame, doc_ids: pd.Series, bounds: list[int]) -> list[int]:
    """Row offsets cutting ``frame`` (in document order) at the documents ``bounds``."""
    if frame.empty or "doc_id" not in frame:
        return [0, len(frame)]
    keys = document_positions(frame, doc_ids)
    keys[keys < 0] = len(doc_ids)
    if (np.diff(keys) < 0).any():  # not in document order: keep the rows whole
        return [0, len(frame)]
    return [*np.searchsorted(keys, bounds).tolist(), len(frame)]


def _write_parts(frame: pd.DataFrame, folder: Path, cuts: list[int]) -> int:
    """Write ``frame`` cut at the row offsets ``cuts`` as ``folder/part-NNNNN.parquet``
    (empty parts skipped, but at least one); returns how many parts."""

    # One Arrow table sliced into parts: every part has the same schema, even a part of
    # an object column that happens to hold only missing values.
    if folder.exists() and not _is_parts_folder(folder):
        raise FileExistsError(
            f"{folder} exists and is not a table written by analysis (part-*.parquet files "
            "only); it is left as it is: write the tables to another folder"
        )
    table = pa.Table.from_pandas(frame, preserve_index=False)
    spans = [(a, b) for a, b in itertools.pairwise(cuts) if b > a] or [(0, 0)]
    partial = folder.with_name(f".{folder.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for number, (start, end) in enumerate(spans):
        pq.write_table(table.slice(start, end - start), partial / f"part-{number:05d}.parquet")
    # the old parts step aside before the new come in: a reader never globs a mixture
    old = folder.with_name(f".{folder.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        os.replace(folder, old)
    os.replace(partial, folder)
    shutil.rmtree(old, ignore_errors=True)
    return len(spans)


def _is_parts_folder(folder: Path) -> bool:
    """Does ``folder`` hold only Parquet parts, as :func:`_write_parts` writes them?"""
    return folder.is_dir() and all(
        p.is_file() and p.name.startswith("part-") and p.suffix == ".parquet"
        for p in folder.iterdir()
    )


def read_table(out: str | Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table of a folder written by :func:`write_tables` (or by an older version, one
    file per table), its columns in one chunk each (see :func:`compact`)."""

    out = Path(out)
    folder = out / name
    if folder.is_dir():
        parts = sorted(folder.glob("part-*.parquet"))
        if not parts:
            raise FileNotFoundError(f"{folder}: no part-*.parquet files")
        table = pa.concat_tables(pq.read_table(p, columns=columns) for p in parts)
    else:
        table = pq.read_table(out / f"{name}.parquet", columns=columns)
    return table.combine_chunks().to_pandas()


def read_tables(out: str | Path) -> Tables:
    """Read the tables that ``write_tables`` wrote to ``out``."""
    out = Path(out)
    info = json.loads((out / MANIFEST_FILE).read_text())
    frames = {
        f.name: read_table(out, f.name)
        for f in fields(Tables)
        if f.name in (*TABLE_NAMES, "rejected")
    }
    return Tables(**frames, corpus_path=info["corpus_path"], versions=info["versions"])


def is_fresh(out: str | Path, corpus: str | Path) -> bool:
    """True when ``out`` holds tables made from this corpus and this package data."""
    manifest = Path(out) / MANIFEST_FILE
    if not manifest.is_file():
        return False
    info = json.loads(manifest.read_text())
    return (
        info.get("corpus_fingerprint") == corpus_fingerprint(corpus)
        and info.get("package_data") == package_data_hash()
        and info.get("versions", {}).get("analysis") == versions()["analysis"]
    )


def cache_dir(corpus: str | Path) -> Path | None:
    """Where :func:`load_tables` keeps the tagged tables of ``corpus``, or None (no cache).

    ``$ANALYSIS_CACHE`` (default ``$XDG_CACHE_HOME/analysis``, i.e. ``~/.cache/analysis``)
    holds one folder per corpus path; ``ANALYSIS_CACHE=off`` turns the cache off.
    """
    base = os.environ.get(CACHE_ENV, "")
    if base.lower() in ("off", "0", "no", "false"):
        return None
    if not base:
        base = str(Path(os.environ.get("XDG_CACHE_HOME") or "~/.cache").expanduser() / "analysis")
    resolved = Path(corpus).expanduser().resolve()
    key = hashlib.blake2b(str(resolved).encode("utf-8", "surrogatepass"), digest_size=6)
    return Path(base).expanduser() / f"{resolved.name or 'corpus'}-{key.hexdigest()}"


def is_tagged_folder(path: str | Path) -> bool:
    """True for a folder written by ``analysis tag --out`` (it holds ``tables.json``)."""
    return (Path(path) / MANIFEST_FILE).is_file()
