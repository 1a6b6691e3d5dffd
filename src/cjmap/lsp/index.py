"""Where a map defines each id and where it names one, with exact text spans.

The spans start at the positions the loader finds for each key and value
(``Document.locate``); a span ends where the scalar's text ends on its line. The
index is built from the plain data of the last version of a map that parsed, so
it also serves a map whose text is broken at the moment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from cjmap.loader import Document, PathKey
from cjmap.naming import KINDS as ITEM_KINDS
from cjmap.references import items as items_in

PAINS = "pains"
"""Pains have ids too, inside touchpoints and stages (``touchpoints[].pains[].id``)."""
KIND_NAMES: dict[str, str] = {**ITEM_KINDS, PAINS: "pain"}
PAIN_HOLDERS = ("touchpoints", "stages")

ONE, LIST, KEYS = "one", "list", "keys"
# (section, key) -> (kinds of id it may name, in the order an id is looked up, and how:
# one id, a list of ids, or the keys of a mapping such as emotion per persona).
REFERENCES: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {
    ("touchpoints", "stage"): (("stages",), ONE),
    ("touchpoints", "channels"): (("channels",), LIST),
    ("touchpoints", "personas"): (("personas",), LIST),
    ("touchpoints", "organisation"): (("organisations",), ONE),
    ("touchpoints", "emotion"): (("personas",), KEYS),
    ("touchpoints", "curves"): (("curves",), KEYS),
    ("stages", "emotion"): (("personas",), KEYS),
    ("stages", "curves"): (("curves",), KEYS),
    ("journeys", "persona"): (("personas",), ONE),
    ("journeys", "steps"): (("touchpoints",), LIST),
    ("actions", "touchpoints"): (("touchpoints",), LIST),
    ("actions", "pains"): (("pains",), LIST),
    ("actions", "opportunity"): (("opportunities",), ONE),
    ("opportunities", "addresses"): (("pains", "touchpoints", "stages"), LIST),
}

# A plain scalar ends at a comment, or in a flow collection at ',', ']' or '}'.
_PLAIN_END = re.compile(r"\s+#|[,\]}]|:\s|:$")
_ID_CHARS = re.compile(r"[A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class Span:
    """Text on one line: 1-based line, 1-based start column, end column (exclusive)."""

    line: int
    start: int
    end: int

    def contains(self, line: int, column: int) -> bool:
        return line == self.line and self.start <= column <= self.end


def scalar_span(line_text: str, line: int, column: int) -> Span:
    """The span of the key or value that starts at ``column`` (quotes left out)."""
    index = column - 1
    if index >= len(line_text):
        return Span(line, column, column)
    quote = line_text[index]
    if quote in "\"'":
        close = line_text.find(quote, index + 1)
        end = close if close >= 0 else len(line_text)
        return Span(line, column + 1, end + 1)
    stop = _PLAIN_END.search(line_text, index)
    end = stop.start() if stop else len(line_text)
    text = line_text[index:end].rstrip()
    return Span(line, column, column + max(len(text), 1))


def word_span(line_text: str, line: int, column: int) -> Span:
    """The span of the id-like word around a 1-based column (empty between words)."""
    index = column - 1
    start = index
    while start > 0 and _ID_CHARS.fullmatch(line_text[start - 1]):
        start -= 1
    match = _ID_CHARS.match(line_text, start)
    end = match.end() if match else start
    return Span(line, start + 1, max(end, start) + 1)


@dataclass(frozen=True)
class Occurrence:
    """An id where it is defined, or where a reference names it."""

    kinds: tuple[str, ...]
    """The kind of a definition; for a reference, the kinds it may name, in look-up order."""
    id: str
    span: Span
    path: PathKey
    """The data path of the id's value (or of its key, for a reference that is a key)."""
    definition: bool


def items_of(data: Any, section: str) -> list[tuple[int, dict[str, Any]]]:
    """The mappings in a top-level list, with their indexes."""
    return items_in(data, section) if isinstance(data, dict) else []


def pains_of(data: Any) -> Iterator[tuple[PathKey, dict[str, Any]]]:
    """Every pain given as a mapping, with its data path."""
    for section in PAIN_HOLDERS:
        for index, holder in items_of(data, section):
            pains = holder.get(PAINS)
            if isinstance(pains, list):
                for number, pain in enumerate(pains):
                    if isinstance(pain, dict):
                        yield (section, index, PAINS, number), pain


