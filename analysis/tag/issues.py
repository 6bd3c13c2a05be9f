"""Issues (``data/issues.yaml``): what stances and moves are about, and where a sentence
names them.

``find_issues`` finds issue phrases in a ``Sent`` (forms, "head + owner" phrases such as
"انسحاب القوات الإيرانية" or "لإيران بالتموضع", pronoun heads such as "قواتها" whose
owner the caller resolves, and actors that stand for an issue), leftmost-longest without
overlaps. The helpers say whose presence an issue is (``own_presence_issue``,
``owns_issue``) and which target a stance on it counts for (``stance_target``).
Affiliations come from ``analysis.tag.actors.affiliation_of``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from analysis.resources import load_yaml
from analysis.tag.actors import ACTOR_KINDS, affiliation_of
from analysis.tag.clauses import Sent, bare
from analysis.tag.lexicon import (
    Lexicon,
    Prefilter,
    build_lexicon,
    join_lexicons,
    plain_pattern,
    word_heads,
)
from analysis.text.normalize import fold

#: Words that end the gap between an issue's head and its owner (a new clause begins).
_GAP_STOP = (
    "ان",
    "فان",
    "بان",
    "لان",
    "انه",
    "اذا",
    "مقابل",
    "لكن",
    "بينما",
    "قبل",
    "بعد",
    "حتي",
    "او",
    "ثم",
    "الا",
)


@functools.cache
def issues_data() -> dict[str, dict[str, Any]]:
    """Issue id → its entry in ``data/issues.yaml``."""
    return {i["id"]: i for i in load_yaml("issues")["issues"]}


@functools.cache
def _issue_forms() -> Lexicon:
    groups = [(i, d.get("forms", [])) for i, d in issues_data().items()]
    groups += [(f"ctx:{i}", d.get("context_forms", [])) for i, d in issues_data().items()]
    return build_lexicon(groups, proclitics="وفبل", lam_al=True)


@functools.cache
def _owners() -> tuple[dict[str, str], str]:
    """Folded owner term → its issue, and the terms as one regex alternation (longest
    first, any spaces between words)."""
    owners: dict[str, str] = {}
    for iid, d in issues_data().items():
        for o in d.get("owners", []):
            owners[fold(o)] = iid
    alt_o = "|".join(
        r"\s+".join(map(re.escape, o.split())) for o in sorted(owners, key=len, reverse=True)
    )
    return owners, alt_o


@functools.cache
def _owner_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """head (≤ 2 words) owner, e.g. "انسحاب القوات الإيرانية", "وجود عسكري إيراني"."""
    heads = sorted({fold(h) for h in load_yaml("issues")["head_terms"]}, key=len, reverse=True)
    owners, alt_o = _owners()
    alt_h = "|".join(map(re.escape, heads))
    # up to two words between head and owner, but not a clause word ("الانسحاب فإن واشنطن")
    gap_word = rf"(?!(?:{'|'.join(_GAP_STOP)})\s)[^\s،,.:؛]+"
    rx = re.compile(
        rf"(?<![\w])[وفبل]?(?:ال)?(?P<h>{alt_h})(?:\s+{gap_word}){{0,2}}?\s+"
        rf"(?P<o>{alt_o})(?![\w])"
    )
    return rx, owners


# "تسمح لإيران بالتموضع": the owner first, then its presence as بـ + verbal noun
_PRESENCE = ("التموضع", "الانتشار", "البقاء", "التمركز", "الوجود", "التواجد", "الاقتراب")


@functools.cache
def _owner_first_regex() -> re.Pattern[str]:
    """لـ + owner + بـ + a presence noun ("السماح لإيران بالتموضع في سوريا")."""
    _owners_map, alt_o = _owners()
    alt_h = "|".join(map(re.escape, (fold(h) for h in _PRESENCE)))
    return re.compile(rf"(?<![\w])و?لل?(?P<o>{alt_o})\s+ب(?P<h>{alt_h})(?![\w])")


@functools.cache
def _pronoun_heads() -> re.Pattern[str]:
    heads = sorted({fold(h) for h in load_yaml("issues")["pronoun_heads"]}, key=len, reverse=True)
    return re.compile(rf"(?<![\w])[وفبل]?(?P<h>{'|'.join(map(re.escape, heads))})(?![\w])")


def _elsewhere(s: Sent, h: IssueHit) -> bool:
    """A Syria-only issue placed in another country: "القوات الأمريكية في العراق", "سحب
    قواته من العراق"."""
    if h.issue and not issues_data()[h.issue].get("syria_only"):
        return False
    window = s.key[h.kend : h.kend + 30]
    m = re.match(r"\s+(?:[^\s]+\s+){0,2}?(?:في|ب|داخل|من)\s*", window)
    if not m:
        return False
    at = h.kend + m.end()
    return any(
        mt.kstart <= at < mt.kend + 1
        and affiliation_of(mt.actor_id, level="state") != "SYR"
        and mt.kind == "place"
        for mt in s.mentions
    )


