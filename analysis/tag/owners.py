"""Who owns a move said as a noun: "اشتراط واشنطن"، "الطلب الأمريكي"، "تفاهم أميركي
روسي"، "من جانب X"، "بطلب من X"، "برفضها" (a possessive pronoun), or for an agreement the
parties "بين X وY" (or its one named side: "بموجب اتفاق مع X").

``noun_holders(s, cue, pool, previous)`` returns the owners and the rule that found them;
no rule, no owner.
"""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS, affiliation_of
from analysis.tag.agreement import (
    FEMININE_HEADS,
    GENERIC_HEADS,
    MASC_HEADS,
    RELATIVES,
    TITLES,
    institution_head,
)
from analysis.tag.antecedents import antecedent, coordinated_actors
from analysis.tag.clauses import (
    Mention,
    Sent,
    bare,
    clause_bounds,
    is_clause_end,
    one_of,
    starting_in,
    token_after,
)
from analysis.tag.cue import Cue
from analysis.tag.objects import after_prep
from analysis.tag.presenting import presenting_verb
from analysis.tag.reading import word_at
from analysis.text.normalize import fold

__all__ = [
    "FIRST_PERSON",
    "ONE_SIDE",
    "UNNAMED_PARTY",
    "agent_phrase",
    "names_signers",
    "noun_holders",
    "other_side",
    "presenter_at",
]

#: How the rules that find one named side of an agreement begin: its actors are not each
#: other's counterparts ("باتفاق مع روسيا وإيران": Turkey's, unnamed, with both; "تفاهمات
#: حصلت بينه وبين إيران وتركيا": the regime's with both).
ONE_SIDE = "one side named"

#: How a parties rule says one more party names no actor: three or more parties, one row
#: each ("بين لجنة أهالي حي الوعر والطرف الروسي والنظام").
UNNAMED_PARTY = "and one that names no actor"

#: The rule ``cue_holders`` names for a first- or second-person verb: the caller takes
#: the speaker ("قال ليبرمان: «لن نسمح …»").
FIRST_PERSON = "first-person verb"

# Possessive pronouns on a verbal noun (camel-tools enc0) → the owner's (gender, number).
# camel-tools also reads a final ة as the pronoun ه ("اتفاقية" as اتفاقَيْه, "his two
# agreements"), so the word must end in the pronoun's own letters.
_POSSESSIVES = {
    "3ms_poss": (("m", "s"), "ه"),
    "3fs_poss": (("f", "s"), "ها"),
    "3mp_poss": (("m", "p"), "هم"),
    "3d_poss": (("", "d"), "هما"),
}


def _nearer_owner(s: Sent, a: int, b: int, gender: str) -> bool:
    """Does a head noun of a body or a title that names no actor stand between key positions
    ``a`` and ``b`` ("… بشار الجعفري، انتقادات حادة إلى وفد المعارضة على خلفية تمسكه":
    the delegation, not al-Jaafari, holds to its demand)? Masculine heads for ه, feminine
    ones for ها."""
    heads = (MASC_HEADS, TITLES) if gender == "m" else (FEMININE_HEADS,) if gender == "f" else ()
    for j in range(s.tok_index(a), s.tok_index(b)):
        ta = s.tokens[j][0]
        if ta < a or any(m.kstart <= ta < m.kend for m in s.mentions):
            continue
        if any(one_of(bare(s.token_text(j)), w) for w in heads):
            return True
    return False


def _nisbas(s: Sent, first: Mention, pool: list[Mention]) -> list[Mention]:
    """A nisba and those joined to it by و, a hyphen or nothing ("تفاهم أميركي روسي",
    "الاتفاق الروسي - التركي")."""
    out = [first]
    for m in pool:
        if m.kstart <= out[-1].kstart or not _nisba_shaped(s, m):
            continue
        if s.key[out[-1].kend : m.kstart].strip(' -–—"«»“”') in ("", "و"):
            out.append(m)
    return out


