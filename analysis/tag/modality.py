"""Negation, future forms and the modality of a cue: is a word negated (لا، لم، لن، عدم, a
negated modal before أن), future (سـ، سوف، لن, "من المتوقع أن"), hypothetical (after an if in
its clause) or asserted? ``negated``, ``future_form``, ``past_negation``, ``modality_at``."""

from __future__ import annotations

from analysis.tag.agreement import can_be_person
from analysis.tag.clauses import NOT_NOUNS, WHICH_AFTER, Sent, bare, is_clause_end
from analysis.tag.cues import future_lexicon, negators
from analysis.tag.morph import PREPOSITIONS, Reading
from analysis.tag.nearby import named
from analysis.text.normalize import fold

__all__ = [
    "STILL_VERBS",
    "future_form",
    "modality_at",
    "negated",
    "past_negation",
    "pledged",
    "restricted",
    "under_negated_verb",
    "whoever",
]

#: Folded forms of زال/برح/انفك/فتئ: after ما/لا/لم they mean "still" (ما زال، لا يزال).
STILL_VERBS = frozenset(
    fold(w)
    for w in (
        *("زال", "زالت", "زالوا", "يزال", "تزال", "يزالون", "تزالون", "نزال", "يزالان"),
        *("برح", "برحت", "يبرح", "تبرح", "انفك", "انفكت", "ينفك", "تنفك", "فتئ", "يفتأ"),
        *("تفتأ", "فتئت"),
    )
)


def negated(s: Sent, kpos: int, *, window: int = 2) -> bool:
    """Is there a negator among the ``window`` tokens before key position ``kpos``?"""
    i = s.tok_index(kpos)
    if i < len(s.tokens) and s.tokens[i][0] < kpos:
        # a cue inside a token (بعدم …) carries its own negation
        return s.key[s.tokens[i][0] : kpos] in NOT_NOUNS
    # nearest first: a clause end between the negator and the cue ends the search
    for j in range(i - 1, max(0, i - window) - 1, -1):
        if is_clause_end(s.token_text(j)):
            return False
        if _negator(tok := bare(s.token_text(j))):
            if tok == "ما" and (j == 0 or is_clause_end(s.token_text(j - 1))):
                return False  # "، ما يؤكد": the relative "which" opens the clause
            if tok == "ما" and bare(s.token_text(j - 1)).lstrip("و") in _BEFORE_RELATIVE_MA:
                return False  # "حسب ما تم الاتفاق عليه": "what", not "not"
            if j + 1 < len(s.tokens) and bare(s.token_text(j + 1)) in STILL_VERBS:
                continue  # "ما زال اتفاقها قائماً": still, not a negation
            if j < i - 1 and tok.lstrip("وف") in _NOUN_NEGATORS:
                # "بدون هدوء تضمنه إيران": "without" governs the noun after it; "دون أي
                # ضمانات", "دون أن تعترض" still negate the guarantee, the objection
                return bare(s.token_text(j + 1)) in _THROUGH
            return True
    if i > 0 and bare(s.token_text(i - 1)) == "او" and _verb_negated_before(s, i - 1):
        return True  # "لن نكون جزءا منه أو نوافق عليه": لن governs both verbs
    # "لا يمكنها أن تقبل", "لن تستطيع أن ترفض": a negated modal before أن
    words = [bare(s.token_text(j)) for j in range(max(0, i - 3), i)]
    return (
        len(words) == 3
        and words[2] in ("ان", "بان")
        and words[1].startswith(_MODALS)
        and _negator(words[0])
    )


def restricted(s: Sent, kend: int, *, window: int = 3) -> bool:
    """Does إلا follow a cue ending at key position ``kend`` within ``window`` tokens, in its
    clause? A negated move with إلا is a restriction ("لا تضمن إلا أمن إسرائيل": guarantees
    only that), not a refusal."""
    j = s.tok_index(kend - 1) + 1
    for k in range(j, min(j + window, len(s.tokens))):
        tok = s.token_text(k)
        if bare(tok) == "الا":
            return True
        if is_clause_end(tok):
            return False
    return False


_VERB_NEGATORS = frozenset({"لن", "لم", "لا"})

# Words after which ما is the relative "what" ("حسب ما تم الاتفاق عليه", "وفق ما أعلنته",
# "بعد ما قبلته"), folded: prepositions and the words of accordance.
_BEFORE_RELATIVE_MA = (
    PREPOSITIONS
    | WHICH_AFTER
    | frozenset(
        {"حسب", "بحسب", "وفقا", "طبقا", "مثل", "كل", "لكل", "بكل", "بين", "الا", "اكثر", "اقل"}
    )
)


def _verb_negated_before(s: Sent, i: int) -> bool:
    """Does لن/لم/لا stand within eight tokens before token ``i``, in its clause?"""
    for j in range(i - 1, max(-1, i - 9), -1):
        if is_clause_end(s.token_text(j)):
            return False
        if bare(s.token_text(j)).lstrip("وف") in _VERB_NEGATORS:
            return True
    return False


# Verbs that, negated, assert the move after them: "لم يخف رفضه" (he did not hide his
# rejection), "لم تتراجع عن مطلبها", "لم تتخل عن شروطها" (folded, without و/ف).
_LITOTES = frozenset(
    fold(w)
    for w in (
        *("يخف", "تخف", "يخفي", "تخفي", "يتراجع", "تتراجع", "يتخل", "تتخل", "يتخلى"),
        *("تتخلى", "يغير", "تغير", "يخفوا", "يتراجعوا", "يتخلوا"),
    )
)


