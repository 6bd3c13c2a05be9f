"""The speaker of one sentence: reporting cue, speaker noun phrase, cited sources, hedges.

``attribute_sentence`` reads a ``Sent`` against the reporting cues
(``analysis.tag.cues.reporting_lexicon``): "قال X", "X: …" in a headline, "بحسب X",
"نقلت X عن Y" (X is cited, Y speaks), a verb joined to an earlier clause, or a speaker
carried over from the previous sentence. ``classify_np`` says whom a noun phrase names:
an actor, an unnamed source, "reports" or a cited outlet (``analysis.tag.sources``).
``analysis.tag.attribution`` runs it over documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from analysis.tag.actors import affiliation_of
from analysis.tag.claims import OUTLET, REPORTS, UNLISTED, UNNAMED
from analysis.tag.clauses import (
    Mention,
    Sent,
    bare,
    best_mention,
    subject_np,
)
from analysis.tag.cues import reporting_categories, reporting_lexicon
from analysis.tag.morph import PREPOSITIONS, analyses
from analysis.tag.not_speakers import resumptive_after, told, unknown_name
from analysis.tag.objects import attached_prep, lookback_mentions, named_counterpart, part_before
from analysis.tag.sources import find_sources
from analysis.text.normalize import fold


def _speaker_affiliation(actor_id: str) -> str:
    """An actor speaker's affiliation (the actor itself when it has none, as states);
    '' for a speaker that is not an actor."""
    if not actor_id or actor_id in (UNNAMED, REPORTS, OUTLET):
        return ""
    return affiliation_of(actor_id)


def classify_np(s: Sent, a: int, b: int, doc_state: dict[str, Any]) -> Attribution | None:
    """Who the noun phrase key[a:b] names as a speaker, or None."""
    if b <= a:
        return None
    cats = reporting_categories()
    ms = [m for m in s.mentions if a <= m.kstart < b and m.kind not in {"place", "media"}]
    sources = [x for x in find_sources(s) if a <= x[0] < b and not x[3]]
    first_tok = bare(s.key[a:b].split(" ", 1)[0])
    hits = [h for h in reporting_lexicon().find(s.key[a:b])]
    head = hits[0] if hits and hits[0][0] <= 1 else None
    head_cat = next((c for c in (head[3] if head else ()) if cats[c]["role"] == "speaker"), "")
    # one told ("قائلا لنظيره الروسي سيرغي لافروف", "لن نسمح لإيران") is not the one
    # speaking; one after عن is ("نقلت المجلة عن المتحدثة … قولها")
    heads = [m for m in ms if not attached_prep(s, m) and not named_counterpart(s, m)]
    person = next((m for m in heads if m.kind == "person"), None)
    att = Attribution(speaker_kspan=(a, b))
    if person is not None:
        att.speaker_id, att.speaker_kind = person.actor_id, "person"
        att.speaker_surface = s.surface(a, person.kend)
        att.speaker_affiliation = _speaker_affiliation(person.actor_id)
        return att
    if head_cat == "unnamed":
        att.speaker_id, att.speaker_kind = UNNAMED, UNNAMED
        att.speaker_surface = s.surface(a, b)
        org = ms[0].actor_id if ms else ""
        if not org and first_tok.startswith("ال") and doc_state.get("last_unnamed"):
            prev = doc_state["last_unnamed"]  # "المصدر" = the source named before
            org = prev.speaker_affiliation
            att.cited = list(prev.cited)
        att.speaker_affiliation = org
        return att
    if sources and sources[0][0] - a <= 12:
        att.speaker_id, att.speaker_kind = sources[0][2], "source"
        att.speaker_surface = s.surface(a, b)
        return att
    # an actor after a preposition inside the phrase is not its head ("جدد التحذير من
    # استمرار الوجود الإيراني": the warning is nobody's speech act by Iran)
    ms = [m for m in heads if not _after_preposition_in(s, a, m)]
    if ms:
        m = best_mention(ms)
        assert m is not None
        att.speaker_id, att.speaker_kind = m.actor_id, m.kind or "actor"
        att.speaker_surface = s.surface(a, m.kend)
        att.speaker_affiliation = _speaker_affiliation(m.actor_id)
        return att
    if head_cat == "reports":
        att.speaker_id, att.speaker_kind = REPORTS, REPORTS
        att.speaker_surface = s.surface(a, b)
        return att
    if head_cat == "report_anaphor" and doc_state.get("last_source"):
        att.speaker_id, att.speaker_kind = doc_state["last_source"], "source"
        att.speaker_surface = s.surface(a, b)
        return att
    return None


def attribute_sentence(s: Sent, doc_state: dict[str, Any]) -> Attribution:
    """The attribution of one sentence (``doc_state`` carries speakers across sentences)."""
    cats = reporting_categories()
    hits = reporting_lexicon().find(s.key)
    att: Attribution | None = None
    # "said to Al-Jarida": the outlets the speaker spoke to are cited
    cited = [sid for _a, _b, sid, told in find_sources(s) if told]
    content_from: int | None = None
    head = _headline_speaker(s, doc_state)
    if head is not None:  # "مصدر: طهران وافقت …" — the speaker before a colon
        att, content_from = head
    for a, b, form, labels in hits:
        roles = {cats[lab]["role"] for lab in labels}
        cat = next((lab for lab in labels if cats[lab]["role"] in {"verb", "source"}), None)
        if cat is None:
            continue
        if "source" in roles:
            found = _according_to(s, b, doc_state)
            if found is not None:
                found.cue, found.cue_id, found.cue_kpos = s.surface(a, b), cat, a
                att = _prefer(att, found, cited)
            continue
        if form in {"نقل", "نقلت", "ينقل", "تنقل"}:
            if _transfer(s, a):
                continue  # "يتم بموجبها نقل المقاتلين": a transfer, no report
            relay = _relay(s, b, doc_state)
            if relay is not None:
                medium, found = relay
                cited.extend(medium)
                found.cue, found.cue_id, found.cue_kpos = s.surface(a, b), "relay", a
                att = _prefer(att, found, cited)
                continue
        if att is not None and att.speaker_kind != "source":
            # the sentence's speaker is the first; a later clause may name its own
            # ("قال لافروف إن …، فيما قال ظريف إن …"); other verbs are reported content
            later = _clause_speaker(s, a, b, doc_state)
            if later is not None and later.speaker_id != att.speaker_id:
                later.cue, later.cue_id, later.cue_kpos = s.surface(a, b), cat, a
                later.cue_span = s.doc_span(a, b)
                att.later.append(later)
            continue
        if content_from is not None and a >= content_from:
            continue  # a verb inside reported content ("قال إن دمشق تعتبر …")
        content_from = _content_start(s, b)
        found = _verb_speaker(s, a, b, cat, doc_state)
        if found is not None:
            found.cue, found.cue_id, found.cue_kpos = s.surface(a, b), cat, a
            att = _prefer(att, found, cited)
    att = _colon_speaker(s, att, doc_state, 0 if head is None else (content_from or 0))
    return _finish(s, att, doc_state, cited, _hedges(s, hits))


def _colon_speaker(
    s: Sent, att: Attribution | None, doc_state: dict[str, Any], after: int
) -> Attribution | None:
    """A person named right before a colon inside the sentence speaks what follows: run-on
    headlines ("… ومقتل قائد من الحرس الثوري لافروف : اتفقنا مع أنقرة"). Later than the
    sentence's own speaker, it is a later clause's speaker."""
    for m in s.mentions:
        if m.kind != "person" or m.kstart <= after or not s.key[m.kend :].lstrip().startswith(":"):
            continue
        found = classify_np(s, m.kstart, m.kend, doc_state)
        if found is None:
            continue
        colon = s.key.index(":", m.kend)
        found.cue, found.cue_id, found.cue_kpos = ":", "colon", colon
        if att is None:
            return found
        if found.speaker_id != att.speaker_id and colon > att.cue_kpos:
            found.cue_span = s.doc_span(colon, colon + 1)
            att.later.append(found)
        return att
    return att


def _prefer(att: Attribution | None, found: Attribution, cited: list[str]) -> Attribution:
    """``found`` replaces no speaker or a cited source (which then joins ``cited``, the
    chain); otherwise the first speaker stays."""
    if att is None or att.speaker_kind == "source":
        if att is not None:
            cited.append(att.speaker_id)
        return found
    return att


def _verb_speaker(
    s: Sent, a: int, b: int, cat: str, doc_state: dict[str, Any]
) -> Attribution | None:
    """The speaker of the reporting verb at key span [a, b): its subject after it, else a
    mention just before it, else the main verb's subject or the previous speaker."""
    np_a, np_b = subject_np(s, b)
    if cat == "speech_noun" or _opens_content(s, b) or resumptive_after(s, b) or told(s, np_a):
        # "في بيان"، "وتابع: «…»"، "بيانا أكد فيه": nothing after the cue names the speaker
        np_a = np_b
    np_b = _before_quotation(s, np_a, np_b)
    found = classify_np(s, np_a, np_b, doc_state)
    if found is not None:
        return found
    if np_a < np_b and unknown_name(s, np_a):
        # "وأكد أبو زيد": a person the dictionary lacks speaks; no one before stands in for
        # him, nor does an open quotation carry an earlier speaker on
        return Attribution(UNLISTED, UNLISTED, s.surface(np_a, np_b))
    return _fallback_speaker(s, a, b, cat, doc_state)


