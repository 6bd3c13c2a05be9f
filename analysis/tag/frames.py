"""Move cues in a sentence, found by lemma and part of speech (``data/frames.yaml``).

``find_cues(s)`` reads each word of a ``Sent``: its stem (clitics stripped) is looked up
among the cue lemmas' forms (``analysis.tag.forms``); a word found there is analysed with
camel-tools (``analysis.tag.morph``) and its reading chosen by context. A verb, verbal
noun or adjective whose lemma a frame names is a ``Cue``; a light verb (قدّم، أبدى، وضع …)
followed within three words by a frame noun makes one cue of the pair ("قدمت ضمانات" is a
guarantee whose holder is the verb's subject). Each cue records the rule that read it.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.clauses import (
    COMPLEMENTISERS,
    SELF_WORDS,
    Sent,
    bare,
    is_clause_end,
    one_of,
)
from analysis.tag.cue import Cue, drop_embedded
from analysis.tag.cue_words import candidate, own_words
from analysis.tag.forms import known_forms
from analysis.tag.frame_data import (
    frame_index,
    light_gap,
    light_lemmas,
    light_noun_lemmas,
    light_only,
    light_preps,
    light_reach,
    particle_frames,
)
from analysis.tag.frame_rules import blocked
from analysis.tag.matcher import base_forms
from analysis.tag.morph import (
    PREPOSITIONS,
    Reading,
    analyses,
    lemma_key,
    stems,
)
from analysis.tag.nearby import actor_before, named
from analysis.tag.presenting import presenting_verb
from analysis.tag.reading import reading_at, word_at
from analysis.text.normalize import fold

__all__ = ["cue_prefilter", "find_cues"]

_WITHOUT = frozenset({"دون", "بدون", "بلا"})
# "سلطة الموافقة على الميزانية", "صلاحية الاعتراض": a power to make a move, not the move
_POWER = frozenset({"سلطه", "صلاحيه", "صلاحيات", "سلطات", "حق"})
# verbs of denial: "نفت الرياض ممارسة أي ضغوط" denies the move the noun names
_DENIALS = frozenset(
    {"نفي", "نفت", "ينفي", "تنفي", "نفوا", "ينفون", "انكر", "انكرت", "ينكر", "تنكر"}
)
_NOMINAL = {"noun": ("noun", "adj"), "adj": ("adj", "noun"), "verb": ("verb",)}
_WORD = re.compile(r"[^\s«»“”\"'()\[\]،,؛;.:!?؟-]+")
# Words a light verb may have between itself and its noun: "أعرب عن استعداده",
# "توصلوا إلى اتفاق", "قدمت روسيا ضمانات" (a subject of up to three words).
_LIGHT_GAP = 9
_RELATIVE_WORDS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
# How far a light verb with ``reach`` looks for "إلى + noun" past adverbials and commas.
_LIGHT_REACH = 20


class _Prefilter:
    """``search(key)`` is true when a word of a folded sentence may be a frame's word."""

    def search(self, key: str) -> bool:
        # words without their punctuation (as clauses.bare strips it), checked in C
        words = _WORD.findall(key)
        return not own_words().isdisjoint(words) or _particle_pair(words)


@functools.cache
def _particle_pairs() -> frozenset[tuple[str, str]]:
    """(word before, particle) pairs of the particle frames ("ان علي")."""
    return frozenset((w, p) for p, fs in particle_frames().items() for f in fs for w in f["after"])


def _particle_pair(words: list[str]) -> bool:
    if particle_frames().keys().isdisjoint(words):
        return False  # most sentences: no particle at all, checked in C
    pairs = _particle_pairs()
    return any(pair in pairs for pair in itertools.pairwise(words))


def cue_prefilter() -> _Prefilter:
    """What ``analysis.tag.claims.iter_claims`` runs on a folded sentence before reading it."""
    return _Prefilter()


_IMPERFECT_PARTICLES = frozenset({"لم", "ولم", "لن", "ولن", "ان", "بان", "لا", "سوف"})


