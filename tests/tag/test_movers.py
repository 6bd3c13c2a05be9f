"""The moves reader's holders for the stance reader (tag.movers)."""

from __future__ import annotations

import pandas as pd

from analysis.tag.clauses import Sent
from analysis.tag.mentions import tag_text
from analysis.tag.movers import move_holders, movers_at


def _positions(rows: list[tuple]) -> pd.DataFrame:
    cols = ["doc_id", "sent_id", "start", "holder_id", "holder_surface", "reason"]
    return pd.DataFrame(rows, columns=cols)


def test_no_moves_no_holders():
    assert move_holders(None) == {}
    assert move_holders(_positions([])) == {}


def test_a_move_word_takes_its_moves_holder():
    text = "إن موافقة الرئيس السوري على الانتقال السياسي مهمة"
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    start = text.index("موافقة")
    moves = move_holders(
        _positions([("d", 0, start, "assad", "الرئيس السوري", "frame accept.noun (noun: …)")])
    )
    at = movers_at(s, moves[("d", 0)])
    assert at == {s.tok_index(s.key.index("موافقه")): [("assad", "الرئيس السوري")]}


def test_a_light_verb_covers_the_words_up_to_its_noun():
    text = "أبدت دمشق استعدادها للانسحاب"
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    moves = move_holders(
        _positions([("d", 0, 0, "SYR", "دمشق", "frame offer.ready (light: استعداد, …)")])
    )
    at = movers_at(s, moves[("d", 0)])
    assert sorted(at) == [0, 1, 2, 3, 4]
    assert at[2] == [("SYR", "دمشق")]