@functools.cache
def _time_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    frames = load_yaml("issues")["time_frames"]
    return tuple(
        frozenset(fold(w) for w in frames[k]) for k in ("always", "with_period", "periods")
    )


def _a_time(s: Sent, h: IssueHit) -> bool:
    """Does the issue phrase say when ("خلال المرحلة الانتقالية", "مع بدء مرحلة الانتقال
    السياسي"), not what? Its time word comes right before it or before one or two period
    nouns."""
    always, with_period, periods = _time_words()
    before = [bare(w) for w in s.key[max(0, h.kstart - 80) : h.kstart].split()]
    head = [bare(w) for w in s.key[h.kstart : h.kend].split()[:1]]
    gap = 0
    while before and before[-1] in periods and gap < 2:
        before.pop()
        gap += 1
    if not before:
        return False
    word = before[-1][1:] if before[-1][:1] in "وف" and len(before[-1]) > 3 else before[-1]
    if word in always:
        return not (len(before) > 1 and before[-2] == "من")
    return word in with_period and (gap > 0 or bool(head and head[0] in periods))


def _names_it(s: Sent, bare_hit: IssueHit, named: IssueHit) -> bool:
    """Does a named issue right after a bare head ("انسحاب … القوات الإيرانية") say whose
    withdrawal it is? Only within three words and with no clause or exchange word between."""
    gap = s.key[bare_hit.kend : named.kstart].split()
    if named.kstart < bare_hit.kend or len(gap) > 3 or re.search(r"[،,؛;:.]", " ".join(gap)):
        return False
    stops = set(_GAP_STOP) | {"مقابل", "لقاء", "شرط", "شريطه", "بشرط", "حال", "فان"}
    return not any(bare(w).lstrip("وف") in stops for w in gap)


def _owned_by_name(s: Sent, bare_hit: IssueHit) -> bool:
    """Is a bare head ("خروج") followed by the name of whoever leaves ("خروج بريطانيا",
    "بخروج تركيا")? Then it is no withdrawal of the holder's own."""
    return any(0 <= m.kstart - bare_hit.kend <= 1 and m.kind in ACTOR_KINDS for m in s.mentions)


@functools.cache
def _bare_heads() -> frozenset[str]:
    return frozenset(fold(h) for h in load_yaml("issues").get("bare_heads", []))


@functools.cache
def mention_issues() -> dict[str, str]:
    """Actor id → the issue its mention stands for (the militias → their presence)."""
    return {a: i for i, d in issues_data().items() for a in d.get("actor_mentions", [])}


def find_issues(s: Sent) -> list[IssueHit]:
    """Issue phrases in the sentence, leftmost-longest, without overlaps."""
    hits: list[IssueHit] = []
    present = {
        x for m in s.mentions for x in (m.actor_id, affiliation_of(m.actor_id, level="state"))
    }
    data = issues_data()
    for a, b, _f, ids in _issue_forms().find(s.key):
        for i in ids:
            if i.startswith("ctx:"):
                i = i[4:]
                need_any, need_all = data[i].get("context_any"), data[i].get("context_all")
                if need_any and not present & set(need_any):
                    continue
                if need_all and not set(need_all) <= present:
                    continue
            hits.append(IssueHit(a, b, i))
    rx, owners = _owner_regex()
    for m in rx.finditer(s.key):
        hits.append(IssueHit(m.start("h"), m.end("o"), owners[re.sub(r"\s+", " ", m.group("o"))]))
    for m in _owner_first_regex().finditer(s.key):
        hits.append(IssueHit(m.start("o"), m.end("h"), owners[re.sub(r"\s+", " ", m.group("o"))]))
    for m in _pronoun_heads().finditer(s.key):
        hits.append(IssueHit(m.start("h"), m.end("h"), "", pronoun=True))
    by_actor = mention_issues()
    for mt in s.mentions:
        issue = by_actor.get(mt.actor_id)
        # the militias in a sentence about Iraq and not Syria are in Iraq
        away = set(data[issue].get("actor_mentions_away", ())) if issue else set()
        if issue and not (present & away and "SYR" not in present):
            hits.append(IssueHit(mt.kstart, mt.kend, issue))
    bare_heads = _bare_heads()
    named = [h for h in hits if not h.pronoun]
    hits = [
        h
        for h in hits
        if not (
            h.pronoun
            and s.key[h.kstart : h.kend] in bare_heads
            and (any(_names_it(s, h, n) for n in named) or _owned_by_name(s, h))
        )
    ]
    hits = [h for h in hits if not _elsewhere(s, h)]
    for h in hits:
        h.time = _a_time(s, h)
    hits.sort(key=lambda h: (h.kstart, -(h.kend - h.kstart)))
    out: list[IssueHit] = []
    for h in hits:
        clash = next((o for o in out if h.kstart < o.kend and o.kstart < h.kend), None)
        if clash is None:
            out.append(h)
        elif clash.pronoun and not h.pronoun:
            out[out.index(clash)] = h  # "قواتها الإيرانية": the owner term wins
        elif (
            h.issue
            and not h.pronoun
            and h.kstart >= clash.kstart
            and issues_data()[h.issue].get("parent") == clash.issue
        ):
            out.append(h)  # a nested narrower issue (التنف inside "القوات … في التنف") too
    return sorted(out, key=lambda h: h.kstart)


