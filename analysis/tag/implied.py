"""Stances implied by negotiation moves: one reading for both tables.

A move says where its holder stands on its issue: a demand that Iran's forces leave is
opposition to their presence, a military agreement with Iran is support for the alliance,
an offer or acceptance tied to something asked in return is ``conditional``, and what the
holder asks in return it wants. ``implied_stances(positions, sentences, mentions)`` reads
the moves table that way (polarity = the move's attitude × the direction of its issue
phrase: withdrawal, halt and removal words turn it round, as in ``analysis.tag.stance``);
``add_implied`` adds to the stances table those the attitude cues did not already give.
Threats and moves without an issue imply nothing, nor does a commitment or offer declined
("لم تتعهد بإخراج القوات") but for the holder's own forces. Each row's ``reason`` names the
move.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pandas as pd

from analysis.tag.claims import holder_affiliation, mentions_by_sentence, typed_columns
from analysis.tag.clauses import Sent
from analysis.tag.cues import deflector_lexicon, reach_through
from analysis.tag.directions import find_directions, issue_direction
from analysis.tag.issues import IssueHit, find_issues, is_place, owns_issue, stance_target
from analysis.tag.nearby import words_between
from analysis.tag.reasons import by_light_verb, declined_commitment
from analysis.tag.stance import STANCE_COLUMNS

__all__ = ["MOVE_ATTITUDES", "add_implied", "implied_stances"]

#: The attitude each move takes to what it is about (+1 wants it, -1 refuses it).
MOVE_ATTITUDES = {
    "demand": 1,
    "condition": 1,
    "guarantee": 1,
    "offer": 1,
    "accept": 1,
    "agreement": 1,
    "reject": -1,
}
_TIED = {"offer", "accept", "agreement"}
#: Words (besides actor names) a refusal's object may stand after it: "رفضت روسيا بشدة
#: انسحاب …", "رفضه القاطع لبقاء …"; further off, the issue is inside what is refused.
OBJECT_REACH = 2
_ELSEWHERE = re.compile(
    r"(?<![\w])[وف]?(?:بعد|لان|لانه|لانها|حيث|كلما|عندما|حين|حينما|بينما|فيما|اذ|كما)(?![\w])"
)


def _hit_for(s: Sent, hits: list[IssueHit], issue: str, phrase: str, after: int) -> IssueHit | None:
    """The issue hit a move row names: by its phrase, else the first of its issue after
    the cue."""
    for h in hits:
        if phrase and s.surface(h.kstart, h.kend) == phrase:
            return h
    return next((h for h in hits if h.kstart >= after and h.issue in ("", issue)), None)


def _polarity(sign: int, dsign: int) -> str:
    return "support" if sign * dsign > 0 else "oppose"


def _rows_for_move(
    s: Sent, mv: Any, hits: list[IssueHit], dirs: list, deflect: list[int]
) -> list[dict[str, Any]]:
    move, holder = str(mv.move), str(mv.holder_id)
    sign = MOVE_ATTITUDES.get(move)
    if sign is None or not mv.issue:
        return []
    ka, _kb = s.key_span(int(mv.start) - s.start, int(mv.end) - s.start)
    h = _hit_for(s, hits, str(mv.issue), str(mv.issue_phrase), ka)
    if h is None or h.time:
        # "تتمسك برحيل الأسد خلال المرحلة الانتقالية": the demand's topic, but it takes no
        # side on the process that only says when
        return []
    lo = ka if h.kstart >= ka else s.tokens[max(0, s.tok_index(h.kstart) - 3)][0]
    dsign, span = issue_direction(s, h, dirs, lo)
    if move == "reject" and not by_light_verb(str(mv.reason)) and h.kstart >= ka:
        # a refusal takes a side on what it refuses, not on what that is about: "رفضهم
        # شروط جيش الفتح للهدنة", "رفضت روسيا تقرير اللجنة عن …"
        kb = s.key_span(int(mv.start) - s.start, int(mv.start) - s.start + len(str(mv.cue)))[1]
        obj = span[0] if span is not None and kb <= span[0] < h.kstart else h.kstart
        through = reach_through().get("reject", frozenset())
        if words_between(s, kb, obj, through) > OBJECT_REACH:
            return []
    elif h.kstart >= ka and (
        _ELSEWHERE.search(s.key, ka, h.kstart)
        # "دعت إلى الخروج بموقف موحد من الوجود الأمريكي": a position on it, as for attitudes
        or any(ka <= d < h.kstart for d in deflect)
    ):
        # "الضغط الروسي على واشنطن … بعد عرقلة واشنطن خطط الميليشيات الإيرانية": the issue is
        # in a clause of time or cause after the move, not what the move asks or gives
        return []
    if span is None and is_place(str(mv.issue)):
        # "اتفاق … حول درعا": a place that counts for Iran's presence says nothing of it
        # without a word that moves the forces (إبعاد، انسحاب، بقاء)
        return []
    if declined_commitment(str(mv.reason)) and not owns_issue(holder, str(mv.issue)):
        # "لم تتعهد روسيا بإخراج القوات الإيرانية": declining to commit to an act takes no
        # side on what the act is about (unless the forces are the holder's own)
        return []
    exchange = [e for e in str(mv.in_exchange_for or "").split("|") if e]
    if move in _TIED and exchange:
        pol = "conditional"  # given only for what is asked in return
    elif move == "condition" and owns_issue(holder, str(mv.issue)):
        pol = "conditional"  # conditions set on its own forces' withdrawal
    else:
        pol = _polarity(sign, dsign)
    why = f"implied by the move {move} «{mv.cue}» ({mv.reason})"
    out = [_row(s, mv, str(mv.issue), pol, h, why)]
    party = str(mv.counterpart_id or "")
    if move == "agreement" and party:
        # the other party agreed to the same thing (two parties make one agreement row)
        other = SimpleNamespace(**{**vars(mv), "holder_id": party, "holder_surface": ""})
        other.holder_affiliation = holder_affiliation(party, None)
        out.append(_row(s, other, str(mv.issue), pol, h, f"party to the agreement: {why}"))
    for issue in exchange:
        eh = next((x for x in hits if x.kstart > h.kstart and x.issue in ("", issue)), None)
        if eh is None:
            continue
        esign, _ = issue_direction(s, eh, dirs, h.kend)
        out.append(_row(s, mv, issue, _polarity(1, esign), eh, f"asked in return: {why}"))
    return out


def _row(s: Sent, mv: Any, issue: str, pol: str, h: IssueHit, why: str) -> dict[str, Any]:
    a, b = s.doc_span(h.kstart, h.kend)
    start, end = min(int(mv.start), a), max(int(mv.end), b)
    return {
        "doc_id": s.doc_id,
        "sent_id": s.sent_id,
        "start": start,
        "end": end,
        "holder_id": mv.holder_id,
        "holder_affiliation": mv.holder_affiliation,
        "target": stance_target(issue),
        "polarity": pol,
        "speaker_id": mv.speaker_id,
        "source_chain": mv.source_chain,
        "hedged": bool(mv.hedged),
        "cue": mv.cue,
        "date": mv.date,
        "outlet": mv.outlet,
        "cue_id": f"move:{mv.move}",
        "holder_surface": mv.holder_surface,
        "issue_phrase": s.surface(h.kstart, h.kend),
        "evidence": s.text[start - s.start : end - s.start],
        "reason": why,
    }


def implied_stances(
    positions: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame
) -> pd.DataFrame:
    """The stances the moves imply (columns: ``STANCE_COLUMNS``)."""
    rows: list[dict[str, Any]] = []
    if positions is not None and not positions.empty:
        keys = positions[["doc_id", "sent_id"]].drop_duplicates()
        # only the sentences with moves: grouping every mention of a chunk costs more
        near = mentions.merge(keys, on=["doc_id", "sent_id"]) if not mentions.empty else mentions
        by_sent = mentions_by_sentence(near)
        texts = sentences.merge(keys, on=["doc_id", "sent_id"])
        text = {
            (str(d), int(i)): (int(st), str(t))
            for d, i, st, t in zip(
                *(texts[c].tolist() for c in ("doc_id", "sent_id", "start", "text")), strict=True
            )
        }
        # plain records, grouped by hand: a pandas group per sentence costs more than the reading
        groups: dict[tuple[str, int], list[SimpleNamespace]] = {}
        for rec in positions.to_dict("records"):
            key = (str(rec["doc_id"]), int(rec["sent_id"]))
            groups.setdefault(key, []).append(SimpleNamespace(**rec))
        for (doc, sent), group in groups.items():
            start, body = text[(doc, sent)]
            s = Sent.build(doc, sent, start, body, by_sent.get((doc, sent), ()))
            hits = find_issues(s)
            dirs = find_directions(s)
            deflect = [a for a, _b, _f, _l in deflector_lexicon().find(s.key)]
            for mv in group:
                rows.extend(_rows_for_move(s, mv, hits, dirs, deflect))
    out = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    return typed_columns(out, STANCE_COLUMNS)


def add_implied(
    stances: pd.DataFrame, implied: pd.DataFrame, sentences: pd.DataFrame
) -> pd.DataFrame:
    """``stances`` plus the implied ones no attitude cue gave for the same sentence, holder
    and target, in the documents' order (that of ``sentences``)."""
    if implied.empty:
        return stances
    have = set(
        zip(
            stances["doc_id"],
            stances["sent_id"],
            stances["holder_id"],
            stances["target"],
            strict=True,
        )
    )
    keys = zip(
        implied["doc_id"], implied["sent_id"], implied["holder_id"], implied["target"], strict=True
    )
    fresh = implied[[k not in have for k in keys]]
    fresh = fresh.drop_duplicates(["doc_id", "sent_id", "holder_id", "target"])
    if fresh.empty:
        return stances
    out = pd.concat([stances, fresh], ignore_index=True) if not stances.empty else fresh
    order = {d: i for i, d in enumerate(dict.fromkeys(sentences["doc_id"]))}
    out = out.assign(_order=out["doc_id"].map(order))
    out = out.sort_values(["_order", "sent_id", "start"], kind="stable").drop(columns="_order")
    return typed_columns(out.reset_index(drop=True), STANCE_COLUMNS)
