"""cjmap lint: validate, then the practitioners' rules of journey mapping.

The package, from the bottom up (each module imports only those before it):

- ``suppressions``: the ``# cjmap: ignore[...]`` comments of a map;
- ``rule``: what a rule is (metadata, options, checker) and what it sees;
- ``rules/``: the rules, one module each;
- ``registry``: every rule, found by name or code;
- ``config``: settings from ``cjmap.toml`` / ``pyproject.toml``, every rule's options;
- ``engine``: one walk of the map per lint, findings with lines, severities, suppressions;
- ``docs``: the rules' pages and listing.
"""

from __future__ import annotations

from cjmap.lint.engine import LintRun, MapLinter, lint_document, lint_paths, run_rules

__all__ = ["LintRun", "MapLinter", "lint_document", "lint_paths", "run_rules"]
