"""``cjmap diff``: its options for typer; its body is :mod:`cjmap.commands.diff`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import DIFF_FORMATS
from cjmap.cli.common import (
    DiffFormat,
    MaxSizeOption,
    command,
    finish,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(
    epilog="Examples: cjmap diff examples/coffee-subscription.yaml "
    "examples/coffee-subscription-future.yaml; "
    "cjmap diff HEAD~1:maps/coffee.yaml maps/coffee.yaml; "
    "cjmap diff --git main maps/ --check -f markdown -o diff.md",
)
def diff(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="OLD NEW",
            help="The two versions of a map: files, or REV:PATH to read a file from git. "
            "With --git: the files and folders to compare.",
            show_default=False,
        ),
    ],
    git: Annotated[
        str | None,
        typer.Option(
            "--git",
            metavar="REV",
            help="Compare each map in the given files and folders with its version at this "
            "git revision.",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=DIFF_FORMATS.help())
    ] = "text",
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 on a regression: a new high or critical pain, a lower emotion at a "
            "moment of truth, a metric moving away from its target, or a metric removed from "
            "a moment of truth or while off target.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the diff to this file."),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
) -> None:
    """Show what changed for the customer between two versions of a map.

    Items are matched by id: stages, channels, personas, touchpoints, emotions,
    pains, delights, moments of truth, metrics, actions and journeys. Formatting,
    comments and key order are not changes. Exits 0 (with --check, 1 on a
    regression), 1 when a map is not valid, 2 for a missing file or revision.
    """
    from cjmap.commands import diff as body

    finish(body.run, body.Options(paths, output_format, max_size, git, check, output))
