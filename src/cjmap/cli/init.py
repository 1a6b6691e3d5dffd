"""``cjmap init``: its options for typer; its body is :mod:`cjmap.commands.init`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.common import (
    command,
    finish,
)


@command(epilog="Example: cjmap init maps/checkout.yaml")
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter map.")] = Path(
        "journey-map.yaml"
    ),
) -> None:
    """Write a small, commented starter map that shows every section.

    Also writes cjmap.schema.json beside it, for editor completion, when there is
    none. Never overwrites an existing file.
    """
    from cjmap.commands import init as body

    finish(body.run, body.Options(path))
