"""A pledge against a third party: a guarantee whose complement is an act of force against
an actor ("تعهدت إسرائيل بضرب أي وجود إيراني في سوريا", "توعد بمحاربة الفصائل") threatens
that actor; it guarantees nothing to anyone (``pledge_against`` in ``data/frames.yaml``,
``hostile_acts`` in ``data/cues_moves.yaml``)."""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.clauses import Mention, Sent, bare, is_clause_end
from analysis.tag.cues import hostile_acts

__all__ = ["hostile_target"]

# how far after the cue the act may stand ("تعهد نتنياهو بأن إسرائيل مستعدة للتحرك ضد"),
# and how far after the act its target
_ACT_WITHIN, _TARGET_WITHIN = 8, 4


def hostile_target(s: Sent, b: int, holder_ids: set[str]) -> Mention | None:
    """The actor an act of force after the cue ending at key position ``b`` is aimed at,
    in the cue's clause; None when the complement names no such act and target."""
    acts = hostile_acts()
    i = s.tok_index(b)
    for j in range(i, min(i + _ACT_WITHIN, len(s.tokens))):
        raw = s.token_text(j)
        if bare(raw).lstrip("و") in acts:
            lo, hi = s.tokens[j][1], s.tokens[min(j + _TARGET_WITHIN, len(s.tokens) - 1)][1]
            return next(
                (
                    m
                    for m in s.mentions
                    if lo <= m.kstart < hi
                    and m.kind in ACTOR_KINDS
                    and m.actor_id not in holder_ids
                ),
                None,
            )
        if j > i and is_clause_end(raw):
            return None
    return None
