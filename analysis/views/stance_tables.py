"""The stance tables of notebook 03, rendered (``analysis.views.html.render``): counts,
the holder × issue summary, what each outlet reports, source chains and evidence."""

from __future__ import annotations

import pandas as pd

from analysis.views.html import KWIC_LAYOUT, HtmlTable, render
from analysis.views.menus import present_outlets
from analysis.views.rows import stances_of
from analysis.views.stance_data import (
    NO_STANCES,
    POLARITIES,
    holder_issue_summary,
    outlet_comparison,
    source_chains,
    stance_counts,
    stance_evidence,
)


def counts_table(tables) -> HtmlTable:
    """``stance_counts`` of the tables' stances, rendered (ids only: stable plain text)."""
    frame = stance_counts(stances_of(tables))
    return render(frame, caption="Stances by holder and issue", empty=NO_STANCES)


def summary_table(tables, actors: pd.DataFrame | None = None) -> HtmlTable:
    """``holder_issue_summary`` of the tables' stances, rendered."""
    frame = holder_issue_summary(stances_of(tables), actors)
    if not frame.empty:  # the ids and the hedged flag are folded in, for a narrower table
        hedged = frame["latest_hedged"].map({True: " (hedged)", False: ""})
        frame = frame.assign(latest=frame["latest_polarity"] + hedged)
    shown = ["holder", "issue", *POLARITIES, "stances", "hedged_share", "outlets"]
    shown += ["first_date", "last_date", "latest", "latest_outlet", "latest_evidence"]
    frame = frame.reindex(columns=shown)
    return render(frame, caption="Stances by holder and issue", empty=NO_STANCES)


def comparison_table(tables, actors: pd.DataFrame | None = None) -> HtmlTable:
    """``outlet_comparison`` of the tables' stances, rendered (outlets in article order)."""
    st = stances_of(tables)
    docs = getattr(tables, "documents", None)
    outlets = None if docs is None or st.empty else present_outlets(docs, st["outlet"])
    frame = outlet_comparison(st, actors, outlets=outlets).drop(columns="holder_id")
    caption = "What each outlet reports, per holder and issue"
    return render(frame, caption=caption, empty=NO_STANCES)


def chains_table(
    tables, actors: pd.DataFrame | None = None, *, stances_only: bool = False
) -> HtmlTable:
    """``source_chains`` rendered."""
    frame = source_chains(tables, actors, stances_only=stances_only)
    # ids and the example chain (mixed directions) are left out: the columns are the chain
    frame = frame[["outlet", "via", "speaker", "speaker_kind", "claims", "hedged", "stances"]]
    caption = "Who each outlet relies on: cited outlets/agencies and speakers"
    return render(frame, caption=caption, empty="no attributed claims in this selection.")


def evidence_table(tables, actors: pd.DataFrame | None = None, **kwargs) -> HtmlTable:
    """``stance_evidence`` rendered right to left, contexts hugging the evidence."""
    frame = stance_evidence(tables, actors, **kwargs)
    caption = "Stances in their sentences"
    return render(frame, caption=caption, empty=NO_STANCES, **KWIC_LAYOUT)
