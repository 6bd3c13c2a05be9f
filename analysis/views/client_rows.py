"""The rows a report page counts in the browser (``analysis.views.client``): one DataFrame
per row set, each row with ``doc`` (the position of its document in the page's document
list) and the columns the page's views group by or list. Labels are English names (actor,
issue, source), never ids; texts are raw strings (the page writes them as text).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.pipeline.outlets import group_labels, groups_of
from analysis.text.translit import with_romanised
from analysis.views import mention_codes as mc
from analysis.views.labels import actor_names, chain_text, issue_short, speaker_names
from analysis.views.rows import (
    claim_rows,
    claims_readable,
    counted,
    doc_positions,
    duplicate_rows,
    position_rows,
    stance_rows,
)

#: The page's document list: one entry per article, in the tables' order.
DOCUMENT_COLUMNS = ("doc_id", "outlet", "outlet_group", "date", "title", "url", "date_source")
#: A move or stance whose issue the tagger could not name, as the page shows it.
NO_ISSUE = "(issue not named)"
#: No value, as the page shows it.
NONE_LABEL = "(none)"
#: Characters of a sentence kept on each side of a mention in the keyword-in-context rows.
KWIC_CHARS = 60


def documents_rows(tables: Any) -> pd.DataFrame:
    """The page's documents (``DOCUMENT_COLUMNS``, ``date`` as ``YYYY-MM-DD`` or ``""``,
    ``outlet_group`` the English label of the outlet's comparison group)."""
    docs = tables.documents
    out = pd.DataFrame({"doc": range(len(docs))})
    for col in DOCUMENT_COLUMNS:
        if col == "outlet_group":
            groups = groups_of(docs["outlet"])
            out[col] = groups.map(group_labels()).fillna(groups).to_numpy()
        elif col == "date":
            out[col] = docs["date"].dt.strftime("%Y-%m-%d").fillna("").to_numpy()
        else:
            out[col] = docs[col].fillna("").astype(str).to_numpy() if col in docs else ""
    return out


def names(ids: pd.Series, actors: pd.DataFrame | None) -> pd.Series:
    """English name of each actor, speaker or cited-source id (``NONE_LABEL`` for none);
    a name known only in Arabic (a cited outlet not in ``sources.yaml``) is followed by
    its romanisation, for readers of the report who do not read Arabic."""
    ids = ids.fillna("").astype(str)
    named = {i: with_romanised(n) for i, n in speaker_names(ids.unique(), actors).items()}
    # (named holds every distinct id; the fallback is not computed for each row)
    return ids.map(lambda i: NONE_LABEL if not i else named[i] if i in named else with_romanised(i))


def issue_names(ids: pd.Series) -> pd.Series:
    """Short English name of each issue id ("US presence"; the axes of a matrix and the
    cells of a table read better than the long ``label_en``)."""
    # "oil|al_tanf": several issues asked in exchange
    return ids.map(lambda i: " | ".join(issue_short(x) for x in i.split("|")) if i else NO_ISSUE)


