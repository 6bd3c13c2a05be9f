"""Remembered hovers: a live panel shows mostly the same points again after a filter
change, so each hover text is kept under what it was made from.

Installed onto ``analysis.views.hovers.remembered`` when ``analysis.panel`` is imported.
The key is derived, not built by hand: the function that makes the hover and its arguments
(``remembered(make, *args)``), which the views keep to what the hover depends on. A key
with an unhashable argument is made afresh; the store is emptied when full.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from analysis.views import hovers
from analysis.views.providers import install

#: Hovers made for live panels, by ``(make, *args)``.
HOVERS: dict[tuple, str] = {}
HOVERS_KEPT = 50_000


def remembered(_plain, make: Callable[..., str], *args: Hashable) -> str:
    """``make(*args)``, remembered under ``(make, *args)``."""
    key = (make, *args)
    try:
        text = HOVERS.get(key)
    except TypeError:
        return make(*args)
    if text is None:
        text = make(*args)
        if len(HOVERS) >= HOVERS_KEPT:
            HOVERS.clear()
        HOVERS[key] = text
    return text


install(hovers.remembered, remembered)
