"""The subject before a verb (subject-verb order): the mention that ends right before it,
past auxiliaries ("روسيا نفسها شجبت", "كانت قد"), a relative's head, or a subject pronoun;
with the actors joined to it by و and the verb's agreement checked."""

from __future__ import annotations

from analysis.tag.agreement import PRIVATE_HEADS, PRONOUNS, RELATIVES, agrees, mention_agreement
from analysis.tag.antecedents import joined_by_and, relative_subject, subject_position
from analysis.tag.clauses import COMPLEMENTISERS, Mention, Sent, bare, is_clause_end
from analysis.tag.morph import PREPOSITIONS, analyses
from analysis.tag.nearby import named
from analysis.tag.objects import after_prep, part_agreement, part_before
from analysis.tag.overt import NP_STOPS, bare_noun
from analysis.tag.reading import word_at
from analysis.text.normalize import fold

__all__ = ["MEDIA_SUBJECT", "subject_before"]

# words between a subject and its verb ("روسيا نفسها شجبت", "كانت قد")
_BETWEEN = frozenset(
    {
        *("كان", "كانت", "كانوا", "قد", "لقد", "لم", "لن", "لا", "ما", "سوف", "ايضا"),
        *("نفسه", "نفسها", "نفسهم", "ذاته", "ذاتها"),
    }
)
# "X, led by Y": Y modifies the subject X (بقيادة، برئاسة، بزعامة)
_LED_BY = frozenset(fold(w) for w in ("بقيادة", "برئاسة", "بزعامة"))


MEDIA_SUBJECT = "a newspaper or a channel is the subject before the verb"


def subject_before(
    s: Sent, a: int, pool: list[Mention], feats, *, near: bool = False
) -> tuple[list[Mention], str]:
    """The subject before the verb: a mention, a relative's head or a pronoun; ``near``
    looks only at the word right before the verb (and its auxiliaries)."""
    i = s.tok_index(a)
    j = i - 1
    steps = 0
    while j >= 0 and steps < (1 if near else 4):
        raw = s.token_text(j)
        tok = bare(raw).lstrip("و") if bare(raw) not in PRONOUNS else bare(raw)
        if tok in _BETWEEN:
            j -= 1
            continue
        # right before a verb only, not a light noun ("وصف الأمين العام، بان كي مون، التوقيع")
        set_off = raw.strip() in (",", "،") and j == i - 1 and _verb_at(s, i)
        if set_off and (back := _set_off_before(s, j, pool)) >= 0:
            j = back  # "المستشارة الألمانية، أنجيلا ميركل، أيضا، رفضت"
            continue
        if tok in RELATIVES:
            head = [m for m in pool if m.kend <= s.tokens[j][0] and s.tokens[j][0] - m.kend <= 2]
            if head and agrees(mention_agreement(head[-1]), feats, gender_only=False):
                return [head[-1]], f"relative {tok} → its head"
            return [], ""
        if bare(raw) in PRONOUNS or tok in PRONOUNS:
            word = bare(raw) if bare(raw) in PRONOUNS else tok
            # "فإنها ستطالب واشنطن بضمانات": a feminine, dual or plural pronoun right before
            # an agreeing verb is its subject, the actor after the verb its object ("إنه"
            # may be the pronoun of the matter: "أكد أنه سيزور الرئيس الروسي أنقرة")
            if near and (
                PRONOUNS[word] == ("m", "s") or not agrees(PRONOUNS[word], feats, gender_only=False)
            ):
                return [], ""
            return [], "pronoun:" + word
        ending = [m for m in pool if s.tokens[j][0] <= m.kend <= s.tokens[j][1] + 1]
        if near and j == i - 1 and not ending and _media_ends(s, j):
            return [], MEDIA_SUBJECT  # "صحيفة إيرانية تهاجم حماس": the newspaper speaks
        joined_here = ending and j == i - 1 and s.key[a - 1 : a] == "و"
        if joined_here and not subject_position(s, ending[-1]):
            # "ورفض روحاني قرار ترمب ووصفه …": the genitive that ends the clause before a
            # verb joined by و is not that verb's subject
            return [], ""
        if ending:
            m = ending[-1]
            k = s.tok_index(m.kstart)
            if k > 0 and bare(s.token_text(k - 1)) in _LED_BY:
                # "تيار الغد، بقيادة أحمد الجربا، يدعو": the leader modifies the subject
                j, steps = k - 2, steps + 1
                while j >= 0 and not bare(s.token_text(j)):
                    j -= 1
                continue
            if after_prep(s, m) or _nisba_of_object(s, m) or relative_subject(s, m):
                return [], ""
            if _before(s, m).removeprefix("و") in PRIVATE_HEADS:
                # "عشر منظمات سورية ترفض", "سكان دمشق يرفضون": the people's, not the state's
                return [], ""
            group = [m, *_joined_before(s, m, pool)][::-1]
            agr = (("m", "d") if len(group) == 2 else ("m", "p")) if len(group) > 1 else None
            agr = agr or mention_agreement(m)
            if (part := part_before(s, m)) >= 0:
                agr = part_agreement(
                    bare(s.token_text(part))
                )  # "مسؤول في الخارجية الروسية يرفض": the member's
            # states joined by و may also take a feminine singular verb ("فرنسا وروسيا اتفقت")
            states = len(group) > 1 and all(mention_agreement(x) == ("f", "s") for x in group)
            if agrees(agr, feats, gender_only=False) or (
                states and agrees(("f", "s"), feats, gender_only=False)
            ):
                return group, "subject before the verb"
            return [], ""
        if is_clause_end(raw) or bare(raw) in NP_STOPS:
            return [], ""
        if j == i - 1 and bare_noun(s, j):
            return [], ""  # "… على أساس برنامج يدعو إلى": the noun before the verb is its subject
        steps += 1
        j -= 1
    return [], ""


