"""Saved HTML pages: the article text, title, date, outlet and URL, decoding, rejection.

The pages are built here (``saved_page``): synthetic Arabic articles inside the chrome a
news site wraps them in — a menu, a "today" date in the header, a related-news aside, a
footer, a script — so each test can check what the extraction keeps and what it drops.
"""

from __future__ import annotations

import codecs
import html as htmllib
from importlib import metadata

import pandas as pd
import pytest

from analysis.load.htmlpage import (
    MIN_ARTICLE_WORDS,
    declared_charset,
    decode_page,
    extraction_method,
    page_from_bytes,
    page_from_html,
    read_page,
)
from analysis.load.textio import UnreadableFile

T = pd.Timestamp
SITE = "جريدة المثال"
CANONICAL = "https://www.example-news.com/politics/golan-guarantees"
PUBLISHED = '<meta property="article:published_time" content="2018-07-22T09:15:00+03:00">'
HEADLINE = "موسكو تعرض ضمانات بإبعاد القوات الإيرانية عن الجولان"
PARAS = (
    "عرضت روسيا ضمانات بإبعاد القوات الإيرانية والفصائل الحليفة لها مسافة ثمانين كيلومترا"
    " عن خط فض الاشتباك في الجولان، بحسب ما أفاد مسؤول روسي رفيع.",
    "وأوضح المسؤول أن الشرطة العسكرية الروسية ستنتشر في المنطقة لمراقبة تنفيذ الاتفاق، وأن"
    " الجانب الإسرائيلي أبلغ بتفاصيل الخطة خلال اتصال هاتفي.",
    "ولم يصدر تعليق فوري من طهران على العرض، فيما رحبت عمان بأي ترتيب يعيد الهدوء إلى"
    " الجنوب السوري.",
)
NAV = ("الرئيسية", "سياسة", "اقتصاد", "رياضة", "منوعات", "اتصل بنا")
TODAY = "الأربعاء 2024-12-04"
RELATED_LABEL = "أخبار ذات صلة"
RELATED = (
    "واشنطن تشترط خروج إيران من سوريا قبل أي تسوية وتلوح بعقوبات جديدة على طهران",
    "غارات على مواقع لفصائل موالية لإيران قرب البوكمال على الحدود العراقية",
)
FOOTER = ("جميع الحقوق محفوظة © 2024 جريدة المثال", "سياسة الخصوصية | شروط الاستخدام")
#: Text of the page outside the article: none of it may reach the document text.
CHROME = (*NAV, TODAY, RELATED_LABEL, *RELATED, *FOOTER)


def saved_page(
    *,
    headline: str = HEADLINE,
    paras: tuple[str, ...] = PARAS,
    title: str | None = None,
    site: str | None = SITE,
    og_title: bool = True,
    date_markup: str = PUBLISHED,
    canonical: str | None = CANONICAL,
    charset: str | None = "utf-8",
    head_extra: str = "",
    body_extra: str = "",
) -> str:
    """A saved news page: head metadata, menu, header date, article, aside, footer, script.

    Text is escaped as a page would write it; ``head_extra``/``body_extra`` are raw markup.
    """
    e = htmllib.escape
    head = [f'<meta charset="{charset}">' if charset else ""]
    head.append(f"<title>{e(title if title is not None else f'{headline} | {SITE}')}</title>")
    if site:
        head.append(f'<meta property="og:site_name" content="{e(site)}">')
    if og_title:
        head.append(f'<meta property="og:title" content="{e(headline)}">')
    head.append(date_markup)
    if canonical:
        head.append(f'<link rel="canonical" href="{e(canonical)}">')
    head.append('<script>window.dataLayer = [{"page": "article"}];</script>')
    nav = "".join(f'<li><a href="/s{i}">{e(item)}</a></li>' for i, item in enumerate(NAV))
    related = "".join(f'<li><a href="/r{i}">{e(r)}</a></li>' for i, r in enumerate(RELATED))
    article = "".join(f"<p>{e(p)}</p>" for p in paras)
    footer = "".join(f"<p>{e(f)}</p>" for f in FOOTER)
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n'
        + "\n".join(head)
        + head_extra
        + "\n</head>\n<body>\n"
        + f'<header><nav><ul>{nav}</ul></nav><div class="today">{e(TODAY)}</div></header>\n'
        + f"<main><article><h1>{e(headline)}</h1>\n{article}\n{body_extra}</article>\n"
        + f'<aside class="related"><h3>{RELATED_LABEL}</h3><ul>{related}</ul></aside></main>\n'
        + f"<footer>{footer}</footer>\n"
        + '<script src="/static/app.js"></script>\n</body>\n</html>\n'
    )


