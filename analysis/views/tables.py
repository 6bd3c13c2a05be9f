"""Tables for the notebooks: summary frames, and HTML that is escaped and right-to-left.

``render`` turns a DataFrame into HTML in which every cell and label went through
``analysis.text.safety.escape_html`` and columns that hold Arabic carry ``dir="rtl"`` (pandas
tables are left-to-right, so trailing punctuation jumps to the start of an Arabic
sentence). We write the HTML ourselves rather than via ``Styler`` because a Styler cannot
put ``dir`` on cells and escapes nothing unless asked.

The summary functions take the tables of ``docs/tables.md`` and return small DataFrames.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.panel import framecache
from analysis.tag.actors import LEVELS, affiliation_walk
from analysis.text import safety

COUNTED_SECTIONS = ("headline", "body")
# Mentions of these kinds are actors; media and places are tagged but not counted
# (the same default as analysis.tag.mentions.count_mentions).
ACTOR_KINDS = ("state", "organization", "group", "person")
DATE_SOURCES = ("stated", "inferred", "url", "metadata", "unknown")


@dataclass(frozen=True)
class Table:
    """A rendered table: HTML for notebooks and reports, plain text for logs and nbval."""

    frame: pd.DataFrame
    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        if self.frame.empty:
            return "(no rows)"
        text = self.frame.map(lambda v: safety.clean(_format(v)))
        return text.to_string(index=False)


def rtl_columns(df: pd.DataFrame, share: float = 0.3) -> list[str]:
    """Columns where at least ``share`` of the non-empty text cells hold Arabic."""
    out = []
    for col in df.columns:
        values = [v for v in df[col].tolist() if isinstance(v, str) and v.strip()]
        if values and sum(map(_arabic, values)) / len(values) >= share:
            out.append(col)
    return out


@functools.lru_cache(maxsize=30_000)
def _arabic(text: str) -> bool:
    # remembered as the cells are (see _cell): a live panel shows the same texts again
    return safety.has_arabic(text)


def _format(value: object) -> str:
    if safety.is_missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1e15 else str(value)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else str(value)
    return str(value)


@functools.lru_cache(maxsize=30_000)
def _cell(value: object, mode: str, side: str) -> str:
    """One ``<td>``: the same texts come back on every filter change of a live panel, so
    their escaped HTML is remembered (30,000 cells: a few panel updates' worth, some
    megabytes)."""
    text = safety.escape_html(_format(value))
    if mode == "rtl":
        # Latin text in an Arabic column keeps its own order, aligned with the rest.
        cell_dir = "rtl" if safety.has_arabic(value) or not text else "ltr"
        return f'<td dir="{cell_dir}" style="text-align:{side}">{text}</td>'
    if mode == "align":
        return f'<td dir="auto" style="text-align:{side}">{text}</td>'
    if isinstance(value, str):
        return f'<td dir="auto">{text}</td>'
    return f"<td>{text}</td>"


def render(
    df: pd.DataFrame,
    *,
    rtl: list[str] | None = None,
    caption: str | None = None,
    max_rows: int = 200,
    index: bool = False,
    direction: str | None = None,
    align: dict[str, str] | None = None,
    empty: str | None = None,
) -> Table:
    """Escaped HTML for ``df``; columns in ``rtl`` (default: detected) get ``dir="rtl"``.

    ``direction="rtl"`` lays the whole table out right to left (first column rightmost);
    ``align`` sets ``text-align`` per column (KWIC contexts hug the match). ``empty`` is
    what an empty ``df`` says, after the caption (the column headers are kept).
    """
    if empty and df.empty:
        caption = f"{caption} — {empty}" if caption else empty
    align = align or {}
    frame = df.reset_index() if index else df
    shown = frame.head(max_rows)
    rtl_cols = set(rtl_columns(shown) if rtl is None else rtl)  # the rows that are shown
    head = "".join(
        f"<th{' dir=' + chr(34) + 'rtl' + chr(34) if c in rtl_cols else ''}>"
        f"{safety.escape_html(c)}</th>"
        for c in shown.columns
    )
    rows = []
    # object arrays, not itertuples: iterating Arrow-backed string columns cell by cell
    # cost more than the HTML itself
    columns = [shown[c].to_numpy(dtype=object) for c in shown.columns]
    modes = [
        ("rtl", align.get(c, "right")) if c in rtl_cols else ("align", align[c]) if c in align
        else ("", "")
        for c in shown.columns
    ]  # fmt: skip
    for values in zip(*columns, strict=True) if columns else [()] * len(shown):
        cells = []
        for mode, value in zip(modes, values, strict=True):
            # text only: numbers and dates that compare equal can print differently
            # (-0.0 and 0.0; one instant in two time zones)
            cell = _cell if type(value) is str else _cell.__wrapped__
            cells.append(cell(value, *mode))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = len(frame) - len(shown)
    note = f"<p><em>{more:,} more rows not shown.</em></p>" if more > 0 else ""
    table_dir = ' dir="rtl"' if direction == "rtl" else ""
    cap = f"<caption>{safety.escape_html(caption)}</caption>" if caption else ""
    html = (
        f'<div class="analysis-table"{table_dir}><table>{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{note}</div>"
    )
    return Table(frame=shown, html=html)


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


# --- summaries -------------------------------------------------------------------------


def counted(sentences: pd.DataFrame, sections=COUNTED_SECTIONS) -> pd.DataFrame:
    """Sentences (or mentions) of the sections that analyses count."""
    return sentences[sentences["section"].isin(sections)]


def articles_by_outlet(documents: pd.DataFrame) -> pd.DataFrame:
    """Articles per outlet with first and last date and how many are undated."""
    g = documents.groupby("outlet", dropna=False)
    out = pd.DataFrame(
        {
            "articles": g.size(),
            "first_date": g["date"].min(),
            "last_date": g["date"].max(),
            "undated": g["date"].apply(lambda s: int(s.isna().sum())),
        }
    ).reset_index()
    return out.sort_values(["articles", "outlet"], ascending=[False, True], ignore_index=True)


def date_sources(documents: pd.DataFrame) -> pd.DataFrame:
    """What each article's date rests on, per outlet (columns in ``DATE_SOURCES`` order)."""
    table = pd.crosstab(documents["outlet"], documents["date_source"])
    cols = [c for c in DATE_SOURCES if c in table.columns]
    cols += [c for c in table.columns if c not in cols]
    table = table.reindex(columns=cols, fill_value=0)
    table.columns.name = None
    return table.reset_index()