def move_rows(tables: Any, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per move: document, holder / counterpart / speaker labels, move, issue label,
    modality, hedged, the sentence and the tagger's reason."""
    rows = position_rows(tables)
    out = pd.DataFrame({"doc": doc_positions(rows, tables.documents)})
    out["holder"] = names(rows["holder_id"], actors).to_numpy()
    out["move"] = rows["move"].to_numpy()
    out["issue"] = issue_names(rows["issue"]).to_numpy()
    out["counterpart"] = names(rows["counterpart_id"], actors).to_numpy()
    out["in_exchange_for"] = (
        issue_names(rows["in_exchange_for"])
        .where(rows["in_exchange_for"].astype(bool), "")
        .to_numpy()
    )
    out["modality"] = rows["modality"].to_numpy()
    out["hedged"] = rows["hedged"].map({True: "hedged", False: "on record"}).to_numpy()
    out["speaker"] = names(rows["speaker_id"], actors).to_numpy()
    out["reason"] = rows["reason"].to_numpy()
    out["sentence"] = rows["sentence"].to_numpy()
    return out


def section_rows(tables: Any) -> pd.DataFrame:
    """Counted sentences per document and section (``n``), for the section views."""
    s = counted(tables.sentences)
    g = s.groupby(["doc_id", "section"], sort=False).size().rename("n").reset_index()
    out = pd.DataFrame({"doc": doc_positions(g, tables.documents)})
    out["section"] = g["section"].astype(str).to_numpy()
    out["n"] = g["n"].to_numpy()
    return out


def duplicate_group_rows(tables: Any) -> pd.DataFrame:
    """Articles in near-duplicate groups of two or more: group number and title."""
    dups = duplicate_rows(tables.documents)
    dups = dups[dups["dup_group"].duplicated(keep=False).to_numpy()]
    out = pd.DataFrame({"doc": doc_positions(dups, tables.documents)})
    out["group"] = dups["dup_group"].astype(str).to_numpy()
    return out


def mention_rows(tables: Any, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per counted actor mention: actor name, the state it rolls up to (its top
    affiliation, or itself) and a sentence number for co-mentions."""
    ix = mc.mention_index(tables)
    ids = pd.Series(ix.actor_ids[ix.actor], dtype="object")
    tops = mc.affiliations(ids, actors, level="state")
    out = pd.DataFrame({"doc": ix.doc})
    out["actor"] = names(ids, actors).to_numpy()
    out["state"] = names(tops.where(tops.notna(), ids), actors).to_numpy()
    out["sent"] = ix.sentence
    return out


def kwic_rows(tables: Any, actor_id: str, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """The mentions of one actor with ``KWIC_CHARS`` of their sentence on each side."""
    ix = mc.mention_index(tables)
    rows = ix.rows.iloc[ix.pos[ix.actor_ids[ix.actor] == actor_id]]
    keep = ix.doc[ix.actor_ids[ix.actor] == actor_id]
    before, word, after = [], [], []
    for sent, s0, a, b in zip(
        rows["sentence"].fillna(""), rows["sent_start"], rows["start"], rows["end"], strict=True
    ):
        i, j = int(a) - int(s0), int(b) - int(s0)
        before.append(str(sent)[max(0, i - KWIC_CHARS) : i])
        word.append(str(sent)[i:j])
        after.append(str(sent)[j : j + KWIC_CHARS])
    out = pd.DataFrame({"doc": keep})
    out["actor"] = names(pd.Series([actor_id] * len(out), dtype="object"), actors).to_numpy()
    out["before"], out["mention"], out["after"] = before, word, after
    return out


def stance_rows_of(tables: Any, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per stance: holder, issue, polarity, hedged, speaker, source chain (names),
    the sentence and the tagger's reason."""
    st = stance_rows(tables)
    out = pd.DataFrame({"doc": doc_positions(st, tables.documents)})
    if st.empty:
        for col in ("holder", "issue", "polarity", "hedged", "speaker", "chain", "sentence"):
            out[col] = pd.Series(dtype="object")
        out["reason"] = pd.Series(dtype="object")
        return out
    out["holder"] = names(st["holder_id"], actors).to_numpy()
    out["issue"] = issue_names(st["target"].fillna("")).to_numpy()
    out["polarity"] = st["polarity"].fillna("").astype(str).to_numpy()
    out["hedged"] = st["hedged"].fillna(False).map({True: "hedged", False: "on record"}).to_numpy()
    out["speaker"] = names(st["speaker_id"], actors).to_numpy()
    known = actor_names(actors)
    out["chain"] = [
        chain_text(c, o, known) for c, o in zip(st["source_chain"], st["outlet"], strict=True)
    ]
    out["sentence"] = st["sentence"].fillna("").astype(str).to_numpy()
    out["reason"] = st["reason"].fillna("").astype(str).to_numpy() if "reason" in st else ""
    return out


def claim_rows_of(tables: Any, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per attributed sentence (a speaker other than the outlet): the outlet or
    agency cited ("(directly)" when none) and the speaker, by name."""
    cols = ["via", "speaker", "hedged", "stances"]
    if not claims_readable(tables):
        return pd.DataFrame({"doc": pd.Series(dtype="int64"), **{c: [] for c in cols}})
    att = claim_rows(tables)
    out = pd.DataFrame({"doc": doc_positions(att, tables.documents)})
    via = att["cited_source"].fillna("").astype(str)
    out["via"] = names(via, actors).where(via != "", "(directly)").to_numpy()
    out["speaker"] = names(att["speaker_id"], actors).to_numpy()
    out["hedged"] = att["hedged"].fillna(False).map({True: "hedged", False: "on record"}).to_numpy()
    out["stances"] = att["stances"].to_numpy()
    return out
