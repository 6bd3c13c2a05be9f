"""Documents and sentences tables from loose sentences, for the taggers' tests in tests/tag
(the corpus loader does this for articles)."""

from __future__ import annotations

import pandas as pd

from analysis.tag.clauses import Sent
from analysis.tag.mentions import tag_text


def tables_from_sentences(
    rows: pd.DataFrame, *, outlet: str = "test outlet"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """documents and sentences tables from loose sentences (columns ``case``, ``sent``,
    ``text`` and optionally ``section``): one document per case, one paragraph per sentence.

    For gold tables and quick trials in notebooks; the corpus loader does this for articles.
    """
    docs, sents = [], []
    for case, grp in rows.sort_values(["case", "sent"]).groupby("case", sort=False):
        text, pos = "", 0
        for para, rec in enumerate(grp.itertuples(index=False)):
            body = str(rec.text)
            start = pos
            text += body + "\n"
            pos = len(text)
            sents.append(
                {
                    "doc_id": str(case),
                    "sent_id": int(rec.sent),
                    "para_id": para,
                    "start": start,
                    "end": start + len(body),
                    "section": str(getattr(rec, "section", "body") or "body"),
                    "section_reason": "given",
                    "text": body,
                }
            )
        docs.append({"doc_id": str(case), "outlet": outlet, "date": pd.NaT, "text": text})
    documents = pd.DataFrame(docs)
    documents["date"] = pd.to_datetime(documents["date"])
    return documents, pd.DataFrame(sents)


def sent(text: str) -> Sent:
    """One sentence with its actor mentions, as the taggers read it."""
    return Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
