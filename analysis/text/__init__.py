"""Text basics every stage shares: special characters, Arabic folding (with offsets), dates
in values, texts and URLs, safe display.

Imports only ``analysis.resources`` from the rest of the package.
"""