def _frame_readings(
    readings: list[Reading], prev: str = ""
) -> list[tuple[Reading, dict[str, Any] | None, bool]]:
    """The readings of the chosen category (verb or not) that fill a frame or are a light
    word, best first: (reading, frame, is_light); after لم/لن/أن/لا/سوف an imperfective
    reading first ("لم توافق" is وافق, not توافق)."""
    if not readings:
        return []
    verbal = readings[0].verbal
    if verbal and prev in _IMPERFECT_PARTICLES:
        readings = sorted(readings, key=lambda r: not (r.verbal and r.asp == "i"))
    index = frame_index()
    # a verb lemma the word can only be as a passive or in the second person is not the
    # move's verb: "داعش تدعي" is ادّعى (claims), never تُدعى (is called) or "you call"
    active = {r.lemma for r in readings if r.verbal and r.vox != "p" and r.per != "2"}
    out: list[tuple[Reading, dict[str, Any] | None, bool]] = []
    for r in readings:
        if r.verbal != verbal:
            break
        if r.verbal and r.lemma not in active:
            continue
        for pos in _NOMINAL.get(r.pos, ()) if not r.verbal else ("verb",):
            out.extend((r, frame, False) for frame in index.get((r.lemma, pos), ()))
        light = light_lemmas() if r.verbal else light_noun_lemmas()
        if r.lemma in light:
            out.append((r, None, True))
    return out


def _joined_light_verb(readings: list[Reading], tok: str) -> Reading | None:
    """A perfective light-verb reading with the conjunction و ("وأبدى"; not the root و of
    وضع، وجّه، وقّع) of a word that was read as a noun first."""
    if not readings or readings[0].verbal or not tok.startswith("و"):
        return None
    light = light_lemmas()
    return next(
        (r for r in readings if r.verbal and r.asp == "p" and r.conj == "و" and r.lemma in light),
        None,
    )


def _after_actor(s: Sent, i: int) -> bool:
    """Does an actor (or "بلاده": the speaker's state) stand right before token ``i``, or
    any name before a word with و ("في أنقرة وطالب": a name and an indefinite noun are not
    coordinated, so a new clause begins)?"""
    if i > 0 and bare(s.token_text(i - 1)) in SELF_WORDS:
        return True
    return actor_before(s, i, any_name=bare(s.token_text(i))[:1] == "و")


