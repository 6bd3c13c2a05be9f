"""Actor mentions: dictionary matching over folded text, with offsets into the original.

How it works (``_tag_document``, with the matcher and rules of ``analysis.tag.matcher``):

1. ``match_key`` folds the whole document once and keeps the offset map (``FoldedDoc``).
2. Word tokens of the key are looked up in a dict of every first alias token with every
   proclitic combination (و ف + ب ل ك, and لل for ل + the article), so a token costs one
   dict probe and no morphology runs in the hot path.
3. At a hit, the longest alias whose further tokens follow (separated by spaces or quotes
   only, within the sentence) and whose context rules pass wins; its tokens are consumed.
4. Rules that need the whole document (``requires_doc``) are applied last.

Policy decisions (see ``analysis/data/README.md``): a state's toponym used as a location
("في سوريا", "بسوريا", "الانسحاب من سوريا") and a nisba after a place head ("الأراضي
السورية") get kind ``place``; a nisba after a people/topic head ("الشعب السوري", "الأزمة
السورية") is not a mention. ``place`` and ``media`` rows stay in the table but are not
counted by ``analysis.views.mention_tables`` (``mentions_by_actor``, ``rollup``).
"""

from __future__ import annotations

import functools
import itertools
import re

import pandas as pd

from analysis.tag.actors import Alias, Dictionary
from analysis.tag.matcher import (
    FoldedDoc,
    Matcher,
    base_forms,
    matcher,
    place_reason,
    rules_pass,
    strip_conj,
    tail_matches,
)
from analysis.tag.offices import offices, resolve
from analysis.text.normalize import fold

__all__ = [
    "MENTION_COLUMNS",
    "tag_mentions",
    "tag_text",
    "text_sentences",
]

MENTION_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "surface",
    "actor_id",
    "kind",
    "label_en",
    "section",
    "reason",
]


def _tag_document(
    m: Matcher, text: str, spans: list[tuple[int, int]], date: pd.Timestamp | None = None
) -> list[tuple]:
    """Raw matches: (sent index, start, end, actor_id, kind, reason); ``date`` is the
    page's, for office titles without a name (``analysis.tag.offices``)."""
    doc = FoldedDoc(text, spans)
    actors = m.dictionary.actors
    found: list[tuple] = []
    conditional: list[tuple[int, Alias]] = []
    chain: dict[int, str] = {}  # token index -> place/skip decision of a nisba ending there
    tokens = doc.tok
    n = len(tokens)
    first = m.first
    i = 0  # the first token not consumed by a match
    # only tokens that can start an alias (one set test each in C, not a Python loop step)
    for h in [t for t, tok in enumerate(tokens) if tok in first]:
        if h < i:
            continue
        i = h
        cands = first[tokens[i]]
        k = doc.sentence_of(i)
        best = None
        nxt = tokens[i + 1] if i + 1 < n else None
        for f, clitic in cands:
            by_next, single = m.by_second[f]
            # the aliases whose second token is the next one (a tail test would fail the
            # others), in by_first's order: longest first
            for alias in by_next.get(nxt, single):
                j = i + len(alias.tokens)
                if best is not None and j - i <= best[1] - i:
                    break
                if j > n or not tail_matches(doc, alias, i, j, k):
                    continue
                if not rules_pass(alias, doc, i, j, k):
                    continue
                best = (alias, j, clitic)
                break
        if best is None or k < 0:
            i = h + 1
            continue
        alias, j, clitic = best
        decision = place_reason(m, doc, alias, clitic, i, k, j)
        if not decision and alias.source == "nisba" and (i - 1) in chain:
            decision = chain[i - 1]  # "الحدود السورية العراقية": the chain shares the head
        if alias.source == "nisba" and decision:
            chain[j - 1] = decision
        if not decision.startswith("skip"):
            kind = decision.split(":", 1)[0] if decision else actors[alias.actor_id]["kind"]
            reason = f"{alias.source}:{alias.text}" + (f"; {decision}" if decision else "")
            start = int(doc.offsets[doc.tstart[i]])
            end = int(doc.offsets[doc.tend[j - 1] - 1]) + 1
            while end < len(text) and not fold(text[end]):
                end += 1  # take trailing diacritics/tatweel along: إيرانَ
            if "requires_doc" in alias.rules:
                conditional.append((len(found), alias))
            found.append((k, start, end, alias.actor_id, kind, reason))
        i = j
    drop: set[int] = set()
    if conditional:
        cond_idx = {idx for idx, _ in conditional}
        anchors = {row[3] for idx, row in enumerate(found) if idx not in cond_idx}
        for idx, alias in conditional:
            if not anchors & set(alias.rules["requires_doc"]):
                drop.add(idx)
    for aid in {row[3] for row in found}:
        if _yields(doc, actors[aid].get("yields_to")):
            # "حافظ الأسد … الرئيس الأسد … الأسد": a page on the father that never names
            # the son: its الأسد is the father
            drop |= {idx for idx, row in enumerate(found) if row[3] == aid}
    if drop:
        found = [row for idx, row in enumerate(found) if idx not in drop]
    if m.anaphors:
        found = sorted(found + _anaphors(m, doc, text, found), key=lambda row: row[1])
    return resolve(offices(m.dictionary), doc, found, date)


