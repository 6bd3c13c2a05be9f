"""analysis.views.position_*: the move tables, the matrix, timeline and exchange figures and
the comparison of reports (notebook 04)."""

from __future__ import annotations

import itertools
import json
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.panel import widgets
from analysis.tag.positions import POSITION_COLUMNS
from analysis.views import (
    position_compare,
    position_data,
    position_figures,
    position_marks,
    position_tables,
)
from analysis.views.hovers import date_text
from analysis.views.rows import position_rows

HOSTILE = "<img src=x onerror=alert(1)>"
ACTORS = pd.DataFrame(
    [
        ("USA", "state", "United States", "الولايات المتحدة", ""),
        ("SYR", "state", "Syria", "سوريا", ""),
        ("IRN", "state", "Iran", "إيران", ""),
        ("RUS", "state", "Russia", "روسيا", ""),
    ],
    columns=["id", "kind", "label_en", "label_ar", "affiliation"],
)


def move(
    holder: str = "USA",
    kind: str = "offer",
    issue: str = "us_presence",
    *,
    doc: str = "d1",
    outlet: str = "الشرق",
    date: str | None = "2018-08-28",
    sent: int = 0,
    counterpart: str = "",
    exchange: str = "",
    modality: str = "asserted",
    hedged: bool = False,
    text: str = "عرضت واشنطن على دمشق الانسحاب مقابل إخراج القوات الإيرانية.",
) -> dict:
    """One position row plus the sentence it was found in (key ``text``)."""
    return {
        "doc_id": doc,
        "sent_id": sent,
        "holder_id": holder,
        "holder_affiliation": holder,
        "move": kind,
        "counterpart_id": counterpart,
        "issue": issue,
        "in_exchange_for": exchange,
        "modality": modality,
        "hedged": hedged,
        "speaker_id": "outlet",
        "date": pd.Timestamp(date) if date else pd.NaT,
        "outlet": outlet,
        "cue": "عرضت",
        "issue_phrase": "الانسحاب",
        "exchange_phrase": "",
        "holder_surface": "واشنطن",
        "source_chain": outlet,
        "text": text,
    }


def make_tables(moves: list[dict]) -> SimpleNamespace:
    """Documents, sentences and positions for hand-built moves (offsets into the text)."""
    docs, sents, pos = {}, {}, []
    for m in moves:
        key = (m["doc_id"], m["sent_id"])
        docs.setdefault(m["doc_id"], (m["outlet"], m["date"]))
        sents.setdefault(key, m["text"])
    texts = {}
    sent_rows = []
    for (doc, sid), text in sorted(sents.items()):
        start = len(texts.get(doc, ""))
        texts[doc] = texts.get(doc, "") + text + "\n"
        sent_rows.append(
            {
                "doc_id": doc,
                "sent_id": sid,
                "start": start,
                "end": start + len(text),
                "section": "body",
                "text": text,
            }
        )
    starts = {(r["doc_id"], r["sent_id"]): r["start"] for r in sent_rows}
    for m in moves:
        s0 = starts[(m["doc_id"], m["sent_id"])]
        row = {k: v for k, v in m.items() if k != "text"}
        pos.append({**row, "start": s0, "end": s0 + min(20, len(m["text"]))})
    documents = pd.DataFrame(
        [
            {"doc_id": d, "outlet": o, "date": dt, "text": texts[d], "title": ""}
            for d, (o, dt) in docs.items()
        ]
    ).astype({"date": "datetime64[ns]"})
    return SimpleNamespace(
        documents=documents,
        sentences=pd.DataFrame(sent_rows),
        positions=pd.DataFrame(pos, columns=POSITION_COLUMNS),
        mentions=pd.DataFrame(),
    )


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings(v)]]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []


def figure_text(fig) -> str:
    return "\n".join(strings(json.loads(fig.to_json())))


