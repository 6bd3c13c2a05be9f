"""The markers after a move that say what it asks in exchange, on what condition or in
what order (مقابل، شرط، على أن، في حال، قبل أن: ``data/cues_moves.yaml``), and "إلا" before a
condition ("لن تشارك … إلا في حال …": not unless, a condition)."""

from __future__ import annotations

from analysis.tag.clauses import Sent, bare
from analysis.tag.cues import exchange_lexicon
from analysis.tag.matcher import base_forms

__all__ = ["exchange_marker", "unless_before"]


def exchange_marker(s: Sent, b: int, end: int) -> tuple[int, int, str] | None:
    """The first exchange/condition/sequence marker in the move's scope."""
    for a2, b2, _f, labels in exchange_lexicon().find(s.key):
        if b <= a2 < end:
            if labels[0] == "sequence" and not _sequence_ok(s, b2):
                continue
            return a2, b2, labels[0]
    return None


def unless_before(s: Sent, kpos: int) -> bool:
    """Does إلا stand right before the condition marker at ``kpos`` ("إلا في حال")?"""
    return s.key[max(0, kpos - 5) : kpos].strip().endswith("الا")


_MOVE_WORDS = ("انسحاب", "الانسحاب", "خروج", "اخراج", "سحب", "رفع", "وقف", "اي", "ان")


def _sequence_ok(s: Sent, kend: int) -> bool:
    """قبل/بعد count as an exchange only before a move word (انسحاب، خروج …), its proclitics
    aside (``matcher.base_forms``: "بوقف" is وقف, not قف)."""
    after = s.key[kend : kend + 40].split()[:3]
    return any(f.startswith(_MOVE_WORDS) for w in after for f in base_forms(bare(w)))
