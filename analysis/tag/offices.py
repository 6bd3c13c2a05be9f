"""Office titles without a name: the person the article names who holds the office.

News names a person once with title and name ("وزير الدفاع الإيراني أمير حاتمي") and then
writes the title alone ("وقّع وزير الدفاع الإيراني"), or the title of his counterpart
("مع نظيره التركي"). The dictionary matcher reads a bare title as the state its nisba names;
:func:`resolve` turns it into the person when the evidence is clear:

- the title is one of a person's ``titles`` or dated ``roles`` (``actors.yaml``);
- that person is named in the same document (a name, or title + name);
- when the page's date is known and the person's roles are dated, the date lies in the
  term of that role (of any role for a plain title); when it is unknown, the article itself
  gives the person a title next to his name;
- exactly one person passes. Otherwise the mention stays as it was: a wrong holder is
  worse than the state.

A name set off by commas right after the title ("الرئيس الفرنسي، فرنسوا هولاند،") says who
holds it, whatever the date, if the dictionary gives him that title; the page then names
him with a title.

A title after a word for someone else's post ("نائب وزير الخارجية", "المتحدث باسم وزير
الدفاع": ``office_not_after``) or before a word for a past or future holder ("السابق":
``office_former``) is never resolved. A counterpart ("نظيره التركي", "نظيريه التركي
والإيراني": ``counterpart_words``) takes the title of the person before it in the sentence
with the nisba changed ("وزير الخارجية الروسي" → "وزير الخارجية التركي") and is resolved the
same way; so is each state after an office head (``office_heads``: "وزراء خارجية تركيا
وروسيا وإيران", "رئيس تركيا", "الرئيسين الروسي والأميركي"), unless a name follows it, its
nisba is plural or the list is of past holders. A title or head with ك ("كرئيس") or a
state with ب/ل after a head ("رئيسا للولايات المتحدة") describes someone ("as president
of"): not read.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import pandas as pd

from analysis.tag.actors import Dictionary, affiliation_walk, affiliations_of, spelling_variants
from analysis.tag.matcher import FoldedDoc, base_forms, neighbour, proclitic_forms, strip_conj
from analysis.text.normalize import fold

__all__ = ["Offices", "offices", "resolve"]

Window = tuple[pd.Timestamp, pd.Timestamp]  # a role's term; NaT = open
_GAP = re.compile(r"[\s,،«»\"“”]*")  # between a name and the title in apposition to it
_PLURAL = ("يون", "يين")  # a plural nisba: "الرؤساء الأمريكيون" are several
_LIST_GAP = re.compile(r"\s*[,،]?\s*")  # between the states of a list (و is the next's)


@dataclass(frozen=True)
class Offices:
    """The dictionary's office titles, compiled for :func:`resolve`."""

    # a title's first token as written (with a proclitic) -> the titles it can start,
    # longest first
    first: dict[str, tuple[tuple[str, ...], ...]]
    # title tokens -> {person: the terms the title is theirs in (empty: undated)}
    holders: dict[tuple[str, ...], dict[str, tuple[Window, ...]]]
    text: dict[tuple[str, ...], str]  # title tokens -> the title as the YAML writes it
    nisba: dict[str, str]  # a folded nisba adjective -> its state
    state: dict[str, str]  # person -> the state of their affiliation
    not_after: frozenset[str]
    former: frozenset[str]
    counterpart: frozenset[str]
    # an office head as written -> (its tokens, the office's title without a nisba):
    # "وزراء خارجية" -> ("وزير", "الخارجيه")
    heads: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]
    # (an office's title without a nisba, a state) -> the titles of that state's office
    by_state: dict[tuple[tuple[str, ...], str], tuple[tuple[str, ...], ...]]
    starters: frozenset[str]  # the first tokens of titles, heads and counterpart words
    # between a title and the name that completes it: quotes, a generic title (not a
    # comma: "وزير الخارجية الروسي، سيرغي لافروف، قال" keeps the title as the subject
    # after the verb)
    apposition: re.Pattern


