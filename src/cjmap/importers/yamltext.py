"""A draft as the text of a map: the schema modeline, a top comment, then block YAML.

The text is written here rather than by a YAML library so that every scalar is
quoted exactly when it must be: a name such as ``yes``, ``1.0``, ``- step``,
``Price: high`` or ``#1`` stays text when the map is read back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from cjmap.importers.draft import Draft
from cjmap.loader import resolve_plain

MODELINE = "# yaml-language-server: $schema=cjmap.schema.json"

# A plain scalar must not start with an indicator, nor hold ': ' or ' #'.
_PLAIN_START = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]")
# Inside [...] libyaml is stricter still: only id-like words go unquoted there.
_FLOW_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_. -]*")
# Words that YAML 1.1 readers (and some editors) take for booleans or null.
_YAML11_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"])


def _plain_ok(text: str, flow: bool) -> bool:
    return (
        bool(text)
        and _PLAIN_START.match(text) is not None
        and text == text.strip()
        and text.isprintable()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and (not flow or _FLOW_PLAIN.fullmatch(text) is not None)
        and text.lower() not in _YAML11_WORDS
        and resolve_plain(text) == text
    )


def _quoted(text: str) -> str:
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif not char.isprintable() or char == "\ufeff":
            code = ord(char)
            out.append(
                f"\\x{code:02x}"
                if code < 0x100
                else f"\\u{code:04x}"
                if code < 0x10000
                else f"\\U{code:08x}"
            )
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def scalar(value: object, *, flow: bool = False) -> str:
    """One value as YAML that reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    return text if _plain_ok(text, flow) else _quoted(text)


def _is_scalar(value: object) -> bool:
    return not isinstance(value, Mapping | list | tuple)


def _mapping_lines(mapping: Mapping[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        name = scalar(key)
        if _is_scalar(value):
            lines.append(f"{pad}{name}: {scalar(value)}")
        elif not value:
            lines.append(f"{pad}{name}: {'{}' if isinstance(value, Mapping) else '[]'}")
        elif isinstance(value, Mapping):
            lines.append(f"{pad}{name}:")
            lines.extend(_mapping_lines(value, indent + 2))
        elif all(isinstance(item, str) and len(item) < 40 for item in value) and len(value) < 8:
            items = ", ".join(scalar(item, flow=True) for item in value)
            lines.append(f"{pad}{name}: [{items}]")
        else:
            lines.append(f"{pad}{name}:")
            lines.extend(_sequence_lines(value, indent + 2))
    return lines


def _sequence_lines(items: Sequence[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, Mapping) and item:
            inner = _mapping_lines(item, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
        elif _is_scalar(item) or not item:
            lines.append(f"{pad}- {scalar(item) if _is_scalar(item) else '[]'}")
        else:
            lines.append(f"{pad}-")
            lines.extend(_sequence_lines(item, indent + 2))
    return lines


def comment(text: str, indent: int = 0) -> list[str]:
    """Text as comment lines of at most about 88 characters."""
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + len(word) > 86:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return [f"{' ' * indent}# {line}".rstrip() for line in lines]


def map_text(draft: Draft, command: str) -> str:
    """The map's text: modeline, where it came from and what it lacks, then the data."""
    lines = [MODELINE, *comment(f"Imported from {draft.source} by `{command}`.")]
    if draft.lost:
        lines.extend(comment("Not carried over: " + "; ".join(draft.lost) + "."))
    lines.extend(comment("Check it with: cjmap lint THIS_FILE"))
    for key, value in draft.data().items():
        if key in draft.comments:
            lines.extend(comment(draft.comments[key]))
        lines.extend(_mapping_lines({key: value}, 0))
    return "\n".join(lines) + "\n"
