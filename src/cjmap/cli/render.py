"""``cjmap render``: its options for typer; its body is :mod:`cjmap.commands.render`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import RENDER_VIEWS
from cjmap.cli.common import (
    MaxSizeOption,
    PathsArgument,
    RenderFormat,
    RenderView,
    VerboseOption,
    command,
    finish,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(
    epilog="Examples: cjmap render examples/coffee-subscription.yaml; "
    "cjmap render map.yaml --view matrix -o matrix.png; "
    "cjmap render map.yaml --view emotion --journey first-order -o -; "
    "cjmap render maps/ --out-dir pictures/ --format png. "
    "Uses Graphviz's dot program when it is installed, else a built-in Graphviz "
    "(SVG and PNG only); CJMAP_GRAPHVIZ=dot or =wasm chooses.",
)
def render(
    paths: PathsArgument,
    view: Annotated[RenderView, typer.Option("--view", help=RENDER_VIEWS.help())] = "flow",
    output_format: Annotated[
        RenderFormat | None,
        typer.Option(
            "--format", "-f", help="Picture format (default: from the -o suffix, else svg)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the picture to this file, or '-' for stdout (default: beside the "
            "map, map.svg for map.yaml, map.matrix.svg for --view matrix).",
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir", metavar="DIR", help="Write one picture per map into this folder."
        ),
    ] = None,
    persona: Annotated[
        list[str] | None,
        typer.Option(metavar="IDS", help="Draw what these personas meet, and their journeys."),
    ] = None,
    journey: Annotated[
        list[str] | None,
        typer.Option(
            metavar="IDS",
            help="Draw these journeys and their steps; for --view emotion, the one journey "
            "to draw (default: the first).",
        ),
    ] = None,
    stage: Annotated[
        list[str] | None, typer.Option(metavar="IDS", help="Draw only these stages.")
    ] = None,
    title: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Title of the picture (default: the map's).")
    ] = None,
    curves: Annotated[
        list[str] | None,
        typer.Option(
            metavar="IDS",
            help="For --view emotion, the named curves to draw beside the emotion "
            "(default: every curve).",
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """Draw maps as SVG, PNG, PDF or Graphviz DOT.

    IDS may be repeated or comma-separated. Exits 0 when every map was drawn, 1
    when a map is not valid or cannot be drawn in the view, 2 for unusable paths,
    options or output files.
    """
    from cjmap.commands import render as body

    finish(
        body.run,
        body.Options(
            paths, max_size, view, output_format, output, out_dir, persona or (),
            journey or (), stage or (), title, verbose, curves or (),
        ),
    )  # fmt: skip
