"""Outlets from URL hosts and from the way a page signs itself; the outlet table's integrity;
each outlet's comparison group."""

from __future__ import annotations

import copy
import re

import pytest

from analysis.load.outlets import (
    OUTLETS_FILE,
    derive_outlet,
    normalise_host,
    outlet_from_text,
    outlet_from_url,
    outlet_group,
    outlet_groups,
    outlet_info,
    outlet_table,
    registrable_host,
    validate_outlets,
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


@pytest.mark.parametrize(
    ("outlet", "group"),
    [
        ("Al-Alam", "iran_aligned"),
        ("Al Mayadeen", "iran_aligned"),
        ("Al-Manar", "iran_aligned"),
        ("RT Arabic", "russian_state"),
        ("Sputnik Arabic", "russian_state"),
        ("SANA (Syrian Arab News Agency)", "syrian_government"),
        ("Enab Baladi", "syrian_opposition"),
        ("Orient News", "syrian_opposition"),
        ("TRT Arabic", "turkish"),
        ("Times of Israel (Arabic)", "israeli"),
        ("Al Arabiya", "gulf"),
        ("Asharq Al-Awsat", "gulf"),
        ("Sky News Arabia", "gulf"),
        ("Okaz", "gulf"),
        ("Al Jazeera", "qatar"),
        ("An-Nahar", "lebanese"),
        ("BBC Arabic", "western_arabic"),
        ("Alhurra", "western_arabic"),
        ("Youm7", "other_arab_press"),
        ("Liveuamap", "other"),
        # the outlet column may also hold an id, a site name a page signs with, or a host
        ("alalam", "iran_aligned"),
        ("  sky news   ARABIA ", "gulf"),
        ("عنب بلدي", "syrian_opposition"),
        ("الجزيرة نت", "qatar"),
        ("aljazeera.net", "qatar"),
        ("www.alarabiya.net", "gulf"),
    ],
)
def test_known_outlet_is_in_its_group(outlet, group):
    assert outlet_group(outlet) == group


@pytest.mark.parametrize(
    "outlet",
    [
        "example.com",  # an unknown outlet's registrable host
        "france24.com",  # France 24's French and English pages: only france24.com/ar is known
        "bbc.co.uk",
        "Levant Example Daily",
        "جريدة المثال",
        "unknown",
        "",
        None,
        float("nan"),
    ],
)
def test_unknown_outlet_is_other(outlet):
    assert outlet_group(outlet) == "other"


def test_a_url_s_outlet_name_gives_its_group():
    outlet = derive_outlet("https://www.almanar.com.lb/2761", "")
    assert (outlet.name, outlet_group(outlet.name)) == ("Al-Manar", "iran_aligned")


def test_every_entry_has_a_declared_group_and_is_found_by_name_id_and_host():
    declared = set(outlet_groups()["id"])
    for outlet in outlet_table():
        assert outlet["group"] in declared, outlet["id"]
        assert outlet_group(outlet["name"]) == outlet["group"], outlet["name"]
        assert outlet_group(outlet["id"]) == outlet["group"], outlet["id"]
        host = outlet["hosts"][0]
        assert outlet_group(f"https://{host}/x") == outlet["group"], host


def test_groups_are_a_small_closed_labelled_list():
    groups = outlet_groups()
    assert list(groups.columns) == ["id", "label_en", "label_ar", "description"]
    assert groups["id"].is_unique and "other" in set(groups["id"])
    assert 5 <= len(groups) <= 15
    assert groups.notna().all().all() and (groups != "").all().all()
    assert groups["label_ar"].str.contains(r"[\u0600-\u06FF]").all()
    assert set(groups["id"]) == {o["group"] for o in outlet_table()}  # no group left empty


def test_outlet_info_has_one_row_per_known_outlet():
    info = outlet_info()
    assert list(info.columns) == ["id", "name", "country", "group", "group_label_en"]
    assert list(info["id"]) == [o["id"] for o in outlet_table()]
    assert info["country"].str.fullmatch(r"[A-Z]{2}|").all()
    row = info.set_index("id").loc["alalam"]
    assert (row["country"], row["group"], row["group_label_en"]) == (
        "IR",
        "iran_aligned",
        "Iranian state and aligned",
    )
    assert (info["group"] == "qatar").sum() >= 2


def test_doubtful_and_page_read_calls_say_why():
    for outlet in outlet_table():
        if outlet["group_source"] == "page":
            assert outlet.get("group_note"), outlet["id"]


#: A small well-formed table, changed below one fault at a time.
TINY = {
    "groups": [
        {"id": "state_x", "label_en": "X state", "label_ar": "إعلام س", "description": "x"},
        {"id": "other", "label_en": "Other", "label_ar": "أخرى", "description": "the rest"},
    ],
    "outlets": [
        {
            "id": "alpha_news",
            "name": "Alpha News",
            "hosts": ["alpha.example"],
            "source": "hand",
            "country": "SY",
            "group": "state_x",
            "group_source": "hand",
        },
        {
            "id": "beta_daily",
            "name": "Beta Daily",
            "hosts": ["beta.example"],
            "signatures": [],
            "source": "syria-claims",
            "group": "other",
            "group_source": "page",
            "group_note": "why",
        },
    ],
}


def _broken(fault):
    data = copy.deepcopy(TINY)
    fault(data["outlets"][1])
    return data


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (lambda o: o.update(group="gulf_panarab"), r"group 'gulf_panarab' is not declared"),
        (lambda o: o.update(colour="red"), r"unknown field\(s\) \['colour'\]"),
        (lambda o: o.pop("group"), r"missing field\(s\) \['group'\]"),
        (lambda o: o.update(country="Syria"), r"country 'Syria' is not an ISO"),
        (lambda o: o.update(source="wikipedia"), r"source 'wikipedia' is not one of"),
        (lambda o: o.update(group_source="guess"), r"group_source 'guess' is not one of"),
        (lambda o: o.update(hosts=["alpha.example"]), r"host 'alpha.example' is listed twice"),
        (lambda o: o.update(id="alpha_news"), r"id used twice"),
    ],
    ids=[
        "undeclared-group",
        "unknown-field",
        "no-group",
        "country",
        "source",
        "group-source",
        "host-twice",
        "id-twice",
    ],
)
def test_a_malformed_entry_is_named_in_the_error(fault, message):
    data = _broken(fault)
    oid = data["outlets"][1]["id"]
    with pytest.raises(ValueError, match=rf"^tiny\.yaml: outlet '{oid}': {message}"):
        validate_outlets(data, path="tiny.yaml")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["groups"].pop(), r"groups must declare 'other'"),
        (lambda d: d["groups"][0].pop("label_ar"), r"group 'state_x': needs exactly the fields"),
        (lambda d: d.update(outlet=[]), r"expected the top-level keys groups and outlets"),
    ],
    ids=["no-other", "group-field", "top-level"],
)
def test_a_malformed_group_list_is_named_in_the_error(change, message):
    data = copy.deepcopy(TINY)
    change(data)
    with pytest.raises(ValueError, match=rf"^{re.escape(OUTLETS_FILE)}: {message}"):
        validate_outlets(data)


def test_the_tiny_table_and_the_real_table_are_well_formed():
    validate_outlets(TINY)
    assert len(outlet_table()) >= 100