@functools.cache
def offices(dictionary: Dictionary) -> Offices:
    """The office titles of ``dictionary``'s persons, cached per dictionary."""
    raw = dictionary.raw
    pairs = [(fold(a), fold(b)) for a, b in raw.get("spelling_variants", []) or []]
    holders: dict[tuple[str, ...], dict[str, list[Window]]] = {}
    text: dict[tuple[str, ...], str] = {}
    state: dict[str, str] = {}
    parent = affiliations_of(dictionary)
    not_after = frozenset(dictionary.setting("office_not_after"))
    for actor in raw["actors"]:
        if actor["kind"] != "person":
            continue
        aid = actor["id"]
        state[aid] = affiliation_walk(aid, parent, level="state")
        terms: dict[str, list[Window]] = {}
        for role in actor.get("roles", []) or []:
            window = (_day(role.get("start")), _day(role.get("end")))
            terms.setdefault(role.get("title_ar", ""), []).append(window)
        every = [w for ws in terms.values() for w in ws]
        for title in dict.fromkeys([*(actor.get("titles", []) or []), *terms]):
            if fold(title).split()[0] in not_after:
                continue  # a deputy's or adviser's post is held by several at once
            for tokens in spelling_variants(tuple(fold(title).split()), pairs):
                holders.setdefault(tokens, {})[aid] = terms.get(title, every)
                text.setdefault(tokens, title)
    first: dict[str, list[tuple[str, ...]]] = {}
    for tokens in holders:
        for form, clitic in proclitic_forms(tokens[0]):
            if "ك" not in clitic:  # "كرئيس للولايات المتحدة": "as president", a description
                first.setdefault(form, []).append(tokens)
    nisba = {
        a.tokens[0]: a.actor_id
        for a in dictionary.aliases
        if a.source == "nisba" and len(a.tokens) == 1 and a.tokens[0].startswith("ال")
    }
    generic = "|".join(map(re.escape, raw.get("generic_titles", []) or []))
    counterpart = frozenset(
        form
        for word in dictionary.setting("counterpart_words")
        for form, _ in proclitic_forms(word)
    )
    heads: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for entry in raw.get("office_heads", []) or []:
        office = tuple(fold(entry["office"]).split())
        for head in entry["heads"]:
            tokens = tuple(fold(head).split())
            for form, clitic in proclitic_forms(tokens[0]):
                if "ك" not in clitic:
                    heads.setdefault(form, []).append((tokens, office))
    by_state: dict[tuple[tuple[str, ...], str], list[tuple[str, ...]]] = {}
    for tokens in holders:
        if tokens[-1] in nisba:
            by_state.setdefault((tokens[:-1], nisba[tokens[-1]]), []).append(tokens)
    return Offices(
        first={f: tuple(sorted(ts, key=len, reverse=True)) for f, ts in first.items()},
        holders={t: {a: tuple(ws) for a, ws in h.items()} for t, h in holders.items()},
        text=text,
        nisba=nisba,
        state=state,
        not_after=not_after,
        former=frozenset(dictionary.setting("office_former")),
        apposition=re.compile(rf"[\s«»\"“”]*(?:(?:{generic})\s*)?"),
        counterpart=counterpart,
        heads={f: tuple(sorted(h, key=lambda x: -len(x[0]))) for f, h in heads.items()},
        by_state={key: tuple(ts) for key, ts in by_state.items()},
        starters=frozenset(first) | frozenset(heads) | counterpart,
    )


def _day(value) -> pd.Timestamp:
    return pd.Timestamp(str(value)) if value not in (None, "") else pd.NaT


def _in_term(date: pd.Timestamp, windows: tuple[Window, ...]) -> bool:
    return any(
        (pd.isna(start) or start <= date) and (pd.isna(end) or date <= end)
        for start, end in windows
    )


@dataclass(frozen=True)
class _Page:
    """What a page says of its persons: who it names, who it names with a title, and its
    date (None or NaT: unknown)."""

    named: frozenset[str]
    titled: frozenset[str]
    date: pd.Timestamp | None

    def holder(self, off: Offices, title: tuple[str, ...]) -> tuple[str, str] | None:
        """(person, why) for the one named person the title can be on the page's date."""
        date = self.date
        found = []
        for aid, windows in off.holders.get(title, {}).items():
            if aid not in self.named:
                continue
            if date is None or pd.isna(date):
                if aid in self.titled:
                    found.append((aid, "named with a title, page date unknown"))
            elif not windows:
                found.append((aid, "named, office undated"))
            elif _in_term(date, windows):
                found.append((aid, f"named, in office on {date.date()}"))
        return found[0] if len(found) == 1 else None


