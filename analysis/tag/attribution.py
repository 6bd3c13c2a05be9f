"""Who says what: the speaker, the source chain and the hedging of each sentence.

``attribute(sentences, documents, mentions)`` returns one row per headline/body sentence:
the speaker (an actor from the dictionary, ``unnamed_source``, ``reports``, a cited outlet or
agency, or ``outlet`` — the article's own voice), the reporting cue, the outlets the claim
passed through (``source_chain``: outlet > cited source > speaker), whether the claim is
hedged, whether the speaker was carried over from the previous sentence, and quote spans.

The cues are data (``data/cues_reporting.yaml``, ``data/sources.yaml``, documented in
``data/CUES.md``) matched on folded keys (``analysis.text.normalize.match_key``); offsets point
into ``documents.text``. Only sentences whose folded text hits one compiled prefilter regex
get the deeper, per-token treatment; the rest are the outlet's own voice.

The speaker of one sentence is found by ``analysis.tag.speakers``; this module walks the
documents (carrying speakers and open quotations from sentence to sentence) and builds the
table.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any, NamedTuple

import pandas as pd

from analysis.tag.claims import (
    CHAIN_SEP,
    OUTLET,
    REPORTS,
    UNNAMED,
    claim_sentences,
    mentions_by_sentence,
)
from analysis.tag.clauses import Sent
from analysis.tag.cues import reporting_lexicon
from analysis.tag.lexicon import Prefilter, prefilter_of
from analysis.tag.mend import sentence_key
from analysis.tag.sources import sources_lexicon
from analysis.tag.speakers import Attribution, attribute_sentence

__all__ = ["ATTRIBUTION_COLUMNS", "CHAIN_SEP", "attribute", "source_chain"]

ATTRIBUTION_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "speaker_id",
    "speaker_kind",
    "speaker_surface",
    "speaker_affiliation",
    "cue",
    "cue_id",
    "cue_start",
    "cue_end",
    "cited_source",
    "source_chain",
    "hedged",
    "hedge_cue",
    "carried_over",
    "quote_spans",
    "clause_speakers",
]


_HAS_QUOTE = re.compile('[«»“”"]')
_QUOTE_PAIRS = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")


@functools.cache
def prefilter() -> Prefilter:
    """One regex over folded text: does the sentence need the deeper treatment?"""
    return prefilter_of((reporting_lexicon(), sources_lexicon()))


def _person_before_colon(text: str, start: int, mentions) -> bool:
    """Does a person's name stand right before a colon ("… لافروف : اتفقنا")?"""
    return any(
        m["kind"] == "person" and text[int(m["end"]) - start :].lstrip().startswith(":")
        for m in mentions
    )


def _quote_spans(start: int, text: str) -> list[list[int]]:
    return [[start + m.start(), start + m.end()] for m in _QUOTE_PAIRS.finditer(text)]


def _quote_open_after(text: str, was_open: bool) -> bool:
    """Is a quotation still open at the end of this sentence?"""
    opened = text.count("«") + text.count("“")
    closed = text.count("»") + text.count("”")
    state = was_open
    if opened != closed:
        state = opened > closed
    if text.count('"') % 2:
        state = not state
    return state


class _Record(NamedTuple):
    """One sentence as ``attribute`` reads it (``para_id`` is the sentence's own id when
    the table has no paragraphs)."""

    doc_id: str
    sent_id: int
    start: int
    end: int
    text: str
    section: str
    para_id: int


