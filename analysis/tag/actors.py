"""The actor dictionary: loading ``data/actors.yaml`` and compiling its aliases.

The YAML is documented in ``analysis/data/README.md``. ``compile_aliases`` expands it into
one row per folded alias form (names, toponyms, nisba inflections, title + name, head +
modifier patterns, spelling variants); ``analysis.tag.matcher`` builds the mention matcher
from that. ``affiliation_walk`` is the one walk up the affiliations (actor → state).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.resources import load_yaml, parse_yaml
from analysis.text.normalize import fold

__all__ = [
    "ACTOR_KINDS",
    "Alias",
    "Dictionary",
    "actors_table",
    "affiliation_of",
    "aliases_table",
    "load_dictionary",
    "roles_table",
    "spelling_variants",
]

ACTOR_KINDS = ("state", "organization", "group", "person")
NISBA_SUFFIXES = ("ي", "يه", "يين", "يون", "يات", "يان")  # folded (ة → ه)
RULE_KEYS = {
    "not_before",
    "not_after",
    "not_after_nisba",
    "accept_before",
    "accept_quoted",
    "requires_quoted",
    "requires_before",
    "requires_doc",
    "not_in_sentence",
}


@dataclass(frozen=True)
class Alias:
    """One folded alias form of one actor."""

    tokens: tuple[str, ...]
    actor_id: str
    source: str  # name, alias, toponym, nisba, institution, title, pattern
    text: str  # as written in the YAML (before folding), for the `reason` column
    ambiguous: bool = False
    rules: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(eq=False)  # hashed by identity, so matchers can be cached per dictionary
class Dictionary:
    """The parsed YAML plus its compiled aliases."""

    raw: dict[str, Any]
    actors: dict[str, dict[str, Any]]
    aliases: list[Alias]

    def setting(self, name: str) -> list[str]:
        """A folded word list from the YAML's top-level settings (e.g. place_before)."""
        return [fold(w) for w in self.raw.get(name, []) or []]


def _read_yaml(source: str | None) -> dict[str, Any]:
    return load_yaml("actors") if source is None else parse_yaml(source)


@functools.cache
def load_dictionary(source: str | None = None) -> Dictionary:
    """Parse and compile the packaged dictionary, or a YAML string ``source`` (tests)."""
    raw = _read_yaml(source)
    actors = {a["id"]: a for a in raw["actors"]}
    return Dictionary(raw=raw, actors=actors, aliases=compile_aliases(raw))


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _alias_items(actor: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any], bool]]:
    """(text, rules, ambiguous) for list entries that are strings or {text: ...} maps."""
    out = []
    for item in actor.get(key, []) or []:
        if isinstance(item, str):
            out.append((item, {}, False))
        else:
            rules = {k: v for k, v in item.items() if k in RULE_KEYS}
            out.append((item["text"], rules, bool(item.get("ambiguous", False))))
    return out


def spelling_variants(
    tokens: tuple[str, ...], pairs: list[tuple[str, str]]
) -> set[tuple[str, ...]]:
    """The alias with every combination of the spelling-variant substitutions applied."""
    forms = {tokens}
    for a, b in pairs:
        forms |= {tuple(t.replace(a, b) for t in f) for f in forms if any(a in t for t in f)}
    return forms


def nisba_forms(stem: str) -> list[str]:
    """Folded nisba inflections of a stem, bare and with the article: إيران → ايراني…"""
    s = fold(stem)
    bare = [s + suf for suf in NISBA_SUFFIXES] + [s + "يا"]  # + adverbial إيرانياً
    return bare + ["ال" + s + suf for suf in NISBA_SUFFIXES]


