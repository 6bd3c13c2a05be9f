"""The verbs a verb joined by و/ف continues: "بوتين يطرد دبلوماسيين أمريكيين ويهدد
بعقوبات" has يهدد share يطرد's subject; the noun right before "ويهدد" is يطرد's object,
never a subject of the verb after it.

``joined_verbs(s, i)`` lists the earlier verbs of the sentence, nearest first, that the
verb at token ``i`` may continue; the caller takes the subject of the first that has one
agreeing with it (``analysis.tag.subjects``).
"""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import RELATIVES, verb_features
from analysis.tag.clauses import COMPLEMENTISERS, Sent, bare, is_clause_end
from analysis.tag.morph import PREPOSITIONS, Reading, analyses
from analysis.tag.nearby import actor_before, named
from analysis.tag.overt import bare_noun
from analysis.tag.reading import reading_at, word_at
from analysis.tag.svo import subject_before
from analysis.tag.vso import subject_after

__all__ = ["continues", "joined", "joined_verbs"]

# How far back the earlier verb may stand, and how many are tried (the nearest, then the
# verb of the clause a content clause depends on: "أعلن بوتين أن قواته ستنسحب وهدد").
_REACH = 30
_VERBS = 3
# a word that may be a preposition or particle is not taken for a verb ("بين": بَيَّن)
_FUNCTION = frozenset({"prep", "conj", "part", "part_neg", "rel_pron", "pron", "adv", "adv_rel"})
# words the analyser may read as verbs that stand here as prepositions or adverbs
_NOT_VERBS = PREPOSITIONS | set(RELATIVES) | {"بين", "بينما", "حيث", "كما", "منذ", "امس", "ايضا"}
# a definite noun with a preposition or conjunction (بال، لل، وال، فال، كال): never a verb
_DEFINITE_WITH_PREPOSITION = ("بال", "لل", "وال", "فال", "كال")
# auxiliaries and particles: no verb of their own ("كان قد", "لم")
_AUXILIARIES = frozenset({"كان", "كانت", "كانوا", "قد", "لقد", "ليس", "ليست"})
# "what" before a verb of a relative clause ("ما يمر به", "مما يهدد", "بما يضمن")
_WHAT = frozenset({"ما", "مما", "بما"})


def joined(s: Sent, i: int, reading: Reading) -> bool:
    """Does the verb at token ``i`` carry the conjunction و/ف ("ويهدد", "، وطالب"), or
    follow it written apart ("و يدعو")?"""
    if i > 0 and s.token_text(i - 1) in ("و", "ف"):
        return True
    tok = bare(s.token_text(i))
    return bool(reading.conj) and tok[:1] in ("و", "ف")


def joined_verbs(s: Sent, i: int) -> list[tuple[int, Reading, bool]]:
    """Earlier verbs of the sentence (token index, reading, whether it is in a content
    clause after إن/أن), nearest first, that the verb at token ``i`` may continue; none
    when it opens the sentence. A verb in a relative clause ("الذي تدعمه إيران", "بعد
    حصار استمر") is passed over: the relative clause describes a noun; unless the verb at
    ``i`` is in that clause too ("الذي زار نيويورك وأظهر"), which ends the search."""
    out: list[tuple[int, Reading, bool]] = []
    j = i - 1
    while j >= max(0, i - _REACH) and len(out) < _VERBS:
        between = s.key[s.tokens[j][1] : s.tokens[i][0]]
        if ":" in between:
            break  # the words a speaker is quoted with continue no verb before them
        tok = bare(s.token_text(j))
        prev = bare(s.token_text(j - 1)) if j > 0 else ""
        if tok in COMPLEMENTISERS and out:
            # "قال إن الحل سيكون …، ودعا": the verbs of the content clause, up to its comma
            # ("أنه لن يدع الأسد يفلت بجرائمه، وتعهد": يدع and يفلت both)
            stop = next((k for k in range(j + 1, i) if is_clause_end(s.token_text(k))), -1)
            out = [(k, r, content or k < stop) for k, r, content in out]
            out[-1] = (out[-1][0], out[-1][1], True)
        if _may_be_verb(s, j):
            readings, _rule = reading_at(s, j, actor_before(s, j))
            verbal = bool(readings) and readings[0].verbal
            if verbal and _actor_relative(s, j - 1) and not _clause_end(s, j, i):
                # "بزشكيان، الذي زار نيويورك وأظهر مرونة": a verb of the same relative
                # clause, whose subject is the relative's head
                out.append((j, readings[0], False))
                break
            # a verb after a relative or an indefinite noun describes that noun ("بعد
            # حصار استمر لأسابيع")
            if (
                readings
                and readings[0].verbal
                and not _describes(s, j, prev, readings[0])
                and not _object_of_vso(s, j)
            ):
                out.append((j, readings[0], False))
        j -= 1
    return out


