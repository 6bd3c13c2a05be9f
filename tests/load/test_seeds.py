"""The seed articles: byte for byte as shipped, a manifest whose every value the text
supports, and the taggers measured against the team's gold reading (tests/gold/seeds)."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from analysis.evaluate import evaluate
from analysis.pipeline.run import tag
from analysis.resources import load_yaml

ROOT = Path(__file__).parent.parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seeds"


def _sums() -> dict[str, str]:
    lines = (SEEDS / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name.strip(): digest for digest, name in (line.split(None, 1) for line in lines)}


def test_seeds_are_the_shipped_files_byte_for_byte():
    sums = _sums()
    assert len(sums) == 5
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(sums)
    for name, digest in sums.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


def test_manifest_gives_evidence_for_every_value():
    with open(SEEDS / "manifest.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["file"] for r in rows) == sorted(_sums())
    for r in rows:
        text = (SEEDS / r["file"]).read_text(encoding="utf-8")
        assert r["date_source"] in ("stated", "inferred", "unknown"), r["file"]
        assert bool(r["date"]) == (r["date_source"] != "unknown"), r["file"]
        assert r["date_note"] and r["outlet_note"], r["file"]
        assert r["date_precision"] in ("day", "week", "month", ""), r["file"]
        # a URL is never invented; a title is the article's own words
        assert not r["url"] or r["url"] in text, r["file"]
        assert not r["title"] or r["title"] in text, r["file"]


@pytest.fixture(scope="module")
def seed_tables():
    return tag(SEEDS)


def test_every_seed_gets_a_supported_date(seed_tables):
    docs = seed_tables.documents.set_index("doc_id")
    assert docs["date"].notna().all()
    assert set(docs["date_source"]) <= {"stated", "inferred"}
    assert docs["date_note"].str.len().gt(0).all()


@pytest.mark.parametrize("folder", ["seeds", "fixtures"])
def test_gold_ids_exist(folder):
    gold_dir = GOLD.parent / folder

    def ids(name: str, key: str) -> set[str]:
        return {entry["id"] for entry in load_yaml(name)[key]}

    actors, issues = ids("actors", "actors"), ids("issues", "issues")
    sources = ids("sources", "sources")

    def known(value: str, extra=()) -> bool:
        return not value or value in actors or value.startswith("new:") or value in extra

    gold = {
        n: pd.read_csv(gold_dir / f"{n}.csv", dtype=str, keep_default_na=False)
        for n in ("mentions", "attribution", "stances", "positions")
    }
    assert all(known(v) for v in gold["mentions"]["actor_id"])
    speakers = ("outlet", "unnamed_source", "reports", *sources)
    assert all(known(v, speakers) for v in gold["attribution"]["speaker_id"])
    assert all(
        not v or v in sources or v.startswith("src:") for v in gold["attribution"]["cited_source"]
    )
    assert all(known(v) for v in gold["stances"]["holder"])
    assert set(gold["stances"]["target"]) <= issues
    assert set(gold["stances"]["polarity"]) <= {"support", "oppose", "conditional", "neutral"}
    moves = {"offer", "demand", "condition", "accept", "reject", "guarantee", "threat", "agreement"}
    assert set(gold["positions"]["move"]) <= moves
    assert all(known(v) for v in gold["positions"]["holder"])
    assert all(known(v) for v in gold["positions"]["counterpart"])
    assert set(gold["positions"]["issue"]) <= issues | {""}
    exchanged = {i for v in gold["positions"]["in_exchange_for"] for i in v.split("|") if i}
    assert exchanged <= issues


def test_doubtful_calls_are_listed():
    doubts = (GOLD / "DOUBTS.md").read_text(encoding="utf-8")
    for name in ("sections", "mentions", "attribution", "stances", "positions"):
        frame = pd.read_csv(GOLD / f"{name}.csv", dtype=str, keep_default_na=False)
        n = frame["note"].str.startswith("doubt:").sum()
        assert f"{name}.csv ({n} doubtful" in doubts, name
    assert (GOLD.parent / "fixtures" / "DOUBTS.md").is_file()


def test_seed_sections_as_a_careful_reader_counts_them(seed_tables):
    result = evaluate(GOLD, seed_tables)
    scores = result.scores.set_index(["table", "level"])
    print(result.report(max_errors=5))
    # the issue's bar: at least 97% of the seeds' sentences counted or not as the reader does
    assert scores.loc[("sections", "counted or not"), "precision"] >= 0.97
    assert scores.loc[("sections", "line"), "precision"] >= 0.95


def test_seed_scores_do_not_fall_below_todays(seed_tables):
    # Floors a little under the scores measured when the gold was written (2026-12-04):
    # a change that loses ground on real text fails here. Moves and stances are not
    # floored yet: their recall on real text is the open work (see docs/gold.md).
    scores = evaluate(GOLD, seed_tables).scores.set_index(["table", "level"])
    assert scores.loc[("mentions", "mention"), "f1"] >= 0.85
    assert scores.loc[("attribution", "speaker"), "f1"] >= 0.6
    assert scores.loc[("attribution", "hedged"), "f1"] >= 0.9
