"""Claim sentences: the rows stances and moves are read from, and the columns they share.

The article's claims are its headline and body sentences (``COUNTED_SECTIONS``). ``claims``
yields each such sentence that passes a tagger's prefilter as a ``Sent`` with its
attribution row; ``claim_row`` fills the columns ``analysis.tag.stance`` and
``analysis.tag.positions`` share (holder's state, speaker, source chain, hedging, date,
outlet). Speaker ids that are not actors (``OUTLET``, ``UNNAMED``, ``REPORTS``) are
defined here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd

from analysis.schema import COUNTED_SECTIONS
from analysis.tag.actors import affiliation_of
from analysis.tag.clauses import Sent
from analysis.tag.mend import sentence_key

#: Speaker ids that are not actors from the dictionary (``UNLISTED``: a speaker named by a
#: name the dictionary lacks, "وأعلن إسماعيل هنية").
UNNAMED, REPORTS, OUTLET = "unnamed_source", "reports", "outlet"
UNLISTED = "unlisted_name"
#: Joins the outlet, the cited sources and the speaker in ``source_chain``.
CHAIN_SEP = " > "
#: Sections that carry the article's own claims; other sections never produce claims.


def mentions_by_sentence(mentions: pd.DataFrame) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """Mentions grouped by (doc_id, sent_id), as lists of plain dicts."""
    if mentions is None or mentions.empty:
        return {}
    cols = [
        c
        for c in ("doc_id", "sent_id", "start", "end", "actor_id", "kind", "surface", "reason")
        if c in mentions
    ]
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    # column lists zipped: to_dict("records") boxes every value of the arrow columns anew
    values = zip(*(mentions[c].tolist() for c in cols), strict=True)
    for rec in (dict(zip(cols, row, strict=True)) for row in values):
        out.setdefault((str(rec["doc_id"]), int(rec["sent_id"])), []).append(rec)
    return out


def claim_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Headline and body sentences, in document order."""
    sec = sentences["section"].astype(str) if "section" in sentences else None
    sub = sentences if sec is None else sentences[sec.isin(COUNTED_SECTIONS)]
    return sub.sort_values(["doc_id", "sent_id"], kind="stable")


def doc_meta(documents: pd.DataFrame) -> dict[str, tuple[Any, str]]:
    """doc_id → (date, outlet)."""
    if documents is None or documents.empty:
        return {}
    dates = documents["date"] if "date" in documents else pd.Series(pd.NaT, index=documents.index)
    outlets = documents["outlet"] if "outlet" in documents else pd.Series("", index=documents.index)
    return {
        str(d): (dt, str(o)) for d, dt, o in zip(documents["doc_id"], dates, outlets, strict=True)
    }


def iter_claims(
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    attribution: pd.DataFrame,
    prefilter_re: re.Pattern[str],
    keep: Callable[[str, tuple], bool] | None = None,
) -> Iterator[tuple[Sent, dict[str, Any] | None, Any, str]]:
    """(sentence, its attribution row, date, outlet) for every headline/body sentence whose
    folded text hits ``prefilter_re`` (and ``keep(key, mentions)``, when given): the loop
    that ``tag_stances`` and ``positions.tag_positions`` share."""
    meta = doc_meta(documents)
    sub = claim_sentences(sentences)
    by_sent = mentions_by_sentence(_of_sentences(mentions, sub))
    atts = AttributionIndex(_of_sentences(attribution, sub))
    # the columns as lists: itertuples reads arrow-backed strings one Python call each
    cols = (sub[c].tolist() for c in ("doc_id", "sent_id", "start", "text"))
    for doc_id, sent_id, start, text in zip(*cols, strict=True):
        text = str(text)
        key = sentence_key(text)
        if not prefilter_re.search(key):
            continue
        doc_id, sent_id = str(doc_id), int(sent_id)
        ments = by_sent.get((doc_id, sent_id), ())
        if keep is not None and not keep(key, ments):
            continue
        s = Sent.build(doc_id, sent_id, int(start), text, ments)
        date, outlet = meta.get(doc_id, (pd.NaT, ""))
        yield s, atts.get((doc_id, sent_id)), date, outlet


def _of_sentences(frame: pd.DataFrame | None, sentences: pd.DataFrame) -> pd.DataFrame | None:
    """The rows of ``frame`` in ``sentences`` (a caller may read a few of many sentences:
    turning every row into a record would cost more than the reading)."""
    if frame is None or frame.empty or len(sentences) * 2 > len(frame):
        return frame
    keys = sentences[["doc_id", "sent_id"]].drop_duplicates()
    return frame.merge(keys, on=["doc_id", "sent_id"], sort=False)