def sections(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences per section, with the rules that labelled them (the three most frequent;
    equal counts in the order the section first shows them)."""
    rules = "section_reason" in sentences
    codes = framecache.coded(sentences, ("section", "section_reason") if rules else ("section",))
    section, names = codes["section"]
    doc, doc_ids = codes["doc_id"]
    n = len(names)
    ok = section >= 0
    counted = ok & (doc >= 0)
    pairs = np.zeros((n, len(doc_ids)), dtype=bool)  # section × document: any sentence
    pairs[section[counted], doc[counted]] = True
    out = pd.DataFrame(
        {
            "section": names,
            "sentences": np.bincount(section[ok], minlength=n),
            "documents": pairs.sum(axis=1),
            "rules": pd.Series(_top_rules(section, *codes["section_reason"], n), dtype="str")
            if rules
            else "",
        }
    )
    out = out[out["sentences"] > 0].sort_values("section", ignore_index=True)
    return out.sort_values("sentences", ascending=False, ignore_index=True)


def code_counts(codes: np.ndarray, names: pd.Index) -> pd.Series:
    """``value_counts`` of the values integer ``codes`` stand for (``names[code]``; -1,
    missing, left out): most frequent first, equal counts in order of first appearance."""
    codes = codes[codes >= 0]
    counts = np.bincount(codes, minlength=len(names))
    seen = pd.unique(codes)
    order = seen[np.argsort(-counts[seen], kind="stable")]
    return pd.Series(counts[order], index=names[order], name="count")


def _top_rules(section: np.ndarray, reason: np.ndarray, reasons: pd.Index, n: int) -> list[str]:
    ok = (section >= 0) & (reason >= 0)
    m = len(reasons)
    key = section[ok].astype(np.int64) * m + reason[ok]
    counts = np.bincount(key, minlength=n * m)
    first = np.zeros(n * m, dtype=np.int64)
    seen = pd.unique(key)
    first[seen] = np.arange(len(seen))
    out = []
    for s in range(n):
        row = slice(s * m, (s + 1) * m)
        order = np.lexsort((first[row], -counts[row]))[:3]
        out.append(", ".join(str(reasons[j]) for j in order if counts[row][j] > 0))
    return out


def duplicate_groups(documents: pd.DataFrame) -> pd.DataFrame:
    """Near-duplicate groups with more than one article: who republished what, when."""
    # Every group of two or more in the whole corpus, sorted once: a filtered set's groups
    # are among them, in the same order.
    dups = framecache.cached_rows("duplicate_groups", (documents,), _duplicate_groups)
    return dups[dups["dup_group"].duplicated(keep=False).to_numpy()].reset_index(drop=True)


def _duplicate_groups(documents: pd.DataFrame) -> pd.DataFrame:
    sizes = documents.groupby("dup_group")["doc_id"].transform("size")
    cols = ["dup_group", "doc_id", "outlet", "date", "title"]
    dups = documents.loc[sizes > 1, [c for c in cols if c in documents]]
    return dups.sort_values(["dup_group", "date", "doc_id"], ignore_index=True)


def mention_rows(m: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Mentions of counted sections and actor kinds, joined with their sentence
    (``sentence``, ``sent_start``), outlet and date. ``analysis.panel.mention_index`` sorts and
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
    # a doc_id listed twice counts once, with its first row (as framecache.doc_positions)
    docs = documents[["doc_id", "outlet", "date"]].drop_duplicates("doc_id")
    return m.merge(sents, on=["doc_id", "sent_id"], how="left").merge(docs, on="doc_id")


def mentions_by_actor(tables, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mentions, articles and outlets per actor (headline and body sentences), most
    mentioned first (ties by id)."""
    from analysis.panel import mention_index as mi  # mention_index builds on this module

    ix = mi.mention_index(tables)
    cols = ["actor_id", "label_en", "mentions", "articles", "outlets"]
    if ix.empty:
        return pd.DataFrame(columns=cols)
    n = len(ix.actor_ids)
    codes = mi.ranked(ix.actor, ix.actor_ids)
    first = mi.first_of(ix.actor, n)
    labels = mi.column(ix.rows, "label_en")[ix.pos[[first[c] for c in codes]]]
    out = pd.DataFrame(
        {
            "actor_id": ix.actor_ids[codes].astype(str),
            "label_en": labels,
            "mentions": mi.counts(ix.actor, n)[codes],
            "articles": mi.articles_per(ix, n)[codes],
            "outlets": mi.outlets_per_actor(ix)[codes],
        },
        columns=cols,
    )
    if actors is not None and "label_ar" in actors:
        out = out.merge(actors[["id", "label_ar"]], left_on="actor_id", right_on="id", how="left")
        out = out.drop(columns="id")
    return out


def mentions_by_outlet(tables) -> pd.DataFrame:
    """Actor × outlet mention counts (actors as rows, by English label; outlets by name)."""
    from analysis.panel import mention_index as mi

    ix = mi.mention_index(tables)
    if ix.empty:
        return pd.DataFrame()
    labels = mi.column(ix.rows, "label_en")[ix.pos]
    table = pd.crosstab(
        pd.Series(labels, name="label_en"),
        pd.Series(ix.outlet_ids[ix.outlet], name="outlet"),
    )
    table.columns.name = None
    return table.reset_index().rename(columns={"label_en": "actor"})


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


def rollup(tables, actors: pd.DataFrame | None, *, level: str = "affiliation") -> pd.DataFrame:
    """Mentions per affiliation (``level="state"``: per top state), with member actors."""
    from analysis.panel import mention_index as mi

    ix = mi.mention_index(tables)
    if ix.empty:
        return pd.DataFrame(columns=[level, "mentions", "articles", "actors"])
    aff_of_actor, aff_ids = mi.affiliation_codes(ix, actors, level=level)
    aff = aff_of_actor[ix.actor]
    n = len(aff_ids)
    present = np.flatnonzero(mi.counts(aff, n))
    members = mi.members(aff, ix.actor, ix.actor_ids, n)
    out = pd.DataFrame(
        {
            level: aff_ids[present],
            "mentions": mi.counts(aff, n)[present],
            "articles": mi.articles_per(ix, n, aff_of_actor, name=f"rollup:{level}", actors=actors)[
                present
            ],
            "actors": [", ".join(members[c]) for c in present],
        }
    )
    return out.sort_values(["mentions", level], ascending=[False, True], ignore_index=True)


def cooccurrence(tables, *, top: int = 15) -> pd.DataFrame:
    """Square actor × actor count of sentences that mention both (top actors by mentions);
    the diagonal counts the sentences that mention the actor."""
    from analysis.panel import mention_index as mi

    ix = mi.mention_index(tables)
    if ix.empty:
        return pd.DataFrame()
    keep = mi.ranked(ix.actor, ix.actor_ids, top)
    _, matrix, _ = mi.cooccurrence(ix, keep)
    ids = [str(ix.actor_ids[c]) for c in keep]
    return pd.DataFrame(matrix, index=ids, columns=ids)


KWIC_LAYOUT = {"direction": "rtl", "align": {"before": "left", "after": "right"}}


def top_actor(tables) -> str | None:
    """The most mentioned actor id (headline and body; ties by id), or None without
    mentions."""
    from analysis.panel import mention_index as mi

    ix = mi.mention_index(tables)
    best = mi.ranked(ix.actor, ix.actor_ids, 1)
    return str(ix.actor_ids[best[0]]) if best else None


def kwic(
    tables,
    actor_id: str,
    *,
    width: int = 60,
    limit: int = 50,
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keyword in context: each mention of ``actor_id`` with its sentence, outlet and date.

    ``before``/``match``/``after`` are cut from the sentence in the original text by offset.
    Render with ``render(frame, **KWIC_LAYOUT)`` so the columns run right to left,
    ``before`` sits to the right of the match, as the sentence reads, and both contexts
    hug the match.
    """
    from analysis.panel import mention_index as mi

    ix = mi.mention_index(tables)
    codes = np.flatnonzero(ix.actor_ids.astype(str) == str(actor_id)) if len(ix) else []
    rows = ix.with_actors(codes).frame(limit) if len(codes) else ix.rows.head(0)
    # the texts of these rows' documents only (indexing all documents by id on every
    # filter change cost more than the rest of the view); a doc_id listed twice: its first
    docs = tables.documents
    listed = docs["doc_id"].isin(rows["doc_id"]).to_numpy(dtype=bool) if len(rows) else []
    texts: dict[str, str] = {}
    for doc, text in zip(
        docs["doc_id"][listed].tolist(), docs["text"][listed].tolist(), strict=True
    ):
        texts.setdefault(doc, text)
    out = []
    for r in rows.to_dict("records"):
        text = texts[r["doc_id"]]
        start, end = int(r["start"]), int(r["end"])
        if pd.isna(r["sent_start"]):  # a mention without its sentence row: context is cut
            sent_start, sent_end = start, end
        else:
            sent_start = int(r["sent_start"])
            sent_end = sent_start + len(r["sentence"])
        left = text[max(sent_start, start - width) : start]
        right = text[end : min(sent_end, end + width)]
        out.append(
            {
                "date": r["date"],
                "outlet": r["outlet"],
                "actor": r["label_en"],
                "before": " ".join(safety.clean(left).split()),
                "match": text[start:end],
                "after": " ".join(safety.clean(right).split()),
                "doc_id": r["doc_id"],
            }
        )
    frame = pd.DataFrame(
        out, columns=["date", "outlet", "actor", "before", "match", "after", "doc_id"]
    )
    if actors is not None and "label_ar" in actors and not frame.empty:
        label_ar = actors.set_index("id")["label_ar"].get(actor_id, "")
        frame.insert(3, "actor_ar", label_ar)
    return frame
