"""analysis.evaluate: gold rows tied to the tagger's sentences, scores, misses and extras."""

from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.cli import main
from analysis.evaluate import GoldError, evaluate
from analysis.resources import load_yaml

HEAD = "موسكو تعرض وساطة في الجنوب"
S1 = "رفض علي مملوك العرض الأمريكي."
S2 = "وطالبت واشنطن بخروج القوات الإيرانية."
TEXT = f"{HEAD} - موقع المثال\n{HEAD}\n{S1} {S2}\nاترك تعليقا"
#        line 1: title bar    line 2: headline  line 3: two sentences   line 4: form


def _offsets(text: str, part: str, start: int = 0) -> tuple[int, int]:
    pos = text.index(part, start)
    return pos, pos + len(part)


def _tables(**frames) -> SimpleNamespace:
    """A tagged one-document corpus as the tagger would give it (its sentences here)."""
    spans = [
        _offsets(TEXT, f"{HEAD} - موقع المثال"),
        _offsets(TEXT, HEAD, TEXT.index("\n")),
        _offsets(TEXT, S1),
        _offsets(TEXT, S2),
        _offsets(TEXT, "اترك تعليقا"),
    ]
    sections = frames.pop("sections", ["meta", "headline", "body", "body", "boilerplate"])
    sentences = pd.DataFrame(
        {
            "doc_id": "d1",
            "sent_id": range(len(spans)),
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "section": sections,
            "text": [TEXT[s:e] for s, e in spans],
        }
    )
    empty = {
        "mentions": ["doc_id", "sent_id", "start", "end", "actor_id", "kind"],
        "attribution": ["doc_id", "sent_id", "speaker_id", "cited_source", "hedged"],
        "stances": ["doc_id", "sent_id", "holder_id", "target", "polarity"],
        "positions": ["doc_id", "sent_id", "holder_id", "move", "counterpart_id", "issue"],
    }
    tables = {name: pd.DataFrame(columns=cols) for name, cols in empty.items()}
    tables.update(frames)
    return SimpleNamespace(
        documents=pd.DataFrame({"doc_id": ["d1"], "text": [TEXT]}), sentences=sentences, **tables
    )


def _write(folder: Path, name: str, rows: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, list(rows[0]))
        w.writeheader()
        w.writerows(rows)


SECTIONS = [
    {"doc_id": "d1", "line": "1", "section": "meta", "text": f"{HEAD} - موقع المثال"},
    {"doc_id": "d1", "line": "2", "section": "headline", "text": HEAD},
    {"doc_id": "d1", "line": "3", "section": "body", "text": f"{S1} {S2}"},
    {"doc_id": "d1", "line": "4", "section": "boilerplate", "text": "اترك تعليقا"},
]


def _score(result, table, level):
    row = result.scores[(result.scores["table"] == table) & (result.scores["level"] == level)]
    return row.iloc[0][["gold", "found", "hits"]].tolist()


def test_sections_by_line_and_by_counted_sentence(tmp_path):
    _write(tmp_path, "sections", SECTIONS)
    tagged = _tables(sections=["headline", "headline", "body", "body", "body"])
    result = evaluate(tmp_path, tagged)
    assert _score(result, "sections", "line") == [4, 4, 2]
    # 3 gold-counted sentences; 5 counted by the tagger, 3 of them rightly
    assert _score(result, "sections", "counted sentence") == [3, 5, 3]
    wrong = result.errors[result.errors["level"] == "line"]["item"].tolist()
    assert wrong == ["line 1: gold meta, tagged headline", "line 4: gold boilerplate, tagged body"]


def test_a_headline_is_found_where_it_stands_whole_not_inside_the_title_bar(tmp_path):
    # HEAD also starts line 1 ("HEAD - موقع المثال"): the gold sentence is the bare line 2
    _write(
        tmp_path,
        "mentions",
        [{"doc_id": "d1", "sent": "0", "text": HEAD, "actor_id": "RUS", "surface": "موسكو"}],
    )
    start = TEXT.index(HEAD, 1)
    found = pd.DataFrame(
        [
            {
                "doc_id": "d1",
                "sent_id": 1,
                "start": start,
                "end": start + 5,
                "actor_id": "RUS",
                "kind": "state",
            }
        ]
    )
    result = evaluate(tmp_path, _tables(mentions=found))
    assert _score(result, "mentions", "mention") == [1, 1, 1]


