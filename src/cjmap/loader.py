"""Read a map file into plain Python data, with positions found on demand.

The loader is the only module that knows YAML. It builds plain dicts, lists and
scalars straight from libyaml's event stream (through ruamel.yaml.clib's C
parser, each event one call, see _feed) in one pass, without keeping positions:
that is the fast, common case of a valid map. Line and column numbers are
computed by a second pass over the same text only when a finding needs them, or,
for commands that nearly always report lines (lint), read off the parser's marks
kept during the one pass; either way they are exact: the start of the key or value
at fault. The garbage collector is
paused while either pass runs.

Scalars follow the YAML 1.2 core schema: ``yes``/``no``/``on``/``off`` are
text, only ``true``/``false`` are booleans; dates stay text (the model parses
them). Only YAML's standard tags are accepted, and nothing is ever constructed
from a tag.
"""

from __future__ import annotations

import errno
import gc
import os
import re
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cjmap.findings import Finding, error

PathKey = tuple[str | int, ...]
Position = tuple[int, int]

DEFAULT_MAX_SIZE = 32 * 1024 * 1024
"""Files larger than this (bytes) are refused before parsing."""
MAX_DEPTH = 200
"""Deepest nesting of mappings and sequences accepted; a map needs about 6."""
MAX_ALIAS_NODES = 100_000
"""Most nodes that aliases may add by expansion (guards against alias bombs)."""

_YAML_TAG = "tag:yaml.org,2002:"
_STANDARD_TAGS = frozenset(
    _YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq")
) | {"!"}

