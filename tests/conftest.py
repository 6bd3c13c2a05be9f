"""Shared fixtures: the synthetic fixture corpus and its tagged tables (tagged once)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
FIXTURE_CORPUS = TESTS / "fixtures" / "corpus"
SHARED = TESTS.parent.parent / "shared"

# Tests and the notebooks they run read camel-tools data from the shared folder when the
# environment does not say otherwise (CI sets it explicitly).
if "CAMELTOOLS_DATA" not in os.environ and (SHARED / "camel_data").is_dir():
    os.environ["CAMELTOOLS_DATA"] = str(SHARED / "camel_data")

# The tables cache (analysis.pipeline.run.cache_dir) of this test run, notebooks under nbval
# included: never the user's ~/.cache, never a cache left by an earlier run.
_CACHE = tempfile.mkdtemp(prefix="analysis-cache-")
os.environ["ANALYSIS_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def fixture_corpus() -> Path:
    return FIXTURE_CORPUS


@pytest.fixture(scope="session")
def fixture_tables():
    """Every table of the fixture corpus, tagged once per session."""
    from analysis.pipeline.run import tag

    return tag(FIXTURE_CORPUS)


@pytest.fixture(scope="session")
def shared_corpora() -> Path:
    path = SHARED / "corpora"
    if not path.is_dir():
        pytest.skip(f"real corpora not available at {path}")
    return path


# --- small hand-built tables for the figures/tables/widgets/reports tests -----------------
# (docs/tables.md columns; includes hostile strings: markup, bidi overrides, formulas)

HOSTILE_OUTLET = '<img src=x onerror="alert(1)">'
SMALL_ARTICLES = [
    # doc_id, outlet, date, date_source, title, paragraphs
    (
        "a1",
        "الشرق",
        "2018-08-28",
        "stated",
        "انسحاب",
        [
            "إيران تبحث الانسحاب من سوريا.",
            "قال مسؤول إن الحرس الثوري باق في سوريا وإن روسيا تضغط.",
        ],
    ),
    (
        "a2",
        "الشرق",
        "2019-03-02",
        "url",
        "روسيا",
        [
            "روسيا وإيران تتفاوضان.",
            "أكدت واشنطن أن إيران يجب أن تنسحب <b>فورا</b>.",
        ],
    ),
    (
        "a3",
        HOSTILE_OUTLET,
        "2019-03-15",
        "metadata",
        '=HYPERLINK("http://evil")',
        [
            "الحرس الثوري\u202e يرفض <script>alert(1)</script> الانسحاب.",
            "واشنطن ترحب.",
        ],
    ),
    (
        "a4",
        "Levant Daily",
        None,
        "unknown",
        "",
        [
            "إيران وروسيا والحرس الثوري في اجتماع واحد.",
        ],
    ),
]
SMALL_ALIASES = {
    "إيران": ("iran", "state", "Iran"),
    "الحرس الثوري": ("irgc", "organization", "IRGC"),
    "روسيا": ("russia", "state", "Russia"),
    "واشنطن": ("usa", "state", "United States"),
}
SMALL_ACTORS = [
    ("iran", "state", "Iran", "إيران", ""),
    ("irgc", "organization", "IRGC", "الحرس الثوري", "iran"),
    ("russia", "state", "Russia", "روسيا", ""),
    ("usa", "state", "United States", "الولايات المتحدة", ""),
]


def make_small_tables():
    """A tiny Tables-like object built by hand (no tagger needed)."""
    from types import SimpleNamespace

    import pandas as pd

    docs, sents, ments = [], [], []
    for group, (doc_id, outlet, date, source, title, paras) in enumerate(SMALL_ARTICLES):
        text = title + "\n" + "\n".join(paras)
        docs.append(
            {
                "doc_id": doc_id,
                "path": f"{doc_id}.txt",
                "outlet": outlet,
                "outlet_source": "manifest",
                "date": pd.Timestamp(date) if date else pd.NaT,
                "date_source": source,
                "date_note": "",
                "title": title,
                "url": "",
                "text": text,
                "encoding": "utf-8",
                "dup_group": 1 if doc_id in "a1a2" else group,
                "n_chars": len(text),
            }
        )
        pos = 0
        for sent_id, para in enumerate([title, *paras]):
            start = text.index(para, pos)
            pos = start + len(para)
            section = "headline" if sent_id == 0 else "body"
            if not para:
                continue
            sents.append(
                {
                    "doc_id": doc_id,
                    "sent_id": sent_id,
                    "para_id": sent_id,
                    "start": start,
                    "end": pos,
                    "section": section,
                    "section_reason": "test",
                    "text": para,
                }
            )
            for alias, (actor_id, kind, label_en) in SMALL_ALIASES.items():
                at = para.find(alias)
                while at >= 0:
                    ments.append(
                        {
                            "doc_id": doc_id,
                            "sent_id": sent_id,
                            "start": start + at,
                            "end": start + at + len(alias),
                            "surface": alias,
                            "actor_id": actor_id,
                            "kind": kind,
                            "label_en": label_en,
                            "section": section,
                            "reason": f"alias:{alias}",
                        }
                    )
                    at = para.find(alias, at + 1)
    documents = pd.DataFrame(docs).astype({"date": "datetime64[ns]", "dup_group": "Int64"})
    rejected = pd.DataFrame(
        {
            "path": ["bad.pdf", "manifest.csv"],
            "row": pd.array([None, 4], dtype="Int64"),
            "reason": ["not a text file <b>pdf</b>", "file listed but missing"],
        }
    )
    actors = pd.DataFrame(
        SMALL_ACTORS, columns=["id", "kind", "label_en", "label_ar", "affiliation"]
    )
    return SimpleNamespace(
        documents=documents,
        sentences=pd.DataFrame(sents),
        mentions=pd.DataFrame(ments),
        rejected=rejected,
        actors=actors,
        corpus_path="tests/small",
        versions={"analysis": "0"},
    )


@pytest.fixture
def small_tables():
    return make_small_tables()


# --- built reports (tests/test_reports.py, tests/test_browser.py) ---------------------------

REPO = TESTS.parent


def small_notebooks(dest: Path) -> list[Path]:
    """The real notebooks with a first cell that makes ``load_tables`` return the small
    hand-built tables: tests the notebooks and the export before the taggers exist."""
    import jupytext
    import nbformat

    prelude = (
        "import sys\n"
        f"sys.path.insert(0, {str(TESTS)!r})\n"
        "from conftest import make_small_tables\n"
        "import analysis.pipeline.run, analysis.report.notebook\n"
        "analysis.pipeline.run.load_tables = lambda *a, **k: make_small_tables()\n"
        "analysis.report.notebook.load_actors = lambda: make_small_tables().actors\n"
    )
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for src in sorted((REPO / "notebooks").glob("[0-9]*.py")):
        nb = jupytext.read(src)
        nb.cells.insert(0, nbformat.v4.new_code_cell(prelude))
        path = dest / f"{src.stem}.ipynb"
        nbformat.write(nb, path)
        out.append(path)
    return out


@pytest.fixture(scope="session")
def real_reports(tmp_path_factory) -> dict:
    """Reports built once per session on real text: the seeds, and the first 500 pages of
    syria-claims (skipped when ../shared holds no corpus). Name → {"pages", "seconds"}."""
    import time

    from realpages import DATASET, write_pages

    from analysis.report.build import build_reports

    corpora = {"seeds": REPO / "seeds"}
    if DATASET.is_dir():
        corpora["syria-claims-500"] = write_pages(500, tmp_path_factory.mktemp("pages"))
    out = {}
    for name, corpus in corpora.items():
        start = time.perf_counter()
        pages = build_reports(tmp_path_factory.mktemp(name) / "out", corpus=corpus)
        out[name] = {"pages": pages, "seconds": time.perf_counter() - start}
    return out


@pytest.fixture(scope="session")
def built_reports(tmp_path_factory) -> dict:
    """Reports built once per session on the fixture corpus. Returns paths, build time
    and which data."""
    import time

    from analysis.report.build import build_reports

    tmp = tmp_path_factory.mktemp("reports")
    start = time.perf_counter()
    pages = build_reports(tmp / "out", corpus=FIXTURE_CORPUS)
    return {"pages": pages, "seconds": time.perf_counter() - start, "data": "fixture corpus"}
