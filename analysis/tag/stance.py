"""Stances: who is for or against what (holder → issue, with polarity).

``tag_stances(sentences, documents, mentions, attribution)`` finds, in headline and body
sentences, an attitude cue (demand, reject, accept, affirm, discuss — ``data/cues_stance.yaml``)
and the issues in its scope (``data/issues.yaml``). Polarity is attitude × direction ×
negation: "طالب بانسحاب القوات الإيرانية" is want × withdraw → oppose ``iranian_presence``;
"لن تنسحب" voiced by Iran is support; acceptance or linkage with a condition is
``conditional``; "بحث" is ``neutral``. The holder is the explicit subject of the cue, else
the sentence's speaker (from ``attribution``); without a holder nothing is emitted.

This module also finds issues in a sentence (``find_issues``), shared with ``positions``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.resources import load_yaml
from analysis.tag.attribution import (
    CHAIN_SEP,
    OUTLET,
    REPORTS,
    UNNAMED,
    Lexicon,
    Mention,
    Sent,
    _after_prep,
    actor_affiliations,
    affiliation_of,
    bare,
    build_lexicon,
    claim_sentences,
    coordinated,
    doc_meta,
    is_clause_end,
    lookback_mentions,
    mentions_by_sentence,
    plain_pattern,
    subject_np,
)
from analysis.text.normalize import fold

__all__ = ["STANCE_COLUMNS", "IssueHit", "find_issues", "tag_stances"]

STANCE_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "holder_id",
    "holder_affiliation",
    "target",
    "polarity",
    "speaker_id",
    "source_chain",
    "hedged",
    "cue",
    "date",
    "outlet",
    "cue_id",
    "holder_surface",
    "issue_phrase",
    "evidence",
]
#: Mention kinds that can hold a stance or make a move (places and media cannot).
ACTOR_KINDS = frozenset({"state", "organization", "group", "person"})
_COMPLEMENTISERS = frozenset({"ان", "انه", "انها", "بان", "لان", "اننا"})
_CLAUSE_BREAKS = frozenset(
    {"بينما", "لكن", "لكنه", "لكنها", "غير", "فيما", "حين", "وبينما", "فان", "فانه", "فانها"}
)
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
#: How far (in words) an issue may stand after / before its attitude cue. Why: in long
#: sentences a distant issue belongs to another clause; measured on the gold tables, every
#: true pair is within these bounds.
MAX_AFTER, MAX_BEFORE = 9, 5
_TOKEN_RX = re.compile(r"\S+")
_SELF_WORDS = frozenset({"بلاده", "بلادها", "بلادنا", "حكومته", "حكومتها", "حكومتنا", "دولته"})


# --------------------------------------------------------------------------- issues


@dataclass
class IssueHit:
    kstart: int
    kend: int
    issue: str  # issue id, or "" for a pronoun head whose owner the caller resolves
    pronoun: bool = False


@functools.cache
def issues_data() -> dict[str, dict[str, Any]]:
    return {i["id"]: i for i in load_yaml("issues")["issues"]}


@functools.cache
def _issue_forms() -> Lexicon:
    groups = [(i, d.get("forms", [])) for i, d in issues_data().items()]
    groups += [(f"ctx:{i}", d.get("context_forms", [])) for i, d in issues_data().items()]
    return build_lexicon(groups, proclitics="وفبل", lam_al=True)


@functools.cache
def _owner_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """head (≤ 2 words) owner, e.g. "انسحاب القوات الإيرانية", "وجود عسكري إيراني"."""
    data = load_yaml("issues")
    heads = sorted({fold(h) for h in data["head_terms"]}, key=len, reverse=True)
    owners: dict[str, str] = {}
    for iid, d in issues_data().items():
        for o in d.get("owners", []):
            owners[fold(o)] = iid
    alt_o = "|".join(
        r"\s+".join(map(re.escape, o.split())) for o in sorted(owners, key=len, reverse=True)
    )
    alt_h = "|".join(map(re.escape, heads))
    # up to two words between head and owner, but not a clause word ("الانسحاب فإن واشنطن")
    gap_word = rf"(?!(?:{'|'.join(_GAP_STOP)})\s)[^\s،,.:؛]+"
    rx = re.compile(
        rf"(?<![\w])[وفبل]?(?:ال)?(?P<h>{alt_h})(?:\s+{gap_word}){{0,2}}?\s+"
        rf"(?P<o>{alt_o})(?![\w])"
    )
    return rx, owners


@functools.cache
def _pronoun_heads() -> re.Pattern[str]:
    heads = sorted({fold(h) for h in load_yaml("issues")["pronoun_heads"]}, key=len, reverse=True)
    return re.compile(rf"(?<![\w])[وفبل]?(?P<h>{'|'.join(map(re.escape, heads))})(?![\w])")


def _elsewhere(s: Sent, h: IssueHit) -> bool:
    """A Syria-only issue placed in another country: "القوات الأمريكية في العراق"."""
    if h.issue and not issues_data()[h.issue].get("syria_only"):
        return False
    window = s.key[h.kend : h.kend + 30]
    m = re.match(r"\s+(?:[^\s]+\s+){0,2}?(?:في|ب|داخل)\s*", window)
    if not m:
        return False
    at = h.kend + m.end()
    return any(
        mt.kstart <= at < mt.kend + 1 and top_state(mt.actor_id) != "SYR" and mt.kind == "place"
        for mt in s.mentions
    )


def _names_it(s: Sent, bare_hit: IssueHit, named: IssueHit) -> bool:
    """Does a named issue right after a bare head ("انسحاب … القوات الإيرانية") say whose
    withdrawal it is? Only within three words and with no clause or exchange word between."""
    gap = s.key[bare_hit.kend : named.kstart].split()
    if named.kstart < bare_hit.kend or len(gap) > 3 or re.search(r"[،,؛;:.]", " ".join(gap)):
        return False
    stops = set(_GAP_STOP) | {"مقابل", "لقاء", "شرط", "شريطه", "بشرط", "حال", "فان"}
    return not any(bare(w).lstrip("وف") in stops for w in gap)


@functools.cache
def _bare_heads() -> frozenset[str]:
    return frozenset(fold(h) for h in load_yaml("issues").get("bare_heads", []))


@functools.cache
def _mention_issues() -> dict[str, str]:
    return {a: i for i, d in issues_data().items() for a in d.get("actor_mentions", [])}


def find_issues(s: Sent) -> list[IssueHit]:
    """Issue phrases in the sentence, leftmost-longest, without overlaps."""
    hits: list[IssueHit] = []
    present = {x for m in s.mentions for x in (m.actor_id, top_state(m.actor_id))}
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
    for m in _pronoun_heads().finditer(s.key):
        hits.append(IssueHit(m.start("h"), m.end("h"), "", pronoun=True))
    by_actor = _mention_issues()
    for mt in s.mentions:
        if mt.actor_id in by_actor:
            hits.append(IssueHit(mt.kstart, mt.kend, by_actor[mt.actor_id]))
    bare_heads = _bare_heads()
    named = [h for h in hits if not h.pronoun]
    hits = [
        h
        for h in hits
        if not (
            h.pronoun
            and s.key[h.kstart : h.kend] in bare_heads
            and any(_names_it(s, h, n) for n in named)
        )
    ]
    hits = [h for h in hits if not _elsewhere(s, h)]
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


def top_state(actor_id: str) -> str:
    """Follow affiliations to the top (quds_force → irgc → IRN)."""
    aff = actor_affiliations()
    seen = {actor_id}
    cur = actor_id
    while aff.get(cur) and aff[cur] not in seen:
        cur = aff[cur]
        seen.add(cur)
    return cur


def own_presence_issue(actor_id: str) -> str:
    """The presence issue whose forces belong to the actor ('' when none)."""
    if not actor_id:
        return ""
    state = top_state(actor_id)
    for iid, d in issues_data().items():
        if state in d.get("owner_actors", []) or actor_id in d.get("owner_actors", []):
            return iid
    return ""


def stance_target(issue: str) -> str:
    return issues_data().get(issue, {}).get("stance_target", issue)


# --------------------------------------------------------------------------- cues


@functools.cache
def _stance_data() -> dict[str, Any]:
    return load_yaml("cues_stance")


@functools.cache
def attitude_lexicon() -> Lexicon:
    return build_lexicon(
        ((a["id"], a["forms"]) for a in _stance_data()["attitudes"]),
        proclitics="وفبل",
        future=True,
        lam_al=True,
    )


@functools.cache
def direction_lexicon() -> Lexicon:
    return build_lexicon(
        ((d["id"], d["forms"]) for d in _stance_data()["directions"]),
        proclitics="وفبل",
        future=True,
        lam_al=True,
    )


@functools.cache
def condition_lexicon() -> Lexicon:
    return build_lexicon(
        ((c["id"], c["forms"]) for c in _stance_data()["condition_markers"]), proclitics="وفب"
    )


@functools.cache
def _signs() -> dict[str, int]:
    d = _stance_data()
    return {x["id"]: int(x["sign"]) for x in d["attitudes"] + d["directions"]}


@functools.cache
def _nominal_forms() -> frozenset[str]:
    return frozenset(fold(f) for f in _stance_data().get("nominal_forms", []))


@functools.cache
def _negators() -> frozenset[str]:
    return frozenset(fold(n) for n in _stance_data()["negators"])


@functools.cache
def prefilter() -> re.Pattern[str]:
    """One regex over folded text: attitude or direction cue present."""
    parts = (plain_pattern(attitude_lexicon()), plain_pattern(direction_lexicon()))
    return re.compile("|".join(f"(?:{p})" for p in parts))


@functools.cache
def issue_prefilter() -> re.Pattern[str]:
    """One regex over folded text: could the sentence name an issue at all?"""
    parts = (
        plain_pattern(_issue_forms()),
        _owner_regex()[0].pattern.replace("(?P<h>", "(?:").replace("(?P<o>", "(?:"),
        _pronoun_heads().pattern.replace("(?P<h>", "(?:"),
    )
    return re.compile("|".join(f"(?:{p})" for p in parts))


def negated(s: Sent, kpos: int, *, window: int = 2) -> bool:
    """Is there a negator among the ``window`` tokens before key position ``kpos``?"""
    i = s.tok_index(kpos)
    if i < len(s.tokens) and s.tokens[i][0] < kpos:
        # a cue inside a token (بعدم …) carries its own negation
        return s.key[s.tokens[i][0] : kpos] in {"بعدم", "لعدم", "عدم"}
    for j in range(max(0, i - window), i):
        tok = bare(s.token_text(j))
        if tok in _negators() or (tok[:1] in "وف" and tok[1:] in _negators()):
            return True
        if is_clause_end(s.token_text(j)):
            return False
    return False


def future_form(s: Sent, kstart: int) -> bool:
    """A future verb: س prefix, or سوف / لن just before."""
    i = s.tok_index(kstart)
    tok_start = s.tokens[i][0] if i < len(s.tokens) else kstart
    pre = s.key[tok_start:kstart]
    if pre.endswith("س") or (
        s.key[kstart : kstart + 1] == "س" and s.key[kstart + 1 : kstart + 2] in "يتن"
    ):
        return True
    return i > 0 and bare(s.token_text(i - 1)) in {"سوف", "لن", "ولن"}


def qabl_is_verb(s: Sent, a: int, b: int) -> bool:
    """Bare قبل is "accepted" only with its subject right after it (قبل الأسد العرض);
    "قبل أن/أي/ذلك", "من قبل" and "قبل + noun" are "before"/"by"."""
    i = s.tok_index(a)
    nxt_i = s.tok_index(b)
    nxt = bare(s.token_text(nxt_i)) if nxt_i < len(s.tokens) else ""
    prev = bare(s.token_text(i - 1)) if i > 0 else ""
    if prev == "من" or nxt in {"ان", "اي", "ذلك"} or not nxt:
        return False
    return any(m.kstart == s.tokens[nxt_i][0] and m.kind in ACTOR_KINDS for m in s.mentions)


def clause_bounds(s: Sent, kpos: int) -> tuple[int, int]:
    """Key span of the clause around ``kpos`` (between ، ؛ . and بينما/لكن …)."""
    lo, hi = 0, len(s.key)
    for i, (a, b) in enumerate(s.tokens):
        raw = s.key[a:b]
        tok = bare(raw)
        if any(m.kstart <= a < m.kend for m in s.mentions) or (
            tok == "غير" and (i + 1 >= len(s.tokens) or bare(s.token_text(i + 1)) != "ان")
        ):
            tok = ""  # "غير بيدرسن" is a name, not "غير أن"; punctuation still counts
        if b <= kpos:
            if is_clause_end(raw.rstrip('»”"')) and raw.rstrip('»”"')[-1:] != ":":
                lo = b
            if tok in _CLAUSE_BREAKS:
                lo = a
        elif a > kpos:
            if tok in _CLAUSE_BREAKS:
                hi = a
                break
            if is_clause_end(raw.rstrip('»”"')) and raw.rstrip('»”"')[-1:] != ":":
                hi = b
                break
    _ = i
    return lo, hi


# --------------------------------------------------------------------------- holders


def explicit_subject(
    s: Sent, kstart: int, kend: int, *, issues: list[IssueHit], verbal: bool = True
) -> list[Mention]:
    """Mentions that are the cue's own subject: right after a verb, or just before it."""
    spans = [(h.kstart, h.kend) for h in issues]
    actors = [m for m in s.mentions if m.kind in ACTOR_KINDS or not m.kind]
    if verbal:
        # SVO first: "دمشق رفضت عرضاً أمريكياً" — a subject right before the verb wins over
        # a nisba in the object after it.
        near = [
            m
            for m in lookback_mentions(s, kstart, max_tokens=2, exclude=spans)
            if m.kind in ACTOR_KINDS or not m.kind
        ]
        if near:
            return _with_coordinated(s, near)
        a, b = subject_np(s, kend, max_tokens=9)
        ms = [
            m for m in actors if a <= m.kstart < b and not any(x <= m.kstart < y for x, y in spans)
        ]
        # a bare nisba far into the phrase modifies some other noun ("الخطاب الطائفي الإيراني")
        ms = [
            m
            for m in ms
            if not m.reason.startswith("nisba")
            or len(s.key[a : m.kstart].split()) <= 1
            or _person_follows(s, m, ms)
        ]
        if ms and _np_starts_with(s, a, ms[0]):
            head = ms[0]
            # "رئيس مكتب الأمن الوطني السوري علي مملوك": the adjacent name is the subject
            for m in ms[1:]:
                if m.kind == "person" and not s.key[head.kend : m.kstart].strip():
                    head = m
                    break
            return coordinated(s, head, b)
    before = [
        m
        for m in lookback_mentions(s, kstart, max_tokens=5, exclude=spans)
        if m.kind in ACTOR_KINDS or not m.kind
    ]
    if before:
        return _with_coordinated(s, before)
    return []


