"""The reason fragments later readers look at (analysis.tag.reasons)."""

from __future__ import annotations

import pytest
from test_positions import tag

from analysis.tag.reasons import (
    by_light_verb,
    declined_commitment,
    frame_reason,
    negation_reason,
)


@pytest.mark.parametrize(("how", "light"), [("light", True), ("verb", False), ("noun", False)])
def test_a_light_verb_is_read_back_from_the_reason(how, light):
    reason = frame_reason("guarantee.noun", how, "ضَمانَة", "unambiguous")
    assert by_light_verb(reason + "; holder: subject after the verb «X»") is light


@pytest.mark.parametrize(
    ("cue_move", "move", "declined"),
    [("guarantee", "reject", True), ("offer", "reject", True), ("accept", "reject", False)],
)
def test_a_declined_commitment_is_read_back_from_the_reason(cue_move, move, declined):
    assert (
        declined_commitment(f"frame x (verb: y, z); {negation_reason(cue_move, move)}") is declined
    )


def test_the_positions_reader_writes_what_is_read_back():
    rows = tag(["وأبدت دمشق استعدادها لسحب القوات .", "ولم تتعهد روسيا بسحب القوات ."])
    rows = rows.set_index("sent_id")
    assert by_light_verb(rows.loc[0, "reason"]) and not by_light_verb(rows.loc[1, "reason"])
    assert declined_commitment(rows.loc[1, "reason"]) and not declined_commitment(
        rows.loc[0, "reason"]
    )
