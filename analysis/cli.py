"""The ``analysis`` command line: ``tag``, ``report``, ``candidates``, ``evaluate``, ``doctor``.

Heavy modules are imported inside the commands so that ``analysis --help`` is instant.
Exit status is non-zero only when nothing could be done (no document loaded, a missing
corpus, a missing required resource); rejected files are reported, not fatal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path


def _parse_columns(pairs: list[str]) -> dict[str, str]:
    """``["text=body_ar", "date=pub"]`` → ``{"text": "body_ar", "date": "pub"}``."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key or not value:
            raise SystemExit(f"analysis: --column takes ROLE=COLUMN, got {pair!r}")
        out[key.strip()] = value.strip()
    return out


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _add_corpus_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--manifest", help="manifest CSV for a folder of .txt files")
    cmd.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="ROLE=COLUMN",
        help="map a table column to a role (text, html, title, outlet, date, url, doc_id)",
    )
    cmd.add_argument(
        "--explode",
        help="comma-separated list columns holding parallel arrays, one row per element"
        " (e.g. article,url for the syria-claims layout)",
    )
    cmd.add_argument(
        "--dayfirst",
        choices=("yes", "no"),
        help="how to read ambiguous numeric dates such as 05/01/2024 (default: reject them)",
    )


def _corpus_kwargs(args: argparse.Namespace) -> dict:
    return {
        "manifest": args.manifest,
        "columns": _parse_columns(args.column) or None,
        "explode": args.explode.split(",") if args.explode else None,
        "dayfirst": None if args.dayfirst is None else args.dayfirst == "yes",
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analysis",
        description="Load, tag and report on Arabic news about Iran's military presence in Syria.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    tag = sub.add_parser("tag", help="load a corpus, tag it, write Parquet tables")
    tag.add_argument("corpus", help="a folder of .txt files, a table file, or a folder of tables")
    tag.add_argument("--out", required=True, help="folder for the Parquet tables")
    tag.add_argument(
        "--workers",
        type=int,
        default=0,
        help="processes for tagging (default 0: one per core from 1,000 articles on, else 1)",
    )
    tag.add_argument(
        "--engine",
        choices=("inprocess", "dask"),
        default="inprocess",
        help="where tagging runs: this process (default) or a Dask cluster",
    )
    tag.add_argument("--scheduler", help="Dask scheduler address (default: start a LocalCluster)")
    _add_corpus_options(tag)

    report = sub.add_parser("report", help="execute the notebooks, write offline HTML reports")
    report.add_argument("--corpus", help="corpus to report on (default: seeds/)")
    report.add_argument("--out", required=True, help="folder for the HTML reports")
    _add_corpus_options(report)

    cand = sub.add_parser("candidates", help="list names the actor dictionary does not know")
    cand.add_argument("corpus")
    cand.add_argument("--top", type=int, default=30)
    _add_corpus_options(cand)

    ev = sub.add_parser("evaluate", help="score the taggers against a gold reading (docs/gold.md)")
    ev.add_argument("gold", help="gold folder: sections.csv, mentions.csv, attribution.csv, …")
    ev.add_argument("--corpus", help="the corpus the gold reads (default: seeds/)")
    ev.add_argument("--errors", type=int, default=20, help="misses/extras shown per level")
    ev.add_argument("--out", help="folder for scores.csv and errors.csv (all errors)")
    _add_corpus_options(ev)

    sub.add_parser("doctor", help="check camel-tools resources and what each is used for")
    ex = sub.add_parser("explain", help="show how the clause reader reads a sentence")
    ex.add_argument("text", help="one or more Arabic sentences (the previous one helps pronouns)")
    ex.add_argument(
        "--date",
        type=_day,
        help="the page's date, YYYY-MM-DD (a title without a name is read by it)",
    )
    return parser


def cmd_tag(args: argparse.Namespace) -> int:
    # here, not at module level: `analysis --help` stays instant
    from analysis.pipeline.run import tag
    from analysis.pipeline.store import write_tables

    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"analysis tag: {corpus}: no such file or folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    tables = tag(
        corpus,
        progress=sys.stderr.isatty(),
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        **_corpus_kwargs(args),
    )
    out = write_tables(tables, args.out)
    seconds = time.perf_counter() - started
    print(f"analysis tag: {tables.summary()} → {out} in {seconds:.1f} s")
    if len(tables.rejected):
        print(f"  rejected files and rows are listed in {out / 'rejected.csv'}")
    return 0 if len(tables.documents) else 1


