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
# # Stances over time
#
# Who is for or against what, when, and on whose word. A **stance** ties a *holder* (an
# actor: Russia, the IRGC, Netanyahu …) to an *issue* (Iranian forces in Syria, the US
# presence, southern Syria, sanctions …) in one sentence, with a **polarity**:
#
# - `support`: the holder wants it or defends it ("Iran's advisers will stay");
# - `oppose`: the holder wants it ended or rejects it ("Israel will not accept any Iranian
#   military presence");
# - `conditional`: the holder accepts it, or its end, only on a condition, or links it to
#   something else ("Moscow ties the Iranians' exit to the US leaving al-Tanf");
# - `neutral`: the holder discusses it without taking a side.
#
# A stance is **hedged** when the outlet does not put it on record: alleged (زعم، ادعى),
# unconfirmed, or from unnamed sources or "reports". Hedged stances are drawn with open,
# fainter markers and marked "hedged" in hovers and tables.
#
# The **source chain** says how a claim reached the reader: the outlet, then the outlet or
# agency it cites, then the speaker (`Example Times > Al-Akhbar > unnamed source`). Hover
# over any point or cell for the sentence behind it, with its outlet, date, speaker and
# source chain; in an exported report, click it to list every sentence behind the number.
#
# **How far to trust it.** On 235 news pages nobody here annotated, readers checking every
# stance row blind found about three in five right on both holder and stance, and four in
# five with the right holder (moves: about three in four right on both); on the annotated
# development pages, two stance rows in three. Read the evidence sentence before you count
# a stance (`docs/reader.md`, "How it reads pages nobody here annotated").

# %% tags=["parameters"]
CORPUS = None  # a folder or table file; None: $ANALYSIS_CORPUS, else the seeds/ folder
OUTLETS = []  # outlets to keep; empty: all
DATE_FROM = None  # "YYYY-MM-DD" or None
DATE_TO = None  # "YYYY-MM-DD" or None
LANG = "en"  # actor labels: "en", "ar" or "both"
FREQ = "M"  # time step of the stance timeline: "M" (month) or "Q" (quarter)
INTERACTIVE = True  # live filter widgets (False in report builds: filters live in figures)

# %%
# ruff: noqa: E402 (papermill parameters come first)
from IPython.display import display

from analysis.panel import widgets
from analysis.report import notebook
from analysis.views import report_views, stance_figures, stance_tables

T = notebook.open_tables(
    CORPUS, outlets=OUTLETS, start=DATE_FROM, end=DATE_TO, notebook="03 stance"
)
ACTORS = notebook.load_actors()

# %% tags=["hide-in-report"]
# NBVAL_CHECK_OUTPUT
print(stance_tables.counts_table(T))

# %% [markdown]
# ## Filters

# %%
panel = widgets.FilterPanel(T, interactive=INTERACTIVE)
display(panel)

# %% [markdown]
# ## Stances over time
# One row per holder and issue; colour and shape give the polarity, size the number of
# stances in the period, open markers the hedged ones. Set `FREQ = "Q"` for quarters.

# %%
panel.register(
    lambda t: stance_figures.stance_timeline(t, freq=FREQ, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.stance_timeline(t, ACTORS),
)

# %% [markdown]
# ## Holder and issue summary
# Counts by polarity, the share that is hedged, first and last date, and the latest stance
# with its evidence (from the attitude word to the issue).

# %%
panel.register(
    lambda t: stance_tables.summary_table(t, ACTORS),
    client=lambda t: report_views.stance_summary(t, ACTORS),
)

# %% [markdown]
# ## Do the outlets agree?
# For each holder and issue, what each outlet reports. `differ` rows (marked ≠ in the
# figure) are where outlets give the same actor different positions — or one outlet
# reports several; `one outlet` rows cannot be cross-checked.

# %%
panel.register(
    lambda t: stance_figures.outlet_comparison_heatmap(t, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.stance_by_outlet_group(t, ACTORS),
)

# %%
panel.register(
    lambda t: stance_tables.comparison_table(t, ACTORS),
    client=lambda t: report_views.stance_by_outlet(t, ACTORS),
)

# %% [markdown]
# ## Source chains
# Whom each outlet relies on: the outlets and agencies it cites and the speakers it
# quotes, over every attributed sentence (not only those with a stance). The `stances`
# column counts the stances carried by each chain.

# %%
panel.register(
    lambda t: stance_figures.source_chain_sankey(t, ACTORS),
    client=lambda t: report_views.source_sankey(t, ACTORS),
)

# %%
panel.register(
    lambda t: stance_tables.chains_table(t, ACTORS),
    client=lambda t: report_views.chains_table(t, ACTORS),
)

# %% [markdown]
# ## Stances in their sentences
# Every stance with the words around its evidence, read right to left.

# %%
panel.register(
    lambda t: stance_tables.evidence_table(t, ACTORS),
    client=lambda t: report_views.stance_list(t, ACTORS),
)