def _with_coordinated(s: Sent, before: list[Mention]) -> list[Mention]:
    """The nearest mention before a cue plus those joined to it by و, leftwards."""
    group = [before[0]]
    for m in before[1:]:
        if s.key[m.kend : group[-1].kstart].strip() == "و":
            group.append(m)
    return sorted(group, key=lambda m: m.kstart)


def _person_follows(s: Sent, m: Mention, ms: list[Mention]) -> bool:
    """ "السوري علي مملوك": a nisba right before a person's name belongs to the title."""
    return any(
        p.kind == "person" and p.kstart > m.kstart and not s.key[m.kend : p.kstart].strip()
        for p in ms
    )


def _np_starts_with(s: Sent, np_start: int, m: Mention) -> bool:
    """Is the mention within the first words of the NP (titles like "وزير الخارجية" allowed)?"""
    gap = s.key[np_start : m.kstart].split()
    if len(gap) > 4 or _after_prep(s, m):
        return False
    return not any(bare(g) in {"علي", "من", "الي", "عن", "مع", "في", "ب", "ل"} for g in gap)


def self_reference(s: Sent, kstart: int) -> bool:
    """ "بلاده/حكومتنا" just before the cue: the speaker's own state."""
    i = s.tok_index(kstart)
    return any(bare(s.token_text(j)) in _SELF_WORDS for j in range(max(0, i - 3), i))


