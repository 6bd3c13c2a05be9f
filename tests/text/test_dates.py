"""Dates: metadata values, dates stated in Arabic text, dates in URLs."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.text.dates import (
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


def test_month_lexicon_has_twelve_months_and_no_name_in_two_months():
    months = month_lexicon()["months"]
    assert sorted(months) == list(range(1, 13))
    names = [n.lower() for names in months.values() for n in names]
    assert len(names) == len(set(names))


# --- scraped pages: pre-tokenised text, Hijri dates, number runs ---------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("2019 / 4 / 17 الساعة 10 : 05", "2019 / 4 / 17", "2019-04-17"),
        ("آخر تحديث : 09 / 03 / 2016", "09 / 03 / 2016", "2016-03-09"),
        ("بتاريخ 3 - 4 - 2016 -", "3 - 4 - 2016", "2016-04-03"),
        ("( 15 . 10 . 2016 ) وصل", "15 . 10 . 2016", "2016-10-15"),
        ("بحث مارس 14 , 2019 11 : 00", "مارس 14 , 2019", "2019-03-14"),
        ("Posted on October 3, 2016 by", "October 3, 2016", "2016-10-03"),
        ("السبت , نيسان 9 , 2016", "السبت , نيسان 9 , 2016", "2016-04-09"),
        ("الخميس 07 نيسان 2016", "الخميس 07 نيسان 2016", "2016-04-07"),
        ("الثلثاء 8 آذار 2016", "الثلثاء 8 آذار 2016", "2016-03-08"),
        ("9 حزيران - يونيو 2016", "9 حزيران - يونيو 2016", "2016-06-09"),
        ("٢٠١٦ / ٤ / ٧ الساعة", "٢٠١٦ / ٤ / ٧", "2016-04-07"),
        ("كانون أول 12 , 2016", "كانون أول 12 , 2016", "2016-12-12"),
        # A Hijri date beside the Gregorian one is skipped, never read as Gregorian.
        (
            "2016 / 5 / 9 الساعة 10 : 05 ( مكة المكرمة ) 1437 / 8 / 2 ه",
            "2016 / 5 / 9",
            "2016-05-09",
        ),
        ("الأربعاء 01 شعبان 1437 ه - - 11 مايو 2016 م", "11 مايو 2016 م", "2016-05-11"),
        ("1437 / 8 / 2 ه - 9 / 5 / 2016 حجم", "9 / 5 / 2016", "2016-05-09"),
        # "اليوم" is not "يوم" + weekday: the cue word stays outside the phrase.
        ("اليوم الخميس 14 آذار 2019", "الخميس 14 آذار 2019", "2019-03-14"),
    ],
)
def test_find_dates_in_text_reads_pretokenised_pages(text, phrase, expected):
    found = find_dates_in_text(text)
    assert [(m.phrase, m.date) for m in found] == [(phrase, T(expected))]
    assert text[found[0].start : found[0].end] == phrase


@pytest.mark.parametrize(
    "text",
    [
        "1437 / 8 / 2 ه",
        "22 / 6 / 1437",
        "البند 1 / 2 / 3 / 2016",
        "2016 / 3 / 20 / 5",
        "النتيجة 3 : 1 في 2016",
        "الساعة 12 : 18",
    ],
)
def test_find_dates_in_text_ignores_hijri_and_number_runs(text):
    assert find_dates_in_text(text) == []


@pytest.mark.parametrize(
    ("value", "expected", "problem"),
    [
        ("14 / 06 / 2019", "2019-06-14", None),
        ("2019 / 06 / 14", "2019-06-14", None),
        ("مارس 14 , 2019", "2019-03-14", None),
        ("04 / 06 / 2019", None, "ambiguous day/month"),
        ("1440 / 10 / 05", None, "looks like a Hijri"),
    ],
)
def test_parse_date_value_reads_spaced_values_under_the_same_policy(value, expected, problem):
    date, message = parse_date_value(value)
    assert (None if pd.isna(date) else date) == (T(expected) if expected else None)
    assert (message is None) if problem is None else (problem in message)
