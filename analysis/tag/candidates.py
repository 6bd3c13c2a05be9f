"""Proper-noun candidates the actor dictionary does not know yet.

A word is a candidate when the camel-tools MSA analyser gives it a proper-noun reading
(pos ``noun_prop``) as its first and majority reading, or no analysis at all (foreign names
such as لافروف are not in the database). Following a title (الرئيس، وزير، المبعوث،
المتحدث باسم …) is recorded as extra evidence (``title``). Adjacent candidate words form
one name. Words inside a known mention and very common function words are skipped. The
analyser runs once per distinct word (cached), never per token.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

import pandas as pd

from analysis.schema import COUNTED_SECTIONS
from analysis.tag.camel import get_analyzer
from analysis.tag.mentions import tag_mentions
from analysis.text.normalize import fold, match_key

__all__ = ["TITLE_WORDS", "find_candidates"]

# Words after which a name usually follows (folded forms are compared).
TITLE_WORDS = (
    "الرئيس",
    "رئيس",
    "وزير",
    "الوزير",
    "المبعوث",
    "مبعوث",
    "باسم",  # المتحدث باسم …
    "المتحدث",
    "المتحدثة",
    "السفير",
    "سفير",
    "الجنرال",
    "اللواء",
    "العميد",
    "العماد",
    "القائد",
    "قائد",
    "الشيخ",
    "السيد",
    "النائب",
    "المستشار",
    "مستشار",
    "الأمين",
)
_STOP = {
    fold(w)
    for w in [
        "في",
        "من",
        "إلى",
        "على",
        "عن",
        "أن",
        "إن",
        "مع",
        "هذا",
        "هذه",
        "التي",
        "الذي",
        "قال",
        "وقال",
        "كما",
        "بعد",
        "قبل",
        "حول",
        "بين",
        "وهو",
        "وهي",
        "لدى",
        "باسم",
        "الله",
        "بيان",
        "رأي",
        "الأحد",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
        "كانون",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين",
    ]
}
_WORD_RE = re.compile(r"[^\W\d_]{3,}")


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(fold(w) for w in TITLE_WORDS)


@functools.lru_cache(maxsize=200_000)
def _proper_reading(word: str) -> str:
    """'noun_prop', 'unknown' (no analysis) or '' for one word, from the analyser."""
    analyses = get_analyzer().analyze(word)
    if not analyses:
        return "unknown"
    props = sum(a.get("pos") == "noun_prop" for a in analyses)
    # A first and >= 60 % proper-noun reading; common nouns with a rare name reading
    # (القاعدة, أسد, بيان) fall out here.
    if analyses[0].get("pos") == "noun_prop" and props * 5 >= len(analyses) * 3:
        return "noun_prop"
    return ""


def find_candidates(
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    sections: tuple[str, ...] | None = COUNTED_SECTIONS,
    min_count: int = 2,
    dictionary=None,
) -> pd.DataFrame:
    """Rank unknown proper-noun candidates by frequency, with an example sentence.

    Returns columns candidate (as first seen), key (folded), count, documents, evidence
    (``noun_prop``, ``unknown`` and/or ``title``), example_doc_id, example_sentence.
    """
    if mentions is None:
        mentions = tag_mentions(sentences, documents, dictionary=dictionary)
    sents = sentences if sections is None else sentences[sentences["section"].isin(sections)]
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d, s, e in zip(mentions["doc_id"], mentions["start"], mentions["end"], strict=True):
        covered[d].append((s, e))
    titles = _titles()
    freq = _word_counts(sents, texts)
    stats: dict[str, dict] = {}
    for doc_id, start, end in zip(sents["doc_id"], sents["start"], sents["end"], strict=True):
        text = texts.get(doc_id)
        if not isinstance(text, str):
            continue
        sentence = text[start:end]
        key, offs = match_key(sentence)
        spans = covered.get(doc_id, [])
        run: list[tuple[str, str, str]] = []  # (surface, key, evidence)
        prev = ""
        words = list(_WORD_RE.finditer(key))
        for n, m in enumerate(words):
            w = m.group()
            o_start = start + int(offs[m.start()])
            o_end = start + int(offs[m.end() - 1]) + 1
            inside = any(s <= o_start < e for s, e in spans)
            # the analyser only sees words frequent enough to be reported (speed)
            rare = freq[w] < min_count
            evidence = "" if inside or rare or w in _STOP else _proper_reading(w)
            if evidence and prev in titles:
                evidence += "+title"
            adjacent = n > 0 and key[words[n - 1].end() : m.start()].strip() == ""
            if evidence and (not run or adjacent):
                run.append((text[o_start:o_end], w, evidence))
            else:
                _flush(run, stats, doc_id, sentence)
                run = [(text[o_start:o_end], w, evidence)] if evidence else []
            prev = w
        _flush(run, stats, doc_id, sentence)
    return _candidate_table(stats, min_count)


def _word_counts(sents: pd.DataFrame, texts: dict[str, str]) -> dict[str, int]:
    """How often each folded word occurs in the sentences."""
    freq: dict[str, int] = defaultdict(int)
    for doc_id, start, end in zip(sents["doc_id"], sents["start"], sents["end"], strict=True):
        text = texts.get(doc_id)
        if isinstance(text, str):
            for w in _WORD_RE.findall(fold(text[start:end])):
                freq[w] += 1
    return freq


def _candidate_table(stats: dict[str, dict], min_count: int) -> pd.DataFrame:
    """The candidates seen at least ``min_count`` times, most frequent first."""
    rows = [
        {
            "candidate": v["surface"],
            "key": k,
            "count": v["count"],
            "documents": len(v["docs"]),
            "evidence": "+".join(sorted(v["evidence"])),
            "example_doc_id": v["doc"],
            "example_sentence": v["sentence"],
        }
        for k, v in stats.items()
        if v["count"] >= min_count
    ]
    cols = [
        "candidate",
        "key",
        "count",
        "documents",
        "evidence",
        "example_doc_id",
        "example_sentence",
    ]
    out = pd.DataFrame(rows, columns=cols)
    out = out.sort_values(["count", "key"], ascending=[False, True], ignore_index=True)
    return out.astype({c: "string" for c in cols if c not in ("count", "documents")})


def _flush(run, stats, doc_id, sentence) -> None:
    if not run:
        return
    run = run[:3]  # names longer than three words are mostly runs of unrelated words
    key = " ".join(w for _, w, _ in run)
    entry = stats.setdefault(
        key,
        {
            "surface": " ".join(s for s, _, _ in run),
            "count": 0,
            "docs": set(),
            "evidence": set(),
            "doc": doc_id,
            "sentence": sentence,
        },
    )
    entry["count"] += 1
    entry["docs"].add(doc_id)
    for _, _, ev in run:
        entry["evidence"].update(ev.split("+"))