def _verb_at(s: Sent, i: int) -> bool:
    """Can token ``i`` be a verb (one of its readings is)?"""
    return i < len(s.tokens) and any(r.verbal for r in analyses(word_at(s, i)))


def _set_off_before(s: Sent, j: int, pool: list[Mention]) -> int:
    """When the comma at token ``j`` closes words set off by commas between a subject and
    its verb, the token before the opening comma; else -1. The words are "also" ("،
    أيضا،") or the name of the actor whose title ends right before the opening comma
    ("المستشارة الألمانية، أنجيلا ميركل،")."""
    p = next((k for k in range(j - 1, max(-1, j - 7), -1) if is_clause_end(s.token_text(k))), -1)
    if p < 1 or s.token_text(p).strip() not in (",", "،") or p == j - 1:
        return -1
    words = [bare(s.token_text(k)) for k in range(p + 1, j)]
    inside = [m for m in pool if s.tokens[p + 1][0] <= m.kstart and m.kend <= s.tokens[j - 1][1]]
    title = [m for m in pool if s.tokens[p - 1][0] <= m.kend <= s.tokens[p - 1][1] + 1]
    if len(inside) == 1 and title and title[-1].actor_id == inside[0].actor_id:
        return p - 1  # the title, with which the verb agrees
    if all(w in _BETWEEN for w in words):
        further = _set_off_before(s, p, pool)  # "…، أنجيلا ميركل، أيضا،"
        return further if further >= 0 else p - 1
    return -1


def _before(s: Sent, m: Mention) -> str:
    """The folded word before mention ``m`` ("" at the start)."""
    k = s.tok_index(m.kstart)
    return bare(s.token_text(k - 1)) if k > 0 else ""


def _joined_before(s: Sent, m: Mention, pool: list[Mention]) -> list[Mention]:
    """The actors joined to ``m`` by و before it, nearest first ("فرنسا وروسيا والصين",
    "لافروف ونظيره التركي")."""
    out: list[Mention] = []
    cur = m
    while True:
        prev = [x for x in pool if x.kend <= cur.kstart and joined_by_and(s, x.kend, cur.kstart)]
        if not prev or after_prep(s, prev[-1]):
            return out
        cur = prev[-1]
        out.append(cur)


def _nisba_of_object(s: Sent, m: Mention) -> bool:
    """Is ``m`` the nisba of a prepositional object right before the verb ("لا يبدي أي
    استجابة للشروط الإيرانية، ويهددون"): the noun it modifies is no subject, nor is it?"""
    k = s.tok_index(m.kstart)
    if not m.reason.startswith("nisba") or k == 0:
        return False
    head = bare(s.token_text(k - 1)).removeprefix("و")
    if head in COMPLEMENTISERS or head in PREPOSITIONS:
        return False  # "عن أن السعودية هددت": no noun before it
    if named(s, k - 1):
        return False  # a nisba of a name ("القوات الروسية"): the name is the head
    # the head has the article the nisba agrees with ("للشروط الإيرانية", "على المواقع
    # الإيرانية"); "في حساباتنا السعودية لن تسمح" is a new clause's subject
    if head.startswith(("لل", "بال")):
        return True
    return head.startswith("ال") and k > 1 and bare(s.token_text(k - 2)) in PREPOSITIONS


# head nouns that make a named outlet or monitor a clause's subject ("منظمة هيومن رايتس
# ووتش تطالب"); a bare name before a verb is most often a dateline ("أ ف ب دعا لافروف")
_MEDIA_HEADS = frozenset(fold(w) for w in ("منظمة", "صحيفة", "قناة", "وكالة", "موقع", "شبكة"))


def _media_ends(s: Sent, j: int) -> bool:
    """Does a media mention end at token ``j`` that is a nisba ("صحيفة إيرانية",
    ``nisba_media_heads``) or starts with its head noun ("منظمة هيومن رايتس ووتش")?"""
    a, b = s.tokens[j]
    return any(
        m.kind == "media"
        and a < m.kend <= b + 1
        and (m.reason.startswith("nisba") or fold(m.surface).split()[0] in _MEDIA_HEADS)
        for m in s.mentions
    )
