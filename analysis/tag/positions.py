"""Negotiation positions: offers, demands, conditions, acceptances, rejections, guarantees,
threats and agreements, with holder, counterpart, issue and what is asked in exchange.

``tag_positions(sentences, documents, mentions, attribution)`` finds move cues
(``data/cues_moves.yaml``) in headline and body sentences. The holder is the cue's explicit
subject, else the holder of the previous move in the same sentence ("…، وطالبت"), else the
sentence's speaker (from ``attribution``) when the cue lies in the reported content. A move
with no holder is dropped: a wrong holder is worse than a missed move. The issue is the
highest-priority issue (``data/issues.yaml``) between the cue and the exchange marker
(مقابل، شرط، على أن، قبل أن …); issues after the marker are ``in_exchange_for``.
Modality: ``negated`` (لم/لن/لا/عدم before the cue), ``hypothetical`` (إذا/في حال before it
in the clause), ``future`` (س/سوف), else ``asserted``.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

import pandas as pd

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.answers import responder
from analysis.tag.antecedents import earlier_sentences, number_anaphors
from analysis.tag.claims import (
    OUTLET,
    claim_row,
    clause_speaker,
    iter_claims,
    typed_columns,
)
from analysis.tag.clauses import (
    Mention,
    Sent,
    bare,
)
from analysis.tag.counterparts import (
    agreement_parties,
    move_counterpart,
    own_side,
    pronoun_party,
    shown_counterpart,
)
from analysis.tag.cue import Cue
from analysis.tag.cues import hypothetical_lexicon
from analysis.tag.exchange import exchange_marker, unless_condition
from analysis.tag.frames import cue_prefilter, find_cues
from analysis.tag.holders import (
    coordinated_verb,
    first_person_speaker,
    joined_holder_agrees,
    own_subject,
    self_reference,
    speaker_fallback,
    speaker_pronoun,
)
from analysis.tag.issues import IssueHit, find_issues
from analysis.tag.joined import continues
from analysis.tag.meetings import met_party
from analysis.tag.modality import modality_at, pledged, restricted, under_negated_verb, whoever
from analysis.tag.move_issues import collapse_issues, move_issues, phrase_end, resolve_issue
from analysis.tag.nearby import complement_after
from analysis.tag.owners import other_side
from analysis.tag.pledges import hostile_target
from analysis.tag.reasons import frame_reason, negation_reason
from analysis.tag.references import only_referred
from analysis.tag.scope import holder_possible, in_the_file
from analysis.tag.subjects import FIRST_PERSON, NO_ACTOR_SUBJECT, cue_holders
from analysis.tag.voice import asked, forecast, inferred, may_form, question

__all__ = ["MOVE_TYPES", "POSITION_COLUMNS", "tag_positions"]

POSITION_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "holder_id",
    "holder_affiliation",
    "move",
    "counterpart_id",
    "issue",
    "in_exchange_for",
    "modality",
    "hedged",
    "speaker_id",
    "date",
    "outlet",
    "cue",
    "issue_phrase",
    "exchange_phrase",
    "holder_surface",
    "source_chain",
    "reason",
]
MOVE_TYPES = (
    "offer",
    "demand",
    "condition",
    "accept",
    "reject",
    "guarantee",
    "threat",
    "agreement",
)


@functools.cache
def prefilter():
    """Sentences worth reading: a word that may be a form of a cue lemma."""
    return cue_prefilter()


def _scope_end(s: Sent, cues, idx: int) -> int:
    """The move's scope ends at the next move cue or the sentence end."""
    b = cues[idx][1]
    nxt = [c[0] for c in cues[idx + 1 :] if c[0] > b]
    return nxt[0] if nxt else len(s.key)


def _clause_end(s: Sent, b: int, end: int) -> int:
    """The end of the clause the cue stands in ("،" followed by a new verb or "و")."""
    for ta, tb in s.tokens:
        if ta < b or tb > end:
            continue
        raw = s.key[ta:tb].rstrip('»”"')
        if raw.endswith(("،", ",", "؛", ";", ".")):
            return tb
        if bare(raw) in {"فان", "فانه", "فانها", "بينما", "فيما"}:
            return ta  # "إذا وافقت طهران …، فإن واشنطن …": the consequent is another clause
    return end


