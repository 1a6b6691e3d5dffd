"""Hover, definition, references, rename and the outline, on a map and while it is broken."""

from __future__ import annotations

from pathlib import Path

import lspclient
import pytest
from lspclient import MAP, apply_edits, change_map, open_map, position_of
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from conftest import findings_of

pytestmark = pytest.mark.asyncio(loop_scope="module")
client = lspclient.client


def span(
    text: str, needle: str, occurrence: int = 0, offset: int = 0, length: int = 0
) -> types.Range:
    start = position_of(text, needle, occurrence, offset)
    return types.Range(start, types.Position(start.line, start.character + (length or len(needle))))


def document(path: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(path.as_uri())


async def test_definition_of_a_reference(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MAP)
    at_step = position_of(MAP, "steps: [ad, checkout]", offset=len("steps: [ad, ch"))
    result = await client.text_document_definition_async(
        types.DefinitionParams(document(path), at_step)
    )
    assert result == types.Location(path.as_uri(), span(MAP, "checkout"))


async def test_references_of_a_stage(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MAP)
    at_definition = position_of(MAP, "id: purchase", offset=5)
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=document(path),
            position=at_definition,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert list(result or []) == [
        types.Location(path.as_uri(), span(MAP, "id: purchase", offset=4, length=8)),
        types.Location(path.as_uri(), span(MAP, "stage: purchase", offset=7, length=8)),
    ]


async def test_rename_changes_the_id_and_every_reference(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MAP)
    at = position_of(MAP, "touchpoints: [checkout]", offset=15)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(document(path), at)
    )
    assert prepared == span(MAP, "touchpoints: [checkout]", offset=14, length=8)
    result = await client.text_document_rename_async(
        types.RenameParams(document(path), at, "pay-for-box")
    )
    assert result is not None and result.changes is not None
    edits = result.changes[path.as_uri()]
    assert len(edits) == 3  # the id, the journey's step, the action's touchpoint
    renamed = apply_edits(MAP, edits)
    assert renamed == MAP.replace("checkout", "pay-for-box")
    assert findings_of(renamed) == []


@pytest.mark.parametrize(
    ("new_name", "why"),
    [("ad", "touchpoint id 'ad' is already used"), ("pay for box", "is not a valid id")],
    ids=["clash", "invalid"],
)
async def test_rename_refuses_a_clash_or_an_invalid_id(
    client: LanguageClient, tmp_path: Path, new_name: str, why: str
) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MAP)
    at = position_of(MAP, "id: checkout", offset=6)
    with pytest.raises(JsonRpcException, match=why):
        await client.text_document_rename_async(types.RenameParams(document(path), at, new_name))


async def test_outline_has_stages_with_their_touchpoints(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MAP)
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(document(path))
    )
    assert result is not None
    outline = {
        symbol.name: {
            child.name: [grand.name for grand in child.children or []]
            for child in symbol.children or []
        }
        for symbol in result
        if isinstance(symbol, types.DocumentSymbol)
    }
    assert outline == {
        "personas": {"parent": [], "barista": []},
        "stages": {"awareness": ["ad"], "purchase": ["checkout"]},
        "channels": {"web": [], "app": []},
        "journeys": {"first": []},
        "actions": {"fix": []},
    }
    stages = next(s for s in result if isinstance(s, types.DocumentSymbol) and s.name == "stages")
    purchase = (stages.children or [])[1]
    assert purchase.detail == "Purchase"
    assert purchase.selection_range == span(MAP, "id: purchase", offset=4, length=8)


async def hover_at(
    client: LanguageClient, path: Path, text: str, needle: str, offset: int
) -> str | None:
    """Open ``text`` and hover ``offset`` characters into ``needle``: the Markdown shown."""
    await open_map(client, path, text)
    at = position_of(text, needle, offset=offset)
    result = await client.text_document_hover_async(types.HoverParams(document(path), at))
    if result is None:
        return None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def test_hover_on_a_reference_shows_the_item(client: LanguageClient, tmp_path: Path) -> None:
    text = await hover_at(client, tmp_path / "map.yaml", MAP, "steps: [ad, checkout]", 13)
    assert text is not None and text.startswith("**touchpoint** `checkout`: Pays for the box")
    assert "- stage: purchase" in text and "- emotion: -1" in text and "- pains: 1" in text
    assert "2 references in this map" in text


async def test_hover_on_a_key_shows_the_models_documentation(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = await hover_at(client, tmp_path / "map.yaml", MAP, "severity: high", 2)
    assert text is not None and "How badly it hurts." in text and "`critical`" in text


async def test_hover_in_a_comment_shows_no_key(client: LanguageClient, tmp_path: Path) -> None:
    commented = MAP.replace("  - id: ad\n", "  - id: ad  # note: see the brief\n")
    assert await hover_at(client, tmp_path / "map.yaml", commented, "note: see", 1) is None


@pytest.mark.parametrize(
    ("needle", "title"),
    [("missing-emotion", "# missing-emotion (L104)"), ("L115", "# missing-owner (L115)")],
)
async def test_hover_on_a_suppressed_rule_shows_its_page(
    client: LanguageClient, tmp_path: Path, needle: str, title: str
) -> None:
    suppressed = MAP.replace("  - id: ad\n", "  - id: ad  # cjmap: ignore[missing-emotion, L115]\n")
    text = await hover_at(client, tmp_path / "map.yaml", suppressed, needle, 3)
    assert text is not None and title in text and "## Silencing it" in text


async def test_navigation_uses_the_last_good_version_while_broken(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MAP)
    broken = MAP + "  - id: half\n    title: [unclosed\n"
    diagnostics = await change_map(client, path, 2, broken)
    assert [d.code for d in diagnostics] == ["E001"]
    at_step = position_of(broken, "steps: [ad, checkout]", offset=len("steps: [ad, ch"))
    result = await client.text_document_definition_async(
        types.DefinitionParams(document(path), at_step)
    )
    assert result == types.Location(path.as_uri(), span(MAP, "checkout"))
