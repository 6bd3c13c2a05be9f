"""Arabic names spelt in Latin letters for readers who do not read Arabic.

camel-tools' Habash-Soudi-Buckwalter mapping (``ar2hsb``), letter by letter: one Latin
letter per Arabic one, so a name can be told apart and looked up ("صحيفة الوطن" →
"SHyfħ AlwTn"), not read aloud. It needs no model or data download.
"""

from __future__ import annotations

import functools

from camel_tools.utils.charmap import CharMapper

from analysis.text.safety import has_arabic


@functools.cache
def _mapper() -> CharMapper:
    return CharMapper.builtin_mapper("ar2hsb")


@functools.lru_cache(maxsize=10_000)
def romanise(text: str) -> str:
    """``text`` in HSB Latin letters (other characters kept)."""
    return _mapper()(text)


def with_romanised(text: str) -> str:
    """``text`` followed by its romanisation in brackets when it holds Arabic."""
    return f"{text} ({romanise(text)})" if has_arabic(text) else text
