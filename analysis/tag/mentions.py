"""Actor mentions: dictionary matching over folded text, with offsets into the original.

How it works (all in ``_tag_document``):

1. ``match_key`` folds the whole document once and keeps the offset map.
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
counted by ``count_mentions``/``rollup``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.tag.actors import ACTOR_KINDS, Alias, Dictionary, affiliation_of, load_dictionary
from analysis.text.normalize import fold, match_key

__all__ = [
    "MENTION_COLUMNS",
    "count_mentions",
    "rollup",
    "tag_mentions",
    "tag_text",
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
DEFAULT_SECTIONS = ("headline", "body")

_TOKEN_RE = re.compile(r"[^\W\d_]+")
_QUOTES = set("\"'«»“”‘’„")
# Between the tokens of one alias: spaces and quotes only (no newline, no punctuation).
_GAP_RE = re.compile(r"[ \t\u00a0\"'«»“”‘’„]+")
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات", "يان")


@dataclass
class _Matcher:
    dictionary: Dictionary
    # surface first token -> [(alias first token, proclitic)], exact form first
    first: dict[str, list[tuple[str, str]]]
    # alias first token -> aliases starting with it, longest first
    by_first: dict[str, list[Alias]]
    place_before: frozenset[str]
    place_from_heads: tuple[str, ...]
    nisba_place_heads: dict[str, tuple[tuple[str, ...], ...]]
    nisba_skip_heads: dict[str, tuple[tuple[str, ...], ...]]
    anaphors: frozenset[str] = frozenset()
    anaphor_window: int = 3


@functools.cache
def _matcher_for(dictionary: Dictionary) -> _Matcher:
    by_first: dict[str, list[Alias]] = defaultdict(list)
    for a in dictionary.aliases:
        by_first[a.tokens[0]].append(a)
    for lst in by_first.values():
        lst.sort(key=lambda a: -len(a.tokens))
    first: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f in by_first:
        first[f].append((f, ""))
    for f in by_first:
        for conj in _CONJ:
            for prep in _PREP:
                clitic = conj + prep
                if not clitic:
                    continue
                first[clitic + f].append((f, clitic))
                if prep == "ل" and f.startswith("ال"):
                    # ل + article is written لل: للأسد = ل + الأسد
                    first[conj + "ل" + f[1:]].append((f, clitic + "+ال"))
    heads = dictionary.raw.get("nisba_place_heads", []) or []
    skip = dictionary.raw.get("nisba_skip_heads", []) or []
    return _Matcher(
        dictionary=dictionary,
        first=dict(first),
        by_first=dict(by_first),
        place_before=frozenset(dictionary.setting("place_before")),
        place_from_heads=tuple(dictionary.setting("place_from_heads")),
        # multi-word heads ("المجال الجوي") are matched word for word, never on their last
        # word alone: "الدفاع الجوي السورية" is the Syrian air defence, not Syrian airspace
        nisba_place_heads=_heads_by_last_word(heads),
        nisba_skip_heads=_heads_by_last_word(skip),
        anaphors=frozenset(dictionary.setting("anaphors")),
        anaphor_window=int(dictionary.raw.get("anaphor_window", 3)),
    )


def _heads_by_last_word(heads: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for head in map(_fold1, heads):
        words = tuple(head.split())
        out[words[-1]].append(words)
    return {last: tuple(v) for last, v in out.items()}


def _fold1(s: str) -> str:
    return fold(s)


def _matcher(dictionary: Dictionary | None) -> _Matcher:
    return _matcher_for(dictionary or load_dictionary())


def _strip_conj(tok: str) -> str:
    return tok[1:] if len(tok) > 2 and tok[0] in "وف" else tok


def _base_forms(tok: str) -> set[str]:
    """The word with its possible proclitics removed (و ف, then ب ل ك, لل → ال)."""
    forms = {tok}
    t = _strip_conj(tok)
    forms.add(t)
    if len(t) > 3 and t[0] in "بلك":
        forms.add(t[1:])
        if t.startswith("لل"):
            forms.add("ا" + t[1:])
    return forms


def _is_nisba_adj(tok: str) -> bool:
    return tok.startswith("ال") and len(tok) > 4 and tok.endswith(_NISBA_ENDINGS)


class _Doc:
    """A folded document with its tokens and sentence spans (in key coordinates)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text
        self.key, self.offsets = match_key(text)
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(self.key)]
        self.tstart = [t[0] for t in toks]
        self.tend = [t[1] for t in toks]
        self.tok = [t[2] for t in toks]
        # sentence spans converted to key positions
        offs = self.offsets
        self.sstart = [int(np.searchsorted(offs, s, "left")) for s, _ in spans]
        self.send = [int(np.searchsorted(offs, e, "left")) for _, e in spans]
        self._sent_tokens: dict[int, set[str]] = {}

    def sentence_of(self, i: int) -> int:
        """Index of the sentence holding token i, or -1 when it lies outside all."""
        k = bisect.bisect_right(self.sstart, self.tstart[i]) - 1
        if k < 0 or self.tend[i] > self.send[k]:
            return -1
        return k

    def sentence_tokens(self, k: int) -> set[str]:
        if k not in self._sent_tokens:
            lo = bisect.bisect_left(self.tstart, self.sstart[k])
            hi = bisect.bisect_left(self.tstart, self.send[k])
            self._sent_tokens[k] = set(self.tok[lo:hi])
        return self._sent_tokens[k]

    def joined(self, i: int, j: int) -> bool:
        """Are tokens i and j (= i + 1) separated by spaces/quotes only?"""
        return _GAP_RE.fullmatch(self.key, self.tend[i], self.tstart[j]) is not None

    def quoted(self, i: int, j: int) -> bool:
        """Is the token span [i, j) directly enclosed in quote characters?"""
        a, b = self.tstart[i] - 1, self.tend[j - 1]
        return a >= 0 and b < len(self.key) and self.key[a] in _QUOTES and self.key[b] in _QUOTES


