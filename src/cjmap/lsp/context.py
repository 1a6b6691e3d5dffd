"""Where the cursor is in a map's text, read from the text alone: which key, key or value.

Completion runs while the author types, when the YAML is often half-written and
does not parse, so the place is found from indentation and the current line: the
keys that enclose the cursor, from the top of the map down (list indexes left
out), and whether a key or a value is being typed there. Flow collections on the
current line (``channels: [web, |``, ``{id: x, stage: |``) are understood too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY_LINE = re.compile(
    r"(?P<indent>[ ]*)(?P<dashes>(?:-[ ]+)*)"
    r"(?P<key>[^\s#'\"{}\[\],:-][^#{}\[\],:]*?|\"[^\"]*\"|'[^']*')"
    r"[ ]*:(?:[ ]+(?P<value>.*)|$)"
)
_ITEM_LINE = re.compile(r"(?P<indent>[ ]*)(?P<dashes>(?:-[ ]*)+)(?P<rest>.*)")


@dataclass(frozen=True)
class Place:
    """The keys enclosing the cursor, and whether a key or a value is being typed there.

    For a value, ``path`` ends with its key (``("touchpoints", "stage")``); for a key, it
    is the path of the mapping that will hold it (``("touchpoints",)``).
    """

    path: tuple[str, ...]
    is_key: bool
    in_list: bool = False


@dataclass(frozen=True)
class _Line:
    column: int
    """Column (0-based) where the line's key or list item starts."""
    dash: int | None
    """Column of the line's first ``-``, for a list item."""
    key: str | None
    opens: bool
    """True for ``key:`` with nothing after it: a block value follows on the next lines."""


def _unquote(key: str) -> str:
    key = key.strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


def _read_line(text: str) -> _Line | None:
    """A line's structure, or None for a blank line or a comment."""
    stripped = text.strip()
    if not stripped or stripped.startswith("#"):
        return None
    dash = len(text) - len(text.lstrip(" ")) if stripped.startswith("-") else None
    match = _KEY_LINE.match(text)
    if match:
        value = (match.group("value") or "").split(" #", 1)[0].strip()
        column = match.start("key")
        return _Line(column, dash, _unquote(match.group("key")), not value or value in "|>")
    item = _ITEM_LINE.match(text)
    column = item.start("rest") if item else len(text) - len(text.lstrip(" "))
    return _Line(column, dash, None, False)


def _parents(lines: list[str], row: int, column: int, dash: int | None) -> list[str]:
    """The keys of the block mappings that enclose a node at ``column`` on line ``row``."""
    keys: list[str] = []
    limit = column if dash is None else dash
    for above in range(row - 1, -1, -1):
        if limit <= 0 and dash is None:
            break
        line = _read_line(lines[above])
        if line is None or line.key is None or not line.opens:
            continue
        if line.column < limit or (line.column == limit and dash is not None and line.dash is None):
            keys.append(line.key)
            limit = line.column if line.dash is None else line.dash
            dash = line.dash
    keys.reverse()
    return keys


def _flow_place(before: str) -> tuple[list[str], bool, bool] | None:
    """Keys, is-key and in-list for a cursor inside an unclosed flow collection on its line."""
    stack: list[tuple[str, str | None]] = []  # ('[' or '{', the key that holds it)
    pending: str | None = None  # the key whose value comes next, in a flow mapping
    word_start = 0
    quote = ""
    block_key: str | None = None
    for index, char in enumerate(before):
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "[{":
            holder = pending if stack else block_key
            stack.append((char, holder))
            pending = None
            word_start = index + 1
        elif char in "]}":
            if stack:
                stack.pop()
            pending = None
        elif char == ",":
            pending = None
            word_start = index + 1
        elif char == ":" and (index + 1 == len(before) or before[index + 1] in " \t"):
            key = _unquote(before[word_start:index].strip().lstrip("-").strip())
            if stack:
                pending = key
            else:
                block_key = key
            word_start = index + 1
    if not stack:
        return None
    keys = [holder for _, holder in stack if holder is not None]
    kind = stack[-1][0]
    if kind == "[":
        return keys, False, True
    if pending is not None:
        return [*keys, pending], False, False
    return keys, True, False


def place_at(lines: list[str], row: int, column: int) -> Place:
    """The place of a 0-based (row, column) cursor in a map's lines."""
    text = lines[row] if row < len(lines) else ""
    before = text[:column]
    indent = len(before) - len(before.lstrip(" "))
    flow = _flow_place(before)
    if flow is not None:
        keys, is_key, in_list = flow
        line = _read_line(before)
        start = line.column if line is not None else indent
        dash = line.dash if line is not None else None
        return Place((*_parents(lines, row, start, dash), *keys), is_key, in_list)
    line = _read_line(before)
    if line is not None and line.key is not None:
        # "key:" with the cursor after the colon, or "key: val|".
        parents = _parents(lines, row, line.column, line.dash)
        return Place((*parents, line.key), False)
    if line is not None and line.dash is not None:
        # "- |" or "- wor|": an item of the list that the enclosing key holds.
        parents = _parents(lines, row, line.column, line.dash)
        return Place(tuple(parents), False, True)
    parents = _parents(lines, row, indent, None)
    return Place(tuple(parents), True)
