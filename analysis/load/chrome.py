"""Page furniture inside the article's lines: sentence-level rules after the paragraph ones.

Scraped pages glue a site's chrome into the article's own lines, where the paragraph
rules (``analysis.load.sections``) cannot reach: a related-news tail after the last sentence, a
login widget or share prompt inside the headline's line, the article scraped twice. The
rules are data (``analysis/data/chrome.yaml``); this module knows how each kind matches:

- :func:`tail_start` finds where a related-news tail opens inside a counted paragraph, so
  the segmenter can cut the sentence there;
- :func:`pull_quotes` finds pull quotes glued before a sentence, to cut them off too;
- :func:`label_sentences` relabels the sentences of headline and body paragraphs (tail,
  placeholders, login and share prompts, repeats in the page or across the site's pages,
  pull quotes, orphans), each with the rule's id;
- :func:`sentence_key` and :func:`site_repeats` give the corpus-level signal: sentences
  that several pages of one site share.

Offsets are never changed: a cut is an extra sentence boundary in the original text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from analysis.load.sections import cue_alternation
from analysis.resources import load_yaml
from analysis.schema import COUNTED_SECTIONS as COUNTED
from analysis.schema import SECTIONS
from analysis.text.normalize import fold, match_key, original_span, section_key

KINDS = (
    "title_bar",
    "tail_marker",
    "contains",
    "repeat",
    "site_repeat",
    "pull_quote",
    "orphan",
)
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_START = r"(?<!\w)"  # what every ``contains`` rule's regex opens with
_QUOTE = re.compile(r'"[^"\n]+"|«[^«»\n]+»|“[^“”\n]+”')


def _compile(raw: dict) -> ChromeRule:
    rid, kind, section = raw.get("id"), raw.get("kind"), raw.get("section")
    where = f"chrome.yaml: rule {rid!r}"
    if kind not in KINDS:
        raise ChromeRulesError(f"{where}: kind {kind!r} not in {KINDS}")
    if section not in SECTIONS:
        raise ChromeRulesError(f"{where}: section {section!r} not in {SECTIONS}")
    regex = None
    if kind == "tail_marker":
        # matched on normalize's key (offsets map back to the original text)
        cues = sorted({fold(c) for c in raw.get("cues") or []}, key=len, reverse=True)
        if cues:
            regex = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")(?!\w)")
    elif kind == "contains":
        # matched on the section rules' key (sentence-wide labels need no offsets)
        alt = cue_alternation(raw.get("cues") or [], raw.get("patterns") or [])
        if alt:
            regex = re.compile(_WORD_START + alt)
    if kind in ("tail_marker", "contains") and regex is None:
        raise ChromeRulesError(f"{where}: kind {kind} needs cues or patterns")
    return ChromeRule(
        id=rid,
        section=section,
        kind=kind,
        description=str(raw.get("description", "")),
        provenance=str(raw.get("provenance", "")),
        regex=regex,
        max_words=raw.get("max_words"),
        min_words=int(raw.get("min_words", 0)),
        min_run=int(raw.get("min_run", 1)),
        min_docs=int(raw.get("min_docs", 3)),
        from_share=float(raw.get("from_share", 0.5)),
        window=int(raw.get("window", 1500)),
        separators=tuple(raw.get("patterns") or ()) if kind == "title_bar" else (),
    )


@cache
def load_chrome_rules() -> tuple[ChromeRule, ...]:
    """The rules of ``analysis/data/chrome.yaml``, in file order."""
    raw = load_yaml("chrome")
    rules = tuple(_compile(r) for r in raw["rules"])
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise ChromeRulesError("chrome.yaml: duplicate rule ids")
    return rules


def _rule(kind: str, rules: Sequence[ChromeRule]) -> ChromeRule | None:
    return next((r for r in rules if r.kind == kind), None)


def sentence_key(text: str) -> int:
    """A stable hash of a sentence's folded words (the same in every process)."""
    return _hash_key(section_key(text))


def _hash_key(key: str) -> int:
    """:func:`sentence_key` of a text already folded with
    ``analysis.text.normalize.section_key``."""
    words = " ".join(_WORD.findall(key))
    return int.from_bytes(hashlib.blake2b(words.encode("utf-8"), digest_size=8).digest(), "big")


def site_repeats(
    pages: Iterable[tuple[str, Iterable[int], int]], rules: Sequence[ChromeRule] | None = None
) -> dict[str, frozenset[int]]:
    """``site → keys`` of the sentences (:func:`sentence_key`) that at least ``min_docs``
    different stories of the site hold. ``pages`` gives each page's site, its sentences'
    keys and a key for its story (``analysis.load.segment.page_keys``); pages without a site
    give no signal. Counting stories, not pages, keeps a story the site republished (an
    update, the same page crawled twice) from passing its own sentences for the template.
    """
    rule = _rule("site_repeat", load_chrome_rules() if rules is None else rules)
    if rule is None:
        return {}
    stories: dict[str, dict[int, set[int]]] = defaultdict(dict)
    for site, keys, story in pages:
        if site:
            stories[site].setdefault(story, set()).update(keys)
    out = {}
    for site, by_story in stories.items():
        counts = Counter(k for keys in by_story.values() for k in keys)
        repeated = frozenset(k for k, n in counts.items() if n >= rule.min_docs)
        if repeated:
            out[site] = repeated
    return out


