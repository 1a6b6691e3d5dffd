"""Diagnostics: exactly `cjmap lint`'s findings, on open, change and save, unsaved text too."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import lspclient
import pytest
from lspclient import change_map, diagnostics_for, open_map
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import EXAMPLES, MINIMAL, run_cli

pytestmark = pytest.mark.asyncio(loop_scope="module")
client = lspclient.client

SEVERITY = {
    types.DiagnosticSeverity.Error: "error",
    types.DiagnosticSeverity.Warning: "warning",
    types.DiagnosticSeverity.Information: "info",
}


def as_findings(diagnostics: list[types.Diagnostic]) -> list[tuple[object, ...]]:
    return [
        (
            d.range.start.line + 1,
            d.range.start.character + 1,
            d.code,
            d.data["rule"],
            SEVERITY[d.severity],
            d.message,
        )
        for d in diagnostics
    ]


def cli_findings(path: Path) -> list[tuple[object, ...]]:
    result = run_cli("lint", path, "--format", "json", "--exit-zero")
    return [
        (f["line"], f["column"], f["code"], f["rule"], f["severity"], f["message"])
        for f in result.json()
    ]


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
async def test_diagnostics_are_the_findings_of_cjmap_lint(
    client: LanguageClient, tmp_path: Path, example: str
) -> None:
    path = tmp_path / example
    shutil.copy(EXAMPLES / example, path)
    diagnostics = await open_map(client, path)
    expected = cli_findings(path)
    assert as_findings(diagnostics) == expected
    assert all(d.source == "cjmap" for d in diagnostics)
    assert expected or example == "coffee-subscription-future.yaml"  # the others have some


async def test_the_config_of_the_maps_folder_applies(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "maps" / "coffee.yaml"
    path.parent.mkdir()
    shutil.copy(EXAMPLES / "coffee-subscription.yaml", path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cjmap]\nignore = ["metric-off-target"]\n\n[tool.cjmap.severity]\n'
        'missing-owner = "warning"\n',
        encoding="utf-8",
    )
    diagnostics = await open_map(client, path)
    assert as_findings(diagnostics) == cli_findings(path)
    rules = {d.data["rule"] for d in diagnostics}
    assert "metric-off-target" not in rules
    owner = [d for d in diagnostics if d.data["rule"] == "missing-owner"]
    assert owner and {d.severity for d in owner} == {types.DiagnosticSeverity.Warning}


async def test_a_broken_reference_is_an_error_at_its_value(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = MINIMAL.replace("stage: purchase", "stage: purchse")
    diagnostics = await open_map(client, tmp_path / "map.yaml", text)
    [error] = [d for d in diagnostics if d.code == "E201"]
    line = text.split("\n").index("    stage: purchse")
    assert error.range == types.Range(types.Position(line, 11), types.Position(line, 18))
    assert error.severity == types.DiagnosticSeverity.Error
    assert "did you mean 'purchase'?" in error.message
    assert error.data == {"rule": "undefined-stage"}


async def test_a_change_is_checked_before_it_is_saved(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    before = await open_map(client, path)
    assert not [d for d in before if d.severity == types.DiagnosticSeverity.Error]
    broken = MINIMAL.replace("steps: [ad, checkout]", "steps: [ad, chekout]")
    after = await change_map(client, path, 2, broken)
    [error] = [d for d in after if d.code == "E204"]
    line = broken.split("\n").index("    steps: [ad, chekout]")
    assert error.range == types.Range(types.Position(line, 16), types.Position(line, 23))
    assert path.read_text(encoding="utf-8") == MINIMAL  # nothing was written
    fixed = await change_map(client, path, 3, MINIMAL)
    assert not [d for d in fixed if d.severity == types.DiagnosticSeverity.Error]


async def test_broken_yaml_reports_the_syntax_error(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MINIMAL)
    broken = MINIMAL.replace("    name: Sees an ad", '    name: "Sees an ad')
    diagnostics = await change_map(client, path, 2, broken)
    assert [d.code for d in diagnostics] == ["E001"]
    assert diagnostics[0].range.start.line == broken.split("\n").index('    name: "Sees an ad')


async def test_saving_publishes_at_once(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    await open_map(client, path)
    waiting = diagnostics_for(client, path.as_uri())
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(path.as_uri()))
    )
    assert as_findings(await waiting) == cli_findings(path)


async def test_yaml_that_is_not_a_map_is_left_alone(client: LanguageClient, tmp_path: Path) -> None:
    other = tmp_path / "ci.yaml"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(other.as_uri(), "yaml", 1, "jobs:\n  test: [oops\n")
        )
    )
    # A map opened afterwards gets its diagnostics; the other file never gets any.
    await open_map(client, tmp_path / "map.yaml", MINIMAL)
    await asyncio.sleep(0.2)
    assert other.as_uri() not in client.diagnostics
