"""Why a frame does not hold at a word: the frame keys of ``data/frames.yaml`` that
restrict where a cue word makes its move (``not_before``, ``needs``, ``ruled_out_by``,
``not_addressed_to``, ``needs_future``, ``predicate``, ``requires_after`` …).

``blocked(s, i, frame, reading)`` returns the reason, or ``""`` when the frame applies.
"""

from __future__ import annotations

from typing import Any

from analysis.tag.agreement import TITLES
from analysis.tag.clauses import (
    COMPLEMENTISERS,
    Sent,
    adverbial_after,
    bare,
    is_clause_end,
    one_of,
    words_after,
)
from analysis.tag.cues import negators
from analysis.tag.morph import PREPOSITIONS, Reading, analyses, lemma_key
from analysis.tag.nearby import around, named, within
from analysis.tag.reading import reading_at, word_at
from analysis.text.normalize import fold

__all__ = ["blocked"]

_PAST_NEGATORS = frozenset({"لم", "ولم", "فلم", "لما", "ولما"})
# pronouns a preposition may carry ("عليها", "منهم")
_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم"})


def _object_noun(s: Sent, i: int, reading: Reading | None) -> bool:
    """Does a noun with its own pronoun take the noun right after it as its object, without
    the preposition ("أعلن استعداده سحب قواته", "استعدادها إقامة مناطق آمنة")? The pronoun
    is its genitive, so the next noun is no genitive of it; an adjective ("استعدادها
    القتالي") or a name is not an object."""
    if reading is None or not reading.enclitic.endswith("_poss") or i + 1 >= len(s.tokens):
        return False
    readings = analyses(word_at(s, i + 1))
    return (
        not named(s, i + 1)
        and any(r.pos == "noun" for r in readings)
        and not any(r.pos == "adj" for r in readings)
    )


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


# a preposition with a pronoun, two letters long: "تعرض له", "تعرضت لي"
_PRONOUN_OBJECTS = frozenset({"له", "لي", "لك", "به", "بي", "بك"})


