"""The package's data files (``analysis/data``), loaded by name.

Every dictionary, lexicon and rule set is a YAML file there, documented in
``analysis/data/README.md`` and ``analysis/data/CUES.md``. :func:`load_yaml` is the one way
to read one: parsed once per process, and an unknown name raises :class:`UnknownResource`
listing the names that exist (as camel-tools does for its built-in resources).
"""

from __future__ import annotations

import functools
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import yaml


class UnknownResource(KeyError):
    """No data file of that name in ``analysis/data``."""

    def __str__(self) -> str:  # KeyError would print the message quoted
        return str(self.args[0])


def data_dir() -> Traversable:
    """The package data folder (``analysis/data``)."""
    return files("analysis") / "data"


def resource_names() -> list[str]:
    """The YAML data files, by name without ``.yaml``."""
    return sorted(p.name[:-5] for p in data_dir().iterdir() if p.name.endswith(".yaml"))


def load_yaml(name: str) -> Any:
    """The parsed ``analysis/data/<name>.yaml`` (``name`` with or without ``.yaml``).

    Cached per file: callers share the result and must not change it.
    """
    return _load(name.removesuffix(".yaml"))


@functools.cache
def _load(stem: str) -> Any:
    path = data_dir() / f"{stem}.yaml"
    if not path.is_file():
        known = ", ".join(resource_names())
        raise UnknownResource(f"no data file {stem!r} in analysis/data (known: {known})")
    return parse_yaml(path.read_text(encoding="utf-8"))


def parse_yaml(text: str) -> Any:
    """YAML text parsed safely (no tags that build Python objects)."""
    return yaml.safe_load(text)