# --- labels -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "modality", "hedged", "label"),
    [
        ("offer", "asserted", False, "offer"),
        ("accept", "negated", False, "not accept"),
        ("demand", "asserted", True, "demand?"),
        ("guarantee", "hypothetical", True, "guarantee? (if)"),
        ("offer", "future", False, "offer (future)"),
        ("reject", "reported", False, "reject (reported)"),
        ("reject", None, False, "reject"),
    ],
)
def test_move_label(kind, modality, hedged, label):
    assert position_data.move_label(kind, modality, hedged) == label


@pytest.mark.parametrize(
    ("args", "kwargs", "sentence"),
    [
        (
            ("USA", "offer", "us_presence"),
            {"counterpart": "SYR", "exchange": ["southern_syria"]},
            "USA offers us_presence to SYR in exchange for southern_syria",
        ),
        (
            ("mamlouk", "reject", ""),
            {"counterpart": "USA"},
            "mamlouk rejects (issue not named) from USA",
        ),
        (
            ("IRN", "accept", "southern_syria"),
            {"modality": "negated", "hedged": True},
            "IRN does not accept southern_syria (hedged)",
        ),
        (
            ("RUS", "guarantee", "southern_syria"),
            {"modality": "hypothetical", "exchange": ["al_tanf", "oil"]},
            "RUS would guarantee southern_syria in exchange for al_tanf and oil",
        ),
    ],
)
def test_summary_sentence(args, kwargs, sentence):
    assert position_data.summary_sentence(*args, **kwargs) == sentence


# --- position matrix ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moves", "label", "date"),
    [
        (  # the later article wins, whatever the row order
            [
                move(kind="reject", date="2019-01-01", doc="d2"),
                move(kind="offer", date="2018-01-01", doc="d1"),
            ],
            "reject",
            "2019-01-01",
        ),
        (  # an undated move is older than any dated one
            [
                move(kind="offer", date="2018-01-01", doc="d1"),
                move(kind="reject", date=None, doc="d2"),
            ],
            "offer",
            "2018-01-01",
        ),
        (  # same article: the later sentence wins
            [
                move(kind="demand", sent=3, hedged=True),
                move(kind="offer", sent=1),
            ],
            "demand?",
            "2018-08-28",
        ),
        (  # negated modality is in the label
            [move(kind="accept", modality="negated")],
            "not accept",
            "2018-08-28",
        ),
    ],
)
def test_latest_move_wins_per_cell(moves, label, date):
    latest = position_data.latest_moves(make_tables(moves), actors=ACTORS)
    assert len(latest) == 1
    row = latest.iloc[0]
    assert (row["holder"], row["issue"], row["label"]) == ("United States", "us_presence", label)
    assert date_text(row["date"]) == date
    assert row["moves"] == len(moves)


def test_matrix_keeps_moves_without_issue_and_orders_issues():
    t = make_tables(
        [
            move(issue=""),
            move(issue="southern_syria", sent=1),
            move(issue="iranian_presence", sent=2),
        ]
    )
    latest = position_data.latest_moves(t)
    assert position_data.issue_order(latest["issue"]) == [
        "iranian_presence",
        "southern_syria",
        position_data.NO_ISSUE,
    ]


def test_matrix_figure_marks_hedged_moves():
    t = make_tables(
        [
            move(holder="USA", kind="demand"),
            move(holder="RUS", kind="demand", hedged=True, sent=1),
        ]
    )
    fig = position_figures.matrix_figure(t, lang="en", actors=ACTORS)
    heat = fig.data[0]
    cells = {y: (row[0], text[0]) for y, row, text in zip(heat.y, heat.z, heat.text, strict=True)}
    assert cells["United States"][1] == "demand" and cells["Russia"][1] == "demand?"
    assert cells["United States"][0] != cells["Russia"][0]  # another colour
    legend = [tr.name for tr in fig.data if tr.type == "scatter" and tr.visible]
    assert legend == ["demand", "demand (hedged)"]
    assert "hedged by the source" in heat.hovertext[list(heat.y).index("Russia")][0]


