"""Pledges that are not what they seem. A pledge against a third party: a guarantee whose
complement is an act of force against an actor ("تعهدت إسرائيل بضرب أي وجود إيراني في
سوريا", "توعد بمحاربة الفصائل") threatens that actor (``pledge_against`` in
``data/frames.yaml``, ``hostile_acts`` in ``data/cues_moves.yaml``). A promise kept, carried
out or broken ("أن يفي ترامب بوعده") was made before and is only referred to
(``fulfilment_words``). A pledge not to use force ("بعدم القتال ضد تركيا") is no threat."""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.clauses import NOT_NOUNS, Mention, Sent, bare, is_clause_end
from analysis.tag.cues import fulfilment_words, hostile_acts

__all__ = ["hostile_target", "kept_or_broken"]

_NO_ACT = ("", None)

# how far after the cue the act may stand ("تعهد نتنياهو بأن إسرائيل مستعدة للتحرك ضد"),
# and how far after the act its target
_ACT_WITHIN, _TARGET_WITHIN = 8, 4
# acts that are force only with على after them: القضاء على (eliminating, not the judiciary),
# الرد على (retaliating, not replying to a letter … is still الرد على: the target must be an actor)
_ON_ONLY = frozenset({"القضاء", "الرد"})
# words that name a partner, not a target
_WITH = frozenset({"مع", "بالتعاون", "بالتنسيق", "بمشاركة"})
# a negation between the cue and the act: a pledge not to use force ("بعدم القتال ضد تركيا")
_NOT = NOT_NOUNS | {"الا", "لا"}


def hostile_target(s: Sent, b: int, holder_ids: set[str]) -> tuple[str, Mention | None]:
    """(the act of force promised after the cue ending at key position ``b``, in its clause,
    folded, or ""; the actor it is aimed at, or None: "بمحاربة الإرهاب", "بمعاقبة كل من يثبت
    تورطه" aim at no party)."""
    acts = hostile_acts()
    i = s.tok_index(b)
    for j in range(i, min(i + _ACT_WITHIN, len(s.tokens))):
        raw = s.token_text(j)
        act = bare(raw).lstrip("و")
        nxt = bare(s.token_text(j + 1)) if j + 1 < len(s.tokens) else ""
        if act in acts and not (act.lstrip("ب") in _ON_ONLY and nxt != "علي"):
            if any(bare(s.token_text(k)).lstrip("و") in _NOT for k in range(i, j)):
                return _NO_ACT  # "تعهد بعدم القتال ضد تركيا": a guarantee, no threat
            end = j + 1
            while end < min(j + 1 + _TARGET_WITHIN, len(s.tokens)):
                if bare(s.token_text(end)) in _WITH:
                    break  # "بمحاربة الإرهاب بالتعاون مع تركيا": Turkey is a partner
                end += 1
            lo, hi = s.tokens[j][1], s.tokens[end - 1][1]
            target = next(
                (
                    m
                    for m in s.mentions
                    if lo <= m.kstart < hi
                    and m.kind in ACTOR_KINDS
                    and m.actor_id not in holder_ids
                ),
                None,
            )
            return act, target
        if j > i and is_clause_end(raw):
            return _NO_ACT
    return _NO_ACT


def kept_or_broken(s: Sent, i: int) -> bool:
    """Does a word of keeping or breaking a promise stand within three words before token
    ``i``, in its clause ("يفي ترامب بوعده", "فشله في تنفيذ أي من وعوده"), the promise saying
    nothing of what was promised? "ترقبنا تنفيذ الروس لوعدهم بمناقشة ملف المعتقلين" reports
    the promise itself."""
    if _promised_what(s, i):
        return False
    words = fulfilment_words()
    for j in range(i - 1, max(-1, i - 4), -1):
        raw = s.token_text(j)
        if is_clause_end(raw):
            return False
        w = bare(raw)
        # with و/ف and ب/ل in front: "وتنفيذ", "بالوفاء", "للوفاء"
        if any(w[k:] in words for k in range(3) if all(c in "وفبل" for c in w[:k])):
            return True
    return False


# ب-words after a promise that say when or why, not what was promised
_NOT_CONTENT = frozenset({"بموجب", "بشان", "بسبب", "بحسب", "بخصوص"})


def _promised_what(s: Sent, i: int) -> bool:
    """Does the promise at token ``i`` say what was promised (بـ + a noun within three words
    after it, in its clause: "بوعدهم بمناقشة", "تعهداته بالانسحاب")?"""
    for j in range(i + 1, min(i + 4, len(s.tokens))):
        if is_clause_end(s.token_text(j - 1)):
            return False
        w = bare(s.token_text(j))
        if w.startswith("ب") and len(w) > 3 and w not in _NOT_CONTENT:
            return True
    return False
