"""analysis.views.tables: summaries of the tables, and escaped right-to-left HTML."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.views import tables as tbl


def test_render_escapes_cells_and_headers():
    df = pd.DataFrame({"<th onclick=x>": ["<script>alert(1)</script>", '<img onerror="x">']})
    html = tbl.render(df).html
    assert "<script>" not in html and "<img" not in html and "<th onclick" not in html
    assert "&lt;script&gt;" in html and "&lt;th onclick=x&gt;" in html


def test_render_marks_arabic_columns_rtl():
    df = pd.DataFrame({"title": ["إيران تنسحب.", "روسيا تضغط."], "n": [1, 2], "id": ["a", "b"]})
    html = tbl.render(df).html
    assert '<th dir="rtl">title</th>' in html
    assert html.count('<td dir="rtl"') == 2
    assert '<td dir="auto">a</td>' in html


def test_render_strips_data_bidi_controls():
    html = tbl.render(pd.DataFrame({"t": ["exe.\u202etxt"]})).html
    assert "\u202e" not in html and "exe.txt" in html


def test_render_limits_rows_and_says_so():
    t = tbl.render(pd.DataFrame({"n": range(10)}), max_rows=3)
    assert t.html.count("<tr>") == 4  # header + 3
    assert "7 more rows" in t.html


def test_whole_table_rtl():
    assert 'dir="rtl"><table>' in tbl.render(pd.DataFrame({"a": [1]}), direction="rtl").html


def test_text_repr_is_clean_and_stable():
    t = tbl.render(pd.DataFrame({"d": [pd.NaT], "t": ["\u202eنص"]}))
    assert repr(t) == repr(t)
    assert "\u202e" not in repr(t) and "NaT" not in repr(t)


def test_articles_by_outlet(small_tables):
    out = tbl.articles_by_outlet(small_tables.documents)
    assert out["outlet"].iloc[0] == "الشرق"
    assert out.set_index("outlet")["articles"].sum() == len(small_tables.documents)
    assert out.set_index("outlet").loc["Levant Daily", "undated"] == 1


def test_date_sources_columns_in_order(small_tables):
    out = tbl.date_sources(small_tables.documents)
    assert list(out.columns) == ["outlet", "stated", "url", "metadata", "unknown"]
    assert out.drop(columns="outlet").to_numpy().sum() == len(small_tables.documents)


def test_duplicate_groups_only_groups_with_several(small_tables):
    out = tbl.duplicate_groups(small_tables.documents)
    assert out["doc_id"].tolist() == ["a1", "a2"]


def test_mentions_by_actor_counts_headline_and_body(small_tables):
    out = tbl.mentions_by_actor(small_tables, small_tables.actors).set_index("actor_id")
    assert out.loc["iran", "mentions"] == 4
    assert out.loc["irgc", "outlets"] == 3
    assert out.loc["irgc", "label_ar"] == "الحرس الثوري"


def test_mentions_outside_counted_sections_are_left_out(small_tables):
    small_tables.mentions.loc[0, "section"] = "boilerplate"
    out = tbl.mentions_by_actor(small_tables).set_index("actor_id")
    assert out.loc["iran", "mentions"] == 3


def test_rollup_counts_members_under_their_affiliation(small_tables):
    out = tbl.rollup(small_tables, small_tables.actors).set_index("affiliation")
    assert tbl.rollup(small_tables, None).set_index("affiliation").loc["irgc", "mentions"] == 3
    assert out.loc["iran", "mentions"] == 4 + 3
    assert out.loc["iran", "actors"] == "iran, irgc"


def test_cooccurrence_is_symmetric_with_counts_on_the_diagonal(small_tables):
    m = tbl.cooccurrence(small_tables)
    assert (m.to_numpy() == m.to_numpy().T).all()
    assert m.loc["iran", "irgc"] == 1  # a4: one sentence with both
    assert m.loc["iran", "iran"] == 4


def test_kwic_cuts_context_from_the_original_text(small_tables):
    out = tbl.kwic(small_tables, "irgc", actors=small_tables.actors)
    assert len(out) == 3
    first = out.iloc[0]
    assert first["match"] == "الحرس الثوري"
    assert first["before"] == "قال مسؤول إن"
    assert first["after"].startswith("باق في سوريا")
    assert first["actor"] == "IRGC" and first["actor_ar"] == "الحرس الثوري"
    assert "\u202e" not in "".join(out["after"])  # a3's override is stripped


@pytest.mark.parametrize("actor", ["nobody", "iran"])
def test_kwic_on_empty_mentions_or_unknown_actor(small_tables, actor):
    if actor == "iran":
        small_tables.mentions = small_tables.mentions.iloc[0:0]
    assert tbl.kwic(small_tables, actor).empty
    assert tbl.top_actor(small_tables) in (None, "iran")


@pytest.mark.parametrize(
    ("level", "expected"),
    [("affiliation", ["irgc", "IRN", "IRN", "x"]), ("state", ["IRN", "IRN", "IRN", "x"])],
)
def test_affiliations_follow_the_chain_to_the_state(level, expected):
    actors = pd.DataFrame(
        {"id": ["quds", "irgc", "IRN", "x"], "affiliation": ["irgc", "IRN", "IRN", None]}
    )
    assert tbl.affiliations(["quds", "irgc", "IRN", "x"], actors, level=level).tolist() == expected


def test_kwic_layout_hugs_the_match(small_tables):
    html = tbl.render(tbl.kwic(small_tables, "irgc"), **tbl.KWIC_LAYOUT).html
    assert 'dir="rtl"><table>' in html
    assert '<td dir="rtl" style="text-align:left">قال مسؤول إن</td>' in html


def test_kwic_with_a_mention_whose_sentence_row_is_missing(small_tables):
    import copy

    tables = copy.copy(small_tables)
    first = small_tables.mentions.iloc[0]
    sents = small_tables.sentences
    gone = (sents["doc_id"] == first["doc_id"]) & (sents["sent_id"] == first["sent_id"])
    tables.sentences = sents[~gone].reset_index(drop=True)
    actor = first["actor_id"]
    frame = tbl.kwic(tables, actor)
    assert len(frame) == (small_tables.mentions["actor_id"] == actor).sum()


def test_empty_frame_has_the_columns_and_dtypes():
    frame = tbl.empty_frame(["a", "start", "date"], tbl.ROW_DTYPES)
    assert frame.empty and list(frame.columns) == ["a", "start", "date"]
    assert [str(t) for t in frame.dtypes] == ["object", "int64", "datetime64[ns]"]


def test_render_says_empty_in_the_caption_and_keeps_headers():
    html = tbl.render(pd.DataFrame({"x": []}), caption="Cap", empty="Nothing.").html
    assert "<caption>Cap — Nothing.</caption>" in html and "<th>x</th>" in html
    assert "<caption>Nothing.</caption>" in tbl.render(pd.DataFrame(), empty="Nothing.").html
    full = tbl.render(pd.DataFrame({"x": [1]}), caption="Cap", empty="Nothing.").html
    assert "<caption>Cap</caption>" in full


def test_free_names_suffix_names_taken_by_fixed_columns():
    names = tbl.free_names(["n", "agreement", "x", "x"], ["agreement", "x (o)"], suffix=" (o)")
    assert names == ["n", "agreement (o)", "x", "x (o) (o)"]


@pytest.mark.parametrize(
    "values",
    [
        ["b", "a", "a", "b", "c"],  # a tie: first seen first
        ["x", None, "y", "y", None],  # missing values left out
        [],
    ],
)
def test_code_counts_is_value_counts_of_the_codes(values):
    codes, names = pd.factorize(pd.Series(values, dtype="str"))
    out = tbl.code_counts(codes, names)
    expected = pd.Series(values, dtype="str").value_counts()
    assert list(out.index) == list(expected.index)
    assert out.tolist() == expected.tolist()


def test_sections_counts_sentences_documents_and_rules():
    sents = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b", None],
            "section": ["body", "body", "caption", "body", None, "body"],
            "section_reason": ["r2", "r1", "r3", "r1", "r9", "r2"],
        }
    )
    out = tbl.sections(sents).set_index("section")
    assert out["sentences"].to_dict() == {"body": 4, "caption": 1}
    assert out["documents"].to_dict() == {"body": 2, "caption": 1}  # a missing doc_id: none
    assert out.loc["body", "rules"] == "r2, r1"  # 2 each: the first seen first
    assert tbl.sections(sents.drop(columns="section_reason"))["rules"].eq("").all()


def test_duplicate_groups_of_a_filtered_set_drop_groups_it_splits(small_tables):
    from analysis.panel import widgets

    whole = tbl.duplicate_groups(small_tables.documents)
    assert len(whole) == 2  # a1 and a2, from two dates
    one_day = widgets.filter_tables(small_tables, start="2018-08-28", end="2018-08-28")
    assert tbl.duplicate_groups(one_day.documents).empty


def test_render_remembers_cells_by_type_and_takes_unhashable_values():
    frame = pd.DataFrame({"v": pd.Series([1, 1.0, True, ["a", "<b>"]], dtype=object)})
    for _ in range(2):  # the second time from the remembered cells
        html = tbl.render(frame).html
        assert "<td>1</td>" in html and "<td>1.00</td>" in html and "<td>True</td>" in html
        assert "&lt;b&gt;" in html and "<b>" not in html


def test_render_does_not_mix_up_equal_numbers_and_instants():
    """Remembered cells are texts only: -0.0 equals 0.0, one instant in two zones."""
    utc = pd.Timestamp("2020-01-01 00:00", tz="UTC")
    frame = pd.DataFrame(
        {"v": pd.Series([0.0, -0.0, utc, utc.tz_convert("Europe/Paris")], dtype=object)}
    )
    html = tbl.render(frame).html
    assert "<td>0.00</td>" in html and "<td>-0.00</td>" in html
    assert "2020-01-01 01:00:00+01:00" in html
