"""Folded matching forms of Arabic text that keep a map back to the original offsets.

``match_key`` returns the text folded for matching (diacritics and tatweel removed,
alef/hamza-on-alef variants → ا, ى → ي, ة → ه, presentation forms NFKC-folded, bidi and
zero-width marks removed, Latin lowercased) together with, for every key character, the
offset of the original character it came from. A match ``key[i:j]`` is therefore
``text[offsets[i]:offsets[j - 1] + 1]`` in the original.

Why a translation table rather than calling the camel-tools functions on the whole text:
``normalize_unicode`` and ``dediac_ar`` delete and expand characters, so after them there is
no way back to the original offsets. Every fold we need is character-local, so we apply the
camel-tools normalisers (``normalize_unicode``, ``dediac_ar``, ``normalize_alef_ar``,
``normalize_alef_maksura_ar``, ``normalize_teh_marbuta_ar``) once to each single character
of the Arabic blocks and store the result in a ``str.translate`` table. The fold is thus
the camel-tools one, and the per-character output length gives the offset map (numpy
``repeat``), at the speed of ``str.translate``.
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = ["fold", "match_key", "original_span"]

# Blocks whose characters camel-tools normalisers may change: Arabic, Arabic Supplement,
# Arabic Extended-A, Presentation Forms A and B, plus the general punctuation area.
_ARABIC_RANGES = (
    (0x0600, 0x0700),
    (0x0750, 0x0780),
    (0x08A0, 0x0900),
    (0xFB50, 0xFE00),
    (0xFE70, 0xFF00),
)
# Invisible format characters: bidi marks/embeddings/isolates, zero-width chars, BOM,
# soft hyphen. They sit inside words in scraped text and must not split a match.
_INVISIBLE = [0x00AD, 0x061C, 0xFEFF, *range(0x200B, 0x2010), *range(0x202A, 0x202F)]
_INVISIBLE += list(range(0x2060, 0x2070))
_TATWEEL = 0x0640
# Persian/Urdu letter shapes that turn up in Arabic news for ي and ك.
_EXTRA = {0x06CC: "ي", 0x06A9: "ك", 0x06D2: "ي", 0x06C1: "ه", 0x06D5: "ه"}


@functools.cache
def _table() -> tuple[dict[int, str], np.ndarray]:
    """The translate table and the per-code-point output length (built once, lazily)."""
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
    for lo, hi in _ARABIC_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            out = camel_fold(ch)
            # NFKC may yield characters the other folds must see too (ﻷ → لأ → لا).
            out = camel_fold(out)
            if out != ch:
                table[cp] = out
    for cp, out in _EXTRA.items():
        table[cp] = out
    for cp in (*_INVISIBLE, _TATWEEL):
        table[cp] = ""
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    lengths = np.ones(0x110000, dtype=np.int64)
    for cp, out in table.items():
        lengths[cp] = len(out)
    return table, lengths


def fold(text: str) -> str:
    """The folded matching form of ``text`` (no offsets); used for dictionary aliases."""
    return text.translate(_table()[0])


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
