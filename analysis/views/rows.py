"""The rows every view reads, as DataFrames: mentions, stances, claims and moves joined
with their sentence, outlet and date; dated articles; duplicate groups.

Each table-level function here is a provider (``analysis.views.providers``): views call it
and get the plain pandas result; ``analysis.panel`` installs versions that compute the rows
once for the unfiltered tables and cut them for a filter. The joins work document by
document, which is what makes such a cut give the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from analysis.schema import COUNTED_SECTIONS
from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.attribution import OUTLET
from analysis.tag.positions import POSITION_COLUMNS
from analysis.tag.stance import STANCE_COLUMNS
from analysis.text import safety
from analysis.views.hovers import snippet
from analysis.views.providers import provider

#: dtypes of the offset, flag and date columns of the stance and position rows.
ROW_DTYPES = {
    "sent_id": "int64",
    "start": "int64",
    "end": "int64",
    "hedged": "bool",
    "date": "datetime64[ns]",
}


def empty_frame(columns: Iterable[str], dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """A frame without rows with ``columns``, typed by ``dtypes`` (others: object)."""
    dtypes = dtypes or {}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "object")) for c in columns})


def free_names(names: Iterable[object], fixed: Iterable[str], *, suffix: str) -> list[str]:
    """Column names for data values (outlets, documents) beside ``fixed`` columns.

    A value equal to a fixed column (or to an earlier name) gets ``suffix``, again until it
    is free: an outlet called ``agreement`` becomes the column ``agreement (outlet)``.
    """
    taken = set(fixed)
    out = []
    for name in names:
        col = str(name)
        while col in taken:
            col += suffix
        taken.add(col)
        out.append(col)
    return out


def counted(sentences: pd.DataFrame, sections=COUNTED_SECTIONS) -> pd.DataFrame:
    """Sentences (or mentions) of the sections that analyses count (``COUNTED_SECTIONS``
    of ``analysis.schema``)."""
    return sentences[sentences["section"].isin(sections)]


def document_positions(doc_ids: Iterable[object], documents: pd.DataFrame) -> np.ndarray:
    """Per id of ``doc_ids``, the position of its row in ``documents`` (-1: absent; a
    doc_id listed twice: its first row)."""
    ids = pd.Index(documents["doc_id"])
    if ids.is_unique:
        return ids.get_indexer(doc_ids)
    first = np.flatnonzero(~ids.duplicated())
    at = ids[first].get_indexer(doc_ids)
    return np.where(at >= 0, first[np.maximum(at, 0)], -1)


@provider
def doc_positions(frame: pd.DataFrame, documents: pd.DataFrame) -> np.ndarray:
    """Per row of ``frame``, the position of its document in ``documents``
    (:func:`document_positions`)."""
    return document_positions(frame["doc_id"], documents)


@provider
def coded(frame: pd.DataFrame, columns: tuple[str, ...]) -> dict[str, tuple[np.ndarray, pd.Index]]:
    """Per column (and ``doc_id``), ``pandas.factorize`` of it: integer codes per row (-1:
    missing) and the values they stand for. (The panel's version codes a filtered frame
    as its unfiltered one, so a value may stand in ``uniques`` without occurring.)"""
    return {c: pd.factorize(frame[c]) for c in ("doc_id", *columns)}


@provider
def listed_codes(
    frame: pd.DataFrame, documents: pd.DataFrame, column: str
) -> tuple[np.ndarray, pd.Index]:
    """:func:`coded` ``column`` of the rows of ``frame`` whose document is in ``documents``
    (codes, values)."""
    codes, names = coded(frame, (column,))[column]
    return codes[doc_positions(frame, documents) >= 0], names


@provider
def duplicate_rows(documents: pd.DataFrame) -> pd.DataFrame:
    """Articles of near-duplicate groups of two or more (``dup_group``, ``doc_id``,
    ``outlet``, ``date``, ``title``), by group, date and id."""
    sizes = documents.groupby("dup_group")["doc_id"].transform("size")
    cols = ["dup_group", "doc_id", "outlet", "date", "title"]
    dups = documents.loc[sizes > 1, [c for c in cols if c in documents]]
    return dups.sort_values(["dup_group", "date", "doc_id"], ignore_index=True)


def mention_rows(m: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Mentions of counted sections and actor kinds (``analysis.tag.actors.ACTOR_KINDS``:
    media and places are tagged but not counted), joined with their sentence
    (``sentence``, ``sent_start``), outlet and date. ``analysis.views.mention_codes`` sorts and
    codes them for the views."""
    if m.empty:
        return pd.DataFrame(
            columns=[*m.columns, "sentence", "outlet", "date"] if len(m.columns) else []
        )
    m = counted(m) if "section" in m else m
    m = m[m["kind"].isin(ACTOR_KINDS)] if "kind" in m else m
    sents = sentences[["doc_id", "sent_id", "start", "text"]].rename(
        columns={"start": "sent_start", "text": "sentence"}
    )
    # a doc_id listed twice counts once, with its first row (as document_positions)
    docs = documents[["doc_id", "outlet", "date"]].drop_duplicates("doc_id")
    return m.merge(sents, on=["doc_id", "sent_id"], how="left").merge(docs, on="doc_id")


