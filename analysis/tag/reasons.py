"""The parts of a move row's ``reason`` that later readers look at, written and read here
only: the frame and how its cue was read ("frame demand.verb (light: …)"), and a negated
move read as another ("negated guarantee read as reject").

The stance readers (``analysis.tag.implied``, ``analysis.tag.movers``) take a positions
table, not the cues behind it; these functions are what they may ask of a row's reason.
"""

from __future__ import annotations

import re

__all__ = ["by_light_verb", "declined_commitment", "frame_reason", "negation_reason"]

_LIGHT = "light"
_NOT_COMMITTED = re.compile(r"negated (?:guarantee|offer) read as reject")


def frame_reason(frame_id: str, how: str, lemma: str, rule: str) -> str:
    """The reason's opening: the frame, how the cue was read (verb, noun, adj, light) with
    its lemma and the context rule that chose the reading."""
    return f"frame {frame_id} ({how}: {lemma}, {rule})"


def negation_reason(cue_move: str, move: str) -> str:
    """A negated cue read as another move ("لم تتعهد" → reject)."""
    return f"negated {cue_move} read as {move}"


def by_light_verb(reason: str) -> bool:
    """Was the move read from a light verb and its noun ("أبدت استعدادها")?"""
    return f"({_LIGHT}: " in reason


def declined_commitment(reason: str) -> bool:
    """Is the row a refusal read from a negated commitment or offer ("لم تتعهد روسيا
    بإخراج القوات")?"""
    return _NOT_COMMITTED.search(reason) is not None
