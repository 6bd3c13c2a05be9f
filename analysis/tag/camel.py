"""camel-tools resources: where they live, which are present, and the cached analyser.

Only the MSA morphology database (``morphology-db-msa-r13``) is used, for proper-noun
candidates (``analysis.tag.candidates``). Disambiguators and NER models are not needed by any
stage; they are listed so that ``analysis doctor`` can say so plainly.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

__all__ = ["MissingResource", "data_dir", "get_analyzer", "resource_status"]


class MissingResource(RuntimeError):
    """A camel-tools data package is not installed; the message says how to install it."""


# (resource id, path under the data dir, used for, install hint)
_RESOURCES = (
    (
        "morphology-db-msa-r13",
        "data/morphology_db/calima-msa-r13/morphology.db",
        "proper-noun candidates and lemma look-ups (analysis.tag.candidates)",
        "camel_data -i morphology-db-msa-r13",
    ),
    (
        "disambig-mle-calima-msa-r13",
        "data/disambig_mle/calima-msa-r13",
        "optional, not used (the tagger works without disambiguation)",
        "camel_data -i disambig-mle-calima-msa-r13",
    ),
    (
        "ner-arabert",
        "data/ner/arabert",
        "optional, not used (actors come from the dictionary, not a NER model)",
        "camel_data -i ner-arabert",
    ),
)


def data_dir() -> Path:
    """The camel-tools data directory: ``$CAMELTOOLS_DATA`` or ``~/.camel_tools``."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser() if env else Path.home() / ".camel_tools"


def resource_status() -> pd.DataFrame:
    """One row per camel-tools resource: id, present, path, used_for, install_hint."""
    root = data_dir()
    rows = [
        {
            "resource": rid,
            "present": (root / rel).exists(),
            "path": str(root / rel),
            "used_for": used,
            "install_hint": hint,
        }
        for rid, rel, used, hint in _RESOURCES
    ]
    return pd.DataFrame(rows).astype(
        {
            "resource": "string",
            "present": bool,
            "path": "string",
            "used_for": "string",
            "install_hint": "string",
        }
    )


@functools.cache
def get_analyzer():
    """The camel-tools MSA morphological analyser (cached); ``MissingResource`` if absent."""
    rid, rel, _, hint = _RESOURCES[0]
    path = data_dir() / rel
    if not path.exists():
        raise MissingResource(
            f"camel-tools resource {rid!r} is missing (looked for {path}). "
            f"Install it with `{hint}`, or set CAMELTOOLS_DATA to a folder that holds it."
        )
    # camel-tools is heavy and needs its data: imported only when the analyser is wanted
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    # Load by path rather than builtin_db(): builtin_db consults the catalogue, which
    # could try to download when none is installed.
    db = MorphologyDB(str(path), "a")
    return Analyzer(db, backoff="NONE", cache_size=100_000)