def test_mentions_match_by_actor_and_overlapping_span(tmp_path):
    _write(
        tmp_path,
        "mentions",
        [
            {
                "doc_id": "d1",
                "sent": "1",
                "text": S1,
                "actor_id": "mamlouk",
                "surface": "علي مملوك",
            },
            {"doc_id": "d1", "sent": "1", "text": S1, "actor_id": "USA", "surface": "الأمريكي"},
            {"doc_id": "d1", "sent": "2", "text": S2, "actor_id": "USA", "surface": "واشنطن"},
        ],
    )
    s1, s2 = TEXT.index(S1), TEXT.index(S2)
    found = pd.DataFrame(
        [
            # "مملوك" alone overlaps "علي مملوك": a hit
            {
                "doc_id": "d1",
                "sent_id": 2,
                "start": s1 + 8,
                "end": s1 + 13,
                "actor_id": "mamlouk",
                "kind": "person",
            },
            # the right words for the wrong actor: a miss (USA) and an extra (SYR)
            {
                "doc_id": "d1",
                "sent_id": 2,
                "start": s1 + 20,
                "end": s1 + 28,
                "actor_id": "SYR",
                "kind": "state",
            },
            {
                "doc_id": "d1",
                "sent_id": 3,
                "start": s2 + 7,
                "end": s2 + 13,
                "actor_id": "USA",
                "kind": "state",
            },
            # a place is not an actor mention: not counted either way
            {
                "doc_id": "d1",
                "sent_id": 3,
                "start": s2,
                "end": s2 + 3,
                "actor_id": "tanf",
                "kind": "place",
            },
        ]
    )
    result = evaluate(tmp_path, _tables(mentions=found))
    assert _score(result, "mentions", "mention") == [3, 3, 2]
    errors = result.errors[result.errors["table"] == "mentions"]
    assert sorted(zip(errors["kind"], errors["item"], strict=True)) == [
        ("extra", "SYR الأمريكي"),
        ("miss", "USA الأمريكي"),
    ]


def test_moves_strict_lenient_and_issue(tmp_path):
    _write(
        tmp_path,
        "positions",
        [
            {
                "doc_id": "d1",
                "sent": "1",
                "section": "body",
                "text": S1,
                "holder": "mamlouk",
                "move": "reject",
                "counterpart": "USA",
                "issue": "us_presence",
                "in_exchange_for": "",
                "modality": "asserted",
            },
            {
                "doc_id": "d1",
                "sent": "2",
                "section": "body",
                "text": S2,
                "holder": "USA",
                "move": "demand",
                "counterpart": "",
                "issue": "iranian_presence",
                "in_exchange_for": "",
                "modality": "asserted",
            },
        ],
    )
    found = pd.DataFrame(
        [
            # the holder's state instead of the person: wrong strictly, right leniently
            {
                "doc_id": "d1",
                "sent_id": 2,
                "holder_id": "SYR",
                "move": "reject",
                "counterpart_id": "USA",
                "issue": "us_presence",
            },
            {
                "doc_id": "d1",
                "sent_id": 3,
                "holder_id": "USA",
                "move": "demand",
                "counterpart_id": "",
                "issue": "southern_syria",
            },
        ]
    )
    result = evaluate(tmp_path, _tables(positions=found))
    assert _score(result, "positions", "holder") == [2, 2, 1]
    assert _score(result, "positions", "top affiliation") == [2, 2, 2]
    assert _score(result, "positions", "move only") == [2, 2, 2]
    assert _score(result, "positions", "issue") == [1, 1, 0]  # scored on strict matches


def test_recall_on_the_gold_rows_not_marked_doubtful(tmp_path):
    rows = [
        {"doc_id": "d1", "sent": "1", "section": "body", "text": S1, "holder": "USA"},
        {"doc_id": "d1", "sent": "2", "section": "body", "text": S2, "holder": "SYR"},
    ]
    for row, note in zip(rows, ("", "doubt: a conjecture"), strict=True):
        row.update(
            move="demand",
            counterpart="",
            issue="",
            in_exchange_for="",
            modality="asserted",
            note=note,
        )
    _write(tmp_path, "positions", rows)
    found = pd.DataFrame(
        [
            {"doc_id": "d1", "sent_id": 3, "holder_id": "SYR", "move": "demand"},
            {"doc_id": "d1", "sent_id": 3, "holder_id": "RUS", "move": "demand"},
        ]
    ).assign(counterpart_id="", issue="")
    result = evaluate(tmp_path, _tables(positions=found))
    assert _score(result, "positions", "holder") == [2, 2, 1]
    # the one clear row is missed; the hit is on the doubtful one
    assert _score(result, "positions", "holder, confident gold rows") == [1, 2, 0]


