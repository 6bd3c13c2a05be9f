"""The live filter panel and everything that only makes its updates fast.

Imports ``views`` (whose providers it memoises) and what they import; never ``report``.
Importing the package installs the fast versions of the views' providers
(``analysis.views.providers``): rows cut from the unfiltered tables (``cached_rows``), the
mention index (``mention_index``), remembered hovers (``hovers``) and figures built without
plotly's value checks inside ``plotly_checks(False)`` (``plotly_checks``).
"""

from analysis.panel import cached_rows, hovers, mention_index, plotly_checks

__all__ = ["cached_rows", "hovers", "mention_index", "plotly_checks"]
