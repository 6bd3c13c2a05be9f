"""Word analyses and the context rules that choose one (tag.morph, tag.forms, tag.frames)."""

from __future__ import annotations

import csv

import pytest

from analysis.resources import data_dir, load_yaml
from analysis.tag.clauses import Sent
from analysis.tag.cue_words import candidate
from analysis.tag.forms import FORMS_FILE, expand_lemma, frame_lemmas, known_forms
from analysis.tag.frames import cue_prefilter, find_cues
from analysis.tag.mentions import tag_text
from analysis.tag.morph import analyses, choose, lemma_key, stems, surfaces
from analysis.text.normalize import fold


@pytest.mark.parametrize(
    ("token", "split"),
    [
        ("وبالضغط", ("وبال", "ضغط", "")),
        ("موافقتها", ("", "موافقه", "ها")),  # ت of a feminine noun before a pronoun
        ("قدموه", ("", "قدموا", "ه")),  # the alef of وا drops before a pronoun
        ("للاتفاق", ("لل", "اتفاق", "")),  # ل + ال
        ("استعداده", ("", "استعداد", "ه")),
    ],
)
def test_stems_undo_clitics(token, split):
    assert split in stems(token)
    # and the other way: the form with its clitics is among its surfaces
    assert token in surfaces(split[1])


_UNSEEN_PERFECTIVE = "verb: its noun readings are unattested (perfective)"


@pytest.mark.parametrize(
    ("word", "prev", "nxt", "clause_start", "after_actor", "verbal", "rule"),
    [
        ("عرض", "قد", "", False, False, True, "verb after قد"),
        ("رفض", "لكنه", "", False, False, True, "verb after لكنه"),
        ("عرض", "علي", "", False, False, False, "noun after علي"),
        ("طلب", "", "", True, False, True, "verb at clause start"),
        ("طلب", "", "الحكومه", False, False, False, "noun: first term of an idafa"),
        ("رفض", "", "", False, True, True, "verb after its subject"),
        # سـ is the future only where no noun's stem begins with it, and never after أن/لن
        ("سيول", "استمرار", "الامطار", False, False, False, "noun: first term of an idafa"),
        ("سيول", "ان", "الامطار", False, False, False, "unambiguous"),
        ("سيناء", "", "", False, False, False, "noun by default"),
        # an indefinite nisba after the word makes it a noun ("رفض أمريكي"), but a leader
        # is a person, not an adjective: "ورفض قيادي في المعارضة"
        ("رفض", "", "امريكي", True, False, False, "noun before an indefinite adjective"),
        ("ورفض", "", "قيادي", True, False, True, "verb at clause start"),
        # no context either way: a noun reading camel-tools never saw in its training text
        # (وَدْع "cowries", تَرَفُّض) gives way to the attested verb (و + دَعا, رَفَض)
        ("ودعا", "تاريخي", "دول", False, False, True, "verb: its noun readings are unattested"),
        # ... with و/ف only: a bare imperfective with no context stays a noun
        ("ترفض", "يريفان", "كل", False, False, False, "noun by default"),
        # ... but an attested noun keeps the default ("طلب" the request)
        ("طلب", "قدم", "لجوء", False, False, False, "noun by default"),
        # a perfective verb whose noun readings are all unattested is the verb, even before
        # a definite noun ("رحب الرئيس": رَحْب "spacious" is no idafa's first term)
        ("رحب", "جانبه", "الرئيس", False, False, True, _UNSEEN_PERFECTIVE),
        # سـ is no future where a noun's stem begins with و before it (وَسِيط, not و + سيطأ)
        ("وسيطا", "عمل", "للتنازل", False, False, False, "noun by default"),
        # ... not an imperfective that is also a perfective (تطلب: تَطَلَّب, طَلَب)
        ("تطلب", "", "الحكومه", False, False, False, "noun: first term of an idafa"),
    ],
)
def test_context_chooses_verb_or_noun(word, prev, nxt, clause_start, after_actor, verbal, rule):
    ranked, why = choose(
        analyses(word),
        prev=prev,
        nxt=nxt,
        clause_start=clause_start,
        after_actor=after_actor,
        token=word,
    )
    assert ranked[0].verbal is verbal
    assert why == rule