def under_negated_verb(s: Sent, kpos: int) -> bool:
    """Is the move noun at key position ``kpos`` the object of a negated verb, past its
    subject and preposition: "لم يسفر الاجتماع عن موافقة واشنطن", "لم تحصل أنقرة على
    موافقة روسيا", "لم يصدر أي رفض روسي"? Then no move was made. Not after a verb that,
    negated, asserts it ("لم يخف رفضه")."""
    i = s.tok_index(kpos)
    for j in range(i - 1, max(-1, i - 6), -1):
        tok = bare(s.token_text(j))
        if is_clause_end(s.token_text(j)):
            return False
        if named(s, j) or tok in PREPOSITIONS or tok in {"اي", "ايه"}:
            continue
        # the verb: a negator right before it decides
        before = bare(s.token_text(j - 1)) if j > 0 else ""
        return before.lstrip("وف") in _VERB_NEGATORS and tok.lstrip("وف") not in _LITOTES
    return False


def _negator(tok: str) -> bool:
    """Is the folded token a negator, with or without و/ف in front?"""
    return tok in negators() or (tok[:1] in "وف" and tok[1:] in negators())


# negators of a noun ("without", "other than"): they govern the word right after them
_NOUN_NEGATORS = frozenset({"دون", "بدون", "غير"})
_THROUGH = frozenset({"اي", "ايه", "ان"})

# "can, be able to" (يمكن، يستطيع، تستطيع …) with any pronoun attached
_MODALS = ("يمكن", "تستطيع", "يستطيع", "نستطيع", "يقدر", "تقدر")


def future_form(s: Sent, kstart: int) -> bool:
    """A future verb: س prefix, or سوف / لن just before."""
    i = s.tok_index(kstart)
    tok_start = s.tokens[i][0] if i < len(s.tokens) else kstart
    pre = s.key[tok_start:kstart]
    if pre.endswith("س") or (
        s.key[kstart : kstart + 1] == "س" and s.key[kstart + 1 : kstart + 2] in "يتن"
    ):
        return True
    return i > 0 and bare(s.token_text(i - 1)) in {"سوف", "لن", "ولن"}


def past_negation(s: Sent, kpos: int) -> bool:
    """Is the verb at ``kpos`` negated in the past (لم within the two tokens before it)?"""
    i = s.tok_index(kpos)
    return any(bare(s.token_text(j)).lstrip("وف") == "لم" for j in range(max(0, i - 2), i))


def pledged(s: Sent, reading: Reading, kpos: int) -> bool:
    """Is the negated verb at ``kpos`` a pledge? It looks ahead ("لن تسمح", "لن يسمح"), or
    it is the speaker's own present ("لا نسمح", "لا أسمح"). "لم تسمح" tells what was done;
    a third person's "لا تسمح" describes a policy or a rule ("الدستور لا يسمح")."""
    if future_form(s, kpos):
        return True
    word = s.word(s.tok_index(kpos)) if s.tokens else ""
    return not past_negation(s, kpos) and can_be_person(reading, word, "1")


def modality_at(s: Sent, a: int, hypos: list[int]) -> str:
    """The modality of the cue at key position ``a``: negated, hypothetical (after an if
    at ``hypos`` in its clause or opening the sentence), future, or asserted."""
    i = s.tok_index(a)
    tok_start = s.tokens[i][0] if i < len(s.tokens) else a
    if negated(s, a) or s.key[max(0, a - 8) : a].rstrip().endswith(("رفض ان", "رفضت ان")):
        return "negated"
    lo = max((tb for ta, tb in s.tokens if tb <= a and is_clause_end(s.key[ta:tb])), default=0)
    opener = s.tokens[1][1] if len(s.tokens) > 1 else len(s.key)
    # "في حال انسحبت …، فإن موسكو ستضمن …": a sentence-initial if governs the main clause
    if any(lo <= h < a for h in hypos) or any(h <= opener and h < a for h in hypos):
        return "hypothetical"
    if future_form(s, a) or s.key[tok_start:a].endswith("س"):
        return "future"
    if any(lo <= f < a for f, _e, _w, _l in future_lexicon().find(s.key)):
        return "future"  # "من المتوقع أن تعرض أنقرة …"
    return "asserted"


def whoever(s: Sent, a: int) -> bool:
    """Is the verb at key position ``a`` that of "whoever" (من opening its clause before
    it, a negator between): "ولذلك من لا يقبل بهذا المبدأ لن يحضر" is a rule for anyone,
    nobody's move; "كانت بلاده من اقترحت" (the one who) names its proposer."""
    i = s.tok_index(a)
    j = i - 1
    if j >= 0 and bare(s.token_text(j)) in _VERB_NEGATORS:
        j -= 1
    if j < 0 or bare(s.token_text(j)).lstrip("وف") != "من":
        return False
    before = s.token_text(j - 1) if j > 0 else ""
    return not before or is_clause_end(before) or bare(before).lstrip("وف") in _OPENERS


# What may stand before a "whoever" clause: a connective, a complementiser
_OPENERS = frozenset({"", "لذلك", "لهذا", "ان", "لان", "لكن", "اذ", "حيث", "بل", "ثم"})
