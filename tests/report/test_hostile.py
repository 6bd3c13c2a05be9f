"""Hardening, end to end: a hostile corpus (tests/hostile.py) through the loader, the CLI,
every display path (tables, figures, widgets, Markdown), the exports and the HTML reports.

Good files load with their encoding and flags; every bad file and manifest row is listed
with its reason; texts keep their original characters while nothing shown or exported
carries live markup, a script URL, a formula or the data's bidi/zero-width characters.
"""

from __future__ import annotations

import csv
import io
import json
import re

import nbformat
import pandas as pd
import pytest
from hostile import (
    ARTICLES,
    BOLD,
    FORBIDDEN_INVISIBLE,
    FORMULA,
    IMG,
    JS_LINK,
    PAYLOADS,
    SCRIPT,
    SPAN,
    SVG,
    Expectations,
    live_fragments,
    page_text,
    scan_figure,
    scan_html,
    session_corpus,
    session_reports,
    unescape_js,
    unpack_blocks,
)

from analysis.cli import main
from analysis.load.corpus import load_corpus
from analysis.panel import widgets
from analysis.pipeline import export
from analysis.pipeline.store import read_tables
from analysis.report.notebook import load_actors
from analysis.text import safety
from analysis.views import corpus_figures, corpus_tables, html, mention_figures, mention_tables


# --- loading ----------------------------------------------------------------------------
@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> Expectations:
    return session_corpus(tmp_path_factory)


@pytest.fixture(scope="session")
def hostile_reports(tmp_path_factory) -> dict:
    return session_reports(tmp_path_factory)


@pytest.fixture(scope="module")
def corpus(hostile):
    return load_corpus(hostile.root)


@pytest.fixture(scope="module")
def tagged(hostile, tmp_path_factory):
    """``analysis tag`` through the CLI; returns (exit code, stdout, the written tables)."""
    out = tmp_path_factory.mktemp("hostile-tag")
    buf = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(buf):
        code = main(["tag", str(hostile.root), "--out", str(out)])
    return code, buf.getvalue(), read_tables(out), out


def _doc(corpus, name: str) -> pd.Series:
    rows = corpus.documents[corpus.documents["path"] == name]
    assert len(rows) == 1, f"{name}: {len(rows)} documents"
    return rows.iloc[0]


def test_every_good_file_loads_with_its_encoding_and_flags(corpus, hostile):
    assert sorted(corpus.documents["path"]) == sorted(hostile.loaded)
    wrong = []
    for name, want in hostile.loaded.items():
        doc = _doc(corpus, name)
        flags = set(filter(None, str(doc["flags"]).split(",")))
        if doc["encoding"] != want["encoding"] or not set(want["flags"]) <= flags:
            wrong.append((name, doc["encoding"], sorted(flags), want))
    assert not wrong, wrong


def test_every_bad_file_is_listed_once_with_its_reason(corpus, hostile):
    files = corpus.rejected[corpus.rejected["row"].isna()]
    assert sorted(files["path"]) == sorted(hostile.rejected_files)
    wrong = [
        (r.path, r.reason)
        for r in files.itertuples(index=False)
        if hostile.rejected_files[r.path].lower() not in r.reason.lower()
    ]
    assert not wrong, wrong


def test_invalid_bytes_are_reported_with_their_offset(corpus, hostile):
    reason = corpus.rejected.set_index("path").loc["b03_mixed_bytes.txt", "reason"]
    assert f"offset {hostile.invalid_offset}" in reason


def test_binary_with_nuls_on_one_parity_is_called_binary():
    from analysis.load.textio import UnreadableFile, decode_bytes

    data = b"%PDF-1.4\n\x00\x01\x02\x03binary\x00\xff\xfe" * 20
    with pytest.raises(UnreadableFile, match=r"NUL|binary"):
        decode_bytes(data)


def test_documents_record_the_encoding_confidence(corpus):
    columns = [c for c in corpus.documents.columns if "confidence" in c]
    assert columns, list(corpus.documents.columns)
    conf = corpus.documents.set_index("path")[columns[0]].astype(float)
    assert conf["g01_utf8.txt"] == 1.0 and conf["g03_utf16_bom.txt"] == 1.0
    assert 0 < conf["g06_short_cp1256.txt"] <= 1.0