def empty_stances() -> pd.DataFrame:
    """A stances table without rows (``STANCE_COLUMNS``, typed as ``analysis.tag.stance``'s)."""
    return empty_frame(STANCE_COLUMNS, ROW_DTYPES)


def stances_of(tables) -> pd.DataFrame:
    """The ``stances`` table of ``tables``, or :func:`empty_stances` when it is missing,
    empty or lacks a stance column."""
    frame = getattr(tables, "stances", None)
    if frame is None or frame.empty or not set(STANCE_COLUMNS) <= set(frame.columns):
        return empty_stances()
    return frame


@provider
def stance_rows(tables) -> pd.DataFrame:
    """The stances of ``tables`` with their sentence, earliest first.

    Columns: ``STANCE_COLUMNS`` plus ``sentence`` (the sentence text) and ``sent_start``
    (its offset in ``documents.text``); where the sentence is unknown, ``sentence`` is the
    evidence span. Text columns hold Python strings (``object``; ``None`` where missing).
    Tables without stances (or without a ``stances`` table) give an empty frame with these
    columns.
    """
    return join_stance_rows(stances_of(tables), getattr(tables, "sentences", None))


def join_stance_rows(st: pd.DataFrame, sents: pd.DataFrame | None) -> pd.DataFrame:
    """:func:`stance_rows` of a stances and a sentences table."""
    if st.empty:
        return st.assign(sentence=pd.Series(dtype="object"), sent_start=pd.Series(dtype="int64"))
    if (
        sents is not None
        and not sents.empty
        and {"doc_id", "sent_id", "start", "text"} <= set(sents.columns)
    ):
        sents = sents[sents["doc_id"].isin(st["doc_id"].unique())]
        sents = sents[["doc_id", "sent_id", "start", "text"]].rename(
            columns={"start": "sent_start", "text": "sentence"}
        )
        st = st.merge(sents, on=["doc_id", "sent_id"], how="left")
    else:
        st = st.assign(sentence=pd.NA, sent_start=pd.NA)
    missing = st["sentence"].isna()
    st["sentence"] = st["sentence"].astype("object").where(~missing, st["evidence"])
    st["sent_start"] = st["sent_start"].where(~missing, st["start"]).astype("int64")
    for col in st.columns[[pd.api.types.is_string_dtype(t) for t in st.dtypes]]:
        # object (None for missing), not pandas' Arrow-backed str: the views read these
        # values one by one, where an Arrow element costs ten times a Python one
        values = st[col].astype(object)
        st[col] = values.where(values.notna(), None)
    return st.sort_values(
        ["date", "doc_id", "start", "holder_id", "target"], na_position="last", ignore_index=True
    )


#: The columns of ``attribution`` that claim rows are made of.
CLAIM_COLUMNS = {"doc_id", "sent_id", "speaker_id", "speaker_kind", "cited_source", "source_chain"}


@provider
def table_columns(tables: Any, name: str) -> pd.Index | None:
    """The columns of table ``name`` of ``tables``, or None when it has no such DataFrame.
    (The panel's version reads a table still to be cut from the table it will be cut from,
    without cutting it.)"""
    frame = getattr(tables, name, None)
    return frame.columns if isinstance(frame, pd.DataFrame) else None


def claims_readable(tables: Any) -> bool:
    """Do ``tables`` have ``documents`` and an ``attribution`` table with
    :data:`CLAIM_COLUMNS` (what :func:`claim_rows` needs)?"""
    columns = table_columns(tables, "attribution")
    if columns is None or getattr(tables, "documents", None) is None:
        return False
    return set(columns) >= CLAIM_COLUMNS


@provider
def claim_rows(tables: Any) -> pd.DataFrame:
    """:func:`join_claim_rows` of the ``attribution``, ``documents`` and stances
    (:func:`stances_of`) of ``tables`` (check :func:`claims_readable` first)."""
    return join_claim_rows(tables.attribution, tables.documents, stances_of(tables))


