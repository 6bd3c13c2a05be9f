"""Score the taggers against a careful reader's gold reading (format: docs/gold.md).

``evaluate(gold_dir, tables)`` reads whichever of ``sections.csv``, ``mentions.csv``,
``attribution.csv``, ``stances.csv`` and ``positions.csv`` the folder holds, ties every
gold row to the tagger's tables through the document and the verbatim sentence text, and
returns two DataFrames:

``scores``: one row per table and level, columns ``table``, ``level``, ``gold``, ``found``,
``hits``, ``precision``, ``recall``, ``f1`` (for accuracy levels ``found`` is the number of
gold items scored and precision = recall = f1 = the accuracy).

``errors``: one row per miss or extra, columns ``table``, ``level``, ``kind`` (``miss``:
in the gold, not found; ``extra``: found, not in the gold; ``wrong``: an accuracy level's
disagreement), ``doc_id``, ``sent_id``, ``item`` (what was missed or added, in ids),
``sentence`` (the tagger's sentence text, the evidence to read).

Problems in the gold (a missing column, a sentence not found in its document, an unknown
document) raise :class:`GoldError` naming the file and the row.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.actors import affiliation_of

GOLD_FILES = ("sections", "mentions", "attribution", "stances", "positions")
COUNTED = ("headline", "body")
_SENTENCE_END = frozenset(".!?؟…»”\"'")
ACTOR_KINDS = ("state", "organization", "group", "person")
SCORE_COLUMNS = ("table", "level", "gold", "found", "hits", "precision", "recall", "f1")
ERROR_COLUMNS = ("table", "level", "kind", "doc_id", "sent_id", "item", "sentence")
REQUIRED = {
    "sections": ("doc_id", "line", "section"),
    "mentions": ("doc_id", "text", "actor_id", "surface"),
    "attribution": ("doc_id", "text", "speaker_id", "cited_source", "hedged"),
    "stances": ("doc_id", "text", "holder", "target", "polarity"),
    "positions": ("doc_id", "text", "holder", "move", "counterpart", "issue"),
}


class GoldError(ValueError):
    """A gold file that cannot be read or tied to the corpus."""


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


# --------------------------------------------------------------------------- reading the gold


def read_gold(gold_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The gold tables present in ``gold_dir``, read as strings; a GoldError if none is."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{folder}: no such folder")
    gold = {}
    for name in GOLD_FILES:
        path = folder / f"{name}.csv"
        if not path.exists():
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        missing = [c for c in REQUIRED[name] if c not in frame.columns]
        if missing:
            raise GoldError(f"{path}: missing column(s) {', '.join(missing)}")
        frame.attrs["path"] = str(path)
        gold[name] = frame
    if not gold:
        raise GoldError(f"{folder}: no gold file ({', '.join(f + '.csv' for f in GOLD_FILES)})")
    return gold


class Locator:
    """Ties gold rows to the tagger's sentences through document text and offsets."""

    def __init__(self, documents: pd.DataFrame, sentences: pd.DataFrame):
        self.texts = dict(zip(documents["doc_id"].astype(str), documents["text"], strict=True))
        self.spans: dict[str, list[tuple[int, int, int, str, str]]] = {}
        cols = ["doc_id", "start", "end", "sent_id", "section", "text"]
        for doc, start, end, sent, section, text in sentences[cols].itertuples(index=False):
            self.spans.setdefault(str(doc), []).append(
                (int(start), int(end), int(sent), str(section), str(text))
            )
        for spans in self.spans.values():
            spans.sort()
        self.starts = {d: [s[0] for s in spans] for d, spans in self.spans.items()}

    def text(self, doc_id: str, where: str) -> str:
        if doc_id not in self.texts:
            raise GoldError(f"{where}: document {doc_id!r} is not in the corpus")
        return self.texts[doc_id]

    def find(self, doc_id: str, needle: str, after: int, where: str) -> int:
        """Offset of ``needle`` in the document, first at or after ``after``, else anywhere."""
        text = self.text(doc_id, where)
        needle = needle.strip()
        if not needle:
            raise GoldError(f"{where}: empty text")
        found = []
        pos = text.find(needle)
        while pos >= 0:
            found.append(pos)
            pos = text.find(needle, pos + 1)
        if not found:
            raise GoldError(f"{where}: text not found verbatim in {doc_id}: {needle[:60]!r}")

        # A gold sentence is whole: where its text is also the start of a longer line (a
        # headline repeated with a site-name suffix), the occurrence that ends a sentence
        # or a line is the one meant.
        def whole(p: int) -> bool:
            end = p + len(needle)
            return end == len(text) or text[end] == "\n" or needle[-1] in _SENTENCE_END

        for ok in (lambda p: p >= after and whole(p), lambda p: p >= after, whole):
            for p in found:
                if ok(p):
                    return p
        return found[0]

    def sentence_at(self, doc_id: str, offset: int) -> tuple[int, str, str]:
        """(sent_id, section, text) of the tagger sentence holding ``offset`` (or the next)."""
        spans = self.spans.get(doc_id, [])
        if not spans:
            return -1, "", ""
        i = bisect.bisect_right(self.starts[doc_id], offset) - 1
        if i < 0 or offset >= spans[i][1]:
            i = min(i + 1, len(spans) - 1)  # in the gap between sentences: the next one
        _, _, sent, section, text = spans[i]
        return sent, section, text

    def sentence_text(self, doc_id: str, sent_id: int) -> str:
        for span in self.spans.get(doc_id, []):
            if span[2] == sent_id:
                return span[4]
        return ""

    def line_bounds(self, doc_id: str, where: str) -> list[tuple[int, int]]:
        bounds, pos = [], 0
        for line in self.text(doc_id, where).split("\n"):
            bounds.append((pos, pos + len(line)))
            pos += len(line) + 1
        return bounds


