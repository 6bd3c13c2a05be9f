"""Antecedents: where an actor can stand as a subject, and which actor a pronoun or an
unexpressed subject points back to.

``subject_position(s, m)`` says whether a mention can be a clause's subject (not the
genitive of "إجلاء المعارضة"); ``antecedent`` finds the nearest agreeing actor before a
position, in the sentence and then the previous one, or the nearest pair for a dual or
plural; ``coordinated_actors`` reads a chain of actors joined by و.
"""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import (
    FEMININE_HEADS,
    GENERIC_HEADS,
    MASC_HEADS,
    TITLES,
    agrees,
    mention_agreement,
)
from analysis.tag.clauses import Mention, Sent, after_prep, bare, is_clause_end, one_of
from analysis.tag.frames import reading_at
from analysis.tag.morph import VERB_PARTICLES

__all__ = ["antecedent", "coordinated_actors", "subject_position"]

_SUBJECT_OPENERS = frozenset(
    {*("و", "ف", "ان", "لكن", "ولكن", "ثم", "اما", "بينما", "فيما", "حيث", "اذ", "كما"), "اي"}
)


def coordinated_actors(s: Sent, first: Mention, pool: list[Mention]) -> list[Mention]:
    """``first`` and the actors of ``pool`` joined to it by و; a nisba followed by a name
    gives way to the name."""
    out = [first]
    for m in pool:
        if m.kstart <= out[-1].kstart:
            continue
        gap = s.key[out[-1].kend : m.kstart].strip()
        if gap in ("و", "،و"):
            out.append(m)
        elif not gap and m.kind == "person" and out[-1].reason.startswith("nisba"):
            out[-1] = m  # "والروسي فلاديمير بوتين": the name the nisba introduces
    return out


def subject_position(s: Sent, m: Mention) -> bool:
    """Can ``m`` be a clause's subject (and so a pronoun's antecedent)? Not the second term
    of an idafa ("إجلاء المعارضة", "نفوذ إيران"): only at a clause start, after a particle
    or a verb, or after a head noun that is itself the subject ("فصائل المعارضة")."""
    i = s.tok_index(m.kstart)
    if i == 0:
        return True
    raw = s.token_text(i - 1)
    prev = bare(raw)
    # a name after its nisba or coordinated with the last name of a phrase stands where
    # that phrase stands ("الرئيسان التركي رجب طيب أردوغان والروسي فلاديمير بوتين")
    joined = [x for x in s.mentions if x.kstart < s.tokens[i - 1][1] <= x.kend and x is not m]
    wa = s.key[s.tokens[i][0] : m.kstart] == "و"
    name = m.kind == "person" and bool(joined) and joined[0].reason.startswith("nisba")
    if joined and (wa or name) and not after_prep(s, joined[0]):
        return subject_position(s, joined[0])
    if not prev or is_clause_end(raw) or prev in _SUBJECT_OPENERS or prev in VERB_PARTICLES:
        return True
    if any(one_of(prev, w) for w in (FEMININE_HEADS, TITLES, MASC_HEADS, GENERIC_HEADS)):
        return True
    readings, _why = reading_at(s, i - 1)
    return bool(readings) and readings[0].verbal


def antecedent(
    s: Sent,
    a: int,
    pool: list[Mention],
    previous: list[Mention],
    want,
    *,
    subject: bool = True,
) -> tuple[list[Mention], str]:
    """The nearest agreeing actor before ``a`` that is not a prepositional object and, for
    a ``subject`` pronoun, can be a subject (not the genitive of a noun); a possessive
    pronoun may also take an object or a genitive ("اتهمت فرنسا الحكومة … برفضها")."""
    here = [
        m
        for m in pool
        if m.kend <= a and not after_prep(s, m) and (not subject or subject_position(s, m))
    ]
    if any(num in ("d", "p") for _g, num in want):
        # "بحث الرئيسان أردوغان وبوتين …، واتفقا": the nearest pair or group joined by و
        for m in reversed(here):
            group = [x for x in coordinated_actors(s, m, pool) if x.kend <= a]
            starts = [x for x in here if x.kend <= m.kstart and x is not m]
            if len(group) == 1 and starts:
                group = [x for x in coordinated_actors(s, starts[-1], pool) if x.kend <= a]
            if len(group) >= 2 and m in group:
                return group, "antecedent pair in the sentence"
        persons = [m for m in here if m.kind == "person"]
        if any(num == "d" for _g, num in want) and len(persons) >= 2:
            # "وكان الوزير علي أيوب ورئيس الأركان محمد باقري، وقعا": the two named
            return persons[-2:], "antecedent pair in the sentence"
    here = [m for m in here if mention_agreement(m) is not None]
    for m in reversed(here):
        if agrees(mention_agreement(m), want, gender_only=False) and mention_agreement(m):
            return [m], "antecedent in the sentence"
    prev = [m for m in previous if m.kind in ACTOR_KINDS and not m.reason.startswith("prep")]
    for m in prev:
        if agrees(mention_agreement(m), want, gender_only=False) and mention_agreement(m):
            return [m], "antecedent in the previous sentence"
    return [], ""
