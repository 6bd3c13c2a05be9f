"""Benchmark: report pages built from N syria-claims pages — build time and page sizes.

    python benchmarks/bench_report.py [--sizes 500 3000] [--out /tmp/bench-report]

For each size the first N distinct pages of syria-claims (claim files by name, each
claim's pages in order) are written as JSONL (``text``, ``url``; not timed), then
``analysis.report.build.build_reports`` runs the four notebooks on them (timed: tagging,
the notebooks and the export). It prints each page's size, split into plotly.js (packed,
once), the page's rows and specs (what the filter bar reads) and the rest, against the
~6 MB a page should stay under at 3,000 articles.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from realpages import write_pages  # noqa: E402 (the tests' helper, as bench_panel_browser does)

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
TARGET_MB = 6.0


def page_parts(html: str) -> dict[str, float]:
    """MB of the page, of plotly.js (packed), of its rows and specs, and of the rest."""
    plotly = data = 0
    for attrs, body in SCRIPT.findall(html):
        if 'id="report-plotly"' in attrs:
            plotly += len(body.encode())
        elif "gzip+base64" in attrs or "application/json" in attrs:
            data += len(body.encode())
    total = len(html.encode())
    return {
        "total": total / 1e6,
        "plotly.js": plotly / 1e6,
        "data": data / 1e6,
        "rest": (total - plotly - data) / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 3000])
    parser.add_argument("--out", default="/tmp/bench-report")
    args = parser.parse_args()

    from analysis.report.build import build_reports

    root = Path(args.out)
    root.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        corpus = write_pages(n, root)
        started = time.perf_counter()
        pages = build_reports(root / f"reports-{n}", corpus=corpus)
        seconds = time.perf_counter() - started
        print(f"\n{n} pages of syria-claims: built in {seconds:.1f} s")
        print(f"  {'page':<26} {'MB':>6} {'plotly.js':>9} {'data':>6} {'rest':>6}")
        for page in pages:
            if page.name == "index.html":
                continue
            parts = page_parts(page.read_text(encoding="utf-8"))
            flag = "" if parts["total"] <= TARGET_MB else f"  over {TARGET_MB:.0f} MB"
            print(
                f"  {page.name:<26} {parts['total']:6.2f} {parts['plotly.js']:9.2f}"
                f" {parts['data']:6.2f} {parts['rest']:6.2f}{flag}"
            )


if __name__ == "__main__":
    main()
