"""Shared fixtures: the synthetic fixture corpus and its tagged tables (tagged once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
FIXTURE_CORPUS = TESTS / "fixtures" / "corpus"
SHARED = TESTS.parent.parent / "shared"

# Tests and the notebooks they run read camel-tools data from the shared folder when the
# environment does not say otherwise (CI sets it explicitly).
if "CAMELTOOLS_DATA" not in os.environ and (SHARED / "camel_data").is_dir():
    os.environ["CAMELTOOLS_DATA"] = str(SHARED / "camel_data")


@pytest.fixture(scope="session")
def fixture_corpus() -> Path:
    return FIXTURE_CORPUS


@pytest.fixture(scope="session")
def fixture_tables():
    """Every table of the fixture corpus, tagged once per session."""
    from analysis.pipeline import tag

    return tag(FIXTURE_CORPUS)


@pytest.fixture(scope="session")
def shared_corpora() -> Path:
    path = SHARED / "corpora"
    if not path.is_dir():
        pytest.skip(f"real corpora not available at {path}")
    return path
