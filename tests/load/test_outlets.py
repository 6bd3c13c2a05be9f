"""Outlets from URL hosts and from the way a page signs itself; the outlet table's integrity."""

from __future__ import annotations

import re

import pytest

from analysis.load.outlets import (
    derive_outlet,
    normalise_host,
    outlet_from_text,
    outlet_from_url,
    outlet_table,
    registrable_host,
)


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://ar.timesofisrael.com/some-story/", "Times of Israel (Arabic)"),
        ("https://www.aljarida.com/articles/1528", "Al-Jarida (Kuwait)"),
        ("http://amp.al-akhbar.com/Syria/25", "Al-Akhbar (Lebanon)"),
        ("https://m.enabbaladi.net/archives/1", "Enab Baladi"),
        ("https://www.sana.sy/?p=1", "SANA (Syrian Arab News Agency)"),
        ("http://aawsat.com/home/article/410826/x", "Asharq Al-Awsat"),
        ("https://arabic.rt.com/middle_east/1", "RT Arabic"),
        ("https://www.aljazeera.net/news/2018/7/22/x", "Al Jazeera"),
        ("http://mubasher.aljazeera.net/news/x", "Al Jazeera Mubasher"),
        ("https://www.alarabiya.net/ar/x", "Al Arabiya"),
        ("http://www.france24.com/ar/20171227-x", "France 24 (Arabic)"),
        ("https://www.bbc.com/arabic/middleeast-1", "BBC Arabic"),
        ("https://WWW.SkyNewsArabia.com:443/middle-east/1", "Sky News Arabia"),
        ("https://www.alwatan.com.sa/article/1", "Al-Watan (Saudi)"),
    ],
)
def test_known_hosts_map_to_their_outlet(url, name):
    outlet = outlet_from_url(url)
    assert (outlet.name, outlet.source) == (name, "url")
    assert outlet.outlet_id


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://news.example.com/a/b", "example.com"),
        ("http://www.france24.com/fr/x", "france24.com"),
        ("https://www.bbc.co.uk/news/1", "bbc.co.uk"),
        ("example.org/2020/07/09/x", "example.org"),
    ],
)
def test_unknown_hosts_keep_their_registrable_host(url, name):
    assert outlet_from_url(url) == (name, "url", normalise_host(url), "")


@pytest.mark.parametrize("url", ["", "   ", "not a url", None])
def test_no_host_no_outlet(url):
    assert outlet_from_url(url) is None


@pytest.mark.parametrize(
    ("url", "host", "registrable"),
    [
        ("https://www.m.example.com/x", "example.com", "example.com"),
        ("https://amp.news.example.com", "news.example.com", "example.com"),
        ("http://alwatan.com.sa", "alwatan.com.sa", "alwatan.com.sa"),
    ],
)
def test_host_normalisation(url, host, registrable):
    assert (normalise_host(url), registrable_host(url)) == (host, registrable)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("خبر\nنص الخبر الطويل.\n© 2024 جريدة المثال. جميع الحقوق محفوظة.", "جريدة المثال"),
        ("عنب بلدي\nنص الخبر هنا.", "Enab Baladi"),
        ("نص\nCopyright © 2017 The Times of Israel, تايمز أوف إسرائيل", "Times of Israel (Arabic)"),
        ("نص الخبر.\nحقوق النشر محفوظة لـ الجريدة الكويتية 2019", "Al-Jarida (Kuwait)"),
    ],
)
def test_signatures_on_copyright_and_edge_lines(text, name):
    outlet = outlet_from_text(text)
    assert (outlet.name, outlet.source) == (name, "signature")
    assert outlet.note in text


@pytest.mark.parametrize(
    "text",
    [
        "عنوان\nوقالت صحيفة الأخبار اللبنانية في تقرير نشرته اليوم إن المفاوضات مستمرة بين الطرفين"
        " وإن عنب بلدي نقلت ذلك أيضا.\nنص\nنص\nنص\nنص\nنص",
        "خبر\nجميع الحقوق محفوظة © 2018",
        "الشرق الأوسط\nخبر عن المنطقة",
    ],
    ids=["quoted-in-body", "copyright-without-name", "section-label"],
)
def test_outlets_quoted_in_the_body_are_not_signatures(text):
    assert outlet_from_text(text) is None


def test_derive_outlet_order_url_then_signature_then_unknown():
    text = "خبر\n© 2024 جريدة المثال"
    assert derive_outlet("https://enabbaladi.net/x", text).source == "url"
    assert derive_outlet("", text).source == "signature"
    assert derive_outlet("", "خبر بلا توقيع") == ("unknown", "unknown", "", "")


def test_outlet_table_ids_hosts_unique_and_sourced():
    table = outlet_table()
    ids = [o["id"] for o in table]
    hosts = [h for o in table for h in o["hosts"]]
    assert len(ids) == len(set(ids))
    assert len(hosts) == len(set(hosts))
    assert all(o["source"] in {"syria-claims", "saudinewsnet", "hand"} for o in table)
    assert all(re.fullmatch(r"[a-z0-9.-]+(/[a-z]+)?", h) for h in hosts)
