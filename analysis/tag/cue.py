"""A move cue (``Cue``: the word, its frame and reading, and the light verb that carries
it) and the cues no move stands behind because another move's complement holds them
(``drop_embedded``): what a demand, a pledge or a condition asks of someone is not that
actor's move ("طالبت المعارضة بأن تلتزم روسيا بالهدنة", "طالبت إسرائيل روسيا بتقديم
ضمانات")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from analysis.tag.clauses import Sent, bare, is_clause_end
from analysis.tag.morph import Reading
from analysis.text.normalize import fold

__all__ = ["Cue", "drop_embedded"]


@dataclass
class Cue:
    """A move cue: key span of its word, the frame, the reading and why it was read so."""

    kstart: int
    kend: int
    frame: dict[str, Any]
    reading: Reading
    how: str  # verb | noun | adj | light
    rule: str
    light: tuple[int, int] | None = None  # key span of the light verb
    light_reading: Reading | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def move(self) -> str:
        return str(self.frame["move"])

    @property
    def verb_span(self) -> tuple[int, int]:
        """The span whose subject holds the move: the light verb, else the cue itself."""
        return self.light or (self.kstart, self.kend)

    @property
    def verb_reading(self) -> Reading:
        return self.light_reading or self.reading


def drop_embedded(s: Sent, cues: list[Cue]) -> list[Cue]:
    """Cues without the verbs in the complement of an earlier move ("طالبت المعارضة بأن
    تلتزم روسيا بالهدنة"): what a demand, a pledge or a condition asks of someone is not
    that actor's move."""
    keep: list[Cue] = []
    for c in cues:
        clause = c.how in ("verb", "adj") or (c.light and c.verb_reading.verbal)
        if clause and any(_complement_of(s, head, c) for head in keep):
            continue
        nominal = c.how == "noun" or (c.light is not None and not c.verb_reading.verbal)
        if nominal and any(_asked(s, head, c) for head in keep):
            continue
        keep.append(c)
    return keep


def _asked(s: Sent, head: Cue, c: Cue) -> bool:
    """Is the noun cue ``c`` what a demand asks for: with بـ/لـ or after إلى within six words
    after it, no comma between ("طالبت إسرائيل روسيا بتقديم ضمانات", "تضغط على موسكو
    لتقديم ضمانات")? The guarantee is asked of Russia, not given by it."""
    if head.move not in ("demand", "condition") or head.how == "noun":
        return False
    lo = s.tok_index(max(head.kstart, head.kend - 1)) + 1
    hi = s.tok_index(c.verb_span[0])
    if not lo <= hi <= lo + 6 or any(is_clause_end(s.token_text(k)) for k in range(lo, hi)):
        return False
    prev = bare(s.token_text(hi - 1)) if hi > 0 else ""
    word = bare(s.token_text(hi))
    # an attached بـ/لـ: the word starts with it and its lemma does not ("لتقديم")
    attached = word[:1] in ("ب", "ل") and fold(c.verb_reading.lemma)[:1] != word[:1]
    return attached or prev in ("الى", "علي")


def _complement_of(s: Sent, head: Cue, c: Cue) -> bool:
    """Does cue ``c`` stand in a أن-clause of cue ``head``: أن/بأن within four words
    after the head (its subject and addressee may come first: "اشترطت دمشق أن", "تريد
    واشنطن من موسكو أن"), ``c`` within eight, no comma between? A later "وقالت إن" opens a
    new statement, not a complement."""
    lo = s.tok_index(max(head.kstart, head.kend - 1)) + 1
    hi = s.tok_index(c.verb_span[0])
    if not lo <= hi <= lo + 8:
        return False
    if any(is_clause_end(s.token_text(k)) for k in range(lo, hi)):
        return False
    for k in range(lo, min(hi, lo + 4)):
        word = bare(s.token_text(k))
        if word.removeprefix("و") in _SAYING:
            return False  # "…، وقالت الوكالة إن": a new statement
        if word in ("ان", "بان"):
            return True
    return False


# reporting verbs that open a new statement between a move and a later أن
_SAYING = frozenset(
    {"قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اوضح", "اوضحت", "اعلن", "اعلنت", "ذكر", "ذكرت"}
)
