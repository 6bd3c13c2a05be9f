"""Benchmark the actor tagger on the syria-claims corpus (not a test; prints figures).

Usage: CAMELTOOLS_DATA=… python benchmarks/bench_mentions.py [DATASET_DIR] [--baseline]

Each element of a claim file's ``article`` list is one article. Sentences are cut at
. ! ? ؟ and line breaks (the corpus loader is not used, so this measures the tagger only).
``--baseline`` also times camel-tools normalize_unicode + dediac_ar + simple_word_tokenize
over the same text, the yardstick for "a few times the cost of normalising".
"""

from __future__ import annotations

import glob
import json
import resource
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.tag.mentions import SENT_END_RE, tag_mentions

DEFAULT = "/work/shared/corpora/syria-claims/dataset"


def load(folder: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    docs, sents = [], []
    for path in sorted(glob.glob(str(Path(folder) / "*.json"))):
        claim = json.loads(Path(path).read_text(encoding="utf-8"))
        for n, text in enumerate(claim["article"]):
            doc_id = f"{claim['id']}-{n}"
            docs.append({"doc_id": doc_id, "text": text})
            for k, m in enumerate(SENT_END_RE.finditer(text)):
                sents.append((doc_id, k, m.start(), m.end(), "body"))
    sentences = pd.DataFrame(sents, columns=["doc_id", "sent_id", "start", "end", "section"])
    return sentences, pd.DataFrame(docs)


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    sentences, documents = load(args[0] if args else DEFAULT)
    n_chars = int(documents["text"].str.len().sum())
    tag_mentions(sentences.head(1), documents.head(1))  # load dictionary + tables
    t0 = time.perf_counter()
    mentions = tag_mentions(sentences, documents)
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(documents)}  chars: {n_chars:,}  sentences: {len(sentences):,}")
    print(f"mentions: {len(mentions):,}  time: {dt:.2f} s  articles/s: {len(documents) / dt:.0f}")
    print(f"peak memory (ru_maxrss): {peak_mb:.0f} MB")
    if "--baseline" in argv:
        from camel_tools.tokenizers.word import simple_word_tokenize
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import normalize_unicode

        t0 = time.perf_counter()
        for text in documents["text"]:
            simple_word_tokenize(dediac_ar(normalize_unicode(text)))
        base = time.perf_counter() - t0
        print(f"camel-tools baseline: {base:.2f} s  ratio tagger/baseline: {dt / base:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