def test_matrix_figure_hover_has_evidence_outlet_and_date():
    t = make_tables([move(counterpart="SYR", exchange="southern_syria")])
    hover = position_figures.matrix_figure(t, lang="en", actors=ACTORS).data[0].hovertext[0][0]
    for part in ("United States", "offer", "counterpart: Syria", "southern_syria", "2018-08-28"):
        assert part in hover
    assert "عرضت واشنطن على دمشق الانسحاب" in hover
    assert "\u2067الشرق\u2069" in hover  # the outlet, marked right to left


def test_outlet_menu_when_several_outlets():
    t = make_tables([move(outlet="الشرق"), move(outlet="Levant Daily", doc="d2", holder="RUS")])
    for fig in (
        position_figures.matrix_figure(t),
        position_figures.timeline_figure(t),
        position_figures.exchange_figure(t),
    ):
        if fig.layout.annotations:  # the exchange view has nothing here
            continue
        labels = [b.label for b in fig.layout.updatemenus[0].buttons]
        assert labels[0] == "All outlets" and len(labels) == 3


# --- timeline -----------------------------------------------------------------------------


def test_timeline_symbols_hover_and_undated():
    t = make_tables(
        [
            move(kind="offer", counterpart="SYR", exchange="southern_syria"),
            move(kind="offer", hedged=True, sent=1, date="2018-08-28"),
            move(kind="reject", doc="d2", date=None),
        ]
    )
    fig = position_figures.timeline_figure(t, lang="en", actors=ACTORS)
    assert "1 undated move(s) not shown" in fig.layout.title.text
    offers = [tr for tr in fig.data if tr.name == "offer"][:2]  # "All outlets" first
    # one trace per hedging, one legend entry per move
    assert [tr.marker.symbol for tr in offers] == ["circle", "circle-open"]
    assert [tr.showlegend for tr in offers] == [True, False]
    offer = offers[0]
    assert "counterpart: Syria" in offer.hovertext[0]
    assert "in exchange for: southern_syria" in offer.hovertext[0]
    assert fig.layout.xaxis.rangeslider.visible


def test_timeline_moves_on_one_spot_share_a_marker_that_counts_them():
    t = make_tables(
        [
            move(kind="offer", doc="d1", outlet="الشرق"),
            move(kind="offer", doc="d2", outlet="Levant Daily"),  # same holder, type, day
            move(kind="offer", doc="d3", date="2018-09-02"),  # another day
            move(kind="offer", doc="d4", hedged=True),  # hedged: a marker of its own
        ]
    )
    fig = position_figures.timeline_figure(t, lang="en", actors=ACTORS)
    offers = [tr for tr in fig.data if tr.name == "offer"][:2]  # "All outlets" first
    solid, hedged = offers
    assert len(solid.x) == 2 and len(hedged.x) == 1
    first = next(
        h for h, x in zip(solid.hovertext, solid.x, strict=True) if str(x)[:10] == "2018-08-28"
    )
    assert "2 such moves this day; the earliest:" in first
    assert "d1" in first and "d2" not in first  # the earliest move's evidence
    assert "such moves" not in hedged.hovertext[0]


def test_shared_markers_count_only_their_outlets_moves_in_the_outlet_menu():
    t = make_tables(
        [
            move(kind="offer", doc="d1", outlet="الشرق"),
            move(kind="offer", doc="d2", outlet="Levant Daily"),  # same spot, other outlet
        ]
    )
    fig = position_figures.timeline_figure(t, lang="en", actors=ACTORS)  # menus on, as in a report
    offers = [tr for tr in fig.data if tr.name == "offer"]
    assert len(offers) == 3  # all outlets, then each outlet
    assert "2 such moves this day" in offers[0].hovertext[0]
    for per_outlet in offers[1:]:
        assert len(per_outlet.x) == 1 and "such moves" not in per_outlet.hovertext[0]
    assert "d1" in offers[1].hovertext[0] or "d1" in offers[2].hovertext[0]
    assert "d2" in offers[1].hovertext[0] or "d2" in offers[2].hovertext[0]


