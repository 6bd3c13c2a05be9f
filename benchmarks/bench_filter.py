"""How fast the notebooks' filter panels answer on a tagged corpus (the cache).

Reads the tables ``analysis tag CORPUS --out DIR`` wrote, runs each curated notebook's
code against them in an IPython shell (live: ``INTERACTIVE = True``), so its
``FilterPanel`` holds exactly the views the notebook registers, then times what a user
waits for after changing a control: ``panel.set_filters(...)``, i.e. filtering the tables,
re-running every view and displaying each result (the figures' JSON, the tables' HTML).
The settings change on every update (one outlet, one year, two outlets, none …), as a
user clicking through them would; each is timed ``--repeat`` times. Prints milliseconds:
the median and the slowest update per setting (wall clock), the median CPU time of the
process (less sensitive to a shared machine), and the filter step alone.

    .venv/bin/analysis tag ../shared/corpora/saudinewsnet/json --out /tmp/snn
    .venv/bin/python benchmarks/bench_filter.py /tmp/snn

What is not counted: sending the outputs to the browser and plotly.js drawing them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from analysis.panel import widgets
from analysis.pipeline.run import read_tables

# the notebook runner the tests of the panels use
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from live import NOTEBOOKS, live_panel


def settings(documents: pd.DataFrame) -> dict[str, dict]:
    """Filter settings to cycle through, each different from the one before."""
    counts = documents["outlet"].value_counts()
    top, second = counts.index[0], counts.index[min(1, len(counts) - 1)]
    first = documents["date"].dropna().min()
    year = {"start": first, "end": first + pd.DateOffset(years=1)}
    return {
        f"one outlet ({top}), one year": {"outlets": [top], **year},
        "all outlets, one year": {"outlets": [], **year},
        f"one outlet ({top}), all dates": {"outlets": [top], "start": None, "end": None},
        f"two outlets ({top}, {second})": {"outlets": [top, second]},
        "no filter": {"outlets": [], "start": None, "end": None},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="a folder written by `analysis tag --out`")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--notebook",
        action="append",
        help="a notebook's .py in notebooks/ (default: every curated notebook)",
    )
    args = parser.parse_args()

    InteractiveShell.instance()  # display() goes through IPython's formatters, as in a kernel
    began = time.perf_counter()
    tables = read_tables(args.out)
    print(f"read the cache: {time.perf_counter() - began:.1f} s; {tables.summary()}")
    states = settings(tables.documents)
    paths = (
        [NOTEBOOKS / n for n in args.notebook]
        if args.notebook
        else sorted(NOTEBOOKS.glob("[0-9]*.py"))
    )
    worst = 0.0
    for path in paths:
        began = time.perf_counter()
        panel = live_panel(path, tables)
        print(
            f"\n{path.stem}: {len(panel._views)} views; notebook run and first render "
            f"{time.perf_counter() - began:.1f} s"
        )
        print(
            f"  {'setting':<48} {'articles':>8} {'filter ms':>9} {'update ms':>9} {'max':>6}"
            f" {'cpu ms':>7}"
        )
        runs: dict[str, list[float]] = {name: [] for name in states}
        cpu: dict[str, list[float]] = {name: [] for name in states}
        filters: dict[str, list[float]] = {name: [] for name in states}
        shown: dict[str, int] = {}
        for _ in range(args.repeat):
            for name, state in states.items():
                began = time.perf_counter()
                widgets.filter_tables(tables, lazy=True, **{**panel.state, **state})
                filters[name].append(1000 * (time.perf_counter() - began))
                began, began_cpu = time.perf_counter(), time.process_time()
                with capture_output():
                    panel.set_filters(**state)
                runs[name].append(1000 * (time.perf_counter() - began))
                cpu[name].append(1000 * (time.process_time() - began_cpu))
                shown[name] = len(panel.filtered.documents)
        for name in states:
            worst = max(worst, statistics.median(runs[name]))
            print(
                f"  {name[:48]:<48} {shown[name]:>8} {statistics.median(filters[name]):>9.1f}"
                f" {statistics.median(runs[name]):>9.0f} {max(runs[name]):>6.0f}"
                f" {statistics.median(cpu[name]):>7.0f}",
                flush=True,
            )
    print(f"\nslowest median update: {worst:.0f} ms (target: under 200 ms)")


if __name__ == "__main__":
    main()
