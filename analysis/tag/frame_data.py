"""The frames file (``data/frames.yaml``) as the indexes ``analysis.tag.frames`` reads:
frames by lemma and part of speech, and the light verbs and nouns with their options
(``only``, ``reach``, ``prep``). Lemmas are keyed as ``analysis.tag.morph.lemma_key``."""

from __future__ import annotations

import functools
from typing import Any

from analysis.resources import load_yaml
from analysis.tag.morph import lemma_key
from analysis.text.normalize import fold

__all__ = [
    "frame_index",
    "frames_data",
    "light_lemmas",
    "light_noun_lemmas",
    "light_only",
    "light_preps",
    "light_reach",
    "particle_frames",
]


@functools.cache
def frames_data() -> dict[str, Any]:
    """frames.yaml with each "@name" item of a word list replaced by the forms of the
    shared list of that id (``word_lists``)."""
    data = load_yaml("frames")
    lists = {str(w["id"]): [str(f) for f in w["forms"]] for w in data.get("word_lists", [])}
    out = dict(data)
    for part in ("frames", "particle_frames"):
        out[part] = [_with_lists(f, lists) for f in data.get(part, [])]
    return out


def _with_lists(frame: dict[str, Any], lists: dict[str, list[str]]) -> dict[str, Any]:
    out = dict(frame)
    for key, value in frame.items():
        if not isinstance(value, list) or not any(str(v).startswith("@") for v in value):
            continue
        words: list[Any] = []
        for v in value:
            name = str(v)[1:] if str(v).startswith("@") else None
            if name is not None and name not in lists:
                raise ValueError(
                    f"analysis/data/frames.yaml: frame {frame.get('id')!r}, field {key!r}: "
                    f"no word list {name!r} in word_lists (known: {', '.join(sorted(lists))})"
                )
            words += lists[name] if name is not None else [v]
        out[key] = words
    return out


@functools.cache
def frame_index() -> dict[tuple[str, str], tuple[dict[str, Any], ...]]:
    """(lemma key, pos) → its frames in file order: a lemma may make two moves told apart
    by what follows it (دعا إلى المؤتمر, an invitation, before دعا إلى وقف, a call); the
    first frame not blocked there wins."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for frame in frames_data()["frames"]:
        for lemma in frame["lemmas"]:
            out.setdefault((lemma_key(str(lemma)), str(frame["pos"])), []).append(frame)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def light_lemmas() -> frozenset[str]:
    return frozenset(lemma_key(str(v["lemma"])) for v in frames_data().get("light_verbs", []))


@functools.cache
def light_only() -> dict[str, frozenset[str]]:
    """Light verb lemma → the only noun lemmas it carries (``only`` in frames.yaml)."""
    return {
        lemma_key(str(v["lemma"])): frozenset(lemma_key(str(n)) for n in v["only"])
        for v in frames_data().get("light_verbs", [])
        if v.get("only")
    }


@functools.cache
def light_reach() -> dict[str, tuple[str, ...]]:
    """Light verb lemma → the prepositions after which its noun may stand further away
    (``reach`` in frames.yaml: "توصل … إلى اتفاق")."""
    return {
        lemma_key(str(v["lemma"])): tuple(fold(str(p)) for p in v["reach"])
        for v in frames_data().get("light_verbs", [])
        if v.get("reach")
    }


@functools.cache
def light_gap() -> dict[str, int]:
    """Light verb lemma → how many words outside actor names may stand between it and its
    noun (``gap``: "قررت روسيا أمس رفض", not "لا نعتزم عمل ذلك دون موافقتكم")."""
    return {
        lemma_key(str(v["lemma"])): int(v["gap"])
        for v in frames_data().get("light_verbs", [])
        if "gap" in v
    }


@functools.cache
def light_preps() -> dict[str, str]:
    """Light verb lemma → the preposition its noun must carry (``prep``: "قام بالضغط",
    not "قامت الخطة على")."""
    return {
        lemma_key(str(v["lemma"])): fold(str(v["prep"]))
        for v in frames_data().get("light_verbs", [])
        if v.get("prep")
    }


@functools.cache
def light_noun_lemmas() -> frozenset[str]:
    return frozenset(lemma_key(str(v["lemma"])) for v in frames_data().get("light_nouns", []))


@functools.cache
def particle_frames() -> dict[str, tuple[dict[str, Any], ...]]:
    """Folded particle → its frames (``particle_frames`` in frames.yaml: "إن على X أن",
    "لن … ما لم"), each with ``after`` (the word before the particle) and ``after_that``
    (the word before that, when given) folded."""
    out: dict[str, list[dict[str, Any]]] = {}
    for frame in frames_data().get("particle_frames", []):
        folded = {
            **frame,
            "after": frozenset(fold(str(w)) for w in frame["after"]),
            "after_that": frozenset(fold(str(w)) for w in frame.get("after_that", ())),
            "not_lemmas": frozenset(lemma_key(str(w)) for w in frame.get("not_lemmas", ())),
        }
        out.setdefault(fold(str(frame["word"])), []).append(folded)
    return {k: tuple(v) for k, v in out.items()}
