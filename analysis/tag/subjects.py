"""Who holds a move: the subject of its verb or adjective, or the owner of its noun.

``cue_holders(s, cue, issues, previous)`` returns the holders of one cue
(``analysis.tag.frames.Cue``) and the rule that found them; the rules, in order:

- verbs and adjectives (a light verb stands for its noun):
  1. **subject after the verb** (verb-subject order), through a title and a comma-set
     apposition ("رفض رئيس المكتب، علي مملوك، العرض"); the verb's gender must agree;
  2. **subject before the verb** in the same clause, agreeing in gender and number
     ("الروس ضغطوا", "أنقرة مستعدة");
  3. **relative**: الذي/التي/الذين → the mention the relative follows; when the verb
     carries the head as its object pronoun ("الاتفاق الذي ضمنته تركيا"), its subject
     after it;
  4. **joined verb**: a verb with و after an earlier verb shares that verb's subject
     when it agrees ("بوتين يطرد دبلوماسيين أمريكيين ويهدد"; ``analysis.tag.joined``);
     the noun right before it is never its subject;
  5. **pronoun** (أنه، لكنها، وهم …) or an unexpressed subject → the nearest agreeing actor
     before it in the sentence, then in the previous sentence, that is not the object of a
     preposition (a recipient is never the holder);
- nouns: their owner (``analysis.tag.owners``).

The agreement lists are in ``analysis.tag.agreement``, the antecedent search in
``analysis.tag.antecedents``, the subject after the verb in ``analysis.tag.vso`` and the one
before it in ``analysis.tag.svo``.

No rule, no holder: a wrong holder is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import (
    GENERIC_HEADS,
    HUMAN_PLURALS,
    MASC_HEADS,
    PRONOUNS,
    RELATIVES,
    TITLES,
    agrees,
    can_be_person,
    mention_agreement,
    nisba_names_actor,
    note_heads,
    pronoun_agreement,
    third_person,
    verb_features,
)
from analysis.tag.antecedents import (
    antecedent,
    coordinated_actors,
    number_anaphor,
    numbered_group,
    outside_content,
    relative_head,
    relative_own_subject,
    resumes_what,
)
from analysis.tag.clauses import (
    WHICH_AFTER,
    Mention,
    Sent,
    after_topic,
    bare,
    is_clause_end,
    one_of,
    quote_opens_between,
    subject_np,
    token_after,
)
from analysis.tag.cue import Cue
from analysis.tag.cues import reporting_categories, reporting_lexicon
from analysis.tag.issues import IssueHit
from analysis.tag.joined import joined, joined_verbs
from analysis.tag.morph import analyses
from analysis.tag.nearby import named
from analysis.tag.overt import PRONOUN_PPS, described, noun_subject_before, overt_subject
from analysis.tag.owners import FIRST_PERSON, agent_phrase, noun_holders
from analysis.tag.pairs import order_antecedent, order_word, two_sides_pair, two_sides_word
from analysis.tag.presenting import SIGNING_LEMMAS
from analysis.tag.reading import word_at
from analysis.tag.svo import MEDIA_SUBJECT, subject_before
from analysis.tag.vso import subject_after, subject_start
from analysis.text.normalize import fold

__all__ = ["FIRST_PERSON", "NO_ACTOR_SUBJECT", "cue_holders"]

# first-person pronouns before an adjective (folded, و/ف stripped)
_WE = frozenset({"نحن", "انا", "اننا", "انني", "لاننا"})


def _actors(s: Sent, issues: list[IssueHit]) -> list[Mention]:
    """The actors that may hold a move: not one named inside an issue's phrase ("الوجود
    الإيراني"); an actor that is the issue by itself ("الحشد الشعبي يرفض") may."""
    spans = [(h.kstart, h.kend) for h in issues]
    return [
        m
        for m in s.mentions
        if m.kind in ACTOR_KINDS
        and not any(a <= m.kstart < b and (a, b) != (m.kstart, m.kend) for a, b in spans)
    ]


