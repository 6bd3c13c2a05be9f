"""Table files: which column plays which role."""

import pytest

from analysis.load.articles import CorpusError
from analysis.load.records import ALIASES, resolve_columns


@pytest.mark.parametrize(
    ("keys", "columns", "source"),
    [
        (["html", "link"], None, ("html", "html")),  # no text column: the HTML column
        (["content", "html"], None, ("text", "content")),  # text first; html stays metadata
        (["content", "page_html"], {"html": "page_html"}, ("html", "page_html")),
        (["body_ar", "raw_html"], {"text": "body_ar"}, ("text", "body_ar")),
    ],
)
def test_a_table_has_one_text_source(keys, columns, source):
    roles = resolve_columns(keys, columns, "t.csv")
    assert [(r, c) for r, c in roles.items() if r in ("text", "html")] == [source]


@pytest.mark.parametrize(
    ("keys", "role", "column"),
    [
        (["Title", "Content"], "title", "Title"),  # aliases compare lower-cased
        (["headline", "title", "text"], "title", "title"),  # the first alias wins
        (["text", "published", "crawl_date"], "date", "published"),
        (["text", "link"], "url", "link"),
        (["text", "article_id"], "doc_id", "article_id"),
    ],
)
def test_alias_columns_take_their_role(keys, role, column):
    assert resolve_columns(keys, None, "t.csv")[role] == column


def test_a_table_without_a_text_or_html_column_is_an_error():
    with pytest.raises(CorpusError, match=r"t\.csv: no text column .* its columns are: a, b"):
        resolve_columns(["a", "b"], None, "t.csv")


def test_a_named_column_must_exist():
    with pytest.raises(CorpusError, match=r"column 'x' \(given for text\) is not in the table"):
        resolve_columns(["text"], {"text": "x"}, "t.csv")


def test_every_role_has_aliases():
    assert all(ALIASES[role] for role in ("text", "html", "title", "outlet", "date", "url"))
