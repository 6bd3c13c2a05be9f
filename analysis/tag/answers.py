"""Who answers a move: an acceptance or a rejection right after an offer, a guarantee, a
demand or a condition addressed to a party is that party's when its subject is a pronoun
or carried over and agrees with it ("وقدموا ضمانات للأميركيين … ولكنهم لم يقبلوا").

``responder(s, cue, party, rule)`` gives the holder, or nothing.
"""

from __future__ import annotations

from analysis.tag.agreement import agrees, mention_agreement, verb_features
from analysis.tag.clauses import Sent, bare, is_clause_end, starting_in
from analysis.tag.cue import Cue
from analysis.text.normalize import fold

__all__ = ["responder"]


# What an answer's verb may take as object when it answers the move before: the move
# itself, a word for it, or nothing ("ولكنهم لم يقبلوا", "فرفضت العرض", "رفضت ذلك")
_ANSWERED = frozenset(
    fold(w)
    for w in (
        *("ذلك", "هذا", "هذه", "العرض", "الطلب", "المقترح", "الاقتراح", "الشروط", "الضمانات"),
        *("العروض", "المطالب", "المبادرة", "الدعوة", "بذلك", "بهذا", "بالعرض", "بالطلب"),
        *("بالمقترح", "بالاقتراح", "بالشروط", "بالضمانات", "بالمبادرة", "بالدعوة"),
    )
)


def responder(s: Sent, cue: Cue, party: str, rule: str) -> list[tuple[str, str]]:
    """The party an offer, guarantee, demand or condition before this cue addressed, as
    the holder of the move that answers it (``rule``: how the cue's own subject was read).
    An acceptance or a rejection whose subject is a pronoun or unexpressed and agrees with
    that party, with nothing but the move itself as object ("عرضت موسكو على أنقرة
    المشاركة فرفضت ذلك"); any move of a light verb after "لكن" with its pronoun ("وقدموا
    ضمانات للأميركيين … ولكنهم لم يقبلوا ولم يقدموا أي ضمان")."""
    if not cue.verb_reading.verbal:
        return []
    if cue.light and not rule.startswith("pronoun:لكن"):
        return []  # "وقدمت ضمانات" after "عرضت موسكو على أنقرة": Moscow goes on
    if not cue.light and cue.move not in ("accept", "reject"):
        return []
    ms = [m for m in s.mentions if m.actor_id == party and m.kend <= cue.kstart]
    if not ms:
        return []
    i = s.tok_index(cue.verb_span[0])
    nxt = s.token_text(i + 1) if i + 1 < len(s.tokens) else "."
    answers = (
        cue.light is not None
        or cue.verb_reading.enclitic.endswith("_dobj")
        or is_clause_end(s.token_text(i))
        or is_clause_end(nxt)
        or bare(nxt)[:1] == "و"
        or (bare(nxt) in _ANSWERED and not (i + 2 < len(s.tokens) and starting_in(s, i + 2)))
    )
    feats = verb_features(cue.verb_reading, s.word(i))
    if not answers or not agrees(mention_agreement(ms[-1]), feats, gender_only=False):
        return []
    return [(party, ms[-1].surface)]
