"""Stances: who is for or against what (holder → issue, with polarity).

``tag_stances(sentences, documents, mentions, attribution)`` finds, in headline and body
sentences, an attitude cue (demand, reject, accept, affirm, discuss — ``data/cues_stance.yaml``)
and the issues in its scope (``data/issues.yaml``). Polarity is attitude × direction ×
negation: "طالب بانسحاب القوات الإيرانية" is want × withdraw → oppose ``iranian_presence``;
"لن تنسحب" voiced by Iran is support; acceptance or linkage with a condition is
``conditional``; a discussion ("بحث") takes no side and gives no row. The holder is the
explicit subject of the cue, else the sentence's speaker (from ``attribution``); without a
holder nothing is emitted. Given the moves table, a cue on a word the moves reader read as
a move takes that move's holders. An issue phrase that only says when ("خلال المرحلة
الانتقالية") is no target.

Issues are found by ``analysis.tag.issues``, holders by ``analysis.tag.holders``; the cue
lexicons are ``analysis.tag.cues``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import RELATIVES
from analysis.tag.claims import (
    claim_row,
    clause_speaker,
    iter_claims,
    typed_columns,
)
from analysis.tag.clauses import (
    Sent,
    bare,
    before_complementiser,
    clause_bounds,
    qabl_is_verb,
    tokens_between,
)
from analysis.tag.cues import (
    attitude_info,
    attitude_lexicon,
    condition_lexicon,
    cue_signs,
    deflector_lexicon,
    direction_lexicon,
    nominal_forms,
    reach_through,
)
from analysis.tag.directions import direction_after, find_directions, issue_direction
from analysis.tag.holders import stance_holders
from analysis.tag.issues import (
    IssueHit,
    find_issues,
    is_place,
    issue_prefilter,
    mention_issues,
    own_presence_issue,
    owns_issue,
    stance_target,
)
from analysis.tag.lexicon import Prefilter, prefilter_of
from analysis.tag.modality import future_form, negated, past_negation
from analysis.tag.movers import move_holders, movers_at
from analysis.tag.nearby import words_between
from analysis.text.normalize import fold

__all__ = [
    "STANCE_COLUMNS",
    "stances_in_sentence",
    "tag_stances",
]

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
    "reason",
]


#: How far (in words) an issue may stand after / before its attitude cue. Why: in long
#: sentences a distant issue belongs to another clause; measured on the gold tables, every
#: true pair is within these bounds.
MAX_AFTER, MAX_BEFORE = 9, 5
# a relative pronoun, or ما/مما ("which"), between an issue and the verb after it
_RELATIVE = re.compile(rf"(?<![\w])(?:{'|'.join([*RELATIVES, 'ما', 'مما'])})(?![\w])")


@functools.cache
def prefilter() -> Prefilter:
    """One regex over folded text: attitude or direction cue present."""
    return prefilter_of((attitude_lexicon(), direction_lexicon()))


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
            if s.key[s.tokens[i][0] : m.kstart].endswith("ل"):
                return m.actor_id  # "لن تسمح للنظام الإيراني بترسخ وجوده"
        called = _called_after_subject(s, h, b, holder)
        if called:
            return called
    return holder


def _called_after_subject(s: Sent, h: IssueHit, b: int, holder: str) -> str:
    """The actor right after the holder's own name, between the cue (ending at ``b``) and
    the issue, not joined to it by و: the one called on ("دعت وزارة الدفاع الأمريكية وحدات
    الحماية لتحقيق انسحاب"; but "اشترطت واشنطن وإسرائيل خروج …"); else ``""``."""
    subj = next((m for m in s.mentions if m.actor_id == holder and b <= m.kstart), None)
    if subj is None:
        return ""
    obj = next((m for m in s.mentions if subj.kend <= m.kstart < h.kstart), None)
    if obj is None or obj.kind not in ACTOR_KINDS or tokens_between(s, subj.kend, obj.kstart):
        return ""
    # a clitic و before the name (left out of the mention) joins it to the subject
    clitics = s.key[s.tokens[s.tok_index(obj.kstart)][0] : obj.kstart]
    return "" if "و" in clitics else obj.actor_id


def stances_in_sentence(
    s: Sent, att: dict[str, Any] | None, movers: dict[int, list[tuple[str, str]]] | None = None
) -> list[dict[str, Any]]:
    """Stance records (holder, target, polarity, cue, spans) for one sentence. ``movers``:
    the holders the moves reader found for the move read at a token (``move_holders``)."""
    issues = find_issues(s)
    if not issues:
        return []
    signs = cue_signs()
    info = attitude_info()
    dirs = find_directions(s)
    conds = [
        (a, b, labs[0])
        for a, b, _f, labs in condition_lexicon().find(s.key)
        if not (labs[0] == "until" and _so_far(s, a))
    ]
    atts, commit_sign = _attitude_cues(s, dirs, conds)
    deflect = [a for a, _b, _f, _l in deflector_lexicon().find(s.key)]
    out: list[dict[str, Any]] = []
    used: set[int] = set()
    speaker_cue = int(att.get("cue_start", -1)) if att else -1
    for idx, (a, b, form, cat) in enumerate(atts):
        cue = _scope(s, atts, idx, conds, info.get(cat, {}))
        cands = [
            h
            for h in issues
            if h.kstart not in used
            and not h.time  # "برحيل الأسد خلال المرحلة الانتقالية": when, not what
            and h.issue not in cue.info.get("skip_issues", [])
            and (not cue.info.get("only_issues") or h.issue in cue.info["only_issues"])
            and not any(b <= d < h.kstart for d in deflect)
        ]
        targets = _targets(s, cue, cands)
        if not targets:
            continue
        if cue.info.get("takes_no_side"):
            used.update(h.kstart for h in targets)  # the issue stays the discussion's
            continue
        # a later clause may have its own speaker ("…، فيما قال ظريف إن بلاده …")
        here, cue_at, said = clause_speaker(att, s.doc_span(a, max(b, a + 1))[0], speaker_cue)
        moved = (movers or {}).get(s.tok_index(a)) if cue.info.get("read_as_move") else None
        # a word the moves reader read as a move has that reading's holders
        holders = moved or stance_holders(s, a, b, cat, form, issues, here, cue_at)
        if not holders:
            continue
        neg = bool(form) and negated(s, a)
        if neg and signs.get(cat, 1) > 0 and past_negation(s, a):
            continue  # "لم تطالب": the absence of a demand is not a stance
        att_sign = signs.get(cat, 1) * (-1 if neg else 1)
        if cat == "commit":
            att_sign = commit_sign.get(a, 1)
        if neg and _until_after(cue):
            # "لن تدعم إعادة الإعمار حتى يتم الانتقال السياسي": withheld until, a condition
            cue = replace(cue, withheld=True)
        for h in targets:
            found = _target_stances(s, cue, h, holders, issues, dirs, att_sign)
            out.extend({**st, **said} for st in found)
            used.add(h.kstart)
    return out


def _attitude_cues(
    s: Sent, dirs: list[tuple[int, int, str, int]], conds: list[tuple[int, int, str]]
) -> tuple[list[tuple[int, int, str, str]], dict[int, int]]:
    """The sentence's attitude cues (kstart, kend, form, attitude id), in order, and the
    sign of each commitment among them (a ``commit`` cue has no form)."""
    info = attitude_info()
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
            info.get(x[3], {}).get("not_before_complementiser") and before_complementiser(s, x[1])
        )
    ]
    # A future or negated direction verb outside any attitude is itself a commitment:
    # "لن تنسحب القوات الإيرانية", "ستبقى قواتنا" — unless it is the condition of an if-clause.
    commit_sign: dict[int, int] = {}
    for a, b, _lab, sg in dirs:
        # "لن تسمح" is the attitude (want, negated) where a cue stands on the word itself
        covered = any(x <= a <= y + 40 for x, y, _f, _l in atts)
        if (
            not covered
            and (future_form(s, a) or negated(s, a))
            and _verbal(s, a)
            and not _in_if_clause(s, a, conds)
        ):
            atts.append((a, b, "", "commit"))
            commit_sign[a] = sg * (-1 if negated(s, a) else 1)
    atts.sort()
    return atts, commit_sign