# the holder rules of a verb with no subject of its own (a pronoun, none, or the subject
# of the verb before it): an answer to the move before may be the addressee's
_CARRIED_SUBJECT = ("pronoun:", "unexpressed subject", "coordinated with", "joined by و to")
# between a title and the name in apposition to it ("المبعوث الأمريكي، جيمس جيفري،")
_APPOSITION_GAP = ' ,،"«»“”'


def _holders_of(
    s: Sent,
    cue: Cue,
    issues: list[IssueHit],
    ctx: dict[str, Any],
    prev_holders: list[tuple[str, str]],
) -> tuple[list[tuple[str, str]], str]:
    """(holders, rule): the clause reading first, then the previous move's holder for a
    coordinated verb, then the speaker for reported content."""
    a, b = cue.verb_span
    if cue.frame.get("holder") == "speaker":  # "يجب على روسيا …": whoever says it
        return first_person_speaker(s, a, b, ctx["att"], ctx["speaker_cue"]), "the speaker"
    if cue.how != "noun" and self_reference(s, a):
        # "بلادها ملتزمة", "إن بلاده قدمت": the speaker's own state
        own = speaker_fallback(s, a, b, ctx["att"], ctx["speaker_cue"])
        if own:
            return own, "the speaker's own state (بلاده)"
    ms, rule = cue_holders(s, cue, issues, ctx["previous"], ctx["groups"])
    pronoun = bool(ms) and rule.startswith("pronoun:")
    own = speaker_pronoun(s, a, ctx["att"], ctx["speaker_cue"]) if pronoun else []
    if own:
        # "فحثت القوات العراقية …، وقالت إنها تعارض": she who says it, not her object
        return own, f"{rule.split(' → ')[0]} after the speaker's verb → the speaker"
    if ms:
        return [(m.actor_id, m.surface) for m in ms], rule
    if rule == FIRST_PERSON:
        holders = first_person_speaker(s, a, b, ctx["att"], ctx["speaker_cue"])
        if holders or cue.how == "noun":
            return holders, "first person in the speaker's words"
    if cue.how == "noun":
        return [], rule
    # a pronoun that names no agreeing actor ("لكنها" after a man) is not the last holder
    word = s.word(s.tok_index(a)) if s.tokens else ""
    if (
        prev_holders
        and coordinated_verb(s, a)
        and continues(s, s.tok_index(a), ctx.get("prev_at", -1), set(dict(prev_holders)))
        and not rule.startswith("pronoun:")
        and joined_holder_agrees(s, cue.verb_reading, word, prev_holders[0][0])
    ):
        return prev_holders, "coordinated with the previous move"
    holders = speaker_fallback(s, a, b, ctx["att"], ctx["speaker_cue"])
    if holders and own_subject(
        s, cue.verb_span, cue.verb_reading, word, holders[0][1], cue.kstart if cue.light else -1
    ):
        return [], rule  # "ويطالب الكثير من الزعماء …": its own subject, not the speaker
    if holders:
        return holders, "speaker of the reported content"
    if cue.move == "agreement" and cue.verb_reading.verbal and rule in NO_ACTOR_SUBJECT:
        # "مدينة التل التي عقدت مصالحة مع النظام": the one side named
        ms, how = other_side(s, cue, [m for m in s.mentions if m.kind in ACTOR_KINDS])
        return [(m.actor_id, m.surface) for m in ms], how or rule
    return [], rule


