"""The section rules: which section (headline, body, caption, meta or boilerplate) each
kind of paragraph belongs to.

The rules are data (``analysis/data/sections.yaml``: id, section, kind, cues/patterns,
limits, provenance); this module reads and checks them (:func:`load_rules`), compiling
each rule's cues for its kind. How each *kind* matches is in ``analysis.load.paragraphs``
(:func:`~analysis.load.paragraphs.label_paragraphs`). Line kinds
(``line``, ``start``, ``end``, ``contains``, ``credit``, ``density``, ``date_line``,
``pipe_names``) look at one paragraph; structural kinds (``related_block``, ``tail_block``,
``menu_run``, ``headline``, ``title_bar``, ``top_label``, ``below_headline``, ``repeated``,
``tail_headlines``) look at its neighbours and run afterwards on the paragraphs still
unlabelled. The first rule that matches wins; ``default`` labels the
rest. Each label comes with the id of the rule that gave it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from analysis.resources import load_yaml, parse_yaml
from analysis.schema import SECTIONS
from analysis.text.normalize import fold_letters, section_key

LINE_KINDS = frozenset(
    {"line", "start", "end", "contains", "credit", "density", "date_line", "pipe_names"}
)
STRUCT_KINDS = frozenset(
    {
        "related_block",
        "tail_block",
        "menu_run",
        "headline",
        "title_bar",
        "top_label",
        "below_headline",
        "repeated",
        "tail_headlines",
    }
)
KINDS = LINE_KINDS | STRUCT_KINDS | {"default"}


#: Punctuation at either end of a key: a ``line`` rule's cues and paragraphs are compared
#: without it.
EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def cue_alternation(cues: Sequence[str], patterns: Sequence[str]) -> str:
    """A regex group matching any cue (folded with ``section_key``, longest first) or
    pattern (folded with ``fold_letters``, lower-cased) in a section key; ``""`` for none."""
    keyed = sorted({section_key(c) for c in cues}, key=len, reverse=True)
    parts = [re.escape(c) for c in keyed if c] + [fold_letters(p).lower() for p in patterns]
    return "(?:" + "|".join(parts) + ")" if parts else ""


def _compile(raw: dict, where: str) -> Rule:
    rid = raw.get("id")
    if not rid or not isinstance(rid, str):
        raise SectionRulesError(f"{where}: a rule without an id")
    section, kind = raw.get("section"), raw.get("kind")
    if section not in SECTIONS:
        raise SectionRulesError(f"{where}: rule {rid}: section {section!r} not in {SECTIONS}")
    if kind not in KINDS:
        raise SectionRulesError(f"{where}: rule {rid}: kind {kind!r} not in {sorted(KINDS)}")
    cues = [str(c) for c in raw.get("cues") or []]
    patterns = [str(p) for p in raw.get("patterns") or []]
    alt = cue_alternation(cues, patterns)
    needs_cues = {
        "line",
        "start",
        "end",
        "contains",
        "credit",
        "density",
        "related_block",
        "tail_block",
    }
    if kind in needs_cues and not alt:
        raise SectionRulesError(f"{where}: rule {rid}: kind {kind} needs cues or patterns")
    bound = r"(?<!\w)" + alt + r"(?!\w)"
    try:
        regex = {
            "start": re.compile("^" + alt + r"(?!\w)") if alt else None,
            "end": re.compile(alt + r"\W*$") if alt else None,
            "contains": re.compile(bound) if alt else None,
            "density": re.compile(bound) if alt else None,
            "related_block": re.compile("^" + alt + r"(?!\w)") if alt else None,
            "tail_block": re.compile("^" + alt + "$") if alt else None,
            "credit": re.compile(r"\(([^()]{0,60})\)\W*$") if alt else None,
            "line": re.compile("^" + alt + "$") if patterns else None,
        }.get(kind)
        # `whole_credit`: the cues/patterns must cover the whole bracket, not a word in it
        whole = "^(?:" + alt + r")$" if raw.get("whole_credit") else bound
        inner = re.compile(whole) if kind == "credit" else None
    except re.error as e:
        raise SectionRulesError(f"{where}: rule {rid}: bad pattern: {e}") from e
    known = {"id", "section", "kind", "description", "provenance", "max_words", "top", "bottom"}
    known |= {"cues"}
    params = {k: v for k, v in raw.items() if k not in known | {"patterns"}}
    if kind == "credit":
        params["inner"] = inner
    if kind == "date_line":
        params["date_words"] = frozenset(
            section_key(w) for w in raw.get("date_words") or [] if section_key(w)
        )
    return Rule(
        id=rid,
        section=section,
        kind=kind,
        description=str(raw.get("description", "")),
        provenance=str(raw.get("provenance", "")),
        max_words=raw.get("max_words"),
        top=raw.get("top"),
        bottom=raw.get("bottom"),
        regex=regex,
        cue_set=frozenset(EDGE_PUNCT.sub("", section_key(c)) for c in cues),
        params=params,
    )


@cache
def load_rules(path: str | None = None) -> tuple[Rule, ...]:
    """The section rules, from ``path`` or the packaged ``data/sections.yaml``."""
    if path is None:
        where, raw = "sections.yaml", load_yaml("sections")
    else:
        where, raw = str(path), parse_yaml(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise SectionRulesError(f"{where}: expected a mapping with a 'rules' list")
    rules = tuple(_compile(r, where) for r in raw["rules"])
    ids = Counter(r.id for r in rules)
    if dup := [i for i, n in ids.items() if n > 1]:
        raise SectionRulesError(f"{where}: duplicate rule ids: {dup}")
    if not any(r.kind == "default" for r in rules):
        raise SectionRulesError(f"{where}: no rule of kind 'default'")
    return rules


class SectionRulesError(ValueError):
    """The section rules file is malformed (message names the rule and the problem)."""


@dataclass(frozen=True)
class Rule:
    """One rule of ``sections.yaml``, its cues and patterns compiled for its kind."""

    id: str
    section: str
    kind: str
    description: str = ""
    provenance: str = ""
    max_words: int | None = None
    top: int | None = None
    bottom: int | None = None
    regex: re.Pattern | None = None  # cues and patterns, compiled for the kind
    cue_set: frozenset[str] = frozenset()
    params: dict = field(default_factory=dict)
