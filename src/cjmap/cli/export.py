"""``cjmap export``: its options for typer; its body is :mod:`cjmap.commands.export`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import EXPORT_TARGETS
from cjmap.cli.common import (
    ExportFormat,
    MaxSizeOption,
    PathsArgument,
    VerboseOption,
    command,
    finish,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(
    epilog="Examples: cjmap export examples/coffee-subscription.yaml --to mermaid; "
    "cjmap export map.yaml --to markdown --mermaid -o map.md; "
    "cjmap export maps/ --to csv --out-dir exports/; "
    "cjmap export map.yaml --to json --inventory -o touchpoints.json",
)
def export(
    paths: PathsArgument,
    to: Annotated[ExportFormat, typer.Option("--to", "--format", "-f", help=EXPORT_TARGETS.help())],
    journey: Annotated[
        str | None,
        typer.Option(
            "--journey",
            metavar="ID",
            help="Draw this journey's steps rather than every touchpoint (mermaid).",
        ),
    ] = None,
    mermaid: Annotated[
        bool, typer.Option("--mermaid", help="Embed the Mermaid diagram (markdown).")
    ] = False,
    inventory: Annotated[
        bool,
        typer.Option(
            "--inventory", help="The flat touchpoint inventory instead of the whole map (json)."
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the export to this file."),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir",
            metavar="DIR",
            help="Write one file per map into this folder, named after the map file.",
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """Export maps to Mermaid, Markdown, CSV or JSON, for GitHub, wikis, spreadsheets and tools.

    One map goes to stdout or to -o FILE; several go to --out-dir. Exits 0 when
    every map was exported, 1 when a map is not valid, 2 for unusable paths or
    options.
    """
    from cjmap.commands import export as body

    finish(
        body.run,
        body.Options(paths, to, max_size, journey, mermaid, output, out_dir, verbose, inventory),
    )
