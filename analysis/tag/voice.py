"""Whose voice a move is in: the writer's guesses are no actor's moves.

Two constructions of Arabic news make a move the writer's (or an analyst's) guess rather
than something an actor did or said:

- **قد before an imperfective verb** is "may" ("وقد تقبل تركيا …"); before a perfective it
  is "has" and asserts ("وقد رفضت دمشق"); ربما/لعل before a verb is "perhaps";
- **an assessment before a future act** ("من المؤكد أن تركيا لن تسمح …", "أعتقد أن موسكو
  ستضغط …", ``forecast_openers`` in ``data/cues_moves.yaml``) forecasts it.

A verb in a question ("هل ستقبل تركيا …؟") asks; it reports no move either. A move after
the writer's inference ("ما يعني أن أميركا مستعدة …", ``inference_openers``) is the writer's
reading of a fact.

In the outlet's own voice such a move is dropped (the readers' convention: analysts' and
columnists' forecasts are not moves); quoted, it is the speaker's hypothetical.
"""

from __future__ import annotations

from analysis.tag.clauses import Sent, bare, is_clause_end
from analysis.tag.cue import Cue
from analysis.tag.cues import forecast_lexicon, inference_lexicon, negators
from analysis.tag.modality import future_form

__all__ = ["asked", "forecast", "inferred", "may_form", "question"]

# words a forecast opener may have between itself and أن ("من الواضح جداً أن", "يرى
# المحلل السياسي فلان أن")
_OPENER_GAP = 4


_QAD = frozenset({"قد", "وقد", "فقد"})
_PERHAPS = frozenset({"ربما", "وربما", "لربما", "لعل", "ولعل", "لعله", "لعلها", "ولعلها"})


def may_form(s: Sent, cue: Cue) -> str:
    """The word that makes the verb a possibility ("" if none): قد before an imperfective
    verb says "may" (قد تقبل), before a perfective "has"; ربما/لعل before a verb, negated
    or not, says "perhaps" ("ربما لا تتفق")."""
    i = s.tok_index(cue.verb_span[0])
    before = [bare(s.token_text(j)) for j in range(max(0, i - 2), i)]
    verb = cue.verb_reading
    if not verb.verbal or not before:
        return ""
    if before[-1] in _QAD:
        return s.token_text(i - 1) if verb.asp == "i" else ""
    if before[-1] in _PERHAPS:
        return s.token_text(i - 1)
    if len(before) == 2 and before[0] in _PERHAPS and before[1] in negators():
        return s.token_text(i - 2)
    return ""


def question(s: Sent, cue: Cue) -> str:
    """The question mark that ends a verb cue's clause ("" if none): "هل ستقبل تركيا …؟",
    "أم لا ?" ask, they report no move. A move noun in a question names a move that may
    well exist ("إلى متى سيبقى الفيتو الروسي محترماً ?"), unless the question asks whether it
    does ("هل أتت استقالتك تحت ضغط روسي ?")."""
    if not cue.verb_reading.verbal and not _yes_no(s, cue.kstart):
        return ""
    i = s.tok_index(cue.kend)
    for j in range(i, len(s.tokens)):
        raw = s.token_text(j)
        if raw[-1:] in "?؟":
            return raw[-1:]
        if is_clause_end(raw) and raw[-1:] not in ":":
            return ""
    return ""


_ASKING = ("سؤال", "السؤال", "سؤاله", "سؤالها", "سئل", "يسال", "تسال", "تساءل", "تساؤل", "متسائل")


def asked(s: Sent, cue: Cue) -> str:
    """The question a move is put in ("" if none): "ردا على سؤال حول ما إذا كانت تركيا
    ستقبل …", "وعند سؤاله هل سيقدم اعتذاراً": what a journalist asks is nobody's move. The
    asking word may stand anywhere before; "whether" (هل، ما إذا، إن كان) opens the cue's own
    clause, with no colon between it and the cue (after a colon comes the answer)."""
    i = s.tok_index(cue.verb_span[0])
    for j in range(i - 1, -1, -1):
        raw = s.token_text(j)
        if is_clause_end(raw) or raw[-1:] in ':"«»':
            return ""
        word = bare(raw).lstrip("وف")
        after = bare(s.token_text(j + 1)) if j + 1 < i else ""
        whether = word == "هل" or (word in ("ما", "فيما", "عما") and after == "اذا")
        whether = whether or (word == "ان" and after.startswith("كان"))
        if whether:
            asking = any(bare(s.token_text(k)).lstrip("وفبل").startswith(_ASKING) for k in range(j))
            return s.token_text(j) if asking else ""
    return ""


def _yes_no(s: Sent, kpos: int) -> bool:
    """Does a yes/no question (هل) open the clause before key position ``kpos``?"""
    for j in range(s.tok_index(kpos) - 1, -1, -1):
        raw = s.token_text(j)
        if is_clause_end(raw):
            return False
        if bare(raw).lstrip("وف") == "هل":
            return True
    return False


def forecast(s: Sent, cue: Cue) -> str:
    """The assessment phrase that makes the cue's future act a forecast ("" if none): an
    opener followed by أن (up to ``_OPENER_GAP`` words between), before the cue in the sentence,
    with no clause end between its أن and the cue; the cue a future verb (سـ، سوف، لن)."""
    a = cue.verb_span[0]
    if not (cue.verb_reading.verbal and future_form(s, a)):
        return ""
    for start, end, _form, _labels in forecast_lexicon().find(s.key[:a]):
        i = s.tok_index(end)
        for j in range(i, min(i + _OPENER_GAP + 1, len(s.tokens))):
            word = bare(s.token_text(j))
            if word in {"ان", "بان", "انه", "انها", "بانه", "بانها"}:
                k = s.tok_index(a)
                if not any(is_clause_end(s.token_text(x)) for x in range(j + 1, k)):
                    return s.surface(start, s.tokens[j][1])
                break
    return ""


def inferred(s: Sent, cue: Cue) -> str:
    """The writer's inference the move stands in ("" if none): "… ما يعني أن أميركا مستعدة
    لتقبل …" (``inference_openers``), before the cue with no clause end between."""
    a = cue.verb_span[0]
    for start, end, _form, _labels in inference_lexicon().find(s.key[:a]):
        if not any(is_clause_end(s.token_text(j)) for j in range(s.tok_index(end), s.tok_index(a))):
            return s.surface(start, end)
    return ""
