"""The YAML 1.2 core schema: what a plain scalar stands for, and which tags are allowed.

``yes``/``no``/``on``/``off`` are text, only ``true``/``false`` are booleans; dates stay
text (the model parses them). Only YAML's standard tags are accepted, and nothing is ever
constructed from a tag.
"""

from __future__ import annotations

import re
from typing import Any

YAML_TAG = "tag:yaml.org,2002:"
STANDARD_TAGS = frozenset(
    YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq")
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
MAYBE_TYPED = _WORD_STARTS | _NUMBER_STARTS
"""The first characters of plain scalars that may stand for something other than text."""


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


def tag_value(tag: str, value: str) -> Any:
    """The value of a scalar with an explicit standard tag (never constructed from the tag)."""
    if tag == "!" or tag == YAML_TAG + "str":
        return value
    return resolve_plain(value)
