"""The cue lexicons of the taggers, compiled from the data files (each built once).

- ``data/cues_reporting.yaml``: reporting verbs, speaker nouns, hedges (``analysis.tag.speakers``);
- ``data/cues_stance.yaml``: attitudes, directions, condition markers, negators, deflectors
  (``analysis.tag.stance``; negators also in ``analysis.tag.modality.negated``);
- ``data/cues_moves.yaml``: exchange, condition, negation, hypothetical and future markers
  around negotiation moves (the moves' own cues are frames: ``analysis.tag.frames``)
  (``analysis.tag.positions``).

The categories are documented in ``analysis/data/CUES.md``. A ``Lexicon`` finds folded forms
(``analysis.tag.lexicon``); word lists come back folded.
"""

from __future__ import annotations

import functools
from typing import Any

from analysis.resources import load_yaml
from analysis.tag.lexicon import Lexicon, build_lexicon
from analysis.text.normalize import fold


def _folded(words) -> frozenset[str]:
    """A data file's word list as folded keys."""
    return frozenset(fold(str(w)) for w in words)


@functools.cache
def reporting_lexicon() -> Lexicon:
    """Reporting cues, labelled by category id (verbs, speaker nouns, hedges…)."""
    data = load_yaml("cues_reporting")
    return build_lexicon((c["id"], c["forms"]) for c in data["categories"])


@functools.cache
def reporting_categories() -> dict[str, dict[str, Any]]:
    """Reporting category id → its entry (role, hedge …)."""
    return {c["id"]: c for c in load_yaml("cues_reporting")["categories"]}


@functools.cache
def _stance_cues() -> dict[str, Any]:
    return load_yaml("cues_stance")


@functools.cache
def attitude_lexicon() -> Lexicon:
    """Attitude cues (want, reject, accept …), labelled by attitude id."""
    return build_lexicon(
        ((a["id"], a["forms"]) for a in _stance_cues()["attitudes"]),
        proclitics="وفبل",
        future=True,
        lam_al=True,
    )


@functools.cache
def direction_lexicon() -> Lexicon:
    """Direction words (withdraw, stay …), labelled by direction id."""
    return build_lexicon(
        ((d["id"], d["forms"]) for d in _stance_cues()["directions"]),
        proclitics="وفبل",
        future=True,
        lam_al=True,
    )


@functools.cache
def come_out_with() -> frozenset[str]:
    """Direction forms that mean "come out with" before a بـ word (folded)."""
    return _folded(_stance_cues().get("come_out_with", []))


@functools.cache
def leave_manner() -> frozenset[str]:
    """بـ words that say how or when forces leave ("بلا شروط", "بشكل كامل"), folded."""
    return _folded(_stance_cues().get("leave_manner", []))


@functools.cache
def condition_lexicon() -> Lexicon:
    """Condition markers (if, in exchange for, until, linkage …)."""
    return build_lexicon(
        ((c["id"], c["forms"]) for c in _stance_cues()["condition_markers"]), proclitics="وفب"
    )


@functools.cache
def cue_signs() -> dict[str, int]:
    """Attitude or direction id → its sign (+1 or -1)."""
    d = _stance_cues()
    return {x["id"]: int(x["sign"]) for x in d["attitudes"] + d["directions"]}


@functools.cache
def nominal_forms() -> frozenset[str]:
    """Attitude forms that are nouns (no subject of their own)."""
    return _folded(_stance_cues().get("nominal_forms", []))


@functools.cache
def negators() -> frozenset[str]:
    """Negation words (لم، لن، لا، عدم …), folded."""
    return _folded(_stance_cues()["negators"])


@functools.cache
def attitude_info() -> dict[str, dict[str, Any]]:
    """Attitude id → its entry (flags such as conditional, target_before)."""
    return {a["id"]: a for a in _stance_cues()["attitudes"]}


@functools.cache
def reach_through() -> dict[str, frozenset[str]]:
    """Attitude id → the words its reach to an issue passes through (``reach_through``:
    "رفضت المعارضة المشاركة في مؤتمر سوتشي"), folded."""
    return {
        a["id"]: _folded(a["reach_through"])
        for a in _stance_cues()["attitudes"]
        if a.get("reach_through")
    }


@functools.cache
def deflector_lexicon() -> Lexicon:
    """Words after which an issue is not the attitude's target."""
    return build_lexicon([("deflector", _stance_cues().get("deflectors", []))], proclitics="وفبل")


@functools.cache
def _move_cues() -> dict[str, Any]:
    return load_yaml("cues_moves")


@functools.cache
def counterpart_fillers() -> frozenset[str]:
    """Words between a preposition and the counterpart (نظيره …)."""
    return _folded(_move_cues().get("counterpart_fillers", []))


@functools.cache
def peripheral_states() -> frozenset[str]:
    """States whose moves need a party of the Syrian file beside them (cues_moves.yaml)."""
    return frozenset(str(s) for s in _move_cues().get("peripheral_states", []))


@functools.cache
def fulfilment_words() -> frozenset[str]:
    """Words of keeping or breaking a promise (يفي، تنفيذ، نكث …), folded (cues_moves.yaml)."""
    return _folded(_move_cues().get("fulfilment_words", []))


@functools.cache
def hostile_acts() -> frozenset[str]:
    """Acts of force a pledge may promise against a party (ضرب، محاربة، ضد …), folded."""
    return _folded(_move_cues().get("hostile_acts", []))


@functools.cache
def future_lexicon() -> Lexicon:
    """Phrases that make the next move future (من المتوقع أن …)."""
    return build_lexicon([("future", _move_cues().get("future", []))], proclitics="و")


@functools.cache
def forecast_lexicon() -> Lexicon:
    """The writer's assessments before a forecast act (من المؤكد أن، أعتقد أن …)."""
    return build_lexicon([("forecast", _move_cues()["forecast_openers"])], proclitics="وف")


@functools.cache
def inference_lexicon() -> Lexicon:
    """The writer's inferences before a move (يعني أن، ما يدل على أن …)."""
    return build_lexicon([("inference", _move_cues()["inference_openers"])], proclitics="وف")


@functools.cache
def exchange_lexicon() -> Lexicon:
    """Exchange, condition and sequence markers (مقابل، شرط، قبل أن …)."""
    return build_lexicon(
        ((e["id"], e["forms"]) for e in _move_cues()["exchange_markers"]), proclitics="وفب"
    )


@functools.cache
def hypothetical_lexicon() -> Lexicon:
    """Markers of a hypothetical move (إذا، في حال …)."""
    return build_lexicon([("if", _move_cues()["hypothetical"])], proclitics="وف")
