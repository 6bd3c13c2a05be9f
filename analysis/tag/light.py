"""Light verbs and the move nouns they carry: "قدمت روسيا ضمانات" is one guarantee cue,
its holder the verb's subject; "أعرب عن استعداده", "توصلوا إلى اتفاق". ``light_noun``
finds the frame noun a light verb governs within a few words after it (past its subject,
relative clauses set off by commas, and with ``reach`` past adverbials to "إلى + noun");
``may_carry`` says whether a verb may carry a frame; ``cue_span`` is a cue word's key span
without و/ف in front."""

from __future__ import annotations

from typing import Any

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import RELATIVES
from analysis.tag.clauses import COMPLEMENTISERS, Sent, bare, is_clause_end, one_of
from analysis.tag.cue import Cue
from analysis.tag.cue_words import candidate
from analysis.tag.forms import known_forms
from analysis.tag.frame_data import frame_index, light_gap, light_only, light_preps, light_reach
from analysis.tag.frame_rules import blocked
from analysis.tag.matcher import base_forms
from analysis.tag.morph import PREPOSITIONS, Reading, analyses, lemma_key, stems
from analysis.tag.nearby import named
from analysis.tag.reading import word_at
from analysis.text.normalize import fold

__all__ = ["cue_span", "light_noun", "may_carry"]

# Words a light verb may have between itself and its noun: "أعرب عن استعداده",
# "توصلوا إلى اتفاق", "قدمت روسيا ضمانات" (a subject of up to three words).
_LIGHT_GAP = 9
# How far a light verb with ``reach`` looks for "إلى + noun" past adverbials and commas.
_LIGHT_REACH = 20


def cue_span(s: Sent, i: int, r: Reading) -> tuple[int, int]:
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


def may_carry(frame: dict[str, Any], verb: Reading) -> bool:
    """May this light verb carry the frame (``after_light``: only these verbs may)? A
    circumstantial participle is never a light verb's object ("أسلحة قدمتها إيران، مشددة
    على ضرورة …")."""
    if frame.get("holder") == "circumstantial":
        return False
    allowed = frame.get("after_light")
    return not allowed or verb.lemma in {lemma_key(str(v)) for v in allowed}