def _may_be_verb(s: Sent, j: int) -> bool:
    """Can token ``j`` be a verb at all (not a function word, a name's word, a noun with ة
    or the article after a preposition, an auxiliary)?"""
    tok = bare(s.token_text(j))
    prev = bare(s.token_text(j - 1)) if j > 0 else ""
    return (
        len(tok) > 2
        and not s.word(j).endswith("ة")  # a noun (ة folds to ه, as a verb's pronoun does)
        and not tok.startswith(_DEFINITE_WITH_PREPOSITION)
        and not named(s, j)  # a word of a name ("الرئيس الإيراني روحاني": no verb رَوَّح)
        and tok.lstrip("و") not in _AUXILIARIES
        and tok not in COMPLEMENTISERS
        and prev not in PREPOSITIONS
        and tok.lstrip("و") not in _NOT_VERBS
        and not any(r.pos in _FUNCTION for r in analyses(word_at(s, j)))
    )


def _object_of_vso(s: Sent, j: int) -> bool:
    """Does token ``j`` follow a verb and its actor subject ("أكدت روسيا دعمها …")? There a
    word that may be a verb (دعمها: دَعَم) is the verb's object, a noun."""
    before = [m for m in s.mentions if m.kend <= s.tokens[j][0] and j > 0]
    if not before or s.tok_index(before[-1].kend - 1) != j - 1:
        return False
    if all(r.verbal for r in analyses(word_at(s, j))):
        return False  # "صاغته السعودية يندد بـ": a verb with no noun reading is no object
    k = s.tok_index(before[-1].kstart) - 1
    if k < 0 or is_clause_end(s.token_text(k)) or not _may_be_verb(s, k):
        return False
    readings, _rule = reading_at(s, k)
    return bool(readings) and readings[0].verbal


def _describes(s: Sent, j: int, prev: str, verb: Reading) -> bool:
    """Does the verb at token ``j`` follow a relative or a bare indefinite noun? ما before
    an imperfective is "what" ("خطورة ما يمر به العراق"); before a perfective it may
    negate ("ما قال")."""
    if prev.lstrip("و") in RELATIVES or (prev in _WHAT and verb.asp == "i"):
        return True
    return j > 0 and not named(s, j - 1) and bare_noun(s, j - 1)


def _actor_relative(s: Sent, k: int) -> bool:
    """Is token ``k`` a relative right after an actor's name ("بزشكيان، الذي")? A
    relative after another noun ("مؤتمرات الصلح التي أعقبت الحرب وأصرت") ends sooner."""
    if k < 1 or bare(s.token_text(k)).lstrip("و") not in RELATIVES:
        return False
    at = s.tokens[k][0]
    gap = [m for m in s.mentions if m.kind in ACTOR_KINDS and m.kend <= at]
    return bool(gap) and s.key[gap[-1].kend : at].strip() in ("", ",", "،")


def _clause_end(s: Sent, j: int, i: int) -> bool:
    """Does a clause end (a comma, a full stop) stand between tokens ``j`` and ``i``?"""
    return any(is_clause_end(s.token_text(k)) for k in range(j, i))


def continues(s: Sent, i: int, at: int, holder_ids: set[str]) -> bool:
    """Is the verb at token ``i`` joined to the move verb at key position ``at`` of the
    holders ``holder_ids``: no verb between, or the verb between has one of them as its
    subject ("اتهمت روسيا … وحذرت")? Not "مارس الجبير ضغوطا … وأشار إلى أن المبعوث سيذهب
    إلى جنيف ويقوم", which continues the envoy's verb."""
    before = joined_verbs(s, i)
    if at < 0 or not before or before[0][0] <= s.tok_index(at):
        return at >= 0
    j, reading, _content = before[0]
    word = s.word(j)
    feats = verb_features(reading, word)
    pool = [m for m in s.mentions if m.kind in ACTOR_KINDS]
    ja, jb = s.tokens[j]
    found = subject_before(s, ja, pool, feats, near=True)[0] or subject_after(s, jb, pool, feats)
    return any(m.actor_id in holder_ids for m in found)
