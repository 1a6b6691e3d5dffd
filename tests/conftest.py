"""Shared helpers: run the CLI, load YAML text, and a minimal valid map."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cjmap.cli import app
from cjmap.findings import Finding
from cjmap.loader import load_text
from cjmap.validate import validate_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MINIMAL = """\
cjmap: 1
map:
  title: Minimal map
personas:
  - id: parent
    name: Busy parent
stages:
  - id: awareness
    name: Awareness
  - id: purchase
    name: Purchase
channels:
  - id: web
    name: Website
touchpoints:
  - id: ad
    name: Sees an ad
    stage: awareness
    channels: [web]
  - id: checkout
    name: Pays for the box
    stage: purchase
    channels: [web]
journeys:
  - id: first
    name: First order
    persona: parent
    steps: [ad, checkout]
actions:
  - id: fix
    title: Show shipping early
    touchpoints: [checkout]
"""


class Result:
    """What a CLI run gave: exit code, stdout, stderr."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(*args: str | Path) -> Result:
    runner = CliRunner()
    outcome = runner.invoke(app, [str(arg) for arg in args], terminal_width=100)
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        raise outcome.exception
    return Result(outcome.exit_code, outcome.stdout, outcome.stderr)


def readme_output(command: str) -> str:
    """What the README shows after ``$ command`` in a console block, to compare with a run."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"$ {command}\n") + len(command) + 3
    return text[start : text.index("```", start)]


def findings_of(text: str, path: str = "map.yaml") -> list[Finding]:
    return validate_document(load_text(text, path)).findings


def codes_at(text: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of every finding in a map's text."""
    return [(f.code, f.line, f.column) for f in findings_of(text)]


@pytest.fixture
def write_map(tmp_path: Path) -> Any:
    def write(text: str, name: str = "map.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


# In CI (CJMAP_NO_SKIP=1, set by .ci/run) a skipped test fails the run: the outside
# programs that some tests need are installed there, so a skip means something broke.
_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    import os

    if os.environ.get("CJMAP_NO_SKIP") == "1" and _skipped:
        print(f"\nCJMAP_NO_SKIP=1 but {len(_skipped)} tests were skipped: {', '.join(_skipped)}")
        session.exitstatus = 1


NODE_DIR = ROOT / "tests" / "node"


def has_node_packages(*names: str) -> bool:
    import shutil

    return shutil.which("node") is not None and all(
        (NODE_DIR / "node_modules" / name).is_dir() for name in names
    )


needs_mermaid = pytest.mark.skipif(
    not has_node_packages("mermaid", "jsdom"),
    reason="needs Node.js and `npm install --prefix tests/node` (.ci/run does it)",
)


def read_with_mermaid(files: list[Path]) -> list[Any]:
    """What Mermaid itself reads in each diagram file: {title, sections, tasks} or {error}."""
    import subprocess

    run = subprocess.run(
        ["node", str(NODE_DIR / "mermaid-journey.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]
