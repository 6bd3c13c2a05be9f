"""The party a move addresses, and an agreement's parties as rows.

``move_counterpart`` reads the counterpart after a cue: an actor after the frame's
preposition ("عرضت واشنطن على دمشق"), after a counterpart noun ("على نظيره الأمريكي"), the
owner of what is accepted or rejected ("رفض العرض الأمريكي"), or the object right after the
subject of a demand or threat ("تطالب إسرائيل روسيا بـ…"). ``own_side`` tells a domestic
appeal from a move between parties; ``agreement_parties`` turns an agreement's holders and
counterpart into its rows.
"""

from __future__ import annotations

import re

from analysis.tag.actors import ACTOR_KINDS, affiliation_of
from analysis.tag.agreement import pronoun_agreement
from analysis.tag.antecedents import antecedent, led_members
from analysis.tag.clauses import (
    NOT_NOUNS,
    Mention,
    Sent,
    bare,
    coordinated,
    is_clause_end,
    starting_in,
)
from analysis.tag.cues import counterpart_fillers
from analysis.tag.issues import issues_data
from analysis.tag.matcher import base_forms
from analysis.tag.owners import ONE_SIDE, UNNAMED_PARTY
from analysis.tag.presenting import presenting_verb
from analysis.text.normalize import fold

__all__ = ["agreement_parties", "move_counterpart", "own_side", "shown_counterpart"]


# Nouns after which a nisba or name is the counterpart of an accept/reject ("رفض العرض الأمريكي").
_OBJECT_NOUNS = frozenset(
    fold(w)
    for w in (
        *("العرض", "الطلب", "المقترح", "الاقتراح", "الشروط", "المبادره", "الصفقه"),
        *("العروض", "المطالب", "الوساطه", "المبادرة"),
    )
)


def own_side(holder_ids: set[str], counterpart: str) -> bool:
    """Is the party a move addresses the holders' own state or people ("دعا أردوغان الأتراك",
    "طالبت طهران الإيرانيين")? Then it is a domestic appeal, not a move between parties."""
    if not counterpart or not holder_ids:
        return False
    # the state itself, not a group it backs ("إيران تضغط على حزب الله" is a move)
    if (affiliation_of(counterpart, level="state") or counterpart) != counterpart:
        return False
    return all((affiliation_of(h, level="state") or h) == counterpart for h in holder_ids)


def pronoun_party(s: Sent, cue_start: int, reading, holder_ids: set[str]) -> str:
    """The party an object pronoun on the move's verb stands for ("حذر الرئيس الصيني
    واشنطن …، وطالبها بأن …" → the US): the nearest agreeing actor before the verb in its
    sentence that is not the holder; "" when the verb has no third-person object pronoun
    or no single actor agrees."""
    agr = pronoun_agreement(reading, "dobj") if reading.verbal else None
    if agr is None:
        return ""
    pool = [m for m in s.mentions if m.kind in ACTOR_KINDS and m.actor_id not in holder_ids]
    ms, _how = antecedent(s, cue_start, pool, [], {agr}, subject=False)
    return ms[0].actor_id if len(ms) == 1 else ""


