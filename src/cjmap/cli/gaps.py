"""``cjmap gaps``: its options for typer; its body is :mod:`cjmap.commands.gaps`."""

from __future__ import annotations

from typing import Annotated

import typer

from cjmap.cli.common import (
    MaxSizeOption,
    PathsArgument,
    ReportOutputOption,
    TableFormatOption,
    VerboseOption,
    command,
    finish,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(
    epilog="Examples: cjmap gaps examples/coffee-subscription.yaml --against standard; "
    "cjmap gaps maps/ --by persona --journeys --check",
)
def gaps(
    paths: PathsArgument,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            metavar="persona|channel",
            help="Also list, per persona or channel, the stages it never appears in.",
        ),
    ] = None,
    journeys: Annotated[
        bool,
        typer.Option(
            "--journeys",
            help="Also list the stages each journey skips, and (for context, not counted by "
            "--check) those before or after it.",
        ),
    ] = False,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="standard|b2b|FILE",
            help="Also name the stages of a reference lifecycle that the map lacks: a built-in "
            "one, or a YAML file listing stage names or ids.",
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when any gap is listed, for CI.")
    ] = False,
    output_format: TableFormatOption = "table",
    output: ReportOutputOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """List the lifecycle stages that no touchpoint maps, in lifecycle order.

    Exits 0 unless --check is given and there are gaps (1), a map does not
    validate (1), or a path or the --against lifecycle is unusable (2).
    """
    from cjmap.commands import gaps as body

    finish(
        body.run,
        body.Options(
            paths, output_format, max_size, by or (), journeys, against, check, output, verbose
        ),
    )