def _neighbour(doc: _Doc, i: int, k: int, step: int) -> str:
    j = i + step
    if 0 <= j < len(doc.tok) and doc.sentence_of(j) == k:
        between = (
            doc.key[doc.tend[j] : doc.tstart[i]]
            if step < 0
            else doc.key[doc.tend[i] : doc.tstart[j]]
        )
        if "\n" not in between:
            return doc.tok[j]
    return ""


def _rules_pass(alias: Alias, doc: _Doc, i: int, j: int, k: int) -> bool:
    r = alias.rules
    if not r:
        return True
    prev = _neighbour(doc, i, k, -1)
    nxt = _neighbour(doc, j - 1, k, +1)
    prev_forms = {prev, _strip_conj(prev)} - {""}
    quoted = doc.quoted(i, j)
    if r.get("requires_quoted") and not quoted:
        return False
    if "requires_before" in r and not prev_forms & _folded(r["requires_before"]):
        return False
    if "not_before" in r and prev_forms & _folded(r["not_before"]):
        return False
    if (r.get("accept_quoted") and quoted) or prev_forms & _folded(r.get("accept_before", ())):
        return True
    if "not_after" in r and nxt in _folded(r["not_after"]):
        return False
    if r.get("not_after_nisba") and _is_nisba_adj(nxt):
        return False
    if "not_in_sentence" in r:
        others = doc.sentence_tokens(k) - set(doc.tok[i:j])
        if others & _folded(r["not_in_sentence"]):
            return False
    return True


