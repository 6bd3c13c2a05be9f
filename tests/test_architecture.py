"""The package's layout rules (docs/architecture.md), read from the code itself.

Imports point down the flow text → load → tag → pipeline → views → panel → report; no
module imports itself back through others; no private name crosses modules; modules and
functions stay small enough to read; an import inside a function says why beside it.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"

#: Each part of the package and the parts it may import (besides itself).
ALLOWED = {
    "resources": set(),
    "schema": set(),
    "text": {"resources"},
    "load": {"resources", "text"},
    "tag": {"resources", "text"},
    "pipeline": {"resources", "text", "load", "tag"},
    "views": {"resources", "text", "tag", "pipeline"},
    "panel": {"resources", "text", "tag", "pipeline", "views"},
    "report": {"resources", "text", "tag", "pipeline", "views", "panel"},
    "evaluate": {"resources", "text", "load", "tag", "pipeline"},
    "cli": {"resources", "text", "load", "tag", "pipeline", "report", "evaluate"},
    "__main__": {"cli"},
    "__init__": set(),
}
#: Basics every part may import.
for _part in ALLOWED:
    if _part not in ("resources", "schema"):
        ALLOWED[_part] |= {"resources", "schema"}
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 100
LONG_FUNCTIONS_ALLOWED = 3


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(module: str) -> str:
    """``analysis.tag.stance`` → ``tag``; ``analysis.cli`` → ``cli``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@cache
def modules() -> dict[str, tuple[Path, ast.Module]]:
    return {
        module_name(p): (p, ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def imports_of(tree: ast.Module, here: str) -> list[tuple[ast.ImportFrom | ast.Import, str]]:
    """Every import of an ``analysis`` module in ``tree``: (node, module imported)."""
    known = modules()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node, a.name) for a in node.names if a.name.split(".")[0] == "analysis"]
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert not node.level, f"{here}: relative import of {node.module} (write it absolute)"
            base = node.module
            if base.split(".")[0] != "analysis":
                continue
            for a in node.names:  # `from analysis.views import figures` imports a module
                sub = f"{base}.{a.name}"
                out.append((node, sub if sub in known else base))
    return out


@cache
def package_names() -> set[str]:
    return {module_name(p) for p in PACKAGE.rglob("__init__.py")}


def graph() -> dict[str, set[str]]:
    return {
        here: {m for _, m in imports_of(tree, here) if m != here}
        for here, (_, tree) in modules().items()
    }


def test_imports_point_down_the_flow():
    wrong = []
    for here, targets in graph().items():
        mine = part_of(here)
        for target in targets:
            theirs = part_of(target)
            if theirs != mine and theirs not in ALLOWED[mine] and target != "analysis":
                wrong.append(f"{here} imports {target} ({mine} may not import {theirs})")
    assert not wrong, "\n".join(wrong)


def test_every_part_has_its_rule():
    assert {part_of(m) for m in modules()} <= set(ALLOWED)
    subpackages = {part_of(m) for m in package_names() if m != "analysis"}
    assert len(subpackages) >= 4


def test_no_import_cycles():
    g = graph()
    # only imports of modules inside the package count; a package's own __init__ is a leaf
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(g.get(node, ())):
            if nxt not in g:
                continue
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(g):
        if start not in state:
            visit(start, [start])
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


def test_no_private_name_crosses_modules():
    crossing = []
    for here, (_, tree) in modules().items():
        for node, target in imports_of(tree, here):
            if isinstance(node, ast.ImportFrom):
                crossing += [
                    f"{here} imports {a.name} from {target}"
                    for a in node.names
                    if a.name.startswith("_") and target != here
                ]
        imported = {
            a.asname or a.name
            for node, _ in imports_of(tree, here)
            if isinstance(node, ast.ImportFrom)
            for a in node.names
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in imported
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                crossing.append(f"{here} uses {node.value.id}.{node.attr}")
    assert not crossing, "\n".join(crossing)


def test_modules_stay_small():
    big = {
        m: n
        for m, (p, _) in modules().items()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not big, big


def test_few_long_functions():
    long = {
        f"{m}.{node.name}": node.end_lineno - node.lineno + 1
        for m, (_, tree) in modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    }
    assert len(long) <= LONG_FUNCTIONS_ALLOWED, long


def function_imports(tree: ast.Module):
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(fn):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield node


def test_imports_inside_functions_say_why():
    """A reason is a comment on the import's line, on a line of the run of imports it
    belongs to, or on the line just above that run."""
    silent = []
    for m, (path, tree) in modules().items():
        lines = path.read_text(encoding="utf-8").splitlines()
        nodes = list(function_imports(tree))
        starts = {n.lineno for n in nodes}
        for node in nodes:
            first = node.lineno
            while first - 1 in {n.end_lineno for n in nodes}:  # the run it belongs to
                first = next(n.lineno for n in nodes if n.end_lineno == first - 1)
            last = node.end_lineno
            while last + 1 in starts:
                last = next(n.end_lineno for n in nodes if n.lineno == last + 1)
            run = lines[first - 2 : last]  # the line above and the run
            if not any("#" in line for line in run):
                silent.append(f"{m}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert not silent, "\n".join(silent)


@pytest.mark.parametrize(
    "module, part",
    [("analysis.tag.stance", "tag"), ("analysis.cli", "cli"), ("analysis", "__init__")],
)
def test_part_of(module, part):
    assert part_of(module) == part


def test_a_cycle_would_be_seen(monkeypatch):
    """The cycle check is not vacuous: two modules importing each other are reported."""
    fake = {"analysis.a": {"analysis.b"}, "analysis.b": {"analysis.a"}}
    monkeypatch.setitem(globals(), "graph", lambda: fake)
    with pytest.raises(AssertionError, match=r"analysis\.a → analysis\.b → analysis\.a"):
        test_no_import_cycles()
