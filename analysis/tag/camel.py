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

__all__ = [
    "LEAN_FEATURES",
    "MissingResource",
    "data_dir",
    "get_analyzer",
    "get_lean_analyzer",
    "resource_status",
]


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


def _db_path() -> Path:
    """The MSA morphology database file; ``MissingResource`` if absent."""
    rid, rel, _, hint = _RESOURCES[0]
    path = data_dir() / rel
    if not path.exists():
        raise MissingResource(
            f"camel-tools resource {rid!r} is missing (looked for {path}). "
            f"Install it with `{hint}`, or set CAMELTOOLS_DATA to a folder that holds it."
        )
    return path


@functools.cache
def get_analyzer():
    """The camel-tools MSA morphological analyser (cached); ``MissingResource`` if absent."""
    path = _db_path()
    # camel-tools is heavy and needs its data: imported only when the analyser is wanted
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    # Load by path rather than builtin_db(): builtin_db consults the catalogue, which
    # could try to download when none is installed.
    db = MorphologyDB(str(path), "a")
    return Analyzer(db, backoff="NONE", cache_size=100_000)


#: The features of an analysis that ``get_lean_analyzer`` keeps: what
#: ``analysis.tag.morph.analyses`` reads, and the two that fill in ``gen`` and ``num``.
LEAN_FEATURES = frozenset(
    {
        *("lex", "pos", "asp", "per", "gen", "num", "vox"),
        *("prc0", "prc1", "prc2", "enc0", "form_gen", "form_num"),
        "lex_logprob",  # -99 marks a lemma camel-tools' training text never had
    }
)


@functools.cache
def get_lean_analyzer():
    """An MSA analyser whose analyses hold only ``LEAN_FEATURES`` (cached, uncached per
    word: ``analysis.tag.morph.analyses`` caches); ``MissingResource`` if absent.

    Those features have the values ``get_analyzer`` gives, for the same analyses in the
    same order. The full analyser spends most of a word's time on features no tagger reads
    (diacritised forms, tokenisations, phonology: regex rewrites per analysis), and its
    database holds 40 features per entry (4 s and 450 MB per process); this one parses
    and merges only what the taggers use.
    """
    path = _db_path()
    from analysis.tag.camel_lean import LeanAnalyzer, LeanDB  # camel-tools: as above

    return LeanAnalyzer(LeanDB(str(path), "a", keep=LEAN_FEATURES), backoff="NONE")
