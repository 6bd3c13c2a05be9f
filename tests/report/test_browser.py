"""The exported reports in Debian's headless chromium, with the network cut off.

Every request that is not ``file:``/``data:``/``blob:`` is recorded and aborted. Here: the
shared browser fixtures, the index page, and JupyterLab itself driven by a browser; the
pages' filter bar is tested in ``test_filter_bar.py``. Playwright drives
``/usr/bin/chromium``; it never downloads a browser.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lab import start_lab, stop_lab

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
LOCAL = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def pw():
    """One Playwright driver for the module (the sync API cannot be nested)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser_context(pw, tmp_path_factory):
    """A fresh chromium profile whose every non-local request is recorded and refused."""
    external: list[str] = []

    def guard(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context = pw.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium-profile")),
        executable_path=str(CHROMIUM),
        headless=True,
        args=ARGS,
        viewport={"width": 1280, "height": 900},
    )
    context.route("**/*", guard)
    try:
        yield context, external
    finally:
        context.close()


def open_page(context, path: Path):
    page = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page, errors, dialogs


def test_index_links_every_report(browser_context, built_reports):
    context, external = browser_context
    index = built_reports["pages"][-1]
    page, errors, _ = open_page(context, index)
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [p.name for p in built_reports["pages"][:-1]]
    assert not errors and not external


# --- JupyterLab itself -----------------------------------------------------------------


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab on 127.0.0.1 with a token, serving tmp_path; stopped by PID."""
    try:
        proc, url, token = start_lab(tmp_path, prefix="test")
    except RuntimeError as err:
        pytest.fail(str(err))
    try:
        yield url, token
    finally:
        stop_lab(proc)


def test_jupyterlab_filter_change_updates_a_figure(pw, tmp_path, jupyterlab):
    """Open a copy of notebook 02 in JupyterLab, run it, pick one outlet, see a figure change."""
    from conftest import small_notebooks

    url, token = jupyterlab
    nb = small_notebooks(tmp_path / "nb")[1]
    shutil.copy(nb, tmp_path / "02.ipynb")
    context = pw.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=str(CHROMIUM),
        headless=True,
        args=ARGS,
        viewport={"width": 1400, "height": 1000},
    )
    outside: list[str] = []
    context.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith((url, *LOCAL)) or r.request.url.startswith("ws://127.0.0.1")
            else (outside.append(r.request.url), r.abort())
        ),
    )
    try:
        page = context.new_page()
        page.goto(f"{url}/lab/tree/02.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook", timeout=60_000)
        page.wait_for_function(
            "() => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel"
            "?.status === 'idle'",
            timeout=60_000,
        )
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function(
            "() => document.querySelectorAll('.jp-OutputArea .js-plotly-plot').length >= 4",
            timeout=120_000,
        )
        before = page.evaluate(
            "() => JSON.stringify(document.querySelector('.jp-OutputArea .js-plotly-plot')"
            ".data.map(t => t.x))"
        )
        select = page.locator(".widget-select-multiple select").first
        select.select_option(index=0)
        # a figure out of view is redrawn when it comes into view (analysis.panel.live)
        page.locator(".jp-OutputArea .js-plotly-plot").first.scroll_into_view_if_needed()
        page.wait_for_function(
            "b => JSON.stringify(document.querySelector('.jp-OutputArea .js-plotly-plot')"
            ".data.map(t => t.x)) !== b",
            arg=before,
            timeout=30_000,
        )
    finally:
        context.close()
    assert not outside, outside
