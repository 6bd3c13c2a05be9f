"""Text basics every stage shares: Arabic folding with offsets, dates, safe display.

Imports nothing from the rest of the package.
"""
