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
so neither is joined. Two or three fragments ("أك دت" for أكّدت, "وج هت" for وجّهت, "و ق عت"
for وُقّعت) join when together they are a cue word (``cue_words``), none is one alone, and one
has no camel-tools reading ("قد مت" may be two words: it stays).

Only a sentence that may hold a broken word is mended (``suspect``): one with a letter
standing alone or a two-letter token that is none of the common two-letter words.
"""

from __future__ import annotations

import functools
import itertools
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
# a letter or two standing alone; and every word of letters only, with its position
_SHORT = re.compile(r"(?<!\S)[\u0621-\u064a]{1,2}(?!\S)")
_WORDS = re.compile(r"(?<!\S)[\u0621-\u064a]+(?!\S)")


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
    words = [(m.start(), m.group()) for m in _WORDS.finditer(key)]
    # is word i followed by word i + 1, one space apart?
    close = [b[0] == a[0] + len(a[1]) + 1 for a, b in itertools.pairwise(words)]
    for i, near in enumerate(close):
        if not near:
            continue
        for n in (3, 2) if i + 1 < len(close) and close[i + 1] else (2,):
            parts = [w for _, w in words[i : i + n]]
            # fragments of a cue word ("أك دت" → أكدت, "وج هت" → وجهت, "و ق عت" → وقعت):
            # none a cue word, one no word at all ("قد مت" stays: two words)
            if (
                candidate("".join(parts))
                and not any(candidate(p) for p in parts)
                and not all(analyses(p) for p in parts if len(p) > 1)
            ):
                out.update(at + len(w) for at, w in words[i : i + n - 1])
                break
    return sorted(out)


def suspect(key: str) -> bool:
    """May ``key`` hold a broken word: a letter standing alone, or a two-letter token that
    is none of the common two-letter words ("وج هت")? Cheap: the mending runs only then."""
    return any(len(w) == 1 or w not in _TWO_LETTER_WORDS for w in _SHORT.findall(key))


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
