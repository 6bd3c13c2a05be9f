"""plotly figures for the notebooks and the offline reports.

Every figure

- shows text from the data only through ``analysis.text.safety`` (escaped for plotly's
  pseudo-HTML, bidi tricks stripped, Arabic runs wrapped in RLI…PDI so SVG text reads
  right to left);
- names actors in English, Arabic or both (``lang="en" | "ar" | "both"``);
- carries the evidence behind its numbers in the hover: an example sentence with its
  outlet, date and document id;
- stays filterable without a kernel: an "outlet" dropdown (plotly ``updatemenus``) switches
  between all outlets and each one, and time axes have a range slider.

Inputs are the tables of ``docs/tables.md`` (a ``Tables`` object where a function needs
more than one of them).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator

import numpy as np
import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go
import plotly.io as pio

from analysis.panel import framecache
from analysis.panel import mention_index as mi
from analysis.text import safety
from analysis.views import tables as tbl

ALL_OUTLETS = "All outlets"
FONT = "Noto Sans, Noto Sans Arabic, Noto Naskh Arabic, DejaVu Sans, Arial, sans-serif"
LANGS = ("en", "ar", "both")
SNIPPET_CHARS = 140
#: The count heatmaps' colours, spelled out: plotly.js has its own, different "Blues", and
#: only plotly.py's value checks (off in the live panel) would swap in plotly.py's.
BLUES = pc.make_colorscale(pc.sequential.Blues)


# --- labels and hover -------------------------------------------------------------------


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
    surface form as the Arabic one. English falls back to the id, Arabic to ``""``.
    """
    if isinstance(actor_ids, pd.Series):
        actor_ids = actor_ids.unique()  # iterating 100k Arrow strings costs more than this
    ids = list(dict.fromkeys(actor_ids))
    en: dict[str, str] = {}
    ar: dict[str, str] = {}
    if actors is not None and not actors.empty:
        known_en, known_ar = _actor_label_maps(actors)
        en.update(known_en)
        ar.update(known_ar)
    for m in _label_sources(mentions):
        unlabelled = [i for i in ids if not (en.get(i) and ar.get(i))]
        if not unlabelled:
            break
        first_en, top_surface = _mention_labels(m)
        en = {**{i: first_en[i] for i in unlabelled if i in first_en}, **en}
        ar = {**{i: top_surface[i] for i in unlabelled if i in top_surface}, **ar}
    return {i: (str(en.get(i) or i), str(ar.get(i) or "")) for i in ids}