def test_an_unseen_noun_gives_way_to_the_verb_before_its_subject():
    # "تطلب تركيا": تَطَلُّب is a noun camel-tools never saw; before an actor, the verb
    ranked, why = choose(
        analyses("تطلب"),
        prev="وتابع",
        nxt="تركيا",
        clause_start=False,
        after_actor=False,
        token="تطلب",
        before_actor=True,
    )
    assert ranked[0].verbal and why == "verb: its noun readings are unattested"


def test_an_unambiguous_word_keeps_its_readings():
    ranked, why = choose(
        analyses("اشتراط"), prev="علي", nxt="", clause_start=False, after_actor=False, token=""
    )
    assert why == "unambiguous" and {r.lemma for r in ranked} == {lemma_key("اِشْتِراط")}


def test_lemmas_are_written_as_the_frames_write_them():
    assert lemma_key("ٱِقْتَرَح") == lemma_key("اِقْتَرَح")
    assert lemma_key("قَدَّم") == lemma_key("قَدَّم")  # marks in either order


def test_a_pronoun_owner_is_read_from_the_enclitic():
    owners = {r.owner for r in analyses("استعداده")}
    assert ("3", "m", "s") in owners


@pytest.mark.parametrize("word", ["وتطالب", "وستطالب", "ويرفض", "فيطالب"])
def test_a_verb_with_wa_or_fa_carries_it_in_every_reading(word):
    # the analyser also reads the و of "وتطالب" as a particle (wa_part): still joined
    assert {r.conj for r in analyses(word) if r.verbal} == {word[0]}


@pytest.mark.parametrize("word", ["وجهة", "استجابة", "تقدمة"])
def test_a_word_written_with_taa_marbuta_carries_no_pronoun_ha(word):
    # "وجهة نظر" is no وجّهه: ة never writes the pronoun ه
    assert not any(r.enclitic.startswith("3ms") for r in analyses(word))


# --- forms ----------------------------------------------------------------------------------


def test_forms_file_matches_the_frames():
    """Editing data/frames.yaml without `python -m analysis.tag.forms` fails here."""
    with open(data_dir() / FORMS_FILE, encoding="utf-8", newline="") as f:
        in_file = {(lemma_key(r["lemma"]), r["pos"]) for r in csv.DictReader(f, delimiter="\t")}
    assert in_file == {(lemma_key(lemma), pos) for lemma, pos in frame_lemmas()}


def test_expansion_is_what_the_file_holds():
    forms = expand_lemma("قَبِل", "verb")
    assert {"قبل", "يقبلون", "يقبلوا", "قبلت"} <= forms  # the subjunctive is derived
    assert all(
        (lemma_key("قَبِل"), "verb") in {(lemma_key(a), b) for a, b in known_forms()[f]}
        for f in forms
    )


