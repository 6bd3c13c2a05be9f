"""The party a speaker met when making a move: "طالب الجربا، خلال لقائه وزير الخارجية الروسي
سيرجي لافروف، بوقف …", "دعا روحاني خلال اتصال هاتفي مع أمير قطر إلى …". A demand, an offer
or a guarantee made in a meeting or a call with one party, and addressed to no one else,
is addressed to that party.

``met_party(s, a, b, holder_ids)`` gives its actor id, or ``""``. ``meeting_pair(s, a,
pool)`` gives the two sides of a meeting told before key position ``a`` ("أجرى بوتين
محادثات مع الأسد اتفق خلالها الزعيمان", "التقى أردوغان نظيره الروسي … حيث أكد الجانبان"),
the antecedents of "the two sides" when no pair is joined by و.
"""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS, affiliation_of
from analysis.tag.clauses import (
    Mention,
    Sent,
    bare,
    is_clause_end,
    starting_in,
)
from analysis.tag.matcher import base_forms
from analysis.tag.objects import after_prep
from analysis.text.normalize import fold

__all__ = ["meeting_pair", "met_party"]

# "خلال لقائه"، "لدى استقباله"، "في اتصال هاتفي مع"، "عقب اجتماعه بـ"
_WHEN = frozenset(fold(w) for w in ("خلال", "أثناء", "لدى", "في", "عقب", "بعد", "إثر"))
# stems: "لقائه" keeps the hamza on its seat, "لقاء" on the line
_MEETINGS = tuple(
    fold(w) for w in ("لقا", "اجتماع", "اتصال", "استقبال", "محادثات", "مباحثات", "مكالم")
)
_BETWEEN = frozenset(fold(w) for w in ("مع", "هاتفي", "الهاتفي", "هاتفيا", "نظيره", "نظيرها"))
# verbs of meeting whose object is the other side ("التقى أردوغان نظيره الروسي")
_MEET_VERBS = tuple(fold(w) for w in ("التقى", "التقت", "يلتقي", "تلتقي", "استقبل", "استقبلت"))
# how far the meeting may stand from the move, in words, before or after it
_REACH = 16


def met_party(s: Sent, a: int, b: int, holder_ids: set[str]) -> str:
    """The one party a meeting or call near the move at key span [a, b) was with ("" when
    none, or when the meeting names no actor or the holder itself)."""
    i, k = s.tok_index(a), s.tok_index(b)
    for j in range(max(0, i - _REACH), min(len(s.tokens) - 1, k + _REACH)):
        if bare(s.token_text(j)) not in _WHEN:
            continue
        meeting = bare(s.token_text(j + 1))
        if not any(f.startswith(_MEETINGS) for f in base_forms(meeting)):
            continue  # "لقائه", "وبلقائه": its proclitics aside (``matcher.base_forms``)
        x = j + 2
        while x < len(s.tokens) and bare(s.token_text(x)) in _BETWEEN:
            x += 1
        # the party is the object of "لقائه"، "استقباله" or follows مع; a genitive of a
        # bare meeting noun is often its venue ("في اجتماعات الرياض")
        with_ma = any(bare(s.token_text(y)) == "مع" for y in range(j + 2, x))
        if not with_ma and not meeting.endswith(("ه", "ها", "هم", "هما")):
            return ""
        # a comma may set off the time ("خلال لقائه، أمس، قائد الجيش"): no party then
        if x >= len(s.tokens) or not bare(s.token_text(x)) or is_clause_end(s.token_text(x - 1)):
            return ""
        # the party's mention, or the nisba after its head ("نظيره الأميركي")
        met = [
            m
            for y in range(x, min(x + 2, len(s.tokens)))
            for m in starting_in(s, y)
            if m.kind in ACTOR_KINDS
        ]
        if not met:
            return ""
        party = met[0].actor_id
        # the holder's own state or people is no party met ("وزير الخارجية الروسي" beside
        # Lavrov, the title read as a nisba when the page has no date)
        own = {affiliation_of(h, level="state") or h for h in holder_ids}
        return (
            ""
            if party in holder_ids or (affiliation_of(party, level="state") or party) in own
            else party
        )
    return ""


def meeting_pair(s: Sent, a: int, pool: list[Mention]) -> list[Mention]:
    """The two sides of the last meeting told before key position ``a``: the actor it was
    with (after مع or نظيره, or the object of التقى/استقبل) and the nearest actor before that
    meeting which is no prepositional object, when they are two different actors; else
    ``[]``."""
    last = s.tok_index(a)
    for j in range(last - 1, -1, -1):
        word = bare(s.token_text(j))
        meeting = any(f.startswith(_MEETINGS) for f in base_forms(word))
        verb = any(f.startswith(_MEET_VERBS) for f in base_forms(word))
        if not (meeting or verb):
            continue
        # the other side within the next few words: after مع or نظيره, or the verb's object
        # (after its subject: "استقبل أردوغان بوتين", "التقى أردوغان نظيره الروسي")
        other, subject = None, None
        for x in range(j + 1, min(j + 8, last)):
            if is_clause_end(s.token_text(x - 1)):
                break
            after_with = bare(s.token_text(x - 1)) in _BETWEEN
            found = [m for m in starting_in(s, x, pool) if m.kend <= a]
            if not found:
                continue
            m = found[0]
            if verb and not after_with and subject is None and x <= j + 2:
                subject = m
            elif (
                subject is not None
                and subject.kind != "person"
                and m.kstart - subject.kend <= 1
                and not after_with
            ):
                # "التقى الرئيس التركي رجب طيب أردوغان": the name after its title or nisba
                subject = m if m.kind == "person" else subject
            elif after_with or subject is not None:
                # "نظيره الروسي فلاديمير بوتين": the name the nisba introduces
                named = [n for n in pool if n.kind == "person" and 0 <= n.kstart - m.kend <= 1]
                other = named[0] if m.reason.startswith("nisba") and named else m
                break
        if other is None:
            continue
        if subject is not None:
            return [subject, other] if subject.actor_id != other.actor_id else []
        first = [
            m
            for m in pool
            if m.kend <= s.tokens[j][0]
            and not after_prep(s, m)
            and m.actor_id != other.actor_id
            and not any(is_clause_end(s.token_text(y)) for y in range(s.tok_index(m.kend), j))
        ]
        return [first[-1], other] if first else []
    return []
