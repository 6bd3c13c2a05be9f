"""The subject after a verb (verb-subject order): the noun phrase right after it, past a
time word or a pronoun after a preposition, through a title and a comma-set apposition
("رفض رئيس المكتب، علي مملوك، العرض"), in the gender the verb agrees with."""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import (
    FEMININE_HEADS,
    FEMININE_TITLES,
    GENERIC_HEADS,
    HUMAN_PLURALS,
    MASC_HEADS,
    TITLES,
    agrees,
    definite_adjective,
    institution_head,
    mention_agreement,
)
from analysis.tag.antecedents import coordinated_actors, led_members, listed_members
from analysis.tag.clauses import (
    Mention,
    Sent,
    bare,
    is_clause_end,
    one_of,
    token_after,
)
from analysis.tag.morph import PREPOSITIONS, analyses
from analysis.tag.objects import after_prep, part_agreement, partitive_at, partitive_prep
from analysis.tag.overt import NP_STOPS, PRONOUN_PPS
from analysis.tag.reading import word_at
from analysis.text.normalize import fold

__all__ = ["subject_after", "subject_start"]

_OPEN_QUOTES = frozenset('"«“')

# Time words that may stand between a verb and its subject (folded).
_WHEN = frozenset(
    {
        *("اليوم", "امس", "غدا", "مساء", "صباح", "ظهر", "الاحد", "الاثنين", "الثلاثاء"),
        *("الاربعاء", "الخميس", "الجمعه", "السبت"),
    }
)


# adjectives of an institution's name ("القيادة العامة", "الهيئة العليا"), folded
_NAME_ADJECTIVES = frozenset(
    fold(w) for w in ("العامة", "العليا", "المركزية", "المشتركة", "الموحدة", "المؤقتة")
)


def subject_start(s: Sent, b: int) -> int:
    """Where a subject after the verb ending at ``b`` may start: past a pronoun after a
    preposition ("قدمت له روسيا", "واتفق فيه الجانبان")."""
    i = token_after(s, b)
    while i < len(s.tokens) and (
        bare(s.token_text(i)) in PRONOUN_PPS or bare(s.token_text(i)) in _WHEN
    ):
        i += 1  # "أعلنت اليوم الثلاثاء، وزارة الخارجية …": the time comes first
    if i > token_after(s, b) and i < len(s.tokens) and s.token_text(i) in (",", "،"):
        i += 1  # the comma after the time
    if i + 2 < len(s.tokens) and _each_of_before(s, i + 2):
        i += 2  # "هددت كل من إيران وتركيا": "each of" before the actors joined by و
    return i


def _each_of_before(s: Sent, i: int) -> bool:
    """Do "كل من" (each of) stand right before token ``i``?"""
    return i >= 2 and bare(s.token_text(i - 2)) == "كل" and bare(s.token_text(i - 1)) == "من"


