"""Read a saved HTML page: the article's text and what the page says about it.

A page is decoded, then ``trafilatura`` (``bare_extraction`` with ``favor_precision``,
metadata on, reader comments off) keeps the main text and drops menus, related-news
blocks, footers, scripts and attributes. The extracted text becomes the document text:
every offset points into it, never into the HTML.

Decoding (:func:`decode_page`): a byte-order mark decides; NUL bytes mean a binary file
(rejected); then the charset the page declares (``<meta charset>``, ``http-equiv`` or an
XML declaration in its first bytes), read strictly; a page that declares none, or whose
bytes do not fit what it declares (flag ``charset_mismatch``), is decoded as
:mod:`analysis.load.textio` decodes a text file (UTF-8, else the Arabic code pages).

What the page says (:class:`Page`):

- title: trafilatura's (``og:title``, else ``<title>`` without the site-name suffix);
- url: the canonical link (``og:url``), else the URL given by the caller; http(s) only;
- outlet: a known outlet for the URL (``analysis/data/outlets.yaml``, so one outlet has
  one name whatever the input), else the site name the page declares (``og:site_name``…;
  ``outlet_source`` ``metadata``), else the URL's host (``url``);
- date: htmldate's (through trafilatura, no free-text search), kept only with evidence
  in the markup — a ``<meta>`` date, JSON-LD ``datePublished``…, a ``<time>`` marked as
  published (``date_source`` ``metadata``, ``date_note`` naming it) — or in the URL
  (``url``). A date found elsewhere in the page (a header's "today", a related story) is
  not trusted: the loader then reads the date stated in the article text.

trafilatura keeps an ``<h1>`` only inside the article element; when the headline stood
above it, the title is put first in the text (flag ``title_added``), since the analyses
count headlines.

A page with no article (nothing extracted, or fewer than ``MIN_ARTICLE_WORDS`` words: a
section front, a gallery, an error page) raises :class:`~analysis.load.textio.UnreadableFile`
with the reason in words.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import functools
import json
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pandas as pd

from analysis.load.outlets import outlet_from_url
from analysis.load.textio import (
    LEGACY_ENCODINGS,
    MIN_PLAUSIBLE,
    Decoded,
    UnreadableFile,
    arabic_plausibility,
    normalise_text,
    pick_encoding,  # for pages that declare no charset: the order a .txt article gets
    read_bytes,
)
from analysis.text.chars import ARABIC_LETTERS
from analysis.text.dates import date_from_url, parse_date_value

HTML_SUFFIXES = (".html", ".htm")
#: Fewer words than this in the extracted text is no article (an error page, a teaser).
MIN_ARTICLE_WORDS = 10
#: The first lines of the extracted text where the headline is looked for.
HEADLINE_LINES = 3
#: How far into the file a charset declaration is looked for. Browsers look at 1,024
#: bytes; saved pages often put a "saved from" comment or scripts first.
CHARSET_PRESCAN = 4096
#: Labels browsers read as windows-1252 whatever they say (WHATWG Encoding Standard).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_LATIN_TOUCHING = re.compile(f"[A-Za-z][{ARABIC_LETTERS}]|[{ARABIC_LETTERS}](?=[A-Za-z])")
_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<html[\s>]", re.IGNORECASE)
_HTTP = re.compile(r"https?://", re.IGNORECASE)
# trafilatura's own fallback site name when a page declares none (metadata.META_URL).
_URL_SITE = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)", re.IGNORECASE)
# A markup name safe to quote in a date note.
_SAFE_KEY = re.compile(r"[\w:.-]{1,60}")
# Keys that say "published", tried before any other date key (modified, updated).
_PUBLISHED = re.compile(r"publish|creat|issued|^date$|pubdate|dc\.date$", re.IGNORECASE)
_JSON_DATE_KEYS = ("datePublished", "dateCreated", "uploadDate", "dateModified")


@functools.cache
def extraction_method() -> str:
    """The extractor and its version, e.g. ``trafilatura 2.3.1`` (the ``extraction`` column)."""
    return f"trafilatura {metadata.version('trafilatura')}"


def read_page(path: str | Path, *, url: str = "", max_bytes: int = 20_000_000) -> Page:
    """Read one saved page; raise :class:`UnreadableFile` with the reason."""
    data = read_bytes(path, max_bytes=max_bytes, what="page")
    return page_from_bytes(data, url=url, path=Path(path))


def page_from_bytes(data: bytes, *, url: str = "", path: str | Path = "<bytes>") -> Page:
    """A page from its bytes (decoded by :func:`decode_page`)."""
    decoded = decode_page(data, path=path)
    return page_from_html(
        decoded.text,
        url=url,
        path=path,
        encoding=decoded.encoding,
        confidence=decoded.confidence,
        flags=decoded.flags,
    )


def decode_page(data: bytes, *, path: str | Path = "<bytes>") -> Decoded:
    """Decode a page's bytes (module docstring); raise :class:`UnreadableFile`."""
    if not data.strip():
        raise UnreadableFile(path, "file is empty or holds only whitespace")
    declared = declared_charset(data)
    if declared is None or data.startswith(_BOMS) or b"\x00" in data:
        text, encoding, confidence, flags = pick_encoding(data, path)
        return Decoded(text, encoding, confidence, tuple(flags))
    try:
        text = data.decode(declared)
    except UnicodeDecodeError as exc:
        try:
            text, encoding, confidence, flags = pick_encoding(data, path)
        except UnreadableFile as err:
            raise UnreadableFile(
                path, f"declares {declared} but byte {exc.start} is not {declared}; {err.reason}"
            ) from err
        return Decoded(text, encoding, confidence, (*flags, "charset_mismatch"))
    if declared != "utf-8" and _implausible(text):
        # A single-byte charset decodes any bytes: Arabic labelled Latin-1 turns to
        # "ÇáÚÑÇÞ". When the bytes read as Arabic words in an Arabic code page, the label lied.
        try:
            other, encoding, confidence, flags = pick_encoding(data, path)
        except UnreadableFile:
            pass  # not Arabic either: the label stands
        else:
            if encoding != declared and _arabic_words(other):
                return Decoded(other, encoding, confidence, (*flags, "charset_mismatch"))
    return Decoded(text, declared, 1.0, ())


