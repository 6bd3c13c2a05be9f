"""analysis.report.build: offline HTML reports from the notebooks, and the notebook files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
import nbformat
import pytest
from hostile import unpack_blocks

from analysis.report import build as reports

REPO = Path(__file__).resolve().parent.parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9]*.py"))
EXTERNAL_LOAD = re.compile(
    r"<(?:script|img|iframe)\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|@import\s+(?:url\()?\s*[\"']?(?:https?:)?//",
    re.I,
)
PLOTLY_JS_BANNER = re.compile(r"\* plotly\.js v\d")


@pytest.fixture(scope="module")
def pages(built_reports) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in built_reports["pages"]}


def test_one_page_per_notebook_and_an_index(built_reports):
    names = [p.name for p in built_reports["pages"]]
    assert names == [f"{nb.stem}.html" for nb in NOTEBOOKS] + ["index.html"]
    sizes = {p.name: round(p.stat().st_size / 1e6, 2) for p in built_reports["pages"]}
    print(f"\nreports on {built_reports['data']}: {built_reports['seconds']:.1f} s, MB {sizes}")


def test_nothing_is_loaded_from_outside(pages):
    for name, html in pages.items():
        assert not EXTERNAL_LOAD.search(html), (name, EXTERNAL_LOAD.search(html))


def test_plotly_js_carried_exactly_once_per_page(pages):
    """plotly.js travels packed with the filter bar, never inlined by plotly's renderer."""
    for name, html in pages.items():
        if name != "index.html":
            assert not PLOTLY_JS_BANNER.findall(html), name
            blocks = unpack_blocks(html, plotly=True)
            assert sum(bool(PLOTLY_JS_BANNER.search(b)) for b in blocks) == 1, name


@pytest.mark.parametrize(
    ("page", "views"),
    [
        ("01_corpus_overview.html", 7),
        ("02_actor_mentions.html", 8),
        ("03_stance.html", 7),
        ("04_positions.html", 7),
    ],
)
def test_views_and_one_filter_bar_present(pages, page, views):
    """Each page: one filter bar with its controls and document list, and every view the
    bar redraws with its spec (their rows: once per row set)."""
    html = pages[page]
    assert html.count('class="report-filter-bar"') == 1
    # (nbconvert re-serialises the markup: attributes in any order)
    assert len(re.findall(r'<select\b[^>]*\bdata-report-filter="outlet"[^>]*>', html)) == 1
    for control in ("from", "to"):
        found = re.findall(rf'<input\b[^>]*\bdata-report-filter="{control}"[^>]*>', html)
        assert len(found) == 1 and 'type="date"' in found[0]
    assert len(re.findall(r'<select\b[^>]*\bdata-report-filter="hedged"[^>]*>', html)) == 1
    assert html.count('id="report-documents"') == 1
    assert html.count('class="report-view"') == views
    assert html.count('class="report-spec"') == views
    names = re.findall(r'<script\b[^>]*\bdata-name="([^"]+)"', html)
    assert len(names) == len(set(names)) >= 1


def test_each_page_says_which_corpus_filters_and_versions(pages):
    for name, html in pages.items():
        if name == "index.html":
            continue
        head = html[html.index('class="analysis-provenance"') :][:3000]
        for word in ("Corpus", "Filters", "Versions", "plotly", "pandas"):
            assert word in head, (name, word)


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory) -> dict[str, str]:
    """Reports built on the small tables, whose data holds markup and bidi overrides."""
    from conftest import small_notebooks

    tmp = tmp_path_factory.mktemp("hostile")
    built = reports.build_reports(tmp / "out", notebooks=small_notebooks(tmp / "nb"))
    return {p.name: p.read_text(encoding="utf-8") for p in built}


def test_code_and_check_cells_are_left_out(pages):
    for name, html in pages.items():
        assert "open_tables(" not in html, name  # inputs are excluded
        assert "NBVAL_CHECK_OUTPUT" not in html, name


def test_markup_from_data_is_inert_in_reports(hostile_pages):
    for name, html in hostile_pages.items():
        assert "<img src=x" not in html, name
        assert "<script>alert(1)" not in html, name
        assert "\u202e" not in html, name
    page = hostile_pages["01_corpus_overview.html"]
    # in the page's data, escaped (the page's script writes it back as text)
    data = "".join(unpack_blocks(page))
    assert "&lt;img src=x onerror=" in data and "<img" not in data


def test_arabic_is_marked_for_right_to_left(pages):
    """Tables the script draws give every cell dir="auto"; labels in figures get a
    right-to-left isolate (both in the page's script, which the browser tests run)."""
    script = pages["02_actor_mentions.html"]
    assert 'el("td", { dir: "auto" }' in script
    assert "\\u2067" in script


def test_strip_external_removes_cdn_loads_and_keeps_inline_scripts():
    html = (
        '<script src="https://cdn.example/mathjax.js?config=TeX"></script>'
        "<script src='//cdn.example/require.js'></script>"
        '<link rel="stylesheet" href="http://fonts.example/css">'
        "<style>@import url('https://fonts.example/a.css');</style>"
        "<script>var x = 'https://keep.example';</script>"
        '<script src="local.js"></script>'
    )
    out = reports.strip_external(html)
    assert not EXTERNAL_LOAD.search(out)
    assert "var x = 'https://keep.example'" in out and 'src="local.js"' in out


def test_template_drops_cdn_blocks():
    text = (Path(reports.__file__).parent / "templates" / "offline" / "index.html.j2").read_text()
    for block in ("html_head_js_requirejs", "html_head_js_mathjax", "jupyter_widgets"):
        assert f"block {block}" in text


@pytest.mark.parametrize("src", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_open_with_a_parameters_cell(src):
    nb = jupytext.read(src)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    for name in ("CORPUS", "OUTLETS", "DATE_FROM", "DATE_TO", "INTERACTIVE"):
        assert f"{name} = " in code[0].source
    assert any(reports.CHECK_MARK in c.source for c in code)


@pytest.mark.parametrize("src", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_hold_no_helpers(src):
    assert "def " not in src.read_text(encoding="utf-8")


def test_sync_notebooks_writes_ipynb_with_expected_outputs(tmp_path):
    src = tmp_path / "01_x.py"
    src.write_text(
        "# %% tags=['parameters']\nX = 1\n\n# %%\n# NBVAL_CHECK_OUTPUT\nprint(X)\n",
        encoding="utf-8",
    )
    expected = tmp_path / "expected"
    expected.mkdir()
    out = [{"output_type": "stream", "name": "stdout", "text": "1\n"}]
    (expected / "01_x.json").write_text(json.dumps([out]))
    (written,) = reports.sync_notebooks([src], expected=expected)
    nb = nbformat.read(written, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code"]
    assert cells[1].outputs[0].text == "1\n"
    assert cells[0].outputs == []
    assert "parameters" in cells[0].metadata.tags


def test_sync_without_reference_outputs_unmarks_the_check(tmp_path):
    src = tmp_path / "01_x.py"
    src.write_text("# %%\n# NBVAL_CHECK_OUTPUT\nprint(1)\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="no reference outputs"):
        (written,) = reports.sync_notebooks([src], expected=tmp_path / "missing")
    assert reports.CHECK_MARK not in written.read_text()
