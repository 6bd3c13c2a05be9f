"""Counting hits, misses and extras: score rows and error rows shared by every table."""

from __future__ import annotations

from collections import Counter

from analysis.evaluate.gold import Locator
from analysis.tag.actors import affiliation_of

SCORE_COLUMNS = ("table", "level", "gold", "found", "hits", "precision", "recall", "f1")

ERROR_COLUMNS = ("table", "level", "kind", "doc_id", "sent_id", "item", "sentence")


def count_score(table: str, level: str, gold: Counter, found: Counter) -> dict:
    hits = sum((gold & found).values())
    n_gold, n_found = sum(gold.values()), sum(found.values())
    precision = hits / n_found if n_found else float("nan")
    recall = hits / n_gold if n_gold else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return dict(
        table=table,
        level=level,
        gold=n_gold,
        found=n_found,
        hits=hits,
        precision=precision,
        recall=recall,
        f1=f1,
    )


def accuracy(table: str, level: str, n: int, right: int) -> dict:
    acc = right / n if n else float("nan")
    return dict(
        table=table, level=level, gold=n, found=n, hits=right, precision=acc, recall=acc, f1=acc
    )


def error_rows(table, level, gold: Counter, found: Counter, loc: Locator) -> list[dict]:
    """Misses and extras of keys ``(doc_id, sent_id, *item)``."""
    rows = []
    for kind, diff in (("miss", gold - found), ("extra", found - gold)):
        for key in sorted(diff.elements(), key=str):
            doc, sent, *item = key
            rows.append(
                dict(
                    table=table,
                    level=level,
                    kind=kind,
                    doc_id=doc,
                    sent_id=sent,
                    item=" ".join(str(i) for i in item),
                    sentence=loc.sentence_text(doc, sent),
                )
            )
    return rows


def compare(table, level, gold_keys, found_keys, loc, scores, errors) -> None:
    gold, found = Counter(gold_keys), Counter(found_keys)
    scores.append(count_score(table, level, gold, found))
    errors.extend(error_rows(table, level, gold, found, loc))


def top_affiliation(actor_id: str) -> str:
    """The holder at the level the notebooks aggregate at (mamlouk → SYR); ids the
    dictionary lacks (``new:…``, ``unnamed_source``) stay as they are."""
    return affiliation_of(actor_id, level="state") if actor_id else actor_id


def wrong(table: str, level: str, doc_id: str, sent_id: int, item: str, sentence: str) -> dict:
    """An error row of an accuracy level (``kind`` ``wrong``)."""
    return dict(
        table=table,
        level=level,
        kind="wrong",
        doc_id=doc_id,
        sent_id=sent_id,
        item=item,
        sentence=sentence,
    )
