"""Antecedents: where an actor can stand as a subject, and which actor a pronoun or an
unexpressed subject points back to.

``subject_position(s, m)`` says whether a mention can be a clause's subject (not the
genitive of "إجلاء المعارضة"); ``antecedent`` finds the nearest agreeing actor before a
position, in the sentence and then the previous one, or the nearest pair for a dual or
plural; ``coordinated_actors`` reads a chain of actors joined by و. A number anaphor
("الدول الثلاث", "الوزراء الثلاثة": ``number_anaphor``) stands for the nearest chain of that
many actors (``numbered_group``), in the sentence or the two before (``earlier_sentences``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pandas as pd

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import (
    FEMININE_HEADS,
    GENERIC_HEADS,
    MASC_HEADS,
    RELATIVES,
    TITLES,
    agrees,
    mention_agreement,
    note_heads,
)
from analysis.tag.claims import mentions_by_sentence
from analysis.tag.clauses import (
    COMPLEMENTISERS,
    Mention,
    Sent,
    bare,
    is_clause_end,
    one_of,
    token_after,
)
from analysis.tag.cues import counterpart_fillers
from analysis.tag.morph import PREPOSITIONS, VERB_PARTICLES, Reading, analyses
from analysis.tag.nearby import actor_before
from analysis.tag.objects import after_prep
from analysis.tag.reading import reading_at, word_at
from analysis.text.normalize import fold

__all__ = [
    "NUMBER_WORDS",
    "actor_groups",
    "antecedent",
    "coordinated_actors",
    "earlier_sentences",
    "joined_by_and",
    "led_members",
    "listed_members",
    "number_anaphor",
    "number_anaphors",
    "numbered_group",
    "outside_content",
    "relative_head",
    "relative_own_subject",
    "relative_subject",
    "subject_position",
]

# "أي"/"وهي" open an apposition that names a group noun's members ("الدول الضامنة، وهي
# تركيا وإيران وروسيا، لم تتوصل")
_SUBJECT_OPENERS = frozenset(
    {*("و", "ف", "ان", "لكن", "ولكن", "ثم", "اما", "بينما", "فيما", "حيث", "اذ", "كما"), "اي"}
    | {"فان", "وان", "بان", "لان"}  # "فإن الولايات المتحدة … ولم تتعهد": the topic of إن
    | {"وهي", "وهم"}
)

# Nouns of speech whose genitive is the one who speaks ("تصريحات الرئيس أردوغان التي قال
# فيها إنه …", "في كلمة نصر الله"): that genitive may be a pronoun's antecedent (folded)
_SPEECH_NOUNS = frozenset(
    fold(w) for w in ("تصريحات", "تصريح", "كلمة", "خطاب", "بيان", "حديث", "مقابلة", "رسالة")
)


def _speech_noun(tok: str) -> bool:
    """Is the folded token a noun of speech, with or without و/ل/ب ("وتصريحات", "بكلمة")?"""
    return tok in _SPEECH_NOUNS or (tok[:1] in "ولب" and tok[1:] in _SPEECH_NOUNS)


def _relative_after(s: Sent, m: Mention) -> bool:
    """Does a relative pronoun follow the mention ("تصريحات أردوغان التي قال فيها")?"""
    j = token_after(s, m.kend)
    return j < len(s.tokens) and bare(s.token_text(j)) in RELATIVES


# what joins two actors: و, after a comma, or opening a parenthesis ("أميركا (وإسرائيل)")
_AND = frozenset(
    {"و", "،و", ",و", "(و"}
    # the two sides of a relation: "بين تركيا من جهة وروسيا وإيران من جهة أخرى"
    | {
        fold(f"من {side}{comma}و").replace(" ", "")
        for side in ("جهة", "ناحية")
        for comma in ("", " ,", " ،")
    }
)
# names in quotes are joined the same way ('بين " جيش الإسلام " و" فيلق الرحمن "')
_QUOTES = '"«»“”'


def joined_by_and(s: Sent, a: int, b: int) -> bool:
    """Does the text between key positions ``a`` and ``b`` join two names by و, or by و
    and a counterpart noun ("بوتين ونظيره التركي", "أوباما ونظيره الفرنسي فرنسوا هولاند")?"""
    gap = s.key[a:b].replace(" ", "").strip(_QUOTES)
    return gap in _AND or (gap[:1] == "و" and gap[1:] in counterpart_fillers())


def coordinated_actors(s: Sent, first: Mention, pool: list[Mention]) -> list[Mention]:
    """``first`` and the actors of ``pool`` joined to it by و; a nisba followed by a name
    gives way to the name."""
    out = [first]
    for m in pool:
        if m.kstart <= out[-1].kstart:
            continue
        gap = s.key[out[-1].kend : m.kstart].replace(" ", "")
        if joined_by_and(s, out[-1].kend, m.kstart):
            out.append(m)
        elif not gap and m.kind == "person" and out[-1].reason.startswith("nisba"):
            out[-1] = m  # "والروسي فلاديمير بوتين": the name the nisba introduces
    return out


def _chain_start(s: Sent, m: Mention, pool: list[Mention]) -> Mention:
    """The first actor of the chain joined by و that ``m`` ends ("روسيا وتركيا وإيران")."""
    cur = m
    while True:
        before = [x for x in pool if x.kend <= cur.kstart]
        if not before or not joined_by_and(s, before[-1].kend, cur.kstart):
            return cur
        cur = before[-1]


def subject_position(s: Sent, m: Mention) -> bool:
    """Can ``m`` be a clause's subject (and so a pronoun's antecedent)? Not the second term
    of an idafa ("إجلاء المعارضة", "نفوذ إيران"): only at a clause start, after a particle
    or a verb, or after a head noun that is itself the subject ("فصائل المعارضة")."""
    i = s.tok_index(m.kstart)
    if i == 0:
        return True
    raw = s.token_text(i - 1)
    prev = bare(raw)
    # a name after its nisba or coordinated with the last name of a phrase stands where
    # that phrase stands ("الرئيسان التركي رجب طيب أردوغان والروسي فلاديمير بوتين")
    joined = [x for x in s.mentions if x.kstart < s.tokens[i - 1][1] <= x.kend and x is not m]
    wa = s.key[s.tokens[i][0] : m.kstart] == "و"
    name = m.kind == "person" and bool(joined) and joined[0].reason.startswith("nisba")
    if joined and (wa or name) and not after_prep(s, joined[0]):
        return subject_position(s, joined[0])
    if not prev or is_clause_end(raw) or prev in _SUBJECT_OPENERS or prev in VERB_PARTICLES:
        return True
    if any(one_of(prev, w) for w in (FEMININE_HEADS, TITLES, MASC_HEADS, GENERIC_HEADS)):
        return True
    if _speech_noun(prev) and _relative_after(s, m):
        return True  # the one a statement is of speaks in its relative clause
    readings, _why = reading_at(s, i - 1)
    if not readings or not readings[0].verbal:
        return False
    # "روسيا أبلغت إسرائيل أنها": after an actor and its verb, the actor is the object
    return not actor_before(s, i - 1)


def outside_content(s: Sent, a: int, pool: list[Mention]) -> list[Mention]:
    """``pool`` without the actors of a content clause (after أن/إن) that a comma closes
    before key position ``a``: "وأوضحت أن إيران ستزيد التوترات، داعية إلى …" is not
    Iran calling; the participle's subject is the main clause's."""
    i = s.tok_index(a)
    comma = next((j for j in range(i - 1, -1, -1) if s.token_text(j) in (",", "،")), -1)
    if comma < 0:
        return pool
    opener = next(
        (j for j in range(comma - 1, -1, -1) if bare(s.token_text(j)) in COMPLEMENTISERS), -1
    )
    if opener < 0:
        return pool
    lo, hi = s.tokens[opener][1], s.tokens[comma][0]
    return [m for m in pool if not lo <= m.kstart < hi]


def relative_subject(s: Sent, m: Mention) -> bool:
    """Is ``m`` the subject of a relative clause's verb that carries the head as its object
    ("الفصائل التي حاربتها النصرة رفضت": the factions refused, not al-Nusra)? Without that
    pronoun the clause goes on ("الذي بدأ النظام يمارسه")."""
    k = s.tok_index(m.kstart)
    if k < 2 or bare(s.token_text(k - 2)) not in RELATIVES:
        return False
    return any(r.verbal and r.enclitic.endswith("_dobj") for r in analyses(word_at(s, k - 1)))


def relative_head(s: Sent, i: int, pool: list[Mention]) -> list[Mention]:
    """The actors of ``pool`` a relative pronoun right before token ``i`` stands for: the
    mention ending right before it ("لروسيا التي تسعى إلى", "الفصائل التي رفضت"); a
    prepositional object in the main clause may head a relative clause of its own."""
    if i < 1 or bare(s.token_text(i - 1)) not in RELATIVES:
        return []
    rel = s.tokens[i - 1][0]
    return [m for m in pool if m.kend <= rel and rel - m.kend <= 2]


def relative_own_subject(
    s: Sent, i: int, feats: set[tuple[str, str]], object_pronoun: bool
) -> bool:
    """Has the verb at token ``i``, right after a relative pronoun, a subject of its own
    rather than the head: it carries the head as its object pronoun ("إيران التي تدعوها
    روسيا"), or its ``feats`` do not agree with the pronoun ("تل أبيب الذي استخدمت أمريكا
    الفيتو")?"""
    rel = RELATIVES.get(bare(s.token_text(i - 1))) if i > 0 else None
    if rel is None:
        return False
    return object_pronoun or (bool(feats) and not agrees(rel, feats, gender_only=False))


def _relative_head(s: Sent, m: Mention, here: list[Mention], want) -> Mention | None:
    """An agreeing actor whose relative clause holds ``m`` ("وخففت أنقرة التي تدعم المعارضة
    … مطلبها": the pronoun is Ankara's, not the opposition's, an object inside the clause)."""
    i = s.tok_index(m.kstart)
    for h in here:
        j = token_after(s, h.kend)
        if h is m or j >= i or bare(s.token_text(j)) not in RELATIVES:
            continue
        if any(is_clause_end(s.token_text(k)) for k in range(j, i)):
            continue
        if agrees(mention_agreement(h), want, gender_only=False) and mention_agreement(h):
            return h
    return None


def antecedent(
    s: Sent,
    a: int,
    pool: list[Mention],
    previous: list[Mention],
    want,
    *,
    subject: bool = True,
) -> tuple[list[Mention], str]:
    """The nearest agreeing actor before ``a`` that is not a prepositional object and, for
    a ``subject`` pronoun, can be a subject (not the genitive of a noun); a possessive
    pronoun may also take an object or a genitive ("اتهمت فرنسا الحكومة … برفضها")."""
    here = [
        m
        for m in pool
        if m.kend <= a and not after_prep(s, m) and (not subject or subject_position(s, m))
    ]
    if any(num in ("d", "p") for _g, num in want):
        # "بحث الرئيسان أردوغان وبوتين …، واتفقا": the nearest pair or group joined by و
        for m in reversed(here):
            group = [x for x in coordinated_actors(s, m, pool) if x.kend <= a]
            starts = [x for x in here if x.kend <= m.kstart and x is not m]
            if len(group) == 1 and starts:
                group = [x for x in coordinated_actors(s, starts[-1], pool) if x.kend <= a]
            if len(group) >= 2 and m in group:
                return group, "antecedent pair in the sentence"
        persons = [m for m in here if m.kind == "person"]
        if any(num == "d" for _g, num in want) and len(persons) >= 2:
            # "وكان الوزير علي أيوب ورئيس الأركان محمد باقري، وقعا": the two named
            return persons[-2:], "antecedent pair in the sentence"
    here = [m for m in here if mention_agreement(m) is not None]
    for m in reversed(here):
        if agrees(mention_agreement(m), want, gender_only=False) and mention_agreement(m):
            chain = coordinated_actors(s, _chain_start(s, m, pool), pool)
            chain = [x for x in chain if x.kend <= a]
            states = len(chain) > 1 and all(
                x.kind == "state" and mention_agreement(x) == ("f", "s") for x in chain
            )
            if states and subject and ("f", "s") in want and m in chain:
                # "الدول الضامنة، أي روسيا وتركيا وإيران، قد اتفقت": states joined by و
                # take a feminine singular verb together
                return chain, "antecedent chain of states in the sentence"
            head = _relative_head(s, m, here, want)
            if head is not None:
                return [head], "antecedent: the head of the relative clause the nearer actor is in"
            return [m], "antecedent in the sentence"
    prev = [m for m in previous if m.kind in ACTOR_KINDS and not m.reason.startswith("prep")]
    for m in prev:
        if agrees(mention_agreement(m), want, gender_only=False) and mention_agreement(m):
            return [m], "antecedent in the previous sentence"
    return [], ""


# A plural noun of actors with a number after it names that many actors named before
# ("توصلت الدول الثلاث", "الوزراء الثلاثة اتفقوا"); an adjective may come between
# ("الدول الضامنة الثلاث").
_GROUP_NOUNS = frozenset(
    fold(w)
    for w in ("الدول", "الوزراء", "الأطراف", "البلدان", "الرؤساء", "الزعماء", "القادة", "العواصم")
)
_GROUP_ADJECTIVES = frozenset(fold(w) for w in ("الضامنة", "الراعية", "المعنية", "الكبرى"))
_NUMBERS = {
    fold(word): n
    for n, words in (
        (3, ("الثلاث", "الثلاثة")),
        (4, ("الأربع", "الأربعة")),
        (5, ("الخمس", "الخمسة")),
    )
    for word in words
}


#: The number words as they stand in raw text: which sentences may hold a number anaphor.
NUMBER_WORDS = re.compile("الثلاث|الأربع|الاربع|الخمس")


def number_anaphor(s: Sent, i: int) -> tuple[int, int]:
    """(n, index of the number word) when token ``i`` opens a number anaphor, else (0, i)."""
    if i >= len(s.tokens) or not one_of(bare(s.token_text(i)), _GROUP_NOUNS):
        return 0, i
    j = i + 1
    if j < len(s.tokens) and bare(s.token_text(j)) in _GROUP_ADJECTIVES:
        j += 1
    if j < len(s.tokens) and not is_clause_end(s.token_text(j - 1)):
        n = _NUMBERS.get(bare(s.token_text(j)), 0)
        if n:
            return n, j
    return 0, i


def listed_members(s: Sent, i: int, pool: list[Mention]) -> list[Mention]:
    """The actors a group noun at token ``i`` lists in parentheses after it ("الدول
    الضامنة لمسار أستانة ( روسيا وتركيا وإيران )"): two or more actors joined by و, alone
    between the parentheses, within its phrase; else ``[]``."""
    if i >= len(s.tokens) or not one_of(bare(s.token_text(i)), _GROUP_NOUNS):
        return []
    for j in range(i + 1, min(i + 12, len(s.tokens))):
        raw = s.token_text(j)
        if raw == "(":
            close = s.key.find(")", s.tokens[j][1])
            inside = [m for m in pool if s.tokens[j][1] <= m.kstart and m.kend <= close]
            if close < 0 or not inside:
                return []
            chain = coordinated_actors(s, inside[0], pool)
            rest = s.key[chain[-1].kend : close].strip(" " + _QUOTES)
            ok = len(chain) >= 2 and chain == inside and not rest
            return chain if ok else []
        if is_clause_end(raw) or bare(raw) in COMPLEMENTISERS:
            return []
    return []


def led_members(s: Sent, i: int, pool: list[Mention], subject: bool = False) -> list[Mention]:
    """The actors a noun phrase at token ``i`` that names none says it is led by or
    includes ("رفضت هذه الفصائل، وعلى رأسها جيش الإسلام"، "القوى الدولية، وفي مقدمتها
    روسيا والولايات المتحدة"، "كل الأطراف بمن فيهم الأمريكيون"): the chain joined by و
    right after the marker, within the phrase; else ``[]``. ``subject``: the phrase is a
    verb's subject, which "all" does not open ("يدعو كل الأطراف بمن فيهم" is its object)."""
    if subject and i < len(s.tokens) and bare(s.token_text(i)) == "كل":
        return []
    for j in range(i + 1, min(i + 7, len(s.tokens) - 1)):
        marker = bare(s.token_text(j)) + " " + bare(s.token_text(j + 1))
        # a subject is led by its members; "among them" may point past it ("الدول التي
        # تربطها اتفاقات معها ومن بينها مصر")
        if marker.removeprefix("و") in (_HEADED_BY if subject else _LED_BY):
            start = s.tokens[i][0]
            if any(start <= m.kstart < s.tokens[j][0] for m in pool):
                return []  # the phrase names its actor itself
            after = [m for m in pool if m.kstart >= s.tokens[j + 1][1]]
            if not after or s.key[s.tokens[j + 1][1] : after[0].kstart].strip(" " + _QUOTES):
                return []
            return coordinated_actors(s, after[0], pool)
        raw = s.token_text(j)
        if bare(raw) in COMPLEMENTISERS or bare(raw) in PREPOSITIONS:
            return []
        if is_clause_end(raw) and not bare(s.token_text(j + 1)).startswith(_LED_FIRST):
            return []  # a comma may stand before the marker only
    return []


# what introduces the members that lead a group or stand in it (folded, without و)
_HEADED_BY = frozenset(fold(w) for w in ("على رأسها", "على رأسهم", "في مقدمتها", "في مقدمتهم"))
_LED_BY = _HEADED_BY | frozenset(
    fold(w) for w in ("من بينها", "من بينهم", "بمن فيهم", "بمن فيها", "بما فيها", "بما فيهم")
)
_LED_FIRST = tuple({w.split()[0] for w in _LED_BY} | {"و" + w.split()[0] for w in _LED_BY})


_NUMBER_KEYS = re.compile("|".join(sorted(_NUMBERS)))


def number_anaphors(s: Sent) -> bool:
    """Does the sentence hold a number anaphor?"""
    # the token walk only where a number word stands: most sentences hold none
    if not _NUMBER_KEYS.search(s.key):
        return False
    return any(number_anaphor(s, i)[0] for i in range(len(s.tokens)))


def actor_groups(s: Sent, pool: list[Mention], before: int | None = None) -> list[list[Mention]]:
    """The chains of two or more actors joined by و (ending before key position ``before``),
    in text order."""
    out: list[list[Mention]] = []
    taken: set[int] = set()
    for m in pool:
        if m.kstart in taken or (before is not None and m.kend > before):
            continue
        chain = [x for x in coordinated_actors(s, m, pool) if before is None or x.kend <= before]
        taken.update(x.kstart for x in chain)
        if len(chain) >= 2:
            out.append(chain)
    return out


def numbered_group(
    s: Sent, a: int, pool: list[Mention], earlier: list[list[Mention]], n: int
) -> tuple[list[Mention], str]:
    """The nearest chain of exactly ``n`` different actors before ``a`` in the sentence,
    else in ``earlier`` (the chains of the sentences before, nearest last). None when the
    nearest chains name another number of actors: a guess would be a wrong holder."""
    for where, groups in (("in the sentence", actor_groups(s, pool, a)), ("before", earlier)):
        for group in reversed(groups):
            ids = list(dict.fromkeys(m.actor_id for m in group))
            if len(ids) == n:
                first = [next(m for m in group if m.actor_id == i) for i in ids]
                return first, f"the {n} actors named {where}"
    return [], ""


def earlier_sentences(
    sentences: pd.DataFrame, mentions: pd.DataFrame
) -> tuple[Callable[[str, int], list[Mention]], Callable[[str, int], list[list[Mention]]]]:
    """Two readers of the sentences before a sentence: ``previous(doc_id, sent_id)``, the
    previous sentence's actor mentions that are not the object of a preposition (where a
    pronoun subject's antecedent may stand), and ``groups(doc_id, sent_id)``, the chains of
    actors joined by و in the two sentences before (a number anaphor's antecedents)."""
    by_sent = mentions_by_sentence(mentions)
    text = {
        (str(d), int(i)): (int(st), str(t))
        for d, i, st, t in zip(
            *(sentences[c].tolist() for c in ("doc_id", "sent_id", "start", "text")), strict=True
        )
    }

    @functools.lru_cache(maxsize=64)
    def built(doc_id: str, sent_id: int) -> tuple[Sent, list[Mention]] | None:
        key = (doc_id, sent_id)
        if key not in text or key not in by_sent:
            return None
        start, body = text[key]
        s = Sent.build(doc_id, sent_id, start, body, by_sent[key])
        note_heads(s)
        return s, [m for m in s.mentions if m.kind in ACTOR_KINDS]

    def previous(doc_id: str, sent_id: int) -> list[Mention]:
        found = built(doc_id, sent_id - 1)
        if not found:
            return []
        s, actors = found
        content = _unnamed_speakers_content(s)
        return [m for m in actors if not after_prep(s, m) and m.kstart < content]

    def groups(doc_id: str, sent_id: int) -> list[list[Mention]]:
        out: list[list[Mention]] = []
        for k in (sent_id - 2, sent_id - 1):
            found = built(doc_id, k)
            out.extend(actor_groups(*found) if found else [])
        return out

    return previous, groups


# Words that open a sentence with أن and are no verb, whatever the analyser offers ("إلا
# أن" however, "غير أن", "كما أن", "بيد أن", "علما أن", "رغم أن", "بل إن", "مع أن")
_CONNECTIVES_BEFORE_ANNA = frozenset(
    {"الا", "غير", "كما", "بيد", "علما", "رغم", "برغم", "بل", "مع", "حتي", "لو", "بما", "طالما"}
)


def _unnamed_speakers_content(s: Sent) -> int:
    """Where the content clause of a sentence that opens with a verb and its complementiser
    starts ("وأوضحت أن إيران ستزيد التوترات"), else the sentence's end. Such a verb's
    subject is unexpressed; the actors after أن are what was said, not who goes on
    speaking: "وشددت على ضرورة …" next is the same speaker's, never Iran's."""
    if len(s.tokens) < 3 or bare(s.token_text(1)) not in COMPLEMENTISERS:
        return len(s.key)
    if bare(s.token_text(0)).lstrip("وف") in _CONNECTIVES_BEFORE_ANNA:
        return len(s.key)  # "إلا أن إيران …", "كما أن …": the clause after أن is the main one
    readings, _rule = reading_at(s, 0)
    if not readings or not readings[0].verbal:
        return len(s.key)
    return s.tokens[1][0]


# a preposition with the pronoun of "what" before the verb ("وهو ما وافقت عليه دمشق")
_RESUMING_PPS = frozenset({"به", "عليه", "له", "اليه", "منه", "عنه", "فيه"})


def resumes_what(s: Sent, i: int, reading: Reading) -> bool:
    """Does the verb at token ``i`` take "what" (ما) before it as its object, with its own
    pronoun ("وهو ما رفضته دمشق") or a preposition and a pronoun right after it ("ما وافقت
    عليه دمشق", "ما رحبت به روسيا")? Then ما is no subject, and the subject follows."""
    if reading.enclitic == "3ms_dobj":
        return True
    return i + 1 < len(s.tokens) and bare(s.token_text(i + 1)) in _RESUMING_PPS