class MapIndex:
    """Every id defined in a map and every reference to one, found by kind, id or place.

    The items by kind and id, all that completion needs, are read off the data at
    once; the places of ids and references, which need a position for each, only
    when navigation first asks for them.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.data: Any = document.data
        self.items: dict[str, dict[str, tuple[PathKey, dict[str, Any]]]] = {
            kind: {} for kind in KIND_NAMES
        }
        self._by_line: dict[int, list[Occurrence]] | None = None
        for section in ITEM_KINDS:
            for index, item in items_of(self.data, section):
                self._define(section, (section, index), item)
        for path, pain in pains_of(self.data):
            self._define(PAINS, path, pain)

    def _define(self, kind: str, path: PathKey, item: dict[str, Any]) -> None:
        item_id = item.get("id")
        if isinstance(item_id, str):
            self.items[kind].setdefault(item_id, (path, item))

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        """Each id where it is defined, then each reference, with its span."""
        found: list[Occurrence] = []
        for section in ITEM_KINDS:
            for index, item in items_of(self.data, section):
                self._defined_at(found, section, (section, index, "id"), item)
        for path, pain in pains_of(self.data):
            self._defined_at(found, PAINS, (*path, "id"), pain)
        for (section, key), (kinds, shape) in REFERENCES.items():
            for index, item in items_of(self.data, section):
                found.extend(self._references(kinds, shape, (section, index, key), item.get(key)))
        return found

    def _defined_at(
        self, found: list[Occurrence], kind: str, path: PathKey, item: dict[str, Any]
    ) -> None:
        item_id = item.get("id")
        if isinstance(item_id, str):
            found.append(Occurrence((kind,), item_id, self._span(path), path, True))

    def _references(
        self, kinds: tuple[str, ...], shape: str, path: PathKey, value: Any
    ) -> Iterator[Occurrence]:
        if shape == ONE and isinstance(value, str):
            yield Occurrence(kinds, value, self._span(path), path, False)
        elif shape == LIST and isinstance(value, list):
            for number, one in enumerate(value):
                if isinstance(one, str):
                    where = (*path, number)
                    yield Occurrence(kinds, one, self._span(where), where, False)
        elif shape == KEYS and isinstance(value, dict):
            for key in value:
                if isinstance(key, str):
                    where = (*path, key)
                    yield Occurrence(kinds, key, self._span(where, key=True), where, False)

    def _span(self, path: PathKey, *, key: bool = False) -> Span:
        line, column = self.document.locate(path, key=key)
        return scalar_span(self.document.line_text(line), line, column)

    def kind_of(self, occurrence: Occurrence) -> str:
        """The kind of item an occurrence stands for: the first of its kinds that defines it."""
        for kind in occurrence.kinds:
            if occurrence.id in self.items[kind]:
                return kind
        return occurrence.kinds[0]

    def at(self, line: int, column: int) -> Occurrence | None:
        """The id at a 1-based line and column, if any."""
        if self._by_line is None:
            self._by_line = {}
            for occurrence in self.occurrences:
                self._by_line.setdefault(occurrence.span.line, []).append(occurrence)
        for occurrence in self._by_line.get(line, ()):
            if occurrence.span.contains(line, column):
                return occurrence
        return None

    def definition(self, kind: str, item_id: str) -> Occurrence | None:
        found = self.items[kind].get(item_id)
        if found is None:
            return None
        path = (*found[0], "id")
        return next((o for o in self.occurrences if o.definition and o.path == path), None)

    def uses(self, kind: str, item_id: str) -> list[Occurrence]:
        """Every occurrence of an item's id: its definition(s) and every reference to it."""
        return [
            occurrence
            for occurrence in self.occurrences
            if occurrence.id == item_id
            and kind in occurrence.kinds
            and (occurrence.definition or self.kind_of(occurrence) == kind)
        ]

    def item(self, kind: str, item_id: str) -> dict[str, Any] | None:
        found = self.items[kind].get(item_id)
        return found[1] if found else None

    def names(self, kind: str) -> dict[str, str]:
        """Each id of a kind with its name (a pain's text, an action's title)."""
        shown: dict[str, str] = {}
        for item_id, (_, item) in self.items[kind].items():
            label = item.get("name", item.get("title", item.get("text")))
            shown[item_id] = label if isinstance(label, str) else ""
        return shown
