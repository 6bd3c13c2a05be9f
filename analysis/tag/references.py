"""Is a move noun only a reference to a move made before, not a move made here: the object
of an earlier cue of its clause ("رفض العرض الأمريكي"), a definite noun after a preposition
("رحبت بالمقترح الروسي"), inside a move ("في إطار الاتفاق"), or a pledge kept or broken?

``only_referred(s, cues, idx)`` answers for ``cues[idx]``; the positions reader drops such
cues before looking for holders.
"""

from __future__ import annotations

from analysis.tag.clauses import Sent, bare
from analysis.tag.cue import Cue
from analysis.tag.matcher import base_forms
from analysis.tag.morph import PREPOSITIONS
from analysis.tag.owners import names_signers, presenter_at
from analysis.tag.pledges import kept_or_broken
from analysis.text.normalize import fold

__all__ = ["only_referred"]

# "ضمن مبادرتها": the noun after it is a move already made
_WITHIN_A_MOVE = frozenset({"ضمن"})
# a word that puts the next noun in time or under a frame, not as an earlier cue's object
_WHEN_OR_UNDER = frozenset(
    fold(w) for w in ("خلال", "أثناء", "عقب", "بعد", "قبل", "منذ", "إثر", "بموجب", "وفق", "وفقا")
)


# words after which a new clause has begun ("فسيقبل هذا التوجه، أما الأطراف … فقد شاهدنا
# اعتراضا إيرانيا": the noun is no object of the verb before)
_NEW_CLAUSE = frozenset(
    {
        *("ان", "انه", "انها", "اما", "فقد", "لقد", "لكن", "ولكن", "لكنه", "لكنها", "بينما"),
        *("فيما", "حيث", "اذ", "فان", "فانه", "فانها"),
    }
)


def only_referred(s: Sent, cues: list[Cue], idx: int) -> bool:
    """A noun cue that is the object of an earlier cue of the clause ("رفض العرض
    الأمريكي"): the move it names is only referred to, not made here."""
    cue = cues[idx]
    if cue.how != "noun":
        return False
    i = s.tok_index(cue.kstart)
    prev = bare(s.token_text(i - 1)) if i > 0 else ""
    nxt = bare(s.token_text(i + 1)) if i + 1 < len(s.tokens) else ""
    # "أقامتها تركيا بالتفاهم مع روسيا": how the clause's act is done, a move here
    manner = cue.move == "agreement" and cue.reading.prep == "ب" and nxt == "مع"
    # "انهيار الاتفاق النووي، الذي وقعته إيران والدول الست": the agreement and its signers
    # "الضمانات التي قدمتها موسكو": the move with who made it
    signed = cue.move == "agreement" and names_signers(s, i)
    if signed or presenter_at(s, i + 1, s.mentions, signing=cue.move == "agreement"):
        return False
    if cue.move == "guarantee" and kept_or_broken(s, i):
        return True  # "أن يفي ترامب بوعده", "لم ينفذ النظام وعوده": a pledge made before
    if not manner and cue.reading.article and (cue.reading.prep or prev in PREPOSITIONS):
        return True  # "رحبت بالمقترح الروسي", "ردا على الطلب الأمريكي": a known move
    # "في جزء من عرضها", "ضمن مبادرتها", "في إطار الاتفاق": inside a move made before (an
    # indefinite one is new: "يأتي ضمن اتفاق سري بين الروس والأتراك")
    definite = cue.reading.article or cue.reading.enclitic.endswith("_poss")
    part = i > 1 and prev == "من" and bare(s.token_text(i - 2)).lstrip("وك") == "جزء"
    within = prev == "اطار" and i > 1 and bare(s.token_text(i - 2)) == "في"
    if definite and (part or within or prev in _WITHIN_A_MOVE):
        return True
    if cue.reading.conj and cue.reading.enclitic.endswith("_poss"):
        return False  # "التي رحبت بها المعارضة ورفضها نظام الأسد": a move joined by و
    for other in cues[:idx]:
        gap = s.key[other.kend : cue.kstart]
        words = gap.split()
        # proclitics aside by matcher.base_forms: lstrip("و") ate وفق's own و
        if any(not _WHEN_OR_UNDER.isdisjoint(base_forms(bare(w))) for w in words):
            continue  # "بموافقة موسكو خلال اتفاق بين الرئيسين": when, not what, it approved
        if len(words) <= 4 and not any(ch in gap for ch in "،,؛;.:"):
            return True
        # "رفض رئيس المكتب، علي مملوك، العرض الأمريكي": the object after a long subject
        clause_goes_on = any(bare(w) in _NEW_CLAUSE or w.startswith("و") for w in words)
        object_verb = other.how == "verb" and other.move in ("accept", "reject")
        if object_verb and len(words) <= 12 and not clause_goes_on:
            return True
    return False
