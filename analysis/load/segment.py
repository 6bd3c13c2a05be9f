"""Split an article into paragraphs and sentences, with offsets into the original text.

Decisions (see ``tests/load/test_segment.py`` for the cases):

* A paragraph is a run of text between line breaks; empty lines are skipped and each
  span is trimmed of surrounding whitespace.
* A sentence ends after ``.``, ``!``, ``?``, ``؟`` or ``…`` (and runs of them) followed by
  whitespace or the end of the paragraph, plus any closing quotes/brackets after it.
  ``؛`` (Arabic semicolon) separates clauses inside one sentence in news prose, so it does
  not split; neither does the Arabic comma ``،`` nor ``:``.
* No split inside a short quotation (``«…»``, ``“…”``, ``"…"`` up to ``SHORT_QUOTE``
  characters): a quoted question or exclamation belongs to its reporting sentence.
* No split on decimals and dotted dates (``3.5``, ``13.06.2018``, pre-tokenised ``7 . 12``),
  URLs and domains (``example . com``), initials and abbreviations (``د.``, ``أ.ف.ب``,
  ``U.S.``, ``Dr.``).
* Pre-tokenised text (``word .`` with a space before the mark, as in syria-claims) splits
  like ordinary text; the sentence ends after the mark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from analysis.load.chrome import label_sentences, pull_quotes, sentence_key, tail_start, title_bar
from analysis.load.paragraphs import label_paragraphs

SHORT_QUOTE = 300  # characters; a longer quotation may hold several sentences of its own

_PARA = re.compile(r"[^\n]+")
# A sentence-final mark, the closers that belong to it, then whitespace or the end.
_END = re.compile(r"[.!?؟…]+(?:\s*[»”’\")\]])*(?=\s|$)")
_QUOTES = re.compile(r"«[^«»\n]*»|“[^“”\n]*”|\"[^\"\n]*\"")
_NEXT_TOKEN = re.compile(r"\s*(\S+)")
# Single letters are initials or abbreviations (د. = doctor, أ. ف. ب = AFP) ...
_ABBREV_EN = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "no",
        "inc",
        "ltd",
        "co",
        "gen",
        "col",
        "lt",
        "sgt",
        "rev",
        "fig",
        "e.g",
        "i.e",
    ]
)
# ... except the era/time letters after a number: "عام 2018 م." ends a sentence.
_ERA_AFTER_NUMBER = re.compile(r"\d\s*(?:م|هـ|ه|ص)$")
_TLD = re.compile(
    r"(?:com|net|org|info|gov|edu|int|co|uk|fr|de|ru|ir|sy|lb|sa|ae|tv|me|io|html?|php|aspx?)\b"
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text``, trimmed of whitespace."""
    spans = []
    for m in _PARA.finditer(text):
        s = m.start()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        spans.append((s + lead, s + lead + len(stripped)))
    return spans


def _quote_spans(para: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTES.finditer(para)]


def _is_false_end(para: str, mark_start: int, mark: str, after: int) -> bool:
    """True when the mark at ``mark_start`` does not end a sentence."""
    if mark[0] != ".":
        return False
    # a short window: searching the whole prefix would make long paragraphs quadratic
    before = para[max(0, mark_start - 80) : mark_start]
    # the last run of non-space characters (str.split and \s agree on what is space);
    # not a regex search: "(\S+)\s*$" is tried at every position of the window
    words = before.rsplit(None, 1)
    if not words:
        return True  # a paragraph starting with "." has nothing to end
    word = words[-1]
    nxt = _NEXT_TOKEN.match(para, after)
    nxt_tok = nxt.group(1) if nxt else ""
    # decimals and dotted dates in pre-tokenised text: "7 . 12", "13 . 06 . 2018"
    if word[-1].isdigit() and nxt_tok[:1].isdigit():
        return True
    # domains, URLs, file names: "example . com", "http : / / p . dw . com"
    if nxt_tok and word[-1].isascii() and word[-1].isalnum() and _TLD.match(nxt_tok):
        return True
    # the next token starts lower-case Latin: the sentence goes on
    if nxt_tok[:1].isascii() and nxt_tok[:1].islower():
        return True
    bare = word.strip("(«\"“'")
    # a single letter: an initial or an abbreviation (د. ، أ. ف. ب)
    if len(bare) == 1 and bare.isalpha():
        return not _ERA_AFTER_NUMBER.search(before.rstrip())
    # dotted abbreviations without spaces: أ.ف.ب ، U.S
    if re.fullmatch(r"(?:\w\.)+\w", bare) and all(len(p) == 1 for p in bare.split(".")):
        return True
    return bare.lower() in _ABBREV_EN