def find_cues(s: Sent, trace: list[str] | None = None) -> list[Cue]:
    """Every move cue of the sentence, in text order; ``trace`` collects the decisions."""
    out: list[Cue] = []
    used: set[int] = set()
    n = len(s.tokens)
    # a word the mention tagger read as a name is that name: "مصر" is Egypt, not مُصِرّ
    named = {s.tok_index(m.kstart) for m in s.mentions if not m.reason.startswith("nisba")}
    for i in range(n):
        if i in used or i in named or not candidate(bare(s.token_text(i))):
            continue
        readings, rule = reading_at(s, i, _after_actor(s, i))
        word = s.token_text(i)
        light_verb = _joined_light_verb(readings, bare(word))
        if light_verb is not None:
            # "الذي زار أنقرة مؤخرا وأبدى استعدادا": a light verb with و before the noun it
            # carries, though its noun reading (أَبَد، أَظْهَر) came first
            found = _light_noun(s, i, light_verb, "و + a light verb before its noun", used, trace)
            if found:
                out.append(found)
                continue
        options = _frame_readings(readings, bare(s.token_text(i - 1)) if i else "")
        if options and not options[0][0].verbal and _denied(s, i):
            if trace is not None:
                trace.append(f"{word}: a move noun after a verb of denial; no move")
            continue
        if not options and trace is not None:
            top = readings[0] if readings else None
            trace.append(
                f"{word}: read as {top.lemma if top else '?'}/"
                f"{top.pos if top else '?'} ({rule}); no frame"
            )
        for r, frame, light in options:
            if light:
                found = _light_noun(s, i, r, rule, used, trace)
                if found:
                    out.append(found)
                    break
                continue
            why = blocked(s, i, frame, r)
            how = "verb" if r.verbal else ("adj" if frame["pos"] == "adj" else "noun")
            if not why and how == "noun" and bare(s.token_text(i - 1)).lstrip("و") in _WITHOUT:
                why = "after دون (without X's consent is no move of X)"
            if not why and how != "verb" and bare(s.token_text(i - 1)).lstrip("و") in _POWER:
                why = "after a word of power (سلطة الموافقة: the power to approve, no approval)"
            if not why and how == "noun" and frame.get("alone") is False:
                if not _presented(s, i, frame, r):
                    why = "only after a light verb or before a verb that presents it"
                elif trace is not None:
                    trace.append(f"{word}: a verb that presents it follows")
            if why:
                if trace is not None:
                    trace.append(f"{word}: {r.lemma}/{r.pos} frame {frame['id']} skipped: {why}")
                continue
            a, b = _cue_span(s, i, r)
            out.append(Cue(a, b, frame, r, how, rule))
            if trace is not None:
                trace.append(f"{word}: {r.lemma}/{r.pos} ({rule}) → frame {frame['id']}")
            break
    particles = _particle_cues(s, used, trace)
    # "لن نشارك … إلا في حال …", "لن نوقع الاتفاق ما لم …": the pledge's condition is the
    # move, not the refusal its verb would make alone
    pledges = {c.kstart for c in particles if c.frame.get("kind") == "unless"}
    out = [c for c in out if c.verb_span[0] not in pledges and c.kstart not in pledges]
    out.extend(particles)
    return drop_embedded(s, sorted(out, key=lambda c: c.kstart))


_PARTICLE_READING = Reading(lemma="عَلَى", pos="prep")


def _particle_cues(s: Sent, used: set[int], trace: list[str] | None) -> list[Cue]:
    """Cues of the particle frames: "إن على روسيا أن …" (the word after one of ``after``,
    an actor right after it, then أن or a verbal noun)."""
    out: list[Cue] = []
    frames = particle_frames()
    for i in range(1, len(s.tokens) - 2):
        word = s.token_text(i)
        if i in used or bare(word) not in frames or is_clause_end(word):
            continue
        before = bare(s.token_text(i - 1))
        for frame in frames[bare(word)]:
            if before not in frame["after"]:
                continue
            if frame.get("kind") == "unless":
                found = _unless_cue(s, i, frame, trace)
                if found is not None:
                    out.append(found)
                    break
                continue
            actor = next(
                (m for m in s.mentions if m.kstart == s.tokens[i + 1][0] and m.kind in ACTOR_KINDS),
                None,
            )
            if actor is None or not _obligation_follows(s, s.tok_index(actor.kend - 1) + 1):
                continue
            a, b = s.tokens[i]
            out.append(Cue(a, b, frame, _PARTICLE_READING, "particle", f"after {before}"))
            if trace is not None:
                trace.append(f"{before} {word} {actor.surface}: frame {frame['id']}")
            break
    return out


_PLEDGE_NEGATORS = frozenset({"لن", "ولن", "فلن"})
# A negator or complementiser between the pledge and "ما لم" opens the clause it conditions.
_OTHER_CLAUSE = frozenset({"لا", "ولا", "لم", "ولم", "ليس", "ان", "وان", "بان", "فان"})
# What ends the reach back from "ما لم" to the pledge it conditions: another sentence's
# punctuation, a colon before a quotation.
_REACH_STOPS = frozenset(".:;؛!?؟")