def moves_in_sentence(
    s: Sent,
    att: dict[str, Any] | None,
    previous: list[Mention] | None = None,
    groups: list[list[Mention]] | None = None,
) -> list[dict[str, Any]]:
    """Position records for one sentence; ``previous`` holds the previous sentence's actor
    mentions that are not prepositional objects (antecedents of a pronoun subject),
    ``groups`` the chains of actors joined by و in the sentences before (antecedents of a
    number anaphor)."""
    cues = find_cues(s)
    if not cues:
        return []
    issues = find_issues(s)
    hypos = [a for a, _b, _f, _l in hypothetical_lexicon().find(s.key)]
    out = []
    prev_holders: list[tuple[str, str]] = []
    answered = ""  # the party the last offer, guarantee, demand or condition addressed
    ctx = {
        "att": att,
        "previous": previous or [],
        "groups": groups or [],
        "speaker_cue": int(att.get("cue_start", -1)) if att else -1,
    }
    refs = {i for i in range(len(cues)) if only_referred(s, cues, i)}
    cues = [c for i, c in enumerate(cues) if i not in refs]
    spans_cues = [(c.kstart, c.kend, c.move) for c in cues]
    for idx, cue in enumerate(cues):
        a, b, frame = cue.kstart, cue.kend, cue.frame
        end = _scope_end(s, spans_cues, idx)
        # "…، فيما قال ظريف إن …": the clause's own speaker
        here, cue_at, said = clause_speaker(att, s.doc_span(*cue.verb_span)[0], ctx["speaker_cue"])
        holders, rule = _holders_of(
            s, cue, issues, {**ctx, "att": here, "speaker_cue": cue_at}, prev_holders
        )
        # "وقدموا ضمانات للأميركيين … ولكنهم لم يقبلوا": the one addressed answers
        if answered and rule.startswith(_CARRIED_SUBJECT):
            found = responder(s, cue, answered, rule)
            if found:
                holders, rule = found, "the party the move before addressed, answering it"
        holders = [h for h in holders if in_the_file(h[0], s, ctx["previous"], issues)]
        if not holders:
            continue
        if cue.how != "noun":
            # a noun's owner ("المبادرة الأميركية") is no subject a joined verb shares
            prev_holders, ctx["prev_at"] = holders, cue.verb_span[0]
        # a subject after the cue, with its apposition ("، جيمس جيفري،"), is inside the clause
        surfaces = set(dict(holders).values())
        named_after = [m for m in s.mentions if m.kend > b and m.surface in surfaces]
        after = [m.kend for m in named_after]
        # the title is the holder, the name in apposition after it is the same person
        after += [
            n.kend
            for m, n in itertools.pairwise(s.mentions)
            if m.kend in after
            and n.actor_id == m.actor_id
            and not s.key[m.kend : n.kstart].strip(_APPOSITION_GAP)
        ]
        clause_end = _clause_end(s, max([b, *after]), end)
        ex = exchange_marker(s, b, end)
        if ex and ex[0] > clause_end + 3:
            ex = None  # a marker in a later clause belongs to another statement
        end = min(end, clause_end) if ex is None else end
        main_end = ex[0] if ex else end
        holder_ids = {h for h, _ in holders}
        spans = [(h.kstart, h.kend) for h in issues]
        move = cue.move
        counterpart = move_counterpart(
            s,
            move,
            frame.get("counterpart", []),
            b,
            main_end,
            holder_ids,
            spans,
            object_addressed=frame.get("addressee") == "object",
        )
        if not counterpart and move in ("demand", "offer", "guarantee"):
            # "طالب الجربا، خلال لقائه لافروف، بوقف …": the party met
            counterpart = met_party(s, *cue.verb_span, holder_ids)
        if not counterpart and move in ("demand", "threat") and cue.light is None:
            # "… واشنطن، وطالبها بأن": the party the verb's object pronoun stands for (a
            # light verb's pronoun is what it presents)
            counterpart = pronoun_party(s, cue.verb_span[0], cue.verb_reading, holder_ids)
        force, target = (
            hostile_target(s, b, holder_ids) if frame.get("pledge_against") else ("", None)
        )
        if force and force != "ضد" and target is None:
            continue  # "تعهدت بمحاربة الإرهاب", "بمعاقبة كل من يثبت تورطه": to no party
        if target is not None:  # "تعهدت إسرائيل بضرب أي وجود إيراني": a threat to Iran
            move, counterpart = str(frame["pledge_against"]), target.actor_id
        if frame.get("needs_counterpart") and not counterpart:
            continue  # "حذر من خطورة التصعيد": a warning to no one is no threat
        if move in ("demand", "offer") and own_side(holder_ids, counterpart):
            continue  # "دعا أردوغان الأتراك إلى البقاء في الميادين": a domestic appeal
        if move in ("offer", "guarantee", "demand", "condition") and counterpart:
            answered = counterpart
        owner_for_pronoun = counterpart if move in {"demand", "condition"} and counterpart else ""
        modality = modality_at(s, cue.verb_span[0], hypos)
        guess = (
            forecast(s, cue)
            or inferred(s, cue)
            or (may_form(s, cue) if modality != "hypothetical" else "")
            or question(s, cue)
        )
        if guess and (here is None or here["speaker_id"] == OUTLET):
            continue  # "وقد تقبل تركيا …" in the outlet's own voice: its guess, no move
        if asked(s, cue):
            continue  # "ردا على سؤال حول ما إذا كانت تركيا ستقبل …": in anyone's voice
        if cue.how == "verb" and whoever(s, cue.verb_span[0]):
            continue  # "من لا يقبل بهذا المبدأ لن يحضر": whoever, nobody's move
        if cue.how == "noun" and re.search(
            r"(?<![\w])ان\s+(?:ت|ي)كون\s", s.key[max(0, a - 40) : a]
        ):
            modality = "hypothetical"  # "أن تكون روسيا ضامنة": a role proposed, not taken
        why = [frame_reason(str(frame["id"]), cue.how, cue.reading.lemma, cue.rule)]
        if target is not None:
            why.append(f"a pledge of force against «{target.surface}» read as {move}")
        at = unless_condition(s, b, end) if modality == "negated" else None
        unless = at is not None and at <= clause_end + 3  # not in a later clause
        if frame.get("only_negated") or frame.get("only_future"):
            # "سمحت" is no red line, "لن تسمح" is; "ردت على الرسالة" answers, "سترد" threatens
            if modality != ("negated" if frame.get("only_negated") else "future"):
                continue
            if frame.get("pledge_only") and not pledged(s, cue.verb_reading, cue.verb_span[0]):
                continue  # "لم تسمح", "الدستور لا يسمح": no red line drawn
            why.append(f"{modality} {cue.reading.lemma} read as {move}")
            modality = "asserted"
        elif modality == "negated" and not unless and restricted(s, cue.kend):
            continue  # "لا تضمن إلا أمن إسرائيل": a restriction, neither a move nor a refusal
        elif modality == "negated" and frame.get("negated_as") and not unless:
            move, modality = str(frame["negated_as"]), "asserted"
            why.append(negation_reason(cue.move, move))
        if unless and move != "condition":
            # "لن تشارك في المؤتمر إلا في حال …": not unless = on condition
            move, modality = "condition", "asserted"
            why.append(f"negated {cue.move} with إلا and a condition read as a condition")
        if cue.how == "noun" and not cue.light and under_negated_verb(s, a):
            continue  # "لم يسفر الاجتماع عن موافقة واشنطن": the move was not made
        if modality == "negated" and move != "agreement":
            # "دون أن تعترض روسيا", "لم يعارض أوباما", "لن تمارس أي ضغوط": no move was made
            # (an agreement not reached is news: "لم تتفق الدول الثلاث")
            continue
        if guess:
            # "قد تتفق أنقرة وواشنطن", "أعتقد أن تركيا لن تسمح …": the speaker's guess
            modality = "hypothetical"
            why.append(f"a possibility or forecast («{guess}»)")
        # a holder that is an issue by itself ("وهددت فصائل مدعومة من إيران") is not its
        # move's issue
        held = [(m.kstart, m.kend) for m in named_after if m.kstart >= b]
        about = [h for h in issues if not any(x <= h.kstart < y for x, y in held)]
        main_hits, ex_phrase, ex_issues = move_issues(
            s, about, (b, end, main_end), ex, cue.how, frame, next(iter(holder_ids))
        )
        move_row = {
            "move": move,
            "exchange_phrase": ex_phrase,
            "modality": modality,
            "cue": s.surface(*cue.verb_span) if cue.light else s.surface(a, b),
            # a noun is definite with the article or in idafa ("مطالب الرياض"، "شروطها");
            # one with a complement of its own says what it is about ("مطلبها برحيل …")
            "definite_noun": cue.how == "noun"
            and (cue.reading.article or rule.startswith(("genitive", "possessive"))),
            "complement": complement_after(s, b),
            "span": s.doc_span(
                min(a, cue.verb_span[0]),
                max(b, main_end if ex else min(end, phrase_end(s, b, end))),
            ),
        }
        parties = [(h, surface, counterpart) for h, surface in holders]
        if move == "agreement":
            parties, how = agreement_parties(s, holders, counterpart, b, main_end, rule)
            why = [*why, how] if how else why
        named = {h for h, _ in holders}
        for holder_id, holder_surface, counterpart in parties:
            # a party joined to the counterpart ("مع أنقرة وطهران") was not found by the rule
            how_found = rule if holder_id in named else "the counterpart or a party joined to it"
            owner = owner_for_pronoun or holder_id
            ids = collapse_issues([resolve_issue(h, owner) for h in main_hits])
            phrases: dict[str, str] = {}
            for h in main_hits:
                phrases.setdefault(resolve_issue(h, owner), s.surface(h.kstart, h.kend))
            for issue in ids or [""]:
                reason = [*why, f"holder: {how_found} «{holder_surface}»"]
                if phrases.get(issue):
                    reason.append(f"issue: «{phrases[issue]}»")
                shown, note = shown_counterpart(move, counterpart, issue, holder_id)
                reason += [note] if note else []
                out.append(
                    {
                        **move_row,
                        "holder_id": holder_id,
                        "holder_surface": holder_surface,
                        "counterpart_id": shown,
                        "issue": issue,
                        "issue_phrase": phrases.get(issue, ""),
                        # "X in exchange for X" says nothing: the marker introduced the
                        # move's own condition ("يهدد … إذا لم تنسحب"), not a trade
                        "in_exchange_for": "|".join(e for e in ex_issues if e != issue),
                        "reason": "; ".join(reason),
                        **said,
                    }
                )
    return out