def locate(frame: pd.DataFrame, loc: Locator) -> pd.DataFrame:
    """Add ``offset`` (of the gold sentence) and ``sent_id`` (the tagger's) to gold rows."""
    path = frame.attrs.get("path", "gold")
    order = frame.assign(gold_row=range(len(frame)))
    if "sent" in frame.columns:
        order = order.assign(gold_sent=pd.to_numeric(frame["sent"], errors="coerce"))
        order = order.sort_values(["doc_id", "gold_sent", "gold_row"], kind="stable")
    offsets, sent_ids, last = {}, {}, {}
    for row in order.itertuples():
        where = f"{path}, row {row.gold_row + 2}"
        pos = loc.find(row.doc_id, row.text, last.get(row.doc_id, 0), where)
        last[row.doc_id] = pos
        offsets[row.Index] = pos
        sent_ids[row.Index] = loc.sentence_at(row.doc_id, pos)[0]
    return frame.assign(offset=pd.Series(offsets), sent_id=pd.Series(sent_ids))


# --------------------------------------------------------------------------- scoring


def _score(table: str, level: str, gold: Counter, found: Counter) -> dict:
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


def _accuracy(table: str, level: str, n: int, right: int) -> dict:
    acc = right / n if n else float("nan")
    return dict(
        table=table, level=level, gold=n, found=n, hits=right, precision=acc, recall=acc, f1=acc
    )


def _errors(table, level, gold: Counter, found: Counter, loc: Locator) -> list[dict]:
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


def _compare(table, level, gold_keys, found_keys, loc, scores, errors) -> None:
    gold, found = Counter(gold_keys), Counter(found_keys)
    scores.append(_score(table, level, gold, found))
    errors.extend(_errors(table, level, gold, found, loc))


def top_affiliation(actor_id: str) -> str:
    """The holder at the level the notebooks aggregate at (mamlouk → SYR); ids the
    dictionary lacks (``new:…``, ``unnamed_source``) stay as they are."""
    return affiliation_of(actor_id, level="state") if actor_id else actor_id


def counted_sentences(gold: dict[str, pd.DataFrame], loc: Locator) -> set | None:
    """Tagger sentences (doc_id, sent_id) on lines the gold reads as headline or body."""
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


def line_span(frame: pd.DataFrame, row, loc: Locator) -> tuple[int, int]:
    """Offsets of a sections.csv row's line, checked against the row's ``text``."""
    where = f"{frame.attrs.get('path', 'sections.csv')}, row {row.Index + 2}"
    bounds = loc.line_bounds(row.doc_id, where)
    line = int(row.line) if str(row.line).strip().isdigit() else 0
    if not 1 <= line <= len(bounds):
        raise GoldError(f"{where}: {row.doc_id} has no line {row.line}")
    start, end = bounds[line - 1]
    if "text" in frame.columns and row.text.strip():
        raw = loc.texts[row.doc_id][start:end]
        if row.text.strip() != raw.strip():
            raise GoldError(f"{where}: line {line} of {row.doc_id} reads {raw[:60]!r}")
    return start, end


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
            errors.append(
                dict(
                    table="sections",
                    level="line",
                    kind="wrong",
                    doc_id=row.doc_id,
                    sent_id=sent,
                    item=f"line {line}: gold {row.section}, tagged {tagged}",
                    sentence=loc.texts[row.doc_id][start:end],
                )
            )
        for _s, _e, sent, section, _t in spans:
            n_sents += 1
            agree += (row.section in COUNTED) == (section in COUNTED)
            if row.section in COUNTED:
                sent_gold.append((row.doc_id, sent, "counted"))
            if section in COUNTED:
                sent_found.append((row.doc_id, sent, "counted"))
    scores.append(_accuracy("sections", "line", len(frame), right))
    # the measure: every tagger sentence counted or left out as the reader would
    scores.append(_accuracy("sections", "counted or not", n_sents, agree))
    _compare("sections", "counted sentence", sent_gold, sent_found, loc, scores, errors)


