"""The section rules file: read, checked, compiled."""

import pytest

from analysis.load.sections import KINDS, SectionRulesError, cue_alternation, load_rules
from analysis.schema import SECTIONS


def test_rules_file_is_consistent():
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules)
    for r in rules:
        assert r.section in SECTIONS and r.kind in KINDS
        assert r.id.split(".")[0] == r.section, r.id
        assert r.description and r.provenance, r.id
    assert rules[-1].kind == "default"


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("rules:\n  - {id: a, section: footer, kind: line, cues: [x]}\n", "section"),
        ("rules:\n  - {id: a, section: meta, kind: fuzzy}\n", "kind"),
        ("rules:\n  - {id: a, section: meta, kind: start}\n", "needs cues"),
        ("rules:\n  - {id: a, section: meta, kind: start, patterns: ['(']}\n", "bad pattern"),
        (
            "rules:\n  - {id: a, section: body, kind: default}\n"
            "  - {id: a, section: body, kind: default}\n",
            "duplicate",
        ),
        ("rules:\n  - {id: a, section: meta, kind: line, cues: [x]}\n", "default"),
    ],
)
def test_bad_rules_file(tmp_path, yaml_text, message):
    path = tmp_path / "rules.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(SectionRulesError, match=message):
        load_rules(str(path))


@pytest.mark.parametrize(
    ("cues", "patterns", "alternation"),
    [
        (["اقرأ أيضاً", "اقرأ ايضا"], [], "(?:اقرا\\ ايضا)"),  # folded, deduplicated
        (["مواضيع", "مواضيع ذات صلة"], [], "(?:مواضيع\\ ذات\\ صله|مواضيع)"),  # longest first
        ([], ["المصدر\\s*:"], "(?:المصدر\\s*:)"),
        (["( رويترز )"], ["AFP"], "(?:\\(رويترز\\)|afp)"),
        ([], [], ""),
    ],
)
def test_cue_alternation(cues, patterns, alternation):
    assert cue_alternation(cues, patterns) == alternation