def tag_positions(
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    attribution: pd.DataFrame,
) -> pd.DataFrame:
    """Negotiation moves in headline/body sentences (columns: ``POSITION_COLUMNS``).

    A move named by a definite noun (with the article or in idafa) whose holder already
    made that move about the same issue earlier in the document ("العرض الأمريكي", "رفض
    دمشق" again) is a reference to it and is not counted again; an agreement named again
    ("الاتفاق") is a reference whatever it is said to be about. About no known issue, a
    noun with a complement of its own ("مطلب المعارضة برحيل الأسد") is a move named anew.
    A sentence the document already holds word for word (a headline repeated in a share
    block) makes no rows."""
    rows: list[dict[str, Any]] = []
    previous, groups = earlier_sentences(sentences, mentions)
    made: set[tuple[str, str, str, str]] = set()
    repeated: set[tuple[str, str]] = set()
    for s, att, date, outlet in iter_claims(
        holder_possible(sentences, mentions, attribution),
        documents,
        mentions,
        attribution,
        prefilter(),
    ):
        # a sentence the page already holds (a headline repeated in a share block): nothing new
        words = (s.doc_id, " ".join(s.key.split()))
        if words in repeated:
            continue
        repeated.add(words)
        seen = set()
        # the chains of actors before are read only for a number anaphor ("الدول الثلاث")
        chains = groups(s.doc_id, s.sent_id) if number_anaphors(s) else []
        for mv in moves_in_sentence(s, att, previous(s.doc_id, s.sent_id), chains):
            k = (mv["holder_id"], mv["move"], mv["issue"], mv["cue"])
            # an agreement named again is the same agreement whatever the phrase it is
            # about; another move about another issue is a new move
            about = "" if mv["move"] == "agreement" else mv["issue"]
            done = (s.doc_id, mv["holder_id"], mv["move"], about)
            # one about nothing known is the same move unless it has a complement of its own
            definite, complement = mv.pop("definite_noun", False), mv.pop("complement", False)
            same = about or mv["move"] == "agreement" or not complement
            if k in seen or (definite and done in made and same):
                continue
            seen.add(k)
            made.add(done)
            rows.append(claim_row(s, att, mv, date, outlet))
    out = pd.DataFrame(rows, columns=POSITION_COLUMNS)
    return typed_columns(out, POSITION_COLUMNS)
