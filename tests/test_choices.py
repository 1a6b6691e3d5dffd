"""Every name in every registry of choices works end to end, and the command line offers
exactly the registered names."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main

from cjmap.choices import (
    DIFF_FORMATS,
    EXPORT_TARGETS,
    FINDINGS_FORMATS,
    IMAGE_FORMATS,
    RENDER_VIEWS,
    TABLE_FORMATS,
    Registry,
)
from cjmap.cli import app
from conftest import EXAMPLES, MINIMAL, run_cli
from render.rendertools import needs_dot

COFFEE = EXAMPLES / "coffee-subscription.yaml"
FUTURE = EXAMPLES / "coffee-subscription-future.yaml"
REGISTRIES = [FINDINGS_FORMATS, TABLE_FORMATS, DIFF_FORMATS, EXPORT_TARGETS, RENDER_VIEWS]


@pytest.mark.parametrize("registry", [*REGISTRIES, IMAGE_FORMATS], ids=lambda r: r.kind)
def test_every_choice_has_its_code(registry: Registry) -> None:
    for choice in registry:
        assert callable(registry.load(choice.name)), choice
        assert choice.help and "\n" not in choice.help


def _choices(command: str, option: str) -> list[str]:
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    [param] = [p for p in click_command.params if option in p.opts]
    return list(param.type_descriptor.choices)


@pytest.mark.parametrize(
    ("command", "option", "registry"),
    [
        ("validate", "--format", FINDINGS_FORMATS),
        ("lint", "--format", FINDINGS_FORMATS),
        ("pains", "--format", TABLE_FORMATS),
        ("gaps", "--format", TABLE_FORMATS),
        ("diff", "--format", DIFF_FORMATS),
        ("export", "--to", EXPORT_TARGETS),
        ("render", "--view", RENDER_VIEWS),
        ("render", "--format", IMAGE_FORMATS),
    ],
)
def test_the_command_line_offers_the_registered_names(
    command: str, option: str, registry: Registry
) -> None:
    assert _choices(command, option) == list(registry.names)
    if option != "--format" or command != "render":
        help_text = run_cli(command, "--help").stdout
        for name in registry.names:
            assert name in help_text


def _parsed(name: str, text: str) -> None:
    """Output in a format meant for tools must parse."""
    if name == "json":
        json.loads(text)
    elif name == "sarif":
        assert json.loads(text)["version"] == "2.1.0"


@pytest.mark.parametrize("name", FINDINGS_FORMATS.names)
@pytest.mark.parametrize("command", ["validate", "lint"])
def test_every_findings_format(command: str, name: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL.replace("stage: purchase", "stage: purchse"), encoding="utf-8")
    result = run_cli(command, "--format", name, broken)
    assert result.exit_code == 1, result.stderr
    assert "purchse" in result.stdout
    _parsed(name, result.stdout)


@pytest.mark.parametrize("name", TABLE_FORMATS.names)
@pytest.mark.parametrize("command", ["pains", "gaps"])
def test_every_table_format(command: str, name: str) -> None:
    result = run_cli(command, "--format", name, COFFEE)
    assert result.exit_code == 0, result.stderr
    assert "coffee-subscription.yaml" in result.stdout  # each row says where it is
    _parsed(name, result.stdout)


@pytest.mark.parametrize("name", DIFF_FORMATS.names)
def test_every_diff_format(name: str) -> None:
    result = run_cli("diff", "--format", name, COFFEE, FUTURE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout
    _parsed(name, result.stdout)


@pytest.mark.parametrize("name", EXPORT_TARGETS.names)
def test_every_export_target(name: str, tmp_path: Path) -> None:
    result = run_cli("export", "--to", name, COFFEE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout
    out = tmp_path / "out"
    result = run_cli("export", "--to", name, COFFEE, "--out-dir", out)
    assert result.exit_code == 0, result.stderr
    [written] = out.iterdir()
    assert written.name == "coffee-subscription" + EXPORT_TARGETS[name].suffix


@pytest.mark.parametrize("name", RENDER_VIEWS.names)
def test_every_render_view(name: str) -> None:
    result = run_cli("render", "--view", name, "-f", "dot", "-o", "-", COFFEE)
    assert result.exit_code == 0, result.stderr
    assert re.match(r"(di)?graph \w+ \{", result.stdout)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=needs_dot) if name == "pdf" else name
        for name in IMAGE_FORMATS.names
    ],
)
def test_every_image_format(name: str, tmp_path: Path) -> None:
    starts = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF-", "dot": b"digraph"}
    for suffix in (IMAGE_FORMATS[name].suffix, *IMAGE_FORMATS[name].aliases):
        target = tmp_path / f"map{suffix}"  # the format is found from the suffix
        result = run_cli("render", COFFEE, "-o", target)
        assert result.exit_code == 0, result.stderr
        assert target.read_bytes().startswith(starts[name])
