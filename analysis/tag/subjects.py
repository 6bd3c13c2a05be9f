"""Who holds a move: the subject of its verb or adjective, or the owner of its noun.

``cue_holders(s, cue, issues, previous)`` returns the holders of one cue
(``analysis.tag.frames.Cue``) and the rule that found them; the rules, in order:

- verbs and adjectives (a light verb stands for its noun):
  1. **subject after the verb** (verb-subject order), through a title and a comma-set
     apposition ("رفض رئيس المكتب، علي مملوك، العرض"); the verb's gender must agree;
  2. **subject before the verb** in the same clause, agreeing in gender and number
     ("الروس ضغطوا", "أنقرة مستعدة");
  3. **relative**: الذي/التي/الذين → the mention the relative follows;
  4. **pronoun** (أنه، لكنها، وهم …) or an unexpressed subject → the nearest agreeing actor
     before it in the sentence, then in the previous sentence, that is not the object of a
     preposition (a recipient is never the holder);
- nouns: the **genitive** right after it ("اشتراط واشنطن"), its **nisba** ("الطلب
  الأمريكي", "تفاهم أميركي روسي"), "من جانب X", or for agreements the parties "بين X وY".

No rule, no holder: a wrong holder is worse than none.
"""

from __future__ import annotations

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.clauses import Mention, Sent, after_prep, bare, is_clause_end
from analysis.tag.frames import Cue
from analysis.tag.issues import IssueHit
from analysis.tag.morph import PREPOSITIONS, VERB_PARTICLES, Reading, analyses
from analysis.text.normalize import fold

__all__ = ["PRONOUNS", "cue_holders", "mention_agreement"]

#: Subject pronouns and pronoun-carrying particles: folded form → (gender, number).
PRONOUNS = {
    **dict.fromkeys(("هو", "انه", "لكنه", "بانه", "لانه", "فانه", "اذ انه"), ("m", "s")),
    **dict.fromkeys(("هي", "انها", "لكنها", "بانها", "لانها", "فانها"), ("f", "s")),
    **dict.fromkeys(("هم", "انهم", "لكنهم", "بانهم", "لانهم", "فانهم"), ("m", "p")),
    **dict.fromkeys(("هما", "انهما", "لكنهما", "بانهما"), ("", "d")),
}
_PRONOUN_PPS = frozenset(
    p + e
    for p in (
        "له",
        "لها",
        "عليه",
        "عليها",
        "فيه",
        "فيها",
        "منه",
        "منها",
        "معه",
        "معها",
        "اليه",
        "اليها",
    )
    for e in ("", "م")
)
_RELATIVES = {"الذي": ("m", "s"), "التي": ("f", "s"), "الذين": ("m", "p"), "اللذين": ("m", "d")}
_MASC_HEADS = frozenset(
    fold(w)
    for w in (
        *("الجانب", "الطرف", "النظام", "الجيش", "الحرس", "حزب", "التحالف", "المجلس"),
        *("الرئيس", "وزير", "المبعوث", "الكرملين", "البيت", "البنتاغون", "الاتحاد", "رئيس"),
        *("المسؤول", "مسؤول", "الوفد", "وفد", "الائتلاف", "تنظيم", "التنظيم", "فيلق"),
        *("مجلس", "الامين", "العراق", "الاردن", "لبنان", "اليمن", "السودان", "المغرب"),
        *("قائد", "القائد", "المتحدث", "الناطق", "السفير", "المندوب", "الممثل"),
    )
)
_HUMAN_PLURALS = frozenset(fold(w) for w in ("الروس", "الأتراك", "الأمريكان", "الأكراد", "العرب"))
_NP_STOPS = frozenset(
    {
        *("ان", "انه", "انها", "بان", "لان", ":", "الذي", "التي", "الذين", "حيث", "بينما"),
        *("لكن", "الا", "امس", "اليوم", "يوم", "خلال", "عقب", "اثر"),
    }
)
# Heads a nisba can make an actor of ("الجانب الأمريكي", "المسؤولون الروس").
_GENERIC = frozenset(
    fold(w)
    for w in ("الجانب", "الطرف", "المسؤولون", "المسؤولين", "الحكومة", "القيادة", "الإدارة", "الوفد")
)
# Titles whose genitive or nisba names the body the title-holder speaks for ("قائد فيلق
# القدس", "وزير الخارجية الروسي", "رئيس مكتب الأمن الوطني السوري").
_TITLES = frozenset(
    fold(w)
    for w in (
        *("قائد", "رئيس", "وزير", "المتحدث", "الناطق", "سفير", "مندوب", "ممثل", "مسؤول"),
        *("مستشار", "نائب", "زعيم", "امين", "مبعوث", "المبعوث", "مدير", "رئيسة", "وزيرة"),
    )
)