# Adjectives that may stand between a move noun and its nisba ("اتفاق جديد أميركي")
_PLAIN_ADJECTIVES = frozenset(
    fold(w)
    for base in ("جديد", "مؤقت", "نهائي", "أولي", "سري", "مبدئي", "ثنائي", "ضمني")
    for w in (base, base + "ة", "ال" + base, "ال" + base + "ة")
)


def _nisba_shaped(s: Sent, m: Mention) -> bool:
    """A nisba, or a state's name spelt as its feminine nisba ("روسية"، "سورية"): after
    another nisba ("مذكرة تفاهم أميركية - روسية") it is one too."""
    return m.reason.startswith("nisba") or (
        m.reason.startswith("toponym") and s.key[m.kstart : m.kend].endswith("يه")
    )


def noun_holders(
    s: Sent, cue: Cue, pool: list[Mention], previous: list[Mention]
) -> tuple[list[Mention], str]:
    b = cue.kend
    i = token_after(s, b)
    nxt = s.tokens[i][0] if i < len(s.tokens) else len(s.key)
    while nxt < len(s.key) and s.key[nxt] in '"«“(':
        nxt += 1  # تفاهم "أميركي روسي": a quote before the nisba
    if i + 1 < len(s.tokens) and bare(s.token_text(i)) in _PLAIN_ADJECTIVES:
        i, nxt = i + 1, s.tokens[i + 1][0]  # "مذكرة تفاهم جديدة أميركية": an adjective first
    after = [m for m in pool if m.kstart >= b and s.tok_index(m.kstart) - i <= 2]
    for m in after:
        between = s.key[b : m.kstart]
        if is_clause_end(between.strip()[-1:]) if between.strip() else False:
            break
        if m.kstart == nxt and not after_prep(s, m) and not m.reason.startswith("nisba"):
            return coordinated_actors(s, m, pool), "genitive of the noun"
        if m.reason.startswith("nisba") and not after_prep(s, m) and m.kstart == nxt:
            states = _nisbas(s, m, pool)
            if cue.move == "agreement":
                # "الاتفاق الروسي - الأميركي … بين الرئيسين دونالد ترامب وفلاديمير بوتين":
                # the persons who reached it, of the nisbas' states, are more specific
                persons, how = _parties(s, i, pool, previous)
                ids = {x.actor_id for x in states}
                if persons and all(
                    p.kind == "person" and affiliation_of(p.actor_id, level="state") in ids
                    for p in persons
                ):
                    return persons, f"{how}, the persons of the nisbas' states"
            return states, "nisba of the noun"
    if i + 1 < len(s.tokens) and institution_head(bare(s.token_text(i))):
        # "رفض قوى المعارضة السورية", "مطالب حكومة النظام": an institution of X in idafa
        at = s.tokens[i + 1][0]
        for m in pool:
            if m.kstart == at and not m.reason.startswith("nisba"):
                return coordinated_actors(s, m, pool), "genitive of the noun (an institution of X)"
    agent, how = agent_phrase(s, cue, i, pool)
    if agent is not None:
        return coordinated_actors(s, agent, pool), how
    presenter = presenter_at(s, i, pool, signing=cue.move == "agreement")
    if presenter is not None:
        return coordinated_actors(s, presenter, pool), "subject of the verb that presents it"
    words = [bare(s.token_text(j)) for j in range(i, min(i + 3, len(s.tokens)))]
    if words and words[0] == "من" and cue.reading.prep == "ب" and i + 1 < len(s.tokens):
        # "بطلب من السلطات السورية", "بدعوة من موسكو": at the request of X (without بـ,
        # "الطلب من روسيا" names whom the request is made to)
        m = _np_actor(s, i + 1, pool)
        if m is not None:
            return coordinated_actors(s, m, pool), "بـ… من X (at the request of X)"
    if words[:1] == ["من"] and cue.frame.get("from_agent") and not cue.reading.article:
        # "ضمانات من موسكو", "عرض من واشنطن": an indefinite move noun, then whose it is
        m = _np_actor(s, i + 1, pool)
        if m is not None and m.kind in ACTOR_KINDS:
            return coordinated_actors(s, m, pool), "من X after an indefinite move noun"
    if cue.move == "agreement" and cue.reading.prep == "ب" and words[:1] == ["مع"]:
        # "تقيمها تركيا بالتفاهم مع روسيا": the clause's subject agreed with X
        ms, how = antecedent(s, cue.kstart, pool, [], {("m", "s"), ("f", "s")})
        if len(ms) == 1:
            return ms, f"بالـ… مع X: the clause's subject → {how}"
    enc = cue.reading.enclitic
    word = word_at(s, s.tok_index(cue.kstart))
    if enc in _POSSESSIVES and cue.frame.get("no_pronoun_owner"):
        return [], "a possessive pronoun this frame does not resolve"  # "وإصراره على"
    if enc in _POSSESSIVES and word.endswith(_POSSESSIVES[enc][1]):
        # "برفضها العودة", "لاعتراضها على": the pronoun's nearest agreeing antecedent
        # the previous sentence and pairs were wrong more often than right on the dev pages
        ms, how = antecedent(s, cue.kstart, pool, [], {_POSSESSIVES[enc][0]}, subject=False)
        if len(ms) == 1 and _nearer_owner(s, ms[0].kend, cue.kstart, _POSSESSIVES[enc][0][0]):
            return [], "possessive pronoun: a nearer noun that names no actor may own it"
        if len(ms) == 1:
            return ms, f"possessive pronoun of the noun → {how}"
        return [], ""
    if enc.startswith("1") and enc.endswith("_poss"):
        return [], FIRST_PERSON  # "مطالبنا": the speaker's
    if cue.move == "agreement":
        parties, how = _parties(s, i, pool, previous)
        return (parties, how) if parties else _with_party(s, cue, i, pool)
    return [], ""