# --- cues -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ضغطوا على الحكومة لوقف القصف", [("demand.verb", "verb")]),
        ("وأبدت أنقرة استعدادها للتفاوض", [("offer.readiness", "light")]),
        ("أنقرة مستعدة لسحب قواتها", [("offer.ready", "adj")]),
        ("وقعت دمشق اتفاقا مع موسكو", [("agreement.noun", "light")]),
        ("بعد رفض الحكومة للمقترح", [("reject.noun", "noun"), ("offer.noun", "noun")]),
        ("وستعرض الحكومة خطة جديدة", [("offer.verb", "verb")]),
        ("ورحبت الفصائل بالاتفاق", [("accept.welcome", "verb"), ("agreement.noun", "noun")]),
        ("ورحبت الفصائل بالوفد الزائر", []),  # welcoming a visitor is not a move
        # a red line is a noun before its colour, even after a definite noun
        ("وقال الوزير إن الوجود الإيراني خط أحمر", [("threat.red_line", "noun")]),
        # a warning is a threat only with its own future act or with an addressee
        ("وحذر الوزير إسرائيل من انتهاك الأجواء", [("threat.warn_party", "verb")]),
        ("قبل أن تنسحب القوات", []),  # قبل is "before"
        ("طلب عدم ذكر اسمه", []),
        ("أنقرة مستعدة تماما", []),  # مستعد needs لـ
        # one lemma, two moves told apart by what follows: an invitation, a call
        ("ودعت الخارجية الوفد إلى زيارة موسكو", [("offer.invite", "verb")]),
        ("ودعت الخارجية الطرفين إلى وقف القتال", [("demand.call", "verb")]),
        # welcoming a call endorses it
        (
            "رحبت بدعوة الوزير إلى وقف القتال",
            [("accept.welcome", "verb"), ("demand.call_noun", "noun")],
        ),
        # readiness to abide by something is a pledge; to do something, an offer
        ("وأبدى الوفد استعداده للالتزام بالهدنة", [("guarantee.readiness_commit", "light")]),
        ("والحكومة جاهزة للالتزام بالهدنة", [("guarantee.ready_commit", "adj")]),
        # condemning or imposing is a move only on a deal, a plan or terms
        ("واستنكرت الفصائل القرار الأخير", [("reject.condemn", "verb")]),
        ("واستنكرت الفصائل القصف على المدينة", []),
        ("وفرضت موسكو شروطها على الوفد", [("demand.impose", "verb")]),
        ("وفرضت واشنطن عقوبات جديدة", []),
        ("وأشاد الوزير بالمبادرة", [("accept.welcome", "verb"), ("offer.noun", "noun")]),
        # a deadline given is a demand; "ربما" is followed by a verb
        ("ومنحت أنقرة الفصائل مهلة للانسحاب", [("demand.ultimatum", "light")]),
        ("ربما تطلب الحكومة وقف القتال", [("demand.verb", "verb")]),
        # لـ with a verbal noun, not a perfective verb; a verbal noun with its pronoun after
        # the noun phrase before it
        (
            "وانتقدت الصحف حكومة نتنياهو لرفضها المقترح",
            [("reject.noun", "noun"), ("offer.noun", "noun")],
        ),
        ("تدين فرنسا تعنت النظام ورفضه الانخراط في المفاوضات", [("reject.noun", "noun")]),
        # the pictures television shows are no offer
        ("وعرض التلفزيون الرسمي صورا للمسيرة", []),
        # a veto is used; "use" carries no other move ("used the card to press")
        ("واستخدمت موسكو الفيتو مرتين", [("reject.veto", "light")]),
        ("واستخدمت موسكو الورقة للضغط على الوفد", [("demand.pressure", "noun")]),  # not light
        # supporting a deal or a conference is accepting it; supporting a party is not
        ("ودعمت الحكومة عقد المؤتمر", [("accept.welcome", "verb")]),
        ("ودعمت الحكومة الفصائل في الشمال", []),
        # a truce declared by one side is a pledge; reached, or merely named, it is not
        ("وأعلنت موسكو هدنة في المدينة", [("guarantee.truce", "light")]),
        ("وتوصل الطرفان إلى هدنة في المدينة", []),
        ("وقال إن وقف إطلاق النار صامد", []),
    ],
)
def test_cues(text, expected):
    s = Sent.build("d", 0, 0, text, [])
    assert [(c.frame["id"], c.how) for c in find_cues(s)] == expected


def test_circumstantial_participle_is_no_light_verbs_object():
    text = "إن الحوثيين استخدموا صواريخ قدمتها إيران , مشددة على ضرورة محاسبتهم"
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    assert [(c.frame["id"], c.how) for c in find_cues(s)] == [("demand.stressing_need", "adj")]


FRAMES = load_yaml("frames")["frames"]


def test_frames_are_documented_data():
    ids = [f["id"] for f in FRAMES]
    assert len(ids) == len(set(ids))
    doc = (data_dir() / "CUES.md").read_text(encoding="utf-8")
    for f in FRAMES:
        assert f["id"].split(".")[0] == f["move"]
        assert f["label_en"] and f["lemmas"] and f["pos"] in ("verb", "noun", "adj")
        assert f"`{f['move']}.*`" in doc, f"{f['id']}: its family is not in CUES.md"
    assert load_yaml("frames")["provenance"].strip()


@pytest.mark.parametrize("frame", FRAMES, ids=[f["id"] for f in FRAMES])
def test_each_frame_reads_its_own_example(frame):
    """Every frame's example (a sentence written for the test) is read with that frame."""
    s = Sent.build("d", 0, 0, frame["example"], [])
    assert frame["id"] in {c.frame["id"] for c in find_cues(s)}


def test_prefilter_reads_only_candidate_words():
    assert candidate("وبمطالبتها")
    assert not candidate("الجنوب")
    assert cue_prefilter().search(fold("وافقت الحكومة"))
    assert not cue_prefilter().search(fold("وصل الوفد إلى جنيف"))
    # a preposition alone (قبل "before") and a pronoun on a word with the article
    # (الشرطة is not شرط + ه) do not make a sentence worth reading
    assert not cue_prefilter().search(fold("وصل الوفد قبل الظهر"))
    assert not cue_prefilter().search(fold("وقالت الشرطة إن الطريق مغلق"))
