"""analysis.views.client_rows and report_views: what the report's filter bar counts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.pipeline.outlets import groups_of
from analysis.tag.actors import actors_table
from analysis.views import client_rows, report_views


@pytest.fixture(scope="module")
def actors() -> pd.DataFrame:
    return actors_table()


def test_documents_carry_group_labels_and_iso_dates(fixture_tables):
    docs = client_rows.documents_rows(fixture_tables)
    assert list(docs["doc"]) == list(range(len(fixture_tables.documents)))
    assert docs["outlet_group"].str.len().gt(0).all()  # an English label, "Other" at least
    dated = docs["date"][docs["date"] != ""]
    assert dated.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


@pytest.mark.parametrize(
    ("outlet", "group"),
    [
        ("Al Arabiya", "gulf"),
        ("SANA (Syrian Arab News Agency)", "syrian_government"),
        ("nobody-knows.example", "other"),
    ],
)
def test_groups_of_outlet_names(outlet, group):
    assert groups_of(pd.Series([outlet])).tolist() == [group]


def test_moves_are_named_in_english_and_point_at_their_documents(fixture_tables, actors):
    rows = client_rows.move_rows(fixture_tables, actors)
    pos = fixture_tables.positions
    assert len(rows) == len(pos)
    assert "United States" in set(rows["holder"]) and "USA" not in set(rows["holder"])
    doc_ids = fixture_tables.documents["doc_id"].to_numpy()
    assert set(doc_ids[rows["doc"]]) == set(pos["doc_id"])
    assert rows["reason"].str.len().gt(0).all() and rows["sentence"].str.len().gt(0).all()


def test_mentions_roll_up_to_states(fixture_tables, actors):
    rows = client_rows.mention_rows(fixture_tables, actors)
    by_actor = rows.drop_duplicates("actor").set_index("actor")["state"]
    assert by_actor.get("Islamic Revolutionary Guard Corps") == "Iran"


VIEWS = [
    *("articles_by_outlet_table", "articles_over_time", "articles_by_outlet_figure"),
    *("date_sources_table", "sections_figure", "sections_table", "duplicates_table"),
    *("mentions_by_actor_figure", "mentions_by_actor_table", "mentions_by_outlet_group"),
    *("mentions_over_time", "rollup_figure", "rollup_table", "cooccurrence_figure"),
    *("stance_timeline", "stance_summary", "stance_by_outlet_group", "stance_by_outlet"),
    *("source_sankey", "chains_table", "stance_list"),
    *("moves_by_holder_table", "position_matrix", "moves_list", "moves_timeline"),
    *("exchange_sankey", "exchanges_list", "reports_agree"),
]


@pytest.mark.parametrize("name", VIEWS)
def test_every_view_names_columns_its_rows_have(fixture_tables, name):
    """A spec may name a row column or a document column; nothing else."""
    out = getattr(report_views, name)(fixture_tables)
    docs = set(client_rows.DOCUMENT_COLUMNS)
    have = set(out.rows.columns) | docs
    spec = out.spec
    named = [spec.get(k) for k in ("x", "y", "color", "weight", "value", "actor", "sentence")]
    named += spec.get("group", []) + spec.get("columns", []) + spec.get("chain", [])
    named += [v.get("col") for v in spec.get("values", [])] + [spec.get("pivot")]
    named += [v.get("by") for v in spec.get("values", [])] + list(spec.get("where_not", {}))
    named += [spec.get("having", {}).get("col")]
    flat = [c for n in named if n for c in (n if isinstance(n, list) else [n])]
    assert set(flat) <= have | {"date"}, set(flat) - have
    assert "doc" in out.rows.columns


def test_issues_are_named_by_their_short_english_names():
    import pandas as pd

    from analysis.views.client_rows import NO_ISSUE, issue_names

    got = issue_names(pd.Series(["us_presence", "oil|al_tanf", ""])).tolist()
    assert got == ["US presence", "oil | al-Tanf", NO_ISSUE]
