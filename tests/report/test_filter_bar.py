"""The report pages' filter bar in headless chromium, with the network cut off.

On every page built from the fixture corpus, the seeds and the first 500 pages of
syria-claims: the bar's controls exist; choosing an outlet
group, one outlet, or a date range redraws every view the bar drives (its data changes
when its rows change, and a view left without rows shows its empty state); a date range
with no article empties every view; clicking a bar or a table line lists the rows behind
it; nothing is requested from outside and no script error happens. Plotly.js is on each
page once. The unit tests of the page data are in ``tests/panel/test_offline.py``.
"""

from __future__ import annotations

import pytest
from test_browser import CHROMIUM, browser_context, open_page, pw  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium"),
]

PAGES = ["01_corpus_overview.html", "02_actor_mentions.html", "03_stance.html", "04_positions.html"]

#: Per view: kind, rows kept, whether it shows its empty state, and a digest of what it
#: shows (a figure's data, a table's text).
VIEWS = """() => window.AnalysisReport.views.map(v => ({
  kind: v.spec.kind,
  kept: Number(v.el.getAttribute('data-kept')),
  error: v.el.getAttribute('data-error'),
  empty: !!v.el.querySelector('.rv-empty'),
  shown: v.body._plotted
    ? JSON.stringify(v.body.data.map(t =>
        [t.x, t.y, t.link && t.link.value, t.node && t.node.label]))
    : v.body.textContent,
}))"""


#: The centre of the largest bar or marker of view ``i`` (in the viewport's coordinates).
LARGEST_MARK = """(i) => {
  const view = document.querySelectorAll('.report-view')[i];
  let best = null;
  view.querySelectorAll('g.point path, g.points path.point').forEach(p => {
    const r = p.getBoundingClientRect();
    if (r.width * r.height > 0 && (!best || r.width * r.height > best.area))
      best = {x: r.x + r.width / 2, y: r.y + r.height / 2, area: r.width * r.height};
  });
  return best;
}"""


def _ready(page) -> list[dict]:
    page.wait_for_function("window.AnalysisReport && window.AnalysisReport.ready", timeout=30_000)
    return page.evaluate(VIEWS)


def _redrawn(page, before: int) -> list[dict]:
    """The views once the page has redrawn after redraw number ``before``."""
    page.wait_for_function(f"window.AnalysisReport.redraws > {before}", timeout=10_000)
    return page.evaluate(VIEWS)


def _count(page) -> int:
    return page.evaluate("() => window.AnalysisReport.redraws")


def _check_followed(before: list[dict], after: list[dict]) -> None:
    assert len(before) == len(after)
    for b, a in zip(before, after, strict=True):
        assert not a["error"], a
        if a["kept"] == 0:
            assert a["empty"], f"{a['kind']} view without rows shows no empty state"
        elif a["kept"] != b["kept"]:
            assert a["shown"] != b["shown"], f"{a['kind']} view kept other rows, showed the same"


CORPORA = ["fixtures", "seeds", "syria-claims-500"]


