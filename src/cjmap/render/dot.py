"""Helpers for writing DOT: escaping map text, wrapping it, and stable node ids.

Every piece of text that comes from a map (names, pains, notes, titles) reaches DOT
through one of these functions, never by formatting it in directly:

- :func:`label` for ``label``, ``xlabel``, ``headlabel`` and ``taillabel`` values;
- :func:`quote` for other string attributes (``tooltip``, ``comment``);
- :func:`url` for ``URL`` and ``href`` values (and ``edgeURL``, ``headURL``...);
- :func:`html` for text inside an HTML-like label (``label=<...>``).

Each returns text that cannot end the DOT string early, cannot start DOT syntax,
cannot trigger Graphviz's escape sequences (``\\N``, ``\\G``, ``\\l``) or entities
(``&amp;``), and cannot put markup or characters that are not allowed in XML into
the SVG. What the reader sees in the picture is the text as written in the map.

HTML-like labels need expat, which the WebAssembly build of Graphviz used when no
``dot`` program is installed does not have: it silently draws the node's name instead
of the label. Views that must render without a system Graphviz therefore use plain
labels (:func:`label`), records and clusters, and keep :func:`html` for output that
only the ``dot`` program produces.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Final, Literal
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

from cjmap.text import cut_to_width as _cut
from cjmap.text import display_width as text_width
from cjmap.text import squashed

__all__ = [
    "FONTNAME",
    "MAX_RUN",
    "capped",
    "clean",
    "html",
    "label",
    "node_id",
    "quote",
    "text_width",
    "truncate",
    "url",
    "wrap",
]

FONTNAME: Final = "Helvetica"
"""The font views name in DOT. Graphviz measures text for it even without fontconfig
(as in the WebAssembly build), browsers have it or a same-width substitute (Arial), and
the PNG rasteriser draws it with the bundled Liberation Sans, which has the same widths;
so text fits its boxes in every output."""

ELLIPSIS: Final = "\u2026"

MAX_RUN: Final = 16_000
"""The most bytes one line of map text may take in DOT once escaped. Graphviz 2.43
(what Debian and Ubuntu ship) refuses a quoted string that runs more than 16,384 bytes
between two backslashes, and every line break is a backslash: a longer line is cut,
with an ellipsis, so that every valid map renders (see :func:`capped`)."""
# The most bytes a character can take once escaped: '"' is '&quot;' in an HTML label.
_ESCAPED_BYTES: Final = {"&": 5, "<": 4, ">": 4, '"': 6}

# Characters XML 1.0 does not allow, plus DEL and the C1 controls (allowed but never
# meant as text). Tabs and line breaks are dealt with before this is applied.
_NOT_TEXT = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_KIND = re.compile("[A-Za-z][A-Za-z0-9]*")
_PLAIN_KEY = re.compile("[A-Za-z0-9]+")

# Inside a quoted DOT string: the quote and backslash are DOT syntax; Graphviz expands
# entities in labels; braces, bar and angle brackets are field syntax in record labels
# (and a backslash before them prints them as they are in other labels too).
_LABEL_ESCAPES: Final = str.maketrans(
    {
        "\\": "\\\\",
        '"': '\\"',
        "&": "&amp;",
        "{": "\\{",
        "}": "\\}",
        "|": "\\|",
        "<": "\\<",
        ">": "\\>",
    }
)
_QUOTE_ESCAPES: Final = str.maketrans({"\\": "\\\\", '"': '\\"', "&": "&amp;", "\n": "\\n"})
_HTML_ESCAPES: Final = str.maketrans(
    {"\\": "\\\\", "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
)
_LINE_END: Final = {"center": "\\n", "left": "\\l", "right": "\\r"}


def clean(text: str) -> str:
    """Return *text* made safe to carry into DOT and SVG, and otherwise unchanged.

    Line breaks of every kind become ``\\n``, tabs become spaces, and characters that
    are not allowed in XML (control characters, lone surrogates, U+FFFE) become U+FFFD,
    so a picture shows that something was there. The result is in Unicode NFC. A line
    too long for Graphviz to read is cut with an ellipsis (:func:`capped`).
    """
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    text = _NOT_TEXT.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    if len(text) <= MAX_RUN // 6:
        return text
    return "\n".join(capped(line) for line in text.split("\n"))


def capped(line: str) -> str:
    """*line* cut with an ellipsis where, escaped for DOT, it would pass :data:`MAX_RUN`
    bytes. Ids and other text that no longer goes through :func:`clean` use it too."""
    if len(line) <= MAX_RUN // 6:
        return line
    used = len(ELLIPSIS.encode())
    for index, char in enumerate(line):
        used += _ESCAPED_BYTES.get(char) or len(char.encode("utf-8", "surrogatepass"))
        if used > MAX_RUN:
            return line[:index] + ELLIPSIS
    return line


def truncate(text: str, limit: int) -> str:
    """*text* on one line, cut to at most *limit* columns with an ellipsis if it was longer."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    line = squashed(clean(text))
    if text_width(line) <= limit:
        return line
    head = _cut(line, limit - 1)
    if line[len(head)] != " " and " " in head[len(head) // 2 :]:
        head = head[: head.rindex(" ")]  # end on a whole word when one is near
    return head.rstrip() + ELLIPSIS


def wrap(text: str, width: int = 28, *, max_lines: int | None = None) -> list[str]:
    """Break *text* into lines of at most *width* columns.

    Words move to the next line whole; a word longer than the width (a URL, a very long
    name) is split. Line breaks in the text are kept; runs of spaces collapse; blank
    lines at the start and end are dropped. With *max_lines*, the text is cut after that
    many lines and the last one ends with an ellipsis. Empty text gives ``[]``.
    """
    if width < 1:
        raise ValueError("width must be at least 1")
    if max_lines is not None and max_lines < 1:
        raise ValueError("max_lines must be at least 1")
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width))
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        if text_width(last) + 1 > width:
            last = _cut(last, width - 1).rstrip()
        lines[-1] = last + ELLIPSIS
    return lines