def _scope(
    s: Sent,
    atts: list[tuple[int, int, str, str]],
    idx: int,
    conds: list[tuple[int, int, str]],
    info: dict[str, Any],
) -> _Cue:
    """Attitude cue ``idx`` with its clause, its scope and the condition markers around it."""
    a, b, form, cat = atts[idx]
    lo, hi = clause_bounds(s, a)
    nxt = next((x for x, *_ in atts[idx + 1 :] if x > b), hi)
    return _Cue(
        a,
        b,
        cat,
        info,
        lo,
        hi,
        scope_end=min(hi, nxt),
        link=next((c for c in conds if c[2] == "linkage" and lo <= c[0] < hi), None),
        exch=next(
            (c for c in conds if c[0] > a and c[2] in {"exchange", "on_condition", "if", "until"}),
            None,
        ),
        hypo=next((c for c in conds if c[2] == "if" and lo <= c[0] < hi), None),
        until=next((c for c in conds if c[2] == "until" and c[0] > a), None),
        verbal=bool(form) and fold(form).lstrip("وف") not in nominal_forms(),
    )


def _targets(s: Sent, cue: _Cue, cands: list[IssueHit]) -> list[IssueHit]:
    """The candidate issues the cue is about: after it (within ``MAX_AFTER`` words and its
    scope), else the last one before it in its clause, as its attitude entry says."""
    a, b, lo, hi, info = cue.a, cue.b, cue.lo, cue.hi, cue.info
    if info.get("needs_issue_after") and not any(h.kstart >= b for h in cands):
        return []
    if info.get("target_before"):
        return [h for h in cands if lo <= h.kstart and h.kend <= a][-1:]
    if info.get("conditional"):
        return [h for h in cands if b <= h.kstart < hi][:1]
    if cue.link is not None:
        return [h for h in cands if lo <= h.kstart < cue.link[0]][:1]
    reach = int(info.get("max_after", MAX_AFTER))
    through = reach_through().get(cue.cat, frozenset())
    targets = [
        h
        for h in cands
        if b <= h.kstart < cue.scope_end and words_between(s, b, h.kstart, through) <= reach
    ]
    if not targets and not info.get("after_only"):
        targets = [
            h
            for h in cands
            if lo <= h.kstart
            and h.kend <= a
            and tokens_between(s, h.kend, a) <= MAX_BEFORE
            and (not cue.verbal or _RELATIVE.search(s.key, h.kend, a))
        ][-1:]
    return targets


