"""What every notebook kernel calls first: plotly set up, the tables, their provenance.

``open_tables`` sets plotly's renderer (figures show in JupyterLab *and* keep plotly.js
inlined once per page when nbconvert exports them) and the house template, loads or reads
the tagged tables (``analysis.pipeline.run.load_tables``), filters them and shows which
corpus, filters and package versions made the output. The report build (``build``) runs
the notebooks; nothing here imports papermill or nbconvert.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import plotly.io as pio
from IPython.display import HTML, display

from analysis.panel import widgets
from analysis.pipeline import run
from analysis.pipeline.store import package_versions
from analysis.tag import actors
from analysis.text import safety
from analysis.views.figures import TEMPLATE

PLOTLY_RENDERER = "plotly_mimetype+notebook"


def setup_notebook() -> None:
    """Make plotly figures show in JupyterLab *and* survive nbconvert (plotly.js inlined),
    in the house template."""
    pio.renderers.default = PLOTLY_RENDERER
    pio.templates.default = TEMPLATE


def versions() -> dict[str, str]:
    """Versions of the packages behind a report."""
    names = ("analysis", "pandas", "plotly", "ipywidgets", "nbconvert", "camel-tools")
    return {"python": sys.version.split()[0], **package_versions(names)}


def provenance(tables, *, filters: str = "all outlets, all dates", notebook: str = ""):
    """An HTML block saying which corpus, filters and versions made this output."""
    vers = {**versions(), **(getattr(tables, "versions", None) or {})}
    docs = tables.documents
    dated = docs["date"].dropna()
    span = f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}" if len(dated) else "no dates"
    rows = [
        ("Notebook", notebook),
        ("Corpus", getattr(tables, "corpus_path", "") or "(default)"),
        ("Articles", f"{len(docs)} from {docs['outlet'].nunique()} outlet(s); dates {span}"),
        ("Filters", filters),
        ("Versions", ", ".join(f"{k} {v}" for k, v in sorted(vers.items()))),
        ("Made", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
    ]
    body = "".join(
        f"<tr><th style='text-align:left'>{safety.escape_html(k)}</th>"
        f"<td dir='auto' style='text-align:left'>{safety.escape_html(v)}</td></tr>"
        for k, v in rows
        if v
    )
    return HTML(f'<div class="analysis-provenance"><table>{body}</table></div>')


def open_tables(
    corpus=None,
    *,
    outlets=None,
    start=None,
    end=None,
    notebook: str = "",
):
    """What every notebook does first: plotly set up for JupyterLab and export, the tables
    of ``corpus`` (see ``run.load_tables``) filtered to ``outlets`` and ``start``–``end``,
    and the provenance block shown. Returns the filtered tables."""
    setup_notebook()
    tables = widgets.filter_tables(run.load_tables(corpus), outlets=outlets, start=start, end=end)
    filters = widgets.describe_filters(outlets=outlets, start=start, end=end)
    display(provenance(tables, filters=filters, notebook=notebook))
    return tables


def load_actors():
    """The actor dictionary as a table (id, kind, label_en, label_ar, affiliation)."""
    return actors.actors_table()