def speaker_holder(att: dict[str, Any] | None, kstart: int) -> list[tuple[str, str]]:
    """The sentence's speaker as holder (actors and unnamed sources only)."""
    if (
        not att
        or att["speaker_id"] in {OUTLET, REPORTS}
        or att["speaker_kind"] in {"source", "media", "place", OUTLET, REPORTS}
    ):
        return []
    return [(str(att["speaker_id"]), str(att["speaker_surface"]))]


# --------------------------------------------------------------------------- tagging


def _direction(
    s: Sent, issue: IssueHit, dirs: list[tuple[int, int, str, int]], lo: int
) -> tuple[int, tuple[int, int] | None]:
    """(sign, span) of the last direction word in [lo, issue] or inside the issue phrase;
    (+1, None) when there is none (naming the issue means its presence/continuation)."""
    cands = [d for d in dirs if lo <= d[0] <= issue.kstart or issue.kstart <= d[0] < issue.kend]
    if not cands:
        # the predicate after the issue: "الميليشيات الإيرانية لن تقترب"
        i_end = s.tok_index(issue.kend)
        hi = s.tokens[min(len(s.tokens) - 1, i_end + 2)][1] if s.tokens else issue.kend
        cands = [d for d in dirs if issue.kend <= d[0] < hi]
        if not cands:
            return 1, None
        d = cands[0]
        return d[3] * (-1 if negated(s, d[0], window=1) else 1), (d[0], d[1])
    d = max(cands, key=lambda d: d[0])
    # only a negator right before the direction word negates it ("عدم انسحاب", "لن تنسحب");
    # in "لن تقبل ببقاء" the negator belongs to the attitude
    return d[3] * (-1 if negated(s, d[0], window=1) else 1), (d[0], d[1])


