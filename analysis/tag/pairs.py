""" "The two sides": الجانبان، الطرفان، الرئيسان، الزعيمين … as a verb's subject stand for the
pair of actors named before them: a pair joined by و, the two sides of a meeting, the two
actors named earlier in what is reported, else in the sentence before. "The latter" and
"the former" (الأخيرة، الأول) stand for the last actor named, or the first of the pair
named last (``analysis.tag.subjects``)."""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS, affiliation_of
from analysis.tag.agreement import mention_agreement
from analysis.tag.antecedents import antecedent, joined_by_and
from analysis.tag.clauses import COMPLEMENTISERS, Mention, Sent, bare, is_clause_end, one_of
from analysis.tag.meetings import meeting_pair
from analysis.tag.vso import subject_start
from analysis.text.normalize import fold

__all__ = ["order_antecedent", "order_word", "two_named", "two_sides_pair", "two_sides_word"]

# "the two sides" (nominative: a subject) stands for the pair named before ("الرئيسين،
# بوتين وأردوغان … واتفق فيه الجانبان"), unless names follow it ("الرئيسان التركي أردوغان")
_TWO_SIDES = frozenset(
    fold(w)
    for w in (*("الجانبان", "الطرفان", "البلدان", "الدولتان", "الرئيسان", "الوزيران", "الزعيمان"),)
)


# … and before the verb, after إن/أن too ("إن الرئيسين ثمنا")
_TWO_SIDES_BEFORE = _TWO_SIDES | frozenset(
    fold(w)
    for w in (*("الجانبين", "الطرفين", "البلدين", "الدولتين", "الرئيسين", "الوزيرين", "الزعيمين"),)
)


# "the latter" and "the former", with the gender of the actor they stand for
_LATTER = {fold("الأخير"): "m", fold("الأخيرة"): "f"}
_FORMER = {fold("الأول"): "m", fold("الأولى"): "f"}
_ORDER = frozenset(_LATTER) | frozenset(_FORMER)


def _before(s: Sent, i: int, words=_TWO_SIDES_BEFORE) -> str:
    """The "two sides" word (or one of ``words``) right before the verb at token ``i``,
    opening its clause."""
    if i < 1 or not one_of(bare(s.token_text(i - 1)), words):
        return ""
    opener = bare(s.token_text(i - 2)) if i > 1 else ""
    if i > 1 and opener not in {"ان", "وان", "فان", "لان", "بان"} and not is_clause_end(opener):
        return ""  # "بين الجانبين اتفق …", "اتفاق البلدين": not the subject
    return s.token_text(i - 1)


def _after(s: Sent, b: int, words=_TWO_SIDES) -> str:
    """The "two sides" word (or one of ``words``) that is the subject right after a verb
    ending at ``b``."""
    i = subject_start(s, b)
    if i >= len(s.tokens) or not one_of(bare(s.token_text(i)), words):
        return ""
    nxt = s.tokens[i + 1][0] if i + 1 < len(s.tokens) else -1
    return "" if any(m.kstart == nxt for m in s.mentions) else s.token_text(i)


def _in_content(s: Sent, a: int, pool: list[Mention]) -> list[Mention]:
    """The actors before ``a`` in what is reported, past the last أن/إن before it: not the
    one who reports it ("نقلت الوكالة عن بيسكوف قوله أن زيارة الرئيس السوري …، واتفق
    الزعيمان")."""
    i = s.tok_index(a)
    start = next(
        (
            s.tokens[j][1]
            for j in range(i - 1, -1, -1)
            if bare(s.token_text(j)).removeprefix("و") in COMPLEMENTISERS
        ),
        0,
    )
    return [m for m in pool if start <= m.kstart and m.kend <= a]


def two_sides_word(s: Sent, b: int, i: int) -> str:
    """The "two sides" word that is the subject of the verb at token ``i`` (ending at key
    ``b``): right after it, or right before it opening its clause; "" if none."""
    return _after(s, b) or _before(s, i)


def two_sides_pair(
    s: Sent, a: int, pool: list[Mention], previous: list[Mention]
) -> tuple[list[Mention], str]:
    """The pair "the two sides" before key ``a`` stands for, and how it was found."""
    ms, how = antecedent(s, a, pool, previous, {("", "d")})
    if len(ms) != 2:
        # "أجرى بوتين محادثات مع الأسد اتفق خلالها الزعيمان": the meeting's two sides
        ms, how = meeting_pair(s, a, pool), "the two sides of the meeting told before"
    if len(ms) != 2:
        # "طلبت الحكومة السورية من نظيرتها التركية …، فاتفق الجانبان": the two named
        # before it in its sentence, else in the sentence before
        ms, how = two_named(_in_content(s, a, pool)), "the two actors named before"
        if not ms:
            ms, how = two_named(previous), "the two actors of the previous sentence"
    return ms, how


def two_named(ms: list[Mention]) -> list[Mention]:
    """The two persons ``ms`` name, else its two actors when it names exactly two ("اتصال
    هاتفي بين الأسد والرئيس الروسي فلاديمير بوتين" → the two presidents); a state whose
    person is named too counts once, as the person. Else ``[]``."""
    actors = [m for m in ms if m.kind in ACTOR_KINDS]
    persons: dict[str, Mention] = {}
    for m in actors:
        if m.kind == "person":
            persons.setdefault(m.actor_id, m)
    if len(persons) == 2:
        # "بشار الأسد … بين دمشق والمعارضة … مكالمة هاتفية بين الأسد والرئيس الروسي
        # فلاديمير بوتين": two named persons are the two presidents
        return list(persons.values())
    states_of_persons = {affiliation_of(p, level="state") for p in persons}
    first: dict[str, Mention] = {}
    for m in actors:
        if m.kind != "person" and m.actor_id in states_of_persons:
            continue
        first.setdefault(m.actor_id, m)
    return list(first.values()) if len(first) == 2 else []


def order_word(s: Sent, b: int, i: int) -> str:
    """الأخير/الأخيرة ("the latter") or الأول/الأولى ("the former") as the subject of the
    verb at token ``i`` (ending at key ``b``): right after it ("في وقت تهدد فيه الأخيرة"),
    or right before it opening its clause; "" if none."""
    return _after(s, b, _ORDER) or _before(s, i, _ORDER)


def order_antecedent(s: Sent, a: int, word: str, pool: list[Mention]) -> tuple[list[Mention], str]:
    """The actor ``word`` stands for: "the latter" the last actor of its gender named before
    key ``a`` in the sentence; "the former" the first of the actors joined by و that end
    last before ``a`` ("بين جاويش أوغلو وظريف عندما طلب الأول"), when it has that gender."""
    key = bare(word).removeprefix("و")
    gender = _LATTER.get(key) or _FORMER.get(key)
    here = [m for m in pool if m.kend <= a and m.kind in ACTOR_KINDS]
    if key in _LATTER:
        # in its own sentence only: the last one named before may be no actor ("شكل ثوار
        # الرقة جيش العشائر وطالب الأخير"), and the sentence before is further still
        fit = [m for m in here if (mention_agreement(m) or ("",))[0] == gender]
        return ([fit[-1]], "the last actor of its gender named before") if fit else ([], "")
    if not here:
        return [], ""
    first = here[-1]
    for m in reversed(here[:-1]):
        if not joined_by_and(s, m.kend, first.kstart):
            break
        first = m
    if first is here[-1] or (mention_agreement(first) or ("",))[0] != gender:
        return [], ""
    return [first], "the first of the actors joined by و before it"
