"""``cjmap validate``: its options for typer; its body is :mod:`cjmap.commands.validate`."""

from __future__ import annotations

from cjmap.cli.common import (
    FindingsFormatOption,
    JobsOption,
    MaxSizeOption,
    PathsArgument,
    VerboseOption,
    command,
    finish,
)
from cjmap.loader import DEFAULT_MAX_SIZE


@command(epilog="Example: cjmap validate examples/ --format github")
def validate(
    paths: PathsArgument,
    output_format: FindingsFormatOption = "text",
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
    jobs: JobsOption = None,
) -> None:
    """Check maps against format v1: YAML syntax, schema and references.

    Reports every problem in every file with its line and column. Exits 0 when
    all maps are valid, 1 when any has a problem, 2 for unusable paths.
    """
    from cjmap.commands import validate as body

    finish(body.run, body.Options(paths, output_format, max_size, verbose, jobs))
