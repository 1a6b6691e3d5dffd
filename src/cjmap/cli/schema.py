"""``cjmap schema``: its options for typer; its body is :mod:`cjmap.commands.schema`."""

from __future__ import annotations

from cjmap.cli.common import (
    command,
    finish,
)


@command(epilog="Example: cjmap schema > cjmap.schema.json")
def schema() -> None:
    """Print the JSON Schema of format v1 (draft-07), for editors and other tools."""
    from cjmap.commands import schema as body

    finish(body.run, body.Options())
