"""A map as JSON for the tools that run journeys: every field, references resolved.

The shape is versioned (``cjmap_export``) and described by
``schemas/cjmap-export.schema.json`` and ``docs/export.md``. Each item keeps every
field of the map (defaults filled in) and its ``x-`` keys, and gains its
``position`` in the source (line and column) so that a tool can point back at it.
References are resolved where a tool needs them: a touchpoint's ``stage`` is an
object with the stage's id, name, lifecycle and order, its ``channels`` objects with
ids, names and kinds, its ``personas`` the personas it applies to. New optional
fields of the format appear in the export as they are added; tools should ignore
keys they do not know.

With ``inventory``, the export is the flat touchpoint inventory that a journey
builder or a spreadsheet imports: one object per touchpoint, in lifecycle order.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from cjmap.export import ExportOptions
from cjmap.model import CJMap, Touchpoint
from cjmap.yaml.document import Document

VERSION = 1
EXTENSION_PREFIX = "x-"


def _plain(value: Any) -> Any:
    """``x-`` data as JSON can hold it: keys as text, infinities and NaN as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _extensions(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        return {}
    return {
        key: _plain(value)
        for key, value in raw.items()
        if isinstance(key, str) and key.startswith(EXTENSION_PREFIX)
    }


class _Source:
    """The loaded document: its raw data for ``x-`` keys and positions for each item."""

    def __init__(self, document: Document | None) -> None:
        self.document = document

    def raw(self, *path: str | int) -> Any:
        node = self.document.data if self.document is not None else None
        for part in path:
            if isinstance(node, Mapping):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return None
        return node

    def position(self, *path: str | int) -> dict[str, int] | None:
        if self.document is None:
            return None
        line, column = self.document.locate(path)
        return {"line": line, "column": column}

    def item(self, value: BaseModel, *path: str | int) -> dict[str, Any]:
        """Every field of an item, its ``x-`` keys and its position; the same for the items
        of its lists (a touchpoint's or a stage's pains, metrics)."""
        data: dict[str, Any] = value.model_dump(mode="json")
        for name in type(value).model_fields:
            items = getattr(value, name)
            if isinstance(items, list) and items and isinstance(items[0], BaseModel):
                data[name] = [self.item(item, *path, name, i) for i, item in enumerate(items)]
        data.update(_extensions(self.raw(*path)))
        data["position"] = self.position(*path)
        return data


def _stage_ref(model: CJMap, stage_id: str) -> dict[str, Any]:
    stage = model.stages_by_id[stage_id]
    return {
        "id": stage.id,
        "name": stage.name,
        "lifecycle": getattr(stage, "lifecycle", None),
        "order": model.stage_index[stage.id] + 1,
    }


def _channel_refs(model: CJMap, touchpoint: Touchpoint) -> list[dict[str, Any]]:
    channels = [model.channels_by_id[channel_id] for channel_id in touchpoint.channels]
    return [{"id": c.id, "name": c.name, "kind": c.kind} for c in channels]


def _persona_refs(model: CJMap, touchpoint: Touchpoint) -> list[dict[str, str]]:
    return [{"id": p.id, "name": p.name} for p in model.personas if touchpoint.applies_to(p.id)]


def _organisation_ref(model: CJMap, touchpoint: Touchpoint) -> dict[str, Any] | None:
    organisation_id = getattr(touchpoint, "organisation", None)
    if organisation_id is None:
        return None
    for organisation in getattr(model, "organisations", []):
        if organisation.id == organisation_id:
            return {"id": organisation.id, "name": organisation.name, "kind": organisation.kind}
    return None


def _touchpoint(model: CJMap, source: _Source, index: int, tp: Touchpoint) -> dict[str, Any]:
    data = source.item(tp, "touchpoints", index)
    data["stage"] = _stage_ref(model, tp.stage)
    data["channels"] = _channel_refs(model, tp)
    data["personas"] = _persona_refs(model, tp)
    data["every_persona"] = tp.personas is None
    if "organisation" in data:
        data["organisation"] = _organisation_ref(model, tp)
    for metric, shown in zip(tp.metrics, data["metrics"], strict=True):
        shown["off_target"] = metric.off_target
    return data


def document_data(model: CJMap, document: Document | None = None) -> dict[str, Any]:
    """The whole map as the export's JSON data."""
    source = _Source(document)
    data: dict[str, Any] = {
        "cjmap_export": VERSION,
        "kind": "map",
        "source": {"path": document.path if document else None, "format": model.cjmap},
        "map": source.item(model.map, "map"),
    }
    for key in type(model).model_fields:
        value = getattr(model, key)
        if key in ("cjmap", "map") or not isinstance(value, list):
            continue
        if key == "touchpoints":
            data[key] = [_touchpoint(model, source, i, tp) for i, tp in enumerate(value)]
        else:
            data[key] = [source.item(item, key, i) for i, item in enumerate(value)]
    by_id = model.touchpoints_by_id
    for journey in data.get("journeys", []):
        persona = model.personas_by_id[journey["persona"]]
        journey["persona"] = {"id": persona.id, "name": persona.name}
        journey["steps"] = [
            {"id": step, "name": by_id[step].name, "stage": by_id[step].stage}
            for step in journey["steps"]
        ]
    for action in data.get("actions", []):
        action["touchpoints"] = [{"id": t, "name": by_id[t].name} for t in action["touchpoints"]]
    data.update(_extensions(source.raw()))
    return data


def inventory_data(model: CJMap, document: Document | None = None) -> dict[str, Any]:
    """The flat touchpoint inventory: one object per touchpoint, in lifecycle order."""
    source = _Source(document)
    rows = []
    order = sorted(enumerate(model.touchpoints), key=lambda it: model.stage_index[it[1].stage])
    for index, tp in order:
        stage = _stage_ref(model, tp.stage)
        organisation = _organisation_ref(model, tp)
        rows.append(
            {
                "id": tp.id,
                "name": tp.name,
                "stage": stage["id"],
                "stage_name": stage["name"],
                "stage_order": stage["order"],
                "lifecycle": stage["lifecycle"],
                "channels": [channel["id"] for channel in _channel_refs(model, tp)],
                "channel_names": [channel["name"] for channel in _channel_refs(model, tp)],
                "personas": [persona["id"] for persona in _persona_refs(model, tp)],
                "owner": tp.owner,
                "organisation": organisation["id"] if organisation else None,
                "organisation_name": organisation["name"] if organisation else None,
                "moment_of_truth": tp.moment_of_truth,
                "emotion": tp.emotion,
                "metrics": [metric.model_dump(mode="json") for metric in tp.metrics],
                **_extensions(source.raw("touchpoints", index)),
                "position": source.position("touchpoints", index),
            }
        )
    return {
        "cjmap_export": VERSION,
        "kind": "inventory",
        "source": {"path": document.path if document else None, "format": model.cjmap},
        "map": {"title": model.map.title, "state": model.map.state},
        "touchpoints": rows,
    }


def export(model: CJMap, options: ExportOptions) -> str:
    build = inventory_data if options.inventory else document_data
    text = json.dumps(build(model, options.document), indent=2, ensure_ascii=False)
    return text + "\n"
