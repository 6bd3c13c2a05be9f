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
# # Corpus overview
#
# What the corpus holds: articles by outlet and date, what each date rests on, sections,
# files that could not be read, and near-duplicate groups (the same story republished).
# Run it on another corpus by changing `CORPUS` below (or `analysis report --corpus PATH`).

# %% tags=["parameters"]
CORPUS = None  # a folder or table file; None: $ANALYSIS_CORPUS, else the seeds/ folder
OUTLETS = []  # outlets to keep; empty: all
DATE_FROM = None  # "YYYY-MM-DD" or None
DATE_TO = None  # "YYYY-MM-DD" or None
INTERACTIVE = True  # live filter widgets (False in report builds: filters live in figures)

# %%
# ruff: noqa: E402 (papermill parameters come first)
from IPython.display import display

from analysis.panel import widgets
from analysis.report import notebook
from analysis.views import corpus_figures, corpus_tables, html, report_views

T = notebook.open_tables(
    CORPUS, outlets=OUTLETS, start=DATE_FROM, end=DATE_TO, notebook="01 corpus overview"
)

# %% tags=["hide-in-report"]
# NBVAL_CHECK_OUTPUT
print(html.render(corpus_tables.articles_by_outlet(T.documents)))

# %% [markdown]
# ## Filters
# Outlets (or outlet groups) and dates chosen here update every figure and table below;
# in an exported report the bar does it in the page, with no kernel. Click a bar or a
# table row to list the articles behind it.

# %%
panel = widgets.FilterPanel(T, interactive=INTERACTIVE)
display(panel)

# %% [markdown]
# ## Articles by outlet and date

# %%
panel.register(
    lambda t: html.render(corpus_tables.articles_by_outlet(t.documents)),
    client=report_views.articles_by_outlet_table,
)

# %%
panel.register(
    lambda t: corpus_figures.articles_over_time(t.documents), client=report_views.articles_over_time
)

# %% [markdown]
# ## What each date rests on
# `stated`: written in the article; `inferred`: from the events it reports (manifest);
# `url`: a date in the URL; `metadata`: a table column; `unknown`: nothing says.

# %%
panel.register(
    lambda t: corpus_figures.articles_by_outlet(t.documents),
    client=report_views.articles_by_outlet_figure,
)

# %%
panel.register(
    lambda t: html.render(corpus_tables.date_sources(t.documents)),
    client=report_views.date_sources_table,
)

# %% [markdown]
# ## Sections
# Analyses count headline and body sentences only.

# %%
panel.register(corpus_figures.sections_chart, client=report_views.sections_figure)

# %%
panel.register(
    lambda t: html.render(corpus_tables.sections(t.sentences)), client=report_views.sections_table
)

# %% [markdown]
# ## Files that could not be read

# %%
html.render(T.rejected, caption=f"{len(T.rejected)} rejected file(s) or manifest row(s)")

# %% [markdown]
# ## Near-duplicate groups
# Groups with more than one article: the same story in several outlets or republished.

# %%
panel.register(
    lambda t: html.render(corpus_tables.duplicate_groups(t.documents)),
    client=report_views.duplicates_table,
)