def presenter_at(s: Sent, i: int, pool: list[Mention], *, signing: bool = False) -> Mention | None:
    """The actor who made the move a noun names, from token ``i`` after the noun: the
    subject of the verb that presents it (``presenting.presenting_verb``: "اعتراض أبدته
    أنقرة", "الضمانات التي قدمتها موسكو", "المبادرة التي أطلقتها السعودية")."""
    found = presenting_verb(s, i, signing=signing)
    if found is None:
        return None
    at = s.tokens[found[0] + 1][0]
    return next((m for m in pool if m.kstart == at and m.kind in ACTOR_KINDS), None)


# "بين الجانبين": the two named before (genitive forms of subjects._TWO_SIDES)
_PAIR = frozenset(
    fold(w) for w in ("الجانبين", "الطرفين", "البلدين", "الدولتين", "الرئيسين", "الوزيرين")
)
# "بينهم وبين X": a pronoun party, then the named ones
_BETWEEN_PRONOUNS = frozenset({"بينه", "بينها", "بينهم", "بينهما"})

# "because" opens a clause of its own: a بين after it is not the agreement's
_BECAUSE = frozenset({"لان", "لانه", "لانها", "لانهم", "لانهما", "لاننا", "حيث", "اذ"})


def _parties(
    s: Sent, i: int, pool: list[Mention], previous: list[Mention]
) -> tuple[list[Mention], str]:
    """The parties of an agreement noun: "بين X وY" after it, also through a relative
    clause ("الاتفاق، الذي جرى بين إيران و…") and a head noun before the first party
    ("بين الرئيسين دونالد ترامب …"); a first party that names no actor ("بين لجنة الأهالي
    والطرف الروسي والنظام", ``UNNAMED_PARTY``), the pair named before ("بين الجانبين"),
    or the named side after a pronoun's ("بينه وبين إيران وتركيا", ``ONE_SIDE``)."""
    for j in range(i, min(i + 14, len(s.tokens))):
        if j > i and bare(s.token_text(j)) in _BECAUSE:
            break  # "الاتفاق جاء سريعا لأن المفاوضات بين …": another clause's parties
        tok = bare(s.token_text(j))
        if (
            tok in _BETWEEN_PRONOUNS
            and j + 2 < len(s.tokens)
            and bare(s.token_text(j + 1)) == "وبين"
        ):
            # "اتفاق تم بينهم وبين التحالف الغربي وقوات سوريا الديمقراطية": the parties
            # named after وبين, one side (the pronoun's is not guessed)
            m = _np_actor(s, j + 2, pool)
            if m is not None:
                return coordinated_actors(s, m, pool), f"{ONE_SIDE}, after بينهم وبين"
        if tok == "بين" and j + 1 < len(s.tokens) and bare(s.token_text(j + 1)) in _PAIR:
            # "اتفاقية عسكرية شاملة بين الجانبين": the pair named before it
            ms, how = antecedent(s, s.tokens[j][0], pool, previous, {("", "d")})
            if len(ms) == 2:
                return ms, f"parties بين {bare(s.token_text(j + 1))} → {how}"
        if tok == "بين" and j + 1 < len(s.tokens):
            last = min(j + 6, len(s.tokens) - 1)
            # the parties' phrase ends at a comma ("بين الخبراء العسكريين، لضمان سلامة
            # القوات الروسية والأميركية")
            last = next((x for x in range(j + 1, last) if is_clause_end(s.token_text(x))), last)
            hi = s.tokens[last][1]
            ms = [m for m in pool if s.tokens[j + 1][0] <= m.kstart < hi]
            if ms:
                group = coordinated_actors(s, ms[0], pool)
                # "بين لجنة أهالي الحي والطرف الروسي والنظام": a party that names no actor
                # before them (not a head noun: "بين الرئيسين دونالد ترامب وفلاديمير بوتين")
                k0 = s.tok_index(ms[0].kstart)
                unnamed = any(bare(s.token_text(x)).startswith("و") for x in range(j + 2, k0 + 1))
                if unnamed and len(group) > 1:
                    return group, f"parties بين X وY, {UNNAMED_PARTY}"
                if s.tokens[j + 1][0] == ms[0].kstart or len(group) > 1:
                    return group, "parties بين X وY"
        signers = _signers(s, j, pool)
        if signers:
            return signers, "parties: the signers of a relative clause"
        raw = s.token_text(j)
        nxt = bare(s.token_text(j + 1)) if j + 1 < len(s.tokens) else ""
        if is_clause_end(raw) and nxt not in RELATIVES:
            break
    return [], ""


