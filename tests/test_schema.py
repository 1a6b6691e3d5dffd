from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from cjmap.loader import load, load_text
from cjmap.schema import DRAFT_07, build_schema, schema_json
from conftest import EXAMPLES, MINIMAL, ROOT

SCHEMA_FILE = ROOT / "schemas" / "cjmap.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text() == schema_json(), (
        "schemas/cjmap.schema.json is out of date: run `cjmap schema > schemas/cjmap.schema.json`"
    )


def test_schema_declares_draft_07_and_is_valid() -> None:
    schema = build_schema()
    assert schema["$schema"] == DRAFT_07
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_pass_the_schema(example: Path) -> None:
    jsonschema.Draft7Validator(build_schema()).validate(load(example).data)


def test_schema_accepts_string_and_mapping_pains_and_x_keys() -> None:
    text = MINIMAL.replace(
        "    channels: [web]\n",
        "    channels: [web]\n    x-note: 1\n    pains: [a, {text: b, severity: high}]\n",
        1,
    )
    jsonschema.Draft7Validator(build_schema()).validate(load_text(text, "m").data)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    channels: [web]\n", "    channels: [web]\n    emotion: 5\n"),
        ("    channels: [web]\n", "    channels: [web]\n    colour: red\n"),
        ("cjmap: 1", "cjmap: 2"),
        ("  - id: awareness", "  - id: 'bad id'"),
    ],
)
def test_schema_rejects_what_the_model_rejects(old: str, new: str) -> None:
    data = load_text(MINIMAL.replace(old, new, 1), "m").data
    assert not jsonschema.Draft7Validator(build_schema()).is_valid(data)


AJV_DIR = ROOT / "tests" / "node" / "node_modules"


@pytest.mark.skipif(
    shutil.which("node") is None or not (AJV_DIR / "ajv").exists(),
    reason="needs Node.js and `npm install --prefix tests/node` (.ci/run does it)",
)
def test_schema_compiles_in_ajv_strict_mode(tmp_path: Path) -> None:
    script = tmp_path / "check.js"
    script.write_text(
        "const Ajv = require('ajv'); const addFormats = require('ajv-formats');\n"
        "const ajv = new Ajv({strict: true, allErrors: true}); addFormats(ajv);\n"
        "const fs = require('fs');\n"
        "const validate = ajv.compile(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));\n"
        "const data = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));\n"
        "if (!validate(data)) { console.log(JSON.stringify(validate.errors)); process.exit(1); }\n"
    )
    for example in sorted(EXAMPLES.glob("*.yaml")):
        data_file = tmp_path / (example.stem + ".json")
        data_file.write_text(json.dumps(load(example).data, default=str))
        run = subprocess.run(
            ["node", str(script), str(SCHEMA_FILE), str(data_file)],
            capture_output=True,
            text=True,
            env={"NODE_PATH": str(AJV_DIR), "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )
        assert run.returncode == 0, run.stdout + run.stderr
