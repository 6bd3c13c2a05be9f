"""Outlet comparison groups for the tables' ``outlet`` column (views and reports read them
here, as they read everything the load stage knows, through the pipeline)."""

from __future__ import annotations

import pandas as pd

from analysis.load.outlets import OTHER_GROUP, outlet_group, outlet_groups

__all__ = ["OTHER_GROUP", "group_labels", "groups_of"]


def groups_of(outlets: pd.Series) -> pd.Series:
    """The comparison group id of each outlet name (``other`` for an unknown outlet)."""
    names = outlets.astype("object")
    lookup = {name: outlet_group(name) for name in pd.unique(names)}
    return names.map(lookup).astype("object")


def group_labels() -> dict[str, str]:
    """Group id → English label, in the file's order."""
    table = outlet_groups()
    return dict(zip(table["id"].tolist(), table["label_en"].tolist(), strict=True))
