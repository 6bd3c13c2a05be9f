"""Cited outlets and news agencies (``data/sources.yaml``) and where a sentence names them.

``find_sources`` finds the outlets/agencies a sentence cites (رويترز، صحيفة «الوقائع» …),
whether they are introduced by a marker word and whether the speaker spoke *to* them
(لصحيفة …). ``source_info`` is the table of known sources (labels for display).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from analysis.resources import load_yaml
from analysis.tag.clauses import Sent
from analysis.tag.lexicon import Lexicon, build_lexicon


@functools.cache
def sources_lexicon() -> Lexicon:
    """Names of known sources, labelled by source id."""
    data = load_yaml("sources")
    return build_lexicon(((s["id"], s["forms"]) for s in data["sources"]), proclitics="وفبل")


@functools.cache
def source_markers() -> Lexicon:
    """Marker words before a source's name (صحيفة، وكالة، موقع …)."""
    return build_lexicon([("marker", load_yaml("sources")["markers"])], proclitics="وفبل")


@functools.cache
def source_info() -> dict[str, dict[str, Any]]:
    """Source id → its entry in ``data/sources.yaml`` (labels, needs_marker)."""
    return {s["id"]: s for s in load_yaml("sources")["sources"]}


def find_sources(s: Sent) -> list[tuple[int, int, str, bool]]:
    """Cited outlets/agencies in the sentence: (kstart, kend, source id, told_to)."""
    if s.sources is None:
        s.sources = _find_sources(s)
    return s.sources


def _find_sources(s: Sent) -> list[tuple[int, int, str, bool]]:
    info = source_info()
    markers = [(a, b) for a, b, _f, _l in source_markers().find(s.key)]
    out = []
    for a, b, _form, ids in sources_lexicon().find(s.key):
        sid = ids[0]
        quoted = s.key[a - 1 : a] in {"«", '"', "“"}
        lead = next((ma for ma, me in markers if 0 <= a - me <= 3), None)
        if info[sid].get("needs_marker") and not (quoted or lead is not None):
            continue
        out.append((a, b, sid, _told_to(s, a if lead is None else lead)))
    known = [(a, b) for a, b, _, _ in out]
    # A marker followed by a quoted unknown name: صحيفة «الوقائع» → src:الوقائع.
    for ma, me in markers:
        m = re.match(r"\s*[«\"“]([^«»\"“”]{2,40})[»\"”]", s.key[me:])
        if not m:
            continue
        a, b = me + m.start(1), me + m.end(1)
        if any(ka <= a < kb for ka, kb in known):
            continue
        name = s.surface(a, b).strip()
        out.append((a, b, f"src:{name}", _told_to(s, ma)))
    return sorted(out)


def _told_to(s: Sent, kpos: int) -> bool:
    """Is the source introduced by ل (told to: لصحيفة «الوقائع»، لـ«الجريدة»، لرويترز)?"""
    i = s.tok_index(kpos)
    if i >= len(s.tokens):
        return False
    head = s.key[s.tokens[i][0] : kpos].strip('«"“')
    return head in {"ل", "ول"}