def test_mixed_legacy_and_utf8_bytes_are_rejected_with_the_offset():
    from analysis.load.textio import UnreadableFile, decode_bytes

    head = ARTICLES["astana"].encode("cp1256")
    data = head + " وقالت وكالة تسنيم الإيرانية إن ".encode() + ARTICLES["strikes"].encode("cp1256")
    first_bad = next(i for i, b in enumerate(head) if b >= 0x80)
    with pytest.raises(UnreadableFile, match=f"offset {first_bad}"):
        decode_bytes(data)


SAVED_PAGE = (
    "<html><head><title>خبر</title></head><body><p>إيران وروسيا في سوريا</p>"
    "<script>alert(1)</script></body></html>"
)


@pytest.mark.parametrize(
    "prefix",
    [
        "<!-- saved from url=(0042)https://example.org/news/1 -->\n",
        '<?xml version="1.0" encoding="utf-8"?>\n',
        "<head><meta charset='utf-8'></head>",
    ],
    ids=["saved-from-comment", "xml-declaration", "head-first"],
)
def test_saved_html_pages_are_rejected_whatever_their_first_tag(prefix):
    from analysis.load.textio import UnreadableFile, decode_bytes

    with pytest.raises(UnreadableFile, match="HTML"):
        decode_bytes((prefix + SAVED_PAGE).encode("utf-8"))


def test_a_link_out_of_the_corpus_folder_is_rejected(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(ARTICLES["astana"], encoding="utf-8")
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLES["withdrawal"], encoding="utf-8")
    (root / "link.txt").symlink_to(outside)
    loaded = load_corpus(root)
    assert loaded.documents["path"].tolist() == ["a.txt"]
    assert "outside" in loaded.rejected.set_index("path").loc["link.txt", "reason"]


def test_bidi_in_metadata_flags_the_document(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLES["withdrawal"], encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,title\na.txt,\u202eXYZ,\u200bعنوان\n", encoding="utf-8"
    )
    flags = load_corpus(tmp_path).documents["flags"].iloc[0].split(",")
    assert {"bidi_controls", "zero_width"} <= set(flags), flags


def test_a_saved_page_keeps_its_article_and_drops_its_live_markup(corpus, hostile):
    """Scripts, event attributes, script links, SVG and iframes of a saved page never reach
    the tables, not even as text; markup the page wrote as text stays, as written."""
    assert hostile.inert, "the hostile corpus has no saved page"
    for name, fragments in hostile.inert.items():
        doc = _doc(corpus, name)
        for column in ("text", "title", "url", "date_note", "path"):
            found = [f for f in fragments if f in str(doc[column])]
            assert not found, (name, column, found)
        assert doc["extraction"].startswith("trafilatura "), doc["extraction"]
        for column, value in hostile.pages[name].items():
            got = doc[column]
            got = got.strftime("%Y-%m-%d") if isinstance(got, pd.Timestamp) else got
            assert got == value, (name, column, got)
    sents = corpus.sentences.merge(corpus.documents[["doc_id", "path"]], on="doc_id")
    page_sents = sents[sents["path"].isin(list(hostile.inert))]
    assert len(page_sents) and not page_sents["text"].str.contains("live-|javascript:").any()


def test_a_saved_pages_data_payloads_render_inert(tagged, hostile):
    """What the page brought as data (its site name and title carry markup) is shown escaped."""
    _, _, tables, _ = tagged
    docs = tables.documents[tables.documents["path"].isin(list(hostile.inert))]
    assert len(docs) == len(hostile.inert)
    ids = set(docs["doc_id"])
    rendered = {
        "documents": html.render(docs[["doc_id", "path", "outlet", "title", "url", "text"]]).html,
        "sentences": html.render(tables.sentences[tables.sentences["doc_id"].isin(ids)]).html,
        "mentions": html.render(tables.mentions[tables.mentions["doc_id"].isin(ids)]).html,
    }
    problems = {name: scan_html(html) for name, html in rendered.items()}
    assert not any(problems.values()), problems
    assert safety.escape_html(IMG) in rendered["documents"]  # the site name, as text
    assert safety.escape_html(BOLD) in rendered["documents"]  # in the title
    assert safety.escape_html(SPAN) in rendered["sentences"]  # written as text on the page
    assert not any("live-" in html for html in rendered.values())


