"""Scores of what the loader makes of a page: sections (by line or by region) and dates."""

from __future__ import annotations

import pandas as pd

from analysis.evaluate.gold import (
    COUNTED,
    GoldError,
    Locator,
    line_span,
    region_of,
    region_spans,
)
from analysis.evaluate.scoring import accuracy, compare, wrong
from analysis.tag.actors import ACTOR_KINDS


def counted_sentences(gold: dict[str, pd.DataFrame], loc: Locator) -> set | None:
    """Tagger sentences (doc_id, sent_id) on lines (or mostly in regions) the gold reads as
    headline or body; None when the gold has neither sections nor regions."""
    if "regions" in gold:
        regions = region_spans(gold["regions"], loc)
        return {
            (doc, sent)
            for doc, spans in regions.items()
            for s, e, sent, _section, _text in loc.spans.get(doc, [])
            if region_of(spans, s, e)[2] in COUNTED
        }
    if "sections" not in gold:
        return None
    keep = set()
    frame = gold["sections"]
    for row in frame.itertuples():
        if row.section in COUNTED:
            start, end = line_span(frame, row, loc)
            for s_start, s_end, sent, _section, _text in loc.spans.get(row.doc_id, []):
                if start <= s_start < end or s_start <= start < s_end:
                    keep.add((row.doc_id, sent))
    return keep


def score_sections(frame: pd.DataFrame, loc: Locator, scores: list, errors: list) -> None:
    right, sent_gold, sent_found, agree, n_sents = 0, [], [], 0, 0
    for row in frame.itertuples():
        start, end = line_span(frame, row, loc)
        line = int(row.line)
        spans = [s for s in loc.spans.get(row.doc_id, []) if start <= s[0] < end]
        tagged = spans[0][3] if spans else "none"
        if tagged == row.section:
            right += 1
        else:
            sent = spans[0][2] if spans else -1
            item = f"line {line}: gold {row.section}, tagged {tagged}"
            errors.append(
                wrong("sections", "line", row.doc_id, sent, item, loc.texts[row.doc_id][start:end])
            )
        for _s, _e, sent, section, _t in spans:
            n_sents += 1
            agree += (row.section in COUNTED) == (section in COUNTED)
            if row.section in COUNTED:
                sent_gold.append((row.doc_id, sent, "counted"))
            if section in COUNTED:
                sent_found.append((row.doc_id, sent, "counted"))
    scores.append(accuracy("sections", "line", len(frame), right))
    # the measure: every tagger sentence counted or left out as the reader would
    scores.append(accuracy("sections", "counted or not", n_sents, agree))
    compare("sections", "counted sentence", sent_gold, sent_found, loc, scores, errors)


def score_regions(frame: pd.DataFrame, tables, loc: Locator, scores: list, errors: list) -> None:
    """Each tagger sentence counted or not as the region holding most of it says; and the
    actor mentions counted inside regions the reader does not count (page chrome)."""
    regions = region_spans(frame, loc)
    n = agree = 0
    for doc, spans in regions.items():
        for s, e, sent, section, text in loc.spans.get(doc, []):
            gold = region_of(spans, s, e)
            n += 1
            if (gold[2] in COUNTED) == (section in COUNTED):
                agree += 1
                continue
            errors.append(
                dict(
                    table="regions",
                    level="counted or not",
                    kind="extra" if section in COUNTED else "miss",
                    doc_id=doc,
                    sent_id=sent,
                    item=f"gold {gold[2]} ({gold[3] or '-'}), tagged {section}",
                    sentence=text,
                )
            )
    scores.append(accuracy("regions", "counted or not", n, agree))
    mentions = tables.mentions
    mentions = mentions[
        mentions["kind"].isin(ACTOR_KINDS)
        & mentions["section"].isin(COUNTED)
        & mentions["doc_id"].isin(list(regions))
    ]
    clean = 0
    for doc, sent, start, end, actor in mentions[
        ["doc_id", "sent_id", "start", "end", "actor_id"]
    ].itertuples(index=False):
        gold = region_of(regions[doc], int(start), int(end))
        if gold[2] in COUNTED:
            clean += 1
            continue
        errors.append(
            dict(
                table="regions",
                level="mentions in chrome",
                kind="extra",
                doc_id=doc,
                sent_id=int(sent),
                item=f"{actor} «{loc.texts[doc][int(start) : int(end)]}» in {gold[3] or gold[2]}",
                sentence=loc.sentence_text(doc, int(sent)),
            )
        )
    # accuracy = the share of counted actor mentions that stand in the article (target 1)
    scores.append(accuracy("regions", "mentions in chrome", len(mentions), clean))


def _day(value: str, where: str) -> pd.Timestamp | None:
    value = str(value).strip()
    if not value:
        return None
    try:
        return pd.Timestamp(value).normalize()
    except ValueError as err:
        raise GoldError(f"{where}: not a date: {value!r}") from err


def score_documents(frame: pd.DataFrame, tables, loc: Locator, scores: list, errors: list) -> None:
    """Dates: coverage (pages dated, of those whose text states the date) and wrong dates
    (dated pages whose date is not the gold's publication date); titles against headlines."""
    path = frame.attrs.get("path", "documents.csv")
    docs = tables.documents.set_index(tables.documents["doc_id"].astype(str))
    stated = covered = dated = right = near = 0
    n_head = head_right = 0
    for row in frame.itertuples():
        where = f"{path}, row {row.Index + 2}"
        if row.doc_id not in docs.index:
            raise GoldError(f"{where}: document {row.doc_id!r} is not in the corpus")
        doc = docs.loc[row.doc_id]
        truth = _day(row.pub_date, where) or _day(row.text_date, where)
        got = None if pd.isna(doc["date"]) else pd.Timestamp(doc["date"]).normalize()
        if _day(row.text_date, where) is not None:
            stated += 1
            covered += got is not None
        if got is not None:
            dated += 1
            near += truth is not None and abs((got - truth).days) <= 1
            if got == truth:
                right += 1
            else:
                gold = truth.date() if truth is not None else "unknown"
                item = (
                    f"gold {gold}, loaded {got.date()} ({doc['date_source']}: {doc['date_note']})"
                )
                errors.append(wrong("documents", "date right", row.doc_id, -1, item, ""))
        headline = " ".join(str(getattr(row, "headline", "") or "").split())
        if headline:
            n_head += 1
            title = " ".join(str(doc.get("title", "") or "").split())
            head_right += title == headline
    scores.append(accuracy("documents", "date coverage", stated, covered))
    # of the dated pages, the share whose date is right (wrong-date rate = 1 - this)
    scores.append(accuracy("documents", "date right", dated, right))
    # a day off is a time zone or a late-night stamp; more than a day is a wrong date
    scores.append(accuracy("documents", "date within a day", dated, near))
    if n_head:
        scores.append(accuracy("documents", "title is the headline", n_head, head_right))
