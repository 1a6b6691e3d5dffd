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


def test_the_garbage_collector_is_off_for_a_command_and_frozen_at_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    import cjmap.cli
    from cjmap.__main__ import main

    seen: list[bool] = []
    monkeypatch.setattr(cjmap.cli, "run", lambda: seen.append(gc.isenabled()))
    monkeypatch.setattr(sys, "argv", ["cjmap", "validate", "map.yaml"])
    frozen_before = gc.get_freeze_count()
    try:
        main()
        assert seen == [False]
        assert gc.get_freeze_count() > frozen_before
    finally:
        gc.unfreeze()
        gc.enable()


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