def move_counterpart(
    s: Sent,
    move: str,
    counterpart_preps: list[str],
    b: int,
    end: int,
    holder_ids: set[str],
    issue_spans: list[tuple[int, int]],
    object_addressed: bool = False,
) -> str:
    """The party the move is addressed to: a mention after a preposition, or the owner of
    the offer/demand being accepted or rejected. ``object_addressed``: the frame's verb
    takes the party it addresses as its object ("وعد ترمب نظيره التركي بـ", "دعت روسيا
    تركيا إلى حضور"), as a demand's and a threat's do."""
    preps = {fold(p) for p in counterpart_preps}
    free = _first_free_token(s, b, holder_ids)
    addressed = object_addressed or move in {"threat", "demand"}
    led = _led_object(s, free, holder_ids) if addressed else None
    for m in s.mentions:
        if not (b <= m.kstart < end) or m.actor_id in holder_ids or m.kind not in ACTOR_KINDS:
            continue
        if any(x <= m.kstart < y for x, y in issue_spans):
            continue
        i = s.tok_index(m.kstart)
        tok_start = s.tokens[i][0] if i < len(s.tokens) else m.kstart
        attached = s.key[tok_start : m.kstart]
        prev = bare(s.token_text(i - 1)) if i > 0 else ""
        near = i <= free + 3
        if (
            near
            and preps
            and (
                prev in preps
                or (attached.rstrip("ل") == "" and attached and "ل" in preps)
                or (attached in {"لل", "ل"} and "ل" in preps)
            )
        ):
            return _named(s, m)
        if near and preps and _after_filler(s, i, preps, m.kind == "person"):
            # "على نظيره الأمريكي", "وعود ترمب لنظيره التركي رجب طيب إردوغان"
            return _named(s, m)
        # "رفض العرض الأمريكي", "تقبل بالمقترح التركي", "اعترضت على المواقف الروسية"
        if move in {"accept", "reject"} and (
            prev in _OBJECT_NOUNS
            or (prev[:1] in "بل" and prev[1:] in _OBJECT_NOUNS)
            or _object_owner(s, m, b, holder_ids)
            or _presented_by(s, m, b, holder_ids)
        ):
            return _named(s, m)
        if addressed and _direct_object(s, m, b, holder_ids):
            return _named(s, m)  # "تطالب إسرائيل روسيا بـ…": object right after the subject
        if m is led:
            return _named(s, m)  # "دعا كل الأطراف بمن فيهم الأمريكيون"
        if move in _GIVEN_TO and _given_to(prev) and near and not _not_given(s, i):
            return _named(s, m)  # "استعداد سورية لتزويد لبنان"، "رفضت منح مصر"
        if move == "threat" and prev == "ضد" and _past_instrument(s, i, free):
            return _named(s, m)  # "لوحت فرنسا بعقوبات ضد روسيا"
    return ""


# moves whose party may be the one something is given to: offered, refused, pledged
_GIVEN_TO = frozenset({"offer", "reject", "guarantee", "accept"})
# verbal nouns of giving whose object is the one given to (folded): "تزويد لبنان بالكهرباء"
_GIVING = frozenset(
    fold(w) for w in ("منح", "تزويد", "إعطاء", "اعطاء", "إمداد", "امداد", "تسليح", "تمويل")
)


def _not_given(s: Sent, i: int) -> bool:
    """Is the giving before token ``i`` negated ("وعد بعدم تزويد الوحدات": the promise is
    to another party, the one denied is no counterpart)?"""
    return i > 1 and bare(s.token_text(i - 2)).lstrip("و") in NOT_NOUNS


def _given_to(word: str) -> bool:
    """Is ``word`` a verbal noun of giving, bare or with لـ/بـ ("لتزويد", "بمنح")?"""
    return word in _GIVING or (word[:1] in ("ل", "ب") and word[1:] in _GIVING)


def _past_instrument(s: Sent, i: int, j: int) -> bool:
    """Does token ``i`` stand within a few words after a threat's instrument, the phrase
    with بـ at token ``j``, right after the verb and its subject ("هدد باستخدام القوة
    العسكرية ضد الكويت")?"""
    if j >= len(s.tokens) or not bare(s.token_text(j)).startswith("ب"):
        return False
    return j < i <= j + _INSTRUMENT_WORDS and not any(
        is_clause_end(s.token_text(k)) for k in range(j, i)
    )


# how far after the start of a threat's instrument its target may stand
_INSTRUMENT_WORDS = 5


# what may stand between an accept/reject cue and the noun it takes (folded): "الفيتو ضد
# مشروع القرار الفرنسي"
_BEFORE_OBJECT = frozenset({"علي", "ب", "ل", "اي", "كل", "ضد"})
# the article, alone or after a proclitic ("للمواقف": ل + ال)
_DEFINITE = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وبال")
# documents that may stand in idafa before their owner ("مشروع القرار الأمريكي")
_DOCUMENTS = frozenset(fold(w) for w in ("القرار", "الاتفاق", "الاتفاقية", "المبادرة", "الخطة"))
# what is said or decided, whose owner may be named by a title and his nisba ("إعلان
# الرئيس الأمريكي", "قرار الحكومة التركية"), with or without بـ/لـ (folded)
_STATEMENTS = frozenset(
    fold(p + w)
    for w in ("إعلان", "قرار", "مشروع", "مقترح", "مبادرة", "دعوة", "عرض", "خطة", "تصريحات", "طلب")
    for p in ("", "ب", "ل")
)


