"""The actor dictionary's matcher and the context rules a match must pass.

``matcher`` compiles the dictionary (``analysis.tag.actors``) into a lookup from every
surface first token (with every proclitic combination: و ف + ب ل ك, and لل for ل + the
article) to the aliases starting with it, so a token costs one dict probe. ``FoldedDoc``
is a document folded once (``analysis.text.normalize.match_key``) with its word tokens and
sentence spans in key positions. ``tail_matches`` checks an alias's further tokens,
``rules_pass`` its context rules (``not_before``, ``requires_quoted`` …) and
``place_reason`` the policy for toponyms and nisbas used as places (see
``analysis/data/README.md``). ``analysis.tag.mentions`` runs them over documents.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from analysis.tag.actors import Alias, Dictionary, load_dictionary
from analysis.text.normalize import fold, match_key

_TOKEN_RE = re.compile(r"[^\W\d_]+")
_QUOTES = set("\"'«»“”‘’„")
# Between the tokens of one alias: spaces and quotes only (no newline, no punctuation).
_GAP_RE = re.compile(r"[ \t\u00a0\"'«»“”‘’„]+")
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات", "يان")


@functools.cache
def _matcher_for(dictionary: Dictionary) -> Matcher:
    by_first: dict[str, list[Alias]] = defaultdict(list)
    for a in dictionary.aliases:
        by_first[a.tokens[0]].append(a)
    for lst in by_first.values():
        lst.sort(key=lambda a: -len(a.tokens))
    first: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f in by_first:
        first[f].append((f, ""))
    for f in by_first:
        for form, clitic in proclitic_forms(f)[1:]:
            first[form].append((f, clitic))
    heads = dictionary.raw.get("nisba_place_heads", []) or []
    skip = dictionary.raw.get("nisba_skip_heads", []) or []
    media = dictionary.raw.get("nisba_media_heads", []) or []
    return Matcher(
        dictionary=dictionary,
        first=dict(first),
        by_first=dict(by_first),
        by_second={f: _by_second(aliases) for f, aliases in by_first.items()},
        place_before=frozenset(dictionary.setting("place_before")),
        place_from_heads=tuple(dictionary.setting("place_from_heads")),
        # multi-word heads ("المجال الجوي") are matched word for word, never on their last
        # word alone: "الدفاع الجوي السورية" is the Syrian air defence, not Syrian airspace
        nisba_place_heads=_heads_by_last_word(heads),
        nisba_skip_heads=_heads_by_last_word(skip),
        nisba_media_heads=_heads_by_last_word(media),
        anaphors=frozenset(dictionary.setting("anaphors")),
        anaphor_window=int(dictionary.raw.get("anaphor_window", 3)),
    )


def proclitic_forms(word: str) -> list[tuple[str, str]]:
    """``word`` as written with each proclitic in front (و ف, then ب ل ك), with the
    clitic: ``[(form, clitic)]``, the bare word first. ل before the article is written
    لل (للأسد = ل + الأسد: clitic "ل+ال")."""
    out = []
    for conj in _CONJ:
        for prep in _PREP:
            out.append((conj + prep + word, conj + prep))
            if prep == "ل" and word.startswith("ال"):
                out.append((conj + "ل" + word[1:], conj + prep + "+ال"))
    return out


def _by_second(aliases: list[Alias]) -> tuple[dict[str, tuple[Alias, ...]], tuple[Alias, ...]]:
    """``(second token → the aliases a token followed by it can start, one-word aliases
    too, in the list's order; the one-word aliases)`` of aliases sharing a first token."""
    single = tuple(a for a in aliases if len(a.tokens) == 1)
    seconds = {a.tokens[1] for a in aliases if len(a.tokens) > 1}
    by_next = {
        nxt: tuple(a for a in aliases if len(a.tokens) == 1 or a.tokens[1] == nxt)
        for nxt in seconds
    }
    return by_next, single


def _heads_by_last_word(heads: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for head in map(fold, heads):
        words = tuple(head.split())
        out[words[-1]].append(words)
    return {last: tuple(v) for last, v in out.items()}


def matcher(dictionary: Dictionary | None) -> Matcher:
    """The compiled matcher of ``dictionary`` (the packaged one by default), cached."""
    return _matcher_for(dictionary or load_dictionary())


def strip_conj(tok: str) -> str:
    """The token without a leading و/ف (when more than two letters remain)."""
    return tok[1:] if len(tok) > 2 and tok[0] in "وف" else tok


def base_forms(tok: str) -> set[str]:
    """The word with its possible proclitics removed (و ف, then ب ل ك, لل → ال)."""
    forms = {tok}
    t = strip_conj(tok)
    forms.add(t)
    if len(t) > 3 and t[0] in "بلك":
        forms.add(t[1:])
        if t.startswith("لل"):
            forms.add("ا" + t[1:])
    return forms


def _is_nisba_adj(tok: str) -> bool:
    return tok.startswith("ال") and len(tok) > 4 and tok.endswith(_NISBA_ENDINGS)


def neighbour(doc: FoldedDoc, i: int, k: int, step: int) -> str:
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


def rules_pass(alias: Alias, doc: FoldedDoc, i: int, j: int, k: int) -> bool:
    """Do the alias's context rules pass for tokens [i, j) of sentence ``k``?"""
    r = alias.rules
    if not r:
        return True
    prev = neighbour(doc, i, k, -1)
    nxt = neighbour(doc, j - 1, k, +1)
    prev_forms = {prev, strip_conj(prev)} - {""}
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


def _is_dateline(doc: FoldedDoc, i: int, j: int, raw_prev: str) -> bool:
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


def place_reason(
    m: Matcher, doc: FoldedDoc, alias: Alias, clitic: str, i: int, k: int, j: int
) -> str:
    """'' when the match names the actor; 'place:…' / 'media:…' / 'skip:…' otherwise."""
    raw_prev = neighbour(doc, i, k, -1)
    prev = strip_conj(raw_prev)
    if alias.source == "toponym":
        if prev in m.place_before:
            return f"place:after {prev}"
        if _is_dateline(doc, i, j, raw_prev):
            return "place:dateline"
        if prev == "من":
            # "انسحاب القوات الإيرانية من سوريا": a movement word up to six words back
            t = i - 1
            for _ in range(6):
                head = strip_conj(neighbour(doc, t, k, -1))
                if not head:
                    break
                if any(f.startswith(m.place_from_heads) for f in base_forms(head)):
                    return f"place:{head} … من"
                t -= 1
    elif alias.source == "nisba":
        if _head_before(m.nisba_place_heads, doc, i, k):
            return f"place:after {raw_prev}"
        if _head_before(m.nisba_skip_heads, doc, i, k):
            return f"skip:after {raw_prev}"
        if _head_before(m.nisba_media_heads, doc, i, k):
            return f"media:after {raw_prev}"
    return ""


def _head_before(
    heads: dict[str, tuple[tuple[str, ...], ...]], doc: FoldedDoc, i: int, k: int
) -> bool:
    """True when the words just before token ``i`` are one of ``heads`` (clitics allowed on
    the head's first word)."""
    prev = neighbour(doc, i, k, -1)
    if not prev:
        return False
    for form in base_forms(prev):
        for head in heads.get(form, ()):
            if len(head) == 1:
                return True
            if prev != head[-1]:
                continue  # clitics only on a head's first word
            words, t = [prev], i - 1
            for _ in head[:-1]:
                word = neighbour(doc, t, k, -1)
                if not word:
                    break
                words.append(word)
                t -= 1
            words.reverse()
            if (
                len(words) == len(head)
                and words[1:] == list(head[1:])
                and head[0] in base_forms(words[0])
            ):
                return True
    return False


def tail_matches(doc: FoldedDoc, alias: Alias, i: int, j: int, k: int) -> bool:
    """Do the alias's further tokens follow token ``i``, joined, in sentence ``k``?"""
    for t in range(1, len(alias.tokens)):
        if doc.tok[i + t] != alias.tokens[t] or not doc.joined(i + t - 1, i + t):
            return False
    return len(alias.tokens) == 1 or doc.sentence_of(j - 1) == k


@dataclass
class Matcher:
    """The compiled dictionary: first-token lookup, aliases and the place/skip heads."""

    dictionary: Dictionary
    # surface first token -> [(alias first token, proclitic)], exact form first
    first: dict[str, list[tuple[str, str]]]
    # alias first token -> aliases starting with it, longest first
    by_first: dict[str, list[Alias]]
    # alias first token -> (next token -> the aliases of by_first that can match before
    # it, the one-word ones) (_by_second): most aliases of a common first word ("حزب",
    # "الجيش") are ruled out by the next token with one dict probe, not a tail test each
    by_second: dict[str, tuple[dict[str, tuple[Alias, ...]], tuple[Alias, ...]]]
    place_before: frozenset[str]
    place_from_heads: tuple[str, ...]
    nisba_place_heads: dict[str, tuple[tuple[str, ...], ...]]
    nisba_skip_heads: dict[str, tuple[tuple[str, ...], ...]]
    nisba_media_heads: dict[str, tuple[tuple[str, ...], ...]]
    anaphors: frozenset[str] = frozenset()
    anaphor_window: int = 3


class FoldedDoc:
    """A folded document with its tokens and sentence spans (in key coordinates)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text
        self.key, self.offsets = match_key(text)
        # findall builds the token strings in C; each token's start is then where it
        # next occurs: the characters between tokens are no letters, and a token begins
        # with one (a third faster than a match object per token)
        self.tok = _TOKEN_RE.findall(self.key)
        starts, at, find = [], 0, self.key.find
        for tok in self.tok:
            at = find(tok, at)
            starts.append(at)
            at += len(tok)
        self.tstart = starts
        self.tend = [a + len(t) for a, t in zip(starts, self.tok, strict=True)]
        # sentence spans converted to key positions, all in one searchsorted each
        offs = self.offsets
        self.sstart = np.searchsorted(offs, [s for s, _ in spans], "left").tolist()
        self.send = np.searchsorted(offs, [e for _, e in spans], "left").tolist()
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
        """Is the token span [i, j) enclosed in quote characters, right against it or one
        space away (scraped pages write 'وفق " روسيا اليوم "')?"""
        a, b = self.tstart[i] - 1, self.tend[j - 1]
        if a >= 1 and self.key[a] == " " and self.key[a - 1] in _QUOTES:
            a -= 1
        if b + 1 < len(self.key) and self.key[b] == " " and self.key[b + 1] in _QUOTES:
            b += 1
        return a >= 0 and b < len(self.key) and self.key[a] in _QUOTES and self.key[b] in _QUOTES
