"""Syntax slips: libyaml's errors as findings that say where the slip is and what to do,
and hints for text that YAML reads otherwise than its author meant.

libyaml notices many slips a line or more after them and words them in parser terms
("could not find expected ':'"). The commonest hand-written ones are recognised here
from libyaml's words and the source lines, and reported at the line at fault in the
words of the map's author.
"""

from __future__ import annotations

import re

from cjmap.findings import Finding, error
from cjmap.text import plural, shown
from cjmap.yaml.document import Document
from cjmap.yaml.events import Mark, ParseError
from cjmap.yaml.positions import PathKey

_NO_COLON = "could not find expected ':'"
_COLON_HERE = "mapping values are not allowed"
_ITEM_EXPECTED = ("did not find expected '-' indicator", "did not find expected key")
# A line that starts like a key and its value, without the ':' between them.
_KEY_AND_TEXT = re.compile(r"(?P<key>[A-Za-z_][\w-]*) +(?P<text>[^:#\s][^#]*?)\s*(?:#.*)?\Z")
_ITEM = re.compile(r"-(?: |\Z)")
# A key at the start of a line's text, and its ':'.
_KEY_AT = re.compile(r"(?P<key>[A-Za-z_][\w.-]*):(?: |\Z)")


def syntax_finding(display: str, exc: ParseError, text: str = "") -> Finding:
    """The E001 finding for text libyaml could not parse."""
    lines = text.split("\n")
    recognised = (
        _missing_colon(exc, lines)
        or _misindented_item(exc, lines)
        or _unaligned_item_keys(exc, lines)
        or _key_indented_too_far(exc, lines)
    )
    if recognised is not None:
        line, column, problem = recognised
        return error(display, line, column, "E001", f"YAML syntax error: {problem}")
    mark, problem = exc.mark, exc.problem
    context, context_mark = exc.context, exc.context_mark
    # libyaml's words for the commonest slips are cryptic; say what to do instead.
    index = mark.index if mark is not None else -1
    char = text[index] if 0 <= index < len(text) else ""
    if char == "\t":
        problem, context = "a tab character; indent with spaces, not tabs", None
    elif char == "?" and problem.startswith("did not find expected ','"):
        # libyaml ends plain text inside [...] and {...} at a '?', as YAML 1.1 did.
        problem = "a '?' inside [...] or {...} ends the text; put quotes around text with a '?'"
        context = None
    elif char and problem.startswith("found character that cannot start any token"):
        problem, context = f"'{char}' cannot start a value; put quotes around the text", None
    elif problem.startswith(_COLON_HERE):
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


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _missing_colon(exc: ParseError, lines: list[str]) -> tuple[int, int, str] | None:
    """A key written without its ':' (``name Pay for the tickets``), at the line that lacks it.

    libyaml notices on the next line: "could not find expected ':'" while scanning the
    key that started on the line before, or, when that is the first key of its mapping,
    "mapping values are not allowed" at the next key.
    """
    mark = exc.mark
    at: Mark | None = None
    if exc.problem == _NO_COLON:
        at = exc.context_mark
    elif exc.problem.startswith(_COLON_HERE) and mark is not None and mark.line > 0:
        at = _key_start_above(mark, lines)
    if at is None or at.line >= len(lines):
        return None
    written = lines[at.line][at.column :]
    found = _KEY_AND_TEXT.match(written)
    if found is None:
        return None
    key, value = found["key"], found["text"]
    problem = f"no ':' after the key '{key}'; write {shown(f'{key}: {value}')}"
    return at.line + 1, at.column + 1, problem


def _key_start_above(mark: Mark, lines: list[str]) -> Mark | None:
    """Where the text on the line above ``mark``'s line starts (after a list item's '-'),
    when the key at ``mark`` lines up with it (the two are keys of one mapping)."""
    if mark.line >= len(lines):
        return None
    start = _text_start(lines[mark.line - 1])
    if start != _indent(lines[mark.line]):
        return None
    return Mark(mark.line - 1, start, -1)


def _misindented_item(exc: ParseError, lines: list[str]) -> tuple[int, int, str] | None:
    """A list item indented differently from the items before it: which, and by how much."""
    mark, context_mark = exc.mark, exc.context_mark
    if exc.problem not in _ITEM_EXPECTED or mark is None or context_mark is None:
        return None
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indent = _indent(line)
    if mark.column != indent or not _ITEM.match(line, indent):
        return None
    if exc.problem == _ITEM_EXPECTED[0]:
        # Inside a list: libyaml names where the list's first item starts.
        expected, first = context_mark.column, context_mark.line
    else:
        found = _items_above(mark.line, context_mark.line, indent, lines)
        if not found:
            return None
        expected = min(spaces for _, spaces in found)
        first = min(number for number, spaces in found if spaces == expected)
    if expected == indent:
        return None
    siblings = [
        number
        for number in range(first, mark.line)
        if _indent(lines[number]) == expected and _ITEM.match(lines[number], expected)
    ]
    item = line[indent + 1 :].strip()
    problem = (
        f"item {len(siblings) + 1} of the list that starts at line {first + 1} "
        f"({shown(item)}) is indented {plural(indent, 'space')}, but the items before it "
        f"are indented {expected}; line up its '-' with theirs"
    )
    return mark.line + 1, mark.column + 1, problem