def _fallback_speaker(
    s: Sent, a: int, b: int, cat: str, doc_state: dict[str, Any]
) -> Attribution | None:
    """The speaker when nothing after the verb names one: a mention just before it, else
    the main verb's subject or the previous speaker."""
    found = None
    before = [m for m in lookback_mentions(s, a, max_tokens=4) if m.kind != "place"]
    if before:
        m = best_mention(before)
        assert m is not None
        # a news agency tagged by the actor dictionary speaks as a cited source
        kind = "source" if m.kind == "media" else (m.kind or "actor")
        found = Attribution(
            m.actor_id,
            kind,
            m.surface,
            _speaker_affiliation(m.actor_id),
            speaker_kspan=(m.kstart, m.kend),
        )
        part = part_before(s, m)
        if part >= 0:
            # "قائد عسكري في الجيش الحر": a member left unnamed, as the phrase says
            found = classify_np(s, s.tokens[part][0], m.kend, doc_state) or found
    if found is None and _postposed(s, b) and doc_state.get("prev"):
        found = _carry(doc_state["prev"])  # "« … »، قال.": the speaker named before
    if found is None and (
        cat in {"participle", "speech_noun"} or (not _sentence_initial(s, a) and _joined_verb(s, a))
    ):
        found = _main_subject(s, doc_state)  # "ورفض X العرض، وقال إن …": X speaks
    if found is None and _sentence_initial(s, a) and doc_state.get("prev"):
        found = _carry(doc_state["prev"])
    return found


