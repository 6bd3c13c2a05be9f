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
from analysis.tag.agreement import (
    FEMININE_HEADS,
    GENERIC_HEADS,
    MASC_HEADS,
    PRONOUNS,
    RELATIVES,
    TITLES,
    agrees,
    mention_agreement,
    nisba_names_actor,
    note_heads,
    third_person,
    verb_features,
)
from analysis.tag.clauses import Mention, Sent, after_prep, bare, is_clause_end, one_of
from analysis.tag.frames import Cue, reading_at, word_at
from analysis.tag.issues import IssueHit
from analysis.tag.morph import PREPOSITIONS, VERB_PARTICLES
from analysis.text.normalize import fold

__all__ = ["FIRST_PERSON", "cue_holders"]

#: The rule ``cue_holders`` names for a first- or second-person verb: the caller takes
#: the speaker ("قال ليبرمان: «لن نسمح …»").
FIRST_PERSON = "first-person verb"

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
_OPEN_QUOTES = frozenset('"«“')
_NP_STOPS = frozenset(
    {
        *("ان", "انه", "انها", "بان", "لان", ":", "الذي", "التي", "الذين", "حيث", "بينما"),
        *("لكن", "الا", "امس", "اليوم", "يوم", "خلال", "عقب", "اثر"),
    }
)


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
        if m.kstart <= out[-1].kstart:
            continue
        gap = s.key[out[-1].kend : m.kstart].strip()
        if gap in ("و", "،و"):
            out.append(m)
        elif not gap and m.kind == "person" and out[-1].reason.startswith("nisba"):
            out[-1] = m  # "والروسي فلاديمير بوتين": the name the nisba introduces
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
    # a subject in quotation marks: وطالبت " وحدات حماية الشعب " القوى الدولية
    while i < len(s.tokens) and not bare(s.token_text(i)) and s.token_text(i) in _OPEN_QUOTES:
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
    generic = bare(s.token_text(first)) in MASC_HEADS or bare(s.token_text(first)) in GENERIC_HEADS
    nisba_ok = head.reason.startswith("nisba") and generic and s.tok_index(head.kstart) == first + 1
    title = one_of(bare(s.token_text(first)), TITLES)
    title_ok = title and s.tok_index(head.kstart) - first <= 4 and head.kind in ACTOR_KINDS
    if s.tokens[first][0] != head.kstart and not (nisba_ok or title_ok):
        persons = [m for m in np if m.kind == "person"]
        if not persons:
            return []
        head = persons[0]
    persons = [m for m in np if m.kind == "person" and m is not head]
    if head.kind != "person" and persons:
        head = persons[0]  # "رئيس مكتب الأمن الوطني السوري، علي مملوك": the person
    # after a title the verb agrees with the title ("اتفق وزراء خارجية روسيا وتركيا")
    agr = mention_agreement(head)
    if title_ok:
        agr = ("f", "s") if one_of(bare(s.token_text(first)), _FEMININE_TITLES) else ("m", "s")
    if not agrees(agr, feats, gender_only=True) and head.kind != "person":
        return []
    return _coordinated(s, head, pool)


# "the two sides" (nominative: a subject) stands for the pair named before ("الرئيسين،
# بوتين وأردوغان … واتفق فيه الجانبان"), unless names follow it ("الرئيسان التركي أردوغان")
_TWO_SIDES = frozenset(
    fold(w)
    for w in (*("الجانبان", "الطرفان", "البلدان", "الدولتان", "الرئيسان", "الوزيران", "الزعيمان"),)
)


def _two_sides(s: Sent, b: int) -> str:
    """The "two sides" word that is the subject right after a verb ending at ``b``."""
    i = s.tok_index(b)
    if i < len(s.tokens) and s.tokens[i][0] < b:
        i += 1
    while i < len(s.tokens) and bare(s.token_text(i)) in _PRONOUN_PPS:
        i += 1  # "واتفق فيه الجانبان"
    if i >= len(s.tokens) or not one_of(bare(s.token_text(i)), _TWO_SIDES):
        return ""
    nxt = s.tokens[i + 1][0] if i + 1 < len(s.tokens) else -1
    return "" if any(m.kstart == nxt for m in s.mentions) else s.token_text(i)


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
        if tok in RELATIVES:
            head = [m for m in pool if m.kend <= s.tokens[j][0] and s.tokens[j][0] - m.kend <= 2]
            if head and agrees(mention_agreement(head[-1]), feats, gender_only=False):
                return [head[-1]], f"relative {tok} → its head"
            return [], ""
        if bare(raw) in PRONOUNS or tok in PRONOUNS:
            if near:
                return [], ""
            return [], "pronoun:" + (bare(raw) if bare(raw) in PRONOUNS else tok)
        ending = [m for m in pool if s.tokens[j][0] <= m.kend <= s.tokens[j][1] + 1]
        if ending:
            m = ending[-1]
            k = s.tok_index(m.kstart)
            if k > 0 and bare(s.token_text(k - 1)) in _LED_BY:
                # "تيار الغد، بقيادة أحمد الجربا، يدعو": the leader modifies the subject
                j, steps = k - 2, steps + 1
                while j >= 0 and not bare(s.token_text(j)):
                    j -= 1
                continue
            if after_prep(s, m):
                return [], ""
            group = [m, *_joined_before(s, m, pool)][::-1]
            agr = (("m", "d") if len(group) == 2 else ("m", "p")) if len(group) > 1 else None
            agr = agr or mention_agreement(m)
            # states joined by و may also take a feminine singular verb ("فرنسا وروسيا اتفقت")
            states = len(group) > 1 and all(mention_agreement(x) == ("f", "s") for x in group)
            if agrees(agr, feats, gender_only=False) or (
                states and agrees(("f", "s"), feats, gender_only=False)
            ):
                return group, "subject before the verb"
            return [], ""
        if is_clause_end(raw) or bare(raw) in _NP_STOPS:
            return [], ""
        steps += 1
        j -= 1
    return [], ""