@functools.cache
def _folded_cached(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def _folded(words) -> frozenset[str]:
    return _folded_cached(tuple(words))


# After a city in a dateline: a dash, then the source ("لندن - « الحياة »", "بيروت - أ ف ب").
_DATELINE_SOURCE = re.compile(r"\s*[-–—]\s*(?:[\"«“(]|ا ?ف ?ب\b|رويترز|سانا|الاناضول|وكالات)")
_DATELINE_DASH = re.compile(r"(?:\s*[,،]\s*\w+){0,4}\s*[-–—]\s")  # "جنيف , بيروت -"


_DATELINE_LEAD = re.compile(r"(?:\s*\w+\s*[,،])*\s*")


def _is_dateline(doc: _Doc, i: int, j: int, raw_prev: str) -> bool:
    """A city opening a dateline: "دمشق - …" at the start of a sentence or in a list of
    cities, or any city followed by a dash and the source it is reported through."""
    after = doc.key[doc.tend[j - 1] : doc.tend[j - 1] + 60]
    if _DATELINE_SOURCE.match(after):
        return True
    if not _DATELINE_DASH.match(after):
        return False
    # only places before it in its sentence: "جنيف , بيروت , باريس - …"
    k = doc.sentence_of(i)
    lead = doc.key[doc.sstart[k] : doc.tstart[i]] if k >= 0 else ""
    return not raw_prev or _DATELINE_LEAD.fullmatch(lead) is not None


def _place_reason(m: _Matcher, doc: _Doc, alias: Alias, clitic: str, i: int, k: int, j: int) -> str:
    """'' when the match names the actor; 'place:…' / 'skip:…' otherwise."""
    raw_prev = _neighbour(doc, i, k, -1)
    prev = _strip_conj(raw_prev)
    if alias.source == "toponym":
        if prev in m.place_before:
            return f"place:after {prev}"
        if _is_dateline(doc, i, j, raw_prev):
            return "place:dateline"
        if prev == "من":
            # "انسحاب القوات الإيرانية من سوريا": a movement word up to six words back
            t = i - 1
            for _ in range(6):
                head = _strip_conj(_neighbour(doc, t, k, -1))
                if not head:
                    break
                if any(f.startswith(m.place_from_heads) for f in _base_forms(head)):
                    return f"place:{head} … من"
                t -= 1
    elif alias.source == "nisba":
        if _head_before(m.nisba_place_heads, doc, i, k):
            return f"place:after {raw_prev}"
        if _head_before(m.nisba_skip_heads, doc, i, k):
            return f"skip:after {raw_prev}"
    return ""


def _head_before(heads: dict[str, tuple[tuple[str, ...], ...]], doc: _Doc, i: int, k: int) -> bool:
    """True when the words just before token ``i`` are one of ``heads`` (clitics allowed on
    the head's first word)."""
    prev = _neighbour(doc, i, k, -1)
    if not prev:
        return False
    for form in _base_forms(prev):
        for head in heads.get(form, ()):
            if len(head) == 1:
                return True
            if prev != head[-1]:
                continue  # clitics only on a head's first word
            words, t = [prev], i - 1
            for _ in head[:-1]:
                word = _neighbour(doc, t, k, -1)
                if not word:
                    break
                words.append(word)
                t -= 1
            words.reverse()
            if (
                len(words) == len(head)
                and words[1:] == list(head[1:])
                and head[0] in _base_forms(words[0])
            ):
                return True
    return False


def _tag_document(m: _Matcher, text: str, spans: list[tuple[int, int]]) -> list[tuple]:
    """Raw matches: (sent index, start, end, actor_id, kind, reason)."""
    doc = _Doc(text, spans)
    actors = m.dictionary.actors
    found: list[tuple] = []
    conditional: list[tuple[int, Alias]] = []
    chain: dict[int, str] = {}  # token index -> place/skip decision of a nisba ending there
    n = len(doc.tok)
    i = 0
    while i < n:
        cands = m.first.get(doc.tok[i])
        if not cands:
            i += 1
            continue
        k = doc.sentence_of(i)
        best = None
        for f, clitic in cands:
            for alias in m.by_first[f]:
                j = i + len(alias.tokens)
                if best is not None and j - i <= best[1] - i:
                    break
                if j > n or not _tail_matches(doc, alias, i, j, k):
                    continue
                if not _rules_pass(alias, doc, i, j, k):
                    continue
                best = (alias, j, clitic)
                break
        if best is None or k < 0:
            i += 1
            continue
        alias, j, clitic = best
        decision = _place_reason(m, doc, alias, clitic, i, k, j)
        if not decision and alias.source == "nisba" and (i - 1) in chain:
            decision = chain[i - 1]  # "الحدود السورية العراقية": the chain shares the head
        if alias.source == "nisba" and decision:
            chain[j - 1] = decision
        if not decision.startswith("skip"):
            kind = "place" if decision else actors[alias.actor_id]["kind"]
            reason = f"{alias.source}:{alias.text}" + (f"; {decision}" if decision else "")
            start = int(doc.offsets[doc.tstart[i]])
            end = int(doc.offsets[doc.tend[j - 1] - 1]) + 1
            while end < len(text) and not fold(text[end]):
                end += 1  # take trailing diacritics/tatweel along: إيرانَ
            if "requires_doc" in alias.rules:
                conditional.append((len(found), alias))
            found.append((k, start, end, alias.actor_id, kind, reason))
        i = j
    if conditional:
        drop = set()
        cond_idx = {idx for idx, _ in conditional}
        anchors = {row[3] for idx, row in enumerate(found) if idx not in cond_idx}
        for idx, alias in conditional:
            if not anchors & set(alias.rules["requires_doc"]):
                drop.add(idx)
        found = [row for idx, row in enumerate(found) if idx not in drop]
    if m.anaphors:
        found = sorted(found + _anaphors(m, doc, text, found), key=lambda row: row[1])
    return found


def _anaphors(m: _Matcher, doc: _Doc, text: str, found: list[tuple]) -> list[tuple]:
    """Mentions of the group the article has just named, by a definite noun that stands
    for it ("التنظيم"), with or without a conjunction or preposition before it."""
    named = _anaphor_targets(m.dictionary, m.anaphors)
    groups = [row for row in found if any(row[3] in ids for ids in named.values())]
    taken = {(row[1], row[2]) for row in found}
    out = []
    for t, tok in enumerate(doc.tok):
        bare = _strip_conj(tok)
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


def _tail_matches(doc: _Doc, alias: Alias, i: int, j: int, k: int) -> bool:
    for t in range(1, len(alias.tokens)):
        if doc.tok[i + t] != alias.tokens[t] or not doc.joined(i + t - 1, i + t):
            return False
    return len(alias.tokens) == 1 or doc.sentence_of(j - 1) == k


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

    ``sentences`` needs doc_id, sent_id, start, end, section; ``documents`` doc_id, text.
    Mentions are produced for all sections; filter with ``count_mentions``/``rollup``.
    """
    m = _matcher(dictionary)
    actors = m.dictionary.actors
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    rows: list[dict] = []
    sents = sentences.sort_values(["doc_id", "start"])
    for doc_id, group in sents.groupby("doc_id", sort=False):
        text = texts.get(doc_id)
        if not isinstance(text, str):
            continue
        spans = list(zip(group["start"].tolist(), group["end"].tolist(), strict=True))
        sent_ids = group["sent_id"].tolist()
        sections = group["section"].tolist()
        for k, start, end, aid, kind, reason in _tag_document(m, text, spans):
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


_SENT_END_RE = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def tag_text(
    text: str, *, doc_id: str = "text", section: str = "body", dictionary=None
) -> pd.DataFrame:
    """Tag one string (split into sentences at . ! ? ؟ and line breaks)."""
    spans = [(mt.start(), mt.end()) for mt in _SENT_END_RE.finditer(text)]
    sentences = pd.DataFrame(
        {
            "doc_id": doc_id,
            "sent_id": range(len(spans)),
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "section": section,
        }
    )
    documents = pd.DataFrame({"doc_id": [doc_id], "text": [text]})
    if not spans:
        return _empty()
    return tag_mentions(sentences, documents, dictionary=dictionary)


def _actor_rows(mentions: pd.DataFrame, sections, kinds) -> pd.DataFrame:
    out = mentions
    if sections is not None:
        out = out[out["section"].isin(list(sections))]
    if kinds is not None:
        out = out[out["kind"].isin(list(kinds))]
    return out


def count_mentions(
    mentions: pd.DataFrame,
    *,
    sections: tuple[str, ...] | None = DEFAULT_SECTIONS,
    kinds: tuple[str, ...] | None = ACTOR_KINDS,
) -> pd.DataFrame:
    """Mentions and documents per actor (headline + body, actor kinds, by default)."""
    rows = _actor_rows(mentions, sections, kinds)
    out = (
        rows.groupby("actor_id", observed=True)
        .agg(mentions=("doc_id", "size"), documents=("doc_id", "nunique"))
        .sort_values("mentions", ascending=False)
        .reset_index()
    )
    return out


def rollup(
    mentions: pd.DataFrame,
    level: str = "affiliation",
    *,
    sections: tuple[str, ...] | None = DEFAULT_SECTIONS,
    kinds: tuple[str, ...] | None = ACTOR_KINDS,
    dictionary: Dictionary | None = None,
) -> pd.DataFrame:
    """Counts per affiliation (putin → RUS) or per top state (``level="state"``:
    soleimani → quds_force → irgc → IRN); no rows are added to ``mentions``."""
    d = dictionary or load_dictionary()
    rows = _actor_rows(mentions, sections, kinds)
    if level == "actor":
        return count_mentions(mentions, sections=sections, kinds=kinds)
    keys = {a: affiliation_of(a, level=level, dictionary=d) for a in rows["actor_id"].unique()}
    grouped = rows.assign(**{level: rows["actor_id"].map(keys).astype("string")})
    return (
        grouped.groupby(level, observed=True)
        .agg(mentions=("doc_id", "size"), documents=("doc_id", "nunique"))
        .sort_values("mentions", ascending=False)
        .reset_index()
    )
