"""Dates: parse metadata values, find dates stated in Arabic text, read them from URLs.

Which of a page's dates is its publication date is decided in ``analysis.load.pubdate``.

Policy (the same everywhere):

- Dates are day precision, without time zone. A time written after the date is ignored
  (a page stamped "00 : 31 ( مكة المكرمة )" keeps its stated day).
- Values are parsed by explicit patterns only; free text is never handed to a guessing
  parser. What cannot be read is returned as a *problem* in words, never silently NaT.
- Numeric day/month order: ``05/01/2024`` is ambiguous and is a problem unless the caller
  says ``dayfirst``; ``13/06/2018`` and ``06/13/2018`` are not ambiguous. In article text
  (``find_dates_in_text``) day-first is assumed, as Arabic sites write it.
- Scraped pages are often pre-tokenised, with spaces around punctuation: ``2017 / 12 / 8``,
  ``ديسمبر 8 , 2017`` read like ``2017/12/8`` and ``ديسمبر 8, 2017``.
- Years 1300–1500 look like Hijri (or Persian solar) years: a problem, never read as
  Gregorian, unless ``calendar="hijri"`` converts them (tabular Islamic calendar, which
  can be a day or two off the announced calendar — noted in the problem-free result's use).
  In text, a Hijri date printed beside the Gregorian one is skipped, never converted.
- Arabic-Indic (٠–٩) and Persian (۰–۹) digits are read like 0–9.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import pandas as pd

from analysis.resources import load_yaml
from analysis.text.chars import ARABIC_INDIC_DIGITS, PERSIAN_DIGITS
from analysis.text.normalize import to_ascii_digits

#: Years outside this range are not plausible as publication dates of news articles.
MIN_NEWS_YEAR = 1990
HIJRI_YEARS = range(1300, 1501)


# --- lexicon ---------------------------------------------------------------------------


@functools.cache
def month_lexicon() -> dict:
    """The month, weekday and cue lexicon from ``analysis/data/months.yaml``."""
    return load_yaml("months")


@functools.cache
def month_names() -> dict[str, int]:
    """Written month name (lower-cased, single spaces) → month number."""
    out = {}
    for number, names in month_lexicon()["months"].items():
        for name in names:
            out[name.lower()] = int(number)
    return out


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first, with flexible spaces inside names."""
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


# --- single values (manifest / table cells) --------------------------------------------


_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ].*)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[T ].*)?")


def parse_date_value(
    s: object, *, dayfirst: bool | None = None, calendar: str = "gregorian"
) -> tuple[pd.Timestamp, str | None]:
    """Parse one metadata date value; return ``(date or NaT, problem or None)``.

    Accepts ``yyyy-mm-dd`` (also ``/`` or ``.``, optionally followed by a time),
    ``yyyy-mm`` (first of the month), ``yyyymmdd``, ``dd/mm/yyyy`` (see the module policy on
    day/month order) and written forms such as ``1 أكتوبر 2024`` or ``22 July 2018``.
    An empty value is ``(NaT, None)``. ``calendar="hijri"`` converts Hijri years.
    """
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return pd.NaT, None
    raw = str(s).strip()
    value = to_ascii_digits(raw)
    if not value:
        return pd.NaT, None
    if re.fullmatch(r"[\d\s/.\-]+", value):
        # Pre-tokenised numbers ("28 / 11 / 2017") are read like "28/11/2017", so the
        # day/month policy below applies to them too.
        value = re.sub(r"\s*([-/.])\s*", r"\1", value)
    if m := _ISO.fullmatch(value):
        return _checked(raw, int(m[1]), int(m[2]), int(m[3] or 1), calendar)
    if m := _COMPACT.fullmatch(value):
        return _checked(raw, int(m[1]), int(m[2]), int(m[3]), calendar)
    if m := _DMY.fullmatch(value):
        return _parse_dmy(raw, int(m[1]), int(m[3]), int(m[4]), dayfirst, calendar)
    found = find_dates_in_text(raw, min_year=1, max_year=9999)
    written = re.search(r"[^\W\d_]", value)  # a month name: no day/month order question
    if written and len(found) == 1 and found[0].phrase.strip() == raw:
        date = found[0].date
        return _checked(raw, date.year, date.month, date.day, calendar)
    if m := _written_date_any_year(value):
        return _checked(raw, *m, calendar)
    return pd.NaT, f"not a date this loader reads: {raw!r} (write it as YYYY-MM-DD)"


