"""cjmap export --to json: the whole map and the touchpoint inventory, checked against
their committed JSON Schema by jsonschema and by ajv in strict mode."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cjmap.export import ExportOptions, export_map
from cjmap.loader import load
from cjmap.validate import validate_document
from conftest import EXAMPLES, FIXTURES, NODE_DIR, ROOT, has_node_packages

SCHEMA_FILE = ROOT / "schemas" / "cjmap-export.schema.json"
MAPS = [*sorted(EXAMPLES.glob("*.yaml")), FIXTURES / "hostile-names.yaml"]


def exported(path: Path, inventory: bool = False) -> Any:
    document = load(path)
    model = validate_document(document).model
    assert model is not None
    return json.loads(
        export_map(model, "json", ExportOptions(inventory=inventory, document=document))
    )


def schema() -> Any:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_schema_is_draft_07() -> None:
    jsonschema.Draft7Validator.check_schema(schema())
    assert schema()["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.name)
@pytest.mark.parametrize("inventory", [False, True], ids=["map", "inventory"])
def test_every_export_follows_the_schema(path: Path, inventory: bool) -> None:
    jsonschema.Draft7Validator(schema()).validate(exported(path, inventory))


def test_the_whole_map_with_ids_resolved_x_keys_and_positions() -> None:
    path = EXAMPLES / "coffee-subscription.yaml"
    data = exported(path)
    document = load(path)
    assert (data["cjmap_export"], data["kind"]) == (1, "map")
    assert data["source"] == {"path": str(path), "format": 1}
    assert data["map"]["x-workshop"] == "Growth and customer care, 2026-10-21"
    checkout = next(tp for tp in data["touchpoints"] if tp["id"] == "checkout")
    index = data["touchpoints"].index(checkout)
    assert checkout["stage"] == {
        "id": "purchase",
        "name": "Subscribe and pay",
        "lifecycle": "purchase",
        "order": 3,
    }
    assert checkout["channels"] == [
        {"id": "web", "name": "Website", "kind": "digital"},
        {"id": "app", "name": "Mobile app", "kind": "digital"},
    ]
    assert [p["id"] for p in checkout["personas"]] == ["busy-parent", "home-barista"]
    assert checkout["every_persona"] is True
    assert checkout["x-analytics-event"] == "checkout_step_3"
    line, column = document.locate(("touchpoints", index))
    assert checkout["position"] == {"line": line, "column": column}
    assert document.line_text(line).strip() == "- id: checkout"
    pain = checkout["pains"][0]
    assert pain["severity"] == "high" and pain["roadblock"] is True
    assert document.line_text(pain["position"]["line"]).strip().startswith("- text: Shipping")
    assert checkout["metrics"][0]["off_target"] is True
    journey = data["journeys"][0]
    assert journey["persona"] == {"id": "busy-parent", "name": "Busy parent"}
    assert journey["steps"][0] == {
        "id": "instagram-ad",
        "name": "See a friend's coffee photo or an ad on Instagram",
        "stage": "awareness",
    }
    assert data["actions"][0]["touchpoints"][0].keys() == {"id", "name"}


def test_every_field_of_every_item_is_there() -> None:
    path = EXAMPLES / "insurance-claim.yaml"
    data = exported(path)
    model = validate_document(load(path)).model
    assert model is not None
    for key in ("personas", "stages", "channels", "touchpoints", "journeys", "actions"):
        items = getattr(model, key)
        assert len(data[key]) == len(items)
        for item, out in zip(items, data[key], strict=True):
            assert set(type(item).model_fields) <= set(out), key


def test_inventory() -> None:
    data = exported(EXAMPLES / "coffee-subscription.yaml", inventory=True)
    assert (data["cjmap_export"], data["kind"]) == (1, "inventory")
    row = next(row for row in data["touchpoints"] if row["id"] == "checkout")
    assert {key: row[key] for key in ("stage", "stage_name", "channels", "owner")} == {
        "stage": "purchase",
        "stage_name": "Subscribe and pay",
        "channels": ["web", "app"],
        "owner": "E-commerce team",
    }
    assert row["moment_of_truth"] is True
    assert row["metrics"][0]["name"] == "People who leave at the payment step"
    assert row["x-analytics-event"] == "checkout_step_3"
    orders = [row["stage_order"] for row in data["touchpoints"]]
    assert orders == sorted(orders)


@pytest.mark.skipif(
    not has_node_packages("ajv", "ajv-formats"),
    reason="needs Node.js and `npm install --prefix tests/node` (.ci/run does it)",
)
def test_exports_pass_ajv_in_strict_mode(tmp_path: Path) -> None:
    files = []
    for index, path in enumerate(MAPS):
        for inventory in (False, True):
            file = tmp_path / f"{index}-{inventory}.json"
            file.write_text(json.dumps(exported(path, inventory)), encoding="utf-8")
            files.append(str(file))
    script = tmp_path / "check.js"
    script.write_text(
        "const Ajv = require('ajv'); const fs = require('fs');\n"
        "const ajv = new Ajv({strict: true, allErrors: true});\n"
        "const validate = ajv.compile(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));\n"
        "for (const file of process.argv.slice(3)) {\n"
        "  if (!validate(JSON.parse(fs.readFileSync(file, 'utf8')))) {\n"
        "    console.log(file, JSON.stringify(validate.errors)); process.exit(1); } }\n"
    )
    run = subprocess.run(
        ["node", str(script), str(SCHEMA_FILE), *files],
        capture_output=True,
        text=True,
        env={"NODE_PATH": str(NODE_DIR / "node_modules"), "PATH": "/usr/bin:/bin:/usr/local/bin"},
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_items_inside_items_have_positions_and_x_keys_too() -> None:
    path = EXAMPLES / "birth-and-child-benefit.yaml"
    data = exported(path)
    document = load(path)
    stage = next(stage for stage in data["stages"] if stage["pains"])
    pain = stage["pains"][0]
    assert pain["text"] in document.line_text(pain["position"]["line"]) or pain["id"] in (
        document.line_text(pain["position"]["line"])
    )
    touchpoint = next(tp for tp in data["touchpoints"] if tp["organisation"])
    organisation = next(
        o for o in data["organisations"] if o["id"] == touchpoint["organisation"]["id"]
    )
    assert touchpoint["organisation"] == {k: organisation[k] for k in ("id", "name", "kind")}
