"""A failing request gets an error and the server goes on; random edits never stop it."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import lspclient
import pytest
from lspclient import MAP, change_map, open_map, position_of
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from conftest import EXAMPLES, run_cli

pytestmark = pytest.mark.asyncio(loop_scope="module")
client = lspclient.client

GARBAGE = [
    "\n",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    '"',
    "'",
    "#",
    "\t",
    "&a ",
    "*a",
    "!!int ",
    "é",
    "😀",
    "stage: ",
    "steps: [",
    "  ",
    "cjmap: 2\n",
    "- id: x\n",
    "\x00",
    "%YAML 1.1\n",
    "---\n",
]


async def test_a_failing_request_does_not_stop_the_server(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MAP)
    never_opened = types.TextDocumentIdentifier((tmp_path / "other.yaml").as_uri())
    with pytest.raises(JsonRpcException, match="is not an open cjmap map"):
        await client.text_document_hover_async(
            types.HoverParams(never_opened, types.Position(0, 0))
        )
    at = position_of(MAP, "stage: purchase", offset=9)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(path.as_uri()), at)
    )
    assert hover is not None


def random_edit(rng: random.Random, text: str) -> tuple[types.Range, str, str]:
    """An insertion, deletion or replacement at a random place: (range, new text, result)."""
    lines = text.split("\n")
    line = rng.randrange(len(lines))
    start = rng.randint(0, len(lines[line]))
    end_line = min(line + rng.choice((0, 0, 0, 1, 2)), len(lines) - 1)
    end = (
        rng.randint(0, len(lines[end_line]))
        if end_line != line
        else rng.randint(start, len(lines[line]))
    )
    new = rng.choice((rng.choice(GARBAGE), "", rng.choice(GARBAGE) * rng.randint(1, 3)))
    before = sum(len(one) + 1 for one in lines[:line]) + start
    after = sum(len(one) + 1 for one in lines[:end_line]) + end

    def units(line_text: str, column: int) -> int:  # the protocol counts UTF-16 code units
        return len(line_text[:column].encode("utf-16-le")) // 2

    edit_range = types.Range(
        types.Position(line, units(lines[line], start)),
        types.Position(end_line, units(lines[end_line], end)),
    )
    return edit_range, new, text[:before] + new + text[after:]


async def test_a_thousand_random_edits_never_stop_it(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "coffee.yaml"
    shutil.copy(EXAMPLES / "coffee-subscription.yaml", path)
    original = path.read_text(encoding="utf-8")
    await open_map(client, path)
    rng = random.Random(16)
    text = original
    uri = path.as_uri()
    for version in range(2, 1002):
        edit_range, new, text = random_edit(rng, text)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangePartial(edit_range, new)],
            )
        )
        if version % 50 == 0:  # every kind of request, on whatever the text is now
            line = rng.randrange(text.count("\n") + 1)
            where = types.Position(line, 0)
            document = types.TextDocumentIdentifier(uri)
            await client.text_document_completion_async(types.CompletionParams(document, where))
            await client.text_document_hover_async(types.HoverParams(document, where))
            await client.text_document_definition_async(types.DefinitionParams(document, where))
            await client.text_document_document_symbol_async(types.DocumentSymbolParams(document))
    # Back to the saved text: the same findings as the command line's.
    diagnostics = await change_map(client, path, 1002, original)
    expected = run_cli("lint", path, "--format", "json", "--exit-zero").json()
    assert [(d.range.start.line + 1, d.code) for d in diagnostics] == [
        (f["line"], f["code"]) for f in expected
    ]
    assert client.error is None
