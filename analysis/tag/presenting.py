"""A move noun and the verb that presents it, after it: "تهديدات أطلقها نتنياهو"، "الشروط
التي وضعتها دمشق"، "الضمانات التي قدمتها موسكو" (a relative clause, with or without الذي/
التي, whose verb has the noun as its object pronoun).

The cue reader uses it to read a noun that makes a move only with a verb that carries it
(``alone: false`` in frames.yaml), the holder reader to take that verb's subject.
"""

from __future__ import annotations

import functools

from analysis.tag.agreement import RELATIVES
from analysis.tag.clauses import Sent, bare, is_clause_end
from analysis.tag.frame_data import light_lemmas
from analysis.tag.matcher import base_forms
from analysis.tag.morph import PREPOSITIONS, Reading, analyses, lemma_key
from analysis.tag.reading import word_at

__all__ = ["SIGNING_LEMMAS", "presenting_verb"]

#: Lemmas of the verbs that sign or reach an agreement: their subject is a party to it.
SIGNING_LEMMAS = frozenset(lemma_key(w) for w in ("وَقَّع", "أَبْرَم", "تَوَصَّل", "عَقَد"))
# verbs that make or present a move, besides the light verbs ("مبادرة أطلقتها السعودية")
_PRESENTING_VERBS = frozenset(lemma_key(w) for w in ("أَطْلَق", "اِقْتَرَح", "عَرَض", "قَطَع"))
# the folded endings of a third-person object pronoun (ه، ها، هم، هما; ة folds to ه too)
_OBJECT_ENDINGS = ("ه", "ها", "هم", "هما")


@functools.cache
def _presenting_lemmas() -> frozenset[str]:
    """The light verbs and the other verbs that make or present a move (read once)."""
    return light_lemmas() | _PRESENTING_VERBS


def presenting_verb(s: Sent, i: int, *, signing: bool = False) -> tuple[int, Reading] | None:
    """The verb that presents the move a noun names, from token ``i`` after the noun, with
    the move as its object pronoun, right after the noun or after a relative ("اعتراض
    أبدته أنقرة", "الضمانات التي قدمتها موسكو"): its token and reading. One adjective may
    come first, as definite as the noun; a word with a preposition is another noun's
    ("الاستجابة للدعوة التي أطلقها"). ``signing``: an agreement is made only by those who
    sign or reach it. The verb must have a word after it, its subject's place."""
    # "للضمانات" is ل + ال: definite (``matcher.base_forms``, not lstrip, which ate both لs)
    definite = i > 0 and any(f.startswith("ال") for f in base_forms(bare(s.token_text(i - 1))))
    for j in range(i, min(i + 2, len(s.tokens) - 1)):
        raw, tok = s.token_text(j), bare(s.token_text(j))
        verb = j + 1 if tok in RELATIVES else j
        if verb + 1 < len(s.tokens):
            reading = _presents(s, verb, signing)
            if reading is not None:
                return verb, reading
        adjective = tok.startswith("ال") == definite and tok[:1] not in ("ب", "ل", "ك")
        if tok in RELATIVES or is_clause_end(raw) or not adjective or tok in PREPOSITIONS:
            return None
    return None


def _presents(s: Sent, j: int, signing: bool) -> Reading | None:
    """The reading of token ``j`` as a verb that makes or presents something (signs it,
    for an agreement), with a third-person object pronoun (قدمته، أبدتها، أطلقتها)."""
    if not bare(s.token_text(j)).endswith(_OBJECT_ENDINGS):
        return None  # no object pronoun: no need to analyse the word
    verbs = SIGNING_LEMMAS if signing else _presenting_lemmas()
    return next(
        (
            r
            for r in analyses(word_at(s, j))
            if r.verbal
            and r.lemma in verbs
            and r.enclitic.startswith("3")
            and r.enclitic.endswith("dobj")
        ),
        None,
    )