def title_bar(text: str, rules: Sequence[ChromeRule] | None = None) -> tuple[int, int] | None:
    """``(start, end)`` of the article's headline when the page opens with a title bar
    ("Headline | Site", "Headline - Site") and the same headline stands again close after
    it: everything before ``start`` is the bar and the menus glued to it. None otherwise."""
    rule = _rule("title_bar", load_chrome_rules() if rules is None else rules)
    if rule is None:
        return None
    lead = len(text) - len(text.lstrip())
    first = text[lead : text.find("\n", lead) if "\n" in text[lead:] else len(text)]
    cuts = sorted((i, sep) for sep in rule.separators if (i := first.find(sep)) > 0)
    if not cuts:
        return None
    at, sep = cuts[0]
    right = first[at + len(sep) :]
    end = re.search(r"[.!?؟]|" + "|".join(map(re.escape, rule.separators)), right)
    # "Headline | Site" or "Site | Headline": the part that stands again is the headline
    left = first[:at].strip()
    right = right[: end.end() if end else len(right)].strip()
    after_sep = lead + at + len(sep)
    for head, search_from in ((left, after_sep), (right, after_sep + len(right))):
        words = _WORD.findall(head)
        letters = [w for w in words if not w.isdigit()]
        if not rule.min_words <= len(letters) <= (rule.max_words or 30) or 3 * len(
            letters
        ) < 2 * len(words):
            continue  # a date line or a bare site name is no headline
        again = text.find(head, search_from, lead + rule.window)
        # on its own line the headline is the paragraph rules' business (meta.title_bar)
        if again >= 0 and "\n" not in text[lead:again]:
            return again, again + len(head)
    return None


def tail_start(
    text: str,
    spans: Sequence[tuple[int, int]],
    labels: Sequence[tuple[str, str]],
    rules: Sequence[ChromeRule] | None = None,
) -> tuple[int, str] | None:
    """``(offset, rule id)`` where a related-news tail opens inside a headline or body
    paragraph in the lower part of the page, else None."""
    rules = load_chrome_rules() if rules is None else rules
    for rule in rules:
        if rule.kind != "tail_marker":
            continue
        floor = int(len(text) * rule.from_share)
        for (start, end), (section, _reason) in zip(spans, labels, strict=True):
            if end < floor or section not in COUNTED:
                continue
            para = text[start:end]
            if not rule.regex.search(fold(para)):
                continue  # most paragraphs: no offsets needed (fold is match_key's key)
            key, offsets = match_key(para)
            for m in rule.regex.finditer(key):
                at = start + original_span(offsets, m.start(), m.end())[0]
                if at >= floor:
                    return at, rule.id
    return None


def pull_quotes(
    text: str,
    spans: Sequence[tuple[int, int]],
    labels: Sequence[tuple[str, str]],
    rules: Sequence[ChromeRule] | None = None,
) -> list[tuple[int, int]]:
    """Spans of pull quotes: a quotation of ``min_words`` words or more that opens a
    sentence, runs on into the next one without a stop, and whose words the page also
    holds elsewhere (the article's own sentence, set again in large type)."""
    rule = _rule("pull_quote", load_chrome_rules() if rules is None else rules)
    if rule is None:
        return []
    found = []
    page = None  # the page's words: read once a quotation stands where a pull quote would
    for (start, end), (section, _reason) in zip(spans, labels, strict=True):
        if section not in COUNTED:
            continue
        para = text[start:end]
        for m in _QUOTE.finditer(para):
            before = para[: m.start()].rstrip()
            after = para[m.end() :].lstrip()
            opens = not before or before[-1] in ".!?؟"
            runs_on = bool(after) and (after[0].isalpha() or after[0] in '"«“')
            if not (opens and runs_on):
                continue
            words = _WORD.findall(section_key(m.group()))
            if len(words) < rule.min_words:
                continue
            if page is None:
                page = " ".join(_WORD.findall(section_key(text)))
            if page.count(" ".join(words)) >= 2:
                found.append((start + m.start(), start + m.end()))
    return found


