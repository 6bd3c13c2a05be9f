"""How fast the notebooks' filter panel answers on a tagged corpus (the cache).

Reads the tables ``analysis tag CORPUS --out DIR`` wrote, then times, for a few filter
settings, (1) ``analysis.widgets.filter_tables`` — the step every view waits for — and
(2) each view of notebook 02 on the filtered tables, in registration order, as the panel
runs them. Prints milliseconds (median of ``--repeat`` runs).

    .venv/bin/analysis tag ../shared/corpora/saudinewsnet/json --out /tmp/snn
    .venv/bin/python benchmarks/bench_filter.py /tmp/snn
"""

from __future__ import annotations

import argparse
import statistics
import time

import pandas as pd

from analysis import figures, reports, widgets
from analysis import tables as tbl
from analysis.pipeline import read_tables


def notebook_02_views(actors: pd.DataFrame) -> dict:
    """The views notebook 02 registers with its panel (same calls, same order)."""
    return {
        "mentions by actor (figure)": lambda t: figures.mentions_by_actor(t, actors=actors),
        "mentions by actor (table)": lambda t: tbl.render(tbl.mentions_by_actor(t, actors)),
        "by outlet": lambda t: figures.mentions_by_outlet(t, actors=actors),
        "over time": lambda t: figures.mentions_over_time(t, actors=actors),
        "roll-up (figure)": lambda t: figures.rollup_chart(t, actors),
        "roll-up (table)": lambda t: tbl.render(tbl.rollup(t, actors, level="state")),
        "co-occurrence": lambda t: figures.cooccurrence_heatmap(t, actors=actors),
        "keyword in context": lambda t: tbl.render(
            tbl.kwic(t, tbl.top_actor(t), actors=actors), **tbl.KWIC_LAYOUT
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="a folder written by `analysis tag --out`")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    reports.setup_notebook()  # the plotly settings the notebooks run with
    began = time.perf_counter()
    tables = read_tables(args.out)
    print(f"read the cache: {time.perf_counter() - began:.1f} s; {tables.summary()}")
    docs = tables.documents
    top = docs["outlet"].value_counts().index[0]
    first = docs["date"].dropna().min()
    settings = {
        f"one outlet ({top}), one year": {
            "outlets": [top],
            "start": first,
            "end": first + pd.DateOffset(years=1),
        },
        "one outlet, all dates": {"outlets": [top]},
        "all outlets, one year": {"start": first, "end": first + pd.DateOffset(years=1)},
        "no filter": {},
    }
    views = notebook_02_views(reports.load_actors())
    print(f"{'filter':<45} {'articles':>8} {'filter ms':>10} {'views ms':>9}  slowest view")
    for name, state in settings.items():
        filter_runs, view_runs = [], {label: [] for label in views}
        for _ in range(args.repeat):
            # One panel update: filter once, then every view on the same filtered tables.
            began = time.perf_counter()
            filtered = widgets.filter_tables(tables, **state)
            filter_runs.append(1000 * (time.perf_counter() - began))
            for label, view in views.items():
                began = time.perf_counter()
                with figures.outlet_menus(False):  # as the live panel renders them
                    view(filtered)
                view_runs[label].append(1000 * (time.perf_counter() - began))
        per_view = {label: statistics.median(runs) for label, runs in view_runs.items()}
        slowest = max(per_view, key=per_view.get)
        print(
            f"{name[:45]:<45} {len(filtered.documents):>8}"
            f" {statistics.median(filter_runs):>10.1f} {sum(per_view.values()):>9.0f}"
            f"  {slowest} ({per_view[slowest]:.0f} ms)",
            flush=True,
        )


if __name__ == "__main__":
    main()
