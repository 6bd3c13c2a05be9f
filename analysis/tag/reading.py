"""Which reading a word of a sentence takes: its original spelling for camel-tools and its
analyses ordered by its neighbours (``analysis.tag.morph.choose``)."""

from __future__ import annotations

import functools

from analysis.tag.clauses import Sent, after_opening, bare, is_clause_end
from analysis.tag.morph import Reading, analyses, choose
from analysis.tag.nearby import actor_after
from analysis.text.dates import month_lexicon
from analysis.text.normalize import fold, strip_marks

__all__ = ["reading_at", "word_at"]


def word_at(s: Sent, i: int) -> str:
    """The original spelling of token ``i`` for the analyser (no marks, no punctuation)."""
    return strip_marks(s.word(i))


def reading_at(s: Sent, i: int, after_actor: bool = False) -> tuple[list[Reading], str]:
    """Token ``i``'s readings, best first by its neighbours (``morph.choose``), and the rule."""
    raw_prev = s.token_text(i - 1) if i > 0 else ""
    prev = bare(raw_prev)
    nxt = bare(s.token_text(i + 1)) if i + 1 < len(s.tokens) else ""
    readings = analyses(word_at(s, i))
    # the date and the actor after it matter only between a verb and a noun reading
    both = any(r.verbal for r in readings) and not all(r.verbal for r in readings)
    return choose(
        readings,
        prev=prev,
        nxt=nxt,
        clause_start=i == 0 or is_clause_end(raw_prev) or after_opening(s, i),
        after_actor=after_actor,
        token=bare(s.token_text(i)),
        after_time=both and after_date(s, i),
        before_actor=both and actor_after(s, i, nisba=False),
    )


def after_date(s: Sent, i: int) -> bool:
    """Does a date or a day that opens its clause end right before token ``i`` ("وفي 29
    أغسطس 2013 طالب", "ففي يونيو طالب", "ويوم أمس حذر")? A date inside a clause is the
    adverbial of the verb before it, and the word after it that verb's object ("طلب في
    عام 2006 عزل النظام")."""
    if i == 0 or not _date_end(s, i - 1):
        return False
    j = i - 1
    while j > 0 and (_date_end(s, j - 1) or bare(s.token_text(j - 1)) in _DATE_WORDS):
        j -= 1
    first = bare(s.token_text(j))
    # at the start of the sentence, or after a comma with و/ف: "…، وفي 29 أغسطس طالب"
    return j == 0 or (is_clause_end(s.token_text(j - 1)) and first[:1] in ("و", "ف"))


def _date_end(s: Sent, j: int) -> bool:
    """Is token ``j`` a year, a day number, a month name (its last word) or a weekday?"""
    tok = bare(s.token_text(j)).removeprefix("و")
    if tok.isdigit() or tok in ("/", "-", "."):
        return True
    two = bare(s.token_text(j - 1)) + " " + tok if j > 0 else tok
    return tok in _time_words() or two in _time_words()


# the words of a date phrase besides its numbers and names
_DATE_WORDS = frozenset(
    fold(w) for w in ("في", "وفي", "ففي", "عام", "العام", "سنة", "يوم", "ويوم", "مطلع", "م")
)


@functools.cache
def _time_words() -> frozenset[str]:
    """Month names (one or two words), weekdays with their article, folded, and أمس. The
    month names that are also common words (آب "father", مارس "practised") are left out."""
    lex = month_lexicon()
    names = [n for ns in lex["months"].values() for n in ns] + list(lex["weekdays"])
    ambiguous = {fold(w) for w in ("آب", "اب", "مارس", "ماي", "أوت")}
    words = {fold(n) for n in names if not n.isascii()} - ambiguous
    return frozenset(words | {fold("أمس")})