def _unless_cue(s: Sent, i: int, frame: dict[str, Any], trace: list[str] | None) -> Cue | None:
    """The verb after لن that the pair ending at token ``i`` ("ما لم", "إلا إذا") makes a
    condition of: "لن تشارك … ما لم تتوقف الغارات"."""
    first = i - 1  # the pair's first word
    if frame["after_that"]:
        first = i - 2
        if first < 0 or bare(s.token_text(first)) not in frame["after_that"]:
            return None
    for j in range(first - 2, max(-1, first - 2 - int(frame.get("reach", 20))), -1):
        raw = s.token_text(j)
        if raw.strip()[-1:] in _REACH_STOPS or raw in ('"', "«", "“"):
            return None
        if bare(raw) in _OTHER_CLAUSE:
            return None  # "لن تطأ أرضها، وأن لا يكون تدخل ما لم …": the nearer clause's
        if bare(raw) not in _PLEDGE_NEGATORS:
            continue
        verbs = [r for r in analyses(word_at(s, j + 1)) if r.verbal and r.asp == "i"]
        if not verbs:
            return None  # "لن" before a noun: no pledge to read
        if any(lemma_key(r.lemma) in frame["not_lemmas"] for r in verbs):
            return None  # "لن يكون …", "لن يتمكن …": a forecast
        # the reading of a move verb first, for the reason: "لن تقبل" is قَبِل, not قَبَّل
        verbs.sort(key=lambda r: (lemma_key(r.lemma), "verb") not in frame_index())
        a, b = _cue_span(s, j + 1, verbs[0])
        pair = f"{bare(s.token_text(first))} … {bare(s.token_text(i))}"
        if trace is not None:
            trace.append(f"{bare(raw)} {s.token_text(j + 1)} … {pair}: frame {frame['id']}")
        return Cue(a, b, frame, verbs[0], "verb", f"لن … {pair}")
    return None


def _obligation_follows(s: Sent, j: int) -> bool:
    """Does أن (within three words) or a noun (right away: the verbal noun of what must be
    done) follow token ``j - 1``: "على روسيا أن توقف", "على روسيا تحمل مسؤولياتها"? Any noun
    reading passes, so "إن على روسيا ديوناً" passes too: rare in news, and the speaker's."""
    for k in range(j, min(j + 3, len(s.tokens))):
        w = bare(s.token_text(k))
        if w in ("ان", "بان"):
            return True
        if (
            k == j
            and w
            and w not in PREPOSITIONS
            and not is_clause_end(s.token_text(k - 1))
            and any(r.pos == "noun" for r in analyses(word_at(s, k)))
        ):
            return True
    return False


def _denied(s: Sent, i: int) -> bool:
    """Does a verb of denial stand right before token ``i``, or before its subject ("نفت
    الرياض ممارسة أي ضغوط", "ونفى ممارسة الضغط")?"""
    for j in range(i - 1, max(-1, i - 4), -1):
        raw = s.token_text(j)
        if is_clause_end(raw):
            return False
        if bare(raw).lstrip("و") in _DENIALS:
            return True
    return False


def _cue_span(s: Sent, i: int, r: Reading) -> tuple[int, int]:
    """Key span of a cue word without و/ف in front (the clause reads them separately)."""
    a, b = s.tokens[i]
    tok = bare(s.key[a:b])
    forms = known_forms()
    split = next((pre for pre, stem, _enc in stems(tok) if stem in forms), "")
    if (r.conj or split[:1] in ("و", "ف")) and tok[:1] in "وف" and len(tok) > 2:
        a += 1
    return a, b


def _light_blocked(s: Sent, j: int, frame: dict[str, Any], reading: Reading) -> bool:
    """Is the frame ruled out for the noun a light verb carries? Only a frame that names
    what must or must not follow it (``needs``, ``requires_after``, ``ruled_out_by``: "أكدت
    رفضها للإرهاب"; ``needs_future``: "جدد تحذيره من استمرار الوجود" warns of no act of its
    own), what must stand near it (``requires_near``: "ووضع دستور جديد وإجراء انتخابات
    تحت إشراف" supervises no truce), the words around it (``not_after``: "أعلنت الدول
    الضامنة" names the guarantors; ``not_before``: "وضع خطة للهجوم" is no offer) or its
    number (``singular``) is checked there, then by
    every condition of ``frame_rules.blocked``; the others are taken as the light verb
    reads them."""
    keys = (
        *("needs", "requires_after", "requires_near", "ruled_out_by", "singular"),
        *("needs_future", "not_after", "not_before"),
    )
    if not any(frame.get(k) for k in keys):
        return False
    return bool(blocked(s, j, frame, reading))


