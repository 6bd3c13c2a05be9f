"""Run the curated notebooks and export them as self-contained, offline HTML reports.

``build_reports(out_dir, corpus=...)`` executes each ``notebooks/NN_*.py`` (jupytext percent
format) with papermill — parameters ``CORPUS`` and ``INTERACTIVE=False`` — and writes one
HTML page per notebook plus ``index.html``. A page loads nothing from the network:
plotly.js is inlined once by the notebooks' plotly renderer (``setup_notebook``), the
nbconvert template ``analysis/report/templates/offline`` drops require.js, MathJax, mermaid and
the widget manager, and ``strip_external`` removes any ``<script src>``/``<link href>``
that still points outside (plotly writes a MathJax CDN tag into each figure).

The notebooks live in git as ``.py`` only; ``sync_notebooks`` writes the ``.ipynb`` that
JupyterLab users and nbval need, with the stored reference outputs of the cells marked
``# NBVAL_CHECK_OUTPUT`` (``tests/nbval_expected/<stem>.json``, refreshed by
``record_expected``).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
import warnings
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import jupytext
import nbformat
import papermill
from nbconvert import HTMLExporter
from traitlets.config import Config

from analysis.pipeline.run import load_tables
from analysis.report.notebook import versions
from analysis.text import safety

CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
HIDE_TAG = "hide-in-report"  # cells for nbval only (plain-text checks), left out of reports
TEMPLATE_NAME = "offline"


_EXTERNAL_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>", re.I
)
_EXTERNAL_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", re.I)
_CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*[\"']?(?:https?:)?//[^;]*;", re.I)


# --- inside the notebooks ----------------------------------------------------------------


# --- notebooks on disk -------------------------------------------------------------------


def notebooks_dir() -> Path:
    """The repo's ``notebooks/`` folder (editable installs and checkouts)."""
    return Path(__file__).resolve().parents[2] / "notebooks"


def notebook_sources(notebooks: list[str | Path] | None = None) -> list[Path]:
    """The notebooks to run: the given paths, else ``notebooks/[0-9]*.py`` in order."""
    if notebooks:
        return [Path(n) for n in notebooks]
    return sorted(notebooks_dir().glob("[0-9]*.py"))


def read_notebook(path: str | Path):
    """A notebook node from a jupytext ``.py`` or an ``.ipynb``."""

    return jupytext.read(Path(path))


def _checked_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code" and CHECK_MARK in c.source]


def sync_notebooks(
    notebooks: list[str | Path] | None = None, *, expected: str | Path | None = None
) -> list[Path]:
    """Write ``NN_name.ipynb`` beside each jupytext ``.py`` (what ``jupytext --to ipynb`` does).

    With ``expected`` (a folder of ``<stem>.json`` from ``record_expected``), the cells
    marked ``# NBVAL_CHECK_OUTPUT`` get those reference outputs so ``pytest --nbval-lax``
    has something to compare with.
    """

    written = []
    for src in notebook_sources(notebooks):
        nb = read_notebook(src)
        ref = Path(expected) / f"{src.stem}.json" if expected else None
        if ref is not None and ref.is_file():
            outputs = json.loads(ref.read_text(encoding="utf-8"))
            for n, (cell, outs) in enumerate(zip(_checked_cells(nb), outputs, strict=False)):
                cell.outputs = [nbformat.from_dict(o) for o in outs]
                cell.execution_count = n + 1  # nbval refuses outputs of an "unrun" cell
        elif ref is not None and _checked_cells(nb):
            # nbval would fail a checked cell with nothing to compare against: run it
            # unchecked and say so, rather than fail every build until outputs are recorded.
            warnings.warn(
                f"{src.name}: no reference outputs in {ref}; its checked cells run unchecked"
                " (record them with `python -m analysis.report.build record-expected`)",
                stacklevel=2,
            )
            for cell in _checked_cells(nb):
                cell.source = cell.source.replace(CHECK_MARK, "# (output not checked)")
        dst = src.with_suffix(".ipynb")
        nbformat.write(nb, dst)
        written.append(dst)
    return written