def _set_off_relatives(s: Sent, i: int, limit: int) -> set[int]:
    """Tokens after ``i`` (up to ``limit``) in relative clauses set off by commas
    ("وأبدت المعارضة، والتي تعتمد على …، رفضاً"), commas included."""
    out: set[int] = set()
    k = i + 1
    while k < min(limit, len(s.tokens)):
        if bare(s.token_text(k)).removeprefix("و") in RELATIVES and is_clause_end(
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


def light_noun(
    s: Sent, i: int, verb: Reading, rule: str, used: set[int], trace: list[str] | None
) -> Cue | None:
    """The frame noun a light verb governs, within a few words after it."""
    index = frame_index()
    only = light_only().get(verb.lemma)
    prep = light_preps().get(verb.lemma, "")
    reach = light_reach().get(verb.lemma, ()) if verb.verbal else ()
    gap = light_gap().get(verb.lemma, _LIGHT_REACH) if verb.verbal else _LIGHT_REACH
    loose = 0  # the words outside actor names passed on the way to the noun
    complement = False  # inside the complement of a possessed object ("تأييدها لـ…")
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
        if bare(raw) in COMPLEMENTISERS or (bare(raw) in RELATIVES and not named(s, j - 1)):
            break  # "أكد أنه تم الاتفاق", "منح الجوائز التي وعد بها": another clause's noun
        if _purpose_verb(s, j):
            break  # "طرحته ليكون أداة ضغط": the purpose clause's noun, not the verb's object
        if bare(s.token_text(j - 1)) in _ABOUT:
            continue  # "يعلن قراره حول الاتفاق": what the object is about, not the object
        if _ended(bare(s.token_text(j - 1))):
            continue  # "أعلنت طهران فشل الصفقة": the deal's end is announced, no deal made
        if not _CARRIED_OUT.isdisjoint(base_forms(bare(s.token_text(j - 1)))):
            continue  # "وقعت في عمان لتنفيذ اتفاق تموز": a deal made before, carried out
        loose += 0 if named(s, j) else 1
        if loose > gap + 1:
            break  # "لا نعتزم عمل ذلك دون موافقتكم": another object first
        if complement:
            # "تعلن روسيا تأييدها لمثل هذه الفكرة": the possessed object's complement, up to
            # a noun joined by و ("تؤكد استمرار دعمها لسوريا ورفض إقامة منطقة")
            if not any(r.conj for r in analyses(word_at(s, j))):
                continue
            complement = False
        # a possessed noun with a preposition after it is the verb's object and that
        # preposition opens its complement
        owned = not prep and _possessed(s, j) and _prep_at(s, j + 1)
        if not candidate(bare(raw)) or not bare(raw).lstrip("وف").startswith(prep):
            complement = complement or owned
            continue
        if far and not _after_reach(s, j, reach):
            continue
        for r in sorted(analyses(word_at(s, j)), key=lambda r: r.pos != "noun"):
            if r.verbal or (only is not None and r.lemma not in only):
                continue
            frames = index.get((r.lemma, "noun")) or index.get((r.lemma, "adj")) or ()
            frame = next(
                (f for f in frames if may_carry(f, verb) and not _light_blocked(s, j, f, r)), None
            )
            if frame is None and any(
                may_carry(f, verb) and blocked(s, j, f, r).startswith(("not before", "not after"))
                for f in frames
            ):
                return None  # "تقديم مشروع قانون يضع شروطا": the object is a bill, no move
            if frame is None:
                continue
            used.add(j)
            a, b = cue_span(s, j, r)
            la, lb = cue_span(s, i, verb)
            kind = "light verb" if verb.verbal else "light noun"
            if trace is not None:
                trace.append(
                    f"{s.token_text(i)} … {raw}: {kind} {verb.lemma} + {r.lemma}"
                    f" → frame {frame['id']}"
                )
            return Cue(a, b, frame, r, "light", f"{kind} {verb.lemma} ({rule})", (la, lb), verb)
        complement = complement or owned
    return None


def _purpose_verb(s: Sent, j: int) -> bool:
    """Is token ``j`` an imperfective verb with the لـ of purpose ("ليكون", "لتنجح")?"""
    tok = bare(s.token_text(j))
    return tok[:1] == "ل" and any(
        r.verbal and r.asp == "i" and fold(r.lemma)[:1] != "ل" for r in analyses(word_at(s, j))
    )


def _prep_at(s: Sent, j: int) -> bool:
    """Is token ``j`` a preposition, alone or as ل/ب on its noun ("من", "على", "لمثل")?"""
    if j >= len(s.tokens) or is_clause_end(s.token_text(j)):
        return False
    tok = bare(s.token_text(j))
    if tok in PREPOSITIONS:
        return True
    return tok[:1] in ("ل", "ب") and any(r.prep for r in analyses(word_at(s, j)))


def _possessed(s: Sent, j: int) -> bool:
    """Is token ``j`` a noun with a possessive pronoun and no preposition, in no actor name
    ("تأييدها", "موقفها", "عن تشجيعه"; not "بيانها" after في, nor "لسيادتها")?"""
    before = bare(s.token_text(j - 1)) if j > 0 else ""
    # after عن it is still the verb's object ("أعرب عن تشجيعه لما وصل إليه المشاركون")
    if named(s, j) or (before in PREPOSITIONS and before != "عن"):
        return False
    readings = [r for r in analyses(word_at(s, j)) if not r.verbal]
    # third person only: "أستانا" reads as a noun with "our"
    return any(r.pos == "noun" for r in readings) and all(
        r.enclitic.startswith("3") and r.enclitic.endswith("_poss") and not r.prep for r in readings
    )
