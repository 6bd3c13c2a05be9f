"""A page as a raw article: its text and what the page says, ready for the manifest."""

import pandas as pd

from analysis.load.articles import RawArticle, page_article
from analysis.load.htmlpage import Page


def test_page_article_keeps_what_the_page_says():
    page = Page(
        text="عنوان\nنص الخبر.",
        title="عنوان",
        url="https://a.example/2018/07/22/x",
        outlet="المثال",
        outlet_source="metadata",
        date=pd.Timestamp("2018-07-22"),
        date_source="metadata",
        date_note="meta article:published_time 2018-07-22",
        encoding="cp1256",
        confidence=0.99,
        flags=("legacy_encoding",),
        extraction="trafilatura 2.3.1",
    )
    raw = page_article(page, "pages/x.html", "x")
    assert isinstance(raw, RawArticle)
    assert (raw.path, raw.id_base, raw.text, raw.encoding) == (
        "pages/x.html",
        "x",
        page.text,
        "cp1256",
    )
    assert (raw.title, raw.url, raw.outlet, raw.outlet_source) == (
        page.title,
        page.url,
        page.outlet,
        page.outlet_source,
    )
    assert (raw.date, raw.date_source, raw.date_note) == (
        page.date,
        page.date_source,
        page.date_note,
    )
    assert (raw.confidence, raw.flags, raw.extraction, raw.extras) == (
        0.99,
        ("legacy_encoding",),
        "trafilatura 2.3.1",
        {},
    )
