"""Plain dicts, lists and scalars built straight from libyaml's events, in one pass.

No positions are kept (see ``marks`` for the pass that keeps them too); aliases are
expanded within a bound, nesting is bounded, tags are checked, and a repeated key only
noted: the second pass that finds positions names both of its lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cjmap.findings import Finding, error
from cjmap.yaml.events import NO_KEY, STOP, Handler, feed, where
from cjmap.yaml.marks import MarkPositions
from cjmap.yaml.scalars import MAYBE_TYPED, STANDARD_TAGS, YAML_TAG, resolve_plain, tag_value

MAX_DEPTH = 200
"""Deepest nesting of mappings and sequences accepted; a map needs about 6."""
MAX_ALIAS_NODES = 100_000
"""Most nodes that aliases may add by expansion (guards against alias bombs)."""


class Abort(Exception):
    """A problem after which no data can be trusted; holds its finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


class DataBuilder(Handler):
    """Builds plain data from the events in one pass, keeping no positions."""

    __slots__ = (
        "alias_nodes",
        "anchors",
        "container",
        "display",
        "documents",
        "fatal",
        "findings",
        "has_duplicates",
        "is_list",
        "key",
        "root",
        "stack",
    )

    def __init__(self, display: str) -> None:
        self.display = display
        self.findings: list[Finding] = []
        # The document's value lands in this one-item list, so the root needs no special case.
        self.root: list[Any] = []
        self.container: Any = self.root
        self.is_list = True
        self.key: Any = NO_KEY
        # Open collections' parents: (container, is_list, anchor of the open collection).
        self.stack: list[tuple[Any, bool, str | None]] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, nodes it expands to)
        self.alias_nodes = 0
        self.documents = 0
        self.has_duplicates = False
        self.fatal: Finding | None = None

    def _fail(self, mark: Any, code: str, message: str) -> object:
        line, column = where(mark)
        self.fatal = error(self.display, line, column, code, message)
        return STOP

    def _check_tag(self, tag: str, mark: Any) -> None:
        if tag not in STANDARD_TAGS:
            shown = "!!" + tag[len(YAML_TAG) :] if tag.startswith(YAML_TAG) else tag
            line, column = where(mark)
            self.findings.append(
                error(
                    self.display,
                    line,
                    column,
                    "E003",
                    f"tag '{shown}' is not allowed; maps use plain YAML values only",
                )
            )

    def _attach(self, value: Any, mark: Any) -> Any:
        if self.is_list:
            self.container.append(value)
        elif self.key is NO_KEY:
            if type(value) is dict or type(value) is list:
                return self._fail(
                    mark,
                    "E001",
                    "YAML syntax error: a key must be a plain value, not a mapping or list",
                )
            self.key = value
        else:
            if self.key in self.container:
                self.has_duplicates = True
            else:
                self.container[self.key] = value
            self.key = NO_KEY
        return None

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
        # The hot path: one call per scalar of the file. Plain (implicit[0]: unquoted)
        # scalars that start like a number, a boolean or null go through resolve_plain;
        # _attach's steps are written out here, as calling it costs 5% of a load.
        if tag is None and anchor is None:
            item: Any = value
            if implicit[0] and (not value or value[0] in MAYBE_TYPED):
                item = resolve_plain(value)
            if self.is_list:
                self.container.append(item)
            elif self.key is NO_KEY:
                self.key = item
            else:
                container = self.container
                if self.key in container:
                    self.has_duplicates = True
                else:
                    container[self.key] = item
                self.key = NO_KEY
            return None
        result: Any
        if tag is None:
            result = resolve_plain(value) if implicit[0] else value
        else:
            self._check_tag(tag, start_mark)
            result = tag_value(tag, value)
        if anchor is not None:
            self.anchors[anchor] = (result, 1)
        return self._attach(result, start_mark)

    def _open(self, value: Any, anchor: str | None, tag: str | None, mark: Any) -> Any:
        if tag is not None:
            self._check_tag(tag, mark)
        if len(self.stack) >= MAX_DEPTH:
            return self._fail(mark, "E006", f"the YAML nests more than {MAX_DEPTH} levels deep")
        if self._attach(value, mark) is STOP:
            return STOP
        if anchor is not None:
            self.anchors[anchor] = (value, 1)  # an alias inside itself counts as one node
        self.stack.append((self.container, self.is_list, anchor))
        self.container = value
        self.is_list = type(value) is list
        return None

    def sequence_start(
        self, anchor: str | None, tag: str | None, implicit: bool, start_mark: Any, *_: Any
    ) -> Any:
        return self._open([], anchor, tag, start_mark)

    def mapping_start(
        self, anchor: str | None, tag: str | None, implicit: bool, start_mark: Any, *_: Any
    ) -> Any:
        return self._open({}, anchor, tag, start_mark)

    def end(self, start_mark: Any, end_mark: Any) -> Any:
        if self.key is not NO_KEY:
            return self._fail(start_mark, "E001", "YAML syntax error: mapping ends after a key")
        closed = self.container
        self.container, self.is_list, anchor = self.stack.pop()
        if anchor is not None:
            self.anchors[anchor] = (closed, _expanded_size(closed, {}))
        return None

    def alias(self, anchor: str, start_mark: Any, end_mark: Any) -> Any:
        target = self.anchors.get(anchor)
        if target is None:
            return self._fail(
                start_mark, "E001", f"YAML syntax error: alias '*{anchor}' names no anchor"
            )
        value, size = target
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            return self._fail(
                start_mark,
                "E005",
                f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes; is this an alias bomb?",
            )
        return self._attach(value, start_mark)

    def document_start(self, start_mark: Any, *_: Any) -> Any:
        self.documents += 1
        if self.documents > 1:
            return self._fail(
                start_mark,
                "E001",
                "the file holds more than one YAML document; a map is one document",
            )
        return None


def _expanded_size(value: Any, sizes: dict[int, int]) -> int:
    """How many nodes a value stands for with its aliases expanded (keys count as nodes).

    Shared values are counted once per use but walked once, so alias bombs cost little here.
    """
    if type(value) is not dict and type(value) is not list:
        return 1
    known = sizes.get(id(value))
    if known is not None:
        return known
    sizes[id(value)] = 1  # a collection that contains itself
    size = 1
    items: Iterable[Any] = value
    if type(value) is dict:
        size += len(value)
        items = value.values()
    for item in items:  # a loop, not sum() over a generator: one frame per level
        size += _expanded_size(item, sizes)
    sizes[id(value)] = size
    return size


def parse(
    text: str, display: str, marks: MarkPositions | None = None
) -> tuple[Any, list[Finding], bool]:
    """Plain data from the text, the loader's findings, and whether any key repeats.

    With ``marks``, the pass also records where each node starts (see MarkPositions).
    Raises Abort for problems after which no data can be trusted, and ParseError for
    text that is not YAML.
    """
    builder = DataBuilder(display)
    feed(text, builder if marks is None else marks.recorder(builder))
    if builder.fatal is not None:
        raise Abort(builder.fatal)
    data = builder.root[0] if builder.root else None
    if marks is not None:
        marks.data = data
        marks.complete = not builder.anchors and not builder.has_duplicates
    return data, builder.findings, builder.has_duplicates
