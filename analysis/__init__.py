"""Analyst toolkit for Arabic news on the talks about Iran's military presence in Syria.

The package loads a corpus faithfully (``analysis.load.corpus``), tags actors
(``analysis.tag.mentions``), attribution, stances and negotiation positions, and builds
offline HTML reports from the curated notebooks. Every table keeps character offsets into
the original article text.
"""

__version__ = "0.1.0"