def note_heads(s: Sent) -> list[Mention]:
    """Record on each mention of ``s`` the word before it (a nisba's head noun)."""
    for m in s.mentions:
        i = s.tok_index(m.kstart)
        if i > 0 and s.tokens[i][0] >= m.kstart:
            m.head = bare(s.token_text(i - 1))
    return s.mentions


_MINISTRIES = frozenset(fold(w) for w in ("الخارجية", "الدفاع", "الداخلية", "الأركان", "الوزراء"))


def nisba_names_actor(m: Mention) -> bool:
    """Does a one-word nisba stand for its actor? Only after a generic head or a title
    ("الجانب الروسي", "وزير الخارجية الروسي"), not inside another name ("تيار الغد السوري",
    "المخاطر الإيرانية")."""
    if not m.reason.startswith("nisba") or len(m.surface.split()) > 1:
        return True
    own = fold(m.surface).lstrip("و")
    if own in _HUMAN_PLURALS or own.endswith(("يين", "يون")):
        return True  # "الإيرانيين وافقوا": a people's name for its side
    head = m.head.lstrip("و")
    if not head.startswith("ال"):
        return True  # after a particle or a verb the nisba stands alone ("أن الروسي …")
    return head in _GENERIC or head in _TITLES or head in _MASC_HEADS or head in _MINISTRIES


def _nisba_agreement(head: str) -> tuple[str, str] | None:
    """Agreement of a nisba's head noun: "المبعوث الروسي" (m s), "الحكومة التركية" (f s),
    "المسؤولون الروس" (m p)."""
    head = head.lstrip("و")
    if head in _TITLES or head in _MASC_HEADS:
        return ("m", "s")
    if head.startswith("ال") and head.endswith(("ون", "ين")):
        return ("m", "p")
    if head in _GENERIC or (head.startswith("ال") and head.endswith("ه")):
        return ("f", "s") if head.endswith("ه") else ("m", "s")
    return None


def mention_agreement(m: Mention) -> tuple[str, str] | None:
    """(gender, number) a verb shows with this actor as its subject; None when unknown."""
    words = fold(m.surface).split()
    if not words:
        return None
    first = words[0].lstrip("و")
    if m.kind == "person":
        return ("f", "s") if first.endswith("ه") and first.startswith("ال") else ("m", "s")
    if first in _MASC_HEADS:
        return ("m", "s")
    if first in _HUMAN_PLURALS or (first.startswith("ال") and first.endswith(("يون", "يين"))):
        return ("m", "p")
    if m.reason.startswith("nisba") and len(words) == 1:
        # "الروسي" alone modifies a noun; the noun agrees, not the nisba
        return _nisba_agreement(m.head) if m.head else None
    if m.kind == "group":
        # "هيئة تحرير الشام", "الفصائل" (a non-human plural) agree as feminine
        return (
            ("f", "s") if first.endswith("ه") or _plural_word(m.surface.split()[0]) else ("m", "s")
        )
    if m.kind in ("state", "organisation", "organization"):
        # state names are feminine (روسيا، إيران، واشنطن); bodies follow their head noun,
        # and a non-human plural head (الأمم المتحدة) agrees as feminine singular
        if m.kind == "state" or first.endswith("ه") or _plural_word(m.surface.split()[0]):
            return ("f", "s")
        return ("m", "s")
    return None


