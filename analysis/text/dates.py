"""Dates: parse metadata values, find dates stated in Arabic text, read them from URLs,
and choose the date a news page was published.

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
- A page's publication date (``choose_article_date``) is taken only from page furniture
  (cues, stamps, datelines at the top) and never from a date about events; a wrong date is
  worse than none, so conflicting stamps give no date. Dates shared by the headers of many
  pages of a corpus are the crawl day, not publication dates (``crawl_dates``).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import pandas as pd

from analysis.resources import load_yaml

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
    """The publication date chosen for an article, with its evidence.

    ``phrase`` is the evidence as written in the text (cue, date, time); ``rule`` is one of
    ``cue``, ``stamp``, ``dateline``, ``update``, ``top`` (see :func:`choose_article_date`)
    or, with no date, ``none`` / ``ambiguous`` (then ``phrase`` quotes the dates that
    disagree).
    """

    date: pd.Timestamp
    phrase: str
    rule: str

    @property
    def note(self) -> str:
        """The text for ``documents.date_note``: the quoted evidence, saying what it is
        when it is not a publication date."""
        if self.rule == "update":
            return f"{self.phrase} (update stamp: the page states no publication date)"
        if self.rule == "ambiguous":
            return f"no date taken: the top of the page states different dates: {self.phrase}"
        return self.phrase


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
    """Compiled patterns for written and numeric dates in running text.

    Scraped pages are often pre-tokenised, with a space on each side of ``/ , : -``
    (``2017 / 12 / 8``, ``ديسمبر 8 , 2017``): one optional space is allowed there.
    """
    month = _alternation(month_names().keys())
    d = r"[0-9٠-٩۰-۹]"
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


@functools.cache
def _weekday_before() -> re.Pattern:
    """A weekday (after "يوم") right before a date: "يوم الاثنين، 22 كانون الثاني 2019"."""
    weekday = _alternation(month_lexicon()["weekdays"])
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


# --- the article's publication date ----------------------------------------------------

#: How many lines from the top may hold the page's date.
TOP_LINES = 8
#: Scraped pages often have few line breaks (menu, title, date stamp and body on one
#: line): past this many characters from the top, a date counts only on a short line of
#: its own (a dateline) or in a ``meta`` paragraph.
HEAD_CHARS = 1500
#: A bare date (rule ``top``) counts only this close to the top.
TOP_CHARS = 600
#: A dateline is a short line: at most this many characters besides the date itself.
DATELINE_EXTRA_CHARS = 40
#: A masthead or copyright cue ("صدر العدد الأول", "©") rules out a date up to this many
#: characters after it on the same line.
NEGATIVE_WINDOW = 40
#: Characters of context read on each side of a date.
_CONTEXT = 160
#: Longer than any written date ("يوم الأربعاء ، 25 تشرين الثاني / نوفمبر 2017 ميلادية").
_LONGEST_DATE = 80

#: Candidate rules, best first. Candidates of one tier must agree on the date, else the
#: page's date is ambiguous and none is taken (a wrong date is worse than none).
RULE_TIERS = (
    (("cue",), ()),
    (("stamp", "dateline"), ("top", "bare")),
    (("update",), ()),
    (("top",), ()),
)


def choose_article_date(text: str, sections=None, *, refuse=frozenset()) -> ArticleDate:
    """The publication date stated in an article, with the phrase and the rule used.

    Only the top of the page is read (the first ``TOP_LINES`` lines, within ``HEAD_CHARS``
    characters unless on a short line of their own) and ``meta`` paragraphs anywhere when
    ``sections`` are given (the article's sentences as a frame with ``start``, ``end``,
    ``section``, or an iterable of (start, end, section)). Dates about events in the body
    are never taken. Each date found there is read with its context
    (``analysis/data/date_cues.yaml``):

    - never taken: a date after a masthead, founding or copyright cue ("صدر العدد الأول",
      "تأسست", "جميع الحقوق محفوظة", "©"), after a "today" cue ("اليوم", prayer times),
      right after an event word ("في", "منذ", "حتى"…), in ``refuse`` (e.g. the corpus's
      crawl dates, see :func:`crawl_dates`), or after today;
    1. ``cue``: right after a publication cue ("نشر في", "تاريخ النشر", "Published"…),
       a weekday, a Hijri date or a time allowed in between;
    2. ``stamp``: a date with a time of day beside it ("2017 / 3 / 20 الساعة 12 : 18",
       "27 نوفمبر 2017 10 : 03 م") or after a date label with a colon or opening a line
       ("تاريخ الحلقة : …", "بتاريخ 13/06/2018"); and ``dateline``: a date on a short
       line of its own ("الاثنين 22 تموز 2019", "دمشق - 3 تموز 2018") or in a ``meta``
       paragraph. They must agree with the bare dates at the top too (a stamp in another
       time zone than the date under the headline, an unlabelled update: no date);
    3. ``update``: after an update cue ("آخر تحديث", "محدثة") or followed by
       "( آخر تحديث )": taken only when the page states no publication date (``note``
       says so);
    4. ``top``: a bare date standing between the page furniture and the body ("… عنوان
       الخبر 24 ديسمبر 2017 عواصم - وكالات …") within ``TOP_CHARS``, before any date in
       a sentence, not opening with "يوم" and not followed by punctuation that continues
       a sentence.

    The first tier with a candidate decides; when its candidates name different dates the
    result is ``ArticleDate(NaT, "<the phrases>", "ambiguous")``. Only dates from 1990 to
    today count. Returns ``ArticleDate(NaT, "", "none")`` when no rule applies.
    ``phrase`` quotes the evidence (cue, date and time as written); ``note`` is the text
    for ``documents.date_note``.
    """
    refuse = {pd.Timestamp(d).normalize() for d in refuse}
    tiers: dict[str, list[tuple[str, int, int, DateMatch]]] = {}
    body_seen = False
    for cand in _candidates(text, sections):
        rule, start, end, m = cand
        # Once a date in a sentence is seen, the body has begun: bare dates are no stamps.
        body_seen = body_seen or rule == "event"
        if rule in (None, "event") or (rule in ("top", "bare") and body_seen) or m.date in refuse:
            continue
        tiers.setdefault(rule, []).append(cand)
    for rules, must_agree in RULE_TIERS:
        found = sorted((c for r in rules for c in tiers.get(r, [])), key=lambda c: c[1])
        if not found:
            continue
        others = [c for r in must_agree for c in tiers.get(r, [])]
        if len({c[3].date for c in found + others}) > 1:
            both = sorted(found + others, key=lambda c: c[1])
            phrases = list(dict.fromkeys(text[s:e] for _, s, e, _ in both))
            return ArticleDate(pd.NaT, " | ".join(phrases[:5]), "ambiguous")
        rule, start, end, _ = found[0]
        return ArticleDate(found[0][3].date, text[start:end], rule)
    return ArticleDate(pd.NaT, "", "none")


def header_dates(text: str, sections=None) -> list[pd.Timestamp]:
    """The distinct dates the top of a page states as stamps (any rule, or refused by a
    "today" cue), for :func:`crawl_dates`. Dates in sentences and after masthead or
    copyright cues are left out."""
    return sorted(
        {
            m.date
            for rule, _, _, m in _candidates(text, sections, keep_today=True)
            if rule not in (None, "event", "bare")
        }
    )


def crawl_dates(
    header_dates: Iterable[tuple[str, pd.Timestamp]],
    *,
    min_docs: int = 3,
    min_share: float = 0.1,
    max_later_share: float = 0.05,
    spread_days: int = 1,
) -> set[pd.Timestamp]:
    """Dates that the top of many documents of one corpus state: crawl ("today's") dates.

    Many sites print the day a page is viewed in their header ("الأحد , 21 يناير 2018"
    on an article of 2017); a corpus scraped in one go then shows the crawl day on many
    unrelated pages, and no page can be published after it was crawled. ``header_dates``
    holds ``(doc_id, date)`` pairs for the documents of the corpus (from
    :func:`header_dates`; several pairs per document, or ``NaT``, are fine). Shares are of
    the documents that state any header date.

    A date is a crawl date when at least ``min_docs`` distinct documents *and* at least
    ``min_share`` of the documents state it, at most ``max_later_share`` of them state a
    later date and at least ``min_docs`` an earlier one (dates more than ``spread_days``
    apart): a crawl day ends a corpus of older pages, a busy news day sits inside it. So a
    small corpus refuses nothing unless ``min_docs`` of its pages share its last date, and a
    corpus of pages from one day refuses nothing. A crawl that runs past midnight shows its
    other day on fewer pages: a date within ``spread_days`` of a crawl date that
    ``min_docs`` documents state is a crawl date too. Pass the result as ``refuse=`` to
    :func:`choose_article_date`. The last day of a corpus collected on the day it was
    published may be refused as well: that loses dates (the URL may still give them), it
    never gives a wrong one.
    """
    docs: dict[pd.Timestamp, set[str]] = {}
    for doc_id, date in header_dates:
        if not pd.isna(date):
            docs.setdefault(pd.Timestamp(date).normalize(), set()).add(doc_id)
    total = len(set().union(*docs.values())) if docs else 0
    spread = pd.Timedelta(days=spread_days)

    def n_docs(keep) -> int:
        return len(set().union(*(ids for d, ids in docs.items() if keep(d))))

    def ends_corpus(date: pd.Timestamp) -> bool:
        later = n_docs(lambda d: d > date + spread)
        earlier = n_docs(lambda d: d < date - spread)
        return later <= max_later_share * total and earlier >= min_docs

    common = {date for date, ids in docs.items() if len(ids) >= min_docs}
    crawl = {d for d in common if len(docs[d]) >= min_share * total and ends_corpus(d)}
    return crawl | {d for d in common if any(abs(d - c) <= spread for c in crawl)}


def _candidates(text: str, sections=None, *, keep_today: bool = False):
    """(rule or None, evidence start, evidence end, DateMatch) for each date at the top of
    the page and in ``meta`` paragraphs; rule None means the date is not a candidate."""
    meta = _meta_spans(sections)
    lines = _top_lines(text, TOP_LINES)
    head_end = min(lines[-1][1], HEAD_CHARS) if lines else 0
    # Past HEAD_CHARS only short lines (datelines) are read, so a page written on one
    # long line is not searched to its end.
    short = [
        (s, e) for s, e in lines if e > head_end and e - s <= _LONGEST_DATE + DATELINE_EXTRA_CHARS
    ]
    today = pd.Timestamp(dt.date.today())
    for m in _dates_in_regions(text, [(0, head_end), *short, *meta]):
        in_meta = _inside(m, meta)
        dateline = _inside(m, lines) and _is_dateline(text, m)
        if m.date > today or not (in_meta or dateline or m.start < head_end):
            continue
        yield (*_read_context(text, m, in_meta or dateline, keep_today), m)


def _read_context(text: str, m: DateMatch, dateline: bool, keep_today: bool):
    """(rule or None, evidence start, evidence end) for one date from the words around it."""
    cues = _cue_patterns()
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    before_start = max(line_start, m.start - _CONTEXT)
    # The patterns read ASCII digits; translating keeps lengths, so offsets hold.
    before = to_ascii_digits(text[before_start : m.start])
    after = to_ascii_digits(text[m.end : min(line_end, m.end + _CONTEXT)])
    if cues["not_publication"].search(before):
        return None, m.start, m.end
    if hit := cues["today"].search(before):
        return ("stamp" if keep_today else None), before_start + hit.start(), m.end
    if hit := cues["publication"].search(before):
        return "cue", before_start + hit.start(), m.end
    if hit := cues["update"].search(before):
        return "update", before_start + hit.start(), m.end
    if hit := cues["update_after"].match(after):
        return "update", m.start, m.end + hit.end()
    label = cues["label"].search(before)
    if label is None and before_start == line_start:
        label = cues["label_at_start"].search(before)
    if label:
        return "stamp", before_start + label.start(), m.end
    if dateline:
        return "dateline", m.start, m.end
    if cues["event"].search(before):
        return "event", m.start, m.end
    if hit := cues["time_after"].match(after):
        return "stamp", m.start, m.end + hit.end()
    if hit := cues["time_before"].search(before):
        return "stamp", before_start + hit.start("time"), m.end
    # A bare date is a stamp only when no sentence runs through it: not "يوم الأحد 3 …"
    # (a day in a sentence), not followed by punctuation, a closing quote or bracket.
    if m.phrase.startswith("يوم") or cues["in_sentence"].match(after) or m.start >= TOP_CHARS:
        return "bare", m.start, m.end
    return "top", m.start, m.end


@functools.cache
def date_cues() -> dict:
    """The cue lexicon from ``analysis/data/date_cues.yaml``."""
    return load_yaml("date_cues")


@functools.cache
def _cue_patterns() -> dict[str, re.Pattern]:
    """Compiled context patterns, read on ASCII digits (see ``_read_context``)."""
    lex = date_cues()
    weekday = _alternation(month_lexicon()["weekdays"])
    time = (
        r"(?:(?:الساعة|at)\s*)?\d{1,2}\s?:\s?\d{1,2}(?!\d)(?:\s?:\s?\d{2})?"
        r"(?:\s*(?:صباحا|صباحاً|صباح|مساء|مساءً|ص|م|[AaPp]\.?[Mm]\.?)(?!\w))?"
    )
    zone = r"(?:GMT|UTC|AST|EDT|EST|KSA|بتوقيت\s+\w+(?:\s+\w+)?|\(\s*(?:GMT|مكة)[^)\n]{0,20}\))"
    hijri = (
        r"(?:\d{1,2}\s+\w+(?:\s+\w+)?\s+1[34]\d\d|1[34]\d\d\s?/\s?\d{1,2}\s?/\s?\d{1,2})"
        r"\s*(?:هـ|ه)?(?!\w)"
    )
    # What may stand between a cue and its date: punctuation, a date label, a weekday, a
    # Hijri date, a time, a time zone ("آخر تحديث : الأحد 25 ربيع الأول 1433 ه - - 17 …").
    label = _alternation(lex["label"])
    update = _alternation(lex["update"])
    filler = rf"(?:[\s:：\-–—|,،;/()]|يوم|{label}|{weekday}|{hijri}|{time}|{zone})*"
    sep = r"[\s,،;\-–—|]*"

    def cue(words) -> str:
        return rf"(?<!\w)(?:{_alternation(words)})"

    negative = [w for words in lex["not_publication"].values() for w in words]
    negative = [w for w in negative if w not in lex["not_publication"]["today"]]
    patterns = {
        "not_publication": rf"{cue(negative)}[^\n.!?؟|]{{0,{NEGATIVE_WINDOW}}}$",
        "today": rf"{cue(lex['not_publication']['today'])}{filler}$",
        "publication": rf"{cue(lex['publication'])}{filler}$",
        "update": rf"{cue(lex['update'])}{filler}$",
        # "… 2017 م ( آخر تحديث )" labels the date before it; "( محدثة 14 : 00 …" opens
        # the next one, so an unclosed bracket or a cue followed by digits does not count.
        "update_after": (
            rf"\s*(?:م(?!\w))?\s*(?:[(\[]\s*(?:{update})\s*[)\]]|(?:{update})(?![\s:：]*\d))"
        ),
        "event": rf"(?<!\w)[وف]?(?:{_alternation(lex['event_words'])})\s*$",
        # "تاريخ : …", "تاريخ الحلقة : …" (a word, then a colon), or "بتاريخ 13/06/2018" at
        # the start of a line; mid-sentence "… بتاريخ 3 مايو" is an event (event_words).
        "label": rf"{cue(lex['label'])}(?:\s+[^\s\d:：]+)?\s*[:：]\s*(?:يوم\s+)?$",
        "label_at_start": rf"^\s*{cue(lex['label'])}\s*[-–]?\s*(?:يوم\s+)?$",
        "time_after": rf"{sep}{time}(?:\s*{zone})?",
        "in_sentence": r"\s*(?:م(?!\w))?\s*[.,،؛;:»)]",
        "time_before": rf"(?<![\d:])\s?(?P<time>{time}){sep}$",
    }
    return {k: re.compile(p, re.IGNORECASE) for k, p in patterns.items()}


def _dates_in_regions(text: str, regions: list[tuple[int, int]]) -> list[DateMatch]:
    """Dates found in the given regions only (the body is not searched: it is costly and
    its dates are about events), with offsets into ``text``."""
    found = set()
    for start, end in regions:
        # Extend a little, within the line, so a date cut by the region edge is whole.
        stop = text.find("\n", end)
        stop = min(len(text) if stop < 0 else stop, end + _LONGEST_DATE)
        for m in find_dates_in_text(text[start:stop], min_year=MIN_NEWS_YEAR):
            found.add(DateMatch(m.start + start, m.end + start, m.date, m.phrase))
    return sorted(found)


def _top_lines(text: str, n_lines: int) -> list[tuple[int, int]]:
    """(start, end) of the first ``n_lines`` non-empty lines."""
    return [m.span() for m in itertools.islice(re.finditer(r"[^\n]*\S[^\n]*", text), n_lines)]


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


def _is_dateline(text: str, m: DateMatch) -> bool:
    """True when the date's line is short: a dateline, not a sentence about events."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return len(line) - len(m.phrase) <= DATELINE_EXTRA_CHARS