def _appositive(
    off: Offices, doc: FoldedDoc, found: list[tuple], t: int, title: tuple[str, ...]
) -> str:
    """The person named right after the title at token ``t``, set off by a comma, who
    holds that title ("الرئيس الفرنسي، فرنسوا هولاند،"): the name says who, whatever the
    page's date. Empty when there is none."""
    end = _end(doc, t + len(title) - 1)
    nxt = next((r for r in found if r[1] >= end), None)
    if nxt is None or nxt[4] != "person" or nxt[3] not in off.holders.get(title, {}):
        return ""
    gap = _GAP.fullmatch(doc.text, end, nxt[1])
    return nxt[3] if gap and any(c in gap.group() for c in ",،") else ""


def _follows(doc: FoldedDoc, t: int, tokens: tuple[str, ...]) -> bool:
    """Do ``tokens[1:]`` follow token ``t``, each joined to the one before (the caller
    has checked that they stand in ``t``'s sentence)?"""
    return all(
        doc.tok[t + x] == tokens[x] and doc.joined(t + x - 1, t + x) for x in range(1, len(tokens))
    )


def _title_at(off: Offices, doc: FoldedDoc, t: int, k: int) -> tuple[str, ...] | None:
    """The longest title starting at token ``t`` within sentence ``k``."""
    n = len(doc.tok)
    for title in off.first.get(doc.tok[t], ()):
        j = t + len(title)
        if j <= n and doc.sentence_of(j - 1) == k and _follows(doc, t, title):
            return title
    return None


def resolve(
    off: Offices,
    doc: FoldedDoc,
    found: list[tuple],
    date: pd.Timestamp | None,
) -> list[tuple]:
    """``found`` (mention rows: sentence, start, end, actor, kind, reason; by start) with
    bare titles and counterparts read as the persons they name, where the evidence is
    clear (see the module docstring)."""
    named = frozenset(row[3] for row in found if row[4] == "person")
    if not named:
        return found
    # one pass in C over the tokens: most pages hold no title and no "نظيره"
    hits = [t for t, tok in enumerate(doc.tok) if tok in off.starters]
    if not hits:
        return found
    titles = []
    for t in [t for t in hits if doc.tok[t] in off.first]:
        k = doc.sentence_of(t)
        title = _title_at(off, doc, t, k) if k >= 0 else None
        if title is not None and not _blocked(off, doc, t, t + len(title), k):
            titles.append((t, k, title, _appositive(off, doc, found, t, title)))
    titled = frozenset(
        row[3] for row in found if row[4] == "person" and row[5].startswith("title:")
    ) | {aid for *_, aid in titles if aid}
    page = _Page(named, titled, date)
    rows = list(found)
    for t, k, title, appositive in titles:
        start = _start(doc, t)
        end = _end(doc, t + len(title) - 1)
        inside = [r for r in rows if start <= r[1] < end]
        if any(r[4] == "person" or r[2] > end for r in inside):
            continue  # title + name: the name's mention already says who
        hit = (
            (appositive, "named in apposition after it") if appositive else page.holder(off, title)
        )
        if hit is None:
            continue
        aid, why = hit
        before = [r for r in rows if r[2] <= start]
        if (
            before
            and before[-1][4] == "person"
            and before[-1][3] != aid
            and _GAP.fullmatch(doc.text, before[-1][2], start)
        ):
            continue  # name + title ("X، وزير الخارجية الإيراني"): the title is X's
        j = t + len(title)
        if (
            j < len(doc.tok)
            and doc.sentence_of(j) == k
            and doc.joined(j - 1, j)
            and off.nisba.get(doc.tok[j]) == off.state.get(aid)
        ):
            end = _end(doc, j)  # "رئيس مكتب الأمن الوطني السوري"
        # the reason starts as an alias's does ("office:<title>;"), which tells the
        # clause reader where the title begins after a clitic ("للرئيس التركي")
        row = (k, start, end, aid, "person", f"office:{off.text[title]}; {aid}: {why}")
        rows = _put(off, doc, rows, row)
    rows = _countries(off, doc, rows, hits, page)
    if off.counterpart:
        rows = _counterparts(off, doc, rows, hits, page)
    return rows


