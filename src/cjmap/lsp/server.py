"""The language server: open maps, their diagnostics, and each request answered from them.

Every request is answered from the map's text as the editor has it, saved or
not. Diagnostics are published at once when a map is opened or saved, and a
short pause after the last change while typing. A request that fails gets an
error answer; the server goes on serving the others.
"""

from __future__ import annotations

import asyncio
import gc
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from cjmap import __version__
from cjmap.loader import gc_paused
from cjmap.lsp import actions, navigate
from cjmap.lsp.analysis import OpenMap, is_map_text
from cjmap.lsp.complete import completions
from cjmap.lsp.index import MapIndex, Occurrence, Span
from cjmap.lsp.text import Lines

DEBOUNCE = 0.05
"""Seconds of quiet after a change before its diagnostics are computed."""
REQUEST_FAILED = -32803  # the protocol's code for a request that could not be done
_YAML_SUFFIXES = (".yaml", ".yml")


class MapServer(LanguageServer):
    """A pygls server that keeps each open map and answers from it."""

    def __init__(self) -> None:
        super().__init__("cjmap", __version__)
        self.maps: dict[str, OpenMap] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.published: dict[str, actions.DiagnosticCache] = {}
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cjmap-check")

    # --- documents ------------------------------------------------------------

    def track(self, uri: str) -> OpenMap | None:
        """The open map at ``uri`` with the editor's text, or None if it is not a map."""
        document = self.workspace.get_text_document(uri)
        text = document.source
        is_yaml = uri.endswith(_YAML_SUFFIXES) or document.language_id == "yaml"
        if not (is_yaml and is_map_text(text)):
            self.published.pop(uri, None)
            if self.maps.pop(uri, None) is not None:
                self.publish_empty(uri)
            return None
        state = self.maps.get(uri)
        if state is None:
            state = self.maps[uri] = OpenMap(_path_of(uri))
        state.update(text, document.version or 0)
        return state

    def map_of(self, uri: str) -> OpenMap:
        state = self.maps.get(uri)
        if state is None:
            raise JsonRpcException(f"{uri} is not an open cjmap map", code=REQUEST_FAILED)
        return state

    def lines(self, state: OpenMap) -> Lines:
        return Lines(state.text, str(self.workspace.position_encoding or "utf-16"))

    # --- diagnostics ------------------------------------------------------------

    def publish(self, uri: str) -> None:
        """Check the map's current text in the checking thread, then send its diagnostics.

        Requests go on being answered meanwhile: a large map's check takes most of a
        second, and completion must not wait for it. One check runs at a time.
        """
        self.pending.pop(uri, None)
        state = self.maps.get(uri)
        if state is None:
            return
        encoding = str(self.workspace.position_encoding or "utf-16")
        cache = self.published.setdefault(uri, actions.DiagnosticCache())
        checked = asyncio.get_running_loop().run_in_executor(
            self.checker, _diagnostics, state, cache, encoding
        )
        checked.add_done_callback(partial(self._send, uri, state))

    def _send(
        self, uri: str, state: OpenMap, checked: asyncio.Future[tuple[int, list[types.Diagnostic]]]
    ) -> None:
        """Send a finished check's diagnostics; a failure is logged, and the server goes on."""
        if self.maps.get(uri) is not state:  # closed meanwhile
            return
        problem = checked.exception()
        if problem is not None:
            self.window_log_message(
                types.LogMessageParams(
                    types.MessageType.Error, f"cjmap: checking {uri}: {problem!r}"
                )
            )
            return
        version, diagnostics = checked.result()
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, diagnostics, version)
        )

    def publish_later(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(DEBOUNCE, self.publish, uri)

    def publish_empty(self, uri: str) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    # --- positions -------------------------------------------------------------

    def occurrence(
        self, uri: str, position: types.Position
    ) -> tuple[OpenMap, MapIndex, Occurrence] | None:
        state = self.map_of(uri)
        index = state.index()
        if index is None:
            return None
        line, column = self.lines(state).place(position)
        found = index.at(line, column)
        return (state, index, found) if found is not None else None

    def location(self, uri: str, state: OpenMap, span: Span) -> types.Location:
        return types.Location(uri, self.lines(state).range(span))


def _diagnostics(
    state: OpenMap, cache: actions.DiagnosticCache, encoding: str
) -> tuple[int, list[types.Diagnostic]]:
    """Check a map (in the checking thread): the version checked and its diagnostics."""
    # Checking a map makes no reference cycles, but enough objects to set off
    # collections that would rescan the whole map each time; collect once after.
    with gc_paused():
        text, version, analysis = state.analyse()
        diagnostics = cache.diagnostics(Lines(text, encoding), analysis.findings)
        if analysis.config_problem is not None:
            diagnostics.insert(0, actions.config_diagnostic(analysis.config_problem))
    gc.collect(0)
    return version, diagnostics


def _path_of(uri: str) -> Path:
    path = to_fs_path(uri)
    if path is None:  # an unsaved buffer: its config is that of the current folder
        return Path.cwd() / uri.rsplit("/", 1)[-1]
    return Path(path)


server = MapServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_open_or_save(
    ls: MapServer, params: types.DidOpenTextDocumentParams | types.DidSaveTextDocumentParams
) -> None:
    if ls.track(params.text_document.uri) is not None:
        ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: MapServer, params: types.DidChangeTextDocumentParams) -> None:
    if ls.track(params.text_document.uri) is not None:
        ls.publish_later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MapServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.published.pop(uri, None)
    if ls.maps.pop(uri, None) is not None:
        ls.publish_empty(uri)


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[":", " ", "[", ",", "{", "-"]),
)
def completion(ls: MapServer, params: types.CompletionParams) -> types.CompletionList:
    state = ls.map_of(params.text_document.uri)
    lines = ls.lines(state)
    line, column = lines.place(params.position)
    items = completions(state.index(fresh=False), lines.lines, line - 1, column - 1)
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: MapServer, params: types.HoverParams) -> types.Hover | None:
    state = ls.map_of(params.text_document.uri)
    lines = ls.lines(state)
    line, column = lines.place(params.position)
    found = navigate.hover(state.index(), lines, line, column)
    if found is None:
        return None
    span, text = found
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text), lines.range(span))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: MapServer, params: types.DefinitionParams) -> types.Location | None:
    uri = params.text_document.uri
    found = ls.occurrence(uri, params.position)
    if found is None:
        return None
    state, index, occurrence = found
    target = navigate.definition(index, occurrence)
    return ls.location(uri, state, target.span) if target is not None else None


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: MapServer, params: types.ReferenceParams) -> list[types.Location]:
    uri = params.text_document.uri
    found = ls.occurrence(uri, params.position)
    if found is None:
        return []
    state, index, occurrence = found
    spans = navigate.references(index, occurrence, declaration=params.context.include_declaration)
    return [ls.location(uri, state, span) for span in spans]


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: MapServer, params: types.PrepareRenameParams) -> types.Range | None:
    found = ls.occurrence(params.text_document.uri, params.position)
    if found is None:
        return None
    state, _, occurrence = found
    return ls.lines(state).range(occurrence.span)


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: MapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    uri = params.text_document.uri
    found = ls.occurrence(uri, params.position)
    if found is None:
        raise JsonRpcException("there is no id here to rename", code=REQUEST_FAILED)
    state, index, occurrence = found
    try:
        edits = navigate.rename(index, occurrence, params.new_name)
    except navigate.RefusedError as exc:
        raise JsonRpcException(str(exc), code=REQUEST_FAILED) from None
    lines = ls.lines(state)
    return types.WorkspaceEdit(
        changes={uri: [types.TextEdit(lines.range(span), text) for span, text in edits]}
    )


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(
    ls: MapServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol]:
    state = ls.map_of(params.text_document.uri)
    index = state.index()
    return navigate.outline(index, ls.lines(state)) if index is not None else []


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: MapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    state = ls.map_of(uri)
    return actions.code_actions(uri, ls.lines(state), list(params.context.diagnostics))


def serve(**streams: Any) -> None:
    """Serve the protocol over standard input and output until the client says exit."""
    from cjmap.lint.registry import all_rules

    all_rules()  # the rules load now rather than at the first map
    # The command line turns the collector off for a short run; a server runs for hours.
    # What start-up built lives as long as the server: the collector need not scan it.
    gc.freeze()
    gc.enable()
    server.start_io(**streams)
