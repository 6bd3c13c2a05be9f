"""Who holds a stance or makes a move (the cue's explicit subject, else the speaker).

``explicit_subject`` reads the actor mentions that are a cue's own subject (right before a
verb, or the noun phrase after it, with mentions coordinated by و); ``speaker_holder``
turns the sentence's speaker (an attribution row) into a holder; ``self_reference`` finds
"بلاده/حكومتنا" (the speaker's own state). ``stance_holders`` puts these together for an
attitude cue (``analysis.tag.stance``), ``speaker_fallback`` for a move cue with no subject
and ``coordinated_verb`` for a verb joined to the previous one (``analysis.tag.positions``);
``speaker_pronoun`` for a pronoun subject right after the speaker's verb ("وقالت إنها …").
The party a move addresses is ``analysis.tag.counterparts``.
"""

from __future__ import annotations

from typing import Any

from analysis.tag.actors import ACTOR_KINDS, affiliation_of
from analysis.tag.agreement import (
    MASC_HEADS,
    RELATIVES,
    TITLES,
    agrees,
    mention_agreement,
    nisba_names_actor,
    note_heads,
    plural_word,
    verb_features,
)
from analysis.tag.antecedents import relative_head, relative_own_subject
from analysis.tag.claims import OUTLET, REPORTS, UNLISTED, UNNAMED
from analysis.tag.clauses import (
    SELF_WORDS,
    Mention,
    Sent,
    bare,
    coordinated,
    one_of,
    subject_np,
    token_after,
)
from analysis.tag.cues import nominal_forms
from analysis.tag.issues import IssueHit
from analysis.tag.morph import PREPOSITIONS, Reading, analyses
from analysis.tag.objects import after_prep, lookback_mentions
from analysis.tag.overt import PRONOUN_PPS, SUBJECT_PARTICLES, overt_subject
from analysis.tag.reading import word_at
from analysis.text.normalize import fold


def explicit_subject(
    s: Sent,
    kstart: int,
    kend: int,
    *,
    issues: list[IssueHit],
    verbal: bool = True,
    before: bool = True,
) -> list[Mention]:
    """Mentions that are the cue's own subject: right after a verb, or just before it
    (not with ``before=False``: a verb joined by و has no subject before it)."""
    spans = [(h.kstart, h.kend) for h in issues]
    actors = [m for m in s.mentions if m.kind in ACTOR_KINDS or not m.kind]
    if verbal:
        # SVO first: "دمشق رفضت عرضاً أمريكياً" — a subject right before the verb wins over
        # a nisba in the object after it.
        near = [
            m
            for m in lookback_mentions(s, kstart, max_tokens=2, exclude=spans)
            if (m.kind in ACTOR_KINDS or not m.kind) and before
        ]
        if near:
            return _with_coordinated(s, near)
        a, b = subject_np(s, kend, max_tokens=9)
        ms = [
            m for m in actors if a <= m.kstart < b and not any(x <= m.kstart < y for x, y in spans)
        ]
        # a bare nisba far into the phrase modifies some other noun ("الخطاب الطائفي الإيراني")
        ms = [
            m
            for m in ms
            if not m.reason.startswith("nisba")
            or len(s.key[a : m.kstart].split()) <= 1
            or _person_follows(s, m, ms)
        ]
        if ms and _np_starts_with(s, a, ms[0]):
            head = ms[0]
            # "رئيس مكتب الأمن الوطني السوري علي مملوك": the adjacent name is the subject
            for m in ms[1:]:
                if m.kind == "person" and not s.key[head.kend : m.kstart].strip():
                    head = m
                    break
            return coordinated(s, head, b)
    lookback = [
        m
        for m in lookback_mentions(s, kstart, max_tokens=5, exclude=spans)
        if (m.kind in ACTOR_KINDS or not m.kind) and before
    ]
    return _with_coordinated(s, lookback) if lookback else []


def _with_coordinated(s: Sent, before: list[Mention]) -> list[Mention]:
    """The nearest mention before a cue plus those joined to it by و, leftwards."""
    group = [before[0]]
    for m in before[1:]:
        if s.key[m.kend : group[-1].kstart].strip() == "و":
            group.append(m)
    return sorted(group, key=lambda m: m.kstart)


def _person_follows(s: Sent, m: Mention, ms: list[Mention]) -> bool:
    """ "السوري علي مملوك": a nisba right before a person's name belongs to the title."""
    return any(
        p.kind == "person" and p.kstart > m.kstart and not s.key[m.kend : p.kstart].strip()
        for p in ms
    )


