"""One article as read (:class:`RawArticle`), before anything is derived from it, and the
error for a corpus that cannot be loaded at all."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.load.htmlpage import Page

Problems = list[tuple[str, "int | None", str]]


def page_article(page: Page, where: str, id_base: str) -> RawArticle:
    """A page's text and metadata as a RawArticle (manifest or table columns may override)."""
    return RawArticle(
        where,
        page.text,
        page.encoding,
        page.flags,
        id_base=id_base,
        confidence=page.confidence,
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        outlet_source=page.outlet_source,
        date=page.date,
        date_source=page.date_source,
        date_note=page.date_note,
        extraction=page.extraction,
    )


class CorpusError(ValueError):
    """The corpus as a whole cannot be loaded (e.g. a table without a text column)."""


@dataclass
class RawArticle:
    """One article as read, before anything is derived from it."""

    path: str
    text: str
    encoding: str
    flags: tuple[str, ...] = ()
    id_base: str = ""  # the file stem, id column or <stem>-<row>
    confidence: float = 1.0  # of the encoding: 1.0 for a BOM, UTF-8 or a table cell
    title: str = ""
    url: str = ""
    outlet: str = ""
    outlet_source: str = ""
    date: pd.Timestamp = pd.NaT
    date_source: str = ""
    date_note: str = ""
    extraction: str = ""  # the extractor, for text taken from HTML
    extras: dict[str, str] = field(default_factory=dict)