def test_every_bad_manifest_row_is_listed_with_its_reason(corpus, hostile):
    rows = corpus.rejected[corpus.rejected["path"] == "manifest.csv"]
    assert sorted(rows["row"].astype(int)) == sorted(hostile.rejected_rows)
    wrong = [
        (int(r.row), r.reason)
        for r in rows.itertuples(index=False)
        if hostile.rejected_rows[int(r.row)].lower() not in r.reason.lower()
    ]
    assert not wrong, wrong


def test_manifest_values_are_kept_as_written(corpus, hostile):
    """No NA guessing ("NA", "null" stay), payloads kept verbatim, Arabic-Indic dates read,
    and a row whose only problem is its date keeps the rest of its metadata."""
    wrong = []
    for name, want in hostile.metadata.items():
        doc = _doc(corpus, name)
        for column, value in want.items():
            got = doc[column]
            got = got.strftime("%Y-%m-%d") if isinstance(got, pd.Timestamp) else got
            if got != value:
                wrong.append((name, column, got, value))
    assert not wrong, wrong
    for row, name in hostile.rows_kept.items():
        doc = _doc(corpus, name)
        assert doc["outlet_source"] == "manifest", (row, name)
        assert "manifest" not in str(doc["date_note"]), (row, name, doc["date_note"])


def test_texts_have_no_bom_or_cr_but_keep_their_characters(corpus, hostile):
    docs, sents = corpus.documents, corpus.sentences
    for column in ("text", "title"):
        assert not docs[column].str.contains("\ufeff|\r", regex=True).any(), column
    assert not sents["text"].str.contains("\ufeff|\r", regex=True).any()
    for name, pieces in hostile.originals.items():
        text = _doc(corpus, name)["text"]
        assert all(p in text for p in pieces), (name, [p for p in pieces if p not in text])
    merged = sents.merge(docs[["doc_id", "text"]], on="doc_id", suffixes=("", "_doc"))
    sliced = [
        d[s:e] for d, s, e in zip(merged["text_doc"], merged["start"], merged["end"], strict=True)
    ]
    assert sliced == merged["text"].tolist()


def test_folded_spellings_are_tagged_and_surfaces_stay_original(tagged, hostile):
    _, _, tables, _ = tagged
    docs = tables.documents.set_index("path")
    for name, actor_ids in hostile.tagged.items():
        doc_id = docs.loc[name, "doc_id"]
        text = docs.loc[name, "text"]
        m = tables.mentions[tables.mentions["doc_id"] == doc_id]
        assert set(actor_ids) <= set(m["actor_id"]), (name, sorted(set(m["actor_id"])))
        assert all(
            text[s:e] == sf for s, e, sf in zip(m["start"], m["end"], m["surface"], strict=True)
        )
        assert set(hostile.originals[name]) & set(m["surface"]), m["surface"].tolist()


def test_duplicate_variants_share_one_group(corpus, hostile):
    groups = corpus.documents.set_index("path")["dup_group"]
    for names in hostile.dup_sets:
        assert groups[names].nunique() == 1, groups[names].to_dict()
        dup = groups[names[0]]
        assert not (groups[hostile.distinct] == dup).any()
    assert groups[hostile.distinct].nunique() == len(hostile.distinct)


