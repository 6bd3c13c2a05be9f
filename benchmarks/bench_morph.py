"""Benchmark: two ways to give cue words their camel-tools analysis (run on demand).

    python benchmarks/bench_morph.py [--articles 2000]

On the first N SaudiNewsNet articles (folded, split into words):

- **per type**: analyse every distinct word with camel-tools' analyser, cached per type —
  what a tagger that analyses everything would pay;
- **expansion**: look each distinct word's clitic-stripped stems up among the cue lemmas'
  generated forms (``analysis.tag.forms``, built once from camel-tools' generator) and
  analyse only the words found there — what ``analysis.tag.frames`` does.

Each runs in a fresh process (caches cold, the analyser's database load excluded). It
prints the words, the distinct types, the candidates, the seconds and the cost per type,
and the extrapolation to every distinct word of the corpus sample.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet" / "json"
_WORD = re.compile(r"\S+")


def words(n: int) -> list[str]:
    """The original words of the first ``n`` articles (punctuation stripped)."""
    from analysis.tag.clauses import bare  # the project's own token clean-up

    out, seen = [], 0
    for file in sorted(SHARED.glob("*.json")):
        for row in json.loads(file.read_text(encoding="utf-8")):
            out += [bare(w) for w in _WORD.findall(str(row.get("content") or ""))]
            seen += 1
            if seen >= n:
                return [w for w in out if w]
    return [w for w in out if w]


def run(mode: str, n: int) -> None:
    from analysis.tag.camel import get_analyzer
    from analysis.tag.frames import candidate
    from analysis.tag.morph import analyses
    from analysis.text.normalize import fold

    get_analyzer()  # the database load is paid once by either way: not timed
    ws = words(n)
    types = sorted(set(ws))
    t0 = time.perf_counter()
    if mode == "per-type":
        analysed = [analyses(w) for w in types]
        found = len(analysed)
    else:
        chosen = [w for w in types if candidate(fold(w))]
        for w in chosen:
            analyses(w)
        found = len(chosen)
    dt = time.perf_counter() - t0
    print(
        json.dumps(
            {"mode": mode, "words": len(ws), "types": len(types), "analysed": found, "s": dt}
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--mode", choices=["per-type", "expansion"])
    args = ap.parse_args()
    if args.mode:
        run(args.mode, args.articles)
        return
    results = {}
    for mode in ("per-type", "expansion"):
        out = subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--articles", str(args.articles)],
            capture_output=True,
            text=True,
            check=True,
        )
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    base = results["per-type"]
    print(f"{args.articles} articles: {base['words']:,} words, {base['types']:,} distinct types")
    for mode, r in results.items():
        per = r["s"] / max(r["types"], 1) * 1e6
        print(
            f"  {mode:10} analysed {r['analysed']:>7,} types in {r['s']:7.2f} s"
            f"  ({per:,.0f} µs per distinct type of the text)"
        )
    ratio = base["s"] / max(results["expansion"]["s"], 1e-9)
    print(f"  expansion is {ratio:,.1f}x faster")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
