"""The date a news page was published: chosen from the dates stated at its top, its URL.

The text functions (``analysis.text.dates``) read dates; this module decides which of a
page's dates is its publication date (:func:`derive_date` for a loaded article,
:func:`choose_article_date` for its text), and which dates a corpus's pages share because
they are the crawl day (:func:`header_dates`, :func:`crawl_dates`).

Policy: a page's publication date is taken only from page furniture (cues, stamps,
datelines at the top) and never from a date about events; a wrong date is worse than
none, so conflicting stamps give no date. Dates shared by the headers of many pages of a
corpus are the crawl day, not publication dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from analysis.resources import load_yaml
from analysis.text.dates import (
    MIN_NEWS_YEAR,
    URL_MONTH_ONLY,
    DateMatch,
    date_from_url,
    find_dates_in_text,
    month_lexicon,
    word_alternation,
)
from analysis.text.normalize import to_ascii_digits

#: A page's sentences: a frame with ``start``, ``end``, ``section``, or (start, end, section)s.
Sections = pd.DataFrame | Iterable[tuple[int, int, str]] | None
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


def choose_article_date(
    text: str, sections: Sections = None, *, refuse: Iterable[pd.Timestamp] = frozenset()
) -> ArticleDate:
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


def header_dates(text: str, sections: Sections = None) -> list[pd.Timestamp]:
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
    weekday = word_alternation(month_lexicon()["weekdays"])
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
    label = word_alternation(lex["label"])
    update = word_alternation(lex["update"])
    filler = rf"(?:[\s:：\-–—|,،;/()]|يوم|{label}|{weekday}|{hijri}|{time}|{zone})*"
    sep = r"[\s,،;\-–—|]*"

    def cue(words) -> str:
        return rf"(?<!\w)(?:{word_alternation(words)})"

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
        "event": rf"(?<!\w)[وف]?(?:{word_alternation(lex['event_words'])})\s*$",
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


def derive_date(
    text: str, url: str, spans: list[tuple], refuse: frozenset = frozenset()
) -> tuple[pd.Timestamp, str, str]:
    """(date, date_source, date_note) from the URL, else the text, else unknown.

    A date in the URL's path is set when the page is published; a page's own stamps may be
    a "last modified" or an update (measured on syria-claims: of 256 pages dated both ways,
    29 stamps were over a day from the URL), so the URL wins when it has a day.
    ``refuse``: the corpus's crawl dates (:func:`crawl_dates`).
    """
    date, part = date_from_url(url)
    month_only = part.endswith(URL_MONTH_ONLY)
    if not pd.isna(date) and not month_only:
        return date, "url", part
    chosen = choose_article_date(text, [(s, e, sec) for s, e, sec, _ in spans], refuse=refuse)
    # a URL of month precision ("/2017/03/") leaves the day to the page, in that month
    if not pd.isna(chosen.date) and (
        not month_only or chosen.date.to_period("M") == date.to_period("M")
    ):
        return chosen.date, "stated", chosen.note
    if not pd.isna(date):
        return date, "url", part
    return pd.NaT, "unknown", ""


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
