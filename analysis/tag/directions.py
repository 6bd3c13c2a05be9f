"""Directions: which way a clause moves an issue (``data/cues_stance.yaml`` directions).

"انسحاب القوات الإيرانية" ends Iran's presence (-1), "بقاء القوات" continues it (+1), and
naming the issue alone means its presence. ``find_directions`` reads a sentence's direction
words ("الخروج بحل سياسي" comes out with a solution and leaves nothing);
``issue_direction`` says which of them is about an issue phrase; ``direction_after`` finds
the one after a cue whose issue stands before it. Used by the attitude stances
(``analysis.tag.stance``) and the stances the moves imply (``analysis.tag.implied``).
"""

from __future__ import annotations

import re

from analysis.tag.clauses import Sent, bare, one_of
from analysis.tag.cues import come_out_with, cue_signs, direction_lexicon, leave_manner
from analysis.tag.issues import IssueHit, is_place, presence_heads
from analysis.tag.modality import negated
from analysis.tag.nearby import named
from analysis.text.normalize import fold

__all__ = ["direction_after", "find_directions", "issue_direction"]

#: A direction word: (kstart, kend, direction id, sign).
Direction = tuple[int, int, str, int]

# besides forces, the words between one that moves them and the place: "سحب قواتها من
# التنف", "انسحاب من القاعدة الأمريكية في التنف", "تعزيز تواجدها في جنوب سوريا" (folded)
_PLACE_WORDS = frozenset(
    {"من", "عن", "الي", "في", "داخل", "خارج", "قرب", "نحو", "القاعده", "قاعده", "منطقه"}
    | {"المنطقه", "مناطق", "المناطق", "الاراضي", "اراضي", "تواجده", "تواجدها", "تواجدهم"}
)

# و with the article (and perhaps بـ/لـ) on a noun: a new conjunct ("والتحول", "وبالعودة")
_CONJUNCT = re.compile(r"^و[بلك]?ال\w{2,}")


def _moves_forces_to(s: Sent, d_end: int, i_start: int) -> bool:
    """A place ("جنوب غرب سوريا", "التنف") takes a direction word that moves forces from or
    to it: only forces and prepositions between ("سحب قواتها من التنف"); "وقف إطلاق النار
    في جنوب غرب سوريا" halts the firing, not a presence."""
    allowed = presence_heads() | _PLACE_WORDS
    return all(
        named(s, k) or one_of(bare(s.token_text(k)), allowed)
        for k in range(s.tok_index(d_end), s.tok_index(i_start))
        if s.tokens[k][0] >= d_end
    )


def _governs(s: Sent, d_end: int, i_start: int) -> bool:
    """Can a direction word ending at ``d_end`` be about the issue phrase at ``i_start``?
    Not across a new conjunct ("وقف إطلاق النار والتحول إلى العملية السياسية": the halt is
    the ceasefire's, not the process's) or a person, nor more than four words away."""
    between = [
        bare(s.token_text(k))
        for k in range(s.tok_index(d_end), s.tok_index(i_start))
        if s.tokens[k][0] >= d_end
    ]
    # "برحيل الأسد مع بدء المرحلة الانتقالية": a person after the direction word is who
    # leaves, not the issue named after it ("إبعاد القوات الإيرانية عن الجنوب" is the issue)
    person_between = any(d_end <= m.kstart < i_start and m.kind == "person" for m in s.mentions)
    conjunct = any(_CONJUNCT.match(w) for w in between)
    return len(between) <= 4 and not person_between and not conjunct


def find_directions(s: Sent) -> list[Direction]:
    """The sentence's direction words (kstart, kend, direction id, sign); "الخروج بحل سياسي"
    comes out with a solution and leaves nothing."""
    signs = cue_signs()
    out = []
    for a, b, f, labs in direction_lexicon().find(s.key):
        i = s.tok_index(a)
        nxt = s.token_text(i + 1) if i + 1 < len(s.tokens) else ""
        word = bare(nxt)
        if fold(f) in come_out_with() and word[:1] == "ب" and word not in leave_manner():
            continue
        out.append((a, b, labs[0], signs[labs[0]]))
    return out


def issue_direction(
    s: Sent, issue: IssueHit, dirs: list[Direction], lo: int
) -> tuple[int, tuple[int, int] | None]:
    """(sign, span) of the last direction word in [lo, issue] or inside the issue phrase;
    (+1, None) when there is none (naming the issue means its presence/continuation)."""
    place = is_place(issue.issue)
    cands = [
        d
        for d in dirs
        if (
            lo <= d[0] <= issue.kstart
            and _governs(s, d[1], issue.kstart)
            and (not place or _moves_forces_to(s, d[1], issue.kstart))
        )
        or issue.kstart <= d[0] < issue.kend
    ]
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


def direction_after(
    s: Sent, b: int, scope_end: int, dirs: list[Direction]
) -> tuple[int, tuple[int, int] | None]:
    """For an issue before its cue (the cue ending at ``b``), the direction word just after
    the cue: "القوات الأميركية يجب أن لا تبقى", "الوجود الإيراني مرفوض استمراره". Within
    three words, before ``scope_end``."""
    i = s.tok_index(b)
    hi = s.tokens[min(len(s.tokens) - 1, i + 3)][1] if s.tokens else b
    d = next((d for d in dirs if b <= d[0] < min(hi, scope_end)), None)
    if d is None:
        return 1, None
    return d[3] * (-1 if negated(s, d[0], window=1) else 1), (d[0], d[1])