def _implausible(text: str) -> bool:
    """True when the text has characters above ASCII and few of them are plausibly Arabic."""
    share, _ = arabic_plausibility(text)
    return any(ord(c) > 127 for c in text) and share < MIN_PLAUSIBLE


def _arabic_words(text: str) -> bool:
    """True when the Arabic letters of a reading stand in words of their own.

    A Latin-1 page read in an Arabic code page also gives Arabic letters, but inside
    Latin words ("président" → "prةsident"); real Arabic almost never touches a Latin letter.
    """
    letters = len(_ARABIC_LETTER.findall(text))
    return letters > 0 and len(_LATIN_TOUCHING.findall(text)) <= 0.02 * letters


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset the page declares, or None (none, or unknown)."""
    m = _CHARSET.search(data[:CHARSET_PRESCAN])
    if not m:
        return None
    label = (m[1] or m[2]).decode("ascii").strip().lower()
    if label in _AS_CP1252:
        label = "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that says UTF-16 in its own bytes is not UTF-16 (browsers read it as UTF-8).
    if name.startswith("utf-16"):
        return "utf-8"
    # Spelled as the text files' code pages are, so one encoding has one name.
    return next((e for e in LEGACY_ENCODINGS if codecs.lookup(e).name == name), name)


def page_from_html(
    html: str | bytes,
    *,
    url: str = "",
    path: str | Path = "<html>",
    encoding: str = "utf-8",
    confidence: float = 1.0,
    flags: tuple[str, ...] = (),
) -> Page:
    """Extract the article and its metadata from a decoded page (or a fragment of one).

    ``url`` is used when the page has no canonical link; ``encoding``, ``confidence`` and
    ``flags`` describe how the page was decoded (a table cell: UTF-8, 1.0).
    """
    if isinstance(html, bytes):
        return page_from_bytes(html, url=url, path=path)
    doc, tree = _extract(html, url, path)
    text, more = normalise_text((doc.text or "").strip())
    n_words = sum(1 for word in text.split() if any(c.isalnum() for c in word))
    if n_words < MIN_ARTICLE_WORDS:
        found = "no text" if not n_words else f"only {n_words} word(s)"
        raise UnreadableFile(
            path,
            f"no article found in the page: {found} outside menus, link lists and footers"
            " (a section front, a gallery or an error page?)",
        )
    title = (doc.title or "").strip()
    if title and not _has_headline(text, title):
        # trafilatura keeps an <h1> only inside the article element; a headline above it
        # is the page's title, and the analyses count headlines.
        text, more = f"{title}\n{text}", [*more, "title_added"]
    page_url = _http_url(doc.url) or _http_url(url)
    outlet, outlet_source = _outlet(_site_name(doc.sitename or "", tree), page_url)
    date, date_source, date_note = _dated(doc.date, tree, page_url)
    return Page(
        text=text,
        title=title,
        url=page_url,
        outlet=outlet,
        outlet_source=outlet_source,
        date=date,
        date_source=date_source,
        date_note=date_note,
        encoding=encoding,
        confidence=confidence,
        flags=tuple(dict.fromkeys((*flags, *more))),
        extraction=extraction_method(),
    )


def _extract(html: str, url: str, path: str | Path):
    """``(trafilatura Document, parsed tree)``; raise :class:`UnreadableFile` for no page."""
    from trafilatura import bare_extraction  # lazy: trafilatura imports dateparser
    from trafilatura.utils import load_html

    # lxml refuses a str that carries an encoding declaration; the bytes are decoded already.
    html = _XML_DECLARATION.sub("", html, count=1)
    if not _HTML_TAG.search(html[:CHARSET_PRESCAN]):
        html = f"<html>{html}</html>"  # a fragment (a table cell): trafilatura wants a page
    try:
        tree = load_html(html)
        doc = None
        if tree is not None:
            doc = bare_extraction(
                tree,
                url=url or None,
                favor_precision=True,
                include_comments=False,
                with_metadata=True,
                # Markup and the URL only: a free-text search finds headers' "today".
                date_extraction_params={
                    "extensive_search": False,
                    "original_date": True,
                    "max_date": dt.date.today().isoformat(),
                },
            )
    # lxml and trafilatura raise many kinds of error: one broken page must not stop a load.
    except Exception as exc:
        raise UnreadableFile(
            path, f"the page could not be parsed ({type(exc).__name__}: {exc})"
        ) from exc
    if tree is None:
        raise UnreadableFile(path, "not an HTML page (no markup could be parsed)")
    if doc is None:
        raise UnreadableFile(
            path,
            "no article found in the page: only menus, link lists and footers"
            " (a section front, a gallery or an error page?)",
        )
    return doc, tree


def _has_headline(text: str, title: str) -> bool:
    """True when one of the text's first lines is the title, or holds it, or is held by it."""
    key = " ".join(title.split())
    for line in text.split("\n")[:HEADLINE_LINES]:
        line = " ".join(line.split())
        if line and (key in line or (line in key and 2 * len(line) >= len(key))):
            return True
    return False


