"""Every inflected form of the cue lemmas, expanded once with camel-tools' generator.

``data/frame_forms.tsv`` holds, for each lemma and part of speech the frames name
(``data/frames.yaml``, light verbs included), each form it takes without clitics, folded as
the tagger's keys are (``form``, ``lemma``, ``pos``). The tagger strips clitics from a word
and looks its stem up there (``analysis.tag.morph.stems``); only words found are analysed.
Rebuild the file after editing the frames::

    python -m analysis.tag.forms          # writes analysis/data/frame_forms.tsv

``tests/tag/test_forms.py`` fails when the file and the frames disagree.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import sys
from collections.abc import Iterable
from pathlib import Path

from analysis.resources import data_dir, load_yaml
from analysis.tag.camel import data_dir as camel_dir
from analysis.tag.camel import get_analyzer
from analysis.tag.morph import lemma_key
from analysis.text.normalize import fold, strip_marks

__all__ = ["FORMS_FILE", "expand_lemma", "frame_lemmas", "known_forms", "write_forms"]

FORMS_FILE = "frame_forms.tsv"
# The database generates the imperfective only without a mood; the subjunctive and
# jussive spellings are derived from it (``_moods``).
_VERB_FEATS = [
    dict(pos="verb", asp=asp, per=per, gen=gen, num=num, vox=vox)
    for asp, per, gen, num, vox in itertools.product("pic", "123", "mf", "sdp", "ap")
]
_NOMINAL_FEATS = [
    dict(num=num, stt=stt, cas=cas, prc0=prc0, gen=gen)
    for num, stt, cas, prc0, gen in itertools.product("sdp", "dic", "nag", ("0", "Al_det"), "mf")
]


def frame_lemmas() -> list[tuple[str, str]]:
    """(lemma, pos) of every frame and light verb, in file order, without repeats."""
    data = load_yaml("frames")
    pairs = [(str(v["lemma"]), "verb") for v in data.get("light_verbs", [])]
    pairs += [(str(v["lemma"]), "noun") for v in data.get("light_nouns", [])]
    for frame in data["frames"]:
        pairs += [(str(lemma), str(frame["pos"])) for lemma in frame["lemmas"]]
    return list(dict.fromkeys(pairs))


@functools.cache
def _generator():
    # camel-tools is heavy: loaded only when forms are rebuilt, never while tagging
    from camel_tools.morphology.database import MorphologyDB
    from camel_tools.morphology.generator import Generator

    path = camel_dir() / "data/morphology_db/calima-msa-r13/morphology.db"
    return Generator(MorphologyDB(str(path), "g"))


def expand_lemma(lemma: str, pos: str) -> set[str]:
    """The folded forms of one lemma (no clitics other than the article)."""
    gen = _generator()
    # the database's own spelling of the lemma (alef wasla, order of marks)
    want = lemma_key(lemma)
    # an adjective frame may name a participle the database lists as a noun (مُطالِب)
    allowed = {"adj": ("adj", "noun"), "noun": ("noun", "adj")}.get(pos, (pos,))
    lexes = {
        (str(a["lex"]), str(a["pos"]))
        for a in get_analyzer().analyze(strip_marks(lemma))
        if lemma_key(str(a["lex"])) == want and a["pos"] in allowed
    }
    out: set[str] = set()
    for lex, lex_pos in sorted(lexes):
        out |= _expand(gen, lex, lex_pos)
    if lexes:  # the citation form itself: the generator misses some (indeclinable فيتو)
        out.add(fold(strip_marks(lemma)))
    return out


def _expand(gen, lex: str, pos: str) -> set[str]:
    out: set[str] = set()
    feats = _VERB_FEATS if pos == "verb" else [dict(f, pos=pos) for f in _NOMINAL_FEATS]
    for f in feats:
        try:
            found = gen.generate(lex, f)
        except Exception:
            continue
        for a in found:
            form = fold(str(a["diac"]))
            out.add(form[2:] if form.startswith("ال") else form)
            if pos == "verb" and f["asp"] == "i":
                out |= _moods(form)
    return out


def _moods(form: str) -> set[str]:
    """Subjunctive and jussive spellings of an indicative imperfective: يقبلون → يقبلوا,
    يقبلان → يقبلا, تقبلين → تقبلي; a weak final letter drops (يدعو → يدع، يبدي → يبد)."""
    out = set()
    if form.endswith("ون"):
        out.add(form[:-1] + "ا")
    elif (form.endswith(("ان", "ين")) and len(form) > 4) or (
        form.endswith(("و", "ي")) and len(form) > 3
    ):
        out.add(form[:-1])
    return out


def write_forms(path: str | Path | None = None, pairs: Iterable[tuple[str, str]] = ()) -> Path:
    """Expand every frame lemma and write the forms table; returns its path."""
    path = Path(path) if path else data_dir() / FORMS_FILE
    rows = []
    for lemma, pos in pairs or frame_lemmas():
        forms = expand_lemma(lemma, pos)
        if not forms:
            raise ValueError(f"frames.yaml: camel-tools generates no form of {lemma!r} ({pos})")
        rows += [(form, lemma, pos) for form in sorted(forms)]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    writer.writerow(["form", "lemma", "pos"])
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


@functools.cache
def known_forms() -> dict[str, frozenset[tuple[str, str]]]:
    """Folded form → the (lemma, pos) pairs it inflects, from ``data/frame_forms.tsv``."""
    index: dict[str, set[tuple[str, str]]] = {}
    path = data_dir() / FORMS_FILE
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            index.setdefault(row["form"], set()).add((row["lemma"], row["pos"]))
    return {k: frozenset(v) for k, v in index.items()}


if __name__ == "__main__":
    print(write_forms(sys.argv[1] if len(sys.argv) > 1 else None))
