"""Cue lexicons: folded word forms compiled into one whole-word regex each.

``build_lexicon`` turns (label, forms) groups from the data files into a ``Lexicon`` that
finds every form in a folded key (``analysis.text.normalize.fold``), allowing the proclitics
Arabic writes onto a word. ``plain_pattern`` and ``join_patterns`` make the one prefilter
regex a tagger runs before the deeper, per-token treatment of a sentence. The packaged
lexicons themselves are built in ``analysis.tag.cues``, ``analysis.tag.sources`` and
``analysis.tag.issues``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.text.normalize import fold


def build_lexicon(
    groups: Iterable[tuple[str, Iterable[str]]],
    *,
    proclitics: str = "وف",
    future: bool = False,
    lam_al: bool = False,
) -> Lexicon:
    """Compile (label, forms) pairs into a whole-word regex over folded text.

    A form may follow one optional proclitic letter from ``proclitics`` (and the future
    prefix س when ``future``); multi-word forms allow any run of spaces between words.
    ``lam_al`` adds the لل spelling of forms with the article (ل + الغارات → للغارات).
    """
    index: dict[str, list[str]] = {}
    for label, forms in groups:
        for form in forms:
            key = re.sub(r"\s+", " ", fold(str(form)).strip())
            keys = [key]
            if lam_al and key.startswith("ال") and len(key) > 3:
                keys.append("ل" + key[1:])  # ل + الغارات is written للغارات
            for k in keys:
                if k and label not in index.setdefault(k, []):
                    index[k].append(label)
    alts = sorted(index, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, a.split(" "))) for a in alts) or r"(?!x)x"
    # Lazy proclitics: try the whole word as a form first (بحث is "discussed", not ب + حث).
    pre = f"[{proclitics}]??" if proclitics else ""
    if future:
        pre += "س??"
    # Why the explicit look-arounds: \b treats the Arabic tatweel/marks oddly, and the key
    # has neither; a letter or digit on either side means we are inside another word.
    regex = re.compile(rf"(?<![\w]){pre}(?P<w>{body})(?![\w])")
    return Lexicon(regex, {k: tuple(v) for k, v in index.items()})


def plain_pattern(lex: Lexicon) -> str:
    """The lexicon's pattern without its named group, for joining into one prefilter."""
    return lex.regex.pattern.replace("(?P<w>", "(?:")


def join_patterns(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regex matching wherever any of ``patterns`` does (each kept as its own group)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class Lexicon:
    """Folded forms compiled into one regex; ``index`` maps a matched form to its labels."""

    regex: re.Pattern[str]
    index: dict[str, tuple[str, ...]]

    def find(self, key: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """Every match in ``key``: (start, end, form, labels); start skips the proclitic."""
        out = []
        for m in self.regex.finditer(key):
            form = re.sub(r"\s+", " ", m.group("w"))
            out.append((m.start("w"), m.end("w"), form, self.index.get(form, ())))
        return out