# --- exchanges ----------------------------------------------------------------------------


def test_exchanges_rows_and_sankey():
    t = make_tables(
        [
            move(counterpart="SYR", exchange="southern_syria"),
            move(holder="IRN", kind="demand", issue="sanctions", exchange="oil|al_tanf", sent=1),
            move(holder="RUS", kind="threat", issue="oil", sent=2),  # neither: left out
        ]
    )
    ex = position_data.exchanges(t)
    assert ex["summary"].tolist() == [
        "USA offers us_presence to SYR in exchange for southern_syria",
        "IRN demands sanctions in exchange for oil and al_tanf",
    ]
    assert ex["in_exchange_for"].tolist() == ["southern_syria", "oil | al_tanf"]
    sankey = position_figures.exchange_figure(t, lang="en", actors=ACTORS).data[0]
    labels = list(sankey.node.label)
    # issues by their short English names, not their ids
    for node in ("United States", "Iran", "US presence", "↩ southern Syria", "↩ oil", "↩ al-Tanf"):
        assert node in labels
    assert "Russia" not in labels
    pairs = {
        (labels[s], labels[t]) for s, t in zip(sankey.link.source, sankey.link.target, strict=True)
    }
    assert ("United States", "US presence") in pairs
    assert ("US presence", "↩ southern Syria") in pairs
    assert ("sanctions", "↩ al-Tanf") in pairs
    # a column's nodes are stacked top to bottom inside the figure (none runs off its foot)
    for x in set(sankey.node.x):
        ys = [y for nx, y in zip(sankey.node.x, sankey.node.y, strict=True) if nx == x]
        assert ys == sorted(ys) and min(ys) > 0 and max(ys) < 1


# --- comparison across reports ------------------------------------------------------------


def two_outlets(a: dict, b: dict) -> list[dict]:
    return [
        move(outlet="الشرق", doc="d1", **a),
        move(outlet="Levant Daily", doc="d2", **b),
    ]


@pytest.mark.parametrize(
    ("a", "b", "agreement", "difference"),
    [
        ({}, {}, "agree", ""),
        ({}, {"hedged": True}, "agree", ""),  # hedging is shown, not held against
        ({}, {"kind": "demand"}, "differ", "move: offer ≠ demand"),
        ({}, {"modality": "negated"}, "differ", "modality: asserted ≠ negated"),
        ({}, {"date": "2018-09-20"}, "agree", ""),  # 23 days later: same period
    ],
)
def test_compare_reports_agree_or_differ(a, b, agreement, difference):
    out = position_compare.compare_reports(make_tables(two_outlets(a, b)), actors=ACTORS)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["agreement"], row["difference"], row["reports"]) == (agreement, difference, 2)
    assert list(out.columns) == [
        *["holder_id", "holder", "issue", "from", "to"],
        *["Levant Daily", "الشرق"],  # outlets by articles, then name
        *["reports", "agreement", "difference"],
    ]
    assert row["الشرق"] == "offer"


def test_compare_reports_periods_and_documents():
    far = make_tables(two_outlets({}, {"date": "2019-08-28", "kind": "reject"}))
    assert position_compare.compare_reports(far).empty  # a year apart: not the same move
    whole = position_compare.compare_reports(far, days=None)
    assert whole["difference"].tolist() == ["move: offer ≠ reject"]
    same_outlet = make_tables([move(doc="d1"), move(doc="d2", kind="demand")])
    assert position_compare.compare_reports(same_outlet).empty
    by_doc = position_compare.compare_reports(same_outlet, by="doc_id")
    assert by_doc[["d1", "d2", "agreement"]].values.tolist() == [["offer", "demand", "differ"]]
    html = position_tables.comparison_table(far).html
    assert "reported by two or more outlets within 30 days" in html


# --- empty selections ---------------------------------------------------------------------


