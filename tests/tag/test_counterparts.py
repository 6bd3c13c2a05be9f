"""The party a move addresses (analysis.tag.counterparts)."""

from __future__ import annotations

import pytest
from sentence_tables import sent

from analysis.tag.counterparts import (
    agreement_parties,
    move_counterpart,
    own_side,
    shown_counterpart,
)
from analysis.text.normalize import fold


def counterpart(
    text: str, cue: str, move: str, preps: list[str], holders: set[str], addressed: bool = False
) -> str:
    s = sent(text)
    b = s.key.index(fold(cue)) + len(fold(cue))
    return move_counterpart(s, move, preps, b, len(s.key), holders, [], object_addressed=addressed)


@pytest.mark.parametrize(
    ("text", "cue", "move", "preps", "holder", "addressed", "expected"),
    [
        # a frame whose verb takes its addressee as object (addressee: object)
        ("وعدت واشنطن أنقرة بوقف الدعم", "وعدت", "guarantee", ["ل"], "USA", True, "TUR"),
        ("وعدت واشنطن أنقرة بوقف الدعم", "وعدت", "guarantee", ["ل"], "USA", False, ""),
        # ... past a counterpart filler
        ("وعد بوتين نظيره التركي بوقف القصف", "وعد", "guarantee", ["ل"], "putin", True, "TUR"),
        # a word of time between the subject and the object
        ("ودعت روسيا الاثنين إيران إلى الانسحاب", "ودعت", "demand", ["الى"], "RUS", False, "IRN"),
        ("ودعت روسيا الاثنين إلى الانسحاب", "ودعت", "demand", ["الى"], "RUS", False, ""),
        # the one who presented what is refused (its relative clause's subject)
        ("رفضت روسيا مشروع القرار الذي قدمته واشنطن", "رفضت", "reject", [], "RUS", False, "USA"),
        ("رفضت روسيا مشروع القرار الذي ناقشته واشنطن", "رفضت", "reject", [], "RUS", False, ""),
        # a filler with the preposition on it
        ("قدمت أنقرة ضمانات للجانب الروسي", "ضمانات", "guarantee", ["ل"], "TUR", False, "RUS"),
        ("وعود موسكو لنظيرها التركي", "وعود", "guarantee", ["ل"], "RUS", False, "TUR"),
        # the one something is given to, offered or refused ("لتزويد لبنان"، "منح مصر")
        (
            "أبدت سورية استعدادها لتزويد لبنان بالكهرباء",
            "استعدادها",
            "offer",
            [],
            "SYR",
            False,
            "LBN",
        ),
        ("رفضت واشنطن منح مصر المساعدات", "رفضت", "reject", [], "USA", False, "EGY"),
        # ... not when the giving is denied: the promise is to another
        ("وعدت واشنطن بعدم تزويد تركيا بالأسلحة", "وعدت", "guarantee", [], "USA", False, ""),
        # ... nor a demand's beneficiary, who is not the one called on
        ("طالبت روسيا بتزويد تركيا بالأسلحة", "طالبت", "demand", [], "RUS", False, ""),
        # a threat's target past its instrument
        ("لوحت فرنسا بعقوبات ضد روسيا", "لوحت", "threat", [], "FRA", False, "RUS"),
        ("لوحت فرنسا بعقوبات في حال الفشل", "لوحت", "threat", [], "FRA", False, ""),
        # ... not a preposition the frame does not take
        ("قدمت أنقرة ضمانات بالجانب الروسي", "ضمانات", "guarantee", ["ل"], "TUR", False, ""),
        # the person named after his state's nisba, not the state
        (
            "وعرض بوتين على نظيره الأمريكي دونالد ترامب خطة",
            "بوتين",
            "offer",
            ["على"],
            "putin",
            False,
            "trump",
        ),
    ],
)
def test_the_party_a_move_addresses(text, cue, move, preps, holder, addressed, expected):
    assert counterpart(text, cue, move, preps, {holder}, addressed) == expected


def test_move_counterpart_after_a_preposition():
    text = "عرضت واشنطن على دمشق الانسحاب"
    assert counterpart(text, "عرضت", "offer", ["على", "ل", "الى"], {"USA"}) == "SYR"
    assert counterpart(text, "عرضت", "offer", ["على", "ل", "الى"], {"SYR"}) == ""


@pytest.mark.parametrize(
    ("text", "cue", "move", "holder", "expected"),
    [
        # the owner of the offer refused or accepted
        ("رفضت دمشق العرض الأمريكي", "رفضت", "reject", "SYR", "USA"),
        ("وافقت أنقرة على المقترح الروسي", "وافقت", "accept", "TUR", "RUS"),
        # ... and of any position, act or presence objected to, by nisba or genitive
        ("اعترضت إيران على المواقف الروسية", "اعترضت", "reject", "IRN", "RUS"),
        ("اعترضت واشنطن على حضور إيران كضامن", "اعترضت", "reject", "USA", "IRN"),
        ("رفضت أنقرة التدخل الأمريكي في الشمال", "رفضت", "reject", "TUR", "USA"),
        ("رفضت روسيا مشروع القرار الأمريكي", "رفضت", "reject", "RUS", "USA"),
        ("وأعلنت طهران رفضها للمواقف الروسية", "رفضها", "reject", "IRN", "RUS"),
        # not an actor further on, nor one after a preposition of place
        ("رفضت دمشق العودة إلى جنيف قبل موافقة روسيا", "رفضت", "reject", "SYR", ""),
        (
            "رفضت المعارضة المشاركة في المؤتمر الذي دعت إليه روسيا",
            "رفضت",
            "reject",
            "syrian_opposition",
            "",
        ),
        # a nisba of a person in the object, or an elided one after another noun, is none
        ("وافقت الفصائل على تولي العميد السوري المنشق القيادة", "وافقت", "accept", "fsa", ""),
        ("يقف الرفض الإسرائيلي بجوار التركي", "الرفض", "reject", "ISR", ""),
    ],
)
def test_the_owner_of_what_is_refused_or_accepted(text, cue, move, holder, expected):
    assert counterpart(text, cue, move, [], {holder}) == expected


def test_own_side_is_a_domestic_appeal():
    assert own_side({"erdogan"}, "TUR")
    assert not own_side({"IRN"}, "hezbollah")  # a group the state backs is another party
    assert not own_side({"USA"}, "")


def test_two_parties_make_one_row_three_one_each():
    s = sent("اتفقت موسكو مع أنقرة وطهران")
    b = s.key.index(fold("اتفقت")) + len(fold("اتفقت"))
    rows, note = agreement_parties(s, [("RUS", "موسكو")], "TUR", b, len(s.key))
    assert sorted(r[0] for r in rows) == ["IRN", "RUS", "TUR"] and note == "3 parties: one row each"


@pytest.mark.parametrize(
    ("move", "counterpart", "issue", "holder", "shown"),
    [
        # a red line on one actor's presence is drawn for that actor
        ("threat", "", "iranian_presence", "ISR", "IRN"),
        ("threat", "RUS", "iranian_presence", "ISR", "RUS"),  # one named stays
        ("demand", "", "iranian_presence", "USA", ""),  # a demand asks someone else
        ("threat", "", "iranian_presence", "IRN", ""),  # never the holder itself
        ("offer", "USA", "", "USA", ""),
    ],
)
def test_the_counterpart_a_row_shows(move, counterpart, issue, holder, shown):
    assert shown_counterpart(move, counterpart, issue, holder)[0] == shown