def _parse_dmy(raw, first, second, year, dayfirst, calendar):
    """``a/b/yyyy``: decide day/month order or report the ambiguity."""
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    elif first == second or dayfirst is not None:
        day, month = (first, second) if (dayfirst or first == second) else (second, first)
    else:
        return pd.NaT, (
            f"ambiguous day/month order in {raw!r} (could be {first}/{second} either way);"
            " write YYYY-MM-DD or pass dayfirst=True/False"
        )
    return _checked(raw, year, month, day, calendar)


def _checked(raw, year, month, day, calendar) -> tuple[pd.Timestamp, str | None]:
    """Build the date, or say why it is impossible or implausible."""
    if year in HIJRI_YEARS:
        if re.search(f"[{PERSIAN_DIGITS}]", raw):
            return pd.NaT, (
                f"{raw!r} looks like a Persian solar (Jalali) date, not Gregorian; convert it first"
            )
        if calendar == "hijri":
            return _hijri_to_gregorian(raw, year, month, day)
        return pd.NaT, (
            f"{raw!r} looks like a Hijri (or Persian solar) date, not Gregorian;"
            " convert it first or pass calendar='hijri'"
        )
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return pd.NaT, f"no such date: {raw!r}"
    if year < 1900 or year > dt.date.today().year + 1:
        return pd.NaT, f"implausible year {year} in {raw!r}"
    return pd.Timestamp(date), None


def _hijri_to_gregorian(raw, year, month, day) -> tuple[pd.Timestamp, str | None]:
    """Tabular (arithmetic) Islamic calendar → Gregorian; may differ by a day or two."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return pd.NaT, f"no such Hijri date: {raw!r}"
    jdn = day + -(-(295 * (month - 1)) // 10) + (year - 1) * 354 + (3 + 11 * year) // 30
    jdn += 1948439
    return pd.Timestamp(dt.date.fromordinal(jdn - 1721425)), None


def _written_date_any_year(value: str) -> tuple[int, int, int] | None:
    """``22 July 2018`` / ``July 22, 2018`` (English order) → (year, month, day)."""
    m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", value)
    if m and (month := month_names().get(m[1].lower())):
        return int(m[3]), month, int(m[2])
    return None


# --- dates stated in text --------------------------------------------------------------


@functools.cache
def _text_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Compiled patterns for written and numeric dates in running text.

    Scraped pages are often pre-tokenised, with a space on each side of ``/ , : -``
    (``2017 / 12 / 8``, ``ديسمبر 8 , 2017``): one optional space is allowed there.
    """
    month = word_alternation(month_names().keys())
    d = f"[0-9{ARABIC_INDIC_DIGITS}{PERSIAN_DIGITS}]"
    comma = r"\s*[،,]?\s*"
    # A second name of the same month: "3 تموز/يوليو", "3 أيار (مايو)", "يونيو - حزيران".
    alt_month = rf"(?:\s*(?:[/(]|\s-)\s*(?:{month})\s*\)?)?"
    # A weekday before the date ("الثلاثاء 3 تموز 2018") is added by find_dates_in_text:
    # as an optional prefix here it would be tried at every position of the text.
    written = (
        rf"(?<!{d})(?P<day>{d}{{1,2}})\s+(?P<month>{month}){alt_month}"
        rf"{comma}(?P<year>{d}{{4}})(?!{d})"
        r"(?:\s*(?:ميلادي[ةه]?|م)(?!\w))?"
    )
    # Month first, English order: "ديسمبر 8 , 2017", "November 15, 2016".
    written_mdy = (
        rf"(?<!\w)(?P<month>{month})\s+(?P<day>{d}{{1,2}}){comma}(?P<year>{d}{{4}})(?!{d})"
    )
    sep = r"[ \t]?(?P<sep>[-/.])[ \t]?"
    same = r"[ \t]?(?P=sep)[ \t]?"
    numeric_dmy = (
        rf"(?<!{d})(?<!{d}[-/.])(?<!{d}\s[-/.]\s)(?P<day>{d}{{1,2}}){sep}(?P<month>{d}{{1,2}}){same}"
        rf"(?P<year>{d}{{4}})(?!{d})(?![ \t]?(?P=sep)[ \t]?{d})"
    )
    numeric_ymd = (
        rf"(?<!{d})(?<!{d}[-/.])(?<!{d}\s[-/.]\s)(?P<year>{d}{{4}}){sep}(?P<month>{d}{{1,2}}){same}"
        rf"(?P<day>{d}{{1,2}})(?!{d})(?![ \t]?(?P=sep)[ \t]?{d})"
    )
    kinds = {"written": written, "mdy": written_mdy, "dmy": numeric_dmy, "ymd": numeric_ymd}
    return tuple((k, re.compile(p, re.IGNORECASE)) for k, p in kinds.items())