def subject_after(s: Sent, b: int, pool: list[Mention], feats) -> list[Mention]:
    """Mentions of the noun phrase right after the verb (its subject in VSO order)."""
    i = subject_start(s, b)
    # a subject in quotation marks: وطالبت " وحدات حماية الشعب " القوى الدولية
    while i < len(s.tokens) and not bare(s.token_text(i)) and s.token_text(i) in _OPEN_QUOTES:
        i += 1
    listed = listed_members(s, i, pool) or led_members(s, i, pool, subject=True)
    if listed:
        # "واتفقت الدول الضامنة ( روسيا وتركيا وإيران )", "رفضت الفصائل، وعلى رأسها جيش
        # الإسلام": the group it lists or the members it names
        return listed
    first, commas = i, 0
    each_of = _each_of_before(s, i)
    np: list[Mention] = []
    while i < len(s.tokens) and i - first < 10:
        raw = s.token_text(i)
        tok = bare(raw)
        inside = [m for m in pool if m.kstart <= s.tokens[i][1] and s.tokens[i][0] < m.kend]
        # a preposition, complementiser or adjunct ends the phrase; so does an object with
        # an attached preposition right after the verb ("وقدموا … للأميركيين")
        stop = tok in PREPOSITIONS or tok in NP_STOPS
        after = [m for m in pool if i + 1 < len(s.tokens) and m.kstart == s.tokens[i + 1][0]]
        if i > first and after and partitive_at(s, i, after[0].kind):
            stop = False  # "فصائل من المعارضة": the actor the subject is part of
        if not inside and (stop or (i == first and tok.startswith(("ب", "ل")))):
            break
        if i == first and inside and all(after_prep(s, m) for m in inside) and not each_of:
            break  # the actor itself carries the preposition: "لم تتعهد للأميركيين"
        np += [m for m in inside if m not in np]
        if is_clause_end(raw.rstrip('»”"')):
            commas += 1
            nxt = [m for m in pool if i + 1 < len(s.tokens) and m.kstart == s.tokens[i + 1][0]]
            # an apposition: "، علي مملوك،" right after a title phrase
            if commas > 1 or not raw.endswith(("،", ",")) or not nxt or nxt[0].kind != "person":
                break
        i += 1
    if not np:
        return []
    head = np[0]
    generic = bare(s.token_text(first)) in MASC_HEADS or bare(s.token_text(first)) in GENERIC_HEADS
    # "الحكومة الأمريكية", never "الحكومة للأميركيين" (a recipient with ل)
    # a definite adjective may come between ("التحالف الغربي الإسرائيلي", "المسؤولون
    # العسكريون الروس")
    k = s.tok_index(head.kstart)
    between = k == first + 2 and _adjective_at(s, first + 1)
    nisba_ok = (
        (head.reason.startswith("nisba") or one_of(fold(head.surface), HUMAN_PLURALS))
        and generic
        and (k == first + 1 or between)
        and not after_prep(s, head)
    )
    title = one_of(bare(s.token_text(first)), TITLES)
    # "المبعوث الخاص للرئيس الروسي": a person with ل owns the title and does not hold it
    # ("رئيس المكتب السياسي لحماس": a group with ل is the holder's own)
    owner = head.kind == "person" and after_prep(s, head)
    title_ok = title and k - first <= 4 and head.kind in ACTOR_KINDS and not owner
    # an institution and its state in idafa ("حكومة الجمهورية العربية السورية", "وفد النظام")
    body = bare(s.token_text(first))
    idafa_ok = institution_head(body) and k == first + 1 and head.kind in ACTOR_KINDS
    # a part or member of an actor ("فصائل من المعارضة", "قيادي بارز في حزب الله")
    part = partitive_prep(s, first, head.kind)
    partitive_ok = part >= 0 and k == part + 1
    owned = _owner_with_lam(s, first, k) and head.kind in ACTOR_KINDS
    headed = idafa_ok or partitive_ok or owned
    title_ok = title_ok or headed  # the verb agrees with the head noun, as after a title
    if s.tokens[first][0] != head.kstart and not (nisba_ok or title_ok):
        # a name deeper in the phrase is its subject after a head noun ("رئيس مكتب الأمن
        # الوطني السوري، علي مملوك", "المرشح الجمهوري دونالد ترامب"); after a name the
        # dictionary lacks ("وطالب الفيصل إدارة ترامب") it is the object
        persons = [m for m in np if m.kind == "person" and not after_prep(s, m)]
        if not persons or any(r.pos == "noun_prop" for r in analyses(word_at(s, first))):
            return []
        if _complement_before(s, first, s.tok_index(persons[0].kstart)):
            return []  # "وطالبت مرات عدة بتنحي الأسد": a name in a complement
        if _object_after(s, first, s.tok_index(persons[0].kstart)):
            return []  # "ورفضت الفصائل قرار ترامب": the name is the object's genitive
        if _genitive_of_head(s, first, persons[0]):
            return []  # "استنكرت فيه قرار ترامب": the genitive of a head that is no title
        head = persons[0]
    # "رئيس مكتب الأمن الوطني السوري، علي مملوك": the person in apposition, not a person
    # further on ("وزارة الخارجية الإيرانية بقرار ترامب": the genitive of an object)
    persons = [
        m
        for m in np
        if m.kind == "person"
        and m is not head
        and not _prepositional(s, head.kend, m.kstart)
        and not _conjunct(s, head.kend, m.kstart)
        and _apposable(s, head.kend, m.kstart)
    ]
    if head.kind != "person" and persons:
        head = persons[0]
    # after a title the verb agrees with the title ("اتفق وزراء خارجية روسيا وتركيا")
    agr = mention_agreement(head)
    if title_ok:
        noun = body.removeprefix("ال") if owned else body
        feminine = one_of(body, FEMININE_TITLES) or (headed and one_of(noun, FEMININE_HEADS))
        agr = ("f", "s") if feminine else ("m", "s")
    if partitive_ok:
        agr = part_agreement(body)  # "وقالت مصادر", "وقال مصادر": None, either gender
    if not agrees(agr, feats, gender_only=True) and head.kind != "person":
        return []
    return coordinated_actors(s, head, pool)


def _adjective_at(s: Sent, j: int) -> bool:
    """Is token ``j`` a definite adjective that names no actor ("الغربي", "العسكريون")?"""
    a, b = s.tokens[j]
    if is_clause_end(s.token_text(j)) or any(a <= m.kstart < b for m in s.mentions):
        return False
    return definite_adjective(bare(s.token_text(j)))


def _owner_with_lam(s: Sent, first: int, k: int) -> bool:
    """Is the name at token ``k`` the owner, with ل, of the definite institution noun at
    ``first`` ("القيادة العامة للجيش السوري", "القيادة العامة للجيش والقوات المسلحة
    السورية")? After a definite head and an adjective of an institution's name Arabic marks
    the genitive with ل; the name may be joined by و to the first owner. Without such an
    adjective the ل-phrase is the recipient ("وقدمت الحكومة للأميركيين ضمانات")."""
    body = bare(s.token_text(first))
    if not body.startswith("ال") or not institution_head(body[2:]):
        return False
    j = first + 1
    while j < k and j - first <= 2 and bare(s.token_text(j)) in _NAME_ADJECTIVES:
        j += 1
    if j == first + 1 or j > k or not s.token_text(j).startswith("لل"):
        return False
    return k == j or (k == j + 1 and s.token_text(k).startswith("وال"))


