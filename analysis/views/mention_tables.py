"""The actor-mention tables of notebook 02, as DataFrames: mentions per actor, per actor
and outlet, per affiliation, actors mentioned together, and mentions in context (KWIC).
They count from the mention index (``analysis.views.mention_codes``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.text import safety
from analysis.views import mention_codes as mc


def mentions_by_actor(tables, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mentions, articles and outlets per actor (headline and body sentences), most
    mentioned first (ties by id)."""
    ix = mc.mention_index(tables)
    cols = ["actor_id", "label_en", "mentions", "articles", "outlets"]
    if ix.empty:
        return pd.DataFrame(columns=cols)
    n = len(ix.actor_ids)
    codes = mc.ranked(ix.actor, ix.actor_ids)
    first = mc.first_of(ix.actor, n)
    labels = mc.column(ix.rows, "label_en")[ix.pos[[first[c] for c in codes]]]
    out = pd.DataFrame(
        {
            "actor_id": ix.actor_ids[codes].astype(str),
            "label_en": labels,
            "mentions": mc.counts(ix.actor, n)[codes],
            "articles": mc.articles_per(ix, n)[codes],
            "outlets": mc.outlets_per_actor(ix)[codes],
        },
        columns=cols,
    )
    if actors is not None and "label_ar" in actors:
        out = out.merge(actors[["id", "label_ar"]], left_on="actor_id", right_on="id", how="left")
        out = out.drop(columns="id")
    return out


def mentions_by_outlet(tables) -> pd.DataFrame:
    """Actor × outlet mention counts (actors as rows, by English label; outlets by name)."""
    ix = mc.mention_index(tables)
    if ix.empty:
        return pd.DataFrame()
    labels = mc.column(ix.rows, "label_en")[ix.pos]
    table = pd.crosstab(
        pd.Series(labels, name="label_en"),
        pd.Series(ix.outlet_ids[ix.outlet], name="outlet"),
    )
    table.columns.name = None
    return table.reset_index().rename(columns={"label_en": "actor"})


def rollup(tables, actors: pd.DataFrame | None, *, level: str = "affiliation") -> pd.DataFrame:
    """Mentions per affiliation (``level="state"``: per top state), with member actors."""
    ix = mc.mention_index(tables)
    if ix.empty:
        return pd.DataFrame(columns=[level, "mentions", "articles", "actors"])
    aff_of_actor, aff_ids = mc.affiliation_codes(ix, actors, level=level)
    aff = aff_of_actor[ix.actor]
    n = len(aff_ids)
    present = np.flatnonzero(mc.counts(aff, n))
    members = mc.members(aff, ix.actor, ix.actor_ids, n)
    out = pd.DataFrame(
        {
            level: aff_ids[present],
            "mentions": mc.counts(aff, n)[present],
            "articles": mc.articles_per(ix, n, aff_of_actor, name=f"rollup:{level}", actors=actors)[
                present
            ],
            "actors": [", ".join(members[c]) for c in present],
        }
    )
    return out.sort_values(["mentions", level], ascending=[False, True], ignore_index=True)


def cooccurrence(tables, *, top: int = 15) -> pd.DataFrame:
    """Square actor × actor count of sentences that mention both (top actors by mentions);
    the diagonal counts the sentences that mention the actor."""
    ix = mc.mention_index(tables)
    if ix.empty:
        return pd.DataFrame()
    keep = mc.ranked(ix.actor, ix.actor_ids, top)
    _, matrix, _ = mc.cooccurrence(ix, keep)
    ids = [str(ix.actor_ids[c]) for c in keep]
    return pd.DataFrame(matrix, index=ids, columns=ids)


def top_actor(tables) -> str | None:
    """The most mentioned actor id (headline and body; ties by id), or None without
    mentions."""
    ix = mc.mention_index(tables)
    best = mc.ranked(ix.actor, ix.actor_ids, 1)
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
    Render with ``html.render(frame, **html.KWIC_LAYOUT)`` so the columns run right to left,
    ``before`` sits to the right of the match, as the sentence reads, and both contexts
    hug the match.
    """
    ix = mc.mention_index(tables)
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