def _after_preposition_in(s: Sent, a: int, m: Mention) -> bool:
    """Is there a preposition between the start ``a`` of a phrase and mention ``m``?"""
    return any(
        bare(s.token_text(j)) in _NP_PREPOSITIONS
        for j in range(s.tok_index(a), s.tok_index(m.kstart))
    )


# Not all of morph.PREPOSITIONS: a title may hold لدى before its name ("المندوب السوري لدى
# الأمم المتحدة بشار الجعفري").
_NP_PREPOSITIONS = frozenset({"من", "في", "علي", "عن", "الي", "مع", "ضد", "حول", "تجاه"})


def _clause_speaker(s: Sent, a: int, b: int, doc_state: dict[str, Any]) -> Attribution | None:
    """The speaker a later clause names for itself: a reporting verb after a comma or a
    clause opener (فيما، بينما، في حين، لكن), its subject named right after it."""
    i = s.tok_index(a)
    if i == 0 or i >= len(s.tokens) or _opens_content(s, b):
        return None
    prev = s.token_text(i - 1)
    if not (prev[-1:] in ",،" or bare(prev).lstrip("و") in _CLAUSE_OPENERS):
        return None
    np_a, np_b = subject_np(s, b)
    found = classify_np(s, np_a, np_b, doc_state)
    if found is None or found.speaker_kind == "source":
        return None
    # a speaker named deeper in the phrase is the object's ("، توضح استمرار الدعم الأميركي")
    named_first = any(m.kstart == np_a for m in s.mentions)
    return found if named_first or found.speaker_kind in {"person", UNNAMED} else None


_CLAUSE_OPENERS = frozenset({"فيما", "بينما", "حين", "لكن", "بدوره", "بدورها", "جهته", "جهتها"})


def _hedges(s: Sent, hits: list[tuple[int, int, str, tuple[str, ...]]]) -> list[str]:
    """The hedging cues among the reporting cues found (يُعتقد، ربما، verbs such as زعم)."""
    cats = reporting_categories()
    return [
        s.surface(a, b)
        for a, b, _form, labels in hits
        for lab in labels
        if cats[lab].get("hedge") and cats[lab]["role"] in {"verb", "hedge"}
    ]