def _after(frame: dict[str, Any], verb: Reading) -> bool:
    """May this light verb carry the frame (``after_light``: only these verbs may)? A
    circumstantial participle is never a light verb's object ("أسلحة قدمتها إيران، مشددة
    على ضرورة …")."""
    if frame.get("holder") == "circumstantial":
        return False
    allowed = frame.get("after_light")
    return not allowed or verb.lemma in {lemma_key(str(v)) for v in allowed}


def _presented(s: Sent, i: int, frame: dict[str, Any], noun: Reading) -> bool:
    """Does a verb that may carry the frame present the noun ``i`` after it, as a light
    verb would before it ("تهديدات أطلقها نتنياهو", "الشروط التي وضعتها دمشق")?"""
    found = presenting_verb(s, i + 1)
    if found is None or not _after(frame, found[1]):
        return False
    only = light_only().get(found[1].lemma)
    return only is None or noun.lemma in only


def _set_off_relatives(s: Sent, i: int, limit: int) -> set[int]:
    """Tokens after ``i`` (up to ``limit``) in relative clauses set off by commas
    ("وأبدت المعارضة، والتي تعتمد على …، رفضاً"), commas included."""
    out: set[int] = set()
    k = i + 1
    while k < min(limit, len(s.tokens)):
        if bare(s.token_text(k)).removeprefix("و") in _RELATIVE_WORDS and is_clause_end(
            s.token_text(k - 1)
        ):
            while k < len(s.tokens) - 1 and not is_clause_end(s.token_text(k)):
                out.add(k)
                k += 1
            out.add(k)
        k += 1
    return out


def _subject_between(s: Sent, i: int, j: int, skip: set[int]) -> bool:
    """Is everything between the light verb ``i`` and the comma before ``j`` one actor's
    name, with an adjective after it (its subject, set off by a comma: "أكد الرئيس بشار
    الأسد، استعداده", "أبدت المعارضة الرئيسية، …"), besides relative clauses ``skip``?"""
    words = [k for k in range(i + 1, j) if k not in skip and bare(s.token_text(k))]
    spans = [(m.kstart, m.kend) for m in s.mentions if m.kind in ACTOR_KINDS]

    def named(k: int) -> bool:
        return any(a <= s.tokens[k][0] and s.tokens[k][1] <= b + 1 for a, b in spans)

    last_adj = len(words) > 1 and bare(s.token_text(words[-1])).startswith("ال")
    if last_adj and not named(words[-1]) and named(words[-2]):
        words = words[:-1]  # "المعارضة السورية الرئيسية"
    return bool(words) and all(named(k) for k in words)


def _after_reach(s: Sent, j: int, preps: tuple[str, ...]) -> bool:
    """Does token ``j`` stand after one of ``preps``, as the word before it or attached
    to it ("إلى اتفاق", "لاتفاق")?"""
    prev = bare(s.token_text(j - 1)) if j > 0 else ""
    tok = bare(s.token_text(j))
    return prev in preps or any(len(p) == 1 and tok.startswith(p) for p in preps)


_ABOUT = frozenset(fold(w) for w in ("حول", "بشأن", "إزاء", "تجاه", "حيال", "بخصوص"))
# "أعلنت فشل الصفقة", "جدد إعلان انتهاء الهدنة": the move noun is the genitive of its end
_ENDED = frozenset(
    fold(w)
    for w in (
        *("فشل", "انهيار", "سقوط", "نهاية", "انتهاء", "تعثر", "إلغاء", "تجميد", "تعليق"),
        *("خرق", "خروقات", "انتهاك", "انتهاكات", "موت", "وفاة", "نعي"),
    )
)


