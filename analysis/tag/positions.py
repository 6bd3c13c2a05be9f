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
import re
from typing import Any

import pandas as pd

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.claims import claim_row, iter_claims, typed_columns
from analysis.tag.clauses import (
    Sent,
    bare,
    future_form,
    is_clause_end,
    negated,
    qabl_is_verb,
)
from analysis.tag.cues import (
    exchange_lexicon,
    future_lexicon,
    hypothetical_lexicon,
    light_verbs,
    move_info,
    move_lexicon,
    move_not_before,
    noun_homographs,
    verb_openers,
)
from analysis.tag.holders import move_counterpart, move_holders
from analysis.tag.issues import IssueHit, find_issues, issues_data, own_presence_issue
from analysis.text.normalize import fold

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


_NOUN_PREPS = frozenset({"علي", "من", "الي", "عن", "في", "الى", "حول", "بشان", "بعد", "قبل"})


def _verb_position(s: Sent, a: int) -> bool:
    """Does a homograph stand where a verb does: clause start, after و/ف or an opener
    (قد، كان، أن …), or right after an actor mention (SVO)?"""
    i = s.tok_index(a)
    if i < len(s.tokens) and s.key[s.tokens[i][0] : a] in {"و", "ف", "وس", "فس", "س"}:
        return True
    if i == 0:
        return True
    prev_raw = s.token_text(i - 1)
    if is_clause_end(prev_raw) or bare(prev_raw) in verb_openers():
        return True
    return any(0 <= s.tokens[i][0] - m.kend <= 1 and m.kind in ACTOR_KINDS for m in s.mentions)


@functools.cache
def prefilter() -> re.Pattern[str]:
    return move_lexicon().regex


def _cues(s: Sent) -> list[tuple[int, int, str, str, str]]:
    """Move cues: (kstart, kend, move, entry id, how) with how in verb/light/noun."""
    out = []
    for a, b, form, labels in move_lexicon().find(s.key):
        for lab in labels:
            how, move, entry = lab.split(":")
            if how == "light" and not _after_light_verb(s, a):
                continue
            if how == "verb" and not _verb_ok(s, a, b, form, entry):
                continue
            out.append((a, b, move, entry, how))
            break
    return out


def _after_light_verb(s: Sent, kpos: int) -> bool:
    """A light verb (قدم، طرح، وضع …) within the four words before the noun."""
    i = s.tok_index(kpos)
    for j in range(max(0, i - 4), i):
        tok = bare(s.token_text(j))
        if tok in light_verbs() or (tok[:1] in "وف" and tok[1:] in light_verbs()):
            return True
    return False


def _verb_ok(s: Sent, a: int, b: int, form: str, entry: str) -> bool:
    """Filters for forms that are also other words (قبل "before", وقع "occurred")."""
    info = move_info()[entry]
    prev = bare(s.token_text(s.tok_index(a) - 1)) if s.tok_index(a) > 0 else ""
    if form.lstrip("وفس") == "قبل" and not qabl_is_verb(s, a, b):
        return False
    if prev in _NOUN_PREPS and s.key[s.tokens[s.tok_index(a)][0] : a] == "":
        return False  # "بناءً على طلب", "إلى تعرض": a noun after a preposition, not a verb
    if form.lstrip("وفس") in noun_homographs() and not _verb_position(s, a):
        return False  # "فعاليات … عرض مسرحية", "رغم طلب مصري": the noun
    rest = " ".join(bare(w) for w in s.key[b : b + 40].split()[:2])
    if any(rest == x or rest.startswith(x + " ") for x in move_not_before(entry)):
        return False  # "طلب عدم ذكر اسمه", "ربط بين"
    if "requires_after" in info:
        need = {fold(w) for w in info["requires_after"]}
        window = s.key[b : b + 300].split()[:25]
        return any(bare(w).lstrip("وب") in need for w in window)
    return True


def _scope_end(s: Sent, cues, idx: int) -> int:
    """The move's scope ends at the next move cue or the sentence end."""
    b = cues[idx][1]
    nxt = [c[0] for c in cues[idx + 1 :] if c[0] > b]
    return nxt[0] if nxt else len(s.key)


