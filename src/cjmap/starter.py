"""The starter map that ``cjmap init`` writes."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SCHEMA_FILE = "cjmap.schema.json"


def starter_text() -> str:
    return resources.files("cjmap.templates").joinpath("starter.yaml").read_text("utf-8")


def _create(path: Path, text: str) -> None:
    # Mode "x" fails if the file exists, so nothing is ever overwritten.
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)


def write_starter(path: Path) -> list[Path]:
    """Write the starter map (FileExistsError if it exists) and the schema beside it if missing."""
    from cjmap.schema import schema_json

    _create(path, starter_text())
    written = [path]
    schema_path = path.parent / SCHEMA_FILE
    if not schema_path.exists():
        _create(schema_path, schema_json())
        written.append(schema_path)
    return written
