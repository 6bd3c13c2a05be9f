"""Actor mentions as integer codes, so views count them in milliseconds.

A live filter panel re-runs every view of notebook 02 on each filter change. Grouping
100,000 mention rows of Arrow strings in pandas, once per view, cost about a second on
the 31k-article corpus. Here the mention rows (``analysis.views.rows.mention_rows``) are
sorted once, earliest first, and each is coded as integers: its actor, outlet, document
and sentence. A view counts with ``numpy.bincount`` and takes the earliest mention of a
group as its evidence, by position, without copying the rows.

``mention_index`` and the per-row arrays are providers: ``analysis.panel.mention_index``
builds an index once per set of tables and cuts a filtered set's from the unfiltered one
(the same rows in the same order, so every piece of evidence is the same).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.tag.actors import LEVELS, affiliation_walk
from analysis.text import safety
from analysis.views.providers import provider
from analysis.views.rows import doc_positions, mention_rows


def counts(codes: np.ndarray, n: int) -> np.ndarray:
    """How many times each code ``0..n-1`` occurs."""
    return np.bincount(codes, minlength=n)[:n] if len(codes) else np.zeros(n, dtype=np.int64)


def ranked(codes: np.ndarray, ids: np.ndarray, top: int | None = None) -> list[int]:
    """Codes that occur, most frequent first, ties by id; at most ``top`` of them."""
    n = counts(codes, len(ids))
    present = np.flatnonzero(n)
    order = sorted(present, key=lambda c: (-n[c], str(ids[c])))
    return [int(c) for c in (order if top is None else order[:top])]


def first_of(keys: np.ndarray, n: int) -> np.ndarray:
    """For each key ``0..n-1``, the first selected row holding it (rows run earliest
    first); ``len(keys)`` where no row does."""
    first = np.full(n, len(keys), dtype=np.int64)
    np.minimum.at(first, keys, np.arange(len(keys), dtype=np.int64))
    return first


def first_in_document(
    index: MentionIndex, groups: np.ndarray | None = None, *, name: str = "actor", actors=None
) -> np.ndarray:
    """Per selected row: is it the first of its group in its document?

    The group is the row's actor, or ``groups[actor]`` (an affiliation code per actor
    code; ``name`` and ``actors`` identify that grouping in the cache). Computed once on
    the unfiltered index: a filter keeps or drops whole documents, so the first row of a
    group in a document stays first. ``index.select`` keeps that true only for masks that
    keep whole documents, or (``with_actors``) whole actors.
    """
    base = index if index.base is None else index.base
    return document_firsts(base, groups, name=name, actors=actors)[index.pos]


@provider
def document_firsts(
    base: MentionIndex, groups: np.ndarray | None, *, name: str = "actor", actors=None
) -> np.ndarray:
    """Per row of the unfiltered index ``base``: is it the first of its group in its
    document (:func:`first_in_document`)? ``name`` and ``actors`` name the grouping (the
    panel remembers the flags under them)."""
    group = base.actor if groups is None else groups[base.actor]
    width = int(group.max(initial=0)) + 1
    _, first = np.unique(base.doc * width + group, return_index=True)
    flags = np.zeros(len(base), dtype=bool)
    flags[first] = True
    return flags


def articles_per(
    index: MentionIndex,
    n_groups: int,
    groups: np.ndarray | None = None,
    *,
    name: str = "actor",
    actors=None,
) -> np.ndarray:
    """How many documents mention each actor (or each group ``groups[actor]``; see
    :func:`first_in_document`)."""
    group = index.actor if groups is None else groups[index.actor]
    flags = first_in_document(index, groups, name=name, actors=actors)
    return counts(group[flags], n_groups)


def outlets_per_actor(index: MentionIndex) -> np.ndarray:
    """How many outlets mention each actor (a missing outlet is not one)."""
    n_out = len(index.outlet_ids)
    real = np.array([not safety.is_missing(o) for o in index.outlet_ids], dtype=bool)
    seen = per_pair(index.actor, index.outlet, len(index.actor_ids), n_out) > 0
    return (seen & real).sum(axis=1)


def per_pair(group: np.ndarray, value: np.ndarray, n_groups: int, n_values: int) -> np.ndarray:
    """A ``n_groups`` × ``n_values`` matrix: how many rows have each (group, value)."""
    return counts(group * n_values + value, n_groups * n_values).reshape(n_groups, n_values)


def members(
    group: np.ndarray, actor: np.ndarray, actor_ids: np.ndarray, n_groups: int
) -> list[list[str]]:
    """Per group ``0..n_groups-1``, the sorted ids of the actors in it."""
    present = per_pair(group, actor, n_groups, len(actor_ids)) > 0
    return [sorted(str(actor_ids[a]) for a in np.flatnonzero(row)) for row in present]


def affiliation_codes(
    index: MentionIndex, actors: pd.DataFrame | None, *, level: str = "affiliation"
) -> tuple[np.ndarray, np.ndarray]:
    """Per actor code, a code of its affiliation (``tables.affiliations``), and the
    affiliation ids."""
    return _codes(affiliations(pd.Series(index.actor_ids, dtype=object), actors, level=level))


def cooccurrence(
    index: MentionIndex, keep: list[int]
) -> tuple[MentionIndex, np.ndarray, dict[tuple[int, int], int]]:
    """Sentences that mention two of the actors ``keep`` (codes), or one of them.

    Returns the selection of ``keep``'s mentions that have a sentence; the ``len(keep)``
    square matrix of sentence counts (row and column ``i``: ``keep[i]``; the diagonal
    counts the sentences that mention the actor); and per pair of codes ``(a, b)`` that
    share a sentence, the row (of that selection) of the earliest mention of ``a`` in such
    a sentence.
    """
    k = len(keep)
    wanted = np.zeros(len(index.actor_ids), dtype=bool)
    wanted[np.asarray(keep, dtype=np.int64)] = True
    sub = index.select(wanted[index.actor] & (index.sentence >= 0))
    # the earliest mention of each actor in each sentence, in row order (hashing, not
    # sorting: this runs on every filter change)
    key = pd.Series(sub.sentence * len(sub.actor_ids) + sub.actor)
    first = np.flatnonzero(~key.duplicated().to_numpy())
    at = np.full(max(keep, default=-1) + 1, -1, dtype=np.int64)
    at[np.asarray(keep, dtype=np.int64)] = np.arange(k)
    bit = at[sub.actor[first]]
    sentence, _ = pd.factorize(sub.sentence[first])
    # Each sentence as a bit mask of its actors (Python integers beyond 62 actors): pairs
    # counted from the masks, not from a self-join of every sentence's mentions.
    wide = k > 62
    flags = np.array([1 << int(b) for b in bit], dtype=object) if wide else np.int64(1) << bit
    masks = np.zeros(sentence.max(initial=-1) + 1, dtype=object if wide else np.int64)
    np.bitwise_or.at(masks, sentence, flags)
    shift = np.array(range(k), dtype=object) if wide else np.arange(k)
    kinds, n = np.unique(masks, return_counts=True) if len(masks) else (masks, masks)
    has = ((kinds[:, None] >> shift) & 1).astype(np.int64)  # mask kind × actor
    counts = (has * n.astype(np.int64)[:, None]).T @ has
    # per actor a, its first mention (row order) in a sentence with each actor b
    around = masks[sentence]  # per mention: the actors of its sentence
    firsts: dict[tuple[int, int], int] = {}
    for a in range(k):
        mine = np.flatnonzero(bit == a)
        if not len(mine):  # no mention of a in a sentence (its mentions lack sentence ids)
            continue
        with_b = ((around[mine][:, None] >> shift) & 1).astype(bool)  # mention × actor b
        earliest = with_b.argmax(axis=0)
        for b in np.flatnonzero(with_b.any(axis=0)):
            firsts[(keep[a], keep[int(b)])] = int(first[mine[earliest[b]]])
    return sub, counts.reshape(k, k), firsts


@provider
def row_columns(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """Every column of ``rows`` as an object array (a row read as a dict in microseconds)."""
    return {c: rows[c].to_numpy(dtype=object) for c in rows.columns}


def column(rows: pd.DataFrame, name: str) -> np.ndarray:
    """Column ``name`` of ``rows`` as an object array."""
    return row_columns(rows)[name]


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=False)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


@provider
def mention_index(tables: Any) -> MentionIndex:
    """The counted actor mentions of ``tables`` (headline and body), coded, earliest first
    (:func:`build_index` of its ``mentions``, ``sentences`` and ``documents``). The panel's
    version builds it once per set of tables and cuts a filtered set's from the unfiltered
    one."""
    return build_index(tables.mentions, tables.sentences, tables.documents)


def build_index(
    mentions: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame
) -> MentionIndex:
    """The :func:`analysis.views.rows.mention_rows` of these tables, sorted by date,
    document and offset, and coded."""
    rows = mention_rows(mentions, sentences, documents)
    if rows.empty:
        none = np.zeros(0, dtype=np.int64)
        return MentionIndex(rows, none, none, np.array([], object), none, np.array([], object),
                            none, none)  # fmt: skip
    rows = rows.sort_values(["date", "doc_id", "start"], na_position="last", ignore_index=True)
    actor, actor_ids = _codes(rows["actor_id"])
    outlet, outlet_ids = _codes(rows["outlet"])
    doc = doc_positions(rows, documents).astype(np.int64)
    sent = pd.to_numeric(rows["sent_id"], errors="coerce").fillna(-1).to_numpy(np.int64)
    # (document, sentence) as one integer; -1 for a mention without a sentence number,
    # which shares a sentence with nothing (cooccurrence leaves it out)
    sentence = np.where(sent >= 0, doc * (int(sent.max(initial=0)) + 1) + sent, -1)
    return MentionIndex(
        rows=rows,
        pos=np.arange(len(rows), dtype=np.int64),
        actor=actor,
        actor_ids=actor_ids,
        outlet=outlet,
        outlet_ids=outlet_ids,
        doc=doc,
        sentence=sentence,
    )


def period_codes(index: MentionIndex, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """Per selected row, a code of its period (``freq``, e.g. ``"M"``) and the periods'
    start dates; undated rows get -1."""

    codes, starts = row_periods(index.rows, freq)
    return codes[index.pos], starts


@provider
def row_periods(rows: pd.DataFrame, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """Per row of ``rows``, a code of the period (``freq``) of its ``date`` (-1: undated),
    and the periods' start dates."""
    dates = pd.to_datetime(rows["date"], errors="coerce")  # hand-built tables
    starts = dates.dt.to_period(freq).dt.start_time
    codes, uniques = pd.factorize(starts, sort=True)
    return codes.astype(np.int64), np.asarray(uniques)