def score_mentions(frame, tables, loc, counted, scores, errors) -> None:
    frame = locate(frame, loc)
    found = tables.mentions[tables.mentions["kind"].isin(ACTOR_KINDS)]
    found = _keep(found, counted)
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
    _compare("mentions", "mention", gold_keys, found_keys, loc, scores, errors)


def _keep(frame: pd.DataFrame, counted: set | None) -> pd.DataFrame:
    if counted is None or frame.empty:
        return frame
    keys = zip(frame["doc_id"].astype(str), frame["sent_id"].astype(int), strict=True)
    return frame[[k in counted for k in keys]]


def _flag(value) -> bool:
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
        if r.speaker_id != "outlet"
    ]
    found_keys = [
        (d, s, str(r.speaker_id)) for (d, s), r in by_sent.items() if r.speaker_id != "outlet"
    ]
    _compare("attribution", "speaker", gold_keys, found_keys, loc, scores, errors)
    for level, gold_of, found_of in (
        ("cited source", lambda r: r.cited_source, lambda r: str(r.cited_source or "")),
        ("hedged", lambda r: _flag(r.hedged), lambda r: bool(r.hedged)),
    ):
        right = 0
        for r in frame.itertuples():
            got = by_sent.get((r.doc_id, int(r.sent_id)))
            value = found_of(got) if got is not None else None
            if value == gold_of(r):
                right += 1
            else:
                errors.append(
                    dict(
                        table="attribution",
                        level=level,
                        kind="wrong",
                        doc_id=r.doc_id,
                        sent_id=int(r.sent_id),
                        item=f"gold {gold_of(r)!r}, tagged {value!r}",
                        sentence=loc.sentence_text(r.doc_id, int(r.sent_id)),
                    )
                )
        scores.append(_accuracy("attribution", level, len(frame), right))


def _keyed(frame, columns: Iterable[str], holder: str, lift: Callable[[str], str]) -> list:
    keys = []
    for row in frame[["doc_id", "sent_id", holder, *columns]].itertuples(index=False):
        doc, sent, who, *rest = row
        keys.append((str(doc), int(sent), lift(str(who)), *(str(v) for v in rest)))
    return keys


def score_stances(frame, tables, loc, counted, scores, errors) -> None:
    frame = locate(frame, loc)
    found = _keep(tables.stances, counted)
    for level, lift in (("holder", str), ("top affiliation", top_affiliation)):
        _compare(
            "stances",
            level,
            _keyed(frame, ("target", "polarity"), "holder", lift),
            _keyed(found, ("target", "polarity"), "holder_id", lift),
            loc,
            scores,
            errors,
        )


def score_positions(frame, tables, loc, counted, scores, errors) -> None:
    frame = locate(frame, loc)
    found = _keep(tables.positions, counted)
    for level, lift in (("holder", str), ("top affiliation", top_affiliation)):
        _compare(
            "positions",
            level,
            _keyed(frame, ("move",), "holder", lift),
            _keyed(found, ("move",), "holder_id", lift),
            loc,
            scores,
            errors,
        )
    _compare(
        "positions",
        "move only",
        _keyed(frame, ("move",), "holder", lambda _h: ""),
        _keyed(found, ("move",), "holder_id", lambda _h: ""),
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
                    dict(
                        table="positions",
                        level=level,
                        kind="wrong",
                        doc_id=row.doc_id,
                        sent_id=int(row.sent_id),
                        item=f"{row.holder} {row.move}: gold {getattr(row, gold_col)!r},"
                        f" tagged {' | '.join(sorted(values))!r}",
                        sentence=loc.sentence_text(row.doc_id, int(row.sent_id)),
                    )
                )
        scores.append(_accuracy("positions", level, n, right))


def evaluate(gold_dir: str | Path, tables) -> Evaluation:
    """Score ``tables`` (a tagged corpus, :class:`analysis.pipeline.Tables`) against the
    gold reading in ``gold_dir``."""
    gold = read_gold(gold_dir)
    loc = Locator(tables.documents, tables.sentences)
    counted = counted_sentences(gold, loc)
    scores: list[dict] = []
    errors: list[dict] = []
    if "sections" in gold:
        score_sections(gold["sections"], loc, scores, errors)
    scorers = {
        "mentions": score_mentions,
        "attribution": score_attribution,
        "stances": score_stances,
        "positions": score_positions,
    }
    for name, scorer in scorers.items():
        if name in gold:
            scorer(gold[name], tables, loc, counted, scores, errors)
    return Evaluation(
        scores=pd.DataFrame(scores, columns=list(SCORE_COLUMNS)),
        errors=pd.DataFrame(errors, columns=list(ERROR_COLUMNS)),
    )
