"""Agreement: the gender and number a verb shows with an actor, and the word lists behind it.

``mention_agreement(m)`` reads an actor mention's (gender, number) from its first word, its
head noun (``note_heads``: "فصائل الجيش الحر" is feminine singular, "الجانب الروسي"
masculine) or its kind (states are feminine); ``verb_features`` gives a verb's or
adjective's across its readings, ``agrees`` compares the two. ``nisba_names_actor`` says
whether a one-word nisba stands for its actor. The holder rules (``analysis.tag.subjects``)
and the word lists they share (pronouns, relatives, head nouns, titles) are built on these.
"""

from __future__ import annotations

from analysis.tag.clauses import Mention, Sent, bare, one_of, without_and
from analysis.tag.morph import Reading, analyses
from analysis.text.normalize import fold

__all__ = [
    "FEMININE_HEADS",
    "FEMININE_TITLES",
    "GENERIC_HEADS",
    "HUMAN_PLURALS",
    "MASC_HEADS",
    "PRIVATE_HEADS",
    "PRONOUNS",
    "RELATIVES",
    "TITLES",
    "agrees",
    "can_be_person",
    "definite_adjective",
    "mention_agreement",
    "nisba_names_actor",
    "note_heads",
    "pronoun_agreement",
    "third_person",
    "verb_features",
]


#: Subject pronouns and pronoun-carrying particles: folded form → (gender, number).
PRONOUNS = {
    **dict.fromkeys(("هو", "انه", "لكنه", "بانه", "لانه", "فانه", "اذ انه"), ("m", "s")),
    **dict.fromkeys(("هي", "انها", "لكنها", "بانها", "لانها", "فانها"), ("f", "s")),
    **dict.fromkeys(("هم", "انهم", "لكنهم", "بانهم", "لانهم", "فانهم"), ("m", "p")),
    **dict.fromkeys(("هما", "انهما", "لكنهما", "بانهما"), ("", "d")),
}
RELATIVES = {
    **{"الذي": ("m", "s"), "التي": ("f", "s"), "الذين": ("m", "p")},
    **{"اللذين": ("m", "d"), "اللذان": ("m", "d"), "اللتين": ("f", "d"), "اللتان": ("f", "d")},
}


MASC_HEADS = frozenset(
    fold(w)
    for w in (
        *("الجانب", "الطرف", "النظام", "الجيش", "الحرس", "حزب", "التحالف", "المجلس"),
        *("الرئيس", "وزير", "المبعوث", "الكرملين", "البيت", "البنتاغون", "الاتحاد", "رئيس"),
        *("المسؤول", "مسؤول", "الوفد", "وفد", "الائتلاف", "تنظيم", "التنظيم", "فيلق"),
        *("مجلس", "الامين", "العراق", "الاردن", "لبنان", "اليمن", "السودان", "المغرب"),
        *("قائد", "القائد", "المتحدث", "الناطق", "السفير", "المندوب", "الممثل"),
        *("الوزير", "المستشار", "الموفد", "الزعيم"),
    )
)


# Heads of an idafa whose verb agrees as feminine singular (a non-human plural or a
# feminine noun) whatever the name after them: "فصائل الجيش الحر"، "حكومة الأسد".
FEMININE_HEADS = frozenset(
    fold(w)
    for w in (
        *("فصائل", "قوات", "قوى", "وحدات", "ميليشيات", "مليشيات", "جماعات", "كتائب", "الوية"),
        *("حكومة", "إدارة", "قيادة", "هيئة", "وزارة", "رئاسة", "سلطات", "دولة"),
    )
)


def institution_head(tok: str) -> bool:
    """Is the folded token the head noun of an institution or group without the article
    ("حكومة", "قوى", "وفد"), the first term of an idafa whose genitive names its actor
    ("حكومة الجمهورية العربية السورية", "رفض قوى المعارضة")?"""
    return not tok.startswith("ال") and (one_of(tok, FEMININE_HEADS) or one_of(tok, MASC_HEADS))


HUMAN_PLURALS = frozenset(fold(w) for w in ("الروس", "الأتراك", "الأمريكان", "الأكراد", "العرب"))


# Nouns of private persons and civil bodies: a nisba or a place after them is their
# nationality or home, not their state ("عشر منظمات سورية ترفض", "أطفال مسيحيين عراقيين
# رفضوا", "كفيل لبناني يقوم بالتعهد"), folded, with or without و.
PRIVATE_HEADS = frozenset(
    fold(w)
    for w in (
        *("منظمات", "منظمة", "جمعيات", "جمعية", "مواطن", "مواطنين", "مواطنون", "مواطنة"),
        *("لاجئ", "لاجئين", "لاجئون", "كفيل", "صحفي", "صحفيين", "صحفيون", "ناشط", "ناشطين"),
        *("ناشطون", "اطفال", "طفل", "مسيحيين", "مسيحيون", "طلاب", "طالب", "عائلات", "عائلة"),
        *("شركة", "شركات", "رجال", "رجل", "امراة", "نساء", "سكان", "اهالي", "مدنيين"),
    )
)