def _exchange(s: Sent, b: int, end: int) -> tuple[int, int, str] | None:
    """The first exchange/condition/sequence marker in the move's scope."""
    for a2, b2, _f, labels in exchange_lexicon().find(s.key):
        if b <= a2 < end:
            if labels[0] == "sequence" and not _sequence_ok(s, b2):
                continue
            return a2, b2, labels[0]
    return None


def _sequence_ok(s: Sent, kend: int) -> bool:
    """قبل/بعد count as an exchange only before a move word (انسحاب، خروج …)."""
    after = s.key[kend : kend + 40].split()[:3]
    return any(
        bare(w)
        .lstrip("وبل")
        .startswith(("انسحاب", "الانسحاب", "خروج", "اخراج", "سحب", "رفع", "وقف", "اي", "ان"))
        for w in after
    )


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


def _phrase_end(s: Sent, a: int, end: int) -> int:
    """End of the exchange phrase: the clause end or ``end``."""
    for ta, tb in s.tokens:
        if ta <= a:
            continue
        if tb >= end:
            return end
        raw = s.key[ta:tb]
        if is_clause_end(raw.rstrip('»”"')):
            return tb - 1
        if bare(raw) in {"بحسب", "حسب", "وفق", "وفقا"}:
            return ta
    return end


def _resolve(h: IssueHit, owner: str) -> str:
    return h.issue or own_presence_issue(owner)


def _collapse(issue_ids: list[str]) -> list[str]:
    """Drop a parent issue when a narrower child is present; keep order, no repeats."""
    data = issues_data()
    present = set(issue_ids)
    out = []
    for i in issue_ids:
        children = {c for c in present if data.get(c, {}).get("parent") == i}
        if i and not children and i not in out:
            out.append(i)
    return out


