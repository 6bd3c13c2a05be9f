"""A camel-tools analyser that parses and merges only the features the taggers read.

``LeanDB`` is camel-tools' ``MorphologyDB`` keeping a chosen set of features per prefix,
stem and suffix entry; ``LeanAnalyzer`` is its ``Analyzer`` merging prefix, stem and suffix
features the way ``camel_tools.morphology.utils.merge_features`` does for those features,
and skipping the rest (diacritised forms, tokenisations, CAPHI: a dozen regex rewrites per
analysis). For the kept features the analyses are the full analyser's, in the same order
(``tests/tag/test_camel_lean.py`` holds the two side by side). Built by
``analysis.tag.camel.get_lean_analyzer``; importing this module imports camel-tools.
"""

from __future__ import annotations

from collections.abc import Iterable

from camel_tools.morphology.analyzer import Analyzer
from camel_tools.morphology.database import MorphologyDB
from camel_tools.morphology.errors import DatabaseParseError

__all__ = ["LeanAnalyzer", "LeanDB", "merge_kept"]


class LeanDB(MorphologyDB):
    """A morphology database whose prefix, stem and suffix entries hold only ``keep``
    (which must include ``lex``: the stems' lemmas are read while parsing)."""

    def __init__(self, fpath: str, flags: str = "a", *, keep: Iterable[str]):
        self._keep = frozenset(keep)  # before the parent's __init__: it parses the file
        super().__init__(fpath, flags)

    def _parse_analysis_line_toks(self, toks: list[str]) -> dict[str, str]:
        # As the parent's (key before the first ':', the rest its value), for kept keys
        res = {}
        keep = self._keep
        for tok in toks:
            if not tok:
                continue
            key, sep, val = tok.partition(":")
            if not sep:
                raise DatabaseParseError(f"invalid key value pair {tok!r}")
            if key in keep:
                res[key] = val
        return res


def merge_kept(
    prefix_feats: dict,
    stem_feats: dict,
    suffix_feats: dict,
    form_gen: bool,
    form_num: bool,
    logprob: bool = False,
) -> dict:
    """camel-tools' ``merge_features`` for the features a stem entry has, none of which it
    joins, concatenates or rewrites: a prefix's value wins over a suffix's over the stem's
    (``-`` and empty give way); ``gen``/``num`` ``-`` take ``form_gen``/``form_num`` when
    the database defines them (``form_gen``, ``form_num``); ``lex_logprob`` is a float,
    -99.0 where the stem has none, when the database defines it and it is kept
    (``logprob``)."""
    result = dict(stem_feats)
    for feat in stem_feats:
        value = suffix_feats.get(feat, "")
        if value != "-" and value != "":
            result[feat] = value
        value = prefix_feats.get(feat, "")
        if value != "-" and value != "":
            result[feat] = value
    if form_gen and result["gen"] == "-":
        result["gen"] = result["form_gen"]
    if form_num and result["num"] == "-":
        result["num"] = result["form_num"]
    if logprob:
        result["lex_logprob"] = float(result.get("lex_logprob", -99.0))
    return result


class LeanAnalyzer(Analyzer):
    """camel-tools' ``Analyzer`` over a ``LeanDB``: the same analyses, kept features only.

    Only the combination of prefix, stem and suffix analyses is replaced; segmentation,
    digits, punctuation and foreign words are the parent's. Analyses carry no ``stem``,
    ``stemcat`` or ``source`` (which the parent adds)."""

    def _combined_analyses(
        self, word_dediac: str, prefix_analyses: list, stem_analyses: list, suffix_analyses: list
    ) -> list[dict[str, str]]:
        db = self._db
        stem_suffix, prefix_suffix = db.stem_suffix_compat, db.prefix_suffix_compat
        form_gen, form_num = "form_gen" in db.defines, "form_num" in db.defines
        logprob = "lex_logprob" in db.defines and "lex_logprob" in db._keep
        combined = []
        # the parent's loops (itertools.product of prefixes and stems, then suffixes) and
        # compatibility tests, in the same order
        for prefix_cat, prefix_feats in prefix_analyses:
            stems_ok = db.prefix_stem_compat[prefix_cat]
            for stem_cat, stem_feats in stem_analyses:
                if stem_cat not in stems_ok:
                    continue
                for suffix_cat, suffix_feats in suffix_analyses:
                    if (
                        stem_cat not in stem_suffix
                        or prefix_cat not in prefix_suffix
                        or suffix_cat not in stem_suffix[stem_cat]
                        or suffix_cat not in prefix_suffix[prefix_cat]
                    ):
                        continue
                    combined.append(
                        merge_kept(
                            prefix_feats, stem_feats, suffix_feats, form_gen, form_num, logprob
                        )
                    )
        return combined