# Heads a nisba can make an actor of ("الجانب الأمريكي", "المسؤولون الروس").
GENERIC_HEADS = frozenset(
    fold(w)
    for w in (
        *("الجانب", "الطرف", "المسؤولون", "المسؤولين", "الحكومة", "القيادة", "الإدارة"),
        *("مسؤولون",),  # "واتفق مسؤولون إيرانيون وروس" (nominative: a subject)
        *("الوفد", "السلطات"),
        # a state's policy or diplomacy speaks for it ("السياسة الإسرائيلية لن تسمح")
        *("السياسة", "الدبلوماسية", "الرئاسة", "الدولة"),
    )
)


# Titles whose genitive or nisba names the body the title-holder speaks for ("قائد فيلق
# القدس", "وزير الخارجية الروسي", "رئيس مكتب الأمن الوطني السوري").
TITLES = frozenset(
    fold(w)
    for w in (
        *("قائد", "رئيس", "وزير", "المتحدث", "الناطق", "سفير", "مندوب", "ممثل", "مسؤول"),
        *("مستشار", "نائب", "زعيم", "امين", "مبعوث", "المبعوث", "مدير", "رئيسة", "وزيرة"),
        # "الأمين العام للأمم المتحدة السيد بان كي مون" (الأمين is also a given name)
        *("الامين",),
        # plural and dual titles: "وزراء خارجية روسيا وتركيا"، "الرئيسان التركي … والروسي"
        *("وزراء", "رؤساء", "قادة", "زعماء", "ممثلو", "مسؤولو", "وزيرا", "قائدا"),
        *("الرئيسان", "الرئيسين", "الوزيران", "الوزيرين", "الزعيمان", "الزعيمين"),
    )
)
#: The titles a feminine verb agrees with ("رئيسة الوزراء البريطانية أعلنت").
FEMININE_TITLES = frozenset(fold(w) for w in ("رئيسة", "وزيرة"))


def note_heads(s: Sent) -> list[Mention]:
    """Record on each mention of ``s`` the word before it (a nisba's head noun), or the
    word before that when the word before is a definite adjective ("التحالف الغربي
    الإسرائيلي": التحالف)."""
    starts = {s.tok_index(m.kstart) for m in s.mentions}
    for m in s.mentions:
        i = s.tok_index(m.kstart)
        if i > 0 and s.tokens[i][0] >= m.kstart:
            m.head = bare(s.token_text(i - 1))
            if i > 1 and i - 1 not in starts and definite_adjective(m.head):
                # "التحالف الغربي الإسرائيلي", "المسؤولون العسكريون الروس": the noun
                # before the adjectives
                m.head = bare(s.token_text(i - 2))
    return s.mentions


def definite_adjective(tok: str) -> bool:
    """Is the folded token a definite adjective ("الغربي", "البارز") or a nisba plural
    ("العسكريون")? Not a noun with the -iyya ending ("العملية", "الاتفاقية", "الخارجية"),
    which camel-tools also reads as a noun."""
    if not tok.startswith("ال") or len(tok) <= 4:
        return False
    if tok.endswith(("يون", "يين")):
        return True
    readings = [r for r in analyses(tok) if not r.verbal]
    return bool(readings) and all(r.pos == "adj" for r in readings)


MINISTRIES = frozenset(fold(w) for w in ("الخارجية", "الدفاع", "الداخلية", "الأركان", "الوزراء"))


# heads that make a person's name a government ("حكومة نتنياهو"), not "قوات الأسد"
_GOVERNMENTS = frozenset(fold(w) for w in ("حكومة", "إدارة"))


def nisba_names_actor(m: Mention) -> bool:
    """Does a one-word nisba stand for its actor? Only after a generic head or a title
    ("الجانب الروسي", "وزير الخارجية الروسي"), not inside another name ("تيار الغد السوري",
    "المخاطر الإيرانية")."""
    if not m.reason.startswith("nisba") or len(m.surface.split()) > 1:
        return True
    own = fold(m.surface)
    if one_of(own, HUMAN_PLURALS) or own.endswith(("يين", "يون")):
        return True  # "الإيرانيين وافقوا": a people's name for its side
    head = without_and(m.head)
    if not head.startswith("ال") and not one_of(head, TITLES):
        return True  # after a particle or a verb the nisba stands alone ("أن الروسي …")
    return any(one_of(head, w) for w in (GENERIC_HEADS, TITLES, MASC_HEADS, MINISTRIES))


def nisba_agreement(head: str) -> tuple[str, str] | None:
    """Agreement of a nisba's head noun: "المبعوث الروسي" (m s), "الحكومة التركية" (f s),
    "المسؤولون الروس" (m p)."""
    head = without_and(head)
    if one_of(head, TITLES) or one_of(head, MASC_HEADS):
        return ("m", "s")
    if head.startswith("ال") and head.endswith(("ون", "ين")):
        return ("m", "p")
    if head in GENERIC_HEADS or (head.startswith("ال") and head.endswith("ه")):
        return ("f", "s") if head.endswith("ه") else ("m", "s")
    return None


