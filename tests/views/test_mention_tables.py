"""analysis.views.mention_tables: mentions per actor, outlet and affiliation; KWIC."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.views import mention_codes, mention_tables
from analysis.views.html import KWIC_LAYOUT, render


def test_mentions_by_actor_counts_headline_and_body(small_tables):
    out = mention_tables.mentions_by_actor(small_tables, small_tables.actors).set_index("actor_id")
    assert out.loc["iran", "mentions"] == 4
    assert out.loc["irgc", "outlets"] == 3
    assert out.loc["irgc", "label_ar"] == "الحرس الثوري"


def test_mentions_outside_counted_sections_are_left_out(small_tables):
    small_tables.mentions.loc[0, "section"] = "boilerplate"
    out = mention_tables.mentions_by_actor(small_tables).set_index("actor_id")
    assert out.loc["iran", "mentions"] == 3


def test_rollup_counts_members_under_their_affiliation(small_tables):
    out = mention_tables.rollup(small_tables, small_tables.actors).set_index("affiliation")
    assert (
        mention_tables.rollup(small_tables, None).set_index("affiliation").loc["irgc", "mentions"]
        == 3
    )
    assert out.loc["iran", "mentions"] == 4 + 3
    assert out.loc["iran", "actors"] == "iran, irgc"


def test_cooccurrence_is_symmetric_with_counts_on_the_diagonal(small_tables):
    m = mention_tables.cooccurrence(small_tables)
    assert (m.to_numpy() == m.to_numpy().T).all()
    assert m.loc["iran", "irgc"] == 1  # a4: one sentence with both
    assert m.loc["iran", "iran"] == 4


def test_kwic_cuts_context_from_the_original_text(small_tables):
    out = mention_tables.kwic(small_tables, "irgc", actors=small_tables.actors)
    assert len(out) == 3
    first = out.iloc[0]
    assert first["match"] == "الحرس الثوري"
    assert first["before"] == "قال مسؤول إن"
    assert first["after"].startswith("باق في سوريا")
    assert first["actor"] == "IRGC" and first["actor_ar"] == "الحرس الثوري"
    assert "\u202e" not in "".join(out["after"])  # a3's override is stripped


@pytest.mark.parametrize("actor", ["nobody", "iran"])
def test_kwic_on_empty_mentions_or_unknown_actor(small_tables, actor):
    if actor == "iran":
        small_tables.mentions = small_tables.mentions.iloc[0:0]
    assert mention_tables.kwic(small_tables, actor).empty
    assert mention_tables.top_actor(small_tables) in (None, "iran")


@pytest.mark.parametrize(
    ("level", "expected"),
    [("affiliation", ["irgc", "IRN", "IRN", "x"]), ("state", ["IRN", "IRN", "IRN", "x"])],
)
def test_affiliations_follow_the_chain_to_the_state(level, expected):
    actors = pd.DataFrame(
        {"id": ["quds", "irgc", "IRN", "x"], "affiliation": ["irgc", "IRN", "IRN", None]}
    )
    assert (
        mention_codes.affiliations(["quds", "irgc", "IRN", "x"], actors, level=level).tolist()
        == expected
    )


def test_kwic_layout_hugs_the_match(small_tables):
    html = render(mention_tables.kwic(small_tables, "irgc"), **KWIC_LAYOUT).html
    assert 'dir="rtl" style="overflow-x:auto;max-width:100%"><table>' in html
    assert '<td dir="rtl" style="text-align:left">قال مسؤول إن</td>' in html


def test_kwic_with_a_mention_whose_sentence_row_is_missing(small_tables):
    import copy

    tables = copy.copy(small_tables)
    first = small_tables.mentions.iloc[0]
    sents = small_tables.sentences
    gone = (sents["doc_id"] == first["doc_id"]) & (sents["sent_id"] == first["sent_id"])
    tables.sentences = sents[~gone].reset_index(drop=True)
    actor = first["actor_id"]
    frame = mention_tables.kwic(tables, actor)
    assert len(frame) == (small_tables.mentions["actor_id"] == actor).sum()
