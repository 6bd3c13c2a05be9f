"""What the notebooks show: summary tables, HTML rendering and plotly figures.

Views take a tables object and return DataFrames, ``Table`` HTML or figures. They import
``text``, ``tag`` (labels, lexicon data) and ``pipeline``; never ``panel`` or ``report``.
"""
