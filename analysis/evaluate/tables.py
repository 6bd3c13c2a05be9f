"""Scores of the sentence-level tables: mentions, attribution, stances and moves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

import pandas as pd

from analysis.evaluate.gold import GoldError, locate
from analysis.evaluate.scoring import accuracy, compare, top_affiliation, wrong
from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.claims import OUTLET, UNLISTED


def score_mentions(frame, tables, loc, counted, scores, errors) -> None:
    frame = locate(frame, loc)
    found = tables.mentions[tables.mentions["kind"].isin(ACTOR_KINDS)]
    found = keep_counted(found, counted, frame)
    pool: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
    for doc, sent, actor, start, end in found[
        ["doc_id", "sent_id", "actor_id", "start", "end"]
    ].itertuples(index=False):
        pool.setdefault((str(doc), str(actor)), []).append((int(start), int(end), int(sent)))
    gold_keys, found_keys = [], []
    path = frame.attrs.get("path", "mentions.csv")
    for row in frame.itertuples():
        text = loc.texts[row.doc_id]
        start = text.find(row.surface.strip(), row.offset)
        if start < 0 or start > row.offset + len(row.text):
            raise GoldError(f"{path}, row {row.Index + 2}: surface {row.surface!r} not in text")
        end = start + len(row.surface.strip())
        key = (row.doc_id, int(row.sent_id), row.actor_id, row.surface.strip())
        gold_keys.append(key)
        candidates = pool.get((row.doc_id, row.actor_id), [])
        for i, (s, e, _sent) in enumerate(candidates):
            if s < end and start < e:  # overlapping spans: the same mention
                found_keys.append(key)
                del candidates[i]
                break
    for (doc, actor), left in pool.items():
        for s, e, sent in left:
            found_keys.append((doc, sent, actor, loc.texts[doc][s:e]))
    compare("mentions", "mention", gold_keys, found_keys, loc, scores, errors)


def keep_counted(frame: pd.DataFrame, counted: set | None, gold: pd.DataFrame) -> pd.DataFrame:
    """The tagger's rows in the documents the gold table reads (a gold file may cover part
    of a corpus) and, when the gold has sections or regions, in the sentences it counts."""
    if frame.empty:
        return frame
    docs = set(gold["doc_id"].astype(str)) | set(gold.attrs.get("read_docs", ()))
    frame = frame[frame["doc_id"].astype(str).isin(docs)]
    if counted is None:
        return frame
    keys = zip(frame["doc_id"].astype(str), frame["sent_id"].astype(int), strict=True)
    return frame[[k in counted for k in keys]]


def flag(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes")


def score_attribution(frame, tables, loc, counted, scores, errors) -> None:
    frame = locate(frame, loc)
    found = tables.attribution.astype({"doc_id": str, "sent_id": int})
    gold_sents = set(zip(frame["doc_id"], frame["sent_id"].astype(int), strict=True))
    found = found[[k in gold_sents for k in zip(found["doc_id"], found["sent_id"], strict=True)]]
    by_sent = {
        (d, int(s)): r
        for d, s, r in zip(
            found["doc_id"], found["sent_id"], found.itertuples(index=False), strict=True
        )
    }
    gold_keys = [
        (r.doc_id, int(r.sent_id), r.speaker_id)
        for r in frame.itertuples()
        if r.speaker_id != OUTLET
    ]
    # a person the dictionary lacks names no one it could score
    found_keys = [
        (d, s, str(r.speaker_id))
        for (d, s), r in by_sent.items()
        if r.speaker_id not in (OUTLET, UNLISTED)
    ]
    compare("attribution", "speaker", gold_keys, found_keys, loc, scores, errors)
    for level, gold_of, found_of in (
        ("cited source", lambda r: r.cited_source, lambda r: str(r.cited_source or "")),
        ("hedged", lambda r: flag(r.hedged), lambda r: bool(r.hedged)),
    ):
        right = 0
        for r in frame.itertuples():
            got = by_sent.get((r.doc_id, int(r.sent_id)))
            value = found_of(got) if got is not None else None
            if value == gold_of(r):
                right += 1
            else:
                errors.append(
                    wrong(
                        "attribution",
                        level,
                        r.doc_id,
                        int(r.sent_id),
                        f"gold {gold_of(r)!r}, tagged {value!r}",
                        loc.sentence_text(r.doc_id, int(r.sent_id)),
                    )
                )
        scores.append(accuracy("attribution", level, len(frame), right))


def keyed(frame, columns: Iterable[str], holder: str, lift: Callable[[str], str]) -> list:
    keys = []
    for row in frame[["doc_id", "sent_id", holder, *columns]].itertuples(index=False):
        doc, sent, who, *rest = row
        keys.append((str(doc), int(sent), lift(str(who)), *(str(v) for v in rest)))
    return keys


def compare_holders(table, frame, found, columns, loc, scores, errors) -> None:
    """Score (sentence, holder, *columns) strictly and with holders by top affiliation."""
    for level, lift in (("holder", str), ("top affiliation", top_affiliation)):
        gold_keys = keyed(frame, columns, "holder", lift)
        found_keys = keyed(found, columns, "holder_id", lift)
        compare(table, level, gold_keys, found_keys, loc, scores, errors)


def confident_recall(table, frame, found, columns, scores) -> None:
    """Recall on the gold rows the readers did not mark doubtful (a note starting
    "doubt"): what the tagger finds of the clear cases. Precision has no such split (an
    extra is an extra), so it is left empty."""
    if "note" not in frame.columns:
        return
    sure = frame[~frame["note"].fillna("").astype(str).str.startswith("doubt")]
    gold = Counter(keyed(sure, columns, "holder", str))
    hits = sum((gold & Counter(keyed(found, columns, "holder_id", str))).values())
    n = sum(gold.values())
    scores.append(
        dict(
            table=table,
            level="holder, confident gold rows",
            gold=n,
            found=len(found),
            hits=hits,
            precision=float("nan"),
            recall=hits / n if n else float("nan"),
            f1=float("nan"),
        )
    )


def score_stances(frame, tables, loc, counted, scores, errors) -> None:
    frame = locate(frame, loc)
    found = keep_counted(tables.stances, counted, frame)
    compare_holders("stances", frame, found, ("target", "polarity"), loc, scores, errors)
    confident_recall("stances", frame, found, ("target", "polarity"), scores)


def score_positions(frame, tables, loc, counted, scores, errors) -> None:
    frame = locate(frame, loc)
    found = keep_counted(tables.positions, counted, frame)
    compare_holders("positions", frame, found, ("move",), loc, scores, errors)
    confident_recall("positions", frame, found, ("move",), scores)
    compare(
        "positions",
        "move only",
        keyed(frame, ("move",), "holder", lambda _h: ""),
        keyed(found, ("move",), "holder_id", lambda _h: ""),
        loc,
        scores,
        errors,
    )
    # Issue and counterpart, on the moves whose sentence, holder and type both have.
    tagged: dict[tuple, list] = {}
    for row in found.itertuples(index=False):
        key = (str(row.doc_id), int(row.sent_id), str(row.holder_id), str(row.move))
        tagged.setdefault(key, []).append(row)
    for level, gold_col, found_col in (
        ("issue", "issue", "issue"),
        ("counterpart", "counterpart", "counterpart_id"),
    ):
        n = right = 0
        for row in frame.itertuples():
            key = (row.doc_id, int(row.sent_id), row.holder, row.move)
            if key not in tagged:
                continue
            n += 1
            values = {str(getattr(t, found_col) or "") for t in tagged[key]}
            if getattr(row, gold_col) in values:
                right += 1
            else:
                errors.append(
                    wrong(
                        "positions",
                        level,
                        row.doc_id,
                        int(row.sent_id),
                        f"{row.holder} {row.move}: gold {getattr(row, gold_col)!r},"
                        f" tagged {' | '.join(sorted(values))!r}",
                        loc.sentence_text(row.doc_id, int(row.sent_id)),
                    )
                )
        scores.append(accuracy("positions", level, n, right))