def own_presence_issue(actor_id: str) -> str:
    """The presence issue whose forces belong to the actor ('' when none)."""
    if not actor_id:
        return ""
    state = affiliation_of(actor_id, level="state")
    for iid, d in issues_data().items():
        if state in d.get("owner_actors", []) or actor_id in d.get("owner_actors", []):
            return iid
    return ""


def stance_target(issue: str) -> str:
    """The target a stance on ``issue`` counts for (the issue itself by default)."""
    return issues_data().get(issue, {}).get("stance_target", issue)


def is_place(issue: str) -> bool:
    """Is ``issue`` a place inside a presence (southern Syria, al-Tanf): a stance on it
    counts for another target, and only a word that moves forces says which way?"""
    return bool(issue) and stance_target(issue) != issue


@functools.cache
def issue_prefilter() -> Prefilter:
    """One regex over folded text: could the sentence name an issue at all?"""
    # the same patterns, their named groups unnamed so that they can be joined
    parts = (
        (plain_pattern(_issue_forms()), _issue_forms().heads),
        *(
            (rx.pattern.replace("(?P<h>", "(?:").replace("(?P<o>", "(?:"), heads)
            for rx, heads in (
                (_owner_regex()[0], _owner_regex_heads()),
                (_pronoun_heads(), _pronoun_head_words()),
                (_owner_first_regex(), _owner_first_heads()),
            )
        ),
    )
    return join_lexicons(parts)


_CLITIC_STARTS = ("", "و", "ف", "ب", "ل")  # [وفبل]? in front of a head


@functools.cache
def presence_heads() -> frozenset[str]:
    """The head terms of a presence (قوات، القوات، قواتها، ميليشيات، عناصر …), folded."""
    return frozenset(fold(h) for h in load_yaml("issues")["head_terms"])


@functools.cache
def _owner_regex_heads() -> frozenset[str] | None:
    """The words a match of ``_owner_regex`` begins: a clitic, perhaps ال, a head term."""
    return word_heads(set(presence_heads()), [c + a for c in _CLITIC_STARTS for a in ("", "ال")])


@functools.cache
def _pronoun_head_words() -> frozenset[str] | None:
    """The words a match of ``_pronoun_heads`` begins."""
    return word_heads({fold(h) for h in load_yaml("issues")["pronoun_heads"]}, _CLITIC_STARTS)


@functools.cache
def _owner_first_heads() -> frozenset[str] | None:
    """The words a match of ``_owner_first_regex`` begins: و?لل? and an owner term."""
    owners = (" ".join(o.split()) for o in _owners()[0])
    return word_heads(owners, ("ل", "لل", "ول", "ولل"))


def owns_issue(holder: str, issue: str) -> bool:
    """Is ``issue`` (or its parent) the presence of ``holder``'s own forces?"""
    own = own_presence_issue(holder)
    return bool(own) and (issue == own or issues_data().get(issue, {}).get("parent") == own)


@dataclass
class IssueHit:
    """An issue phrase in a sentence (key span)."""

    kstart: int
    kend: int
    issue: str  # issue id, or "" for a pronoun head whose owner the caller resolves
    pronoun: bool = False
    # it says when, not what ("خلال المرحلة الانتقالية"): a move's topic, no stance's target
    time: bool = False
