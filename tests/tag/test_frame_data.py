"""The frames file as indexes (tag.frame_data)."""

from __future__ import annotations

import pytest

from analysis.tag import frame_data
from analysis.tag.frame_data import (
    frame_index,
    frames_data,
    light_lemmas,
    light_noun_lemmas,
    light_only,
    light_preps,
    light_reach,
    particle_frames,
)
from analysis.tag.morph import lemma_key


def test_every_frame_is_indexed_by_each_of_its_lemmas_in_file_order():
    index = frame_index()
    for frame in frames_data()["frames"]:
        for lemma in frame["lemmas"]:
            assert frame in index[(lemma_key(str(lemma)), str(frame["pos"]))]
    # a lemma with two frames keeps them in file order (invitation before call)
    dua = [f["id"] for f in index[(lemma_key("دَعا"), "verb")]]
    assert dua.index("offer.invite") < dua.index("demand.call")


def test_light_words_and_their_options():
    assert lemma_key("قَدَّم") in light_lemmas()
    assert lemma_key("تَوْقِيع") in light_noun_lemmas()
    assert light_only()[lemma_key("اِسْتَخْدَم")] == frozenset({lemma_key("فِيتُو")})
    assert light_reach()[lemma_key("تَوَصَّل")] == ("الي", "ل")
    assert light_preps()[lemma_key("قام")] == "ب"


def test_particle_frames_are_keyed_by_their_folded_word():
    (frame,) = particle_frames()["علي"]
    assert frame["id"] == "demand.incumbent"
    assert {"ان", "فان", "بان"} <= frame["after"]


def test_each_particle_frame_reads_its_own_example():
    from analysis.tag.clauses import Sent
    from analysis.tag.frames import find_cues
    from analysis.tag.mentions import tag_text

    for frames in particle_frames().values():
        for frame in frames:
            text = frame["example"]
            s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
            assert frame["id"] in [c.frame["id"] for c in find_cues(s)]


def test_a_shared_word_list_stands_in_for_its_name():
    frames = {f["id"]: f for f in frames_data()["frames"]}
    words = frames["accept.welcome"]["requires_after"]
    assert "@deal_variants" not in words
    assert {"الاتفاقيات", "المقترحات", "مؤتمر"} <= set(words)  # the list's and its own


def test_an_unknown_word_list_names_the_frame_and_the_list(monkeypatch):
    data = {
        "word_lists": [{"id": "deals", "forms": ["اتفاق"]}],
        "frames": [{"id": "x.y", "requires_after": ["@dealz"]}],
    }
    monkeypatch.setattr(frame_data, "load_yaml", lambda name: data)
    with pytest.raises(ValueError, match=r"frame 'x.y', field 'requires_after'.*'dealz'.*deals"):
        frames_data.__wrapped__()