def cmd_report(args: argparse.Namespace) -> int:
    # here, not at module level: `analysis --help` stays instant
    from analysis.pipeline.run import tag
    from analysis.pipeline.store import write_tables
    from analysis.report.build import build_reports

    started = time.perf_counter()
    options = _corpus_kwargs(args)
    if not any(v is not None for v in options.values()):
        pages = build_reports(args.out, corpus=args.corpus)
    else:
        # The notebooks open a corpus by path alone: tag it here with the options given
        # and hand them the tagged tables (kept beside the reports), which they read as is.
        if args.corpus is None:
            print("analysis report: --column/--explode/--manifest need --corpus", file=sys.stderr)
            return 2
        tables = tag(Path(args.corpus), workers=None, **options)
        tagged = write_tables(tables, Path(args.out) / "tables")
        print(f"analysis report: {tables.summary()} → {tagged}")
        pages = build_reports(args.out, corpus=tagged)
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in pages) / 1e6
    print(f"analysis report: {len(pages)} pages, {size:.1f} MB → {args.out} in {seconds:.1f} s")
    return 0 if pages else 1


def cmd_candidates(args: argparse.Namespace) -> int:
    # here, not at module level: `analysis --help` stays instant
    import pandas as pd

    # here, not at module level: `analysis --help` stays instant
    from analysis.load.corpus import load_corpus
    from analysis.tag.candidates import find_candidates

    loaded = load_corpus(Path(args.corpus), **_corpus_kwargs(args))
    table = find_candidates(loaded.sentences, loaded.documents).head(args.top)
    with pd.option_context("display.max_colwidth", 80, "display.width", 160):
        print(table.to_string(index=False))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    # here, not at module level: `analysis --help` stays instant
    from analysis.evaluate import evaluate
    from analysis.pipeline.run import default_corpus, tag

    corpus = Path(args.corpus) if args.corpus else default_corpus()
    if not corpus.exists():
        print(f"analysis evaluate: {corpus}: no such file or folder", file=sys.stderr)
        return 2
    tables = tag(corpus, **_corpus_kwargs(args))
    result = evaluate(args.gold, tables)
    print(f"analysis evaluate: {args.gold} against {corpus} ({tables.summary()})\n")
    print(result.report(max_errors=args.errors))
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        result.scores.to_csv(out / "scores.csv", index=False)
        result.errors.to_csv(out / "errors.csv", index=False)
        print(f"\nscores and every error written to {out}/scores.csv, {out}/errors.csv")
    return 0


def cmd_doctor(_args: argparse.Namespace) -> int:
    # here, not at module level: `analysis --help` stays instant
    from analysis.tag.camel import data_dir, resource_status

    status = resource_status()
    print(f"camel-tools data folder: {data_dir()}")
    for row in status.itertuples(index=False):
        mark = "ok     " if row.present else "missing"
        print(f"  {mark} {row.resource}: {row.used_for}")
        if not row.present:
            print(f"          install: {row.install_hint}")
    # Tagging needs no camel-tools model; only `analysis candidates` needs the morphology DB.
    return 0


COMMANDS = {
    "tag": cmd_tag,
    "report": cmd_report,
    "candidates": cmd_candidates,
    "evaluate": cmd_evaluate,
    "doctor": cmd_doctor,
    "explain": lambda args: cmd_explain(args),
}


def cmd_explain(args: argparse.Namespace) -> int:
    # the tagger loads camel-tools: only when a sentence is to be explained
    from analysis.tag.explain import explain

    print(explain(args.text, date=args.date))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (FileNotFoundError, ValueError, RuntimeError) as err:
        # Nothing could be done (no corpus, no readable article): say why, exit non-zero.
        print(f"analysis {args.command}: {err}", file=sys.stderr)
        return 2
