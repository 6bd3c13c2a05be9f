"""Whose voice a move is in: the writer's guesses are no actor's moves.

Two constructions of Arabic news make a move the writer's (or an analyst's) guess rather
than something an actor did or said:

- **قد before an imperfective verb** is "may" ("وقد تقبل تركيا …"); before a perfective it
  is "has" and asserts ("وقد رفضت دمشق");
- **an assessment before a future act** ("من المؤكد أن تركيا لن تسمح …", "أعتقد أن موسكو
  ستضغط …", ``forecast_openers`` in ``data/cues_moves.yaml``) forecasts it.

In the outlet's own voice such a move is dropped (the readers' convention: analysts' and
columnists' forecasts are not moves); quoted, it is the speaker's hypothetical.
"""

from __future__ import annotations

from analysis.tag.clauses import Sent, bare, future_form, is_clause_end
from analysis.tag.cues import forecast_lexicon
from analysis.tag.frames import Cue

__all__ = ["forecast", "may_form"]

# words a forecast opener may have between itself and أن ("من الواضح جداً أن")
_OPENER_GAP = 1


def may_form(s: Sent, cue: Cue) -> bool:
    """قد before an imperfective verb says "may" (قد تقبل), before a perfective "has"."""
    i = s.tok_index(cue.verb_span[0])
    before = bare(s.token_text(i - 1)) if i > 0 else ""
    verb = cue.verb_reading
    return before in {"قد", "وقد", "فقد"} and verb.verbal and verb.asp == "i"


def forecast(s: Sent, cue: Cue) -> str:
    """The assessment phrase that makes the cue's future act a forecast ("" if none): an
    opener followed by أن (one word may stand between), before the cue in the sentence,
    with no clause end between its أن and the cue; the cue a future verb (سـ، سوف، لن)."""
    a = cue.verb_span[0]
    if not (cue.verb_reading.verbal and future_form(s, a)):
        return ""
    for start, end, _form, _labels in forecast_lexicon().find(s.key[:a]):
        i = s.tok_index(end)
        for j in range(i, min(i + _OPENER_GAP + 1, len(s.tokens))):
            word = bare(s.token_text(j))
            if word in {"ان", "بان", "انه", "انها"}:
                k = s.tok_index(a)
                if not any(is_clause_end(s.token_text(x)) for x in range(j + 1, k)):
                    return s.surface(start, s.tokens[j][1])
                break
    return ""