def record_expected(
    out_dir: str | Path,
    *,
    corpus: str | Path,
    notebooks: list[str | Path] | None = None,
    timeout: int = 600,
) -> list[Path]:
    """Run the notebooks on ``corpus`` and store the outputs of their
    ``# NBVAL_CHECK_OUTPUT`` cells as nbval's reference (``<stem>.json``).

    nbval runs the notebooks as written with ``ANALYSIS_CORPUS=corpus``; here ``CORPUS``
    is passed directly and ``INTERACTIVE=False`` (nbclient can hang on Output widgets),
    which the checked cells — plain-text tables printed before the filter panel — do not
    depend on.
    """

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    params = {"CORPUS": str(Path(corpus).resolve()), "INTERACTIVE": False}
    with tempfile.TemporaryDirectory() as tmp:
        for src in notebook_sources(notebooks):
            run = execute(src.resolve(), Path(tmp) / f"{src.stem}.ipynb", params, timeout=timeout)
            nb = nbformat.read(run, as_version=4)
            outs = [[_plain_output(o) for o in c.outputs] for c in _checked_cells(nb)]
            dst = out_dir / f"{src.stem}.json"
            dst.write_text(json.dumps(outs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written.append(dst)
    return written


def _plain_output(output) -> dict:
    out = dict(output)
    out.pop("execution_count", None)
    if "metadata" in out:
        out["metadata"] = {}
    return json.loads(json.dumps(out))


# --- execution and export ----------------------------------------------------------------


def execute(src: Path, dst: Path, parameters: dict[str, Any], *, timeout: int = 600) -> Path:
    """Run one notebook with papermill (parameters injected after the ``parameters`` cell)."""

    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / f"{src.stem}.ipynb"
        nbformat.write(read_notebook(src), staged)
        try:
            papermill.execute_notebook(
                str(staged),
                str(dst),
                parameters=parameters,
                kernel_name="python3",
                cwd=str(src.parent),
                progress_bar=False,
                execution_timeout=timeout,
            )
        except papermill.PapermillExecutionError as err:
            # One line a user can act on; the executed notebook keeps the traceback.
            raise ReportError(
                f"{src.name} failed in cell {err.exec_count}: {err.ename}: {err.evalue}"
                f" (the executed notebook with the traceback: {dst})"
            ) from err
    return dst


class ReportError(RuntimeError):
    """A notebook could not be executed for a report."""


def strip_external(html: str) -> str:
    """Remove every ``<script src>``, ``<link href>`` and CSS ``@import`` that leaves the page."""
    html = _EXTERNAL_SCRIPT.sub("", html)
    html = _EXTERNAL_LINK.sub("", html)
    return _CSS_IMPORT.sub("", html)


def to_html(ipynb: Path, *, title: str | None = None, show_code: bool = False) -> str:
    """Export an executed notebook with the offline template, external loads stripped."""

    nb = nbformat.read(ipynb, as_version=4)
    if title:
        nb.metadata["title"] = title
    nb.metadata.pop("widgets", None)  # widget state is dead weight offline

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {HIDE_TAG}
    exporter = HTMLExporter(
        config=config,
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(resources.files("analysis") / "report" / "templates")],
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    return strip_external(body)


def notebook_title(nb, default: str) -> str:
    """The first Markdown heading of the notebook."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return default


def build_reports(
    out_dir: str | Path,
    *,
    corpus: str | Path | None = None,
    notebooks: list[str | Path] | None = None,
    parameters: dict[str, Any] | None = None,
    show_code: bool = False,
    timeout: int = 600,
) -> list[Path]:
    """Execute the notebooks and write ``<stem>.html`` for each plus ``index.html``.

    ``corpus=None`` lets each notebook use the default corpus (``$ANALYSIS_CORPUS`` or the
    repo's ``seeds/``). ``parameters`` go to every notebook (e.g. ``OUTLETS``,
    ``DATE_FROM``); the executed ``.ipynb`` are kept in ``out_dir/executed``. Returns the
    HTML paths, index last.
    """
    out_dir = Path(out_dir)
    executed = out_dir / "executed"
    executed.mkdir(parents=True, exist_ok=True)
    params: dict[str, Any] = {"INTERACTIVE": False, **(parameters or {})}
    if corpus is not None:
        params["CORPUS"] = str(Path(corpus).resolve())
        # Load (and cache) the corpus here: a corpus that cannot be read fails with its own
        # message, before any kernel starts, and the notebooks then read the cache.

        load_tables(corpus)
    pages, entries = [], []
    for src in notebook_sources(notebooks):
        t0 = time.perf_counter()
        run = execute(src.resolve(), executed / f"{src.stem}.ipynb", params, timeout=timeout)

        title = notebook_title(nbformat.read(run, as_version=4), src.stem)
        page = out_dir / f"{src.stem}.html"
        page.write_text(to_html(run, title=title, show_code=show_code), encoding="utf-8")
        pages.append(page)
        entries.append((page.name, title, page.stat().st_size, time.perf_counter() - t0))
    index = out_dir / "index.html"
    index.write_text(_index_html(entries, corpus=corpus, parameters=params), encoding="utf-8")
    return [*pages, index]


def _index_html(entries, *, corpus, parameters: dict[str, Any]) -> str:
    items = "".join(
        f'<li><a href="{safety.escape_html(name)}">{safety.escape_html(title)}</a>'
        f" <small>({size / 1e6:.1f} MB, built in {secs:.0f} s)</small></li>"
        for name, title, size, secs in entries
    )
    shown = {k: v for k, v in parameters.items() if k != "INTERACTIVE"}
    vers = ", ".join(f"{k} {v}" for k, v in versions().items())
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    corpus_text = str(corpus) if corpus is not None else "default corpus"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Analysis reports</title>"
        "<style>body{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;"
        "max-width:50em;margin:2em auto}</style></head><body>"
        "<h1>Analysis reports</h1>"
        f"<p>Corpus: {safety.escape_html(corpus_text)}<br>"
        f"Parameters: {safety.escape_html(json.dumps(shown, ensure_ascii=False))}<br>"
        f"Versions: {safety.escape_html(vers)}<br>Made: {made}</p>"
        f"<ul>{items}</ul>"
        "<p>Each page works offline: open it in a browser, no network needed.</p>"
        "</body></html>"
    )


# --- command line (CI) ------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.report.build sync-notebooks|record-expected`` (CI, maintainers)."""

    parser = argparse.ArgumentParser(prog="python -m analysis.report.build")
    sub = parser.add_subparsers(dest="command", required=True)
    sync = sub.add_parser("sync-notebooks", help="write notebooks/*.ipynb from the .py sources")
    sync.add_argument("--expected", default=None, help="folder of reference outputs for nbval")
    rec = sub.add_parser("record-expected", help="store the outputs nbval will check")
    rec.add_argument("--corpus", required=True)
    rec.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if args.command == "sync-notebooks":
        paths = sync_notebooks(expected=args.expected)
    else:
        paths = record_expected(args.out, corpus=args.corpus)
    print("\n".join(map(str, paths)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
