"""``cjmap import``: its options for typer; its body is :mod:`cjmap.commands.import_`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import IMPORT_SOURCES
from cjmap.cli.common import (
    ImportSource,
    MaxSizeOption,
    command,
    finish,
    map_path,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(
    name="import",
    epilog="Examples: cjmap import README.md --from mermaid -o journey.yaml; "
    "cjmap import touchpoints.csv --from csv --scale 1-5 --column 'Moment=touchpoint'; "
    "cjmap import template.xlsx --from xlsx --sheet Journey --transposed -o map.yaml",
)
def import_(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="The file to import.", show_default=False, parser=map_path
        ),
    ],
    source: Annotated[
        ImportSource, typer.Option("--from", help=IMPORT_SOURCES.help("What the file holds."))
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the map to this new file (not stdout)."
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir", metavar="DIR", help="Import every journey of the file into this folder."
        ),
    ] = None,
    index: Annotated[
        int | None,
        typer.Option("--index", metavar="N", min=1, help="Import the N-th journey of the file."),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", metavar="NAME", help="The sheet to read (xlsx).")
    ] = None,
    transposed: Annotated[
        bool | None,
        typer.Option(
            "--transposed/--not-transposed",
            show_default=False,
            help="Stages as columns and lanes as rows, as journey-map templates draw them "
            "(default: recognised).",
        ),
    ] = None,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            metavar="HEADER=FIELD",
            help="Read this column (or row, transposed) as this field, e.g. 'Moment=touchpoint'.",
        ),
    ] = None,
    scale: Annotated[
        str,
        typer.Option(
            "--scale", metavar="SCALE", help="The emotion scale of the file: -2-2, 1-5, 1-10, -5-5."
        ),
    ] = "-2-2",
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
) -> None:
    """Import a Mermaid journey, a CSV touchpoint inventory or an Excel sheet as a map.

    Writes a valid map, with a comment at the top saying where it came from and what
    could not be carried over, to stdout or to a new file (-o; never over one that
    exists). Exits 0 when imported, 1 when the file is not a journey, 2 for unusable
    paths or options.
    """
    from cjmap.commands import import_ as body

    finish(
        body.run,
        body.Options(
            path, source, max_size, output, out_dir, index, sheet, transposed, column or (), scale
        ),
    )
