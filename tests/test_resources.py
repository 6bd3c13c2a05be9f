"""The package data loader (analysis.resources): by name, once, with a clear error."""

from __future__ import annotations

import pytest

from analysis.resources import UnknownResource, load_yaml, parse_yaml, resource_names


@pytest.mark.parametrize("name", ["issues", "issues.yaml"])
def test_a_data_file_loads_by_name_with_or_without_its_suffix(name):
    data = load_yaml(name)
    assert {"id", "label_en"} <= set(data["issues"][0])


def test_every_listed_name_loads():
    names = resource_names()
    assert {"actors", "chrome", "cues_moves", "issues", "sections", "sources"} <= set(names)
    for name in names:
        assert load_yaml(name) is not None


def test_parsed_once_per_file_whatever_the_spelling():
    assert load_yaml("months") is load_yaml("months.yaml")


def test_an_unknown_name_says_which_names_exist():
    with pytest.raises(UnknownResource, match=r"no data file 'actor' in analysis/data.*actors"):
        load_yaml("actor")


def test_parse_yaml_builds_no_python_objects():
    with pytest.raises(Exception, match="python/object"):
        parse_yaml("!!python/object/apply:os.system ['true']")
