"""``cjmap lint``: its options for typer; its body is :mod:`cjmap.commands.lint`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.common import (
    FindingsFormatOption,
    JobsOption,
    MaxSizeOption,
    PathsArgument,
    ReportOutputOption,
    command,
    finish,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(
    epilog="Examples: cjmap lint examples/ --strict; "
    "cjmap lint maps/ --format sarif -o cjmap.sarif; cjmap lint map.yaml --ignore L115,L105",
)
def lint(
    paths: PathsArgument,
    output_format: FindingsFormatOption = "text",
    select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="RULES",
            help="Run only these rules (names or codes, comma-separated); "
            "replaces the config file's select and ignore.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="RULES", help="Do not run these rules (names or codes)."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Read settings from this cjmap.toml or pyproject.toml, instead of the "
            "nearest one above each map.",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings would fail.")
    ] = False,
    output: ReportOutputOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    jobs: JobsOption = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Also say which files were skipped and which config applied."
        ),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Print one line per rule with its count of findings, instead of the findings "
            "(text or json).",
        ),
    ] = False,
) -> None:
    """Check maps like validate, then against the rules of good journey mapping.

    Each finding has a rule, a code and a severity (see cjmap rules). Exits 1
    when an error remains (or a warning, with --strict), 0 otherwise, 2 for
    unusable paths, options or config files.
    """
    from cjmap.commands import lint as body

    finish(
        body.run,
        body.Options(
            paths, output_format, max_size, select, ignore or (), config, strict, exit_zero,
            output, jobs, verbose, statistics,
        ),
    )  # fmt: skip