def _np_starts_with(s: Sent, np_start: int, m: Mention) -> bool:
    """Is the mention within the first words of the NP (titles like "وزير الخارجية" allowed)?"""
    gap = s.key[np_start : m.kstart].split()
    if len(gap) > 4 or after_prep(s, m):
        return False
    return not any(bare(g) in {"علي", "من", "الي", "عن", "مع", "في", "ب", "ل"} for g in gap)


def self_reference(s: Sent, kstart: int) -> bool:
    """ "بلاده/حكومتنا" just before the cue: the speaker's own state."""
    i = s.tok_index(kstart)
    return any(bare(s.token_text(j)) in SELF_WORDS for j in range(max(0, i - 3), i))


def speaker_holder(att: dict[str, Any] | None, kstart: int) -> list[tuple[str, str]]:
    """The sentence's speaker as holder, an actor only: an unnamed source ("مصادر
    دبلوماسية", "مسؤول أمني كردي") holds no move of his own (only "بلاده" in his words
    names his state: ``_own_state``)."""
    if (
        not att
        or att["speaker_id"] in {OUTLET, REPORTS}
        or att["speaker_kind"] in {"source", "media", "place", OUTLET, REPORTS, UNNAMED, UNLISTED}
    ):
        return []
    return [(str(att["speaker_id"]), str(att["speaker_surface"]))]


def _self_span(s: Sent, kstart: int) -> tuple[int, int]:
    """Key span of "بلاده/حكومتنا" among the three tokens before ``kstart`` (empty if none)."""
    i = s.tok_index(kstart)
    for j in range(max(0, i - 3), i):
        if bare(s.token_text(j)) in SELF_WORDS:
            return s.tokens[j]
    return kstart, kstart


def stance_holders(
    s: Sent,
    a: int,
    b: int,
    cat: str,
    form: str,
    issues: list[IssueHit],
    att: dict[str, Any] | None,
    speaker_cue: int,
) -> list[tuple[str, str]]:
    """Who holds the attitude: its explicit subject, else the speaker of the sentence."""
    verbal = bool(form) and fold(form).lstrip("وف") not in nominal_forms()
    i = s.tok_index(a)
    if verbal and i > 0 and one_of(bare(s.token_text(i - 1)), PREPOSITIONS):
        verbal = False  # "بعد رفض شروط واشنطن": a verbal noun, its genitive no subject
    # actors before a verb joined by و end the clause before it ("وحلفائها الروس وندد")
    ta = s.tokens[i][0] if i < len(s.tokens) else a
    joined = verbal and s.key[ta:a] in ("و", "ف")
    head = _relative_head(s, i, issues) if verbal else []
    if head:
        return [(m.actor_id, m.surface) for m in head]
    subj = explicit_subject(s, a, b, issues=issues, verbal=verbal, before=not joined)
    if subj:
        return [(m.actor_id, m.surface) for m in subj]
    if self_reference(s, a):
        return _own_state(s, a, att)
    holders = speaker_holder(att, a)
    if holders and _in_speakers_words(s, a, b, att, speaker_cue):
        return holders
    return []


def _relative_head(s: Sent, i: int, issues: list[IssueHit]) -> list[Mention]:
    """The actor heading the relative clause whose verb is token ``i`` ("لروسيا التي تسعى
    إلى الحل السياسي"), when the verb carries no pronoun of it ("إيران التي تدعمها روسيا":
    the subject follows)."""
    if i < 1 or bare(s.token_text(i - 1)) not in RELATIVES:
        return []
    spans = [(h.kstart, h.kend) for h in issues]
    note_heads(s)
    pool = [
        m
        for m in s.mentions
        if m.kind in ACTOR_KINDS
        and nisba_names_actor(m)
        and not any(x <= m.kstart < y for x, y in spans)
    ]
    head = relative_head(s, i, pool)
    readings = [r for r in analyses(word_at(s, i)) if r.verbal]
    feats = {(r.gen, r.num) for r in readings if r.per in ("3", "na")}
    resumed = any(r.enclitic.endswith("_dobj") for r in readings)
    pp_after = i + 1 < len(s.tokens) and bare(s.token_text(i + 1)) in PRONOUN_PPS
    if head and (relative_own_subject(s, i, feats, resumed) or pp_after):
        return []  # "المؤتمر الذي تدعو إليه روسيا": the subject follows
    return head


def _in_speakers_words(
    s: Sent, a: int, b: int, att: dict[str, Any] | None, speaker_cue: int
) -> bool:
    """Does the cue at ``[a, b)`` stand in the speaker's words: in a quotation, after the
    speaker's cue, or in a passage carried over from the sentence before?"""
    a_doc = s.doc_span(a, max(b, a + 1))[0]
    spans = (att or {}).get("quote_spans")
    # a list in process; an array of pairs when the attribution was read back from Parquet
    spans = [] if spans is None else spans
    in_quote = any(q0 <= a_doc < q1 for q0, q1 in spans)
    return 0 <= speaker_cue < a_doc or in_quote or bool(att and att.get("carried_over"))