def _target_stances(
    s: Sent,
    cue: _Cue,
    h: IssueHit,
    holders: list[tuple[str, str]],
    issues: list[IssueHit],
    dirs: list[tuple[int, int, str, int]],
    att_sign: int,
) -> list[dict[str, Any]]:
    """One stance per holder (and target) of the cue on issue ``h``."""
    a, b, cat = cue.a, cue.b, cue.cat
    after_exchange = cue.exch is not None and h.kstart > cue.exch[0]
    if cat == "commit":
        dsign, dspan = 1, (a, b)
    else:
        dir_lo = b if h.kstart >= b else s.tokens[max(0, s.tok_index(h.kstart) - 3)][0]
        dsign, dspan = issue_direction(s, h, dirs, dir_lo)
        if dspan is None and h.kend <= a:
            dsign, dspan = direction_after(s, cue.b, cue.scope_end, dirs)
        if dspan is None and is_place(h.issue):
            # "موافقة واشنطن على توافقات في الجنوب السوري": a place that counts for Iran's
            # presence says nothing of it without a word that moves the forces (as implied)
            return []
    spans = [(x.kstart, x.kend) for x in issues]
    out: list[dict[str, Any]] = []
    seen_targets: set[tuple[str, str]] = set()
    for holder_id, holder_surface in holders:
        if holder_id in mention_issues():
            continue  # "the militias" cannot hold a stance on their own presence
        issue = h.issue or own_presence_issue(_pronoun_owner(s, h, b, holder_id, cat, spans))
        if not issue:
            continue
        if after_exchange and not owns_issue(holder_id, issue):
            continue  # what the holder asks in exchange is not its stance on it
        pol = _polarity(cue, after_exchange, att_sign, dsign, owns_issue(holder_id, issue))
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
                "reason": f"attitude {cat} «{s.surface(cue_a, cue_b)}»; holder"
                f" «{holder_surface}»; issue «{s.surface(h.kstart, h.kend)}»",
            }
        )
    return out