_NON_ACTOR_HEAD = "relative with a head that is not an actor"
_NOUN_SUBJECT = "a noun before the verb is its subject"
_NO_SUBJECT = "no subject"
#: The rules that find a subject naming no actor ("مدينة التل التي عقدت …").
NO_ACTOR_SUBJECT = frozenset({_NON_ACTOR_HEAD, _NOUN_SUBJECT, _NO_SUBJECT})


def _subjects(pool: list[Mention]) -> list[Mention]:
    """Mentions that can be a verb's subject: a nisba inside another name cannot."""
    return [m for m in pool if nisba_names_actor(m)]


def _numbered_subject(s: Sent, a: int, b: int) -> tuple[int, str]:
    """A number anaphor right before the verb at ``[a, b)`` or right after it ("الدول
    الثلاث توصلت", "اتفق الرؤساء الثلاثة"): how many actors it names, and its words."""
    i = s.tok_index(a)
    for start in (i - 2, i - 3, subject_start(s, b)):
        n, j = number_anaphor(s, start) if start >= 0 else (0, start)
        name_after = j + 1 < len(s.tokens) and any(
            m.kstart == s.tokens[j + 1][0] for m in s.mentions
        )
        if n and (start > i or j == i - 1) and not name_after:  # "الرؤساء الثلاثة بوتين و…"
            return n, s.surface(s.tokens[start][0], s.tokens[j][1])
    return 0, ""


def _after_amma(s: Sent, i: int) -> bool:
    """Is token ``i`` a verb with ف that answers "أما X" ("أما وزارة الدفاع الأميركية فحثت
    …"): its subject is X, the topic before it, not a verb it is joined to?"""
    if not bare(s.token_text(i)).startswith("ف"):
        return False
    for j in range(i - 1, max(-1, i - 9), -1):
        if is_clause_end(s.token_text(j)):
            return False
        if bare(s.token_text(j)) in ("اما", "واما"):
            return True
    return False


def _pronoun_subject(
    s: Sent, a: int, pool: list[Mention], previous: list[Mention], rule: str
) -> tuple[list[Mention], str]:
    """The nearest agreeing antecedent of the subject pronoun a ``pronoun:`` rule names;
    none leaves the rule for the caller to take the speaker."""
    if _reporter_named_no_actor(s, a):
        # "قال 4 آخرون إنهم شهدوا …": the pronoun is the reporting verb's own subject
        return [], "pronoun: the reporting verb's own subject, which names no actor"
    ms, how = antecedent(s, a, pool, previous, {PRONOUNS[rule.split(":", 1)[1]]})
    return ms, f"{rule} → {how}" if ms else rule


def _reporter_named_no_actor(s: Sent, a: int) -> bool:
    """Does the subject pronoun before the verb at ``a`` follow, within a few words, a
    reporting verb whose own subject after it is an indefinite phrase or a name that names
    no actor ("قال 4 آخرون إنهم", "وأكد إسماعيل هنية أنه")? The pronoun is that subject's,
    not an earlier actor's."""
    i = s.tok_index(a)
    cats = reporting_categories()
    verbs = [
        (ha, hb)
        for ha, hb, _f, labels in reporting_lexicon().find(s.key)
        if hb < s.tokens[max(0, i - 1)][0] and any(cats[lab]["role"] == "verb" for lab in labels)
    ]
    if not verbs:
        return False
    np_a, np_b = subject_np(s, verbs[-1][1])
    if np_b <= np_a or s.tok_index(np_b) < i - 3:
        return False  # no subject after the verb, or words between it and the pronoun
    first = bare(s.token_text(s.tok_index(np_a)))
    if first.startswith("ال") or first in PRONOUN_PPS:
        # "أضافت الحركة أنها": a definite noun names the actor told before; "بيانا قال فيه
        # إنه": the statement's author
        return False
    return not any(np_a <= m.kstart < np_b and m.kind in ACTOR_KINDS for m in s.mentions)


# "وهو ما يعني", "وهذا ما دفع": a pronoun or demonstrative before the relative ما


