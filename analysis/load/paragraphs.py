"""Label the paragraphs of a page with the section rules (``analysis.load.sections``).

This module knows how each *kind* of rule matches. Line kinds look at one paragraph's
key (``analysis.text.normalize.section_key``); structural kinds look at its neighbours
and run afterwards on the paragraphs still unlabelled. The first rule that matches wins;
``default`` labels the rest. Each label comes with the id of the rule that gave it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from analysis.load.sections import EDGE_PUNCT, LINE_KINDS, Rule, load_rules
from analysis.text.normalize import section_key

_LEAD = re.compile(r"^[\s\-–—•*·▪►>|/]+")
_WORD = re.compile(r"\w+")
_STOP_END = re.compile(r"[.]\W*$")


def _n_words(key: str) -> int:
    return len(_WORD.findall(key))


# ------------------------------------------------------------------ line kinds
def _line_match(rule: Rule, key: str, n_words: int) -> bool:
    kind, p = rule.kind, rule.params
    if p.get("require_digit") and not any(ch.isdigit() for ch in key):
        return False
    if p.get("no_final_stop") and _STOP_END.search(key):
        return False
    if kind == "line":
        bare = EDGE_PUNCT.sub("", key)
        return bare in rule.cue_set or bool(rule.regex and rule.regex.match(bare))
    if kind == "start":
        return bool(rule.regex.match(_LEAD.sub("", key)))
    if kind in ("end", "contains"):
        return bool(rule.regex.search(key))
    if kind == "credit":
        m = rule.regex.search(key)
        if p.get("bare_end") and not key.endswith(")"):
            return False  # "… (Islamic Revolutionary Guard Corps)." closes a sentence
        return bool(m and p["inner"].search(m.group(1).strip()))
    if kind == "density":
        covered = sum(_n_words(m.group()) for m in rule.regex.finditer(key))
        return n_words > 0 and covered >= p.get("min_share", 0.6) * n_words
    if kind == "date_line":
        words = _WORD.findall(key)
        dw = p["date_words"]
        has_date = any(w.isdigit() for w in words) or any(w in dw for w in words)
        residual = sum(1 for w in words if not w.isdigit() and w not in dw)
        return has_date and residual <= p.get("max_residual", 1) and residual < len(words)
    if kind == "pipe_names":
        parts = [q for q in key.split("|") if q.strip()]
        limit = p.get("max_part_words", 4)
        return len(parts) >= 2 and all(_n_words(q) <= limit for q in parts)
    return False


# ------------------------------------------------------------------ structural kinds
def _is_sentence(key: str, n_words: int, max_words: int) -> bool:
    """Reads as body prose: long, or a full sentence ending with a stop."""
    return n_words > max_words or (n_words >= 8 and bool(_STOP_END.search(key)))


def _related_block(rule, keys, words, labels):
    hmax = rule.params.get("header_max_words", 6)
    limit = rule.max_words or 20
    i = 0
    while i < len(keys):
        if labels[i] is None and words[i] <= hmax and rule.regex.match(_LEAD.sub("", keys[i])):
            labels[i] = rule
            j = i + 1
            while j < len(keys):
                if labels[j] is not None and labels[j].section in (
                    "meta",
                    "boilerplate",
                    "caption",
                ):
                    j += 1
                    continue
                if labels[j] is not None or _is_sentence(keys[j], words[j], limit):
                    break
                if _STOP_END.search(keys[j]):
                    break
                labels[j] = rule
                j += 1
            i = j
        else:
            i += 1


def _tail_block(rule, keys, words, labels):
    """A comment-form header in the lower part of the page: it and all that follows it."""
    n, share = len(keys), rule.params.get("from_share", 0.5)
    for i in range(n):
        if (
            i > n * share
            and words[i] <= (rule.max_words or 6)
            and rule.regex.match(EDGE_PUNCT.sub("", keys[i]))
        ):
            for j in range(i, n):
                labels[j] = labels[j] or rule
            return


def _menu_run(rule, keys, words, labels):
    limit, min_run = rule.max_words or 3, rule.params.get("min_run", 4)
    run: list[int] = []
    for i in [*range(len(keys)), None]:
        ok = (
            i is not None
            and labels[i] is None
            and words[i] <= limit
            and not re.search(r"[.!?؟]\W*$", keys[i])
        )
        if ok:
            run.append(i)
            continue
        if len(run) >= min_run:
            for k in run:
                labels[k] = rule
        run = []


def _similar_words(wa: set[str], wb: set[str]) -> float:
    """Word overlap relative to the smaller set (a headline may extend the title or the
    title the headline), zero when one is over three times larger than the other."""
    if not wa or not wb or max(len(wa), len(wb)) > 3 * min(len(wa), len(wb)):
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _headline(rule, keys, words, labels, title_key, state):
    if "headline" in state:
        return  # an earlier headline rule found it
    top = min(rule.top or 8, len(keys))
    if rule.params.get("by") == "title":
        if not title_key:
            return
        best, best_sim = None, rule.params.get("min_similarity", 0.6)
        title_words = set(_WORD.findall(title_key))
        for i in range(top):
            if labels[i] is None:
                sim = _similar_words(set(_WORD.findall(keys[i])), title_words)
                if sim >= best_sim:
                    best, best_sim = i, sim
        if best is not None:
            labels[best] = rule
            state["headline"] = best
        return
    limit = rule.max_words or 25
    lead = []
    for i in range(top):
        if labels[i] is not None:
            continue
        if _is_sentence(keys[i], words[i], limit) or _STOP_END.search(keys[i]):
            break
        lead.append(i)
    if not lead:
        return
    longer = [i for i in lead if words[i] > state.get("label_max", 4)]
    pick = longer[0] if longer else lead[-1]
    labels[pick] = rule
    state["headline"] = pick


_SUFFIX = re.compile(r"^\s*[\-–—|:]\s*(.+)$")


def _title_bar(rule, keys, words, labels, state):
    """The page's title bar: a top line that repeats the headline with a site-name suffix
    ("Headline - Site", "Headline | Site"), or repeats it verbatim. The bare line is the
    headline; the suffixed or repeated one is labelled by this rule."""
    h = state.get("headline")
    top = min(rule.top or 8, len(keys))
    # headline-like lines only: a title bar never ends with a full stop
    free = [
        i
        for i in range(top)
        if (labels[i] is None or i == h) and 0 < words[i] <= 30 and not _STOP_END.search(keys[i])
    ]
    limit = rule.params.get("max_suffix_words", 6)
    for a in free:
        for b in free:
            if a == b or not keys[a].startswith(keys[b]) or (h is not None and h not in (a, b)):
                continue
            rest = keys[a][len(keys[b]) :]
            suffix = _SUFFIX.match(rest)
            if (rest == "" and a > b and h is not None) or (
                suffix and 0 < _n_words(suffix.group(1)) <= limit
            ):
                if h == a:  # the suffixed or repeated line was taken for the headline
                    labels[b], state["headline"] = labels[a], b
                labels[a] = rule
                return


def _below_headline(rule, keys, words, labels, state):
    """Short lines between the headline and the first body paragraph: bylines,
    breadcrumbs, tag lines and datelines glued into a block."""
    h = state.get("headline")
    if h is None:
        return
    limit = rule.max_words or 5
    for i in range(h + 1, min(rule.top or 10, len(keys))):
        if labels[i] is not None:
            continue
        if words[i] > limit or _STOP_END.search(keys[i]):
            break
        if words[i] > 0:
            labels[i] = rule


def _tail_headlines(rule, keys, words, labels):
    """Headline-like lines left after the article ends (a related-news tail without a
    marker): short, no final stop, below the last paragraph that ends a sentence."""
    limit, min_words = rule.max_words or 15, rule.params.get("min_words", 3)
    tail: list[int] = []
    for i in range(len(keys) - 1, -1, -1):
        if labels[i] is not None and labels[i].section in ("meta", "boilerplate", "caption"):
            continue
        if labels[i] is not None:
            break
        if min_words <= words[i] <= limit and not re.search(r"[.!?؟]\W*$", keys[i]):
            tail.append(i)
            continue
        if _STOP_END.search(keys[i]) and tail:  # the article's last sentence
            for k in tail:
                labels[k] = rule
        break


def _top_label(rule, keys, words, labels, state):
    limit = rule.max_words or 4
    stop = state.get("headline")
    if stop is None:  # no headline: short lines above the first body paragraph
        stop = next((i for i, lab in enumerate(labels) if lab is None and words[i] > limit), 0)
    for i in range(stop):
        if labels[i] is None and 0 < words[i] <= limit and not _STOP_END.search(keys[i]):
            labels[i] = rule


def _repeated(rule, keys, words, labels):
    limit = rule.max_words or 30
    # captions rarely end with a full stop; repeated full sentences are a page scraped twice
    counts = Counter(
        k for k, n in zip(keys, words, strict=True) if 0 < n <= limit and not _STOP_END.search(k)
    )
    for i, k in enumerate(keys):
        if labels[i] is None and counts.get(k, 0) > 1:
            labels[i] = rule


def label_paragraphs(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    title: str | None = None,
    rules: Sequence[Rule] | None = None,
) -> list[tuple[str, str]]:
    """``(section, rule id)`` for each paragraph span of ``text``."""
    rules = load_rules() if rules is None else rules
    n = len(spans)
    keys = [section_key(text[s:e]) for s, e in spans]
    words = [_n_words(k) for k in keys]
    labels: list[Rule | None] = [None] * n
    for rule in rules:
        if rule.kind not in LINE_KINDS:
            continue
        for i in range(n):
            if labels[i] is not None:
                continue
            if rule.max_words is not None and words[i] > rule.max_words:
                continue
            if rule.top is not None and i >= rule.top:
                continue
            if rule.bottom is not None and i < n - rule.bottom:
                continue
            if _line_match(rule, keys[i], words[i]):
                labels[i] = rule
    title_key = section_key(title) if title else ""
    state: dict = {}
    for rule in rules:
        if rule.kind == "top_label":
            state["label_max"] = rule.max_words or 4
    default = None
    for rule in rules:
        if rule.kind == "related_block":
            _related_block(rule, keys, words, labels)
        elif rule.kind == "tail_block":
            _tail_block(rule, keys, words, labels)
        elif rule.kind == "menu_run":
            _menu_run(rule, keys, words, labels)
        elif rule.kind == "title_bar":
            _title_bar(rule, keys, words, labels, state)
        elif rule.kind == "below_headline":
            _below_headline(rule, keys, words, labels, state)
        elif rule.kind == "tail_headlines":
            _tail_headlines(rule, keys, words, labels)
        elif rule.kind == "headline":
            _headline(rule, keys, words, labels, title_key, state)
        elif rule.kind == "top_label":
            _top_label(rule, keys, words, labels, state)
        elif rule.kind == "repeated":
            _repeated(rule, keys, words, labels)
        elif rule.kind == "default" and default is None:
            default = rule
    return [(r.section, r.id) if r else (default.section, default.id) for r in labels]
