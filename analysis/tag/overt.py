"""The noun phrases around a verb that are not actors: whether a verb has an overt
subject that names no actor ("الجلسات التمهيدية … اتفقت"), whether the word before it is
a bare noun ("مشروع قرار يدعو"), and the words that end a subject noun phrase. A verb
with such a subject has no actor holder: the subject is that noun.
"""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import PRONOUNS
from analysis.tag.clauses import (
    COMPLEMENTISERS,
    Mention,
    Sent,
    bare,
    is_clause_end,
    starting_in,
    token_after,
)
from analysis.tag.morph import PREPOSITIONS, VERB_PARTICLES, analyses
from analysis.tag.nearby import named
from analysis.tag.reading import word_at
from analysis.text.normalize import fold

__all__ = [
    "NP_STOPS",
    "PRONOUN_PPS",
    "SUBJECT_PARTICLES",
    "bare_noun",
    "described",
    "noun_subject_before",
    "overt_subject",
    "topic",
]

# a preposition with a pronoun ("له، عليهم، منهما، إليهن"): never a verb's subject
PRONOUN_PPS = frozenset(
    p + e
    for p in ("ل", "علي", "في", "من", "مع", "الي", "عن", "ب", "خلال")
    for e in ("ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم")
)
NP_STOPS = frozenset(
    {
        *("ان", "انه", "انها", "بان", "لان", ":", "الذي", "التي", "الذين", "حيث", "بينما"),
        *("لكن", "الا", "امس", "اليوم", "يوم", "خلال", "عقب", "اثر"),
    }
)


def bare_noun(s: Sent, j: int) -> bool:
    """Is token ``j`` an indefinite noun with no clitic in front, read only as a noun, or a
    name of no actor in the dictionary that opens its clause ("كندا تدعو", ``_opening_name``)?"""
    tok = bare(s.token_text(j))
    if len(tok) < 3 or tok in PRONOUNS:
        return False
    readings = analyses(word_at(s, j))
    if _name_only(s, j, tok, readings):
        return _opening_name(s, j)
    return bool(readings) and all(
        r.pos == "noun" and not (r.article or r.prep or r.conj) for r in readings
    )


def noun_subject_before(s: Sent, i: int) -> bool:
    """Does a noun that names no actor stand before the verb at token ``i`` as its subject:
    an indefinite noun ("مشروع قرار يدعو النظام السوري إلى"), or the words after أن/بأن/لأن
    ("بأن غرفة الموك طالبت فصائل المعارضة": أنّ takes its subject before the verb)? Then
    the actor after the verb is its object."""
    if i < 2 or is_clause_end(s.token_text(i - 1)):
        return False
    if bare(s.token_text(i - 2)) not in PREPOSITIONS and bare_noun(s, i - 1):
        return True
    words = []
    for j in range(i - 1, max(-1, i - 5), -1):
        tok = bare(s.token_text(j))
        if tok.removeprefix("و") in _THAT:
            return bool(words) and all(_plain_noun(w, word) for w, word in words)
        if tok in COMPLEMENTISERS:
            return False  # "أنه طالب": the subject is the pronoun on أن
        if is_clause_end(s.token_text(j)) or named(s, j) or tok in PREPOSITIONS:
            return False
        if tok not in SUBJECT_PARTICLES:
            words.append((tok, word_at(s, j)))
    return False


def _plain_noun(tok: str, word: str) -> bool:
    """Can the word (folded ``tok``, spelt ``word``) be a noun subject with no owner of its
    own: no pronoun, no attested verb ("وإن كان يوافق": "even if", كان no subject), no
    possessive ("أن قواتها لن تسمح": its owner's, found elsewhere)?"""
    readings = analyses(word)
    return (
        len(tok) > 2
        and tok not in PRONOUNS
        and not any(r.verbal and r.attested for r in readings)
        and not any(r.enclitic.endswith("_poss") for r in readings)
    )


# أنّ and its forms with a preposition, before their subject noun (folded)
_THAT = frozenset({"ان", "بان", "لان"})


def _name_only(s: Sent, j: int, tok: str, readings: list) -> bool:
    """A word the analyser knows only as a proper noun or not at all (a foreign name),
    without the article (not a weekday: "الأربعاء"), that names no actor."""
    names = not readings or all(r.pos == "noun_prop" for r in readings)
    return names and tok.isalpha() and not tok.startswith("ال") and not named(s, j)


def _opening_name(s: Sent, j: int) -> bool:
    """Does the name ending at token ``j`` (one word or several foreign words) open its
    clause, or what is reported after أن/لأن ("لأن يريفان ترفض")? Not after another word:
    "بن علي يلدريم" is a person's name in apposition, "اتفاق أستانة قدمت موسكو" the
    genitive of an idafa."""
    k = j - 1
    while k >= 0 and _name_only(s, k, bare(s.token_text(k)), analyses(word_at(s, k))):
        k -= 1
    return (
        k < 0
        or is_clause_end(s.token_text(k))
        or bare(s.token_text(k)).removeprefix("و") in COMPLEMENTISERS
    )


