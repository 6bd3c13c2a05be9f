"""Finding a corpus's inputs: files in order, hidden ones skipped."""

from pathlib import Path

from analysis.load.readers import iter_corpus_files


def write_bytes(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_iter_corpus_files_is_sorted_recursive_and_skips_hidden(tmp_path):
    for name in ("b.txt", "a/z.txt", "a/b.txt", ".git/x", "c.json"):
        write_bytes(tmp_path, name, b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_corpus_files(tmp_path)] == [
        "a/b.txt",
        "a/z.txt",
        "b.txt",
        "c.json",
    ]