def blocked(s: Sent, i: int, frame: dict[str, Any], reading: Reading | None = None) -> str:
    """Why a frame does not apply here ("" when it does)."""
    rest = " ".join(bare(s.token_text(j)) for j in range(i + 1, min(i + 3, len(s.tokens))))
    for w in frame.get("not_before", []):
        w = fold(str(w))
        if rest == w or rest.startswith(w + " "):
            return f"not before «{w}»"
    before = bare(s.token_text(i - 1)).removeprefix("و") if i > 0 else ""
    if before and before in {fold(str(w)) for w in frame.get("not_after", [])}:
        return f"not after «{before}»"
    only = frame.get("only_after")
    if only:
        prev = before or (s.token_text(i - 1).strip() if i > 0 else "")
        if prev not in {fold(str(w)) for w in only}:
            return "only after " + "/".join(only)  # "أنه يجب الهجوم", ': " ينبغي رحيل'
    if frame.get("qabl_before_noun") and _before_noun(s, i):
        return "bare قبل before a noun without the article: before"  # "أنه قبل انسحاب القوات"
    # the word right after the verb, or after its subject ("تعرض التنظيم لضغوط")
    past = _past_subject(s, i) if reading is not None and reading.verbal else i
    if frame.get("claim_that") and any(_claim_that(s, k) for k in {i, past}):
        return "insisting that something is so (على أنّ + a noun): a claim"
    for k in {i + 1, past + 1}:
        nxt = bare(s.token_text(k)) if k < len(s.tokens) else ""
        for p in frame.get("not_before_clitic", []):
            # a pronoun counts ("تعرض له"), a negator does not ("لا", "لم", "لن")
            if (
                nxt.startswith(fold(p))
                and not nxt.startswith("ال")
                and (len(nxt) > 2 or nxt in _PRONOUN_OBJECTS)
            ):
                return f"not before {p}+word"
    names = frame.get("names_with")
    if names and reading is not None and reading.enclitic.endswith("_dobj"):
        nxt = bare(s.token_text(i + 1)) if i + 1 < len(s.tokens) else ""
        # "دعاه بالقومية" names; "ندعوهم بأن يعملوا" calls on them
        if nxt.startswith(fold(names)) and not nxt.startswith("بان") and not named(s, i + 1):
            return f"a verb with its object and {names}: it names (دعاه بالقومية)"
    if frame.get("object_pronoun") and not (reading and reading.enclitic.endswith("_dobj")):
        return "needs an object pronoun (اعتبره)"
    endings = tuple(fold(str(e)) for e in frame.get("endings", ()))
    if endings and not bare(s.token_text(i)).endswith(endings):
        return "needs the ending " + "/".join(endings)
    if frame.get("singular") and reading is not None and reading.num == "p":
        return "plural: another sense (استعدادات are preparations)"
    if reading is not None and reading.verbal and _required(s, i):
        return "what a necessity requires (يجب أن، ضرورة أن): not its subject's move"
    aspect = reading.asp if reading is not None else ""
    after_lam = i > 0 and bare(s.token_text(i - 1)) in _PAST_NEGATORS
    if frame.get("jussive_past") and aspect == "i" and after_lam:
        aspect = "p"  # "لم تتفق": the jussive after لم negates the past
    if frame.get("aspect") and reading is not None and aspect not in frame["aspect"]:
        return f"aspect {reading.asp} not {'/'.join(frame['aspect'])}"
    reach = int(frame.get("needs_within", {"verb": 6, "noun": 2}.get(str(frame["pos"]), 1)))
    if (
        frame.get("needs")
        and not _follows(s, i, frame["needs"], reach)
        and not (frame.get("needs_or_object") and _object_noun(s, i, reading))
    ):
        return f"needs {'/'.join(frame['needs'])} after it"
    # the verb's own subject after it does not count ("ورفض وزير الخارجية السعودي عادل
    # الجبير الاتهامات")
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
    # "… ذاهبة إلى جنيف لعقد محادثات مباشرة ومستعدة": with و, a second predicate
    bare_adj = not bare(s.token_text(i)).startswith(("ال", "و"))
    if frame.get("not_attribute") and bare_adj and _attribute(s, i):
        # "شخصيات مستعدة لتقديم تنازلات": the noun is ready, and it names no actor
        return "an attribute of the indefinite noun before it, which holds it"
    near = frame.get("requires_near")
    if near and not around(s, i, near, int(frame.get("near_within", 8))):
        return "requires " + "/".join(near[:3]) + " … around it"
    at = i
    for key, window, default in _REQUIRED:
        need = frame.get(key)
        if need:
            # the second set follows the first: "اعتبر الاتفاق إنجازاً", not "… خرقاً للهدنة"
            start, at = at, within(s, at, need, int(frame.get(window, default)))
            if at < 0:
                return "requires " + "/".join(need)
            if frame.get("requires_in_clause") and not _adverbials_only(s, start, at):
                # "تركيا التي تدعم المعارضة ، لمؤتمر": the object stands in the verb's clause
                return "requires " + need[0] + "… in its clause"
    return ""


def _adverbials_only(s: Sent, start: int, at: int) -> bool:
    """Do only adverbials set off by commas stand between tokens ``start`` and ``at`` ("ثمنا
    عاليا، خلال الاتصال، الاتفاقات", "رحب، في بيان، بالاتفاق"), if any punctuation does?"""
    j = start + 1
    while j < at:
        if is_clause_end(s.token_text(j)):
            past = adverbial_after(s, j)
            if past == j:
                return False
            j = past
            continue
        j += 1
    return True