def label_sentences(
    text: str,
    sentences: Sequence[tuple[int, int, str, str]],
    *,
    tail: tuple[int, str] | None = None,
    bar: tuple[int, int] | None = None,
    quotes: Sequence[tuple[int, int]] = (),
    across: frozenset[int] = frozenset(),
    rules: Sequence[ChromeRule] | None = None,
) -> list[tuple[str, str]]:
    """``(section, reason)`` for each sentence ``(start, end, section, reason)`` of a page:
    the paragraph's label, unless a chrome rule relabels a headline or body sentence.
    ``across`` holds the keys of sentences other pages of the same site share."""
    rules = load_chrome_rules() if rules is None else rules
    out = [(section, reason) for _s, _e, section, reason in sentences]
    counted = [section in COUNTED for _s, _e, section, _r in sentences]
    pieces = [text[s:e] for s, e, _sec, _r in sentences]
    keys = [section_key(p) for p in pieces]
    n_words = [len(_WORD.findall(k)) for k in keys]
    by_id = {r.id: r for r in rules}
    quote_spans = set(quotes)
    bar_rule, pull_rule = _rule("title_bar", rules), _rule("pull_quote", rules)
    line_end = text.find("\n", bar[1]) if bar is not None else -1
    line_end = len(text) if line_end < 0 else line_end
    any_contains = _contains_union(tuple(rules))
    for i, (start, end, sec, _r) in enumerate(sentences):
        if bar is not None and bar_rule is not None:
            if end <= bar[1]:
                # before the headline: the bar and its menus; then the headline itself
                glued = end <= bar[0]
                out[i] = (bar_rule.section, bar_rule.id) if glued else ("headline", bar_rule.id)
                continue
            if start < line_end and sec == "headline":
                out[i] = ("body", bar_rule.id)  # the line runs on into the article
                counted[i] = True
        if not counted[i]:
            continue
        if tail is not None and tail[1] in by_id and start >= tail[0]:
            rule = by_id[tail[1]]
        elif (start, end) in quote_spans and pull_rule is not None:
            rule = pull_rule
        elif not any_contains.search(keys[i]):
            rule = None
        else:
            rule = next(
                (
                    r
                    for r in rules
                    if r.kind == "contains"
                    and (r.max_words is None or n_words[i] <= r.max_words)
                    and r.regex.search(keys[i])
                ),
                None,
            )
        if rule is not None:
            out[i] = (rule.section, rule.id)
    for kind in ("repeat", "site_repeat"):
        rule = _rule(kind, rules)
        if rule is None:
            continue
        flags = _repeat_flags(kind, rule, keys, n_words, across)
        _label_runs(out, counted, flags, pieces, rule)
    orphan = _rule("orphan", rules)
    if orphan is not None:
        for i, piece in enumerate(pieces):
            if counted[i] and i and not _LETTER.search(piece):
                out[i] = out[i - 1]
    return out


@lru_cache(maxsize=8)
def _contains_union(rules: tuple[ChromeRule, ...]) -> re.Pattern:
    """One pattern matching where any ``contains`` rule matches: most sentences match none,
    and one search rules them all out (the rules are then tried in order).

    Every rule opens with the same word-start test (``_compile``); it is written once in
    front of the alternation, so that the engine tries the alternatives only where a word
    starts (four times faster over a corpus's sentences than one test per alternative).
    """
    alts = [r.regex.pattern for r in rules if r.kind == "contains" and r.regex is not None]
    if alts and all(a.startswith(_WORD_START) for a in alts):
        return re.compile(_WORD_START + "(?:" + "|".join(a[len(_WORD_START) :] for a in alts) + ")")
    return re.compile("|".join(f"(?:{a})" for a in alts) or r"(?!)")


def _repeat_flags(kind, rule, keys, n_words, across) -> list[bool]:
    if kind == "site_repeat":
        if not across:  # most pages: no site, or a site without a template
            return [False] * len(keys)
        pairs = zip(keys, n_words, strict=True)
        return [n >= rule.min_words and _hash_key(k) in across for k, n in pairs]
    seen: set[str] = set()
    flags = []
    for key, n in zip(keys, n_words, strict=True):
        flags.append(n >= rule.min_words and key in seen)
        if n >= rule.min_words:
            seen.add(key)
    return flags


def _label_runs(out, counted, flags, pieces, rule) -> None:
    """Label runs of ``min_run`` or more flagged counted sentences (sentences without a
    letter between them neither break a run nor count toward it)."""
    run: list[int] = []
    for i in [*range(len(flags)), None]:
        if i is not None and counted[i] and flags[i]:
            run.append(i)
            continue
        if i is not None and not _LETTER.search(pieces[i]):
            continue
        if len(run) >= rule.min_run:
            for k in run:
                out[k] = (rule.section, rule.id)
        run = []


class ChromeRulesError(ValueError):
    """The chrome rules file is malformed (message names the rule and the problem)."""


@dataclass(frozen=True)
class ChromeRule:
    """One rule of ``chrome.yaml``, its cues compiled for its kind."""

    id: str
    section: str
    kind: str
    description: str = ""
    provenance: str = ""
    regex: re.Pattern | None = None
    max_words: int | None = None
    min_words: int = 0
    min_run: int = 1
    min_docs: int = 3
    from_share: float = 0.5
    window: int = 1500
    separators: tuple[str, ...] = ()
