"""The tagging pipeline: corpus → sentences → mentions → attribution → stances → positions.

``tag`` runs every stage in memory and returns a :class:`Tables`; ``write_tables`` and
``read_tables`` move it to and from a folder of Parquet files (the layout ``analysis tag``
writes and the notebooks read). ``load_tables`` is what a notebook calls: it tags the corpus,
or reads the cached tables when they were made from the same corpus files and the same
package data.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import pandas as pd

#: Tables written by ``analysis tag``, in pipeline order.
TABLE_NAMES = (
    "documents",
    "sentences",
    "mentions",
    "attribution",
    "stances",
    "positions",
)
#: Tables the tagging stages make (everything after loading).
STAGE_TABLES = TABLE_NAMES[2:]
CORPUS_ENV = "ANALYSIS_CORPUS"
CACHE_ENV = "ANALYSIS_CACHE"
_MANIFEST_FILE = "tables.json"


@dataclass
class Tables:
    """Every table of one tagged corpus, plus where it came from."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    rejected: pd.DataFrame
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution: pd.DataFrame = field(default_factory=pd.DataFrame)
    stances: pd.DataFrame = field(default_factory=pd.DataFrame)
    positions: pd.DataFrame = field(default_factory=pd.DataFrame)
    corpus_path: str = ""
    versions: dict[str, str] = field(default_factory=dict)

    def defer(self, name: str, make: Callable[[], pd.DataFrame]) -> None:
        """Leave table ``name`` unset until first read, then set it to ``make()``.

        ``widgets.filter_tables(..., lazy=True)`` (a filter panel's) cuts each table
        this way: a panel's views read two or three of the tables, and cutting the others
        on every change of a control cost more than some views (40-60 ms on 31k
        articles). Until then ``make`` may hold the unfiltered tables.
        """
        self.__dict__.pop(name, None)
        self.__dict__.setdefault("_deferred", {})[name] = make

    def pending(self, name: str) -> Callable[[], pd.DataFrame] | None:
        """The maker of table ``name`` while it is deferred and not yet made, else None."""
        if name in self.__dict__:
            return None
        return self.__dict__.get("_deferred", {}).get(name)

    def __getattr__(self, name: str):
        # Reached only for a name the instance does not hold: a deferred table.
        deferred = self.__dict__.get("_deferred", {})
        make = deferred.get(name)
        if make is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        table = self.__dict__[name] = make()
        del deferred[name]  # its maker may hold the unfiltered table: let it go
        if not deferred:
            del self.__dict__["_deferred"]
        return table

    def __getstate__(self) -> dict:
        # Copies and pickles hold every table, made, and nothing of the unfiltered tables.
        for name in list(self.__dict__.get("_deferred", {})):
            getattr(self, name)
        return dict(self.__dict__)

    def summary(self) -> str:
        """One line: how many of each table."""
        parts = [f"{len(self.documents)} documents"]
        parts += [f"{len(getattr(self, n))} {n}" for n in TABLE_NAMES[1:]]
        parts.append(f"{len(self.rejected)} rejected")
        return ", ".join(parts)


def repo_root() -> Path | None:
    """The checkout this package runs from (editable installs), or None."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() else None


def default_corpus() -> Path:
    """The corpus used when none is named: ``$ANALYSIS_CORPUS``, else the repo's ``seeds/``."""
    if os.environ.get(CORPUS_ENV):
        return Path(os.environ[CORPUS_ENV]).expanduser()
    candidates = [Path.cwd() / "seeds", Path.cwd().parent / "seeds"]
    if (root := repo_root()) is not None:
        candidates.insert(0, root / "seeds")
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(
        f"no corpus given and no seeds/ folder found (looked in {', '.join(map(str, candidates))});"
        f" pass a corpus path or set {CORPUS_ENV}"
    )


