"""analysis.views.labels: actor labels in English, Arabic or both; speakers and chains."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.views.labels import (
    actor_labels,
    actor_names,
    chain_plotly,
    plain_labels,
    speaker_name,
)

RLI, PDI = "\u2067", "\u2069"


def test_arabic_label_falls_back_to_the_surface_form(small_tables):
    labels = actor_labels(["usa"], lang="ar", mentions=small_tables.mentions)
    assert labels["usa"] == f"{RLI}واشنطن{PDI}"


def test_unknown_lang_is_an_error(small_tables):
    with pytest.raises(ValueError, match="lang"):
        actor_labels(["iran"], lang="fr")


def test_actor_labels_survive_missing_labels_in_mentions():

    mentions = pd.DataFrame(
        {
            "actor_id": ["X", "Y"],
            "surface": ["إكس", "واي"],
            "label_en": pd.array([pd.NA, "Why"], dtype="string"),
        }
    )
    labels = actor_labels(["X", "Y"], lang="en", mentions=mentions)
    assert labels == {"X": "X", "Y": "Why"}


@pytest.mark.parametrize(
    ("speaker", "name"),
    [
        ("RUS", "Russia"),
        ("newsweek", "Newsweek"),
        ("src:الوقائع", "الوقائع"),
        ("unnamed_source", "unnamed source(s)"),
        ("reuters|src:الوقائع", "Reuters > الوقائع"),
        ("nobody", "nobody"),
    ],
)
def test_speaker_name_resolves_actors_sources_and_several_sources(speaker, name):

    actors = pd.DataFrame({"id": ["RUS"], "label_en": ["Russia"], "label_ar": ["روسيا"]})
    assert speaker_name(speaker, actor_names(actors)) == name


def test_chain_names_every_part_without_a_names_table():
    out = chain_plotly("جريدة > newsweek > src:الوقائع > unnamed_source", "جريدة")
    assert out == f"{RLI}جريدة{PDI} &gt; Newsweek &gt; {RLI}الوقائع{PDI} &gt; unnamed source(s)"


def test_plain_and_plotly_labels_agree():

    actors = pd.DataFrame({"id": ["A", "B"], "label_en": ["<A>", "Bee"], "label_ar": ["ألف", None]})
    mentions = pd.DataFrame({"actor_id": ["B", "B", "B"], "surface": ["باء", "بي", "باء"]})
    plain = plain_labels(["A", "B"], lang="both", actors=actors, mentions=mentions)
    assert plain == {"A": "<A> · ألف", "B": "Bee · باء"}
    shown = actor_labels(["A", "B"], lang="both", actors=actors, mentions=mentions)
    assert shown == {"A": f"&lt;A&gt; · {RLI}ألف{PDI}", "B": f"Bee · {RLI}باء{PDI}"}


def test_issue_axis_labels_are_the_short_english_names():
    from analysis.views.labels import issue_short

    assert issue_short("us_presence") == "US presence"
    assert issue_short("syria_iran_alliance") == "Syria-Iran alliance"
    assert issue_short("new_issue") == "new issue"  # an id not in issues.yaml, in words


def test_a_holder_that_is_no_actor_is_named_in_words():
    from analysis.views.labels import label_parts

    assert label_parts(["unnamed_source"])["unnamed_source"] == ("unnamed source(s)", "")