def _which_before(s: Sent, i: int) -> bool:
    """Is the word before token ``i`` the relative ما ("which") that opens a clause: مما,
    or ما after a clause end or after هو/هذا ("، ما يعني", "وهو ما يهدد")?"""
    if i < 1:
        return False
    word = bare(s.token_text(i - 1))
    if word == "مما":
        return True
    if word != "ما":
        return False
    return i > 1 and (
        is_clause_end(s.token_text(i - 2)) or bare(s.token_text(i - 2)) in WHICH_AFTER
    )


# "who, whoever" before a verb: a preposition never governs a verb (folded)
_WHO = frozenset({"من", "ومن", "فمن", "ممن", "لمن"})
# … unless a cleft names who: "الولايات المتحدة هي من طلبت", "لأنهم من أنجزوا", "أول من طرح"
_CLEFT = frozenset(
    {"هو", "هي", "هم", "هما", "نحن", "انه", "انها", "انهم", "لانه", "لانها", "لانهم", "اول"}
)


def _whoever_before(s: Sent, i: int) -> bool:
    """Is the verb at token ``i`` the relative من's ("كل من يعارضه", "ممن رفضوا"), or
    joined by أو/و to a verb that is ("من يخالف أحكامه أو يعارضه")?"""

    def who(k: int) -> bool:
        return bare(s.token_text(k)) in _WHO and (k < 1 or bare(s.token_text(k - 1)) not in _CLEFT)

    if i < 1:
        return False
    if who(i - 1):
        return True
    joined_by = bare(s.token_text(i - 1)) in ("او", "أو") or bare(s.token_text(i)).startswith("و")
    for j in range(i - 1, max(0, i - 5), -1):
        if is_clause_end(s.token_text(j)) or not joined_by:
            return False
        if who(j - 1) and all(r.verbal for r in analyses(word_at(s, j))):
            return True
    return False


def _owner(cue: Cue) -> set[tuple[str, str]]:
    """The agreement a light verbal noun's possessive pronoun asks of its agent ("بعد
    توقيعهما على اتفاق": two parties), any without one."""
    agr = pronoun_agreement(cue.verb_reading, "poss")
    return {agr} if agr else {("", "na")}


def _noun_past_pronoun_pp(s: Sent, b: int) -> bool:
    """Does a definite noun naming no actor follow a preposition with a pronoun right after
    the verb ending at ``b`` ("طلبت منها الأطراف", "عرضت عليه الحكومة")?"""
    j = token_after(s, b)
    if j + 1 >= len(s.tokens) or bare(s.token_text(j)) not in PRONOUN_PPS:
        return False
    nxt = bare(s.token_text(j + 1))
    # a noun that names an agent; a verbal noun there is the object ("عرض عليه الانسحاب")
    agent = any(one_of(nxt, w) for w in (GENERIC_HEADS, TITLES, MASC_HEADS, HUMAN_PLURALS))
    return not named(s, j + 1) and (agent or nxt in _AGENT_PLURALS)


# plural nouns of parties that name no one actor ("طلبت منها الأطراف المعنية")
_AGENT_PLURALS = frozenset(fold(w) for w in ("الأطراف", "الدول", "الجهات", "القوى", "العواصم"))


def _media_after(s: Sent, b: int) -> bool:
    """Does a media mention open the phrase after the verb ending at ``b`` (its subject)?"""
    i = subject_start(s, b)
    if i >= len(s.tokens):
        return False
    a, e = s.tokens[i]
    return any(m.kind == "media" and a <= m.kstart < e for m in s.mentions)


def _first_person(cue: Cue, word: str) -> bool:
    """Can the cue's verb be first person ("طالبت": I demanded)? An adjective can."""
    return cue.how == "adj" or can_be_person(cue.verb_reading, word, "1")


