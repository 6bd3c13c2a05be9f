"""Dates: parse metadata values, find dates stated in Arabic text, read them from URLs.

Policy (the same everywhere):

- Dates are day precision, without time zone. A time written after the date is ignored.
- Values are parsed by explicit patterns only; free text is never handed to a guessing
  parser. What cannot be read is returned as a *problem* in words, never silently NaT.
- Numeric day/month order: ``05/01/2024`` is ambiguous and is a problem unless the caller
  says ``dayfirst``; ``13/06/2018`` and ``06/13/2018`` are not ambiguous. In article text
  (``find_dates_in_text``) day-first is assumed, as Arabic sites write it.
- Years 1300–1500 look like Hijri (or Persian solar) years: a problem, never read as
  Gregorian, unless ``calendar="hijri"`` converts them (tabular Islamic calendar, which
  can be a day or two off the announced calendar — noted in the problem-free result's use).
- Arabic-Indic (٠–٩) and Persian (۰–۹) digits are read like 0–9.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import pandas as pd
import yaml

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
#: Years outside this range are not plausible as publication dates of news articles.
MIN_NEWS_YEAR = 1990
HIJRI_YEARS = range(1300, 1501)


class DateMatch(NamedTuple):
    """A date stated in a text: ``text[start:end] == phrase``."""

    start: int
    end: int
    date: pd.Timestamp
    phrase: str


class ArticleDate(NamedTuple):
    """The publication date chosen for an article, with its evidence."""

    date: pd.Timestamp
    phrase: str
    rule: str


# --- lexicon ---------------------------------------------------------------------------


@functools.cache
def month_lexicon() -> dict:
    """The month, weekday and cue lexicon from ``analysis/data/months.yaml``."""
    path = resources.files("analysis") / "data" / "months.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.cache
def month_names() -> dict[str, int]:
    """Written month name (lower-cased, single spaces) → month number."""
    out = {}
    for number, names in month_lexicon()["months"].items():
        for name in names:
            out[name.lower()] = int(number)
    return out


def _alternation(words) -> str:
    """A regex alternation, longest first, with flexible spaces inside names."""
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


# --- single values (manifest / table cells) --------------------------------------------


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → ASCII; length is unchanged (offsets stay valid)."""
    return text.translate(_DIGITS)


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
    if m := _ISO.fullmatch(value):
        return _checked(raw, int(m[1]), int(m[2]), int(m[3] or 1), calendar)
    if m := _COMPACT.fullmatch(value):
        return _checked(raw, int(m[1]), int(m[2]), int(m[3]), calendar)
    if m := _DMY.fullmatch(value):
        return _parse_dmy(raw, int(m[1]), int(m[3]), int(m[4]), dayfirst, calendar)
    found = find_dates_in_text(raw, min_year=1, max_year=9999)
    if len(found) == 1 and found[0].phrase.strip() == raw:
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
        if re.search("[۰-۹]", raw):
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
    """Compiled patterns for written and numeric dates in running text."""
    lex = month_lexicon()
    month = _alternation(month_names().keys())
    weekday = _alternation(lex["weekdays"])
    d = r"[0-9٠-٩۰-۹]"
    written = (
        rf"(?:(?:يوم\s+)?(?:{weekday})\s*[،,]?\s*)?"
        rf"(?<!{d})(?P<day>{d}{{1,2}})\s+(?P<month>{month})"
        rf"(?:\s*[/(]\s*(?:{month})\s*\)?)?\s*[،,]?\s*(?P<year>{d}{{4}})(?!{d})"
        r"(?:\s*(?:ميلادي[ةه]?|م)(?!\w))?"
    )
    numeric_dmy = (
        rf"(?:(?:{weekday})\s*[،,]?\s*)?"
        rf"(?<!{d})(?P<day>{d}{{1,2}})(?P<sep>[-/.])(?P<month>{d}{{1,2}})(?P=sep)"
        rf"(?P<year>{d}{{4}})(?!{d})"
    )
    numeric_ymd = (
        rf"(?<!{d})(?P<year>{d}{{4}})(?P<sep>[-/.])(?P<month>{d}{{1,2}})(?P=sep)"
        rf"(?P<day>{d}{{1,2}})(?!{d})"
    )
    kinds = {"written": written, "dmy": numeric_dmy, "ymd": numeric_ymd}
    return tuple((k, re.compile(p, re.IGNORECASE)) for k, p in kinds.items())


