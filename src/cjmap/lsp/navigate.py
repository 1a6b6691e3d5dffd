"""Hover, go to definition, find references, rename and the outline of a map."""

from __future__ import annotations

import re
from typing import Any

import attrs
from lsprotocol import types

from cjmap.lsp.context import place_at
from cjmap.lsp.fields import field_at
from cjmap.lsp.index import (
    KIND_NAMES,
    REFERENCES,
    MapIndex,
    Occurrence,
    Span,
    items_of,
    scalar_span,
    word_span,
)
from cjmap.lsp.text import Lines
from cjmap.naming import KINDS

Edits = list[tuple[Span, str]]

_COMMENT = re.compile(r"(?:^|\s)#")
_IGNORE = re.compile(r"#[ \t]*cjmap:[ \t]*ignore(?:-file)?[ \t]*\[(?P<names>[^\]\n]*)\]")
_SUMMARY_KEYS = 8  # the most facts a hover lists about an item
# The facts a hover shows first: what an item is tied to and how it scores.
_FIRST = (
    "stage", "channels", "personas", "persona", "organisation", "lifecycle", "emotion",
    "severity", "roadblock", "status", "kind", "impact", "effort", "moment_of_truth",
    "pains", "steps", "touchpoints", "addresses", "opportunity", "metrics", "delights",
)  # fmt: skip


class RefusedError(Exception):
    """A request that cannot be done as asked (a rename to an id in use); says why."""


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_scalar(one)}" for key, one in value.items())
    return str(value)


def _fact(kind: str, key: str, value: Any) -> str:
    """One line about a key of an item: ids as they are, other lists as a count."""
    if isinstance(value, list):
        if (kind, key) in REFERENCES:
            return f"- {key}: {', '.join(str(one) for one in value)}"
        return f"- {key}: {len(value)}"
    return f"- {key}: {_scalar(value)}"


def item_summary(index: MapIndex, kind: str, item_id: str) -> str:
    """Markdown about an item: what it is, its name and its main facts."""
    item = index.item(kind, item_id)
    if item is None:
        return f"{KIND_NAMES[kind]} `{item_id}` is not defined in this map"
    label = item.get("name", item.get("title", item.get("text", "")))
    lines = [f"**{KIND_NAMES[kind]}** `{item_id}`" + (f": {label}" if label else "")]
    keys = [key for key in item if key not in ("id", "name", "title", "text")]
    keys.sort(key=lambda key: _FIRST.index(key) if key in _FIRST else len(_FIRST))
    lines.extend(_fact(kind, key, item[key]) for key in keys[:_SUMMARY_KEYS])
    if kind == "stages":
        stages = (tp.get("stage") for _, tp in items_of(index.data, "touchpoints"))
        lines.append(f"- touchpoints: {sum(1 for stage in stages if stage == item_id)}")
    references = len(index.uses(kind, item_id)) - 1
    lines.append(f"\n{references} reference{'s' if references != 1 else ''} in this map")
    return "\n".join(lines)


def rule_at(line_text: str, column: int) -> str | None:
    """The rule name or code under a column inside a ``# cjmap: ignore[...]`` comment."""
    for comment in _IGNORE.finditer(line_text):
        start = comment.start("names")
        for part in re.finditer(r"[^,\s]+", comment.group("names")):
            if start + part.start() < column <= start + part.end() + 1:
                return part.group(0)
    return None


def rule_page(name: str) -> str | None:
    from cjmap.lint.docs import page
    from cjmap.lint.registry import UnknownRule, find_rule

    try:
        return page(find_rule(name))
    except UnknownRule as exc:
        return str(exc)


def key_doc(lines: Lines, line: int, column: int) -> tuple[Span, str] | None:
    """The documentation of the key under a column, from the model."""
    text = lines[line]
    word = word_span(text, line, column)
    after = text[word.end - 1 :].lstrip(" ")
    comment = _COMMENT.search(text)
    if word.start == word.end or not after.startswith(":"):
        return None
    if comment is not None and comment.start() < word.start:  # a word in a comment
        return None
    colon = text.index(":", word.end - 1)
    place = place_at(lines.lines, line - 1, colon + 1)
    info = field_at(place.path)
    if info is None:
        return None
    doc = f"**{info.name}**" + (" (required)" if info.required else "") + f"\n\n{info.description}"
    if info.values:
        doc += "\n\nOne of: " + ", ".join(f"`{value}`" for value in info.values)
    return word, doc


def hover(index: MapIndex | None, lines: Lines, line: int, column: int) -> tuple[Span, str] | None:
    """Markdown for what is under a 1-based line and column, and the span it is about."""
    occurrence = index.at(line, column) if index is not None else None
    if index is not None and occurrence is not None:
        return occurrence.span, item_summary(index, index.kind_of(occurrence), occurrence.id)
    rule = rule_at(lines[line], column)
    if rule is not None:
        page = rule_page(rule)
        return (word_span(lines[line], line, column), page) if page else None
    return key_doc(lines, line, column)


