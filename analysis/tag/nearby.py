"""The words around a cue that decide whether its frame holds: what must or must not
follow it within some words (``within``: "وقّع اتفاقاً", "رفض الاتهامات", "دعا لإعادة
النظر"), whether a word belongs to an actor's name (``named``) and whether an actor stands
right before it (``actor_before``), whether a noun has a complement of its own
(``complement_after``), and how many words stand between two places besides names and
words a phrase passes through (``words_between``)."""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.clauses import Sent, bare, is_clause_end, token_after, tokens_between, words_after
from analysis.tag.matcher import base_forms
from analysis.tag.morph import analyses
from analysis.text.normalize import fold, strip_marks

__all__ = [
    "actor_after",
    "actor_before",
    "around",
    "complement_after",
    "named",
    "within",
    "words_between",
]


def named(s: Sent, j: int) -> bool:
    """Is token ``j`` part of an actor's name?"""
    ta, tb = s.tokens[j]
    return any(m.kstart < tb and m.kend > ta for m in s.mentions)


def words_between(s: Sent, a: int, b: int, through: frozenset[str] = frozenset()) -> int:
    """Words between key positions ``a`` and ``b``, not counting actor names nor the words
    of ``through`` (folded, with or without و/ب/ل): "رفضت المعارضة المشاركة في مؤتمر سوتشي"
    refuses Sochi through المشاركة في."""
    if not through:
        return tokens_between(s, a, b)
    skipped = sum(
        1
        for j in range(s.tok_index(a), s.tok_index(b))
        if s.tokens[j][0] >= a and not named(s, j) and _through(bare(s.token_text(j)), through)
    )
    return tokens_between(s, a, b) - skipped


def _through(word: str, through: frozenset[str]) -> bool:
    return word in through or (word[:1] in "وبل" and word[1:] in through)


def actor_before(s: Sent, j: int, *, any_name: bool = False) -> bool:
    """Does an actor's mention (any name, with ``any_name``) end right before token ``j``?"""
    start = s.tokens[j][0]
    return any(0 <= start - m.kend <= 1 and (any_name or m.kind in ACTOR_KINDS) for m in s.mentions)


def actor_after(s: Sent, i: int, *, nisba: bool = True) -> bool:
    """Does an actor's mention (not a nisba, without ``nisba``) start at the token after
    token ``i``?"""
    nxt = s.tokens[i + 1][0] if i + 1 < len(s.tokens) else -1
    return any(
        m.kstart == nxt and m.kind in ACTOR_KINDS and (nisba or not m.reason.startswith("nisba"))
        for m in s.mentions
    )


# بـ/لـ words that open no complement: a complementiser, a time or cause phrase
_NO_COMPLEMENT = frozenset(
    {"بان", "بانه", "بانها", "بانهم", "بعد", "بين", "بسبب", "بحسب", "بل", "بينما", "لان", "لانه"}
)


def complement_after(s: Sent, kend: int) -> bool:
    """Does the noun ending at ``kend`` have a complement of its own past the actors that
    name its holder: بـ, لـ, على or تجاه with a phrase, or أن ("مطلب المعارضة برحيل الأسد",
    "موافقة الحكومة على وقف النار", "طلبها أن …")? "رفض دمشق أدى إلى …" has none."""
    j = token_after(s, kend)
    while j < len(s.tokens) and named(s, j):
        j += 1
    if j >= len(s.tokens):
        return False
    w = bare(s.token_text(j)).removeprefix("و")
    if w in _NO_COMPLEMENT or w in _LI_WORDS:
        return False
    if w.startswith("ال") and j + 1 < len(s.tokens) and not is_clause_end(s.token_text(j)):
        # the one asked, then what is asked: "مطالبة المعارضة الحكومة بالإفراج عن"
        nxt = bare(s.token_text(j + 1))
        return len(nxt) > 3 and nxt[0] == "ب" and nxt not in _NO_COMPLEMENT
    return w in {"علي", "ان", "تجاه"} or (len(w) > 3 and w[0] in "بل")


def within(s: Sent, i: int, need: list[str], reach: int) -> int:
    """The first token within ``reach`` after token ``i`` that is one of ``need``, or -1."""
    words = {fold(str(w)) for w in need}
    for j in words_after(s, i, reach):
        w = bare(s.token_text(j))
        # the word, or without its proclitics: one و or ف, then one ب ل ك ("بوجود" is ب +
        # وجود, never جود), لل read as ل + the article
        if w in words or not base_forms(w).isdisjoint(words) or _attached(w, words):
            return j
        if "ل" in words and w.startswith("ل") and len(w) >= 3 and _with_li(s, j):
            return j  # "ندعو الإدارة لإعادة النظر", "لعدم التملص": لـ on a verbal noun
    return -1


def around(s: Sent, i: int, need: list[str], reach: int) -> bool:
    """Is one of ``need`` among the ``reach`` words before or after token ``i`` in the
    sentence (with or without its proclitics)?"""
    words = {fold(str(w)) for w in need}
    for j in range(max(0, i - reach), min(len(s.tokens), i + reach + 1)):
        w = bare(s.token_text(j))
        if j != i and (w in words or not base_forms(w).isdisjoint(words)):
            return True
    return False


# words that start with لـ and are no verbal noun after it (لذلك "therefore")
_LI_WORDS = frozenset(
    {"لذلك", "لهذا", "لهذه", "لكن", "لكنه", "لكنها", "لدي", "لان", "لما", "لماذا", "لعل", "لقد"}
)


def _with_li(s: Sent, j: int) -> bool:
    """Is token ``j`` a noun with لـ attached (not a name that starts with ل: لبنان)?"""
    return (
        bare(s.token_text(j)) not in _LI_WORDS
        and not named(s, j)
        and any(r.prep == "ل" and r.pos == "noun" for r in analyses(strip_marks(s.word(j))))
    )


def _attached(word: str, wanted: set[str]) -> bool:
    """Is ``word`` a preposition of ``wanted`` attached to a definite noun ("للانضمام" for
    ل, "بالانسحاب" for ب)?"""
    return ("ل" in wanted and word.startswith("لل")) or ("ب" in wanted and word.startswith("بال"))