def _own_state(s: Sent, a: int, att: dict[str, Any] | None) -> list[tuple[str, str]]:
    """ "بلاده": the speaker's state; an unnamed speaker's from his affiliation ("السفير
    الروسي … إن بلاده ستعارضه"), none when he has none."""
    if att and att.get("speaker_kind") == UNNAMED:
        org = str(att.get("speaker_affiliation") or "")
        state = (affiliation_of(org, level="state") or org) if org else ""
        return [(state, s.surface(*_self_span(s, a)))] if state else []
    holders = speaker_holder(att, a)
    if not holders:
        return []
    sid = holders[0][0]
    return [(affiliation_of(sid, level="state") or sid, s.surface(*_self_span(s, a)))]


def speaker_fallback(
    s: Sent, a: int, b: int, att: dict[str, Any] | None, speaker_cue: int
) -> list[tuple[str, str]]:
    """The sentence's speaker as the holder of a verb with no subject of its own, when the
    verb stands in the reported content ("وأضاف أنه رفض …", "بلاده رفضت …")."""
    if self_reference(s, a):
        return _own_state(s, a, att)
    holders = speaker_holder(att, a)
    a_doc = s.doc_span(a, b)[0]
    # pronoun-drop verb right after the speaker's cue ("وأضاف أنه رفض …") or sentence-
    # initial ("ورفض العرض") in a carried-over passage
    in_content = 0 <= speaker_cue < a_doc or (att and att.get("carried_over"))
    if holders and in_content and _pronoun_subject(s, a, speaker_cue):
        return holders
    return []


# a complementiser with the pronoun that is the verb's subject ("أنها تدعو")
_PRONOUN_THAT = frozenset(
    {"انه", "انها", "بانه", "بانها", "انهم", "بانهم", "انهما", "بانهما", "لانه", "لانها"}
)


def own_subject(
    s: Sent,
    span: tuple[int, int],
    reading: Reading,
    word: str,
    speaker: str,
    noun_at: int = -1,
) -> bool:
    """Has the verb at key ``span`` a noun phrase of its own for subject
    (``overt.overt_subject``), so that the speaker does not hold it ("ويطالب الكثير من
    الزعماء …")? Not when that noun names the speaker again ("ودعت الوزارة" after the
    ministry), after a complementiser with its pronoun ("أنها تدعو جميع المسلحين"), or for a
    plural in -ين right after a singular verb: its object ("ودعا المعارضين إلى")."""
    a, b = span
    if not reading.verbal:
        return False
    feats = verb_features(reading, word)
    if not overt_subject(s, a, b, feats, noun_at):
        return False
    j = token_after(s, b)
    after = bare(s.token_text(j)).removeprefix("و") if j < len(s.tokens) else ""
    i = s.tok_index(a)
    before = bare(s.token_text(i - 1)).removeprefix("و") if i > 0 else ""
    singular = not any(n in ("p", "d") for _g, n in feats)
    plural_object = after.endswith("ين") and singular and plural_word(after, or_dual=True)
    if before in _PRONOUN_THAT or plural_object:
        return False
    # a word of the speaker's own name, not a title any subject may carry ("رئيس")
    own_name = {
        w for w in fold(speaker).split() if not one_of(w, TITLES) and not one_of(w, MASC_HEADS)
    }
    return not ({after, before} & own_name)


def first_person_speaker(
    s: Sent, a: int, b: int, att: dict[str, Any] | None, speaker_cue: int
) -> list[tuple[str, str]]:
    """The speaker as the holder of a first-person verb he is quoted saying ("قال ليبرمان:
    «لن نسمح …»", "وأضاف: «ونطالبه بـ…»"): in a quotation or after the speaker's cue."""
    colon = _colon_actor(s, a)
    # the sentence's own speaker's cue before the colon ("وقال دي ميستورا بعد اجتماعه مع
    # وفد المعارضة :") makes the colon his
    if colon is not None and speaker_cue < s.start:
        return [(colon[0].actor_id, colon[0].surface)]
    holders = speaker_holder(att, a)
    if holders and _in_speakers_words(s, a, b, att, speaker_cue):
        return holders
    return []


