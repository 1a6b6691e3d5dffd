"""cjmap's import graph, computed from the source, has no cycle: imports under
TYPE_CHECKING and inside functions count. The lint package's layers point one way."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src"
LINT = "cjmap.lint"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> set[str]:
    """The cjmap modules a source file imports anywhere in it (functions and
    TYPE_CHECKING blocks included): for ``from a.b import c``, ``a.b.c`` when that is
    a module, else ``a.b``. cjmap's imports are absolute (ruff's TID252 would say)."""
    name = module_name(path)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert not node.level, f"{path}: a relative import"
            base = node.module or ""
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in modules else base)
    return {module for module in found if module in modules and module != name}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(SRC.rglob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): imports(path, modules) for path in paths}


def cycle(graph: dict[str, set[str]], within: str) -> list[str] | None:
    """A cycle among the modules of ``within`` (the package and below), or None."""
    inside = {name for name in graph if name == within or name.startswith(within + ".")}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for target in sorted(graph[name] & inside):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[name] = 2
        return None

    for name in sorted(inside):
        if name not in state:
            found = visit(name)
            if found:
                return found
    return None


def test_the_graph_sees_type_checking_and_function_imports() -> None:
    graph = import_graph()
    assert "cjmap.lint.suppressions" in graph["cjmap.lint.rule"]  # under TYPE_CHECKING
    assert "cjmap.lint.registry" in graph["cjmap.lint.config"]
    assert "cjmap.lint.rule" in graph["cjmap.lint.rules.stale_map"]


def test_the_cycle_finder_finds_one() -> None:
    graph = {"p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.a"}, "q": {"p.a"}}
    assert cycle(graph, "p") == ["p.a", "p.b", "p.c", "p.a"]
    assert cycle({"p.a": {"p.b"}, "p.b": set()}, "p") is None


def test_no_cycle_in_cjmap() -> None:
    assert cycle(import_graph(), "cjmap") is None


def test_the_lint_layers_point_one_way() -> None:
    graph = import_graph()
    order = ["suppressions", "rule", "registry", "config", "engine"]
    for lower, module in enumerate(order):
        above = {f"{LINT}.{name}" for name in order[lower + 1 :]}
        assert not graph[f"{LINT}.{module}"] & above, module
