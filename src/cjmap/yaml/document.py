"""One loaded map file: its source text, its plain data, and positions on demand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cjmap.findings import Finding
from cjmap.yaml.events import Position
from cjmap.yaml.positions import PathKey, PositionIndex, compute_positions


@dataclass
class Document:
    """One loaded file: its text, its plain data (None if unreadable) and loader findings."""

    path: str
    text: str
    data: Any
    findings: list[Finding] = field(default_factory=list)
    _positions: PositionIndex | None = field(default=None, repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, split at ``\\n`` only ('' past the end)."""
        if self._line_starts is None:
            self._line_starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        if not 1 <= line <= len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else None]

    @property
    def positions(self) -> PositionIndex:
        """Where each key and value starts: found by a second pass the first time it is asked."""
        if self._positions is None:
            self._positions = compute_positions(self.text)
        return self._positions

    def locate(self, path: PathKey, *, key: bool = False) -> Position:
        """Line and column of the value at ``path`` (or of its key), else of its nearest parent."""
        return self.positions.find(path, key=key)