def label(
    text: str,
    *,
    width: int | None = None,
    max_lines: int | None = None,
    align: Literal["center", "left", "right"] = "center",
) -> str:
    """A quoted DOT string, quotes included, that Graphviz draws as *text*.

    Use it as a ``label`` (or ``xlabel``, ``headlabel``, ``taillabel``) value, in any
    node shape including ``record``. With *width*, the text is wrapped (see :func:`wrap`);
    otherwise its own line breaks are kept. *align* sets how lines line up. Blank lines
    at the start and end are dropped: besides taking room, a label that starts with an
    empty line and goes on with long non-ASCII text crashes the WebAssembly Graphviz.
    """
    escaped = [line.translate(_LABEL_ESCAPES) for line in _lines(text, width, max_lines)]
    end = _LINE_END[align]
    body = end.join(escaped) + (end if align != "center" and escaped else "")
    return f'"{body}"'


def quote(text: str) -> str:
    """A quoted DOT string, quotes included, for an attribute that is not a label
    (``tooltip``, ``comment``): it cannot break out of the string, and the SVG
    shows ``&``, ``<`` and quotes as written. (Graphviz rewrites some backslash sequences
    in these attributes, so a backslash may not survive as typed.)

    Not for ``class`` or ``id``: Graphviz adds those to the SVG's own ``class`` and
    ``id`` attributes, where a space starts a new class; give them fixed words or
    :func:`node_id` values instead of map text."""
    return '"' + clean(text).translate(_QUOTE_ESCAPES) + '"'


