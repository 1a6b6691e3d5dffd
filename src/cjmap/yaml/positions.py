"""Where each key and value starts, found by a second pass over the text when asked.

A valid map needs no positions, so the pass that builds the data keeps none; the first
finding that needs a line runs this pass over the same text (see Document.positions).
For commands that nearly always report lines, ``marks`` reads the same positions off
the one pass instead. Both answer ``find`` alike (PositionIndex), and a test checks they
agree on every path; they stay two because the marks cannot describe a map with anchors
or repeated keys, and because keeping this tree during the data pass would slow the
common case of a valid map.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Protocol

from cjmap.yaml.events import NO_KEY, Handler, Position, feed, gc_paused, where
from cjmap.yaml.scalars import MAYBE_TYPED, resolve_plain, tag_value

PathKey = tuple[str | int, ...]
"""The keys and indexes from the document's root to a value."""
Duplicate = tuple[PathKey, Position, Position]
"""A key that appears twice in a mapping: its path, and where each of the two starts."""


class PositionIndex(Protocol):
    """Answers where the value (or key) at a data path starts."""

    @property
    def duplicates(self) -> list[Duplicate]: ...

    def find(self, path: PathKey, *, key: bool = False) -> Position:
        """The position of the value at ``path`` (or of its key), else of its nearest parent."""
        ...


@dataclass
class Positions:
    """Where each key and value starts (1-based line and column), in a tree shaped like the data.

    ``root`` is the document's (position, inside); inside a mapping is a dict of key ->
    (key position, value position, inside the value), inside a sequence a list of
    (position, inside), and inside a scalar None. No data path is built until one is
    looked up, which keeps the pass that computes them cheap.
    """

    root: tuple[Position, Any] | None = None
    duplicates: list[Duplicate] = field(default_factory=list)

    def find(self, path: PathKey, *, key: bool = False) -> Position:
        """The position of the value at ``path`` (or of its key), else of its nearest parent."""
        if self.root is None:
            return (1, 1)
        position, inside = self.root
        last = len(path) - 1
        for depth, part in enumerate(path):
            if type(inside) is dict:
                entry = inside.get(part)
                if entry is None:
                    break
                if key and depth == last:
                    return entry[0]  # type: ignore[no-any-return]
                position, inside = entry[1], entry[2]
            elif type(inside) is list and type(part) is int and 0 <= part < len(inside):
                position, inside = inside[part]
            else:
                break
        return position


class _PositionFinder(Handler):
    """Second pass: the positions of every key and value (see Positions), and repeated keys."""

    __slots__ = ("inside", "is_mapping", "key", "key_where", "positions", "stack", "top")

    def __init__(self) -> None:
        self.positions = Positions()
        # The root's (position, inside) lands in this one-item list, so it needs no
        # special case. Then the open collection's positions, its kind, its pending key
        # and where that starts; the stack saves the enclosing collections' state, and
        # the key or index each open collection has in its parent.
        self.top: list[tuple[Position, Any]] = []
        self.inside: Any = self.top
        self.is_mapping = False
        self.key: Any = NO_KEY
        self.key_where: Position = (0, 0)
        self.stack: list[tuple[Any, bool, Any, Position, Any]] = []

    def _add(self, position: Position, inside: Any) -> None:
        """Record a node in a value position, with the positions inside it (None for scalars)."""
        if not self.is_mapping:
            self.inside.append((position, inside))
            return
        key = self.key
        self.key = NO_KEY
        entry = self.inside.get(key)
        if entry is None:
            self.inside[key] = (self.key_where, position, inside)
        else:  # the first of two equal keys keeps its positions, as the data keeps its value
            self.positions.duplicates.append((self._path(key), entry[0], self.key_where))

    def _path(self, key: Any) -> PathKey:
        """The data path of ``key`` in the open mapping (only needed for repeated keys)."""
        return (*(frame[4] for frame in self.stack[1:]), key)

    def scalar(
        self,
        anchor: str | None,
        tag: str | None,
        implicit: tuple[bool, bool],
        value: str,
        start_mark: Any,
        end_mark: Any,
        style: str | None = None,
    ) -> Any:
        # One call per scalar of the file: _add's steps are written out for the common
        # case of a value in a mapping whose key has not been seen before.
        position = (start_mark.line + 1, start_mark.column + 1)
        if not self.is_mapping:
            self.inside.append((position, None))
        elif self.key is NO_KEY:
            # Keys must come out exactly as the data pass made them, so that paths agree.
            if tag is not None:
                self.key = tag_value(tag, value)
            elif implicit[0] and (not value or value[0] in MAYBE_TYPED):
                self.key = resolve_plain(value)
            else:
                self.key = value
            self.key_where = position
        elif self.key not in self.inside:
            self.inside[self.key] = (self.key_where, position, None)
            self.key = NO_KEY
        else:
            self._add(position, None)
        return None

    def alias(self, anchor: str, start_mark: Any, end_mark: Any) -> Any:
        if self.is_mapping and self.key is NO_KEY:  # the data pass refuses such keys
            self.key, self.key_where = f"*{anchor}", where(start_mark)
        else:
            self._add(where(start_mark), None)
        return None

    def _open(self, mark: Any, inside: Any) -> None:
        position = where(mark)
        if self.is_mapping and self.key is NO_KEY:
            # A collection as a key, refused by the data pass: its value follows it.
            self.key, self.key_where = f"<collection at {position[0]}:{position[1]}>", position
            frame = (self.inside, True, self.key, position, self.key)
        else:
            name = self.key if self.is_mapping else len(self.inside)
            self._add(position, inside)
            frame = (self.inside, self.is_mapping, NO_KEY, self.key_where, name)
        self.stack.append(frame)
        self.inside, self.is_mapping, self.key = inside, type(inside) is dict, NO_KEY

    def sequence_start(
        self, anchor: str | None, tag: str | None, implicit: bool, start_mark: Any, *_: Any
    ) -> Any:
        self._open(start_mark, [])
        return None

    def mapping_start(
        self, anchor: str | None, tag: str | None, implicit: bool, start_mark: Any, *_: Any
    ) -> Any:
        self._open(start_mark, {})
        return None

    def end(self, start_mark: Any, end_mark: Any) -> Any:
        self.inside, self.is_mapping, self.key, self.key_where, _ = self.stack.pop()
        return None

    def found(self) -> Positions:
        """The positions found so far."""
        if self.top:
            self.positions.root = self.top[0]
        return self.positions


def compute_positions(text: str) -> Positions:
    """Second pass over the text: where each key and value starts, and repeated keys."""
    finder = _PositionFinder()
    # Positions are best effort past a syntax error: the data pass reports the error.
    with gc_paused(), suppress(Exception):
        feed(text, finder)
    return finder.found()