# Four digits in a row: every form _text_patterns finds has a four-digit year.
_YEAR_DIGITS = re.compile(f"[0-9{ARABIC_INDIC_DIGITS}{PERSIAN_DIGITS}]{{4}}")


@functools.cache
def _weekday_before() -> re.Pattern:
    """A weekday (after "يوم") right before a date: "يوم الاثنين، 22 كانون الثاني 2019"."""
    weekday = word_alternation(month_lexicon()["weekdays"])
    return re.compile(rf"(?<!\w)(?:يوم\s+)?(?:{weekday})\s*[،,]?\s*$", re.IGNORECASE)


def find_dates_in_text(
    text: str, *, min_year: int = 1900, max_year: int | None = None
) -> list[DateMatch]:
    """Every Gregorian date stated in ``text``, in text order, with exact offsets.

    Forms: ``13-06-2018``, ``13/06/2018``, ``2018/07/22``, ``1 أكتوبر 2024``,
    ``الثلاثاء 3 تموز 2018``, ``3 تموز/يوليو 2018م``, in any digits. Numeric day/month
    order is read day first unless only month-first is possible. Impossible dates and
    years outside ``min_year``–``max_year`` (default: next year) are skipped.
    """
    if not _YEAR_DIGITS.search(text):
        # no year, no date: one quick scan instead of four patterns tried at every
        # position (most of what the loader searches, headlines and bylines, has none)
        return []
    max_year = max_year or dt.date.today().year + 1
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _text_patterns():
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind != "ymd" and (w := _weekday_before().search(text, max(0, start - 30), start)):
                start = w.start()
            if any(start < e and s < end for s, e in taken):
                continue
            date = _match_date(m, kind)
            if date is None or not (min_year <= date.year <= max_year):
                continue
            taken.append((start, end))
            found.append(DateMatch(start, end, date, text[start:end]))
    return sorted(found)


def _match_date(m: re.Match, kind: str) -> pd.Timestamp | None:
    """The date a text match denotes, or None if impossible."""
    day = int(to_ascii_digits(m["day"]))
    year = int(to_ascii_digits(m["year"]))
    raw_month = m["month"]
    if kind in ("dmy", "ymd"):
        month = int(to_ascii_digits(raw_month))
        if kind == "dmy" and month > 12 >= day:
            day, month = month, day  # written day first, but only month first is possible
    else:
        month = month_names().get(re.sub(r"\s+", " ", raw_month).lower())
        if month is None:
            return None
    try:
        return pd.Timestamp(dt.date(year, month, day))
    except ValueError:
        return None


# --- dates in URLs ---------------------------------------------------------------------

_URL_PATTERNS = (
    (re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?=/|$|[-_.])"), "day"),
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "day"),
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), "day"),
    (re.compile(r"/(\d{4})/(\d{1,2})(?=/|$)"), "month"),
)


#: Marks a URL date of month precision in the part :func:`date_from_url` returns.
URL_MONTH_ONLY = "(month only; day set to 1)"


def date_from_url(url: str) -> tuple[pd.Timestamp, str]:
    """A date written in a URL's path; ``(NaT, "")`` when there is none.

    Forms: ``/2018/07/22/``, ``/2018-07-22/``, ``20180722``, and ``/2017/09/`` (month
    precision: the first of the month, and the part says "month only"). Years before
    1990 or after this year are ignored (they are ids, not dates).
    """
    if not isinstance(url, str) or not url:
        return pd.NaT, ""
    parts = urlsplit(url.strip())
    where = unquote(parts.path) + ("?" + unquote(parts.query) if parts.query else "")
    this_year = dt.date.today().year
    for pattern, precision in _URL_PATTERNS:
        for m in pattern.finditer(where):
            year, month = int(m[1]), int(m[2])
            day = int(m[3]) if precision == "day" else 1
            if not MIN_NEWS_YEAR <= year <= this_year:
                continue
            try:
                date = pd.Timestamp(dt.date(year, month, day))
            except ValueError:
                continue
            part = m.group(0)
            return date, part if precision == "day" else f"{part} {URL_MONTH_ONLY}"
    return pd.NaT, ""


class DateMatch(NamedTuple):
    """A date stated in a text: ``text[start:end] == phrase``."""

    start: int
    end: int
    date: pd.Timestamp
    phrase: str