def test_cli_tag_finishes_and_lists_every_rejection(tagged, hostile):
    code, stdout, _, out = tagged
    assert code == 0, stdout
    assert f"{len(hostile.loaded)} documents" in stdout
    assert "rejected.csv" in stdout
    with open(out / "rejected.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    files = {r["path"] for r in rows if not r["row"]}
    manifest_rows = {int(r["row"]) for r in rows if r["path"] == "manifest.csv"}
    assert files == set(hostile.rejected_files)
    assert manifest_rows == set(hostile.rejected_rows)
    assert all(r["reason"] for r in rows)


# --- display paths ------------------------------------------------------------------------


def _render_all(tables, actors) -> dict[str, str]:
    """Every table the notebooks show, plus the raw tables, rendered with tables.render."""
    doc_cols = ["doc_id", "path", "outlet", "date", "title", "url", "text", "flags"]
    out = {
        "documents": html.render(tables.documents[doc_cols]).html,
        "sentences": html.render(tables.sentences, max_rows=10_000).html,
        "mentions": html.render(tables.mentions, max_rows=10_000).html,
        "rejected": html.render(tables.rejected, caption=IMG).html,
        "articles_by_outlet": html.render(corpus_tables.articles_by_outlet(tables.documents)).html,
        "date_sources": html.render(corpus_tables.date_sources(tables.documents)).html,
        "duplicates": html.render(corpus_tables.duplicate_groups(tables.documents)).html,
        "by_actor": html.render(mention_tables.mentions_by_actor(tables, actors)).html,
        "by_outlet": html.render(mention_tables.mentions_by_outlet(tables)).html,
    }
    for actor in ("IRN", "irgc", "RUS", "USA"):
        frame = mention_tables.kwic(tables, actor, actors=actors)
        out[f"kwic_{actor}"] = html.render(frame, caption=actor, **html.KWIC_LAYOUT).html
    return out


def test_rendered_tables_hold_no_live_markup(tagged):
    _, _, tables, _ = tagged
    pages = _render_all(tables, load_actors())
    problems = {name: scan_html(html) for name, html in pages.items()}
    assert not any(problems.values()), {k: v[:3] for k, v in problems.items() if v}
    # The payloads are there, shown as text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["documents"]
    assert safety.escape_html(JS_LINK) in pages["documents"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages["kwic_RUS"] + pages["kwic_irgc"]
    # and the rendered text reads as the data did, minus the invisible characters
    assert repr(html.render(tables.documents[["title"]])).count("\u202e") == 0


@pytest.mark.parametrize("lang", ["en", "ar", "both"])
def test_figures_escape_labels_and_hover(tagged, lang):
    _, _, tables, _ = tagged
    actors = load_actors()
    figs = {
        "articles_over_time": corpus_figures.articles_over_time(tables.documents),
        "articles_by_outlet": corpus_figures.articles_by_outlet(tables.documents),
        "sections": corpus_figures.sections_chart(tables),
        "mentions_by_actor": mention_figures.mentions_by_actor(tables, lang=lang, actors=actors),
        "mentions_over_time": mention_figures.mentions_over_time(tables, lang=lang, actors=actors),
        "mentions_by_outlet": mention_figures.mentions_by_outlet(tables, lang=lang, actors=actors),
        "rollup": mention_figures.rollup_chart(tables, actors, lang=lang),
        "cooccurrence": mention_figures.cooccurrence_heatmap(tables, lang=lang, actors=actors),
        # without the dictionary, Arabic labels come from the mentions' surfaces
        "by_actor_surfaces": mention_figures.mentions_by_actor(tables, lang=lang),
    }
    problems = {name: scan_figure(fig.to_plotly_json()) for name, fig in figs.items()}
    assert not any(problems.values()), {k: v[:3] for k, v in problems.items() if v}
    hovers = json.dumps(
        figs["articles_over_time"].to_plotly_json(), ensure_ascii=False, default=str
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in hovers  # the outlet, shown as text


def test_widget_labels_and_status_are_escaped(tagged):
    _, _, tables, _ = tagged
    panel = widgets.FilterPanel(tables, interactive=True)
    labels = [label for label, _ in panel.outlet_select.options]
    assert not [s for s in labels if FORBIDDEN_INVISIBLE.search(s)]
    outlets = [o for o in tables.documents["outlet"].unique() if "<" in o]
    assert outlets, "the hostile outlets are missing"
    panel.set_filters(outlets=outlets)
    # ipywidgets' HTML widget renders its value as markup: the data must arrive escaped.
    assert not live_fragments(panel.status.value), panel.status.value
    assert not scan_html(panel.status.value)
    static = widgets.FilterPanel(tables, interactive=False, outlets=outlets)
    from IPython.core.formatters import format_display_data  # noqa: F401 (IPython present)

    assert not live_fragments(safety.escape_html(static.describe()))


@pytest.mark.parametrize(
    "payload", [*PAYLOADS, "[x](javascript:alert(1))", "![i](http://evil/x.png)"]
)
def test_markdown_escaping_renders_no_markup(payload):
    import mistune  # nbconvert's Markdown renderer

    rendered = mistune.html(safety.escape_markdown(payload))
    assert not re.search(r"<(?!/?p>)[a-z]", rendered), rendered  # only the paragraph
    assert not scan_html(rendered)


# --- exports --------------------------------------------------------------------------------

FORMULA_CELLS = ["=1+1", "+1+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\u200b@x", FORMULA]


def _export_frame(tables) -> pd.DataFrame:
    docs = tables.documents[["doc_id", "outlet", "title", "text", "n_chars"]].copy()
    extra = pd.DataFrame(
        {
            "doc_id": [f"x{i}" for i in range(len(FORMULA_CELLS))],
            "outlet": FORMULA_CELLS,
            "title": ["\u202e=1+1", "-5", "+3.5", "-1e3", "—", "", " =1"],
            "text": ["x"] * len(FORMULA_CELLS),
            "n_chars": [-5, 0, 3, -1, 2, 7, 8],
        }
    )
    return pd.concat([docs, extra], ignore_index=True)


def _check_exported(rows: list[list], frame: pd.DataFrame) -> None:
    header, body = rows[0], rows[1:]
    assert header == list(frame.columns)
    for row in body:
        for value in row:
            if isinstance(value, str) and value:
                assert not FORBIDDEN_INVISIBLE.search(value), value
                if value[0] in "=+-@\t\r":
                    assert re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", value), value
    by_id = {r[0]: r for r in body}
    assert by_id["x0"][1] == "'=1+1" and by_id["x6"][1] == "'" + FORMULA
    assert by_id["x0"][2] == "'=1+1"  # the bidi override in front no longer hides "="
    assert by_id["x1"][2] == "-5" and by_id["x2"][2] == "+3.5"  # numbers as text stay
    assert by_id["x4"][1] == "'\t=1" and by_id["x5"][1] == "'@x"


def test_csv_export_neutralises_formulas_and_keeps_numbers(tagged, tmp_path):
    _, _, tables, _ = tagged
    frame = _export_frame(tables)
    path = export.to_safe_csv(frame, tmp_path / "docs.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    _check_exported(rows, frame)
    back = pd.read_csv(path, encoding="utf-8-sig", dtype={"outlet": str, "title": str})
    assert back["n_chars"].dtype.kind == "i" and back["n_chars"].iloc[-7] == -5
    payload_doc = tables.documents.set_index("path").loc["g06_short_cp1256.txt", "doc_id"]
    assert back.set_index("doc_id").loc[payload_doc, "title"] == "'" + FORMULA
    assert back.set_index("doc_id").loc[payload_doc, "outlet"] == BOLD  # text, not a formula


@pytest.mark.parametrize("value", ["\r=1+1", "note\r=1+1", "خبر\r@SUM(A1)"])
def test_csv_export_keeps_a_cell_with_a_carriage_return_in_its_row(value, tmp_path):
    frame = pd.DataFrame({"text": [value, "ok"], "n": [1, 2]})
    path = export.to_safe_csv(frame, tmp_path / "cr.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))  # a spreadsheet ends a row at CR as well as LF
    assert len(rows) == 3, rows
    assert all(not c.startswith(("=", "+", "@")) for row in rows for c in row), rows


def test_excel_export_neutralises_formulas_and_keeps_numbers(tagged, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    _, _, tables, _ = tagged
    frame = _export_frame(tables)
    path = export.to_safe_excel(frame, tmp_path / "docs.xlsx")
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    _check_exported([[("" if v is None else v) for v in r] for r in rows], frame)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert rows[-7][4] == -5  # a number stays a number


# --- the HTML reports -------------------------------------------------------------------------


def test_report_command_finishes_on_the_hostile_corpus(hostile_reports):
    assert hostile_reports["code"] == 0
    names = [p.name for p in hostile_reports["pages"]]
    assert "index.html" in names and len(names) >= 3, names


def test_reports_hold_no_live_payload(hostile_reports):
    problems = {p.name: scan_html(p.read_text(encoding="utf-8")) for p in hostile_reports["pages"]}
    assert not any(problems.values()), {k: v[:5] for k, v in problems.items() if v}
    for page in hostile_reports["pages"]:  # the rows the page's script unpacks
        for block in unpack_blocks(page.read_text(encoding="utf-8")):
            assert not live_fragments(unescape_js(block)), (page.name, block[:300])


def test_reports_hold_nothing_of_a_saved_pages_live_markup(hostile_reports, hostile):
    """The saved page's scripts, handlers and links were dropped at load: not even their
    text reaches a report (its article does: the reports count its sentences)."""
    fragments = {f for page in hostile.inert.values() for f in page if f.startswith("live-")}
    html = "".join(p.read_text(encoding="utf-8") for p in hostile_reports["pages"])
    shown = unescape_js(html) + "".join(unpack_blocks(html))  # the markup and the rows
    assert fragments and not [f for f in fragments if f in shown]
    # words of the page's article (its headline: the body's first sentence names the
    # Iran-backed militias, an actor the reports' example sentences need not pick)
    assert "فصائل موالية لإيران تخلي مواقع" in shown


def test_executed_notebooks_hold_no_live_payload(hostile_reports):
    """The figure JSON and HTML outputs the reports are made of (also what JupyterLab shows)."""
    problems = []
    for path in sorted((hostile_reports["out"] / "executed").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for n, cell in enumerate(nb.cells):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "text/html" in data:
                    html = data["text/html"]
                    html = "".join(html) if isinstance(html, list) else html
                    # plotly's notebook renderer writes a MathJax CDN <script src> into
                    # each figure; reports.strip_external removes it from the pages
                    # (checked by test_reports_hold_no_live_payload), so it is not data.
                    found = [p for p in scan_html(html) if not p.endswith("external load")]
                    problems += [f"{path.name} cell {n}: {p}" for p in found]
                if "application/vnd.plotly.v1+json" in data:
                    fig = data["application/vnd.plotly.v1+json"]
                    problems += [f"{path.name} cell {n}: {p}" for p in scan_figure(fig)]
                if "text/markdown" in data:
                    problems += [f"{path.name} cell {n}: markdown output from data"]
    assert not problems, problems[:10]


def test_overview_report_lists_every_rejection(hostile_reports, hostile):
    page = next(p for p in hostile_reports["pages"] if p.name.startswith("01"))
    text = page_text(page.read_text(encoding="utf-8"))
    n = len(hostile.rejected_files) + len(hostile.rejected_rows)
    assert f"{n} rejected file(s) or manifest row(s)" in text
    for name in hostile.rejected_files:
        assert name in text, name
    assert f"file '{SCRIPT}.txt' listed in the manifest was not found" in text


def test_report_payloads_are_shown_as_text(hostile_reports):
    html = "".join(p.read_text(encoding="utf-8") for p in hostile_reports["pages"])
    text = page_text(html)
    # in the page's data, escaped for plotly (the script writes them back as text in
    # tables; test_hostile_browser reads them on the rendered page)
    data = "".join(unpack_blocks(html)).replace('\\"', '"')
    for payload in (IMG, SCRIPT, SPAN, SVG):
        assert safety.escape_plotly(payload) in data, payload
    # The corpus folder's own name (a payload) is shown as text in the provenance.
    assert f"c_{IMG}" in text


def test_report_build_time(hostile_reports):
    # A guard, not a benchmark: the default-run budget for this module.
    assert hostile_reports["seconds"] < 120, hostile_reports["seconds"]