def empty_cases():
    full = make_tables([move()])
    no_positions = make_tables([move()])
    del no_positions.positions
    columnless = make_tables([move()])
    columnless.positions = pd.DataFrame()
    zero_rows = make_tables([move()])
    zero_rows.positions = zero_rows.positions.iloc[0:0]
    return {
        "filtered to nothing": widgets.filter_tables(full, outlets=["nowhere"]),
        "no positions table": no_positions,
        "positions without columns": columnless,
        "no rows": zero_rows,
    }


DATA_VIEWS = {
    "move_counts": position_data.move_counts,
    "latest_moves": position_data.latest_moves,
    "exchanges": position_data.exchanges,
    "compare_reports": position_compare.compare_reports,
}
FIGURES = {
    "matrix": position_figures.matrix_figure,
    "timeline": position_figures.timeline_figure,
    "exchange": position_figures.exchange_figure,
}
TABLES = {
    "counts": position_tables.counts_table,
    "latest": position_tables.latest_table,
    "exchange": position_tables.exchange_table,
    "comparison": position_tables.comparison_table,
}


@pytest.mark.parametrize("case", list(empty_cases()))
def test_empty_selection_says_so(case):
    t = empty_cases()[case]
    for name, view in DATA_VIEWS.items():
        assert view(t).empty, name
    for name, view in FIGURES.items():
        fig = view(t)
        assert [a.text for a in fig.layout.annotations] == [position_data.NO_MOVES], name
    for name, view in TABLES.items():
        table = view(t)
        assert position_data.NO_MOVES in table.html, name
        assert repr(table) == "(no rows)", name


def test_timeline_with_only_undated_moves():
    fig = position_figures.timeline_figure(make_tables([move(date=None)]))
    assert fig.layout.annotations[0].text == position_data.NO_MOVES
    assert "1 undated" in fig.layout.title.text


# --- escaping -----------------------------------------------------------------------------


def test_hostile_strings_are_escaped():
    evil = [
        move(
            holder=HOSTILE,
            outlet=HOSTILE,
            counterpart=HOSTILE,
            exchange="southern_syria",
            text=f"عرضت {HOSTILE} <script>alert(1)</script> \u202eالانسحاب",
        ),
        move(holder=HOSTILE, outlet="الشرق", doc="d2", kind="demand", text=f"طالبت {HOSTILE}"),
    ]
    t = make_tables(evil)
    for name, view in FIGURES.items():
        for lang in ("en", "ar", "both"):
            blob = figure_text(view(t, lang=lang))
            assert "<img" not in blob and "<script" not in blob, (name, lang)
            assert "\u202e" not in blob, (name, lang)
            assert "&lt;img src=x onerror=alert(1)&gt;" in blob, (name, lang)
    compare = position_tables.comparison_table(t, days=None)
    for name, table in {**{n: v(t) for n, v in TABLES.items()}, "compare": compare}.items():
        assert "<img" not in table.html and "<script" not in table.html, name
        assert "&lt;img src=x onerror=alert(1)&gt;" in table.html, name
        assert "\u202e" not in table.html, name


# --- the fixture corpus -------------------------------------------------------------------


@pytest.fixture(scope="module")
def actors():
    from analysis.report.notebook import load_actors

    return load_actors()


def test_fixture_exchange_and_matrix(fixture_tables, actors):
    ex = position_data.exchanges(fixture_tables)
    assert "USA offers us_presence to SYR in exchange for southern_syria" in set(ex["summary"])
    assert "mamlouk rejects (issue not named) from USA" in set(ex["summary"])
    latest = position_data.latest_moves(fixture_tables, actors=actors).set_index(
        ["holder_id", "issue"]
    )
    offer = latest.loc[("USA", "us_presence")]
    assert (offer["label"], offer["counterpart_id"], offer["in_exchange_for"]) == (
        "offer",
        "SYR",
        "southern_syria",
    )
    assert offer["moves"] == 2  # the outlet's account and the newspaper's
    reject = latest.loc[("mamlouk", position_data.NO_ISSUE)]
    assert (reject["label"], reject["counterpart_id"]) == ("reject", "USA")
    assert "ورفض رئيس مكتب الأمن الوطني السوري علي مملوك" in reject["evidence"]
    # a negated acceptance is read as a rejection (issue #16)
    assert latest.loc[("ISR", "iranian_presence"), "earlier"] == "reject"
    fig = position_figures.matrix_figure(fixture_tables, lang="en", actors=actors)
    hovers = [h for row in fig.data[0].hovertext for h in row if h]
    assert any("Ali Mamlouk" in h and "reject" in h for h in hovers)
    sankey = position_figures.exchange_figure(fixture_tables, lang="en", actors=actors).data[0]
    assert "↩ southern Syria" in sankey.node.label


