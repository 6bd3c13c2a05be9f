"""The markers after a move that say what it asks in exchange, on what condition or in
what order (مقابل، شرط، على أن، في حال، قبل أن: ``data/cues_moves.yaml``), and "إلا" before a
condition ("لن تشارك … إلا في حال …": not unless, a condition)."""

from __future__ import annotations

from analysis.tag.clauses import Sent, bare, is_clause_end
from analysis.tag.cues import exchange_lexicon
from analysis.tag.matcher import base_forms

__all__ = ["exchange_marker", "unless_condition"]


def exchange_marker(s: Sent, b: int, end: int) -> tuple[int, int, str] | None:
    """The first exchange/condition/sequence marker in the move's scope."""
    for a2, b2, _f, labels in exchange_lexicon().find(s.key):
        if b <= a2 < end and labels[0] != "unless_terms":
            if labels[0] == "sequence" and not _sequence_ok(s, b2):
                continue
            return a2, b2, labels[0]
    return None


def unless_condition(s: Sent, b: int, end: int) -> int | None:
    """Where the first condition marker in [b, end) with إلا before it stands ("لن تقبل
    عودة العلاقات إلى ما كانت عليه قبل الانقلاب إلا من خلال تحقيق ثلاثة شروط"), an earlier
    marker of another kind (قبل) notwithstanding; None when there is none."""
    for a2, _b2, _f, labels in exchange_lexicon().find(s.key):
        kind = labels[0] in ("on_condition", "unless_terms")
        if b <= a2 < end and kind and unless_before(s, a2):
            return a2
    return None


def unless_before(s: Sent, kpos: int) -> bool:
    """Does إلا stand before the condition marker at ``kpos``, right before it ("إلا في
    حال") or a few words before in the same clause ("إلا من خلال تحقيق ثلاثة شروط", "إلا
    وفق شروط")?"""
    words = s.key[max(0, kpos - 60) : kpos].split()[-5:]
    for w in reversed(words):
        if is_clause_end(w):
            return False
        if w == "الا":
            return True
    return False


_MOVE_WORDS = ("انسحاب", "الانسحاب", "خروج", "اخراج", "سحب", "رفع", "وقف", "اي", "ان")


def _sequence_ok(s: Sent, kend: int) -> bool:
    """قبل/بعد count as an exchange only before a move word (انسحاب، خروج …), its proclitics
    aside (``matcher.base_forms``: "بوقف" is وقف, not قف)."""
    after = s.key[kend : kend + 40].split()[:3]
    return any(f.startswith(_MOVE_WORDS) for w in after for f in base_forms(bare(w)))
