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
import re
from typing import Any

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import TITLES
from analysis.tag.clauses import (
    COMPLEMENTISERS,
    SELF_WORDS,
    Sent,
    bare,
    is_clause_end,
    one_of,
    words_after,
)
from analysis.tag.cue import Cue, drop_embedded
from analysis.tag.cues import negators
from analysis.tag.forms import known_forms
from analysis.tag.frame_data import (
    frame_index,
    light_lemmas,
    light_noun_lemmas,
    light_only,
    light_preps,
    light_reach,
)
from analysis.tag.morph import (
    PREPOSITIONS,
    Reading,
    analyses,
    choose,
    lemma_key,
    stems,
    surfaces,
)
from analysis.tag.nearby import actor_before, named, within
from analysis.text.normalize import fold, strip_marks

__all__ = ["cue_prefilter", "find_cues", "reading_at", "word_at"]

_WITHOUT = frozenset({"دون", "بدون", "بلا"})
# verbs of denial: "نفت الرياض ممارسة أي ضغوط" denies the move the noun names
_DENIALS = frozenset(
    {"نفي", "نفت", "ينفي", "تنفي", "نفوا", "ينفون", "انكر", "انكرت", "ينكر", "تنكر"}
)
# pronouns a preposition may carry ("عليها", "منهم")
_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم"})
_NOMINAL = {"noun": ("noun", "adj"), "adj": ("adj", "noun"), "verb": ("verb",)}
_WORD = re.compile(r"[^\s«»“”\"'()\[\]،,؛;.:!?؟-]+")
# Words a light verb may have between itself and its noun: "أعرب عن استعداده",
# "توصلوا إلى اتفاق", "قدمت روسيا ضمانات" (a subject of up to three words).
_LIGHT_GAP = 9
_RELATIVE_WORDS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
# How far a light verb with ``reach`` looks for "إلى + noun" past adverbials and commas.
_LIGHT_REACH = 20