def url(address: str) -> str:
    """A quoted DOT string, quotes included, for a ``URL`` or ``href`` attribute.

    Characters that are not allowed in a URL are percent-encoded, and ``&`` and ``'``
    are written as entities: older Graphviz (2.4x, still what Debian and Ubuntu ship)
    copies these attributes into the SVG without escaping them, so a quote or ``<`` in
    a link could otherwise add attributes or elements to the SVG. Only ``http``,
    ``https`` and ``mailto`` links and relative ones are accepted; anything else
    (``javascript:``, ``data:``) raises :class:`ValueError`.
    """
    text = " ".join(clean(address).split())
    scheme = urlsplit(text).scheme.lower() if ":" in text else ""
    if scheme not in ("", "http", "https", "mailto"):
        raise ValueError(f"links must be http, https or mailto, not {scheme!r}")
    encoded = percent_encode(text, safe="/:?#[]@!$&'()*+,;=%-._~")
    if len(encoded) > MAX_RUN // 5:
        # Cut a link too long for Graphviz on a character, never inside a %XX.
        encoded = encoded[: MAX_RUN // 5]
        encoded = encoded[: encoded.rfind("%")] if "%" in encoded[-2:] else encoded
    return '"' + encoded.replace("&", "&amp;").replace("'", "&#39;") + '"'


def html(text: str, *, width: int | None = None, max_lines: int | None = None) -> str:
    """*text* escaped for use inside an HTML-like label (``label=<...>``), with line breaks
    as ``<BR/>``. Wraps like :func:`label` when *width* is given.

    Only the ``dot`` program draws HTML-like labels; see the module documentation.
    """
    return "<BR/>".join(line.translate(_HTML_ESCAPES) for line in _lines(text, width, max_lines))


def node_id(kind: str, key: str) -> str:
    """A stable DOT id for the thing of *kind* (``"tp"``, ``"stage"``, ``"cluster"``...)
    whose map id is *key*.

    The result is a plain DOT identifier (``[A-Za-z][A-Za-z0-9_]*``, never a DOT
    keyword) that is also usable as an SVG/CSS id, and the same for the same input on
    every run. Keys of up to 40 letters and digits read as they are (``tp_checkout``);
    any other key is shortened and stripped to letters, digits and ``_``, and a hash of
    the original is added (``tp_first_order_1c0e5d9a2b``), so two different keys never
    get the same id. A *kind* of ``"cluster"`` makes a Graphviz cluster subgraph name.
    """
    if not _KIND.fullmatch(kind):
        raise ValueError(f"node id kind must be letters and digits, got {kind!r}")
    if _PLAIN_KEY.fullmatch(key) and len(key) <= 40:
        return f"{kind}_{key}"
    slug = re.sub("[^A-Za-z0-9]+", "_", key).strip("_")[:40]
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{kind}_{slug}_{digest}" if slug else f"{kind}__{digest}"


def _lines(text: str, width: int | None, max_lines: int | None) -> list[str]:
    """The lines of a label: wrapped to *width*, or the text's own, without blank ends."""
    if width is not None:
        return wrap(text, width, max_lines=max_lines)
    lines = clean(text).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if max_lines is not None and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1] + ELLIPSIS]
    return lines


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        size = text_width(word)
        if size > width:
            # A word too long for any line: fill the current line with its start, then
            # whole lines, measuring each character once (linear in the word's length).
            room = width - text_width(line) - (1 if line else 0)
            if line and room < min(4, width):
                lines.append(line)
                line, room = "", width
            pieces = _split_word(word, room, width)
            lines.append(f"{line} {pieces[0]}" if line else pieces[0])
            lines.extend(pieces[1:-1])
            line = pieces[-1] if len(pieces) > 1 else ""
            continue
        if not line:
            line = word
        elif text_width(line) + 1 + size <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]


def _split_word(word: str, first: int, width: int) -> list[str]:
    """*word* cut into pieces: the first at most *first* columns wide, the others at most
    *width*; a character wider than a whole line gets a piece of its own."""
    pieces: list[str] = []
    start, used, limit = 0, 0, first
    for index, char in enumerate(word):
        size = text_width(char)
        if used + size > limit and (index > start or limit < 1):
            pieces.append(word[start:index])
            start, used, limit = index, 0, width
        used += size
    pieces.append(word[start:])
    return [piece for piece in pieces if piece] or [word]
