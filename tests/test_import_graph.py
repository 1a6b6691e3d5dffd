"""The lint package's layers point one way: suppressions <- rule <- registry <- config
<- engine, each importing none above it, not even under TYPE_CHECKING or inside a
function (test_layers reads the graph from the source and finds no cycle anywhere)."""

from __future__ import annotations

from test_layers import import_graph

LINT = "cjmap.lint"
LAYERS = ["suppressions", "rule", "registry", "config", "engine"]


def test_the_lint_layers_point_one_way() -> None:
    graph = import_graph()
    assert "cjmap.lint.suppressions" in graph["cjmap.lint.rule"]  # under TYPE_CHECKING
    for lower, module in enumerate(LAYERS):
        above = {f"{LINT}.{name}" for name in LAYERS[lower + 1 :]}
        assert not graph[f"{LINT}.{module}"] & above, module


def test_rules_import_only_below_the_registry() -> None:
    graph = import_graph()
    above = {f"{LINT}.{name}" for name in ("registry", "config", "engine")} | {LINT}
    for module, targets in graph.items():
        if module.startswith(f"{LINT}.rules."):
            assert not targets & above, module