def _yields(doc: FoldedDoc, rule: dict[str, list[str]] | None) -> bool:
    """Does the page name one of the rule's ``names`` and hold none of its ``unless``?"""
    if not rule:
        return False
    named = any(_names(doc, p) for p in rule.get("names", []))
    return named and not any(_names(doc, p) for p in rule.get("unless", []))


def _names(doc: FoldedDoc, phrase: str) -> bool:
    """Does the document hold ``phrase`` as whole tokens, its first with or without
    proclitics ("لبشار الأسد")?"""
    first, *rest = fold(phrase).split()
    n = len(rest)
    return any(
        doc.tok[t + 1 : t + 1 + n] == rest and first in base_forms(tok)
        for t, tok in enumerate(doc.tok)
        if tok.endswith(first)
    )


def _anaphors(m: Matcher, doc: FoldedDoc, text: str, found: list[tuple]) -> list[tuple]:
    """Mentions of the group the article has just named, by a definite noun that stands
    for it ("التنظيم"), with or without a conjunction or preposition before it."""
    named = _anaphor_targets(m.dictionary, m.anaphors)
    groups = [row for row in found if any(row[3] in ids for ids in named.values())]
    taken = {(row[1], row[2]) for row in found}
    tails = _anaphor_tails(m.anaphors)
    out = []
    for t, tok in enumerate(doc.tok):
        if not tok.endswith(tails):
            continue  # most tokens: no form below can be an anaphor (one C call, not three)
        bare = strip_conj(tok)
        # التنظيم, بالتنظيم, and ل + article written لل: للتنظيم
        forms = (
            bare,
            bare[1:] if bare[:1] == "ب" else "",
            "ا" + bare[1:] if bare[:2] == "لل" else "",
        )
        form = next((f for f in forms if f in m.anaphors), None)
        if form is None:
            continue
        k = doc.sentence_of(t)
        start = int(doc.offsets[doc.tstart[t]])
        end = int(doc.offsets[doc.tend[t] - 1]) + 1
        if k < 0 or any(s <= start < e for s, e in taken):
            continue
        if t + 1 < len(doc.tok) and any(
            row[1] == int(doc.offsets[doc.tstart[t + 1]]) for row in found
        ):
            continue  # a name follows: "التنظيم «داعش»" is tagged as that name
        before = [
            row
            for row in groups
            if row[1] < start and k - row[0] <= m.anaphor_window and row[3] in named[form]
        ]
        if before:
            actor = before[-1][3]
            row = (k, start, end, actor, "group", f"anaphor:{form} → {actor}")
            out.append(row)
            groups.append(row)  # a chain: the next "التنظيم" may refer back to this one
    return out


@functools.cache
def _anaphor_tails(anaphors: frozenset[str]) -> tuple[str, ...]:
    """What every token read as an anaphor ends with: the anaphor without its first letter
    (each of ``_anaphors``' forms keeps the token's end; "للتنظيم" → "التنظيم" keeps all
    but the first letter)."""
    return tuple(sorted(form[1:] for form in anaphors))


