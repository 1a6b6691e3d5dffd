"""How validate's messages name the items of a map: by kind and id, or by position."""

from __future__ import annotations

from typing import Any

from cjmap.loader import PathKey

# Kinds of item with ids: the top-level key, and how one item is named in messages.
KINDS: dict[str, str] = {
    "personas": "persona",
    "stages": "stage",
    "channels": "channel",
    "organisations": "organisation",
    "curves": "curve",
    "touchpoints": "touchpoint",
    "journeys": "journey",
    "opportunities": "opportunity",
    "actions": "action",
}

# Lists inside an item whose entries a message names by number: "pain 2 of stage 'x'".
_NUMBERED = {"pains": "pain", "metrics": "metric"}


def describe(data: Any, path: PathKey) -> str:
    """Human name of the item at path: "touchpoint 'checkout'", "pain 2 of touchpoint 'x'"."""
    if not path:
        return "the map"
    if path[0] == "map":
        return "'map'"
    kind = KINDS.get(str(path[0]))
    if kind is None or len(path) < 2 or not isinstance(path[1], int):
        return f"'{path[0]}'"
    item = item_at(data, path[:2])
    name = f"{kind} {path[1] + 1}"
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        name = f"{kind} '{item['id']}'"
    if len(path) >= 4 and isinstance(path[3], int) and path[2] in _NUMBERED:
        return f"{_NUMBERED[str(path[2])]} {path[3] + 1} of {name}"
    return name


def item_at(data: Any, path: PathKey) -> Any:
    """The value at a data path, or None when the path leads nowhere."""
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data