def moves_in_sentence(s: Sent, att: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Position records for one sentence."""
    cues = _cues(s)
    if not cues:
        return []
    issues = find_issues(s)
    hypos = [a for a, _b, _f, _l in hypothetical_lexicon().find(s.key)]
    out = []
    prev_holders: list[tuple[str, str]] = []
    speaker_cue = int(att.get("cue_start", -1)) if att else -1
    for idx, (a, b, move, entry, how) in enumerate(cues):
        end = _scope_end(s, cues, idx)
        holders = move_holders(s, a, b, how, issues, att, speaker_cue, prev_holders)
        if not holders:
            continue
        prev_holders = holders
        clause_end = _clause_end(s, b, end)
        ex = _exchange(s, b, end)
        if ex and ex[0] > clause_end + 3:
            ex = None  # a marker in a later clause belongs to another statement
        end = min(end, clause_end) if ex is None else end
        main_end = ex[0] if ex else end
        holder_ids = {h for h, _ in holders}
        spans = [(h.kstart, h.kend) for h in issues]
        counterpart = move_counterpart(s, move, entry, b, main_end, holder_ids, spans)
        owner_for_pronoun = counterpart if move in {"demand", "condition"} and counterpart else ""
        modality = _modality(s, _light_verb_pos(s, a) if how == "light" else a, hypos)
        if how == "noun" and re.search(r"(?<![\w])ان\s+(?:ت|ي)كون\s", s.key[max(0, a - 40) : a]):
            modality = "hypothetical"  # "أن تكون روسيا ضامنة": a role proposed, not taken
        main_hits, ex_phrase, ex_issues = _move_issues(
            s, issues, (b, end, main_end), ex, how, move_info()[entry], next(iter(holder_ids))
        )
        move_row = {
            "move": move,
            "exchange_phrase": ex_phrase,
            "modality": modality,
            "cue": s.surface(a, b),
            "span": s.doc_span(a, max(b, main_end if ex else min(end, _phrase_end(s, b, end)))),
        }
        for holder_id, holder_surface in holders:
            owner = owner_for_pronoun or holder_id
            ids = _collapse([_resolve(h, owner) for h in main_hits])
            phrases: dict[str, str] = {}
            for h in main_hits:
                phrases.setdefault(_resolve(h, owner), s.surface(h.kstart, h.kend))
            for issue in ids or [""]:
                out.append(
                    {
                        **move_row,
                        "holder_id": holder_id,
                        "holder_surface": holder_surface,
                        "counterpart_id": counterpart if counterpart != holder_id else "",
                        "issue": issue,
                        "issue_phrase": phrases.get(issue, ""),
                        # "X in exchange for X" says nothing: the marker introduced the
                        # move's own condition ("يهدد … إذا لم تنسحب"), not a trade
                        "in_exchange_for": "|".join(e for e in ex_issues if e != issue),
                    }
                )
    return out


def _move_issues(
    s: Sent,
    issues: list[IssueHit],
    bounds: tuple[int, int, int],
    ex: tuple[int, int, str] | None,
    how: str,
    info: dict[str, Any],
    owner: str,
) -> tuple[list[IssueHit], str, list[str]]:
    """The issues a move is about, its exchange phrase and the issues asked in exchange.

    ``bounds`` are the cue's end, the move's scope end and where its main part ends (the
    exchange marker ``ex``, when there is one); ``owner`` resolves a pronoun in the
    exchange ("قواتها")."""
    b, end, main_end = bounds
    ex_phrase, ex_issues = "", []
    if ex:
        pe = _phrase_end(s, ex[1], end)
        ex_phrase = s.surface(ex[0], pe)
        ex_hits = [h for h in issues if ex[1] <= h.kstart < pe]
        ex_issues = _collapse([_resolve(h, owner) for h in ex_hits])
    main_hits = [
        h
        for h in issues
        if (b <= h.kstart < main_end and h.issue not in info.get("instrument_issues", []))
        or (b <= h.kstart < main_end and len([x for x in issues if b <= x.kstart < main_end]) == 1)
    ]
    if how == "noun":  # "أن تكون روسيا ضامنة لأي تفاهم": scope is the clause
        main_hits = [h for h in issues if h.kstart >= b][:1]
    if info.get("second_issue_is_exchange") and not ex and len(main_hits) > 1:
        # "ربط خروج X بانسحاب Y": Y is what X's exit is tied to
        first, rest = main_hits[0], main_hits[1:]
        ex_issues = _collapse([_resolve(h, owner) for h in rest])
        ex_phrase = s.surface(rest[0].kstart, rest[-1].kend)
        main_hits = [first]
    return main_hits, ex_phrase, ex_issues


def _light_verb_pos(s: Sent, kpos: int) -> int:
    """Key position of the light verb before a light noun (for its negation/future)."""
    i = s.tok_index(kpos)
    for j in range(i - 1, max(-1, i - 5), -1):
        if bare(s.token_text(j)).lstrip("وفس") in light_verbs():
            return s.tokens[j][0] + (1 if s.token_text(j)[:1] in "وف" else 0)
    return kpos


def _modality(s: Sent, a: int, hypos: list[int]) -> str:
    i = s.tok_index(a)
    tok_start = s.tokens[i][0] if i < len(s.tokens) else a
    if negated(s, a) or s.key[max(0, a - 8) : a].rstrip().endswith(("رفض ان", "رفضت ان")):
        return "negated"
    lo = max((tb for ta, tb in s.tokens if tb <= a and is_clause_end(s.key[ta:tb])), default=0)
    opener = s.tokens[1][1] if len(s.tokens) > 1 else len(s.key)
    # "في حال انسحبت …، فإن موسكو ستضمن …": a sentence-initial if governs the main clause
    if any(lo <= h < a for h in hypos) or any(h <= opener and h < a for h in hypos):
        return "hypothetical"
    if future_form(s, a) or s.key[tok_start:a].endswith("س"):
        return "future"
    if any(lo <= f < a for f, _e, _w, _l in future_lexicon().find(s.key)):
        return "future"  # "من المتوقع أن تعرض أنقرة …"
    return "asserted"


def tag_positions(
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    attribution: pd.DataFrame,
) -> pd.DataFrame:
    """Negotiation moves in headline/body sentences (columns: ``POSITION_COLUMNS``)."""
    rows: list[dict[str, Any]] = []
    for s, att, date, outlet in iter_claims(
        sentences, documents, mentions, attribution, prefilter()
    ):
        seen = set()
        for mv in moves_in_sentence(s, att):
            k = (mv["holder_id"], mv["move"], mv["issue"], mv["cue"])
            if k in seen:
                continue
            seen.add(k)
            rows.append(claim_row(s, att, mv, date, outlet))
    out = pd.DataFrame(rows, columns=POSITION_COLUMNS)
    return typed_columns(out, POSITION_COLUMNS)