def definition(index: MapIndex, occurrence: Occurrence) -> Occurrence | None:
    return index.definition(index.kind_of(occurrence), occurrence.id)


def references(index: MapIndex, occurrence: Occurrence, *, declaration: bool) -> list[Span]:
    return [
        use.span
        for use in index.uses(index.kind_of(occurrence), occurrence.id)
        if declaration or not use.definition
    ]


def rename(index: MapIndex, occurrence: Occurrence, new_id: str) -> Edits:
    """The edits that rename an id everywhere, or RefusedError for an unusable new id."""
    from cjmap.model import ID_PATTERN

    kind = index.kind_of(occurrence)
    if not re.fullmatch(ID_PATTERN.rstrip("$"), new_id):
        raise RefusedError(
            f"'{new_id}' is not a valid id: use letters, digits, '_', '.' and '-', "
            "starting with a letter or digit"
        )
    if new_id != occurrence.id and new_id in index.items[kind]:
        raise RefusedError(f"{KIND_NAMES[kind]} id '{new_id}' is already used in this map")
    return [(use.span, new_id) for use in index.uses(kind, occurrence.id)]


def outline(index: MapIndex, lines: Lines) -> list[types.DocumentSymbol]:
    """Stages with their touchpoints, then personas, journeys, opportunities and the rest."""
    document = index.document
    sections = [key for key in index.data if isinstance(key, str)]
    starts = sorted(document.locate((key,), key=True)[0] for key in sections)

    def section_end(line: int) -> int:
        later = [start for start in starts if start > line]
        return (later[0] - 1) if later else len(lines.lines)

    def symbol(section: str, index_in: int, item: dict[str, Any], end: int) -> types.DocumentSymbol:
        path = (section, index_in)
        line, column = document.locate(path)
        id_line, id_column = document.locate((*path, "id"))
        selection = scalar_span(lines[id_line], id_line, id_column)
        label = item.get("name", item.get("title", ""))
        whole = types.Range(lines.position(line, column), lines.position(end, len(lines[end]) + 1))
        chosen = lines.range(selection)
        if not (whole.start.line <= chosen.start.line <= whole.end.line):
            whole = chosen
        return types.DocumentSymbol(
            name=str(item.get("id", index_in + 1)),
            detail=label if isinstance(label, str) else None,
            kind=_SYMBOL_KINDS.get(section, types.SymbolKind.Object),
            range=whole,
            selection_range=chosen,
            children=[],
        )

    def items(section: str) -> list[types.DocumentSymbol]:
        found = list(items_of(index.data, section))
        if not found:
            return []
        end_of_section = section_end(document.locate((section,), key=True)[0])
        made = []
        for number, (position, item) in enumerate(found):
            nxt = found[number + 1][0] if number + 1 < len(found) else None
            end = document.locate((section, nxt))[0] - 1 if nxt is not None else end_of_section
            made.append(symbol(section, position, item, max(end, 1)))
        return made

    touchpoints = items("touchpoints")
    stage_of = {
        str(item.get("id")): item.get("stage") for _, item in items_of(index.data, "touchpoints")
    }

    def in_stage(touchpoint: types.DocumentSymbol, stage: types.DocumentSymbol) -> bool:
        return stage_of.get(touchpoint.name) == stage.name

    stages = [
        attrs.evolve(
            stage, children=[tp for tp in touchpoints if stage_of.get(tp.name) == stage.name]
        )
        for stage in items("stages")
    ]
    result: list[types.DocumentSymbol] = []
    for section in KINDS:
        if section == "touchpoints" or section not in index.data:
            continue
        children = stages if section == "stages" else items(section)
        line = document.locate((section,), key=True)[0]
        end = section_end(line)
        whole = types.Range(lines.position(line, 1), lines.position(end, len(lines[end]) + 1))
        result.append(
            types.DocumentSymbol(
                name=section,
                kind=types.SymbolKind.Namespace,
                range=whole,
                selection_range=lines.range(Span(line, 1, len(section) + 1)),
                children=children,
            )
        )
    return result


_SYMBOL_KINDS = {
    "stages": types.SymbolKind.Module,
    "touchpoints": types.SymbolKind.Event,
    "personas": types.SymbolKind.Class,
    "journeys": types.SymbolKind.Array,
    "opportunities": types.SymbolKind.Constant,
    "channels": types.SymbolKind.Interface,
    "actions": types.SymbolKind.Function,
    "organisations": types.SymbolKind.Struct,
    "curves": types.SymbolKind.Field,
}
