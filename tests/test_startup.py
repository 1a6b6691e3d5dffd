"""Lean start-up: each command imports only what it needs (python -X importtime tells)."""

from __future__ import annotations

import json
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
NOT_FOR_VALIDATE = (
    "rich", "graphviz", "cjmap.render", "cjmap.export", "cjmap.rules", "cjmap.lint",
    "cjmap.yaml.syntax",  # the wording of syntax errors, for maps that are not YAML
)  # fmt: skip


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


def test_the_garbage_collector_is_off_for_a_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import cjmap.cli
    from cjmap.__main__ import run_command_line

    seen: list[bool] = []

    def command() -> None:
        seen.append(gc.isenabled())
        raise SystemExit(1)

    monkeypatch.setattr(cjmap.cli, "run", command)
    try:
        assert run_command_line() == 1
        assert seen == [False]
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("code", "status", "said"), [(None, 0, ""), (2, 2, ""), ("bye", 1, "bye\n")]
)
def test_exit_status_is_what_python_would_exit_with(
    capsys: pytest.CaptureFixture[str], code: object, status: int, said: str
) -> None:
    from cjmap.__main__ import exit_status

    assert exit_status(code) == status
    assert capsys.readouterr().err == said


def test_the_process_ends_with_all_its_output_and_the_right_status(tmp_path: Path) -> None:
    # The script leaves with os._exit, which flushes nothing itself: a report far larger
    # than any buffer, written to a file, must still be whole, with the command's status.
    lines = MINIMAL.rstrip("\n").split("\n")
    steps = [
        f"  - {{id: extra-{number}, name: Extra step {number}, stage: purchase, channels: [web]}}"
        for number in range(400)
    ]
    at = lines.index("touchpoints:") + 1
    (tmp_path / "map.yaml").write_text("\n".join([*lines[:at], *steps, *lines[at:]]) + "\n")
    report = tmp_path / "report.json"
    with report.open("w") as out:
        completed = subprocess.run(
            [sys.executable, "-m", "cjmap", "lint", "--format", "json", "--strict", "map.yaml"],
            stdout=out,
            cwd=tmp_path,
            timeout=60,
        )
    assert completed.returncode == 1
    findings = json.loads(report.read_text())
    assert sum(finding["rule"] == "missing-owner" for finding in findings) >= 400
    bad = subprocess.run(
        [sys.executable, "-m", "cjmap", "lint", "--format", "nope", "map.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert bad.returncode == 2
    assert "Invalid value for '--format'" in bad.stderr


def _run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """Exit code of ``cjmap ARGS`` run through cjmap.cli.run, as the script runs it."""
    from cjmap.cli import run

    monkeypatch.setattr(sys, "argv", ["cjmap", *args])
    with pytest.raises(SystemExit) as exited:
        run()
    return int(exited.value.code or 0)


def test_a_command_builds_only_itself(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer.main

    built: list[str] = []
    original = typer.main.get_command_from_info

    def counting(command_info: typer.models.CommandInfo, **kwargs: object) -> object:
        command = original(command_info, **kwargs)  # type: ignore[arg-type]
        built.append(command.name or "")
        return command

    monkeypatch.setattr(typer.main, "get_command_from_info", counting)
    assert _run_main(monkeypatch, "validate", str(EXAMPLES / "coffee-subscription.yaml")) == 0
    assert built == ["validate"]
    assert "No problems found in 1 map." in capsys.readouterr().out
    built.clear()
    assert _run_main(monkeypatch, "rules", "L106") == 0  # a command named apart from its function
    assert built == ["rules"]
    assert "unaddressed-pain" in capsys.readouterr().out


def test_help_and_unknown_commands_still_see_every_command() -> None:
    listed = subprocess.run(
        [sys.executable, "-m", "cjmap", "--help"], capture_output=True, text=True, timeout=60
    )
    assert listed.returncode == 0
    for command in ("validate", "lint", "rules", "pains", "gaps", "diff", "export", "render"):
        assert re.search(rf"^\s+{command}\s", listed.stdout, re.M), command
    unknown = subprocess.run(
        [sys.executable, "-m", "cjmap", "valdate", "map.yaml"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert unknown.returncode == 2
    assert "No such command 'valdate'" in unknown.stderr
    assert "validate" in unknown.stderr.split("No such command", 1)[1]
