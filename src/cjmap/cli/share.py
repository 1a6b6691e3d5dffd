"""``cjmap share``: its options for typer; its body is :mod:`cjmap.commands.share`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.common import (
    ConfigOption,
    MaxSizeOption,
    PathsArgument,
    VerboseOption,
    command,
    finish,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(
    epilog="Examples: cjmap share examples/coffee-subscription.yaml; "
    "cjmap share maps/ -o journey-maps.html; cjmap share maps/ --out-dir site/. "
    "The page needs no network: no CDN, web font or request of any kind.",
)
def share(
    paths: PathsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write one page of every map to this file."
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", metavar="DIR", help="Write a page per map into this folder."),
    ] = None,
    config: ConfigOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """Write maps as one self-contained web page, for the people who read them.

    The page holds every picture, the pains, gaps and lint findings, and each
    touchpoint's details; readers pick a persona or a journey, and click a
    touchpoint. One map's page goes beside it (map.html) unless -o says where.
    Exits 0, 1 when a map is not valid (nothing is written for it), 2 for
    unusable paths or options.
    """
    from cjmap.commands import share as body

    finish(body.run, body.Options(paths, max_size, output, out_dir, config, verbose))