def _polarity(cue: _Cue, after_exchange: bool, att_sign: int, dsign: int, owns: bool) -> str:
    """attitude × direction, or ``conditional`` (a condition, exchange or linkage around
    the cue; an acceptance or commitment tied to one).
    ``owns``: the issue is the presence of the holder's own forces."""
    tied = cue.exch is not None or cue.hypo is not None
    if (
        bool(cue.info.get("conditional"))
        or cue.withheld
        or cue.link is not None
        or after_exchange
        or (cue.info.get("accept") and (tied or (dsign < 0 and owns)))
        or (
            cue.cat == "commit"
            and (tied or (cue.until is not None and att_sign > 0 and dsign > 0 and owns))
        )
    ):
        return "conditional"
    return "support" if att_sign * dsign > 0 else "oppose"


# "حتى الآن" is "so far", not "until"
_NOT_UNTIL = frozenset({"الان", "اللحظه", "اليوم", "الساعه"})


def _so_far(s: Sent, kpos: int) -> bool:
    """Is the "until" word at ``kpos`` "so far" ("حتى الآن", "حتى اللحظة")?"""
    i = s.tok_index(kpos)
    return i + 1 < len(s.tokens) and bare(s.token_text(i + 1)) in _NOT_UNTIL


def _until_after(cue: _Cue) -> bool:
    """Is there an "until" (حتى، قبل) after the cue, in its clause?"""
    return cue.until is not None and cue.until[0] < cue.hi


def _verbal(s: Sent, kpos: int) -> bool:
    """Is the direction word a finite verb (starts with a person prefix or is negated)?"""
    tok = s.key[kpos : kpos + 6]
    return tok[:1] in "يتنس" or negated(s, kpos)


def tag_stances(
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    attribution: pd.DataFrame,
    positions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Stances in headline/body sentences (columns: ``STANCE_COLUMNS``). With the moves
    table (``positions``), an attitude cue on a word read as a move takes that move's
    holders: one reading of who holds it for both tables."""
    moves = move_holders(positions)

    def about_something(key: str, ments: tuple) -> bool:
        # an attitude with nothing to be about is skipped before the sentence is built
        return bool(issue_prefilter().search(key)) or any(
            m["actor_id"] in mention_issues() for m in ments
        )

    rows: list[dict[str, Any]] = []
    for s, att, date, outlet in iter_claims(
        sentences, documents, mentions, attribution, prefilter(), about_something
    ):
        seen = set()
        movers = (
            movers_at(s, moves[(s.doc_id, s.sent_id)]) if (s.doc_id, s.sent_id) in moves else None
        )
        for st in stances_in_sentence(s, att, movers):
            k = (st["holder_id"], st["target"], st["polarity"])
            if k in seen:
                continue
            seen.add(k)
            row = claim_row(s, att, st, date, outlet)
            row["evidence"] = s.text[row["start"] - s.start : row["end"] - s.start]
            rows.append(row)
    out = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    return typed_columns(out, STANCE_COLUMNS)


@dataclass(frozen=True)
class _Cue:
    """An attitude cue (key span [a, b), attitude id, its entry in ``cues_stance.yaml``),
    the clause around it [lo, hi), where its scope ends, and the condition markers in
    reach: linkage in the clause, an exchange/condition after it, an if in the clause,
    an until after it."""

    a: int
    b: int
    cat: str
    info: dict[str, Any]
    lo: int
    hi: int
    scope_end: int
    link: tuple[int, int, str] | None
    exch: tuple[int, int, str] | None
    hypo: tuple[int, int, str] | None
    until: tuple[int, int, str] | None
    # a verb takes an issue before it only through a relative ("الانسحاب الذي ترفضه");
    # "… حل الأزمة السورية ودعا" and "… لأنه يدعم" begin another clause
    verbal: bool = False
    # negated with an until after it: "لن تدعم … حتى يتم الانتقال" (conditional)
    withheld: bool = False
