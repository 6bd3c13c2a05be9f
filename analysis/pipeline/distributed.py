"""Tagging on Dask, for corpora beyond one machine.

The corpus is loaded once (on the client), its documents and sentences are written as
partitioned Parquet (``<work>/input/part-NNNNN.parquet``, one partition per chunk of
documents), and each Dask task reads one partition, runs every tagging stage on it and
writes ``<work>/<table>/part-NNNNN.parquet``. Workers therefore exchange only file paths:
on a real cluster ``work`` must be a folder every worker can read and write (a shared
file system; object stores would need an fsspec URL, which this module does not handle
yet). The tables read back are identical to the in-process run's, because every stage
works within one document and rows are put in document order as in-process.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from analysis.pipeline.stages import tag_chunk
from analysis.pipeline.tableset import STAGE_TABLES, Tables, in_document_order, sentence_slicer


def write_partitions(tables: Tables, work: Path, *, chunk_size: int = 500) -> list[Path]:
    """Write documents and sentences as one Parquet partition per chunk of documents."""
    folder = work / "input"
    folder.mkdir(parents=True, exist_ok=True)
    docs, sents = tables.documents, tables.sentences
    slicer = sentence_slicer(docs["doc_id"], sents)
    parts = []
    for number, start in enumerate(range(0, max(len(docs), 1), chunk_size)):
        chunk = docs.iloc[start : start + chunk_size]
        path = folder / f"part-{number:05d}"
        path.mkdir(exist_ok=True)
        chunk.to_parquet(path / "documents.parquet", index=False)
        slicer(start, start + chunk_size).to_parquet(path / "sentences.parquet", index=False)
        parts.append(path)
    return parts


def tag_partition(part: str) -> dict[str, int]:
    """Dask task: tag one input partition and write its output partitions; return row counts."""
    part_path = Path(part)
    docs = pd.read_parquet(part_path / "documents.parquet")
    sents = pd.read_parquet(part_path / "sentences.parquet")
    results = tag_chunk((docs, sents))
    work = part_path.parent.parent
    counts = {}
    for name, frame in results.items():
        folder = work / name
        folder.mkdir(exist_ok=True)
        frame.to_parquet(folder / f"{part_path.name}.parquet", index=False)
        counts[name] = len(frame)
    return counts


def read_partitions(work: Path, name: str, n_parts: int) -> pd.DataFrame:
    """Concatenate one table's output partitions in partition (= document) order."""
    frames = [pd.read_parquet(work / name / f"part-{i:05d}.parquet") for i in range(n_parts)]
    return pd.concat(frames, ignore_index=True)


def tag_with_dask(
    tables: Tables,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    chunk_size: int = 500,
    work: str | Path | None = None,
) -> Tables:
    """Run the tagging stages on a Dask cluster and fill ``tables`` (in place).

    ``scheduler`` is the address of a running cluster (``tcp://host:8786``); without it a
    ``LocalCluster`` with ``n_workers`` single-threaded worker processes is started and
    stopped. ``work`` is the shared folder for the partitions (a temporary folder if None,
    which only a local cluster can use).
    """
    try:
        from dask.distributed import Client, LocalCluster  # the optional dask extra
    except ImportError as err:  # the dask extra is optional
        raise ImportError(
            "--engine dask needs the dask extra: pip install 'analysis[dask]'"
        ) from err

    with tempfile.TemporaryDirectory(prefix="analysis-dask-") as tmp:
        folder = Path(work) if work is not None else Path(tmp)
        parts = write_partitions(tables, folder, chunk_size=chunk_size)
        if scheduler:
            client, cluster = Client(scheduler), None
        else:
            cluster = LocalCluster(
                n_workers=n_workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            client = Client(cluster)
        try:
            futures = client.map(tag_partition, [str(p) for p in parts], pure=False)
            client.gather(futures)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        for name in STAGE_TABLES:
            frame = read_partitions(folder, name, len(parts))
            setattr(tables, name, in_document_order(frame, tables.documents["doc_id"]))
    return tables
