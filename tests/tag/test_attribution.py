"""Attribution: speaker, source chain, hedging and carry-over (analysis.tag.attribution)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from sentence_tables import tables_from_sentences

from analysis.tag.attribution import ATTRIBUTION_COLUMNS, attribute
from analysis.tag.mentions import tag_mentions

GOLD = Path(__file__).parent.parent / "gold"


def run(sentences: list[str], sections: list[str] | None = None) -> pd.DataFrame:
    """Attribution of loose sentences, one document, one paragraph each."""
    rows = pd.DataFrame(
        {
            "case": "d",
            "sent": range(len(sentences)),
            "text": sentences,
            "section": sections or ["body"] * len(sentences),
        }
    )
    docs, sents = tables_from_sentences(rows, outlet="Outlet")
    return attribute(sents, docs, tag_mentions(sents, docs))


# --------------------------------------------------------------------------- unit tables

UNIT = [
    # sentences, index checked, speaker, cited, hedged, carried
    (
        ["قال لافروف إن موسكو تدعم الحل السياسي.", "وأضاف أن الحوار هو السبيل الوحيد."],
        1,
        "lavrov",
        "",
        False,
        True,
    ),
    (
        ["قال لافروف إن موسكو تدعم الحل السياسي.", "وتابع: «لا حل عسكريا في سوريا»."],
        1,
        "lavrov",
        "",
        False,
        True,
    ),
    (
        ["نقلت وكالة رويترز عن مسؤولين أمريكيين قولهم إن المحادثات متعثرة."],
        0,
        "unnamed_source",
        "reuters",
        True,
        False,
    ),
    (
        ["بحسب ما ذكره موقع صحيفة الأخبار، فإن اللقاء عقد في دمشق."],
        0,
        "al_akhbar",
        "",
        False,
        False,
    ),
    (["دعت الأمم المتحدة إلى تسوية وفق القرار 2254."], 0, "outlet", "", False, False),
    (["زعمت إيران أن مستشاريها غادروا المنطقة."], 0, "IRN", "", True, False),
    (["أعلنت إيران أن مستشاريها غادروا المنطقة."], 0, "IRN", "", False, False),
    (["وقالت مصادر مطلعة إن الاجتماع تأجل."], 0, "unnamed_source", "", True, False),
    (
        ["كشف مصدر في الحرس الثوري لـ«الجريدة» أن الاتفاق قريب."],
        0,
        "unnamed_source",
        "al_jarida",
        True,
        False,
    ),
    (["وأفادت تقارير بأن الاجتماع تأجل."], 0, "reports", "", True, False),
    # a member left unnamed is an unnamed source, not the actor it belongs to
    (["وقال قيادي في المعارضة السورية إن الاجتماع تأجل."], 0, "unnamed_source", "", True, False),
    (["وقال عضو في المعارضة السورية إن الاجتماع تأجل."], 0, "unnamed_source", "", True, False),
    # ... but a member's title before a name is no unnamed source
    (
        ["وقال عضو المعارضة السورية , فراس الخالدي , إن الاجتماع تأجل."],
        0,
        "syrian_opposition",
        "",
        False,
        False,
    ),
    (
        ["وسخر قائد عسكري في الجيش السوري الحر من تصريح روسي , مؤكدا أن المنطقة هادئة ."],
        0,
        "unnamed_source",
        "",
        True,
        False,
    ),
    (["ولم يتسن التحقق من الرواية بشكل مستقل."], 0, "outlet", "", True, False),
    (
        ["وقال ظريف: «سنبقى في سوريا", "ما دامت الحكومة تطلب ذلك»."],
        1,
        "outlet",
        "",
        False,
        False,
    ),  # ظريف alone is not in the dictionary: nothing to carry
    (
        [
            "وقال وزير الخارجية الإيراني محمد جواد ظريف: «سنبقى في سوريا",
            "ما دامت الحكومة تطلب ذلك».",
        ],
        1,
        "zarif",
        "",
        False,
        True,
    ),
    (
        ["قال لافروف إن الحوار مستمر.", "وشهدت المنطقة اشتباكات عنيفة.", "وأضاف أن الحوار مفيد."],
        2,
        "outlet",
        "",
        False,
        False,
    ),  # no carry over an unattributed sentence
    (
        ["وجدد التحذير من استمرار الوجود الإيراني في سوريا ."],
        0,
        "outlet",
        "",
        False,
        False,
    ),  # an actor after a preposition inside the phrase does not speak
    (
        ["وأك د الوزير الروسي سيرغي لافروف أن ه لن يعود ."],
        0,
        "lavrov",
        "",
        False,
        False,
    ),  # a reporting verb the scraper broke ("وأك د" for وأكّد)
    (
        ["وأعلن المبعوث الدولي الخاص إلى سورية ستيفان دي ميستورا , أنه يأمل عودة الوفدين."],
        0,
        "de_mistura",
        "",
        False,
        False,
    ),  # a preposition inside a title before the name
    (
        ["ونشر مكتب دي ميستورا ورقة من 12 بندا , قال إنه طرحها على الوفدين ."],
        0,
        "de_mistura",
        "",
        False,
        False,
    ),  # a verb after a comma alone continues the main clause: its subject speaks
    (
        ["قال لافروف إن الحوار مستمر.", '" نحن نراقب كل شيء " , قال .'],
        1,
        "lavrov",
        "",
        False,
        True,
    ),  # "«…»، قال.": the speaker named before
    (
        ["اندلاع الثورة ضد نظام الأسد كان مفاجئا , مضيفا أن الحل بعيد ."],
        0,
        "outlet",
        "",
        False,
        False,
    ),  # the main subject is a verb's: a sentence that opens with a noun has none
    (
        ["وشهدت المنطقة هدوءا.", 'وأضافت " تمخض اللقاء عن تعهد من الرئيس أردوغان بأن لا ينتشر " .'],
        1,
        "outlet",
        "",
        False,
        False,
    ),  # a name inside the quotation that opens after the verb is not its speaker
    (
        ['وقال مصدر عراقي عبر مواقع التواصل " يفاجئنا الرئيس ماكرون بتدخل مرفوض " .'],
        0,
        "unnamed_source",
        "",
        True,
        False,
    ),  # a quotation opening inside the speaker phrase ends it: the president is quoted
    (
        ['وقال المتحدث باسم " جيش الإسلام " إن الفصائل رفضت العرض .'],
        0,
        "jaish_al_islam",
        "",
        False,
        False,
    ),  # a quoted name stays in the phrase
    (
        ["وتنص الصفقة التي يتم بموجبها نقل مقاتلي داعش عن طريق البادية على الانسحاب ."],
        0,
        "outlet",
        "",
        False,
        False,
    ),  # نقل after يتم is a transfer: the fighters moved are no speaker
    (
        ["ذكرت صحيفة الأخبار نقلا عن مسؤولين سوريين أن دمشق رفضت العرض."],
        0,
        "unnamed_source",
        "al_akhbar",
        True,
        False,
    ),
]


@pytest.mark.parametrize(("sentences", "idx", "speaker", "cited", "hedged", "carried"), UNIT)
def test_attribution_unit_table(sentences, idx, speaker, cited, hedged, carried):
    row = run(sentences).set_index("sent_id").loc[idx]
    assert (row.speaker_id, row.cited_source, bool(row.hedged), bool(row.carried_over)) == (
        speaker,
        cited,
        hedged,
        carried,
    )


def test_headline_speaker_before_colon():
    out = run(["مصدر: طهران وافقت على خفض قواتها"], ["headline"])
    assert out.loc[0, "speaker_id"] == "unnamed_source"
    assert bool(out.loc[0, "hedged"])


def test_a_person_before_a_colon_inside_a_run_on_headline_speaks():
    # the previous headline runs into this one: the name before the colon is not at the start
    out = run(["ومقتل قائد من الحرس الثوري لافروف : اتفقنا مع أنقرة وطهران"], ["headline"])
    assert out.loc[0, "speaker_id"] == "lavrov"
    # after the sentence's own speaker, the name before a colon speaks a later clause
    out = run(["قال لافروف إن الحوار مستمر وماكرون : الانتقادات غير مقبولة"])
    assert out.loc[0, "speaker_id"] == "lavrov"
    assert [c["speaker_id"] for c in json.loads(out.loc[0, "clause_speakers"])] == ["macron"]


def test_a_statement_in_which_someone_said_is_his():
    # "بيانا أكد فيه": the preposition's pronoun is the statement; its author speaks, not the
    # nisba in what he said
    out = run(["وأصدر حزب الله بيانا أكد فيه رفضه للمقترح الأمريكي ."])
    assert out.loc[0, "speaker_id"] == "hezbollah"


def test_whom_he_told_is_no_speaker():
    # "قال لـ…": the outlet he told
    out = run(["وقال لديلي صباح التركية إن المؤتمر لن يكون مقبولا ."])
    assert out.loc[0, "speaker_id"] != "TUR"


def test_a_name_the_dictionary_lacks_speaks_not_the_actor_before_the_verb():
    out = run(['خروج الميليشيات الإيرانية وأكد أبو زيد : " طالبنا روسيا بخروج الميليشيات " .'])
    assert out.loc[0, "speaker_id"] == "unlisted_name"
    assert out.loc[0, "speaker_surface"] == "أبو زيد"


@pytest.mark.parametrize(
    "sentences, speaker",
    [
        # a given name the dictionary lacks: neither the speaker before nor a quotation left
        # open carries on
        (
            ['وقال المبعوث الأممي : " الوضع صعب .', 'وأعلن إسماعيل هنية " لن نسمح بالتوغلات " .'],
            "unlisted_name",
        ),
        (
            ["وقال المبعوث الأممي إن الوضع صعب .", "وقالت فيديريكا موغيريني إنها تدعم المبادرة ."],
            "unlisted_name",
        ),
        # a surname alone is the one named before; one name before a colon too
        (["وقال المبعوث الأممي إن الوضع صعب .", "ولفت الخالدي إلى أنه مرفوض ."], "UN"),
        (["وقال المبعوث الأممي إن الوضع صعب .", 'وأضاف ديلون : " لن نوافق عليه " .'], "UN"),
    ],
)
def test_an_unlisted_name_is_its_own_speaker(sentences, speaker):
    out = run(sentences)
    assert out.loc[len(sentences) - 1, "speaker_id"] == speaker


def test_source_chain_runs_outlet_cited_speaker():
    out = run(["ذكرت صحيفة «الأخبار» نقلاً عن مسؤولين سوريين أن دمشق رفضت العرض."])
    assert out.loc[0, "source_chain"] == "Outlet > al_akhbar > unnamed_source"


def test_offsets_point_into_the_document_text():
    rows = pd.DataFrame(
        {
            "case": "d",
            "sent": [0, 1],
            "section": "body",
            "text": ["مقدمة قصيرة.", "وقال وزير الخارجية الروسي سيرغي لافروف: «الحوار مستمر»."],
        }
    )
    docs, sents = tables_from_sentences(rows)
    out = attribute(sents, docs, tag_mentions(sents, docs))
    text = docs.loc[0, "text"]
    row = out.set_index("sent_id").loc[1]
    assert text[row.cue_start : row.cue_end] == "قال"
    ((qs, qe),) = row.quote_spans
    assert text[qs:qe] == "«الحوار مستمر»"


def test_columns_and_only_claim_sections():
    out = run(
        ["قال لافروف إن الحوار مستمر.", "اقرأ أيضاً: قال لافروف إن الحوار مستمر"],
        ["body", "boilerplate"],
    )
    assert list(out.columns) == ATTRIBUTION_COLUMNS
    assert out["sent_id"].tolist() == [0]


def test_empty_input():
    empty_s = pd.DataFrame(
        columns=[
            "doc_id",
            "sent_id",
            "para_id",
            "start",
            "end",
            "section",
            "section_reason",
            "text",
        ]
    )
    out = attribute(
        empty_s, pd.DataFrame(columns=["doc_id", "outlet", "date", "text"]), pd.DataFrame()
    )
    assert out.empty and list(out.columns) == ATTRIBUTION_COLUMNS


# --------------------------------------------------------------------------- gold


@pytest.fixture(scope="module")
def gold_attribution():
    gold = pd.read_csv(GOLD / "attribution_gold.csv", dtype=str, keep_default_na=False)
    gold["sent"] = gold["sent"].astype(int)
    docs, sents = tables_from_sentences(gold)
    out = attribute(sents, docs, tag_mentions(sents, docs))
    return gold, out


def test_gold_table_is_large_enough(gold_attribution):
    gold, _ = gold_attribution
    assert len(gold) >= 40
    assert {"True"} <= set(gold["carried_over"]) and {"True"} <= set(gold["hedged"])


def test_gold_attribution_agreement(gold_attribution):
    gold, out = gold_attribution
    got = out.set_index(["doc_id", "sent_id"])
    wrong = []
    for r in gold.itertuples():
        p = got.loc[(r.case, r.sent)]
        ok = (
            p.speaker_id in r.speaker_id.split("|")
            and p.cited_source == r.cited_source
            and str(bool(p.hedged)) == r.hedged
            and str(bool(p.carried_over)) == r.carried_over
        )
        if not ok:
            wrong.append((r.case, r.sent, r.speaker_id, p.speaker_id))
    # measured 52/52 when written; the floor leaves room for dictionary changes elsewhere
    assert len(wrong) <= 0.1 * len(gold), wrong


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال قيادي في المعارضة السورية إن الاجتماع تأجل.",
        "وسخر قائد عسكري في المعارضة السورية من تصريح روسي , مؤكدا أن المنطقة هادئة .",
    ],
)
def test_an_unnamed_member_speaks_for_its_actor(sentence):
    out = run([sentence])
    assert out.loc[0, "speaker_affiliation"] == "syrian_opposition"


def test_fixture_corpus_relay_chain(fixture_tables):
    att = fixture_tables.attribution
    chains = set(att["source_chain"])
    assert any(re.search(r"> al_akhbar$", c) for c in chains)
    assert any("newsweek > mcnulty" in c for c in chains)
    quds = att[att["cue"] == "كشف"].iloc[0]
    assert quds["speaker_id"] == "unnamed_source" and bool(quds["hedged"])
    assert quds["speaker_affiliation"] == "quds_force"
    assert quds["cited_source"] == "src:الوقائع"


def test_a_later_clause_names_its_own_speaker():
    out = run(
        [
            "قال لافروف إن الحوار مستمر , فيما قال وزير الخارجية الإيراني محمد جواد ظريف إن"
            " بلاده ترفض الشروط.",
            "وأضاف أن الحوار مفيد.",
        ]
    )
    first = out.loc[0]
    assert first.speaker_id == "lavrov"  # the sentence's speaker is the first
    later = json.loads(first.clause_speakers)
    assert [c["speaker_id"] for c in later] == ["zarif"]
    assert later[0]["start"] > int(first.cue_start)  # its own cue, after the first
    assert out.loc[1, "speaker_id"] == "zarif"  # "وأضاف": the last speaker


def test_an_object_after_a_later_verb_is_no_speaker():
    out = run(["قال لافروف إن الحوار مستمر , وأكد استمرار الدعم الأميركي للمفاوضات."])
    assert out.loc[0, "clause_speakers"] == ""
