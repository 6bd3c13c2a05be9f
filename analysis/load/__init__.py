"""Loading a corpus: finding and reading files and tables, decoding, the manifest, saved
pages, publication dates, sections, segmentation, dedup, the process pool.

Imports only ``analysis.text`` and the basics (``analysis.resources``, ``analysis.schema``).
"""
