"""Document ids and content hashes: what names a document and what says it changed."""

from __future__ import annotations

import hashlib

import pandas as pd


def unique_id(base: str, seen: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``… when already taken (``seen`` is updated)."""
    base = base or "doc"
    if base not in seen:
        seen[base] = 1
        return base
    n = seen[base] + 1
    candidate = f"{base}-{n}"
    while candidate in seen:
        n += 1
        candidate = f"{base}-{n}"
    seen[base], seen[candidate] = n, 1
    return candidate


def content_hash(
    text: str, title: str, outlet: str, date: object, url: str, sections: str = ""
) -> str:
    """Hash of what the tagging stages read of a document: a changed hash means re-tag it.

    ``sections`` spells the sentences' sections: they may change while the text does not
    (the site's other pages, read for analysis.load.signals, changed)."""
    day = "" if pd.isna(date) else pd.Timestamp(date).strftime("%Y-%m-%d")
    digest = hashlib.blake2b(digest_size=16)
    for part in (text, title, outlet, day, url, sections):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()