def _finish(
    s: Sent,
    att: Attribution | None,
    doc_state: dict[str, Any],
    cited: list[str],
    hedges: list[str],
) -> Attribution:
    """The sentence's attribution: an open quotation carries the previous speaker on, no
    speaker is the outlet's own voice; the cue's document span, cited sources and hedges."""
    if att is None and doc_state.get("open_quote") and doc_state.get("prev"):
        att = _carry(doc_state["prev"])
        att.cue, att.cue_id = "«", "quote_continuation"
    att = att or Attribution()
    if att.cue_kpos >= 0:
        att.cue_span = s.doc_span(att.cue_kpos, att.cue_kpos + len(fold(att.cue)))
    for c in cited:
        if c not in att.cited and c != att.speaker_id:
            att.cited.append(c)
    att.hedge_cues = hedges
    return att


def _content_start(s: Sent, kend: int) -> int:
    """Where the reported content begins after a cue (إن/أن, colon or an opening quote)."""
    prev = kend
    for ta, tb in s.tokens:
        if ta < kend:
            continue
        # a quote mark standing alone is no token: look for it in the gap before
        gap = next((prev + k for k, c in enumerate(s.key[prev:ta]) if c in '«“"'), -1)
        if gap >= 0:
            return gap
        prev = tb
        raw = s.key[ta:tb]
        if (
            bare(raw) in {"ان", "انه", "انها", "بان", "انهم", "اننا"}
            or raw[:1] in '«“":'
            or raw.endswith(":")
        ):
            return ta
    return len(s.key)


# Words that open a quotation rather than a quoted name ("قال X " لن نسمح …")
_QUOTE_OPENERS = frozenset(
    {*("ان", "انه", "انها", "لن", "لا", "لم", "ما", "نحن", "انا", "هذا", "هذه", "هناك", "لقد")}
)


# Words after which "نقل" is the verbal noun "transfer" ("يتم بموجبها نقل المقاتلين")
_TRANSFER_BEFORE = frozenset({"تم", "يتم", "سيتم", "جرى", "يجري", "بموجبها", "بموجبه", "عملية"})


def _transfer(s: Sent, kpos: int) -> bool:
    """Is "نقل" at ``kpos`` a noun (a transfer), not "reported"?"""
    i = s.tok_index(kpos)
    prev = bare(s.token_text(i - 1)) if i > 0 else ""
    return prev in _TRANSFER_BEFORE or prev in PREPOSITIONS


def _before_quotation(s: Sent, a: int, b: int) -> int:
    """End of the speaker phrase [a, b) before a quotation that opens inside it ("وقال
    المالكي عبر مواقع التواصل " يفاجئنا الرئيس الفرنسي …"): an opening quote followed by
    a verb or a particle; a quoted name ("المتحدث باسم " جيش الإسلام "") stays."""
    prev = None
    for ta, tb in s.tokens:
        if ta < a or ta >= b:
            continue
        if prev is not None and any(c in '«“"' for c in s.key[prev:ta]):
            word = bare(s.key[ta:tb])
            readings = analyses(s.word(s.tok_index(ta)))
            if word in _QUOTE_OPENERS or (readings and all(r.verbal for r in readings)):
                return prev
        prev = tb
    return b


def _opens_content(s: Sent, kend: int) -> bool:
    """Does reported content start right after the cue (a colon or an opening quote)?"""
    rest = s.key[kend : kend + 4].lstrip()
    return s.key[kend : kend + 1] == ":" or rest[:1] in {"«", "“", '"', ":"}


def _joined_verb(s: Sent, kpos: int) -> bool:
    """Is the cue a verb joined to an earlier clause, by و/ف ("…، وقال") or by a comma
    alone ("نشر مكتب دي ميستورا ورقة، قال إنه طرحها")?"""
    i = s.tok_index(kpos)
    if i >= len(s.tokens):
        return False
    after_comma = i > 0 and s.token_text(i - 1)[-1:] in ",،" and s.tokens[i][0] == kpos
    return s.key[s.tokens[i][0] : kpos] in {"و", "ف"} or after_comma


_LEADING = frozenset({"كما", "لكن", "ولكن", "ثم", "قد", "لقد", "فيما", "بينما", "بدوره", "بدورها"})


def _postposed(s: Sent, kend: int) -> bool:
    """Does the sentence end right after the cue ("…، قال.")?"""
    return not s.key[kend:].strip(' .،,:؛;!؟?\n"»”')


def _main_subject(s: Sent, doc_state: dict[str, Any]) -> Attribution | None:
    """The subject after the sentence's main verb: its first word past particles (كما،
    لكن، وقد), when that word can be a verb."""
    i = 0
    while i < len(s.tokens) - 1 and (
        not bare(s.token_text(i)) or bare(s.token_text(i)).lstrip("وف") in _LEADING
    ):
        i += 1
    if i >= len(s.tokens) - 1 or not any(r.verbal for r in analyses(s.word(i))):
        return None
    a, b = subject_np(s, s.tokens[i][1])
    found = classify_np(s, a, b, doc_state)
    return found if found is not None and found.speaker_kind != "source" else None


