"""Benchmark: full tagging of SaudiNewsNet against the camel-tools floor (run on demand).

    python benchmarks/bench_tag.py [--sizes 10000 20000 31030] [--workers 2]

For each size the first N articles are written to a JSONL file (not timed); then, each in
a fresh process so that peak memory is its own:

- floor: read the same JSONL, apply camel-tools' ``normalize_unicode``, ``dediac_ar`` and
  ``simple_word_tokenize`` to every text, nothing more;
- full: ``analysis.pipeline.run.tag`` (load, sentences, sections, dedup, mentions,
  attribution, stances, positions) with ``--workers`` processes.

It prints articles/s, MB/s and peak RSS (the process and its workers) for both, the ratio
full/floor (target ≤ 3), and the cost per article across sizes (target: linear). It also
times the notebooks' filter step on the full corpus's tables (a whole panel update, views
included, is what ``bench_filter.py`` measures).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet" / "json"


def write_subset(n: int, folder: Path) -> tuple[Path, float]:
    """The first ``n`` articles (files in date order) as JSONL; returns path and MB of text."""
    out = folder / f"saudinewsnet-{n}.jsonl"
    written, chars = 0, 0
    with out.open("w", encoding="utf-8") as fh:
        for file in sorted(SHARED.glob("*.json")):
            for row in json.loads(file.read_text(encoding="utf-8")):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
                chars += len(row.get("content") or "")
                if written == n:
                    return out, out.stat().st_size / 1e6
    return out, out.stat().st_size / 1e6


def run_floor(path: Path) -> dict:
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_unicode

    started = time.perf_counter()
    n = tokens = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("content") or ""
            tokens += len(simple_word_tokenize(dediac_ar(normalize_unicode(text))))
            n += 1
    seconds = time.perf_counter() - started
    return {"articles": n, "seconds": seconds, "tokens": tokens, "cpu_seconds": time.process_time()}


def run_full(path: Path, workers: int) -> dict:
    from analysis.pipeline.run import tag

    started = time.perf_counter()
    tables = tag(path, workers=workers)
    seconds = time.perf_counter() - started
    cpu = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "articles": len(tables.documents),
        "seconds": seconds,
        "rejected": len(tables.rejected),
        "cpu_seconds": sum(r.ru_utime + r.ru_stime for r in cpu),
    }
    for name in ("sentences", "mentions", "stances", "positions"):
        result[name] = len(getattr(tables, name))
    result["filter_ms"] = time_filter(tables)
    return result


def time_filter(tables, repeat: int = 7) -> float | None:
    """Median milliseconds of the notebooks' filter (``analysis.panel.widgets.filter_tables``,
    what the FilterPanel applies on every change) with every table cut: the commonest
    outlet, one year. (A panel cuts a table only when a view reads it.)"""
    try:
        from analysis.panel.widgets import filter_tables
    except ImportError:
        return None
    import statistics

    docs = tables.documents
    outlet = docs["outlet"].value_counts().index[0]
    start = docs["date"].dropna().min()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        out = filter_tables(tables, outlets=[outlet], start=start, end=start + pd_offset_year())
        for name in ("sentences", "mentions", "attribution", "stances", "positions"):
            getattr(out, name, None)  # cut now, not when first read
        times.append(1000 * (time.perf_counter() - began))
    return round(statistics.median(times), 1)


def pd_offset_year():
    import pandas as pd

    return pd.DateOffset(years=1)


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def child(mode: str, path: str, workers: int) -> None:
    result = run_floor(Path(path)) if mode == "floor" else run_full(Path(path), workers)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


def measure(mode: str, path: Path, workers: int) -> dict:
    run = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path), "--workers", str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 31_030])
    parser.add_argument("--workers", type=int, default=0, help="0: one per core (default)")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.workers)
        return
    if not SHARED.is_dir():
        raise SystemExit(f"SaudiNewsNet not found at {SHARED}")
    header = (
        f"{'size':>7} {'mode':>6} {'articles/s':>11} {'MB/s':>7} {'peak MB':>8}"
        f" {'s':>7} {'cpu s':>7} {'ms/article':>10} {'× floor':>8}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path, mb = write_subset(size, Path(tmp))
            floor = measure("floor", path, args.workers)
            full = measure("full", path, args.workers)
            for mode, r in (("floor", floor), ("full", full)):
                ratio = r["seconds"] / floor["seconds"]
                print(
                    f"{r['articles']:>7} {mode:>6} {r['articles'] / r['seconds']:>11.0f}"
                    f" {mb / r['seconds']:>7.2f} {r['peak_rss_mb']:>8.0f} {r['seconds']:>7.1f}"
                    f" {r['cpu_seconds']:>7.1f}"
                    f" {1000 * r['seconds'] / r['articles']:>10.2f} {ratio:>8.2f}",
                    flush=True,
                )
            counts = {
                k: full[k] for k in ("rejected", "sentences", "mentions", "stances", "positions")
            }
            print(
                f"        tables: {counts}; filter step: {full['filter_ms']} ms"
                " (a whole panel update: bench_filter.py)",
                flush=True,
            )


if __name__ == "__main__":
    main()
