"""Reading a gold folder (docs/gold.md) and tying its rows to the tagger's sentences."""

from __future__ import annotations

import bisect
from pathlib import Path

import pandas as pd

from analysis.schema import COUNTED_SECTIONS

GOLD_FILES = (
    "sections",
    "regions",
    "documents",
    "mentions",
    "attribution",
    "stances",
    "positions",
)

COUNTED = COUNTED_SECTIONS

SENTENCE_END = frozenset(".!?؟…»”\"'")


REQUIRED = {
    "sections": ("doc_id", "line", "section"),
    "regions": ("doc_id", "start", "section"),
    "documents": ("doc_id", "pub_date", "text_date"),
    "mentions": ("doc_id", "text", "actor_id", "surface"),
    "attribution": ("doc_id", "text", "speaker_id", "cited_source", "hedged"),
    "stances": ("doc_id", "text", "holder", "target", "polarity"),
    "positions": ("doc_id", "text", "holder", "move", "counterpart", "issue"),
}


class GoldError(ValueError):
    """A gold file that cannot be read or tied to the corpus."""


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
            return end == len(text) or text[end] == "\n" or needle[-1] in SENTENCE_END

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


def region_spans(frame: pd.DataFrame, loc: Locator) -> dict[str, list[tuple[int, int, str, str]]]:
    """``doc_id → [(start, end, section, kind)]`` from ``regions.csv``: each region runs
    from its ``start`` text to the next region's; the first starts the document."""
    path = frame.attrs.get("path", "regions.csv")
    starts: dict[str, list[tuple[int, str, str]]] = {}
    for row in frame.itertuples():
        where = f"{path}, row {row.Index + 2}"
        text = loc.text(row.doc_id, where)
        previous = starts.setdefault(row.doc_id, [])
        after = previous[-1][0] if previous else 0
        needle = row.start.strip()
        pos = text.find(needle, after)
        if pos < 0:
            raise GoldError(f"{where}: start not found after the previous region: {needle[:60]!r}")
        if not previous and text[:pos].strip():
            raise GoldError(f"{where}: the first region of {row.doc_id} must start the text")
        previous.append((0 if not previous else pos, row.section, getattr(row, "kind", "")))
    spans = {}
    for doc, rows in starts.items():
        ends = [r[0] for r in rows[1:]] + [len(loc.texts[doc])]
        spans[doc] = [(s, e, sec, kind) for (s, sec, kind), e in zip(rows, ends, strict=True)]
    return spans


def region_of(regions: list[tuple[int, int, str, str]], start: int, end: int) -> tuple:
    """The region holding most of ``[start, end)``."""
    best, share = regions[0], -1
    for region in regions:
        overlap = min(end, region[1]) - max(start, region[0])
        if overlap > share:
            best, share = region, overlap
    return best
