"""The JSON Schema of format v1, generated from the models, for editors and other tools."""

from __future__ import annotations

import json
from typing import Any

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _rename_defs(node: Any) -> Any:
    # Pydantic writes 2020-12 style `$defs`; draft-07, which yaml-language-server
    # has long supported, calls them `definitions`.
    if isinstance(node, dict):
        return {
            ("definitions" if key == "$defs" else key): (
                value.replace("#/$defs/", "#/definitions/")
                if key == "$ref" and isinstance(value, str)
                else _rename_defs(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rename_defs(item) for item in node]
    return node


def build_schema() -> dict[str, Any]:
    """The schema as a dict, draft-07."""
    from cjmap.model import CJMap

    generated = _rename_defs(CJMap.model_json_schema(mode="validation"))
    # The model normalises plain-string pains before validation, so the generated
    # schema only knows the mapping form; a map may use either.
    definitions = generated["definitions"]
    for holder in ("Stage", "Touchpoint"):
        pains = definitions[holder]["properties"]["pains"]
        pains["items"] = {"anyOf": [{"type": "string", "minLength": 1}, pains["items"]]}
    # An action names what it improves: touchpoints, pains or an opportunity, at least one.
    definitions["Action"]["anyOf"] = [
        {"required": [key], "properties": {key: True}}
        for key in ("touchpoints", "pains", "opportunity")
    ]
    schema: dict[str, Any] = {"$schema": DRAFT_07}
    schema.update(generated)
    return schema


def schema_json() -> str:
    """The schema as the text committed in ``schemas/cjmap.schema.json``."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
