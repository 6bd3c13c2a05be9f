"""Tagging: the actor dictionary, lexicons, mentions, attribution, stances and moves.

Each tagger takes the loader's tables and returns its own. Imports ``analysis.text`` and
``analysis.resources`` only (never ``analysis.load``: a tagger reads DataFrames).
"""
