"""Near-duplicate groups: the same story republished by several outlets with small edits.

Method (``dup_groups``):

1. Fold each text (``analysis.text.normalize.fold_for_dedup``) so that encoding and
   typing variants compare equal: NFKC (presentation forms), no BOM / tatweel / diacritics
   / bidi and zero-width controls / NBSP, one alef, ى→ي, ة→ه, Arabic-Indic digits →
   ASCII, no punctuation, one space.
2. Texts with the same folded key are duplicates outright.
3. Distinct keys are shingled into word 3-grams (``SHINGLE`` words, each a stable 32-bit
   hash built from the words' crc32) and summarised by a MinHash signature of ``NUM_PERM``
   affine permutations, computed with numpy for all shingles of a text at once. LSH
   banding (:func:`bands`) proposes every pair whose Jaccard similarity is ``THRESHOLD``
   with probability >= ``RECALL`` (higher above it), and each candidate pair is verified
   with the exact Jaccard similarity of the shingle sets (>= ``THRESHOLD``): signatures
   only decide which pairs are compared.
4. Pairs are joined with union-find; group ids are dense ints from 0 in order of first
   appearance. Every text gets a group (singletons too); empty texts are singletons,
   since an empty page is not a story.

``THRESHOLD = 0.8`` on word 3-grams keeps republished copies with a changed headline, a
dateline or a sentence added or dropped (one edited sentence in a 300-word story changes
about 3% of the shingles), and keeps apart two different stories on the same event, which
share phrases but rarely a fifth of their 3-grams.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.text.normalize import fold_for_dedup

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 3
#: Probability that LSH proposes a pair of exactly ``THRESHOLD`` similarity.
RECALL = 0.99


# odd 64-bit multipliers for combining the word hashes of a shingle (arbitrary, fixed)
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_EMPTY = np.zeros(0, dtype=np.uint32)


def shingle_hashes(key: str) -> np.ndarray:
    """Word ``SHINGLE``-grams of a key as sorted unique stable 32-bit hashes (uint32).

    Each word is hashed once (crc32 of its UTF-8 bytes); a shingle's hash mixes its words'
    hashes, so no shingle string is ever built. A key of ``SHINGLE`` words or fewer is one
    shingle (the crc32 of the whole key).
    """
    data = key.encode("utf-8")
    words = data.split()
    if len(words) <= SHINGLE:
        return np.array([zlib.crc32(data)], dtype=np.uint32) if data else _EMPTY
    crc = zlib.crc32
    h = np.fromiter((crc(w) for w in words), dtype=np.uint64, count=len(words))
    with np.errstate(over="ignore"):  # wrap-around is the point
        mixed = h[:-2] * _MIX[0] + h[1:-1] * _MIX[1] + h[2:] * _MIX[2]
        mixed = (mixed ^ (mixed >> np.uint64(29))) * _MIX[0]
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """``NUM_PERM`` affine maps h → a·h + b (mod 2^64, ``a`` odd so each is a bijection)."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 62, NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = gen.randint(0, 1 << 62, NUM_PERM, dtype=np.uint64)
    return a, b


def _fmix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: spreads 32-bit inputs over all 64 bits."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(33))
        h = h * np.uint64(0xFF51AFD7ED558CCD)
        h = h ^ (h >> np.uint64(33))
        h = h * np.uint64(0xC4CEB9FE1A85EC53)
        return h ^ (h >> np.uint64(33))


def minhash_signature(shingles: np.ndarray) -> np.ndarray:
    """The MinHash signature (uint64[NUM_PERM]) of a set of shingle hashes, in one numpy pass."""
    if not len(shingles):
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    a, b = _permutations()
    with np.errstate(over="ignore"):
        return (_fmix(shingles.astype(np.uint64))[:, None] * a + b).min(axis=0)


