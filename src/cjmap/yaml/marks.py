"""Positions read off the parser's marks, kept by the one pass that builds the data.

For commands that nearly always report lines (lint), recording each node's mark while
the data is built costs about a third of the second pass that ``positions`` makes; the
answers are the same (a test checks every path of several maps).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from cjmap.yaml.events import Handler, Position, where
from cjmap.yaml.positions import Duplicate, PathKey


class MarkPositions:
    """Positions read off the parser's marks of every node, in the order of the events.

    The data holds its nodes in that same order (mappings keep their keys' order), so
    the node at a path is found by walking the data and counting the events each value
    took: one for a scalar, and for a collection the span recorded when it closed (by
    the identity of the list or dict, which the data keeps alive: the data must not be
    changed once loaded, which no part of cjmap does). Only a map without anchors (an
    alias repeats a collection it did not parse again) and without repeated keys (the
    data drops the second value) is ``complete``; for the others the loader computes
    the Positions tree instead.
    """

    __slots__ = ("complete", "data", "duplicates", "marks", "spans")

    def __init__(self) -> None:
        self.marks: list[Any] = []
        self.spans: dict[int, tuple[int, int]] = {}  # id of a list or dict -> (first event, end)
        self.data: Any = None
        self.complete = False
        self.duplicates: list[Duplicate] = []

    def _events(self, value: Any) -> int:
        if type(value) is dict or type(value) is list:
            first, end = self.spans[id(value)]
            return end - first
        return 1

    def find(self, path: PathKey, *, key: bool = False) -> Position:
        """The position of the value at ``path`` (or of its key), else of its nearest parent."""
        if not self.marks:
            return (1, 1)
        node, event = self.data, 0
        last = len(path) - 1
        spans = self.spans
        for depth, part in enumerate(path):
            if type(node) is dict:
                if part not in node:
                    break
                value = node[part]
                if (type(value) is dict or type(value) is list) and not (key and depth == last):
                    # A collection's first event is its span's: no counting of the keys
                    # before it (the root's, a touchpoint's), which most lookups pass.
                    span = spans.get(id(value))
                    if span is not None:
                        event, node = span[0], value
                        continue
                event += 1  # the first key
                for name, before in node.items():
                    if name == part:
                        break
                    if type(before) is dict or type(before) is list:  # _events, inline
                        first, end = spans[id(before)]
                        event += 1 + end - first
                    else:
                        event += 2  # a key and a scalar
                if key and depth == last:
                    return where(self.marks[event])
                event += 1
                node = node[part]
            elif type(node) is list and type(part) is int and 0 <= part < len(node):
                item = node[part]
                if type(item) is dict or type(item) is list:
                    event = spans[id(item)][0]
                else:
                    event += 1 + sum(self._events(value) for value in node[:part])
                node = item
            else:
                break
        return where(self.marks[event])

    def recorder(self, builder: Building) -> Handler:
        """A handler that hands each event to ``builder`` and keeps the marks here."""
        return _MarkRecorder(builder, self)


class Building(Protocol):
    """What the recorder needs of the handler that builds the data."""

    @property
    def container(self) -> Any:
        """The collection the last event opened or went back to."""
        ...

    def hooks(self) -> dict[str, Callable[..., Any]]: ...


class _MarkRecorder(Handler):
    """Hands each event to the data builder and keeps the marks of the nodes (see MarkPositions).

    Its hooks are closures over the builder's methods: one extra call per event, with
    the parser's arguments named rather than packed into a tuple (``*args`` cost a
    tenth of the pass), and each collection's span recorded once, as it closes.
    """

    __slots__ = ("builder", "positions")

    def __init__(self, builder: Building, positions: MarkPositions) -> None:
        self.builder = builder
        self.positions = positions

    def hooks(self) -> dict[str, Callable[..., Any]]:
        builder = self.builder
        build = builder.hooks()
        marks, spans = self.positions.marks, self.positions.spans
        keep = marks.append
        firsts: list[int] = []  # the first event of each collection still open
        opening, closing = firsts.append, firsts.pop
        build_scalar, build_alias = build["ScalarEvent"], build["AliasEvent"]
        build_sequence, build_mapping = build["SequenceStartEvent"], build["MappingStartEvent"]
        build_end = build["MappingEndEvent"]

        def scalar(
            anchor: Any,
            tag: Any,
            implicit: Any,
            value: Any,
            start_mark: Any,
            end_mark: Any,
            style: Any = None,
        ) -> Any:
            keep(start_mark)
            return build_scalar(anchor, tag, implicit, value, start_mark, end_mark, style)

        def alias(anchor: str, start_mark: Any, end_mark: Any) -> Any:
            keep(start_mark)
            return build_alias(anchor, start_mark, end_mark)

        def opened(build_open: Callable[..., Any]) -> Callable[..., Any]:
            def start(
                anchor: Any,
                tag: Any,
                implicit: Any,
                start_mark: Any,
                end_mark: Any,
                style: Any = None,
            ) -> Any:
                opening(len(marks))
                keep(start_mark)
                return build_open(anchor, tag, implicit, start_mark, end_mark, style)

            return start

        def end(start_mark: Any, end_mark: Any) -> Any:
            # The builder's container is still the collection this event closes.
            spans[id(builder.container)] = (closing(), len(marks))
            return build_end(start_mark, end_mark)

        return {
            **build,
            "ScalarEvent": scalar,
            "AliasEvent": alias,
            "SequenceStartEvent": opened(build_sequence),
            "MappingStartEvent": opened(build_mapping),
            "SequenceEndEvent": end,
            "MappingEndEvent": end,
        }
