"""Arabic folding: each fold of the package once, under its own name.

Four folds, for four jobs; they differ on purpose (a key of one never meets a key of another):

- :func:`fold` and :func:`match_key` (dictionary matching, ``analysis.tag``): diacritics
  and tatweel removed, alef/hamza-on-alef variants → ا, ى → ي, ة → ه, presentation forms
  NFKC-folded, Persian letter shapes → Arabic, invisible characters
  (``chars.MATCH_INVISIBLE``) removed, Latin lowercased. ``match_key`` also returns, for
  every key character, the offset of the original character it came from: a match
  ``key[i:j]`` is ``text[offsets[i]:offsets[j - 1] + 1]`` in the original;
- :func:`fold_letters` (no offsets; keeps punctuation and case): NFKC, invisible
  characters (``chars.DEDUP_INVISIBLE``), tatweel and Arabic marks removed, one alef,
  ى → ي, ة → ه, no-break spaces → space, CR → LF, Arabic-Indic digits → ASCII;
- :func:`section_key` (the paragraph and chrome rules, ``analysis.load.paragraphs`` and
  ``analysis.load.chrome``): :func:`fold_letters`, lower case, no space before closing or
  after opening punctuation, single spaces;
- :func:`fold_for_dedup` (near-duplicate keys, ``analysis.load.dedup``):
  :func:`fold_letters`, lower case, punctuation → space.

:func:`to_ascii_digits` is the digit fold alone (length kept, so offsets stay valid).

Why a translation table for :func:`match_key` rather than calling the camel-tools
functions on the whole text: ``normalize_unicode`` and ``dediac_ar`` delete and expand
characters, so after them there is no way back to the original offsets. Every fold we need
is character-local, so we apply the camel-tools normalisers (``normalize_unicode``,
``dediac_ar``, ``normalize_alef_ar``, ``normalize_alef_maksura_ar``,
``normalize_teh_marbuta_ar``) once to each single character of the Arabic blocks and store
the result in a ``str.translate`` table. The fold is thus the camel-tools one, and the
per-character output length gives the offset map (numpy ``repeat``), at the speed of
``str.translate``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import numpy as np

from analysis.text.chars import (
    ARABIC_BLOCKS,
    ARABIC_INDIC_DIGITS,
    ARABIC_MARKS,
    DEDUP_INVISIBLE,
    MATCH_INVISIBLE,
    NO_BREAK_SPACES,
    PERSIAN_DIGITS,
    PERSIAN_LETTERS,
    TATWEEL,
)

__all__ = [
    "fold",
    "fold_for_dedup",
    "fold_letters",
    "fold_sentence",
    "match_key",
    "original_span",
    "section_key",
    "strip_marks",
    "to_ascii_digits",
]

_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)
_NON_ASCII_DIGIT = re.compile("[" + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS + "]")
# Deleted outright by fold_letters: invisible characters, tatweel, Arabic marks.
_DROP = re.compile("[" + re.escape(TATWEEL + ARABIC_MARKS + DEDUP_INVISIBLE) + "]+")
# (old, new) pairs; str.replace is much faster than str.translate with a dict table.
_REPLACE = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ى", "ي"),
    ("ة", "ه"),
    *((space, " ") for space in NO_BREAK_SPACES),
    ("\r\n", "\n"),
    ("\r", "\n"),
)
_PUNCT = re.compile(r"[\W_]+")
_SPACE_BEFORE = re.compile(r"\s+(?=[.,:;!?؟،؛)»\]])")
_SPACE_AFTER = re.compile(r"([(«\[])\s+")  # a look-behind would be tried at every position


@functools.cache
def _table() -> tuple[list[int | str], np.ndarray]:
    """The translate table and the per-code-point output length (built once, lazily).

    The table is a list indexed by code point up to the last one folded (its own code
    point where nothing changes; ``str.translate`` leaves a code point past the end as it
    is): ``str.translate`` reads a list twice as fast as a dict."""
    # camel-tools is heavy to import: only when the first key is folded, not at import.
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    def camel_fold(s: str) -> str:
        s = normalize_unicode(s)
        s = dediac_ar(s)
        s = normalize_alef_ar(s)
        s = normalize_alef_maksura_ar(s)
        return normalize_teh_marbuta_ar(s)

    table: dict[int, str] = {}
    for lo, hi in ARABIC_BLOCKS:
        for cp in range(lo, hi):
            ch = chr(cp)
            out = camel_fold(ch)
            # NFKC may yield characters the other folds must see too (ﻷ → لأ → لا).
            out = camel_fold(out)
            if out != ch:
                table[cp] = out
    for ch, out in PERSIAN_LETTERS.items():
        table[ord(ch)] = out
    for ch in MATCH_INVISIBLE + TATWEEL:
        table[ord(ch)] = ""
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    lengths = np.ones(0x110000, dtype=np.int64)
    for cp, out in table.items():
        lengths[cp] = len(out)
    as_list: list[int | str] = list(range(max(table) + 1))
    for cp, out in table.items():
        as_list[cp] = out
    return as_list, lengths


def fold(text: str) -> str:
    """The folded matching form of ``text`` (no offsets); used for dictionary aliases."""
    return text.translate(_table()[0])


@functools.lru_cache(maxsize=1 << 14)
def fold_sentence(text: str) -> str:
    """:func:`fold` of one sentence, remembered: attribution, stances and positions each
    fold every sentence of a chunk (a few thousand) to run their prefilter."""
    return fold(text)


def match_key(text: str) -> tuple[str, np.ndarray]:
    """Return ``(key, offsets)``: the folded text and each key char's original offset."""
    table, lengths = _table()
    key = text.translate(table)
    cps = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    per_char = lengths[cps]
    positions = np.arange(len(text), dtype=np.int64)
    # Equal total length could still hide a deletion plus an expansion, so test per char.
    if len(key) == len(text) and (per_char == 1).all():
        return key, positions
    offsets = np.repeat(positions, per_char)
    if len(offsets) != len(key):
        raise AssertionError("translate table and length table disagree")
    return key, offsets


