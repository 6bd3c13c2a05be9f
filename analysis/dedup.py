"""Near-duplicate groups: the same story republished by several outlets with small edits.

Method (``dup_groups``):

1. Fold each text (``fold_for_dedup``) so that encoding and typing variants compare equal:
   NFKC (presentation forms), no BOM / tatweel / diacritics / bidi and zero-width controls /
   NBSP, one alef, ى→ي, ة→ه, Arabic-Indic digits → ASCII, no punctuation, one space.
2. Texts with the same folded key are duplicates outright.
3. Distinct keys are shingled into word 3-grams (``SHINGLE`` words) and hashed into a
   MinHash (``NUM_PERM`` permutations); MinHashLSH proposes candidate pairs whose estimated
   Jaccard similarity is about ``THRESHOLD`` or more, and each candidate pair is verified
   with the exact Jaccard similarity of the shingle sets (>= ``THRESHOLD``).
4. Pairs are joined with union-find; group ids are dense ints from 0 in order of first
   appearance. Every text gets a group (singletons too); empty texts are singletons,
   since an empty page is not a story.

``THRESHOLD = 0.8`` on word 3-grams keeps republished copies with a changed headline, a
dateline or a sentence added or dropped (one edited sentence in a 300-word story changes
about 3% of the shingles), and keeps apart two different stories on the same event, which
share phrases but rarely a fifth of their 3-grams.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import cache

import pandas as pd

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 3

# Deleted outright: tatweel, BOM/ZWNBSP, soft hyphen, harakat/shadda/sukun and the other
# combining marks U+064B–U+065F, dagger alef, Quranic marks, zero-width and bidi controls.
_DROP = re.compile(
    "[\u0640\ufeff\u00ad\u064b-\u065f\u0670\u06d6-\u06dc"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]+"
)
# (old, new) pairs; str.replace is much faster than str.translate with a dict table.
_REPLACE = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ى", "ي"),
    ("ة", "ه"),
    ("\u00a0", " "),
    ("\u202f", " "),
    ("\r\n", "\n"),
    ("\r", "\n"),
)
_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGIT_TABLE = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)
_PUNCT = re.compile(r"[\W_]+")


def fold_letters(text: str) -> str:
    """Character folding shared with the section rules: NFKC, controls, marks, letters.

    Keeps punctuation and spacing (apart from NBSP → space and CR → LF).
    """
    text = _DROP.sub("", unicodedata.normalize("NFKC", text))
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    if _DIGITS.search(text):
        text = text.translate(_DIGIT_TABLE)
    return text


def fold_for_dedup(text: str) -> str:
    """The comparison key of a text: :func:`fold_letters`, lower case, no punctuation."""
    return _PUNCT.sub(" ", fold_letters(text).lower()).strip()


def _shingles(key: str) -> set[int]:
    """Word ``SHINGLE``-grams of a key, as stable 32-bit hashes (crc32)."""
    words = key.split()
    if len(words) <= SHINGLE:
        return {zlib.crc32(key.encode("utf-8"))}
    crc = zlib.crc32
    return {
        crc(" ".join(words[i : i + SHINGLE]).encode("utf-8"))
        for i in range(len(words) - SHINGLE + 1)
    }


def _identity(value: int) -> int:
    # shingles are already hashed by _shingles (crc32: fast and stable across runs)
    return value


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


@cache
def _scheme() -> tuple[object, str]:
    """Permutations and hash scheme, made once (a fresh MinHash draws them anew)."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1)
    return m.permutations, m.scheme


def dup_groups(texts: pd.Series) -> pd.Series:
    """Near-duplicate group id (Int64, same index) for every text; see the module doc."""
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    n = len(texts)
    keys = [fold_for_dedup(t) if isinstance(t, str) else "" for t in texts]
    uf = _UnionFind(n)

    # 2. identical keys
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if not key:
            continue
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i

    # 3. MinHash LSH over the distinct keys
    reps = list(first.values())
    shingles = {i: _shingles(keys[i]) for i in reps}
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    perms, scheme = _scheme()
    for i in reps:
        m = MinHash(num_perm=NUM_PERM, permutations=perms, scheme=scheme, hashfunc=_identity)
        m.update_batch(list(shingles[i]))
        lean = LeanMinHash(m)
        for j in lsh.query(lean):
            a, b = shingles[i], shingles[j]
            if len(a & b) >= THRESHOLD * len(a | b):
                uf.union(i, j)
        lsh.insert(i, lean)

    # 4. dense ids in order of first appearance
    ids: dict[int, int] = {}
    out = []
    for i, key in enumerate(keys):
        root = uf.find(i) if key else -1 - i
        out.append(ids.setdefault(root, len(ids)))
    return pd.Series(pd.array(out, dtype="Int64"), index=texts.index, name="dup_group")
