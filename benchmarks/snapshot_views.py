"""Fingerprint every view output and table of the curated notebooks, to show a refactor
changed nothing.

    python benchmarks/snapshot_views.py OUT.json TAGGED_DIR [TAGGED_DIR ...]
    python benchmarks/snapshot_views.py --compare BEFORE.json AFTER.json

Each TAGGED_DIR is a folder written by ``analysis tag --out``. For every folder, every
curated notebook and five filter settings (those of ``bench_filter.py``), each view the
notebook registers on its filter panel is built three ways — live (no per-figure menus,
plotly's checks skipped: what the panel shows), checked (the same, validated) and as in a
report (outlet menus and date sliders in the figures) — and its output fingerprinted:
figure JSON, table HTML or frame JSON, SHA-256. The tagged tables are fingerprinted too
(values and dtypes). ``--compare`` prints how many outputs were compared and which differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from analysis.panel import widgets
from analysis.panel.plotly_checks import plotly_checks
from analysis.pipeline.run import TABLE_NAMES, read_tables
from analysis.views.html import HtmlTable
from analysis.views.menus import outlet_menus

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from bench_filter import settings
from live import NOTEBOOKS, live_panel


def fingerprint(result) -> str:
    """SHA-256 of a view's output in the form a page shows it."""
    if isinstance(result, go.Figure):
        text = result.to_json()
    elif isinstance(result, HtmlTable):
        text = result.html
    elif isinstance(result, pd.DataFrame):
        text = result.to_json(orient="split", date_format="iso", default_handler=str)
        text += json.dumps({c: str(t) for c, t in result.dtypes.items()})
    else:
        text = repr(result)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def table_fingerprint(frame: pd.DataFrame) -> str:
    values = pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes()
    kinds = json.dumps({c: str(t) for c, t in frame.dtypes.items()}).encode("utf-8")
    return hashlib.sha256(values + kinds).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    tables = read_tables(folder)
    out = {f"{folder.name}/table/{n}": table_fingerprint(getattr(tables, n)) for n in TABLE_NAMES}
    states = settings(tables.documents)
    for path in sorted(NOTEBOOKS.glob("[0-9]*.py")):
        panel = live_panel(path, tables)
        views = [view for view, _out in panel._views]  # the views the notebook registered
        for name, state in states.items():
            with capture_output():
                panel.set_filters(**state)
            filtered = widgets.filter_tables(tables, **panel.state)
            for i, view in enumerate(views):
                key = f"{folder.name}/{path.stem}/view{i}/{name}"
                with outlet_menus(False), plotly_checks(False):
                    out[f"{key}/live"] = fingerprint(view(panel.filtered))
                with outlet_menus(False):
                    out[f"{key}/checked"] = fingerprint(view(panel.filtered))
                out[f"{key}/report"] = fingerprint(view(filtered))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(Path(p).read_text()) for p in args.compare)
        keys = sorted(before.keys() | after.keys())
        differ = [k for k in keys if before.get(k) != after.get(k)]
        print(f"{len(keys)} outputs compared, {len(differ)} differ")
        for k in differ:
            print("  ", k)
        raise SystemExit(1 if differ else 0)
    if len(args.paths) < 2:
        parser.error("give OUT.json and at least one tagged folder")
    InteractiveShell.instance()  # display() goes through IPython's formatters, as in a kernel
    result: dict[str, str] = {}
    for folder in args.paths[1:]:
        result.update(snapshot(Path(folder)))
        print(f"{folder}: {len(result)} outputs so far", flush=True)
    Path(args.paths[0]).write_text(json.dumps(result, indent=0, sort_keys=True) + "\n")
    print(f"{len(result)} fingerprints → {args.paths[0]}")


if __name__ == "__main__":
    main()
