"""The hostile corpus's reports in Debian's headless chromium: no payload runs.

Each page of ``analysis report --corpus <hostile corpus>`` is opened offline (every request
that is not ``file:`` is recorded and refused). A page passes when no dialog opened (an
``alert`` from the data), no script error happened, nothing was requested from outside,
and neither the page nor the figures' rendered SVG (labels, menus and a forced hover on
every figure) holds an element built from data: an ``on*`` attribute, a
``javascript:`` link, any link or image inside a figure, or the payloads' own elements.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile import IMG, session_reports
from test_browser import ARGS, CHROMIUM, open_page, pw  # noqa: F401 (pw is a fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def strict_context(pw, tmp_path_factory):  # noqa: F811 (pw: the fixture imported above)
    """A fresh chromium profile where only ``file:`` requests go through; others recorded."""
    requests: list[str] = []
    refused: list[str] = []

    def guard(route):
        url = route.request.url
        requests.append(url)
        if url.startswith("file:"):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    context = pw.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("hostile-chromium")),
        executable_path=str(CHROMIUM),
        headless=True,
        args=ARGS,
        viewport={"width": 1280, "height": 900},
    )
    context.route("**/*", guard)
    try:
        yield context, requests, refused
    finally:
        context.close()


# Elements and attributes that can only come from data (the page's own markup has none).
DOM_PROBLEMS = """() => {
  const out = [];
  const show = (el) => el.outerHTML.slice(0, 120);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) {
      if (a.toLowerCase().startsWith('on')) out.push(`${el.tagName} ${a}: ${show(el)}`);
    }
  }
  const scriptUrls = '[href^="javascript:" i], [src^="javascript:" i],'
    + ' [*|href^="javascript:" i]';
  for (const el of document.querySelectorAll(scriptUrls)) out.push(`script URL: ${show(el)}`);
  // plotly's own modebar logo is an HTML link and heatmaps are data:image/png images;
  // any other link or image inside a figure's SVG was built from text (plotly turns
  // <a href> in labels into SVG links)
  const inFigure = '.js-plotly-plot svg a, .js-plotly-plot foreignObject,'
    + ' .js-plotly-plot svg image:not([*|href^="data:image/png"])';
  for (const el of document.querySelectorAll(inFigure)) out.push(`in a figure: ${show(el)}`);
  // elements no page of ours holds outside plotly (its figures and text-measuring SVG)
  for (const el of document.querySelectorAll('img, iframe, object, embed, svg')) {
    if (!el.closest('.js-plotly-plot, #js-plotly-tester')) out.push(`element: ${show(el)}`);
  }
  // the <b> and <span style> payloads, had they become markup
  for (const el of document.querySelectorAll('b, span[style]')) {
    if (/عاجل|تنبيه/.test(el.textContent || '')) out.push(`markup from data: ${show(el)}`);
  }
  return out;
}"""

HOVER_ALL = """async () => {
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
  const texts = [];
  for (const gd of plots) {
    gd.data.forEach((trace, curve) => {
      const n = (trace.hovertext || trace.x || []).length;
      for (let i = 0; i < Math.min(n, 5); i++) {
        try {
          const point = Array.isArray(trace.z) && Array.isArray(trace.z[0])
            ? {curveNumber: curve, pointNumber: [0, i]} : {curveNumber: curve, pointNumber: i};
          Plotly.Fx.hover(gd, [point]);
          const layer = gd.querySelector('.hoverlayer');
          if (layer) texts.push(layer.innerHTML);
        } catch (e) { /* a hidden trace cannot be hovered */ }
      }
    });
  }
  return texts;
}"""


def _inspect(context, path: Path) -> dict[str, list]:
    """Open one page, hover every figure, and collect what ran or rendered from data."""
    page, errors, dialogs = open_page(context, path)
    if page.locator(".report-filter-bar").count():  # the page's script draws its views
        page.wait_for_function("window.AnalysisReport && window.AnalysisReport.ready")
    figures = page.locator(".js-plotly-plot").count()
    if figures:
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot svg.main-svg').length >= {figures}",
            timeout=30_000,
        )
    hovers = page.evaluate(HOVER_ALL) if figures else []
    page.wait_for_timeout(300)  # let any injected handler fire
    found = {
        "dialogs": dialogs,
        "script errors": errors,
        "dom": page.evaluate(DOM_PROBLEMS),
        "hover markup": [h[:200] for h in hovers if re.search(r"<a |<img|javascript:", h)],
    }
    if figures and not hovers:
        found["no hover rendered"] = ["Plotly.Fx.hover showed nothing"]
    page.close()
    return {k: v[:5] for k, v in found.items() if v}


def test_the_checks_catch_a_live_payload(strict_context, tmp_path):
    """The detector itself: a page with a raw payload in the HTML and in a plotly label."""
    import plotly.graph_objects as go

    context, _, _ = strict_context
    fig = go.Figure(go.Bar(x=['<a href="javascript:alert(2)">x</a>'], y=[1],
                           hovertext=["<b>عاجل</b>"], hoverinfo="text"))  # fmt: skip
    path = tmp_path / "bad.html"
    fig.write_html(path, include_plotlyjs=True)
    html = path.read_text(encoding="utf-8")
    path.write_text(html.replace("<body>", "<body><img src=x onerror=alert(1)>", 1))
    found = _inspect(context, path)
    assert found.get("dialogs") == ["1"], found
    assert any("onerror" in p for p in found["dom"]), found
    assert any("javascript:" in p or "in a figure" in p for p in found["dom"]), found


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory) -> dict:
    return session_reports(tmp_path_factory)


def test_hostile_reports_run_no_payload_in_chromium(strict_context, hostile_reports):
    context, requests, refused = strict_context
    failures: dict[str, list] = {}
    for path in hostile_reports["pages"]:
        if found := _inspect(context, path):
            failures[path.name] = found
    assert not failures, failures
    assert not refused, refused[:10]
    assert requests and all(u.startswith("file:") for u in requests)


def test_hostile_payloads_are_shown_as_text(strict_context, hostile_reports):
    """The filter bar's tables write the data back as text: a reader sees the payload."""
    context, _, _ = strict_context
    path = next(p for p in hostile_reports["pages"] if p.name.startswith("01"))
    page, errors, dialogs = open_page(context, path)
    page.wait_for_function("window.AnalysisReport && window.AnalysisReport.ready")
    text = page.inner_text("body")
    assert IMG in text
    assert not errors and not dialogs
    page.close()
