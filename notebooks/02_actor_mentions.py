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
# # Actor mentions
#
# Who is mentioned, where and when: counts by actor, by outlet and over time, the
# affiliation roll-up, actors mentioned together, and every mention of one actor in its
# sentence. Headline and body sentences only. Hover over any bar or cell for an example
# sentence with its outlet and date; in an exported report, click it to list the articles
# behind the number.

# %% tags=["parameters"]
CORPUS = None  # a folder or table file; None: $ANALYSIS_CORPUS, else the seeds/ folder
OUTLETS = []  # outlets to keep; empty: all
DATE_FROM = None  # "YYYY-MM-DD" or None
DATE_TO = None  # "YYYY-MM-DD" or None
LANG = "both"  # actor labels: "en", "ar" or "both"
KWIC_ACTOR = None  # actor id for the keyword-in-context view (None: the most mentioned)
INTERACTIVE = True  # live filter widgets (False in report builds: filters live in figures)

# %%
# ruff: noqa: E402 (papermill parameters come first)
from IPython.display import display

from analysis.panel import widgets
from analysis.report import notebook
from analysis.views import html, mention_figures, mention_tables, report_views

T = notebook.open_tables(
    CORPUS, outlets=OUTLETS, start=DATE_FROM, end=DATE_TO, notebook="02 actor mentions"
)
ACTORS = notebook.load_actors()

# %% tags=["hide-in-report"]
# NBVAL_CHECK_OUTPUT
print(
    html.render(
        mention_tables.mentions_by_actor(T)[["actor_id", "mentions", "articles", "outlets"]]
    )
)

# %% [markdown]
# ## Filters

# %%
panel = widgets.FilterPanel(T, interactive=INTERACTIVE)
display(panel)

# %% [markdown]
# ## Mentions by actor

# %%
panel.register(
    lambda t: mention_figures.mentions_by_actor(t, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.mentions_by_actor_figure(t, ACTORS),
)

# %%
panel.register(
    lambda t: html.render(mention_tables.mentions_by_actor(t, ACTORS)),
    client=lambda t: report_views.mentions_by_actor_table(t, ACTORS),
)

# %% [markdown]
# ## By outlet group
# In the report, mentions per outlet group (choose outlets or groups in the filter bar);
# live, per outlet.

# %%
panel.register(
    lambda t: mention_figures.mentions_by_outlet(t, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.mentions_by_outlet_group(t, ACTORS),
)

# %% [markdown]
# ## Over time

# %%
panel.register(
    lambda t: mention_figures.mentions_over_time(t, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.mentions_over_time(t, ACTORS),
)

# %% [markdown]
# ## Affiliation roll-up
# An actor counts under the actor it belongs to (the Quds Force under the IRGC, a minister
# under his state), else itself. The table follows each chain to the top state.

# %%
panel.register(
    lambda t: mention_figures.rollup_chart(t, ACTORS, lang=LANG),
    client=lambda t: report_views.rollup_figure(t, ACTORS),
)

# %%
panel.register(
    lambda t: html.render(mention_tables.rollup(t, ACTORS, level="state")),
    client=lambda t: report_views.rollup_table(t, ACTORS),
)

# %% [markdown]
# ## Actors mentioned in the same sentence

# %%
panel.register(
    lambda t: mention_figures.cooccurrence_heatmap(t, lang=LANG, actors=ACTORS),
    client=lambda t: report_views.cooccurrence_figure(t, ACTORS),
)

# %% [markdown]
# ## Keyword in context
# Every mention of one actor in its sentence, read right to left. Change `KWIC_ACTOR`
# (an actor id from the table above) to see another actor.

# %%
kwic_actor = KWIC_ACTOR or mention_tables.top_actor(T)
panel.register(
    lambda t: html.render(
        mention_tables.kwic(t, kwic_actor, actors=ACTORS),
        caption=f"Mentions of {kwic_actor}",
        **html.KWIC_LAYOUT,
    ),
    client=lambda t: report_views.kwic_table(t, kwic_actor, ACTORS),
)