def _site_name(sitename: str, tree) -> str:
    """trafilatura's site name as the page writes it (it title-cases names without a dot)."""
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip().lstrip("@")
        if content and content != sitename and content.title() == sitename:
            return content
    return sitename


def _http_url(url: str | None) -> str:
    """The URL when it is an http(s) URL, else ``""`` (never a javascript: or data: link)."""
    url = (url or "").strip()
    return url if _HTTP.match(url) and not any(c.isspace() for c in url) else ""


def _outlet(sitename: str, url: str) -> tuple[str, str]:
    """(outlet, outlet_source): a known outlet for the URL, the site name, else the host."""
    from_url = outlet_from_url(url) if url else None
    if from_url is not None and from_url.outlet_id:
        return from_url.name, "url"
    sitename = sitename.strip()
    fallback = _URL_SITE.match(url)
    if sitename and not (fallback and sitename.lower() == fallback[1].lower()):
        return sitename, "metadata"
    if from_url is not None:
        return from_url.name, "url"
    return "", ""


def _dated(found: str | None, tree, url: str) -> tuple[pd.Timestamp, str, str]:
    """(date, date_source, date_note) when htmldate's date has evidence; else NaT."""
    if not found:
        return pd.NaT, "", ""
    date, problem = parse_date_value(found)
    if problem or pd.isna(date):
        return pd.NaT, "", ""
    for value, note in _markup_dates(tree):
        if _as_day(value) == date:
            return date, "metadata", f"{note} {value.strip()[:40]}"
    url_date, part = date_from_url(url)
    if url_date == date:
        return date, "url", part
    return pd.NaT, "", ""


def _markup_dates(tree) -> list[tuple[str, str]]:
    """(value, where) of every date the page's markup states, "published" keys first."""
    found = []
    for meta in tree.iter("meta"):
        key = next(
            (meta.get(a) for a in ("property", "name", "itemprop", "http-equiv") if meta.get(a)),
            "",
        )
        if meta.get("content"):
            where = f"meta {key}" if _SAFE_KEY.fullmatch(key) else "meta"
            found.append((meta.get("content"), where, bool(_PUBLISHED.search(key))))
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        for key, value in _json_dates(script.text or ""):
            found.append((value, f"JSON-LD {key}", key != "dateModified"))
    for time in tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished']"):
        found.append((time.get("datetime"), "<time datetime> (published)", True))
    found.sort(key=lambda f: not f[2])  # stable: page order within each group
    return [(value, where) for value, where, _ in found]


def _json_dates(source: str) -> list[tuple[str, str]]:
    """(key, value) of the date fields anywhere in a JSON-LD block ([] when not JSON)."""
    try:
        data = json.loads(source)
    except (ValueError, RecursionError):
        return []
    out, stack = [], [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            out += [(k, item[k]) for k in _JSON_DATE_KEYS if isinstance(item.get(k), str)]
            stack += list(item.values())
        elif isinstance(item, list):
            stack += item
    return out


def _as_day(value: str) -> pd.Timestamp:
    """A markup date value at day precision (as written, no time-zone shift), else NaT."""
    date, problem = parse_date_value(value)
    if not problem:
        return date
    try:  # RFC 2822, as in some <meta http-equiv="last-modified">
        return pd.Timestamp(email.utils.parsedate_to_datetime(value.strip()).date())
    except (TypeError, ValueError, IndexError):
        return pd.NaT


@dataclass(frozen=True)
class Page:
    """What the loader takes from one page. Empty strings mean "the page does not say"."""

    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    outlet_source: str = ""  # "url" (a known outlet or the host) or "metadata" (site name)
    date: pd.Timestamp = pd.NaT
    date_source: str = ""  # "metadata" (markup) or "url"; "" when the page gives none
    date_note: str = ""
    encoding: str = "utf-8"
    confidence: float = 1.0
    flags: tuple[str, ...] = ()
    extraction: str = ""