def find_dates_in_text(
    text: str, *, min_year: int = 1900, max_year: int | None = None
) -> list[DateMatch]:
    """Every Gregorian date stated in ``text``, in text order, with exact offsets.

    Forms: ``13-06-2018``, ``13/06/2018``, ``2018/07/22``, ``1 أكتوبر 2024``,
    ``الثلاثاء 3 تموز 2018``, ``3 تموز/يوليو 2018م``, in any digits. Numeric day/month
    order is read day first unless only month-first is possible. Impossible dates and
    years outside ``min_year``–``max_year`` (default: next year) are skipped.
    """
    max_year = max_year or dt.date.today().year + 1
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _text_patterns():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            date = _match_date(m, kind)
            if date is None or not (min_year <= date.year <= max_year):
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMatch(m.start(), m.end(), date, m.group(0)))
    return sorted(found)


def _match_date(m: re.Match, kind: str) -> pd.Timestamp | None:
    """The date a text match denotes, or None if impossible."""
    day = int(to_ascii_digits(m["day"]))
    year = int(to_ascii_digits(m["year"]))
    raw_month = m["month"]
    if kind != "written":
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
            return date, part if precision == "day" else f"{part} (month only; day set to 1)"
    return pd.NaT, ""


# --- the article's publication date ----------------------------------------------------

#: How many lines from the top may hold a dateline.
TOP_LINES = 8
#: A dateline is a short line: at most this many characters besides the date itself.
DATELINE_EXTRA_CHARS = 40


def choose_article_date(text: str, sections=None) -> ArticleDate:
    """The publication date stated in an article, with the phrase and the rule used.

    Rules, in order (dates about events in the body are never taken):

    1. ``cue``: a date right after a publication cue ("نشر في", "تاريخ النشر", "آخر
       تحديث", …) in the top lines or in a ``meta`` paragraph;
    2. ``dateline``: a date on a short line of its own (a dateline such as
       "الاثنين 22 تموز 2019" or "دمشق - 3 تموز 2018") in the top lines, or any date in a
       ``meta`` paragraph when ``sections`` are given (the article's sentences as a frame
       with ``start``, ``end``, ``section``, or an iterable of (start, end, section)).

    Only dates from 1990 to today count. Returns ``ArticleDate(NaT, "", "none")`` when no
    rule applies.
    """
    meta = _meta_spans(sections)
    top_end = _top_end(text, TOP_LINES)
    today = pd.Timestamp(dt.date.today())
    candidates = [
        m
        for m in _dates_in_regions(text, [(0, top_end), *meta])
        if m.date <= today and (m.start < top_end or _inside(m, meta))
    ]
    for m in candidates:
        if _after_cue(text, m.start):
            return ArticleDate(m.date, _cue_phrase(text, m), "cue")
    for m in candidates:
        if _inside(m, meta) or _is_dateline(text, m):
            return ArticleDate(m.date, m.phrase, "dateline")
    return ArticleDate(pd.NaT, "", "none")


def _dates_in_regions(text: str, regions: list[tuple[int, int]]) -> list[DateMatch]:
    """Dates found in the given regions only (the body is not searched: it is costly and
    its dates are about events), with offsets into ``text``."""
    found = set()
    for start, end in regions:
        # Extend to the line end so a date cut by the region edge is still whole.
        stop = text.find("\n", end)
        chunk = text[start : len(text) if stop < 0 else stop]
        for m in find_dates_in_text(chunk, min_year=MIN_NEWS_YEAR):
            found.add(DateMatch(m.start + start, m.end + start, m.date, m.phrase))
    return sorted(found)


def _top_end(text: str, n_lines: int) -> int:
    """Offset where the first ``n_lines`` non-empty lines end."""
    end = 0
    for i, m in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text)):
        end = m.end()
        if i + 1 >= n_lines:
            break
    return end


def _meta_spans(sections) -> list[tuple[int, int]]:
    """(start, end) of ``meta`` sentences, from a sentences frame or (start, end, section)s."""
    if sections is None:
        return []
    if isinstance(sections, pd.DataFrame):
        if sections.empty or "section" not in sections:
            return []
        rows = sections[sections["section"] == "meta"]
        return list(zip(rows["start"].astype(int), rows["end"].astype(int), strict=True))
    return [(int(s), int(e)) for s, e, section in sections if section == "meta"]


def _inside(m: DateMatch, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


@functools.cache
def _cue_re() -> re.Pattern:
    cues = _alternation(month_lexicon()["publication_cues"])
    return re.compile(rf"(?:{cues})\s*[:：\-–]?\s*(?:يوم\s+)?$", re.IGNORECASE)


def _after_cue(text: str, start: int) -> bool:
    """True when a publication cue ends right before ``start`` on the same line."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_cue_re().search(text[line_start:start]))


def _cue_phrase(text: str, m: DateMatch) -> str:
    line_start = text.rfind("\n", 0, m.start) + 1
    return text[line_start : m.end].strip()


def _is_dateline(text: str, m: DateMatch) -> bool:
    """True when the date's line is short: a dateline, not a sentence about events."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return len(line) - len(m.phrase) <= DATELINE_EXTRA_CHARS