@functools.cache
def _anaphor_targets(dictionary: Dictionary, anaphors: frozenset[str]) -> dict[str, frozenset]:
    """For each anaphor ("التنظيم"), the groups whose own name it heads ("تنظيم الدولة",
    "تنظيم القاعدة"): "the organisation" never stands for a militia or a party."""
    actors = dictionary.actors
    return {
        form: frozenset(
            a.actor_id
            for a in dictionary.aliases
            if a.tokens[0] in (form, form.removeprefix("ال"))
            and actors[a.actor_id]["kind"] == "group"
        )
        for form in anaphors
    }


def _empty() -> pd.DataFrame:
    return _frame([])


def _frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return df.astype(
        {
            "doc_id": "string",
            "sent_id": "int64",
            "start": "int64",
            "end": "int64",
            "surface": "string",
            "actor_id": "string",
            "kind": "string",
            "label_en": "string",
            "section": "string",
            "reason": "string",
        }
    )


def tag_mentions(
    sentences: pd.DataFrame, documents: pd.DataFrame, *, dictionary: Dictionary | None = None
) -> pd.DataFrame:
    """Tag actor mentions in every sentence; returns the ``mentions`` table.

    ``sentences`` needs doc_id, sent_id, start, end, section; ``documents`` doc_id, text
    and, when known, date (office titles without a name are read by it).
    Mentions are produced for all sections (``analysis.views.mention_tables`` counts headline and
    body).
    """
    m = matcher(dictionary)
    actors = m.dictionary.actors
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    # the loader's dates are datetime64 already; a caller's table may hold strings or
    # Python dates, and one that is no date reads as unknown, never as a wrong term
    dates = (
        dict(
            zip(
                documents["doc_id"], pd.to_datetime(documents["date"], errors="coerce"), strict=True
            )
        )
        if "date" in documents
        else {}
    )
    rows: list[dict] = []
    sents = sentences.sort_values(["doc_id", "start"])
    # the columns as lists once, each document a run of them: a groupby and four column
    # reads per document cost a seventh of the stage
    cols = {c: sents[c].tolist() for c in ("doc_id", "sent_id", "start", "end", "section")}
    for doc_id, run in itertools.groupby(range(len(sents)), key=cols["doc_id"].__getitem__):
        text = texts.get(doc_id)
        if not isinstance(text, str):
            continue
        run = list(run)
        lo, hi = run[0], run[-1] + 1
        spans = list(zip(cols["start"][lo:hi], cols["end"][lo:hi], strict=True))
        sent_ids = cols["sent_id"][lo:hi]
        sections = cols["section"][lo:hi]
        found = _tag_document(m, text, spans, dates.get(doc_id))
        for k, start, end, aid, kind, reason in found:
            rows.append(
                {
                    "doc_id": doc_id,
                    "sent_id": sent_ids[k],
                    "start": start,
                    "end": end,
                    "surface": text[start:end],
                    "actor_id": aid,
                    "kind": kind,
                    "label_en": actors[aid]["label_en"],
                    "section": sections[k],
                    "reason": reason,
                }
            )
    return _frame(rows)


#: A rough sentence split for :func:`tag_text` (a string, without the loader's segmenter).
SENT_END_RE = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def text_sentences(text: str, *, doc_id: str = "text", section: str = "body") -> pd.DataFrame:
    """The sentences table of one string (split at . ! ? ؟ and line breaks): doc_id,
    sent_id, start, end, section and text."""
    spans = [(mt.start(), mt.end()) for mt in SENT_END_RE.finditer(text)]
    return pd.DataFrame(
        {
            "doc_id": doc_id,
            "sent_id": range(len(spans)),
            "start": [a for a, _ in spans],
            "end": [b for _, b in spans],
            "section": section,
            "text": [text[a:b] for a, b in spans],
        }
    )


def tag_text(
    text: str,
    *,
    doc_id: str = "text",
    section: str = "body",
    dictionary=None,
    date: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Tag one string (split into sentences at . ! ? ؟ and line breaks); ``date`` is the
    page's publication date, for office titles without a name."""
    sentences = text_sentences(text, doc_id=doc_id, section=section)
    documents = pd.DataFrame({"doc_id": [doc_id], "text": [text], "date": [date or pd.NaT]})
    if sentences.empty:
        return _empty()
    return tag_mentions(sentences, documents, dictionary=dictionary)