def attribute(
    sentences: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame
) -> pd.DataFrame:
    """One attribution row per headline/body sentence (columns: ``ATTRIBUTION_COLUMNS``)."""
    outlets = _doc_outlets(documents)
    by_sent = mentions_by_sentence(mentions)
    pre = prefilter()
    rows: list[dict[str, Any]] = []
    sub = claim_sentences(sentences)
    state: dict[str, Any] = {}
    current_doc = None
    prev_para = -9
    # the columns as lists: itertuples reads arrow-backed strings one Python call each
    names = ["doc_id", "sent_id", "start", "end", "text", "section", "para_id"]
    cols = [sub[c].tolist() if c in sub else sub["sent_id"].tolist() for c in names]
    for rec in map(_Record._make, zip(*cols, strict=True)):
        doc_id, sent_id, text = str(rec.doc_id), int(rec.sent_id), str(rec.text)
        if doc_id != current_doc:
            current_doc, state, prev_para = doc_id, {}, -9
        para = int(rec.para_id)
        if rec.section != "body" or para - prev_para > 1:
            state["prev"] = None  # headlines and distant paragraphs do not carry speakers
            state["open_quote"] = False
        prev_para = para
        quotes = _quote_spans(int(rec.start), text) if _HAS_QUOTE.search(text) else []
        ms = by_sent.get((doc_id, sent_id), ())
        if (
            pre.search(sentence_key(text))
            or state.get("open_quote")
            or _person_before_colon(text, int(rec.start), ms)
        ):
            s = Sent.build(doc_id, sent_id, int(rec.start), text, ms)
            att = attribute_sentence(s, state)
        else:
            att = Attribution()
        state["open_quote"] = _quote_open_after(text, bool(state.get("open_quote")))
        if att.speaker_id != OUTLET:
            state["prev"] = att.later[-1] if att.later else att  # "وأضاف": the last speaker
            if att.speaker_kind == UNNAMED and not att.carried_over:
                state["last_unnamed"] = att
        elif rec.section == "body":
            state["prev"] = None
        if att.speaker_kind == "source":
            state["last_source"] = att.speaker_id
        if att.cited:
            state["last_source"] = att.cited[-1]
        rows.append(
            _row(
                doc_id, sent_id, int(rec.start), int(rec.end), att, quotes, outlets.get(doc_id, "")
            )
        )
    out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return _typed(out)


def _row(
    doc_id: str,
    sent_id: int,
    start: int,
    end: int,
    att: Attribution,
    quotes: list[list[int]],
    outlet: str,
) -> dict[str, Any]:
    hedged = bool(att.hedge_cues) or att.speaker_kind in {UNNAMED, REPORTS}
    hedge_cue = "|".join(att.hedge_cues)
    if not hedge_cue and hedged:
        hedge_cue = att.speaker_kind
    return {
        "doc_id": doc_id,
        "sent_id": sent_id,
        "start": start,
        "end": end,
        "speaker_id": att.speaker_id,
        "speaker_kind": att.speaker_kind,
        "speaker_surface": att.speaker_surface,
        "speaker_affiliation": att.speaker_affiliation,
        "cue": att.cue,
        "cue_id": att.cue_id,
        "cue_start": att.cue_span[0],
        "cue_end": att.cue_span[1],
        "cited_source": "|".join(att.cited),
        "source_chain": source_chain(outlet, att),
        "hedged": hedged,
        "hedge_cue": hedge_cue,
        "carried_over": att.carried_over,
        "quote_spans": quotes,
        "clause_speakers": json.dumps(
            [
                {
                    "start": later.cue_span[0],
                    "speaker_id": later.speaker_id,
                    "speaker_kind": later.speaker_kind,
                    "speaker_surface": later.speaker_surface,
                    "speaker_affiliation": later.speaker_affiliation,
                }
                for later in att.later
            ],
            ensure_ascii=False,
        )
        if att.later
        else "",
    }


def source_chain(outlet: str, att: Attribution) -> str:
    """outlet > cited source(s) > speaker, without repeats."""
    chain = [outlet or "unknown"]
    for c in att.cited:
        if c not in chain:
            chain.append(c)
    if att.speaker_id != OUTLET and att.speaker_id not in chain:
        chain.append(att.speaker_id)
    return CHAIN_SEP.join(chain)


def _doc_outlets(documents: pd.DataFrame) -> dict[str, str]:
    if documents is None or documents.empty or "outlet" not in documents:
        return {}
    return dict(zip(documents["doc_id"].astype(str), documents["outlet"].astype(str), strict=True))


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    for col in ATTRIBUTION_COLUMNS:
        if col in {"sent_id", "start", "end", "cue_start", "cue_end"}:
            out[col] = out[col].astype("int64")
        elif col in {"hedged", "carried_over"}:
            out[col] = out[col].astype(bool)
        elif col != "quote_spans":
            out[col] = out[col].astype("string")
    out["doc_id"] = out["doc_id"].astype("string")
    return out.reset_index(drop=True)