def join_claim_rows(att: pd.DataFrame, docs: pd.DataFrame, st: pd.DataFrame) -> pd.DataFrame:
    """Attributed sentences (a speaker other than the outlet) with their article's outlet
    and the number of stances in the sentence."""
    need = ["cited_source", "doc_id", "sent_id", "source_chain", "speaker_id", "speaker_kind"]
    att = att[att["speaker_id"] != OUTLET]
    per_sent = st.groupby(["doc_id", "sent_id"]).size().rename("stances")
    att = att[[*need, "hedged"]].merge(docs[["doc_id", "outlet"]], on="doc_id")
    att = att.join(per_sent, on=["doc_id", "sent_id"])
    att["stances"] = att["stances"].fillna(0).astype("int64")
    att["cited_source"] = att["cited_source"].fillna("").astype(str)
    return att


EVIDENCE_CHARS = 200
ROW_COLUMNS = [*POSITION_COLUMNS, "sentence", "snippet"]
_TEXT_COLUMNS = [c for c in ROW_COLUMNS if c not in ("sent_id", "start", "end", "hedged", "date")]


@provider
def position_rows(tables) -> pd.DataFrame:
    """The moves of ``tables.positions`` with their evidence, oldest first.

    Columns: ``analysis.tag.positions.POSITION_COLUMNS`` plus ``sentence`` (the sentence the
    move was found in) and ``snippet`` (about ``EVIDENCE_CHARS`` characters of it around
    the move; raw text). Text columns hold Python strings (``object``), ``""`` rather
    than missing values. Undated moves
    come first, then by date, document and offset, so the last row of a group is its
    latest move. The result is shared between calls on the same tables (every view of a
    panel update reads the same filtered tables): treat it as read-only.
    """
    return join_position_rows(
        getattr(tables, "positions", None), getattr(tables, "sentences", None)
    )


def join_position_rows(pos: pd.DataFrame | None, sents: pd.DataFrame | None) -> pd.DataFrame:
    """:func:`position_rows` of a positions and a sentences table."""
    if pos is None or pos.empty or not set(POSITION_COLUMNS) <= set(pos.columns):
        return empty_frame(ROW_COLUMNS, ROW_DTYPES)
    rows = pos[POSITION_COLUMNS]
    if sents is not None and not sents.empty:
        keys = rows[["doc_id", "sent_id"]].drop_duplicates()
        s = sents[["doc_id", "sent_id", "start", "text"]].merge(keys, on=["doc_id", "sent_id"])
        s = s.rename(columns={"start": "sent_start", "text": "sentence"})
        rows = rows.merge(s, on=["doc_id", "sent_id"], how="left")
    else:
        rows = rows.assign(sent_start=pd.NA, sentence="")
    rows = rows.astype({c: "object" for c in _TEXT_COLUMNS if c in rows})
    for col in [c for c in _TEXT_COLUMNS if c in rows]:
        # object, not pandas' Arrow-backed str: the views read these values one by one,
        # and an Arrow element costs ten times a Python one
        rows[col] = rows[col].where(rows[col].notna(), "").astype(str).astype(object)
    rows["hedged"] = rows["hedged"].fillna(False).astype(bool)
    snippets = [
        snippet(sent, int(a) - int(s0), int(b) - int(s0), EVIDENCE_CHARS)
        if sent and not safety.is_missing(s0)
        else " ".join(p for p in (cue, phrase) if p)
        for sent, s0, a, b, cue, phrase in zip(
            rows["sentence"],
            rows["sent_start"],
            rows["start"],
            rows["end"],
            rows["cue"],
            rows["issue_phrase"],
            strict=True,
        )
    ]
    rows["snippet"] = pd.Series(snippets, index=rows.index, dtype=object)  # as above
    rows = rows.sort_values(
        ["date", "doc_id", "sent_id", "start"], na_position="first", kind="stable"
    )
    return rows[ROW_COLUMNS].reset_index(drop=True)


@provider
def dated_articles(documents: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Dated articles by date and doc id, with the start of their period (``freq``)."""
    cols = [c for c in ("doc_id", "outlet", "date", "title") if c in documents]
    dated = documents.loc[documents["date"].notna(), cols]
    dated = dated.sort_values(["date", "doc_id"], ignore_index=True)
    periods = dated["date"].dt.to_period(freq[0] if freq != "MS" else "M")
    return dated.assign(period=periods.dt.start_time)
