# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Negotiation positions
#
# What each party offered, demanded or refused, on which issue, towards whom and in
# exchange for what, as the articles report it (headline and body sentences).
#
# **Move types.** `offer` (proposes to give something), `demand` (asks for something),
# `condition` (ties its own step to another's), `accept`, `reject`, `guarantee` (vouches
# for another party's step), `threat` and `agreement` (a deal signed or reached).
#
# **Holder, counterpart, issue.** The holder makes the move; the counterpart is the party
# it is made to, when the sentence names one; the issue is what the move is about (the
# issue ids of `analysis/data/issues.yaml`, e.g. `iranian_presence`, `southern_syria`,
# `al_tanf`). "(issue not named)" means the tagger found the move but no listed issue.
#
# **Modality.** `asserted` (it happened or was said), `negated` ("لم/لن/لا تقبل"),
# `hypothetical` ("إذا / في حال") or `future` ("س/سوف"). Labels show it: `not accept`,
# `guarantee (if)`, `offer (future)`.
#
# **Hedging.** A move reported through a hedged source ("مصادر مطلعة", "يُعتقد أن") carries
# a `?` after its type (`demand?`), a lighter colour in the matrix and an open marker in
# the timeline.
#
# **Exchanges.** What is asked in return, after مقابل, شرط, على أن or قبل أن: e.g. "USA
# offers us_presence to SYR in exchange for southern_syria".
#
# **How far to trust it.** On the annotated development pages nine moves in ten are right
# and about half of the moves a careful reader sees are found; on pages nobody here
# annotated, blind checks found about four in five with the right holder
# (`docs/reader.md`). The counterpart is the weakest column: on the development pages it
# is the reader's on a little over half the rows, nearly always because it is left empty
# where the reader names one; a counterpart the tagger does name is the reader's about
# nineteen times in twenty. The evidence sentence is behind every row.
#
# Hover over any cell, marker or link for the sentence it rests on, with outlet and date;
# in an exported report, click it to list every sentence behind it with the tagger's reason.

# %% tags=["parameters"]
CORPUS = None  # a folder or table file; None: $ANALYSIS_CORPUS, else the seeds/ folder
OUTLETS = []  # outlets to keep; empty: all
DATE_FROM = None  # "YYYY-MM-DD" or None
DATE_TO = None  # "YYYY-MM-DD" or None
LANG = "both"  # actor labels in figures: "en", "ar" or "both"
COMPARE_BY = "outlet"  # compare the accounts of "outlet"s or of single articles ("doc_id")
COMPARE_DAYS = 30  # reports this many days apart belong to one period (None: all together)
COMPARE_UNNAMED = False  # also compare moves whose issue was not named
INTERACTIVE = True  # live filter widgets (False in report builds: filters live in figures)

# %%
# ruff: noqa: E402 (papermill parameters come first)
from IPython.display import display

from analysis.panel import widgets
from analysis.report import notebook
from analysis.views import position_data, position_figures, position_tables, report_views

T = notebook.open_tables(
    CORPUS, outlets=OUTLETS, start=DATE_FROM, end=DATE_TO, notebook="04 negotiation positions"
)
ACTORS = notebook.load_actors()

# %% tags=["hide-in-report"]
# NBVAL_CHECK_OUTPUT
print(position_tables.render(position_data.move_counts(T)))

# %% [markdown]
# ## Filters

# %%
panel = widgets.FilterPanel(T, interactive=INTERACTIVE)
display(panel)

# %% [markdown]
# ## Moves by holder
# How many moves of each type every holder made, and how many were reported hedged.

# %%
panel.register(
    position_tables.counts_table, client=lambda t: report_views.moves_by_holder_table(t, ACTORS)
)

# %% [markdown]
# ## Position matrix
# Each cell is the holder's **latest** move on the issue (by article date; undated moves
# count as the oldest). Colour = move type, lighter = hedged. The hover gives the evidence
# sentence and how many moves the cell holds; the table lists the earlier ones.

# %%
panel.register(
    lambda t: position_figures.matrix_figure(t, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.position_matrix(t, ACTORS),
)

# %%
panel.register(
    lambda t: position_tables.latest_table(t, actors=ACTORS),
    client=lambda t: report_views.moves_list(t, ACTORS),
)

# %% [markdown]
# ## Moves over time
# One row per holder, one marker per move; colour and symbol give the move type, an open
# symbol a hedged report. Moves of the same type on the same day share one marker, whose
# hover says how many there are and shows the earliest. Use the date slider under the plot
# to zoom.

# %%
panel.register(
    lambda t: position_figures.timeline_figure(t, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.moves_timeline(t, ACTORS),
)

# %% [markdown]
# ## Exchanges
# Moves made to a named counterpart or with something asked in return. In the diagram,
# flows run from the holder to the issue of the move (grey) and on to what is asked in
# exchange (dark grey, ↩); a link's colour is the move type.

# %%
panel.register(
    lambda t: position_figures.exchange_figure(t, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.exchange_sankey(t, ACTORS),
)

# %%
panel.register(
    position_tables.exchange_table, client=lambda t: report_views.exchanges_list(t, ACTORS)
)

# %% [markdown]
# ## Do the reports agree?
# The same holder's move on the same issue, reported by several outlets within
# `COMPARE_DAYS` days of each other: one column per outlet with its account, then whether
# the accounts agree (same move types and modality; hedging is shown but not counted) or
# differ, and how. Disagreements come first. Moves without a named issue are left out
# (set `COMPARE_UNNAMED = True` to include them), and so are undated ones unless
# `COMPARE_DAYS = None`. In an exported report the table compares the accounts over the
# dates chosen in the filter bar (choose a short range to compare one event).

# %%
panel.register(
    lambda t: position_tables.comparison_table(
        t, by=COMPARE_BY, days=COMPARE_DAYS, include_unnamed=COMPARE_UNNAMED, actors=ACTORS
    ),
    client=lambda t: report_views.reports_agree(t, ACTORS),
)
