"""What the format allows at a place in a map: keys, their documentation and enum values.

Everything is read from the JSON Schema that the Pydantic models generate
(``cjmap.schema.build_schema``), so a field added to the models is offered here
with its description, and nothing is copied by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class FieldInfo:
    """One key a mapping may hold: its name, description, whether required, its values."""

    name: str
    description: str
    required: bool
    values: tuple[str, ...]
    """The values an enum (or a boolean) allows; empty for anything else."""


@cache
def _schema() -> dict[str, Any]:
    from cjmap.schema import build_schema

    return build_schema()


def _resolve(node: Any) -> dict[str, Any]:
    """A schema node with its ``$ref`` followed (draft-07 ``#/definitions/Name``)."""
    while isinstance(node, dict) and "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        node = _schema()["definitions"][name]
    return node if isinstance(node, dict) else {}


def _branches(node: Any) -> list[dict[str, Any]]:
    """The alternatives of a node (its anyOf/oneOf), each resolved; itself when it has none."""
    node = _resolve(node)
    options = node.get("anyOf") or node.get("oneOf")
    if not options or "properties" in node:  # beside properties, anyOf only constrains them
        return [node]
    return [branch for option in options for branch in _branches(option)]


def _object(node: Any) -> dict[str, Any] | None:
    """The mapping a node describes, looking through lists (a list of stages: a stage)."""
    for branch in _branches(node):
        if "properties" in branch:
            return branch
        if branch.get("type") == "array" and "items" in branch:
            found = _object(branch["items"])
            if found is not None:
                return found
    return None


def node_at(path: tuple[str, ...]) -> dict[str, Any] | None:
    """The schema of the value at a path of keys (list indexes left out), or None."""
    node: dict[str, Any] = _resolve(_schema())
    for key in path:
        mapping = _object(node)
        if mapping is None or key not in mapping["properties"]:
            return None
        node = mapping["properties"][key]
    return node


def _values(node: Any) -> tuple[str, ...]:
    values: list[str] = []
    for branch in _branches(node):
        if branch.get("type") == "array" and "items" in branch:
            values.extend(_values(branch["items"]))
        for value in branch.get("enum", ()):
            values.append(str(value))
        if "const" in branch:
            values.append(str(branch["const"]))
        if branch.get("type") == "boolean":
            values.extend(("true", "false"))
    return tuple(dict.fromkeys(values))


def description(node: Any) -> str:
    """A node's description, or that of the definition it refers to."""
    text = node.get("description") if isinstance(node, dict) else None
    if isinstance(text, str):
        return text
    for branch in _branches(node):
        if isinstance(branch.get("description"), str):
            return str(branch["description"])
        if branch.get("type") == "array" and "items" in branch:
            return description(branch["items"])
    return ""


def fields_at(path: tuple[str, ...]) -> list[FieldInfo]:
    """The keys the mapping at a path may hold (the items' keys, for a list of mappings)."""
    node = _schema() if not path else node_at(path)
    mapping = _object(node) if node is not None else None
    if mapping is None:
        return []
    required = set(mapping.get("required", ()))
    return [
        FieldInfo(name, description(child), name in required, _values(child))
        for name, child in mapping["properties"].items()
    ]


def field_at(path: tuple[str, ...]) -> FieldInfo | None:
    """The key at the end of a path, with its documentation."""
    if not path:
        return None
    return next((info for info in fields_at(path[:-1]) if info.name == path[-1]), None)


def values_at(path: tuple[str, ...]) -> tuple[str, ...]:
    """The values allowed for the key at the end of a path (an enum's, a boolean's)."""
    node = node_at(path)
    return _values(node) if node is not None else ()


def kind_of_mapping(path: tuple[str, ...]) -> str:
    """The description of what the mapping at a path is ("A stage of the customer lifecycle.")."""
    node = _schema() if not path else node_at(path)
    mapping = _object(node) if node is not None else None
    return description(mapping) if mapping is not None else ""