@functools.cache
def _attitude_info() -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in _stance_data()["attitudes"]}


def _in_if_clause(s: Sent, kpos: int, conds: list[tuple[int, int, str]]) -> bool:
    """Is ``kpos`` within three words after إذا/في حال (the condition, not the claim)?"""
    i = s.tok_index(kpos)
    lo = s.tokens[max(0, i - 3)][0] if s.tokens else 0
    return any(c[2] == "if" and lo <= c[0] < kpos for c in conds)


def _pronoun_owner(
    s: Sent, h: IssueHit, b: int, holder: str, cat: str, spans: list[tuple[int, int]]
) -> str:
    """Whose forces "قواتها" are: the party pressed or asked ("ضغطت روسيا على إيران لسحب
    قواتها") for a demand, else the holder ("عرضت واشنطن سحب قواتها")."""
    if cat == "want":
        for m in reversed(s.mentions):
            if not (b <= m.kstart < h.kstart) or m.actor_id == holder or m.kind not in ACTOR_KINDS:
                continue
            if any(x <= m.kstart < y for x, y in spans):
                continue
            i = s.tok_index(m.kstart)
            if i > 0 and bare(s.token_text(i - 1)) in {"علي", "من", "الي"}:
                return m.actor_id
    return holder


def _tokens_between(s: Sent, a: int, b: int) -> int:
    """Words between two key positions, not counting words inside actor mentions (a long
    subject such as "الرئيس الروسي فلاديمير بوتين" does not push the object away)."""
    return sum(
        1
        for m in _TOKEN_RX.finditer(s.key, a, b)
        if not any(x.kstart <= m.start() < x.kend for x in s.mentions)
    )