def _joined_subject(
    s: Sent,
    i: int,
    pool: list[Mention],
    feats,
    depth: int = 0,
    link: str = "joined by و to",
    outer_only: bool = False,
) -> tuple[list[Mention], str]:
    """The subject of the verb the verb at token ``i`` continues, when it agrees with it:
    the nearest earlier verb; after a content clause ("قال الرئيس إن الحل سيكون …، ودعا")
    either that clause's verb or the verb that governs it, and none when both have an
    agreeing subject that differs (a wrong holder is worse than none). ``outer_only``
    never takes a content clause's subject (a circumstantial participle after "أفاد أن
    قوات التحالف ستستمر …" belongs to the one who said it)."""
    inner: list[Mention] = []
    for j, r, content in joined_verbs(s, i):
        word = s.word(j)
        # any verb the word may be ("تحمل": تَحَمَّل or تُحَمِّل)
        own = {f for x in analyses(word) if x.verbal for f in verb_features(x, word)}
        ja, jb = s.tokens[j]
        found, how = subject_before(s, ja, pool, own, near=True)
        if how == MEDIA_SUBJECT:
            return [], f"{link} «{word}»: {how}"
        found = found or subject_after(s, jb, pool, own)
        if not found and depth < 2 and joined(s, j, r):
            found, _how = _joined_subject(s, j, pool, own, depth + 1)
        # a chain of actors agrees as a group; one actor must agree with the verb
        if found and (
            len(found) > 1 or agrees(mention_agreement(found[0]), feats, gender_only=True)
        ):
            if content:
                inner = found
                continue
            if (
                inner
                and not outer_only
                and {m.actor_id for m in inner} != {m.actor_id for m in found}
            ):
                if quote_opens_between(s, j, i):  # "أن " النظام يعطل الحل ورفض "": one quote
                    return inner, f"{link} the verb of the quotation before it → its subject"
                return [], "joined by و after a content clause: two subjects could hold it"
            return found, f"{link} «{word}» → its subject"
        if not content:
            break
    if inner and not outer_only:
        return inner, f"{link} the verb of the content clause before it → its subject"
    return [], f"{link} a verb whose subject names no actor"


def _addressed(s: Sent, m: Mention, cue: Cue) -> bool:
    """Does the frame's counterpart preposition follow the actor ``m`` right away ("دعت
    روسيا إلى", "طالب إيران بـ")? Then ``m`` may be the one the move addresses."""
    j = token_after(s, m.kend)
    if j >= len(s.tokens):
        return False
    nxt = bare(s.token_text(j))
    # what a demand asks comes after its addressee with بـ ("طالب إيران بسحب"); a pledge's
    # بـ is its content ("تعهدت روسيا بضمان"), not a sign of an addressee before it
    preps = {fold(str(p)) for p in cue.frame.get("counterpart", [])}
    preps |= {"ب", "ل"} if cue.move == "demand" else set()
    return nxt in preps or any(len(p) == 1 and nxt.startswith(p) and len(nxt) > 3 for p in preps)


