"""Lines of an open map, and positions between cjmap's columns and the editor's.

cjmap counts 1-based lines and columns in characters; the protocol counts from 0,
in the code units the client and server agreed on (UTF-16 unless the client
offers UTF-8 or UTF-32). Only a line that is not ASCII needs converting.
"""

from __future__ import annotations

from lsprotocol import types

from cjmap.lsp.index import Span


class Lines:
    """A text split into lines once, converting positions for one encoding."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.lines = text.split("\n")
        self.encoding = encoding

    def __getitem__(self, line: int) -> str:
        """The text of a 1-based line ('' past the end), without its line break."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1].removesuffix("\r")
        return ""

    def _units(self, text: str) -> int:
        if text.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8"))
        return len(text.encode("utf-16-le")) // 2

    def position(self, line: int, column: int) -> types.Position:
        """The protocol's position of a 1-based line and column."""
        text = self[line]
        return types.Position(max(line - 1, 0), self._units(text[: max(column - 1, 0)]))

    def range(self, span: Span) -> types.Range:
        return types.Range(self.position(span.line, span.start), self.position(span.line, span.end))

    def place(self, position: types.Position) -> tuple[int, int]:
        """The 1-based line and column of a protocol position."""
        line = position.line + 1
        text = self[line]
        if text.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return line, min(position.character, len(text)) + 1
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return line, index + 1
            units += self._units(char)
        return line, len(text) + 1
