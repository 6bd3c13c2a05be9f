"""Document ids and content hashes."""

import pandas as pd
import pytest

from analysis.load.ids import content_hash, unique_id


@pytest.mark.parametrize(
    ("base", "expected"),
    [("a", ["a", "a-2", "a-3"]), ("", ["doc", "doc-2", "doc-3"])],
)
def test_unique_id(base, expected):
    seen: dict[str, int] = {}
    assert [unique_id(base, seen) for _ in range(3)] == expected


def test_unique_id_skips_an_id_already_taken_by_a_numbered_one():
    seen: dict[str, int] = {}
    assert [unique_id(b, seen) for b in ("a-2", "a", "a")] == ["a-2", "a", "a-3"]


BASE = ("نص الخبر", "عنوان", "منفذ", pd.Timestamp("2018-07-22"), "https://a.example/1", "")


@pytest.mark.parametrize(
    ("index", "value"),
    [
        (0, "نص آخر"),
        (1, "عنوان آخر"),
        (2, "منفذ آخر"),
        (3, pd.Timestamp("2018-07-23")),
        (4, "https://a.example/2"),
        (5, "0:8:body"),
    ],
)
def test_content_hash_changes_with_each_part(index, value):
    changed = list(BASE)
    changed[index] = value
    assert content_hash(*changed) != content_hash(*BASE)


def test_content_hash_reads_the_day_only():
    later = (*BASE[:3], pd.Timestamp("2018-07-22 18:30"), *BASE[4:])
    assert content_hash(*later) == content_hash(*BASE)
    assert len(content_hash(*BASE)) == 32
    assert content_hash("", "", "", pd.NaT, "") == content_hash("", "", "", None, "")
