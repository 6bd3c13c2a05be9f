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

from analysis.resources import load_yaml
from analysis.tag.attribution import (
    Lexicon,
    Mention,
    Sent,
    bare,
    build_lexicon,
    is_clause_end,
)
from analysis.tag.stance import (
    ACTOR_KINDS,
    IssueHit,
    _typed,
    claim_row,
    claims,
    explicit_subject,
    find_issues,
    future_form,
    issues_data,
    negated,
    own_presence_issue,
    qabl_is_verb,
    self_reference,
    speaker_holder,
    top_state,
)
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
# Nouns after which a nisba or name is the counterpart of an accept/reject ("رفض العرض الأمريكي").
_OBJECT_NOUNS = frozenset(
    fold(w)
    for w in (
        *("العرض", "الطلب", "المقترح", "الاقتراح", "الشروط", "المبادره", "الصفقه"),
        *("العروض", "المطالب", "الوساطه", "المبادرة"),
    )
)
_PREP_TOKENS = {"علي", "من", "الي", "مع", "ل"}
_NOUN_PREPS = frozenset({"علي", "من", "الي", "عن", "في", "الى", "حول", "بشان", "بعد", "قبل"})


@functools.cache
def _moves() -> dict[str, Any]:
    return load_yaml("cues_moves")


@functools.cache
def move_lexicon() -> Lexicon:
    """Verb forms (label = move id) and light-verb nouns (label = 'light:<move>')."""
    groups = []
    for m in _moves()["moves"]:
        mid = m.get("move", m["id"])
        groups.append((f"verb:{mid}:{m['id']}", m.get("forms", [])))
        groups.append((f"light:{mid}:{m['id']}", m.get("light_forms", [])))
        groups.append((f"noun:{mid}:{m['id']}", m.get("holder_nouns", [])))
    return build_lexicon(groups, proclitics="وف", future=True)


@functools.cache
def _not_before_table() -> dict[str, tuple[str, ...]]:
    return {m["id"]: tuple(fold(x) for x in m.get("not_before", [])) for m in _moves()["moves"]}


def _not_before(entry: str) -> tuple[str, ...]:
    return _not_before_table().get(entry, ())


@functools.cache
def _homographs() -> frozenset[str]:
    return frozenset(fold(w) for w in _moves().get("noun_homographs", []))


def _verb_position(s: Sent, a: int) -> bool:
    """Does a homograph stand where a verb does: clause start, after و/ف or an opener
    (قد، كان، أن …), or right after an actor mention (SVO)?"""
    i = s.tok_index(a)
    if i < len(s.tokens) and s.key[s.tokens[i][0] : a] in {"و", "ف", "وس", "فس", "س"}:
        return True
    if i == 0:
        return True
    prev_raw = s.token_text(i - 1)
    if is_clause_end(prev_raw) or bare(prev_raw) in _openers():
        return True
    return any(0 <= s.tokens[i][0] - m.kend <= 1 and m.kind in ACTOR_KINDS for m in s.mentions)


@functools.cache
def _openers() -> frozenset[str]:
    return frozenset(fold(w) for w in _moves().get("verb_openers", []))


@functools.cache
def _fillers() -> frozenset[str]:
    return frozenset(fold(w) for w in _moves().get("counterpart_fillers", []))


@functools.cache
def _future_phrases() -> Lexicon:
    return build_lexicon([("future", _moves().get("future", []))], proclitics="و")


@functools.cache
def _light_verbs() -> frozenset[str]:
    return frozenset(fold(v) for v in _moves()["light_verbs"])


@functools.cache
def _move_info() -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in _moves()["moves"]}


@functools.cache
def _exchange_lexicon() -> Lexicon:
    return build_lexicon(
        ((e["id"], e["forms"]) for e in _moves()["exchange_markers"]), proclitics="وفب"
    )


@functools.cache
def _hypothetical() -> Lexicon:
    return build_lexicon([("if", _moves()["hypothetical"])], proclitics="وف")


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
        if tok in _light_verbs() or (tok[:1] in "وف" and tok[1:] in _light_verbs()):
            return True
    return False


def _verb_ok(s: Sent, a: int, b: int, form: str, entry: str) -> bool:
    """Filters for forms that are also other words (قبل "before", وقع "occurred")."""
    info = _move_info()[entry]
    prev = bare(s.token_text(s.tok_index(a) - 1)) if s.tok_index(a) > 0 else ""
    if form.lstrip("وفس") == "قبل" and not qabl_is_verb(s, a, b):
        return False
    if prev in _NOUN_PREPS and s.key[s.tokens[s.tok_index(a)][0] : a] == "":
        return False  # "بناءً على طلب", "إلى تعرض": a noun after a preposition, not a verb
    if form.lstrip("وفس") in _homographs() and not _verb_position(s, a):
        return False  # "فعاليات … عرض مسرحية", "رغم طلب مصري": the noun
    rest = " ".join(bare(w) for w in s.key[b : b + 40].split()[:2])
    if any(rest == x or rest.startswith(x + " ") for x in _not_before(entry)):
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
    for a2, b2, _f, labels in _exchange_lexicon().find(s.key):
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