def _before_complementiser(s: Sent, kend: int) -> bool:
    """Is the cue a reporting verb: أن/إن right after it or after its subject (≤ 6 words)?"""
    i = s.tok_index(kend)
    for j in range(i, min(len(s.tokens), i + 7)):
        tok = bare(s.token_text(j))
        if tok in _COMPLEMENTISERS:
            return True
        if is_clause_end(s.token_text(j)):
            return False
    return False


def _past_negation(s: Sent, kpos: int) -> bool:
    i = s.tok_index(kpos)
    return any(bare(s.token_text(j)).lstrip("وف") == "لم" for j in range(max(0, i - 2), i))


def _owns(holder: str, issue: str) -> bool:
    own = own_presence_issue(holder)
    return bool(own) and (issue == own or issues_data().get(issue, {}).get("parent") == own)


def stances_in_sentence(s: Sent, att: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Stance records (holder, target, polarity, cue, spans) for one sentence."""
    issues = find_issues(s)
    if not issues:
        return []
    signs = _signs()
    info = _attitude_info()
    atts = [
        (a, b, f, labs[0])
        for a, b, f, labs in attitude_lexicon().find(s.key)
        if f.lstrip("وفبلس") != "قبل" or qabl_is_verb(s, a, b)
    ]
    # "أكد أن …" reports speech; "أكد ضرورة/على متانة …" takes a position
    atts = [
        x
        for x in atts
        if not (
            info.get(x[3], {}).get("not_before_complementiser") and _before_complementiser(s, x[1])
        )
    ]
    dirs = [(a, b, labs[0], signs[labs[0]]) for a, b, _f, labs in direction_lexicon().find(s.key)]
    conds = [(a, b, labs[0]) for a, b, _f, labs in condition_lexicon().find(s.key)]
    # A future or negated direction verb outside any attitude is itself a commitment:
    # "لن تنسحب القوات الإيرانية", "ستبقى قواتنا" — unless it is the condition of an if-clause.
    commit_sign: dict[int, int] = {}
    for a, b, _lab, sg in dirs:
        covered = any(x < a <= y + 40 for x, y, _f, _l in atts)
        if (
            not covered
            and (future_form(s, a) or negated(s, a))
            and _verbal(s, a)
            and not _in_if_clause(s, a, conds)
        ):
            atts.append((a, b, "", "commit"))
            commit_sign[a] = sg * (-1 if negated(s, a) else 1)
    atts.sort()
    spans = [(h.kstart, h.kend) for h in issues]
    deflect = [a for a, _b, _f, _l in _deflectors().find(s.key)]
    out: list[dict[str, Any]] = []
    used: set[int] = set()
    speaker_cue = int(att.get("cue_start", -1)) if att else -1
    for idx, (a, b, form, cat) in enumerate(atts):
        cinfo = info.get(cat, {})
        lo, hi = clause_bounds(s, a)
        nxt = next((x for x, *_ in atts[idx + 1 :] if x > b), hi)
        scope_end = min(hi, nxt)
        link = next((c for c in conds if c[2] == "linkage" and lo <= c[0] < hi), None)
        conditional = bool(cinfo.get("conditional")) or link is not None
        cands = [
            h
            for h in issues
            if h.kstart not in used
            and h.issue not in cinfo.get("skip_issues", [])
            and (not cinfo.get("only_issues") or h.issue in cinfo["only_issues"])
            and not any(b <= d < h.kstart for d in deflect)
        ]
        if cinfo.get("needs_issue_after") and not any(h.kstart >= b for h in cands):
            continue
        if cinfo.get("target_before"):
            targets = [h for h in cands if lo <= h.kstart and h.kend <= a][-1:]
        elif cinfo.get("conditional"):
            targets = [h for h in cands if b <= h.kstart < hi][:1]
        elif link is not None:
            targets = [h for h in cands if lo <= h.kstart < link[0]][:1]
        else:
            targets = [
                h
                for h in cands
                if b <= h.kstart < scope_end and _tokens_between(s, b, h.kstart) <= MAX_AFTER
            ]
            if not targets and not cinfo.get("after_only"):
                targets = [
                    h
                    for h in cands
                    if lo <= h.kstart
                    and h.kend <= a
                    and _tokens_between(s, h.kend, a) <= MAX_BEFORE
                ][-1:]
        if not targets:
            continue
        holders = _holders(s, a, b, cat, form, issues, att, speaker_cue)
        if not holders:
            continue
        neg = bool(form) and negated(s, a)
        if neg and signs.get(cat, 1) > 0 and _past_negation(s, a):
            continue  # "لم تطالب": the absence of a demand is not a stance
        att_sign = signs.get(cat, 1) * (-1 if neg else 1)
        exch = next(
            (c for c in conds if c[0] > a and c[2] in {"exchange", "on_condition", "if", "until"}),
            None,
        )
        hypo = next((c for c in conds if c[2] == "if" and lo <= c[0] < hi), None)
        until = next((c for c in conds if c[2] == "until" and c[0] > a), None)
        seen_targets: set[tuple[str, str]] = set()
        for h in targets:
            after_exchange = exch is not None and h.kstart > exch[0]
            if cat == "commit":
                dsign, dspan = 1, (a, b)
                att_sign = commit_sign.get(a, 1)
            else:
                dir_lo = b if h.kstart >= b else s.tokens[max(0, s.tok_index(h.kstart) - 3)][0]
                dsign, dspan = _direction(s, h, dirs, dir_lo)
            for holder_id, holder_surface in holders:
                if holder_id in _mention_issues():
                    continue  # "the militias" cannot hold a stance on their own presence
                issue = h.issue or own_presence_issue(
                    _pronoun_owner(s, h, b, holder_id, cat, spans)
                )
                if not issue:
                    continue
                if after_exchange and not _owns(holder_id, issue):
                    continue  # what the holder asks in exchange is not its stance on it
                if cat == "discuss":
                    pol = "neutral"
                elif (
                    conditional
                    or after_exchange
                    or (
                        cinfo.get("accept")
                        and (
                            exch is not None
                            or hypo is not None
                            or (dsign < 0 and _owns(holder_id, issue))
                        )
                    )
                    or (
                        cat == "commit"
                        and (
                            exch is not None
                            or hypo is not None
                            or (
                                until is not None
                                and att_sign > 0
                                and dsign > 0
                                and _owns(holder_id, issue)
                            )
                        )
                    )
                ):
                    pol = "conditional"
                else:
                    pol = "support" if att_sign * dsign > 0 else "oppose"
                target = stance_target(issue)
                if (holder_id, target) in seen_targets:
                    continue
                seen_targets.add((holder_id, target))
                cue_a, cue_b = (a, b) if b > a else (dspan or (h.kstart, h.kend))
                ev_a, ev_b = min(cue_a, h.kstart), max(cue_b, h.kend)
                out.append(
                    {
                        "holder_id": holder_id,
                        "holder_surface": holder_surface,
                        "target": target,
                        "polarity": pol,
                        "cue": s.surface(cue_a, cue_b),
                        "cue_id": cat,
                        "issue_phrase": s.surface(h.kstart, h.kend),
                        "span": s.doc_span(ev_a, ev_b),
                    }
                )
            used.add(h.kstart)
    return out


@functools.cache
def _deflectors() -> Lexicon:
    return build_lexicon([("deflector", _stance_data().get("deflectors", []))], proclitics="وفبل")


def _is_offer(form: str) -> bool:
    return form.lstrip("وف").startswith(("عرض", "اقترح", "يعرض", "تعرض", "يقترح", "تقترح"))


def _verbal(s: Sent, kpos: int) -> bool:
    """Is the direction word a finite verb (starts with a person prefix or is negated)?"""
    tok = s.key[kpos : kpos + 6]
    return tok[:1] in "يتنس" or negated(s, kpos)


def _holders(
    s: Sent,
    a: int,
    b: int,
    cat: str,
    form: str,
    issues: list[IssueHit],
    att: dict[str, Any] | None,
    speaker_cue: int,
) -> list[tuple[str, str]]:
    """Who holds the attitude: its explicit subject, else the speaker of the sentence."""
    verbal = bool(form) and fold(form).lstrip("وف") not in _nominal_forms()
    subj = explicit_subject(s, a, b, issues=issues, verbal=verbal)
    if subj:
        return [(m.actor_id, m.surface) for m in subj]
    holders = speaker_holder(att, a)
    if holders and self_reference(s, a):
        sid = holders[0][0]
        return [(top_state(sid) or sid, s.surface(*_self_span(s, a)))]
    a_doc = s.doc_span(a, max(b, a + 1))[0]
    spans = (att or {}).get("quote_spans")
    # a list in process; an array of pairs when the attribution was read back from Parquet
    spans = [] if spans is None else spans
    in_quote = any(q0 <= a_doc < q1 for q0, q1 in spans)
    if holders and (0 <= speaker_cue < a_doc or in_quote or (att and att.get("carried_over"))):
        return holders
    return []


def _self_span(s: Sent, kstart: int) -> tuple[int, int]:
    i = s.tok_index(kstart)
    for j in range(max(0, i - 3), i):
        if bare(s.token_text(j)) in _SELF_WORDS:
            return s.tokens[j]
    return kstart, kstart


def claims(
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    attribution: pd.DataFrame,
    prefilter_re: re.Pattern[str],
    keep: Callable[[str, tuple], bool] | None = None,
) -> Iterator[tuple[Sent, dict[str, Any] | None, Any, str]]:
    """(sentence, its attribution row, date, outlet) for every headline/body sentence whose
    folded text hits ``prefilter_re`` (and ``keep(key, mentions)``, when given): the loop
    that ``tag_stances`` and ``positions.tag_positions`` share."""
    meta = doc_meta(documents)
    by_sent = mentions_by_sentence(mentions)
    atts = attribution_index(attribution)
    sub = claim_sentences(sentences)
    for rec in sub[["doc_id", "sent_id", "start", "text"]].itertuples(index=False):
        text = str(rec.text)
        key = fold(text)
        if not prefilter_re.search(key):
            continue
        doc_id, sent_id = str(rec.doc_id), int(rec.sent_id)
        ments = by_sent.get((doc_id, sent_id), ())
        if keep is not None and not keep(key, ments):
            continue
        s = Sent.build(doc_id, sent_id, int(rec.start), text, ments)
        date, outlet = meta.get(doc_id, (pd.NaT, ""))
        yield s, atts.get((doc_id, sent_id)), date, outlet


def claim_row(
    s: Sent, att: dict[str, Any] | None, found: dict[str, Any], date: Any, outlet: str
) -> dict[str, Any]:
    """The columns stances and positions share, for one item ``found`` in sentence ``s``
    (its ``span`` is popped and becomes ``start``/``end``)."""
    start, end = found.pop("span")
    return {
        "doc_id": s.doc_id,
        "sent_id": s.sent_id,
        "start": start,
        "end": end,
        "holder_affiliation": holder_affiliation(found["holder_id"], att),
        "speaker_id": att["speaker_id"] if att else OUTLET,
        "source_chain": att["source_chain"] if att else outlet,
        "hedged": bool(att["hedged"]) if att else False,
        "date": date,
        "outlet": outlet,
        **found,
    }


def tag_stances(
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    attribution: pd.DataFrame,
) -> pd.DataFrame:
    """Stances in headline/body sentences (columns: ``STANCE_COLUMNS``)."""

    def about_something(key: str, ments: tuple) -> bool:
        # an attitude with nothing to be about is skipped before the sentence is built
        return bool(issue_prefilter().search(key)) or any(
            m["actor_id"] in _mention_issues() for m in ments
        )

    rows: list[dict[str, Any]] = []
    for s, att, date, outlet in claims(
        sentences, documents, mentions, attribution, prefilter(), about_something
    ):
        seen = set()
        for st in stances_in_sentence(s, att):
            k = (st["holder_id"], st["target"], st["polarity"])
            if k in seen:
                continue
            seen.add(k)
            row = claim_row(s, att, st, date, outlet)
            row["evidence"] = s.text[row["start"] - s.start : row["end"] - s.start]
            rows.append(row)
    out = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    return _typed(out, STANCE_COLUMNS)


def holder_affiliation(holder_id: str, att: dict[str, Any] | None) -> str:
    """The holder's state (top of its affiliation chain); for an unnamed source, the state
    of the body it belongs to ("مصدر في الخارجية السورية" → SYR)."""
    if holder_id == UNNAMED:
        aff = str(att.get("speaker_affiliation") or "") if att else ""
        return top_state(aff) if aff else ""
    return top_state(holder_id) if holder_id else ""


def attribution_index(attribution: pd.DataFrame) -> dict[tuple[str, int], dict[str, Any]]:
    """(doc_id, sent_id) → attribution row as a dict (the speaker cue's key position too)."""
    if attribution is None or attribution.empty:
        return {}
    out = {}
    for rec in attribution.to_dict("records"):
        out[(str(rec["doc_id"]), int(rec["sent_id"]))] = rec
    return out


def _typed(out: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for col in columns:
        if col in {"sent_id", "start", "end"}:
            out[col] = out[col].astype("int64")
        elif col == "hedged":
            out[col] = out[col].astype(bool)
        elif col == "date":
            out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
        else:
            out[col] = out[col].astype("string")
    return out.reset_index(drop=True)


_ = (CHAIN_SEP, affiliation_of)
