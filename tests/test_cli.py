"""The command line end to end: ``analysis tag`` and ``python -m analysis``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import _parse_columns, main


def test_tag_writes_every_table(fixture_corpus, tmp_path, capsys):
    assert main(["tag", str(fixture_corpus), "--out", str(tmp_path)]) == 0
    summary = capsys.readouterr().out
    assert "5 documents" in summary
    for name in ("documents", "sentences", "mentions", "stances", "positions"):
        assert list((tmp_path / name).glob("part-*.parquet")), name
    docs = pd.read_parquet(tmp_path / "documents")
    assert docs["outlet"].notna().all() and docs["date_source"].notna().all()
    assert (tmp_path / "rejected.csv").is_file()


def test_tag_reports_a_missing_corpus(tmp_path, capsys):
    assert main(["tag", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_tag_exits_non_zero_when_nothing_loads(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    assert main(["tag", str(corpus), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "empty.txt" in err


def test_one_bad_file_does_not_stop_the_load(fixture_corpus, tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes((fixture_corpus / "tanf-2019.txt").read_bytes())
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    assert main(["tag", str(corpus), "--out", str(tmp_path / "o")]) == 0
    rejected = pd.read_csv(tmp_path / "o" / "rejected.csv")
    assert rejected["path"].str.contains("binary.txt").any()


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [([], {}), (["text=body_ar"], {"text": "body_ar"}), (["date = pub "], {"date": "pub"})],
)
def test_column_options(pairs, expected):
    assert _parse_columns(pairs) == expected


def test_column_option_errors_are_clear():
    with pytest.raises(SystemExit, match="ROLE=COLUMN"):
        _parse_columns(["text"])


def test_python_dash_m_works():
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True, check=True
    )
    assert "tag" in run.stdout and "report" in run.stdout and "doctor" in run.stdout


def test_doctor_lists_the_morphology_database(capsys):
    main(["doctor"])
    out = capsys.readouterr().out
    assert "morphology-db-msa-r13" in out


def test_explain_prints_each_decision(capsys):
    text = "وصل المبعوث الروسي إلى دمشق. وقدم ضمانات للحكومة بوقف القصف، لكنها رفضت العرض."
    assert main(["explain", text]) == 0
    out = capsys.readouterr().out
    assert "ضمانات: ضَمانَة/noun" in out  # words with lemma and part of speech
    assert "light verb قَدَّم + ضَمانَة → frame guarantee.noun" in out
    assert "RUS guarantee" in out
    assert "holder: unexpressed subject → antecedent in the previous sentence «الروسي»" in out
    # "لكنها" agrees with no actor named so far (the envoy is a man): no holder, no row
    assert "holder none by pronoun:لكنها" in out
    assert "reject counterpart" not in out


def test_explain_reads_a_bare_title_by_the_date_given(capsys):
    text = "والتقى أمير حاتمي بالوفد. ووقّع وزير الدفاع الإيراني اتفاقية تعاون مع دمشق."
    assert main(["explain", "--date", "2019-01-01", text]) == 0
    out = capsys.readouterr().out
    assert "hatami «وزير الدفاع الإيراني» (person)" in out
    assert main(["explain", text]) == 0  # no date: the page does not give him the title
    assert "IRN «الدفاع الإيراني» (state)" in capsys.readouterr().out


def test_explain_names_a_bad_date(capsys):
    with pytest.raises(SystemExit):
        main(["explain", "--date", "2019-13-01", "نص"])
    assert "not a date (YYYY-MM-DD): '2019-13-01'" in capsys.readouterr().err


def test_report_on_an_unreadable_corpus_fails_before_any_notebook_runs(tmp_path, capsys):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "notes.md").write_text("not an article")
    assert main(["report", "--corpus", str(tmp_path / "corpus"), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "no article could be loaded" in err and "Traceback" not in err
    assert not (tmp_path / "r" / "executed").exists() or not any(
        (tmp_path / "r" / "executed").iterdir()
    )


def test_a_failing_notebook_is_named_in_one_line(tmp_path):
    from analysis.report.build import ReportError, build_reports

    nb = tmp_path / "01_broken.py"
    header = (Path(__file__).parent.parent / "notebooks" / "01_corpus_overview.py").read_text(
        encoding="utf-8"
    )
    header = header[: header.index("# ---", 5) + len("# ---\n")]  # jupytext header, kernel
    nb.write_text(
        header + "\n# %% tags=['parameters']\nCORPUS = None\nINTERACTIVE = True\n\n"
        "# %%\nraise ValueError('the corpus has no outlet column')\n",
        encoding="utf-8",
    )
    with pytest.raises(ReportError, match=r"01_broken.py failed in cell \d+: ValueError: the"):
        build_reports(tmp_path / "out", notebooks=[nb])


SYRIA_CLAIMS_LIKE = {
    "id": "R-1",
    "claim": "ادعاء",
    "article": [
        "قالت موسكو إن القوات الإيرانية ستبقى في سوريا .",
        "وطالبت واشنطن بخروج القوات الإيرانية من الجنوب .",
    ],
    "url": ["https://news.example.org/2017/05/01/a", "https://other.example.net/b"],
    "stance": ["agree", "disagree"],
}


@pytest.mark.parametrize("command", ["tag", "candidates", "evaluate", "report"])
def test_every_corpus_command_takes_the_corpus_options(command):
    from analysis.cli import build_parser

    args = ["--explode", "article,url,stance", "--column", "text=article"]
    positional = {
        "tag": ["tag", "c", "--out", "o"],
        "candidates": ["candidates", "c"],
        "evaluate": ["evaluate", "gold", "--corpus", "c"],
        "report": ["report", "--corpus", "c", "--out", "o"],
    }[command]
    parsed = build_parser().parse_args(positional + args)
    assert parsed.explode == "article,url,stance" and parsed.column == ["text=article"]


def test_report_tags_the_syria_claims_layout_with_its_options(tmp_path, monkeypatch, capsys):
    import json

    from analysis.report import build as reports

    corpus = tmp_path / "dataset"
    corpus.mkdir()
    (corpus / "R-1.json").write_text(json.dumps(SYRIA_CLAIMS_LIKE, ensure_ascii=False))
    seen = {}

    def fake_build(out, corpus=None, **_kw):
        seen["corpus"] = Path(corpus)
        page = Path(out) / "index.html"
        page.write_text("<html></html>")
        return [page]

    monkeypatch.setattr(reports, "build_reports", fake_build)
    options = ["--explode", "article,url,stance", "--column", "text=article"]
    code = main(["report", "--corpus", str(corpus), "--out", str(tmp_path / "out"), *options])
    assert code == 0
    # the notebooks get the tagged tables, read as they are
    docs = pd.read_parquet(seen["corpus"] / "documents")
    assert sorted(docs["doc_id"]) == ["R-1-1", "R-1-2"]
    assert "2 documents" in capsys.readouterr().out


def test_a_missing_text_column_names_the_option_to_type(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text("body_ar,when\nنص,2018-01-01\n", encoding="utf-8")
    assert main(["tag", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "its columns are: body_ar, when" in err and "--column text=COLUMN" in err
