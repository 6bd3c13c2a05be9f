"""Loading a corpus: decoding, the manifest, saved pages, sections, segmentation, dedup.

Imports only ``analysis.text`` and ``analysis.resources``.
"""
