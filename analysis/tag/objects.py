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
    "partitive_at",
]

_PREPS = frozenset(["في", "من", "علي", "الي", "عن", "مع", "ب", "ل", "لدي", "عند", "ضد"])
#: Group nouns whose من/عن names the actor they are part of ("فصائل من المعارضة"), folded.
PARTITIVE_HEADS = frozenset(
    fold(w)
    for w in (
        *("فصائل", "عناصر", "قادة", "ممثلين", "ممثلون", "ممثلو", "ممثلي", "مسؤولون"),
        *("مسؤولين", "مسؤولو", "مسؤولي", "أعضاء", "وفد", "وفود", "مقاتلين", "مقاتلون"),
    )
)


def partitive_at(s: Sent, i: int, kind: str = "") -> bool:
    """Does token ``i`` name the actor a group noun is part of: من/عن ("ممثلين عن إيران"), or في
    before a non-place ("مسؤولون في المعارضة"; "مقاتلون في سوريا" are where they fight)?"""
    tok = bare(s.token_text(i)) if 0 < i < len(s.tokens) else ""
    if not tok or not one_of(bare(s.token_text(i - 1)), PARTITIVE_HEADS):
        return False
    return tok in ("من", "عن") or (tok == "في" and kind != "place")


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
        return attached_prep(s, m)  # clitics in front of the name: only ب/ل make an object
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
