"""Real pages of syria-claims as a corpus file: the first N distinct pages (claim files by
name, each claim's pages in order), for the report browser test and
``benchmarks/bench_report.py``. The pages are read from ``../shared`` and never copied into
the repository."""

from __future__ import annotations

import json
from pathlib import Path

DATASET = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "syria-claims" / "dataset"


def write_pages(n: int, folder: Path) -> Path:
    """The first ``n`` distinct pages as JSONL (``text``, ``url``)."""
    out, seen = folder / f"syria-claims-{n}.jsonl", set()
    with out.open("w", encoding="utf-8") as fh:
        for file in sorted(DATASET.glob("*.json")):
            claim = json.loads(file.read_text(encoding="utf-8"))
            for text, url in zip(claim["article"], claim["url"], strict=False):
                if len(seen) >= n:
                    return out
                if not text or text in seen:
                    continue
                seen.add(text)
                fh.write(json.dumps({"text": text, "url": url}, ensure_ascii=False) + "\n")
    return out
