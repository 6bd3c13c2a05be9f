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


def test_lean_entries_are_the_full_ones_kept_features_only():
    lean, full = get_lean_analyzer()._db, get_analyzer()._db
    for table in ("prefix_hash", "stem_hash", "suffix_hash"):
        lean_entries, full_entries = getattr(lean, table), getattr(full, table)
        assert lean_entries.keys() == full_entries.keys()
        for key, entries in full_entries.items():
            assert lean_entries[key] == [(cat, _kept([feats])[0]) for cat, feats in entries]


def test_missing_resource_message_for_the_lean_analyser(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    get_lean_analyzer.cache_clear()
    try:
        with pytest.raises(MissingResource, match="camel_data -i morphology-db-msa-r13"):
            get_lean_analyzer()
    finally:
        monkeypatch.undo()
        get_lean_analyzer.cache_clear()
