"""Values every stage's tables share, defined once (the columns: ``docs/tables.md``).

The loader labels each paragraph and sentence with one of ``SECTIONS``; the taggers, the
views and the evaluation count only ``COUNTED_SECTIONS`` — what a reader takes as the
article (its headline and body), not captions, bylines or page furniture.
"""

#: Section labels of ``sentences.section`` (``analysis/data/sections.yaml`` gives them).
SECTIONS = ("headline", "body", "caption", "meta", "boilerplate")
#: The sections the analyses count: the article's own text.
COUNTED_SECTIONS = ("headline", "body")