def original_span(offsets: np.ndarray, i: int, j: int) -> tuple[int, int]:
    """Map the key span ``[i, j)`` (``j > i``) to ``(start, end)`` in the original text."""
    return int(offsets[i]), int(offsets[j - 1]) + 1


_MARKS = re.compile("[" + re.escape(TATWEEL + ARABIC_MARKS) + "]+")


def strip_marks(text: str) -> str:
    """``text`` without short vowels, other Arabic marks and tatweel; letters unchanged
    (what camel-tools' analyser and generator read)."""
    return _MARKS.sub("", text)


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → ASCII; length is unchanged (offsets stay valid)."""
    return text.translate(_DIGITS)


def fold_letters(text: str) -> str:
    """The letter fold of dedup and section keys: NFKC, invisible characters, marks, letters.

    Keeps punctuation and spacing (apart from no-break spaces → space and CR → LF).
    """
    text = _DROP.sub("", unicodedata.normalize("NFKC", text))
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    if _NON_ASCII_DIGIT.search(text):
        text = to_ascii_digits(text)
    return text


def fold_for_dedup(text: str) -> str:
    """The near-duplicate comparison key: :func:`fold_letters`, lower case, no punctuation."""
    return _PUNCT.sub(" ", fold_letters(text).lower()).strip()


@functools.lru_cache(maxsize=1 << 16)
def section_key(text: str) -> str:
    """The folded form paragraphs, sentences, cues and patterns of the section and chrome
    rules are compared in: :func:`fold_letters`, lower case, tidy spaces. Remembered: the
    loader keys a page's sentences in several passes, and a site's menus on every page."""
    key = fold_letters(text).lower()
    key = _SPACE_BEFORE.sub("", key)
    key = _SPACE_AFTER.sub(r"\1", key)
    return " ".join(key.split())  # str.split and \s agree on what is whitespace
