"""analysis.views.menus: outlets in article order for the per-outlet menus."""

from __future__ import annotations

import pandas as pd

from analysis.views import menus


def test_present_outlets_in_article_order_then_unknown_by_name():

    docs = pd.DataFrame({"outlet": ["b", "a", "a", "c"]})
    assert menus.present_outlets(docs, pd.Series(["c", "z", "a", "y", None])) == [
        "a",
        "c",
        "y",
        "z",
    ]
