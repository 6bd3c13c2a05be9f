"""Check: ``--engine dask`` gives the same tables as in-process on syria-claims (on demand).

    python benchmarks/compare_dask.py [CORPUS] [--workers 2]

Loads the corpus once (``--column text=article --explode article,url,stance``), tags it
in-process and on a local Dask cluster, and compares every stage table row for row.
Exit status 1 when any table differs.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import pandas as pd

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "syria-claims" / "dataset"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(SHARED))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    from analysis.load.corpus import load_corpus
    from analysis.pipeline.distributed import tag_with_dask
    from analysis.pipeline.run import tag_loaded
    from analysis.pipeline.tableset import STAGE_TABLES, Tables

    started = time.perf_counter()
    loaded = load_corpus(
        args.corpus, columns={"text": "article"}, explode=["article", "url", "stance"]
    )
    print(f"loaded: {loaded.summary()} in {time.perf_counter() - started:.1f} s")
    base = Tables(loaded.documents, loaded.sentences, loaded.rejected)

    started = time.perf_counter()
    inprocess = tag_loaded(copy.copy(base), workers=args.workers)
    print(f"in-process ({args.workers} workers): {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    on_dask = tag_with_dask(copy.copy(base), n_workers=args.workers)
    print(f"dask ({args.workers} workers): {time.perf_counter() - started:.1f} s")

    failed = False
    for name in STAGE_TABLES:
        a, b = getattr(inprocess, name), getattr(on_dask, name)
        try:
            pd.testing.assert_frame_equal(b, a)
            print(f"  {name}: {len(a)} rows, identical")
        except AssertionError as err:
            failed = True
            print(f"  {name}: DIFFERENT ({len(a)} in-process, {len(b)} dask): {err}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
