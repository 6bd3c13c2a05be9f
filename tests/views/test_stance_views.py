"""analysis.views.stance_data, stance_tables and stance_figures: notebook 03."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.panel.hovers import HOVERS
from analysis.pipeline.run import Tables
from analysis.tag.stance import STANCE_COLUMNS
from analysis.views import stance_data, stance_figures, stance_tables
from analysis.views.labels import chain_plotly, chain_text, speaker_names
from analysis.views.rows import empty_stances

IMG = "<img src=x onerror=alert(1)>"
RLI, PDI = "\u2067", "\u2069"
SENTENCE = "قالت مصادر إن روسيا ترفض الوجود الإيراني في سوريا."
ACTORS = pd.DataFrame(
    [
        ("RUS", "state", "Russia", "روسيا", ""),
        ("ISR", "state", "Israel", "إسرائيل", ""),
        ("IRN", "state", "Iran", "إيران", ""),
        ("irgc", "organization", "IRGC", "الحرس الثوري", "IRN"),
    ],
    columns=["id", "kind", "label_en", "label_ar", "affiliation"],
)


def stance(**kw) -> dict:
    """One stance row; the evidence span is "ترفض الوجود الإيراني" in SENTENCE."""
    start = SENTENCE.index("ترفض")
    end = SENTENCE.index(" في سوريا")
    row = {
        "doc_id": "d1",
        "sent_id": 0,
        "start": start,
        "end": end,
        "holder_id": "RUS",
        "holder_affiliation": "RUS",
        "target": "iranian_presence",
        "polarity": "oppose",
        "speaker_id": "RUS",
        "source_chain": "Outlet A > RUS",
        "hedged": False,
        "cue": "ترفض",
        "date": pd.Timestamp("2019-01-15"),
        "outlet": "Outlet A",
        "cue_id": "reject",
        "holder_surface": "روسيا",
        "issue_phrase": "الوجود الإيراني",
        "evidence": SENTENCE[start:end],
    }
    row.update(kw)
    return row


def make_tables(rows: list[dict], attribution: pd.DataFrame | None = None) -> Tables:
    """Tables with one document and sentence per distinct (doc_id, outlet, date) of ``rows``."""
    stances = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    if not rows:
        stances = empty_stances()
    docs = (
        stances[["doc_id", "outlet", "date"]].drop_duplicates("doc_id")
        if rows
        else pd.DataFrame({"doc_id": ["d0"], "outlet": ["Outlet A"], "date": [pd.NaT]})
    )
    docs = docs.assign(text=SENTENCE, title="", date_source="stated").reset_index(drop=True)
    sents = pd.DataFrame(
        {
            "doc_id": docs["doc_id"],
            "sent_id": 0,
            "start": 0,
            "end": len(SENTENCE),
            "section": "body",
            "text": SENTENCE,
        }
    )
    return Tables(
        documents=docs,
        sentences=sents,
        rejected=pd.DataFrame(),
        stances=stances,
        attribution=attribution if attribution is not None else pd.DataFrame(),
    )


def hovers(fig) -> list[str]:
    out = []
    for trace in fig.data:
        for h in getattr(trace, "hovertext", None) or []:
            out.extend(h if isinstance(h, list | tuple) else [h])
    return out


# --- data functions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # holder, target, support, oppose, conditional, neutral, hedged, stances
        ([stance()], [("RUS", "iranian_presence", 0, 1, 0, 0, 0, 1)]),
        (
            [stance(), stance(doc_id="d2", hedged=True), stance(polarity="conditional")],
            [("RUS", "iranian_presence", 0, 2, 1, 0, 1, 3)],
        ),
        (
            [stance(holder_id="ISR"), stance(), stance(target="southern_syria")],
            [
                ("ISR", "iranian_presence", 0, 1, 0, 0, 0, 1),
                ("RUS", "iranian_presence", 0, 1, 0, 0, 0, 1),
                ("RUS", "southern_syria", 0, 1, 0, 0, 0, 1),
            ],
        ),
    ],
)
def test_stance_counts(rows, expected):
    out = stance_data.stance_counts(pd.DataFrame(rows))
    assert [tuple(r) for r in out.itertuples(index=False)] == expected


def test_holder_issue_summary_latest_and_hedged_share():
    rows = [
        stance(date=pd.Timestamp("2019-01-15"), polarity="oppose"),
        stance(doc_id="d2", date=pd.Timestamp("2019-05-01"), polarity="conditional", hedged=True),
        stance(doc_id="d3", date=pd.NaT, polarity="support", outlet="Outlet B"),
    ]
    out = stance_data.holder_issue_summary(pd.DataFrame(rows), ACTORS)
    (r,) = out.to_dict("records")
    assert r["holder"] == "Russia"
    assert (r["support"], r["oppose"], r["conditional"], r["stances"]) == (1, 1, 1, 3)
    assert r["hedged_share"] == pytest.approx(1 / 3)
    assert r["outlets"] == 2
    assert (r["first_date"], r["last_date"]) == (
        pd.Timestamp("2019-01-15"),
        pd.Timestamp("2019-05-01"),
    )
    assert (r["latest_polarity"], r["latest_hedged"]) == ("conditional", True)
    assert r["latest_evidence"] == "ترفض الوجود الإيراني"


@pytest.mark.parametrize(
    ("rows", "agreement", "cells"),
    [
        (
            [stance(), stance(doc_id="d2", outlet="Outlet B")],
            "agree",
            {"Outlet A": "oppose", "Outlet B": "oppose"},
        ),
        (
            [stance(), stance(doc_id="d2", outlet="Outlet B", polarity="conditional")],
            "differ",
            {"Outlet A": "oppose", "Outlet B": "conditional"},
        ),
        (
            [stance(), stance(doc_id="d2", polarity="conditional", hedged=True)],
            "one outlet",
            {"Outlet A": "oppose, conditional (hedged)"},
        ),
        (
            [stance(), stance(doc_id="d2"), stance(doc_id="d3", outlet="Outlet B", hedged=True)],
            "agree",
            {"Outlet A": "oppose ×2", "Outlet B": "oppose (hedged)"},
        ),
        (  # one outlet reports two polarities: the outlets do not agree
            [
                stance(),
                stance(doc_id="d2", polarity="support"),
                stance(doc_id="d3", outlet="Outlet B"),
            ],
            "differ",
            {"Outlet A": "support, oppose", "Outlet B": "oppose"},
        ),
    ],
)
def test_outlet_comparison(rows, agreement, cells):
    out = stance_data.outlet_comparison(pd.DataFrame(rows), ACTORS)
    (r,) = out.to_dict("records")
    assert r["agreement"] == agreement
    assert {o: r[o] for o in cells} == cells


def test_outlet_comparison_puts_disagreement_first():
    rows = [
        stance(holder_id="ISR"),
        stance(doc_id="d2", holder_id="ISR", outlet="Outlet B"),
        stance(),
        stance(doc_id="d2", outlet="Outlet B", polarity="support"),
    ]
    out = stance_data.outlet_comparison(pd.DataFrame(rows), ACTORS)
    assert out[["holder_id", "agreement"]].values.tolist() == [["RUS", "differ"], ["ISR", "agree"]]


def attribution_rows() -> pd.DataFrame:
    base = {"sent_id": 0, "hedged": False, "start": 0, "end": 10}
    return pd.DataFrame(
        [
            {**base, "doc_id": "d1", "speaker_id": "RUS", "speaker_kind": "state",
             "cited_source": "", "source_chain": "Outlet A > RUS"},
            {**base, "doc_id": "d2", "speaker_id": "unnamed_source",
             "speaker_kind": "unnamed_source", "cited_source": "reuters", "hedged": True,
             "source_chain": "Outlet B > reuters > unnamed_source"},
            {**base, "doc_id": "d3", "speaker_id": "al_akhbar", "speaker_kind": "source",
             "cited_source": "", "source_chain": "Outlet B > al_akhbar"},
            {**base, "doc_id": "d3", "sent_id": 1, "speaker_id": "outlet",
             "speaker_kind": "outlet", "cited_source": "", "source_chain": "Outlet B"},
        ]
    )  # fmt: skip


def chain_tables() -> Tables:
    rows = [
        stance(),
        stance(doc_id="d2", outlet="Outlet B"),
        stance(doc_id="d3", outlet="Outlet B"),
    ]
    return make_tables(rows, attribution_rows())


def test_source_chains_names_outlets_sources_and_speakers():
    out = stance_data.source_chains(chain_tables(), ACTORS)
    got = {(r.outlet, r.via, r.speaker): (r.claims, r.hedged, r.stances) for r in out.itertuples()}
    assert got == {
        ("Outlet A", stance_data.DIRECT, "Russia"): (1, 0, 1),
        ("Outlet B", "Reuters", "unnamed source(s)"): (1, 1, 1),
        ("Outlet B", stance_data.DIRECT, "Al-Akhbar (Lebanon)"): (1, 0, 1),
    }  # the outlet's own voice is not a chain
    chain = out.set_index("via").loc["Reuters", "example_chain"]
    assert chain == "Outlet B > Reuters > unnamed source(s)"


def test_source_chains_stances_only_keeps_sentences_with_a_stance():
    t = chain_tables()
    t.stances = t.stances[t.stances["doc_id"] == "d1"]
    out = stance_data.source_chains(t, ACTORS, stances_only=True)
    assert out["outlet"].tolist() == ["Outlet A"]


@pytest.mark.parametrize(
    ("chain", "outlet", "expected"),
    [
        ("A > RUS", "A", "A > Russia"),
        ("x > y > src:الوقائع > unnamed_source", "x > y", "x > y > الوقائع > unnamed source(s)"),
        ("A", "A", "A"),
        ("", "A", ""),
    ],
)
def test_chain_text(chain, outlet, expected):
    names = speaker_names(["RUS", "src:الوقائع", "unnamed_source"], ACTORS)
    assert chain_text(chain, outlet, names) == expected


def test_chain_plotly_isolates_each_arabic_name():
    names = speaker_names(["src:الوقائع", "unnamed_source"], ACTORS)
    out = chain_plotly("جريدة > src:الوقائع > unnamed_source", "جريدة", names)
    assert out == f"{RLI}جريدة{PDI} &gt; {RLI}الوقائع{PDI} &gt; unnamed source(s)"


def test_stance_evidence_cuts_the_sentence_around_the_evidence():
    t = make_tables([stance(hedged=True, speaker_id="unnamed_source")])
    (r,) = stance_data.stance_evidence(t, ACTORS).to_dict("records")
    assert (r["before"], r["match"], r["after"]) == (
        "قالت مصادر إن روسيا",
        "ترفض الوجود الإيراني",
        "في سوريا.",
    )
    assert (r["holder"], r["hedged"], r["speaker"]) == ("Russia", "hedged", "unnamed source(s)")


def test_stance_evidence_filters():
    t = make_tables([stance(), stance(doc_id="d2", holder_id="ISR", polarity="support")])
    assert stance_data.stance_evidence(t, ACTORS, holder="ISR")["polarity"].tolist() == ["support"]
    assert stance_data.stance_evidence(t, ACTORS, polarity="oppose")["holder"].tolist() == [
        "Russia"
    ]
    assert stance_data.stance_evidence(t, ACTORS, target="oil").empty


# --- figures ------------------------------------------------------------------------------


def test_timeline_hedged_markers_differ_from_on_record():
    t = make_tables([stance(), stance(doc_id="d2", hedged=True, speaker_id="unnamed_source")])
    fig = stance_figures.stance_timeline(t, actors=ACTORS)
    traces = {tr.name: tr for tr in fig.data if tr.visible is not False}
    assert set(traces) == {"oppose", "oppose (hedged)"}
    on, hedged = traces["oppose"], traces["oppose (hedged)"]
    assert hedged.marker.symbol.endswith("-open") and not on.marker.symbol.endswith("-open")
    assert hedged.marker.opacity < on.marker.opacity
    assert "hedged" in hedged.hovertext[0] and "on record" in on.hovertext[0]
    hover = on.hovertext[0]
    for part in ("Russia", "Outlet A · 2019-01-15 · d1", "speaker: Russia", "Outlet A &gt; Russia"):
        assert part in hover
    assert "ترفض الوجود الإيراني" in hover and RLI in hover


@pytest.mark.parametrize(("freq", "label"), [("M", "in 2019-01"), ("Q", "in 2019Q1")])
def test_timeline_periods(freq, label):
    t = make_tables([stance(), stance(doc_id="d2", date=pd.Timestamp("2019-02-02"))])
    fig = stance_figures.stance_timeline(t, freq=freq, actors=ACTORS)
    points = sum(len(tr.x) for tr in fig.data if tr.visible is not False)
    assert points == (2 if freq == "M" else 1)
    assert any(label in h for h in hovers(fig))
    assert fig.layout.xaxis.rangeslider.visible


def test_timeline_has_an_outlet_menu():
    t = make_tables([stance(), stance(doc_id="d2", outlet="Outlet B")])
    fig = stance_figures.stance_timeline(t, actors=ACTORS)
    labels = [b.label for b in fig.layout.updatemenus[0].buttons]
    assert labels == ["All outlets", "Outlet A", "Outlet B"]


def test_heatmap_marks_outlets_that_differ():
    t = make_tables([stance(), stance(doc_id="d2", outlet="Outlet B", polarity="support")])
    fig = stance_figures.outlet_comparison_heatmap(t, actors=ACTORS)
    (heat,) = fig.data
    assert heat.y[0].endswith("≠")
    assert [list(r) for r in heat.z] == [
        [stance_figures.POLARITY_CODES["oppose"], stance_figures.POLARITY_CODES["support"]]
    ]


def test_sankey_runs_outlet_source_speaker():
    fig = stance_figures.source_chain_sankey(chain_tables(), ACTORS)
    sankey = fig.data[0]
    labels = list(sankey.node.label)
    for name in ("Outlet A", "Outlet B", "Reuters", "Russia", "unnamed source(s)"):
        assert name in labels
    pairs = {
        (labels[s], labels[t]) for s, t in zip(sankey.link.source, sankey.link.target, strict=True)
    }
    assert ("Outlet B", "Reuters") in pairs and ("Reuters", "unnamed source(s)") in pairs
    assert ("Outlet A", "Russia") in pairs


# --- empty selections -----------------------------------------------------------------------


def empty_selections():
    no_rows = make_tables([])
    small = SimpleNamespace(  # no stances or attribution tables at all (notebook 01/02 data)
        documents=no_rows.documents, sentences=no_rows.sentences, mentions=pd.DataFrame()
    )
    undated = make_tables([stance(date=pd.NaT)])
    return {"no rows": no_rows, "no tables": small, "undated only": undated}


ALL_VIEWS = {
    "timeline": lambda t: stance_figures.stance_timeline(t, actors=ACTORS),
    "timeline_q": lambda t: stance_figures.stance_timeline(t, freq="Q", lang="both", actors=ACTORS),
    "heatmap": lambda t: stance_figures.outlet_comparison_heatmap(t, actors=ACTORS),
    "sankey": lambda t: stance_figures.source_chain_sankey(t, ACTORS),
    "summary": lambda t: stance_tables.summary_table(t, ACTORS),
    "comparison": lambda t: stance_tables.comparison_table(t, ACTORS),
    "chains": lambda t: stance_tables.chains_table(t, ACTORS),
    "evidence": lambda t: stance_tables.evidence_table(t, ACTORS),
    "counts": stance_tables.counts_table,
}


@pytest.mark.parametrize("selection", ["no rows", "no tables"])
@pytest.mark.parametrize("view", sorted(ALL_VIEWS))
def test_views_on_empty_selections(view, selection):
    out = ALL_VIEWS[view](empty_selections()[selection])
    if hasattr(out, "to_json"):
        text = json.dumps(out.to_plotly_json()["layout"].get("annotations", []))
        assert "No stances in this selection" in text or "No attributed claims" in text
    else:
        assert out.frame.empty
        assert "no stances in this selection" in out.html.lower() or "no attributed" in out.html
        assert repr(out) == "(no rows)"


def test_undated_stances_are_counted_not_plotted():
    t = empty_selections()["undated only"]
    fig = stance_figures.stance_timeline(t, actors=ACTORS)
    assert "1 undated" in json.dumps(fig.to_plotly_json()["layout"]["annotations"])
    assert len(stance_data.holder_issue_summary(t.stances)) == 1
    assert len(stance_data.stance_evidence(t, ACTORS)) == 1


@pytest.mark.parametrize(
    "func",
    [stance_data.stance_counts, stance_data.holder_issue_summary, stance_data.outlet_comparison],
)  # fmt: skip
def test_data_functions_on_empty_frames(func):
    out = func(empty_stances())
    assert out.empty and len(out.columns) > 0


# --- hostile text ---------------------------------------------------------------------------


def hostile_tables() -> Tables:
    sentence = f"قال {IMG} إن روسيا ترفض الوجود الإيراني \u202e<b>x</b>."
    start = sentence.index("ترفض")
    end = start + len("ترفض الوجود الإيراني")
    rows = [
        stance(
            holder_id=IMG,
            speaker_id=IMG,
            outlet=IMG,
            source_chain=f"{IMG} > src:{IMG} > {IMG}",
            start=start,
            end=end,
            evidence=IMG + sentence[start:end],
        ),
        stance(doc_id="d2", outlet="Outlet B", polarity="support", hedged=True),
    ]
    att = pd.DataFrame(
        [
            {"doc_id": "d1", "sent_id": 0, "speaker_id": IMG, "speaker_kind": "person",
             "cited_source": f"src:{IMG}", "source_chain": f"{IMG} > src:{IMG} > {IMG}",
             "hedged": True},
        ]
    )  # fmt: skip
    t = make_tables(rows, att)
    t.documents.loc[t.documents["doc_id"] == "d1", "text"] = sentence
    t.sentences.loc[t.sentences["doc_id"] == "d1", ["text", "end"]] = [sentence, len(sentence)]
    return t


@pytest.mark.parametrize("view", sorted(ALL_VIEWS))
def test_hostile_strings_are_escaped(view):
    actors = pd.concat(
        [ACTORS, pd.DataFrame([{"id": IMG, "kind": "person", "label_en": IMG, "label_ar": IMG}])]
    )
    views = {
        "timeline": lambda t: stance_figures.stance_timeline(t, lang="both", actors=actors),
        "timeline_q": lambda t: stance_figures.stance_timeline(t, freq="Q", lang="ar", actors=None),
        "heatmap": lambda t: stance_figures.outlet_comparison_heatmap(
            t, lang="both", actors=actors
        ),
        "sankey": lambda t: stance_figures.source_chain_sankey(t, actors),
        "summary": lambda t: stance_tables.summary_table(t, actors),
        "comparison": lambda t: stance_tables.comparison_table(t, actors),
        "chains": lambda t: stance_tables.chains_table(t, actors),
        "evidence": lambda t: stance_tables.evidence_table(t, actors),
        "counts": stance_tables.counts_table,
    }
    out = views[view](hostile_tables())
    text = out.to_json() if hasattr(out, "to_json") else out.html
    decoded = json.dumps(json.loads(text), ensure_ascii=False) if text.startswith("{") else text
    assert "<img" not in decoded and "<b>x" not in decoded
    assert "\u202e" not in decoded
    assert "&lt;img src=x onerror=alert(1)&gt;" in decoded


# --- the fixture corpus -----------------------------------------------------------------------


def test_fixture_stances(fixture_tables):
    from analysis.report.notebook import load_actors

    counts = stance_data.stance_counts(fixture_tables.stances).set_index(["holder_id", "target"])
    assert counts.loc[("RUS", "iranian_presence"), "oppose"] >= 1
    assert counts.loc[("ISR", "iranian_presence"), "oppose"] >= 1
    # the headline's condition move ("يضع شروطا لخفض وجوده") implies one (issue #16), the
    # body's hedged attitude cue gives the other
    assert counts.loc[("irgc", "iranian_presence"), "conditional"] == 2
    assert counts.loc[("irgc", "iranian_presence"), "hedged"] == 1
    summary = stance_data.holder_issue_summary(fixture_tables.stances, load_actors())
    irgc = summary.set_index(["holder_id", "issue"]).loc[("irgc", "iranian_presence")]
    assert irgc["holder"] == "Islamic Revolutionary Guard Corps" and irgc["hedged_share"] == 0.5
    comp = stance_data.outlet_comparison(fixture_tables.stances).set_index(["holder_id", "issue"])
    assert comp.loc[("ISR", "iranian_presence"), "agreement"] == "agree"
    assert comp.loc[("RUS", "iranian_presence"), "agreement"] == "differ"


def test_fixture_views_render(fixture_tables):
    from analysis.report.notebook import load_actors

    actors = load_actors()
    fig = stance_figures.stance_timeline(fixture_tables, actors=actors)
    shown = [tr for tr in fig.data if tr.visible is not False]
    assert {tr.name for tr in shown} >= {"oppose", "conditional (hedged)", "support"}
    dated = fixture_tables.stances.dropna(subset=["date"])
    points = dated.assign(period=dated["date"].dt.to_period("M"))
    keys = ["period", "holder_id", "target", "polarity", "hedged"]
    assert sum(len(tr.x) for tr in shown) == points.groupby(keys).ngroups
    chains = stance_data.source_chains(fixture_tables, actors)
    assert ("unknown", "الوقائع", "unnamed source(s)") in set(
        zip(chains["outlet"], chains["via"], chains["speaker"], strict=True)
    )
    html = stance_tables.evidence_table(fixture_tables, actors).html
    assert (
        'dir="rtl" style="overflow-x:auto;max-width:100%"><table>' in html
        and "وافقت على إبعاد قواتها" in html
    )


# --- regressions: cited sources named, outlet columns, period names --------------------------


def test_timeline_hover_names_cited_sources_in_the_chain():
    chain = "Outlet A > newsweek > src:الوقائع > unnamed_source"
    t = make_tables([stance(speaker_id="unnamed_source", hedged=True, source_chain=chain)])
    hover = hovers(stance_figures.stance_timeline(t, actors=ACTORS))[0]
    expected = f"Outlet A &gt; Newsweek &gt; {RLI}الوقائع{PDI} &gt; unnamed source(s)"
    assert f"source chain: {expected}" in hover
    assert "newsweek" not in hover and "src:" not in hover


def test_heatmap_hover_names_cited_sources_in_the_chain():
    t = make_tables([stance(source_chain="Outlet A > reuters > RUS")])
    hover = "\n".join(hovers(stance_figures.outlet_comparison_heatmap(t, actors=ACTORS)))
    assert "Outlet A &gt; Reuters &gt; Russia" in hover


def test_source_chains_names_each_of_several_cited_sources():
    att = attribution_rows()
    att.loc[1, ["cited_source", "source_chain"]] = [
        "reuters|src:الوقائع",
        "Outlet B > reuters > src:الوقائع > unnamed_source",
    ]
    t = chain_tables()
    t.attribution = att
    out = stance_data.source_chains(t, ACTORS)
    row = out[out["cited_source"] == "reuters|src:الوقائع"].iloc[0]
    assert row["via"] == "Reuters > الوقائع"
    assert row["example_chain"] == "Outlet B > Reuters > الوقائع > unnamed source(s)"


@pytest.mark.parametrize(
    "names", [["n", "agreement"], ["polarities", "holder"], ["holder_id", "issue", "target"]]
)
def test_outlet_comparison_keeps_outlets_named_like_its_columns(names):
    rows = [
        stance(doc_id=f"d{i}", outlet=o, polarity=("oppose" if i else "support"))
        for i, o in enumerate(names)
    ]
    out = stance_data.outlet_comparison(pd.DataFrame(rows), ACTORS, outlets=names)
    fixed = ["holder_id", "holder", "issue", "agreement", "polarities"]
    shown = [f"{o} (outlet)" if o in fixed else o for o in names]
    assert list(out.columns) == [*fixed, *shown]
    (r,) = out.to_dict("records")
    assert (r["holder_id"], r["holder"], r["issue"]) == ("RUS", "Russia", "iranian_presence")
    assert (r["agreement"], r["polarities"]) == ("differ", "support, oppose")
    assert [r[c] for c in shown] == ["support", *["oppose"] * (len(names) - 1)]
    columns = list(stance_tables.comparison_table(make_tables(rows), ACTORS).frame.columns)
    assert columns[:4] == fixed[1:] and sorted(columns[4:]) == sorted(shown)


@pytest.mark.parametrize(
    ("freq", "period"), [("M", "month"), ("Q", "quarter"), ("Y", "year"), ("W", "week")]
)
def test_timeline_title_names_the_period(freq, period):
    fig = stance_figures.stance_timeline(make_tables([stance()]), freq=freq, actors=ACTORS)
    assert fig.layout.title.text == f"Stances over time (by {period})"


def test_holder_issue_summary_with_missing_offsets(fixture_tables):
    st = fixture_tables.stances.astype({"start": "Int64"})
    st.loc[st.index[:2], "start"] = pd.NA
    out = stance_data.holder_issue_summary(st)
    assert out["stances"].sum() == len(st.dropna(subset=["holder_id", "target"]))


def test_remembered_hovers_follow_the_labels_and_names(fixture_tables):
    from analysis.report.notebook import load_actors

    actors = load_actors()

    def hovers(**kwargs):
        fig = stance_figures.stance_timeline(fixture_tables, actors=actors, **kwargs)
        return [h for trace in fig.data for h in (trace.hovertext or ())]

    english = hovers(lang="en")
    assert english and hovers(lang="en") == english  # the second time remembered
    arabic = hovers(lang="ar")
    assert len(arabic) == len(english) and arabic != english  # other labels, other hovers
    HOVERS.clear()
    assert hovers(lang="ar") == arabic  # made afresh: the same


def test_holder_issue_summary_keeps_time_zones(fixture_tables):
    stances = fixture_tables.stances
    local = stances.assign(date=stances["date"].dt.tz_localize("Asia/Damascus"))
    out = stance_data.holder_issue_summary(local)
    assert str(out["first_date"].dtype) == "datetime64[ns, Asia/Damascus]"
    naive = stance_data.holder_issue_summary(
        stances.assign(date=stances["date"].astype("datetime64[us]"))
    )
    assert str(naive["last_date"].dtype) == "datetime64[ns]"


def test_timeline_polarities_stand_on_their_own_lanes(fixture_tables):
    """Support and opposition of one holder in one month are side by side, not stacked on
    one spot (plotly's scattermode "group", one offset group per polarity)."""
    fig = stance_figures.stance_timeline(fixture_tables)
    assert fig.layout.scattermode == "group"
    shown = [t for t in fig.data if len(t.x)]
    assert shown and all(t.orientation == "h" and t.offsetgroup for t in shown)
    by_polarity = {t.offsetgroup for t in shown}
    assert by_polarity <= {"support", "oppose", "conditional", "neutral"}
