"""Which reading a word of a sentence takes: its original spelling for camel-tools and its
analyses ordered by its neighbours (``analysis.tag.morph.choose``)."""

from __future__ import annotations

from analysis.tag.clauses import Sent, bare, is_clause_end
from analysis.tag.morph import Reading, analyses, choose
from analysis.text.normalize import strip_marks

__all__ = ["reading_at", "word_at"]


def word_at(s: Sent, i: int) -> str:
    """The original spelling of token ``i`` for the analyser (no marks, no punctuation)."""
    return strip_marks(s.word(i))


def reading_at(s: Sent, i: int, after_actor: bool = False) -> tuple[list[Reading], str]:
    """Token ``i``'s readings, best first by its neighbours (``morph.choose``), and the rule."""
    raw_prev = s.token_text(i - 1) if i > 0 else ""
    prev = bare(raw_prev)
    nxt = bare(s.token_text(i + 1)) if i + 1 < len(s.tokens) else ""
    return choose(
        analyses(word_at(s, i)),
        prev=prev,
        nxt=nxt,
        clause_start=i == 0 or is_clause_end(raw_prev),
        after_actor=after_actor,
        token=bare(s.token_text(i)),
    )
