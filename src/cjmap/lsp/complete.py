"""Completion: ids at references, values at enums, and the keys the format allows."""

from __future__ import annotations

from lsprotocol import types

from cjmap.lsp.context import Place, place_at
from cjmap.lsp.fields import fields_at, values_at
from cjmap.lsp.index import KEYS, KIND_NAMES, REFERENCES, MapIndex


def reference_kinds(place: Place) -> tuple[str, ...]:
    """The kinds of id a place names, when it is a reference ('' for none)."""
    if len(place.path) != 2:
        return ()
    found = REFERENCES.get((place.path[0], place.path[1]))
    if found is None:
        return ()
    kinds, shape = found
    return kinds if (shape == KEYS) == place.is_key else ()


def _ids(index: MapIndex, kinds: tuple[str, ...]) -> list[types.CompletionItem]:
    items: list[types.CompletionItem] = []
    for kind in kinds:
        for item_id, name in index.names(kind).items():
            items.append(
                types.CompletionItem(
                    label=item_id,
                    kind=types.CompletionItemKind.Reference,
                    detail=f"{KIND_NAMES[kind]}: {name}" if name else KIND_NAMES[kind],
                    sort_text=f"{kinds.index(kind)}{item_id}",
                )
            )
    return items


def _keys(path: tuple[str, ...], present: set[str]) -> list[types.CompletionItem]:
    items: list[types.CompletionItem] = []
    for info in fields_at(path):
        if info.name in present:
            continue
        detail = "required" if info.required else None
        if info.values:
            values = ", ".join(info.values)
            detail = f"{detail}; {values}" if detail else values
        items.append(
            types.CompletionItem(
                label=info.name,
                kind=types.CompletionItemKind.Field,
                detail=detail,
                documentation=types.MarkupContent(types.MarkupKind.Markdown, info.description),
                insert_text=f"{info.name}: ",
                # Required keys first, then the others in the order of the format.
                sort_text=f"{0 if info.required else 1}{len(items):03d}",
            )
        )
    return items


def _values(path: tuple[str, ...]) -> list[types.CompletionItem]:
    return [
        types.CompletionItem(label=value, kind=types.CompletionItemKind.EnumMember)
        for value in values_at(path)
    ]


def _sibling_keys(lines: list[str], row: int, indent: int) -> set[str]:
    """Keys already written at the same indentation in the block around a line."""
    present: set[str] = set()
    for step in (-1, 1):
        other = row + step
        while 0 <= other < len(lines):
            text = lines[other]
            stripped = text.lstrip(" ")
            if not stripped.strip() or stripped.startswith("#"):
                other += step
                continue
            column = len(text) - len(stripped)
            if stripped.startswith("- "):
                if column + 2 == indent and step == -1:
                    present.add(stripped[2:].split(":", 1)[0].strip())
                break
            if column < indent:
                break
            if column == indent and ":" in stripped:
                present.add(stripped.split(":", 1)[0].strip())
            other += step
    return present


def completions(
    index: MapIndex | None, lines: list[str], row: int, column: int
) -> list[types.CompletionItem]:
    """What may be typed at a 0-based row and column of a map's lines."""
    place = place_at(lines, row, column)
    kinds = reference_kinds(place)
    if kinds:
        return _ids(index, kinds) if index is not None else []
    if place.is_key:
        indent = len(lines[row]) - len(lines[row].lstrip(" ")) if row < len(lines) else 0
        return _keys(place.path, _sibling_keys(lines, row, indent))
    if place.in_list and not values_at(place.path):
        return _keys(place.path, set())  # "- |" in a list of mappings: its first key
    return _values(place.path)