def _prepositional(s: Sent, a: int, b: int) -> bool:
    """Does key span [a, b) hold a preposition, alone or attached to its noun ("بقرار")?
    Titles and adjectives ("المعارض الأستاذ") do not part a name from its head."""
    for j in range(s.tok_index(a), s.tok_index(b)):
        if s.tokens[j][0] < a:
            continue
        tok = bare(s.token_text(j))
        if tok in PREPOSITIONS:
            return True
        readings = analyses(word_at(s, j)) if tok[:1] in ("ب", "ل") else []
        if readings and all(r.prep for r in readings):
            return True
    return False


def _apposable(s: Sent, a: int, b: int) -> bool:
    """Can a name at key ``b`` stand in apposition to the actor ending at ``a``: only commas,
    titles and definite words between ("، علي مملوك", "الرئيس السوري بشار الأسد"), not an
    indefinite noun ("قادة إيران قرار ترامب": the genitive of the object)?"""
    for j in range(s.tok_index(a), s.tok_index(b)):
        if s.tokens[j][0] < a:
            continue
        raw, tok = s.token_text(j), bare(s.token_text(j))
        if tok and not is_clause_end(raw) and not tok.startswith("ال") and not one_of(tok, TITLES):
            return False
    return True


def _conjunct(s: Sent, a: int, b: int) -> bool:
    """Does key span [a, b) open a new conjunct, a word that can only be read with و in
    front ("الأمم المتحدة وحلفاء الرئيس السوري": the president is no apposition of the
    first subject but the genitive of the second)?"""
    for j in range(s.tok_index(a), s.tok_index(b)):
        if s.tokens[j][0] < a or not s.token_text(j).startswith("و"):
            continue
        readings = analyses(word_at(s, j))
        # every reading's stem lacks the و ("حليف" for "وحلفاء"; "وزير" keeps its own)
        if any(r.conj for r in readings) and not any(r.lemma.startswith("و") for r in readings):
            return True
    return False


def _genitive_of_head(s: Sent, first: int, name: Mention) -> bool:
    """Is ``name`` the genitive right after the head word at ``first`` that is no title
    ("قرار ترامب", "مبادرة الأسد", "استبدال الرئيس السوري بشار الأسد")? A name joined by
    و ("كيري ولافروف") or after a title ("الرؤساء بوتين") is not."""
    k = s.tok_index(name.kstart)
    if k != first + 1 or _conjunct(s, s.tokens[k][0], s.tokens[k][1]):
        return False
    return not one_of(bare(s.token_text(first)).removeprefix("ال"), TITLES)


def _object_after(s: Sent, first: int, k: int) -> bool:
    """Does the definite noun phrase at ``first`` end before the name at ``k``: a bare
    common noun follows its definite words ("الفصائل قرار ترامب", "الفصائل المسلحة قرار
    ترامب", "الجامعة وزير الخارجية الروسي")? A definite noun heads no idafa, so that noun
    or title opens the object. Names, prepositions and باسم belong to a title phrase
    ("المبعوث الأممي إلى سوريا ستيفان", "المتحدث باسم الخارجية")."""
    if not bare(s.token_text(first)).startswith("ال"):
        return False
    for j in range(first + 1, k):
        raw, tok = s.token_text(j), bare(s.token_text(j))
        if not tok or is_clause_end(raw) or tok.startswith("ال") or tok == "باسم":
            continue
        a, b = s.tokens[j]
        if one_of(tok, TITLES):
            return True  # "دعت الجامعة وزير الخارجية الروسي": a title opens the object
        if tok in PREPOSITIONS or any(a <= m.kstart < b for m in s.mentions):
            return False
        readings = [r for r in analyses(word_at(s, j)) if not r.verbal]
        return bool(readings) and all(r.pos == "noun" and not r.prep for r in readings)
    return False


def _complement_before(s: Sent, i: int, k: int) -> bool:
    """Do tokens ``i`` to ``k`` hold a verb or a noun with بـ ("مرات عدة بتنحي", "أي عمل
    يعزز موقع"), so that a name at ``k`` is in a complement, not the end of a title
    ("المرشح الجمهوري للرئاسة دونالد ترامب", "المتحدث باسم الخارجية")?"""
    for j in range(i, k):
        tok = bare(s.token_text(j))
        if tok == "باسم":
            continue
        readings = analyses(word_at(s, j))
        # a word with بـ the analyser cannot read ("بتنحي") is still a noun with بـ
        if tok[:1] == "ب" and len(tok) > 3 and all(r.prep for r in readings):
            return True
        if readings and all(r.verbal for r in readings):
            return True
    return False