def _object_owner(s: Sent, m: Mention, b: int, holder_ids: set[str]) -> bool:
    """Is ``m`` the genitive or nisba of the noun an accept/reject cue ending at ``b`` takes,
    past its subject and على/بـ/أي, the owner of what is accepted or refused ("اعترضت على
    المواقف الروسية", "رفض دعوة ترامب", "رفضت مشروع القرار الأمريكي")? One noun of an
    idafa may come between."""
    j = _first_free_token(s, b, holder_ids)
    while j < len(s.tokens) and bare(s.token_text(j)) in _BEFORE_OBJECT:
        j += 1
    if j >= len(s.tokens) or starting_in(s, j):
        return False
    k = s.tok_index(m.kstart)
    statement = bare(s.token_text(j)) in _STATEMENTS
    if k == j + 2 and bare(s.token_text(j + 1)) not in _DOCUMENTS and not statement:
        return False  # "تولي العميد السوري المنشق": the nisba is the person's
    # a nisba agrees in definiteness with the noun before it ("المواقف الروسية", "مشروع
    # قرار فرنسي"), not "بجوار التركي" (elided)
    definite = bare(s.token_text(k - 1)).startswith(_DEFINITE)
    if m.reason.startswith("nisba") and definite != fold(m.surface).startswith(_DEFINITE):
        return False
    return k in (j + 1, j + 2) and s.tokens[k][0] == m.kstart


def _after_filler(s: Sent, i: int, preps: set[str], person: bool) -> bool:
    """Does token ``i`` follow a counterpart filler after one of the frame's prepositions
    ("على نظيره الأمريكي", "للجانب الروسي"), or, for a person, the filler and his state's
    nisba ("لنظيره التركي رجب طيب إردوغان")?"""
    w3, w2, w1 = (bare(s.token_text(k)) if k >= 0 else "" for k in range(i - 3, i))
    pairs = [(w2, w1)]
    if person and w1.startswith("ال"):
        pairs.append((w3, w2))
    fillers = counterpart_fillers()
    return any(
        (prep in preps and filler in fillers) or _filler_after_prep(filler, preps)
        for prep, filler in pairs
    )


def _filler_after_prep(word: str, preps: set[str]) -> bool:
    """Is ``word`` a counterpart filler with a one-letter preposition of the frame on it
    ("لنظيره", "للجانب": ل + الجانب; ``matcher.base_forms``)?"""
    fillers = counterpart_fillers()
    bases = base_forms(word) - {word}
    return word[:1] in preps and word not in fillers and not bases.isdisjoint(fillers)


def _presented_by(s: Sent, m: Mention, b: int, holder_ids: set[str]) -> bool:
    """Is ``m`` the subject of the verb that presented what an accept/reject cue ending at
    ``b`` takes ("رفضت روسيا مشروع القرار الذي قدمته الولايات المتحدة", "قبلت دمشق
    المبادرة التي طرحتها موسكو")?"""
    j = _first_free_token(s, b, holder_ids)
    while j < len(s.tokens) and bare(s.token_text(j)) in _BEFORE_OBJECT:
        j += 1
    k = s.tok_index(m.kstart)
    for i in (j + 1, j + 2):
        found = presenting_verb(s, i) if i < len(s.tokens) else None
        if found is not None and k == found[0] + 1:
            return True
    return False


def _first_free_token(s: Sent, b: int, holder_ids: set[str]) -> int:
    """Index of the first token after the cue and after the holder's mention if it follows
    the cue (VSO): a counterpart preposition must come right there ("عرضت واشنطن على دمشق")."""
    i = first = s.tok_index(b)
    for m in s.mentions:
        # the holder may follow its title ("اتفق الرئيس الروسي مع نظيره التركي")
        if m.actor_id in holder_ids and m.kstart >= b and s.tok_index(m.kstart) - first <= 2:
            i = s.tok_index(m.kend)
    # titles and coordinated holders: skip tokens still inside holder mentions
    return i


def _direct_object(s: Sent, m: Mention, b: int, holder_ids: set[str]) -> bool:
    """Does the mention follow the holder mention directly (no و, no preposition)?"""
    prev = [
        x
        for x in s.mentions
        if x.kend <= m.kstart and x.kstart >= b - 1 and x.actor_id in holder_ids
    ]
    if not prev:
        # an unexpressed subject: the object stands right after the verb ("ودعا الأمم
        # المتحدة إلى …" after a sentence about its speaker)
        return _bare_gap(s.key[b : m.kstart])
    gap = s.key[prev[-1].kend : m.kstart]
    return _bare_gap(gap) and s.key[m.kstart - 1 : m.kstart] != "و"


