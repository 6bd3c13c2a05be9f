"""Phrases after a reporting verb that do not name its speaker: the pronoun of the
statement the verb is in ("بيانا أكد فيه"), whom the speaker told ("قال لديلي صباح"), and a
name the actor dictionary lacks ("وأكد أبو زيد"), after which no actor before the verb may
stand in for the speaker (``analysis.tag.speakers``)."""

from __future__ import annotations

from analysis.tag.clauses import Sent, bare
from analysis.tag.morph import PREPOSITIONS, analyses
from analysis.tag.nearby import named

__all__ = ["resumptive_after", "told", "unknown_name"]

# words after a name that end the phrase (folded): prepositions and complementisers
STOPS = PREPOSITIONS | {"ان", "انه", "انها", "بان", "الي"}

# a preposition with the pronoun of the statement it is in ("بيانا أكد فيه", "تصريحات قال
# فيها"): the speaker is the statement's author, named before the verb
_RESUMPTIVE = frozenset({"فيه", "فيها", "فيهما", "خلاله", "خلالها", "عبره", "عبرها"})


def resumptive_after(s: Sent, kend: int) -> bool:
    """Does a preposition with the statement's pronoun follow the verb ending at ``kend``?"""
    nxt = s.key[kend:].split(maxsplit=1)
    return bool(nxt) and bare(nxt[0]) in _RESUMPTIVE


def unknown_name(s: Sent, kpos: int) -> bool:
    """Does a name no actor's mention holds open the phrase at ``kpos``: two words that can
    be proper names or that the analyser does not know ("أبو زيد", "فيديريكا موغيريني"), or
    a word that can only be a proper name ("إسماعيل هنية")?"""
    i = s.tok_index(kpos)
    if i + 1 >= len(s.tokens) or named(s, i) or named(s, i + 1):
        return False
    if not all(bare(s.token_text(j)).isalpha() for j in (i, i + 1)):
        return False  # "وأضاف ديلون :": one name, the one who spoke before
    first = analyses(s.word(i))
    # a given name (no article) before a word that is no particle; a surname alone
    # ("ولفت الخالدي إلى") is the one named before
    given = not bare(s.token_text(i)).startswith("ال") and bare(s.token_text(i + 1)) not in STOPS
    if given and first and all(r.pos == "noun_prop" for r in first):
        return True
    return all(
        not (rs := analyses(s.word(j))) or any(r.pos == "noun_prop" for r in rs) for j in (i, i + 1)
    )


def told(s: Sent, kpos: int) -> bool:
    """Does the phrase after the verb open with لـ ("قال لديلي صباح التركية", "للصحافيين"):
    whom he told, not who spoke? A name of the dictionary (لبنان، لافروف) is not لـ."""
    i = s.tok_index(kpos)
    if i >= len(s.tokens) or any(m.kstart <= kpos < m.kend for m in s.mentions):
        return False
    tok = bare(s.token_text(i))
    return tok.startswith("ل") and any(r.prep == "ل" for r in analyses(s.word(i)))