def _counterpart(
    s: Sent,
    move: str,
    entry: str,
    b: int,
    end: int,
    holder_ids: set[str],
    issue_spans: list[tuple[int, int]],
) -> str:
    """The party the move is addressed to: a mention after a preposition, or the owner of
    the offer/demand being accepted or rejected."""
    preps = {fold(p) for p in _move_info()[entry].get("counterpart_preps", [])}
    for m in s.mentions:
        if not (b <= m.kstart < end) or m.actor_id in holder_ids or m.kind not in ACTOR_KINDS:
            continue
        if any(x <= m.kstart < y for x, y in issue_spans):
            continue
        i = s.tok_index(m.kstart)
        tok_start = s.tokens[i][0] if i < len(s.tokens) else m.kstart
        attached = s.key[tok_start : m.kstart]
        prev = bare(s.token_text(i - 1)) if i > 0 else ""
        near = i <= _first_free_token(s, b, holder_ids) + 3
        if (
            near
            and preps
            and (
                prev in preps
                or (attached.rstrip("ل") == "" and attached and "ل" in preps)
                or (attached in {"لل", "ل"} and "ل" in preps)
            )
        ):
            return m.actor_id
        prev2 = bare(s.token_text(i - 2)) if i > 1 else ""
        if near and preps and prev in _fillers() and prev2 in preps:
            return m.actor_id  # "على نظيره الأمريكي"
        if move in {"accept", "reject"} and prev in _OBJECT_NOUNS:
            return m.actor_id
        if move in {"threat", "demand"} and _direct_object(s, m, b, holder_ids):
            return m.actor_id  # "تطالب إسرائيل روسيا بـ…": object right after the subject
    return ""


def _first_free_token(s: Sent, b: int, holder_ids: set[str]) -> int:
    """Index of the first token after the cue and after the holder's mention if it follows
    the cue (VSO): a counterpart preposition must come right there ("عرضت واشنطن على دمشق")."""
    i = s.tok_index(b)
    for m in s.mentions:
        if m.actor_id in holder_ids and m.kstart >= b and m.kstart - b <= 2:
            i = s.tok_index(m.kend)
    # titles and coordinated holders: skip tokens still inside holder mentions
    return i


def _direct_object(s: Sent, m: Mention, b: int, holder_ids: set[str]) -> bool:
    """Does the mention follow the holder mention directly (no و, no preposition)?"""
    prev = [
        x
        for x in s.mentions
        if x.kend <= m.kstart and x.kstart >= b - 1 and x.actor_id in holder_ids
    ]
    if not prev:
        return False
    gap = s.key[prev[-1].kend : m.kstart]
    return gap.strip() == "" and s.key[m.kstart - 1 : m.kstart] != "و"


