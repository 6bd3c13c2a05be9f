"""analysis.panel.offline: the report page's data, escaped and compact."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.panel import offline
from analysis.views import report_views


@pytest.mark.parametrize(
    ("value", "unsafe"),
    [
        ({"t": "</script><script>alert(1)</script>"}, "</script"),
        ({"t": "<!-- x"}, "<!--"),
    ],
)
def test_script_json_cannot_end_its_script(value, unsafe):
    text = offline.script_json(value)
    assert unsafe not in text
    assert json.loads(text) == value


def test_rows_are_coded_escaped_and_cleaned():
    rows = pd.DataFrame(
        {
            "doc": [0, 1, 2, 3],
            "outlet": ["A", "A", "A", "<b>B</b>"],
            "sentence": ["س1", "س2", "س3 \u202e", "س4"],
            "n": [1, 2, 3, 4],
        }
    )
    out = offline.encode_rows(rows)
    assert out["n"] == 4 and out["cols"]["n"] == [1, 2, 3, 4]
    assert out["cols"]["outlet"] == {"codes": [0, 0, 0, 1], "values": ["A", "&lt;b&gt;B&lt;/b&gt;"]}
    # few repeats: written out; the bidi override from the data is dropped
    assert out["cols"]["sentence"] == ["س1", "س2", "س3 ", "س4"]


def test_client_html_carries_spec_and_rows_once(small_tables):
    written: set[str] = set()
    first = offline.client_html(report_views.moves_list(small_tables), written)
    again = offline.client_html(report_views.moves_by_holder_table(small_tables), written)
    assert 'data-name="moves"' in first and 'data-name="moves"' not in again
    spec = json.loads(again.split('class="report-spec">')[1].split("</script>")[0])
    assert spec["kind"] == "table" and spec["group"] == ["holder"]


def test_filter_bar_offers_groups_outlets_and_dates(small_tables):
    html = offline.filter_bar(small_tables)
    markup = html.split("<script")[0]  # the controls, not the script that reads them
    assert markup.count('data-report-filter="outlet"') == 1
    assert '<select multiple size="6" data-report-filter="outlet"' in markup
    assert 'type="date" data-report-filter="from"' in markup
    assert 'type="date" data-report-filter="to"' in markup
    assert '<optgroup label="Outlet groups">' in html and 'value="g:Other"' in html
    # an outlet's option value is its name as the rows hold it (escaped once more for HTML)
    assert 'value="o:&amp;lt;img src=x onerror=&quot;alert(1)&quot;&amp;gt;"' in html
    assert "<img src=x" not in html