def versions() -> dict[str, str]:
    """Versions of the packages that shape the tables and reports."""
    out = {}
    for name in ("analysis", "camel-tools", "pandas", "pyarrow", "plotly", "nbconvert"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def tag(
    corpus: str | Path | None = None,
    *,
    manifest: str | Path | None = None,
    columns: dict[str, str] | None = None,
    explode: list[str] | None = None,
    dayfirst: bool | None = None,
    progress: bool = False,
    workers: int | None = 1,
    engine: str = "inprocess",
    scheduler: str | None = None,
    reuse: str | Path | None = None,
) -> Tables:
    """Load ``corpus`` and run every tagging stage over it.

    ``workers`` processes load and tag (``None`` or 0: one per CPU core when the corpus is
    large enough to gain from it). ``engine="dask"`` runs the stages on a Dask cluster
    (``scheduler`` address, or a local cluster of ``workers`` processes); the tables are
    the same as in-process. ``reuse`` is a folder of tables written earlier (by
    ``write_tables``): documents whose ``content_hash`` is unchanged keep their rows there
    when the package data and version are the same, and only the others are tagged.
    """
    from analysis.load.corpus import load_corpus

    if engine not in ("inprocess", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use 'inprocess' or 'dask'")
    auto = not workers
    path = Path(corpus) if corpus is not None else default_corpus()
    loaded = load_corpus(
        path,
        manifest=manifest,
        columns=columns,
        explode=explode,
        dayfirst=dayfirst,
        workers=None if auto else workers,
    )
    if loaded.documents.empty:
        reasons = "; ".join(
            f"{r.path}: {r.reason}" for r in loaded.rejected.head(5).itertuples(index=False)
        )
        raise ValueError(
            f"{path}: no article could be loaded"
            + (
                f" ({len(loaded.rejected)} rejected: {reasons})"
                if reasons
                else " (a folder needs .txt articles, or give a table file)"
            )
        )
    tables = Tables(
        documents=loaded.documents,
        sentences=loaded.sentences,
        rejected=loaded.rejected,
        corpus_path=str(path),
        versions=versions(),
    )
    kept = reusable_rows(reuse, tables.documents) if reuse is not None else None
    todo = tables if kept is None else _without(tables, kept.pop("doc_ids"))
    n = _auto_workers(len(todo.documents)) if auto else workers
    if todo.documents.empty:
        pass  # every document kept its rows
    elif engine == "dask":
        from analysis.pipeline.distributed import tag_with_dask

        tag_with_dask(todo, scheduler=scheduler, n_workers=max(n, 2))
    else:
        tag_loaded(todo, progress=progress, workers=n)
    if kept is None:
        return tables
    return _merge_reused(tables, todo, kept)


def reusable_rows(out: str | Path, documents: pd.DataFrame) -> dict | None:
    """Rows of the tables in ``out`` for documents whose doc_id and ``content_hash`` are
    unchanged (``{"doc_ids": set, table: frame}``), or None when nothing can be reused:
    no tables there, other package data or version, or no unchanged document."""
    from analysis.load.corpus import HASH_COLUMN

    out = Path(out)
    manifest = out / _MANIFEST_FILE
    if not manifest.is_file() or HASH_COLUMN not in documents:
        return None
    info = json.loads(manifest.read_text())
    if (
        info.get("package_data") != package_data_hash()
        or info.get("versions", {}).get("analysis") != versions()["analysis"]
    ):
        return None
    try:
        before = read_table(out, "documents", columns=["doc_id", HASH_COLUMN])
    except (OSError, ValueError, KeyError):  # missing, unreadable, or made before hashes
        return None
    same = documents[["doc_id", HASH_COLUMN]].astype(str).merge(before.astype(str))
    doc_ids = set(same["doc_id"])
    if not doc_ids:
        return None
    kept: dict = {"doc_ids": doc_ids}
    for name in STAGE_TABLES:
        frame = read_table(out, name)
        kept[name] = frame[frame["doc_id"].astype(str).isin(doc_ids)] if len(frame) else frame
    return kept


def _without(tables: Tables, doc_ids: set[str]) -> Tables:
    """The loaded tables of the documents not in ``doc_ids``."""
    docs = tables.documents[~tables.documents["doc_id"].astype(str).isin(doc_ids)]
    sents = tables.sentences[tables.sentences["doc_id"].isin(docs["doc_id"])]
    return Tables(documents=docs, sentences=sents, rejected=tables.rejected)


def _merge_reused(tables: Tables, tagged: Tables, kept: dict) -> Tables:
    """Fill ``tables`` with the kept rows plus the newly tagged ones, in document order."""
    for name in STAGE_TABLES:
        new, old = getattr(tagged, name), kept[name]
        if new.empty and not len(new.columns):
            frame = old
        else:
            if len(old) and list(old.columns) == list(new.columns):
                old = old.astype(new.dtypes.to_dict())
            frame = pd.concat([old, new], ignore_index=True) if len(old) else new
        setattr(tables, name, in_document_order(frame, tables.documents["doc_id"]))
    return tables


#: Below this many documents a process pool costs more than it saves.
POOL_MIN_DOCUMENTS = 1000


def _auto_workers(n_documents: int) -> int:
    from analysis.load.corpus import cpu_count

    return cpu_count() if n_documents >= POOL_MIN_DOCUMENTS else 1


def tag_loaded(
    tables: Tables, *, progress: bool = False, workers: int = 1, chunk_size: int = 500
) -> Tables:
    """Run the tagging stages on loaded documents and sentences (fills ``tables`` in place).

    Documents are tagged in chunks of ``chunk_size`` so memory stays bounded, a progress bar
    can show, and ``workers`` > 1 spreads chunks over processes (a few chunks in flight at
    a time). Results do not depend on the chunking: every stage works within one document,
    and rows are put in document order (a stage's own order within a document is kept).
    """
    from analysis.load.corpus import pool_map

    docs, sents = tables.documents, tables.sentences
    bounds = list(range(0, len(docs), chunk_size)) or [0]
    slicer = sentence_slicer(docs["doc_id"], sents)
    jobs = ((docs.iloc[b : b + chunk_size], slicer(b, b + chunk_size)) for b in bounds)
    bar = _progress(total=len(bounds), enabled=progress, unit="chunk")
    results = []
    mapped = (
        pool_map(_tag_chunk, jobs, workers)
        if workers > 1 and len(bounds) > 1
        else map(_tag_chunk, jobs)
    )
    for result in mapped:
        results.append(result)
        bar.update(1)
    bar.close()
    for name in STAGE_TABLES:
        frame = pd.concat([r[name] for r in results], ignore_index=True)
        setattr(tables, name, in_document_order(frame, docs["doc_id"]))
    return tables


def sentence_slicer(doc_ids: pd.Series, sents: pd.DataFrame):
    """A function ``(i, j) → the sentences of documents i..j-1`` (positions in ``doc_ids``).

    Sentences grouped in document order (as loaded) are cut by position; others are
    selected by doc_id.
    """
    keys = document_positions(sents, doc_ids)
    if len(keys) and (np.diff(keys) >= 0).all() and keys[0] >= 0:
        return lambda i, j: sents.iloc[np.searchsorted(keys, i) : np.searchsorted(keys, j)]
    ids = doc_ids.astype(str).to_numpy()
    return lambda i, j: sents[sents["doc_id"].astype(str).isin(ids[i:j])]


def document_positions(frame: pd.DataFrame, doc_ids: pd.Series) -> np.ndarray:
    """Per row of ``frame``, the position of its ``doc_id`` in ``doc_ids`` (-1: not there)."""
    return pd.Index(doc_ids.astype(str)).get_indexer(frame["doc_id"].astype(str))


def in_document_order(frame: pd.DataFrame, doc_ids: pd.Series) -> pd.DataFrame:
    """``frame`` stably sorted by the position of its ``doc_id`` in ``doc_ids``."""
    if frame.empty or "doc_id" not in frame:
        return frame.reset_index(drop=True)
    keys = document_positions(frame, doc_ids)
    keys[keys < 0] = len(doc_ids)  # rows of unknown documents go last
    order = np.argsort(keys, kind="stable")
    if (order == np.arange(len(order))).all():
        return frame.reset_index(drop=True)
    return frame.iloc[order].reset_index(drop=True)


def _tag_chunk(job: tuple[pd.DataFrame, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every tagging stage over one chunk of documents and their sentences."""
    from analysis.tag.attribution import attribute
    from analysis.tag.mentions import tag_mentions
    from analysis.tag.positions import tag_positions
    from analysis.tag.stance import tag_stances

    docs, sents = job
    mentions = tag_mentions(sents, docs)
    attribution = attribute(sents, docs, mentions)
    return {
        "mentions": mentions,
        "attribution": attribution,
        "stances": tag_stances(sents, docs, mentions, attribution),
        "positions": tag_positions(sents, docs, mentions, attribution),
    }


def _progress(*, total: int, enabled: bool, unit: str):
    from tqdm.auto import tqdm

    return tqdm(total=total, disable=not enabled or total < 2, unit=unit, desc="tagging")


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
    import pyarrow as pa

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
    from analysis.pipeline.export import to_safe_csv

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # The manifest goes first and comes back last: a write that dies half-way leaves a
    # folder that is neither fresh nor reused, and each table appears whole (a rename).
    (out / _MANIFEST_FILE).unlink(missing_ok=True)
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
    part = out / f".{_MANIFEST_FILE}.partial"
    part.write_text(json.dumps(info, ensure_ascii=False, indent=2))
    os.replace(part, out / _MANIFEST_FILE)
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
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

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
    import pyarrow as pa
    import pyarrow.parquet as pq

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
    info = json.loads((out / _MANIFEST_FILE).read_text())
    frames = {
        f.name: read_table(out, f.name)
        for f in fields(Tables)
        if f.name in (*TABLE_NAMES, "rejected")
    }
    return Tables(**frames, corpus_path=info["corpus_path"], versions=info["versions"])


def is_fresh(out: str | Path, corpus: str | Path) -> bool:
    """True when ``out`` holds tables made from this corpus and this package data."""
    manifest = Path(out) / _MANIFEST_FILE
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
    return (Path(path) / _MANIFEST_FILE).is_file()


def load_tables(
    corpus: str | Path | None = None, *, out: str | Path | None = None, cache: bool = True
) -> Tables:
    """Tables for ``corpus`` (default: see :func:`default_corpus`).

    ``corpus`` may also be a folder written by ``analysis tag --out``: its tables are read
    as they are. Otherwise the tables are cached in ``out``, else (``cache=True``) in
    :func:`cache_dir`, so every notebook of a report run tags a corpus once. When the corpus
    files changed since the cache was written, the corpus is loaded again but only
    documents whose text or metadata changed are tagged (see ``tag(reuse=...)``); when the
    package data or version changed, everything is.
    """
    path = Path(corpus) if corpus is not None else default_corpus()
    if path.is_dir() and is_tagged_folder(path):
        return read_tables(path)
    if out is None and cache:
        out = cache_dir(path)
    if out is not None and is_fresh(out, path):
        return read_tables(out)
    tables = tag(path, workers=None, reuse=out)
    if out is not None:
        try:
            write_tables(tables, out)
        except OSError as err:  # a read-only home: work on, uncached
            warnings.warn(f"could not cache the tables in {out}: {err}", stacklevel=2)
    # Compacted here, where the tables go to notebooks and their filters, as read_tables'
    # are; not in tag(), whose tables `analysis tag` only writes.
    for name in (*TABLE_NAMES, "rejected"):
        setattr(tables, name, compact(getattr(tables, name)))
    return tables
