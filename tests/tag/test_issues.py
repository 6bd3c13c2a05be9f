"""Issues and where a sentence names them (analysis.tag.issues)."""

from __future__ import annotations

from importlib import resources

import pytest

from analysis.resources import load_yaml
from analysis.tag.clauses import Sent
from analysis.tag.issues import (
    find_issues,
    is_place,
    issue_prefilter,
    issues_data,
    mention_issues,
    own_presence_issue,
    owns_issue,
    stance_target,
)
from analysis.tag.mentions import tag_text
from analysis.text.normalize import fold


def test_issues_file():
    data = load_yaml("issues")
    ids = [i["id"] for i in data["issues"]]
    assert len(ids) == len(set(ids))
    assert {
        "iranian_presence",
        "us_presence",
        "southern_syria",
        "israeli_strikes",
        "political_process",
        "sanctions",
        "oil",
        "syria_iran_alliance",
    } <= set(ids)
    doc = (resources.files("analysis") / "data" / "CUES.md").read_text(encoding="utf-8")
    for iid, d in issues_data().items():
        assert d.get("label_en"), iid
        assert f"`{iid}`" in doc, f"issue {iid} is not documented in CUES.md"
        for key in ("parent", "stance_target"):
            if key in d:
                assert d[key] in ids, f"{iid}.{key} → unknown issue {d[key]}"
    assert data.get("provenance", "").strip()


def hits(text: str) -> list[tuple[str, str, bool]]:
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    return [(s.surface(h.kstart, h.kend), h.issue, h.pronoun) for h in find_issues(s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "طالب بانسحاب القوات الإيرانية من سوريا",
            [("انسحاب القوات الإيرانية", "iranian_presence", False)],
        ),
        ("رفضت واشنطن سحب قواتها", [("قواتها", "", True)]),  # the caller resolves the owner
        ("العقوبات على دمشق", [("العقوبات", "sanctions", False)]),
        ("القوات الأمريكية في العراق", []),  # a Syria-only issue placed elsewhere
        ("وصل الوزير إلى الرياض", []),
        # the Geneva and Astana processes by any of their names
        ("دعمت واشنطن عملية جنيف", [("عملية جنيف", "political_process", False)]),
        ("وحضر الوفد مفاوضات آستانة", [("مفاوضات آستانة", "political_process", False)]),
        (
            "دعا بوتين الأطراف للانضمام للمسار السياسي في سوريا",
            [("للمسار السياسي", "political_process", False)],
        ),
        # the owner first, its presence after بـ: "will not allow Iran to entrench"
        (
            "لن تسمح إسرائيل لإيران بالتموضع في سوريا",
            [("إيران بالتموضع", "iranian_presence", False)],
        ),
        ("سمحت الحكومة للمنظمات بالعمل في المدينة", []),
        # Israel's security coordination with the Palestinian Authority is another file
        ("يؤكد ضابط إسرائيلي أهمية التنسيق الأمني مع السلطة الفلسطينية", []),
        # a bare withdrawal with the name of whoever leaves is not the holder's own
        ("طالبت روسيا بخروج تركيا من سوريا", []),
        ("يعود إلى زمن خروج بريطانيا من شرق السويس", []),
        ("عرضت طهران الانسحاب من سوريا", [("الانسحاب", "", True)]),
    ],
)
def test_find_issues(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # a period after a time word says when something happens
        ("طالب برحيل الأسد خلال المرحلة الانتقالية في سوريا", True),
        ("برحيل الأسد مع بدء مرحلة الانتقال السياسي في سوريا", True),
        ("بقاء الأسد بعد المرحلة الانتقالية في سوريا", True),
        ("وقعت الغارة أثناء انسحاب القوات الإيرانية", True),
        # the means, or what is wanted: not a time
        ("حل الأزمة في سوريا من خلال العملية السياسية", False),
        ("دعمت موسكو المرحلة الانتقالية في سوريا", False),
        ("بعد انسحاب القوات الإيرانية", False),  # a sequence: the stance code's exchange
        ("ودعت إلى المشاركة في العملية السياسية في سوريا", False),
    ],
)
def test_an_issue_phrase_after_a_time_word_says_when(text, when):
    s = Sent.build("d", 0, 0, text, tag_text(text).to_dict("records"))
    found = [h for h in find_issues(s) if h.issue]
    assert found and all(h.time == when for h in found)


SENTENCES = [
    "لن تسمح إسرائيل لإيران بالتموضع في سوريا",
    "طالب بانسحاب القوات الإيرانية من سوريا",
    "رفضت واشنطن سحب قواتها",
    "العقوبات على دمشق",
    "دعمت واشنطن عملية جنيف",
    "وأكدت موسكو التزامها بالحل السياسي في سوريا",
    "وقال إن الميليشيات التابعة لإيران ستبقى",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_prefilter_passes_every_sentence_with_an_issue(text):
    # the stance reader skips a sentence the prefilter rejects: it must know every pattern
    if hits(text):
        assert issue_prefilter().search(fold(text))


@pytest.mark.parametrize(
    ("text", "hit"),
    [("انسحاب القوات الإيرانية", True), ("سحب قواتها", True), ("وصل الوزير", False)],
)
def test_issue_prefilter(text, hit):
    assert bool(issue_prefilter().search(fold(text))) is hit


@pytest.mark.parametrize(
    ("actor", "issue"),
    [
        ("IRN", "iranian_presence"),
        ("soleimani", "iranian_presence"),  # through his affiliations to Iran
        ("USA", "us_presence"),
        ("RUS", ""),
        ("", ""),
    ],
)
def test_own_presence_issue(actor, issue):
    assert own_presence_issue(actor) == issue


@pytest.mark.parametrize(
    ("holder", "issue", "owns"),
    [
        ("IRN", "iranian_presence", True),
        ("IRN", "southern_syria", True),  # a child of its own presence
        ("USA", "iranian_presence", False),
    ],
)
def test_owns_issue(holder, issue, owns):
    assert owns_issue(holder, issue) is owns


def test_stance_targets_and_actor_issues_are_known_issues():
    ids = set(issues_data())
    assert stance_target("al_tanf") == "us_presence"
    assert stance_target("sanctions") == "sanctions"
    assert set(mention_issues().values()) <= ids


@pytest.mark.parametrize(
    ("issue", "place"),
    [("southern_syria", True), ("al_tanf", True), ("iranian_presence", False), ("", False)],
)
def test_is_place(issue, place):
    assert is_place(issue) is place
