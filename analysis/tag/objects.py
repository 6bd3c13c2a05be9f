"""Is a mention a prepositional object, or a subject? A name after a preposition, with ب/ل
attached, or after a counterpart noun ("لنظيره الروسي") is one told, met or given to,
never a holder; a part of an actor ("فصائل من المعارضة", "قيادي بارز في المعارضة") is that
actor speaking. ``lookback_mentions`` finds the subjects just before a verb.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis.tag.clauses import Mention, Sent, bare, is_clause_end, one_of
from analysis.tag.cues import counterpart_fillers
from analysis.text.normalize import fold

__all__ = [
    "PARTITIVE_HEADS",
    "after_prep",
    "attached_prep",
    "lookback_mentions",
    "named_counterpart",
    "part_agreement",
    "part_before",
    "partitive_at",
    "partitive_prep",
]

# prepositions and adverbs of place that make the name after them an object ("خلافات داخل
# قسد تهدد": the disputes threaten, not the SDF)
_PREPS = frozenset(
    {
        *("في", "من", "علي", "الي", "عن", "مع", "ب", "ل", "لدي", "عند", "ضد"),
        *("داخل", "خارج", "امام", "حيال", "تجاه", "ازاء"),
    }
)
# Nouns of a part or a member whose من/عن/في names the actor it belongs to ("فصائل من
# المعارضة", "قيادي في حزب الله"), with the agreement a verb after them takes: None for
# broken and feminine plurals, whose verb may be of either gender ("وقالت/وقال مصادر").
_MS, _MP = ("m", "s"), ("m", "p")
# one who speaks for the actor after باسم ("المتحدث باسم حركة حماس يدعو"), a member noun too
_SPOKESPEOPLE = {
    **{w: _MS for w in ("متحدث", "المتحدث", "ناطق", "الناطق")},
    **{w: ("f", "s") for w in ("متحدثة", "المتحدثة", "ناطقة", "الناطقة")},
}
_PARTS: dict[str, tuple[str, str] | None] = {
    fold(w): agr
    for w, agr in {
        **{w: _MP for w in ("ممثلين", "ممثلون", "ممثلو", "ممثلي", "مسؤولون", "مسؤولين")},
        **{w: _MP for w in ("مسؤولو", "مسؤولي", "مقاتلين", "مقاتلون", "قياديون", "قياديين")},
        **{w: _MP for w in ("دبلوماسيون",)},
        **{w: None for w in ("فصائل", "عناصر", "قادة", "أعضاء", "وفود", "قيادات", "ضباط")},
        **{w: None for w in ("مصادر", "شخصيات")},
        # one member, named by rank or role ("مسؤول في الخارجية الأمريكية")
        **{w: _MS for w in ("وفد", "مسؤول", "مسئول", "قيادي", "عضو", "ممثل", "قائد", "ضابط")},
        **{w: _MS for w in ("مصدر", "دبلوماسي")},
        # ... and in the accusative, the one a move is addressed to ("طالب مسؤولا في …")
        **{w: _MS for w in ("مسؤولا", "قياديا", "عضوا", "ممثلا", "قائدا", "ضابطا", "مصدرا")},
        **_SPOKESPEOPLE,
    }.items()
}
#: The part and member nouns, folded.
PARTITIVE_HEADS = frozenset(_PARTS)
_SPOKESPEOPLE_FOLDED = frozenset(fold(w) for w in _SPOKESPEOPLE)
# Adjectives of rank or field between a member noun and its preposition ("قيادي بارز في",
# "مسؤول رفيع المستوى في", "مصدر عسكري في"); a former member (سابق) speaks for no one.
_MEMBER_ADJECTIVES = frozenset(
    fold(w)
    for base in ("بارز", "كبير", "رفيع", "عسكري", "أمني", "مطلع", "دبلوماسي")
    for w in (base, base + "ة", base + "ون", base + "ين")
) | frozenset(fold(w) for w in ("كبار", "المستوى"))


def _part_head(s: Sent, i: int) -> int:
    """The token of the member noun before the preposition at token ``i``, past up to two
    adjectives of rank or field; -1 without one."""
    j = i - 1
    while j > 0 and i - j <= 2 and bare(s.token_text(j)) in _MEMBER_ADJECTIVES:
        j -= 1
    return j if j >= 0 and one_of(bare(s.token_text(j)), PARTITIVE_HEADS) else -1


def _part_of(s: Sent, i: int, kind: str) -> int:
    """The token of the group or member noun whose preposition at token ``i`` names an actor
    of ``kind`` it is part of; -1 when there is none."""
    tok = bare(s.token_text(i)) if 0 < i < len(s.tokens) else ""
    if tok == "باسم":
        return i - 1 if one_of(bare(s.token_text(i - 1)), _SPOKESPEOPLE_FOLDED) else -1
    if tok not in ("من", "عن") and (tok != "في" or kind == "place"):
        return -1
    return _part_head(s, i)


def partitive_at(s: Sent, i: int, kind: str = "") -> bool:
    """Does token ``i`` name the actor a group or member noun is part of: من/عن ("ممثلين عن
    إيران"), or في before a non-place ("مسؤولون في المعارضة", "قيادي بارز في حزب الله";
    "مقاتلون في سوريا" are where they fight)?"""
    return _part_of(s, i, kind) >= 0


def partitive_prep(s: Sent, first: int, kind: str = "") -> int:
    """The preposition's token when the noun phrase at token ``first`` is a part or member
    of the actor after it ("قيادي بارز في المعارضة" → the token of في); -1 otherwise."""
    for i in range(first + 1, min(first + 4, len(s.tokens))):
        if _part_of(s, i, kind) == first:
            return i
    return -1


def part_agreement(tok: str) -> tuple[str, str] | None:
    """The (gender, number) a verb takes after the part or member noun ``tok``; None when
    either gender will do ("قالت مصادر", "قال قادة")."""
    return _PARTS.get(tok.removeprefix("و") if tok not in _PARTS else tok)


def part_before(s: Sent, m: Mention) -> int:
    """The token of the part or member noun whose preposition names ``m`` ("قيادي بارز في
    المعارضة" → the token of "قيادي"); -1 when ``m`` is not named so."""
    i = s.tok_index(m.kstart)
    if i < 2 or s.tokens[i][0] < m.kstart:
        return -1
    return _part_of(s, i - 1, m.kind)


def lookback_mentions(
    s: Sent, kpos: int, *, max_tokens: int = 5, exclude: Iterable[tuple[int, int]] = ()
) -> list[Mention]:
    """Mentions just before ``kpos`` in the same clause (subject before the verb)."""
    i = s.tok_index(kpos) - 1
    if i >= 0 and s.tokens[i][1] > kpos:
        i -= 1
    lo = None
    n = 0
    while i >= 0 and n < max_tokens:
        raw = s.token_text(i)
        tok = bare(raw)
        if is_clause_end(raw) or tok in {
            "ان",
            "انه",
            "انها",
            "بان",
            "لان",
            "اذ",
            "لكن",
            "لكنه",
            "لكنها",
            "ولكن",
            "بينما",
            "فيما",
            "التي",
            "الذي",
        }:
            break
        lo = s.tokens[i][0]
        i -= 1
        n += 1
    if lo is None:
        return []
    ex = list(exclude)
    found = [
        m
        for m in s.mentions
        if m.kend > lo
        and m.kend <= kpos
        and not any(m.kstart < b and a < m.kend for a, b in ex)
        and not after_prep(s, m)
    ]
    return sorted(found, key=lambda m: -m.kstart)


def after_prep(s: Sent, m: Mention) -> bool:
    """Is the mention a prepositional object, not a subject: introduced by a preposition
    (attached or before it), the name of a counterpart noun with its preposition
    (``named_counterpart``), the nisba-less name set off by commas after one of those?"""
    i = s.tok_index(m.kstart)
    if i < len(s.tokens) and s.tokens[i][0] < m.kstart:
        # clitics in front of the name: ب/ل make an object, and a و that joins it to one
        return attached_prep(s, m) or _joined_to_object(s, m, i)
    if attached_prep(s, m):
        return True
    if i > 1 and partitive_at(s, i - 1, m.kind):
        return False  # "فصائل من المعارضة", "مسؤولون في المعارضة": a part of the actor
    if i > 0 and (bare(s.token_text(i - 1)) in _PREPS or named_counterpart(s, m)):
        return True
    # a name set off by commas after a prepositional phrase is in apposition to it ("أكد
    # الأسد للرئيس الروسي، فلاديمير بوتين، على استعداده": Putin is the one told)
    before = _apposed_to(s, i) if m.kind == "person" and _comma_after(s, m) else None
    return before is not None and after_prep(s, before)


def _joined_to_object(s: Sent, m: Mention, i: int) -> bool:
    """Is the name at token ``i``, with و, joined to a noun that is a prepositional object
    ("في حملته على الشيوعية والكرملين", "بالشيوعية والكرملين")? Not when that noun is an
    actor's: the chains of actors have their own rules."""
    if i < 2 or s.key[s.tokens[i][0] : m.kstart] != "و" or is_clause_end(s.token_text(i - 1)):
        return False
    a = s.tokens[i - 1][0]
    if any(x.kstart <= a < x.kend for x in s.mentions):
        return False
    prev = bare(s.token_text(i - 1))
    return bare(s.token_text(i - 2)) in _PREPS or prev.startswith(("بال", "لل"))


def _comma_after(s: Sent, m: Mention) -> bool:
    """Does a comma close the name ("، فلاديمير بوتين، على …")?"""
    rest = s.key[m.kend : m.kend + 3].lstrip()
    return rest[:1] in (",", "،")


def _apposed_to(s: Sent, i: int) -> Mention | None:
    """The actor a comma before token ``i`` sets the name at ``i`` in apposition to."""
    if i == 0 or not is_clause_end(s.token_text(i - 1)):
        return None
    comma = s.tokens[i - 1][1] - 1
    if s.key[comma] not in ",،":
        return None
    return next((x for x in s.mentions if 0 <= comma - x.kend <= 1), None)


def attached_prep(s: Sent, m: Mention) -> bool:
    """Does the mention's word carry ب or ل ("لإيران", "للأميركيين": ل + الأميركيين)?"""
    i = s.tok_index(m.kstart)
    if i < len(s.tokens) and s.tokens[i][0] < m.kstart:
        return s.key[s.tokens[i][0] : m.kstart] in {"ب", "ل", "لل", "وب", "ول"}
    return s.key.startswith(("لل", "بال", "ولل", "وبال"), m.kstart)


def named_counterpart(s: Sent, m: Mention) -> bool:
    """Is ``m`` the name of a counterpart noun with its preposition, past the nisba between
    ("قائلا لنظيره الروسي سيرغي لافروف", "مع نظيره التركي"): the one told or met?"""
    i = s.tok_index(m.kstart)
    if i == 0:
        return False
    j = i - 1
    while j > 0 and i - j <= 2 and _in_nisba(s, j):
        j -= 1
    word = bare(s.token_text(j))
    fillers = counterpart_fillers()
    if word[:1] in ("ل", "ب") and word[1:] in fillers:
        return True
    if word in fillers and j > 0 and bare(s.token_text(j - 1)) in _PREPS:
        return True
    # "بنظيره الروسي فلاديمير بوتين والأميركي باراك أوباما": joined to a counterpart's name
    nisba = s.tokens[j + 1][0] if j + 1 < i else -1
    if nisba >= 0 and s.key.startswith("و", nisba):
        named = [m for m in s.mentions if m.kind == "person" and 0 <= nisba - m.kend <= 1]
        return bool(named) and after_prep(s, named[-1])
    return False


def _in_nisba(s: Sent, j: int) -> bool:
    a, b = s.tokens[j]
    return any(m.kstart < b and m.kend > a and m.reason.startswith("nisba") for m in s.mentions)