_FEMININE_TITLES = frozenset(fold(w) for w in ("رئيسة", "وزيرة"))
# "X, led by Y": Y modifies the subject X (بقيادة، برئاسة، بزعامة)
_LED_BY = frozenset(fold(w) for w in ("بقيادة", "برئاسة", "بزعامة"))
_SUBJECT_OPENERS = frozenset(
    {*("و", "ف", "ان", "لكن", "ولكن", "ثم", "اما", "بينما", "فيما", "حيث", "اذ", "كما"), "اي"}
)


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
    readings, _why = reading_at(s, i - 1)
    return bool(readings) and readings[0].verbal


def _antecedent(
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
        if agrees(mention_agreement(m), want, gender_only=False) and mention_agreement(m):
            return [m], "antecedent in the sentence"
    prev = [m for m in previous if m.kind in ACTOR_KINDS and not m.reason.startswith("prep")]
    for m in prev:
        if agrees(mention_agreement(m), want, gender_only=False) and mention_agreement(m):
            return [m], "antecedent in the previous sentence"
    return [], ""


# Possessive pronouns on a verbal noun (camel-tools enc0) → the owner's (gender, number).
# camel-tools also reads a final ة as the pronoun ه ("اتفاقية" as اتفاقَيْه, "his two
# agreements"), so the word must end in the pronoun's own letters.
_POSSESSIVES = {
    "3ms_poss": (("m", "s"), "ه"),
    "3fs_poss": (("f", "s"), "ها"),
    "3mp_poss": (("m", "p"), "هم"),
    "3d_poss": (("", "d"), "هما"),
}


def _noun_holders(
    s: Sent, cue: Cue, pool: list[Mention], previous: list[Mention]
) -> tuple[list[Mention], str]:
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
    if words and words[0] == "من" and cue.reading.prep == "ب" and i + 1 < len(s.tokens):
        # "بطلب من السلطات السورية", "بدعوة من موسكو": at the request of X (without بـ,
        # "الطلب من روسيا" names whom the request is made to)
        start = s.tokens[i + 1][0]
        ms = [m for m in pool if m.kstart == start and not m.reason.startswith("nisba")]
        if ms:
            return _coordinated(s, ms[0], pool), "بـ… من X (at the request of X)"
    enc = cue.reading.enclitic
    word = word_at(s, s.tok_index(cue.kstart))
    if enc in _POSSESSIVES and word.endswith(_POSSESSIVES[enc][1]):
        # "برفضها العودة", "لاعتراضها على": the pronoun's nearest agreeing antecedent
        # the previous sentence and pairs were wrong more often than right on the dev pages
        ms, how = _antecedent(s, cue.kstart, pool, [], {_POSSESSIVES[enc][0]}, subject=False)
        if len(ms) == 1:
            return ms, f"possessive pronoun of the noun → {how}"
        return [], ""
    if enc.startswith("1") and enc.endswith("_poss"):
        return [], FIRST_PERSON  # "مطالبنا": the speaker's
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
        if is_clause_end(raw) and nxt not in RELATIVES:
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
        return _noun_holders(s, cue, pool, previous)
    pool = _subjects(pool)
    a, b = cue.verb_span
    word = bare(s.surface(*s.tokens[s.tok_index(a)])) if s.tokens else ""
    # a light verbal noun's genitive is its subject ("توقيع إيران ونظام الأسد اتفاقاً")
    feats = verb_features(cue.verb_reading, word) if cue.verb_reading.verbal else {("", "na")}
    i = s.tok_index(a)
    before = bare(s.token_text(i - 1)) if i > 0 else ""
    if before in RELATIVES:
        head = [
            m for m in pool if m.kend <= s.tokens[i - 1][0] and s.tokens[i - 1][0] - m.kend <= 2
        ]
        if not head:
            return [], "relative with a head that is not an actor"
    found, rule = _subject_before(s, a, pool, feats, near=True)
    if found:
        return found, rule
    sides = _two_sides(s, b)
    if sides:
        ms, how = _antecedent(s, a, pool, previous, {("", "d")})
        return (ms, f"«{sides}» → {how}") if len(ms) == 2 else ([], f"«{sides}» with no pair")
    if cue.how != "adj" and third_person(cue.verb_reading, word):
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
    if third_person(cue.verb_reading, word) and not _overt_subject(
        s, a, b, feats, cue.kstart if cue.light else -1
    ):
        # an unexpressed subject: "… وقدموا ضمانات" after "الروس دعموا"; the previous
        # sentence only for a sentence-initial verb that continues it ("وعرض عليه …")
        first = s.tok_index(a) <= 1
        ms, how = _antecedent(s, a, pool, previous if first else [], feats)
        if ms:
            return ms, f"unexpressed subject → {how}"
    if not third_person(cue.verb_reading, word):
        return [], FIRST_PERSON
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