# what an event happened under: "بموجب اتفاق"، "في إطار اتفاق"، "نتيجة اتفاقات"، "ضمن"
_UNDER = frozenset(
    fold(p + w)
    for w in ("نتيجة", "إطار", "ضمن", "وفق", "وفقا", "بموجب", "إثر", "أثر", "بناء", "على")
    for p in ("", "و", "ف")
)


def _with_party(s: Sent, cue: Cue, i: int, pool: list[Mention]) -> tuple[list[Mention], str]:
    """The one named side of an agreement an event happened under ("أجلي الآلاف نتيجة
    اتفاقات عدة مع الحكومة السورية", "جاءت العملية … وباتفاق وتنسيق كاملين مع روسيا
    وإيران", "في إطار اتفاق مع وحدات حماية الشعب"): an indefinite noun after بـ or one of
    ``_UNDER``, مع a word or two after it, and no actor before it in its clause, who
    would be the other side and the holder ("تريد أمريكا التوصل إلى اتفاق مع إيران")."""
    r = cue.reading
    k = s.tok_index(cue.kstart)
    under = r.prep == "ب" or (k > 0 and bare(s.token_text(k - 1)) in _UNDER)
    if r.article or r.owner is not None or not under:
        return [], ""
    lo = clause_bounds(s, cue.kstart)[0]
    if any(lo <= m.kstart < cue.kstart for m in s.mentions if m.kind in ACTOR_KINDS):
        return [], ""
    for j in range(i, min(i + 3, len(s.tokens) - 1)):
        if bare(s.token_text(j)) == "مع":
            m = _np_actor(s, j + 1, pool)
            if m is None:
                return [], ""
            return coordinated_actors(s, m, pool), f"{ONE_SIDE}, after مع"
        if is_clause_end(s.token_text(j)) or starting_in(s, j, pool):
            break
    return [], ""