def test_a_saved_page_gives_the_article_and_its_metadata(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(saved_page(), encoding="utf-8")
    page = read_page(path)
    assert page.text == "\n".join([HEADLINE, *PARAS])
    assert [c for c in CHROME if c in page.text] == []
    assert page.title == HEADLINE
    assert (page.outlet, page.outlet_source) == (SITE, "metadata")
    assert (page.date, page.date_source) == (T("2018-07-22"), "metadata")
    assert page.date_note == "meta article:published_time 2018-07-22T09:15:00+03:00"
    assert page.url == CANONICAL
    assert (page.encoding, page.confidence, page.flags) == ("utf-8", 1.0, ())
    assert page.extraction == extraction_method()


def test_extraction_method_names_the_installed_trafilatura():
    assert extraction_method() == f"trafilatura {metadata.version('trafilatura')}"


@pytest.mark.parametrize(
    "title",
    [f"{HEADLINE} | {SITE}", f"{HEADLINE} - {SITE}", f"{HEADLINE} – {SITE}", HEADLINE],
    ids=["pipe", "hyphen", "en-dash", "bare"],
)
def test_the_title_loses_the_site_suffix(title):
    page = page_from_html(saved_page(title=title, og_title=False))
    assert page.title == HEADLINE


JSON_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
    ' "NewsArticle", "headline": "x", "datePublished": "2019-03-02T08:00:00Z",'
    ' "dateModified": "2019-03-05T08:00:00Z"}</script>'
)


@pytest.mark.parametrize(
    ("date_markup", "canonical", "body_extra", "want"),
    [
        (PUBLISHED, CANONICAL, "", ("2018-07-22", "metadata", "meta article:published_time")),
        (JSON_LD, CANONICAL, "", ("2019-03-02", "metadata", "JSON-LD datePublished")),
        (
            '<meta itemprop="datePublished" content="2017-09-15">',
            CANONICAL,
            "",
            ("2017-09-15", "metadata", "meta datePublished 2017-09-15"),
        ),
        (
            "",
            CANONICAL,
            '<time pubdate datetime="2020-07-09T10:00">9 يوليو 2020</time>',
            ("2020-07-09", "metadata", "<time datetime> (published)"),
        ),
        (
            "",
            "https://www.example-news.com/2019/03/04/golan",
            "",
            ("2019-03-04", "url", "/2019/03/04"),
        ),
        # No date in the markup or the URL: the header's "today" is not the article's date.
        ("", CANONICAL, "", None),
    ],
    ids=["meta", "json-ld", "itemprop", "time-pubdate", "url", "header-today-only"],
)
def test_the_date_comes_with_its_evidence(date_markup, canonical, body_extra, want):
    page = page_from_html(
        saved_page(date_markup=date_markup, canonical=canonical, body_extra=body_extra)
    )
    if want is None:
        assert (pd.isna(page.date), page.date_source, page.date_note) == (True, "", "")
        return
    date, source, note = want
    assert (page.date, page.date_source) == (T(date), source)
    assert page.date_note.startswith(note), page.date_note


@pytest.mark.parametrize(
    ("site", "canonical", "want"),
    [
        (SITE, CANONICAL, (SITE, "metadata")),
        (None, CANONICAL, ("example-news.com", "url")),
        # A known outlet keeps its one name (analysis/data/outlets.yaml), whatever the page says.
        ("الجزيرة نت", "https://www.aljazeera.net/news/2018/7/22/x", ("Al Jazeera", "url")),
        (None, None, ("", "")),
    ],
    ids=["site-name", "host", "known-outlet", "nothing"],
)
def test_the_outlet_is_the_site_name_else_the_host(site, canonical, want):
    page = page_from_html(saved_page(site=site, canonical=canonical))
    assert (page.outlet, page.outlet_source) == want


