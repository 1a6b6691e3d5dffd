"""The command layer: one module per command, usage lines as users write them, and init."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import keyword
import re
from pathlib import Path

import pytest
import typer.main

from cjmap.cli import app
from conftest import run_cli

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_is_a_typed_function_of_frozen_options(name: str) -> None:
    # A command named by a Python keyword lives in a module with a trailing underscore.
    module = importlib.import_module(f"cjmap.commands.{name}{'_' * keyword.iskeyword(name)}")
    assert dataclasses.is_dataclass(module.Options)
    assert module.Options.__dataclass_params__.frozen
    signature = inspect.signature(module.run)
    assert list(signature.parameters) == ["options"]
    assert signature.return_annotation in (int, "int")


def test_every_declaration_module_is_registered() -> None:
    from cjmap.cli import COMMANDS as REGISTERED

    folder = Path(importlib.import_module("cjmap.cli").__file__ or "").parent
    modules = {f"cjmap.cli.{path.stem}" for path in folder.glob("*.py")}
    assert set(REGISTERED.values()) == modules - {"cjmap.cli.__init__", "cjmap.cli.common"}
    assert sorted(REGISTERED) == COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_usage_names_arguments_in_capitals_without_python_types(name: str) -> None:
    result = run_cli(name, "--help")
    assert result.exit_code == 0
    usage = result.stdout.splitlines()[0]
    assert re.fullmatch(rf"Usage: cjmap {name} \[OPTIONS\]( [A-Z .\[\]]+)?", usage), usage
    for python_type in ("<list[", "<path>", "<Path>", "<str>", "<int>", "{"):
        assert python_type not in result.stdout, python_type


def test_the_usage_of_a_command_with_paths() -> None:
    assert run_cli("validate", "--help").stdout.startswith(
        "Usage: cjmap validate [OPTIONS] PATHS...\n"
    )
    assert run_cli("init", "--help").stdout.startswith("Usage: cjmap init [OPTIONS] [PATH]\n")
    assert "Missing argument 'PATHS...'" in run_cli("validate").stderr


def test_init_makes_the_missing_folders_and_still_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "maps" / "checkout.yaml"  # the example of init's own help
    result = run_cli("init", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"Wrote {target}",
        f"Wrote {tmp_path / 'maps' / 'cjmap.schema.json'}",
    ]
    assert run_cli("validate", target).exit_code == 0
    target.write_text("my own work\n", encoding="utf-8")
    again = run_cli("init", target)
    assert again.exit_code == 2
    assert again.stderr == (
        f"cjmap: error: {target} already exists; not overwritten (give another path)\n"
    )
    assert target.read_text(encoding="utf-8") == "my own work\n"


def test_init_under_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file\n", encoding="utf-8")
    result = run_cli("init", tmp_path / "notes" / "map.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {tmp_path / 'notes'}: is a file, not a folder\n"