def other_side(s: Sent, cue: Cue, pool: list[Mention]) -> tuple[list[Mention], str]:
    """The party named after مع in the clause of an agreement whose subject names no actor
    ("مدينة التل التي كانت قد عقدت مصالحة مع النظام السوري", "اتفقت اللجنة مع الجانب
    الروسي"): one side of it, the other being unnamed (``ONE_SIDE``)."""
    hi = clause_bounds(s, cue.kstart)[1]
    for j in range(s.tok_index(cue.kend), min(s.tok_index(cue.kend) + 4, len(s.tokens) - 1)):
        if s.tokens[j][0] >= hi or is_clause_end(s.token_text(j)):
            break
        if bare(s.token_text(j)) == "مع":
            m = _np_actor(s, j + 1, pool)
            return (coordinated_actors(s, m, pool), f"{ONE_SIDE}, after مع") if m else ([], "")
    return [], ""


# verbs of signing or reaching whose object pronoun is the agreement ("الذي وقعته إيران")
_SIGNED = ("وقع", "ابرم", "توصل", "عقد")
_SIGNED_ADJECTIVES = frozenset(fold(w) for w in ("الموقع", "الموقعة", "المبرم", "المبرمة"))
_SIGNING_NOUNS = tuple(fold(w) for w in ("توقيع", "التوصل", "ابرام"))


def names_signers(s: Sent, i: int) -> bool:
    """Does a relative clause right after the agreement noun at token ``i`` say who signed
    or reached it ("الاتفاق النووي، الذي وقعته إيران")? Then the sentence states the
    agreement with its parties, not only refers to it."""
    for j in range(i + 1, min(i + 5, len(s.tokens) - 1)):
        if bare(s.token_text(j)) in RELATIVES:
            nxt = bare(s.token_text(j + 1)).removeprefix("قد")
            if nxt in _PASSIVE:  # "الذي تم التوصل إليه"
                return bare(s.token_text(j + 2)).startswith(_SIGNING_NOUNS)
            return nxt.startswith(_SIGNED)
    for j in range(i + 1, min(i + 9, len(s.tokens) - 1)):
        raw, tok = s.token_text(j), bare(s.token_text(j))
        # an indefinite agreement takes no relative: "مذكرة تفاهم أردنية وقعت في عمان";
        # "الاتفاق الموقع"، "اتفاق تم توقيعه"
        if tok.startswith(_SIGNED) or tok in _SIGNED_ADJECTIVES:
            return True
        if tok in _PASSIVE and bare(s.token_text(j + 1)).startswith(_SIGNING_NOUNS):
            return True
        if is_clause_end(raw) or tok in RELATIVES:
            return False
    return False


def _signers(s: Sent, j: int, pool: list[Mention]) -> list[Mention]:
    """The parties named in "الاتفاق، الذي وقعته إيران والدول الست" (a relative at token
    ``j`` whose verb signs or reaches the agreement): the actors right after the verb."""
    if bare(s.token_text(j)) not in RELATIVES or j + 2 >= len(s.tokens):
        return []
    verb = bare(s.token_text(j + 1)).removeprefix("قد")
    if not verb.startswith(_SIGNED):
        return []
    k = j + 2
    if bare(s.token_text(k)) in ("اليه", "اليها", "عليه", "عليها"):
        k += 1  # "الذي توصلت إليه روسيا وتركيا"
    first = [m for m in pool if m.kstart == s.tokens[k][0] and m.kind in ACTOR_KINDS]
    return coordinated_actors(s, first[0], pool) if first else []


