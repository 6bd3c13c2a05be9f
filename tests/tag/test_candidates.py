import pandas as pd
import pytest

from analysis.tag.camel import MissingResource, data_dir, get_analyzer, resource_status
from analysis.tag.candidates import find_candidates


def test_resource_status_lists_morphology():
    st = resource_status()
    assert {"resource", "present", "path", "used_for", "install_hint"} <= set(st.columns)
    row = st[st["resource"] == "morphology-db-msa-r13"].iloc[0]
    assert "camel_data -i morphology-db-msa-r13" in row["install_hint"]


def test_missing_resource_message(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    get_analyzer.cache_clear()
    try:
        with pytest.raises(MissingResource, match="camel_data -i morphology-db-msa-r13"):
            get_analyzer()
    finally:
        monkeypatch.undo()
        get_analyzer.cache_clear()
    assert data_dir() != tmp_path


def _frames(texts, sections=None):
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    sents = pd.DataFrame(
        {
            "doc_id": docs["doc_id"],
            "sent_id": 0,
            "start": 0,
            "end": [len(t) for t in texts],
            "section": sections or ["body"] * len(texts),
        }
    )
    return sents, docs


def test_unknown_name_found_known_name_not():
    texts = [
        "وقال المبعوث الروسي ألكسندر زورين إن لافروف سيزور دمشق.",
        "وأكد زورين أن بوتين يدعم الحل.",
        "وأضاف زورين أن الحل قريب.",
    ]
    c = find_candidates(*_frames(texts), min_count=2)
    keys = list(c["key"])
    assert "زورين" in keys
    assert not {"لافروف", "بوتين", "دمشق"} & set(keys)
    row = c[c["key"] == "زورين"].iloc[0]
    assert row["count"] == 3 and row["documents"] == 3
    assert row["example_sentence"] in texts


def test_boilerplate_ignored_by_default():
    texts = ["تابعونا على فيسبوكايا اليوم"] * 3
    c = find_candidates(*_frames(texts, ["boilerplate"] * 3), min_count=1)
    assert c.empty
