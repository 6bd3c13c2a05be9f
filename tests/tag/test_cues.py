"""The cue data files and the lexicons built from them (analysis.tag.cues, .sources)."""

from __future__ import annotations

from importlib import resources

import pytest

from analysis.resources import load_yaml
from analysis.tag import cues
from analysis.tag.sources import source_info, sources_lexicon


def cues_doc() -> str:
    return (resources.files("analysis") / "data" / "CUES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["cues_reporting.yaml", "cues_stance.yaml", "cues_moves.yaml"])
def test_cue_files_have_provenance_and_unique_documented_ids(name):
    data = load_yaml(name)
    assert data.get("provenance", "").strip()
    groups = {
        "cues_reporting.yaml": ["categories"],
        "cues_stance.yaml": ["attitudes", "directions", "condition_markers"],
        "cues_moves.yaml": ["exchange_markers"],
    }
    ids = [c["id"] for g in groups[name] for c in data[g]]
    assert len(ids) == len(set(ids)), "duplicate category ids"
    doc = cues_doc()
    for cid in ids:
        assert f"`{cid}`" in doc, f"{name}: category {cid} is not documented in CUES.md"
    for g in groups[name]:
        for c in data[g]:
            assert c.get("label_en"), f"{cid} has no English label"
            assert c.get("forms") or c.get("light_forms"), f"{c['id']} has no forms"


def test_sources_unique_and_documented():
    data = load_yaml("sources")
    ids = [s["id"] for s in data["sources"]]
    assert len(ids) == len(set(ids))
    forms = [f for s in data["sources"] for f in s["forms"]]
    assert len(forms) == len(set(forms)), "a spelling belongs to two sources"
    assert data.get("provenance", "").strip()
    assert "sources.yaml" in cues_doc()


@pytest.mark.parametrize(
    "lexicon",
    [
        cues.reporting_lexicon,
        cues.attitude_lexicon,
        cues.direction_lexicon,
        cues.condition_lexicon,
        cues.deflector_lexicon,
        cues.future_lexicon,
        cues.exchange_lexicon,
        cues.hypothetical_lexicon,
        sources_lexicon,
    ],
)
def test_every_lexicon_compiles_with_forms(lexicon):
    lex = lexicon()
    assert lex.index and lexicon() is lex  # built once


def test_word_lists_are_folded():
    for words in (cues.negators(), cues.nominal_forms(), cues.counterpart_fillers()):
        assert words and all("أ" not in w and "ة" not in w for w in words)


def test_labels_point_to_entries():
    for _form, labels in cues.reporting_lexicon().index.items():
        assert set(labels) <= set(cues.reporting_categories())
    assert set(cues.cue_signs()) >= set(cues.attitude_info())
    assert set(source_info()) == {lab for ls in sources_lexicon().index.values() for lab in ls}


def test_reach_through_is_folded_per_attitude():
    through = cues.reach_through()
    assert set(through) == {"reject"}
    assert {"المشاركه", "الي", "في"} <= through["reject"]