def test_predictions_outside_the_gold_counted_lines_are_not_scored_twice(tmp_path):
    # a move the tagger finds in the comment form is a section error, counted there
    _write(tmp_path, "sections", SECTIONS)
    _write(
        tmp_path,
        "stances",
        [
            {
                "doc_id": "d1",
                "sent": "2",
                "text": S2,
                "holder": "USA",
                "target": "iranian_presence",
                "polarity": "oppose",
            }
        ],
    )
    found = pd.DataFrame(
        [
            {
                "doc_id": "d1",
                "sent_id": 3,
                "holder_id": "USA",
                "target": "iranian_presence",
                "polarity": "oppose",
            },
            {
                "doc_id": "d1",
                "sent_id": 4,
                "holder_id": "IRN",
                "target": "us_presence",
                "polarity": "oppose",
            },
        ]
    )
    result = evaluate(tmp_path, _tables(stances=found))
    assert _score(result, "stances", "holder") == [1, 1, 1]


def test_attribution_speaker_cited_source_and_hedging(tmp_path):
    rows = [
        {
            "doc_id": "d1",
            "sent": "0",
            "section": "headline",
            "text": HEAD,
            "speaker_id": "outlet",
            "cited_source": "",
            "hedged": "False",
            "carried_over": "False",
        },
        {
            "doc_id": "d1",
            "sent": "1",
            "section": "body",
            "text": S1,
            "speaker_id": "unnamed_source",
            "cited_source": "al_akhbar",
            "hedged": "True",
            "carried_over": "False",
        },
    ]
    _write(tmp_path, "attribution", rows)
    found = pd.DataFrame(
        [
            {
                "doc_id": "d1",
                "sent_id": 1,
                "speaker_id": "outlet",
                "cited_source": "",
                "hedged": False,
            },
            {
                "doc_id": "d1",
                "sent_id": 2,
                "speaker_id": "outlet",
                "cited_source": "",
                "hedged": True,
            },
        ]
    )
    result = evaluate(tmp_path, _tables(attribution=found))
    assert _score(result, "attribution", "speaker") == [1, 0, 0]
    assert _score(result, "attribution", "cited source") == [2, 2, 1]
    assert _score(result, "attribution", "hedged") == [2, 2, 2]


@pytest.mark.parametrize(
    ("name", "rows", "message"),
    [
        ("mentions", [{"doc_id": "d1", "text": S1, "actor_id": "X"}], "missing column"),
        (
            "mentions",
            [{"doc_id": "d1", "text": "جملة غير موجودة", "actor_id": "X", "surface": "x"}],
            r"mentions\.csv, row 2: text not found",
        ),
        (
            "mentions",
            [{"doc_id": "d9", "text": S1, "actor_id": "X", "surface": "x"}],
            "document 'd9' is not in the corpus",
        ),
        (
            "mentions",
            [{"doc_id": "d1", "text": S1, "actor_id": "USA", "surface": "واشنطن"}],
            "surface 'واشنطن' not in text",
        ),
        (
            "sections",
            [{"doc_id": "d1", "line": "2", "section": "headline", "text": S1}],
            "line 2 of d1 reads",
        ),
        ("sections", [{"doc_id": "d1", "line": "9", "section": "body"}], "has no line 9"),
    ],
)
def test_bad_gold_names_the_file_and_row(tmp_path, name, rows, message):
    _write(tmp_path, name, rows)
    with pytest.raises(GoldError, match=message):
        evaluate(tmp_path, _tables())


def test_an_empty_gold_folder_is_an_error(tmp_path):
    with pytest.raises(GoldError, match="no gold file"):
        evaluate(tmp_path, _tables())


def test_cli_on_the_seeds_gold(tmp_path, capsys):
    root = Path(__file__).parent.parent.parent
    code = main(
        [
            "evaluate",
            str(root / "tests/gold/seeds"),
            "--corpus",
            str(root / "seeds"),
            "--out",
            str(tmp_path),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    for table in ("sections", "mentions", "attribution", "stances", "positions"):
        assert table in out
    scores = pd.read_csv(tmp_path / "scores.csv")
    errors = pd.read_csv(tmp_path / "errors.csv")
    assert set(errors["kind"]) <= {"miss", "extra", "wrong"}
    assert set(zip(scores["table"], scores["level"], strict=True)) >= {
        ("sections", "counted or not"),
        ("mentions", "mention"),
        ("attribution", "speaker"),
        ("stances", "top affiliation"),
        ("positions", "holder"),
    }


def test_cli_names_a_bad_gold_folder(tmp_path, capsys):
    code = main(["evaluate", str(tmp_path / "nope"), "--corpus", "seeds"])
    assert code == 2
    assert "no such folder" in capsys.readouterr().err


def test_no_gold_id_marks_as_new_an_actor_the_dictionary_has():
    """When the dictionary closes a gap, the gold's "new:X" becomes X (docs/gold.md)."""
    ids = {a["id"] for a in load_yaml("actors")["actors"]}
    stale = set()
    for path in Path(__file__).parents[1].joinpath("gold").glob("*/*.csv"):
        for row in csv.reader(path.open(encoding="utf-8")):
            stale |= {(path.name, c[4:]) for c in row if c.startswith("new:") and c[4:] in ids}
    assert not stale