# "لتنفيذ اتفاق تموز", "بنود الاتفاق": a move noun as the genitive of what carries it out
_CARRIED_OUT = frozenset(fold(w) for w in ("تنفيذ", "التنفيذ", "تطبيق", "بنود", "بند"))


def _ended(tok: str) -> bool:
    """Is the folded token one of ``_ENDED``, with و and then ب before it or not? One
    clitic each: "وفاة" begins with و itself ("بوفاة", "وبانهيار")."""
    rest = tok.removeprefix("و")
    return one_of(tok, _ENDED) or (rest[:1] == "ب" and rest[1:] in _ENDED)


def _light_noun(
    s: Sent, i: int, verb: Reading, rule: str, used: set[int], trace: list[str] | None
) -> Cue | None:
    """The frame noun a light verb governs, within a few words after it."""
    index = frame_index()
    only = light_only().get(verb.lemma)
    prep = light_preps().get(verb.lemma, "")
    reach = light_reach().get(verb.lemma, ()) if verb.verbal else ()
    gap = light_gap().get(verb.lemma, _LIGHT_REACH) if verb.verbal else _LIGHT_REACH
    loose = 0  # the words outside actor names passed on the way to the noun
    far = False  # past the near window or a comma: only a noun after ``reach`` counts
    width = _LIGHT_REACH if reach else _LIGHT_GAP
    skip = _set_off_relatives(s, i, i + 1 + width)
    for j in range(i + 1, min(i + 1 + width + len(skip), len(s.tokens))):
        if j in skip:
            continue
        raw = s.token_text(j)
        if is_clause_end(s.token_text(j - 1)) and j > i + 1 and not _subject_between(s, i, j, skip):
            if not reach or s.token_text(j - 1).rstrip()[-1:] not in ",،":
                break
            far = True
        far = far or j > i + _LIGHT_GAP + len([k for k in skip if k < j])
        if bare(raw) in COMPLEMENTISERS or (bare(raw) in _RELATIVE_WORDS and not named(s, j - 1)):
            break  # "أكد أنه تم الاتفاق", "منح الجوائز التي وعد بها": another clause's noun
        if bare(s.token_text(j - 1)) in _ABOUT:
            continue  # "يعلن قراره حول الاتفاق": what the object is about, not the object
        if _ended(bare(s.token_text(j - 1))):
            continue  # "أعلنت طهران فشل الصفقة": the deal's end is announced, no deal made
        if not _CARRIED_OUT.isdisjoint(base_forms(bare(s.token_text(j - 1)))):
            continue  # "وقعت في عمان لتنفيذ اتفاق تموز": a deal made before, carried out
        loose += 0 if named(s, j) else 1
        if loose > gap + 1:
            break  # "لا نعتزم عمل ذلك دون موافقتكم": another object first
        if not candidate(bare(raw)) or not bare(raw).lstrip("وف").startswith(prep):
            continue
        if far and not _after_reach(s, j, reach):
            continue
        for r in sorted(analyses(word_at(s, j)), key=lambda r: r.pos != "noun"):
            if r.verbal or (only is not None and r.lemma not in only):
                continue
            frames = index.get((r.lemma, "noun")) or index.get((r.lemma, "adj")) or ()
            frame = next(
                (f for f in frames if _after(f, verb) and not _light_blocked(s, j, f, r)), None
            )
            if frame is None and any(
                _after(f, verb) and blocked(s, j, f, r).startswith(("not before", "not after"))
                for f in frames
            ):
                return None  # "تقديم مشروع قانون يضع شروطا": the object is a bill, no move
            if frame is None:
                continue
            used.add(j)
            a, b = _cue_span(s, j, r)
            la, lb = _cue_span(s, i, verb)
            kind = "light verb" if verb.verbal else "light noun"
            if trace is not None:
                trace.append(
                    f"{s.token_text(i)} … {raw}: {kind} {verb.lemma} + {r.lemma}"
                    f" → frame {frame['id']}"
                )
            return Cue(a, b, frame, r, "light", f"{kind} {verb.lemma} ({rule})", (la, lb), verb)
    return None
