"""Score the taggers against a careful reader's gold reading (format: docs/gold.md).

``evaluate(gold_dir, tables)`` reads whichever of ``sections.csv``, ``regions.csv``,
``documents.csv``, ``mentions.csv``, ``attribution.csv``, ``stances.csv`` and
``positions.csv`` the folder holds, ties every gold row to the tagger's tables through the
document and the verbatim text, and returns two DataFrames:

``scores``: one row per table and level, columns ``table``, ``level``, ``gold``, ``found``,
``hits``, ``precision``, ``recall``, ``f1`` (for accuracy levels ``found`` is the number of
gold items scored and precision = recall = f1 = the accuracy).

``errors``: one row per miss or extra, columns ``table``, ``level``, ``kind`` (``miss``:
in the gold, not found; ``extra``: found, not in the gold; ``wrong``: an accuracy level's
disagreement), ``doc_id``, ``sent_id``, ``item`` (what was missed or added, in ids),
``sentence`` (the tagger's sentence text, the evidence to read).

Modules: ``gold`` (reading the folder, locating rows), ``scoring`` (counting), ``pages``
(sections, regions, dates), ``tables`` (mentions, attribution, stances, moves).

Problems in the gold (a missing column, a sentence not found in its document, an unknown
document) raise :class:`GoldError` naming the file and the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.evaluate.gold import GoldError, Locator, read_gold
from analysis.evaluate.pages import (
    counted_sentences,
    score_documents,
    score_regions,
    score_sections,
)
from analysis.evaluate.scoring import ERROR_COLUMNS, SCORE_COLUMNS
from analysis.evaluate.tables import (
    score_attribution,
    score_mentions,
    score_positions,
    score_stances,
)

__all__ = ["Evaluation", "GoldError", "evaluate"]


@dataclass
class Evaluation:
    scores: pd.DataFrame
    errors: pd.DataFrame

    def report(self, max_errors: int = 20) -> str:
        """The scores as a text table, then up to ``max_errors`` misses and extras per level."""
        lines = [self.scores.to_string(index=False, float_format=lambda v: f"{v:.3f}")]
        for (table, level), group in self.errors.groupby(["table", "level"], sort=False):
            lines.append(f"\n{table} / {level}: {len(group)} errors")
            for row in group.head(max_errors).itertuples(index=False):
                sentence = " ".join(str(row.sentence).split())
                sentence = sentence if len(sentence) <= 90 else sentence[:89] + "…"
                lines.append(f"  {row.kind:5} {row.doc_id}#{row.sent_id}  {row.item}  | {sentence}")
            if len(group) > max_errors:
                lines.append(f"  … {len(group) - max_errors} more")
        return "\n".join(lines)


def evaluate(gold_dir: str | Path, tables) -> Evaluation:
    """Score ``tables`` (a tagged corpus, :class:`analysis.pipeline.run.Tables`) against the
    gold reading in ``gold_dir``."""
    gold = read_gold(gold_dir)
    loc = Locator(tables.documents, tables.sentences)
    counted = counted_sentences(gold, loc)
    scores: list[dict] = []
    errors: list[dict] = []
    if "sections" in gold:
        score_sections(gold["sections"], loc, scores, errors)
    if "regions" in gold:
        score_regions(gold["regions"], tables, loc, scores, errors)
    if "documents" in gold:
        score_documents(gold["documents"], tables, loc, scores, errors)
    scorers = {
        "mentions": score_mentions,
        "attribution": score_attribution,
        "stances": score_stances,
        "positions": score_positions,
    }
    for name, scorer in scorers.items():
        if name in gold:
            frame = gold[name]
            if name in ("stances", "positions") and "documents" in gold:
                # the reader read every page documents.csv lists for these tables: the
                # tagger's rows on a page with no gold row are extras, not ignored
                frame.attrs["read_docs"] = set(gold["documents"]["doc_id"].astype(str))
            scorer(frame, tables, loc, counted, scores, errors)
    return Evaluation(
        scores=pd.DataFrame(scores, columns=list(SCORE_COLUMNS)),
        errors=pd.DataFrame(errors, columns=list(ERROR_COLUMNS)),
    )
