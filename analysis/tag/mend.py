"""Words a scraper broke by writing each diacritic as a space.

Some scraped pages (much of syria-claims) carry "وأك د" for وأكّد, "ي عرف" for يُعرف,
"أن ه" for أنّه and "سر ا" for سرًّا: the shadda, the short vowels and the tanween became
spaces. The readers see such a word as a lone letter beside a fragment. ``broken_spaces``
finds the spaces that stand for a mark, on folded text (``analysis.text.normalize``), and
``mend`` deletes them; ``clauses.Sent`` deletes them from its key and its offset map, so
every offset still points into the original text.

A lone letter joins the word beside it when the joined form has a camel-tools reading: a
fragment that has none on its own first ("ورح ب" → ورحب), else the accusative alef (ا) the
word before it, ه and ة the word before, any other letter the word after (a prefix: ي، ت،
ن، أ). و stands alone in Arabic, and a run of lone letters is an abbreviation ("ب ي د"),
so neither is joined. Two fragments without a lone letter ("أك دت" for أكّدت, "وج هت" for
وجّهت) join when together they are a cue word (``cue_words``), neither is one alone, and one
has no camel-tools reading ("قد مت" may be two words: it stays).
"""

from __future__ import annotations

import functools
import re

from analysis.tag.cue_words import candidate
from analysis.tag.morph import analyses
from analysis.text.normalize import fold_sentence

__all__ = ["broken_spaces", "mend", "sentence_key", "suspect", "without"]

_LONE = re.compile(r"(?<!\S)[\u0621-\u064a](?!\S)")
_WORD = re.compile(r"[\u0621-\u064a]+")
_SUFFIX_FIRST = frozenset("هة")
# The two-letter words of clean news text (folded): the 60 that make 99% of the two-letter
# tokens of 4,000 SaudiNewsNet articles. Another two-letter token is likely a fragment.
_TWO_LETTER_WORDS = frozenset(
    {
        "في",
        "من",
        "ان",
        "عن",
        "مع",
        "ما",
        "او",
        "لا",
        "كل",
        "بن",
        "لم",
        "هو",
        "قد",
        "اي",
        "ثم",
        "هي",
        "تم",
        "له",
        "بل",
        "به",
        "ضد",
        "اذ",
        "لن",
        "ال",
        "هل",
        "ظل",
        "ام",
        "لي",
        "حد",
        "لو",
        "هم",
        "بد",
        "عز",
        "يا",
        "بي",
        "حي",
        "حل",
        "حق",
        "كي",
        "لك",
        "خط",
        "ذي",
        "نص",
        "يد",
        "شك",
        "دي",
        "رد",
        "سن",
        "اب",
        "غد",
        "حب",
        "مر",
        "كم",
        "ست",
        "اس",
        "ذو",
        "فن",
        "تي",
        "صف",
        "بث",
    }
)
_ODD_TWO = re.compile(
    r"(?<!\S)(?!(?:" + "|".join(_TWO_LETTER_WORDS) + r")(?!\S))[\u0621-\u064a]{2}(?!\S)"
)
# two or three word fragments side by side (overlapping: a run is tried at each word)
_RUN = re.compile(r"(?<!\S)(?=([\u0621-\u064a]+) ([\u0621-\u064a]+)(?: ([\u0621-\u064a]+))?(?!\S))")


def broken_spaces(key: str) -> list[int]:
    """Positions of the spaces in folded ``key`` that stand for a diacritic, ascending."""
    out: set[int] = set()
    for m in _LONE.finditer(key):
        a = m.start()
        letter = key[a]
        if letter == "و":
            continue
        left_start = key.rfind(" ", 0, max(a - 1, 0)) + 1
        left = key[left_start : a - 1] if a > 0 and key[a - 1] == " " else ""
        right_end = key.find(" ", a + 2)
        right = (
            key[a + 2 : right_end if right_end >= 0 else len(key)]
            if key[a + 1 : a + 2] == " "
            else ""
        )
        if len(left) == 1 or len(right) == 1:
            continue  # "ب ي د": an abbreviation
        sides = (
            ("left",)
            if letter == "ا"
            else (("left", "right") if letter in _SUFFIX_FIRST else ("right", "left"))
        )
        joins = {
            side: word + letter if side == "left" else letter + word
            for side, word in (("left", left), ("right", right))
            if side in sides and _WORD.fullmatch(word)
        }
        ok = [side for side in sides if side in joins and (letter == "ا" or analyses(joins[side]))]
        # a fragment that is no word wants its letter back ("ورح ب السفير" → ورحب, not
        # بالسفير); otherwise the letter's usual side
        broken = [side for side in ok if not analyses(left if side == "left" else right)]
        side = (broken or ok or [""])[0]
        if side:
            out.add(a - 1 if side == "left" else a + 1)
    for m in _RUN.finditer(key):
        parts = [p for p in m.groups() if p]
        for n in (3, 2):  # the longest run first: "و ق عت" → وقعت
            run = parts[:n]
            if len(run) < n:
                continue
            # fragments of a cue word ("أك دت" → أكدت, "وج هت" → وجهت): none a cue word,
            # one no word at all ("قد مت" stays: two words)
            if (
                candidate("".join(run))
                and not any(candidate(p) for p in run)
                and not all(analyses(p) for p in run if len(p) > 1)
            ):
                at = m.start()
                for p in run[:-1]:
                    at += len(p)
                    out.add(at)
                    at += 1
                break
    return sorted(out)


def suspect(key: str) -> bool:
    """May ``key`` hold a broken word: a letter standing alone, or a two-letter token that
    is none of the common two-letter words ("وج هت")? Cheap: the mending runs only then."""
    return _LONE.search(key) is not None or _ODD_TWO.search(key) is not None


def without(key: str, drop: list[int]) -> str:
    """``key`` without the characters at positions ``drop``."""
    gone = set(drop)
    return "".join(ch for i, ch in enumerate(key) if i not in gone)


def mend(key: str) -> str:
    """``key`` without the spaces that stand for a diacritic."""
    return without(key, broken_spaces(key)) if suspect(key) else key


@functools.lru_cache(maxsize=1 << 13)
def sentence_key(text: str) -> str:
    """A sentence's folded and mended text, as the readers' prefilters see it; remembered
    for a chunk's sentences (a few thousand): attribution and the claims of stances and
    positions each read every sentence, and the same string object lets
    ``analysis.tag.lexicon.words_of`` find its words again."""
    return mend(fold_sentence(text))
