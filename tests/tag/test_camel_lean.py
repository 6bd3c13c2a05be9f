"""The lean analyser (tag.camel_lean): the full analyser's analyses, kept features only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.tag.camel import LEAN_FEATURES, MissingResource, get_analyzer, get_lean_analyzer

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Digits, punctuation, Latin and mixed tokens take the analyser's other branches.
ODD_WORDS = ["2018", "«", "،", "UN", "ISIS-K", "ب2018", "سوريا.", "ـ", "", " قال "]


def _words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return sorted(set(re.findall(r"\S+", text))) + ODD_WORDS


def _kept(analyses: list[dict]) -> list[dict]:
    return [{k: v for k, v in a.items() if k in LEAN_FEATURES} for a in analyses]


def test_lean_analyses_are_the_full_ones():
    full, lean = get_analyzer(), get_lean_analyzer()
    words = _words()
    assert len(words) > 1000
    for word in words:
        assert _kept(lean.analyze(word)) == _kept(full.analyze(word)), word


def test_lean_entries_keep_only_the_lean_features():
    db = get_lean_analyzer()._db
    stems = next(iter(db.stem_hash.values()))
    assert stems and all(set(feats) <= LEAN_FEATURES for _cat, feats in stems)


def test_missing_resource_message_for_the_lean_analyser(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    get_lean_analyzer.cache_clear()
    try:
        with pytest.raises(MissingResource, match="camel_data -i morphology-db-msa-r13"):
            get_lean_analyzer()
    finally:
        monkeypatch.undo()
        get_lean_analyzer.cache_clear()