def test_the_callers_url_serves_when_the_page_has_no_canonical_link():
    page = page_from_html(saved_page(canonical=None), url="https://example.org/a/1")
    assert page.url == "https://example.org/a/1"
    assert page_from_html(saved_page(), url="https://example.org/a/1").url == CANONICAL


# --- decoding -------------------------------------------------------------------------------


def _encoded(charset_markup: str, codec: str) -> bytes:
    # Characters the code page lacks (©) become character references, as editors write them.
    return saved_page(charset=None, head_extra=charset_markup).encode(codec, "xmlcharrefreplace")


@pytest.mark.parametrize(
    ("data", "encoding", "flags"),
    [
        (saved_page().encode("utf-8"), "utf-8", ()),
        (codecs.BOM_UTF8 + saved_page(charset=None).encode("utf-8"), "utf-8-sig", ("bom",)),
        (_encoded('<meta charset="windows-1256">', "cp1256"), "cp1256", ()),
        (
            _encoded(
                '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">',
                "iso8859_6",
            ),
            "iso8859_6",
            (),
        ),
        # Nothing declared: read as a text file is (UTF-8, else an Arabic code page).
        (_encoded("", "cp1256"), "cp1256", ("legacy_encoding",)),
        # The declaration is wrong: the bytes decide, and the document says so.
        (_encoded('<meta charset="utf-8">', "cp1256"), "cp1256", ("charset_mismatch",)),
        (_encoded('<meta charset="iso-8859-1">', "cp1256"), "cp1256", ("charset_mismatch",)),
    ],
    ids=["utf-8", "bom", "cp1256", "iso-8859-6", "undeclared", "lies-utf-8", "lies-latin-1"],
)
def test_pages_are_decoded_by_their_declared_charset(data, encoding, flags):
    page = page_from_bytes(data)
    assert page.encoding == encoding
    assert set(flags) <= set(page.flags), page.flags
    assert page.text == "\n".join([HEADLINE, *PARAS])
    assert page.title == HEADLINE


@pytest.mark.parametrize(
    ("head", "want"),
    [
        (b'<meta charset="UTF-8">', "utf-8"),
        (b"<meta charset=windows-1256>", "cp1256"),
        (b'<meta http-equiv="content-type" content="text/html;charset=iso-8859-6">', "iso8859_6"),
        (b'<?xml version="1.0" encoding="windows-1256"?>', "cp1256"),
        (b'<meta charset="latin1">', "cp1252"),  # browsers read Latin-1 as windows-1252
        (b'<meta charset="utf-16">', "utf-8"),  # a page cannot say UTF-16 in its own bytes
        (b'<meta charset="no-such-charset">', None),
        (b"<p>charset=cp1256 in the text</p>", None),
    ],
)
def test_declared_charset(head, want):
    assert declared_charset(b"<html><head>" + head + b"</head><body></body></html>") == want


def test_a_french_page_in_latin_1_keeps_its_declared_charset():
    text = "<p>" + "Le président a déclaré à la presse que la réunion était terminée. " * 3
    data = f'<html><head><meta charset="iso-8859-1"></head><body>{text}</p></body></html>'
    decoded = decode_page(data.encode("latin-1"))
    assert (decoded.encoding, decoded.flags) == ("cp1252", ())
    assert "président" in decoded.text


# --- rejected pages -------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00" + bytes(range(256)) * 3
SECTION_FRONT = saved_page(paras=(), headline="").replace(
    "<h1></h1>",
    "<ul>"
    + "".join(f'<li><a href="/n{i}">{r} {i}</a></li>' for i, r in enumerate(RELATED * 6))
    + "</ul>",
)
ERROR_PAGE = saved_page(headline="404", paras=("عذرا، الصفحة التي تبحث عنها غير موجودة.",))