def _countries(
    off: Offices,
    doc: FoldedDoc,
    rows: list[tuple],
    hits: list[int],
    page: _Page,
) -> list[tuple]:
    """The states after an office head ("وزراء خارجية تركيا وروسيا وإيران", "الرئيسين
    الروسي والأميركي") read as each one's holder of the office."""
    for t in hits:
        k = doc.sentence_of(t)
        head = _head_at(off, doc, t, k) if k >= 0 and doc.tok[t] in off.heads else None
        if head is None or base_forms(neighbour(doc, t, k, -1)) & off.not_after:
            continue
        tokens, office = head
        at = _start(doc, t + len(tokens))
        cur = next((r for r in rows if r[1] == at and r[4] == "state"), None)
        if cur is not None and _with_preposition(doc.tok[t + len(tokens)], _alias(cur)):
            continue  # "تنصيب ترامب رئيسا للولايات المتحدة": the office of a named man
        listed = []
        while cur is not None and not fold(_alias(cur)).endswith(_PLURAL):
            listed.append(cur)  # "الرؤساء الأمريكيون" are several, not one a state
            cur = _next_state(doc, rows, cur, k)
        if not listed or _former_after(off, doc, listed[-1][2], k):
            continue  # "وزراء خارجية تركيا وروسيا السابقون"
        said = doc.text[_start(doc, t) : at].strip()
        for cur in listed:
            keys = off.by_state.get((office, cur[3]), ())
            found = {h for key in keys if (h := page.holder(off, key))}
            after = [r for r in rows if r[1] >= cur[2]]
            # "الرئيسان الأميركي دونالد ترامب والفرنسي …": the names say who; the
            # nisbas stay, the list the dual title reads
            if len({aid for aid, _ in found}) != 1 or (
                after
                and after[0][4] == "person"
                and off.apposition.fullmatch(doc.text, cur[2], after[0][1])
            ):
                continue
            aid, why = next(iter(found))
            why = f"{aid}: {said} …, {why}"
            rows = _put(
                off, doc, rows, (k, cur[1], cur[2], aid, "person", f"office:{_alias(cur)}; {why}")
            )
    return rows


def _alias(row: tuple) -> str:
    """The alias a mention row was matched by ("toponym:روسيا; …" → "روسيا")."""
    return row[5].split(":", 1)[1].split(";")[0]


def _with_preposition(token: str, alias: str) -> bool:
    """Does the folded ``token`` carry ب، ل or ك in front of the alias it starts?"""
    first = fold(alias).split()[0] if alias.strip() else ""
    return token != first and token[:1] in ("ب", "ل", "ك") and first[:1] != token[:1]


def _former_after(off: Offices, doc: FoldedDoc, at: int, k: int) -> bool:
    """Does the word after character ``at`` of the original text mark past holders?"""
    t = bisect.bisect_left(doc.offsets, at)  # the key position of ``at``
    u = bisect.bisect_left(doc.tstart, t)
    return u < len(doc.tok) and doc.sentence_of(u) == k and strip_conj(doc.tok[u]) in off.former