def compile_aliases(raw: dict[str, Any]) -> list[Alias]:
    """Expand the YAML into folded alias forms (deduplicated per actor and form)."""
    pairs = [(fold(a), fold(b)) for a, b in raw.get("spelling_variants", []) or []]
    generic_titles = raw.get("generic_titles", []) or []
    inst_heads = raw.get("institution_heads", []) or []
    out: dict[tuple[tuple[str, ...], str], Alias] = {}

    def add(text: str, actor_id: str, source: str, rules=None, ambiguous=False) -> None:
        for toks in spelling_variants(_tokens(text), pairs):
            k = (toks, actor_id)
            if k not in out:  # first (most specific) definition wins
                out[k] = Alias(toks, actor_id, source, text, ambiguous, dict(rules or {}))

    for actor in raw["actors"]:
        aid = actor["id"]
        overrides = {fold(k): v for k, v in (actor.get("rules") or {}).items()}

        def rules_for(text: str, base: dict[str, Any], _o=overrides) -> dict[str, Any]:
            return {**base, **_o.get(fold(text), {})}

        for key, source in (("names", "name"), ("toponyms", "toponym"), ("aliases", "alias")):
            for text, rules, amb in _alias_items(actor, key):
                add(text, aid, source, rules_for(text, rules), amb)
        for stem in actor.get("nisba", []) or []:
            exclude = {fold(x) for x in actor.get("nisba_exclude", []) or []}
            forms = [f for f in nisba_forms(stem) if f not in exclude]
            for form in forms:
                add(form, aid, "nisba")
            definite = [f for f in forms if f.startswith("ال")]
            for head, form in itertools.product(inst_heads, definite):
                add(f"{head} {form}", aid, "institution")
        for pat in actor.get("patterns", []) or []:
            for head, mod in itertools.product(pat["heads"], pat["mods"]):
                add(f"{head} {mod}", aid, "pattern", rules_for(f"{head} {mod}", {}))
        if actor["kind"] == "person":
            names = [t for t, _, _ in _alias_items(actor, "names")]
            names += [t for t, _, _ in _alias_items(actor, "aliases")]
            titles = list(actor.get("titles", []) or [])
            titles += [r["title_ar"] for r in actor.get("roles", []) or [] if r.get("title_ar")]
            for title, name in itertools.product(dict.fromkeys(titles + generic_titles), names):
                add(f"{title} {name}", aid, "title")
    return list(out.values())


def actors_table(dictionary: Dictionary | None = None) -> pd.DataFrame:
    """One row per actor: id, kind, label_en, label_ar, affiliation, provenance."""
    d = dictionary or load_dictionary()
    cols = ["id", "kind", "label_en", "label_ar", "affiliation", "provenance"]
    rows = [{c: str(a.get(c, "") or "").strip() for c in cols} for a in d.raw["actors"]]
    return pd.DataFrame(rows, columns=cols).astype("string")


def aliases_table(dictionary: Dictionary | None = None) -> pd.DataFrame:
    """One row per compiled alias form: alias (folded), actor_id, source, text, ambiguous."""
    d = dictionary or load_dictionary()
    rows = [
        {
            "alias": " ".join(a.tokens),
            "actor_id": a.actor_id,
            "source": a.source,
            "text": a.text,
            "ambiguous": a.ambiguous,
            "rules": ",".join(sorted(a.rules)),
        }
        for a in d.aliases
    ]
    return pd.DataFrame(rows).astype(
        {
            "alias": "string",
            "actor_id": "string",
            "source": "string",
            "text": "string",
            "rules": "string",
        }
    )


def _date(value: Any) -> pd.Timestamp:
    if value in (None, ""):
        return pd.NaT
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    return pd.Timestamp(str(value))


def roles_table(dictionary: Dictionary | None = None) -> pd.DataFrame:
    """One row per dated role: actor_id, title_en, title_ar, start, end (NaT = open)."""
    d = dictionary or load_dictionary()
    rows = [
        {
            "actor_id": a["id"],
            "title_en": r.get("title_en", ""),
            "title_ar": r.get("title_ar", ""),
            "start": _date(r.get("start")),
            "end": _date(r.get("end")),
        }
        for a in d.raw["actors"]
        for r in a.get("roles", []) or []
    ]
    cols = ["actor_id", "title_en", "title_ar", "start", "end"]
    df = pd.DataFrame(rows, columns=cols)
    df[["start", "end"]] = df[["start", "end"]].astype("datetime64[ns]")
    return df.astype({c: "string" for c in cols[:3]})


LEVELS = ("affiliation", "state")


def affiliation_walk(
    actor_id: str, parent: Mapping[str, str], *, level: str = "affiliation"
) -> str:
    """The one affiliation walk: ``actor_id``'s affiliation in ``parent`` (actor id →
    affiliation id; missing or empty: none), or with ``level="state"`` the top of the
    chain (soleimani → quds_force → irgc → IRN). An actor without an affiliation stands
    for itself; a loop in ``parent`` stops at its last actor not seen before."""
    if level not in LEVELS:
        raise ValueError(f"level must be 'affiliation' or 'state', not {level!r}")
    cur = parent.get(actor_id) or actor_id
    if level == "affiliation":
        return cur
    seen = {actor_id, cur}
    while (nxt := parent.get(cur)) and nxt not in seen:
        seen.add(nxt)
        cur = nxt
    return cur


@functools.cache
def affiliations_of(dictionary: Dictionary | None = None) -> dict[str, str]:
    """actor id → affiliation id, for the actors of ``dictionary`` that have one."""
    # cached per dictionary (hashed by identity): callers share the dict, read-only
    d = dictionary or load_dictionary()
    return {k: str(a["affiliation"]) for k, a in d.actors.items() if a.get("affiliation")}


def affiliation_of(actor_id: str, *, level: str = "affiliation", dictionary=None) -> str:
    """The actor's affiliation in the dictionary (:func:`affiliation_walk`)."""
    return affiliation_walk(actor_id, affiliations_of(dictionary), level=level)
