"""Running a curated notebook's code live on given tables, outside a kernel: for the tests
of its filter panel and for ``benchmarks/bench_filter.py``."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from IPython.utils.capture import capture_output

from analysis.panel import widgets
from analysis.pipeline import run as pipeline

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def live_panel(notebook: Path, tables) -> widgets.FilterPanel:
    """Run ``notebook`` (a curated notebook's jupytext ``.py``) on ``tables``, live
    (``load_tables`` returns them), its output captured; the ``panel`` it made."""
    namespace: dict = {"__name__": "__main__"}
    with (
        mock.patch.object(pipeline, "load_tables", lambda *a, **k: tables),
        capture_output(),
    ):
        exec(compile(notebook.read_text(encoding="utf-8"), str(notebook), "exec"), namespace)
    panel = namespace.get("panel")
    if not isinstance(panel, widgets.FilterPanel) or not panel.interactive:
        raise ValueError(f"{notebook}: no live FilterPanel called `panel`")
    return panel