def _headline_speaker(s: Sent, doc_state: dict[str, Any]) -> tuple[Attribution, int] | None:
    """A short speaker before a colon opening the sentence (headline style)."""
    m = re.match(r"\s*([^:]{2,60}?)\s*:", s.key)
    if (
        not m
        or len(m.group(1).split()) > 5
        or (
            reporting_lexicon().regex.search(m.group(1))
            and not _starts_with_speaker_noun(m.group(1))
        )
    ):
        return None
    found = classify_np(s, m.start(1), m.end(1), doc_state)
    if found is None:
        return None
    found.cue, found.cue_id, found.cue_kpos = ":", "colon", m.end() - 1
    return found, m.end()


def _starts_with_speaker_noun(text: str) -> bool:
    hits = reporting_lexicon().find(text)
    cats = reporting_categories()
    return bool(hits) and hits[0][0] <= 1 and any(cats[c]["role"] == "speaker" for c in hits[0][3])


def _sentence_initial(s: Sent, kpos: int) -> bool:
    """Does the cue open the sentence (only a conjunction or a quote before it)?"""
    return not s.key[:kpos].strip(' «“"-–—') or s.tok_index(kpos) == 0


def _carry(prev: Attribution) -> Attribution:
    return Attribution(
        prev.speaker_id,
        prev.speaker_kind,
        prev.speaker_surface,
        prev.speaker_affiliation,
        cited=list(prev.cited),
        carried_over=True,
    )


def _according_to(s: Sent, kend: int, doc_state: dict[str, Any]) -> Attribution | None:
    """The source after بحسب/وفق/نقلا عن (skipping ما ذكره …); None when it names none."""
    rest = s.key[kend:]
    m = re.match(r"\s*(?:ل|لما|ما|الي|عن)?\s*", rest)
    pos = kend + (m.end() if m else 0)
    # بحسب ما ذكرته / وفقا لما نقلته / نقلا عن: skip the relative verb too
    m2 = re.match(
        r"(?:ذكر|ذكرته|ذكرت|نقل|نقلته|نقلت|افاد|افادت|افادت به|اورد|اوردت|اوردته|اعلن|"
        r"اعلنته|قال|قالت|قالته|كشف|كشفت|كشفته|اكد|اكدته|اكدت)\S*\s+(?:به\s+)?",
        s.key[pos:],
    )
    if m2:
        pos += m2.end()
    elif m and not m.group(0).strip() and s.key[kend - 4 : kend] in {"وفقا", "طبقا"}:
        pass
    a, b = subject_np(s, pos)
    found = classify_np(s, a, b, doc_state)
    if found is None:
        return None
    # "نقلا عن X" after "قالت صحيفة": X is the speaker; handled by the caller's override.
    return found


def _relay(s: Sent, kend: int, doc_state: dict[str, Any]) -> tuple[list[str], Attribution] | None:
    """نقلت X عن Y: X is the medium (cited), Y the speaker."""
    m = re.search(r"(?<![\w])عن(?![\w])", s.key[kend : kend + 80])
    if not m:
        return None
    mid_a, mid_b = kend, kend + m.start()
    medium = [x[2] for x in find_sources(s) if mid_a <= x[0] < mid_b]
    if not medium:
        ms = [mm for mm in s.mentions if mid_a <= mm.kstart < mid_b]
        medium = [ms[0].actor_id] if ms else []
    a, b = subject_np(s, kend + m.end())
    found = classify_np(s, a, b, doc_state)
    if found is None:
        return None
    return medium, found


@dataclass
class Attribution:
    """Who speaks in a sentence, through which cue, and the sources the claim passed."""

    speaker_id: str = OUTLET
    speaker_kind: str = OUTLET
    speaker_surface: str = ""
    speaker_affiliation: str = ""
    cue: str = ""
    cue_id: str = ""
    cited: list[str] = field(default_factory=list)
    hedge_cues: list[str] = field(default_factory=list)
    carried_over: bool = False
    speaker_kspan: tuple[int, int] | None = None
    cue_kpos: int = -1
    cue_span: tuple[int, int] = (-1, -1)
    later: list[Attribution] = field(default_factory=list)  # later clauses' own speakers
