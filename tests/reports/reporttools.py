"""Helpers for the report tests: valid maps from YAML text, and where a text is written."""

from __future__ import annotations

from pathlib import Path

from cjmap.loader import load_text
from cjmap.reports import ValidMap, valid_maps
from cjmap.validate import validate_document, validate_paths

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


def maps_of(*texts: str) -> list[ValidMap]:
    """Each text as a valid map named map1.yaml, map2.yaml...; fails on an invalid one."""
    checked = [
        validate_document(load_text(text, f"map{n}.yaml")) for n, text in enumerate(texts, 1)
    ]
    for item in checked:
        assert not item.findings, item.findings
    return valid_maps(checked)


def example_maps(*names: str) -> list[ValidMap]:
    paths = [EXAMPLES / name for name in names] if names else [EXAMPLES]
    return valid_maps(validate_paths(paths).checked)


def line_of(text: str, snippet: str) -> int:
    """The 1-based line where a snippet first appears."""
    return text[: text.index(snippet)].count("\n") + 1
