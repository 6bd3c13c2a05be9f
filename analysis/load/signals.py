"""Corpus-level signals: what many pages of one corpus share, read before any page is built.

A page alone cannot tell its site's menu or "latest news" tail from its article when the
scraper glued them into one line; the site's other pages can: the same sentences come back
on every page of the site. ``load_corpus`` reads the corpus once for these signals
(:func:`corpus_signals`), then builds the pages with them (:meth:`CorpusSignals.across`).

A page's site is its URL's host (``analysis.load.outlets.normalise_host``), else its outlet as
the manifest or table names it; a page with neither gives no signal and gets none.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from analysis.load.chrome import site_repeats
from analysis.load.outlets import normalise_host
from analysis.load.segment import page_keys


def site_of(url: str, outlet: str = "") -> str:
    """The site a page belongs to: its URL's host, else its outlet, else ``""``."""
    return (normalise_host(url) if url else "") or (outlet or "").strip()


BATCH = 2000  # pages per job when the keys are computed in worker processes

Mapper = Callable[[Callable, Iterable], Iterator]


def corpus_signals(pages: Iterable[tuple[str, str, str]], mapper: Mapper = map) -> CorpusSignals:
    """Read ``(url, outlet, text)`` for every page of a corpus; pages without a site are
    not even segmented. ``mapper(func, jobs)`` runs the per-batch work (``map``, or an
    ordered process-pool map for a large corpus)."""
    sited = ((site, text) for url, outlet, text in pages if (site := site_of(url, outlet)))
    batches = iter(lambda: list(itertools.islice(sited, BATCH)), [])
    keyed = (page for done in mapper(_keyed_batch, batches) for page in done)
    return CorpusSignals(repeats=site_repeats(keyed))


def _keyed_batch(batch: list[tuple[str, str]]) -> list[tuple[str, set[int], int]]:
    return [(site, *page_keys(text)) for site, text in batch]


@dataclass
class CorpusSignals:
    """``repeats``: per site, the keys (``analysis.load.chrome.sentence_key``) of the sentences
    that several of its pages hold."""

    repeats: dict[str, frozenset[int]] = field(default_factory=dict)

    def across(self, url: str, outlet: str = "") -> frozenset[int]:
        """The shared sentence keys of the page's site (empty without a site)."""
        return self.repeats.get(site_of(url, outlet), frozenset())