def mention_agreement(m: Mention) -> tuple[str, str] | None:
    """(gender, number) a verb shows with this actor as its subject; None when unknown."""
    words = fold(m.surface).split()
    if not words:
        return None
    first = without_and(words[0])
    if m.kind == "person":
        if one_of(without_and(m.head), _GOVERNMENTS):
            return ("f", "s")  # "حكومة نتنياهو … رفضها": the government agrees
        return ("f", "s") if first.endswith("ه") and first.startswith("ال") else ("m", "s")
    if one_of(m.head, FEMININE_HEADS):
        # "فصائل الجيش الحر أدانت", "حكومة الأسد رفضت": the head noun agrees, not the name
        return ("f", "s")
    if m.reason.startswith(("institution", "nisba")) and one_of(without_and(m.head), TITLES):
        # "وزير الخارجية الإيراني رفض": the title agrees, not the ministry
        return ("f", "s") if one_of(without_and(m.head), FEMININE_TITLES) else ("m", "s")
    if one_of(first, MASC_HEADS):
        return ("m", "s")
    if one_of(first, HUMAN_PLURALS) or (first.startswith("ال") and first.endswith(("يون", "يين"))):
        return ("m", "p")
    if m.kind == "group" and first.startswith("ال") and first.endswith("ون") and len(first) > 5:
        return ("m", "p")  # "المعارضون السوريون": a sound masculine plural of persons
    if m.reason.startswith("nisba") and len(words) == 1:
        # "الروسي" alone modifies a noun; the noun agrees, not the nisba
        return nisba_agreement(m.head) if m.head else None
    if first in _FEMININE_NAMES:
        return ("f", "s")  # "حماس تتوعد", "قسد تعلن": the movement or forces behind the acronym
    if first in _EITHER_NAMES:
        return ("", "s")  # "داعش يتبنى" and "داعش تتبنى" are both written; never a plural
    if m.kind == "group":
        # "هيئة تحرير الشام", "الفصائل" (a non-human plural) agree as feminine
        return (
            ("f", "s") if first.endswith("ه") or plural_word(m.surface.split()[0]) else ("m", "s")
        )
    if m.kind in ("state", "organisation", "organization"):
        # state names are feminine (روسيا، إيران، واشنطن); bodies follow their head noun,
        # and a non-human plural head (الأمم المتحدة) agrees as feminine singular
        # a place named for a body is feminine too ("أوروبا تدعو")
        toponym = m.reason.startswith("toponym")
        if m.kind == "state" or toponym or first.endswith("ه") or plural_word(m.surface.split()[0]):
            return ("f", "s")
        return ("m", "s")
    return None


# acronyms whose verb agrees with the feminine noun they abbreviate (حركة، قوات), and one
# written with either gender
_FEMININE_NAMES = frozenset(fold(w) for w in ("حماس", "قسد"))
_EITHER_NAMES = frozenset(fold(w) for w in ("داعش",))


def plural_word(word: str, *, or_dual: bool = False) -> bool:
    """Is every noun reading of the word a plural (or, with ``or_dual``, a plural or a dual:
    "المعارضين" yes, "الأمين" no)?"""
    numbers = ("p", "d") if or_dual else ("p",)
    readings = [r for r in analyses(bare(word)) if not r.verbal]
    return bool(readings) and all(r.num in numbers for r in readings)


def pronoun_agreement(r: Reading, role: str) -> tuple[str, str] | None:
    """(gender, number) a third-person pronoun of ``role`` ("poss" or "dobj") attached to
    the word asks of its antecedent, the gender left open for a dual ("توقيعهما",
    "وطالبها"); None without one."""
    own = r.owner
    if own is None or own[0] != "3" or not r.enclitic.endswith("_" + role):
        return None
    return ("" if own[2] == "d" else own[1], own[2])


def verb_features(r: Reading, word: str) -> set[tuple[str, str]]:
    """(gender, number) of a verb or adjective across its readings of the same lemma."""
    out = set()
    for x in analyses(word) if word else (r,):
        if x.lemma == r.lemma and x.pos == r.pos and x.per in ("3", "na"):
            out.add((x.gen, x.num))
    return out or {(r.gen, r.num)}


def agrees(agr: tuple[str, str] | None, feats: set[tuple[str, str]], *, gender_only: bool) -> bool:
    if agr is None:
        return True
    for gen, num in feats:
        if gen in ("f", "m") and agr[0] and gen != agr[0] and num != "d":
            continue
        if gender_only or num in ("na", "u") or agr[1] == num:
            return True
        if {num, agr[1]} == {"p", "d"}:
            return True  # two coordinated actors: a dual or a plural verb
    return False


def third_person(r: Reading, word: str) -> bool:
    """Can the verb (or adjective) be third person? First and second person ("نرفض")
    speak for the speaker, whom the caller takes."""
    return can_be_person(r, word, "3")


def can_be_person(r: Reading, word: str, person: str) -> bool:
    """Can the verb reading's lemma be ``person`` ("1", "2", "3") in ``word`` ("طالبت":
    I demanded, she demanded)? A noun or adjective can be any."""
    if not r.verbal:
        return True
    return any(x.per == person for x in analyses(word) if x.lemma == r.lemma and x.verbal)
