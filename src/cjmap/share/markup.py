"""HTML made safe by construction: text is escaped when it becomes markup, never later.

:class:`Html` is a string known to be markup. :func:`el` builds an element from a tag,
attributes and children; a plain ``str`` child or attribute value is map text and is
escaped, an :class:`Html` child is kept as it is. So the only way map text reaches the
page is through :func:`text`, which:

- escapes ``&``, ``<``, ``>`` and both quotes, so no text can open a tag, end an
  attribute or start an entity (``</script>``, ``<img onerror=...>``, ``"><b>``);
- replaces what HTML does not allow as text (control characters, lone surrogates,
  non-characters) with U+FFFD, so the reader sees that something was there;
- wraps text that holds bidirectional controls (RLO, LRE, isolates) in an isolate
  (U+2068 ... U+2069), so an unbalanced right-to-left override cannot reverse the
  rest of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

__all__ = ["Html", "el", "join", "text"]


class Html(str):
    """A string that is markup already: children of this type are not escaped again."""

    __slots__ = ()


_ESCAPES: Final = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
)
# Not allowed in HTML text: C0 controls but tab and line feed (a carriage return is
# folded into a line feed), DEL and C1 controls, lone surrogates, non-characters.
_NOT_TEXT: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0010fffe\U0010ffff]"
)
_BIDI_CONTROLS: Final = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FIRST_STRONG_ISOLATE: Final = "\u2068"
_POP_DIRECTIONAL_ISOLATE: Final = "\u2069"
# Elements with no content and no end tag.
_VOID: Final = frozenset({"br", "col", "hr", "img", "input", "link", "meta", "wbr"})
_NAME: Final = re.compile("[a-z][a-z0-9-]*")


def clean(value: str) -> str:
    """*value* with what HTML cannot carry replaced, and bidirectional controls isolated."""
    value = _NOT_TEXT.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))
    if _BIDI_CONTROLS.search(value):
        value = f"{_FIRST_STRONG_ISOLATE}{value}{_POP_DIRECTIONAL_ISOLATE}"
    return value


def text(value: object) -> Html:
    """Any value shown as text: escaped, cleaned, and isolated (see the module)."""
    return Html(clean(str(value)).translate(_ESCAPES))


def join(parts: Iterable[Html | str], separator: str = "") -> Html:
    """Parts one after another; plain strings among them are escaped."""
    return Html(separator.join(part if isinstance(part, Html) else text(part) for part in parts))


def el(tag: str, *children: Html | str | None, **attributes: object) -> Html:
    """``<tag attr="...">children</tag>``.

    Attribute names are written with ``_`` as ``-`` (``data_touchpoint`` is
    ``data-touchpoint``; a trailing ``_`` is dropped, for ``class_`` and ``for_``).
    ``True`` writes a bare attribute (``hidden``), ``None`` and ``False`` leave it out;
    any other value is escaped. ``None`` children are left out.
    """
    if not _NAME.fullmatch(tag):
        raise ValueError(f"not a tag name: {tag!r}")
    opening = [tag]
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        if not _NAME.fullmatch(name) or (name.startswith("on") and name != "open"):
            raise ValueError(f"not an attribute this page writes: {name!r}")
        opening.append(name if value is True else f'{name}="{text(value)}"')
    start = f"<{' '.join(opening)}>"
    if tag in _VOID:
        if any(child is not None for child in children):
            raise ValueError(f"<{tag}> has no content")
        return Html(start)
    body = join(child for child in children if child is not None)
    return Html(f"{start}{body}</{tag}>")
