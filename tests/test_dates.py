"""Dates: metadata values, dates stated in Arabic text, URLs, and the article's own date."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.dates import (
    choose_article_date,
    date_from_url,
    find_dates_in_text,
    month_lexicon,
    parse_date_value,
)

T = pd.Timestamp


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-07-22", "2018-07-22"),
        ("2018/07/22", "2018-07-22"),
        ("2018.07.22", "2018-07-22"),
        ("2018-07", "2018-07-01"),
        ("20180722", "2018-07-22"),
        ("٢٠١٨-٠٧-٢٢", "2018-07-22"),
        ("2015-07-21 02:51:32", "2015-07-21"),
        ("2018-07-22T23:30:00+03:00", "2018-07-22"),
        ("13/06/2018", "2018-06-13"),
        ("06/13/2018", "2018-06-13"),
        ("05/05/2024", "2024-05-05"),
        ("1 أكتوبر 2024", "2024-10-01"),
        ("3 تموز 2018", "2018-07-03"),
        ("22 July 2018", "2018-07-22"),
        ("July 22, 2018", "2018-07-22"),
        (" 2018-07-22 ", "2018-07-22"),
    ],
)
def test_parse_date_value_reads_explicit_forms(value, expected):
    assert parse_date_value(value) == (T(expected), None)


@pytest.mark.parametrize("value", ["", "   ", None, float("nan")])
def test_an_empty_value_is_no_date_and_no_problem(value):
    date, problem = parse_date_value(value)
    assert pd.isna(date) and problem is None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("05/01/2024", "ambiguous day/month"),
        ("2018-02-30", "no such date"),
        ("31/04/2018", "no such date"),
        ("1439-10-05", "looks like a Hijri"),
        ("١٤٣٩/١٠/٠٥", "looks like a Hijri"),
        ("۱۳۹۷-۰۴-۳۱", "Persian solar"),
        ("1850-01-01", "implausible year"),
        ("yesterday", "not a date"),
        ("منذ ثلاثة أيام", "not a date"),
        ("Tuesday", "not a date"),
    ],
)
def test_parse_date_value_reports_problems(value, problem):
    date, message = parse_date_value(value)
    assert pd.isna(date)
    assert problem in message


@pytest.mark.parametrize(("dayfirst", "expected"), [(True, "2024-01-05"), (False, "2024-05-01")])
def test_dayfirst_resolves_ambiguous_numeric_dates(dayfirst, expected):
    assert parse_date_value("05/01/2024", dayfirst=dayfirst) == (T(expected), None)


def test_hijri_values_convert_only_when_asked():
    date, problem = parse_date_value("1439-09-01", calendar="hijri")
    assert problem is None
    # 1 Ramadan 1439 fell on 16/17 May 2018; the tabular calendar may be a day off.
    assert abs((date - T("2018-05-17")).days) <= 1


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("نشر في 13-06-2018", "13-06-2018", "2018-06-13"),
        ("بتاريخ 13/06/2018 أعلن", "13/06/2018", "2018-06-13"),
        ("1 أكتوبر 2024", "1 أكتوبر 2024", "2024-10-01"),
        ("الثلاثاء 3 تموز 2018", "الثلاثاء 3 تموز 2018", "2018-07-03"),
        ("يوم الاثنين، 22 كانون الثاني 2019", "يوم الاثنين، 22 كانون الثاني 2019", "2019-01-22"),
        ("2018/07/22", "2018/07/22", "2018-07-22"),
        ("في 5 تموز/يوليو 2018 قال", "5 تموز/يوليو 2018", "2018-07-05"),
        ("3 أيار (مايو) 2018", "3 أيار (مايو) 2018", "2018-05-03"),
        ("٢٨ آب ٢٠١٨، ٣:١٥ م", "٢٨ آب ٢٠١٨", "2018-08-28"),
        ("وقع في 12 ابريل 2017م.", "12 ابريل 2017م", "2017-04-12"),
        ("5 تشرين الأول 2017 ميلادي", "5 تشرين الأول 2017 ميلادي", "2017-10-05"),
        ("5 تشرين أول 2017", "5 تشرين أول 2017", "2017-10-05"),
        ("10 يونيه 2019", "10 يونيه 2019", "2019-06-10"),
        ("10 اغسطس 2019", "10 اغسطس 2019", "2019-08-10"),
        ("25 ديسمبر ٢٠٢٠", "25 ديسمبر ٢٠٢٠", "2020-12-25"),
        ("06/13/2018", "06/13/2018", "2018-06-13"),
    ],
)
def test_find_dates_in_text(text, phrase, expected):
    found = find_dates_in_text(text)
    assert [(m.phrase, m.date) for m in found] == [(phrase, T(expected))]
    assert text[found[0].start : found[0].end] == phrase


@pytest.mark.parametrize(
    "text",
    [
        "قتل 13 شخصا في 2018",
        "31/02/2018",
        "القرار 2254 لعام 2015",
        "في آذار الماضي",
        "الساعة 3:15 م",
        "1 محرم 1440 هـ",
    ],
)
def test_find_dates_in_text_ignores_non_dates(text):
    assert find_dates_in_text(text) == []


def test_find_dates_in_text_returns_all_in_text_order():
    text = "في 3 تموز 2018 ثم في 2019/01/05 وأخيرا 7-8-2020."
    found = find_dates_in_text(text)
    assert [m.date for m in found] == [T("2018-07-03"), T("2019-01-05"), T("2020-08-07")]
    assert all(text[m.start : m.end] == m.phrase for m in found)


@pytest.mark.parametrize(
    ("url", "expected", "part"),
    [
        ("https://x.example/2018/07/22/slug/", "2018-07-22", "/2018/07/22"),
        ("https://x.example/news/2018-07-22/slug", "2018-07-22", "2018-07-22"),
        ("http://www.france24.com/ar/20171227-%D8%AA%D8%B1", "2017-12-27", "20171227"),
        ("https://x.example/2017/09/", "2017-09-01", "/2017/09 (month only; day set to 1)"),
        ("https://x.example/a/41944534", None, ""),
        ("https://x.example/1985/01/01/old", None, ""),
        ("https://x.example/2099/01/01/future", None, ""),
        ("https://x.example/news/2712201712", None, ""),
        ("", None, ""),
    ],
)
def test_date_from_url(url, expected, part):
    date, found = date_from_url(url)
    assert (None if pd.isna(date) else date) == (T(expected) if expected else None)
    assert found == part


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            "الرئيسية\nسياسة\nعنوان الخبر هنا\nنشر في 13-06-2018\nوقال المسؤول في 5 أيار 2018 إن"
            " الاتفاق الموقع سيبقى ساريا حتى نهاية العام.",
            "2018-06-13",
            "cue",
        ),
        (
            "عنوان الخبر\nالاثنين 22 تموز 2019\nوكانت القمة قد عقدت في 3 تموز 2018 في هلسنكي بحضور"
            " الرئيسين.",
            "2019-07-22",
            "dateline",
        ),
        (
            "عنوان\nوكانت القمة قد عقدت في 3 تموز 2018 في هلسنكي بحضور الرئيسين ووزراء الخارجية"
            " والدفاع من البلدين.",
            None,
            "none",
        ),
        ("عنوان\nتاريخ النشر: 2020/07/09 - 10:30\nنص الخبر.", "2020-07-09", "cue"),
    ],
    ids=["cue-beats-body", "dateline-beats-body", "body-date-only", "cue-numeric"],
)
def test_choose_article_date_prefers_meta_lines_over_body_dates(text, expected, rule):
    chosen = choose_article_date(text)
    assert chosen.rule == rule
    if expected is None:
        assert pd.isna(chosen.date) and chosen.phrase == ""
    else:
        assert chosen.date == T(expected)
        assert chosen.phrase in text


def test_choose_article_date_uses_meta_sections_anywhere():
    body = "سطر " * 30
    text = "\n".join([body] * 10) + "\nآخر سطر عن الاجتماع المقبل بتاريخ 4 آذار 2021 في جنيف"
    start = text.index("آخر سطر")
    assert pd.isna(choose_article_date(text).date)
    chosen = choose_article_date(text, [(start, len(text), "meta")])
    assert chosen.date == T("2021-03-04")


def test_month_lexicon_has_twelve_months_and_no_name_in_two_months():
    months = month_lexicon()["months"]
    assert sorted(months) == list(range(1, 13))
    names = [n.lower() for names in months.values() for n in names]
    assert len(names) == len(set(names))
