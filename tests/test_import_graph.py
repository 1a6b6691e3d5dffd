"""cjmap's import graph (test_layers reads it from the source: imports under
TYPE_CHECKING and inside functions count) has no cycle, and the lint package's
layers point one way."""

from __future__ import annotations

from collections.abc import Mapping, Set

from test_layers import import_graph

LINT = "cjmap.lint"


def cycle(graph: Mapping[str, Set[str]], within: str) -> list[str] | None:
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


def test_the_cycle_finder_finds_one() -> None:
    graph = {"p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.a"}, "q": {"p.a"}}
    assert cycle(graph, "p") == ["p.a", "p.b", "p.c", "p.a"]
    assert cycle({"p.a": {"p.b"}, "p.b": set()}, "p") is None


def test_no_cycle_in_cjmap() -> None:
    assert cycle(import_graph(), "cjmap") is None


def test_the_lint_layers_point_one_way() -> None:
    graph = import_graph()
    assert "cjmap.lint.suppressions" in graph["cjmap.lint.rule"]  # under TYPE_CHECKING
    order = ["suppressions", "rule", "registry", "config", "engine"]
    for lower, module in enumerate(order):
        above = {f"{LINT}.{name}" for name in order[lower + 1 :]}
        assert not graph[f"{LINT}.{module}"] & above, module
