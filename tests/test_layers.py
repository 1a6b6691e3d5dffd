"""The layers point one way: model <- loading <- checks <- reports <- writers/render/export.
(test_import_graph.py checks the same graph for cycles.)

The import graph is read from the source with ``ast``, so it holds every import: at
the top of a module, inside a function (the lazy ones) and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def import_graph() -> dict[str, frozenset[str]]:
    """Each cjmap module and the cjmap modules it imports, anywhere in its source.

    ``from cjmap.a import b`` counts as importing ``cjmap.a``, and ``cjmap.a.b`` too
    when that is a module; a relative import is resolved against the module's package.
    """
    paths = {_module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}
    graph: dict[str, frozenset[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parents, base] if base else parents)
                imported.add(base)
                imported.update(f"{base}.{alias.name}" for alias in node.names)
        graph[name] = frozenset(module for module in imported if module in paths) - {name}
    return graph


def _in(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def test_the_graph_sees_lazy_and_type_checking_imports() -> None:
    graph = import_graph()
    assert "cjmap.model" in graph["cjmap.reports"]  # under TYPE_CHECKING
    assert "cjmap.model" in graph["cjmap.render.views"]  # under TYPE_CHECKING
    assert "cjmap.writers" in graph["cjmap.commands.validate"]  # inside a function


# (layer, what it must never import)
RULES = [
    (
        "cjmap.text",
        ("cjmap",),
    ),
    (
        "cjmap.model",
        ("cjmap.loader", "cjmap.validate", "cjmap.reports", "cjmap.writers", "cjmap.render"),
    ),
    (
        "cjmap.reports",
        ("cjmap.writers", "cjmap.render", "cjmap.export", "cjmap.cli", "cjmap.commands"),
    ),
    ("cjmap.writers", ("cjmap.export", "cjmap.render", "cjmap.cli", "cjmap.commands")),
    (
        "cjmap.render",
        ("cjmap.reports", "cjmap.writers", "cjmap.export", "cjmap.cli", "cjmap.commands"),
    ),
    ("cjmap.export", ("cjmap.render", "cjmap.cli", "cjmap.commands")),
    # The language server sits beside the writers: it calls the checks and speaks the
    # protocol itself; only its command imports it.
    ("cjmap.lsp", ("cjmap.writers", "cjmap.render", "cjmap.export", "cjmap.cli", "cjmap.commands")),
]


@pytest.mark.parametrize(("layer", "forbidden"), RULES, ids=[layer for layer, _ in RULES])
def test_a_layer_never_imports_one_above_it(layer: str, forbidden: tuple[str, ...]) -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if _in(module, (layer,))
        for target in targets
        if _in(target, forbidden) and not _in(target, (layer,))
    )
    assert not wrong, wrong


def test_reports_choose_no_colours() -> None:
    for path in (SOURCE / "cjmap" / "reports").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in ("bold", "style", "rich"):
            assert word not in text, f"{path.name} mentions {word!r}"