def _led_object(s: Sent, j: int, holder_ids: set[str]) -> Mention | None:
    """The first actor the object at token ``j`` (right after the verb and its subject)
    says it is led by or includes ("طالبت الوحدات القوى الدولية، وعلى رأسها روسيا"، "يدعو
    كل الأطراف بمن فيهم الأمريكيون"), or None."""
    pool = [x for x in s.mentions if x.kind in ACTOR_KINDS and x.actor_id not in holder_ids]
    led = led_members(s, j, pool)
    return led[0] if led else None


def _bare_gap(gap: str) -> bool:
    """Nothing, or only a counterpart filler, words of time or an aside in parentheses,
    between two words ("وعد ترمب نظيره التركي", "حث أوباما أمس روسيا", "دعا بوتين اليوم
    الجمعة ( 23 ديسمبر ) نظيره السوري")."""
    words = _ASIDE.sub(" ", gap).split()
    while words and words[0] in _WHEN_WORDS:
        words = words[1:]
    return not words or (len(words) == 1 and words[0] in counterpart_fillers())


# an aside in parentheses: a date, an acronym
_ASIDE = re.compile(r"\([^()]{0,60}\)")


# words of time that may stand between a verb's subject and its object (folded)
_WHEN_WORDS = frozenset(
    fold(w)
    for w in (
        *("أمس", "اليوم", "مجددا", "أيضا", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء"),
        *("الخميس", "الجمعة", "السبت"),
    )
)


def _named(s: Sent, m: Mention) -> str:
    """The counterpart ``m`` names: the person named right after a state's nisba when he
    is of that state ("لنظيره التركي رجب طيب إردوغان" → Erdogan), else ``m``'s actor."""
    nxt = next((x for x in s.mentions if x.kstart >= m.kend), None)
    if (
        nxt is not None
        and m.reason.startswith("nisba")
        and nxt.kind == "person"
        and not s.key[m.kend : nxt.kstart].strip()
        and affiliation_of(nxt.actor_id, level="state") == m.actor_id
    ):
        return nxt.actor_id
    return m.actor_id


def agreement_parties(
    s: Sent, holders: list[tuple[str, str]], counterpart: str, b: int, end: int, rule: str = ""
) -> tuple[list[tuple[str, str, str]], str]:
    """An agreement's rows as (holder, surface, counterpart) and a note for the reason.

    The parties are the holders and the counterpart with the actors joined to it by و
    ("اتفقت موسكو مع أنقرة وطهران"). Two parties make one row, the second as counterpart
    ("اتفاق بين أنقرة وموسكو" is Turkey's agreement with Russia, as "اتفقت أنقرة مع
    موسكو"); three or more make one row each, since no one of them is the other's
    counterpart. Holders found by a ``ONE_SIDE`` rule (``rule``) are one side of an
    agreement whose other party is not named: one row each, with no counterpart."""
    if rule.startswith(ONE_SIDE):
        return [(h, surface, "") for h, surface in holders], "one side named: no counterpart"
    parties = dict(holders)
    ms = [m for m in s.mentions if m.actor_id == counterpart and b <= m.kstart < end]
    if ms:
        for m in coordinated(s, ms[0], end):
            if m.kind in ACTOR_KINDS:
                parties.setdefault(m.actor_id, m.surface)
    ids = list(parties)
    if len(ids) == 2 and rule.endswith(UNNAMED_PARTY):
        rows = [(h, parties[h], next(x for x in ids if x != h)) for h in ids]
        return rows, "3 parties, one naming no actor: one row each"
    if len(ids) == 2:
        first, second = ids
        note = "" if counterpart == second else "two parties: the second is the counterpart"
        return [(first, parties[first], second)], note
    if len(ids) > 2:
        rows = [(h, parties[h], next(x for x in ids if x != h)) for h in ids]
        return rows, f"{len(ids)} parties: one row each"
    return [(h, surface, counterpart) for h, surface in holders], ""


def shown_counterpart(move: str, counterpart: str, issue: str, holder_id: str) -> tuple[str, str]:
    """The counterpart a row shows, and a note for its reason when the issue supplied it: a
    threat addressed to no one about one actor's presence is addressed to that actor ("لن
    تسمح بأي وجود عسكري إيراني": a red line for Iran). Never the holder itself."""
    if not counterpart and move == "threat" and issue:
        owners = issues_data().get(issue, {}).get("owner_actors", [])
        if len(owners) == 1 and owners[0] != holder_id:
            return owners[0], f"counterpart: the actor whose presence is threatened ({owners[0]})"
    return (counterpart if counterpart != holder_id else ""), ""