# verbs of wishing and demanding whose أن-clause states what they want of another
# ("ترغب بأن يلتزم الأسد", "طالبت بأن تنسحب", "اشترطت أن"): lemmas as the analyser gives them
_WISHES = frozenset(lemma_key(w) for w in ("رَغِب", "أَراد", "أَمَل", "طالَب", "اِشْتَرَط", "تَمَنَّى"))
# words of necessity whose أن-clause states what is required (folded)
_NECESSITY = frozenset(
    {"يجب", "ينبغي", "يتعين", "يتوجب", "ضروره", "بضروره", "الضروري", "بد", "لابد"}
)


def _required(s: Sent, i: int) -> bool:
    """Does the verb at token ``i`` follow أن after a word of necessity ("يجب أن تضغط
    موسكو", "إلى ضرورة أن تضغط موسكو", "من الضروري أن") or a verb of wishing ("ترغب بأن
    يلتزم الأسد")? What is required or wanted of an actor is the content of someone's
    demand, not the actor's own move."""
    if i < 2 or bare(s.token_text(i - 1)).lstrip("و") not in ("ان", "بان"):
        return False
    # past "من" ("لا بد من أن") or "على" and the one it binds ("يجب على واشنطن أن")
    for j in range(i - 2, max(-1, i - 7), -1):
        raw = s.token_text(j)
        tok = bare(raw).lstrip("و")
        if tok in _NECESSITY:
            return True
        readings = analyses(word_at(s, j))
        if any(r.verbal and r.lemma in _WISHES for r in readings):
            return True  # "ترغب بأن يلتزم الأسد": what the one who wishes wants of him
        if is_clause_end(raw) or not (tok in ("من", "علي") or named(s, j)):
            return False
    return False


def _before_noun(s: Sent, i: int) -> bool:
    """Is token ``i`` a bare قبل before a noun without the article that names no actor
    ("قبل انسحاب القوات", "قبل بدء المفاوضات")? That is "before"; "accepted" takes its
    subject or its object with the article or بالـ ("قبل الأسد العرض", "قبل بالمقترح")."""
    if bare(s.token_text(i)).lstrip("وف") != "قبل" or i + 1 >= len(s.tokens):
        return False
    nxt = bare(s.token_text(i + 1))
    if not nxt or nxt.startswith(("ال", "بال")) or named(s, i + 1):
        return False
    return nxt[0].isalpha()


def _claim_that(s: Sent, k: int) -> bool:
    """Do "على أنّ" and a noun, or أنّ with a pronoun, follow token ``k`` ("تصر دمشق على أن
    المسألة غير مطروحة"، "على أنهما تستهدفان")? That is a claim; "على أن يقتصر" (أنْ and a
    verb) asks for something."""
    words = [bare(s.token_text(j)) for j in range(k + 1, min(k + 8, len(s.tokens)))]
    if len(words) < 3 or words[0] != "علي" or words[1] not in COMPLEMENTISERS:
        return False
    if any(w in _NECESSITY for w in words[2:]):
        return False  # "على أن الحوار يجب أن يعقد في جنيف": what must be done is asked
    if words[1] != "ان":
        return True  # أنه، أنها، أنهم: the pronoun is the subject of a statement
    # أنْ takes an imperfective ("أن يقتصر"); أنّ a noun ("أن المسألة"، "أن هدف")
    readings = analyses(word_at(s, k + 3))
    return named(s, k + 3) or not any(r.verbal and r.asp == "i" for r in readings)


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
    if bare(s.token_text(i)).startswith(("ال", "وال")):
        # "المعارضة الملتزمة بوحدة البلاد": a definite adjective after a definite noun is
        # its attribute ("من غير المقبول أن": a predicate)
        return word.startswith(("ال", "وال")) and word not in PREPOSITIONS
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
    # as its context reads it: "سياسة" is the noun, not سـ + أسي
    readings = reading_at(s, j)[0]
    return bool(readings) and readings[0].verbal and any(r.future for r in readings if r.verbal)


# frame keys of words that must follow: (words, window key, default window)
_REQUIRED = (("requires_after", "within", 25), ("requires_also", "also_within", 8))