#: Particles between a subject and its verb: negation, قد, the future ("الدستور لا يسمح").
SUBJECT_PARTICLES = frozenset({"لا", "لم", "لن", "قد", "سوف", "ما"})
# … and "also" between a noun subject and its predicate ("الإجراءات أيضا جاهزة")
_PARTICLES = SUBJECT_PARTICLES | {"ايضا", "كذلك"}


def overt_subject(s: Sent, a: int, b: int, feats: set[tuple[str, str]], noun_at: int = -1) -> bool:
    """Is there a noun phrase (not an actor) right before or after the verb that can be its
    subject ("الجلسات التمهيدية … اتفقت", "وطالبت منظمة حقوقية الحكومة")? Then the subject
    is that noun, not an earlier actor. A plural or dual verb has its subject in its own
    ending when a noun follows (verb-subject order takes a singular verb: "وقدموا ضمانات").
    ``noun_at``: where a light verb's own noun stands (its object, "وقدم ضمانات")."""
    i, j = s.tok_index(a), token_after(s, b)
    if j < len(s.tokens) and s.tokens[j][0] <= noun_at < s.tokens[j][1]:
        j += 1
    nxt = s.token_text(j) if j < len(s.tokens) else ""
    k = i - 1
    while k > 0 and bare(s.token_text(k)) in _PARTICLES:
        k -= 1  # "الدستور لا يسمح": the noun before the negation is the subject
    prev = s.token_text(k) if k >= 0 else ""
    mention_at = {m.kstart for m in s.mentions}

    def definite(tok: str) -> bool:
        t = tok.lstrip('«"“(')
        if bare(t) in PREPOSITIONS:
            return False  # "إلى" folds to "الى", which only looks like the article
        return (t.startswith(("ال", "وال")) and not is_clause_end(tok)) or tok[:1] in '«"“'

    def content_word(k: int) -> bool:
        tok = bare(s.token_text(k))
        return (
            len(tok) > 2
            and s.tokens[k][0] not in mention_at
            and tok not in PREPOSITIONS
            and tok not in VERB_PARTICLES
            and tok not in NP_STOPS
            and tok not in PRONOUN_PPS
            and not tok[:1].isdigit()
            and (not tok.startswith(("ب", "ل")) or _stem_initial(s, k))
        )

    plural = bool(feats) and all(num in ("p", "d") for _g, num in feats)
    # an actor right after the verb that did not agree with it is its object ("كما دعا
    # الأمم المتحدة … إلى"), not a subject of another kind
    actor_after = j < len(s.tokens) and any(m.kind in ACTOR_KINDS for m in starting_in(s, j))
    # a participle's noun after it is its object ("داعيا بقية الدول إلى"); a verb's or a
    # light verbal noun's (its noun at ``noun_at``) may be its subject
    verbal = any(num != "na" for _g, num in feats) or noun_at >= 0
    after = (
        verbal
        and bool(nxt)
        and not plural
        and not actor_after
        and (definite(nxt) or content_word(j))
    )
    return after or (bool(prev) and definite(prev) and not is_clause_end(prev)) or topic(s, i)


def _stem_initial(s: Sent, k: int) -> bool:
    """Is the ب or لـ of token ``k`` the noun's own first letter ("بيان", "برنامج"), in every
    reading, and not a preposition ("بسحب")?"""
    readings = analyses(word_at(s, k))
    return any(r.pos.startswith("noun") for r in readings) and not any(r.prep for r in readings)


def topic(s: Sent, i: int) -> bool:
    """Is the verb at token ``i`` in a content clause whose topic after إن/أن is a noun
    that names no actor ("قال المبعوث إن الأطراف المشاركة في المحادثات … اتفقت")? That
    noun is the verb's subject."""
    for j in range(i - 1, max(-1, i - 15), -1):
        raw = s.token_text(j)
        if is_clause_end(raw):
            return False
        if bare(raw) in ("ان", "بان", "لان") and j + 1 < i:
            k = s.tokens[j + 1][0]
            named = any(m.kstart <= k < m.kend for m in s.mentions if m.kind in ACTOR_KINDS)
            return bare(s.token_text(j + 1)).startswith("ال") and not named
    return False


def described(s: Sent, i: int) -> list[Mention] | None:
    """For a definite participle at token ``i`` ("إيران الرافضة للاتفاق", "لعقيدته الرافضة
    لمفهوم الوطنية"): the actor named right before it, which it describes, or [] when the
    word before names none; ``None`` when the word is not a definite participle."""
    # "والرافض" continues a participle further back; "موقفه الرافض" is its owner's
    if i < 1 or not bare(s.token_text(i)).startswith("ال") or bare(s.token_text(i - 1)) in _STANCE:
        return None
    a, b = s.tokens[i - 1]
    # a lone nisba is the adjective of a noun ("الأكاديمي الإيراني الداعي"), not the actor
    return [
        m
        for m in s.mentions
        if a < m.kend <= b
        and m.kind in ACTOR_KINDS
        and not (m.reason.startswith("nisba") and m.kstart >= a)
    ][-1:]


# "موقفه الرافض", "موقف مصر الداعم": the participle describes the owner's position
_STANCE = frozenset(
    fold(w) for w in ("موقف", "موقفه", "موقفها", "موقفهم", "مواقف", "مواقفه", "مواقفها")
)
