"""Names and labels: actors in English, Arabic or both (``lang``), issues, speakers, cited
sources and source chains. Raw labels are for tables (``analysis.views.html.render``
escapes them); ``actor_labels`` and ``chain_plotly`` are escaped for plotly, Arabic
isolated right to left (``analysis.text.safety``)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import pandas as pd

from analysis.tag.issues import issues_data
from analysis.tag.sources import source_info
from analysis.text import safety
from analysis.views.providers import provider

LANGS = ("en", "ar", "both")


def _label_sources(mentions) -> list[pd.DataFrame]:
    if mentions is None:
        return []
    frames = [mentions] if isinstance(mentions, pd.DataFrame) else list(mentions)
    return [m for m in frames if m is not None and not m.empty]


def label_parts(
    actor_ids: Iterable[str],
    *,
    actors: pd.DataFrame | None = None,
    mentions: pd.DataFrame | Iterable[pd.DataFrame] | None = None,
) -> dict[str, tuple[str, str]]:
    """Raw (unescaped) English and Arabic label per actor id: ``(label_en, label_ar)``.

    Both come from ``actors``; for an actor it does not label fully, ``mentions`` (a frame
    with ``actor_id``, ``surface`` and optionally ``label_en``, or several such frames, the
    first that names an actor winning) give the English label and the most frequent
    surface form as the Arabic one. English falls back to ``SPEAKER_WORDS`` ("unnamed
    source(s)"), then the id; Arabic to ``""``.
    """
    if isinstance(actor_ids, pd.Series):
        actor_ids = actor_ids.unique()  # iterating 100k Arrow strings costs more than this
    ids = list(dict.fromkeys(actor_ids))
    en: dict[str, str] = {}
    ar: dict[str, str] = {}
    if actors is not None and not actors.empty:
        known_en, known_ar = actor_label_maps(actors)
        en.update(known_en)
        ar.update(known_ar)
    for m in _label_sources(mentions):
        unlabelled = [i for i in ids if not (en.get(i) and ar.get(i))]
        if not unlabelled:
            break
        first_en, top_surface = mention_labels(m)
        en = {**{i: first_en[i] for i in unlabelled if i in first_en}, **en}
        ar = {**{i: top_surface[i] for i in unlabelled if i in top_surface}, **ar}
    # a holder that is not an actor (an unnamed source) reads as words, not as its id
    return {i: (str(en.get(i) or SPEAKER_WORDS.get(i) or i), str(ar.get(i) or "")) for i in ids}


@provider
def mention_labels(mentions: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """Per actor id in ``mentions``: its first English label and its most frequent surface.

    (The panel's version labels a filtered frame as the unfiltered one it was cut from, so
    an actor keeps its label whatever the filter.)
    """
    m = mentions
    first: dict[str, str] = {}
    if "label_en" in m:
        heads = m.drop_duplicates("actor_id").set_index("actor_id")["label_en"].dropna()
        first = {str(k): v for k, v in heads.items()}
    m = m[m["surface"].fillna("").astype(str) != ""]
    surfaces = m.groupby(["actor_id", "surface"]).size()
    surfaces = surfaces.sort_values(ascending=False, kind="stable").reset_index()
    top = surfaces.drop_duplicates("actor_id")
    return first, {str(a): s for a, s in zip(top["actor_id"], top["surface"], strict=True)}


@provider
def actor_label_maps(actors: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """English and Arabic label per actor id in ``actors``."""
    a = actors.drop_duplicates("id").set_index("id")
    en = dict(a["label_en"].dropna()) if "label_en" in a else {}
    ar = dict(a["label_ar"].dropna()) if "label_ar" in a else {}
    return en, ar


@provider
def label_mentions(tables: Any) -> pd.DataFrame | None:
    """The mentions that name actors the dictionary does not label: the ``mentions`` of
    ``tables``. (The panel's version gives a filtered table's unfiltered one without
    cutting it: the labels come from that one anyway.)"""
    return getattr(tables, "mentions", None)


def _join_label(en: str, ar: str, lang: str) -> str:
    if lang == "en" or not ar:
        return en
    return ar if lang == "ar" else f"{en} · {ar}"


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")


def plain_labels(
    actor_ids: Iterable[str],
    *,
    lang: str = "en",
    actors: pd.DataFrame | None = None,
    mentions: pd.DataFrame | Iterable[pd.DataFrame] | None = None,
) -> dict[str, str]:
    """Raw (unescaped) label per actor id for tables: English, Arabic or ``"en · ar"``
    (``lang="both"``) from ``label_parts``; Arabic falls back to English."""
    _check_lang(lang)
    parts = label_parts(actor_ids, actors=actors, mentions=mentions)
    return {i: _join_label(e, r, lang) for i, (e, r) in parts.items()}


def actor_labels(
    actor_ids: Iterable[str],
    *,
    lang: str = "both",
    actors: pd.DataFrame | None = None,
    mentions: pd.DataFrame | Iterable[pd.DataFrame] | None = None,
) -> dict[str, str]:
    """Display label per actor id, escaped for plotly, Arabic marked right-to-left.

    The labels of ``plain_labels``: Arabic from ``actors.label_ar``, else the actor's most
    frequent surface form in ``mentions``; English from ``actors``/``mentions.label_en``.
    """
    _check_lang(lang)
    parts = label_parts(actor_ids, actors=actors, mentions=mentions)
    return {
        i: _join_label(safety.escape_plotly(e), safety.plotly_text(r), lang)
        for i, (e, r) in parts.items()
    }


@functools.cache
def issue_labels() -> dict[str, str]:
    """English label per issue id (``analysis/data/issues.yaml``), in the file's order."""
    return {k: str(v.get("label_en") or k) for k, v in issues_data().items()}


@functools.cache
def issue_short_labels() -> dict[str, str]:
    """Short English name per issue id (``short_en`` in issues.yaml), for axes and hovers."""
    return {k: str(v["short_en"]) for k, v in issues_data().items() if v.get("short_en")}


def issue_short(issue_id: object) -> str:
    """A short axis label for an issue id: its ``short_en`` in issues.yaml
    (``us_presence`` → "US presence"), else the id in words."""
    key = safety.clean(issue_id)
    return issue_short_labels().get(key) or key.replace("_", " ")


#: Speaker ids that are not actors, as a reader should see them (``analysis.tag.attribution``).
SPEAKER_WORDS = {
    "outlet": "the outlet itself",
    "unnamed_source": "unnamed source(s)",
    "unlisted_name": "a speaker not in the actor dictionary",
    "reports": "reports",
}

SOURCE_PREFIX = "src:"  # an outlet not in sources.yaml, named after a marker word

CHAIN_SEP = " > "  # analysis.tag.attribution.CHAIN_SEP

SOURCES_SEP = "|"  # between the ids of a multi-source ``cited_source``


@functools.cache
def source_labels() -> dict[str, str]:
    """Cited outlet/agency id → English label (``data/sources.yaml``)."""
    return {k: str(v.get("label_en") or k) for k, v in source_info().items()}


def speaker_name(speaker: object, names: dict[str, str] | None = None) -> str:
    """Raw name of a speaker, holder or cited-source id.

    ``outlet``, ``unnamed_source`` and ``reports`` read as words; an actor id takes its
    name in ``names`` (``plain_labels``); a cited outlet its ``sources.yaml`` label;
    ``src:<name>`` shows the name. Several cited sources (``reuters|afp``) are each named
    and joined by ``" > "``, as in a source chain.
    """
    text = safety.clean(speaker)
    if SOURCES_SEP in text:
        parts = [p for p in text.split(SOURCES_SEP) if p]
        return CHAIN_SEP.join(speaker_name(p, names) for p in parts)
    names = names or {}
    if text in SPEAKER_WORDS:
        return SPEAKER_WORDS[text]
    if names.get(text, text) != text:
        return names[text]
    if text in source_labels():
        return source_labels()[text]
    if text.startswith(SOURCE_PREFIX):
        return text[len(SOURCE_PREFIX) :]
    return text


@provider
def actor_names(actors: pd.DataFrame | None) -> Names:
    """Raw English name of every actor in ``actors`` (``plain_labels``): the ``names`` of
    ``speaker_name`` and the chain functions, so any actor id in a chain is named."""
    if actors is None or actors.empty or "id" not in actors:
        return Names()
    return Names(plain_labels(actors["id"].astype(str), actors=actors))


def speaker_names(ids: Iterable[object], actors: pd.DataFrame | None = None) -> dict[str, str]:
    """``speaker_name`` per distinct id (actor names in English, from ``actors``)."""
    names = actor_names(actors)
    return {str(i): speaker_name(i, names) for i in dict.fromkeys(ids) if not safety.is_missing(i)}


def chain_parts(chain: object, outlet: object, names: dict[str, str] | None = None) -> list[str]:
    """A source chain as a list of names (raw): ``[outlet, "Newsweek", "Jessica McNulty"]``.

    Each part after the outlet is named by ``speaker_name`` (``names``: actor names). The
    outlet is matched as a prefix, so an outlet name that holds ``" > "`` stays whole.
    """
    chain, outlet = safety.clean(chain), safety.clean(outlet)
    if not chain:
        return []
    head, rest = (outlet, chain[len(outlet) :]) if chain.startswith(outlet) else ("", chain)
    parts = [p for p in rest.split(CHAIN_SEP) if p]
    if not head and parts:
        head, parts = parts[0], parts[1:]
    named = [speaker_name(p, names) for q in parts for p in q.split(SOURCES_SEP) if p]
    return [head, *named]


def chain_text(chain: object, outlet: object, names: dict[str, str] | None = None) -> str:
    """A source chain with ids replaced by names (raw): ``outlet > Newsweek > McNulty``."""
    return CHAIN_SEP.join(chain_parts(chain, outlet, names))


def chain_plotly(chain: object, outlet: object, names: dict[str, str] | None = None) -> str:
    """A source chain for plotly: each name escaped and, if Arabic, its own right-to-left
    isolate, so the chain still reads left to right from the outlet to the speaker."""
    return " &gt; ".join(safety.plotly_text(p) for p in chain_parts(chain, outlet, names))


class Names(dict):
    """Actor id → raw English name (:func:`actor_names`), hashable by its content so that
    a hover made with it can be remembered under it (treat it as read-only)."""

    def __hash__(self) -> int:  # type: ignore[override]
        # computed once: a panel asks for it once per point
        if "_hash" not in self.__dict__:
            self.__dict__["_hash"] = hash(frozenset(self.items()))
        return self.__dict__["_hash"]