@functools.cache
def _surface_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Every token that is a form of a cue lemma with its clitics, and those of a frame's
    own lemma (not only a light word's, and not a bare preposition: قبل، ضمن), built once."""
    frames = frame_index()
    every: set[str] = set()
    own: set[str] = set()
    for form, pairs in known_forms().items():
        words = surfaces(form)
        every |= words
        # a lemma may be a light verb and a frame's own (طرح: "طرح خطة", "طرحها على")
        if any((lemma_key(lemma), pos) in frames for lemma, pos in pairs):
            own |= words
    return frozenset(every), frozenset(own - PREPOSITIONS)


def candidate(token: str) -> bool:
    """Could this folded token be a form of a cue lemma (any clitics stripped)?"""
    return token in _surface_sets()[0]


def frame_candidate(token: str) -> bool:
    """Could this folded token be a form of a frame's own lemma (not only a light verb's:
    "أكد" or "قام" alone make no move; a bare preposition قبل، ضمن is read only where the
    sentence has another cue word)?"""
    return token in _surface_sets()[1]


class _Prefilter:
    """``search(key)`` is true when a word of a folded sentence may be a frame's word."""

    def search(self, key: str) -> bool:
        # words without their punctuation (as clauses.bare strips it), checked in C
        return not _surface_sets()[1].isdisjoint(_WORD.findall(key))


def cue_prefilter() -> _Prefilter:
    """What ``analysis.tag.claims.iter_claims`` runs on a folded sentence before reading it."""
    return _Prefilter()


def word_at(s: Sent, i: int) -> str:
    """The original spelling of token ``i`` for the analyser (no marks, no punctuation)."""
    return strip_marks(s.word(i))


def reading_at(s: Sent, i: int, after_actor: bool = False) -> tuple[list[Reading], str]:
    """Token ``i``'s readings, best first by its neighbours (``morph.choose``), and the rule."""
    raw_prev = s.token_text(i - 1) if i > 0 else ""
    prev = bare(raw_prev)
    nxt = bare(s.token_text(i + 1)) if i + 1 < len(s.tokens) else ""
    return choose(
        analyses(word_at(s, i)),
        prev=prev,
        nxt=nxt,
        clause_start=i == 0 or is_clause_end(raw_prev),
        after_actor=after_actor,
        token=bare(s.token_text(i)),
    )


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
    out: list[tuple[Reading, dict[str, Any] | None, bool]] = []
    for r in readings:
        if r.verbal != verbal:
            break
        for pos in _NOMINAL.get(r.pos, ()) if not r.verbal else ("verb",):
            out.extend((r, frame, False) for frame in index.get((r.lemma, pos), ()))
        light = light_lemmas() if r.verbal else light_noun_lemmas()
        if r.lemma in light:
            out.append((r, None, True))
    return out


def _follows(s: Sent, i: int, preps: list[str], reach: int = 1) -> bool:
    """Is one of the ``reach`` words after token ``i`` (or its attached clitic) one of
    ``preps``? A verb's preposition comes after its subject ("تمسكت المعارضة بـ"), a
    noun's after its genitive ("تمسك المعارضة بـ"), an adjective's right after it."""
    folded = [fold(p) for p in preps]
    for j in words_after(s, i, reach):
        nxt = bare(s.token_text(j))
        for p in folded:
            if nxt == p or (len(p) == 1 and nxt.startswith(p) and len(nxt) > 2):
                return True
            if nxt.startswith(p) and nxt[len(p) :] in _SUFFIXES:
                return True  # "تتحفظ روسيا عليها": the preposition with a pronoun
        if is_clause_end(s.token_text(j)):
            break
    return False


def _blocked(s: Sent, i: int, frame: dict[str, Any], reading: Reading | None = None) -> str:
    """Why a frame does not apply here ("" when it does)."""
    rest = " ".join(bare(s.token_text(j)) for j in range(i + 1, min(i + 3, len(s.tokens))))
    for w in frame.get("not_before", []):
        w = fold(str(w))
        if rest == w or rest.startswith(w + " "):
            return f"not before «{w}»"
    nxt = bare(s.token_text(i + 1)) if i + 1 < len(s.tokens) else ""
    for p in frame.get("not_before_clitic", []):
        if nxt.startswith(fold(p)) and not nxt.startswith("ال") and len(nxt) > 2:
            return f"not before {p}+word"
    if frame.get("singular") and reading is not None and reading.num == "p":
        return "plural: another sense (استعدادات are preparations)"
    if frame.get("aspect") and reading is not None and reading.asp not in frame["aspect"]:
        return f"aspect {reading.asp} not {'/'.join(frame['aspect'])}"
    reach = int(frame.get("needs_within", {"verb": 6, "noun": 2}.get(str(frame["pos"]), 1)))
    if frame.get("needs") and not _follows(s, i, frame["needs"], reach):
        return f"needs {'/'.join(frame['needs'])} after it"
    # the verb's own subject after it does not count ("ورفض وزير الخارجية السعودي عادل
    # الجبير الاتهامات")
    past = _past_subject(s, i) if reading is not None and reading.verbal else i
    out = frame.get("ruled_out_by")
    if out and within(s, past, out, int(frame.get("ruled_out_within", 4))) >= 0:
        return "ruled out by " + "/".join(out[:3]) + " …"
    people = frame.get("not_addressed_to")
    whom = _addressee_word(s, past, people) if people else ""
    if whom:
        return f"addressed to «{whom}»: an appeal to a population, no move"
    ahead = range(i + 1, min(i + 1 + int(frame.get("needs_future", 0)), len(s.tokens)))
    if frame.get("needs_future") and not any(_future_verb(s, j) for j in ahead):
        return "needs a future verb after it"
    if frame.get("predicate") and _attribute(s, i):
        return "an attribute of the indefinite noun before it, not a predicate"
    at = i
    for key, window, default in _REQUIRED:
        need = frame.get(key)
        if need:
            # the second set follows the first: "اعتبر الاتفاق إنجازاً", not "… خرقاً للهدنة"
            start, at = at, within(s, at, need, int(frame.get(window, default)))
            if at < 0:
                return "requires " + "/".join(need)
            if frame.get("requires_in_clause") and any(
                is_clause_end(s.token_text(j)) for j in range(start + 1, at)
            ):
                # "تركيا التي تدعم المعارضة ، لمؤتمر": the object stands in the verb's clause
                return "requires " + need[0] + "… in its clause"
    return ""


def _past_subject(s: Sent, i: int) -> int:
    """The last token of the actor phrase right after the verb at token ``i`` (its subject
    in verb-subject order: titles and names), or ``i`` when none follows."""
    j = i + 1
    while j < len(s.tokens) and (named(s, j) or one_of(bare(s.token_text(j)), TITLES)):
        if is_clause_end(s.token_text(j)):
            return j if named(s, j) else j - 1
        j += 1
    return j - 1 if named(s, j - 1) else i


# Indefinite nouns after which an adjective is still the predicate ("يعتبره أمراً مرفوضاً")
_PREDICATE_NOUNS = frozenset({"امر", "امرا", "شيء", "شيئا"})


def _attribute(s: Sent, i: int) -> bool:
    """Is the adjective at token ``i`` (after غير/ليس) an attribute of an indefinite noun
    right before it ("بتدخل مرفوض", "فرضت وضعاً غير مقبول") rather than a predicate ("إن
    المقترح مرفوض", "البيان " مرفوض ""), or modifying an adverbial noun ("بشكل غير مقبول")?"""
    j = i - 1
    if j >= 0 and bare(s.token_text(j)) in negators():
        j -= 1
    if j < 0 or is_clause_end(s.token_text(j)):
        return False
    word = bare(s.token_text(j))
    if not word or not word[0].isalpha() or word in _PREDICATE_NOUNS:
        return False
    if named(s, j):
        return False  # a name is definite ("… في سوريا غير مقبول")
    readings, _rule = reading_at(s, j)
    first = readings[0] if readings else None
    return (
        first is not None
        and first.pos in _INDEFINITE_NOUN_POS
        and not first.article
        and first.enclitic in ("0", "na")
    )


_INDEFINITE_NOUN_POS = frozenset({"noun", "adj", "noun_quant"})


# what ends the search for the addressee: a preposition opens the thing asked
_ASKED = frozenset(fold(w) for w in ("إلى", "على", "من", "في", "عن", "ب", "ل"))


def _addressee_word(s: Sent, i: int, people: list[str]) -> str:
    """The word of ``people`` the verb at token ``i`` addresses: among the four words after
    it (and after a subject that names no actor), before any preposition; else ``""``."""
    wanted = {fold(str(w)) for w in people}
    seen = 0
    for j in range(i + 1, len(s.tokens)):
        w = bare(s.token_text(j)).removeprefix("و")
        if not w or w in ",،":
            continue  # "دعت السعودية، اليوم الخميس، مواطنيها"
        if w in wanted:
            return w
        seen += 1
        if seen >= 4 or w in _ASKED or w.startswith(("الى", "لل", "بال")):
            return ""
    return ""


def _future_verb(s: Sent, j: int) -> bool:
    """Is token ``j`` a future verb: after سوف/لن, or read with the future سـ?"""
    if j > 0 and bare(s.token_text(j - 1)) in ("سوف", "لن", "ولن"):
        return True
    # only a word that starts with سـ (after و/ف) can carry it: the rest is not analysed;
    # a name is no verb ("سيرغي لافروف" is not سـ + يرغي)
    if not bare(s.token_text(j)).lstrip("وف").startswith("س"):
        return False
    if named(s, j):
        return False
    return any(r.verbal and r.future for r in analyses(word_at(s, j)))


# frame keys of words that must follow: (words, window key, default window)
_REQUIRED = (("requires_after", "within", 25), ("requires_also", "also_within", 8))


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
        options = _frame_readings(readings, bare(s.token_text(i - 1)) if i else "")
        word = s.token_text(i)
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
            why = _blocked(s, i, frame, r)
            how = "verb" if r.verbal else ("adj" if frame["pos"] == "adj" else "noun")
            if not why and how == "noun" and bare(s.token_text(i - 1)).lstrip("و") in _WITHOUT:
                why = "after دون (without X's consent is no move of X)"
            if not why and how == "noun" and frame.get("alone") is False:
                why = "only after a light verb"
            if why:
                if trace is not None:
                    trace.append(f"{word}: {r.lemma}/{r.pos} frame {frame['id']} skipped: {why}")
                continue
            a, b = _cue_span(s, i, r)
            out.append(Cue(a, b, frame, r, how, rule))
            if trace is not None:
                trace.append(f"{word}: {r.lemma}/{r.pos} ({rule}) → frame {frame['id']}")
            break
    return drop_embedded(s, sorted(out, key=lambda c: c.kstart))


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
    رفضها للإرهاب") or its number (``singular``) is checked there, then by every condition
    of :func:`_blocked`; the others are taken as the light verb reads them."""
    keys = ("needs", "requires_after", "ruled_out_by", "singular")
    if not any(frame.get(k) for k in keys):
        return False
    return bool(_blocked(s, j, frame, reading))


def _after(frame: dict[str, Any], verb: Reading) -> bool:
    """May this light verb carry the frame (``after_light``: only these verbs may)?"""
    allowed = frame.get("after_light")
    return not allowed or verb.lemma in {lemma_key(str(v)) for v in allowed}


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


def _light_noun(
    s: Sent, i: int, verb: Reading, rule: str, used: set[int], trace: list[str] | None
) -> Cue | None:
    """The frame noun a light verb governs, within a few words after it."""
    index = frame_index()
    only = light_only().get(verb.lemma)
    prep = light_preps().get(verb.lemma, "")
    reach = light_reach().get(verb.lemma, ()) if verb.verbal else ()
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
        if bare(raw) in COMPLEMENTISERS:
            break  # "أكد أنه تم الاتفاق": the noun is in the content clause, not the object
        if bare(s.token_text(j - 1)) in _ABOUT:
            continue  # "يعلن قراره حول الاتفاق": what the object is about, not the object
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
