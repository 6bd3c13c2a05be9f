"""Move nouns only referred to, not made (tag.references). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from analysis.tag.clauses import Sent
from analysis.tag.frames import find_cues
from analysis.tag.mentions import tag_text
from analysis.tag.references import only_referred


def referred(text: str, word: str) -> bool:
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    cues = find_cues(s)
    idx = next(i for i, c in enumerate(cues) if s.key[c.kstart : c.kend] == word)
    return only_referred(s, cues, idx)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the object of an earlier cue of the clause
        ("ورفضت دمشق العرض الأمريكي", "العرض", True),
        # a definite move noun after a preposition: a known move
        ("ورحبت أنقرة بالمقترح الروسي", "بالمقترح", True),
        # inside a move made before
        ("وجاء القرار في إطار الاتفاق", "الاتفاق", True),
        # an indefinite agreement between named parties is stated
        ("وأعلن الوزير عن اتفاق بين روسيا وتركيا", "اتفاق", False),
        # a word of time or frame between: when, not what, the earlier cue is about
        ("حققت اختراقا بموافقة موسكو خلال اتفاق بين بوتين وترامب", "اتفاق", False),
        ("وجاء ذلك بموافقة موسكو بموجب اتفاق بين بوتين وترامب", "اتفاق", False),
        # ... a word that begins with و of its own
        ("وجاء ذلك بموافقة موسكو وفق اتفاق بين بوتين وترامب", "اتفاق", False),
        # past a long subject set off by commas, the object of an accepting verb; not once a
        # new clause has begun (أما, فقد)
        ("ورفض رئيس المكتب , علي مملوك , العرض الأمريكي", "العرض", True),
        (
            "وسيقبل الوفد هذا التوجه , أما الأطراف الأخرى فقد شاهدنا اعتراضا إيرانيا عليه",
            "اعتراضا",
            False,
        ),
    ],
)
def test_only_referred(text, word, expected):
    assert referred(text, word) is expected