def _colon_actor(s: Sent, kpos: int) -> tuple[Mention, int] | None:
    """The actor named right before the last colon before key position ``kpos`` (a
    parenthesis may come between), not after a preposition, and the colon's key position:
    "وحدات حماية الشعب : سنرد …", "الخارجية الروسية ( بيان ) : لن نسمح …" speak what follows.
    None when another colon or a clause end stands between that colon and ``kpos``."""
    colon = s.key.rfind(":", 0, kpos)
    if colon < 0 or any(c in s.key[colon + 1 : kpos] for c in ".؛;!?؟"):
        return None
    for m in s.mentions:
        gap = s.key[m.kend : colon].strip()
        placed = m.kend <= colon and m.kind in ACTOR_KINDS and (not gap or _parenthesis(gap))
        if placed and not after_prep(s, m) and not _nisba_of_object(s, m):
            return m, colon
    return None


def _nisba_of_object(s: Sent, m: Mention) -> bool:
    """A nisba on a noun after a preposition: "قال لافروف لنظيره الأمريكي :" is told, not
    speaking."""
    i = s.tok_index(m.kstart)
    if not m.reason.startswith("nisba") or i == 0:
        return False
    head = bare(s.token_text(i - 1))
    return head.startswith(("ل", "ب")) or head in PREPOSITIONS


def _parenthesis(text: str) -> bool:
    return text.startswith("(") and text.endswith(")") and text.count("(") == 1


def coordinated_verb(s: Sent, kpos: int) -> bool:
    """Verb joined to the previous move: "…، وطالبت" or "لكنه عرض"."""
    i = s.tok_index(kpos)
    tok = s.key[s.tokens[i][0] : kpos] if i < len(s.tokens) else ""
    prev = bare(s.token_text(i - 1)) if i > 0 else ""
    return tok in {"و", "ف"} or prev in {"لكنه", "لكنها", "ثم", "كما", "ولكنه", "ولكنها"}


def joined_holder_agrees(s: Sent, reading: Reading, word: str, holder_id: str) -> bool:
    """May the previous move's holder be the subject of this joined verb? Its mention in
    the sentence must agree with the verb in gender ("، ويطالب" after "الولايات المتحدة"
    is some other subject's)."""
    ms = [m for m in s.mentions if m.actor_id == holder_id]
    if not ms or not reading.verbal:
        return True
    return agrees(mention_agreement(ms[-1]), verb_features(reading, word), gender_only=True)


# the pronoun after a speech verb, by its gender and number ("وقالت إنها", "وأضاف أنه")
_SPEAKER_PRONOUNS = {
    **dict.fromkeys(("انه", "بانه"), ("m", "s")),
    **dict.fromkeys(("انها", "بانها"), ("f", "s")),
    **dict.fromkeys(("انهم", "بانهم"), ("m", "p")),
}


def speaker_pronoun(
    s: Sent, kpos: int, att: dict[str, Any] | None, speaker_cue: int
) -> list[tuple[str, str]]:
    """The speaker as the holder of a verb whose subject is the pronoun right after the
    speaker's own verb, in its gender and number ("أما وزارة الدفاع الأميركية فحثت القوات
    العراقية …، وقالت إنها تعارض": she who says it opposes); else ``[]``."""
    i = s.tok_index(kpos)
    while i > 0 and bare(s.token_text(i - 1)) in SUBJECT_PARTICLES:
        i -= 1
    if i < 2 or bare(s.token_text(i - 1)) not in _SPEAKER_PRONOUNS:
        return []
    verb = i - 2
    lo, hi = s.doc_span(*s.tokens[verb])
    if not lo <= speaker_cue < hi:
        return []  # "وقالت": the cue starts past the token's و
    gen, num = _SPEAKER_PRONOUNS[bare(s.token_text(i - 1))]
    readings = [r for r in analyses(word_at(s, verb)) if r.verbal]
    if not readings or readings[0].gen != gen or (readings[0].num == "p") != (num == "p"):
        return []
    return speaker_holder(att, kpos)


def _pronoun_subject(s: Sent, kpos: int, speaker_cue: int) -> bool:
    """No other actor stands between the speaker's cue and this verb."""
    if speaker_cue < 0:
        return coordinated_verb(s, kpos) or s.tok_index(kpos) == 0
    a_doc = s.doc_span(kpos, kpos + 1)[0]
    between = [m for m in s.mentions if speaker_cue < s.doc_span(m.kstart, m.kend)[0] < a_doc]
    i = s.tok_index(kpos)
    prev = bare(s.token_text(i - 1)) if i > 0 else ""
    colon = i > 0 and s.token_text(i - 1).rstrip().endswith(":")
    # "قال إنه رفض" / "وأضاف أن دمشق …": only a bare complementiser (with pronoun) before;
    # "لافروف : اتفقنا": the speaker's colon right before
    return prev in {"انه", "انها", "بانه", "بانها", "انهم"} or (
        not between and (prev in {"ان"} or colon)
    )
