"""The moves reader's holders, for the stance reader: an attitude cue on a word the moves
reader read as a move ("إن موافقة الرئيس السوري على الانتقال السياسي") takes that move's
holders, so the two tables never disagree on who holds one word's move.

``move_holders(positions)`` groups the moves table by sentence; ``movers_at(s, moves)`` maps
a sentence's tokens to the holders of the moves read there.
"""

from __future__ import annotations

import pandas as pd

from analysis.tag.clauses import Sent
from analysis.tag.reasons import by_light_verb

__all__ = ["move_holders", "movers_at"]


def move_holders(positions: pd.DataFrame | None) -> dict[tuple[str, int], list[tuple]]:
    """Per sentence, the moves' start offsets, holders and whether a light verb starts them:
    what ``stances_in_sentence`` needs to give a move word the moves reader's holder."""
    out: dict[tuple[str, int], list[tuple]] = {}
    if positions is None or positions.empty:
        return out
    cols = ("doc_id", "sent_id", "start", "holder_id", "holder_surface", "reason")
    for doc, sent, start, holder, surface, reason in zip(
        *(positions[c].tolist() for c in cols), strict=True
    ):
        light = by_light_verb(str(reason))
        out.setdefault((str(doc), int(sent)), []).append(
            (int(start), str(holder), str(surface), light)
        )
    return out


def movers_at(s: Sent, moves: list[tuple]) -> dict[int, list[tuple[str, str]]]:
    """Token index → the holders of the moves read there: the cue's token, and for a light
    verb the few words up to its noun ("أبدت دمشق استعدادها")."""
    out: dict[int, list[tuple[str, str]]] = {}
    for start, holder, surface, light in moves:
        ka, _kb = s.key_span(start - s.start, start - s.start + 1)
        i = s.tok_index(ka)
        for j in range(i, i + (5 if light else 1)):
            if (holder, surface) not in out.setdefault(j, []):
                out[j].append((holder, surface))
    return out
