"""``cjmap pains``: its options for typer; its body is :mod:`cjmap.commands.pains`."""

from __future__ import annotations

from typing import Annotated

import typer

from cjmap.cli.common import (
    MaxSizeOption,
    PathsArgument,
    ReportOutputOption,
    Severity,
    TableFormatOption,
    VerboseOption,
    command,
    finish,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(
    epilog="Examples: cjmap pains examples/coffee-subscription.yaml --min-severity high; "
    "cjmap pains maps/ --persona busy-parent --metrics -f markdown",
)
def pains(
    paths: PathsArgument,
    stage: Annotated[
        list[str] | None,
        typer.Option("--stage", metavar="ID", help="Only pains in these stages."),
    ] = None,
    channel: Annotated[
        list[str] | None,
        typer.Option(
            "--channel", metavar="ID", help="Only pains on touchpoints over these channels."
        ),
    ] = None,
    persona: Annotated[
        list[str] | None,
        typer.Option(
            "--persona",
            metavar="ID",
            help="Only pains on touchpoints for these personas (a touchpoint that lists no "
            "personas is for every persona).",
        ),
    ] = None,
    journey: Annotated[
        list[str] | None,
        typer.Option("--journey", metavar="ID", help="Only pains on the steps of these journeys."),
    ] = None,
    min_severity: Annotated[
        Severity, typer.Option("--min-severity", help="Leave out pains milder than this.")
    ] = "low",
    metrics: Annotated[
        bool, typer.Option("--metrics", help="Also list metrics that miss their target.")
    ] = False,
    output_format: TableFormatOption = "table",
    output: ReportOutputOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """List every point of pain across the maps, worst first.

    Order: severity, then roadblocks, then lower emotion, then lifecycle order.
    Filters take ids, repeated or comma-separated; a pain must pass every filter
    given. Maps that do not validate are left out, their problems on stderr, and
    the exit code is 1.
    """
    from cjmap.commands import pains as body

    finish(
        body.run,
        body.Options(
            paths, output_format, max_size, stage or (), channel or (), persona or (),
            journey or (), min_severity, metrics, output, verbose,
        ),
    )  # fmt: skip
