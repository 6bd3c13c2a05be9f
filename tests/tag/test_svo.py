"""The subject before a verb (analysis.tag.svo)."""

from __future__ import annotations

import pytest
from sentence_tables import sent

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import verb_features
from analysis.tag.morph import analyses
from analysis.tag.svo import MEDIA_SUBJECT, subject_before
from analysis.text.normalize import fold


def _before(text: str, verb: str) -> tuple[list[str], str]:
    s = sent(text)
    a = s.key.index(fold(verb))
    reading = next(r for r in analyses(verb) if r.verbal)
    found, how = subject_before(s, a, s.mentions, verb_features(reading, verb), near=False)
    return [m.actor_id for m in found], how


@pytest.mark.parametrize(
    ("text", "verb", "ids", "how"),
    [
        # past an emphatic pronoun and the auxiliaries
        ("روسيا نفسها شجبت الهجوم", "شجبت", ["RUS"], "subject before the verb"),
        ("وكانت إيران قد رفضت العرض", "رفضت", ["IRN"], "subject before the verb"),
        # actors joined by و, nearest last; a dual verb agrees with the pair
        (
            "الولايات المتحدة وإسرائيل رفضتا العرض",
            "رفضتا",
            ["USA", "ISR"],
            "subject before the verb",
        ),
        # a verb that does not agree takes no subject
        ("روسيا رفضوا العرض", "رفضوا", [], ""),
        # a prepositional object before the verb is no subject
        ("وقال لإيران رفضت العرض", "رفضت", [], ""),
        # a subject pronoun is left for the antecedent search
        ("إنها رفضت العرض", "رفضت", [], "pronoun:انها"),
    ],
)
def test_subject_before(text, verb, ids, how):
    assert _before(text, verb) == (ids, how)


def test_a_newspaper_before_the_verb_speaks():
    s = sent("صحيفة إيرانية تهاجم حماس")
    a = s.key.index(fold("تهاجم"))
    reading = next(r for r in analyses("تهاجم") if r.verbal)
    feats = verb_features(reading, "تهاجم")
    actors = [m for m in s.mentions if m.kind in ACTOR_KINDS]  # the media mention is no actor
    assert subject_before(s, a, actors, feats, near=True) == ([], MEDIA_SUBJECT)
