"""The run: corpus → sentences → mentions → attribution → stances → positions.

``tag`` loads a corpus and runs every stage (``analysis.pipeline.stages``) in memory, in
chunks, on a process pool or on Dask, reusing the rows of unchanged documents from an
earlier run; it returns a :class:`~analysis.pipeline.tableset.Tables`. ``load_tables`` is
what a notebook calls: it tags the corpus, or reads the cached tables
(``analysis.pipeline.store``) when they were made from the same corpus files and the same
package.

The loader (``analysis.load.corpus``) is imported where a corpus is loaded, not at module
level: a notebook that reads cached tables never needs it, and importing it costs ~0.5 s
per report kernel. The same goes for the taggers (``analysis.pipeline.stages``).
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pandas as pd

from analysis.load.pool import cpu_count, pool_map
from analysis.pipeline.store import (
    MANIFEST_FILE,
    cache_dir,
    compact,
    is_fresh,
    is_tagged_folder,
    package_data_hash,
    read_table,
    read_tables,
    versions,
    write_tables,
)
from analysis.pipeline.tableset import (
    STAGE_TABLES,
    TABLE_NAMES,
    Tables,
    in_document_order,
    sentence_slicer,
)

CORPUS_ENV = "ANALYSIS_CORPUS"


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
    from analysis.load.corpus import load_corpus  # not at import: see the module docstring

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
        from analysis.pipeline.distributed import tag_with_dask  # dask: an optional extra

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
    from analysis.load.corpus import HASH_COLUMN  # not at import: see the module docstring

    out = Path(out)
    manifest = out / MANIFEST_FILE
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
    from analysis.pipeline.stages import tag_chunk  # the taggers: as the loader

    docs, sents = tables.documents, tables.sentences
    bounds = list(range(0, len(docs), chunk_size)) or [0]
    slicer = sentence_slicer(docs["doc_id"], sents)
    jobs = ((docs.iloc[b : b + chunk_size], slicer(b, b + chunk_size)) for b in bounds)
    bar = _progress(total=len(bounds), enabled=progress, unit="chunk")
    results = []
    mapped = (
        pool_map(tag_chunk, jobs, workers)
        if workers > 1 and len(bounds) > 1
        else map(tag_chunk, jobs)
    )
    for result in mapped:
        results.append(result)
        bar.update(1)
    bar.close()
    for name in STAGE_TABLES:
        frame = pd.concat([r[name] for r in results], ignore_index=True)
        setattr(tables, name, in_document_order(frame, docs["doc_id"]))
    return tables


def _progress(*, total: int, enabled: bool, unit: str):
    from tqdm.auto import tqdm  # only a run that tags needs it

    return tqdm(total=total, disable=not enabled or total < 2, unit=unit, desc="tagging")


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