# The null and boolean words of the core schema (the empty scalar is null too).
_WORDS: dict[str, Any] = {
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")
# Plain scalars that start with none of these characters are always text.
_WORD_STARTS = frozenset("~nNtTfF")  # null and the booleans
_NUMBER_STARTS = frozenset("-+.0123456789")
_MAYBE_TYPED = _WORD_STARTS | _NUMBER_STARTS


class InputError(Exception):
    """A path that cannot be read as a map file (missing, a folder, no permission...)."""


def resolve_plain(value: str) -> Any:
    """The YAML 1.2 core-schema value of an unquoted scalar."""
    if not value:
        return None
    first = value[0]
    if first in _WORD_STARTS:
        return _WORDS.get(value, value)
    if first in _NUMBER_STARTS:
        return _number(value)
    return value


def _number(value: str) -> Any:
    """The number a plain scalar that starts like one stands for, or the text itself."""
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    if _INF.match(value):
        return float("-inf") if value[0] == "-" else float("inf")
    if _NAN.match(value):
        return float("nan")
    return value


@dataclass
class Positions:
    """Where each key and value starts (1-based line and column), in a tree shaped like the data.

    ``root`` is the document's (position, inside); inside a mapping is a dict of key ->
    (key position, value position, inside the value), inside a sequence a list of
    (position, inside), and inside a scalar None. No data path is built until one is
    looked up, which keeps the pass that computes them cheap.
    """

    root: tuple[Position, Any] | None = None
    duplicates: list[tuple[PathKey, Position, Position]] = field(default_factory=list)

    def find(self, path: PathKey, *, key: bool = False) -> Position:
        """The position of the value at ``path`` (or of its key), else of its nearest parent."""
        if self.root is None:
            return (1, 1)
        where, inside = self.root
        last = len(path) - 1
        for depth, part in enumerate(path):
            if type(inside) is dict:
                entry = inside.get(part)
                if entry is None:
                    break
                if key and depth == last:
                    return entry[0]  # type: ignore[no-any-return]
                where, inside = entry[1], entry[2]
            elif type(inside) is list and type(part) is int and 0 <= part < len(inside):
                where, inside = inside[part]
            else:
                break
        return where


@dataclass
class Document:
    """One loaded file: its text, its plain data (None if unreadable) and loader findings."""

    path: str
    text: str
    data: Any
    findings: list[Finding] = field(default_factory=list)
    _positions: Positions | MarkPositions | None = field(default=None, repr=False)
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
    def positions(self) -> Positions | MarkPositions:
        if self._positions is None:
            self._positions = compute_positions(self.text)
        return self._positions

    def locate(self, path: PathKey, *, key: bool = False) -> Position:
        """Line and column of the value at ``path`` (or of its key), else of its nearest parent."""
        return self.positions.find(path, key=key)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (loads and checks make no cycles)."""
    # The cyclic collector rescans the growing object graph during a load and can
    # make large loads several times slower; the data built here has no cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def too_large(display: str, size: int, max_size: int) -> Finding:
    """The finding for a file of ``size`` bytes, over the limit of ``max_size``."""
    return error(
        display,
        1,
        1,
        "E007",
        f"the file is {size:,} bytes, over the {max_size:,}-byte limit (raise it with --max-size)",
    )


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes | Finding:
    """The bytes of a regular file, a too-large finding, or InputError for an unusable path."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"{path}: a symlink to a missing file") from None
        raise InputError(f"{path}: no such file or folder") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{path}: a symlink loop (it leads back to itself)") from None
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a folder, not a map file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file ({_file_kind(info.st_mode)})")
    if info.st_size > max_size:
        return too_large(str(path), info.st_size, max_size)
    try:
        with path.open("rb") as handle:
            return handle.read(max_size + 1)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _line_col_at(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# Byte order marks of encodings that are not UTF-8 (UTF-32 first: its LE mark starts like UTF-16's).
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(raw: bytes, display: str) -> str | Finding:
    """UTF-8 text (BOM removed), or a not-utf8 finding at the first bad byte."""
    for bom, encoding in _OTHER_BOMS:
        if raw.startswith(bom):
            return error(
                display,
                1,
                1,
                "E004",
                f"not UTF-8 text: the file starts with a {encoding} byte order mark; "
                "save the file as UTF-8",
            )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(raw, exc.start, display)
    if "\x00" in text:
        return _not_utf8(raw, raw.index(b"\x00"), display)
    return text.removeprefix("\ufeff")


def _not_utf8(raw: bytes, offset: int, display: str) -> Finding:
    """E004 at the first NUL byte before ``offset`` (a binary file), else at ``offset``."""
    nul = raw.find(b"\x00", 0, offset)
    if nul >= 0:
        offset = nul
    good = raw[:offset].decode("utf-8").removeprefix("\ufeff")
    line, column = _line_col_at(good, len(good))
    if raw[offset] == 0:
        problem = f"NUL byte at offset {offset}; is this a binary or UTF-16 file?"
    else:
        problem = f"byte 0x{raw[offset]:02x} at offset {offset}; save the file as UTF-8"
    return error(display, line, column, "E004", f"not UTF-8 text: {problem}")


def _syntax_finding(display: str, exc: Exception, text: str = "") -> Finding:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    # libyaml's words for the commonest slips are cryptic; say what to do instead.
    index = getattr(mark, "index", -1)
    char = text[index] if isinstance(index, int) and 0 <= index < len(text) else ""
    if char == "\t":
        problem, context = "a tab character; indent with spaces, not tabs", None
    elif char and problem.startswith("found character that cannot start any token"):
        problem, context = f"'{char}' cannot start a value; put quotes around the text", None
    elif problem.startswith("mapping values are not allowed"):
        problem = (
            "a ':' that is not allowed here; check this line's indentation, "
            "or put quotes around text that contains ': '"
        )
        context = None
    elif context == "while scanning a quoted scalar" and context_mark is not None and mark:
        # Point at the opening quote, not at the end of the file where libyaml noticed.
        problem = f"the quote that opens here is never closed ({problem} at line {mark.line + 1})"
        mark, context = context_mark, None
    message = f"YAML syntax error: {problem}"
    if context:
        started = ""
        if context_mark is not None and mark is not None and context_mark.line != mark.line:
            started = f" that starts at line {context_mark.line + 1}"
        message += f" ({context}{started})"
    if mark is not None:
        return error(display, mark.line + 1, mark.column + 1, "E001", message)
    return error(display, 1, 1, "E001", message)


# --- libyaml's events as calls ------------------------------------------------
#
# ruamel.yaml.clib's C parser turns each libyaml event into an instance of a
# Python class from ruamel.yaml.events, whose constructors chain three Python
# __init__ calls; that costs more than libyaml's own parsing. The parser looks the
# classes up by name in its module at every event, so while cjmap parses, those
# names point at the methods of a handler instead: each event becomes one call,
# the handler builds what it needs right there, and no event object exists. When a
# build of the parser does not look the names up (the first event comes back as an
# object), the events are replayed into the same handler, slower but identical.
# The names are swapped under a lock and put back when the parse ends; code in
# another thread that used ruamel.yaml's C loader during a cjmap parse would get the
# handler's results, so a program that embeds cjmap should not parse YAML with
# ruamel.yaml in another thread while cjmap loads a map.

_EVENT_NAMES = (
    "StreamStartEvent",
    "StreamEndEvent",
    "DocumentStartEvent",
    "DocumentEndEvent",
    "AliasEvent",
    "ScalarEvent",
    "SequenceStartEvent",
    "SequenceEndEvent",
    "MappingStartEvent",
    "MappingEndEvent",
)
_STOP = object()
"""What a handler method returns to end the stream early (at its end or on a fatal problem)."""
_NO_KEY = object()
_handlers_lock = threading.Lock()


class _Handler:
    """Receives one call per event, with the arguments of the event's constructor.

    A method returns None to go on, or _STOP. Marks have ``line`` and ``column`` (0-based).
    """

    __slots__ = ()

    def hooks(self) -> dict[str, Callable[..., Any]]:
        return {
            "StreamStartEvent": _go_on,
            "StreamEndEvent": _stop,
            "DocumentStartEvent": self.document_start,
            "DocumentEndEvent": _go_on,
            "AliasEvent": self.alias,
            "ScalarEvent": self.scalar,
            "SequenceStartEvent": self.sequence_start,
            "SequenceEndEvent": self.end,
            "MappingStartEvent": self.mapping_start,
            "MappingEndEvent": self.end,
        }

    def document_start(self, start_mark: Any, *_: Any) -> Any:
        return None

    def alias(self, anchor: str, start_mark: Any, end_mark: Any) -> Any:
        raise NotImplementedError

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
        raise NotImplementedError

    def sequence_start(
        self, anchor: str | None, tag: str | None, implicit: bool, start_mark: Any, *_: Any
    ) -> Any:
        raise NotImplementedError

    def mapping_start(
        self, anchor: str | None, tag: str | None, implicit: bool, start_mark: Any, *_: Any
    ) -> Any:
        raise NotImplementedError

    def end(self, start_mark: Any, end_mark: Any) -> Any:
        raise NotImplementedError


def _go_on(*_: Any) -> None:
    return None


def _stop(*_: Any) -> object:
    return _STOP


def _feed(text: str, handler: _Handler) -> None:
    """Parse text, calling the handler once per event until a method returns _STOP.

    libyaml's errors (syntax, encoding) propagate as ruamel.yaml's exceptions.
    """
    import _ruamel_yaml

    hooks = handler.hooks()
    with _handlers_lock:
        saved = {name: getattr(_ruamel_yaml, name) for name in _EVENT_NAMES}
        try:
            for name in _EVENT_NAMES:
                setattr(_ruamel_yaml, name, hooks[name])
            get_event = _ruamel_yaml.CParser(text).get_event
            first = get_event()
            if first is None:
                while get_event() is None:
                    pass
                return
        finally:
            for name, original in saved.items():
                setattr(_ruamel_yaml, name, original)
    _replay(first, get_event, hooks)


def _replay(event: Any, get_event: Callable[[], Any], hooks: dict[str, Callable[..., Any]]) -> None:
    """Hand event objects to the hooks, for a parser that made objects despite them."""
    while True:
        name = type(event).__name__
        if name == "ScalarEvent":
            args: tuple[Any, ...] = (
                event.anchor,
                event.tag,
                event.implicit,
                event.value,
                event.start_mark,
                event.end_mark,
            )
        elif name in ("SequenceStartEvent", "MappingStartEvent"):
            args = (event.anchor, event.tag, event.implicit, event.start_mark, event.end_mark)
        elif name == "AliasEvent":
            args = (event.anchor, event.start_mark, event.end_mark)
        else:
            args = (event.start_mark, event.end_mark)
        if hooks[name](*args) is _STOP:
            return
        event = get_event()


def _tag_value(tag: str, value: str) -> Any:
    """The value of a scalar with an explicit standard tag (never constructed from the tag)."""
    if tag == "!" or tag == _YAML_TAG + "str":
        return value
    return resolve_plain(value)


def _where(mark: Any) -> Position:
    return mark.line + 1, mark.column + 1


class _DataBuilder(_Handler):
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
        self.key: Any = _NO_KEY
        # Open collections' parents: (container, is_list, anchor of the open collection).
        self.stack: list[tuple[Any, bool, str | None]] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, nodes it expands to)
        self.alias_nodes = 0
        self.documents = 0
        self.has_duplicates = False
        self.fatal: Finding | None = None

    def _fail(self, mark: Any, code: str, message: str) -> object:
        line, column = _where(mark)
        self.fatal = error(self.display, line, column, code, message)
        return _STOP

    def _check_tag(self, tag: str, mark: Any) -> None:
        if tag not in _STANDARD_TAGS:
            shown = "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag
            line, column = _where(mark)
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
        elif self.key is _NO_KEY:
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
            self.key = _NO_KEY
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
            if implicit[0] and (not value or value[0] in _MAYBE_TYPED):
                item = resolve_plain(value)
            if self.is_list:
                self.container.append(item)
            elif self.key is _NO_KEY:
                self.key = item
            else:
                container = self.container
                if self.key in container:
                    self.has_duplicates = True
                else:
                    container[self.key] = item
                self.key = _NO_KEY
            return None
        result: Any
        if tag is None:
            result = resolve_plain(value) if implicit[0] else value
        else:
            self._check_tag(tag, start_mark)
            result = _tag_value(tag, value)
        if anchor is not None:
            self.anchors[anchor] = (result, 1)
        return self._attach(result, start_mark)

    def _open(self, value: Any, anchor: str | None, tag: str | None, mark: Any) -> Any:
        if tag is not None:
            self._check_tag(tag, mark)
        if len(self.stack) >= MAX_DEPTH:
            return self._fail(mark, "E006", f"the YAML nests more than {MAX_DEPTH} levels deep")
        if self._attach(value, mark) is _STOP:
            return _STOP
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
        if self.key is not _NO_KEY:
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
    Raises _Abort for problems after which no data can be trusted, and ruamel.yaml's
    errors for text that is not YAML.
    """
    builder = _DataBuilder(display)
    _feed(text, builder if marks is None else _MarkRecorder(builder, marks))
    if builder.fatal is not None:
        raise _Abort(builder.fatal)
    data = builder.root[0] if builder.root else None
    if marks is not None:
        marks.data = data
        marks.complete = not builder.anchors and not builder.has_duplicates
    return data, builder.findings, builder.has_duplicates


class MarkPositions:
    """Positions read off the parser's marks of every node, in the order of the events.

    The data holds its nodes in that same order (mappings keep their keys' order), so
    the node at a path is found by walking the data and counting the events each value
    took: one for a scalar, and for a collection the span recorded when it closed (by
    the identity of the list or dict, which the data keeps alive: the data must not be
    changed once loaded, which no part of cjmap does). Recording costs the
    pass about a third of what building the Positions tree does. Only a map without
    anchors (an alias repeats a collection it did not parse again) and without repeated
    keys (the data drops the second value) is ``complete``; for the others the loader
    computes the Positions tree instead.
    """

    __slots__ = ("complete", "data", "duplicates", "marks", "spans")

    def __init__(self) -> None:
        self.marks: list[Any] = []
        self.spans: dict[int, list[int]] = {}  # id of a list or dict -> [first event, end]
        self.data: Any = None
        self.complete = False
        self.duplicates: list[tuple[PathKey, Position, Position]] = []

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
        for depth, part in enumerate(path):
            if type(node) is dict:
                if part not in node:
                    break
                event += 1  # the first key
                for name, value in node.items():
                    if name == part:
                        break
                    event += 1 + self._events(value)
                if key and depth == last:
                    return _where(self.marks[event])
                event += 1
                node = node[part]
            elif type(node) is list and type(part) is int and 0 <= part < len(node):
                item = node[part]
                if type(item) is dict or type(item) is list:
                    event = self.spans[id(item)][0]
                else:
                    event += 1 + sum(self._events(value) for value in node[:part])
                node = item
            else:
                break
        return _where(self.marks[event])


class _MarkRecorder(_Handler):
    """Hands each event to the data builder and keeps the marks of the nodes (see MarkPositions).

    Its hooks are closures over the builder's methods: one extra call per event.
    """

    __slots__ = ("builder", "positions")

    def __init__(self, builder: _DataBuilder, positions: MarkPositions) -> None:
        self.builder = builder
        self.positions = positions

    def hooks(self) -> dict[str, Callable[..., Any]]:
        builder = self.builder
        build = builder.hooks()
        marks, spans = self.positions.marks, self.positions.spans
        keep = marks.append
        build_scalar, build_alias = build["ScalarEvent"], build["AliasEvent"]
        build_sequence, build_mapping = build["SequenceStartEvent"], build["MappingStartEvent"]
        build_end = build["MappingEndEvent"]

        def scalar(*args: Any) -> Any:
            keep(args[4])  # start_mark
            return build_scalar(*args)

        def alias(anchor: str, start_mark: Any, end_mark: Any) -> Any:
            keep(start_mark)
            return build_alias(anchor, start_mark, end_mark)

        def opened(build_open: Callable[..., Any]) -> Callable[..., Any]:
            def start(*args: Any) -> Any:
                first = len(marks)
                keep(args[3])  # start_mark
                result = build_open(*args)
                if result is None:  # the builder made the collection and opened it
                    spans[id(builder.container)] = [first, 0]
                return result

            return start

        def end(start_mark: Any, end_mark: Any) -> Any:
            span = spans.get(id(builder.container))
            if span is not None:
                span[1] = len(marks)
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


class _Abort(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


class _PositionFinder(_Handler):
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
        self.key: Any = _NO_KEY
        self.key_where: Position = (0, 0)
        self.stack: list[tuple[Any, bool, Any, Position, Any]] = []

    def _add(self, where: Position, inside: Any) -> None:
        """Record a node in a value position, with the positions inside it (None for scalars)."""
        if not self.is_mapping:
            self.inside.append((where, inside))
            return
        key = self.key
        self.key = _NO_KEY
        entry = self.inside.get(key)
        if entry is None:
            self.inside[key] = (self.key_where, where, inside)
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
        where = (start_mark.line + 1, start_mark.column + 1)
        if not self.is_mapping:
            self.inside.append((where, None))
        elif self.key is _NO_KEY:
            # Keys must come out exactly as the data pass made them, so that paths agree.
            if tag is not None:
                self.key = _tag_value(tag, value)
            elif implicit[0] and (not value or value[0] in _MAYBE_TYPED):
                self.key = resolve_plain(value)
            else:
                self.key = value
            self.key_where = where
        elif self.key not in self.inside:
            self.inside[self.key] = (self.key_where, where, None)
            self.key = _NO_KEY
        else:
            self._add(where, None)
        return None

    def alias(self, anchor: str, start_mark: Any, end_mark: Any) -> Any:
        if self.is_mapping and self.key is _NO_KEY:  # the data pass refuses such keys
            self.key, self.key_where = f"*{anchor}", _where(start_mark)
        else:
            self._add(_where(start_mark), None)
        return None

    def _open(self, mark: Any, inside: Any) -> None:
        where = _where(mark)
        if self.is_mapping and self.key is _NO_KEY:
            # A collection as a key, refused by the data pass: its value follows it.
            self.key, self.key_where = f"<collection at {where[0]}:{where[1]}>", where
            frame = (self.inside, True, self.key, where, self.key)
        else:
            name = self.key if self.is_mapping else len(self.inside)
            self._add(where, inside)
            frame = (self.inside, self.is_mapping, _NO_KEY, self.key_where, name)
        self.stack.append(frame)
        self.inside, self.is_mapping, self.key = inside, type(inside) is dict, _NO_KEY

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
        _feed(text, finder)
    return finder.found()


def load_text(text: str, display: str, *, positions: bool = False) -> Document:
    """Parse already-decoded text into a Document.

    With ``positions``, the pass that builds the data also keeps the marks that give
    the positions (MarkPositions), which is cheaper than the second pass
    ``Document.positions`` makes on demand, when they are nearly always needed.
    """
    document = Document(path=display, text=text, data=None)
    marks = MarkPositions() if positions else None
    with gc_paused():
        try:
            data, findings, has_duplicates = parse(text, display, marks)
        except _Abort as abort:
            document.findings.append(abort.finding)
            return document
        except Exception as exc:  # every parser error becomes one finding
            document.findings.append(_syntax_finding(display, exc, text))
            return document
    document.data = data
    document.findings.extend(findings)
    if marks is not None and marks.complete:
        document._positions = marks
    if has_duplicates:
        for key_path, first, second in document.positions.duplicates:
            document.findings.append(
                error(
                    display,
                    second[0],
                    second[1],
                    "E002",
                    f"key '{key_path[-1]}' appears twice in the same mapping "
                    f"(first at line {first[0]}, again at line {second[0]}); keep one",
                )
            )
    return document


def load(
    path: Path,
    display: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    *,
    positions: bool = False,
) -> Document:
    """Load a map file (see load_text for ``positions``). Raises InputError for an unusable path."""
    shown = display if display is not None else str(path)
    return load_bytes(read_bytes(path, max_size), shown, positions=positions)


def load_bytes(raw: bytes | Finding, display: str, *, positions: bool = False) -> Document:
    """Decode and parse a file's bytes (see load_text), or hold the finding given instead."""
    text = raw if isinstance(raw, Finding) else decode(raw, display)
    if isinstance(text, Finding):
        return Document(path=display, text="", data=None, findings=[text])
    return load_text(text, display, positions=positions)


def is_map_file(path: Path) -> bool:
    """Whether a YAML file has a top-level ``cjmap:`` key (cheap text check, for folder scans)."""
    if not path.is_file():
        return True  # a FIFO or device would block the read; the real load reports it
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return True  # let the real load report the problem
    return re.search(rb"(?m)^(?:\xef\xbb\xbf)?[\"']?cjmap[\"']?\s*:", head) is not None


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[Path], list[str]]:
    """Files to check, files skipped in folders (no ``cjmap:`` key), and path errors."""
    files: list[Path] = []
    skipped: list[Path] = []
    problems: list[str] = []
    for given in paths:
        kind = _path_kind(given)
        if kind == "folder":
            unreadable: list[str] = []
            found = sorted(p for p in _walk(given, unreadable) if p.suffix in (".yaml", ".yml"))
            maps = [p for p in found if is_map_file(p)]
            files.extend(maps)
            is_map = set(maps)
            skipped.extend(p for p in found if p not in is_map)
            problems.extend(unreadable)
            if not maps and not unreadable:
                problems.append(
                    f"{given}: no maps in this folder "
                    "(*.yaml or *.yml with a top-level 'cjmap:' key)"
                )
        elif kind == "file":
            files.append(given)
        else:
            problems.append(f"{given}: no such file or folder")
    return files, skipped, problems


def _path_kind(path: Path) -> str:
    """'folder', 'file' (anything else that is there, even a broken symlink) or 'missing'."""
    try:
        if path.is_dir():
            return "folder"
        if path.exists() or path.is_symlink():
            return "file"
    except OSError:
        return "file"  # e.g. a parent folder without permission: the load names the problem
    return "missing"


def _walk(folder: Path, unreadable: list[str]) -> Iterator[Path]:
    """Files below a folder; folders that cannot be listed are added to ``unreadable``."""

    def report(exc: OSError) -> None:
        unreadable.append(f"{exc.filename}: cannot read this folder ({exc.strerror or exc})")

    # os.walk does not follow symlinked folders, so a symlink loop cannot trap it.
    for root, dirs, names in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            yield Path(root) / name
