"""A small DOT writer for the views, and text measures for laying text out by hand.

Attribute values reach DOT only as quoted strings: map text through the helpers in
:mod:`cjmap.render.dot` (``label``, ``quote``), fixed values (colours, sizes, style
words) through :func:`const`. :func:`attrs` refuses anything else, so a view cannot
put map text into the DOT unescaped by mistake.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Final

# Advance widths of Helvetica (per 1000 units of font size) for the printable ASCII
# characters, from its AFM metrics; Graphviz sizes boxes with the same numbers.
_HELVETICA: Final = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_WIDTHS: Final = {chr(32 + i): int(w) for i, w in enumerate(_HELVETICA.split())}
_BOLD_FACTOR: Final = 1.1  # Helvetica-Bold runs about a tenth wider
LINE_HEIGHT: Final = 1.2  # Graphviz's line spacing, in font sizes
POINTS: Final = 72.0  # points per inch


def text_points(text: str, size: float, *, bold: bool = False) -> float:
    """The width of one line of *text* in points at font *size*, as Graphviz measures it
    (near enough: characters outside ASCII count as a digit, wide ones as two)."""
    total = 0
    for char in text:
        if char in _WIDTHS:
            total += _WIDTHS[char]
        elif unicodedata.combining(char):
            continue
        else:
            total += 1112 if unicodedata.east_asian_width(char) in ("W", "F") else 556
    return total * size / 1000 * (_BOLD_FACTOR if bold else 1.0)


def block_inches(lines: list[str], size: float, *, bold: bool = False) -> tuple[float, float]:
    """Width and height in inches of *lines* of text at font *size*."""
    if not lines:
        return 0.0, 0.0
    width = max(text_points(line, size, bold=bold) for line in lines)
    return width / POINTS, len(lines) * size * LINE_HEIGHT / POINTS


def number(value: float) -> str:
    """A number as DOT wants it: fixed precision, so the same map gives the same bytes."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def const(value: str | float) -> str:
    """A fixed value (a colour, a size, a style word) as a quoted DOT string."""
    text = value if isinstance(value, str) else number(value)
    if '"' in text or "\\" in text or "\n" in text:
        raise ValueError(f"not a fixed DOT value: {text!r}")
    return f'"{text}"'


def pos(x: float, y: float) -> str:
    """A pinned position, in inches, for the neato layout."""
    return const(f"{number(x)},{number(y)}!")


def record(*fields: str) -> str:
    """A record label from fields made by :func:`cjmap.render.dot.label`.

    The field text is already escaped (``|``, braces and angle brackets included), so
    joining the bodies with ``|`` can only make the fields intended.
    """
    for field in fields:
        _check_quoted("label", field)
    return '"' + "|".join(field[1:-1] for field in fields) + '"'


def attrs(values: Mapping[str, str]) -> str:
    """``[key="value", ...]``; every value must already be a quoted DOT string."""
    for key, value in values.items():
        _check_quoted(key, value)
    return "[" + ", ".join(f"{key}={value}" for key, value in values.items()) + "]"


def _check_quoted(key: str, value: str) -> None:
    if len(value) < 2 or value[0] != '"' or value[-1] != '"':
        raise ValueError(f"DOT attribute {key} is not a quoted string: {value!r}")


class DotWriter:
    """Collects DOT statements with indentation; :meth:`text` gives the source."""

    def __init__(self, kind: str, name: str) -> None:
        self._lines = [f"{kind} {name} {{"]
        self._depth = 1

    def line(self, statement: str) -> None:
        self._lines.append("  " * self._depth + statement)

    def defaults(self, kind: str, values: Mapping[str, str]) -> None:
        """Default attributes for ``graph``, ``node`` or ``edge``."""
        self.line(f"{kind} {attrs(values)};")

    def node(self, node: str, values: Mapping[str, str]) -> None:
        self.line(f"{node} {attrs(values)};")

    def edge(self, tail: str, head: str, values: Mapping[str, str], *, op: str = "->") -> None:
        self.line(f"{tail} {op} {head} {attrs(values)};")

    def open(self, header: str) -> None:
        """Start a subgraph (``subgraph cluster_x``) or an anonymous block (``""``)."""
        self.line(f"{header} {{".lstrip())
        self._depth += 1

    def close(self) -> None:
        self._depth -= 1
        self.line("}")

    def text(self) -> str:
        if self._depth != 1:
            raise ValueError("unclosed subgraph")
        return "\n".join([*self._lines, "}", ""])
