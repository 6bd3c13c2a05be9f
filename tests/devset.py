"""The real-text development set: 22 scraped pages of syria-claims named by
``../shared/realtext/devset.csv``, as a corpus file the loader reads.

``write_devset(path)`` writes them as JSON Lines (``doc_id``, ``text`` and, with
``with_url=True``, ``url``); ``doc_id`` is ``<claim file stem>-<article index + 1>``, the id
the gold reading in ``tests/gold/devset/`` uses, and the one the loader gives the page
when it reads the whole corpus with ``--explode article,url`` (items count from 1).
Without the URL, dates must come from the page text, which is what the dev set measures.
The pages are read from ``../shared`` and never copied into the repository.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import urlsplit

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEVSET = SHARED / "realtext" / "devset.csv"
DATASET = SHARED / "corpora" / "syria-claims" / "dataset"


def devset_rows() -> list[dict]:
    """One dict per dev page: ``doc_id``, ``text``, ``url``, and the devset.csv columns."""
    with open(DEVSET, encoding="utf-8") as f:
        named = list(csv.DictReader(f))
    rows = []
    for row in named:
        claim = json.loads((DATASET / row["claim_file"]).read_text(encoding="utf-8"))
        i = int(row["article_index"])
        doc_id = f"{Path(row['claim_file']).stem}-{i + 1}"
        rows.append({**row, "doc_id": doc_id, "text": claim["article"][i], "url": claim["url"][i]})
    return rows


def context_rows(hosts: set[str]) -> list[dict]:
    """The other syria-claims pages of the dev pages' sites (not annotated): what a
    corpus-level signal such as lines repeated across a site's pages reads."""
    rows = []
    for file in sorted(DATASET.glob("*.json")):
        claim = json.loads(file.read_text(encoding="utf-8"))
        for i, (text, url) in enumerate(zip(claim["article"], claim["url"], strict=True)):
            if urlsplit(url).netloc in hosts:
                rows.append({"doc_id": f"{file.stem}-{i + 1}", "text": text, "url": url})
    return rows


def write_devset(path: str | Path, *, with_url: bool = False, context: bool = False) -> Path:
    """Write the dev pages as JSON Lines to ``path``; return it. ``context=True`` adds the
    other pages of the same sites (with their URLs, which name the site)."""
    path = Path(path)
    dev = devset_rows()
    records = [
        {"doc_id": r["doc_id"], "text": r["text"], **({"url": r["url"]} if with_url else {})}
        for r in dev
    ]
    if context:
        ids = {r["doc_id"] for r in dev}
        hosts = {urlsplit(r["url"]).netloc for r in dev}
        records += [r for r in context_rows(hosts) if r["doc_id"] not in ids]
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    import sys

    out = write_devset(
        sys.argv[1], with_url="--with-url" in sys.argv, context="--context" in sys.argv
    )
    print(out)