def sentence_spans(
    text: str, start: int, end: int, cuts: Sequence[int] = ()
) -> list[tuple[int, int]]:
    """Sentence spans inside the paragraph ``text[start:end]`` (offsets into ``text``);
    ``cuts`` are extra offsets where a new sentence must start (furniture glued mid-line)."""
    para = text[start:end]
    if not para.strip():
        return []
    quotes = _quote_spans(para) if ('"' in para or "«" in para or "“" in para) else []
    short = [(qs, qe) for qs, qe in quotes if qe - qs <= SHORT_QUOTE + 2]
    opens = {qs for qs, _ in quotes}
    extra = [c for c in cuts if start < c < end]
    ends: list[int] = []
    for m in _END.finditer(para):
        ms, me = m.span()
        if any(qs < ms < qe - 1 for qs, qe in short):
            continue  # inside a short quotation
        # a straight quote after the mark that opens the next quotation is not a closer
        for i in range(ms, me):
            if i in opens:
                me = i
                break
        if _is_false_end(para, ms, m.group(), me):
            continue
        ends.append(me)
    ends.extend(c - start for c in extra)
    spans = []
    prev = 0
    for cut in [*sorted(set(ends)), len(para)]:
        piece = para[prev:cut]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            s = start + prev + lead
            spans.append((s, s + len(stripped)))
        prev = cut
    return spans


_COLUMNS = ["doc_id", "sent_id", "para_id", "start", "end", "section", "section_reason", "text"]


def segment_records(
    doc_id: str, text: str, *, title: str | None = None, across: frozenset[int] = frozenset()
) -> dict[str, list]:
    """Column lists of one document's sentences (cheap to concatenate across documents).

    ``across``: keys (``analysis.load.chrome.sentence_key``) of the sentences that other pages of
    the same site hold too, a corpus-level signal of page furniture.
    """
    paras = paragraph_spans(text)
    labels = label_paragraphs(text, paras, title=title)
    # furniture glued inside a line: cut the sentence where a related-news tail opens and
    # around pull quotes, so that the article's own words stay whole sentences
    tail = tail_start(text, paras, labels)
    quotes = pull_quotes(text, paras, labels)
    bar = title_bar(text)
    cuts = sorted(
        {*(q for span in quotes for q in span), *((tail[0],) if tail else ()), *(bar or ())}
    )
    rows = [
        (para_id, s, e, section, reason)
        for para_id, ((ps, pe), (section, reason)) in enumerate(zip(paras, labels, strict=True))
        for s, e in sentence_spans(text, ps, pe, cuts)
    ]
    final = label_sentences(
        text,
        [(s, e, sec, why) for _, s, e, sec, why in rows],
        tail=tail,
        bar=bar,
        quotes=quotes,
        across=across,
    )
    cols: dict[str, list] = {c: [] for c in _COLUMNS}
    for sent_id, ((para_id, s, e, _sec, _why), (section, reason)) in enumerate(
        zip(rows, final, strict=True)
    ):
        cols["sent_id"].append(sent_id)
        cols["para_id"].append(para_id)
        cols["start"].append(s)
        cols["end"].append(e)
        cols["section"].append(section)
        cols["section_reason"].append(reason)
        cols["text"].append(text[s:e])
    cols["doc_id"] = [doc_id] * len(rows)
    return cols


def page_keys(text: str) -> tuple[set[int], int]:
    """Keys (``analysis.load.chrome.sentence_key``) of a page's sentences, and a key for its
    story: the least key among the sentences of the middle of the page, where the article
    stands (two copies of a story share it; two stories under one template do not). For
    the corpus-level count of what a site's pages share (``analysis.load.chrome.site_repeats``).
    """
    keys, middle = set(), set()
    lo, hi = 0.3 * len(text), 0.7 * len(text)
    for ps, pe in paragraph_spans(text):
        for s, e in sentence_spans(text, ps, pe):
            key = sentence_key(text[s:e])
            keys.add(key)
            if lo <= s <= hi:
                middle.add(key)
    return keys, min(middle or keys or {0})


def _frame(cols: dict[str, list]) -> pd.DataFrame:
    string = pd.StringDtype()
    return pd.DataFrame(
        {
            "doc_id": pd.array(cols["doc_id"], dtype=string),
            "sent_id": pd.array(cols["sent_id"], dtype="int64"),
            "para_id": pd.array(cols["para_id"], dtype="int64"),
            "start": pd.array(cols["start"], dtype="int64"),
            "end": pd.array(cols["end"], dtype="int64"),
            "section": pd.array(cols["section"], dtype=string),
            "section_reason": pd.array(cols["section_reason"], dtype=string),
            "text": pd.array(cols["text"], dtype=string),
        }
    )


def segment_documents(
    doc_ids: list[str],
    texts: list[str],
    titles: list[str | None] | None = None,
    across: list[frozenset[int]] | None = None,
) -> pd.DataFrame:
    """The ``sentences`` table for many documents, built as one frame (much faster than
    concatenating one frame per document); ``across`` as in :func:`segment_records`, one
    set per document."""
    titles = titles if titles is not None else [None] * len(texts)
    across = across if across is not None else [frozenset()] * len(texts)
    cols: dict[str, list] = {c: [] for c in _COLUMNS}
    for doc_id, text, title, shared in zip(doc_ids, texts, titles, across, strict=True):
        one = segment_records(doc_id, text, title=title, across=shared)
        for c in _COLUMNS:
            cols[c].extend(one[c])
    return _frame(cols)