@pytest.mark.parametrize(
    ("data", "keyword"),
    [
        (b"", "empty"),
        (b"  \n\t", "empty"),
        (PNG, "NUL"),
        (b"<html><body>" + bytes(range(0x80, 0x100)) * 8 + b"</body></html>", "not valid UTF-8"),
        (
            b'<html><head><meta charset="utf-8"></head><body><p>'
            + b"\xe9t\xe9 caf\xe9 \xff " * 30
            + b"</p></body></html>",
            "declares utf-8 but byte",
        ),
        (SECTION_FRONT.encode("utf-8"), "no article"),
        (ERROR_PAGE.encode("utf-8"), "no article"),
        (b"<html><head><title>x</title></head><body></body></html>", "no article"),
    ],
    ids=[
        "empty",
        "blank",
        "binary",
        "undecodable",
        "declared-but-not",
        "section-front",
        "error-page",
        "empty-body",
    ],
)
def test_pages_without_an_article_are_rejected_with_a_reason(data, keyword):
    with pytest.raises(UnreadableFile, match=keyword) as err:
        page_from_bytes(data, path="p.html")
    assert err.value.path == "p.html" and len(err.value.reason) > 20


def test_the_minimum_is_counted_in_words():
    short = " ".join(["كلمة"] * (MIN_ARTICLE_WORDS - 1))
    with pytest.raises(UnreadableFile, match=f"only {MIN_ARTICLE_WORDS - 1} word"):
        page_from_html(f"<html><body><p>{short} - .</p></body></html>")  # marks are no words
    assert page_from_html(f"<html><body><p>{short} أخرى</p></body></html>").text == (
        f"{short} أخرى"
    )


def test_a_headline_outside_the_article_element_is_kept_as_the_first_line():
    """trafilatura keeps an <h1> only inside <article>; the headline must still be counted."""
    page = saved_page().replace(f"<main><article><h1>{HEADLINE}</h1>", "<main><article>")
    page = page.replace("<main>", f'<main><div class="title"><h1>{HEADLINE}</h1></div>')
    read = page_from_html(page)
    assert read.text == "\n".join([HEADLINE, *PARAS])
    assert "title_added" in read.flags
    assert "title_added" not in page_from_html(saved_page()).flags  # <h1> in the article


def test_an_html_fragment_reads_like_a_page():
    """A table cell often holds only the article's markup."""
    fragment = f"<h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
    page = page_from_html(fragment, url="https://example.org/2018/07/22/a")
    assert page.text == "\n".join([HEADLINE, *PARAS])
    assert page.title == HEADLINE
    assert (page.url, page.outlet, page.outlet_source) == (
        "https://example.org/2018/07/22/a",
        "example.org",
        "url",
    )
    assert (page.date, page.date_source) == (T("2018-07-22"), "url")


# --- markup that must stay inert ------------------------------------------------------------


def test_scripts_attributes_and_links_never_reach_the_text():
    body = (
        "<p>وقال متحدث <img src=x onerror=\"alert('attr')\"> إن المحادثات"
        " <a href=\"javascript:alert('link')\">مستمرة</a> بين الطرفين منذ أسابيع.</p>"
        "<script>document.write('<b>live</b>'); alert('script')</script>"
        "<style>p { background: url(javascript:alert('style')) }</style>"
        "<svg onload=\"alert('svg')\"><text>رسم</text></svg>"
        '<iframe src="https://evil.example/"></iframe>'
        # Markup written as text on the page is text: kept as written, shown escaped.
        "<p>نص يحمل &lt;script&gt;alert(1)&lt;/script&gt; كما كتب في الصفحة الأصلية للخبر.</p>"
    )
    page = page_from_html(
        saved_page(
            body_extra=body,
            site='<img src=x onerror="alert(1)">',
            canonical="javascript:alert('canonical')",
        )
    )
    for live in ("'attr'", "'link'", "'script'", "'style'", "'svg'", 'onerror="', "evil", "live"):
        assert live not in page.text, live
    assert "إن المحادثات مستمرة بين الطرفين" in page.text  # the link's words, without the link
    assert "<script>alert(1)</script>" in page.text
    assert page.url == ""  # never a javascript: URL
    assert page.outlet == '<img src=x onerror="alert(1)">'  # data: escaped where shown