def affiliations(
    actor_ids, actors: pd.DataFrame | None, *, level: str = "affiliation"
) -> pd.Series:
    """Each actor's affiliation (``level="state"``: followed to the top, IRGC → IRN).

    The walk is ``analysis.tag.actors.affiliation_walk``, on the ``actors`` table given.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be 'affiliation' or 'state', not {level!r}")
    codes, uniques = pd.factorize(pd.Series(actor_ids))
    aff: dict[str, str] = {}
    if actors is not None and "affiliation" in actors:
        aff = {
            str(k): str(v)
            for k, v in zip(actors["id"], actors["affiliation"], strict=True)
            if not safety.is_missing(v) and str(v)
        }
    # one walk per distinct actor, not per mention
    tops = np.array(
        [affiliation_walk(str(u), aff, level=level) for u in uniques] + [None], dtype=object
    )
    return pd.Series(tops[codes], dtype="object")  # code -1 (a missing id) → None


@dataclass(frozen=True)
class MentionIndex:
    """Selected mention rows of one set of tables, as codes (all arrays share one order).

    ``rows`` is the whole sorted frame of mention rows (read-only, shared between the
    filtered views); ``pos`` are the positions of the selected rows in it, ascending, so
    the earliest mention (by date, document id, offset) comes first.
    """

    rows: pd.DataFrame
    pos: np.ndarray
    actor: np.ndarray  # code into actor_ids
    actor_ids: np.ndarray
    outlet: np.ndarray  # code into outlet_ids
    outlet_ids: np.ndarray
    doc: np.ndarray  # position of the document in the documents of the indexed tables
    sentence: np.ndarray  # one integer per (document, sentence)
    base: MentionIndex | None = None  # the unfiltered index a selection was cut from

    def __len__(self) -> int:
        return len(self.pos)

    @property
    def empty(self) -> bool:
        return len(self.pos) == 0

    def select(self, mask: np.ndarray) -> MentionIndex:
        """The selected rows where ``mask`` (one bool per selected row) is true."""
        at = np.flatnonzero(mask)  # once, not once per array
        return MentionIndex(
            base=self if self.base is None else self.base,  # not `or`: an index has a len
            rows=self.rows,
            pos=self.pos[at],
            actor=self.actor[at],
            actor_ids=self.actor_ids,
            outlet=self.outlet[at],
            outlet_ids=self.outlet_ids,
            doc=self.doc[at],
            sentence=self.sentence[at],
        )

    def with_actors(self, codes: np.ndarray | list[int]) -> MentionIndex:
        """The selected rows of the actors ``codes``."""
        wanted = np.zeros(len(self.actor_ids), dtype=bool)
        wanted[np.asarray(codes, dtype=np.int64)] = True
        return self.select(wanted[self.actor])

    def record(self, i: int) -> dict:
        """The mention row of selected row ``i`` as a dict (for an evidence hover)."""
        at = int(self.pos[i])
        return {name: values[at] for name, values in row_columns(self.rows).items()}

    def frame(self, limit: int | None = None) -> pd.DataFrame:
        """The first ``limit`` (default: all) selected rows as a DataFrame (a copy)."""
        return self.rows.take(self.pos[:limit])