def _head_at(
    off: Offices, doc: FoldedDoc, t: int, k: int
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The longest office head starting at token ``t`` within sentence ``k``, directly
    followed by a word."""
    for tokens, office in off.heads[doc.tok[t]]:
        j = t + len(tokens)
        if j >= len(doc.tok) or doc.sentence_of(j) != k or not doc.joined(j - 1, j):
            continue
        if _follows(doc, t, tokens):
            return tokens, office
    return None


def _next_state(doc: FoldedDoc, rows: list[tuple], last: tuple, k: int) -> tuple | None:
    """The state joined to ``last`` by و or a comma ("تركيا وروسيا وإيران"), past the name
    that completes ``last`` ("الروسي فلاديمير بوتين والأميركي")."""
    for r in rows:
        if r[1] < last[2] or r[0] != k:
            continue
        if not _LIST_GAP.fullmatch(doc.text, last[2], r[1]):
            return None
        if r[4] == "person":
            last = r  # the name after a nisba: the list goes on after it
            continue
        return r if r[4] == "state" else None
    return None


def _start(doc: FoldedDoc, t: int) -> int:
    """Where token ``t`` starts in the original text."""
    return int(doc.offsets[doc.tstart[t]])


def _end(doc: FoldedDoc, t: int) -> int:
    """Where token ``t`` ends in the original text."""
    return int(doc.offsets[doc.tend[t] - 1]) + 1


def _put(off: Offices, doc: FoldedDoc, rows: list[tuple], row: tuple) -> list[tuple]:
    """``rows`` with ``row`` in place of the mentions inside its span, or without them
    when the name of the same person completes the title ("لقائد «فيلق القدس» الجنرال
    قاسم سليماني", "ونظيراه الإيراني محمد جواد ظريف": one mention, the name's)."""
    start, end, aid = row[1], row[2], row[3]
    rows = [r for r in rows if not start <= r[1] < end]
    after = [r for r in rows if r[1] >= end]
    if not (after and after[0][3] == aid and off.apposition.fullmatch(doc.text, end, after[0][1])):
        rows.append(row)
    return sorted(rows, key=lambda r: r[1])


def _blocked(off: Offices, doc: FoldedDoc, t: int, j: int, k: int) -> bool:
    """Is the title another post's genitive ("نائب وزير …") or a past holder's ("… السابق")?"""
    prev = neighbour(doc, t, k, -1)
    nxt = neighbour(doc, j - 1, k, +1)
    return bool(base_forms(prev) & off.not_after) or strip_conj(nxt) in off.former


def _counterparts(
    off: Offices,
    doc: FoldedDoc,
    rows: list[tuple],
    hits: list[int],
    page: _Page,
) -> list[tuple]:
    """Nisbas after "نظيره" read as the counterpart of the person before it."""
    for t in hits:
        tok = doc.tok[t]
        if tok not in off.counterpart:
            continue
        k = doc.sentence_of(t)
        at = _start(doc, t)
        before = [r for r in rows if r[0] == k and r[1] < at and r[4] not in ("place", "media")]
        if k < 0 or not before or before[-1][4] != "person":
            continue  # the counterpart of the actor just named, and only of a person
        person = before[-1][3]
        mine = [title for title, h in off.holders.items() if person in h]
        u = t + 1
        # "نظيريه التركي والإيراني": each nisba joined to the one before by و
        while u < len(doc.tok) and doc.sentence_of(u) == k and doc.joined(u - 1, u):
            nisba = strip_conj(doc.tok[u]) if u > t + 1 else doc.tok[u]
            if nisba not in off.nisba or (u > t + 1 and doc.tok[u] == nisba):
                break
            if off.nisba[nisba] == off.state.get(person):
                u += 1
                continue  # no one is his own country's counterpart
            found = {
                hit
                for title in mine
                for other in [_swap(off, title, off.state.get(person, ""), nisba)]
                if other and (hit := page.holder(off, other))
            }
            if len({aid for aid, _ in found}) == 1:
                aid, why = next(iter(found))
                s = _start(doc, u)
                e = _end(doc, u)
                if all(r[4] != "person" for r in rows if s <= r[1] < e):
                    why = f"{aid}: {strip_conj(tok)}, the counterpart of {person}; {why}"
                    rows = _put(off, doc, rows, (k, s, e, aid, "person", f"office:{nisba}; {why}"))
            u += 1
    return rows


def _swap(off: Offices, title: tuple[str, ...], own: str, nisba: str) -> tuple[str, ...] | None:
    """``title`` with its holder's own nisba replaced by ``nisba`` ("وزير الخارجية الروسي"
    → "… التركي"), or None when the title has no nisba of the holder's state."""
    for x, word in enumerate(title):
        if off.nisba.get(word) == own:
            return (*title[:x], nisba, *title[x + 1 :])
    return None
