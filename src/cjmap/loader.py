"""Read a map file into plain Python data, with positions found on demand.

The loader is the only module that knows YAML. It builds plain dicts, lists and
scalars straight from libyaml's event stream (through ruamel.yaml's C parser) in
one pass, without keeping positions: that is the fast, common case of a valid
map. Line and column numbers are computed by a second pass over the same text
only when a finding needs them, and they are exact: the start of the key or
value at fault.

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
from collections.abc import Iterator
from contextlib import contextmanager
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

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")
# Plain scalars whose first character is none of these are always text.
_MAYBE_TYPED = frozenset("-+.0123456789~nNtTfF")


class InputError(Exception):
    """A path that cannot be read as a map file (missing, a folder, no permission...)."""


def resolve_plain(value: str) -> Any:
    """The YAML 1.2 core-schema value of an unquoted scalar."""
    if value and value[0] not in _MAYBE_TYPED:
        return value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
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


def _scalar_value(event: Any) -> Any:
    tag = event.tag
    if tag is None:
        # implicit[0] is true for plain (unquoted) scalars; quoted ones are always text.
        return resolve_plain(event.value) if event.implicit[0] else event.value
    if tag == "!" or tag == _YAML_TAG + "str":
        return event.value
    return resolve_plain(event.value)


@dataclass
class Positions:
    """Where each key and value starts, by data path (1-based line and column)."""

    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)
    duplicates: list[tuple[PathKey, Position, Position]] = field(default_factory=list)


@dataclass
class Document:
    """One loaded file: its text, its plain data (None if unreadable) and loader findings."""

    path: str
    text: str
    data: Any
    findings: list[Finding] = field(default_factory=list)
    _positions: Positions | None = field(default=None, repr=False)

    @property
    def positions(self) -> Positions:
        if self._positions is None:
            self._positions = compute_positions(self.text)
        return self._positions

    def locate(self, path: PathKey, *, key: bool = False) -> Position:
        """Line and column of the value at ``path`` (or of its key), else of its nearest parent."""
        positions = self.positions
        if key and path in positions.keys:
            return positions.keys[path]
        current = path
        while current:
            if current in positions.values:
                return positions.values[current]
            current = current[:-1]
        return positions.values.get((), (1, 1))


@contextmanager
def _gc_paused() -> Iterator[None]:
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
        return error(
            str(path),
            1,
            1,
            "E007",
            f"the file is {info.st_size:,} bytes, over the {max_size:,}-byte limit "
            "(raise it with --max-size)",
        )
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


def _events(text: str) -> Any:
    from _ruamel_yaml import CParser

    return CParser(text)


class _Abort(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def parse(text: str, display: str) -> tuple[Any, list[Finding], bool]:
    """Plain data from the text, the loader's findings, and whether any key repeats.

    Raises _Abort for problems after which no data can be trusted.
    """
    from ruamel.yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    findings: list[Finding] = []
    has_duplicates = False
    parser = _events(text)
    get_event = parser.get_event
    # Each frame: [container, pending key or _NO_KEY]; lists ignore the key slot.
    no_key = _NO_KEY
    stack: list[list[Any]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    anchor_starts: list[tuple[str, int, int]] = []  # (name, stack depth, node count at start)
    node_count = 0
    alias_nodes = 0
    documents = 0
    root: Any = no_key

    def check_tag(event: Any) -> None:
        tag = event.tag
        if tag is not None and tag not in _STANDARD_TAGS:
            mark = event.start_mark
            shown = "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag
            findings.append(
                error(
                    display,
                    mark.line + 1,
                    mark.column + 1,
                    "E003",
                    f"tag '{shown}' is not allowed; maps use plain YAML values only",
                )
            )

    while True:
        event = get_event()
        kind = type(event)
        value: Any
        if kind is ScalarEvent:
            if event.tag is not None:
                check_tag(event)
            value = _scalar_value(event)
            node_count += 1
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None:
                check_tag(event)
            node_count += 1
            value = {} if kind is MappingStartEvent else []
            if len(stack) >= MAX_DEPTH:
                mark = event.start_mark
                raise _Abort(
                    error(
                        display,
                        mark.line + 1,
                        mark.column + 1,
                        "E006",
                        f"the YAML nests more than {MAX_DEPTH} levels deep",
                    )
                )
            if event.anchor is not None:
                anchor_starts.append((event.anchor, len(stack) + 1, node_count))
                anchors[event.anchor] = (value, 1)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            if stack[-1][1] is not no_key:
                raise _Abort(
                    error(display, 1, 1, "E001", "YAML syntax error: mapping ends after a key")
                )
            stack.pop()
            if anchor_starts and anchor_starts[-1][1] == len(stack) + 1:
                name, _, start = anchor_starts.pop()
                anchors[name] = (anchors[name][0], node_count - start + 1)
            continue
        elif kind is AliasEvent:
            target = anchors.get(event.anchor)
            mark = event.start_mark
            if target is None:
                raise _Abort(
                    error(
                        display,
                        mark.line + 1,
                        mark.column + 1,
                        "E001",
                        f"YAML syntax error: alias '*{event.anchor}' names no anchor",
                    )
                )
            value, size = target
            node_count += size
            alias_nodes += size
            if alias_nodes > MAX_ALIAS_NODES:
                raise _Abort(
                    error(
                        display,
                        mark.line + 1,
                        mark.column + 1,
                        "E005",
                        f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes; "
                        "is this an alias bomb?",
                    )
                )
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise _Abort(
                    error(
                        display,
                        mark.line + 1,
                        mark.column + 1,
                        "E001",
                        "the file holds more than one YAML document; a map is one document",
                    )
                )
            continue
        elif kind is StreamEndEvent:
            break
        else:
            continue

        # Attach the new value to its parent.
        if not stack:
            root = value
        else:
            frame = stack[-1]
            container = frame[0]
            if type(container) is list:
                container.append(value)
            elif frame[1] is no_key:
                if isinstance(value, dict | list):
                    mark = event.start_mark
                    raise _Abort(
                        error(
                            display,
                            mark.line + 1,
                            mark.column + 1,
                            "E001",
                            "YAML syntax error: a key must be a plain value, not a mapping or list",
                        )
                    )
                frame[1] = value
            else:
                key = frame[1]
                frame[1] = no_key
                if key in container:
                    has_duplicates = True
                else:
                    container[key] = value
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            stack.append([value, no_key])

    return (None if root is no_key else root), findings, has_duplicates


_NO_KEY = object()


def compute_positions(text: str) -> Positions:
    """Second pass over the text: where each key and value starts, and repeated keys."""
    from ruamel.yaml.events import (
        AliasEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    positions = Positions()
    values = positions.values
    keys = positions.keys
    # Each frame: [path, is_mapping, pending key or _NO_KEY, next list index, keys seen]
    stack: list[list[Any]] = []
    parser = _events(text)
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is StreamEndEvent:
                break
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            if kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent):
                continue
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1)
            path: PathKey
            if not stack:
                path = ()
            else:
                frame = stack[-1]
                if not frame[1]:
                    path = (*frame[0], frame[3])
                    frame[3] += 1
                elif frame[2] is _NO_KEY:
                    key = _key_value(event)
                    frame[2] = key
                    key_path = (*frame[0], key)
                    seen: dict[Any, Position] = frame[4]
                    if key in seen:
                        positions.duplicates.append((key_path, seen[key], where))
                    else:
                        seen[key] = where
                        keys[key_path] = where
                    continue
                else:
                    path = (*frame[0], frame[2])
                    frame[2] = _NO_KEY
            values.setdefault(path, where)
            if kind is MappingStartEvent:
                stack.append([path, True, _NO_KEY, 0, {}])
            elif kind is SequenceStartEvent:
                stack.append([path, False, _NO_KEY, 0, None])
    except Exception:  # positions are best effort past a syntax error
        pass
    return positions


def _key_value(event: Any) -> Any:
    from ruamel.yaml.events import ScalarEvent

    if type(event) is ScalarEvent:
        return _scalar_value(event)
    return repr(event)


def load_text(text: str, display: str) -> Document:
    """Parse already-decoded text into a Document."""
    document = Document(path=display, text=text, data=None)
    with _gc_paused():
        try:
            data, findings, has_duplicates = parse(text, display)
        except _Abort as abort:
            document.findings.append(abort.finding)
            return document
        except Exception as exc:  # every parser error becomes one finding
            document.findings.append(_syntax_finding(display, exc, text))
            return document
    document.data = data
    document.findings.extend(findings)
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


def load(path: Path, display: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Load a map file. Raises InputError when the path cannot be read at all."""
    shown = display if display is not None else str(path)
    raw = read_bytes(path, max_size)
    if isinstance(raw, Finding):
        return Document(path=shown, text="", data=None, findings=[raw])
    text = decode(raw, shown)
    if isinstance(text, Finding):
        return Document(path=shown, text="", data=None, findings=[text])
    return load_text(text, shown)


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