def _pages(request, corpus: str) -> list:
    """The report pages built from ``corpus``: the fixture corpus, the seeds, or the first
    500 pages of syria-claims (skipped without ../shared)."""
    if corpus == "fixtures":
        return request.getfixturevalue("built_reports")["pages"]
    real = request.getfixturevalue("real_reports")
    if corpus not in real:
        pytest.skip(f"{corpus}: no corpus in ../shared")
    return real[corpus]["pages"]


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("corpus", CORPORA)
def test_filter_bar_drives_every_view(browser_context, request, corpus, page_name):  # noqa: F811
    context, external = browser_context
    path = next(p for p in _pages(request, corpus) if p.name == page_name)
    html = path.read_text(encoding="utf-8")
    assert html.count('id="report-plotly"') == 1, "plotly.js carried more or less than once"
    page, errors, dialogs = open_page(context, path)
    for control in ("outlet", "from", "to"):
        assert page.locator(f'[data-report-filter="{control}"]').count() == 1
    start = _ready(page)
    assert start and all(not v["error"] for v in start)
    assert any(v["kept"] for v in start)
    options = page.eval_on_selector(
        '[data-report-filter="outlet"]', "s => Array.from(s.options).map(o => o.value)"
    )
    groups = [o for o in options if o.startswith("g:")]
    outlets = [o for o in options if o.startswith("o:")]
    assert groups and outlets

    # one outlet (the smallest, last), then an outlet group, then several outlets at once
    for picked in ([outlets[-1]], [groups[-1]], outlets[:2]):
        n = _count(page)
        page.select_option('[data-report-filter="outlet"]', picked)
        _check_followed(start, _redrawn(page, n))
    n = _count(page)
    page.select_option('[data-report-filter="outlet"]', [])
    _redrawn(page, n)

    # a date range holding part of the corpus, then one with nothing in it
    dates = page.evaluate("() => window.AnalysisReport.docs.cols.date.filter(Boolean).sort()")
    assert dates
    n = _count(page)
    page.fill('[data-report-filter="from"]', dates[len(dates) // 2])
    _check_followed(start, _redrawn(page, n))
    n = _count(page)
    page.fill('[data-report-filter="from"]', "2999-01-01")
    after = _redrawn(page, n)
    assert all(v["kept"] == 0 and v["empty"] for v in after)
    assert page.inner_text(".rf-status").startswith("0 of")
    n = _count(page)
    page.click(".rf-reset")
    assert _redrawn(page, n) == start

    # hedged or on-record reports only: the rows that say so (moves, stances, claims)
    for how in ("hedged", "on record"):
        n = _count(page)
        page.select_option('[data-report-filter="hedged"]', how)
        _check_followed(start, _redrawn(page, n))
    n = _count(page)
    page.click(".rf-reset")
    assert _redrawn(page, n) == start

    # views that compare outlets compare groups by default, outlets on demand
    comparing = page.evaluate(
        "() => window.AnalysisReport.views.map((v, i) => v.base.compare ? i : -1)"
        ".filter(i => i >= 0)"
    )
    if comparing:
        n = _count(page)
        page.select_option("[data-report-compare]", "outlets")
        after = _redrawn(page, n)
        for i in comparing:
            assert after[i]["shown"] != start[i]["shown"], start[i]["kind"]
        n = _count(page)
        page.click(".rf-reset")
        assert _redrawn(page, n) == start

    assert not errors, errors
    assert not dialogs, dialogs
    assert not external, external
    page.close()


@pytest.mark.parametrize(
    "page_name", ["01_corpus_overview.html", "02_actor_mentions.html", "04_positions.html"]
)
@pytest.mark.parametrize("corpus", CORPORA)
def test_clicking_a_mark_lists_its_rows(browser_context, request, corpus, page_name):  # noqa: F811
    context, external = browser_context
    path = next(p for p in _pages(request, corpus) if p.name == page_name)
    page, errors, _ = open_page(context, path)
    views = _ready(page)
    index = next(i for i, v in enumerate(views) if v["kind"] == "table" and v["kept"])
    view = page.locator(".report-view").nth(index)
    view.locator("tr.rv-clickable").first.click()
    items = view.locator(".rv-evidence-list li")
    assert items.count() > 0
    head = view.locator(".rv-evidence-head").inner_text()
    assert head.split(" ")[0].isdigit()
    more = view.locator(".rv-more")
    while more.is_visible():  # a long list comes 200 rows at a time: every row is listed
        more.click()
    assert int(head.split(" ")[0]) == items.count()
    if page_name.startswith("02"):  # mentions are listed by their articles, one line each
        assert "article(s) behind" in head

    index = next(i for i, v in enumerate(views) if v["kind"] in ("bars", "matrix") and v["kept"])
    view = page.locator(".report-view").nth(index)
    view.scroll_into_view_if_needed()
    box = page.evaluate(LARGEST_MARK, index)  # a real click, on a mark one can see
    page.mouse.click(box["x"], box["y"])
    page.wait_for_timeout(200)
    assert view.locator(".rv-evidence-list li").count() > 0
    if page_name.startswith("04"):  # moves list their sentence and the tagger's reason
        text = view.locator(".rv-evidence-list").inner_text()
        assert "reason:" in text and "hedged" in text
    assert not errors, errors
    assert not external, external
    page.close()
