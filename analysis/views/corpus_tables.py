"""The summary tables of notebook 01 (corpus overview): articles per outlet, what their
dates rest on, sentences per section, near-duplicate groups. DataFrames in, DataFrames out
(render them with ``analysis.views.html.render``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.views.rows import coded, duplicate_rows

DATE_SOURCES = ("stated", "inferred", "url", "metadata", "unknown")


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
    codes = coded(sentences, ("section", "section_reason") if rules else ("section",))
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
    dups = duplicate_rows(documents)
    return dups[dups["dup_group"].duplicated(keep=False).to_numpy()].reset_index(drop=True)
