"""A real client for `cjmap lsp`: pytest-lsp starts the server as a subprocess.

One server serves each test module (start-up is most of a test's time); each test
opens its own files under its own tmp_path, so tests do not see each other's maps.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import MINIMAL

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "cjmap", "lsp"])


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities())
    )
    yield
    await lsp_client.shutdown_session()


async def diagnostics_for(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """Wait for the next diagnostics published for ``uri``."""
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri:
            return list(params.diagnostics)


async def open_map(
    client: LanguageClient, path: Path, text: str | None = None
) -> list[types.Diagnostic]:
    """Open a map (its file's text unless ``text`` is given); the diagnostics published."""
    text = path.read_text(encoding="utf-8") if text is None else text
    uri = path.as_uri()
    waiting = diagnostics_for(client, uri)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text))
    )
    return await waiting


async def change_map(
    client: LanguageClient, path: Path, version: int, text: str
) -> list[types.Diagnostic]:
    """Replace an open map's whole text (unsaved); the diagnostics published after it."""
    uri = path.as_uri()
    waiting = diagnostics_for(client, uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
    )
    return await waiting


def position_of(text: str, needle: str, occurrence: int = 0, offset: int = 0) -> types.Position:
    """The position of the ``occurrence``-th ``needle`` in ``text`` (plus ``offset`` chars)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    start += offset
    line = text.count("\n", 0, start)
    return types.Position(line, start - (text.rfind("\n", 0, start) + 1))


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """The text after the edits (ASCII text: characters are columns), last edit first."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        return offsets[position.line] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


MAP = (
    MINIMAL.replace(
        "    name: Busy parent\n",
        "    name: Busy parent\n  - id: barista\n    name: Home barista\n",
    )
    .replace(
        "    name: Website\n",
        "    name: Website\n    kind: digital\n  - id: app\n    name: Mobile app\n",
    )
    .replace(
        "    stage: awareness\n    channels: [web]\n",
        "    stage: awareness\n    channels: [web]\n    owner: Marketing\n",
    )
    .replace(
        "    stage: purchase\n    channels: [web]\n",
        "    stage: purchase\n    channels: [web, app]\n    personas: [parent]\n"
        "    owner: Web team\n    emotion: -1\n    pains:\n"
        "      - text: Shipping shows up late\n        severity: high\n",
    )
    .replace("    touchpoints: [checkout]\n", "    touchpoints: [checkout]\n    status: planned\n")
)
"""The shared minimal map with a persona, a channel, owners, a pain and an action status more:
every kind of reference of format v1."""
