"""Cue lexicons: folded word forms compiled into one whole-word regex each.

``build_lexicon`` turns (label, forms) groups from the data files into a ``Lexicon`` that
finds every form in a folded key (``analysis.text.normalize.fold``), allowing the proclitics
Arabic writes onto a word. ``plain_pattern`` and ``join_patterns`` make the one prefilter
regex a tagger runs before the deeper, per-token treatment of a sentence. The packaged
lexicons themselves are built in ``analysis.tag.cues``, ``analysis.tag.sources`` and
``analysis.tag.issues``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.text.normalize import fold

# A word as the look-arounds of the patterns see it: a run of \w characters. A whole-word
# match begins a run, so the run is the match's proclitics and its first word's lead.
_RUN = re.compile(r"\w+")
_LEAD = re.compile(r"\w*")
# From this many forms on, testing a sentence's words before ``find`` runs the regex is
# cheaper than the regex alone (SaudiNewsNet: a failed alternation costs by its length).
_GUARDED_FORMS = 100


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
    body = trie_pattern(index) or r"(?!x)x"
    # Lazy proclitics: try the whole word as a form first (بحث is "discussed", not ب + حث).
    pre = f"[{proclitics}]??" if proclitics else ""
    if future:
        pre += "س??"
    # Why the explicit look-arounds: \b treats the Arabic tatweel/marks oddly, and the key
    # has neither; a letter or digit on either side means we are inside another word.
    regex = re.compile(rf"(?<![\w]){pre}(?P<w>{body})(?![\w])")
    starts = ["", *proclitics]
    if future:
        starts += [p + "س" for p in starts]
    return Lexicon(regex, {k: tuple(v) for k, v in index.items()}, word_heads(index, starts))


def trie_pattern(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms`` (words joined by single spaces; a space matches
    any run of whitespace), preferring the longest, written as a prefix tree.

    It matches what the alternation of the forms sorted longest first matches, at the
    same places: the text picks one path down the tree (a node's branches begin with
    different characters, and only the space branch with whitespace), and the greedy
    ``(?:…)?`` at a form's end tries the longer forms below it first, as the sorted
    alternation does. Why a tree: ``re`` tries an alternation's branches one by one, so a
    lexicon of a few hundred forms cost 25-50 µs a sentence (a third of that as a tree);
    the tree's branches are skipped on their first character.
    """
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _node_pattern(root)


_END = ""  # the key marking a form's end in trie_pattern's tree (no form char is "")


def _node_pattern(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _node_pattern(below)
        for ch, below in node.items()
        if ch != _END
    ]
    if not branches:
        return ""  # a form ends here and none goes on (or there are no forms)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


def word_heads(forms: Iterable[str], prefixes: Iterable[str]) -> frozenset[str] | None:
    """Every word (``\\w`` run) a whole-word match of one of ``forms`` can begin, each form
    after one of ``prefixes``: a sentence with none of them cannot match. None when a form
    does not begin with a word character (then any sentence may)."""
    prefixes = tuple(prefixes)
    out: set[str] = set()
    for form in forms:
        first, *rest = form.split(" ")
        lead = _LEAD.match(first).group()  # up to the first non-word char
        # a later word stands alone, without clitics; a longer one (article aside) is a
        # rarer test than the first: "منطقه" in "من منطقه"
        later = max((_LEAD.match(w).group() for w in rest), key=_weight, default="")
        if _weight(later) > _weight(lead):
            out.add(later)
            continue
        if not lead:
            return None
        out.update(p + lead for p in prefixes)
    return frozenset(out)


def _weight(word: str) -> int:
    return len(word.removeprefix("ال"))


@functools.lru_cache(maxsize=1 << 13)
def words_of(key: str) -> frozenset[str]:
    """The words of a folded key; remembered for a chunk's sentences, as several lexicons
    of attribution, stances and positions read each one."""
    return frozenset(_RUN.findall(key))


def may_match(heads: frozenset[str] | None, key: str) -> bool:
    """False when no word of ``key`` is one of ``heads`` (``word_heads``): the regex they
    were made for cannot match, and need not be run."""
    return heads is None or not heads.isdisjoint(words_of(key))


def plain_pattern(lex: Lexicon) -> str:
    """The lexicon's pattern without its named group, for joining into one prefilter."""
    return lex.regex.pattern.replace("(?P<w>", "(?:")


def join_patterns(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regex matching wherever any of ``patterns`` does (each kept as its own group)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class Prefilter:
    """A joined prefilter regex behind a word test: ``search(key)`` runs the regex only on
    a key with one of ``heads`` (the big alternations cost tens of µs a sentence; most
    sentences of a news corpus have none of their words)."""

    regex: re.Pattern[str]
    heads: frozenset[str] | None

    def search(self, key: str) -> re.Match[str] | None:
        return self.regex.search(key) if may_match(self.heads, key) else None


def join_lexicons(
    parts: Iterable[tuple[str, frozenset[str] | None]],
) -> Prefilter:
    """``join_patterns`` of (pattern, its ``word_heads``) pairs, with the heads' union."""
    parts = list(parts)
    heads = [h for _p, h in parts]
    union = None if any(h is None for h in heads) else frozenset().union(*heads)
    return Prefilter(join_patterns(p for p, _h in parts), union)


def prefilter_of(lexicons: Iterable[Lexicon]) -> Prefilter:
    """One prefilter for sentences where any of ``lexicons`` may match."""
    return join_lexicons((plain_pattern(lx), lx.heads) for lx in lexicons)


@dataclass(frozen=True)
class Lexicon:
    """Folded forms compiled into one regex; ``index`` maps a matched form to its labels;
    ``heads`` are the words a match may begin (``word_heads``; None: not known)."""

    regex: re.Pattern[str]
    index: dict[str, tuple[str, ...]]
    heads: frozenset[str] | None = None

    def find(self, key: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """Every match in ``key``: (start, end, form, labels); start skips the proclitic."""
        if len(self.index) >= _GUARDED_FORMS and not may_match(self.heads, key):
            return []
        out = []
        for m in self.regex.finditer(key):
            form = re.sub(r"\s+", " ", m.group("w"))
            out.append((m.start("w"), m.end("w"), form, self.index.get(form, ())))
        return out