# Words that may stand between a noun cue and its agent phrase "من قبل X": a passive or a
# relative clause that presents the move ("المبادرة … تم طرحها من قبل الرئيس").
_PRESENTING = tuple(
    fold(w)
    for w in (
        *("طرح", "المطروح", "تقديم", "قدم", "المقدم", "اعلان", "المعلن", "توقيع", "الموقع"),
        *("اقتراح", "المقترح", "التوصل", "توصل", "عرض", "المعروض", "اطلاق", "اقرار"),
    )
)
_PASSIVE = frozenset(fold(w) for w in ("تم", "يتم", "جرى", "يجري", "ستتم", "سيتم"))
_BACK = frozenset(fold(w) for w in ("اليه", "اليها", "عليه", "عليها"))
_AGENT_NOUNS = frozenset(fold(w) for w in ("جانب", "قبل", "طرف"))
_AGENT_HEADS = frozenset(fold(w) for w in ("الجانب", "الطرف", "الجانبين", "الطرفين"))
# prepositions that open a move noun's own complement (الإشراف على، الدعوة إلى، الطلب بـ)
_COMPLEMENT_PREPS = frozenset(fold(w) for w in ("على", "إلى", "حول", "بشأن"))
# the party a noun is addressed to, as a pronoun, between it and its agent ("الدعوة له من
# قبل وزارة الخارجية الروسية")
_TO_HIM = frozenset(fold(w) for w in ("له", "لها", "لهم", "لهما", "اليه", "اليها", "اليهم"))


def agent_phrase(s: Sent, cue: Cue, i: int, pool: list[Mention]) -> tuple[Mention | None, str]:
    """The agent phrase of a noun cue (or of a light verbal noun) from token ``i`` on:
    "من جانب/قبل/طرف X" or "من الجانب/الطرف X" right after it, after a passive or a
    relative that presents it ("تم طرحها من قبل X"), or anywhere in a passive clause
    ("يتم توفير ضمانات للمدنيين من الطرف الروسي")."""
    k = s.tok_index(cue.verb_span[0])
    passive = any(bare(s.token_text(j)).lstrip("و") in _PASSIVE for j in range(max(0, k - 2), k))
    for j in range(i, min(i + 12, len(s.tokens) - 1)):
        raw, tok = s.token_text(j), bare(s.token_text(j))
        if is_clause_end(raw):
            return None, ""
        nxt = bare(s.token_text(j + 1))
        if tok == "من" and (nxt in _AGENT_NOUNS or nxt in _AGENT_HEADS):
            m = _np_actor(s, j + (2 if nxt in _AGENT_NOUNS else 1), pool)
            gap = [bare(s.token_text(x)).lstrip("و") for x in range(i, j)]
            # the noun's complement may come first: "المبادرة بإنشاء مجموعة … تم طرحها"
            presented = bool(gap) and (
                gap[-1] in _BACK or gap[-1].startswith(_PRESENTING) or gap[-1] in _PASSIVE
            )
            # "الدعوة له من قبل X", "الضمانات المقدمة لها من جانب X"
            addressed = 0 < len(gap) <= 2 and gap[-1] in _TO_HIM
            addressed = addressed and (len(gap) == 1 or gap[0].startswith(_PRESENTING))
            # the noun's own complement first: "الإشراف على منطقة خفض التصعيد في الشمال
            # من الجانبين الروسي والتركي" (no word in it presents another move)
            complement = 0 < len(gap) <= 6 and gap[0] in _COMPLEMENT_PREPS
            complement = complement and not any(g.startswith(_PRESENTING) for g in gap)
            # "… قوات درع الفرات المدعومة من قبل تركيا": the agent of that participle
            complement = complement and not gap[-1].startswith("الم")
            presented = presented or addressed or complement
            if m is not None and (not gap or presented or passive):
                return m, f"من {nxt} X (the agent)"
            return None, ""
    return None, ""


def _np_actor(s: Sent, j: int, pool: list[Mention]) -> Mention | None:
    """The actor a noun phrase starting at token ``j`` names: a mention there, or after a
    head noun and its adjectives ("السلطات الشرعية السورية", "الطرف الروسي")."""
    if j >= len(s.tokens):
        return None
    at = starting_in(s, j, pool)
    if at:
        return at[0]
    heads = (GENERIC_HEADS, TITLES, MASC_HEADS, _AGENT_HEADS)
    if not any(one_of(bare(s.token_text(j)), w) for w in heads):
        return None
    for x in range(j + 1, min(j + 4, len(s.tokens))):
        at = starting_in(s, x, pool)
        if at:
            return at[0]
        if not bare(s.token_text(x)).startswith("ال") or is_clause_end(s.token_text(x)):
            return None
    return None
