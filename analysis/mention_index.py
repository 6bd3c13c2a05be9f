"""Actor mentions as integer codes, so views re-count them in milliseconds.

A live filter panel re-runs every view of notebook 02 on each filter change. Grouping
100,000 mention rows of Arrow strings in pandas, once per view, cost about a second on
the 31k-article corpus. Here the mention rows (``analysis.tables.mention_rows``) are
sorted once, earliest first, and each is coded as integers: its actor, outlet, document
and sentence. A view counts with ``numpy.bincount`` and takes the earliest mention of a
group as its evidence, by position, without copying the rows.

Tables made by ``analysis.widgets.filter_tables`` are not indexed again: their index is
the unfiltered tables' index restricted to the kept documents (``framecache.subset_of``),
so the order, and with it every piece of evidence, is the same as indexing them afresh.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import framecache
from analysis import tables as tbl
from analysis.safety import is_missing


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
    doc: np.ndarray  # position of the document in the indexed (unfiltered) documents
    sentence: np.ndarray  # one integer per (document, sentence)
    base: MentionIndex | None = None  # the unfiltered index a selection was cut from

    def __len__(self) -> int:
        return len(self.pos)

    @property
    def empty(self) -> bool:
        return len(self.pos) == 0

    def select(self, mask: np.ndarray) -> MentionIndex:
        """The selected rows where ``mask`` (one bool per selected row) is true."""
        return MentionIndex(
            base=self if self.base is None else self.base,  # not `or`: an index has a len
            rows=self.rows,
            pos=self.pos[mask],
            actor=self.actor[mask],
            actor_ids=self.actor_ids,
            outlet=self.outlet[mask],
            outlet_ids=self.outlet_ids,
            doc=self.doc[mask],
            sentence=self.sentence[mask],
        )

    def with_actors(self, codes: np.ndarray | list[int]) -> MentionIndex:
        """The selected rows of the actors ``codes``."""
        wanted = np.zeros(len(self.actor_ids), dtype=bool)
        wanted[np.asarray(codes, dtype=np.int64)] = True
        return self.select(wanted[self.actor])

    def record(self, i: int) -> dict:
        """The mention row of selected row ``i`` as a dict (for an evidence hover)."""
        at = int(self.pos[i])
        return {name: values[at] for name, values in _columns(self.rows).items()}

    def frame(self, limit: int | None = None) -> pd.DataFrame:
        """The first ``limit`` (default: all) selected rows as a DataFrame (a copy)."""
        return self.rows.take(self.pos[:limit])


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

    def compute() -> np.ndarray:
        group = base.actor if groups is None else groups[base.actor]
        width = int(group.max(initial=0)) + 1
        _, first = np.unique(base.doc * width + group, return_index=True)
        flags = np.zeros(len(base), dtype=bool)
        flags[first] = True
        return flags

    frames = (base.rows,) if actors is None else (base.rows, actors)
    return framecache.cached(f"first_in_document:{name}", frames, compute)[index.pos]


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
    real = np.array([not is_missing(o) for o in index.outlet_ids], dtype=bool)
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
    return _codes(tbl.affiliations(pd.Series(index.actor_ids, dtype=object), actors, level=level))


def sentence_pairs(index: MentionIndex, keep: list[int]) -> tuple[MentionIndex, pd.DataFrame]:
    """Sentences that mention two of the actors ``keep`` (codes), or one of them.

    Returns the selection of ``keep``'s mentions and a frame of ``a``, ``b`` (actor codes,
    ``a == b`` for the actor itself) and ``row``: the earliest mention of ``a`` in a
    sentence with ``b`` (a row of that selection), one row per sentence and pair, the
    earliest sentence first.
    """
    sub = index.with_actors(keep)
    sub = sub.select(sub.sentence >= 0)
    key = sub.sentence * len(sub.actor_ids) + sub.actor
    _, first = np.unique(key, return_index=True)
    first.sort()  # the earliest mention of each actor in each sentence, in row order
    left = pd.DataFrame({"s": sub.sentence[first], "a": sub.actor[first], "row": first})
    right = left[["s", "a"]].rename(columns={"a": "b"})
    pairs = left.merge(right, on="s")  # an inner merge keeps the left rows' order
    return sub, pairs[["a", "b", "row"]]


def pair_counts(pairs: pd.DataFrame, keep: list[int]) -> np.ndarray:
    """A ``len(keep)`` square matrix of sentence counts from :func:`sentence_pairs`."""
    k = len(keep)
    at = np.full(max(keep, default=-1) + 1, -1, dtype=np.int64)
    at[np.asarray(keep, dtype=np.int64)] = np.arange(k)
    cells = at[pairs["a"].to_numpy()] * k + at[pairs["b"].to_numpy()]
    return counts(cells, k * k).reshape(k, k)


def _columns(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """Every column of ``rows`` as an object array (a row read as a dict in microseconds)."""
    return framecache.cached(
        "columns", (rows,), lambda: {c: rows[c].to_numpy(dtype=object) for c in rows.columns}
    )


def column(rows: pd.DataFrame, name: str) -> np.ndarray:
    """Column ``name`` of ``rows`` as an object array (converted once per frame)."""
    return _columns(rows)[name]


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=False)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def _build(mentions: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame):
    rows = tbl.mention_rows(mentions, sentences, documents)
    if rows.empty:
        none = np.zeros(0, dtype=np.int64)
        return MentionIndex(rows, none, none, np.array([], object), none, np.array([], object),
                            none, none)  # fmt: skip
    rows = rows.sort_values(["date", "doc_id", "start"], na_position="last", ignore_index=True)
    actor, actor_ids = _codes(rows["actor_id"])
    outlet, outlet_ids = _codes(rows["outlet"])
    doc = framecache.doc_positions(rows, documents).astype(np.int64)
    sent = pd.to_numeric(rows["sent_id"], errors="coerce").fillna(-1).to_numpy(np.int64)
    # (document, sentence) as one integer; -1 for a mention without a sentence number,
    # which shares a sentence with nothing (sentence_pairs leaves it out)
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


def mention_index(tables) -> MentionIndex:
    """The counted actor mentions of ``tables`` (headline and body), coded, earliest first.

    Computed once per set of tables (``analysis.framecache``); for tables filtered by
    ``filter_tables`` it is the unfiltered index cut to the kept documents.
    """

    def cut(whole: MentionIndex, keep: np.ndarray, _documents) -> MentionIndex:
        # whole.doc are positions in the unfiltered documents, which keep is a mask over
        return whole.select(keep[whole.doc])

    names = ("mentions", "sentences", "documents")
    return framecache.cached_cut_of("mention_index", tables, names, _build, cut)


def period_codes(index: MentionIndex, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """Per selected row, a code of its period (``freq``, e.g. ``"M"``) and the periods'
    start dates; undated rows get -1."""

    def compute() -> tuple[np.ndarray, np.ndarray]:
        dates = pd.to_datetime(index.rows["date"], errors="coerce")  # hand-built tables
        starts = dates.dt.to_period(freq).dt.start_time
        codes, uniques = pd.factorize(starts, sort=True)
        return codes.astype(np.int64), np.asarray(uniques)

    codes, starts = framecache.cached(f"period:{freq}", (index.rows,), compute)
    return codes[index.pos], starts
