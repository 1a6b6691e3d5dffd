"""Quick fixes: apply a did-you-mean, or add a suppression comment for a lint finding."""

from __future__ import annotations

from pathlib import Path

import lspclient
import pytest
from lspclient import MAP, apply_edits, change_map, open_map
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")
client = lspclient.client


async def actions_for(
    client: LanguageClient, path: Path, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(path.as_uri()),
            diagnostic.range,
            types.CodeActionContext([diagnostic]),
        )
    )
    return [action for action in result or [] if isinstance(action, types.CodeAction)]


def edited(path: Path, text: str, action: types.CodeAction) -> str:
    assert action.edit is not None and action.edit.changes is not None
    return apply_edits(text, list(action.edit.changes[path.as_uri()]))


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("stage: purchase", "stage: purchse", "E201"),
        ("    owner: Web team", "    ownr: Web team", "E103"),
        ("severity: high", "severity: hihg", "E102"),
    ],
    ids=["reference", "key", "enum"],
)
async def test_a_did_you_mean_is_applied(
    client: LanguageClient, tmp_path: Path, old: str, new: str, code: str
) -> None:
    path = tmp_path / "map.yaml"
    text = MAP.replace(old, new)
    diagnostics = await open_map(client, path, text)
    [diagnostic] = [d for d in diagnostics if d.code == code]
    [action] = await actions_for(client, path, diagnostic)
    assert action.title.startswith("Replace with '")
    assert action.is_preferred
    fixed = edited(path, text, action)
    assert fixed == MAP
    assert not [d for d in await change_map(client, path, 2, fixed) if d.code.startswith("E")]


async def test_a_lint_finding_is_suppressed_on_its_line(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    text = MAP.replace("    owner: Marketing\n", "")
    diagnostics = await open_map(client, path, text)
    [missing] = [d for d in diagnostics if d.data["rule"] == "missing-owner"]
    [action] = await actions_for(client, path, missing)
    assert action.title == "Ignore missing-owner on this line (# cjmap: ignore[missing-owner])"
    suppressed = edited(path, text, action)
    assert "  - id: ad  # cjmap: ignore[missing-owner]\n" in suppressed
    after = await change_map(client, path, 2, suppressed)
    assert "missing-owner" not in {d.data["rule"] for d in after}
    assert "unused-suppression" not in {d.data["rule"] for d in after}


async def test_a_rule_joins_the_suppression_already_on_the_line(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    text = MAP.replace("    owner: Marketing\n", "").replace(
        "  - id: ad\n", "  - id: ad  # cjmap: ignore[missing-emotion]\n"
    )
    diagnostics = await open_map(client, path, text)
    [missing] = [d for d in diagnostics if d.data["rule"] == "missing-owner"]
    [action] = await actions_for(client, path, missing)
    suppressed = edited(path, text, action)
    assert "  - id: ad  # cjmap: ignore[missing-emotion, missing-owner]\n" in suppressed
    after = await change_map(client, path, 2, suppressed)
    assert not {"missing-owner", "missing-emotion"} & {d.data["rule"] for d in after}


async def test_a_validate_error_cannot_be_suppressed(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    diagnostics = await open_map(client, path, MAP.replace("    name: Sees an ad\n", ""))
    [missing] = [d for d in diagnostics if d.code == "E101"]
    assert await actions_for(client, path, missing) == []