def _plural_word(word: str) -> bool:
    readings = [r for r in analyses(bare(word)) if not r.verbal]
    return bool(readings) and all(r.num == "p" for r in readings)


def _features(r: Reading, word: str) -> set[tuple[str, str]]:
    """(gender, number) of a verb or adjective across its readings of the same lemma."""
    out = set()
    for x in analyses(word) if word else (r,):
        if x.lemma == r.lemma and x.pos == r.pos and x.per in ("3", "na"):
            out.add((x.gen, x.num))
    return out or {(r.gen, r.num)}


def _agrees(agr: tuple[str, str] | None, feats: set[tuple[str, str]], *, gender_only: bool) -> bool:
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


def _actors(s: Sent, issues: list[IssueHit]) -> list[Mention]:
    spans = [(h.kstart, h.kend) for h in issues]
    return [
        m
        for m in s.mentions
        if m.kind in ACTOR_KINDS and not any(a <= m.kstart < b for a, b in spans)
    ]


def _subjects(pool: list[Mention]) -> list[Mention]:
    """Mentions that can be a verb's subject: a nisba inside another name cannot."""
    return [m for m in pool if nisba_names_actor(m)]


def _coordinated(s: Sent, first: Mention, pool: list[Mention]) -> list[Mention]:
    out = [first]
    for m in pool:
        if m.kstart > out[-1].kstart and s.key[out[-1].kend : m.kstart].strip() in ("و", "،و"):
            out.append(m)
    return out


def _nisbas(s: Sent, first: Mention, pool: list[Mention]) -> list[Mention]:
    """A nisba and those joined to it by و, a hyphen or nothing ("تفاهم أميركي روسي",
    "الاتفاق الروسي - التركي")."""
    out = [first]
    for m in pool:
        if m.kstart <= out[-1].kstart or not m.reason.startswith("nisba"):
            continue
        if s.key[out[-1].kend : m.kstart].strip(' -–—"«»“”') in ("", "و"):
            out.append(m)
    return out


def _subject_after(s: Sent, b: int, pool: list[Mention], feats) -> list[Mention]:
    """Mentions of the noun phrase right after the verb (its subject in VSO order)."""
    i = s.tok_index(b)
    if i < len(s.tokens) and s.tokens[i][0] < b:
        i += 1
    # "قدمت له روسيا", "تبدي فيها روسيا": a pronoun after a preposition before the subject
    while i < len(s.tokens) and bare(s.token_text(i)) in _PRONOUN_PPS:
        i += 1
    first, commas = i, 0
    np: list[Mention] = []
    while i < len(s.tokens) and i - first < 10:
        raw = s.token_text(i)
        tok = bare(raw)
        inside = [m for m in pool if m.kstart <= s.tokens[i][1] and s.tokens[i][0] < m.kend]
        # a preposition, complementiser or adjunct ends the phrase; so does an object with
        # an attached preposition right after the verb ("وقدموا … للأميركيين")
        stop = tok in PREPOSITIONS or tok in _NP_STOPS
        if not inside and (stop or (i == first and tok.startswith(("ب", "ل")))):
            break
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
    generic = bare(s.token_text(first)) in _MASC_HEADS or bare(s.token_text(first)) in _GENERIC
    nisba_ok = head.reason.startswith("nisba") and generic and s.tok_index(head.kstart) == first + 1
    title = bare(s.token_text(first)).lstrip("و") in _TITLES
    title_ok = title and s.tok_index(head.kstart) - first <= 4 and head.kind in ACTOR_KINDS
    if s.tokens[first][0] != head.kstart and not (nisba_ok or title_ok):
        persons = [m for m in np if m.kind == "person"]
        if not persons:
            return []
        head = persons[0]
    persons = [m for m in np if m.kind == "person" and m is not head]
    if head.kind != "person" and persons:
        head = persons[0]  # "رئيس مكتب الأمن الوطني السوري، علي مملوك": the person
    if not _agrees(mention_agreement(head), feats, gender_only=True) and head.kind != "person":
        return []
    return _coordinated(s, head, pool)