def test_fixture_comparison_and_filters(fixture_tables, actors):
    # reports years apart are different moves; over the whole span the accounts differ
    assert position_compare.compare_reports(fixture_tables).empty
    whole = position_compare.compare_reports(fixture_tables, days=None).set_index(
        ["holder_id", "issue"]
    )
    assert whole.loc[("ISR", "iranian_presence"), "agreement"] == "differ"
    one = widgets.filter_tables(fixture_tables, outlets=["Example Times (Arabic)"])
    assert set(position_data.latest_moves(one)["holder_id"]) == {"USA", "mamlouk"}
    panel = widgets.FilterPanel(fixture_tables, interactive=False, outlets=["unknown"])
    fig = panel.register(lambda t: position_figures.timeline_figure(t, actors=actors)).result
    # the negated acceptance ("لن تقبل") is a rejection since issue #16
    assert {tr.name for tr in fig.data} == {"accept", "demand", "reject"}


def test_compare_reports_leaves_out_unnamed_issues_unless_asked():
    t = make_tables(two_outlets({"issue": ""}, {"issue": "", "kind": "threat"}))
    assert position_compare.compare_reports(t).empty
    out = position_compare.compare_reports(t, include_unnamed=True)
    assert out[["issue", "difference"]].values.tolist() == [
        [position_data.NO_ISSUE, "move: offer ≠ threat"]
    ]
    assert "on a named issue" in position_tables.comparison_table(t).html


def test_position_rows_shared_per_tables_and_evidence_cut_by_offset():
    t = make_tables([move(), move(doc="d2", outlet="Levant Daily")])
    rows = position_rows(t)
    assert position_rows(t) is rows  # every view of one panel update shares it
    assert len(position_rows(widgets.filter_tables(t, outlets=["Levant Daily"]))) == 1
    assert rows.loc[0, "sentence"].startswith(rows.loc[0, "snippet"].rstrip("…"))


# --- regressions: outlet columns, source chains, top holders, unknown moves -----------------


@pytest.mark.parametrize(
    "names",
    [
        ("from", "to"),
        ("reports", "agreement"),
        ("holder_id", "difference"),
        ("issue", "holder"),
    ],
)
def test_compare_reports_keeps_outlets_named_like_its_columns(names):
    a, b = sorted(names)  # outlets with as many articles: by name
    t = make_tables(
        [move(outlet=a, doc="d1"), move(outlet=b, doc="d2", kind="demand", date="2018-08-29")]
    )
    out = position_compare.compare_reports(t, actors=ACTORS)
    assert list(out.columns) == [
        *["holder_id", "holder", "issue", "from", "to"],
        f"{a} (outlet)",
        f"{b} (outlet)",
        *["reports", "agreement", "difference"],
    ]
    (r,) = out.to_dict("records")
    assert (r["holder_id"], r["holder"], r["issue"]) == ("USA", "United States", "us_presence")
    assert (r["from"], r["to"]) == (pd.Timestamp("2018-08-28"), pd.Timestamp("2018-08-29"))
    assert (r[f"{a} (outlet)"], r[f"{b} (outlet)"]) == ("offer", "demand")
    assert (r["reports"], r["agreement"], r["difference"]) == (2, "differ", "move: offer ≠ demand")


