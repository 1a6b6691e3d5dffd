"""Wording shared by every command: suggestions, quoting, escaping, plurals, amounts, width.

One module, so that a message reads the same wherever it is printed: "did you mean" is
worded once, a metric reads "64%" or "19 minutes" everywhere, and the width of a text
on a terminal or in a picture is measured one way. It imports nothing of cjmap, so
every layer may use it.

Three ways of putting text on one line, for three needs:

- :func:`one_line` escapes line breaks and control characters (``\\n``, ``\\x1b``) as
  YAML writes them: for map text in messages and in every text or table output, where
  a raw line break could start a GitHub workflow command and an escape sequence could
  drive the terminal;
- :func:`squashed` collapses runs of blanks, line breaks included, to single spaces:
  for names laid out in tables, diagrams and documents;
- :func:`clipped` cuts a text to a number of columns, with an ellipsis.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence

ELLIPSIS = "\u2026"


# --- Suggestions -------------------------------------------------------------------


def suggest(word: object, candidates: Iterable[str]) -> str:
    """A '; did you mean ...?' suffix when a candidate is close, else ''."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def unknown_id(option: str, kind: str, wanted: Sequence[str], defined: Iterable[str]) -> str:
    """The message for the first wanted id that is not defined, or '' when all are.

    "--stage 'purchse' is not a stage id in any of the maps; did you mean 'purchase'?";
    without a close match, the message lists what the maps define instead.
    """
    known = sorted(set(defined))
    for item in wanted:
        if item in known:
            continue
        hint = suggest(item, known)
        if not hint and not known:
            hint = "; the maps define none"
        elif not hint:
            more = f" and {len(known) - 8} more" if len(known) > 8 else ""
            hint = f"; the maps define {', '.join(known[:8])}{more}"
        return f"{option} '{item}' is not a {kind} id in any of the maps{hint}"
    return ""


# --- Quoting -----------------------------------------------------------------------


def quoted(text: str) -> str:
    """A text from the map inside single quotes: 'Pay for the box'. (Writers escape
    the line it ends up on; see :func:`one_line`.)"""
    return f"'{text}'"


def shown(value: object) -> str:
    """A value as a map author would recognise it in their YAML (long texts shortened)."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
    if isinstance(value, float) and value != value:
        return ".nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


# --- One line ----------------------------------------------------------------------

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """Text with line breaks, tabs and other unprintable characters escaped, as in YAML.

    ``"x\\n::error::y"`` becomes ``x\\n::error::y`` with a visible backslash, and an
    escape character becomes ``\\x1b``: nothing from a map can start a new line of
    output or reach the terminal as a control sequence. Printable text is returned as
    it is, so applying it twice changes nothing more. For messages, which show even
    the invisible characters; printed map text needs only :func:`escape_controls`.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


# Bidirectional embeddings, overrides and isolates: they reorder the text around them
# on screen, so a line could read differently from what it holds.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CONTROL_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def escape_controls(text: str, keep: str = "") -> str:
    """Map text made safe to print: control characters, line breaks (but those in
    *keep*, such as ``"\\n"``) and bidirectional overrides escaped as by
    :func:`one_line`; everything else, a zero-width joiner in an emoji included, as it is.

    Every text and table writer passes what it prints from a map through this, so a
    pain's line break cannot start a GitHub workflow command and an escape sequence
    cannot change the terminal's title or clear its screen.
    """
    if text.isprintable():
        return text
    return "".join(
        _escaped(char)
        if char not in keep
        and (unicodedata.category(char) in _CONTROL_CATEGORIES or char in _BIDI_CONTROLS)
        else char
        for char in text
    )


def _escaped(char: str) -> str:
    named = _NAMED_ESCAPES.get(char)
    if named:
        return named
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def squashed(text: str) -> str:
    """Text with every run of blanks and line breaks made one space, and no blank ends."""
    return " ".join(text.split())


# --- Counting ----------------------------------------------------------------------


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 map', '3 maps'; give *words* when the plural is not *word* + 's'."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def number(value: float) -> str:
    """A number as people write it: 64, 4.4 (never 64.0)."""
    return str(int(value)) if float(value).is_integer() else str(value)


def amount(value: float | None, unit: str | None) -> str:
    """A measured value with its unit: '64%', '19 minutes', '4.4 out of 5', '20 °C'.

    Only a per cent sign sits against the number, as English writes it; every other
    unit, a symbol such as '°C' included, is set off by a space, as SI writes it.
    ``None`` (not measured yet) reads 'none'.
    """
    if value is None:
        return "none"
    if not unit:
        return number(value)
    return f"{number(value)}{unit}" if unit == "%" else f"{number(value)} {unit}"


# --- Width -------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns the text takes on a terminal or in a label: wide East Asian characters
    and emoji take two; combining marks and format characters (a zero-width joiner, a
    soft hyphen's neighbours) take none."""
    if text.isascii() and text.isprintable():  # the common case, without a lookup a character
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def cut_to_width(text: str, limit: int) -> str:
    """The longest start of *text* that is at most *limit* columns wide."""
    used = 0
    for index, char in enumerate(text):
        used += display_width(char)
        if used > limit:
            return text[:index]
    return text


def clipped(text: str, limit: int) -> str:
    """*text* cut to at most *limit* columns, ending with an ellipsis when it was longer."""
    if display_width(text) <= limit:
        return text
    return cut_to_width(text, limit - 1) + ELLIPSIS