def cue_holders(
    s: Sent,
    cue: Cue,
    issues: list[IssueHit],
    previous: list[Mention],
    groups: Iterable[list[Mention]] = (),
) -> tuple[list[Mention], str]:
    """The cue's holders (mentions, in text order) and the rule that found them; a rule
    name starting ``pronoun:`` with no mentions asks the caller for the speaker.
    ``previous``: the previous sentence's actors; ``groups``: the chains of actors joined
    by و in the sentences before (``antecedents.earlier_sentences``)."""
    note_heads(s)
    pool = _actors(s, issues)
    if cue.how == "noun":
        return noun_holders(s, cue, pool, previous)
    a, b = cue.verb_span
    head = described(s, s.tok_index(a)) if cue.how == "adj" and not cue.light else None
    if head is not None:
        return head, "the actor the definite participle describes" if head else _NOUN_SUBJECT
    if cue.light and cue.verb_reading.verbal:
        # "أعرب نوري محمود عن استعداد وحدات حماية الشعب لـ…": the noun's own genitive
        owned, how = noun_holders(s, cue, pool, previous)
        # an agreement's own parties ("أعلن عن الاتفاق المؤقت بين إيران والأميركيين",
        # "الاتفاق الروسي - الأميركي") are its holders, not whoever announces it
        own = how == "genitive of the noun" or (
            cue.move == "agreement"
            and how.startswith(("parties بين", "nisba of the noun"))
            and cue.verb_reading.lemma not in SIGNING_LEMMAS
        )
        if owned and own:
            return owned, f"{how}, not the light verb's subject"
    if cue.light and not cue.verb_reading.verbal:
        # "تم تقديم مقترح من قبل الحكومة": a light verbal noun's agent phrase
        agent, how = agent_phrase(s, cue, token_after(s, cue.kend), pool)
        if agent is not None:
            return coordinated_actors(s, agent, pool), how
    pool = _subjects(pool)
    word = s.word(s.tok_index(a)) if s.tokens else ""
    # a light verbal noun's genitive is its subject ("توقيع إيران ونظام الأسد اتفاقاً")
    feats = verb_features(cue.verb_reading, word) if cue.verb_reading.verbal else _owner(cue)
    if cue.verb_reading.verbal and not third_person(cue.verb_reading, word):
        # "بصمات إيرانية ونطالب مجلس الأمن": "we" is never a name before the verb, and
        # the noun after it is its object ("ندعو النظام"); every verb past here can be
        # third person
        return [], FIRST_PERSON
    i = s.tok_index(a)
    if i > 0 and bare(s.token_text(i - 1)).lstrip("وف") in _WE and _first_person(cue, word):
        # "ونحن مستعدون للمساهمة", "أنا طالبت قسد بالسيطرة": the speaker holds it, and the
        # actor after the verb is its object
        return [], FIRST_PERSON
    before = bare(s.token_text(i - 1)) if i > 0 else ""
    if before in RELATIVES:
        head = relative_head(s, i, pool)
        resumed = cue.verb_reading.enclitic.endswith("_dobj") or (
            i + 1 < len(s.tokens) and bare(s.token_text(i + 1)) in PRONOUN_PPS
        )
        # "إيران التي تدعوها روسيا إلى": the verb's object pronoun is the head, an actor too;
        # "تل أبيب الذي استخدمت أمريكا الفيتو ضده": a verb that does not agree with the
        # relative pronoun has a subject of its own
        head_object = bool(head) and relative_own_subject(
            s, i, feats, cue.verb_reading.enclitic.endswith("_dobj")
        )
        if (not head and resumed) or head_object:
            # "الاتفاق الذي ضمنته تركيا", "المرة الأولى التي تبدي فيها روسيا استعدادها":
            # a pronoun stands for the head, the subject follows
            subj = subject_after(s, b, pool, feats)
            if subj:
                return subj, "subject after the verb of a relative clause"
        if head_object:
            return [], "the relative's head is not its verb's subject; no subject after it"
        if not head:
            return [], _NON_ACTOR_HEAD
    if _which_before(s, i):
        if not resumes_what(s, i, cue.verb_reading):
            # "، ما يهدد بمواجهة", "مما دفع روسيا إلى": "which", the news just told, is the
            # subject, and an actor after the verb is its object
            return [], "ما (which) is its subject"
        # "وهو ما رفضته دمشق": ما its object, the subject after the verb
        subj = subject_after(s, b, pool, feats)
        return (subj, "subject after the verb, ما its object") if subj else ([], _NO_SUBJECT)
    verbal = cue.how == "verb" or (cue.light is not None and cue.verb_reading.verbal)
    if verbal and _whoever_before(s, i):
        # "يعاقب كل من يخالف أحكامه أو يعارضه": "whoever" is the subject
        return [], "من (whoever) is its subject"
    # "بوتين يطرد دبلوماسيين أمريكيين ويهدد": the noun before a verb with و is the
    # object of the verb before it
    linked = cue.how != "adj" and cue.verb_reading.verbal and joined(s, i, cue.verb_reading)
    linked = linked and not _after_amma(s, i)  # a light verbal noun with و joins no verb
    found, rule = ([], "") if linked else subject_before(s, a, pool, feats, near=True)
    if found or rule == MEDIA_SUBJECT:
        return found, rule
    if rule.startswith("pronoun:"):
        return _pronoun_subject(s, a, pool, previous, rule)
    n, phrase = _numbered_subject(s, a, b)
    if n:
        ms, how = numbered_group(s, a, pool, list(groups), n)
        return (ms, f"«{phrase}» → {how}") if ms else ([], f"«{phrase}» with no {n} actors before")
    sides = two_sides_word(s, b, i)
    if sides:
        ms, how = two_sides_pair(s, a, pool, previous)
        return (ms, f"«{sides}» → {how}") if len(ms) == 2 else ([], f"«{sides}» with no pair")
    order = order_word(s, b, i)
    if order:  # "تهدد فيه الأخيرة", "طلب الأول": the latter, the former
        ms, how = order_antecedent(s, a, order, pool)
        return (ms, f"«{order}» → {how}") if ms else ([], f"«{order}» stands for no actor")
    if cue.how != "adj" and noun_subject_before(s, i):
        # "مشروع قرار يدعو النظام السوري إلى", "بأن غرفة الموك طالبت فصائل المعارضة": the
        # noun before the verb is its subject, the actor after it the one called on
        return [], _NOUN_SUBJECT
    # "طرح فكرة رحيل الأسد": the light verb's noun right after it is its object, and a name
    # inside that object no subject
    object_first = cue.light is not None and subject_start(s, b) == s.tok_index(cue.kstart)
    if cue.how != "adj" and _media_after(s, b):
        # "دعت هيومن رايتس ووتش الجيش إلى …": the monitor calls, the actor after it is called on
        return [], "a newspaper, an agency or a monitor is the subject after the verb"
    if cue.how != "adj" and not object_first:
        subj = subject_after(s, b, pool, feats)
        if subj and linked and _addressed(s, subj[-1], cue):
            # "رحبت تركيا بالاتفاق ودعت روسيا إلى احترامه": the subject goes on, the actor
            # after the joined verb is the one called on
            shared, how = _joined_subject(s, i, pool, feats)
            # a pair goes on with a dual verb: "اتفق الرئيسان الفرنسي والروسي …، ودعا بوتين
            # إلى" is Putin's call
            single = all(num == "s" for _g, num in feats)
            if (
                shared
                and shared[0].actor_id != subj[0].actor_id
                and not (len(shared) > 1 and single)
            ):
                return shared, how
        if subj:
            return subj, "subject after the verb"
    if linked and joined_verbs(s, i):
        return _joined_subject(s, i, pool, feats)
    if cue.how == "verb" and _noun_past_pronoun_pp(s, b):
        # "إذا طلبت منها الأطراف المعنية ذلك": the noun after the pronoun is the subject,
        # not "إنها" before the condition
        return [], "a noun after the verb's preposition with a pronoun is its subject"
    found, rule = subject_before(s, a, pool, feats)
    if found:
        return found, rule
    if rule.startswith("pronoun:"):
        return _pronoun_subject(s, a, pool, previous, rule)
    circumstantial = cue.how == "adj" and not cue.reading.article
    # a participle's noun after it is its object ("داعية جميع الأطراف إلى"), never its subject
    addressed = cue.frame.get("holder") == "circumstantial"
    if addressed:
        # "اعتبرت الخارجية الأمريكية الاتفاق تطورا، داعية الأطراف إلى": the participle's
        # subject is the subject of the verb it follows
        shared, how = _joined_subject(
            s, i, pool, feats, link="circumstantial participle after", outer_only=True
        )
        if shared:
            return shared, how
    if cue.how == "verb" and after_topic(s, i):
        return [], _NO_SUBJECT  # "كوريا الشمالية من جانبها التزمت": the topic is its subject
    if addressed or not overt_subject(s, a, b, feats, cue.kstart if cue.light else -1):
        # an unexpressed subject: "… وقدموا ضمانات" after "الروس دعموا"; the previous
        # sentence only for a sentence-initial verb that continues it ("وعرض عليه …")
        first = s.tok_index(a) <= 1
        if circumstantial:
            # an indefinite participle after a comma is circumstantial ("…، داعيةً إلى")
            pool = outside_content(s, a, pool)
        ms, how = antecedent(s, a, pool, previous if first else [], feats)
        if ms:
            return ms, f"unexpressed subject → {how}"
    return [], _NO_SUBJECT