def _joined_before(s: Sent, m: Mention, pool: list[Mention]) -> list[Mention]:
    """The actors joined to ``m`` by و before it, nearest first ("فرنسا وروسيا والصين")."""
    out: list[Mention] = []
    cur = m
    while True:
        prev = [
            x for x in pool if x.kend <= cur.kstart and s.key[x.kend : cur.kstart].strip() == "و"
        ]
        if not prev or after_prep(s, prev[-1]):
            return out
        cur = prev[-1]
        out.append(cur)


def _subject_before(
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
        if tok in ("كان", "كانت", "كانوا", "قد", "لقد", "لم", "لن", "لا", "ما", "سوف", "ايضا"):
            j -= 1
            continue
        if tok in _RELATIVES:
            head = [m for m in pool if m.kend <= s.tokens[j][0] and s.tokens[j][0] - m.kend <= 2]
            if head and _agrees(mention_agreement(head[-1]), feats, gender_only=False):
                return [head[-1]], f"relative {tok} → its head"
            return [], ""
        if bare(raw) in PRONOUNS or tok in PRONOUNS:
            if near:
                return [], ""
            return [], "pronoun:" + (bare(raw) if bare(raw) in PRONOUNS else tok)
        ending = [m for m in pool if s.tokens[j][0] <= m.kend <= s.tokens[j][1] + 1]
        if ending:
            m = ending[-1]
            if after_prep(s, m):
                return [], ""
            group = [m, *_joined_before(s, m, pool)][::-1]
            agr = (("m", "d") if len(group) == 2 else ("m", "p")) if len(group) > 1 else None
            agr = agr or mention_agreement(m)
            # states joined by و may also take a feminine singular verb ("فرنسا وروسيا اتفقت")
            states = len(group) > 1 and all(mention_agreement(x) == ("f", "s") for x in group)
            if _agrees(agr, feats, gender_only=False) or (
                states and _agrees(("f", "s"), feats, gender_only=False)
            ):
                return group, "subject before the verb"
            return [], ""
        if is_clause_end(raw) or bare(raw) in _NP_STOPS:
            return [], ""
        steps += 1
        j -= 1
    return [], ""


def _antecedent(
    s: Sent, a: int, pool: list[Mention], previous: list[Mention], want
) -> tuple[list[Mention], str]:
    """The nearest agreeing actor before ``a`` that is not a prepositional object."""
    here = [m for m in pool if m.kend <= a and not after_prep(s, m)]
    if any(num in ("d", "p") for _g, num in want):
        # "بحث الرئيسان أردوغان وبوتين …، واتفقا": the nearest pair or group joined by و
        for m in reversed(here):
            group = [x for x in _coordinated(s, m, pool) if x.kend <= a]
            starts = [x for x in here if x.kend <= m.kstart and x is not m]
            if len(group) == 1 and starts:
                group = [x for x in _coordinated(s, starts[-1], pool) if x.kend <= a]
            if len(group) >= 2 and m in group:
                return group, "antecedent pair in the sentence"
        persons = [m for m in here if m.kind == "person"]
        if any(num == "d" for _g, num in want) and len(persons) >= 2:
            # "وكان الوزير علي أيوب ورئيس الأركان محمد باقري، وقعا": the two named
            return persons[-2:], "antecedent pair in the sentence"
    here = [m for m in here if mention_agreement(m) is not None]
    for m in reversed(here):
        if _agrees(mention_agreement(m), want, gender_only=False) and mention_agreement(m):
            return [m], "antecedent in the sentence"
    prev = [m for m in previous if m.kind in ACTOR_KINDS and not m.reason.startswith("prep")]
    for m in prev:
        if _agrees(mention_agreement(m), want, gender_only=False) and mention_agreement(m):
            return [m], "antecedent in the previous sentence"
    return [], ""


def _noun_holders(s: Sent, cue: Cue, pool: list[Mention]) -> tuple[list[Mention], str]:
    b = cue.kend
    i = s.tok_index(b)
    if i < len(s.tokens) and s.tokens[i][0] < b:
        i += 1
    nxt = s.tokens[i][0] if i < len(s.tokens) else len(s.key)
    while nxt < len(s.key) and s.key[nxt] in '"«“(':
        nxt += 1  # تفاهم "أميركي روسي": a quote before the nisba
    after = [m for m in pool if m.kstart >= b and s.tok_index(m.kstart) - i <= 2]
    for m in after:
        between = s.key[b : m.kstart]
        if is_clause_end(between.strip()[-1:]) if between.strip() else False:
            break
        if m.kstart == nxt and not after_prep(s, m) and not m.reason.startswith("nisba"):
            return _coordinated(s, m, pool), "genitive of the noun"
        if m.reason.startswith("nisba") and not after_prep(s, m) and m.kstart == nxt:
            return _nisbas(s, m, pool), "nisba of the noun"
    words = [bare(s.token_text(j)) for j in range(i, min(i + 3, len(s.tokens)))]
    if len(words) >= 2 and words[0] == "من" and words[1] in ("جانب", "قبل", "طرف"):
        pos = s.tokens[i + 2][0] if i + 2 < len(s.tokens) else len(s.key)
        ms = [m for m in pool if m.kstart == pos]
        if ms:
            return _coordinated(s, ms[0], pool), f"من {words[1]} X"
    if cue.move == "agreement":
        return _parties(s, i, pool)
    return [], ""


def _parties(s: Sent, i: int, pool: list[Mention]) -> tuple[list[Mention], str]:
    """The parties of an agreement noun: "بين X وY" after it, also through a relative
    clause ("الاتفاق، الذي جرى بين إيران و…") and a head noun before the first party
    ("بين لجنة الأهالي والطرف الروسي والنظام")."""
    for j in range(i, min(i + 14, len(s.tokens))):
        if bare(s.token_text(j)) == "بين" and j + 1 < len(s.tokens):
            hi = s.tokens[min(j + 6, len(s.tokens) - 1)][1]
            ms = [m for m in pool if s.tokens[j + 1][0] <= m.kstart < hi]
            if ms:
                group = _coordinated(s, ms[0], pool)
                if s.tokens[j + 1][0] == ms[0].kstart or len(group) > 1:
                    return group, "parties بين X وY"
        raw = s.token_text(j)
        nxt = bare(s.token_text(j + 1)) if j + 1 < len(s.tokens) else ""
        if is_clause_end(raw) and nxt not in _RELATIVES:
            break
    return [], ""


def cue_holders(
    s: Sent, cue: Cue, issues: list[IssueHit], previous: list[Mention]
) -> tuple[list[Mention], str]:
    """The cue's holders (mentions, in text order) and the rule that found them; a rule
    name starting ``pronoun:`` with no mentions asks the caller for the speaker."""
    note_heads(s)
    pool = _actors(s, issues)
    if cue.how == "noun":
        return _noun_holders(s, cue, pool)
    pool = _subjects(pool)
    a, b = cue.verb_span
    word = bare(s.surface(*s.tokens[s.tok_index(a)])) if s.tokens else ""
    # a light verbal noun's genitive is its subject ("توقيع إيران ونظام الأسد اتفاقاً")
    feats = _features(cue.verb_reading, word) if cue.verb_reading.verbal else {("", "na")}
    i = s.tok_index(a)
    before = bare(s.token_text(i - 1)) if i > 0 else ""
    if before in _RELATIVES:
        head = [
            m for m in pool if m.kend <= s.tokens[i - 1][0] and s.tokens[i - 1][0] - m.kend <= 2
        ]
        if not head:
            return [], "relative with a head that is not an actor"
    found, rule = _subject_before(s, a, pool, feats, near=True)
    if found:
        return found, rule
    if cue.how != "adj" and _third_person(cue.verb_reading, word):
        # "ندعو النظام": after a first-person verb the noun is its object
        subj = _subject_after(s, b, pool, feats)
        if subj:
            return subj, "subject after the verb"
    found, rule = _subject_before(s, a, pool, feats)
    if found:
        return found, rule
    if rule.startswith("pronoun:"):
        want = {PRONOUNS[rule.split(":", 1)[1]]}
        ms, how = _antecedent(s, a, pool, previous, want)
        return ms, f"{rule} → {how}" if ms else rule
    if _third_person(cue.verb_reading, word) and not _overt_subject(
        s, a, b, feats, cue.kstart if cue.light else -1
    ):
        # an unexpressed subject: "… وقدموا ضمانات" after "الروس دعموا"; the previous
        # sentence only for a sentence-initial verb that continues it ("وعرض عليه …")
        first = s.tok_index(a) <= 1
        ms, how = _antecedent(s, a, pool, previous if first else [], feats)
        if ms:
            return ms, f"unexpressed subject → {how}"
    return [], "no subject"


def _overt_subject(s: Sent, a: int, b: int, feats: set[tuple[str, str]], noun_at: int = -1) -> bool:
    """Is there a noun phrase (not an actor) right before or after the verb that can be its
    subject ("الجلسات التمهيدية … اتفقت", "وطالبت منظمة حقوقية الحكومة")? Then the subject
    is that noun, not an earlier actor. A plural or dual verb has its subject in its own
    ending when a noun follows (verb-subject order takes a singular verb: "وقدموا ضمانات").
    ``noun_at``: where a light verb's own noun stands (its object, "وقدم ضمانات")."""
    i, j = s.tok_index(a), s.tok_index(b)
    j = j + 1 if j < len(s.tokens) and s.tokens[j][0] < b else j
    if j < len(s.tokens) and s.tokens[j][0] <= noun_at < s.tokens[j][1]:
        j += 1
    nxt = s.token_text(j) if j < len(s.tokens) else ""
    prev = s.token_text(i - 1) if i > 0 else ""
    mention_at = {m.kstart for m in s.mentions}

    def definite(tok: str) -> bool:
        t = tok.lstrip('«"“(')
        return (t.startswith(("ال", "وال")) and not is_clause_end(tok)) or tok[:1] in '«"“'

    def content_word(k: int) -> bool:
        tok = bare(s.token_text(k))
        return (
            len(tok) > 2
            and s.tokens[k][0] not in mention_at
            and tok not in PREPOSITIONS
            and tok not in VERB_PARTICLES
            and tok not in _NP_STOPS
            and tok not in _PRONOUN_PPS
            and not tok[:1].isdigit()
            and not tok.startswith(("ب", "ل"))
        )

    plural = bool(feats) and all(num in ("p", "d") for _g, num in feats)
    after = bool(nxt) and not plural and (definite(nxt) or content_word(j))
    return after or (bool(prev) and definite(prev) and not is_clause_end(prev))


def _third_person(r: Reading, word: str) -> bool:
    """Can the verb (or adjective) be third person? First and second person ("نرفض")
    speak for the speaker, whom the caller takes."""
    if not r.verbal:
        return True
    return any(x.per == "3" for x in analyses(word) if x.lemma == r.lemma and x.verbal)