def _text_start(line: str) -> int:
    """Where a line's text starts: after its indentation, and after a list item's '-'."""
    start = _indent(line)
    if _ITEM.match(line, start):
        start += 1 + _indent(line[start + 1 :])
    return start


def _unaligned_item_keys(exc: ParseError, lines: list[str]) -> tuple[int, int, str] | None:
    """A key of a list item that does not line up with the item's first key (whose '-'
    may be the one out of place)."""
    mark, context_mark = exc.mark, exc.context_mark
    if exc.problem != _ITEM_EXPECTED[0] or mark is None or context_mark is None:
        return None
    if mark.line >= len(lines) or mark.column != _indent(lines[mark.line]):
        return None
    key = _KEY_AT.match(lines[mark.line], mark.column)
    dash = context_mark.column
    item = next(
        (
            number
            for number in range(mark.line - 1, context_mark.line - 1, -1)
            if _indent(lines[number]) == dash and _ITEM.match(lines[number], dash)
        ),
        None,
    )
    if key is None or item is None:
        return None
    start = _text_start(lines[item])
    first = _KEY_AT.match(lines[item], start)
    if first is None or start == mark.column:
        return None
    problem = (
        f"the keys of the list item at line {item + 1} do not line up: "
        f"'{first['key']}' starts at column {start + 1}, '{key['key']}' at column "
        f"{mark.column + 1}; indent them alike"
    )
    return mark.line + 1, mark.column + 1, problem


def _key_indented_too_far(exc: ParseError, lines: list[str]) -> tuple[int, int, str] | None:
    """A key indented further than the key before it, which YAML reads as more of the
    text of that key's value: its own ':' is then "not allowed"."""
    mark = exc.mark
    if not exc.problem.startswith(_COLON_HERE) or mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indent = _indent(line)
    key = _KEY_AT.match(line, indent)
    if key is None or key.end("key") != mark.column:
        return None
    above = next(
        (
            number
            for number in range(mark.line - 1, -1, -1)
            if lines[number].strip() and not lines[number].lstrip().startswith("#")
        ),
        None,
    )
    if above is None:
        return None
    start = _text_start(lines[above])
    before = _KEY_AT.match(lines[above], start)
    if before is None or start >= indent or not lines[above][before.end() :].strip():
        return None
    problem = (
        f"the key '{key['key']}' is indented {plural(indent, 'space')}, but the key "
        f"'{before['key']}' on the line before is indented {start}, so YAML reads this line "
        f"as more of the text of '{before['key']}'; check this line's indentation"
    )
    return mark.line + 1, mark.column + 1, problem


def _items_above(end: int, start: int, indent: int, lines: list[str]) -> list[tuple[int, int]]:
    """The list items on the lines above ``end`` (line index, spaces), up to the key that
    holds their list: the fewest spaces among them are the list's own items' (more are the
    items of lists inside them)."""
    items: list[tuple[int, int]] = []
    for number in range(end - 1, start - 1, -1):
        above = lines[number]
        stripped = above.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        spaces = len(above) - len(stripped)
        if _ITEM.match(stripped):
            items.append((number, spaces))
        elif spaces < (min(spaces for _, spaces in items) if items else indent):
            break
    return items


def comma_hint(document: Document, path: PathKey, parent: object) -> str:
    """A hint for the key at ``path`` in the mapping ``parent`` when it is text cut off by a
    ',' inside ``{...}``, else ''.

    In ``{name: Travel sites (Kayak, Trip Advisor)}`` the comma ends the value, so YAML
    reads ``Trip Advisor)`` as a key with no value: quoting the text keeps it whole.
    """
    key = path[-1]
    if type(parent) is not dict or key not in parent or parent[key] is not None:
        return ""
    keys = list(parent)
    position = keys.index(key)
    if position == 0 or not isinstance(parent[keys[position - 1]], str):
        return ""
    line, column = document.locate(path, key=True)
    text = document.line_text(line)
    if not text[: column - 1].rstrip().endswith(","):
        return ""
    start_line, start_column = document.locate(path[:-1])
    if document.line_text(start_line)[start_column - 1 : start_column] != "{":
        return ""
    previous = keys[position - 1]
    value_line, value_column = document.locate((*path[:-1], previous))
    hint = (
        f"; a ',' inside {{...}} ends the text of '{previous}': put quotes around text with a comma"
    )
    if value_line != line:
        return hint
    end = column - 1
    while end < len(text) and text[end] not in ",}":
        end += 1
    whole = text[value_column - 1 : end].rstrip()
    written = f'"{whole}"' if '"' not in whole else "'" + whole.replace("'", "''") + "'"
    return f"{hint}, as in {previous}: {written}"