def moves_in_sentence(s: Sent, att: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Position records for one sentence."""
    cues = _cues(s)
    if not cues:
        return []
    issues = find_issues(s)
    hypos = [a for a, _b, _f, _l in _hypothetical().find(s.key)]
    out = []
    prev_holders: list[tuple[str, str]] = []
    speaker_cue = int(att.get("cue_start", -1)) if att else -1
    for idx, (a, b, move, entry, how) in enumerate(cues):
        end = _scope_end(s, cues, idx)
        holders = _move_holders(s, a, b, how, issues, att, speaker_cue, prev_holders)
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
        counterpart = _counterpart(s, move, entry, b, main_end, holder_ids, spans)
        owner_for_pronoun = counterpart if move in {"demand", "condition"} and counterpart else ""
        modality = _modality(s, _light_verb_pos(s, a) if how == "light" else a, hypos)
        info = _move_info()[entry]
        if how == "noun" and re.search(r"(?<![\w])ان\s+(?:ت|ي)كون\s", s.key[max(0, a - 40) : a]):
            modality = "hypothetical"  # "أن تكون روسيا ضامنة": a role proposed, not taken
        ex_phrase, ex_issues = "", []
        if ex:
            pe = _phrase_end(s, ex[1], end)
            ex_phrase = s.surface(ex[0], pe)
            ex_hits = [h for h in issues if ex[1] <= h.kstart < pe]
            ex_issues = _collapse([_resolve(h, next(iter(holder_ids))) for h in ex_hits])
        main_hits = [
            h
            for h in issues
            if (b <= h.kstart < main_end and h.issue not in info.get("instrument_issues", []))
            or (
                b <= h.kstart < main_end
                and len([x for x in issues if b <= x.kstart < main_end]) == 1
            )
        ]
        if how == "noun":  # "أن تكون روسيا ضامنة لأي تفاهم": scope is the clause
            main_hits = [h for h in issues if h.kstart >= b][:1]
        if info.get("second_issue_is_exchange") and not ex and len(main_hits) > 1:
            # "ربط خروج X بانسحاب Y": Y is what X's exit is tied to
            first, rest = main_hits[0], main_hits[1:]
            ex_issues = _collapse([_resolve(h, next(iter(holder_ids))) for h in rest])
            ex_phrase = s.surface(rest[0].kstart, rest[-1].kend)
            main_hits = [first]
        for holder_id, holder_surface in holders:
            owner = owner_for_pronoun or holder_id
            ids = _collapse([_resolve(h, owner) for h in main_hits])
            phrases: dict[str, str] = {}
            for h in main_hits:
                phrases.setdefault(_resolve(h, owner), s.surface(h.kstart, h.kend))
            for issue in ids or [""]:
                start, stop = s.doc_span(
                    a, max(b, main_end if ex else min(end, _phrase_end(s, b, end)))
                )
                out.append(
                    {
                        "holder_id": holder_id,
                        "holder_surface": holder_surface,
                        "move": move,
                        "counterpart_id": counterpart if counterpart != holder_id else "",
                        "issue": issue,
                        "issue_phrase": phrases.get(issue, ""),
                        # "X in exchange for X" says nothing: the marker introduced the
                        # move's own condition ("يهدد … إذا لم تنسحب"), not a trade
                        "in_exchange_for": "|".join(e for e in ex_issues if e != issue),
                        "exchange_phrase": ex_phrase,
                        "modality": modality,
                        "cue": s.surface(a, b),
                        "span": (start, stop),
                    }
                )
    return out


def _move_holders(
    s: Sent,
    a: int,
    b: int,
    how: str,
    issues: list[IssueHit],
    att: dict[str, Any] | None,
    speaker_cue: int,
    prev_holders: list[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Explicit subject; for light nouns, the light verb's subject; for ضامن the mention
    just before; else the previous holder in the sentence; else the speaker."""
    if how == "noun":
        before = [
            m for m in s.mentions if m.kend <= a and a - m.kend <= 3 and m.kind in ACTOR_KINDS
        ]
        return [(before[-1].actor_id, before[-1].surface)] if before else []
    if how == "light":
        i = s.tok_index(a)
        lv = next(
            (
                j
                for j in range(i - 1, max(-1, i - 5), -1)
                if bare(s.token_text(j)).lstrip("وف") in _light_verbs()
            ),
            None,
        )
        if lv is None:
            return []
        a, b = s.tokens[lv]
    subj = explicit_subject(s, a, b, issues=issues, verbal=True)
    if subj:
        return [(m.actor_id, m.surface) for m in subj]
    if prev_holders and _coordinated_verb(s, a):
        return prev_holders
    holders = speaker_holder(att, a)
    if holders and self_reference(s, a):
        sid = holders[0][0]
        return [(top_state(sid) or sid, "")]
    a_doc = s.doc_span(a, b)[0]
    # pronoun-drop verb right after the speaker's cue ("وأضاف أنه رفض …") or sentence-
    # initial ("ورفض العرض") in a carried-over passage
    in_content = 0 <= speaker_cue < a_doc or (att and att.get("carried_over"))
    if holders and in_content and _pronoun_subject(s, a, speaker_cue):
        return holders
    return []


def _light_verb_pos(s: Sent, kpos: int) -> int:
    """Key position of the light verb before a light noun (for its negation/future)."""
    i = s.tok_index(kpos)
    for j in range(i - 1, max(-1, i - 5), -1):
        if bare(s.token_text(j)).lstrip("وفس") in _light_verbs():
            return s.tokens[j][0] + (1 if s.token_text(j)[:1] in "وف" else 0)
    return kpos


def _coordinated_verb(s: Sent, kpos: int) -> bool:
    """Verb joined to the previous move: "…، وطالبت" or "لكنه عرض"."""
    i = s.tok_index(kpos)
    tok = s.key[s.tokens[i][0] : kpos] if i < len(s.tokens) else ""
    prev = bare(s.token_text(i - 1)) if i > 0 else ""
    return tok in {"و", "ف"} or prev in {"لكنه", "لكنها", "ثم", "كما", "ولكنه", "ولكنها"}


def _pronoun_subject(s: Sent, kpos: int, speaker_cue: int) -> bool:
    """No other actor stands between the speaker's cue and this verb."""
    if speaker_cue < 0:
        return _coordinated_verb(s, kpos) or s.tok_index(kpos) == 0
    a_doc = s.doc_span(kpos, kpos + 1)[0]
    between = [m for m in s.mentions if speaker_cue < s.doc_span(m.kstart, m.kend)[0] < a_doc]
    i = s.tok_index(kpos)
    prev = bare(s.token_text(i - 1)) if i > 0 else ""
    # "قال إنه رفض" / "وأضاف أن دمشق …": only a bare complementiser (with pronoun) before
    return prev in {"انه", "انها", "بانه", "بانها", "انهم"} or (not between and prev in {"ان"})


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
    if any(lo <= f < a for f, _e, _w, _l in _future_phrases().find(s.key)):
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
    for s, att, date, outlet in claims(sentences, documents, mentions, attribution, prefilter()):
        seen = set()
        for mv in moves_in_sentence(s, att):
            k = (mv["holder_id"], mv["move"], mv["issue"], mv["cue"])
            if k in seen:
                continue
            seen.add(k)
            rows.append(claim_row(s, att, mv, date, outlet))
    out = pd.DataFrame(rows, columns=POSITION_COLUMNS)
    return _typed(out, POSITION_COLUMNS)


_ = Mention