def test_compare_reports_by_document_keeps_documents_named_like_its_columns():
    t = make_tables([move(doc="agreement"), move(doc="to", kind="demand")])
    out = position_compare.compare_reports(t, by="doc_id")
    assert out[["agreement (document)", "to (document)", "agreement"]].values.tolist() == [
        ["offer", "demand", "differ"]
    ]


def test_comparison_table_passes_its_options_through():
    t = make_tables(two_outlets({}, {"date": "2019-08-28", "kind": "reject"}))
    assert "within 30 days" in position_tables.comparison_table(t).html
    assert (
        "two or more articles within 10 days"
        in position_tables.comparison_table(t, days=10, by="doc_id").html
    )
    assert position_tables.comparison_table(t, days=None).frame["agreement"].tolist() == ["differ"]
    with pytest.raises(TypeError):
        position_tables.comparison_table(t, day=3)


def test_move_hover_names_the_source_chain_right_to_left():
    chain = "الشرق > newsweek > src:الوقائع > RUS"
    t = make_tables([{**move(), "source_chain": chain}])
    hover = position_figures.matrix_figure(t, lang="en", actors=ACTORS).data[0].hovertext[0][0]
    rli, pdi = "\u2067", "\u2069"
    assert f"source: {rli}الشرق{pdi} &gt; Newsweek &gt; {rli}الوقائع{pdi} &gt; Russia" in hover
    timeline = position_figures.timeline_figure(t, lang="en", actors=ACTORS)
    assert "&gt; Newsweek &gt;" in timeline.data[0].hovertext[0]


@pytest.mark.parametrize(("holders", "note"), [(2, False), (3, True)])
def test_matrix_title_says_top_only_when_holders_were_left_out(holders, note):
    t = make_tables([move(holder=h, sent=i) for i, h in enumerate(["USA", "RUS", "IRN"][:holders])])
    title = position_figures.matrix_figure(t, top=2).layout.title.text
    assert ("(top 2 holders)" in title) is note


def test_matrix_draws_an_unknown_move_in_its_legend_colour():
    t = make_tables([move(kind="bargain"), move(holder="RUS", kind="offer", sent=1)])
    fig = position_figures.matrix_figure(t, lang="en", actors=ACTORS)
    heat = fig.data[0]
    scale = [(float(at), colour) for at, colour in heat.colorscale]

    def colour_of(z: float) -> str:
        at = (z - heat.zmin) / (heat.zmax - heat.zmin)
        return next(c for (lo, c), (hi, _) in itertools.pairwise(scale) if lo <= at <= hi)

    cells = dict(zip(heat.y, (row[0] for row in heat.z), strict=True))
    legend = {tr.name: tr.marker.color for tr in fig.data if tr.type == "scatter" and tr.visible}
    assert legend == {
        "offer": position_marks.MOVE_COLOURS["offer"],
        "bargain": position_marks.OTHER_COLOUR,
    }
    assert colour_of(cells["United States"]) == position_marks.OTHER_COLOUR
    assert colour_of(cells["Russia"]) == position_marks.MOVE_COLOURS["offer"]


def test_timeline_keeps_the_dates_as_they_are(fixture_tables):
    """Time-zone-aware or microsecond dates reach the figure as the column holds them."""
    import dataclasses
    import json

    positions = fixture_tables.positions.copy()
    local = positions["date"].dt.tz_localize("Asia/Riyadh")
    tables = dataclasses.replace(fixture_tables, positions=positions.assign(date=local))
    fig = position_figures.timeline_figure(tables)
    xs = [x for trace in json.loads(fig.to_json())["data"] for x in trace["x"]]
    assert xs and all(x.endswith("+03:00") for x in xs)
    micro = positions.assign(date=positions["date"].astype("datetime64[us]"))
    tables = dataclasses.replace(fixture_tables, positions=micro)
    out = position_compare.compare_reports(tables, days=None)
    assert str(out["from"].dtype) == "datetime64[ns]"