def _mention_labels(mentions: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """Per actor id in ``mentions``: its first English label and its most frequent surface.

    Computed once per frame; for a filtered frame (``widgets.filter_tables``), once for
    the unfiltered one, so an actor keeps its label whatever the filter.
    """
    parent = framecache.subset_of(mentions)
    if parent is not None:
        return _mention_labels(parent[0])

    def compute() -> tuple[dict[str, str], dict[str, str]]:
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

    return framecache.cached("mention_labels", (mentions,), compute)


def _actor_label_maps(actors: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """English and Arabic label per actor id in ``actors`` (once per frame: every figure
    of a panel update names its actors)."""

    def compute() -> tuple[dict[str, str], dict[str, str]]:
        a = actors.drop_duplicates("id").set_index("id")
        en = dict(a["label_en"].dropna()) if "label_en" in a else {}
        ar = dict(a["label_ar"].dropna()) if "label_ar" in a else {}
        return en, ar

    return framecache.cached("actor_labels", (actors,), compute)


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
    from analysis.tag.stance import issues_data

    return {k: str(v.get("label_en") or k) for k, v in issues_data().items()}


#: Speaker ids that are not actors, as a reader should see them (``analysis.tag.attribution``).
SPEAKER_WORDS = {
    "outlet": "the outlet itself",
    "unnamed_source": "unnamed source(s)",
    "reports": "reports",
}
SOURCE_PREFIX = "src:"  # an outlet not in sources.yaml, named after a marker word
CHAIN_SEP = " > "  # analysis.tag.attribution.CHAIN_SEP
SOURCES_SEP = "|"  # between the ids of a multi-source ``cited_source``


@functools.cache
def source_labels() -> dict[str, str]:
    """Cited outlet/agency id → English label (``data/sources.yaml``)."""
    from analysis.tag.attribution import source_info

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


def actor_names(actors: pd.DataFrame | None) -> dict[str, str]:
    """Raw English name of every actor in ``actors`` (``plain_labels``): the ``names`` of
    ``speaker_name`` and the chain functions, so any actor id in a chain is named."""
    if actors is None or actors.empty or "id" not in actors:
        return {}
    return plain_labels(actors["id"].astype(str), actors=actors)


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


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of ``text`` around ``start:end`` (raw, not escaped)."""
    pad = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - pad), min(len(text), end + pad)
    return ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")


_NAMES_KEYS: dict[tuple, int] = {}
_NAMES_NUMBERS = itertools.count()


def names_key(names: dict[str, str]) -> int:
    """A small number per set of actor names (``actor_names``), for keys of remembered
    hovers: hashing the names for every point cost more than making its hover. (One per
    dictionary in use: a handful.)"""
    return _NAMES_KEYS.setdefault(tuple(sorted(names.items())), next(_NAMES_NUMBERS))


#: Hovers made for live panels, by their key (see :func:`remembered_hover`).
_HOVERS: dict[tuple, str] = {}
HOVERS_KEPT = 50_000


def remembered_hover(key: tuple, make: Callable[[], str]) -> str:
    """``make()``, remembered under ``key``: the view's kind, then everything the hover
    depends on. A live panel shows mostly the same points again after a filter change. A
    key with an unhashable value is made afresh; the store is emptied when full."""
    try:
        text = _HOVERS.get(key)
    except TypeError:
        return make()
    if text is None:
        text = make()
        if len(_HOVERS) >= HOVERS_KEPT:
            _HOVERS.clear()
        _HOVERS[key] = text
    return text


def date_text(value: object) -> str:
    """A date as ``YYYY-MM-DD``, or ``undated``."""
    return "undated" if safety.is_missing(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def evidence_hover(row: pd.Series, *, header: str = "") -> str:
    """Hover text: ``header``, outlet · date · doc id, and the evidence snippet.

    ``row`` needs ``outlet``, ``date``, ``doc_id`` and either ``snippet`` (raw text) or
    the mention row's ``sentence``, ``sent_start``, ``start`` and ``end`` (the snippet is
    then cut here: only the rows shown as evidence pay for it).
    """
    meta = " · ".join(
        [
            safety.plotly_text(row["outlet"]),
            date_text(row["date"]),
            safety.escape_plotly(row["doc_id"]),
        ]
    )
    lines = [header] if header else []
    if "snippet" in row:
        text = row["snippet"]
    elif safety.is_missing(row["sent_start"]):  # a mention without its sentence row
        text = row.get("surface", "")
    else:
        s_start = int(row["sent_start"])
        text = snippet(row["sentence"], int(row["start"]) - s_start, int(row["end"]) - s_start)
    lines += [meta, safety.plotly_lines(text, width=70)]
    return "<br>".join(lines)


# --- filters inside the figure -----------------------------------------------------------


def outlet_names(documents: pd.DataFrame) -> list[str]:
    """Outlets by number of articles (most first), then name."""
    counts = documents["outlet"].astype(str).value_counts()
    return sorted(counts.index, key=lambda o: (-counts[o], o))


def present_outlets(documents: pd.DataFrame, values: Iterable[object]) -> list[str]:
    """The outlets among ``values``, in article order (``outlet_names``); any not in
    ``documents`` follow by name."""
    if not isinstance(values, pd.Series):
        values = pd.Series(list(values), dtype="object")
    present = {str(v) for v in values.dropna().unique()}
    known = [o for o in outlet_names(documents) if o in present]
    return known + sorted(present - set(known))


def outlet_menu(groups: dict[str, list[int]], n_traces: int) -> list[dict]:
    """The ``updatemenus`` of a dropdown that shows one group of traces at a time
    (``ALL_OUTLETS`` first); none for a single group. ``groups`` maps an outlet name to
    the indices of its traces."""
    if len(groups) < 2:
        return []
    buttons = [
        {
            "label": safety.plotly_text(name) if name != ALL_OUTLETS else name,
            "method": "restyle",
            "args": [{"visible": [i in idx for i in range(n_traces)]}],
        }
        for name, idx in groups.items()
    ]
    return [
        {
            "type": "dropdown",
            "buttons": buttons,
            "active": 0,
            "showactive": True,
            # just above the plot area, clear of plotly's toolbar (top right)
            "x": 1.0,
            "xanchor": "right",
            "y": 1.0,
            "yanchor": "bottom",
            "pad": {"b": 4},
            "name": "outlet",
        }
    ]


def _show_first_group(traces, groups: dict[str, list[int]]) -> None:
    first = set(next(iter(groups.values())))
    for i, tr in enumerate(traces):
        tr.visible = i in first


def add_outlet_menu(fig: go.Figure, groups: dict[str, list[int]]) -> go.Figure:
    """Add the :func:`outlet_menu` of ``groups`` to ``fig``; the first group is visible at
    start. A single group needs no menu."""
    menus = outlet_menu(groups, len(fig.data))
    if menus:
        _show_first_group(fig.data, groups)
        fig.update_layout(updatemenus=menus)
    return fig


#: Off while a live FilterPanel renders: plotly's check of every property value is most of
#: the cost of building a figure (a 900-point scatter: 60 ms checked, 7 ms not), and the
#: panel's figures are the ones reports and tests build checked (see ``make_trace``).
_PLOTLY_CHECKS: contextvars.ContextVar[bool] = contextvars.ContextVar("plotly_checks", default=True)


@contextlib.contextmanager
def _setting(var: contextvars.ContextVar[bool], value: bool) -> Iterator[None]:
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)


def plotly_checks(enabled: bool) -> contextlib.AbstractContextManager[None]:
    """Within the block, :func:`make_trace` and :func:`make_figure` leave plotly's
    validation of property values on (the default) or off."""
    return _setting(_PLOTLY_CHECKS, enabled)


def make_trace(kind: type, /, **props):
    """A plotly trace of type ``kind`` (``go.Bar``, ``go.Scatter`` …) with ``props``,
    validated unless built inside ``plotly_checks(False)``."""
    return kind(**props, _validate=_PLOTLY_CHECKS.get())


def make_figure(data=None, layout=None) -> go.Figure:
    """``go.Figure(data, layout)``, validated unless built inside ``plotly_checks(False)``.
    Either way, what is changed on the figure afterwards is validated (a view that sets
    ``title="…"`` on a figure gets plotly's ``{"text": "…"}``)."""
    checked = _PLOTLY_CHECKS.get()
    fig = go.Figure(data=data, layout=layout, _validate=checked)
    if not checked:
        _checked_from_now(fig)
    return fig


def _checked_from_now(obj) -> None:
    # plotly keeps its validation switch on every object of a figure: the figure, its
    # layout, each trace and each nested object made so far (tests/test_widgets.py
    # checks that edits to an unchecked figure come out as to a checked one)
    obj._validate = True
    for child in (getattr(obj, "_layout_obj", None), *getattr(obj, "_data_objs", ())):
        if child is not None:
            _checked_from_now(child)
    for child in getattr(obj, "_compound_props", {}).values():
        _checked_from_now(child)
    for children in getattr(obj, "_compound_array_props", {}).values():
        for child in children or ():
            _checked_from_now(child)


#: Off while a live FilterPanel renders: its outlet selector does the menu's job, and one
#: set of traces instead of one per outlet makes a panel update several times faster.
_OUTLET_MENUS: contextvars.ContextVar[bool] = contextvars.ContextVar("outlet_menus", default=True)


def outlet_menus(enabled: bool) -> contextlib.AbstractContextManager[None]:
    """Within the block, :func:`by_outlet` adds (or leaves out) the per-outlet menu."""
    return _setting(_OUTLET_MENUS, enabled)


def by_outlet(
    documents: pd.DataFrame,
    frame: pd.DataFrame,
    make_traces: Callable[[pd.DataFrame, str], list],
    *,
    max_outlets: int = 25,
    layout: dict | None = None,
) -> go.Figure:
    """One set of traces for all outlets and one per outlet, switched by a dropdown
    (only the first set inside ``outlet_menus(False)``); ``layout`` (e.g.
    :func:`house_layout`) is the figure's layout from the start."""
    subsets = [(ALL_OUTLETS, frame)]
    if "outlet" in frame and _OUTLET_MENUS.get():
        outlets = present_outlets(documents, frame["outlet"])
        subsets += [(o, frame[frame["outlet"] == o]) for o in outlets[:max_outlets]]
    return _outlet_figure(subsets, make_traces, layout)


def index_by_outlet(
    documents: pd.DataFrame,
    index: mi.MentionIndex,
    make_traces: Callable[[mi.MentionIndex, str], list],
    *,
    max_outlets: int = 25,
    layout: dict | None = None,
) -> go.Figure:
    """:func:`by_outlet` for a mention index: its rows for all outlets, then per outlet."""
    subsets = [(ALL_OUTLETS, index)]
    if _OUTLET_MENUS.get():
        present = index.outlet_ids[mi.counts(index.outlet, len(index.outlet_ids)) > 0]
        code = {str(o): c for c, o in enumerate(index.outlet_ids)}
        outlets = present_outlets(documents, present)[:max_outlets]
        subsets += [(o, index.select(index.outlet == code[o])) for o in outlets]
    return _outlet_figure(subsets, make_traces, layout)


def _outlet_figure(subsets: list, make_traces: Callable, layout: dict | None) -> go.Figure:
    # One Figure call with every trace and the whole layout: adding traces and updating
    # the layout afterwards costs several times more (plotly re-validates on each update).
    traces: list = []
    groups: dict[str, list[int]] = {}
    for name, sub in subsets:
        start = len(traces)
        traces += make_traces(sub, name)
        groups[name] = list(range(start, len(traces)))
    layout = dict(layout or {})
    if menus := outlet_menu(groups, len(traces)):
        _show_first_group(traces, groups)
        layout["updatemenus"] = menus
    return make_figure(traces, layout)


#: The plotly template of every figure.
TEMPLATE = "plotly_white"


def house_layout(title: str, *, height: int = 450) -> dict:
    """The house layout as a dict: title, fonts with Arabic glyphs, room for the outlet
    menu (pass it to ``go.Figure(layout=...)``, or use :func:`style` on a figure)."""
    layout = {
        "title": {"text": safety.escape_plotly(title), "x": 0, "xanchor": "left"},
        "font": {"family": FONT},
        "hoverlabel": {"align": "auto", "font": {"family": FONT}},
        "height": height,
        "margin": {"t": 90, "l": 10, "r": 10, "b": 10},
        "legend": {"title": {"text": ""}},
    }
    if pio.templates.default != TEMPLATE:
        # By name, plotly validates a copy of the template for every figure (30-80 ms);
        # notebooks make it the default instead (reports.setup_notebook).
        layout["template"] = _house_template()
    return layout


def style(fig: go.Figure, title: str, *, height: int = 450) -> go.Figure:
    """House layout (:func:`house_layout`) on ``fig``."""
    return fig.update_layout(house_layout(title, height=height))


@functools.cache
def _house_template() -> go.layout.Template:
    return pio.templates[TEMPLATE]


NO_MENTIONS = "No mentions for these filters."


def empty_figure(title: str, message: str = NO_MENTIONS) -> go.Figure:
    """A figure that says there is nothing to show (rather than failing): ``message``."""
    fig = make_figure()
    fig.add_annotation(text=safety.escape_plotly(message), showarrow=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return style(fig, title, height=250)


def _bar_width(freq: str) -> float:
    """Bar width in milliseconds: 80 % of one period (a date axis measures in ms)."""
    days = {"D": 1, "W": 7, "M": 30.4, "Q": 91.3, "Y": 365.2, "A": 365.2}.get(freq[0].upper(), 30.4)
    return 0.8 * days * 86_400_000


#: A date x axis with a range slider.
TIME_XAXIS = {"type": "date", "rangeslider": {"visible": True, "thickness": 0.08}}


def time_axis(fig: go.Figure) -> go.Figure:
    """A date x axis with a range slider (:data:`TIME_XAXIS`)."""
    fig.update_xaxes(TIME_XAXIS)
    return fig


# --- corpus overview ---------------------------------------------------------------------


def _dated_articles(documents: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Dated articles by date and doc id, with the start of their period (``freq``)."""
    cols = [c for c in ("doc_id", "outlet", "date", "title") if c in documents]
    dated = documents.loc[documents["date"].notna(), cols]
    dated = dated.sort_values(["date", "doc_id"], ignore_index=True)
    periods = dated["date"].dt.to_period(freq[0] if freq != "MS" else "M")
    return dated.assign(period=periods.dt.start_time)


def articles_over_time(documents: pd.DataFrame, *, freq: str = "MS") -> go.Figure:
    """Dated articles per period (``freq``: pandas offset, default month), by outlet."""
    # sorted once per corpus: a filtered or per-outlet subset keeps the order
    dated = framecache.cached_rows(
        f"dated_articles:{freq}", (documents,), lambda d: _dated_articles(d, freq)
    )

    def traces(sub: pd.DataFrame, name: str) -> list:
        period = sub["period"].to_numpy()
        starts = np.flatnonzero(np.r_[len(period) > 0, period[1:] != period[:-1]])  # runs
        counts = np.diff(np.r_[starts, len(period)])
        within = np.arange(len(period)) - np.repeat(starts, counts)  # place in its period
        rows = sub.take(np.flatnonzero(within < 5))
        lines = iter(
            f"{safety.plotly_text(o)} · {date_text(d)} · "
            f"{safety.plotly_text(safety.truncate(i if safety.is_missing(t) or not t else t, 70))}"
            for o, d, t, i in zip(
                rows["outlet"].tolist(),
                rows["date"].tolist(),
                rows["title"].tolist() if "title" in rows else [None] * len(rows),
                rows["doc_id"].tolist(),
                strict=True,
            )
        )
        hover = [
            f"<b>{date_text(period[a])}</b> — {n} article(s)<br>"
            + "<br>".join(next(lines) for _ in range(min(n, 5)))
            + ("<br>…" if n > 5 else "")
            for a, n in zip(starts, counts, strict=True)
        ]
        return [
            make_trace(
                go.Bar,
                x=[pd.Timestamp(period[a]) for a in starts],
                y=counts,
                width=_bar_width(freq),
                offset=0,  # the bar covers its period, from its first day
                name=safety.plotly_text(name),
                hovertext=hover,
                hoverinfo="text",
            )
        ]

    undated = int(documents["date"].isna().sum())
    title = "Articles over time" + (f" ({undated} undated not shown)" if undated else "")
    layout = {**house_layout(title), "xaxis": TIME_XAXIS, "showlegend": False}
    return by_outlet(documents, dated, traces, layout=layout)


def articles_by_outlet(documents: pd.DataFrame) -> go.Figure:
    """Articles per outlet, stacked by what their date rests on."""
    table = tbl.date_sources(documents).set_index("outlet")
    order = outlet_names(documents)
    table = table.reindex(order)
    fig = make_figure()
    for source in table.columns:
        hover = [
            f"<b>{safety.plotly_text(o)}</b><br>{n} article(s), date {source}"
            for o, n in table[source].items()
        ]
        fig.add_bar(
            x=[safety.plotly_text(o) for o in table.index],
            y=table[source].to_numpy(),
            name=f"date: {source}",
            hovertext=hover,
            hoverinfo="text",
        )
    fig.update_layout(barmode="stack")
    return style(fig, "Articles by outlet and what their date rests on")


def sections_chart(tables) -> go.Figure:
    """Sentences per section (headline, body, caption, …), by outlet."""

    def bars(counts: pd.Series, name: str) -> list:
        hover = [
            f"<b>{safety.escape_plotly(s)}</b>: {n} sentence(s)<br>{safety.plotly_text(name)}"
            for s, n in counts.items()
        ]
        return [
            make_trace(
                go.Bar,
                x=[safety.escape_plotly(s) for s in counts.index],
                y=counts.to_numpy(),
                hovertext=hover,
                hoverinfo="text",
                name=safety.plotly_text(name),
            )
        ]

    layout = house_layout("Sentences by section (analyses count headline and body)")
    if _OUTLET_MENUS.get():  # the outlet of each sentence, for the per-outlet traces
        sents = tables.sentences[["doc_id", "section"]]
        sents = sents.merge(tables.documents[["doc_id", "outlet"]], on="doc_id")
        traces = lambda sub, name: bars(sub["section"].value_counts(), name)  # noqa: E731
        return by_outlet(tables.documents, sents, traces, layout=layout)
    # One set of traces: count codes (sentences are the largest table).
    section, names = framecache.coded(tables.sentences, ("section",))["section"]
    if framecache.subset_of(tables.sentences) is None:
        # only the sentences of listed documents, as the join above keeps (a filtered frame
        # holds no others: filter_tables leaves them out)
        section = section[framecache.doc_positions(tables.sentences, tables.documents) >= 0]
    return _outlet_figure([(ALL_OUTLETS, tbl.code_counts(section, names))], bars, layout)


# --- actor mentions ----------------------------------------------------------------------


def index_labels(
    index: mi.MentionIndex,
    ids: Iterable[str],
    *,
    lang: str = "both",
    actors: pd.DataFrame | None = None,
) -> dict[str, str]:
    """:func:`actor_labels` for ``ids``; the mentions in ``index`` name only the actors
    that ``actors`` does not label in both languages."""
    ids = [str(i) for i in dict.fromkeys(ids)]
    known_en, known_ar = (
        _actor_label_maps(actors) if actors is not None and not actors.empty else ({}, {})
    )
    missing = {i for i in ids if not (known_en.get(i) and known_ar.get(i))}
    mentions = None
    if missing and len(index):
        codes = [c for c, a in enumerate(index.actor_ids) if str(a) in missing]
        mentions = index.with_actors(codes).frame() if codes else None
    return actor_labels(ids, lang=lang, actors=actors, mentions=mentions)


def mentions_by_actor(
    tables, *, lang: str = "both", top: int = 20, actors: pd.DataFrame | None = None
) -> go.Figure:
    """Mentions per actor (top ``top``), with the earliest mention as evidence."""
    ix = mi.mention_index(tables)
    if ix.empty:
        return empty_figure("Mentions by actor")
    n_ids = len(ix.actor_ids)
    shown = mi.ranked(ix.actor, ix.actor_ids, top)
    labels = index_labels(ix, ix.actor_ids[shown], lang=lang, actors=actors)

    def traces(sub: mi.MentionIndex, name: str) -> list:
        if sub.empty:
            return [make_trace(go.Bar, x=[], y=[], orientation="h")]
        codes = mi.ranked(sub.actor, sub.actor_ids, top)[::-1]
        more = [str(sub.actor_ids[c]) for c in codes if str(sub.actor_ids[c]) not in labels]
        labels.update(index_labels(ix, more, lang=lang, actors=actors) if more else {})
        n, docs = mi.counts(sub.actor, n_ids), mi.articles_per(sub, n_ids)
        first = mi.first_of(sub.actor, n_ids)
        ids = [str(sub.actor_ids[c]) for c in codes]
        hover = [
            evidence_hover(
                sub.record(first[c]),
                header=f"<b>{labels[a]}</b>: {n[c]} mention(s) in {docs[c]} article(s)",
            )
            for c, a in zip(codes, ids, strict=True)
        ]
        return [_hbar(pd.Series(n[codes], index=ids), labels, hover, name)]

    layout = house_layout("Mentions by actor", height=max(350, 120 + 26 * len(shown)))
    return index_by_outlet(
        tables.documents, ix, traces, layout={**layout, "yaxis": {"automargin": True}}
    )


def _hbar(counts: pd.Series, labels: dict[str, str], hover: list[str], name: str) -> go.Bar:
    """Horizontal bars of ``counts`` (largest at the top), labelled, with evidence hovers."""
    return make_trace(
        go.Bar,
        x=counts.to_numpy(),
        y=[labels[a] for a in counts.index],
        orientation="h",
        hovertext=hover,
        hoverinfo="text",
        name=safety.plotly_text(name),
    )


def mentions_over_time(
    tables,
    *,
    lang: str = "both",
    top: int = 6,
    freq: str = "M",
    actors: pd.DataFrame | None = None,
) -> go.Figure:
    """Monthly (``freq``) mentions of the ``top`` actors, one line each."""
    title = "Mentions over time (dated articles)"
    ix = mi.mention_index(tables)
    if ix.empty:
        return empty_figure(title)
    periods, _ = mi.period_codes(ix, freq)
    dated = ix.select(periods >= 0)
    if dated.empty:
        return empty_figure(title)
    keep = mi.ranked(dated.actor, dated.actor_ids, top)
    dated = dated.with_actors(keep)
    labels = index_labels(dated, dated.actor_ids[keep], lang=lang, actors=actors)

    def traces(sub: mi.MentionIndex, name: str) -> list:
        period, starts = mi.period_codes(sub, freq)
        out = []
        for c in keep:
            rows = np.flatnonzero(sub.actor == c)
            if not len(rows):
                continue
            a = str(sub.actor_ids[c])
            n = mi.counts(period[rows], len(starts))
            first = mi.first_of(period[rows], len(starts))
            present = np.flatnonzero(n)
            x = list(pd.DatetimeIndex(starts[present]))
            hover = [
                evidence_hover(
                    sub.record(rows[first[p]]),
                    header=f"<b>{labels[a]}</b>: {n[p]} mention(s) in {date_text(d)[:7]}",
                )
                for p, d in zip(present, x, strict=True)
            ]
            out.append(
                make_trace(
                    go.Scatter,
                    x=x,
                    y=n[present],
                    mode="lines+markers",
                    name=labels[a],
                    legendgroup=a,
                    hovertext=hover,
                    hoverinfo="text",
                )
            )
        return out or [make_trace(go.Scatter, x=[], y=[])]

    return index_by_outlet(
        tables.documents, dated, traces, layout={**house_layout(title), "xaxis": TIME_XAXIS}
    )


def mentions_by_outlet(
    tables, *, lang: str = "both", top: int = 15, actors: pd.DataFrame | None = None
) -> go.Figure:
    """Heatmap of actor × outlet mention counts, with the earliest mention in each cell."""
    ix = mi.mention_index(tables)
    if ix.empty:
        return empty_figure("Mentions by actor and outlet")
    keep = mi.ranked(ix.actor, ix.actor_ids, top)
    sub = ix.with_actors(keep)
    n_out = len(sub.outlet_ids)
    outlets = present_outlets(tables.documents, sub.outlet_ids[mi.counts(sub.outlet, n_out) > 0])
    at_outlet = {str(o): c for c, o in enumerate(sub.outlet_ids)}
    ids = [str(sub.actor_ids[c]) for c in keep]
    labels = index_labels(sub, ids, lang=lang, actors=actors)
    cell = sub.actor * n_out + sub.outlet
    n = mi.counts(cell, len(sub.actor_ids) * n_out)
    first = mi.first_of(cell, len(n))
    z, hover = [], []
    for c, a in zip(keep, ids, strict=True):
        cells = [c * n_out + at_outlet[o] for o in outlets]
        z.append([int(n[k]) for k in cells])
        hover.append(
            [
                evidence_hover(sub.record(first[k]), header=f"<b>{labels[a]}</b>: {n[k]}")
                if n[k]
                else f"{labels[a]}<br>{safety.plotly_text(o)}: 0"
                for k, o in zip(cells, outlets, strict=True)
            ]
        )
    layout = house_layout("Mentions by actor and outlet", height=max(350, 140 + 28 * len(keep)))
    return make_figure(
        make_trace(
            go.Heatmap,
            z=np.array(z, dtype=np.int64).reshape(len(keep), len(outlets)),
            x=[safety.plotly_text(o) for o in outlets],
            y=[labels[a] for a in ids],
            hovertext=hover,
            hoverinfo="text",
            colorscale=BLUES,
        ),
        layout={**layout, "yaxis": {"autorange": "reversed", "automargin": True}},
    )


def rollup_chart(
    tables, actors: pd.DataFrame | None, *, lang: str = "both", level: str = "affiliation"
) -> go.Figure:
    """Mentions per affiliation: an actor counts under its affiliation (else itself);
    ``level="state"`` follows affiliations to the top (Quds Force → IRGC → Iran)."""
    title = "Mentions rolled up by " + ("affiliation" if level == "affiliation" else "state")
    ix = mi.mention_index(tables)
    if ix.empty:
        return empty_figure(title)
    aff_of_actor, aff_ids = mi.affiliation_codes(ix, actors, level=level)
    n_aff = len(aff_ids)
    everywhere = np.flatnonzero(mi.counts(aff_of_actor[ix.actor], n_aff))
    labels = index_labels(ix, aff_ids[everywhere].astype(str), lang=lang, actors=actors)

    def traces(sub: mi.MentionIndex, name: str) -> list:
        aff = aff_of_actor[sub.actor]
        n = mi.counts(aff, n_aff)
        codes = sorted(np.flatnonzero(n), key=lambda g: (n[g], str(aff_ids[g])), reverse=True)
        codes = codes[::-1]  # the bars run bottom-up: the largest on top
        first = mi.first_of(aff, n_aff)
        members = mi.members(aff, sub.actor, sub.actor_ids, n_aff)
        ids = [str(aff_ids[g]) for g in codes]
        hover = [
            evidence_hover(
                sub.record(first[g]),
                header=f"<b>{labels[a]}</b>: {n[g]} mention(s)<br>"
                f"actors: {safety.escape_plotly(', '.join(members[g]))}",
            )
            for g, a in zip(codes, ids, strict=True)
        ]
        return [_hbar(pd.Series(n[codes], index=ids), labels, hover, name)]

    layout = house_layout(title, height=max(350, 120 + 26 * len(everywhere)))
    return index_by_outlet(
        tables.documents, ix, traces, layout={**layout, "yaxis": {"automargin": True}}
    )


def cooccurrence_heatmap(
    tables, *, lang: str = "both", top: int = 12, actors: pd.DataFrame | None = None
) -> go.Figure:
    """Actors mentioned together in one sentence; the hover shows such a sentence."""
    ix = mi.mention_index(tables)
    if ix.empty:
        return empty_figure("Actors mentioned in the same sentence")
    keep = mi.ranked(ix.actor, ix.actor_ids, top)
    ids = [str(ix.actor_ids[c]) for c in keep]
    labels = index_labels(ix, ids, lang=lang, actors=actors)

    def traces(sub: mi.MentionIndex, name: str) -> list:
        sel, counts, first = mi.cooccurrence(sub, keep)
        np.fill_diagonal(counts, 0)  # an actor with itself: not a pair
        hover = [
            [
                evidence_hover(
                    sel.record(first[(ca, cb)]),
                    header=f"<b>{labels[a]}</b> + <b>{labels[b]}</b>: {counts[i, j]} sentence(s)",
                )
                if counts[i, j]
                else f"{labels[a]} + {labels[b]}: 0"
                for j, (cb, b) in enumerate(zip(keep, ids, strict=True))
            ]
            for i, (ca, a) in enumerate(zip(keep, ids, strict=True))
        ]
        return [
            make_trace(
                go.Heatmap,
                z=counts,
                x=[labels[a] for a in ids],
                y=[labels[a] for a in ids],
                hovertext=hover,
                hoverinfo="text",
                colorscale=BLUES,
                name=safety.plotly_text(name),
            )
        ]

    layout = house_layout(
        "Actors mentioned in the same sentence", height=max(400, 200 + 30 * len(keep))
    )
    layout["yaxis"] = {"autorange": "reversed", "automargin": True}
    layout["xaxis"] = {"automargin": True}
    return index_by_outlet(tables.documents, ix, traces, layout=layout)
