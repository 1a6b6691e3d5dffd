"""Lean start-up: each command imports only what it needs (python -X importtime tells)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import pytest

import cjmap
from conftest import EXAMPLES, MINIMAL

HEAVY = ("typer", "click", "rich", "pydantic", "graphviz", "ruamel")
NOT_FOR_VALIDATE = ("rich", "graphviz", "cjmap.render", "cjmap.export", "cjmap.rules", "cjmap.lint")


def _run(*args: str | Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python -X importtime -m cjmap ARGS`` (output to a pipe, not a terminal)."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cjmap", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    imported = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)", completed.stderr, re.M))
    assert imported, completed.stderr
    return completed, imported


def _loaded(imported: set[str], package: str) -> set[str]:
    return {name for name in imported if name == package or name.startswith(package + ".")}


def test_version_matches_the_package_metadata() -> None:
    assert cjmap.__version__ == version("cjmap")


def test_version_answers_before_any_heavy_import() -> None:
    completed, imported = _run("--version")
    assert completed.returncode == 0
    assert completed.stdout == f"cjmap {version('cjmap')}\n"
    for package in HEAVY:
        assert not _loaded(imported, package), package


@pytest.mark.parametrize(
    ("text", "exit_code"),
    [
        ((EXAMPLES / "coffee-subscription.yaml").read_text(), 0),
        (MINIMAL.replace("stage: purchase", "stage: purchse"), 1),
    ],
    ids=["valid", "invalid"],
)
@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_validate_imports_no_terminal_or_rendering_code(
    write_map: Callable[[str], Path], text: str, exit_code: int, output_format: str
) -> None:
    completed, imported = _run("validate", "-f", output_format, write_map(text))
    assert completed.returncode == exit_code, completed.stdout
    for package in NOT_FOR_VALIDATE:
        assert not _loaded(imported, package), package
    assert "cjmap.validate" in imported  # the check really ran