def text_features(text: object) -> Features:
    """:class:`Features` of one text (anything not a string counts as empty)."""
    key = fold_for_dedup(text) if isinstance(text, str) else ""
    if not key:
        return Features(b"", _EMPTY, minhash_signature(_EMPTY))
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
    shingles = shingle_hashes(key)
    return Features(digest, shingles, minhash_signature(shingles))


@cache
def bands(
    threshold: float = THRESHOLD, num_perm: int = NUM_PERM, recall: float = RECALL
) -> tuple[int, int]:
    """(bands, rows per band) for LSH: of the layouts that propose a pair with Jaccard
    similarity ``threshold`` with probability >= ``recall``, the one proposing the fewest
    dissimilar pairs (smallest false-positive area below the threshold).

    Candidates are verified exactly, so proposing more pairs only costs time; missing one
    would split a group. (datasketch's ``MinHashLSH`` balances both errors instead, and
    finds a pair at exactly 0.8 only 40% of the time: 9 bands of 13 rows.)
    """
    grid = np.linspace(0.0, threshold, 1001)
    best, best_fp = None, float("inf")
    for r in range(1, num_perm + 1):
        b = num_perm // r
        if 1 - (1 - threshold**r) ** b < recall:
            continue
        fp = float(np.trapezoid(1 - (1 - grid**r) ** b, grid))
        if fp < best_fp:
            best, best_fp = (b, r), fp
    return best or (num_perm, 1)


def _jaccard_at_least(a: np.ndarray, b: np.ndarray, threshold: float) -> bool:
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter >= threshold * (len(a) + len(b) - inter)


def group_features(features: Sequence[Features]) -> list[int]:
    """Dense group ids (order of first appearance) for texts given by their features."""
    n = len(features)
    uf = _UnionFind(n)
    # 2. identical keys
    first: dict[bytes, int] = {}
    for i, f in enumerate(features):
        if not f.key_digest:
            continue
        if f.key_digest in first:
            uf.union(first[f.key_digest], i)
        else:
            first[f.key_digest] = i
    # 3. LSH banding over the distinct keys, each candidate pair verified exactly
    n_bands, rows = bands()
    tables: list[dict[bytes, list[int]]] = [{} for _ in range(n_bands)]
    for i in first.values():
        sig = features[i].signature
        keys = [sig[k * rows : (k + 1) * rows].tobytes() for k in range(n_bands)]
        candidates: set[int] = set()
        for table, key in zip(tables, keys, strict=True):
            if key in table:
                candidates.update(table[key])
        for j in sorted(candidates):
            if uf.find(i) != uf.find(j) and _jaccard_at_least(
                features[i].shingles, features[j].shingles, THRESHOLD
            ):
                uf.union(i, j)
        for table, key in zip(tables, keys, strict=True):
            table.setdefault(key, []).append(i)
    # 4. dense ids in order of first appearance
    ids: dict[int, int] = {}
    return [
        ids.setdefault(uf.find(i) if f.key_digest else -1 - i, len(ids))
        for i, f in enumerate(features)
    ]


def dup_groups(
    texts: pd.Series | Iterable[str], *, features: Sequence[Features] | None = None
) -> pd.Series:
    """Near-duplicate group id (Int64, same index) for every text; see the module doc.

    ``features`` (one per text, from :func:`text_features`) skips the folding and hashing,
    e.g. when loader workers computed them next to the text.
    """
    texts = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    if features is None:
        features = [text_features(t) for t in texts]
    if len(features) != len(texts):
        raise ValueError(f"{len(features)} features for {len(texts)} texts")
    out = group_features(features)
    return pd.Series(pd.array(out, dtype="Int64"), index=texts.index, name="dup_group")


class Features(NamedTuple):
    """What grouping needs of one text: computed where the text is (e.g. a loader worker)."""

    key_digest: bytes  # digest of the folded key; b"" for an empty text
    shingles: np.ndarray  # sorted unique uint32 shingle hashes
    signature: np.ndarray  # uint64[NUM_PERM] MinHash signature


class _UnionFind:
    """Disjoint sets of 0..n-1; each set is named by its least member."""

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
