"""What each notebook's report page shows, as views its filter bar redraws
(``analysis.views.client``): one function per view, named for it, taking the tables (and
the actor table) and returning a ``ClientView``. The notebooks pass them to
``FilterPanel.register(view, client=…)``; the live panel keeps drawing the Python views.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pandas as pd

from analysis.views.client import (
    ARTICLE_EVIDENCE,
    TOP_N,
    ClientView,
    bars_spec,
    list_spec,
    table_spec,
)
from analysis.views.client_rows import (
    NO_ISSUE,
    claim_rows_of,
    documents_rows,
    duplicate_group_rows,
    kwic_rows,
    mention_rows,
    move_rows,
    section_rows,
    stance_rows_of,
)
from analysis.views.position_marks import MOVE_COLOURS

# --- the views of notebook 01 ---------------------------------------------------------


def articles_by_outlet_table(tables: Any) -> ClientView:
    spec = table_spec(
        "Articles per outlet",
        group=["outlet"],
        values=[
            {"label": "articles", "fn": "count"},
            {"label": "first date", "fn": "min_date"},
            {"label": "last date", "fn": "max_date"},
            {"label": "undated", "fn": "undated"},
        ],
    )
    return ClientView(spec, "documents", partial(documents_rows, tables))


def articles_over_time(tables: Any) -> ClientView:
    spec = {"kind": "time", "title": "Articles over time", "ytitle": "articles"}
    return ClientView(spec, "documents", partial(documents_rows, tables))


def articles_by_outlet_figure(tables: Any) -> ClientView:
    spec = bars_spec(
        "Articles per outlet group, by what the date rests on",
        x="outlet_group",
        color="date_source",
        xtitle="",
        ytitle="articles",
    )
    spec["compare"] = True  # groups by default, outlets when the bar says so
    return ClientView(spec, "documents", partial(documents_rows, tables))


def date_sources_table(tables: Any) -> ClientView:
    spec = table_spec(
        "What the dates rest on, per outlet group", group=["outlet_group"], pivot="date_source"
    )
    spec["compare"] = True
    return ClientView(spec, "documents", partial(documents_rows, tables))


def sections_figure(tables: Any) -> ClientView:
    spec = bars_spec("Sentences per section", x="section", weight="n", ytitle="sentences")
    return ClientView(spec, "sections", partial(section_rows, tables))


def sections_table(tables: Any) -> ClientView:
    spec = table_spec(
        "Sentences per section",
        group=["section"],
        values=[
            {"label": "sentences", "fn": "sum", "col": "n"},
            {"label": "articles", "fn": "docs"},
        ],
    )
    return ClientView(spec, "sections", partial(section_rows, tables))


def duplicates_table(tables: Any) -> ClientView:
    spec = list_spec(
        "Near-duplicate articles (groups of two or more)",
        columns=["group", "outlet", "date", "title", "url"],
        empty="No near-duplicate articles for these filters.",
    )
    return ClientView(spec, "duplicates", partial(duplicate_group_rows, tables))


# --- the views of notebook 04 ---------------------------------------------------------

MOVE_EVIDENCE = ["outlet", "date", "speaker", "hedged", "reason", "sentence"]
MOVE_LIST_COLUMNS = [
    *("date", "outlet", "holder", "move", "issue", "counterpart", "in_exchange_for"),
    *("modality", "hedged", "speaker", "sentence", "reason"),
]


def moves_by_holder_table(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = table_spec(
        "Moves by holder",
        group=["holder"],
        pivot="move",
        pivot_order=list(MOVE_COLOURS),
        values=[{"label": "hedged", "fn": "equals", "col": "hedged", "value": "hedged"}],
        evidence=MOVE_EVIDENCE,
    )
    return ClientView(spec, "moves", partial(move_rows, tables, actors))


def moves_by_holder_figure(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = bars_spec(
        "Moves by holder",
        x="holder",
        color="move",
        colors=MOVE_COLOURS,
        orientation="h",
        xtitle="moves",
        evidence=MOVE_EVIDENCE,
    )
    return ClientView(spec, "moves", partial(move_rows, tables, actors))


def position_matrix(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = {
        "kind": "matrix",
        "title": "Latest move of each holder on each issue",
        "x": "issue",
        "y": "holder",
        "value": "move",
        "colors": MOVE_COLOURS,
        "evidence": MOVE_EVIDENCE,
    }
    return ClientView(spec, "moves", partial(move_rows, tables, actors))


def moves_timeline(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = {
        "kind": "timeline",
        "title": "Moves over time",
        "y": "holder",
        "color": "move",
        "colors": MOVE_COLOURS,
        "evidence": MOVE_EVIDENCE,
    }
    return ClientView(spec, "moves", partial(move_rows, tables, actors))


def exchange_sankey(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = {
        "kind": "sankey",
        "title": "Who made moves on which issue, to whom",
        "source": "holder",
        "target": "issue",
        "top": 30,
        "evidence": MOVE_EVIDENCE,
    }
    return ClientView(spec, "moves", partial(move_rows, tables, actors))


def moves_list(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = list_spec(
        "Every move, with its sentence",
        columns=MOVE_LIST_COLUMNS,
        empty="No moves for these filters.",
    )
    return ClientView(spec, "moves", partial(move_rows, tables, actors))


# --- the views of notebook 02 ---------------------------------------------------------


def mentions_by_actor_figure(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = bars_spec("Mentions by actor", x="actor", orientation="h", xtitle="mentions", top=TOP_N)
    return ClientView(spec, "mentions", partial(mention_rows, tables, actors))


def mentions_by_actor_table(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = table_spec(
        "Mentions by actor",
        group=["actor"],
        values=[
            {"label": "mentions", "fn": "count"},
            {"label": "articles", "fn": "docs"},
            {"label": "outlets", "fn": "distinct", "col": "outlet"},
        ],
    )
    return ClientView(spec, "mentions", partial(mention_rows, tables, actors))


def mentions_by_outlet_group(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = bars_spec(
        "Mentions by outlet group (click the legend to hide an actor)",
        x="outlet_group",
        color="actor",
        color_top=10,
        ytitle="mentions",
    )
    spec["compare"] = True  # groups by default, outlets when the bar says so
    return ClientView(spec, "mentions", partial(mention_rows, tables, actors))


def mentions_over_time(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = {
        "kind": "time",
        "title": "Mentions over time (the most mentioned actors)",
        "ytitle": "mentions",
        "color": "actor",
        "color_top": 8,
    }
    return ClientView(spec, "mentions", partial(mention_rows, tables, actors))


def rollup_figure(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = bars_spec(
        "Mentions by state (an actor counts under the state it belongs to)",
        x="state",
        orientation="h",
        xtitle="mentions",
    )
    return ClientView(spec, "mentions", partial(mention_rows, tables, actors))


def rollup_table(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = table_spec(
        "Mentions by state, with the actors counted under it",
        group=["state"],
        values=[
            {"label": "mentions", "fn": "count"},
            {"label": "articles", "fn": "docs"},
            {"label": "actors", "fn": "list", "col": "actor"},
        ],
    )
    return ClientView(spec, "mentions", partial(mention_rows, tables, actors))


def cooccurrence_figure(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = {
        "kind": "cooccur",
        "title": "Sentences that mention both actors (the 15 most mentioned)",
        "actor": "actor",
        "sentence": "sent",
        "top": 15,
        "evidence": ARTICLE_EVIDENCE,
    }
    return ClientView(spec, "mentions", partial(mention_rows, tables, actors))


def kwic_table(tables: Any, actor_id: str, actors: pd.DataFrame | None = None) -> ClientView:
    rows = kwic_rows(tables, actor_id, actors)
    label = rows["actor"].iloc[0] if len(rows) else actor_id
    spec = list_spec(
        f"Mentions of {label} in their sentence",
        columns=["date", "outlet", "before", "mention", "after"],
        empty="No mention of this actor for these filters.",
    )
    return ClientView(spec, f"kwic:{actor_id}", lambda: rows)


# --- the views of notebook 03 ---------------------------------------------------------

STANCE_EVIDENCE = ["outlet", "date", "speaker", "hedged", "chain", "reason", "sentence"]
STANCE_COLOURS = {
    "support": "#2ca02c",
    "oppose": "#d62728",
    "conditional": "#ff7f0e",
    "neutral": "#7f7f7f",
}


def stance_timeline(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = {
        "kind": "timeline",
        "title": "Stances over time (holder · issue)",
        "y": ["holder", "issue"],
        "color": "polarity",
        "colors": STANCE_COLOURS,
        "evidence": STANCE_EVIDENCE,
    }
    return ClientView(spec, "stances", partial(stance_rows_of, tables, actors))


def stance_summary(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = table_spec(
        "Stances by holder and issue",
        group=["holder", "issue"],
        pivot="polarity",
        pivot_order=list(STANCE_COLOURS),
        values=[
            {"label": "hedged", "fn": "equals", "col": "hedged", "value": "hedged"},
            {"label": "first date", "fn": "min_date"},
            {"label": "last date", "fn": "max_date"},
        ],
        evidence=STANCE_EVIDENCE,
    )
    return ClientView(spec, "stances", partial(stance_rows_of, tables, actors))


def stance_by_outlet_group(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = {
        "kind": "heat",
        "title": "What each outlet group reports: stances per holder · issue",
        "x": "outlet_group",
        "y": ["holder", "issue"],
        "color": "polarity",
        "colors": STANCE_COLOURS,
        "top": 20,
        "evidence": STANCE_EVIDENCE,
    }
    spec["compare"] = True  # groups by default, outlets when the bar says so
    return ClientView(spec, "stances", partial(stance_rows_of, tables, actors))


def stance_by_outlet(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = table_spec(
        "What each outlet reports, per holder and issue",
        group=["holder", "issue", "outlet"],
        pivot="polarity",
        pivot_order=list(STANCE_COLOURS),
        evidence=STANCE_EVIDENCE,
    )
    return ClientView(spec, "stances", partial(stance_rows_of, tables, actors))


def source_sankey(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = {
        "kind": "sankey",
        "title": "Whom the outlets rely on: outlet group → cited outlet or agency → speaker",
        "chain": ["outlet_group", "via", "speaker"],
        "top": 30,
        "evidence": [*ARTICLE_EVIDENCE, "hedged"],
    }
    spec["compare"] = True  # groups by default, outlets when the bar says so
    return ClientView(spec, "claims", partial(claim_rows_of, tables, actors))


def chains_table(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = table_spec(
        "Source chains: who cites whom",
        group=["outlet", "via", "speaker"],
        values=[
            {"label": "sentences", "fn": "count"},
            {"label": "hedged", "fn": "equals", "col": "hedged", "value": "hedged"},
            {"label": "stances", "fn": "sum", "col": "stances"},
        ],
        evidence=[*ARTICLE_EVIDENCE, "hedged"],
    )
    return ClientView(spec, "claims", partial(claim_rows_of, tables, actors))


def stance_list(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = list_spec(
        "Every stance, with its sentence",
        columns=[
            "date",
            "outlet",
            "holder",
            "issue",
            "polarity",
            "hedged",
            "speaker",
            "chain",
            "sentence",
            "reason",
        ],
        empty="No stances for these filters.",
    )
    return ClientView(spec, "stances", partial(stance_rows_of, tables, actors))


def exchanges_list(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = list_spec(
        "Moves made to a named counterpart or with something asked in return",
        columns=[
            "date",
            "outlet",
            "holder",
            "move",
            "counterpart",
            "issue",
            "in_exchange_for",
            "modality",
            "hedged",
            "sentence",
        ],
        empty="No exchanges for these filters.",
    )
    spec["require_any"] = ["counterpart", "in_exchange_for"]
    return ClientView(spec, "moves", partial(move_rows, tables, actors))


def reports_agree(tables: Any, actors: pd.DataFrame | None = None) -> ClientView:
    spec = table_spec(
        "Do the reports agree? Each holder's moves on a named issue as two or more outlets "
        "report them, over the dates chosen in the bar (disagreements first)",
        group=["holder", "issue"],
        values=[
            {"label": "outlets", "fn": "distinct", "col": "outlet"},
            {"label": "moves", "fn": "count"},
            {"label": "reports", "fn": "agree", "col": "move", "by": "outlet"},
        ],
        evidence=MOVE_EVIDENCE,
    )
    spec["having"] = {"col": "outlet", "min": 2}
    spec["first"] = {"label": "reports", "prefix": "differ"}
    spec["where_not"] = {"issue": NO_ISSUE}
    spec["empty"] = "No move on a named issue reported by two outlets for these filters."
    return ClientView(spec, "moves", partial(move_rows, tables, actors))
