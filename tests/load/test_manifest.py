"""Manifests: good rows load, every problem is a row of ``rejected`` with a usable reason."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.load.manifest import read_manifest

ARTICLE = "عنوان الخبر\nنص الخبر.\n"


@pytest.fixture
def root(tmp_path):
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def write(root, text):
    path = root / "manifest.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_manifest_reads_as_strings_with_a_parsed_date(root):
    frame, rejected = read_manifest(
        write(
            root,
            "file,outlet,date,title,url,date_source,date_note,author\n"
            "a.txt,Example Times,2018-08-28,عنوان,https://x.example/a,stated,dateline,007\n"
            "sub/c.txt,,,,,,,NA\n",
        ),
        root,
    )
    assert rejected.empty
    assert frame["file"].tolist() == ["a.txt", "sub/c.txt"]
    assert frame["row"].tolist() == [2, 3]
    assert frame["date"].tolist()[0] == pd.Timestamp("2018-08-28")
    assert pd.isna(frame["date"].tolist()[1])
    # Kept as written: no number conversion, no "NA" → missing.
    assert frame["author"].tolist() == ["007", "NA"]
    assert frame["date"].dtype == "datetime64[ns]"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("a.txt,Example,2018-08-28,extra", "row has 4 fields but the header has 3"),
        ("a.txt,Example", "row has 2 fields but the header has 3"),
        ("../outside.txt,Example,2018-08-28", "outside the corpus folder"),
        ("/etc/passwd,Example,2018-08-28", "outside the corpus folder"),
        ("C:\\corpus\\a.txt,Example,2018-08-28", "outside the corpus folder"),
        ("missing.txt,Example,2018-08-28", "'missing.txt' listed in the manifest was not found"),
        (",Example,2018-08-28", "no file named"),
    ],
)
def test_bad_rows_are_rejected_whole_and_good_rows_still_load(root, line, reason):
    text = f"file,outlet,date\n{line}\nb.txt,Good Outlet,2019-01-02\n"
    frame, rejected = read_manifest(write(root, text), root)
    assert frame["file"].tolist() == ["b.txt"]
    assert rejected["path"].tolist() == ["manifest.csv"]
    assert rejected["row"].tolist() == [2]
    assert reason in rejected["reason"].iloc[0]


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("05/01/2024", "ambiguous day/month"),
        ("1439-10-05", "looks like a Hijri"),
        ("2018-02-30", "no such date"),
        ("last week", "not a date"),
    ],
)
def test_a_bad_date_is_reported_and_dropped_but_the_row_kept(root, date, reason):
    frame, rejected = read_manifest(write(root, f"file,outlet,date\na.txt,Outlet,{date}\n"), root)
    assert frame["outlet"].tolist() == ["Outlet"]
    assert pd.isna(frame["date"].iloc[0])
    assert rejected["row"].tolist() == [2]
    assert reason in rejected["reason"].iloc[0]
    assert "date ignored" in rejected["reason"].iloc[0]


def test_dayfirst_resolves_ambiguous_manifest_dates(root):
    frame, rejected = read_manifest(
        write(root, "file,date\na.txt,05/01/2024\n"), root, dayfirst=True
    )
    assert rejected.empty
    assert frame["date"].iloc[0] == pd.Timestamp("2024-01-05")


def test_file_listed_twice_and_bad_date_source_are_reported(root):
    text = "file,date_source\na.txt,stated\na.txt,stated\nb.txt,guessed\n"
    frame, rejected = read_manifest(write(root, text), root)
    assert frame["file"].tolist() == ["a.txt", "b.txt"]
    assert frame["date_source"].tolist() == ["stated", ""]
    assert rejected["row"].tolist() == [3, 4]
    assert "listed twice (first at row 2)" in rejected["reason"].iloc[0]
    assert "date_source 'guessed' ignored" in rejected["reason"].iloc[1]


def test_a_manifest_without_a_file_column_is_one_rejected_row(root):
    frame, rejected = read_manifest(write(root, "name,outlet\na.txt,X\n"), root)
    assert frame.empty
    assert rejected["row"].tolist() == [1]
    assert "no 'file' column (its columns: name, outlet)" in rejected["reason"].iloc[0]


def test_quoted_commas_and_newlines_are_one_field(root):
    text = 'file,title\na.txt,"عنوان، فيه فاصلة, and a comma\nوسطر ثان"\n'
    frame, rejected = read_manifest(write(root, text), root)
    assert rejected.empty
    assert frame["title"].iloc[0] == "عنوان، فيه فاصلة, and a comma\nوسطر ثان"