def claim_row(
    s: Sent, att: dict[str, Any] | None, found: dict[str, Any], date: Any, outlet: str
) -> dict[str, Any]:
    """The columns stances and positions share, for one item ``found`` in sentence ``s``
    (its ``span`` is popped and becomes ``start``/``end``)."""
    start, end = found.pop("span")
    return {
        "doc_id": s.doc_id,
        "sent_id": s.sent_id,
        "start": start,
        "end": end,
        "holder_affiliation": holder_affiliation(found["holder_id"], att),
        "speaker_id": att["speaker_id"] if att else OUTLET,
        "source_chain": att["source_chain"] if att else outlet,
        "hedged": bool(att["hedged"]) if att else False,
        "date": date,
        "outlet": outlet,
        **found,
    }


def speaker_at(att: dict[str, Any] | None, pos: int) -> dict[str, Any] | None:
    """The attribution that holds at document offset ``pos``: the sentence's, or that of
    the last later clause naming its own speaker before ``pos`` (``clause_speakers``),
    with its cue and source chain."""
    raw = att.get("clause_speakers") if att else ""
    if not raw or not isinstance(raw, str):
        return att
    here = [c for c in json.loads(raw) if int(c["start"]) <= pos]
    if not here:
        return att
    clause = here[-1]
    chain = str(att.get("source_chain") or "").split(CHAIN_SEP)
    if chain and chain[-1] == att.get("speaker_id") and len(chain) > 1:
        chain = chain[:-1]
    return {
        **att,
        **{k: v for k, v in clause.items() if k != "start"},
        "cue_start": int(clause["start"]),
        "source_chain": CHAIN_SEP.join([*chain, str(clause["speaker_id"])]),
        "carried_over": False,
    }


def clause_speaker(
    att: dict[str, Any] | None, pos: int, speaker_cue: int
) -> tuple[dict[str, Any] | None, int, dict[str, Any]]:
    """What a move or stance at document offset ``pos`` takes from its clause's speaker
    (``speaker_at``): the attribution, its cue offset (``speaker_cue``, the sentence's, when
    the clause has no speaker of its own), and the row columns a later clause's own speaker
    sets (none otherwise)."""
    here = speaker_at(att, pos)
    if here is att or here is None:
        return here, speaker_cue, {}
    columns = {"speaker_id": here["speaker_id"], "source_chain": here["source_chain"]}
    return here, int(here["cue_start"]), columns


def holder_affiliation(holder_id: str, att: dict[str, Any] | None) -> str:
    """The holder's state (top of its affiliation chain); for an unnamed source, the state
    of the body it belongs to ("مصدر في الخارجية السورية" → SYR)."""
    if holder_id == UNNAMED:
        aff = str(att.get("speaker_affiliation") or "") if att else ""
        return affiliation_of(aff, level="state") if aff else ""
    return affiliation_of(holder_id, level="state") if holder_id else ""


class AttributionIndex:
    """(doc_id, sent_id) → attribution row as a dict (the speaker cue's key position too),
    made when asked for: the readers ask for the few sentences their prefilter passes, and
    turning every row into a dict cost more than the reading."""

    def __init__(self, attribution: pd.DataFrame | None) -> None:
        if attribution is None or attribution.empty:
            self._at: dict[tuple[str, int], int] = {}
            self._columns: dict[str, list] = {}
            return
        ids = attribution["doc_id"].astype(str).tolist()
        sents = attribution["sent_id"].astype("int64").tolist()
        self._at = {key: i for i, key in enumerate(zip(ids, sents, strict=True))}
        self._columns = {c: attribution[c].tolist() for c in attribution.columns}

    def get(self, key: tuple[str, int]) -> dict[str, Any] | None:
        i = self._at.get(key)
        if i is None:
            return None
        return {c: values[i] for c, values in self._columns.items()}


def typed_columns(out: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The stances or positions table with its column types (ints, bool, dates, strings)."""
    for col in columns:
        if col in {"sent_id", "start", "end"}:
            out[col] = out[col].astype("int64")
        elif col == "hedged":
            out[col] = out[col].astype(bool)
        elif col == "date":
            out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
        else:
            out[col] = out[col].astype("string")
    return out.reset_index(drop=True)
