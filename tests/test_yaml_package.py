"""The loading layer's own rules: one module touches ruamel.yaml, none looks upwards."""

from __future__ import annotations

import ast

from test_layers import SOURCE, _module_name, import_graph

# What cjmap.yaml is below: the checks, the reports and everything built on them.
ABOVE_LOADING = (
    "cjmap.loader",  # the facade over cjmap.yaml, for the layers above
    "cjmap.model",
    "cjmap.validate",
    "cjmap.references",
    "cjmap.naming",
    "cjmap.lint",
    "cjmap.reports",
    "cjmap.writers",
    "cjmap.render",
    "cjmap.export",
    "cjmap.commands",
    "cjmap.cli",
)


def test_only_the_event_module_imports_ruamel() -> None:
    importers = set()
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(name.split(".")[0] in ("ruamel", "_ruamel_yaml") for name in names):
                importers.add(_module_name(path))
    assert importers == {"cjmap.yaml.events"}


def test_the_yaml_package_imports_nothing_above_it() -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if module.startswith("cjmap.yaml")
        for target in targets
        if any(target == layer or target.startswith(layer + ".") for layer in ABOVE_LOADING)
    )
    assert not wrong, wrong
